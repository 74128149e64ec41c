# Python Enum classes in TorchScript (PyTorch 1.13): members with int, float
# or str values, .name / .value, == / != / is, enum-typed arguments, returns,
# attributes and container elements, iteration over the class, str()/print.
# Calls pass and return plain values: the enum values stay inside TorchScript.


def case(name, src, calls=((),), fn="f", stdout=False):
    return {"name": name, "src": src, "calls": list(calls), "fn": fn, "stdout": stdout}


def negative(name, src):
    return {"name": name, "src": src, "negative": True}


COLOR = """
from enum import Enum
from typing import Dict, List, Optional, Tuple

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 4
"""

CASES = [
    case("int_members", COLOR + """
def f(x: int) -> int:
    c = Color.RED if x == 1 else Color.BLUE
    return c.value * 10 + Color.GREEN.value
""", [(1,), (2,)]),
    case("name_and_value", COLOR + """
def f(x: int) -> str:
    c = Color.GREEN
    if x > 0:
        c = Color.BLUE
    return c.name + ":" + str(c.value)
""", [(0,), (5,)]),
    case("float_and_str_values", """
from enum import Enum

class Scale(Enum):
    HALF = 0.5
    DOUBLE = 2.0
    NEG = -1.25

class Mode(Enum):
    FAST = "fast"
    SLOW = "slow"

def f(x: float) -> str:
    s = Scale.HALF
    if x > 1.0:
        s = Scale.DOUBLE
    y = x * s.value + Scale.NEG.value
    return Mode.SLOW.value.upper() + " " + str(y) + " " + Mode.FAST.name
""", [(1.0,), (3.0,)]),
    case("print_and_str", COLOR + """
class Mode(Enum):
    FAST = "fast"
    SLOW = "slow"

def f(x: int) -> str:
    c = Color.RED if x == 0 else Color.GREEN
    print(c)
    print(Color.BLUE, Mode.FAST, c.name, c.value, Mode.SLOW.value)
    l: List[Color] = [c, Color.BLUE]
    print(l)
    t = (Mode.SLOW, 3)
    print(t)
    d: Dict[str, Color] = {"a": c}
    print(d)
    return str(c) + "|" + str(Mode.FAST)
""", [(0,), (1,)], stdout=True),
    case("eq_ne", COLOR + """
class Other(Enum):
    RED = 1

def f(x: int) -> List[bool]:
    c = Color.RED if x == 1 else Color.GREEN
    return [c == Color.RED, c != Color.RED, c == Color.GREEN, Color.RED == Other.RED,
            Color.BLUE != Other.RED, c == c]
""", [(1,), (2,)]),
    case("is_identity", COLOR + """
def f(x: int) -> List[bool]:
    c = Color.RED if x == 1 else Color.GREEN
    d = c
    return [c is d, c is not d, d is Color.RED, c is not Color.GREEN]
""", [(1,), (2,)]),
    case("iterate_class", COLOR + """
def f() -> List[str]:
    out: List[str] = []
    total = 0
    for c in Color:
        out.append(c.name)
        total += c.value
    out.append(str(total))
    for i, c in enumerate(Color):
        out.append(str(i) + c.name)
    return out
"""),
    case("iterate_print", COLOR + """
def f() -> int:
    n = 0
    for c in Color:
        print(c, c.name, c.value)
        n += 1
    return n
""", stdout=True),
    case("arguments_and_returns", COLOR + """
def pick(n: int) -> Color:
    if n == 0:
        return Color.RED
    if n == 1:
        return Color.GREEN
    return Color.BLUE

def weight(c: Color, k: int) -> int:
    if c == Color.BLUE:
        return k * 100
    return c.value * k

def f(n: int) -> int:
    return weight(pick(n), 3)
""", [(0,), (1,), (2,)]),
    case("list_elements", COLOR + """
def f(n: int) -> List[int]:
    cs: List[Color] = []
    for i in range(n):
        cs.append(Color.RED if i % 2 == 0 else Color.BLUE)
    cs.insert(0, Color.GREEN)
    out: List[int] = []
    for c in cs:
        out.append(c.value)
    out.append(len(cs))
    out.append(cs[-1].value)
    return out
""", [(3,), (0,)]),
    case("dict_values", COLOR + """
def f(key: str) -> int:
    d: Dict[str, Color] = {"r": Color.RED, "g": Color.GREEN}
    d["b"] = Color.BLUE
    by_int: Dict[int, Color] = {1: Color.GREEN}
    total = by_int[1].value
    for k, v in d.items():
        if v == Color.GREEN:
            total += 100
    return d[key].value + total
""", [("r",), ("b",)]),
    case("optional_enum", COLOR + """
def find(n: int) -> Optional[Color]:
    for c in Color:
        if c.value == n:
            return c
    return None

def f(n: int) -> str:
    c = find(n)
    if c is None:
        return "none"
    return c.name
""", [(2,), (3,)]),
    case("tuple_of_enums", COLOR + """
def both(n: int) -> Tuple[Color, int]:
    return (Color.GREEN, n)

def f(n: int) -> int:
    c, k = both(n)
    return c.value + k
""", [(5,)]),
    case("class_attribute", COLOR + """
class Pen:
    def __init__(self, color: Color, width: int):
        self.color = color
        self.width = width

    def recolor(self, c: Color):
        self.color = c

    def code(self) -> int:
        return self.color.value * 100 + self.width

def f(n: int) -> int:
    p = Pen(Color.RED, n)
    a = p.code()
    p.recolor(Color.BLUE)
    return a * 1000 + p.code()
""", [(7,)]),
    case("isinstance_enum", COLOR + """
def f() -> bool:
    c = Color.RED
    return isinstance(c, Color)
"""),
    case("fstring_members", COLOR + """
def f(n: int) -> str:
    c = Color.GREEN if n > 0 else Color.RED
    return f"{c.name}={c.value}"
""", [(1,), (-1,)]),
    case("auto_values", """
from enum import Enum, auto

class Step(Enum):
    ONE = auto()
    TWO = auto()
    TEN = 10
    ELEVEN = auto()

def f() -> int:
    return Step.ONE.value + Step.TWO.value * 10 + Step.ELEVEN.value * 100
"""),
    case("negative_values", """
from enum import Enum

class Sign(Enum):
    MINUS = -1
    ZERO = 0
    PLUS = 1

def f(x: int) -> str:
    s = Sign.ZERO
    if x < 0:
        s = Sign.MINUS
    elif x > 0:
        s = Sign.PLUS
    return s.name + str(s.value * x)
""", [(-3,), (0,), (4,)]),
    case("alias_is_not_a_member", """
from enum import Enum

class E(Enum):
    A = 1
    B = 2
    C = 1

def f() -> int:
    n = 0
    for e in E:
        print(e)
        n = n * 10 + e.value
    return n
""", stdout=True),
    case("docstring_and_method_in_enum", """
from enum import Enum

class E(Enum):
    '''Some colours.'''
    A = 1
    B = 2

    def describe(self) -> str:
        return "never compiled"

def f() -> int:
    return E.B.value
"""),
    case("unused_bad_enum", """
from enum import Enum

class Bad(Enum):
    A = 1
    B = "b"

def f() -> int:
    return 1
"""),
    case("hash_raises", COLOR + """
def f() -> int:
    return hash(Color.RED)
"""),
    case("enum_module_spelling", """
import enum

class E(enum.Enum):
    X = "x"
    Y = "y"

def f(s: str) -> bool:
    e = E.X if s == "x" else E.Y
    return e.value == s and e.name == s.upper()
""", [("x",), ("y",)]),
    case("default_argument", COLOR + """
def weight(k: int, c: Color = Color.GREEN) -> int:
    return c.value * k

def f(k: int) -> int:
    return weight(k) + weight(k, Color.BLUE)
""", [(3,)]),
    case("namedtuple_field", COLOR + """
from typing import NamedTuple

class Tagged(NamedTuple):
    color: Color
    n: int

def f(k: int) -> str:
    t = Tagged(Color.BLUE if k > 0 else Color.RED, k)
    return t.color.name + str(t.n + t.color.value)
""", [(1,), (0,)]),
    case("while_until_member", COLOR + """
def next_color(c: Color) -> Color:
    if c == Color.RED:
        return Color.GREEN
    if c == Color.GREEN:
        return Color.BLUE
    return Color.RED

def f(n: int) -> List[str]:
    c = Color.RED
    out: List[str] = []
    i = 0
    while i < n or c != Color.RED:
        out.append(c.name)
        c = next_color(c)
        i += 1
    return out
""", [(2,), (4,)]),
    negative("mixed_value_types", """
from enum import Enum

class E(Enum):
    A = 1
    B = "b"

def f() -> int:
    return E.A.value
"""),
    negative("int_and_float_values", """
from enum import Enum

class E(Enum):
    A = 1
    B = 2.5

def f() -> float:
    return E.B.value
"""),
    negative("bool_values", """
from enum import Enum

class E(Enum):
    A = True
    B = False

def f() -> bool:
    return E.A.value
"""),
    negative("tuple_values", """
from enum import Enum

class E(Enum):
    A = (1, 2)

def f() -> int:
    x = E.A
    return 1
"""),
    negative("empty_enum", """
from enum import Enum

class E(Enum):
    pass

def f(e: E) -> int:
    return 1
"""),
    negative("missing_member", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> int:
    return E.B.value
"""),
    negative("alias_member", """
from enum import Enum

class E(Enum):
    A = 1
    B = 1

def f() -> int:
    return E.B.value
"""),
    negative("call_enum_class", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> int:
    x = E(1)
    return 1
"""),
    negative("subscript_enum_class", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> int:
    x = E["A"]
    return 1
"""),
    negative("enum_class_as_value", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> int:
    return len(E)
"""),
    negative("method_on_member", """
from enum import Enum

class E(Enum):
    A = 1

    def double(self) -> int:
        return self.value * 2

def f() -> int:
    return E.A.double()
"""),
    negative("assign_value", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> int:
    x = E.A
    x.value = 3
    return 1
"""),
    negative("compare_with_int", """
from enum import Enum

class E(Enum):
    A = 1

def f() -> bool:
    return E.A == 1
"""),
    negative("ordering", """
from enum import Enum

class E(Enum):
    A = 1
    B = 2

def f() -> bool:
    return E.A < E.B
"""),
    negative("dict_key", """
from enum import Enum
from typing import Dict

class E(Enum):
    A = 1

def f() -> int:
    d = {E.A: 1}
    return 1
"""),
    negative("in_list", """
from enum import Enum

class E(Enum):
    A = 1
    B = 2

def f() -> bool:
    return E.A in [E.A, E.B]
"""),
    negative("wrong_argument_type", """
from enum import Enum

class E(Enum):
    A = 1

def g(e: E) -> int:
    return e.value

def f() -> int:
    return g(1)
"""),
]
