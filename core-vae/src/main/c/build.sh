#!/usr/bin/env bash
# Compiles vae4j's native kernels for Linux x86-64 into the class folder, where NativeKernels finds them.
# Called by core-vae's pom (profile native-kernels-linux-x86_64):  build.sh OUTPUT_DIR JNI_HEADER_DIR JAVA_HOME
#
# Flags, and why:
#   -O3 -fno-math-errno   lets gcc vectorise the loops (sqrtf with errno cannot be vectorised);
#   -ffp-contract=off     no fused multiply-adds, so results match the engine-call fallback bit for bit;
#   target_clones (in the source) picks AVX-512, AVX2 or baseline code on the running CPU.
set -euo pipefail
out=$1 headers=$2 java_home=$3
cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "build.sh: no C compiler ($cc); install gcc, or build with -P!native-kernels-linux-x86_64" >&2; exit 1; }
mkdir -p "$out"
"$cc" -std=c11 -O3 -fno-math-errno -ffp-contract=off -fPIC -shared -ldl -Wall -Wextra -Werror \
  -I"$headers" -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libvae4j_kernels.so" "$(dirname "$0")/vae4j_kernels.c"
