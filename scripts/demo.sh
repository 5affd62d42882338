#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build the tool alone (no tests), and run the
# main job against the embedded emulator (no credentials, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
TARGETS=bluum-golive scripts/build.sh
exec ./build/bluum-golive check --env demo "$@"
