def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("float_printing", """
def f(x: float) -> str:
    return str(x)
""", [(0.1,), (1.0,), (-0.0,), (1e16,), (1.5e-5,), (123456789.125,), (float("inf"),), (2.0 / 3.0,)]),
    case("int_printing", """
def f(x: int) -> str:
    return str(x) + "|" + str(-x)
""", [(0,), (9223372036854775807,)]),
    case("bool_printing", """
def f(x: bool) -> str:
    return str(x)
""", [(True,), (False,)]),
    case("list_printing", """
from typing import List
def f(xs: List[float]) -> str:
    return str(xs)
""", [([1.0, 0.5],), ([],)]),
    case("fstring_float", """
def f(x: float, n: int) -> str:
    return f"{x}/{n}/{x * n}"
""", [(0.1, 3), (2.5, -2)]),
    case("string_methods_2", """
from typing import List, Tuple
def f(s: str) -> Tuple[str, str, str, bool, bool, List[str]]:
    return s.lower(), s.title(), s.capitalize(), s.isdigit(), s.endswith("z"), s.split()
""", [("hello World 12",), ("42",)]),
    case("string_strip_variants", """
from typing import Tuple
def f(s: str) -> Tuple[str, str, str]:
    return s.lstrip(), s.rstrip(), s.strip("x ")
""", [("  xabcx  ",)]),
    case("string_find_count", """
from typing import Tuple
def f(s: str, sub: str) -> Tuple[int, int, int, bool]:
    return s.find(sub), s.rfind(sub), s.count(sub), sub in s
""", [("abcabc", "bc"), ("abc", "z")]),
    case("string_index_negative", """
def f(s: str) -> str:
    return s[-1] + s[-3:] + s[:2]
""", [("abcdef",)]),
    case("string_compare_sort", """
from typing import List
def f(xs: List[str]) -> List[str]:
    return sorted(xs)
""", [(["pear", "apple", "fig"],)]),
    case("string_zfill_ljust", """
from typing import Tuple
def f(s: str) -> Tuple[str, str, str]:
    return s.zfill(5), s.ljust(5, "*"), s.rjust(5)
""", [("42",)]),
    case("string_build_loop", """
def f(n: int) -> str:
    out = ""
    for i in range(n):
        out += str(i)
        if i + 1 < n:
            out += ","
    return out
""", [(0,), (4,)]),
    case("string_replace_count", """
def f(s: str) -> str:
    return s.replace("a", "b", 1)
""", [("banana",)]),
    case("string_join_ints", """
from typing import List
def f(xs: List[int]) -> str:
    return ", ".join([str(x) for x in xs])
""", [([1, 22, 333],)]),
]
