#!/usr/bin/env bash
# Issue 13's density-estimation benchmark: vae4j (org.vae4j.examples.bench.DensityBench) and the PyTorch
# reference (../shared/bench/torch_density.py) on the same protocol with the same options, one after the
# other on this machine, then one markdown table (density_table.py) with the ratios and the CPU model.
#
#   examples/bench/density.sh --epochs 3 --samples 100 --test-limit 1000     short run (minutes)
#   examples/bench/density.sh --epochs 100                                  the issue's comparison budget
#   examples/bench/density.sh --prior vamp:K=500,clip=true --epochs 100     the VampPrior (see below)
#   examples/bench/density_full.sh                                          the full 2000-epoch protocol
#
# Protocol options (both peers, torch_density.py's names and defaults): --epochs 2000 --warmup 100
#   --patience 50 --batch 100 --lr 5e-4 --samples 5000 --train-limit N --test-limit N --seed 42 --threads 2
#   --data-dir DIR.
# Components (vae4j specs, passed to vae4j's configuration as they are): --prior normal|vamp:K=500,clip=true|...
#   --guide gaussian|iaf:flows=4|... --objective mc-elbo|elbo|iwae:k=5|... The reference has only the
#   protocol's own (prior normal or vamp with its K, Gaussian guide, Monte Carlo ELBO); for any other
#   variant it is skipped and the table says so.
# Harness options: --out DIR (logs and table; default a fresh temp dir), --no-build, --only vae4j|torch,
#   --omp-passive (OMP_WAIT_POLICY=PASSIVE for both: on a busy machine OpenMP's spinning threads slow both).
# Env: VAE4J_JVM_OPTS, VAE4J_BENCH_JAVA_OPTS (JVM flags), DENSITY_REF (path of torch_density.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

out="" build=1 only="" prior=normal guide=gaussian objective=mc-elbo threads=2
data=${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}
common=()
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "density.sh: $1 needs a value" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --omp-passive) export OMP_WAIT_POLICY=PASSIVE ;;
    --out) need_value "$@"; out=$2; shift ;;
    --only) need_value "$@"; only=$2; shift
            [ "$only" = vae4j ] || [ "$only" = torch ] || { echo "density.sh: --only takes vae4j or torch" >&2; exit 2; } ;;
    --prior) need_value "$@"; prior=$2; shift ;;
    --guide) need_value "$@"; guide=$2; shift ;;
    --objective) need_value "$@"; objective=$2; shift ;;
    --threads) need_value "$@"; threads=$2; shift ;;
    --data-dir) need_value "$@"; data=$2; shift ;;
    --epochs|--warmup|--patience|--batch|--lr|--samples|--train-limit|--test-limit|--seed)
      need_value "$@"; common+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "density.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

env_script=examples/bin/vae4j-env.sh
# shellcheck disable=SC1090
. "$env_script"
PY=/usr/bin/python3   # Debian's python3-torch lives here; the python3 on PATH may lack torch
REF=${DENSITY_REF:-}
for candidate in "$ROOT/../shared/bench/torch_density.py" "$ROOT/../../shared/bench/torch_density.py"; do
  [ -n "$REF" ] || { [ -f "$candidate" ] && REF=$(cd "$(dirname "$candidate")" && pwd)/torch_density.py; } || true
done
[ -n "$REF" ] && [ -f "$REF" ] || { echo "density.sh: cannot find torch_density.py (set DENSITY_REF)" >&2; exit 1; }
[ -e "$data/train-images-idx3-ubyte.gz" ] || { echo "density.sh: missing $data (install dataset-fashion-mnist)" >&2; exit 1; }

# The reference's own variants: the standard prior or the VampPrior with its K, the Gaussian guide, the
# Monte Carlo ELBO. torch_args is empty when the reference cannot run this variant.
torch_args=()
case "$prior" in
  normal) torch_args=(--prior standard) ;;
  vamp|vamp:clip=true) torch_args=(--prior vamp) ;;
  vamp:*) k=$(sed -n 's/.*[:,]K=\([1-9][0-9]*\).*/\1/p' <<<"$prior")
          [ -n "$k" ] && torch_args=(--prior vamp --pseudo-inputs "$k") ;;
esac
if [ "$guide" != gaussian ] || [ "$objective" != mc-elbo ]; then torch_args=(); fi

out=${out:-$(mktemp -d /tmp/vae4j-density.XXXXXX)}
mkdir -p "$out"
# shellcheck source=examples/bench/classpath.sh
. examples/bench/classpath.sh
bench_classpath density.sh density "$build"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status_vae4j=skipped status_torch=skipped
if [ "$only" != torch ]; then
  echo "density.sh: vae4j (DensityBench --prior $prior --guide $guide --objective $objective ${common[*]})" >&2
  # shellcheck disable=SC2086
  if /usr/bin/time -f "MAXRSS_KIB=%M" -o "$out/vae4j.time" \
      java $VAE4J_JVM_OPTS ${VAE4J_BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$CP" \
      org.vae4j.examples.bench.DensityBench --prior "$prior" --guide "$guide" --objective "$objective" \
      --threads "$threads" --data-dir "$data" "${common[@]}" >"$out/vae4j.log" 2>"$out/vae4j.err"; then
    status_vae4j=ok
  else
    status_vae4j="failed: $(grep -m1 '^error:' "$out/vae4j.err" || tail -1 "$out/vae4j.err")"
    echo "density.sh: vae4j $status_vae4j (see $out/vae4j.err)" >&2
  fi
fi
if [ "$only" != vae4j ]; then
  if [ ${#torch_args[@]} -eq 0 ]; then
    status_torch="skipped: the reference has no variant prior=$prior guide=$guide objective=$objective"
  else
    echo "density.sh: torch (torch_density.py ${torch_args[*]} ${common[*]})" >&2
    if /usr/bin/time -f "MAXRSS_KIB=%M" -o "$out/torch.time" \
        "$PY" "$REF" "${torch_args[@]}" --threads "$threads" --data-dir "$data" "${common[@]}" \
        >"$out/torch.log" 2>"$out/torch.err"; then
      status_torch=ok
    else
      status_torch="failed: $(tail -1 "$out/torch.err")"
      echo "density.sh: torch $status_torch (see $out/torch.err)" >&2
    fi
  fi
fi

{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "nproc=$(nproc)"
  echo "load_before=$load_before"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "threads=$threads"
  echo "omp=${OMP_WAIT_POLICY:-default}"
  echo "options=--prior $prior --guide $guide --objective $objective ${common[*]}"
  echo "vae4j=$status_vae4j"
  echo "torch=$status_torch"
} >"$out/meta.txt"
"$PY" "$ROOT/examples/bench/density_table.py" "$out" | tee "$out/table.md"
echo "density.sh: logs and table.md in $out" >&2
