#!/usr/bin/env bash
# The full density-estimation protocol (2000 epochs at most, early stopping with patience 50, test NLL with
# S = 5000 on all 10k test images) for the Gaussian prior and the VampPrior (K = 500), vae4j and the
# PyTorch reference each, through density.sh. Days of CPU on 2 cores: run it under nohup, and read the
# tables as they appear. Any extra option goes to every run (e.g. --epochs 300 for a shorter budget,
# --omp-passive on a busy machine).
#   nohup examples/bench/density_full.sh --out /tmp/density-full > /tmp/density-full.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")"
out=/tmp/vae4j-density-full.$$
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "density_full.sh: --out needs a directory" >&2; exit 2; }; out=$2; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
for prior in normal vamp:K=500,clip=true; do
  ./density.sh --epochs 2000 --samples 5000 --prior "$prior" --out "$out/${prior%%:*}" "${args[@]}"
done
