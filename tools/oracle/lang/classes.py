def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("counter", """
class Counter:
    def __init__(self, start: int):
        self.value = start
        self.steps = 0

    def inc(self, by: int) -> int:
        self.value += by
        self.steps += 1
        return self.value

def f(n: int) -> int:
    c = Counter(n)
    c.inc(2)
    c.inc(3)
    return c.value * 100 + c.steps
""", [(10,)]),
    case("method_calls_method", """
class Box:
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h

    def scaled(self, k: float) -> float:
        return self.area() * k * k

def f(w: float, h: float) -> float:
    return Box(w, h).scaled(2.0)
""", [(1.5, 2.0)]),
    case("class_with_list_attr", """
from typing import List
class Stack:
    def __init__(self):
        self.items: List[int] = []

    def push(self, x: int):
        self.items.append(x)

    def pop(self) -> int:
        return self.items.pop()

def f(n: int) -> int:
    s = Stack()
    for i in range(n):
        s.push(i)
    return s.pop() * 10 + len(s.items)
""", [(5,)]),
    case("namedtuple", """
from typing import NamedTuple
class Point(NamedTuple):
    x: int
    y: int

def f(a: int, b: int) -> int:
    p = Point(a, b)
    q = Point(x=b, y=a)
    return p.x * 10 + q.x + p[1]
""", [(1, 2)]),
    case("objects_alias", """
class Cell:
    def __init__(self, v: int):
        self.v = v

def bump(c: Cell):
    c.v += 1

def f(n: int) -> int:
    c = Cell(n)
    bump(c)
    d = c
    bump(d)
    return c.v
""", [(3,)]),
]
