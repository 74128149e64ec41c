#!/usr/bin/python3
"""`ember convert FILE.py OUT.pt` against PyTorch, on the language cases of
tools/oracle/lang/<category>.py.

usage: convert_lang_cases.py EMBER WORK_DIR CATEGORY... [--known-failures FILE]

For every case PyTorch compiles, the source is
written to WORK_DIR/<category>_<name>.py, scripted by PyTorch as in
make_lang_cases.py (the oracle), and converted by `ember convert`. Then the
archive is loaded with torch.jit.load, the case's function is called as a
method of the loaded module on each recorded argument tuple and compared with
the oracle: the result, or the exception ("Class: message"), and what print()
wrote. The same archive is loaded back by ember (`ember run ... --method`),
whose result must match too (or which must exit 1 where PyTorch raised).
Negative cases (sources PyTorch refuses) must be refused by `ember convert`:
exit 2, no archive, the error at the line PyTorch names.

Exit status 0 when every case matches or is a known failure (FILE: one
"category/name reason" a line), 1 otherwise. One line per failing case, then
a summary.
"""
import os
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_lang_cases  # noqa: E402  (the oracle's own compile and call helpers)
from run_model_case import same  # noqa: E402


def load_category(category):
    import importlib.util
    spec = importlib.util.spec_from_file_location(f"lang_{category}", os.path.join(HERE, "lang", category + ".py"))
    cat = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cat)
    return cat.CASES


def outcome(fn, args, stdout):
    """(result, error, printed) of one call, errors as make_lang_cases spells them."""
    try:
        if stdout:
            r, printed = make_lang_cases.call_capturing_stdout(fn, args)
            return r, None, printed
        return fn(*args), None, None
    except Exception as e:  # the TorchScript program raised
        cls, msg = make_lang_cases.script_error(e)
        return None, f"{cls}: {msg}", None


def check_refused(ember, work, category, idx, case):
    """A source PyTorch refuses must be refused by `ember convert` (exit 2) at the same line."""
    src = case["src"].strip("\n") + "\n"
    stem = f"{category}_{case['name']}"
    path = os.path.join(work, stem + ".py")
    with open(path, "w") as f:
        f.write(src)
    try:
        make_lang_cases.compile_case(src, case.get("fn", "f"), work, f"{category}_{idx}")
        return "PyTorch compiled it"
    except Exception as e:
        import re
        lines = re.findall(r'File "[^"]*\.py", line (\d+)', str(e))
    out = os.path.join(work, stem + ".pt")
    p = subprocess.run([ember, "convert", path, out], capture_output=True, text=True, timeout=120)
    if p.returncode != 2:
        return f"ember convert exit {p.returncode} instead of 2"
    if os.path.exists(out):
        return "ember convert left an archive behind"
    if lines and f"{stem}.py:{lines[0]}:" not in p.stderr:
        return f"error not at line {lines[0]}: {p.stderr.strip()[:300]}"
    return None


def check_case(ember, work, category, idx, case):
    """None when the converted archive behaves as PyTorch's scripted function, else why not."""
    src = case["src"].strip("\n") + "\n"
    fn_name = case.get("fn", "f")
    stem = f"{category}_{case['name']}"
    path = os.path.join(work, stem + ".py")
    with open(path, "w") as f:
        f.write(src)
    oracle = make_lang_cases.compile_case(src, fn_name, work, f"{category}_{idx}")
    out = os.path.join(work, stem + ".pt")
    p = subprocess.run([ember, "convert", path, out], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        return f"ember convert exit {p.returncode}: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ''}"
    try:
        m = torch.jit.load(out)
    except Exception as e:
        return "torch.jit.load refused it: " + " | ".join(str(e).strip().splitlines()[:3])[:400]
    fn = m if fn_name == "forward" else getattr(m, fn_name)  # m(x) is m.forward(x)
    rtol, atol = float(case.get("rtol", 1e-5)), float(case.get("atol", 1e-6))
    for k, args in enumerate(case.get("calls", [()])):
        want, want_err, want_out = outcome(oracle, args, case.get("stdout"))
        got, got_err, got_out = outcome(fn, args, case.get("stdout"))
        if want_err or got_err:
            if want_err != got_err:
                return f"call {k}: raised {got_err!r}, PyTorch's script {want_err!r}"
        else:
            d = same(got, want, rtol, atol)
            if d:
                return f"call {k}: torch.jit.load'ed archive: {d}"
        if want_out != got_out:
            return f"call {k}: printed {got_out!r} instead of {want_out!r}"
        inputs = os.path.join(work, f"{stem}.in{k}.pt")
        result = os.path.join(work, f"{stem}.out{k}.pt")
        torch.save(tuple(args), inputs)
        if os.path.exists(result):
            os.remove(result)
        p = subprocess.run([ember, "run", out, "--method", fn_name, "--inputs", inputs, "--output", result],
                           capture_output=True, text=True, timeout=120)
        if want_err:
            if p.returncode != 1:
                return f"call {k}: ember run on the archive exit {p.returncode} where PyTorch raised: {p.stderr.strip()[-300:]}"
            continue
        if p.returncode != 0:
            return f"call {k}: ember run on the archive exit {p.returncode}: {p.stderr.strip()[-300:]}"
        if want_out is not None and p.stdout != want_out:
            return f"call {k}: ember run on the archive printed {p.stdout!r} instead of {want_out!r}"
        d = same(torch.load(result), want, rtol, atol)
        if d:
            return f"call {k}: ember run on the archive: {d}"
    return None


def main():
    argv = sys.argv[1:]
    known = {}
    if "--known-failures" in argv:
        i = argv.index("--known-failures")
        for line in open(argv[i + 1]):
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(" ")
                known[name] = why
        del argv[i:i + 2]
    ember, work, categories = argv[0], argv[1], argv[2:]
    os.makedirs(work, exist_ok=True)
    passed = failed = known_failed = 0
    for category in categories:
        for idx, case in enumerate(load_category(category)):
            name = f"{category}/{case['name']}"
            check = check_refused if case.get("negative") else check_case
            try:
                why = check(ember, work, category, idx, case)
            except Exception as e:  # a bug of this script or of the oracle: a failure, not a crash
                why = f"{type(e).__name__}: {e}"
            if why is None:
                passed += 1
                if name in known:
                    print(f"NOW PASSES (remove from the known failures): {name}")
                continue
            if name in known:
                known_failed += 1
                print(f"known failure {name}: {why}")
                continue
            failed += 1
            print(f"FAIL {name}: {why}")
    total = passed + failed + known_failed
    print(f"{passed} of {total} cases behave as in PyTorch (converted and matching, or refused where PyTorch "
          f"refuses; {known_failed} known failures)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
