import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


t23 = torch.arange(6, dtype=torch.float32).reshape(2, 3)
i23 = torch.arange(6).reshape(2, 3)

CASES = [
    case("tolist_1d_float", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[float]:
    return x.tolist()
""", [(torch.tensor([1.5, -2.0]),)]),
    case("tolist_2d_int", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[List[int]]:
    return x.tolist()
""", [(i23,), (i23.t(),)]),
    case("tolist_bool", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[bool]:
    return (x > 1).tolist()
""", [(torch.tensor([0, 2, 3]),)]),
    case("tolist_scalar", """
import torch
def f(x: torch.Tensor) -> float:
    v: float = x.sum().tolist()
    return v
""", [(t23,)]),
    case("tolist_wrong_dim", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[float]:
    return x.tolist()
""", [(t23,)]),
    case("tolist_wrong_dtype", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[int]:
    return x.tolist()
""", [(torch.tensor([1.5]),)]),
    case("setitem_int_index", """
import torch
def f(x: torch.Tensor, i: int) -> torch.Tensor:
    y = x.clone()
    y[i] = 5.0
    return y
""", [(t23, 0), (t23, -1)]),
    case("setitem_mask", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[y > 2] = 0
    return y
""", [(t23,)]),
    case("setitem_slice_tensor", """
import torch
def f(x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[:, 1:3] = v
    return y
""", [(t23, torch.tensor([[10.0, 11.0], [12.0, 13.0]])), (t23, torch.tensor([-1.0, -2.0]))]),
    case("setitem_two_ints", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[1, 2] = -1.0
    y[0, -1] = y[1, 0]
    return y
""", [(t23,)]),
    case("setitem_index_tensor", """
import torch
def f(x: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[idx] = 9.0
    return y
""", [(torch.zeros(5), torch.tensor([0, 3]))]),
    case("setitem_ellipsis", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[..., 0] = 1.0
    return y
""", [(t23,)]),
    case("setitem_aug", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[0] += 10.0
    y[:, 0] *= 2.0
    return y
""", [(t23,)]),
    case("setitem_int_tensor_value", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[0] = 7
    return y
""", [(i23,)]),
    case("setitem_shape_mismatch", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[0] = torch.ones(4)
    return y
""", [(t23,)]),
    case("setitem_out_of_range", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[5] = 1.0
    return y
""", [(t23,)]),
    case("no_grad_block", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        y = x * 2
    return y + 1
""", [(t23,)]),
    case("user_context_manager", """
from typing import List
class Recorder:
    def __init__(self, log: List[str]):
        self.log = log

    def __enter__(self):
        self.log.append("enter")

    def __exit__(self, a: Any, b: Any, c: Any):
        self.log.append("exit")

def f(n: int) -> List[str]:
    log: List[str] = []
    with Recorder(log):
        log.append("body " + str(n))
    return log
""".replace("from typing import List", "from typing import Any, List"), [(3,)]),
    case("context_manager_as_value", """
from typing import Any
class Ctx:
    def __init__(self, v: int):
        self.v = v
        self.closed = False

    def __enter__(self) -> int:
        return self.v * 2

    def __exit__(self, a: Any, b: Any, c: Any):
        self.closed = True

def f(n: int) -> int:
    c = Ctx(n)
    with c as v:
        r = v + 1
    return r * 10 + int(c.closed)
""", [(4,)]),
    case("context_manager_exit_on_return", """
from typing import Any, List
class Ctx:
    def __init__(self, log: List[str]):
        self.log = log

    def __enter__(self):
        self.log.append("in")

    def __exit__(self, a: Any, b: Any, c: Any):
        self.log.append("out")

def g(log: List[str], n: int) -> int:
    with Ctx(log):
        if n > 0:
            return n
        log.append("body")
    return -1

def f(n: int) -> List[str]:
    log: List[str] = []
    log.append(str(g(log, n)))
    return log
""", [(1,), (0,)]),
    case("nested_with", """
from typing import Any, List
class Ctx:
    def __init__(self, log: List[str], name: str):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append("+" + self.name)

    def __exit__(self, a: Any, b: Any, c: Any):
        self.log.append("-" + self.name)

def f() -> List[str]:
    log: List[str] = []
    with Ctx(log, "a"), Ctx(log, "b"):
        log.append("body")
    return log
"""),
    case("assert_with_fstring", """
def f(n: int) -> int:
    assert n % 2 == 0, f"odd: {n}"
    return n // 2
""", [(4,), (3,)]),
    case("assert_tensor_condition", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    assert bool((x > 0).all()), "needs positive"
    return x.log()
""", [(torch.tensor([1.0, 2.0]),), (torch.tensor([1.0, -2.0]),)]),
    case("assert_in_loop", """
from typing import List
def f(xs: List[int]) -> int:
    s = 0
    for x in xs:
        assert x != 0, "zero at " + str(s)
        s += x
    return s
""", [([1, 2],), ([1, 0],)]),
    case("assert_refines_optional", """
from typing import Optional
def f(x: Optional[int]) -> int:
    assert x is not None
    return x + 1
""", [(1,), (None,)]),
    case("print_returns_normally", """
from typing import List
def f(n: int, x: float, s: str, xs: List[int]) -> int:
    print(n, x, s, xs)
    print("done")
    return n
""", [(1, 2.5, "a", [1, 2])]),
    neg("with_non_context_manager", """
def f(n: int) -> int:
    with n:
        pass
    return n
"""),
    neg("with_class_missing_exit", """
class Half:
    def __init__(self):
        self.x = 1

    def __enter__(self):
        return 1

def f(n: int) -> int:
    with Half():
        pass
    return n
"""),
    neg("tolist_needs_annotation", """
import torch
def f(x: torch.Tensor):
    y = x.tolist()
    return 0
"""),
]


def printed(name, src, calls=None):
    return dict(case(name, src, calls), stdout=True)


CASES += [
    printed("print_ints_strs", """
def f(n: int, s: str) -> int:
    print(n, -n, s)
    print("x", "", "y")
    return 0
""", [(3, "hi"), (-7, "")]),
    printed("print_floats", """
def f(x: float) -> int:
    print(x)
    print(x * 3.0, 1.0, -0.0, 2.5e-8)
    return 0
""", [(0.1,), (1e20,), (float("inf"),)]),
    printed("print_bools_none", """
from typing import Optional
def f(b: bool, o: Optional[int]) -> int:
    print(b, not b, o)
    return 0
""", [(True, None), (False, 5)]),
    printed("print_lists", """
from typing import List
def f(xs: List[int], ys: List[float], zs: List[str]) -> int:
    print(xs, ys, zs)
    print([xs, xs])
    return 0
""", [([1, 2], [0.5, 2.0], ["a", "b"]), ([], [], [])]),
    printed("print_tuple_dict", """
from typing import Dict, Tuple
def f(d: Dict[str, int]) -> int:
    t = (1, "a", 2.0)
    print(t, d)
    return 0
""", [({"a": 1, "b": 2},)]),
    printed("print_fstring_and_format", """
def f(n: int, x: float) -> int:
    print(f"n={n} x={x}")
    print("{} + {}".format(n, x))
    return 0
""", [(2, 0.5)]),
    printed("print_in_loop", """
def f(n: int) -> int:
    for i in range(n):
        print("step", i)
    return n
""", [(3,)]),
    printed("print_tensor_ints", """
import torch
def f(x: torch.Tensor) -> int:
    print(x)
    return 0
""", [(torch.tensor([1, 2, 3]),)]),
]
