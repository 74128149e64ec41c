#!/usr/bin/env bash
# Builds the unit tests with -fsanitize=address,undefined and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEMBER_SANITIZE=ON \
  -DEMBER_WERROR=ON -DEMBER_BENCH=OFF >/dev/null
cmake --build build-asan --parallel "$(nproc)" --target ember_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure --parallel "$(nproc)" -L unit)
