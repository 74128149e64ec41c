"""Which ops the torchvision models use, and which of them ember's registry lacks.

Usage: /usr/bin/python3 tools/oracle/model_ops.py [--tier fast|slow|all] [--registry FILE]
                                                  [--tsv OUT.tsv] [name ...]

For each model (built as make_models.py builds it) the scripted and the traced module are
saved to memory and examined two ways:
  - graph: every node kind of m.inlined_graph (scripted) / m.graph (traced), recursing into
    blocks so ops of branches eval mode never takes count too (ember compiles them all), with
    the overload from the node's schema ("aten::add.Tensor");
  - code: the archive's code/ files, scanned for torch.X, ops.aten.X, torch._C._nn.X,
    ops.prim.X (the spellings ember's compiler resolves by name, without overload), and
    torch.X(..., out=...) calls, which need aten::X.out.
FILE is `ember_list_ops` output (one qualified name a line); without it the registry is
read from the `r.def("...")` schemas in src/ember/ops/*.cpp.
Prints per model and kind the aten ops missing from the registry; --tsv writes
model<TAB>kind<TAB>op for every op used (tools/oracle/model_ops.tsv is that file, for the
fast and slow tiers, and tests/ops/model_ops_test.cpp checks every op in it is registered).
"""
import argparse
import collections
import io
import os
import re
import sys
import zipfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_models  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CODE_RE = re.compile(r"\b(?:torch\._C\._nn|torch\._C\._fft|torch\._C\._linalg|ops\.aten|ops\.prim|torch)\.([A-Za-z_][A-Za-z_0-9]*)\b")
OUT_RE = re.compile(r"\btorch\.([A-Za-z_][A-Za-z_0-9]*)\([^()]*\bout=")
# torch.X spellings in serialized code that are types or namespaces, not ops.
NOT_OPS = {"Tensor", "_C", "jit", "nn", "device", "dtype", "Generator", "float", "int", "bool",
           "List", "Dict", "Optional", "Tuple", "torchvision", "ops", "fx"}


def registry_from_sources():
    names = set()
    schema_re = re.compile(r'"((?:aten|prim)::[A-Za-z_0-9]+(?:\.[A-Za-z_0-9]+)?)\(')
    ops_dir = os.path.join(ROOT, "src", "ember", "ops")
    for f in os.listdir(ops_dir):
        if f.endswith(".cpp"):
            with open(os.path.join(ops_dir, f)) as fh:
                names.update(schema_re.findall(fh.read()))
    return names


def graph_ops(graph):
    out = set()

    def walk(block):
        for n in block.nodes():
            kind = n.kind()
            name = kind
            if kind.startswith("aten::"):
                try:
                    s = n.schema()
                    if s != "(no schema)":
                        name = s.split("(")[0]
                except Exception:  # noqa: BLE001 - some nodes carry no schema
                    pass
            out.add(name)
            for b in n.blocks():
                walk(b)

    walk(graph)
    return out


def code_ops(module):
    buf = io.BytesIO()
    torch.jit.save(module, buf)
    buf.seek(0)
    out = set()
    with zipfile.ZipFile(buf) as z:
        for info in z.infolist():
            if "/code/" in info.filename and info.filename.endswith(".py"):
                src = z.read(info).decode()
                # A call with out= needs the .out overload (F.normalize's torch.div(..., out=out)).
                for m in OUT_RE.finditer(src):
                    out.add(f"aten::{m.group(1)}.out")
                for m in CODE_RE.finditer(src):
                    if m.group(1) not in NOT_OPS:
                        prefix = m.group(0)[: -len(m.group(1))]
                        ns = "prim" if prefix == "ops.prim." else "aten"
                        out.add(f"{ns}::{m.group(1)}")
    return out


def model_ops(name):
    m = make_models.build(name)
    shape = make_models.MODELS[name][1]
    inputs = (torch.rand(shape),)
    result = {}
    for kind in ("scripted", "traced"):
        try:
            with torch.no_grad():
                sm = torch.jit.script(m) if kind == "scripted" else torch.jit.trace(m, inputs, check_trace=False)
        except Exception as e:  # noqa: BLE001
            result[kind] = None
            print(f"{name} {kind}: refused: {make_models.first_line(e)}", file=sys.stderr)
            continue
        g = sm.inlined_graph
        result[kind] = {"graph": graph_ops(g), "code": code_ops(sm)}
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--tier", choices=("fast", "slow", "all"), default="fast")
    ap.add_argument("--registry")
    ap.add_argument("--tsv", help="write every op used here")
    ap.add_argument("--from-tsv", help="read the ops used from this file instead of building the models")
    a = ap.parse_args()
    if a.registry:
        with open(a.registry) as f:
            registered = {line.strip() for line in f if line.strip()}
    else:
        registered = registry_from_sources()
    by_name = collections.defaultdict(set)
    for q in registered:
        by_name[q.split(".")[0]].add(q)
    # prim:: node kinds the compiler lowers itself (src/ember/ir/node_kinds.def) need no op.
    with open(os.path.join(ROOT, "src", "ember", "ir", "node_kinds.def")) as f:
        for k in re.findall(r"EMBER_PRIM_KIND\((\w+)", f.read()):
            by_name["prim::" + k].add("prim::" + k)
    names = a.names or [n for n, (tier, _) in make_models.MODELS.items() if a.tier in ("all", tier)]
    torch.set_num_threads(1)
    rows = []
    all_missing = collections.Counter()
    results = {}
    if a.from_tsv:
        with open(a.from_tsv) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                n, kind, op = line.rstrip("\n").split("\t")
                if a.names and n not in a.names:
                    continue
                base = kind.replace("_code", "")
                found = results.setdefault(n, {}).setdefault(base, {"graph": set(), "code": set()})
                found["code" if kind.endswith("_code") else "graph"].add(op)
        names = list(results)
    for n in names:
        res = results[n] if a.from_tsv else model_ops(n)
        for kind, found in res.items():
            if found is None:
                continue
            for op in sorted(found["graph"]):
                rows.append((n, kind, op))
            for op in sorted(found["code"]):
                rows.append((n, kind + "_code", op))
            missing = sorted(op for op in found["graph"] if op.startswith("aten::") and op not in registered)
            missing += sorted(op for op in found["code"] if op.startswith("aten::")
                              and (op not in registered if "." in op else op not in by_name))
            missing += sorted(op for op in found["graph"] | found["code"]
                              if op.startswith("prim::") and op.split(".")[0] not in by_name)
            all_missing.update(missing)
            print(f"{n} {kind}: {len(found['graph'])} graph ops, missing: {' '.join(missing) or '-'}", flush=True)
    print("\nmissing over all models:")
    for op, count in sorted(all_missing.items()):
        print(f"  {op}  ({count})")
    if a.tsv:
        with open(a.tsv, "w") as f:
            f.write("# model\tkind\top  (written by tools/oracle/model_ops.py)\n")
            for r in rows:
                f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
