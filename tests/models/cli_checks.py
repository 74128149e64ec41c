#!/usr/bin/python3
"""Checks of the `ember` command's contract (DESIGN.md §5) on archives and
.py files: exit codes 0 / 1 (the model raised) / 2 (usage, unreadable or
invalid input), run/info/graph output.

usage: cli_checks.py EMBER WORK_DIR [REALWORLD_DIR]
"""
import os
import subprocess
import sys

import torch

ember, work = sys.argv[1], sys.argv[2]
realworld = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(work, exist_ok=True)
failures = []


def run(*args):
    return subprocess.run([ember, *args], capture_output=True, text=True, timeout=120)


def check(name, cond, p):
    if not cond:
        failures.append(f"{name}: exit {p.returncode}\nstdout: {p.stdout[:800]}\nstderr: {p.stderr[:800]}")


py = os.path.join(work, "funcs.py")
with open(py, "w") as f:
    f.write("""
import torch
from typing import List

def scale(x: torch.Tensor, k: float) -> List[torch.Tensor]:
    return [x * k, x + k]

def fails(x: int) -> int:
    if x > 0:
        raise ValueError("x must not be positive")
    return x
""")
inputs = os.path.join(work, "scale_inputs.pt")
torch.save((torch.arange(3.0), 2.0), inputs)
out = os.path.join(work, "scale_out.pt")
p = run("run", py, "--method", "scale", "--inputs", inputs, "--output", out)
check("run .py", p.returncode == 0, p)
if p.returncode == 0:
    r = torch.load(out)
    ok = isinstance(r, list) and torch.equal(r[0], torch.tensor([0.0, 2.0, 4.0])) and torch.equal(r[1], torch.tensor([2.0, 3.0, 4.0]))
    check("run .py result", ok, p)

raise_inputs = os.path.join(work, "fails_inputs.pt")
torch.save((3,), raise_inputs)
p = run("run", py, "--method", "fails", "--inputs", raise_inputs)
check("model raises -> 1", p.returncode == 1 and "x must not be positive" in p.stderr, p)

p = run("run", py, "--method", "nope")
check("unknown function -> 2", p.returncode == 2 and "nope" in p.stderr, p)
p = run("run", os.path.join(work, "missing.pt"))
check("missing file -> 2", p.returncode == 2 and p.stderr, p)
p = run("run")
check("usage -> 2", p.returncode == 2, p)
garbage = os.path.join(work, "garbage.pt")
with open(garbage, "wb") as f:
    f.write(b"PK\x03\x04 not really a zip")
p = run("run", garbage)
check("garbage -> 2", p.returncode == 2 and p.stderr, p)
p = run("graph", py, "--method", "scale")
check("graph .py", p.returncode == 0 and "graph(" in p.stdout, p)
p = run("info", py)
check("info .py", p.returncode == 0 and "scale" in p.stdout, p)
converted = os.path.join(work, "funcs_converted.pt")
if os.path.exists(converted):  # left by an earlier run
    os.remove(converted)
p = run("convert", py, converted)
check("convert .py", p.returncode == 0 and os.path.exists(converted), p)
if p.returncode == 0:
    r = torch.jit.load(converted).scale(torch.arange(3.0), 2.0)
    check("converted .py runs in PyTorch", torch.equal(r[0], torch.tensor([0.0, 2.0, 4.0])), p)
    os.remove(converted)
bad_py = os.path.join(work, "bad.py")
with open(bad_py, "w") as f:
    f.write("def f(x: int) -> int:\n    return y\n")
p = run("convert", bad_py, converted)
check("convert bad .py -> 2", p.returncode == 2 and "bad.py:2:" in p.stderr and not os.path.exists(converted), p)
p = run("convert", os.path.join(work, "missing.pt"), converted)
check("convert missing file -> 2", p.returncode == 2 and p.stderr and not os.path.exists(converted), p)

if realworld and os.path.isdir(realworld):
    model = os.path.join(realworld, "tchrs_foo", "model.pt")
    p = run("convert", model, os.path.join(work, "no_such_dir", "out.pt"))
    check("convert to an unwritable path -> 2", p.returncode == 2 and p.stderr, p)
    p = run("convert", model, converted)
    check("convert archive", p.returncode == 0 and os.path.exists(converted), p)
    if p.returncode == 0:
        m = torch.jit.load(converted)
        x = torch.arange(3.0)
        check("converted archive runs in PyTorch", torch.equal(m(x, x), torch.jit.load(model)(x, x)), p)

    model = os.path.join(realworld, "torchsharp_linrelu_script", "model.pt")
    p = run("info", model)
    check("info archive", p.returncode == 0 and "methods:" in p.stdout and "aten::linear" in p.stdout
          and "parameters: 2 tensor(s), 66 element(s), 264 bytes" in p.stdout, p)
    p = run("graph", model)
    check("graph archive", p.returncode == 0 and "graph(" in p.stdout, p)
    p = run("info", os.path.join(realworld, "tchrs_foo", "inputs.pt"))
    check("info torch.save file", p.returncode == 0 and "torch.save file" in p.stdout, p)

for f in failures:
    print("FAIL", f)
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
