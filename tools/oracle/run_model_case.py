#!/usr/bin/python3
"""Runs one model case folder (the layout of /work/shared/corpus/realworld,
see its README) through `ember run` and compares the result with PyTorch's.

usage: run_model_case.py EMBER WORK_DIR CASE_DIR... [--known-failures FILE]

A CASE_DIR without meta.json stands for all its subfolders that have one.
Exit status: 0 when every case passes or is a known failure (listed in FILE,
name and reason on one line), 1 otherwise. One line per case, then a summary.
"""
import json
import math
import os
import subprocess
import sys
import time

import torch


def same(a, e, rtol, atol, path="result"):
    """None when equal, else a description of the first difference."""
    if type(a) is not type(e):
        return f"{path}: {type(a).__name__} instead of {type(e).__name__}"
    if isinstance(e, torch.Tensor):
        if a.dtype != e.dtype:
            return f"{path}: dtype {a.dtype} instead of {e.dtype}"
        if a.shape != e.shape:
            return f"{path}: shape {tuple(a.shape)} instead of {tuple(e.shape)}"
        if e.is_floating_point() or e.is_complex():
            if not torch.allclose(a, e, rtol=rtol, atol=atol, equal_nan=True):
                diff = (a.double() - e.double()).abs().nan_to_num(0).max().item() if e.numel() else 0
                return f"{path}: values differ (max abs diff {diff:g})"
        elif not torch.equal(a, e):
            return f"{path}: values differ"
        return None
    if isinstance(e, (list, tuple)):
        if len(a) != len(e):
            return f"{path}: length {len(a)} instead of {len(e)}"
        for i, (x, y) in enumerate(zip(a, e)):
            d = same(x, y, rtol, atol, f"{path}[{i}]")
            if d:
                return d
        return None
    if isinstance(e, dict):
        if list(a.keys()) != list(e.keys()):
            return f"{path}: keys {list(a.keys())} instead of {list(e.keys())}"
        for k in e:
            d = same(a[k], e[k], rtol, atol, f"{path}[{k!r}]")
            if d:
                return d
        return None
    if isinstance(e, float):
        if (math.isnan(e) and math.isnan(a)) or a == e:  # also inf == inf
            return None
        return None if abs(a - e) <= atol + rtol * abs(e) else f"{path}: {a!r} instead of {e!r}"
    return None if a == e else f"{path}: {a!r} instead of {e!r}"


def run(ember, case, work, timeout=300):
    meta = json.load(open(os.path.join(case, "meta.json")))
    name = os.path.basename(os.path.normpath(case))
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, name + ".out.pt")
    if os.path.exists(out):
        os.remove(out)
    cmd = [ember, "run", os.path.join(case, "model.pt"), "--method", meta.get("method", "forward"),
           "--inputs", os.path.join(case, "inputs.pt"), "--output", out,
           "--repeat", str(meta.get("calls", 1))]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timed out"
    if meta.get("expect") == "raise":  # the model raises: exit 1 and a message
        if p.returncode != 1 or not p.stderr.strip():
            return f"expected the model to raise (exit 1), got exit {p.returncode}: {p.stderr.strip()[:500]}"
        return None
    if meta.get("expect") == "error":
        if p.returncode != 2:
            return f"expected a clean refusal (exit 2), got exit {p.returncode}: {p.stderr.strip()[:500]}"
        if not p.stderr.strip():
            return "exit 2 but no message on stderr"
        if os.path.exists(out):
            return "refused but wrote an output file"
        print("refused as expected:", p.stderr.strip().splitlines()[0][:300])
        return None
    if p.returncode != 0:
        return f"exit {p.returncode}: {p.stderr.strip()[:2000]}"
    actual = torch.load(out)
    expected = torch.load(os.path.join(case, "expected.pt"))
    return same(actual, expected, meta.get("rtol", 1e-4), meta.get("atol", 1e-5))


def load_known(path):
    """The known-failures file: case name, a space, the reason, per line."""
    known = {}
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, why = line.partition(" ")
            known[k] = why.strip()
    return known


def check(ember, work, cases, known, timeout=300):
    """Runs and compares each case, one line each; returns the number of unexpected failures."""
    passed, known_failed, failed = 0, 0, 0
    for case in cases:
        name = os.path.basename(os.path.normpath(case))
        t0 = time.time()
        try:
            why = run(ember, case, work, timeout)
        except Exception as e:  # a broken output file is a failure of this case only
            why = f"{type(e).__name__}: {e}"
        took = f" ({time.time() - t0:.1f}s)"
        if why is None:
            passed += 1
            print(f"PASS {name}{took}" + (" (listed as a known failure: remove it from the list)" if name in known else ""))
        elif name in known:
            known_failed += 1
            print(f"KNOWN FAILURE {name}{took}: {known[name]}\n    {why[:300]}")
        else:
            failed += 1
            print(f"FAIL {name}{took}: {why}")
        sys.stdout.flush()
    print(f"{passed} passed, {known_failed} known failures, {failed} failed, of {len(cases)} cases")
    return failed


def main():
    args = sys.argv[1:]
    known = {}
    if "--known-failures" in args:
        i = args.index("--known-failures")
        known = load_known(args[i + 1])
        del args[i:i + 2]
    ember, work, *dirs = args
    cases = []
    for d in dirs:
        if os.path.exists(os.path.join(d, "meta.json")):
            cases.append(d)
        elif os.path.isdir(d):
            cases += sorted(os.path.join(d, c) for c in os.listdir(d) if os.path.exists(os.path.join(d, c, "meta.json")))
    failed = check(ember, work, cases, known)
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
