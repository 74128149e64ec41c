# Whole files as people write them for `ember convert` (and `ember run`): a
# `forward` entry point, classes holding classes and NamedTuples, helpers with
# defaults called by keyword, loops that swap values, exceptions from methods.
import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


CASES = [
    case("forward_entry_point", """
import torch
import torch.nn.functional as F

def scale(x: torch.Tensor, k: float = 2.0) -> torch.Tensor:
    return x * k

def forward(x: torch.Tensor) -> torch.Tensor:
    y = F.relu(scale(x, k=3.0)) + torch.ones([2], dtype=torch.float32)
    return y.sum(dim=0, keepdim=True)
""", [(torch.tensor([-1.0, 2.0]),)], fn="forward"),
    case("nested_classes_and_tuples", """
import torch
from typing import Dict, List, NamedTuple, Optional, Tuple

class Span(NamedTuple):
    start: int
    end: int

class Token(NamedTuple):
    text: str
    span: Span

class Vocab:
    def __init__(self, words: List[str]):
        self.index: Dict[str, int] = {}
        for i, w in enumerate(words):
            self.index[w] = i
        self.unknown = torch.jit.annotate(Optional[int], None)

    def lookup(self, w: str) -> int:
        if w in self.index:
            return self.index[w]
        u = self.unknown
        if u is None:
            raise KeyError("unknown word " + w)
        return u

class Tokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def tokens(self, text: str) -> List[Token]:
        out: List[Token] = []
        pos = 0
        for w in text.split(" "):
            out.append(Token(w, Span(pos, pos + len(w))))
            pos += len(w) + 1
        return out

    def ids(self, text: str) -> Tuple[List[int], List[Span]]:
        ts = self.tokens(text)
        return [self.vocab.lookup(t.text) for t in ts], [t.span for t in ts]

def f(text: str, allow_unknown: bool) -> Tuple[List[int], List[Tuple[int, int]]]:
    v = Vocab(["a", "b", "c"])
    if allow_unknown:
        v.unknown = -1
    ids, spans = Tokenizer(v).ids(text)
    return ids, [(s.start, s.end) for s in spans]
""", [("a c b", False), ("a x", True), ("a x", False)]),
    case("loop_swaps_and_breaks", """
from typing import List, Tuple

def fib_pair(n: int) -> Tuple[int, int]:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b

def f(n: int) -> List[int]:
    out: List[int] = []
    i = 0
    while True:
        i += 1
        if i % 3 == 0:
            continue
        if i > n:
            break
        a, b = fib_pair(i)
        out.append(a * 100 + b)
    return out
""", [(7,), (0,)]),
    case("optional_defaults_and_kwargs", """
from typing import Optional, List

def clip(x: int, lo: Optional[int] = None, hi: Optional[int] = None) -> int:
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x

def f(xs: List[int]) -> List[int]:
    return [clip(x, hi=5) + clip(x, lo=0) * 10 + clip(x, -1, 1) * 100 for x in xs]
""", [([-3, 0, 4, 9],)]),
    case("special_float_literals", """
import math
from typing import List

def f(x: float) -> List[float]:
    big = -9223372036854775807 - 1
    return [math.inf, -math.inf, x / 3.0, 1e300 * 10.0, float(big), 0.1 + 0.2]
""", [(1.0,)]),
    case("strings_with_escapes", """
def f(name: str) -> str:
    s = "tab\\there \\"quoted\\" back\\\\slash\\nnew line é"
    return f"{name}: {s} {len(s)}"
""", [("x",)]),
    case("method_raises", """
class Account:
    def __init__(self, balance: int):
        self.balance = balance

    def withdraw(self, n: int) -> int:
        if n > self.balance:
            raise ValueError(f"cannot withdraw {n} from {self.balance}")
        assert n >= 0, "negative withdrawal"
        self.balance -= n
        return self.balance

def f(n: int) -> int:
    a = Account(10)
    return a.withdraw(n)
""", [(3,), (30,), (-1,)]),
]
