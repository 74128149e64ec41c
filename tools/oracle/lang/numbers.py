def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


def binop(name, op, ty, calls):
    return case(name, f"""
def f(a: {ty}, b: {ty}) -> {'float' if op in ('/', '**') else ty}:
    return a {op} b
""", calls)


SIGNS = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3)]
FSIGNS = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.0, 3.0), (-0.0, 1.0), (1e300, 1e-300)]

CASES = [
    binop("int_floordiv_signs", "//", "int", SIGNS),
    binop("int_mod_signs", "%", "int", SIGNS),
    binop("int_truediv", "/", "int", SIGNS),
    binop("float_floordiv_signs", "//", "float", FSIGNS),
    binop("float_mod_signs", "%", "float", FSIGNS),
    binop("int_floordiv_zero", "//", "int", [(1, 0)]),
    binop("int_truediv_zero", "/", "int", [(1, 0)]),
    binop("float_div_zero", "/", "float", [(1.0, 0.0), (0.0, 0.0)]),
    binop("float_floordiv_zero", "//", "float", [(1.0, 0.0)]),
    binop("float_mod_zero", "%", "float", [(1.0, 0.0)]),
    binop("int_pow", "**", "int", [(2, 10), (-3, 3), (0, 0), (7, 1)]),
    binop("int_pow_negative_exp", "**", "int", [(2, -1)]),
    binop("float_pow", "**", "float", [(2.0, 0.5), (-8.0, 2.0), (0.0, 0.0)]),
    binop("float_pow_complex_result", "**", "float", [(-8.0, 0.5)]),
    case("int_overflow_wraps_add", """
def f(a: int) -> int:
    return a + 1
""", [(9223372036854775807,)]),
    case("int_overflow_wraps_mul", """
def f(a: int) -> int:
    return a * 2
""", [(9223372036854775807,), (-4611686018427387905,)]),
    case("int_overflow_neg", """
def f(a: int) -> int:
    return -a
""", [(-9223372036854775808,)]),
    case("int_min_floordiv", """
def f(a: int) -> int:
    return a // 3
""", [(-9223372036854775808,)]),
    case("int_pow_overflow", """
def f(a: int) -> float:
    return a ** 64
""", [(2,), (3,)]),
    case("bitwise_ints", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int, int, int, int]:
    return a & b, a | b, a ^ b, a << 2, a >> 1
""", [(12, 10), (-12, 3), (0, -1)]),
    case("shift_large", """
from typing import Tuple
def f(a: int, n: int) -> Tuple[int, int]:
    return a << n, a >> n
""", [(1, 62), (1, 63), (-1, 70)]),
    case("bool_arith", """
from typing import Tuple
def f(a: bool, b: bool) -> Tuple[bool, bool, bool]:
    return a and b, a or b, not a
""", [(True, False), (False, False)]),
    case("bool_bitwise", """
from typing import Tuple
def f(a: bool, b: bool) -> Tuple[bool, bool, bool]:
    return a & b, a | b, a ^ b
""", [(True, False), (True, True)]),
    case("bool_plus_int", """
def f(a: bool, n: int) -> int:
    return int(a) + n
""", [(True, 2)]),
    case("mixed_int_float", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[float, float, float, float, float]:
    return a + x, a - x, a * x, a / x, x // a
""", [(3, 0.5), (-2, 4.0)]),
    case("mixed_mod", """
def f(a: int, x: float) -> float:
    return a % x
""", [(7, 2.5), (-7, 2.5)]),
    case("int_compare_float", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[bool, bool, bool]:
    return a == x, a < x, a >= x
""", [(2, 2.0), (2, 2.5), (3, 2.5)]),
    case("chained_comparisons", """
def f(a: int, b: int, c: int) -> bool:
    return a < b < c
""", [(1, 2, 3), (1, 3, 2), (3, 2, 1)]),
    case("chained_eq", """
def f(a: int, b: int, c: int) -> bool:
    return a == b == c
""", [(1, 1, 1), (1, 1, 2)]),
    case("float_special_compare", """
from typing import Tuple
def f(x: float, y: float) -> Tuple[bool, bool, bool, bool]:
    return x == y, x != y, x < y, x >= y
""", [(float("nan"), float("nan")), (float("inf"), float("inf")), (0.0, -0.0), (float("nan"), 1.0)]),
    case("float_str_round_trip", """
from typing import List
def f(xs: List[float]) -> List[str]:
    return [str(x) for x in xs]
""", [([0.1 + 0.2, 1.0 / 3.0, 100.0, 1e15, 1e16, 1e17, 123456.7, 5e-5, 1.5e-4, -2.5, float("nan"), float("-inf")],)]),
    case("float_str_integers", """
from typing import List
def f(xs: List[float]) -> List[str]:
    return [str(x) for x in xs]
""", [([0.0, -0.0, 2.0, 1234567.0, 12345678901234567890.0],)]),
    case("float_fstring", """
def f(x: float) -> str:
    return f"{x}"
""", [(0.3,), (1e-10,), (2.0 ** 60,)]),
    case("int_str_large", """
def f(a: int) -> str:
    return str(a) + " " + str(-a - 1)
""", [(9223372036854775807,)]),
    case("float_to_int_truncation", """
from typing import List
def f(xs: List[float]) -> List[int]:
    return [int(x) for x in xs]
""", [([2.5, -2.5, 0.999, -0.999, 1e18],)]),
    case("float_to_int_nan", """
def f(x: float) -> int:
    return int(x)
""", [(float("nan"),), (float("inf"),)]),
    case("augmented_ops_int", """
def f(a: int) -> int:
    a += 3
    a -= 1
    a *= 4
    a <<= 1
    a >>= 1
    a |= 8
    a &= 13
    a ^= 5
    return a
""", [(5,), (-5,)]),
    case("augmented_ops_float", """
def f(x: float) -> float:
    x += 1.5
    x -= 0.25
    x *= 2.0
    x /= 4.0
    x %= 3.0
    x **= 2.0
    return x
""", [(2.0,), (-3.0,)]),
    case("int_div_result_is_float", """
def f(a: int, b: int) -> str:
    return str(a / b)
""", [(4, 2), (1, 3)]),
    case("unary_ops", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[int, int, float]:
    return -a, --a, -x
""", [(3, 2.5), (0, 0.0)]),
    case("int_bool_truthiness", """
def f(a: int) -> str:
    if a:
        return "yes"
    return "no"
""", [(0,), (-1,)]),
    case("float_truthiness", """
def f(x: float) -> str:
    if x:
        return "yes"
    return "no"
""", [(0.0,), (-0.0,), (float("nan"),)]),
    case("float_int_equality_hash_free", """
def f(a: int) -> bool:
    return float(a) == a
""", [(2 ** 53 + 1,), (3,)]),
    case("scientific_literals", """
from typing import Tuple
def f() -> Tuple[float, float, int, int, int]:
    return 1e3, 2.5e-3, 0x1F, 0o17, 0b101
"""),
    case("underscore_literals", """
def f() -> int:
    return 1_000_000 + 0x_ff
"""),
    case("big_literal", """
def f() -> int:
    return 9223372036854775807 - 1
"""),
    case("float_precision_sum", """
def f(n: int) -> float:
    s = 0.0
    for i in range(n):
        s += 0.1
    return s
""", [(10,), (1000,)]),
    case("int_min_max_cmp", """
def f(a: int, b: int) -> int:
    return a if a > b else b
""", [(1, 2), (5, -5)]),
    neg("int_invert_unsupported", """
def f(a: int) -> int:
    return ~a
"""),
    neg("unary_plus_unsupported", """
def f(a: int) -> int:
    return +a
"""),
    neg("floordiv_augassign_unsupported", """
def f(a: int) -> int:
    a //= 2
    return a
"""),
    neg("mod_augassign_is_float", """
def f(a: int) -> int:
    a %= 7
    return a
"""),
    neg("int_plus_str", """
def f(a: int) -> str:
    return a + "x"
"""),
    neg("int_annotated_float_return", """
def f(a: float) -> int:
    return a
"""),
    neg("int_literal_too_big", """
def f() -> int:
    return 99999999999999999999
"""),
    neg("bool_plus_str", """
def f(b: bool) -> int:
    return b + "1"
"""),
]
