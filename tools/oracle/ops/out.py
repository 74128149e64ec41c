"""out= variants that serialized model code calls (F.normalize's torch.div(..., out=out))."""
import torch

from opcase import case, t

CASES = []


def add(*args, **kwargs):
    CASES.append(case(*args, **kwargs))


for op in ("div", "mul", "add", "sub"):
    o = f"aten::{op}.out"
    add(o, t(2, 3), t(2, 3, low=1, high=3), out=torch.empty(2, 3), name=f"{op}_out_same_shape")
    add(o, t(2, 3), t(3, low=1, high=3), out=torch.empty(2, 3), name=f"{op}_out_broadcast")
    add(o, t(2, 3), t(2, 3, low=1, high=3), out=torch.empty(0), name=f"{op}_out_resized_from_empty")
    add(o, t(3), t(3, low=1, high=3), out=torch.empty(5), name=f"{op}_out_resized_from_other")
    add(o, t(4, 3), t(4, 3, low=1, high=3), out=torch.empty(3, 4).t(), name=f"{op}_out_noncontig_out")
    add(o, t(2, 3, dtype=torch.int32), t(2, 3, dtype=torch.int32, low=1, high=3), out=torch.empty(2, 3, dtype=torch.float64),
        name=f"{op}_out_int_into_double")
    add(o, t(2), t(2), out=torch.empty(2, dtype=torch.bool), name=f"err_{op}_out_float_into_bool")
add("aten::div.out", t(3, dtype=torch.int64), t(3, dtype=torch.int64, low=1, high=3), out=torch.empty(3, dtype=torch.int64),
    name="err_div_out_true_division_into_long")
add("aten::mul.out", t(3, dtype=torch.int64), t(3, dtype=torch.int64), out=torch.empty(3, dtype=torch.int64),
    name="mul_out_long")
add("aten::add.out", t(3), t(3), alpha=2, out=torch.empty(3), name="add_out_alpha")
add("aten::sub.out", t(3, dtype=torch.int32), t(3, dtype=torch.int32), alpha=3, out=torch.empty(3, dtype=torch.int32),
    name="sub_out_alpha_int")
add("aten::div.out", t(2, 3), t(4, 3), out=torch.empty(2, 3), name="err_div_out_not_broadcastable")
