#!/usr/bin/env bash
# Compiles vae4j's native kernels for Linux x86-64 into the class folder, where NativeKernels finds them,
# and checks that they run on glibc 2.17 and later (RHEL 7/8, Ubuntu 20.04, Amazon Linux 2 and newer).
# Called by core-vae's pom (profile native-kernels-linux-x86_64):  build.sh OUTPUT_DIR JNI_HEADER_DIR JAVA_HOME
#
# Flags, and why:
#   -O3 -fno-math-errno   lets gcc vectorise the loops (sqrtf with errno cannot be vectorised);
#   -ffp-contract=off     no fused multiply-adds, so results match the engine-call fallback bit for bit;
#   -l:libdl.so.2         dlopen and dlsym lived there before glibc 2.34 (the source binds their old versions);
#   warnings are shown but never fail the build (a newer compiler may add some).
#   target_clones (in the source) picks AVX-512, AVX2 or baseline code on the running CPU.
set -euo pipefail
out=$1 headers=$2 java_home=$3
cc=${CC:-cc}
glibc_baseline=2.17
command -v "$cc" >/dev/null 2>&1 || { echo "build.sh: no C compiler ($cc); install gcc, or build with -P!native-kernels-linux-x86_64" >&2; exit 1; }
mkdir -p "$out"
lib=$out/libvae4j_kernels.so
"$cc" -std=c11 -O3 -fno-math-errno -ffp-contract=off -fPIC -shared -Wall -Wextra \
  -I"$headers" -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$lib" "$(dirname "$0")/vae4j_kernels.c" -Wl,--push-state,--no-as-needed -l:libdl.so.2 -Wl,--pop-state

# The glibc check: every imported symbol's version must be at most the baseline.
if command -v objdump >/dev/null 2>&1; then
  symbols=$(objdump -T "$lib")
elif command -v readelf >/dev/null 2>&1; then
  symbols=$(readelf --dyn-syms --wide "$lib")
else
  echo "build.sh: neither objdump nor readelf to check the glibc symbol versions; install binutils" >&2
  rm -f "$lib"
  exit 1
fi
versions=$(grep -o 'GLIBC_[0-9][0-9.]*' <<<"$symbols" | sort -u -V || true)
newest=$(tail -n 1 <<<"$versions")
echo "build.sh: glibc check of $(basename "$lib"): symbol versions ${versions//$'\n'/ } (baseline GLIBC_$glibc_baseline)"
too_new=$(grep -E 'GLIBC_[0-9]' <<<"$symbols" | while read -r line; do
  v=$(grep -o 'GLIBC_[0-9][0-9.]*' <<<"$line" | head -n 1); v=${v#GLIBC_}
  [ "$(printf '%s\n%s\n' "$glibc_baseline" "$v" | sort -V | tail -n 1)" = "$glibc_baseline" ] || echo "  $line"
done)
if [ -n "$too_new" ]; then
  echo "build.sh: $(basename "$lib") imports symbols newer than GLIBC_$glibc_baseline (newest $newest):" >&2
  echo "$too_new" >&2
  rm -f "$lib"
  exit 1
fi
