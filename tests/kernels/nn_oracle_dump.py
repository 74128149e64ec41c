"""Runs tools/oracle/ops/nn.py's cases on PyTorch and writes them as plain text
for tests/kernels/nn_oracle_test.cpp (a stopgap until the conformance runner
reads torch.save files).

Usage: /usr/bin/python3 tests/kernels/nn_oracle_dump.py OUT.txt

Values, whitespace separated:
  N | B 0/1 | I int | F float | D dtype_id | S len <space> bytes
  T dtype_id ndim sizes... strides... offset storage_numel elements...
  L n values... (list) | U n values... (tuple)
A case: CASE name op, ARGS n values, KWARGS n (name value)..., then
EXPECT value or ERROR string, then TOL rtol atol check_values.
"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "oracle"))
import make_op_cases  # noqa: E402
import ops.nn  # noqa: E402

DTYPE_IDS = {torch.uint8: 0, torch.int8: 1, torch.int16: 2, torch.int32: 3, torch.int64: 4, torch.float16: 5,
             torch.float32: 6, torch.float64: 7, torch.bool: 11, torch.bfloat16: 15}


def num(x):
    return repr(float(x)) if isinstance(x, float) else str(x)


def enc(v, out):
    if v is None:
        out.append("N")
    elif isinstance(v, bool):
        out += ["B", "1" if v else "0"]
    elif isinstance(v, int):
        out += ["I", str(v)]
    elif isinstance(v, float):
        out += ["F", repr(v)]
    elif isinstance(v, str):
        out += ["S", str(len(v.encode())), v]
    elif isinstance(v, torch.dtype):
        out += ["D", str(DTYPE_IDS[v])]
    elif isinstance(v, torch.Tensor):
        storage = v.storage()
        out += ["T", str(DTYPE_IDS[v.dtype]), str(v.dim())]
        out += [str(s) for s in v.shape] + [str(s) for s in v.stride()]
        out += [str(v.storage_offset()), str(len(storage))]
        if v.dtype == torch.bool:
            out += ["1" if x else "0" for x in storage.tolist()]
        elif v.dtype.is_floating_point:
            out += [repr(float(x)) for x in storage.tolist()]
        else:
            out += [str(int(x)) for x in storage.tolist()]
    elif isinstance(v, (list, tuple)):
        out += ["L" if isinstance(v, list) else "U", str(len(v))]
        for x in v:
            enc(x, out)
    else:
        raise TypeError(f"cannot encode {type(v)}")


def main():
    lines = []
    seen = set()
    for i, c in enumerate(ops.nn.CASES):
        r = make_op_cases.run_case(c)
        name = r["name"] or f"{c.op.split('::')[1]}_{i}"
        name = name if name not in seen else f"{name}_{i}"
        seen.add(name)
        out = ["CASE", name, c.op, "ARGS"]
        enc(list(r["args"]), out)
        out += ["KWARGS", str(len(r["kwargs"]))]
        for k, v in r["kwargs"].items():
            out.append(k)
            enc(v, out)
        if r["error"] is not None:
            out.append("ERROR")
            enc(r["error"], out)
        else:
            out.append("EXPECT")
            enc(r["expected"], out)
        out += ["TOL", repr(r["rtol"]), repr(r["atol"]), "1" if r["check_values"] else "0"]
        lines.append(" ".join(out))
    with open(sys.argv[1], "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
