import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("list_comp_basic", """
from typing import List
def f(n: int) -> List[int]:
    return [i * 2 for i in range(n)]
""", [(4,), (0,)]),
    case("list_comp_over_list", """
from typing import List
def f(xs: List[float]) -> List[float]:
    return [x / 2 for x in xs]
""", [([1.0, 3.0],)]),
    case("list_comp_strings", """
from typing import List
def f(s: str) -> List[str]:
    return [w.upper() for w in s.split()]
""", [("a bc def",)]),
    case("list_comp_nested_comp", """
from typing import List
def f(n: int) -> List[List[int]]:
    return [[i * j for j in range(n)] for i in range(n)]
""", [(3,)]),
    case("list_comp_enumerate", """
from typing import List
def f(xs: List[str]) -> List[str]:
    return [str(i) + x for i, x in enumerate(xs)]
""", [(["a", "b"],)]),
    case("list_comp_zip", """
from typing import List
def f(a: List[int], b: List[int]) -> List[int]:
    return [x * y for x, y in zip(a, b)]
""", [([1, 2, 3], [4, 5, 6])]),
    case("list_comp_captures", """
from typing import List
def f(xs: List[int], k: int) -> List[int]:
    off = k * 10
    return [x + off for x in xs]
""", [([1, 2], 3)]),
    case("list_comp_var_does_not_leak", """
from typing import List
def f(n: int) -> int:
    i = 100
    xs = [i for i in range(n)]
    return i + len(xs)
""", [(3,)]),
    case("list_comp_tensor", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[torch.Tensor]:
    return [x * i for i in range(3)]
""", [(torch.tensor([1.0, 2.0]),)]),
    case("list_comp_over_tensor", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[float]:
    return [float(r.sum()) for r in x]
""", [(torch.arange(6.0).reshape(3, 2),)]),
    case("list_comp_over_dict", """
from typing import Dict, List
def f(d: Dict[str, int]) -> List[str]:
    return [k + str(d[k]) for k in d]
""", [({"a": 1, "b": 2},)]),
    case("list_comp_over_dict_items", """
from typing import Dict, List
def f(d: Dict[str, int]) -> List[int]:
    return [v * 2 for k, v in d.items()]
""", [({"a": 1, "b": 2},)]),
    case("list_comp_calls_function", """
from typing import List
def sq(x: int) -> int:
    return x * x

def f(n: int) -> List[int]:
    return [sq(i) for i in range(n)]
""", [(4,)]),
    case("list_comp_tuples", """
from typing import List, Tuple
def f(n: int) -> List[Tuple[int, str]]:
    return [(i, str(i)) for i in range(n)]
""", [(2,)]),
    case("dict_comp_basic", """
from typing import Dict
def f(xs: List[str]) -> Dict[str, int]:
    return {x: len(x) for x in xs}
""".replace("from typing import Dict", "from typing import Dict, List"), [(["a", "bb", "a"],)]),
    case("dict_comp_items", """
from typing import Dict
def f(d: Dict[str, int]) -> Dict[int, str]:
    return {v: k for k, v in d.items()}
""", [({"a": 1, "b": 2},)]),
    case("dict_comp_from_range", """
from typing import Dict
def f(n: int) -> Dict[int, float]:
    return {i: i / 2 for i in range(n)}
""", [(3,)]),
    case("comp_in_sum_len", """
def f(n: int) -> int:
    return len([1 for _ in range(n)]) + sum([i for i in range(n)])
""", [(5,)]),
    neg("list_comp_with_if", """
from typing import List
def f(n: int) -> List[int]:
    return [i for i in range(n) if i % 2 == 0]
"""),
    neg("list_comp_two_fors", """
from typing import List
def f(n: int) -> List[int]:
    return [i * j for i in range(n) for j in range(n)]
"""),
    neg("dict_comp_two_fors", """
from typing import Dict
def f(n: int) -> Dict[int, int]:
    return {i: j for i in range(n) for j in range(n)}
"""),
    neg("set_comprehension", """
def f(n: int) -> int:
    s = {i for i in range(n)}
    return 0
"""),
    case("generator_expression_in_call", """
def f(n: int) -> int:
    return sum(i for i in range(n))
""", [(5,), (0,)]),
]
