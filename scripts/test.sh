#!/usr/bin/env bash
# Builds ember and runs the whole test suite: unit tests and the PyTorch-oracle
# conformance tests. Exits non-zero on any failure. The sanitizer run is
# scripts/test-sanitize.sh (not yet part of CI: see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure --parallel "$(nproc)")

