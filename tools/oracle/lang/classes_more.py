import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("class_default_args", """
class Acc:
    def __init__(self, start: int = 5, step: int = 1):
        self.v = start
        self.step = step

    def next(self) -> int:
        self.v += self.step
        return self.v

def f(n: int) -> int:
    a = Acc()
    b = Acc(step=n)
    return a.next() * 1000 + b.next()
""", [(3,)]),
    case("class_returns_self_type", """
class Vec:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def add(self, o: 'Vec') -> 'Vec':
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o: 'Vec') -> float:
        return self.x * o.x + self.y * o.y

def f(a: float, b: float) -> float:
    v = Vec(a, b).add(Vec(1.0, 2.0))
    return v.dot(v)
""", [(1.0, 0.5)]),
    case("class_list_of_objects", """
from typing import List
class Item:
    def __init__(self, name: str, price: float):
        self.name = name
        self.price = price

def f(n: int) -> str:
    items: List[Item] = []
    for i in range(n):
        items.append(Item("i" + str(i), float(i) * 1.5))
    total = 0.0
    for it in items:
        total += it.price
    return items[-1].name + ":" + str(total)
""", [(4,)]),
    case("class_tensor_attr", """
import torch
class Lin:
    def __init__(self, w: torch.Tensor, b: torch.Tensor):
        self.w = w
        self.b = b

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x @ self.w + self.b

def f(x: torch.Tensor) -> torch.Tensor:
    m = Lin(torch.ones(3, 2), torch.zeros(2))
    return m.forward(x)
""", [(torch.arange(6.0).reshape(2, 3),)]),
    case("class_dict_attr", """
from typing import Dict
class Registry:
    def __init__(self):
        self.d: Dict[str, int] = {}

    def add(self, k: str) -> int:
        self.d[k] = self.d.get(k, 0) + 1
        return self.d[k]

def f(s: str) -> int:
    r = Registry()
    out = 0
    for w in s.split():
        out = out * 10 + r.add(w)
    return out
""", [("a b a c a",)]),
    case("class_method_recursion_via_loop", """
class Fib:
    def __init__(self):
        self.calls = 0

    def fib(self, n: int) -> int:
        self.calls += 1
        a = 0
        b = 1
        for i in range(n):
            a, b = b, a + b
        return a

def f(n: int) -> int:
    x = Fib()
    return x.fib(n) + 1000 * x.calls
""", [(10,)]),
    case("class_in_function_arg", """
class P:
    def __init__(self, v: int):
        self.v = v

def double(p: P) -> P:
    return P(p.v * 2)

def f(n: int) -> int:
    return double(double(P(n))).v
""", [(3,)]),
    case("class_equality_identity", """
class P:
    def __init__(self, v: int):
        self.v = v

def f(n: int) -> bool:
    a = P(n)
    b = a
    return a is b
""", [(1,)]),
    case("namedtuple_defaults_free_fields", """
from typing import NamedTuple, List
class Rec(NamedTuple):
    name: str
    scores: List[int]

def f(n: int) -> int:
    r = Rec("x", [n, n + 1])
    r.scores.append(5)
    return sum(r.scores) + len(r.name)
""", [(2,)]),
    case("namedtuple_unpack", """
from typing import NamedTuple
class Pair(NamedTuple):
    a: int
    b: float

def f(n: int) -> float:
    p = Pair(n, 2.5)
    x, y = p
    return x * y
""", [(4,)]),
    case("namedtuple_return", """
from typing import NamedTuple
class Stats(NamedTuple):
    lo: int
    hi: int

def stats(xs: List[int]) -> Stats:
    return Stats(min(xs), max(xs))

def f(xs: List[int]) -> int:
    s = stats(xs)
    return s.hi - s.lo
""".replace("from typing import NamedTuple", "from typing import List, NamedTuple"), [([3, 9, -1],)]),
    case("namedtuple_as_result", """
from typing import NamedTuple, Tuple
class Out(NamedTuple):
    total: int
    label: str

def make(n: int) -> Out:
    return Out(n * 2, "n" + str(n))

def f(n: int) -> Tuple[int, str]:
    o = make(n)
    return o.total, o.label
""", [(3,)]),
    case("namedtuple_in_list", """
from typing import List, NamedTuple
class P(NamedTuple):
    x: int
    y: int

def f(n: int) -> int:
    ps = [P(i, i * i) for i in range(n)]
    s = 0
    for p in ps:
        s += p.y - p.x
    return s
""", [(4,)]),
    case("namedtuple_index_and_len", """
from typing import NamedTuple
class T3(NamedTuple):
    a: int
    b: str
    c: float

def f(n: int) -> str:
    t = T3(n, "q", 0.5)
    return t[1] + str(t[0]) + str(len(t))
""", [(7,)]),
    case("class_static_like_function", """
class Cfg:
    def __init__(self, scale: float):
        self.scale = scale

    def apply(self, x: float) -> float:
        return self.helper(x) * self.scale

    def helper(self, x: float) -> float:
        return x + 1.0

def f(x: float) -> float:
    return Cfg(2.0).apply(x)
""", [(1.5,)]),
    case("class_attribute_mutation_in_loop", """
from typing import List
class Buf:
    def __init__(self):
        self.data: List[float] = []
        self.total = 0.0

    def push(self, x: float):
        self.data.append(x)
        self.total += x

def f(n: int) -> float:
    b = Buf()
    for i in range(n):
        b.push(float(i) / 2)
    return b.total + len(b.data)
""", [(5,)]),
    neg("class_missing_attribute", """
class P:
    def __init__(self, v: int):
        self.v = v

def f(n: int) -> int:
    return P(n).w
"""),
    neg("class_attr_set_outside_init", """
class P:
    def __init__(self, v: int):
        self.v = v

    def set(self):
        self.w = 1

def f(n: int) -> int:
    p = P(n)
    p.set()
    return p.v
"""),
    neg("class_attr_type_change", """
class P:
    def __init__(self, v: int):
        self.v = v

    def set(self):
        self.v = "x"

def f(n: int) -> int:
    return P(n).v
"""),
    neg("namedtuple_wrong_arity", """
from typing import NamedTuple
class P(NamedTuple):
    x: int
    y: int

def f(n: int) -> int:
    return P(n).x
"""),
    neg("class_method_wrong_arg", """
class P:
    def __init__(self, v: int):
        self.v = v

    def add(self, k: int) -> int:
        return self.v + k

def f(n: int) -> int:
    return P(n).add("a")
"""),
]
