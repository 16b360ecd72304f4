#!/usr/bin/python3
"""The PyTorch reference of ../shared/bench/torch_vae.py, extended for vae4j's benchmark (issue 6).

With no flags it runs the reference workload and prints the same lines as torch_vae.py (Fashion-MNIST,
784-400 ReLU -> 20, Bernoulli logits, BCE summed over pixels + analytic KL, Adam 1e-3, batch 128, 2
threads; the random numbers are drawn in the same order, so the figures match torch_vae.py's).

Extra flags:
  --hidden 512,256 --latent 32   deeper networks (decoder mirrors the encoder)
  --rss-every-epoch              adds peak_rss_mib (VmHWM) to every epoch line (rss_mib is always there)
  --startup                      prints a STARTUP line: ms from process start to the first trained step
  --encode                       after training, times posterior-mean encoding of the 10k test set
                                 under no_grad (rows/s) and the one-row encode latency (us, warmed up)
  --scaling-rows 10000,30000,60000 --scaling-batches 128,256,512,1024
                                 seconds per epoch for each row count (at --batch) and each batch size
                                 (at the full training set), one fresh model per setting
  --gemm                         only times the five large matrix products of one training step (at
                                 --batch, 784-400), laid out as in a linear layer's passes; the same
                                 products as vae4j's GemmBench

Run: /usr/bin/python3 examples/bench/torch_vae_ext.py --epochs 2
"""
import argparse
import os
import statistics
import sys
import time

sys.dont_write_bytecode = True
_SHARED = os.environ.get("VAE4J_SHARED_BENCH", "/work/shared/bench")
sys.path.insert(0, _SHARED)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import fmnist  # noqa: E402  (the loader the reference uses: same pixels, same scaling)

PIXELS = 784


def process_age_ms():
    """Milliseconds since this process started (from /proc: start tick vs. system uptime)."""
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of stat(5); the first two were cut off with the name
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0


def proc_status_mib(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def widths(text):
    try:
        out = [int(w) for w in text.split(",") if w.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated positive integers, got {text!r}")
    if not out or min(out) <= 0:
        raise argparse.ArgumentTypeError(f"expected comma-separated positive integers, got {text!r}")
    return out


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def mlp(sizes):
    """Linear layers with ReLU between them (and after the last when used as a trunk)."""
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    return nn.Sequential(*layers)


class Vae(nn.Module):
    """Encoder trunk -> (mu, logvar) heads; decoder trunk -> pixel logits. Layers are created in the
    reference's order (encoder, mu, logvar, decoder, output) so a default build draws the same weights."""

    def __init__(self, hidden, latent):
        super().__init__()
        self.latent = latent
        self.trunk = mlp([PIXELS] + hidden)
        self.mu = nn.Linear(hidden[-1], latent)
        self.logvar = nn.Linear(hidden[-1], latent)
        back = list(reversed(hidden))
        self.expand = mlp([latent] + back)
        self.logits = nn.Linear(back[-1], PIXELS)

    def encode(self, x):
        h = self.trunk(x)
        return self.mu(h), self.logvar(h)

    def forward(self, x, eps):
        mu, logvar = self.encode(x)
        z = mu + eps * torch.exp(0.5 * logvar)
        return self.logits(self.expand(z)), mu, logvar


def neg_elbo(logits, x, mu, logvar):
    """Per-row BCE (summed over pixels) + analytic KL to N(0, I)."""
    rec = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(dim=1)
    kl = -0.5 * (1.0 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1)
    return rec + kl


class Trainer:
    """One model, its Adam optimiser and the noise generator, trained epoch by epoch."""

    def __init__(self, args, hidden, latent):
        self.model = Vae(hidden, latent)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=args.lr)
        self.gen = torch.Generator().manual_seed(args.seed + 1)
        self.first_step_ms = None

    def epoch(self, x, batch):
        """Returns (seconds, mean train loss) of one shuffled pass over x."""
        self.model.train()
        n = x.shape[0]
        start = time.perf_counter()
        order = torch.randperm(n, generator=self.gen)
        total = 0.0
        for lo in range(0, n, batch):
            xb = x[order[lo:lo + batch]]
            eps = torch.randn(xb.shape[0], self.model.latent, generator=self.gen)
            losses = neg_elbo(*self._outputs(xb, eps))
            self.opt.zero_grad(set_to_none=True)
            losses.mean().backward()
            self.opt.step()
            total += losses.sum().item()
            if self.first_step_ms is None:
                self.first_step_ms = process_age_ms()
        return time.perf_counter() - start, total / n

    def _outputs(self, xb, eps):
        logits, mu, logvar = self.model(xb, eps)
        return logits, xb, mu, logvar

    @torch.no_grad()
    def test_elbo(self, x, seed, chunk=1000):
        self.model.eval()
        gen = torch.Generator().manual_seed(seed)
        total = 0.0
        for lo in range(0, x.shape[0], chunk):
            xb = x[lo:lo + chunk]
            eps = torch.randn(xb.shape[0], self.model.latent, generator=gen)
            total += neg_elbo(*self._outputs(xb, eps)).sum().item()
        return -total / x.shape[0]


def run_training(args, x_train, x_test, trainer):
    n = x_train.shape[0]
    seconds, elbo = [], float("nan")
    for e in range(1, args.epochs + 1):
        secs, loss = trainer.epoch(x_train, args.batch)
        seconds.append(secs)
        elbo = trainer.test_elbo(x_test, args.seed + 1000 + e)
        line = (f"epoch {e} train_seconds={secs:.3f} samples_per_sec={n / secs:.1f} "
                f"train_loss={loss:.3f} test_elbo={elbo:.3f} rss_mib={proc_status_mib('VmRSS'):.0f}")
        if args.rss_every_epoch:
            line += f" peak_rss_mib={proc_status_mib('VmHWM'):.0f}"
        print(line, flush=True)
    med = statistics.median(seconds)
    print(f"SUMMARY peer=torch version={torch.__version__} epochs={args.epochs} "
          f"median_epoch_seconds={med:.3f} samples_per_sec={n / med:.1f} test_elbo={elbo:.3f}", flush=True)
    if args.startup:
        print(f"STARTUP peer=torch first_step_ms={trainer.first_step_ms:.0f} "
              f"peak_rss_mib={proc_status_mib('VmHWM'):.0f}", flush=True)


@torch.no_grad()
def run_encode(args, x_test, trainer):
    model = trainer.model.eval()
    timings = []
    for _ in range(args.encode_repeats + 1):  # the first pass is warm-up
        start = time.perf_counter()
        mu, _ = model.encode(x_test)
        mu.numpy()
        timings.append(time.perf_counter() - start)
    batch_rows = x_test.shape[0] / statistics.median(timings[1:])
    rows = [x_test[i:i + 1] for i in range(args.one_row_calls)]
    for r in rows[:args.warmup_calls]:
        model.encode(r)[0].numpy()
    micros = []
    for r in rows:
        start = time.perf_counter_ns()
        model.encode(r)[0].numpy()
        micros.append((time.perf_counter_ns() - start) / 1000.0)
    micros.sort()
    print(f"ENCODE peer=torch rows={x_test.shape[0]} batch_rows_per_sec={batch_rows:.1f} "
          f"one_row_us_median={statistics.median(micros):.1f} one_row_us_mean={statistics.fmean(micros):.1f} "
          f"one_row_us_p99={micros[int(0.99 * (len(micros) - 1))]:.1f} calls={len(micros)}", flush=True)


def run_scaling(args, x_full, hidden):
    settings = [(min(rows, x_full.shape[0]), args.batch) for rows in args.scaling_rows]
    settings += [(x_full.shape[0], b) for b in args.scaling_batches]
    settings = list(dict.fromkeys(settings))  # the two sweeps share one setting: time it once
    warm = Trainer(args, hidden, args.latent)  # untimed: first-use costs (allocator, kernels)
    warm.epoch(x_full[:2048], args.batch)
    for rows, batch in settings:
        trainer = Trainer(args, hidden, args.latent)
        x = x_full[:rows]
        secs = statistics.median([trainer.epoch(x, batch)[0] for _ in range(args.epochs)])
        print(f"SCALE peer=torch rows={x.shape[0]} batch={batch} epoch_seconds={secs:.3f} "
              f"samples_per_sec={x.shape[0] / secs:.1f}", flush=True)


def run_gemm(args, hidden):
    b, d, h = args.batch, PIXELS, hidden[0]
    products = [("encoder.forward", b, d, h, False, True), ("decoder.forward", b, h, d, False, True),
                ("decoder.input_grad", b, d, h, False, False), ("decoder.weight_grad", d, b, h, True, False),
                ("encoder.weight_grad", h, b, d, True, False)]

    def operand(rows, cols, transposed):
        return torch.rand(cols, rows).t() if transposed else torch.rand(rows, cols)

    total_us = total_flops = 0.0
    for name, m, k, n, ta, tb in products:
        a, bb = operand(m, k, ta), operand(k, n, tb)
        for _ in range(args.gemm_calls):
            torch.matmul(a, bb)
        blocks = []
        for _ in range(args.gemm_calls // 100):
            start = time.perf_counter()
            for _ in range(100):
                torch.matmul(a, bb)
            blocks.append((time.perf_counter() - start) / 100 * 1e6)
        us = statistics.median(blocks)
        flops = 2.0 * m * k * n
        total_us += us
        total_flops += flops
        print(f"GEMM peer=torch product={name} m={m} k={k} n={n} us={us:.1f} gflops={flops / us / 1e3:.1f}",
              flush=True)
    print(f"GEMM_TOTAL peer=torch us={total_us:.1f} gflops={total_flops / total_us / 1e3:.1f}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=positive, default=2)
    ap.add_argument("--batch", type=positive, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=positive, default=2)
    ap.add_argument("--train-limit", type=positive, default=None, help="use only the first N training images")
    ap.add_argument("--data-dir", default=fmnist.DEFAULT_DIR)
    ap.add_argument("--hidden", type=widths, default=[400], help="encoder widths, e.g. 512,256")
    ap.add_argument("--latent", type=positive, default=20)
    ap.add_argument("--rss-every-epoch", action="store_true", help="peak RSS (VmHWM) on every epoch line")
    ap.add_argument("--startup", action="store_true", help="print ms from process start to the first step")
    ap.add_argument("--encode", action="store_true", help="time batch and one-row encoding after training")
    ap.add_argument("--encode-repeats", type=positive, default=5)
    ap.add_argument("--one-row-calls", type=positive, default=5000)
    ap.add_argument("--warmup-calls", type=positive, default=1000)
    ap.add_argument("--scaling-rows", type=widths, default=None)
    ap.add_argument("--scaling-batches", type=widths, default=None)
    ap.add_argument("--gemm", action="store_true", help="only time the step's matrix products")
    ap.add_argument("--gemm-calls", type=positive, default=2000)
    args = ap.parse_args()
    if args.one_row_calls > 10000:
        ap.error("--one-row-calls is at most 10000 (one call per test row)")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.gemm:
        print(f"peer=torch version={torch.__version__} threads={torch.get_num_threads()}", flush=True)
        run_gemm(args, args.hidden)
        return
    np.random.seed(args.seed)
    x_train = torch.from_numpy(fmnist.load("train", args.data_dir, args.train_limit))
    x_test = torch.from_numpy(fmnist.load("t10k", args.data_dir))
    print(f"peer=torch version={torch.__version__} threads={torch.get_num_threads()} "
          f"n_train={x_train.shape[0]} n_test={x_test.shape[0]} batch={args.batch} lr={args.lr} seed={args.seed} "
          f"hidden={','.join(map(str, args.hidden))} latent={args.latent}", flush=True)

    if args.scaling_rows or args.scaling_batches:
        args.scaling_rows = args.scaling_rows or []
        args.scaling_batches = args.scaling_batches or []
        run_scaling(args, x_train, args.hidden)
        return
    trainer = Trainer(args, args.hidden, args.latent)
    run_training(args, x_train, x_test, trainer)
    if args.encode:
        run_encode(args, x_test, trainer)


if __name__ == "__main__":
    main()
