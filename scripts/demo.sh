#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main job against the
# embedded emulator (no credentials, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh -DCMAKE_BUILD_TYPE=RelWithDebInfo
exec ./build/bluum-golive check --env demo "$@"
