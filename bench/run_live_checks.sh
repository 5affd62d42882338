#!/usr/bin/env bash
# Builds bluum-golive and the live-checks benchmark in Release (build-bench/) and runs it.
# Usage: bench/run_live_checks.sh [RUNS] [DELAY_MS]     (defaults 20 and 1500)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${GOLIVE_BENCH_BUILD:-$root/build-bench}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGOLIVE_BUILD_TESTS=OFF >/dev/null
fi
ninja -C "$build" -j "${JOBS:-2}" bench_live_checks >/dev/null
command -v curl >/dev/null || { echo "curl is needed for the baseline" >&2; exit 2; }
cd "$root"
echo "machine: $(nproc) cores, $(uname -sr); curl: $(curl --version | head -n1 | cut -d' ' -f1-2)"
"$build/bench/bench_live_checks" "$@"
