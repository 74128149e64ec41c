def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("while_else_free_countdown", """
def f(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
""", [(27,), (1,)]),
    case("nested_break_continue", """
def f(n: int) -> int:
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        for j in range(n):
            if j > i:
                break
            s += j
    return s
""", [(6,)]),
    case("early_return_in_nested_loops", """
from typing import List
def f(grid: List[List[int]], target: int) -> int:
    for i in range(len(grid)):
        for j in range(len(grid[i])):
            if grid[i][j] == target:
                return i * 10 + j
    return -1
""", [([[1, 2], [3, 4]], 4), ([[1]], 5)]),
    case("while_with_break_and_flag", """
def f(n: int) -> int:
    i = 0
    found = False
    while i < n:
        if i * i == n:
            found = True
            break
        i += 1
    return i if found else -1
""", [(16,), (15,)]),
    case("if_elif_chain", """
def f(x: float) -> str:
    if x < 0.0:
        return "neg"
    elif x == 0.0:
        return "zero"
    elif x < 1.0:
        return "small"
    elif x < 100.0:
        return "medium"
    return "large"
""", [(-1.0,), (0.0,), (0.5,), (50.0,), (1000.0,)]),
    case("ternary_nested", """
def f(a: int) -> str:
    return "a" if a > 0 else "b" if a < 0 else "c"
""", [(1,), (-1,), (0,)]),
    case("loop_variable_after_loop", """
def f(n: int) -> int:
    i = -1
    for i in range(n):
        pass
    return i
""", [(5,), (0,)]),
    case("variable_defined_in_both_branches", """
def f(n: int) -> str:
    if n > 0:
        s = "pos"
        k = 1
    else:
        s = "nonpos"
        k = 2
    return s + str(k)
""", [(3,), (-3,)]),
    case("loop_carried_multiple", """
from typing import Tuple
def f(n: int) -> Tuple[int, float, str]:
    a = 0
    b = 1.0
    c = ""
    for i in range(n):
        a += i
        b *= 1.5
        c += str(i % 10)
    return a, b, c
""", [(12,)]),
    neg("while_true_return_needs_final_return", """
def f(n: int) -> int:
    k = 0
    while True:
        k += 1
        if k >= n:
            return k
"""),
    case("for_over_string_chars_break", """
def f(s: str) -> int:
    n = 0
    for c in s:
        if c == "!":
            break
        n += 1
    return n
""", [("abc!def",), ("xyz",)]),
    case("nested_functions_calls", """
def inc(x: int) -> int:
    return x + 1

def twice(x: int) -> int:
    return inc(inc(x))

def f(n: int) -> int:
    s = 0
    for i in range(n):
        s = twice(s)
    return s
""", [(5,)]),
    case("recursion_via_loop_gcd", """
def f(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return a
""", [(48, 18), (7, 0)]),
    case("swap_and_tuple_assign", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int]:
    a, b = b, a
    (c, d) = (a + 1, b + 1)
    return c, d
""", [(1, 2)]),
    case("starred_free_nested_tuple_unpack", """
from typing import Tuple
def f(t: Tuple[int, Tuple[str, float]]) -> str:
    a, (b, c) = t
    return b * 1 + str(a) + str(c)
""".replace("b * 1 + ", "b + "), [((1, ("x", 2.5)),)]),
    case("chained_assignment", """
def f(n: int) -> int:
    a = b = n * 2
    a += 1
    return a * 100 + b
""", [(3,)]),
    case("if_on_list_truthiness", """
from typing import List
def f(xs: List[int]) -> int:
    if xs:
        return xs[0]
    return -1
""", [([5],), ([],)]),
    case("if_on_string_truthiness", """
def f(s: str) -> str:
    if s:
        return s
    return "empty"
""", [("a",), ("",)]),
    neg("if_on_optional_truthiness", """
from typing import Optional
def f(x: Optional[int]) -> int:
    if x:
        return x
    return -1
"""),
    case("short_circuit_and", """
from typing import List
def f(xs: List[int], i: int) -> bool:
    return i < len(xs) and xs[i] > 0
""", [([1, 2], 5), ([1, -2], 1)]),
    case("short_circuit_or", """
from typing import List
def f(xs: List[int]) -> bool:
    return len(xs) == 0 or xs[0] == 0
""", [([],), ([1],)]),
    case("not_in_condition", """
from typing import List
def f(xs: List[str], s: str) -> str:
    if s not in xs:
        xs.append(s)
    return ",".join(xs)
""", [(["a"], "b"), (["a"], "a")]),
    case("range_negative_loop", """
from typing import List
def f(n: int) -> List[int]:
    out: List[int] = []
    for i in range(n, -1, -2):
        out.append(i)
    return out
""", [(7,)]),
    case("loop_modifying_list_len", """
from typing import List
def f(n: int) -> List[int]:
    xs = [1]
    while len(xs) < n:
        xs.append(xs[-1] * 2)
    return xs
""", [(6,)]),
    case("pass_statements", """
def f(n: int) -> int:
    if n > 0:
        pass
    else:
        pass
    for i in range(n):
        pass
    return n
""", [(2,)]),
    case("docstring_in_function", """
def f(n: int) -> int:
    \"\"\"Doubles n.\"\"\"
    return n * 2
""", [(4,)]),
    neg("break_outside_loop", """
def f(n: int) -> int:
    if n > 0:
        break
    return n
"""),
    neg("continue_outside_loop", """
def f(n: int) -> int:
    continue
    return n
"""),
    neg("missing_return_value", """
def f(n: int) -> int:
    if n > 0:
        return n
"""),
    neg("while_else_unsupported", """
def f(n: int) -> int:
    while n > 0:
        n -= 1
    else:
        n = 5
    return n
"""),
    neg("for_else_unsupported", """
def f(n: int) -> int:
    for i in range(n):
        pass
    else:
        n = 5
    return n
"""),
    neg("nested_def", """
def f(n: int) -> int:
    def g(x: int) -> int:
        return x
    return g(n)
"""),
    neg("global_statement", """
X = 1
def f(n: int) -> int:
    global X
    return n
"""),
    case("del_name", """
def f(n: int) -> int:
    m = n
    del m
    return n
""", [(2,)]),
    neg("star_args", """
def f(*args: int) -> int:
    return 0
"""),
    neg("kwargs_param", """
def f(**kw: int) -> int:
    return 0
"""),
    neg("recursion", """
def f(n: int) -> int:
    if n <= 1:
        return 1
    return n * f(n - 1)
"""),
    neg("walrus", """
def f(n: int) -> int:
    if (m := n + 1) > 2:
        return m
    return n
"""),
    neg("set_literal", """
def f(n: int) -> int:
    s = {1, 2}
    return n
"""),
    neg("unknown_type_annotation", """
def f(n: Foo) -> int:
    return 0
"""),
    neg("call_wrong_arg_count", """
def g(a: int, b: int) -> int:
    return a + b

def f(n: int) -> int:
    return g(n)
"""),
    neg("call_unknown_kwarg", """
def g(a: int) -> int:
    return a

def f(n: int) -> int:
    return g(a=n, b=2)
"""),
    neg("if_type_mismatch_used_later", """
def f(n: int) -> int:
    if n > 0:
        x = 1
    else:
        x = "s"
    return x
"""),
    neg("tuple_index_out_of_range", """
from typing import Tuple
def f(t: Tuple[int, int]) -> int:
    return t[2]
"""),
    neg("tuple_non_constant_index", """
from typing import Tuple
def f(t: Tuple[int, str], i: int) -> int:
    return t[i]
"""),
    neg("assign_to_tuple_element", """
from typing import Tuple
def f(t: Tuple[int, int]) -> int:
    t[0] = 1
    return t[0]
"""),
    neg("unpack_count_mismatch", """
from typing import Tuple
def f(t: Tuple[int, int, int]) -> int:
    a, b = t
    return a
"""),
    neg("none_attribute", """
def f(n: int) -> int:
    x = None
    return x.foo
"""),
    neg("async_def", """
async def f(n: int) -> int:
    return n
"""),
    neg("yield_generator", """
def f(n: int) -> int:
    yield n
"""),
]
