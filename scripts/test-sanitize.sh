#!/usr/bin/env bash
# Builds the unit tests and the conformance runners with
# -fsanitize=address,undefined into build-asan/ and runs them: the unit tests
# and the PyTorch-oracle conformance tests. Exits non-zero on any finding.
#
# -O1 -g1 instead of RelWithDebInfo's -O2 -g: quicker to compile (this runs in
# CI on two cores), still file:line in every stack, and assert() stays on (no
# NDEBUG).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DEMBER_SANITIZE=ON -DEMBER_WERROR=ON -DEMBER_BENCH=OFF >/dev/null
cmake --build build-asan --parallel "$(nproc)" --target ember_tests ember_op_conformance ember_lang_conformance
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The conformance tests pull in their oracle fixture steps themselves. The
# whole-model tests (label models) run the CLI and are not part of this.
(cd build-asan && ctest --output-on-failure --parallel "$(nproc)" -L 'unit|conformance')
