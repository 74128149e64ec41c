import torch


def case(name, src, calls=None, fn="f", **kw):
    return dict({"name": name, "src": src, "calls": calls or [()], "fn": fn}, **kw)


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


t23 = torch.arange(6, dtype=torch.float32).reshape(2, 3)
i4 = torch.tensor([3, -1, 4, 1])

CASES = [
    # Pitfall 12: torch.tensor(number) takes eager PyTorch's dtype (int64 / float32 / bool).
    case("tensor_from_numbers_dtypes", """
import torch
from typing import Tuple
def f(a: int, b: float, c: bool) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    return torch.tensor(a), torch.tensor(b), torch.tensor(c), torch.tensor(3), torch.tensor(2.5)
""", [(1, 2.0, True), (-7, 0.1, False)]),
    case("tensor_shape_and_size", """
import torch
from typing import List, Tuple
def f(x: torch.Tensor) -> Tuple[List[int], int, int, int]:
    return x.shape, x.size(0), x.size(-1), x.dim()
""", [(t23,)]),
    case("tensor_item_and_float", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[float, int, bool]:
    return float(x.sum()), int(x.max()), bool(x.min() == 0)
""", [(t23,)]),
    case("tensor_loop_over_rows", """
import torch
def f(x: torch.Tensor) -> float:
    s = 0.0
    for row in x:
        s += float(row.max())
    return s
""", [(t23,)]),
    case("tensor_comparison_where", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return torch.where(x > 2, x, torch.zeros_like(x))
""", [(t23,)]),
    case("tensor_dtype_checks", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[bool, bool, int]:
    return x.dtype == torch.float32, x.is_floating_point(), x.numel()
""", [(t23,), (i4,)]),
    case("tensor_to_dtype", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x.to(torch.int64) * 2 + x.long()
""", [(t23 / 2,)]),
    case("tensor_factories", """
import torch
from typing import List
def f(n: int) -> List[torch.Tensor]:
    return [torch.zeros(n), torch.ones(n, 2), torch.arange(n), torch.full([2], 1.5), torch.eye(n)]
""", [(3,)]),
    case("tensor_cat_stack", """
import torch
from typing import Tuple
def f(a: torch.Tensor, b: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    return torch.cat([a, b], dim=0), torch.stack([a, b], dim=1)
""", [(t23, t23 + 10)]),
    case("tensor_reductions", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    return x.sum(0), x.mean(1), x.max(dim=1)[0], x.argmax()
""", [(t23,)]),
    case("tensor_view_reshape", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x.view(3, 2).t().reshape(-1).unsqueeze(0)
""", [(t23,)]),
    case("tensor_inplace_chain", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y.add_(1).mul_(2)
    y.clamp_(max=8.0)
    return y
""", [(t23,)]),
    case("tensor_list_indexing", """
import torch
from typing import List
def f(xs: List[torch.Tensor]) -> torch.Tensor:
    total = torch.zeros(2)
    for t in xs:
        total += t
    return total / len(xs)
""", [([torch.ones(2), torch.tensor([2.0, 4.0])],)]),
    case("tensor_bool_condition", """
import torch
def f(x: torch.Tensor) -> str:
    if bool(x.sum() > 3):
        return "big"
    return "small"
""", [(t23,), (torch.ones(2),)]),
    case("tensor_implicit_bool_condition", """
import torch
def f(x: torch.Tensor) -> str:
    if x.sum() > 3:
        return "big"
    return "small"
""", [(t23,), (torch.ones(2),)]),
    case("tensor_mod_augassign_is_fmod", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y %= 3
    return y
""", [(torch.tensor([-7.0, 7.0, -2.0]),)]),
    case("tensor_binary_mod_is_remainder", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x % 3
""", [(torch.tensor([-7.0, 7.0, -2.0]),)]),
    case("tensor_scalar_ops_int_tensor", """
import torch
from typing import Tuple
def f(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return x / 2, x // 2, x * 1.5
""", [(i4,)]),
    case("tensor_matmul_and_t", """
import torch
def f(a: torch.Tensor) -> torch.Tensor:
    return a @ a.t()
""", [(t23,)]),
    case("tensor_index_with_list_free", """
import torch
def f(x: torch.Tensor, i: int) -> torch.Tensor:
    return x[i:i + 1, ::2]
""", [(t23, 1)]),
    case("tensor_none_index", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x[None, :, None]
""", [(torch.arange(3.0),)]),
    case("tensor_negative_step_unsupported_free", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x[-2:]
""", [(torch.arange(5.0),)]),
    case("tensor_len", """
import torch
def f(x: torch.Tensor) -> int:
    return len(x)
""", [(t23,)]),
    case("tensor_in_dict_loop", """
import torch
from typing import Dict
def f(d: Dict[str, torch.Tensor]) -> torch.Tensor:
    out = torch.zeros(2)
    for k, v in d.items():
        out = out + v * len(k)
    return out
""", [({"a": torch.ones(2), "bb": torch.ones(2)},)]),
    case("tensor_requires_grad_free_detach", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x.detach().contiguous() + 1
""", [(t23.t(),)]),
    case("tensor_tolist_loop", """
import torch
from typing import List
def f(x: torch.Tensor) -> int:
    xs: List[int] = x.tolist()
    s = 0
    for v in xs:
        s += v
    return s
""", [(i4,)]),
    case("tensor_setitem_loop", """
import torch
def f(n: int) -> torch.Tensor:
    x = torch.zeros(n, n)
    for i in range(n):
        x[i, i] = float(i + 1)
        x[i, 0] += 1.0
    return x
""", [(3,)]),
    case("tensor_setitem_bool_mask_tensor_value", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[y < 0] = -y[y < 0]
    return y
""", [(torch.tensor([-1.0, 2.0, -3.0]),)]),
    case("tensor_masked_aug", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()
    y[y > 1] += 10.0
    return y
""", [(torch.tensor([0.0, 2.0, 3.0]),)]),
    neg("tensor_wrong_method", """
import torch
def f(x: torch.Tensor) -> torch.Tensor:
    return x.no_such_method()
"""),
    case("tensor_returned_as_int", """
import torch
def f(x: torch.Tensor) -> int:
    return x
""", [(torch.tensor(3),), (torch.tensor([1, 2]),)]),
]
