import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


def raises(cls, msg_expr="\"bad \" + str(n)"):
    return case(f"raise_{cls.lower()}", f"""
def f(n: int) -> int:
    if n < 0:
        raise {cls}({msg_expr})
    return n
""", [(-1,), (1,)])


CASES = [
    raises("ValueError"),
    raises("TypeError"),
    raises("KeyError"),
    raises("IndexError"),
    raises("RuntimeError"),
    raises("AssertionError"),
    raises("NotImplementedError"),
    raises("ZeroDivisionError"),
    raises("Exception"),
    raises("AttributeError"),
    raises("StopIteration"),
    raises("ArithmeticError"),
    raises("OverflowError"),
    case("raise_no_message", """
def f(n: int) -> int:
    if n < 0:
        raise ValueError()
    return n
""", [(-1,)]),
    case("raise_class_without_call", """
def f(n: int) -> int:
    if n < 0:
        raise ValueError
    return n
""", [(-1,)]),
    case("raise_format_message", """
def f(n: int, s: str) -> int:
    if n < 0:
        raise ValueError("n={} s={}".format(n, s))
    return n
""", [(-2, "x")]),
    case("raise_from_nested_call", """
def check(x: int) -> int:
    if x > 10:
        raise RuntimeError("too big: " + str(x))
    return x

def f(n: int) -> int:
    total = 0
    for i in range(n):
        total += check(i * 3)
    return total
""", [(3,), (5,)]),
    case("raise_in_method", """
class Account:
    def __init__(self, balance: int):
        self.balance = balance

    def withdraw(self, k: int) -> int:
        if k > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {k}")
        self.balance -= k
        return self.balance

def f(a: int, b: int) -> int:
    acc = Account(a)
    return acc.withdraw(b)
""", [(10, 3), (1, 3)]),
    case("raise_in_while", """
def f(n: int) -> int:
    i = 0
    while True:
        i += 1
        if i * i > n:
            raise IndexError("stopped at " + str(i))
    return i
""", [(10,)]),
    case("raise_in_else_branch", """
def f(n: int) -> str:
    if n == 0:
        return "zero"
    elif n > 0:
        return "pos"
    else:
        raise ValueError("neg")
""", [(0,), (2,), (-2,)]),
    case("raise_after_partial_work", """
from typing import List
def f(xs: List[int]) -> List[int]:
    out: List[int] = []
    for x in xs:
        if x == 0:
            raise ZeroDivisionError("zero")
        out.append(100 // x)
    return out
""", [([1, 3, -7],), ([5, 0],)]),
    case("runtime_index_error_list", """
from typing import List
def f(xs: List[int]) -> int:
    return xs[10]
""", [([1],)]),
    case("runtime_error_tensor_shape", """
import torch
def f(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return a + b
""", [(torch.ones(2), torch.ones(3))]),
    case("runtime_error_matmul", """
import torch
def f(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return a @ b
""", [(torch.ones(2, 3), torch.ones(2, 3))]),
    case("assert_false_literal", """
def f(n: int) -> int:
    if n > 5:
        assert False, "n too large"
    return n
""", [(3,), (9,)]),
    case("assert_comparison_chain", """
def f(a: int, b: int) -> int:
    assert 0 <= a < b, "need 0 <= a < b"
    return b - a
""", [(1, 3), (3, 1), (-1, 1)]),
    case("unwrap_none_optional", """
from typing import Optional
def f(x: Optional[int]) -> int:
    y = torch.jit._unwrap_optional(x)
    return y
""".replace("from typing", "import torch\nfrom typing"), [(3,), (None,)]),
    neg("try_except", """
def f(n: int) -> int:
    try:
        return n
    except Exception:
        return 0
"""),
    neg("raise_non_exception", """
def f(n: int) -> int:
    raise n
"""),
    neg("bare_reraise", """
def f(n: int) -> int:
    if n:
        raise
    return n
"""),
    neg("try_finally", """
def f(n: int) -> int:
    try:
        n += 1
    finally:
        n += 2
    return n
"""),
]
