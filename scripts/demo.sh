#!/usr/bin/env bash
# Builds ember and runs it on the bundled example: a small scripted CNN that
# tools/oracle/make_example.py writes with torch.jit.save (nothing generated
# is committed). Prints the model's description and its output, then checks
# the output against PyTorch's.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
/usr/bin/python3 tools/oracle/make_example.py build/example
./build/ember info build/example/tinynet.pt
./build/ember run build/example/tinynet.pt --inputs build/example/inputs.pt
./build/ember run build/example/tinynet.pt --inputs build/example/inputs.pt --output build/example/output.pt
/usr/bin/python3 - <<'PY'
import torch
got, want = torch.load("build/example/output.pt"), torch.load("build/example/expected.pt")
assert got.keys() == want.keys(), (got.keys(), want.keys())
assert torch.equal(got["top"], want["top"])
assert torch.allclose(got["probs"], want["probs"], rtol=1e-4, atol=1e-6)
print("ember's output matches PyTorch's")
PY
