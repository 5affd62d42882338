#!/usr/bin/env bash
# Runs clang-tidy 14 (.clang-tidy) over the tool's own sources: src/, checks/ and providers/
# (not their tests). Configures build-tidy/ for its compile_commands.json (no precompiled
# headers, which clang cannot read from GCC) without building anything.
#   scripts/tidy.sh            every source
#   scripts/tidy.sh REGEX      only the files matching REGEX
# JOBS caps parallel clang-tidy processes (default: nproc). Exit status 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
TIDY_DIR=${TIDY_DIR:-build-tidy}
JOBS=${JOBS:-$(nproc)}
tidy=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
if [ -z "$tidy" ]; then
  echo "tidy.sh: run-clang-tidy not found (apt-get install clang-tidy)" >&2
  exit 2
fi
cmake -S . -B "$TIDY_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
filter=${1:-"^$PWD/(src/|checks/|providers/(?![^/]+/tests/))"}
# GCC-only warning flags in the compile commands are not clang's business.
"$tidy" -quiet -p "$TIDY_DIR" -j "$JOBS" -extra-arg=-Wno-unknown-warning-option "$filter"
