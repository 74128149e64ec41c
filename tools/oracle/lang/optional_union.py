def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("is_none_early_return", """
from typing import Optional
def f(x: Optional[int]) -> int:
    if x is None:
        return -1
    return x * 2
""", [(None,), (4,)]),
    case("is_not_none_branch", """
from typing import Optional
def f(x: Optional[int], d: int) -> int:
    if x is not None:
        d = x + d
    return d
""", [(None, 1), (4, 1)]),
    case("assert_not_none", """
from typing import Optional
def f(x: Optional[int]) -> int:
    assert x is not None
    return x + 1
""", [(3,), (None,)]),
    case("and_refinement", """
from typing import Optional
def f(x: Optional[int]) -> bool:
    return x is not None and x > 3
""", [(None,), (2,), (5,)]),
    case("or_refinement", """
from typing import Optional
def f(x: Optional[int]) -> bool:
    return x is None or x > 3
""", [(None,), (2,), (5,)]),
    case("raise_refines", """
from typing import Optional
def f(x: Optional[int]) -> int:
    if x is None:
        raise ValueError("x is None")
    return x
""", [(None,), (7,)]),
    case("optional_default_none", """
from typing import Optional
def f(a: int, b: Optional[int] = None) -> int:
    if b is None:
        b = 10
    return a + b
def g(a: int) -> int:
    return f(a) + f(a, 1)
""", [(1,)], fn="g"),
    case("isinstance_union", """
from typing import Union
def f(x: Union[int, str]) -> str:
    if isinstance(x, int):
        return str(x + 1)
    return x + "!"
""", [(1,), ("a",)]),
    case("isinstance_static", """
def f(x: int) -> bool:
    return isinstance(x, int) and not isinstance(x, str)
""", [(1,)]),
    case("optional_list", """
from typing import List, Optional
def f(xs: Optional[List[int]]) -> int:
    if xs is None:
        return 0
    return len(xs)
""", [(None,), ([1, 2],)]),
    case("conditional_expr_refine", """
from typing import Optional
def f(x: Optional[int]) -> int:
    return x if x is not None else 0
""", [(None,), (5,)]),
]
