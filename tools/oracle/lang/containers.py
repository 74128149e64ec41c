def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("list_ops", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = xs.copy()
    ys.append(10)
    ys.insert(0, -1)
    ys.extend([7, 8])
    ys.pop()
    ys.remove(10)
    ys.reverse()
    return ys
""", [([1, 2, 3],), ([],)]),
    case("list_index_slice", """
from typing import List, Tuple
def f(xs: List[int]) -> Tuple[int, int, List[int], List[int], List[int]]:
    return xs[0], xs[-1], xs[1:3], xs[::2], xs[:-1]
""", [([1, 2, 3, 4, 5],)]),
    case("list_index_error", """
from typing import List
def f(xs: List[int], i: int) -> int:
    return xs[i]
""", [([1, 2], 5)]),
    case("list_setitem_del", """
from typing import List
def f(xs: List[int]) -> List[int]:
    xs[0] = 100
    xs[-1] += 5
    del xs[1]
    return xs
""", [([1, 2, 3, 4],)]),
    case("list_aliasing", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = xs
    ys.append(1)
    return xs
""", [([5],)]),
    case("list_concat_mul", """
from typing import List
def f(a: List[int], b: List[int]) -> List[int]:
    return a + b + a * 2
""", [([1], [2, 3])]),
    case("list_contains_count_index", """
from typing import List, Tuple
def f(xs: List[int], v: int) -> Tuple[bool, bool, int]:
    return v in xs, v not in xs, xs.count(v)
""", [([1, 2, 2, 3], 2), ([1], 5)]),
    case("sorted_sum_minmax", """
from typing import List, Tuple
def f(xs: List[int]) -> Tuple[List[int], int, int, int]:
    ys = sorted(xs)
    xs.sort(reverse=True)
    return ys, sum(xs), min(xs), max(xs)
""", [([3, 1, 2],)]),
    case("empty_list_annotated", """
from typing import List
def f(n: int) -> List[int]:
    xs: List[int] = []
    for i in range(n):
        xs.append(i)
    return xs
""", [(3,), (0,)]),
    case("jit_annotate_list", """
from typing import List
import torch
def f(n: int) -> List[float]:
    xs = torch.jit.annotate(List[float], [])
    for i in range(n):
        xs.append(i * 0.5)
    return xs
""", [(3,)]),
    case("list_comprehension", """
from typing import List
def f(n: int) -> List[int]:
    return [i * i for i in range(n)]
""", [(7,), (0,)]),
    case("list_comp_over_list", """
from typing import List
def f(xs: List[float]) -> List[float]:
    return [x * 2.0 for x in xs]
""", [([1.0, 2.5],)]),
    case("dict_comprehension", """
from typing import Dict
def f(n: int) -> Dict[int, int]:
    return {i: i * i for i in range(n)}
""", [(4,)]),
    case("dict_ops", """
from typing import Dict, List
def f(d: Dict[str, int]) -> List[str]:
    d["z"] = 26
    d["a"] = d.get("a", 0) + 1
    out: List[str] = []
    for k, v in d.items():
        out.append(k + str(v))
    return out
""", [({"a": 1, "b": 2},), ({},)]),
    case("dict_keys_values_pop", """
from typing import Dict, List, Tuple
def f(d: Dict[str, int]) -> Tuple[List[str], List[int], int, bool]:
    v = d.pop("a")
    return list(d.keys()), list(d.values()), v, "a" in d
""", [({"a": 1, "b": 2, "c": 3},)]),
    case("dict_missing_key", """
from typing import Dict
def f(d: Dict[str, int]) -> int:
    return d["nope"]
""", [({"a": 1},)]),
    case("dict_literal_and_len", """
def f(x: int) -> int:
    d = {"a": x, "b": x * 2}
    return len(d) + d["b"]
""", [(5,)]),
    case("tuple_index_unpack", """
from typing import Tuple
def f(t: Tuple[int, str, float]) -> Tuple[float, str, int]:
    a, b, c = t
    return t[2], t[-2], a
""", [((1, "x", 2.5),)]),
    case("tuple_slice_concat", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int, int]:
    t = (a, b, a + b, a * b)
    return t[1:] [0:3]
""", [(2, 3)]),
    case("nested_targets", """
from typing import List, Tuple
def f(xs: List[int]) -> Tuple[int, int, int]:
    (a, (b, c)) = (xs[0], (xs[1], xs[2]))
    xs[0], xs[1] = xs[1], xs[0]
    return a * 100 + b * 10 + c, xs[0], xs[1]
""", [([1, 2, 3],)]),
    case("list_of_lists", """
from typing import List
def f(n: int) -> List[List[int]]:
    grid = [[0] * n for _ in range(n)]
    for i in range(n):
        grid[i][i] = 1
    return grid
""", [(3,)]),
    case("str_methods", """
from typing import List, Tuple
def f(s: str) -> Tuple[str, str, List[str], bool, int, str]:
    return s.upper(), s.strip(), s.split(","), s.startswith("a"), s.find("b"), s.replace("a", "X")
""", [(" a,b,ca ",), ("abc",)]),
    case("str_index_slice_concat", """
from typing import Tuple
def f(s: str) -> Tuple[str, str, str, int]:
    return s[0], s[1:3], s + "!", len(s)
""", [("hello",)]),
    case("str_join_format", """
from typing import List
def f(xs: List[str], n: int) -> str:
    return "-".join(xs) + "{} and {}".format(n, n * 2)
""", [(["a", "b"], 3)]),
    case("fstrings", """
def f(n: int, x: float, s: str) -> str:
    return f"n={n} x={x} s={s} sum={n + x}"
""", [(3, 0.5, "q"), (-1, 1e-7, "")]),
    case("str_comparison", """
from typing import Tuple
def f(a: str, b: str) -> Tuple[bool, bool, bool]:
    return a < b, a == b, a in b
""", [("ab", "abc"), ("b", "a")]),
    case("any_all", """
from typing import List, Tuple
def f(xs: List[bool]) -> Tuple[bool, bool]:
    return any(xs), all(xs)
""", [([True, False],), ([],), ([True],)]),
    case("list_of_tuples_sort", """
from typing import List, Tuple
def f(xs: List[int]) -> List[int]:
    ys = [x * -1 for x in xs]
    ys.sort()
    return ys
""", [([3, -1, 2],)]),
]
