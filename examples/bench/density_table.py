#!/usr/bin/python3
"""Reads the logs density.sh left in a results directory and prints the density benchmark's table.

vae4j.log (org.vae4j.examples.bench.DensityBench) and torch.log (torch_density.py) hold a header line,
`epoch N key=value ...` lines and a `SUMMARY key=value ...` line; meta.txt holds the machine and the options.
Ratios are vae4j / PyTorch (samples/s: higher is better) and differences vae4j - PyTorch (NLL, nats: lower
is better).

Usage: density_table.py RESULTS_DIR
"""
import os
import statistics
import sys

PUBLISHED = "published test NLL, 2000 epochs (Norouzi et al. 2020): Gaussian prior 228.70, VampPrior 227.35"


def pairs(line):
    return dict(tok.split("=", 1) for tok in line.split() if "=" in tok)


def read(path):
    """(header, epoch lines, summary) of one peer's log, or None if it has no SUMMARY."""
    if not os.path.exists(path):
        return None
    header, epochs, summary = {}, [], None
    with open(path) as f:
        for line in f:
            if line.startswith("epoch "):
                epochs.append(pairs(line))
            elif line.startswith("SUMMARY"):
                summary = pairs(line)
            elif line.startswith("peer="):
                header = pairs(line)
    return None if summary is None else (header, epochs, summary)


def main(directory):
    meta = {}
    with open(os.path.join(directory, "meta.txt")) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            meta[key] = value
    peers = {name: read(os.path.join(directory, name + ".log")) for name in ("vae4j", "torch")}
    print(f"Density benchmark, {meta['date']}: {meta['cpu']}, {meta['nproc']} cores, threads={meta['threads']}, "
          f"OMP_WAIT_POLICY={meta['omp']}, load {meta['load_before']} -> {meta['load_after']}")
    print(f"Options: {meta['options']}")
    print()
    print("| peer | prior | epochs (best) | train s | median samples/s | test ELBO | test NLL | S | n_test |")
    print("|---|---|---|---|---|---|---|---|---|")
    figures = {}
    for name, run in peers.items():
        if run is None:
            print(f"| {name} | {meta[name]} | | | | | | | |")
            continue
        header, epochs, s = run
        rate = statistics.median(float(e["samples_per_sec"]) for e in epochs)
        figures[name] = (rate, float(s["test_nll"]))
        print(f"| {name} | {s['prior']} | {s['epochs']} ({s['best_epoch']}) | {s['train_seconds']} | {rate:.1f} | "
              f"{s['test_elbo']} | {s['test_nll']} | {s['samples']} | {header.get('n_test', '')} |")
    if len(figures) == 2:
        (v_rate, v_nll), (t_rate, t_nll) = figures["vae4j"], figures["torch"]
        print()
        print(f"vae4j / torch samples/s: {v_rate / t_rate:.2f} (target >= 1); "
              f"vae4j - torch test NLL: {v_nll - t_nll:+.3f} nats (target <= 0.3)")
    print()
    print(PUBLISHED)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
