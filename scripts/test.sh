#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test with ctest.
#   scripts/test.sh             the normal build (build/, shared with scripts/demo.sh)
#   scripts/test.sh --sanitize  the ASan+UBSan build (build-asan/), same tests
#   scripts/test.sh --all       both, one after the other (what .ci/run does)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-normal}
scripts/bootstrap.sh

run_normal() {
  # The demo's build directory and configuration: what scripts/demo.sh built is not rebuilt.
  BUILD_DIR=build scripts/build.sh
  ctest --test-dir build --output-on-failure -j "$(nproc)"
}
run_sanitized() {
  BUILD_DIR=build-asan scripts/build.sh -DCMAKE_BUILD_TYPE=Debug \
    "-DGOLIVE_SANITIZERS=address;undefined" -DGOLIVE_WARNINGS_AS_ERRORS=ON
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
}

case "$mode" in
  normal) run_normal ;;
  --sanitize) run_sanitized ;;
  --all) run_normal; run_sanitized ;;
  *) echo "usage: scripts/test.sh [--sanitize|--all]" >&2; exit 2 ;;
esac
