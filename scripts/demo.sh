#!/usr/bin/env bash
# Builds ember and runs it on the bundled example (made by tools/oracle).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
/usr/bin/python3 tools/oracle/make_example.py build/example
./build/ember info build/example/state_dict.pt
./build/ember info build/example/inputs.pt
