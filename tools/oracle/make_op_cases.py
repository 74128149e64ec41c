"""Writes one torch.save file per op family: OUTDIR/ops_<family>.pt.

Usage: /usr/bin/python3 tools/oracle/make_op_cases.py OUTDIR [family ...]

Each file holds a list of dicts:
  {"name": str, "op": "aten::add.Tensor", "args": tuple, "kwargs": dict,
   "expected": result, "error": None}            when PyTorch returns
  {"name": ..., "expected": None, "error": "RuntimeError: message"}  when it raises
  plus "rtol"/"atol" (floats) for floating results, and "check_values" (False when
  only dtype and shape are defined, as for aten::empty).
"""
import copy
import importlib
import os
import pkgutil
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import opcase  # noqa: E402
import ops as families  # noqa: E402

DEFAULT_TOL = {torch.float16: (1e-3, 1e-3), torch.bfloat16: (1e-2, 1e-2),
               torch.float32: (1e-5, 1e-6), torch.float64: (1e-10, 1e-12)}


def resolve(opname):
    ns, rest = opname.split("::")
    name, _, overload = rest.partition(".")
    packet = getattr(getattr(torch.ops, ns), name)
    return getattr(packet, overload or "default")


def clone(v):
    # deepcopy keeps a view's storage offset and strides, so non-contiguous
    # inputs stay non-contiguous in the saved file.
    return copy.deepcopy(v)


def plain(v):
    """Named tuples (torch.return_types.max) become tuples: the file must load anywhere."""
    if isinstance(v, tuple):
        return tuple(plain(x) for x in v)
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def float_dtypes(v, out):
    if isinstance(v, torch.Tensor):
        if v.is_floating_point():
            out.append(v.dtype)
    elif isinstance(v, (list, tuple)):
        for x in v:
            float_dtypes(x, out)


def run_case(c):
    fn = resolve(c.op)
    args, kwargs = clone(c.args), clone(c.kwargs)
    record = {"name": c.name, "op": c.op, "args": clone(c.args), "kwargs": clone(c.kwargs),
              "expected": None, "error": None, "rtol": 0.0, "atol": 0.0,
              "check_values": c.check_values}
    try:
        with torch.no_grad():
            out = fn(*args, **kwargs)
        record["expected"] = plain(out)
        dts = []
        float_dtypes(out, dts)
        if dts:
            rtol, atol = max(DEFAULT_TOL.get(d, (1e-5, 1e-6)) for d in dts)
            if c.tol:
                rtol, atol = c.tol
            record["rtol"], record["atol"] = float(rtol), float(atol)
    except Exception as e:  # PyTorch refused: ember must refuse too
        record["error"] = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    return record


def main():
    outdir = sys.argv[1]
    wanted = set(sys.argv[2:])
    os.makedirs(outdir, exist_ok=True)
    for info in pkgutil.iter_modules(families.__path__):
        if wanted and info.name not in wanted:
            continue
        mod = importlib.import_module(f"ops.{info.name}")
        records = []
        seen = set()
        for i, c in enumerate(mod.CASES):
            r = run_case(c)
            base = r["name"] or f"{c.op.split('::')[1]}_{i}"
            r["name"] = base if base not in seen else f"{base}_{i}"
            seen.add(r["name"])
            records.append(r)
        path = os.path.join(outdir, f"ops_{info.name}.pt")
        tmp = path + ".tmp"
        torch.save(records, tmp)
        os.replace(tmp, path)
        print(f"{path}: {len(records)} cases")


if __name__ == "__main__":
    main()
