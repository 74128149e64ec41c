#!/usr/bin/python3
"""Hand-made TorchScript modules saved with torch.jit.save, in the case
layout of /work/shared/corpus/realworld (model.pt, inputs.pt, expected.pt,
meta.json): scripted modules with submodules, containers, attributes of every
type, NamedTuple / Dict / List outputs, exported, ignored and unused methods,
traced modules, stateful modules, lite-interpreter archives, Python enums
(attributes, constants in code/, arguments and returns of methods).

usage: make_module_cases.py OUTDIR
"""
import json
import os
import sys
from enum import Enum
from typing import Dict, List, NamedTuple, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1)
        self.bn = nn.BatchNorm2d(c)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x))) + x


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2), nn.ReLU())
        self.blocks = nn.ModuleList([Block(8), Block(8)])
        self.heads = nn.ModuleDict({"a": nn.Linear(8, 4), "b": nn.Linear(8, 2)})
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        x = self.stem(x)
        for b in self.blocks:
            x = b(x)
        x = torch.flatten(self.pool(x), 1)
        return self.heads["a"](x), self.heads["b"](x)


class Attrs(nn.Module):
    scale: float
    tag: str
    sizes: List[int]
    table: Dict[str, int]
    maybe: Optional[Tensor]
    pair: Tuple[int, float]
    K: torch.jit.Final[int]

    def __init__(self):
        super().__init__()
        self.scale = 2.5
        self.count = 3
        self.flag = True
        self.tag = "hello"
        self.sizes = [1, 2, 3]
        self.table = {"x": 1, "y": 2}
        self.maybe = None
        self.pair = (4, 0.5)
        self.K = 7
        self.register_buffer("offset", torch.arange(4.0))
        self.weight = nn.Parameter(torch.randn(4))

    def forward(self, x: Tensor) -> Dict[str, Tensor]:
        y = x * self.scale + self.offset + self.weight
        if self.flag:
            y = y + self.count
        n = 0
        for s in self.sizes:
            n += s
        out: Dict[str, Tensor] = {"y": y, "n": torch.tensor(n + self.table["y"] + self.K)}
        m = self.maybe
        if m is not None:
            out["m"] = m
        out[self.tag] = y * self.pair[1] + self.pair[0]
        return out


class Result(NamedTuple):
    total: Tensor
    parts: List[Tensor]


class Outputs(nn.Module):
    def forward(self, x: Tensor, k: int) -> Result:
        parts = [x * i for i in range(k)]
        return Result(torch.stack(parts).sum(0), parts)

    @torch.jit.export
    def predict(self, x: Tensor) -> Tuple[Tensor, int]:
        return x.argmax(-1), int(x.numel())

    @torch.jit.ignore
    def debug(self, x):
        print(x)

    @torch.jit.unused
    def train_step(self, x: Tensor) -> Tensor:
        import numpy  # never compiled
        return x


def helper(x: Tensor, n: int) -> Tensor:
    for _ in range(n):
        x = torch.tanh(x) * 1.5
    return x


class UsesFunction(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(5, 5)

    def forward(self, x: Tensor, words: List[str]) -> Tuple[Tensor, str]:
        return helper(self.lin(x), 3), " ".join(words).upper()


class Counter(nn.Module):
    def __init__(self):
        super().__init__()
        self.steps = 0
        self.register_buffer("state", torch.zeros(3))

    def forward(self, x: Tensor) -> Tensor:
        self.steps += 1
        self.state = self.state * 0.5 + x
        return self.state * self.steps


class Raises(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        if x.sum() > 0:
            raise ValueError("positive input")
        return x


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        return F.softmax(self.fc2(torch.relu(self.fc1(x))), dim=-1)


class Recurrent(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, 8, batch_first=True)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        y, (h, c) = self.lstm(x)
        return self.out(y[:, -1]), h


@torch.jit.interface
class OneArg(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        pass


class AddOne(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x + 1


class Twice(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x * 2


class UsesInterface(nn.Module):
    impl: OneArg

    def __init__(self):
        super().__init__()
        self.impl = AddOne()
        self.other = Twice()

    def forward(self, x: Tensor) -> Tensor:
        return self.impl.forward(x) + self.other(x)


class CustomState(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = 3.0
        self.register_buffer("bias", torch.ones(2))

    @torch.jit.export
    def __getstate__(self) -> Tuple[float, Tensor, bool]:
        return (self.scale, self.bias, self.training)

    @torch.jit.export
    def __setstate__(self, state: Tuple[float, Tensor, bool]) -> None:
        self.scale = state[0] * 2.0  # visible in the result: __setstate__ ran
        self.bias = state[1]
        self.training = state[2]

    def forward(self, x: Tensor) -> Tensor:
        return x * self.scale + self.bias


class Color(Enum):
    RED = 1
    GREEN = 2


class Mode(Enum):
    FAST = "fast"
    SLOW = "slow"


class Scale(Enum):
    HALF = 0.5
    DOUBLE = 2.0


class EnumAttrs(nn.Module):
    """Enum-typed attributes (plain, in a list, as dict values), enum constants
    in code/, a method taking and returning enums, and an attribute that
    forward reassigns (so later calls differ)."""
    modes: List[Mode]
    table: Dict[str, Color]

    def __init__(self):
        super().__init__()
        self.color = Color.GREEN
        self.mode = Mode.SLOW
        self.modes = [Mode.FAST, Mode.SLOW, Mode.FAST]
        self.table = {"a": Color.RED, "b": Color.GREEN}

    @torch.jit.export
    def pick(self, k: int, fallback: Color) -> Color:
        if k > 0:
            return Color.RED
        if k < 0:
            return fallback
        return self.color

    def forward(self, x: Tensor, k: int) -> Tuple[Tensor, str, int]:
        c = self.pick(k, Color.GREEN) if k >= 0 else self.pick(k, Color.RED)
        s = Scale.HALF if self.mode == Mode.SLOW else Scale.DOUBLE
        for m in self.modes:
            if m == Mode.FAST:
                x = x + 1
        n = 0
        for e in Color:
            n = n * 10 + e.value
        if c == Color.RED:
            y = x * s.value + c.value
        else:
            y = x - self.table["a"].value
        name = c.name + "/" + self.mode.value
        self.color = Color.RED if self.color == Color.GREEN else Color.GREEN
        return y, name, n + self.table["b"].value


class EnumGate(nn.Module):
    def __init__(self):
        super().__init__()
        self.mode = Mode.FAST
        self.scale = Scale.DOUBLE

    def forward(self, x: Tensor) -> Tensor:
        if self.mode == Mode.FAST:
            return x * self.scale.value
        return x


class EnumTraceOuter(nn.Module):
    """Traced around a scripted submodule that uses enums: the archive holds
    the enum classes of the scripted part."""
    def __init__(self):
        super().__init__()
        self.inner = torch.jit.script(EnumGate())
        self.lin = nn.Linear(3, 3)

    def forward(self, x):
        return self.inner(self.lin(x)) + 1


@torch.jit.script
class EnumCfg:
    def __init__(self, c: Color, k: float):
        self.c = c
        self.k = k


class FrozenEnumCfg(nn.Module):
    """Frozen, the script-class attribute becomes a constant: constants.pkl
    holds the object and, inside it, an enum value."""
    def __init__(self):
        super().__init__()
        self.cfg = EnumCfg(Color.GREEN, 2.0)

    def forward(self, x: Tensor) -> Tensor:
        cfg = self.cfg if bool(x.sum() > 0) else EnumCfg(Color.RED, 1.0)
        if cfg.c == Color.GREEN:
            return x * cfg.k + cfg.c.value
        return x - cfg.c.value


def save_case(outdir, name, module, inputs, method="forward", calls=1, expect=None, lite=False, rtol=1e-4, atol=1e-5):
    d = os.path.join(outdir, name)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "model.pt")
    if lite:
        module._save_for_lite_interpreter(path)
    else:
        torch.jit.save(module, path)
    torch.save(tuple(inputs), os.path.join(d, "inputs.pt"))
    meta = {"category": "handmade", "method": method, "rtol": rtol, "atol": atol, "nargs": len(inputs)}
    if calls != 1:
        meta["calls"] = calls
    if expect:
        meta["expect"] = expect
    else:
        loaded = torch.jit.load(path)
        with torch.no_grad():
            for _ in range(calls):
                r = getattr(loaded, method)(*inputs)
        if isinstance(r, tuple) and hasattr(r, "_fields"):
            r = tuple(r)
        torch.save(r, os.path.join(d, "expected.pt"))
    with open(os.path.join(d, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)


def main():
    out = sys.argv[1]
    x4 = torch.randn(2, 3, 17, 17)
    net = Net().eval()
    save_case(out, "scripted_submodules", torch.jit.script(net), [x4])
    save_case(out, "traced_submodules", torch.jit.trace(net, x4), [x4])
    save_case(out, "attributes", torch.jit.script(Attrs()), [torch.randn(4)])
    o = torch.jit.script(Outputs())
    save_case(out, "namedtuple_output", o, [torch.randn(3), 4])
    save_case(out, "exported_method", o, [torch.randn(2, 5)], method="predict")
    save_case(out, "free_function", torch.jit.script(UsesFunction()), [torch.randn(2, 5), ["a", "bc"]])
    save_case(out, "stateful_calls3", torch.jit.script(Counter()), [torch.ones(3)], calls=3)
    save_case(out, "model_raises", torch.jit.script(Raises()), [torch.ones(2)], expect="raise")
    save_case(out, "traced_mlp", torch.jit.trace(Small().eval(), torch.randn(2, 10)), [torch.randn(4, 10)])
    save_case(out, "lite_mlp", torch.jit.script(Small().eval()), [torch.randn(4, 10)], lite=True)
    save_case(out, "scripted_lstm", torch.jit.script(Recurrent().eval()), [torch.randn(2, 5, 6)])
    save_case(out, "custom_setstate", torch.jit.script(CustomState()), [torch.randn(2)])
    save_case(out, "module_interface", torch.jit.script(UsesInterface()), [torch.randn(3)])
    save_case(out, "enum_attributes", torch.jit.script(EnumAttrs()), [torch.randn(3), 0], calls=3)
    save_case(out, "enum_attributes_k1", torch.jit.script(EnumAttrs()), [torch.randn(3), 1])
    save_case(out, "enum_attributes_kneg", torch.jit.script(EnumAttrs()), [torch.randn(3), -1])
    save_case(out, "enum_traced_outer", torch.jit.trace(EnumTraceOuter().eval(), torch.randn(2, 3)), [torch.randn(2, 3)])
    frozen_enum = torch.jit.freeze(torch.jit.script(FrozenEnumCfg()).eval())
    save_case(out, "enum_frozen_constant", frozen_enum, [torch.ones(3)])
    save_case(out, "enum_frozen_constant_neg", frozen_enum, [-torch.ones(3)])
    from torch.utils.mobile_optimizer import optimize_for_mobile
    save_case(out, "mobile_optimized_mlp", optimize_for_mobile(torch.jit.script(Small().eval())), [torch.randn(4, 10)])
    # Dynamic quantization, reference from the onednn engine as for the real-world corpus.
    torch.backends.quantized.engine = "onednn"
    q = torch.ao.quantization.quantize_dynamic(Small().eval(), {nn.Linear}, dtype=torch.qint8)
    # Frozen, as mobile exports are: the packed weights become constants (non-frozen ones need
    # LinearPackedParamsBase as a class, which ember does not provide).
    save_case(out, "quantized_dynamic_mlp", torch.jit.freeze(torch.jit.script(q)), [torch.randn(4, 10) * 2], rtol=1e-3, atol=1e-3)


if __name__ == "__main__":
    main()
