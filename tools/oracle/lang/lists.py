def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("append_extend", """
from typing import List
def f(xs: List[int], ys: List[int]) -> List[int]:
    zs = xs.copy()
    zs.append(0)
    zs.extend(ys)
    return zs
""", [([1], [2, 3]), ([], [])]),
    case("insert_positions", """
from typing import List
def f(i: int) -> List[int]:
    xs = [1, 2, 3]
    xs.insert(i, 9)
    return xs
""", [(0,), (1,), (3,), (10,), (-1,), (-10,)]),
    case("pop_variants", """
from typing import List, Tuple
def f(xs: List[int]) -> Tuple[int, int, List[int]]:
    a = xs.pop()
    b = xs.pop(0)
    return a, b, xs
""", [([1, 2, 3, 4],)]),
    case("pop_negative_index", """
from typing import List
def f(xs: List[int], i: int) -> int:
    return xs.pop(i)
""", [([1, 2, 3], -2), ([1, 2, 3], 5)]),
    case("pop_empty", """
from typing import List
def f(xs: List[int]) -> int:
    return xs.pop()
""", [([],)]),
    case("remove_first", """
from typing import List
def f(xs: List[int], v: int) -> List[int]:
    xs.remove(v)
    return xs
""", [([1, 2, 1], 1), ([1, 2], 3)]),
    case("index_count", """
from typing import List, Tuple
def f(xs: List[str], v: str) -> Tuple[int, int]:
    return xs.count(v), xs.index(v)
""", [(["a", "b", "a"], "a"), (["a"], "b")]),
    case("clear_reverse", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = xs[:]
    ys.reverse()
    xs.clear()
    return ys + xs
""", [([1, 2, 3],)]),
    case("sort_floats_strings", """
from typing import List, Tuple
def f(xs: List[float], ys: List[str]) -> Tuple[List[float], List[str]]:
    xs.sort()
    ys.sort(reverse=True)
    return xs, ys
""", [([2.5, -1.0, 0.0], ["b", "c", "a"])]),
    case("list_concat_repeat", """
from typing import List
def f(xs: List[int], n: int) -> List[int]:
    return xs * n + [7] * 2
""", [([1, 2], 2), ([1], 0)]),
    case("list_slices", """
from typing import List, Tuple
def f(xs: List[int]) -> Tuple[List[int], List[int], List[int], List[int], List[int]]:
    return xs[1:], xs[:-1], xs[::2], xs[::-1], xs[5:1]
""", [([0, 1, 2, 3, 4, 5],), ([],)]),
    case("list_slice_step_negative", """
from typing import List
def f(xs: List[int]) -> List[int]:
    return xs[4:0:-2]
""", [([0, 1, 2, 3, 4, 5],)]),
    case("list_index_oob", """
from typing import List
def f(xs: List[int], i: int) -> int:
    return xs[i]
""", [([1, 2], 1), ([1, 2], -2), ([1, 2], 2), ([1, 2], -3)]),
    case("list_setitem", """
from typing import List
def f(xs: List[int], i: int) -> List[int]:
    xs[i] = 100
    return xs
""", [([1, 2, 3], 0), ([1, 2, 3], -1), ([1], 4)]),
    case("list_del", """
from typing import List
def f(xs: List[int], i: int) -> List[int]:
    del xs[i]
    return xs
""", [([1, 2, 3], 1), ([1, 2, 3], -1)]),
    case("list_in_not_in", """
from typing import List, Tuple
def f(xs: List[int], v: int) -> Tuple[bool, bool]:
    return v in xs, v not in xs
""", [([1, 2], 2), ([], 1)]),
    case("list_equality", """
from typing import List, Tuple
def f(a: List[int], b: List[int]) -> Tuple[bool, bool]:
    return a == b, a != b
""", [([1, 2], [1, 2]), ([1], [1, 2]), ([], [])]),
    case("list_aliasing", """
from typing import List
def f() -> List[int]:
    a = [1, 2]
    b = a
    b.append(3)
    c = a.copy()
    c.append(4)
    return a
"""),
    case("nested_lists", """
from typing import List
def f(n: int) -> List[List[int]]:
    grid: List[List[int]] = []
    for i in range(n):
        row: List[int] = []
        for j in range(n):
            row.append(i * j)
        grid.append(row)
    grid[0][0] = -1
    return grid
""", [(3,)]),
    neg("str_times_int", """
from typing import List, Tuple
def f(xs: List[Tuple[int, str]]) -> List[str]:
    out: List[str] = []
    for n, s in xs:
        out.append(s * n)
    return out
"""),
    case("list_bool_ops", """
from typing import List
def f(xs: List[bool]) -> List[bool]:
    return [not x for x in xs]
""", [([True, False],)]),
    case("list_min_max_bools", """
from typing import List, Tuple
def f(xs: List[bool]) -> Tuple[bool, bool]:
    return min(xs), max(xs)
""", [([True, False],)]),
    neg("list_comparison_lt", """
from typing import List
def f(a: List[int], b: List[int]) -> bool:
    return a < b
"""),
    case("list_of_optionals", """
from typing import List, Optional
def f(xs: List[Optional[int]]) -> int:
    s = 0
    for x in xs:
        if x is not None:
            s += x
    return s
""", [([1, None, 3],)]),
    case("list_float_accumulate", """
from typing import List
def f(xs: List[float]) -> List[float]:
    out: List[float] = []
    acc = 0.0
    for x in xs:
        acc += x
        out.append(acc)
    return out
""", [([0.1, 0.2, 0.3],)]),
    case("list_extend_self", """
from typing import List
def f(xs: List[int]) -> List[int]:
    xs.extend(xs)
    return xs
""", [([1, 2],)]),
    case("list_len_after_ops", """
from typing import List
def f(n: int) -> int:
    xs: List[int] = []
    for i in range(n):
        xs.append(i)
        if i % 3 == 0:
            xs.pop()
    return len(xs)
""", [(10,)]),
    case("list_index_assign_aug", """
from typing import List
def f(xs: List[int]) -> List[int]:
    for i in range(len(xs)):
        xs[i] *= 2
    xs[0] += 1
    return xs
""", [([1, 2, 3],)]),
    case("list_negative_slice_assign_free", """
from typing import List
def f(xs: List[str]) -> str:
    return "".join(xs[-2:])
""", [(["a", "b", "c"],)]),
    case("list_sum_floats_precision", """
from typing import List
def f(n: int) -> float:
    xs = [0.1] * n
    return sum(xs)
""", [(10,)]),
    case("list_tensors", """
from typing import List
import torch
def f(n: int) -> List[torch.Tensor]:
    out: List[torch.Tensor] = []
    for i in range(n):
        out.append(torch.full([2], float(i)))
    return out
""", [(3,)]),
    case("list_index_of_missing", """
from typing import List
def f(xs: List[int]) -> int:
    return xs.index(5)
""", [([1, 2],)]),
    case("list_of_lists_copy_is_shallow", """
from typing import List
def f() -> List[List[int]]:
    a = [[1], [2]]
    b = a.copy()
    b[0].append(5)
    b.append([3])
    return a
"""),
    case("list_mixed_types_is_union", """
def f() -> int:
    xs = [1, "a"]
    return len(xs)
"""),
    neg("list_append_wrong_type", """
from typing import List
def f(xs: List[int]) -> List[int]:
    xs.append("a")
    return xs
"""),
    neg("list_no_such_method", """
from typing import List
def f(xs: List[int]) -> int:
    return xs.size()
"""),
]
