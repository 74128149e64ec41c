import torch


def case(name, src, calls, fn="f"):
    return {"name": name, "src": src, "calls": calls, "fn": fn}


t23 = torch.arange(6, dtype=torch.float32).reshape(2, 3)

CASES = [
    case("tensor_arith", """
import torch
def f(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return x + y * 2 - x / 4
""", [(t23, torch.ones(3))]),
    case("scalar_first", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return 1 + x, 2 - x, 3 * x
""", [(t23,)]),
    case("tensor_index_slice", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return x[0], x[:, 1:], x[1, -1]
""", [(t23,)]),
    case("tensor_inplace_aug", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y += 1
    y *= 2
    return y
""", [(t23,)]),
    case("tensor_setitem", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[0] = 7.0
    y[1, 1:] = torch.zeros(2)
    return y
""", [(t23,)]),
    case("tensor_methods_shape", """
import torch
from typing import List
def f(x: torch.Tensor) -> List[int]:
    s = x.shape
    return [s[0], s[1], x.dim(), x.size(1), x.numel()]
""", [(t23,)]),
    case("tensor_item_loop", """
import torch
def f(x: torch.Tensor) -> float:
    s = 0.0
    for i in range(x.size(0)):
        s += x[i].sum().item()
    return s
""", [(t23,)]),
    case("relu_functional", """
import torch
import torch.nn.functional as F
def f(x: torch.Tensor) -> torch.Tensor:
    return F.relu(x - 2.0) + torch.relu(x)
""", [(t23,)]),
    case("tensor_bool_condition", """
import torch
def f(x: torch.Tensor) -> int:
    if x.sum() > 10:
        return 1
    return 0
""", [(t23,), (torch.zeros(2),)]),
    case("no_grad_block", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        y = x * 2
    return y
""", [(t23,)]),
    case("tensor_dtype_conversions", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return (x > 2).float() + x.long().float()
""", [(t23,)]),
    case("unannotated_param_is_tensor", """
def f(x, y):
    return x * y
""", [(t23, torch.full((3,), 2.0))]),
]
