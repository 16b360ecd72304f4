#!/usr/bin/env bash
# Builds every module and runs every test (the GUI test of the Weka Explorer runs under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/vae4j-env.sh
run=(mvn -B -ntp verify)
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
fi
"${run[@]}"
