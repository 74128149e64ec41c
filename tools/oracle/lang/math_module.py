def case(name, src, calls=None, fn="f", **kw):
    return dict({"name": name, "src": src, "calls": calls or [()], "fn": fn}, **kw)


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


def fn1(name, ret="float", arg="float", calls=None):
    return case(name, f"""
import math
def f(x: {arg}) -> {ret}:
    return math.{name}(x)
""", calls)


X = [(0.5,), (2.0,), (-1.5,)]
POS = [(0.5,), (2.0,), (10.0,)]

CASES = [
    fn1("sqrt", calls=POS + [(-1.0,)]),
    fn1("exp", calls=X),
    fn1("log", calls=POS),
    fn1("log10", calls=POS),
    fn1("log1p", calls=POS),
    fn1("expm1", calls=X),
    fn1("sin", calls=X),
    fn1("cos", calls=X),
    fn1("tan", calls=X),
    fn1("asin", calls=[(0.5,), (-1.0,)]),
    fn1("acos", calls=[(0.5,), (1.0,)]),
    fn1("atan", calls=X),
    fn1("sinh", calls=X),
    fn1("cosh", calls=X),
    fn1("tanh", calls=X),
    fn1("asinh", calls=X),
    fn1("acosh", calls=[(1.5,), (10.0,)]),
    fn1("atanh", calls=[(0.5,), (-0.25,)]),
    fn1("erf", calls=X),
    fn1("erfc", calls=X),
    fn1("gamma", calls=[(0.5,), (5.0,)]),
    fn1("lgamma", calls=[(0.5,), (5.0,)]),
    fn1("fabs", calls=X),
    fn1("floor", ret="int", calls=X),
    fn1("ceil", ret="int", calls=X),
    fn1("degrees", calls=X),
    fn1("radians", calls=X),
    fn1("isnan", ret="bool", calls=[(float("nan"),), (1.0,)]),
    fn1("isinf", ret="bool", calls=[(float("-inf"),), (1.0,)]),
    fn1("isfinite", ret="bool", calls=[(float("inf"),), (1.0,)]),
    fn1("factorial", ret="int", arg="int", calls=[(0,), (5,), (20,)]),
    case("pow_atan2_fmod", """
import math
from typing import Tuple
def f(x: float, y: float) -> Tuple[float, float, float, float, float]:
    return math.pow(x, y), math.atan2(x, y), math.fmod(x, y), math.copysign(x, y), math.sqrt(x * x + y * y)
""", [(2.0, 3.0), (-7.5, 2.0), (3.0, -4.0)]),
    case("remainder_ldexp", """
import math
from typing import Tuple
def f(x: float, y: float) -> Tuple[float, float]:
    return math.remainder(x, y), math.ldexp(x, 3)
""", [(7.0, 2.0), (-7.5, 2.0)]),
    case("frexp_modf", """
import math
from typing import Tuple
def f(x: float) -> Tuple[Tuple[float, int], Tuple[float, float]]:
    return math.frexp(x), math.modf(x)
""", [(8.0,), (-2.5,)]),
    case("gcd", """
import math
def f(a: int, b: int) -> int:
    return math.gcd(a, b)
""", [(12, 18), (-12, 18), (0, 5), (0, 0)]),
    case("constants", """
import math
from typing import Tuple
def f() -> Tuple[float, float, float, float]:
    return math.pi, math.e, math.inf, -math.inf
"""),
    case("nan_constant", """
import math
def f() -> bool:
    return math.isnan(math.nan)
"""),
    case("log_base", """
import math
def f(x: float, b: float) -> float:
    return math.log(x, b)
""", [(8.0, 2.0), (100.0, 10.0)]),
    case("log_domain", """
import math
def f(x: float) -> float:
    return math.log(x)
""", [(0.0,), (-1.0,)]),
    case("int_args_to_math", """
import math
from typing import Tuple
def f(n: int) -> Tuple[float, float, int]:
    return math.sqrt(n), math.exp(n), math.floor(n)
""", [(4,), (0,)]),
    case("math_in_expression", """
import math
def f(x: float, y: float) -> float:
    return math.sqrt(x * x + y * y) / math.pi + math.cos(0.0)
""", [(3.0, 4.0)]),
    case("isclose_manual", """
import math
def f(a: float, b: float) -> bool:
    return math.fabs(a - b) <= 1e-9 * max(math.fabs(a), math.fabs(b))
""", [(0.1 + 0.2, 0.3), (1.0, 1.1)]),
    case("floor_of_huge", """
import math
def f(x: float) -> int:
    return math.floor(x)
""", [(1e300,), (float("nan"),)]),
    neg("math_unknown_function", """
import math
def f(x: float) -> float:
    return math.cbrt(x)
"""),
    neg("math_log2_unsupported", """
import math
def f(x: float) -> float:
    return math.log2(x)
"""),
    neg("math_hypot_unsupported", """
import math
def f(x: float) -> float:
    return math.hypot(x, x)
"""),
    neg("math_wrong_arg_type", """
import math
def f(s: str) -> float:
    return math.sqrt(s)
"""),
]
