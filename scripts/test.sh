#!/usr/bin/env bash
# Builds ember and runs the whole test suite: unit tests and the PyTorch-oracle
# conformance tests, then the same again under AddressSanitizer and
# UndefinedBehaviorSanitizer (scripts/test-sanitize.sh, its own build tree
# build-asan/). Exits non-zero on any failure or sanitizer finding.
# EMBER_SKIP_SANITIZE=1 skips the sanitizer half (a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure --parallel "$(nproc)")
if [ "${EMBER_SKIP_SANITIZE:-0}" != 1 ]; then
  bash scripts/test-sanitize.sh
fi
