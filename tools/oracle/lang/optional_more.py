import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("optional_default_none", """
from typing import Optional
def f(x: int, y: Optional[int] = None) -> int:
    if y is None:
        return x
    return x + y
""", [(1,), (1, 2)]),
    case("optional_refine_and", """
from typing import Optional
def f(a: Optional[int], b: Optional[int]) -> int:
    if a is not None and b is not None:
        return a * b
    return 0
""", [(2, 3), (None, 3), (2, None)]),
    case("optional_refine_early_return", """
from typing import Optional
def f(a: Optional[str]) -> str:
    if a is None:
        return "none"
    return a.upper()
""", [("x",), (None,)]),
    case("optional_refine_or_negated", """
from typing import Optional
def f(a: Optional[int]) -> int:
    if a is None or a < 0:
        return 0
    return a
""", [(None,), (-3,), (4,)]),
    case("optional_refine_in_while", """
from typing import Optional, List
def f(xs: List[int]) -> int:
    best: Optional[int] = None
    for x in xs:
        if best is None or x > best:
            best = x
    if best is None:
        return -1
    return best
""", [([3, 9, 2],), ([],)]),
    case("optional_tensor", """
import torch
from typing import Optional
def f(x: torch.Tensor, bias: Optional[torch.Tensor] = None) -> torch.Tensor:
    y = x * 2
    if bias is not None:
        y = y + bias
    return y
""", [(torch.ones(2),), (torch.ones(2), torch.tensor([1.0, 2.0]))]),
    case("optional_list_elem", """
from typing import List, Optional
def f(xs: List[Optional[str]]) -> str:
    out = ""
    for x in xs:
        out += "-" if x is None else x
    return out
""", [(["a", None, "b"],)]),
    case("optional_ternary_refine", """
from typing import Optional
def f(x: Optional[float]) -> float:
    return x * 2.0 if x is not None else -1.0
""", [(1.5,), (None,)]),
    case("optional_return", """
from typing import Optional
def find(xs: List[int], v: int) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == v:
            return i
    return None

def f(xs: List[int], v: int) -> int:
    r = find(xs, v)
    if r is None:
        return -1
    return r
""".replace("from typing import Optional", "from typing import List, Optional"), [([1, 2, 3], 3), ([1], 4)]),
    case("optional_assigned_later", """
from typing import Optional
def f(n: int) -> int:
    x: Optional[int] = None
    if n > 2:
        x = n * 2
    if x is not None:
        return x
    return 0
""", [(5,), (1,)]),
    case("optional_isinstance_refine", """
from typing import Optional
def f(x: Optional[int]) -> int:
    if isinstance(x, int):
        return x + 100
    return -1
""", [(1,), (None,)]),
    case("union_int_float", """
from typing import Union
def f(x: Union[int, float]) -> float:
    if isinstance(x, int):
        return float(x * 2)
    return x / 2
""", [(3,), (3.0,)]),
    case("union_with_list", """
from typing import List, Union
def f(x: Union[List[int], int]) -> int:
    if isinstance(x, list):
        return sum(x)
    return x
""", [([1, 2, 3],), (7,)]),
    case("union_tensor_or_float", """
import torch
from typing import Union
def f(x: Union[torch.Tensor, float]) -> float:
    if isinstance(x, torch.Tensor):
        return float(x.sum())
    return x
""", [(torch.ones(3),), (2.5,)]),
    case("union_return_value", """
from typing import Union
def f(n: int) -> Union[int, str]:
    if n > 0:
        return n
    return "neg"
""", [(3,), (-1,)]),
    case("union_optional_member", """
from typing import Optional, Union
def f(x: Optional[Union[int, str]]) -> str:
    if x is None:
        return "none"
    if isinstance(x, str):
        return "s:" + x
    return "i:" + str(x)
""", [(None,), ("a",), (2,)]),
    case("union_isinstance_tuple", """
from typing import Union
def f(x: Union[int, float, str]) -> str:
    if isinstance(x, (int, float)):
        return "num"
    return "str"
""", [(1,), (1.5,), ("z",)]),
    case("optional_dict_get", """
from typing import Dict
def f(d: Dict[str, int], k: str) -> int:
    v = d.get(k)
    if v is None:
        return 0
    return v
""", [({"a": 3}, "a"), ({}, "a")]),
    case("optional_attribute_refine_via_local", """
from typing import Optional
class Box:
    def __init__(self, v: Optional[int]):
        self.v = v

def f(n: Optional[int]) -> int:
    b = Box(n)
    v = b.v
    if v is not None:
        return v
    return -1
""", [(3,), (None,)]),
    neg("optional_attribute_no_refine", """
from typing import Optional
class Box:
    def __init__(self, v: Optional[int]):
        self.v = v

def f(n: Optional[int]) -> int:
    b = Box(n)
    if b.v is not None:
        return b.v + 1
    return -1
"""),
    neg("union_without_refine", """
from typing import Union
def f(x: Union[int, str]) -> int:
    return x + 1
"""),
    neg("optional_return_mismatch", """
from typing import Optional
def f(x: Optional[int]) -> int:
    return x
"""),
    neg("optional_method_call", """
from typing import Optional
def f(x: Optional[str]) -> str:
    return x.upper()
"""),
]
