#!/usr/bin/env bash
# Configures and builds into BUILD_DIR (default build/).
#   scripts/build.sh                 the quick-start build: Release, warnings as errors
#   scripts/build.sh CMAKE_ARGS...   those cmake arguments instead
# TARGETS="a b" builds only those targets (default: all); JOBS caps parallel compiles.
# scripts/demo.sh and scripts/test.sh both call it without arguments, so they share one
# configuration and the test command rebuilds nothing the demo built.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
if (($# == 0)); then
  set -- -DCMAKE_BUILD_TYPE=Release -DGOLIVE_WARNINGS_AS_ERRORS=ON
fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja "$@"
else
  cmake "$BUILD_DIR" "$@" >/dev/null
fi
targets=()
for t in ${TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j "$JOBS" "${targets[@]}"
