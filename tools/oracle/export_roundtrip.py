#!/usr/bin/python3
"""Archive export round trips: an archive goes through `ember convert` and
PyTorch 1.13's torch.jit.load must run the result as it ran the original.

usage: export_roundtrip.py EMBER WORK_DIR [REALWORLD_DIR] [--known-failures FILE]

Hand-made modules (scripted with typed containers, submodules, shared and
viewed storages, TorchScript class attributes, __getstate__/__setstate__,
enum attributes; traced) are written to WORK_DIR by PyTorch, converted, reloaded and compared
with what PyTorch's own load-and-save gives: same outputs, and PyTorch writes
the same data.pkl for both (same values, container types, storage sharing).
Real-world cases (REALWORLD_DIR, see its README) that ember runs are
converted and their reloaded result compared with expected.pt; cases PyTorch
itself refuses ("expect": "error") and known failures (ember cannot load
them) are skipped. Exit status 0 when everything passes.
"""
import json
import os
import subprocess
import sys
import zipfile
from enum import Enum
from typing import Dict, List, Optional, Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_model_case import same  # noqa: E402


# ---------------------------------------------------------------- hand-made modules

@torch.jit.script
class Counter:
    def __init__(self, start: int, scale: float):
        self.n = start
        self.scale = scale
        self.names = ["a", "b"]

    def bump(self) -> int:
        self.n += 1
        return self.n


class Leaf(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 2)
        self.register_buffer("offset", torch.arange(2, dtype=torch.float32))

    def forward(self, x):
        return self.lin(x) + self.offset


class Containers(torch.nn.Module):
    ints: List[int]
    floats: List[float]
    bools: List[bool]
    strs: List[str]
    nested: List[List[int]]
    tensors: List[torch.Tensor]
    empty: List[torch.Tensor]
    table: Dict[str, float]
    by_int: Dict[int, List[int]]
    tdict: Dict[str, torch.Tensor]
    maybe: Optional[torch.Tensor]
    maybe_int: Optional[int]
    pair: Tuple[int, str]

    def __init__(self):
        super().__init__()
        self.leaf = Leaf()
        self.layers = torch.nn.ModuleList([torch.nn.Linear(2, 2), torch.nn.ReLU()])
        self.k = 3
        self.ratio = 0.5
        self.flag = True
        self.name = "ember"
        self.ints = [1, 2, 3]
        self.floats = [0.25, -1.5]
        self.bools = [True, False]
        self.strs = ["x", "yz"]
        self.nested = [[1], [], [2, 3]]
        self.tensors = [torch.ones(2), torch.full((2,), 2.0)]
        self.empty = []
        self.table = {"a": 1.0, "b": -2.0}
        self.by_int = {1: [4], 2: [5, 6]}
        self.tdict = {"w": torch.tensor([1.0, -1.0])}
        self.maybe = None
        self.maybe_int = 7
        self.pair = (4, "four")
        self.counter = Counter(10, 2.0)
        base = torch.arange(12, dtype=torch.float64)
        self.whole = base
        self.view = base[2:8].view(2, 3)       # a view of the same storage
        self.alias = self.leaf.lin.weight       # the same tensor twice
        self.ints64 = torch.tensor([1 << 40, -3], dtype=torch.int64)
        self.half = torch.tensor([1.5, 2.25], dtype=torch.float16)
        self.mask = torch.tensor([True, False])

    def forward(self, x):
        y = self.leaf(x)
        for layer in self.layers:
            y = layer(y)
        s = float(self.k) * self.ratio + float(self.ints[2]) + self.floats[1] + self.table["b"]
        if self.flag:
            s += 1.0
        s += float(len(self.strs[1]) + len(self.nested[2]) + self.by_int[2][1] + self.pair[0] + len(self.name))
        if self.maybe is None:
            s += 0.125
        mi = self.maybe_int
        if mi is not None:
            s += float(mi)
        s += float(self.counter.bump()) * self.counter.scale
        t = self.tensors[0] + self.tensors[1] + self.tdict["w"] + float(len(self.empty))
        v = self.view.sum() + self.whole[3]
        return y * s + t + v.float() + self.alias.sum() + self.half.float().sum() + self.mask.sum()

    @torch.jit.export
    def describe(self) -> Tuple[List[int], Dict[str, float], List[str], int]:
        return self.ints, self.table, self.strs, self.k


class Stateful(torch.nn.Module):
    """__getstate__/__setstate__: data.pkl holds what __getstate__ returns."""

    def __init__(self):
        super().__init__()
        self.w = torch.tensor([1.0, 2.0])
        self.calls = 0

    def forward(self, x):
        self.calls += 1
        return x * self.w + float(self.calls)

    @torch.jit.export
    def __getstate__(self) -> Tuple[torch.Tensor, int, bool]:
        return (self.w, self.calls, self.training)

    @torch.jit.export
    def __setstate__(self, state: Tuple[torch.Tensor, int, bool]) -> None:
        self.w = state[0] * 2.0
        self.calls = state[1]
        self.training = state[2]


class Color(Enum):
    RED = 1
    GREEN = 2


class Mode(Enum):
    FAST = "fast"
    SLOW = "slow"


class Scale(Enum):
    HALF = 0.5
    DOUBLE = 2.0


class Enums(torch.nn.Module):
    """Enum values in data.pkl (GLOBAL + value + REDUCE), also inside typed
    lists and dicts; forward reassigns one, so what is saved after a call differs."""
    modes: List[Mode]
    by_name: Dict[str, Color]
    maybe: Optional[Scale]

    def __init__(self):
        super().__init__()
        self.color = Color.GREEN
        self.scale = Scale.DOUBLE
        self.modes = [Mode.FAST, Mode.SLOW, Mode.FAST]
        self.by_name = {"r": Color.RED, "g": Color.GREEN}
        self.maybe = Scale.HALF

    def forward(self, x):
        y = x * self.scale.value + self.color.value
        for m in self.modes:
            if m == Mode.SLOW:
                y = y - 1.0
        sc = self.maybe
        if sc is not None:
            y = y * sc.value
        self.color = Color.RED if self.color == Color.GREEN else Color.GREEN
        return y

    @torch.jit.export
    def describe(self) -> Tuple[str, int, str]:
        return self.color.name, self.by_name["g"].value, self.modes[1].value


@torch.jit.script
class EnumCfg:
    def __init__(self, c: Color, k: float):
        self.c = c
        self.k = k


class FrozenEnumCfg(torch.nn.Module):
    """Frozen: constants.pkl holds a script-class object with an enum attribute."""

    def __init__(self):
        super().__init__()
        self.cfg = EnumCfg(Color.GREEN, 2.0)

    def forward(self, x):
        cfg = self.cfg if bool(x.sum() > 0) else EnumCfg(Color.RED, 1.0)
        if cfg.c == Color.GREEN:
            return x * cfg.k + cfg.c.value
        return x - cfg.c.value


class Conv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3, padding=1)
        self.bn = torch.nn.BatchNorm2d(4)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x))).mean(dim=(2, 3))


def hand_made(work):
    torch.manual_seed(0)
    cases = []
    m = torch.jit.script(Containers())
    cases.append(("scripted_containers", m, [(torch.randn(4, 3),)], "forward"))
    cases.append(("scripted_containers_describe", m, [()], "describe"))
    s = torch.jit.script(Stateful())
    cases.append(("getstate_setstate", s, [(torch.ones(2),), (torch.ones(2),)], "forward"))
    e = torch.jit.script(Enums())
    cases.append(("scripted_enums", e, [(torch.ones(2),), (torch.ones(2),)], "forward"))
    e2 = torch.jit.script(Enums())
    e2(torch.ones(2))  # saved with the attribute forward changed
    cases.append(("scripted_enums_changed", e2, [()], "describe"))
    fz = torch.jit.freeze(torch.jit.script(FrozenEnumCfg()).eval())
    cases.append(("frozen_enum_constant", fz, [(torch.ones(2),), (-torch.ones(2),)], "forward"))
    conv = Conv().eval()
    traced = torch.jit.trace(conv, (torch.randn(1, 3, 8, 8),))
    cases.append(("traced_conv", traced, [(torch.randn(2, 3, 8, 8),)], "forward"))
    lin = torch.nn.Sequential(torch.nn.Linear(5, 3), torch.nn.Tanh())
    traced_lin = torch.jit.trace(lin, (torch.randn(2, 5),))
    cases.append(("traced_sequential", traced_lin, [(torch.randn(3, 5),)], "forward"))
    out = []
    for name, module, calls, method in cases:
        path = os.path.join(work, name + ".pt")
        module.save(path)
        out.append((name, path, calls, method))
    return out


def data_pickle(module, path):
    """data.pkl as PyTorch writes it for `module`: the value types (container
    type tags), attribute order and storage sharing all show in its bytes."""
    module.save(path)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith("/data.pkl"))
        return z.read(name)


def check_hand_made(ember, work):
    failures = 0
    for name, path, calls, method in hand_made(work):
        converted = os.path.join(work, name + ".converted.pt")
        p = subprocess.run([ember, "convert", path, converted], capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            print(f"FAIL {name}: ember convert exit {p.returncode}: {p.stderr.strip()[:1000]}")
            failures += 1
            continue
        try:
            # The reference is PyTorch's own load-and-save: what a module with
            # __setstate__ does at load time then happens once more, as here.
            reference = os.path.join(work, name + ".pytorch_resaved.pt")
            torch.jit.load(path).save(reference)
            original, again = torch.jit.load(reference), torch.jit.load(converted)
            why = None
            for args in calls:  # the same calls in the same order: stateful modules must agree
                a = getattr(original, method)(*args)
                b = getattr(again, method)(*args)
                why = why or same(b, a, 0, 0)
            # Reload both (the calls above changed stateful ones) and let PyTorch write them again.
            pa = data_pickle(torch.jit.load(reference), os.path.join(work, name + ".resaved_original.pt"))
            pb = data_pickle(torch.jit.load(converted), os.path.join(work, name + ".resaved_converted.pt"))
            if pa != pb:
                why = why or "PyTorch writes a different data.pkl for the converted archive"
        except Exception as e:
            why = f"{type(e).__name__}: {e}"
        if why:
            failures += 1
            print(f"FAIL {name}: {why}")
        else:
            print(f"PASS {name}")
    return failures


# ---------------------------------------------------------------- real-world corpus

def check_realworld(ember, work, corpus, known):
    failures = 0
    for case in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, case)
        meta_path = os.path.join(d, "meta.json")
        if not os.path.exists(meta_path):
            continue
        meta = json.load(open(meta_path))
        if meta.get("expect") in ("error", "raise"):
            continue
        if case in known:
            print(f"SKIP {case}: known failure ({known[case]})")
            continue
        converted = os.path.join(work, case + ".converted.pt")
        p = subprocess.run([ember, "convert", os.path.join(d, "model.pt"), converted],
                           capture_output=True, text=True, timeout=300)
        if p.returncode == 2 and "ember keeps in another form" in p.stderr:
            # torchbind objects / quantized tensors: refused on purpose.
            print(f"REFUSED {case}: {p.stderr.strip().splitlines()[0][:200]}")
            continue
        if p.returncode != 0:
            failures += 1
            print(f"FAIL {case}: ember convert exit {p.returncode}: {p.stderr.strip()[:1000]}")
            continue
        try:
            m = torch.jit.load(converted, map_location="cpu")
            args = torch.load(os.path.join(d, "inputs.pt"))
            with torch.no_grad():
                for _ in range(meta.get("calls", 1)):
                    result = getattr(m, meta.get("method", "forward"))(*args)
            if hasattr(result, "_fields"):  # NamedTuple: stored as a plain tuple
                result = tuple(result)
            expected = torch.load(os.path.join(d, "expected.pt"))
            why = same(result, expected, meta.get("rtol", 1e-4), meta.get("atol", 1e-5))
        except Exception as e:
            why = f"{type(e).__name__}: {e}"
        if why:
            failures += 1
            print(f"FAIL {case}: {why}")
        else:
            print(f"PASS {case}")
    return failures


def main():
    args = sys.argv[1:]
    known = {}
    if "--known-failures" in args:
        i = args.index("--known-failures")
        for line in open(args[i + 1]):
            line = line.strip()
            if line and not line.startswith("#"):
                k, _, why = line.partition(" ")
                known[k] = why.strip()
        del args[i:i + 2]
    ember, work, *rest = args
    os.makedirs(work, exist_ok=True)
    failures = check_hand_made(ember, work)
    if rest and os.path.isdir(rest[0]):
        failures += check_realworld(ember, work, rest[0], known)
    print("all round trips passed" if failures == 0 else f"{failures} round trip(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
