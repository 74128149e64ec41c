def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("len_of_everything", """
from typing import Dict, List
def f(xs: List[int], d: Dict[str, int], s: str) -> int:
    return len(xs) * 100 + len(d) * 10 + len(s)
""", [([1, 2, 3], {"a": 1}, "ab"), ([], {}, "")]),
    case("range_three_args", """
from typing import List
def f(a: int, b: int, c: int) -> List[int]:
    out: List[int] = []
    for i in range(a, b, c):
        out.append(i)
    return out
""", [(0, 10, 3), (10, 0, -3), (5, 5, 1), (0, 1, 5)]),
    case("range_zero_step", """
def f(n: int) -> int:
    s = 0
    for i in range(0, 5, n):
        s += i
    return s
""", [(0,), (2,)]),
    case("enumerate_start", """
from typing import List, Tuple
def f(xs: List[str]) -> List[Tuple[int, str]]:
    out: List[Tuple[int, str]] = []
    for i, x in enumerate(xs, 5):
        out.append((i, x))
    return out
""", [(["a", "b"],), ([],)]),
    case("zip_uneven", """
from typing import List
def f(xs: List[int], ys: List[float]) -> List[float]:
    out: List[float] = []
    for x, y in zip(xs, ys):
        out.append(x * y)
    return out
""", [([1, 2, 3], [0.5, 1.5]), ([], [1.0])]),
    case("zip_three", """
from typing import List
def f(a: List[int], b: List[int], c: List[int]) -> int:
    s = 0
    for x, y, z in zip(a, b, c):
        s += x * y - z
    return s
""", [([1, 2], [3, 4], [5, 6])]),
    case("min_max_scalars", """
from typing import Tuple
def f(a: int, b: int, x: float, y: float) -> Tuple[int, int, float, float]:
    return min(a, b), max(a, b), min(x, y), max(x, y)
""", [(3, -4, 0.5, -1.5), (2, 2, 1.0, 1.0)]),
    case("min_max_mixed", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[float, float]:
    return min(a, x), max(x, a)
""", [(3, 2.5), (-1, 0.0)]),
    case("min_max_list", """
from typing import List, Tuple
def f(xs: List[int], ys: List[float]) -> Tuple[int, int, float, float]:
    return min(xs), max(xs), min(ys), max(ys)
""", [([3, 1, 2], [0.5, -2.5, 9.0])]),
    case("min_empty_list", """
from typing import List
def f(xs: List[int]) -> int:
    return max(xs)
""", [([],)]),
    case("abs_values", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[int, float]:
    return abs(a), abs(x)
""", [(-3, -2.5), (4, 0.0), (0, -0.0)]),
    case("sum_lists", """
from typing import List, Tuple
def f(xs: List[int], ys: List[float]) -> Tuple[int, float]:
    return sum(xs), sum(ys)
""", [([1, 2, 3], [0.5, 0.25]), ([], [])]),
    case("sorted_variants", """
from typing import List, Tuple
def f(xs: List[int], ys: List[float], zs: List[str]) -> Tuple[List[int], List[float], List[str], List[int]]:
    return sorted(xs), sorted(ys), sorted(zs), xs
""", [([3, 1, 2], [2.5, -1.0], ["b", "a", "B"])]),
    case("sorted_reverse_via_sort", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = list(xs)
    ys.sort(reverse=True)
    return ys
""", [([3, 1, 2, 3],)]),
    case("all_any", """
from typing import List, Tuple
def f(xs: List[bool], ys: List[int]) -> Tuple[bool, bool, bool, bool]:
    return all(xs), any(xs), all(ys), any(ys)
""", [([True, False], [1, 2]), ([], []), ([True], [0, 0])]),
    case("int_conversions", """
from typing import Tuple
def f(x: float, s: str, b: bool) -> Tuple[int, int, int]:
    return int(x), int(s), int(b)
""", [(2.9, "42", True), (-2.9, "-7", False)]),
    case("int_of_bad_string", """
def f(s: str) -> int:
    return int(s)
""", [("12",), ("x1",)]),
    case("float_conversions", """
from typing import Tuple
def f(n: int, s: str, b: bool) -> Tuple[float, float, float]:
    return float(n), float(s), float(b)
""", [(3, "2.5", True), (-1, "1e3", False), (0, "-inf", True)]),
    case("bool_conversions", """
from typing import Tuple
def f(n: int, x: float, s: str) -> Tuple[bool, bool]:
    return bool(n), bool(x)
""", [(0, 0.0, ""), (-2, 0.1, "a")]),
    case("str_conversions", """
from typing import List, Tuple
def f(n: int, x: float, b: bool) -> Tuple[str, str, str]:
    return str(n), str(x), str(b)
""", [(-12, 1.25, True), (0, 1e20, False), (7, 1e-7, True)]),
    case("ord_chr", """
from typing import Tuple
def f(s: str, n: int) -> Tuple[int, str]:
    return ord(s), chr(n)
""", [("a", 65), ("Z", 48)]),
    case("chr_roundtrip", """
def f(s: str) -> str:
    out = ""
    for c in s:
        out += chr(ord(c) + 1)
    return out
""", [("HAL",)]),
    case("divmod_ints", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int]:
    return divmod(a, b)
""", [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)]),
    case("divmod_floats", """
from typing import Tuple
def f(a: float, b: float) -> Tuple[float, float]:
    return divmod(a, b)
""", [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0)]),
    case("divmod_by_zero", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int]:
    return divmod(a, b)
""", [(1, 0)]),
    case("round_values", """
from typing import Tuple
def f(x: float) -> float:
    return round(x)
""", [(0.5,), (1.5,), (2.5,), (-0.5,), (-1.5,), (2.4,), (-2.6,)]),
    case("isinstance_checks", """
from typing import List
def f(x: int, y: float, s: str, xs: List[int]) -> List[bool]:
    return [isinstance(x, int), isinstance(x, float), isinstance(y, float), isinstance(s, str),
            isinstance(xs, list), isinstance(s, int)]
""", [(1, 1.0, "a", [1])]),
    case("isinstance_union_refine", """
from typing import Union
def f(x: Union[int, str]) -> str:
    if isinstance(x, int):
        return "int " + str(x + 1)
    return "str " + x
""", [(3,), ("q",)]),
    case("list_builtin_copy", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = list(xs)
    ys.append(9)
    return xs + ys
""", [([1, 2],)]),
    case("list_of_string", """
from typing import List
def f(s: str) -> List[str]:
    return list(s)
""", [("abc",), ("",)]),
    case("dict_builtin", """
from typing import Dict
def f(d: Dict[str, int]) -> Dict[str, int]:
    e = dict(d)
    e["z"] = 0
    return e
""", [({"a": 1},)]),
    case("tuple_builtin_index", """
from typing import Tuple
def f(a: int, b: str) -> Tuple[int, str]:
    t = (a, b)
    return t[0] * 2, t[-1]
""", [(4, "x")]),
    case("hash_consistent", """
from typing import Tuple
def f(a: int, s: str) -> Tuple[bool, bool]:
    return hash(a) == hash(a), hash(s) == hash(s + "")
""", [(3, "abc")]),
    case("hash_int_value", """
def f(a: int) -> int:
    return hash(a)
""", [(3,), (-5,), (0,)]),
    neg("min_max_strings", """
from typing import List, Tuple
def f(xs: List[str]) -> Tuple[str, str]:
    return min(xs), max(xs)
"""),
    case("bin_hex_oct", """
from typing import Tuple
def f(n: int) -> Tuple[str, str, str]:
    return bin(n), hex(n), oct(n)
""", [(10,), (-255,), (0,)]),
    case("pow_builtin", """
from typing import Tuple
def f(a: int, b: int, x: float) -> Tuple[float, float]:
    return pow(a, b), pow(x, 2.0)
""", [(2, 10, 1.5), (2, -1, -2.0)]),
    case("sum_of_comprehension", """
from typing import List
def f(n: int) -> int:
    return sum([i * i for i in range(n)])
""", [(5,), (0,)]),
    case("len_in_condition", """
from typing import List
def f(xs: List[int]) -> str:
    if len(xs):
        return "nonempty"
    return "empty"
""", [([1],), ([],)]),
    neg("reversed_list", """
from typing import List
def f(xs: List[int]) -> List[int]:
    out: List[int] = []
    for x in reversed(xs):
        out.append(x)
    return out
"""),
]
