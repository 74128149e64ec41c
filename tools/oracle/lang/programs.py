# Small whole programs mixing the features, as people write them.
def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


CASES = [
    case("primes_sieve", """
from typing import List
def f(n: int) -> List[int]:
    is_p = [True] * (n + 1)
    out: List[int] = []
    for i in range(2, n + 1):
        if is_p[i]:
            out.append(i)
            j = i * i
            while j <= n:
                is_p[j] = False
                j += i
    return out
""", [(30,), (1,)]),
    case("binary_search", """
from typing import List
def f(xs: List[int], target: int) -> int:
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
""", [([1, 3, 5, 7, 9], 7), ([1, 3, 5], 4), ([], 1)]),
    case("word_count", """
from typing import Dict, List
def f(text: str) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for w in text.split():
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts
""", [("a b a c b a",), ("",)]),
    case("gcd_lcm", """
from typing import Tuple
def gcd(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return a
def f(a: int, b: int) -> Tuple[int, int]:
    g = gcd(a, b)
    return g, a // g * b
""", [(12, 18), (7, 5)]),
    case("fizzbuzz", """
from typing import List
def f(n: int) -> List[str]:
    out: List[str] = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out
""", [(15,)]),
    case("matrix_multiply_lists", """
from typing import List
def f(a: List[List[int]], b: List[List[int]]) -> List[List[int]]:
    n = len(a)
    m = len(b[0])
    out = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0
            for k in range(len(b)):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out
""", [([[1, 2], [3, 4]], [[5, 6], [7, 8]]),]),
    case("running_max_optional", """
from typing import List, Optional
def f(xs: List[int]) -> Optional[int]:
    best: Optional[int] = None
    for x in xs:
        if best is None or x > best:
            best = x
    return best
""", [([],), ([3, 9, 2],)]),
    case("tuple_returning_helper", """
from typing import Tuple
def stats(a: float, b: float) -> Tuple[float, float]:
    return (a + b) / 2, abs(a - b)
def f(a: float, b: float) -> float:
    m, d = stats(a, b)
    return m * 10 + d
""", [(1.0, 4.0)]),
    case("class_accumulator", """
from typing import List
class Acc:
    def __init__(self):
        self.total = 0.0
        self.count = 0

    def add(self, x: float):
        self.total += x
        self.count += 1

    def mean(self) -> float:
        if self.count == 0:
            return 0.0
        return self.total / self.count

def f(xs: List[float]) -> float:
    a = Acc()
    for x in xs:
        a.add(x)
    return a.mean()
""", [([1.0, 2.0, 4.0],), ([],)]),
    case("early_exit_nested_if", """
def f(a: int, b: int) -> str:
    if a > 0:
        if b > 0:
            return "both"
        return "a"
    if b > 0:
        return "b"
    return "none"
""", [(1, 1), (1, 0), (0, 1), (0, 0)]),
    case("loop_with_else_var", """
def f(n: int) -> int:
    found = -1
    i = 0
    while i < n and found < 0:
        if i * i == n:
            found = i
        i += 1
    return found
""", [(16,), (15,)]),
    case("reverse_string", """
def f(s: str) -> str:
    out = ""
    for i in range(len(s) - 1, -1, -1):
        out += s[i]
    return out
""", [("abc",), ("",)]),
    case("tensor_loop_accumulate", """
import torch
def f(x: torch.Tensor, n: int) -> torch.Tensor:
    acc = torch.zeros_like(x)
    for i in range(n):
        acc = acc + x * i
    return acc
""", [(__import__("torch").ones(2, 2), 4)]),
]
