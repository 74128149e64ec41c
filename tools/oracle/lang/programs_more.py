import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


CASES = [
    case("tokenizer", """
from typing import Dict, List
def f(text: str) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for raw in text.lower().split():
        w = raw.strip(".,!?")
        if len(w) == 0:
            continue
        counts[w] = counts.get(w, 0) + 1
    return counts
""", [("The cat. The dog! the END, end?",)]),
    case("vocab_encode", """
from typing import Dict, List
def f(words: List[str]) -> List[int]:
    vocab: Dict[str, int] = {"<unk>": 0}
    ids: List[int] = []
    for w in words:
        if w not in vocab:
            vocab[w] = len(vocab)
        ids.append(vocab[w])
    return ids
""", [(["a", "b", "a", "c", "b"],)]),
    case("matrix_multiply_lists", """
from typing import List
def f(a: List[List[float]], b: List[List[float]]) -> List[List[float]]:
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = [[0.0 for _ in range(m)] for _ in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out
""", [([[1.0, 2.0], [3.0, 4.0]], [[0.5, 0.0], [1.0, -1.0]])]),
    case("binary_search", """
from typing import List
def f(xs: List[int], target: int) -> int:
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)
""", [([1, 3, 5, 7, 9], 7), ([1, 3, 5, 7, 9], 4), ([], 1)]),
    case("bubble_sort", """
from typing import List
def f(xs: List[int]) -> List[int]:
    ys = xs.copy()
    n = len(ys)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if ys[j] > ys[j + 1]:
                ys[j], ys[j + 1] = ys[j + 1], ys[j]
                swapped = True
        if not swapped:
            break
    return ys
""", [([5, -1, 3, 3, 0],), ([],)]),
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
    case("running_stats_class", """
import math
from typing import List, Tuple
class Stats:
    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def push(self, x: float):
        self.n += 1
        d = x - self.mean
        self.mean += d / self.n
        self.m2 += d * (x - self.mean)

    def std(self) -> float:
        return math.sqrt(self.m2 / (self.n - 1)) if self.n > 1 else 0.0

def f(xs: List[float]) -> Tuple[float, float]:
    s = Stats()
    for x in xs:
        s.push(x)
    return s.mean, s.std()
""", [([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],)]),
    case("beam_like_topk", """
from typing import List, Tuple
def f(scores: List[float], k: int) -> List[Tuple[int, float]]:
    idx = list(range(len(scores)))
    out: List[Tuple[int, float]] = []
    used = [False] * len(scores)
    for _ in range(min(k, len(scores))):
        best = -1
        for i in idx:
            if not used[i] and (best < 0 or scores[i] > scores[best]):
                best = i
        used[best] = True
        out.append((best, scores[best]))
    return out
""", [([0.1, 0.9, 0.5, 0.7], 2), ([1.0], 3)]),
    case("tensor_softmax_manual", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    m = x.max(dim=-1, keepdim=True)[0]
    e = torch.exp(x - m)
    return e / e.sum(dim=-1, keepdim=True)
""", [(torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]),)]),
    case("tensor_greedy_decode", """
import torch
from typing import List
def f(logits: torch.Tensor, eos: int) -> List[int]:
    out: List[int] = []
    for t in range(logits.size(0)):
        tok = int(logits[t].argmax())
        if tok == eos:
            break
        out.append(tok)
    return out
""", [(torch.tensor([[0.1, 0.9, 0.0], [0.8, 0.1, 0.1], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]), 2)]),
    case("tensor_masked_fill_loop", """
import torch
def f(x: torch.Tensor, lengths: List[int]) -> torch.Tensor:
    y = x.clone()
    for i, n in enumerate(lengths):
        y[i, n:] = 0.0
    return y
""".replace("import torch", "import torch\nfrom typing import List"), [(torch.ones(3, 4), [1, 4, 2])]),
    case("string_formatting_report", """
from typing import Dict
def f(d: Dict[str, float]) -> str:
    lines = []
    for k in sorted(d.keys()):
        lines.append(k.ljust(6) + "|" + str(round(d[k] * 100.0) / 100.0))
    return "\\n".join(lines)
""".replace("lines = []", "lines: List[str] = []").replace("from typing import Dict", "from typing import Dict, List"),
         [({"b": 1.23456, "a": 2.0, "ccc": -0.005},)]),
    case("run_length_encoding", """
from typing import List, Tuple
def f(s: str) -> List[Tuple[str, int]]:
    out: List[Tuple[str, int]] = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append((s[i], j - i))
        i = j
    return out
""", [("aaabccdddd",), ("",)]),
    case("stack_calculator", """
from typing import List
def f(expr: str) -> float:
    stack: List[float] = []
    for tok in expr.split():
        if tok == "+" or tok == "-" or tok == "*" or tok == "/":
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
        else:
            stack.append(float(tok))
    return stack[-1]
""", [("3 4 + 2 *",), ("1 2 3 * - 4 /",)]),
    case("context_timer_like", """
from typing import Any, List
class Scope:
    def __init__(self, log: List[str], name: str):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append("begin " + self.name)

    def __exit__(self, a: Any, b: Any, c: Any):
        self.log.append("end " + self.name)

def f(n: int) -> List[str]:
    log: List[str] = []
    for i in range(n):
        with Scope(log, str(i)):
            if i == 1:
                continue
            log.append("work " + str(i))
    return log
""", [(3,)]),
]
