#!/usr/bin/env bash
# Builds ember and runs the whole test suite: unit tests, the PyTorch-oracle
# conformance tests, then the unit tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure --parallel "$(nproc)")

# The sanitizer build: unit tests only (the oracle tests are slow under ASan
# and exercise the same code).
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEMBER_SANITIZE=ON \
  -DEMBER_WERROR=ON -DEMBER_BENCH=OFF >/dev/null
cmake --build build-asan --parallel "$(nproc)" --target ember_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure --parallel "$(nproc)" -L unit)
