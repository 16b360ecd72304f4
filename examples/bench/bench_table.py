#!/usr/bin/python3
"""Reads the logs that scripts/bench.sh left in a results directory and prints issue 6's table.

Each log holds the key=value lines of the benchmark programs (vae4j: org.vae4j.examples.bench.*,
PyTorch: examples/bench/torch_vae_ext.py); *.time files hold /usr/bin/time's MAXRSS_KIB=... line.
The ratio column is always vae4j / PyTorch; the target column says which way is better.

Usage: bench_table.py RESULTS_DIR
"""
import glob
import os
import statistics
import sys


def fields(path, prefix):
    """key=value pairs of every line of `path` that starts with `prefix`, as a list of dicts."""
    out = []
    with open(path) as f:
        for line in f:
            if line.startswith(prefix):
                pairs = (tok.split("=", 1) for tok in line.split()[1:] if "=" in tok)
                out.append({k: v for k, v in pairs})
    return out


class Results:
    """The logs of one run, looked up by measurement and peer."""

    def __init__(self, directory):
        self.dir = directory

    def logs(self, name, peer):
        found = sorted(glob.glob(os.path.join(self.dir, f"{name}-{peer}*.log")))
        if not found:
            raise SystemExit(f"bench_table: no {name}-{peer}*.log in {self.dir} (did that run fail? see its log)")
        return found

    def last(self, name, peer, prefix, key):
        """`key` of the last `prefix` line of the (single) log."""
        rows = fields(self.logs(name, peer)[-1], prefix)
        if not rows or key not in rows[-1]:
            raise SystemExit(f"bench_table: {name}-{peer}: no {prefix!r} line with {key}")
        return float(rows[-1][key])

    def median(self, name, peer, prefix, key):
        """Median over the repeats of `key` from each log's last `prefix` line."""
        values = []
        for path in self.logs(name, peer):
            rows = fields(path, prefix)
            if not rows or key not in rows[-1]:
                raise SystemExit(f"bench_table: {path}: no {prefix!r} line with {key}")
            values.append(float(rows[-1][key]))
        return statistics.median(values)

    def peak_rss_mib(self, name, peer):
        values = []
        for path in self.logs(name, peer):
            with open(path[:-len(".log")] + ".time") as f:
                kib = [line.split("=", 1)[1] for line in f if line.startswith("MAXRSS_KIB=")]
            values.append(int(kib[-1]) / 1024.0)
        return statistics.median(values)

    def epoch_rss(self, name, peer):
        """rss_mib after each epoch, in order."""
        return [float(r["rss_mib"]) for r in fields(self.logs(name, peer)[-1], "epoch ")]

    def scale(self, peer):
        """{(rows, batch): epoch_seconds}."""
        return {(int(r["rows"]), int(r["batch"])): float(r["epoch_seconds"])
                for r in fields(self.logs("scaling", peer)[-1], "SCALE ")}


class Table:
    """Markdown rows: metric | vae4j | PyTorch | ratio | target | met?"""

    def __init__(self):
        self.rows = []

    def add(self, metric, v, t, target="report", met=None, ratio=None, fmt="{:.1f}"):
        if ratio is None and v is not None and t:
            ratio = f"{v / t:.2f}x"
        cell = (lambda x: "—" if x is None else fmt.format(x))
        verdict = "—" if met is None else ("yes" if met else "**no**")
        self.rows.append(f"| {metric} | {cell(v)} | {cell(t)} | {ratio or '—'} | {target} | {verdict} |")

    def render(self):
        head = ["| metric | vae4j | PyTorch | ratio | target | met? |", "|---|---:|---:|---:|---|---|"]
        return "\n".join(head + self.rows)


def training_rows(table, res, epochs):
    v = res.median("train", "vae4j", "SUMMARY", "samples_per_sec")
    t = res.median("train", "torch", "SUMMARY", "samples_per_sec")
    table.add("training samples/s (reference workload, median)", v, t, ">= 1.0x (aim 1.25x)", v >= t)
    v = res.median("train", "vae4j", "SUMMARY", "test_elbo")
    t = res.median("train", "torch", "SUMMARY", "test_elbo")
    table.add(f"test ELBO after {epochs} epochs (nats, median)", v, t, "within 0.5 nat (not worse)",
              v >= t - 0.5, ratio=f"Δ {v - t:+.2f} nat", fmt="{:.2f}")
    v, t = res.peak_rss_mib("train", "vae4j"), res.peak_rss_mib("train", "torch")
    table.add("peak RSS MiB (whole process, median)", v, t, "<= 1.2x", v <= 1.2 * t, fmt="{:.0f}")
    v = res.median("train", "vae4j", "STARTUP", "first_step_ms")
    t = res.median("train", "torch", "STARTUP", "first_step_ms")
    table.add("start-up: launch to first trained step, ms (median)", v, t, fmt="{:.0f}")


def gemm_rows(table, res):
    """The step's five matrix products alone, and what the rest of a training step costs around them."""
    v = res.last("gemm", "vae4j", "GEMM_TOTAL", "us")
    t = res.last("gemm", "torch", "GEMM_TOTAL", "us")
    table.add("the step's 5 matrix products alone (batch 128), µs", v, t, "report (lower is better)", fmt="{:.0f}")
    step_us = lambda peer: (res.last("train", peer, "peer=", "batch") * 1e6  # noqa: E731
                            / res.median("train", peer, "SUMMARY", "samples_per_sec"))
    v_step, t_step = step_us("vae4j"), step_us("torch")
    table.add("rest of a training step (step time − products), µs", v_step - v, t_step - t,
              "report (lower is better)", fmt="{:.0f}")


def memory_rows(table, res):
    v, t = res.epoch_rss("memory", "vae4j"), res.epoch_rss("memory", "torch")
    last = len(v)
    v_ratio, t_ratio = v[-1] / v[1], t[-1] / t[1]
    table.add(f"RSS after epoch {last} / after epoch 2", v_ratio, t_ratio, "within 5% (vae4j)",
              abs(v_ratio - 1) <= 0.05, ratio="—", fmt="{:.3f}")


def encode_rows(table, res):
    v = res.last("encode", "vae4j", "ENCODE", "batch_rows_per_sec")
    t = res.last("encode", "torch", "ENCODE", "batch_rows_per_sec")
    table.add("batch encode of 10k test rows, rows/s", v, t, ">= 1.0x", v >= t, fmt="{:.0f}")
    v = res.last("encode", "vae4j", "ENCODE", "one_row_us_median")
    t = res.last("encode", "torch", "ENCODE", "one_row_us_median")
    table.add("one-row encode, µs (median, warmed up)", v, t, "<= 100 µs", v <= 100)
    v = res.last("encode", "vae4j", "ENCODE", "one_row_us_p99")
    t = res.last("encode", "torch", "ENCODE", "one_row_us_p99")
    table.add("one-row encode, µs (p99)", v, t)


def scaling_rows(table, res):
    v, t = res.scale("vae4j"), res.scale("torch")
    keys = sorted(v)
    batch0 = min(b for _, b in keys)
    by_rows = [k for k in keys if k[1] == batch0]
    rows_max = max(r for r, _ in keys)
    by_batch = sorted({k for k in keys if k[0] == rows_max}, key=lambda k: k[1])
    for k in sorted(set(by_rows) | set(by_batch)):
        table.add(f"epoch seconds, {k[0]} rows, batch {k[1]}", v[k], t.get(k), fmt="{:.3f}")
    if len(by_rows) >= 2:
        small, big = by_rows[0], by_rows[-1]
        per_row = lambda s: (s[big] / big[0]) / (s[small] / small[0])  # noqa: E731
        table.add(f"linear in rows: s/row at {big[0]} ÷ s/row at {small[0]}", per_row(v), per_row(t),
                  "0.8 – 1.25", 0.8 <= per_row(v) <= 1.25, ratio="—", fmt="{:.2f}")
    if len(by_batch) >= 2:
        lo, hi = by_batch[0], by_batch[-1]
        grow = lambda s: s[hi] / s[lo]  # noqa: E731
        table.add(f"sub-linear in batch: epoch s at batch {hi[1]} ÷ at {lo[1]}", grow(v), grow(t),
                  "<= 1.0 (step cost grows slower than batch)", grow(v) <= 1.0, ratio="—", fmt="{:.2f}")


def deep_rows(table, res, label):
    v = res.median("deep", "vae4j", "SUMMARY", "samples_per_sec")
    t = res.median("deep", "torch", "SUMMARY", "samples_per_sec")
    table.add(f"deeper {label}: training samples/s", v, t)
    v = res.median("deep", "vae4j", "SUMMARY", "test_elbo")
    t = res.median("deep", "torch", "SUMMARY", "test_elbo")
    table.add(f"deeper {label}: test ELBO (nats)", v, t, ratio=f"Δ {v - t:+.2f} nat", fmt="{:.2f}")


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        raise SystemExit(__doc__.rstrip().rsplit("\n", 1)[-1])
    res = Results(sys.argv[1])
    meta = {}
    with open(os.path.join(sys.argv[1], "meta.txt")) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                meta[k] = v
    vae = fields(res.logs("train", "vae4j")[-1], "SUMMARY")[-1]
    torch = fields(res.logs("train", "torch")[-1], "SUMMARY")[-1]
    epochs = int(vae["epochs"])
    table = Table()
    training_rows(table, res, epochs)
    gemm_rows(table, res)
    memory_rows(table, res)
    encode_rows(table, res)
    scaling_rows(table, res)
    deep_rows(table, res, meta.get("deep", ""))
    print(f"### vae4j vs PyTorch reference — {meta.get('mode', '?')} run")
    print()
    print(f"- date: {meta.get('date', '?')}; machine: {meta.get('nproc', '?')} cores, {meta.get('cpu', '?')}; "
          f"load average before/after: {meta.get('load_before', '?')} / {meta.get('load_after', '?')}")
    print(f"- vae4j: DJL {vae.get('djl', '?')}, PyTorch {vae.get('pytorch', '?')} (libtorch), "
          f"{meta.get('java', '?')}; reference: torch {torch.get('version', '?')}; both {meta.get('threads', '?')} threads"
          + (f"; {meta['omp']}" if meta.get("omp") else ""))
    print(f"- workload: {meta.get('workload', '?')}; {meta.get('repeats', '?')} back-to-back repeats of the training "
          f"pair, medians; ratio = vae4j / PyTorch")
    print()
    print(table.render())


if __name__ == "__main__":
    main()
