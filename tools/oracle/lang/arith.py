def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("floordiv_mod_negatives", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int]:
    return a // b, a % b
""", [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)]),
    case("float_floordiv_mod", """
from typing import Tuple
def f(a: float, b: float) -> Tuple[float, float]:
    return a // b, a % b
""", [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0)]),
    case("true_division_int", """
def f(a: int, b: int) -> float:
    return a / b
""", [(7, 2), (-1, 3), (4, 2)]),
    case("int_division_by_zero", """
def f(a: int, b: int) -> int:
    return a // b
""", [(1, 0)]),
    case("mixed_int_float", """
def f(a: int, b: float) -> float:
    return a + b * a - b / 2
""", [(3, 1.5), (-2, 0.25)]),
    case("power", """
from typing import Tuple
def f(a: int, b: int, x: float) -> Tuple[float, float, float]:
    return a ** b, x ** 2, 2 ** x
""", [(2, 10, 1.5), (-3, 3, 0.5)]),
    case("negative_power_int", """
def f(a: int, b: int) -> float:
    return a ** b
""", [(2, -1)]),
    case("bit_ops", """
from typing import Tuple
def f(a: int, b: int) -> Tuple[int, int, int, int, int]:
    return a & b, a | b, a ^ b, a << 2, a >> 1
""", [(12, 10), (-5, 3)]),
    case("comparisons_mixed", """
from typing import Tuple
def f(a: int, b: float) -> Tuple[bool, bool, bool]:
    return a < b, a == b, a >= b
""", [(2, 2.0), (3, 2.5)]),
    case("conversions", """
from typing import Tuple
def f(x: float, s: str) -> Tuple[int, float, bool, int]:
    return int(x), float(int(x)), bool(x), int(s)
""", [(3.7, "42"), (-3.7, "-5"), (0.0, "0")]),
    case("str_of_numbers", """
from typing import Tuple
def f(a: int, x: float) -> Tuple[str, str, str]:
    return str(a), str(x), str(x * 3)
""", [(12, 0.1), (-7, 1e20), (0, 1.0), (5, 2.5e-8)]),
    case("math_module", """
import math
from typing import Tuple
def f(x: float) -> Tuple[float, float, float, float, float]:
    return math.sqrt(x), math.exp(x), math.log(x), math.floor(x) * 1.0, math.pi * x
""", [(2.0,), (0.5,)]),
    case("math_int_funcs", """
import math
from typing import Tuple
def f(x: float) -> Tuple[int, int]:
    return math.floor(x), math.ceil(x)
""", [(2.5,), (-2.5,)]),
    case("abs_min_max", """
from typing import Tuple
def f(a: int, b: int, x: float) -> Tuple[int, int, int, float]:
    return abs(a), min(a, b), max(a, b), abs(x)
""", [(-3, 2, -1.5), (4, 9, 2.0)]),
    case("divmod_round", """
from typing import Tuple
def f(a: int, b: int, x: float) -> Tuple[int, int, float]:
    q, r = divmod(a, b)
    return q, r, round(x)
""", [(7, 2, 2.5), (-7, 2, 3.5), (7, -3, -0.5)]),
    case("augmented_ops", """
def f(a: int) -> int:
    a += 3
    a *= 2
    a -= 1
    return a
""", [(4,), (-10,)]),
    case("float_augmented", """
def f(a: float) -> float:
    a /= 4
    a **= 2
    return a
""", [(3.0,)]),
    case("bool_arith", """
def f(a: bool, b: int) -> int:
    return int(a) + b
""", [(True, 2), (False, 2)]),
    case("hex_oct_bin_ord_chr", """
from typing import Tuple
def f(a: int) -> Tuple[str, str, str, int, str]:
    return hex(a), oct(a), bin(a), ord("A"), chr(a)
""", [(65,), (120,)]),
    case("unary_minus_invert", """
from typing import Tuple
def f(a: int) -> Tuple[int, int]:
    return -a, a - 1
""", [(5,), (-1,)]),
    case("int_overflow_wraps", """
def f(a: int) -> int:
    return a * a
""", [(3037000500,)]),
]
