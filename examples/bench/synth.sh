#!/usr/bin/env bash
# Issue 14's synthetic-table benchmark: vae4j's generator (Weka's VAEGenerator, conditional on a nominal class)
# against independent marginals and a Gaussian copula, measured as `vae4j synth-report` measures
# (org.vae4j.examples.bench.SyntheticDataBench), on the shared data sets and two of Weka's examples.
#
#   examples/bench/synth.sh --weka-dir DIR                       all seven data sets, seeds 1,2,3, VAEGenerator -E 1000
#   examples/bench/synth.sh --sets diabetes,vote --seeds 1       a subset
#
# Weka's examples (glass, credit-g) come with Debian's weka package; without root:
#   cd /tmp && apt-get download weka && dpkg -x weka_*.deb wekadeb/extract
#   --weka-dir /tmp/wekadeb/extract/usr/share/doc/weka/examples
# Options: --data-dir DIR (default ../shared/data beside the checkout), --weka-dir DIR, --sets a,b,..., --seeds 1,2,3,
#   --vae "VAEGenerator options" (default "-E 1000"), --threads N (default 1: the machine is shared),
#   --out DIR (splits, synthetic files, one report JSON per data set, seed and generator; table.md),
#   --no-build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

data="" weka="" sets="" seeds="1,2,3" vae="-E 1000" threads=1 out="" build=1
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "synth.sh: $1 needs a value" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --data-dir) need_value "$@"; data=$2; shift ;;
    --weka-dir) need_value "$@"; weka=$2; shift ;;
    --sets) need_value "$@"; sets=$2; shift ;;
    --seeds) need_value "$@"; seeds=$2; shift ;;
    --vae) need_value "$@"; vae=$2; shift ;;
    --threads) need_value "$@"; threads=$2; shift ;;
    --out) need_value "$@"; out=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "synth.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
for candidate in "$ROOT/../shared/data" "$ROOT/../../shared/data"; do   # the main checkout, or a worktree
  [ -n "$data" ] || { [ -d "$candidate" ] && data=$candidate; } || true
done
[ -n "$data" ] && [ -d "$data" ] || { echo "synth.sh: no data folder ${data:-../shared/data} (give --data-dir)" >&2; exit 1; }
dirs=$data
if [ -n "$weka" ]; then
  [ -f "$weka/glass.arff" ] || { echo "synth.sh: no glass.arff in --weka-dir $weka" >&2; exit 1; }
  dirs="$data,$weka"
fi
if [ -z "$sets" ]; then
  sets=diabetes,breast-cancer,vote,labor,cpu.with.vendor
  [ -z "$weka" ] || sets="$sets,glass,credit-g"
fi

env_script=examples/bin/vae4j-env.sh
# shellcheck disable=SC1090
. "$env_script"
out=${out:-$(mktemp -d /tmp/vae4j-synth.XXXXXX)}
mkdir -p "$out"
# shellcheck source=examples/bench/classpath.sh
. examples/bench/classpath.sh
bench_classpath synth.sh synth "$build"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);"\
    "nproc: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); threads: $threads"
  echo
  # shellcheck disable=SC2086
  java $VAE4J_JVM_OPTS ${VAE4J_BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$CP" \
    org.vae4j.examples.bench.SyntheticDataBench --data-dirs "$dirs" --sets "$sets" --seeds "$seeds" \
    --vae "$vae" --threads "$threads" --out "$out" 2>"$out/bench.err"
} | tee "$out/table.md"
echo "synth.sh: table.md, splits, synthetic files and reports in $out" >&2
