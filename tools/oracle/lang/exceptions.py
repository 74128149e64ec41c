def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("raise_value_error_fstring", """
def f(n: int) -> int:
    if n > 1:
        raise ValueError(f"bad {n}")
    return n
""", [(1,), (3,)]),
    case("raise_runtime_error", """
def f(n: int) -> int:
    if n < 0:
        raise RuntimeError("negative")
    return n
""", [(-1,), (1,)]),
    case("assert_message", """
def f(n: int) -> int:
    assert n > 0, "n must be positive"
    return n
""", [(0,), (2,)]),
    case("assert_no_message", """
def f(n: int) -> int:
    assert n > 0
    return n
""", [(0,)]),
    case("raise_in_loop", """
from typing import List
def f(xs: List[int]) -> int:
    s = 0
    for x in xs:
        if x < 0:
            raise IndexError("negative element " + str(x))
        s += x
    return s
""", [([1, 2],), ([1, -2],)]),
]
