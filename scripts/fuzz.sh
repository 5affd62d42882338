#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang, ASan and UBSan in BUILD_DIR (default
# build-fuzz/) and runs each for SECONDS (default 60), starting from its seed corpus
# fuzz/corpus/NAME (read only). New inputs go to BUILD_DIR/corpus/NAME, a crashing or hanging
# input to BUILD_DIR/crashes/NAME/. Prints executions and crashes per harness; exits 1 when any
# harness crashed. Details: docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
BUILD_DIR=${BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-2}
CLANG=${CLANG:-clang++-14}
HARNESSES=${HARNESSES:-"profile_loader webhook_signature retry_after error_envelope audit_recording"}

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  CXX=$CLANG cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGOLIVE_FUZZ=ON -DGOLIVE_BUILD_TESTS=OFF "-DGOLIVE_SANITIZERS=address;undefined"
fi
targets=()
for h in $HARNESSES; do targets+=("fuzz_$h"); done
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"

failed=0
printf '%-18s %12s %9s  %s\n' harness executions crashes "corpus / log"
for h in $HARNESSES; do
  work="$BUILD_DIR/corpus/$h"
  crashes="$BUILD_DIR/crashes/$h"
  log="$BUILD_DIR/fuzz-$h.log"
  mkdir -p "$work" "$crashes"
  dict=()
  if [ -f "fuzz/$h.dict" ]; then dict=("-dict=fuzz/$h.dict"); fi
  set +e
  "$BUILD_DIR/fuzz/fuzz_$h" "$work" "fuzz/corpus/$h" "${dict[@]}" \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(find "$crashes" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then failed=1; fi
  printf '%-18s %12s %9s  %s\n' "$h" "${execs:-?}" "$found" "$work ($(ls "$work" | wc -l) inputs) / $log"
done
if [ "$failed" -ne 0 ]; then
  echo "a harness crashed or hung: see $BUILD_DIR/crashes/ and the logs; add the input to fuzz/corpus/NAME/ once fixed"
  exit 1
fi
