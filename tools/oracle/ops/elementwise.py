"""Element-wise ops: unary math, activations, arithmetic, comparisons,
bitwise/logical ops, where/lerp/addcmul, casts, copies and fills.

Python bools are not used as Scalar arguments: torch.ops turns them into
ints, while TorchScript keeps them bools, so the two would disagree.

Covers every dtype PyTorch has on CPU (including the ones it refuses: those
cases record PyTorch's error, and ember must refuse too), broadcasting,
non-contiguous and transposed inputs, 0-dim and empty tensors, type
promotion mixes and in-place ops.
"""
import torch

from opcase import case, positive, t

ALL = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
       torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.bool]
INTS = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]
FLOATS = [torch.float16, torch.bfloat16, torch.float32, torch.float64]
NAN, INF = float("nan"), float("inf")


def dn(dt):
    return str(dt).replace("torch.", "")


def special(dtype=torch.float32):
    """Values that exercise NaN, infinities, signed zero and rounding ties."""
    return torch.tensor([NAN, INF, -INF, 0.0, -0.0, 0.5, -0.5, 1.5, -2.5, 2.5, 3.7, -3.7], dtype=dtype)


def unit(*shape, dtype=torch.float32):
    return t(*shape, dtype=dtype, low=-0.95, high=0.95)


CASES = []
add = CASES.append

# ---------------------------------------------------------------- unary float-valued math
FLOAT_UNARY = {
    "exp": t, "expm1": t, "log": positive, "log2": positive, "log10": positive, "log1p": positive,
    "sqrt": positive, "rsqrt": positive, "sin": t, "cos": t, "tan": unit, "asin": unit, "acos": unit,
    "atan": t, "sinh": t, "cosh": t, "tanh": t, "sigmoid": t, "erf": t, "erfc": t, "reciprocal": positive,
}
for op, gen in FLOAT_UNARY.items():
    add(case(f"aten::{op}", gen(3, 5), name=f"{op}_f32"))
    add(case(f"aten::{op}", gen(4, 3, dtype=torch.float64), name=f"{op}_f64"))
    add(case(f"aten::{op}", gen(7, dtype=torch.bfloat16), name=f"{op}_bf16"))
    add(case(f"aten::{op}", gen(5, dtype=torch.float16), name=f"{op}_f16"))  # mostly refused on CPU
    add(case(f"aten::{op}_", gen(2, 3), name=f"{op}_inplace"))
for dt in INTS + [torch.bool]:
    add(case("aten::exp", t(2, 3, dtype=dt), name=f"exp_int_promotes_{dn(dt)}"))
    add(case("aten::sigmoid", t(4, dtype=dt), name=f"sigmoid_{dn(dt)}"))
add(case("aten::sqrt", torch.tensor([0, 1, 4, 9, 2], dtype=torch.int32), name="sqrt_int32"))
add(case("aten::exp_", t(3, dtype=torch.int32), name="exp_inplace_int_refused"))
add(case("aten::sigmoid_", t(3, dtype=torch.bool), name="sigmoid_inplace_bool_refused"))
add(case("aten::exp", t(3, 4, noncontig=True), name="exp_noncontig"))
add(case("aten::sigmoid", t(4, 5).t(), name="sigmoid_transposed"))
add(case("aten::tanh", torch.linspace(-12, 12, 97), name="tanh_range"))
add(case("aten::tanh", torch.tensor([1e-6, -3e-4, 0.3, 0.62, 0.63, -0.7, 9.0, NAN, INF, -INF]), name="tanh_edges"))
add(case("aten::exp", torch.tensor([-110.0, -100.0, -88.0, -20.0, 0.0, 1e-7, 20.0, 88.0, 88.7, 89.0, NAN, INF, -INF]),
         name="exp_edges"))
add(case("aten::sigmoid", torch.linspace(-120, 120, 101), name="sigmoid_range"))
add(case("aten::sigmoid", t(40000), name="sigmoid_large_parallel"))
add(case("aten::log", torch.tensor([0.0, -1.0, INF, NAN, 1e-30]), name="log_edges"))
add(case("aten::reciprocal", torch.tensor([0, 2, -4], dtype=torch.int64), name="reciprocal_int"))
add(case("aten::exp", t(), name="exp_0dim"))
add(case("aten::exp", t(0, 3), name="exp_empty"))

# ---------------------------------------------------------------- type-preserving unary
for op in ["abs", "neg", "sign", "floor", "ceil", "round", "trunc", "frac", "square", "bitwise_not", "logical_not"]:
    for dt in ALL:
        add(case(f"aten::{op}", t(2, 3, dtype=dt), name=f"{op}_{dn(dt)}"))
for op in ["abs", "neg", "sign", "floor", "ceil", "round", "trunc", "frac"]:
    add(case(f"aten::{op}", special(), name=f"{op}_special"))
    add(case(f"aten::{op}_", t(2, 3), name=f"{op}_inplace"))
add(case("aten::abs", torch.tensor([-128, -5, 0, 127], dtype=torch.int8), name="abs_int8_min"))
add(case("aten::neg", torch.tensor([-128, -5, 0, 127], dtype=torch.int8), name="neg_int8_min"))
add(case("aten::neg", torch.tensor([0, 1, 200], dtype=torch.uint8), name="neg_uint8_wraps"))
add(case("aten::neg_", t(3, dtype=torch.bool), name="neg_inplace_bool_refused"))
add(case("aten::square_", t(3, dtype=torch.bool), name="square_inplace_bool_refused"))
add(case("aten::logical_not_", torch.tensor([0.0, 2.5, -1.0]), name="logical_not_inplace_float"))
add(case("aten::logical_not_", torch.tensor([0, 3, 255], dtype=torch.uint8), name="logical_not_inplace_uint8"))
add(case("aten::bitwise_not", torch.tensor([0, 1, -1, 127, -128], dtype=torch.int8), name="bitwise_not_int8"))
add(case("aten::round.decimals", t(3, 4, low=-100, high=100), decimals=2, name="round_decimals_2"))
add(case("aten::round.decimals", torch.tensor([125.0, 235.0, -155.0, 1449.0]), decimals=-1, name="round_decimals_neg"))
add(case("aten::round.decimals", t(3, dtype=torch.float64), decimals=3, name="round_decimals_f64"))
add(case("aten::round.decimals", t(3, dtype=torch.int64), decimals=1, name="round_decimals_int_refused"))
add(case("aten::round.decimals", t(3, dtype=torch.float16), decimals=1, name="round_decimals_f16_refused"))
add(case("aten::round_.decimals", t(5), decimals=1, name="round_inplace_decimals"))
add(case("aten::floor", t(3, 4, noncontig=True), name="floor_noncontig"))
add(case("aten::abs", t(3, 4).t(), name="abs_transposed"))

for op in ["isnan", "isinf", "isfinite"]:
    for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
        add(case(f"aten::{op}", special(dt), name=f"{op}_{dn(dt)}"))
    add(case(f"aten::{op}", t(4, dtype=torch.int32), name=f"{op}_int"))
    add(case(f"aten::{op}", t(4, dtype=torch.bool), name=f"{op}_bool"))
for dt in FLOATS:
    add(case("aten::nan_to_num", special(dt), name=f"nan_to_num_{dn(dt)}"))
add(case("aten::nan_to_num", special(), 1.0, 100.0, -100.0, name="nan_to_num_values"))
add(case("aten::nan_to_num", special(torch.float16), None, 1e6, None, name="nan_to_num_f16_posinf_overflows"))
add(case("aten::nan_to_num", t(4, dtype=torch.int32), name="nan_to_num_int"))
add(case("aten::nan_to_num_", special(), 0.5, name="nan_to_num_inplace"))

# ---------------------------------------------------------------- activations
for dt in ALL:
    add(case("aten::relu", t(2, 5, dtype=dt), name=f"relu_{dn(dt)}"))
for op in ["gelu", "silu", "hardswish", "hardsigmoid", "mish", "relu6", "leaky_relu", "elu", "softplus"]:
    for dt in [torch.float32, torch.float64, torch.bfloat16, torch.float16, torch.int32]:
        add(case(f"aten::{op}", t(3, 7, low=-6, high=6, dtype=dt), name=f"{op}_{dn(dt)}"))
for op in ["relu", "relu6", "gelu", "silu", "hardswish", "hardsigmoid", "mish", "leaky_relu", "elu"]:
    add(case(f"aten::{op}_", t(2, 4, low=-5, high=5), name=f"{op}_inplace"))
add(case("aten::relu", special(), name="relu_nan"))
add(case("aten::relu_", t(3, dtype=torch.bool), name="relu_inplace_bool_refused"))
add(case("aten::relu", t(4, 6).t(), name="relu_transposed"))
add(case("aten::relu", t(50000), name="relu_large_parallel"))
add(case("aten::gelu", t(4, 5, low=-5, high=5), approximate="tanh", name="gelu_tanh"))
add(case("aten::gelu", t(4, 5, low=-5, high=5, dtype=torch.float64), approximate="tanh", name="gelu_tanh_f64"))
add(case("aten::gelu", t(3), approximate="exact", name="gelu_bad_approximate"))
add(case("aten::gelu", torch.linspace(-10, 10, 201), name="gelu_range"))
add(case("aten::gelu_", t(3, 3), approximate="tanh", name="gelu_inplace_tanh"))
add(case("aten::silu", torch.linspace(-100, 100, 201), name="silu_range"))
add(case("aten::hardtanh", t(2, 6, low=-3, high=3), -0.5, 2.0, name="hardtanh_bounds"))
add(case("aten::hardtanh", t(2, 6, dtype=torch.int32, low=-5, high=5), -2, 3, name="hardtanh_int"))
add(case("aten::hardtanh", t(2, 6, dtype=torch.int32, low=-5, high=5), -2.7, 3.9, name="hardtanh_int_float_bounds"))
add(case("aten::hardtanh", t(4, dtype=torch.uint8), name="hardtanh_uint8_negative_refused"))
add(case("aten::hardtanh", t(4, dtype=torch.uint8), 0, 2, name="hardtanh_uint8"))
add(case("aten::hardtanh", t(4, dtype=torch.bool), name="hardtanh_bool_refused"))
add(case("aten::hardtanh_", t(2, 3), 0.0, 6.0, name="hardtanh_inplace"))
add(case("aten::leaky_relu", t(3, 4), 0.2, name="leaky_relu_slope"))
add(case("aten::leaky_relu_", t(3, 4), 0.1, name="leaky_relu_inplace_slope"))
add(case("aten::elu", t(3, 4), 0.5, 2.0, 1.5, name="elu_params"))
add(case("aten::softplus", t(3, 4, low=-30, high=30), 2.0, 10.0, name="softplus_params"))

# ---------------------------------------------------------------- clamp
add(case("aten::clamp", t(3, 4), -1.0, 1.0, name="clamp_both"))
add(case("aten::clamp", t(3, 4), None, 0.5, name="clamp_max_only"))
add(case("aten::clamp", t(3, 4), -0.5, None, name="clamp_min_only"))
add(case("aten::clamp", t(3, 4), 1.0, -1.0, name="clamp_min_above_max"))
add(case("aten::clamp", special(), -1.0, 1.0, name="clamp_nan"))
add(case("aten::clamp", t(3, dtype=torch.int32), None, None, name="clamp_no_bounds"))
add(case("aten::clamp", t(6, dtype=torch.int32), 0.5, 2, name="clamp_int_float_bound_promotes"))
add(case("aten::clamp", t(6, dtype=torch.int8), -1, 2, name="clamp_int8"))
add(case("aten::clamp", t(6, dtype=torch.int8), -1000, 2, name="clamp_int8_bound_overflow"))
add(case("aten::clamp", t(6, dtype=torch.bool), 0, 1, name="clamp_bool_promotes"))
add(case("aten::clamp", t(6, dtype=torch.float16), 0, 1, name="clamp_f16_refused"))
add(case("aten::clamp", t(6, dtype=torch.bfloat16), -0.5, 0.5, name="clamp_bf16"))
add(case("aten::clamp_", t(6, dtype=torch.int32), 0.5, None, name="clamp_inplace_promotion_refused"))
add(case("aten::clamp_", t(2, 3), -1, 1, name="clamp_inplace"))
add(case("aten::clamp.Tensor", t(3, 4), t(4, low=-3, high=0), t(3, 1, low=0, high=3), name="clamp_tensor_broadcast"))
add(case("aten::clamp.Tensor", t(3, 4), None, t(4), name="clamp_tensor_max_only"))
add(case("aten::clamp.Tensor", t(3, 4, dtype=torch.int32), t(4), None, name="clamp_tensor_int_min_float"))
add(case("aten::clamp.Tensor", t(4), torch.tensor([NAN, 0.0, -1.0, 0.0]), torch.tensor([1.0, NAN, 1.0, 2.0]),
         name="clamp_tensor_nan_bounds"))
add(case("aten::clamp.Tensor", t(4, dtype=torch.bool), t(4, dtype=torch.bool), t(4, dtype=torch.bool),
         name="clamp_tensor_bool_refused"))
add(case("aten::clamp_.Tensor", t(3, 4), t(4, low=-3, high=0), t(4, low=0, high=3), name="clamp_inplace_tensor"))
add(case("aten::clamp_min", t(3, 4), 0.0, name="clamp_min_scalar"))
add(case("aten::clamp_min", t(3, dtype=torch.bool), 0, name="clamp_min_bool"))
add(case("aten::clamp_max", t(3, 4, dtype=torch.int64), 1, name="clamp_max_scalar_int"))
add(case("aten::clamp_max", t(3, dtype=torch.float16), 1, name="clamp_max_f16_refused"))
add(case("aten::clamp_min.Tensor", t(3, 4), t(4), name="clamp_min_tensor"))
add(case("aten::clamp_max.Tensor", t(3, 4, dtype=torch.float16), t(4), name="clamp_max_tensor_f16_promotes"))
add(case("aten::clamp_min_", t(3, 4), -0.25, name="clamp_min_inplace"))
add(case("aten::clamp_max_.Tensor", t(3, 4), t(3, 1), name="clamp_max_inplace_tensor"))
add(case("aten::clip", t(3, 4), -1.0, 1.0, name="clip"))

# ---------------------------------------------------------------- add / sub / mul / div
for dt in ALL:
    add(case("aten::add.Tensor", t(2, 3, dtype=dt), t(2, 3, dtype=dt), name=f"add_{dn(dt)}"))
    add(case("aten::mul.Tensor", t(2, 3, dtype=dt), t(3, dtype=dt), name=f"mul_bcast_{dn(dt)}"))
    add(case("aten::sub.Tensor", t(3, 1, dtype=dt), t(4, dtype=dt), name=f"sub_outer_{dn(dt)}"))
    add(case("aten::div.Tensor", t(2, 3, dtype=dt), t(2, 3, dtype=dt, low=1, high=4), name=f"div_{dn(dt)}"))
add(case("aten::add.Tensor", t(2, 3), t(2, 3), alpha=2.5, name="add_alpha"))
add(case("aten::add.Tensor", t(2, 3, dtype=torch.int32), t(2, 3, dtype=torch.int32), alpha=-3, name="add_alpha_int"))
add(case("aten::add.Tensor", t(2, 3, dtype=torch.int32), t(2, 3, dtype=torch.int32), alpha=1.5,
         name="add_alpha_float_int_refused"))
add(case("aten::add.Tensor", t(2, dtype=torch.int8), t(2, dtype=torch.int8), alpha=1000, name="add_alpha_overflow"))
add(case("aten::add.Tensor", torch.tensor([100, 120, -128], dtype=torch.int8), torch.tensor([100, 10, -1], dtype=torch.int8),
         name="add_int8_wraps"))
add(case("aten::add.Tensor", torch.tensor([2**62, -2**63]), torch.tensor([2**62, -1]), name="add_int64_wraps"))
add(case("aten::mul.Tensor", torch.tensor([2**40, 3]), torch.tensor([2**40, -5]), name="mul_int64_wraps"))
add(case("aten::add.Tensor", t(2, 1, 4), t(3, 1), name="add_bcast_3d"))
add(case("aten::add.Tensor", t(2, 3), t(4, 3), name="add_bcast_mismatch"))
add(case("aten::add.Tensor", t(3), t(4), name="add_size_mismatch"))
add(case("aten::add.Tensor", t(), t(), name="add_0dim"))
add(case("aten::add.Tensor", t(0, 3), t(3), name="add_empty"))
add(case("aten::add.Tensor", t(1, 0), t(3, 1), name="add_empty_bcast"))
add(case("aten::add.Tensor", t(3, 4, noncontig=True), t(3, 4, noncontig=True), name="add_noncontig"))
add(case("aten::add.Tensor", t(4, 3).t(), t(3, 4), name="add_transposed_contig"))
add(case("aten::add.Tensor", t(4, 3).t(), t(4), name="add_transposed_bcast"))
add(case("aten::mul.Tensor", t(3, 4, 2).permute(2, 0, 1), t(4, 2, 3).permute(1, 2, 0), name="mul_permuted"))
add(case("aten::add.Tensor", t(200, 300), t(300), name="add_large_parallel"))
add(case("aten::mul.Tensor", t(300, 200).t(), t(300), name="mul_large_parallel_transposed"))
add(case("aten::add.Scalar", t(2, 3, dtype=torch.int32), 2.5, name="add_int_tensor_float_scalar"))
add(case("aten::add.Scalar", t(2, 3, dtype=torch.int32), 2, name="add_int_tensor_int_scalar"))
add(case("aten::add.Scalar", t(2, 3, dtype=torch.int32), True, name="add_int_tensor_bool_scalar"))
add(case("aten::add.Scalar", t(2, 3, dtype=torch.bool), 3, name="add_bool_tensor_int_scalar"))
add(case("aten::add.Scalar", t(2, 3, dtype=torch.float16), 2.5, name="add_f16_scalar"))
add(case("aten::add.Scalar", t(2, 3), 2, 3, name="add_scalar_alpha"))
add(case("aten::add.Tensor", t(3, dtype=torch.uint8), t(3, dtype=torch.int8), name="add_uint8_int8"))
add(case("aten::add.Tensor", torch.tensor(2.5, dtype=torch.float64), t(3), name="add_0dim_double_float"))
add(case("aten::add.Tensor", torch.tensor(7), t(3, dtype=torch.uint8), name="add_0dim_long_uint8"))
add(case("aten::add.Tensor", torch.tensor(2.5), t(3, dtype=torch.int32), name="add_0dim_float_int"))
add(case("aten::add.Tensor", t(3, dtype=torch.float16), t(3, dtype=torch.bfloat16), name="add_half_bfloat16"))
add(case("aten::add.Tensor", t(3, dtype=torch.bool), t(3, dtype=torch.int16), name="add_bool_int16"))
add(case("aten::add.Tensor", t(3, dtype=torch.int64), t(3, dtype=torch.float64), name="add_long_double"))
add(case("aten::add_.Tensor", t(2, 3), t(3, dtype=torch.int32), name="add_inplace_float_int"))
add(case("aten::add_.Tensor", t(2, 3), t(2, 3, dtype=torch.float64), name="add_inplace_float_double"))
add(case("aten::add_.Tensor", t(2, 3, dtype=torch.int32), t(2, 3), name="add_inplace_int_float_refused"))
add(case("aten::add_.Tensor", t(3), t(2, 3), name="add_inplace_output_shape_refused"))
add(case("aten::add_.Tensor", t(2, 3, dtype=torch.int32), t(2, 3, dtype=torch.bool), name="add_inplace_int_bool"))
add(case("aten::add_.Tensor", t(2, 3, dtype=torch.bool), t(2, 3, dtype=torch.int32), name="add_inplace_bool_int_refused"))
add(case("aten::add_.Tensor", t(1).expand(3), t(3), name="add_inplace_expanded_refused"))
add(case("aten::add_.Tensor", t(4, 3).t(), t(3, 4), name="add_inplace_transposed"))
add(case("aten::add_.Scalar", t(2, 3, dtype=torch.int32), 2.5, name="add_inplace_int_float_scalar_refused"))
add(case("aten::add_.Scalar", t(2, 3), 1, name="add_inplace_scalar"))
add(case("aten::sub.Tensor", t(3, dtype=torch.bool), t(3, dtype=torch.bool), name="sub_bool_bool_refused"))
add(case("aten::sub.Tensor", t(3, dtype=torch.bool), t(3, dtype=torch.int32), name="sub_bool_int_refused"))
add(case("aten::sub.Tensor", t(3), t(3), alpha=0.5, name="sub_alpha"))
add(case("aten::sub.Scalar", t(3, dtype=torch.uint8), 5, name="sub_uint8_scalar_wraps"))
add(case("aten::sub_.Tensor", t(2, 3), t(3), alpha=2, name="sub_inplace"))
add(case("aten::rsub.Tensor", t(2, 3), t(3), alpha=2, name="rsub_tensor"))
add(case("aten::rsub.Scalar", t(2, 3, dtype=torch.int64), 1, name="rsub_scalar_int"))
add(case("aten::rsub.Scalar", t(2, 3), 1.5, 2, name="rsub_scalar_alpha"))
add(case("aten::mul.Scalar", t(2, 3, dtype=torch.int32), 2.5, name="mul_int_float_scalar"))
add(case("aten::mul.Scalar", t(2, 3, dtype=torch.bool), 3, name="mul_bool_int_scalar"))
add(case("aten::mul.Scalar", t(2, 3, dtype=torch.float16), 1e6, name="mul_f16_scalar_overflow_inf"))
add(case("aten::mul_.Tensor", t(2, 3), t(2, 1), name="mul_inplace_bcast"))
add(case("aten::mul_.Scalar", t(2, 3, dtype=torch.int64), 3, name="mul_inplace_scalar"))
add(case("aten::mul.Tensor", t(5, dtype=torch.bool), t(5, dtype=torch.bool), name="mul_bool_and"))
add(case("aten::div.Tensor", t(3, dtype=torch.int32), torch.tensor([0, 2, -3], dtype=torch.int32), name="div_int_by_zero_true"))
add(case("aten::div.Tensor", torch.tensor([1.0, -1.0, 0.0]), torch.tensor([0.0, 0.0, 0.0]), name="div_float_by_zero"))
add(case("aten::div.Scalar", t(3, dtype=torch.int64), 2, name="div_int_scalar"))
add(case("aten::div_.Tensor", t(3, dtype=torch.int32), t(3, dtype=torch.int32), name="div_inplace_int_refused"))
add(case("aten::div_.Scalar", t(2, 3), 4, name="div_inplace_scalar"))
add(case("aten::true_divide.Tensor", t(3, dtype=torch.int16), t(3, dtype=torch.int16, low=1), name="true_divide_int"))

DIVIDEND = torch.tensor([7, -7, 7, -7, 0, 5, -128], dtype=torch.int64)
DIVISOR = torch.tensor([2, 2, -2, -2, 3, 5, -1], dtype=torch.int64)
for mode in ["trunc", "floor"]:
    for dt in [torch.int8, torch.int32, torch.int64, torch.uint8]:
        a = DIVIDEND.abs().to(dt) if dt == torch.uint8 else DIVIDEND.to(dt)
        b = DIVISOR.abs().to(dt) if dt == torch.uint8 else DIVISOR.to(dt)
        add(case("aten::div.Tensor_mode", a, b, rounding_mode=mode, name=f"div_{mode}_{dn(dt)}"))
    for dt in [torch.float32, torch.float64, torch.bfloat16, torch.float16]:
        add(case("aten::div.Tensor_mode", t(3, 4, low=-9, high=9, dtype=dt), t(4, low=0.5, high=3, dtype=dt),
                 rounding_mode=mode, name=f"div_{mode}_{dn(dt)}"))
    add(case("aten::div.Tensor_mode", t(3, dtype=torch.int32), torch.tensor([1, 0, 2], dtype=torch.int32),
             rounding_mode=mode, name=f"div_{mode}_int_by_zero"))
    add(case("aten::div.Tensor_mode", torch.tensor([5.0, -5.0, 0.0]), torch.tensor([0.0, 0.0, 0.0]),
             rounding_mode=mode, name=f"div_{mode}_float_by_zero"))
    add(case("aten::div.Tensor_mode", t(3, dtype=torch.bool), t(3, dtype=torch.bool), rounding_mode=mode,
             name=f"div_{mode}_bool_refused"))
    add(case("aten::div.Scalar_mode", t(2, 3, dtype=torch.int32), 2, rounding_mode=mode, name=f"div_{mode}_scalar"))
    add(case("aten::div_.Tensor_mode", t(2, 3), t(3, low=1), rounding_mode=mode, name=f"div_{mode}_inplace"))
add(case("aten::div.Tensor_mode", t(3), t(3), rounding_mode=None, name="div_mode_none"))
add(case("aten::div.Tensor_mode", t(3), t(3), rounding_mode="round", name="div_bad_mode"))
add(case("aten::div.Tensor_mode", torch.tensor([5.0, -5.0, 5.0, -5.0, 1e-30]), torch.tensor([3.0, 3.0, -3.0, -3.0, -1.0]),
         rounding_mode="floor", name="div_floor_signs"))
add(case("aten::floor_divide", DIVIDEND, DIVISOR, name="floor_divide_int"))
add(case("aten::floor_divide", t(3, 4), t(4, low=0.5), name="floor_divide_float"))
add(case("aten::floor_divide.Scalar", t(3, dtype=torch.int32), 0, name="floor_divide_by_zero"))
add(case("aten::floor_divide_.Scalar", t(3, dtype=torch.int64), 2, name="floor_divide_inplace"))

# ---------------------------------------------------------------- remainder / fmod / pow
for op in ["remainder", "fmod"]:
    add(case(f"aten::{op}.Tensor", DIVIDEND, DIVISOR, name=f"{op}_int64"))
    add(case(f"aten::{op}.Tensor", DIVIDEND.to(torch.int8), DIVISOR.to(torch.int8), name=f"{op}_int8"))
    add(case(f"aten::{op}.Tensor", torch.tensor([5.0, -5.0, 5.0, -5.0, 0.5, -0.0]),
             torch.tensor([3.0, 3.0, -3.0, -3.0, 0.0, 2.0]), name=f"{op}_float_signs"))
    add(case(f"aten::{op}.Tensor", t(3, 4, low=-9, high=9), t(4, low=0.5, high=3), name=f"{op}_f32"))
    add(case(f"aten::{op}.Tensor", t(3, 4, low=-9, high=9, dtype=torch.bfloat16), t(4, low=0.5, high=3, dtype=torch.bfloat16),
             name=f"{op}_bf16"))
    add(case(f"aten::{op}.Tensor", t(3, 4, low=-9, high=9, dtype=torch.float16), t(4, low=0.5, high=3, dtype=torch.float16),
             name=f"{op}_f16"))
    add(case(f"aten::{op}.Scalar", t(5, dtype=torch.int32, low=-9, high=9), 0, name=f"{op}_int_by_zero"))
    add(case(f"aten::{op}.Scalar", t(5, dtype=torch.int32, low=-9, high=9), 2.5, name=f"{op}_int_float_scalar"))
    add(case(f"aten::{op}.Tensor", t(3, dtype=torch.bool), t(3, dtype=torch.bool), name=f"{op}_bool_refused"))
    add(case(f"aten::{op}_.Scalar", t(5, dtype=torch.int64, low=-9, high=9), -4, name=f"{op}_inplace"))
add(case("aten::remainder.Scalar_Tensor", 5, torch.tensor([3, -3, 4, -4]), name="remainder_scalar_tensor"))
add(case("aten::remainder.Scalar_Tensor", 5.5, torch.tensor([3, -3, 4, -4]), name="remainder_float_scalar_tensor"))

add(case("aten::pow.Tensor_Tensor", torch.tensor([2, 3, -2, 1, -1, -1, 0, 5], dtype=torch.int64),
         torch.tensor([10, 3, 3, -5, -3, -2, 0, 30], dtype=torch.int64), name="pow_int64"))
add(case("aten::pow.Tensor_Tensor", torch.tensor([2, 3, -2, 7], dtype=torch.int8), torch.tensor([7, 5, 7, 3], dtype=torch.int8),
         name="pow_int8_wraps"))
add(case("aten::pow.Tensor_Tensor", positive(3, 4), t(4), name="pow_float"))
add(case("aten::pow.Tensor_Tensor", t(4), torch.tensor([2.0, 0.5, 3.0, -1.0]), name="pow_float_negative_base"))
add(case("aten::pow.Tensor_Tensor", positive(3, dtype=torch.bfloat16), t(3, dtype=torch.bfloat16), name="pow_bf16"))
add(case("aten::pow.Tensor_Tensor", positive(3, dtype=torch.float16), t(3, dtype=torch.float16), name="pow_f16"))
add(case("aten::pow.Tensor_Tensor", t(3, dtype=torch.bool), t(3, dtype=torch.bool), name="pow_bool_refused"))
add(case("aten::pow.Tensor_Tensor", t(3, dtype=torch.int32), t(3), name="pow_int_float_tensor"))
for e in [2, 3, 0.5, -0.5, -1.0, -2.0, 2.5, 0, 1, 0.0, 1.0]:
    add(case("aten::pow.Tensor_Scalar", positive(2, 3), e, name=f"pow_scalar_{e}"))
for dt in [torch.int32, torch.uint8, torch.bool, torch.float16, torch.bfloat16, torch.float64]:
    add(case("aten::pow.Tensor_Scalar", t(2, 3, dtype=dt), 2, name=f"pow_scalar2_{dn(dt)}"))
add(case("aten::pow.Tensor_Scalar", t(3, dtype=torch.int32), 2.5, name="pow_int_tensor_float_exp"))
add(case("aten::pow.Tensor_Scalar", t(3, dtype=torch.int32), -1, name="pow_int_negative_exp_refused"))
add(case("aten::pow.Tensor_Scalar", t(3, dtype=torch.bool), 0, name="pow_bool_zero"))
add(case("aten::pow.Scalar", 2, torch.tensor([-1, 0, 3, 10]), name="pow_scalar_base_int"))
add(case("aten::pow.Scalar", 2.5, torch.tensor([-1, 0, 3]), name="pow_scalar_base_float"))
add(case("aten::pow.Scalar", 1, torch.tensor([-1, 0, 3]), name="pow_scalar_base_one"))
add(case("aten::pow.Scalar", 2, t(3), name="pow_scalar_base_float_tensor"))
add(case("aten::pow.Scalar", 2, torch.tensor([True, False]), name="pow_scalar_base_bool_tensor"))
add(case("aten::pow_.Scalar", t(2, 3), 2, name="pow_inplace_scalar"))
add(case("aten::pow_.Scalar", t(2, 3, dtype=torch.int32), 0.5, name="pow_inplace_int_float_refused"))
add(case("aten::pow_.Tensor", positive(2, 3), t(3), name="pow_inplace_tensor"))

# ---------------------------------------------------------------- maximum / minimum / atan2
for op in ["maximum", "minimum"]:
    for dt in ALL:
        add(case(f"aten::{op}", t(2, 3, dtype=dt), t(3, dtype=dt), name=f"{op}_{dn(dt)}"))
    add(case(f"aten::{op}", torch.tensor([NAN, 1.0, 2.0, -INF]), torch.tensor([1.0, NAN, 3.0, 0.0]), name=f"{op}_nan"))
    add(case(f"aten::{op}", t(3, dtype=torch.int32), t(3), name=f"{op}_int_float"))
add(case("aten::max.other", t(2, 3), t(2, 3), name="max_other"))
add(case("aten::min.other", t(2, 3, dtype=torch.int64), t(1, 3, dtype=torch.int64), name="min_other"))
add(case("aten::atan2", t(3, 4), t(4), name="atan2_f32"))
add(case("aten::atan2", t(3, dtype=torch.int32), t(3, dtype=torch.int32), name="atan2_int"))
add(case("aten::atan2", t(3, dtype=torch.float16), t(3, dtype=torch.float16), name="atan2_f16_refused"))
add(case("aten::atan2", torch.tensor([0.0, -0.0, 0.0, -0.0, 1.0]), torch.tensor([0.0, 0.0, -0.0, -0.0, -INF]),
         name="atan2_signed_zeros"))
add(case("aten::atan2_", t(3, 4), t(4), name="atan2_inplace"))

# ---------------------------------------------------------------- bitwise / shifts / logical
for op in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
    for dt in ALL:
        add(case(f"aten::{op}.Tensor", t(2, 3, dtype=dt, low=-100, high=100), t(3, dtype=dt, low=-100, high=100),
                 name=f"{op}_{dn(dt)}"))
    add(case(f"aten::{op}.Scalar", t(4, dtype=torch.int32, low=-100, high=100), 6, name=f"{op}_scalar"))
    add(case(f"aten::{op}.Scalar", t(4, dtype=torch.int32), 6.5, name=f"{op}_float_scalar_refused"))
    add(case(f"aten::{op}.Scalar_Tensor", 12, t(4, dtype=torch.int16, low=-100, high=100), name=f"{op}_scalar_tensor"))
    add(case(f"aten::{op}_.Tensor", t(4, dtype=torch.bool), t(4, dtype=torch.bool), name=f"{op}_inplace_bool"))
add(case("aten::__and__.Tensor", t(5, dtype=torch.bool), t(5, dtype=torch.bool), name="dunder_and"))
add(case("aten::__or__.Scalar", t(5, dtype=torch.int64, low=0, high=100), 1, name="dunder_or_scalar"))
add(case("aten::__ixor__.Tensor", t(5, dtype=torch.uint8, low=0, high=255), t(5, dtype=torch.uint8, low=0, high=255),
         name="dunder_ixor"))
SHIFT_A = torch.tensor([1, -8, 100, -100, 3, 77], dtype=torch.int64)
SHIFT_B = torch.tensor([0, 1, 3, 2, 40, -1], dtype=torch.int64)
for dt in [torch.int8, torch.int16, torch.int32, torch.int64]:
    add(case("aten::bitwise_left_shift.Tensor", SHIFT_A.to(dt), SHIFT_B.to(dt), name=f"lshift_{dn(dt)}"))
    add(case("aten::bitwise_right_shift.Tensor", SHIFT_A.to(dt), SHIFT_B.to(dt), name=f"rshift_{dn(dt)}"))
add(case("aten::bitwise_left_shift.Tensor", torch.tensor([1, 200, 3], dtype=torch.uint8), torch.tensor([7, 1, 9], dtype=torch.uint8),
         name="lshift_uint8"))
add(case("aten::bitwise_right_shift.Tensor", torch.tensor([1, 200, 3], dtype=torch.uint8), torch.tensor([7, 1, 9], dtype=torch.uint8),
         name="rshift_uint8"))
add(case("aten::bitwise_left_shift.Tensor_Scalar", t(4, dtype=torch.int32), 3, name="lshift_scalar"))
add(case("aten::bitwise_right_shift.Scalar_Tensor", 1024, torch.tensor([1, 2, 3, 10]), name="rshift_scalar_tensor"))
add(case("aten::__lshift__.Scalar", t(4), 2, name="lshift_float_refused"))
add(case("aten::__rshift__.Tensor", t(4, dtype=torch.bool), t(4, dtype=torch.bool), name="rshift_bool_refused"))
add(case("aten::__irshift__.Scalar", t(4, dtype=torch.int64, low=-100, high=100), 2, name="dunder_irshift"))

for op in ["logical_and", "logical_or", "logical_xor"]:
    for dt in [torch.bool, torch.int32, torch.float32, torch.float16, torch.uint8]:
        add(case(f"aten::{op}", t(2, 4, dtype=dt, low=-1, high=1), t(4, dtype=dt, low=-1, high=1), name=f"{op}_{dn(dt)}"))
    add(case(f"aten::{op}", t(4, dtype=torch.int32, low=-1, high=1), t(4, low=-1, high=1), name=f"{op}_mixed"))
    add(case(f"aten::{op}_", t(4, low=-1, high=1), t(4, dtype=torch.bool), name=f"{op}_inplace_float"))

# ---------------------------------------------------------------- comparisons
for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
    for dt in ALL:
        add(case(f"aten::{op}.Tensor", t(2, 3, dtype=dt, low=-2, high=2), t(3, dtype=dt, low=-2, high=2),
                 name=f"{op}_{dn(dt)}"))
    add(case(f"aten::{op}.Scalar", t(2, 3, dtype=torch.int32, low=-3, high=3), 1.5, name=f"{op}_int_float_scalar"))
    add(case(f"aten::{op}.Scalar", t(2, 3, dtype=torch.uint8), -1, name=f"{op}_uint8_negative_scalar"))
    add(case(f"aten::{op}.Tensor", special(), torch.tensor(0.5), name=f"{op}_special"))
    add(case(f"aten::{op}_.Tensor", t(2, 3), t(3), name=f"{op}_inplace_float"))
    add(case(f"aten::{op}_.Scalar", t(2, 3, dtype=torch.int64), 0, name=f"{op}_inplace_int_scalar"))
add(case("aten::eq.Tensor", t(3, dtype=torch.int64), t(3, dtype=torch.float64), name="eq_long_double"))
add(case("aten::lt.Tensor", t(3, 4, noncontig=True), t(4, 3).t(), name="lt_noncontig"))
add(case("aten::gt.Tensor", t(2, 3), t(4, 3), name="gt_bcast_mismatch"))
add(case("aten::gt.Scalar", t(0, 2), 0, name="gt_empty"))
add(case("aten::ge.Scalar", torch.tensor(3), 3, name="ge_0dim"))
add(case("aten::eq.Scalar", t(2, 3, dtype=torch.bool), True, name="eq_bool_scalar"))

# ---------------------------------------------------------------- where / lerp / addcmul / addcdiv
for dt in ALL:
    add(case("aten::where.self", t(2, 3, dtype=torch.bool), t(2, 3, dtype=dt), t(3, dtype=dt), name=f"where_{dn(dt)}"))
add(case("aten::where.self", t(3, 1, dtype=torch.bool), t(4), t(3, 4, dtype=torch.float64), name="where_bcast_promote"))
add(case("aten::where.self", torch.tensor([1, 0, 3], dtype=torch.uint8), t(3), t(3), name="where_uint8_cond"))
add(case("aten::where.self", t(3, dtype=torch.int32), t(3), t(3), name="where_int_cond_refused"))
add(case("aten::where.self", t(3, 4, dtype=torch.bool, noncontig=True), t(4, 3).t(), t(4), name="where_noncontig"))
add(case("aten::where.ScalarSelf", t(2, 3, dtype=torch.bool), 1.5, t(2, 3, dtype=torch.int32), name="where_scalar_self"))
add(case("aten::where.ScalarOther", t(2, 3, dtype=torch.bool), t(2, 3, dtype=torch.int32), 2.5, name="where_scalar_other"))
add(case("aten::where.Scalar", t(2, 3, dtype=torch.bool), 1.0, 0, name="where_scalars_float"))
add(case("aten::where.Scalar", t(2, 3, dtype=torch.bool), 1, 0, name="where_scalars_int"))

add(case("aten::lerp.Scalar", t(3, 4), t(4), 0.3, name="lerp_scalar_low"))
add(case("aten::lerp.Scalar", t(3, 4), t(4), 0.8, name="lerp_scalar_high"))
add(case("aten::lerp.Scalar", t(3, dtype=torch.float64), t(3, dtype=torch.float64), 2, name="lerp_f64_int_weight"))
add(case("aten::lerp.Scalar", t(3, dtype=torch.bfloat16), t(3, dtype=torch.bfloat16), 0.5, name="lerp_bf16"))
add(case("aten::lerp.Scalar", t(3), t(3, dtype=torch.float64), 0.5, name="lerp_dtype_mismatch"))
add(case("aten::lerp.Scalar", t(3, dtype=torch.int32), t(3, dtype=torch.int32), 0.5, name="lerp_int_refused"))
add(case("aten::lerp.Tensor", t(3, 4), t(4), t(3, 1), name="lerp_tensor"))
add(case("aten::lerp.Tensor", t(3), t(3), t(3, dtype=torch.float64), name="lerp_weight_dtype_mismatch"))
add(case("aten::lerp_.Scalar", t(3, 4), t(4), 0.25, name="lerp_inplace"))
add(case("aten::addcmul", t(3, 4), t(4), t(3, 1), value=0.5, name="addcmul_f32"))
add(case("aten::addcmul", t(3, dtype=torch.int32), t(3, dtype=torch.int32), t(3, dtype=torch.int32), value=2,
         name="addcmul_int"))
add(case("aten::addcmul", t(3, dtype=torch.int32), t(3), t(3, dtype=torch.int32), name="addcmul_promote"))
add(case("aten::addcmul", t(3, dtype=torch.float16), t(3, dtype=torch.float16), t(3, dtype=torch.float16),
         name="addcmul_f16_refused"))
add(case("aten::addcmul_", t(3, 4), t(4), t(4), value=-1, name="addcmul_inplace"))
add(case("aten::addcdiv", t(3, 4), t(4), positive(3, 1), value=0.5, name="addcdiv_f32"))
add(case("aten::addcdiv", t(3), t(3, dtype=torch.int32), t(3, dtype=torch.int32, low=1), name="addcdiv_int_refused"))
add(case("aten::addcdiv", t(3, dtype=torch.float64), t(3, dtype=torch.float64), positive(3, dtype=torch.float64),
         name="addcdiv_f64"))
add(case("aten::addcdiv_", t(3, 4), t(4), positive(4), value=2, name="addcdiv_inplace"))

# ---------------------------------------------------------------- casts, copies, fills, conversions
CAST_SRC = torch.tensor([-2.7, -1.5, -0.5, 0.0, 0.4, 1.5, 2.5, 100.9, 127.0])
for dt in ALL:
    add(case("aten::to.dtype", CAST_SRC, dt, name=f"to_from_f32_to_{dn(dt)}"))
    add(case("aten::to.dtype", t(2, 3, dtype=dt), torch.float32, name=f"to_{dn(dt)}_to_f32"))
    add(case("aten::to.dtype", t(2, 3, dtype=dt), torch.int64, name=f"to_{dn(dt)}_to_i64"))
    add(case("aten::to.dtype", t(3, dtype=dt), torch.bool, name=f"to_{dn(dt)}_to_bool"))
add(case("aten::to.dtype", special(), torch.bool, name="to_special_to_bool"))
add(case("aten::to.dtype", torch.tensor([70000.0, 1e-8, -70000.0, 65504.0]), torch.float16, name="to_f16_overflow"))
add(case("aten::to.dtype", torch.tensor([1.00390625, 1.01171875, 3e38, 1e-40]), torch.bfloat16, name="to_bf16_rounding"))
add(case("aten::to.dtype", torch.tensor([300, -1, 255, 256], dtype=torch.int64), torch.uint8, name="to_i64_to_u8_wraps"))
add(case("aten::to.dtype", t(3, 4).t(), torch.float64, name="to_transposed"))
add(case("aten::to.dtype", t(3, 4, noncontig=True), torch.int32, name="to_noncontig"))
add(case("aten::to.dtype", t(3), torch.float32, name="to_same_dtype"))
add(case("aten::to.dtype", t(3), torch.float32, False, True, name="to_same_dtype_copy"))
add(case("aten::to.dtype", t(), torch.int32, name="to_0dim"))
add(case("aten::to.dtype", t(0, 2), torch.int32, name="to_empty"))
add(case("aten::to.other", t(3, dtype=torch.int32), t(2, dtype=torch.float64), name="to_other"))
add(case("aten::to.dtype_layout", t(3), dtype=torch.float16, name="to_dtype_layout"))
add(case("aten::type_as", t(3), t(1, dtype=torch.int16), name="type_as"))
add(case("aten::_cast_Long", t(3), name="cast_long"))

add(case("aten::copy_", t(2, 3), t(3, dtype=torch.int32), name="copy_bcast_convert"))
add(case("aten::copy_", t(2, 3, dtype=torch.uint8), torch.tensor([-1.5, 2.7, 300.0]), name="copy_float_to_uint8"))
add(case("aten::copy_", t(3), t(4), name="copy_size_mismatch"))
add(case("aten::copy_", t(3), t(2, 3), name="copy_output_shape_refused"))
add(case("aten::copy_", t(4, 3).t(), t(3, 4), name="copy_into_transposed"))
add(case("aten::copy_", t(3, 4), t(4, 3).t(), name="copy_from_transposed"))
add(case("aten::copy_", t(2, 3, dtype=torch.bool), t(2, 3), name="copy_float_to_bool"))
add(case("aten::copy_", t(), t(1, 1), name="copy_into_0dim"))
for dt in [torch.int8, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.bool, torch.float64]:
    add(case("aten::fill_.Scalar", t(2, 3, dtype=dt), 2.7, name=f"fill_float_{dn(dt)}"))
    add(case("aten::fill_.Scalar", t(2, 3, dtype=dt), -1, name=f"fill_minus_one_{dn(dt)}"))
add(case("aten::fill_.Scalar", t(3, dtype=torch.int8), 1000, name="fill_int8_overflow"))
add(case("aten::fill_.Scalar", t(3, dtype=torch.uint8), -256, name="fill_uint8_overflow"))
add(case("aten::fill_.Scalar", t(3, dtype=torch.float16), 1e6, name="fill_f16_overflow"))
add(case("aten::fill_.Scalar", t(3, dtype=torch.float16), INF, name="fill_f16_inf"))
add(case("aten::fill_.Scalar", t(3, dtype=torch.int32), NAN, name="fill_int_nan_refused"))
add(case("aten::fill_.Scalar", t(3, 4, noncontig=True), 5, name="fill_noncontig"))
add(case("aten::fill_.Tensor", t(2, 3, dtype=torch.int32), torch.tensor(2.7), name="fill_tensor"))
add(case("aten::fill_.Tensor", t(3), t(2), name="fill_tensor_not_0dim_refused"))
add(case("aten::zero_", t(2, 3, dtype=torch.int16), name="zero"))
add(case("aten::clone", t(4, 3).t(), name="clone_transposed"))
add(case("aten::clone", t(3, 4, noncontig=True), name="clone_noncontig"))
add(case("aten::clone", t(2, 3, 4, 5), memory_format=2, name="clone_channels_last"))
add(case("aten::clone", t(2, 3, dtype=torch.bfloat16), name="clone_bf16"))
add(case("aten::contiguous", t(4, 3).t(), name="contiguous_transposed"))
add(case("aten::contiguous", t(2, 3, 4, 5), memory_format=2, name="contiguous_channels_last"))
add(case("aten::detach", t(2, 3), name="detach"))
add(case("aten::Float.Tensor", torch.tensor([2.5], dtype=torch.float64), name="float_tensor"))
add(case("aten::Float.Tensor", torch.tensor(3, dtype=torch.int32), name="float_tensor_int"))
add(case("aten::Float.Tensor", t(2), name="float_tensor_two_elements_refused"))
add(case("aten::Int.Tensor", torch.tensor([-2.7]), name="int_tensor_truncates"))
add(case("aten::Int.Tensor", torch.tensor([[7]], dtype=torch.uint8), name="int_tensor_uint8"))
add(case("aten::Int.Tensor", t(0), name="int_tensor_empty_refused"))
add(case("aten::Bool.Tensor", torch.tensor([NAN]), name="bool_tensor_nan"))
add(case("aten::Bool.Tensor", torch.tensor(0), name="bool_tensor_zero"))
add(case("aten::Bool.Tensor", t(2), name="bool_tensor_ambiguous"))
add(case("aten::Bool.Tensor", t(0), name="bool_tensor_empty"))
add(case("aten::IntImplicit", torch.tensor(5), name="int_implicit"))
add(case("aten::IntImplicit", torch.tensor([5]), name="int_implicit_dim_refused"))
add(case("aten::IntImplicit", torch.tensor(5.0), name="int_implicit_float_refused"))
add(case("aten::FloatImplicit", torch.tensor(5), name="float_implicit"))
add(case("aten::ScalarImplicit", torch.tensor(2.5, dtype=torch.float64), name="scalar_implicit"))
add(case("aten::item", torch.tensor([True]), name="item_bool"))
