"""Runs the TorchScript language cases of tools/oracle/lang/<category>.py on
PyTorch and saves what happened, for tests/conformance/lang_conformance_test.cpp.

    /usr/bin/python3 tools/oracle/make_lang_cases.py OUTDIR <category>

Each case (see lang/__init__.py) is TorchScript source, a function name and
argument tuples. The source is written to a module file, imported and
scripted with torch.jit.script (so imports, f-strings and typing work as in
user code), then called with each argument tuple. Saved per call: the result,
or the raised exception as "ClassName: message", and for cases marked
stdout=True what print() wrote. A source PyTorch refuses to
compile is saved with the line its error points at.
"""
import importlib.util
import os
import re
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def script_error(e):
    text = str(e).strip().splitlines()
    last = text[-1] if text else ""
    m = re.match(r"^(?:builtins\.)?([A-Za-z_][A-Za-z0-9_.]*): ?(.*)$", last)
    if m:
        return m.group(1).split(".")[-1], m.group(2)
    return type(e).__name__, last


def call_capturing_stdout(fn, args):
    """Calls fn, returning (result, what TorchScript's print wrote to fd 1)."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as out:
        os.dup2(out.fileno(), 1)
        try:
            result = fn(*args)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
        out.seek(0)
        return result, out.read().decode()


def compile_case(src, fn_name, tmp, idx):
    path = os.path.join(tmp, f"case_{idx}.py")
    with open(path, "w") as f:
        f.write(src)
    spec = importlib.util.spec_from_file_location(f"case_{idx}", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # inspect (and so torch.jit.script) finds classes through sys.modules
    spec.loader.exec_module(mod)
    return torch.jit.script(getattr(mod, fn_name))


def main():
    outdir, category = sys.argv[1], sys.argv[2]
    spec = importlib.util.spec_from_file_location(f"lang_{category}", os.path.join(HERE, "lang", category + ".py"))
    cat = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cat)
    cases = cat.CASES
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        for idx, case in enumerate(cases):
            src = case["src"].strip("\n") + "\n"
            base = {"name": case["name"], "src": src, "fn": case.get("fn", "f"),
                    "rtol": float(case.get("rtol", 1e-5)), "atol": float(case.get("atol", 1e-6))}
            try:
                fn = compile_case(src, base["fn"], tmp, idx)
            except Exception as e:  # PyTorch refuses the source
                lines = re.findall(r'File "[^"]*case_\d+\.py", line (\d+)', str(e))
                rec = dict(base, call=0, args=(), expected=None, error=None,
                           compile_error_line=int(lines[0]) if lines else -1)
                if not case.get("negative"):
                    print(f"{category}/{case['name']}: PyTorch did not compile it: {e}", file=sys.stderr)
                    sys.exit(1)
                records.append(rec)
                continue
            if case.get("negative"):
                print(f"{category}/{case['name']}: marked negative but PyTorch compiled it", file=sys.stderr)
                sys.exit(1)
            for k, args in enumerate(case.get("calls", [()])):
                rec = dict(base, call=k, args=tuple(args), expected=None, error=None, compile_error_line=None,
                           stdout=None)
                try:
                    if case.get("stdout"):
                        rec["expected"], rec["stdout"] = call_capturing_stdout(fn, args)
                    else:
                        rec["expected"] = fn(*args)
                except Exception as e:
                    cls, msg = script_error(e)
                    rec["error"] = f"{cls}: {msg}"
                records.append(rec)
    os.makedirs(outdir, exist_ok=True)
    out = os.path.join(outdir, f"lang_{category}.pt")
    torch.save(records, out)
    print(f"{len(records)} records ({len(cases)} cases) -> {out}")


if __name__ == "__main__":
    main()
