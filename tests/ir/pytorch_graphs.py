"""Prints PyTorch 1.13's graph.str() for a few scripted functions, for
tests/ir/printer_test.cpp: ember parses each text, prints it, and must give
the same text back.

Output: for each function, a line "=== name" followed by the graph text.
Run with the system Python that has torch: /usr/bin/python3 pytorch_graphs.py
"""
import sys
from typing import Dict, List, NamedTuple, Optional, Tuple

import torch

SOURCE = '''
def control_flow(x, y: int, z: Optional[Tensor], l: List[int]):
    a = x + y
    if z is not None:
        a = a * z
    for i in range(y):
        a = a + 1.5
        l.append(i)
    if y > 3:
        raise ValueError("bad")
    while y < 10:
        y += 1
    return a, l, y

def nested_loops(n: int) -> int:
    total = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        for j in range(i):
            if j > 5:
                break
            total += i * j
    return total

def containers(d: Dict[str, Tensor], t: Tuple[int, float], keys: List[str]):
    out: List[Tensor] = []
    for k in keys:
        if k in d:
            out.append(d[k])
    squares = [i * i for i in range(4)]
    inv = {k: len(k) for k in keys}
    a, b = t
    return out, squares, inv, a + b, (t, keys)

def literals(x: Tensor):
    s = "tab\\there 'single' \\"double\\" back\\\\slash\\n"
    f = [0.1, 1e20, -0.0, 2.0, 1e-7, 123456789.0, 2.5e10]
    b = [True, False]
    n = None
    dev = x.device
    return s, f, b, n, dev, x.dtype, torch.float16, -3, 9223372036854775807

def refine(x: Optional[Tensor], y: Optional[int]) -> Tensor:
    if x is None:
        x = torch.zeros([2], dtype=torch.float)
    assert y is not None, "y must be set"
    if isinstance(y, int):
        x = x + y
    return x.relu() if y > 0 else x.neg()

def no_return(x: int):
    print(x, "value")
    with torch.no_grad():
        x += 1
'''


class Point(NamedTuple):
    x: int
    y: torch.Tensor


def named_tuple(p: Point) -> Tuple[int, torch.Tensor, Point]:
    x, y = p
    return x, y * 2, Point(x + 1, y)


class Inner(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(2, 3)
        self.k = 3

    def forward(self, x):
        return self.lin(x) + self.k


class Outer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.scale = 0.5
        self.names: List[str] = ["a"]

    def forward(self, x: torch.Tensor, flag: bool) -> torch.Tensor:
        y = self.inner(x)
        if flag:
            self.scale = self.scale * 2.0
            y = y * self.scale
        return y.sum(dim=[0], keepdim=True)


def main():
    cu = torch.jit.CompilationUnit(SOURCE)
    graphs = [(name, getattr(cu, name).graph)
              for name in ["control_flow", "nested_loops", "containers", "literals", "refine", "no_return"]]
    graphs.append(("named_tuple", torch.jit.script(named_tuple).graph))
    m = torch.jit.script(Outer())
    graphs.append(("module_forward", m.graph))
    graphs.append(("submodule_forward", m.inner.graph))
    for name, g in graphs:
        sys.stdout.write("=== %s\n" % name)
        sys.stdout.write(str(g))


if __name__ == "__main__":
    main()
