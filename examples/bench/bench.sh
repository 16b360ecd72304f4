#!/usr/bin/env bash
# Issue 6's benchmark: runs vae4j (org.vae4j.examples.bench.*) and the PyTorch reference
# (examples/bench/torch_vae_ext.py, the reference workload of ../shared/bench plus flags) back to back on
# this machine with the same threads, and prints one markdown table of ratios against the targets.
#
#   examples/bench/bench.sh            full run (about 5 minutes on 2 idle cores; 5 training pairs)
#   examples/bench/bench.sh --quick    smoke test: fewer rows and epochs (about 2 minutes); not comparable to targets
# Options: --out DIR (keep the logs there; default a fresh temp dir), --no-build (use the last build),
#          --threads N (default 2), --omp-passive (OMP_WAIT_POLICY=PASSIVE for both peers: on a machine
#          that other jobs keep busy, OpenMP's spinning threads make both peers 10-30x slower; see below).
# Env: VAE4J_JVM_OPTS (the launcher's JVM flags, from examples/bin/vae4j-env.sh), VAE4J_BENCH_JAVA_OPTS
#      (extra JVM flags), FMNIST_DIR (data), OMP_WAIT_POLICY (passed to both).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

mode=full out="" build=1 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --no-build) build=0 ;;
    --omp-passive) export OMP_WAIT_POLICY=PASSIVE ;;
    --out) [ $# -ge 2 ] || { echo "bench.sh: --out needs a directory" >&2; exit 2; }; out=$2; shift ;;
    --threads) [ $# -ge 2 ] && [[ $2 =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --threads needs a positive integer" >&2; exit 2; }
               threads=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# glibc would otherwise unmap and page-fault every step's tensors again (about 4x slower training).
env_script=examples/bin/vae4j-env.sh
[ -f "$env_script" ] || { echo "bench.sh: cannot find $env_script" >&2; exit 1; }
# shellcheck disable=SC1090
. "$env_script"
[ -n "${MALLOC_MMAP_THRESHOLD_:-}" ] || { echo "bench.sh: $env_script did not set MALLOC_MMAP_THRESHOLD_" >&2; exit 1; }

PY=/usr/bin/python3   # Debian's python3-torch lives here; the python3 on PATH may lack torch
REF=$ROOT/examples/bench/torch_vae_ext.py
DATA=${FMNIST_DIR:-/usr/share/datasets/fashion-mnist}
for need in "$PY" /usr/bin/time "$DATA/train-images-idx3-ubyte.gz"; do
  [ -e "$need" ] || { echo "bench.sh: missing $need (see ../shared/bench/README.md for the set-up)" >&2; exit 1; }
done

if [ "$mode" = quick ]; then
  limit=5000 epochs=2 repeats=1 mem_epochs=4 mem_limit=5000
  scale_limit=4000 scale_rows=1000,2000,4000 scale_batches=128,512 scale_epochs=1
  enc_limit=2000 enc_calls=1000 enc_warmup=300 deep_limit=5000 gemm_calls=300
else
  limit=all epochs=2 repeats=5 mem_epochs=20 mem_limit=all
  scale_limit=all scale_rows=10000,30000,60000 scale_batches=128,256,512,1024 scale_epochs=2
  enc_limit=10000 enc_calls=5000 enc_warmup=1000 deep_limit=all gemm_calls=2000
fi
deep="--hidden 512,256 --latent 32 --batch 256"

out=${out:-$(mktemp -d /tmp/vae4j-bench.XXXXXX)}
mkdir -p "$out"
CLASSES=$ROOT/examples/target/bench-classes
CPFILE=$ROOT/examples/target/bench-classpath.txt

if [ "$build" = 1 ] || [ ! -f "$CPFILE" ]; then
  echo "bench.sh: building (core-vae install, then the benchmark classes)" >&2
  mvn -q -B -o install -DskipTests -pl core-vae
  mvn -q -B -o dependency:build-classpath -pl examples -Dmdep.outputFile="$CPFILE" >/dev/null
  # The benchmark classes are compiled on their own, against the examples module's class path, so that
  # work in progress elsewhere in examples/ cannot stop a measurement of the engine.
  rm -rf "$CLASSES" && mkdir -p "$CLASSES"
  javac -nowarn -d "$CLASSES" -cp "$(cat "$CPFILE")" examples/src/main/java/org/vae4j/examples/IdxFiles.java \
    examples/src/main/java/org/vae4j/examples/bench/*.java
fi
CP="$CLASSES:$(cat "$CPFILE")"

# vae4j NAME PROGRAM ARGS...: one JVM, its log and its peak RSS (as /usr/bin/time sees it).
vae4j() {
  local name=$1 program=$2; shift 2
  echo "bench.sh: $name (vae4j $program $*)" >&2
  # shellcheck disable=SC2086
  /usr/bin/time -f "MAXRSS_KIB=%M" -o "$out/$name.time" \
    java $VAE4J_JVM_OPTS ${VAE4J_BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$CP" "org.vae4j.examples.bench.$program" \
    --threads "$threads" "$@" >"$out/$name.log" 2>"$out/$name.err" \
    || { echo "bench.sh: $name failed, see $out/$name.err" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
}

# torch NAME ARGS...: the reference, same way.
torch() {
  local name=$1; shift
  echo "bench.sh: $name (torch_vae_ext.py $*)" >&2
  /usr/bin/time -f "MAXRSS_KIB=%M" -o "$out/$name.time" \
    "$PY" "$REF" --threads "$threads" --data-dir "$DATA" "$@" >"$out/$name.log" 2>"$out/$name.err" \
    || { echo "bench.sh: $name failed, see $out/$name.err" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
}

limit_arg() { [ "$1" = all ] || echo "--train-limit $1"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Both libtorch builds run their intra-op threads on OpenMP, whose idle threads spin. When other processes
# keep the cores busy, a spinning thread holds a core its partner needs: measured here at load 8 on 2 cores,
# 250 samples/s for either peer by default against 6,500 with OMP_WAIT_POLICY=PASSIVE. Say so up front.
if [ -z "${OMP_WAIT_POLICY:-}" ] && awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  echo "bench.sh: warning: load average $load_before on $(nproc) cores; expect very slow, noisy runs" \
       "(consider --omp-passive, or waiting for a quiet machine)" >&2
fi
start=$(date +%s)
# shellcheck disable=SC2046
for i in $(seq 1 "$repeats"); do   # pairs back to back, so drifts in machine speed hit both sides alike
  vae4j "train-vae4j-$i" TrainBench --data-dir "$DATA" --epochs "$epochs" $(limit_arg $limit)
  torch "train-torch-$i" --epochs "$epochs" $(limit_arg $limit) --startup
done
# shellcheck disable=SC2046
{
  vae4j gemm-vae4j GemmBench --calls "$gemm_calls"
  torch gemm-torch --gemm --gemm-calls "$gemm_calls"
  vae4j memory-vae4j TrainBench --data-dir "$DATA" --epochs "$mem_epochs" $(limit_arg $mem_limit)
  torch memory-torch --epochs "$mem_epochs" $(limit_arg $mem_limit)
  vae4j encode-vae4j EncodeBench --data-dir "$DATA" --epochs 1 $(limit_arg $enc_limit) --one-row-calls "$enc_calls" --warmup-calls "$enc_warmup"
  torch encode-torch --epochs 1 $(limit_arg $enc_limit) --encode --one-row-calls "$enc_calls" --warmup-calls "$enc_warmup"
  vae4j scaling-vae4j ScalingBench --data-dir "$DATA" --epochs "$scale_epochs" $(limit_arg $scale_limit) \
    --scaling-rows "$scale_rows" --scaling-batches "$scale_batches"
  torch scaling-torch --epochs "$scale_epochs" $(limit_arg $scale_limit) \
    --scaling-rows "$scale_rows" --scaling-batches "$scale_batches"
  vae4j deep-vae4j TrainBench --data-dir "$DATA" --epochs "$epochs" $(limit_arg $deep_limit) $deep
  torch deep-torch --epochs "$epochs" $(limit_arg $deep_limit) $deep
}

{
  echo "mode=$mode"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "load_before=$load_before"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1 | tr -d '"') $VAE4J_JVM_OPTS${VAE4J_BENCH_JAVA_OPTS:+ $VAE4J_BENCH_JAVA_OPTS}"
  echo "threads=$threads"
  echo "omp=${OMP_WAIT_POLICY:+OMP_WAIT_POLICY=$OMP_WAIT_POLICY for both peers}"
  echo "repeats=$repeats"
  echo "deep=784-512-256 -> 32, batch 256"
  echo "workload=Fashion-MNIST $( [ "$limit" = all ] && echo 60k || echo "$limit") training rows, 784-400-20, batch 128, Adam 1e-3, $epochs epochs; memory check $mem_epochs epochs"
} >"$out/meta.txt"

"$PY" "$ROOT/examples/bench/bench_table.py" "$out" | tee "$out/table.md"
echo >&2
echo "bench.sh: $(( $(date +%s) - start )) s; logs and table.md in $out" >&2
