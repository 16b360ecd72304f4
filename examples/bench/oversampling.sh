#!/usr/bin/env bash
# Issue 14's oversampling benchmark (org.vae4j.examples.bench.OversamplingBench): seeded stratified 10-fold
# cross-validation of J48 and Logistic with no balancing, ClassBalancer, Resample -B 1, SpreadSubsample -M 1,
# SMOTE (org.vae4j.examples.weka.SmoteFilter) and VAEOversampler on the training folds; prints one markdown
# table of the minority class's F1 and AUC, the mean per method, and where VAEOversampler falls below no
# balancing by more than the standard error of the paired per-fold F1 differences.
#
#   examples/bench/oversampling.sh --data DIR                  the six data sets (DIR holds diabetes.arff,
#                                                              breast-cancer.arff, vote.arff, labor.arff,
#                                                              credit-g.arff and unbalanced.arff)
#   examples/bench/oversampling.sh --no-build --data DIR --sets credit-g --methods none,SMOTE,VAEOversampler
# Every option after --no-build goes to OversamplingBench (--help lists them: --sets, --methods, --folds,
# --seed, --vae-options, --threads).
# Env: VAE4J_JVM_OPTS (the launcher's JVM flags, from examples/bin/vae4j-env.sh), VAE4J_BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=1
if [ "${1:-}" = --no-build ]; then
  build=0
  shift
fi
# shellcheck disable=SC1091
. examples/bin/vae4j-env.sh
if [ "$build" = 1 ]; then
  mvn -q -B -ntp -o package -DskipTests -pl examples -am
fi
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
# shellcheck disable=SC2086
exec java $VAE4J_JVM_OPTS ${VAE4J_BENCH_JAVA_OPTS:-} -Dai.djl.offline=true \
  -cp "examples/target/classes:examples/target/lib/*" org.vae4j.examples.bench.OversamplingBench "$@"
