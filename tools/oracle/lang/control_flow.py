def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("if_else", """
def f(n: int) -> int:
    if n > 3:
        y = n * 2
    else:
        y = -n
    return y
""", [(5,), (2,), (3,)]),
    case("elif_chain", """
def f(n: int) -> str:
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
""", [(-3,), (0,), (7,), (100,)]),
    case("for_range_sum", """
def f(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s
""", [(0,), (1,), (10,)]),
    case("range_start_stop_step", """
def f(a: int, b: int, c: int) -> int:
    s = 0
    for i in range(a, b, c):
        s = s * 3 + i
    return s
""", [(0, 10, 3), (10, 0, -2), (5, 5, 1), (-4, 4, 3)]),
    case("while_loop", """
def f(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
""", [(1,), (6,), (27,)]),
    case("break_continue", """
def f(n: int) -> int:
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i > 10:
            break
        total += i
    return total
""", [(0,), (5,), (30,)]),
    case("while_break", """
def f(n: int) -> int:
    i = 0
    while True:
        i += 1
        if i * i >= n:
            break
    return i
""", [(1,), (50,)]),
    case("early_return_in_loop", """
def f(n: int) -> int:
    for i in range(2, n):
        if n % i == 0:
            return i
    return n
""", [(2,), (15,), (49,), (13,)]),
    case("nested_loops_break", """
def f(n: int) -> int:
    count = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            count += 1
    return count
""", [(0,), (4,)]),
    case("nested_return", """
def f(n: int) -> int:
    for i in range(n):
        for j in range(n):
            if i * j == 6:
                return i * 10 + j
    return -1
""", [(3,), (5,)]),
    case("return_in_both_branches", """
def f(x: int) -> int:
    if x > 0:
        return 1
    else:
        return -1
""", [(3,), (-3,)]),
    case("loop_carried_swap", """
def f(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
""", [(0,), (1,), (10,), (30,)]),
    case("conditional_expression", """
def f(x: int) -> int:
    return x if x > 0 else -x
""", [(4,), (-4,)]),
    case("chained_comparison", """
def f(a: int, b: int, c: int) -> bool:
    return a < b <= c
""", [(1, 2, 2), (1, 2, 1), (3, 2, 5)]),
    case("and_or_short_circuit", """
from typing import List
def f(xs: List[int], i: int) -> bool:
    return i < len(xs) and xs[i] > 0 or i == 100
""", [([1, -2], 0), ([1, -2], 1), ([1, -2], 5), ([1], 100)]),
    case("not_operator", """
def f(a: bool, b: bool) -> bool:
    return not a or not (a and b)
""", [(True, True), (True, False), (False, True)]),
    case("for_over_list", """
from typing import List
def f(xs: List[int]) -> int:
    m = 0
    for x in xs:
        if x > m:
            m = x
    return m
""", [([],), ([3, 9, 2],)]),
    case("enumerate_zip", """
from typing import List
def f(a: List[int], b: List[int]) -> int:
    s = 0
    for i, x in enumerate(a):
        s += i * x
    for x, y in zip(a, b):
        s += x * y
    return s
""", [([1, 2, 3], [4, 5]), ([], [1])]),
    case("for_over_string", """
def f(s: str) -> int:
    n = 0
    for ch in s:
        if ch == "a":
            n += 1
    return n
""", [("banana",), ("",)]),
    case("for_over_dict", """
from typing import Dict
def f(d: Dict[str, int]) -> int:
    s = 0
    for k in d:
        s += d[k] * len(k)
    return s
""", [({"a": 1, "bb": 2},)]),
    case("for_over_tuple_unrolled", """
def f(x: int) -> int:
    s = 0
    for v in (1, 2, 3):
        s = s * x + v
    return s
""", [(10,)]),
    case("continue_in_while", """
def f(n: int) -> int:
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 2 == 1:
            continue
        s += i
    return s
""", [(10,)]),
    case("pass_and_docstring", '''
def f(x: int) -> int:
    """a docstring"""
    if x > 0:
        pass
    return x
''', [(3,)]),
    case("function_calls", """
def sq(x: int) -> int:
    return x * x
def f(n: int) -> int:
    return sq(n) + sq(n + 1)
""", [(3,)]),
    case("keyword_and_default_args", """
def g(a: int, b: int = 10, c: int = 100) -> int:
    return a + 2 * b + 3 * c
def f(n: int) -> int:
    return g(n) + g(n, c=1) + g(a=n, b=2)
""", [(1,)]),
]
