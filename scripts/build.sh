#!/usr/bin/env bash
# Configures and builds ember into build/ (Release, warnings as errors).
# Extra arguments go to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEMBER_WERROR=ON "$@" >/dev/null
cmake --build build --parallel "$(nproc)"
