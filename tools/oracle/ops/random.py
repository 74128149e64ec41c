"""Random sampling. ember's generator is not PyTorch's, so values are checked
only where they are determined (p = 0 or 1, std = 0, from == to, a single
possible integer, a permutation of one element); elsewhere dtype and shape
(check_values=False), plus every refusal."""
import torch

from opcase import case, t

CASES = []
F16, BF16, F32, F64 = torch.float16, torch.bfloat16, torch.float32, torch.float64
INTS = (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64)


def add(*args, **kwargs):
    CASES.append(case(*args, **kwargs))


def short(dt):
    return str(dt).replace("torch.", "")


# ---- bernoulli_ / bernoulli (torchvision's stochastic_depth: empty(...).bernoulli_(survival_rate))
B_ = "aten::bernoulli_.float"
for dt in (F32, F64, BF16, torch.bool) + INTS:
    add(B_, t(2, 3, dtype=dt), 1.0, name=f"bernoulli__p1_{short(dt)}")
    add(B_, t(2, 3, dtype=dt), 0.0, name=f"bernoulli__p0_{short(dt)}")
add(B_, t(4, 5), name="bernoulli__default_half", check_values=False)
add(B_, t(4, 5), 0.3, name="bernoulli__random", check_values=False)
add(B_, t(4, 6, noncontig=True), 1.0, name="bernoulli__noncontig_p1")
add(B_, t(), 1.0, name="bernoulli__0dim")
add(B_, t(0, 3), 0.5, name="bernoulli__empty")
add(B_, t(3), 1.5, name="err_bernoulli__p_above_1")
add(B_, t(3), -0.5, name="err_bernoulli__p_negative")
add(B_, t(3, dtype=F16), 1.0, name="err_bernoulli__half")
BT_ = "aten::bernoulli_.Tensor"
p01 = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
add(BT_, t(2, 3), p01, name="bernoulli__tensor_p")
add(BT_, t(2, 3, dtype=torch.int32), p01.double(), name="bernoulli__tensor_p_int_self")
add(BT_, t(2, 3), torch.tensor([1.0, 0.0, 1.0]), name="bernoulli__tensor_p_broadcast")
add(BT_, t(2, 3), t(2, 3, low=0, high=1), name="bernoulli__tensor_p_random", check_values=False)
add(BT_, t(3), torch.tensor([2.0, 0.0, 1.0]), name="err_bernoulli__tensor_p_range")
add(BT_, t(3), torch.tensor([1, 0, 1]), name="err_bernoulli__tensor_p_long")
add(BT_, t(3), torch.ones(2, 3), name="err_bernoulli__tensor_p_not_broadcastable")
add("aten::bernoulli", p01, name="bernoulli_self_p")
add("aten::bernoulli", p01.double(), name="bernoulli_self_p_f64")
add("aten::bernoulli", t(3, 4, low=0, high=1), name="bernoulli_random", check_values=False)
add("aten::bernoulli", torch.tensor([1, 0, 1]), name="err_bernoulli_long")
add("aten::bernoulli", torch.tensor([1.0, 0.0, 2.0]), name="err_bernoulli_range")
add("aten::bernoulli.p", t(2, 3), 1.0, name="bernoulli_p1")
add("aten::bernoulli.p", t(2, 3, dtype=torch.int64), 0.0, name="bernoulli_p0_int")
add("aten::bernoulli.p", t(2, 3), 2.0, name="err_bernoulli_p_range")
add("aten::bernoulli.Tensor", t(2, 3), p01, name="bernoulli_tensor")

# ---- uniform_ / normal_
for dt in (F32, F64, F16, BF16):
    add("aten::uniform_", t(3, 4, dtype=dt), 2.0, 2.0, name=f"uniform__point_{short(dt)}")
    add("aten::normal_", t(3, 4, dtype=dt), 1.5, 0.0, name=f"normal__zero_std_{short(dt)}")
add("aten::uniform_", t(50), name="uniform__default", check_values=False)
add("aten::uniform_", t(4, 6, noncontig=True), -1.0, -1.0, name="uniform__noncontig_point")
add("aten::uniform_", t(3), 2.0, 1.0, name="err_uniform__from_gt_to")
add("aten::uniform_", t(3, dtype=torch.int64), 0.0, 1.0, name="err_uniform__long")
add("aten::normal_", t(50), name="normal__default", check_values=False)
add("aten::normal_", t(3), 0.0, -1.0, name="err_normal__negative_std")
add("aten::normal_", t(3, dtype=torch.int64), name="err_normal__long")

# ---- factories
for op in ("aten::rand", "aten::randn"):
    nm = op.split("::")[1]
    add(op, [2, 3], name=f"{nm}_default", check_values=False)
    add(op, [2, 3], dtype=F64, name=f"{nm}_f64", check_values=False)
    add(op, [2, 3], dtype=BF16, name=f"{nm}_bf16", check_values=False)
    add(op, [0, 3], name=f"{nm}_empty")
    add(op, [], name=f"{nm}_0dim", check_values=False)
    add(op, [2, 3], dtype=torch.int64, name=f"err_{nm}_long")
    add(op, [-1], name=f"err_{nm}_negative_dim")
add("aten::rand", [2, 3], dtype=F16, name="rand_f16", check_values=False)
add("aten::rand_like", t(2, 3, dtype=F64), name="rand_like_f64", check_values=False)
add("aten::rand_like", t(2, 3), dtype=BF16, name="rand_like_dtype", check_values=False)
add("aten::rand_like", t(2, dtype=torch.int32), name="err_rand_like_int")
add("aten::randn_like", t(2, 3), name="randn_like", check_values=False)
add("aten::randn_like", t(2, dtype=torch.int64), name="err_randn_like_long")
add("aten::randint", 1, [2, 3], name="randint_single_value")
add("aten::randint", 10, [4, 5], name="randint_range", check_values=False)
add("aten::randint", 10, [4], dtype=F32, name="randint_float", check_values=False)
add("aten::randint", 0, [3], name="err_randint_empty_range")
add("aten::randint.low", 4, 5, [3], dtype=F32, name="randint_low_single_value_float")
add("aten::randint.low", -3, -2, [2, 2], dtype=torch.int8, name="randint_low_negative")
add("aten::randint.low", 0, 2, [6], dtype=torch.bool, name="randint_low_bool", check_values=False)
add("aten::randint.low", 5, 5, [3], name="err_randint_low_equal")
add("aten::randint.low", 4, 5, [3], dtype=torch.bool, name="err_randint_low_bool_bounds")
add("aten::randint_like", t(2, 3), 1, name="randint_like_single_value")
add("aten::randperm", 1, name="randperm_one")
add("aten::randperm", 0, name="randperm_zero")
add("aten::randperm", 10, name="randperm_ten", check_values=False)
add("aten::randperm", 5, dtype=F32, name="randperm_float", check_values=False)
add("aten::randperm", 300, dtype=torch.uint8, name="err_randperm_uint8_overflow")
add("aten::randperm", -1, name="err_randperm_negative")
