import torch


def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    case("insertion_order", """
from typing import Dict, List
def f(keys: List[str]) -> List[str]:
    d: Dict[str, int] = {}
    for i, k in enumerate(keys):
        d[k] = i
    return list(d.keys())
""", [(["z", "a", "m", "a"],)]),
    case("get_default", """
from typing import Dict, Tuple, Optional
def f(d: Dict[str, int], k: str) -> Tuple[int, Optional[int]]:
    return d.get(k, -1), d.get(k)
""", [({"a": 1}, "a"), ({"a": 1}, "b")]),
    case("keys_values_items", """
from typing import Dict, List, Tuple
def f(d: Dict[int, float]) -> Tuple[List[int], List[float], List[Tuple[int, float]]]:
    return list(d.keys()), list(d.values()), list(d.items())
""", [({3: 0.5, 1: 1.5},)]),
    case("pop_with_default", """
from typing import Dict, Tuple
def f(d: Dict[str, int]) -> Tuple[int, int, int]:
    a = d.pop("a")
    b = d.pop("zz", 7)
    return a, b, len(d)
""", [({"a": 1, "b": 2},)]),
    case("pop_missing", """
from typing import Dict
def f(d: Dict[str, int]) -> int:
    return d.pop("q")
""", [({"a": 1},)]),
    case("missing_key", """
from typing import Dict
def f(d: Dict[str, int], k: str) -> int:
    return d[k]
""", [({"a": 1}, "a"), ({"a": 1}, "b")]),
    case("missing_int_key", """
from typing import Dict
def f(d: Dict[int, int], k: int) -> int:
    return d[k]
""", [({1: 1}, 2)]),
    case("setdefault", """
from typing import Dict, List
def f(words: List[str]) -> Dict[str, int]:
    d: Dict[str, int] = {}
    for w in words:
        d.setdefault(w, 0)
        d[w] += 1
    return d
""", [(["a", "b", "a"],)]),
    case("update_and_clear", """
from typing import Dict, Tuple
def f(a: Dict[str, int], b: Dict[str, int]) -> Tuple[Dict[str, int], int]:
    a.update(b)
    c = a.copy()
    a.clear()
    return c, len(a)
""", [({"x": 1, "y": 2}, {"y": 3, "z": 4})]),
    case("contains", """
from typing import Dict, Tuple
def f(d: Dict[str, int], k: str) -> Tuple[bool, bool]:
    return k in d, k not in d
""", [({"a": 1}, "a"), ({}, "a")]),
    case("del_key", """
from typing import Dict
def f(d: Dict[str, int]) -> Dict[str, int]:
    del d["a"]
    return d
""", [({"a": 1, "b": 2},)]),
    case("iterate_dict", """
from typing import Dict
def f(d: Dict[str, int]) -> str:
    out = ""
    for k in d:
        out += k + "=" + str(d[k]) + ";"
    return out
""", [({"b": 1, "a": 2},)]),
    case("items_loop", """
from typing import Dict
def f(d: Dict[str, float]) -> float:
    s = 0.0
    for k, v in d.items():
        s += v * len(k)
    return s
""", [({"ab": 1.5, "c": 2.0},)]),
    case("dict_literal_types", """
from typing import Dict
def f(n: int) -> Dict[int, str]:
    return {n: "a", n + 1: "b", n: "c"}
""", [(1,)]),
    neg("dict_literal_empty_lists_are_tensor_lists", """
from typing import Dict, List
def f(xs: List[int]) -> Dict[str, List[int]]:
    d: Dict[str, List[int]] = {"even": [], "odd": []}
    for x in xs:
        if x % 2 == 0:
            d["even"].append(x)
        else:
            d["odd"].append(x)
    return d
"""),
    case("dict_comprehension", """
from typing import Dict
def f(n: int) -> Dict[int, int]:
    return {i: i * i for i in range(n)}
""", [(4,), (0,)]),
    case("dict_float_keys", """
from typing import Dict
def f(x: float) -> Dict[float, int]:
    d: Dict[float, int] = {}
    d[x] = 1
    d[x * 2.0] = 2
    return d
""", [(1.5,)]),
    case("dict_bool_keys", """
from typing import Dict
def f(b: bool) -> int:
    d = {True: 1, False: 0}
    return d[b]
""", [(True,), (False,)]),
    case("dict_tensor_values", """
from typing import Dict
import torch
def f(x: torch.Tensor) -> Dict[str, torch.Tensor]:
    return {"double": x * 2, "neg": -x}
""", [(torch.tensor([1.0, -2.0]),)]),
    case("dict_len_after_overwrite", """
def f() -> int:
    d = {"a": 1}
    d["a"] = 2
    d["b"] = 3
    return len(d) * 10 + d["a"]
"""),
    case("dict_popitem", """
from typing import Dict, Tuple
def f(d: Dict[str, int]) -> Tuple[str, int]:
    return d.popitem()
""", [({"a": 1, "b": 2},)]),
    case("dict_sorted_keys", """
from typing import Dict, List
def f(d: Dict[str, int]) -> List[str]:
    ks = list(d.keys())
    ks.sort()
    return ks
""", [({"b": 1, "c": 3, "a": 2},)]),
    neg("dict_equality", """
from typing import Dict
def f(a: Dict[str, int], b: Dict[str, int]) -> bool:
    return a == b
"""),
    case("nested_dict", """
from typing import Dict
def f(k: str) -> int:
    d: Dict[str, Dict[str, int]] = {"x": {"y": 1}}
    d[k] = {"z": 2}
    d["x"]["w"] = 5
    return len(d) * 100 + len(d["x"]) * 10 + d[k]["z"]
""", [("q",), ("x",)]),
    case("dict_fromkeys_like", """
from typing import Dict, List
def f(keys: List[str]) -> Dict[str, int]:
    return {k: len(k) for k in keys}
""", [(["a", "bbb"],)]),
    neg("dict_wrong_key_type", """
from typing import Dict
def f(d: Dict[str, int]) -> int:
    return d[1]
"""),
    neg("dict_list_key", """
from typing import Dict, List
def f(d: Dict[List[int], int]) -> int:
    return 0
"""),
    neg("dict_mixed_values", """
from typing import Dict
def f() -> Dict[str, int]:
    d: Dict[str, int] = {"a": 1}
    d["b"] = "x"
    return d
"""),
]
