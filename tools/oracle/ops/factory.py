"""Factories: zeros/ones/full/empty and their _like and new_ forms, arange, linspace, eye, scalar tensors.

aten::tensor(t[] data) takes a generic list that torch.ops cannot pass from
Python; tests/ops/factory_ops_test.cpp covers it.
"""
import torch

from opcase import case, t

f32, f64, f16, bf16 = torch.float32, torch.float64, torch.float16, torch.bfloat16
i8, u8, i16, i32, i64, b = torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool
ALL = [f32, f64, f16, bf16, i8, u8, i16, i32, i64, b]


def short(dt):
    return str(dt).replace("torch.", "")


CASES = [
    # ---- zeros / ones / full / empty
    case("aten::zeros", [2, 3]),
    *[case("aten::zeros", [2, 2], dtype=dt, name=f"zeros_{short(dt)}") for dt in (f16, i8, b)],
    case("aten::zeros", [0, 3], name="zeros_empty"),
    case("aten::zeros", [], name="zeros_0d"),
    case("aten::zeros", [2, 3], dtype=torch.float64, device="cpu", pin_memory=False,
         name="zeros_all_options"),
    case("aten::zeros", [-1, 2], name="zeros_negative"),
    case("aten::ones", [3]),
    *[case("aten::ones", [2, 2], dtype=dt, name=f"ones_{short(dt)}") for dt in ALL],
    case("aten::full", [2, 3], 7),
    case("aten::full", [2, 3], 2.5, name="full_float"),
    *[case("aten::full", [2], 3, dtype=dt, name=f"full_int_{short(dt)}") for dt in ALL],
    case("aten::full", [2], 2.7, dtype=i32, name="full_float_into_int"),
    case("aten::full", [2], -1, dtype=u8, name="full_uint8_wraps"),
    case("aten::full", [2], 300, dtype=u8, name="full_uint8_overflow"),
    case("aten::full", [2], -200, dtype=i8, name="full_int8_overflow"),
    case("aten::full", [2], 70000, dtype=i16, name="full_int16_overflow"),
    case("aten::full", [2], float("nan"), dtype=i32, name="full_nan_into_int"),
    case("aten::full", [2], float("inf"), dtype=i64, name="full_inf_into_int"),
    case("aten::full", [2], 1e39, dtype=f32, name="full_float_overflow"),
    case("aten::full", [2], 100000, dtype=f16, name="full_half_overflow"),
    case("aten::full", [2], 1e39, dtype=bf16, name="full_bfloat16_overflow"),
    case("aten::full", [2], float("inf"), dtype=f16, name="full_half_inf"),
    case("aten::full", [2], float("nan"), dtype=b, name="full_nan_into_bool"),
    case("aten::full", [2], 2, dtype=b, name="full_two_into_bool"),
    case("aten::full", [2], 1e300, dtype=f64, name="full_double_big"),
    case("aten::empty.memory_format", [2, 3], check_values=False),
    case("aten::empty.memory_format", [2, 3], dtype=i16, check_values=False, name="empty_int16"),
    case("aten::empty.memory_format", [-2], name="empty_negative"),
    case("aten::empty_strided", [2, 3], [1, 2], check_values=False),
    # ---- _like / new_
    case("aten::zeros_like", t(2, 3, dtype=i32)),
    case("aten::zeros_like", t(2, 3), dtype=f16, name="zeros_like_dtype"),
    case("aten::ones_like", t(3, 2).t()),
    case("aten::ones_like", t(2, dtype=b), name="ones_like_bool"),
    case("aten::full_like", t(2, 3, dtype=i32), 2.7),
    case("aten::full_like", t(2, 3), 4, dtype=i64, name="full_like_dtype"),
    case("aten::full_like", t(2, dtype=i8), 200, name="full_like_overflow"),
    case("aten::empty_like", t(2, 3, dtype=bf16), check_values=False),
    case("aten::new_zeros", t(1, dtype=i32), [2, 2]),
    case("aten::new_ones", t(1, dtype=f16), [3]),
    case("aten::new_full", t(1, dtype=i32), [2], 2.5),
    case("aten::new_full", t(1), [2], 5, dtype=f64, name="new_full_dtype"),
    case("aten::new_empty", t(1, dtype=u8), [4], check_values=False),
    # ---- arange
    case("aten::arange", 5),
    case("aten::arange", 5.0, name="arange_float_end"),
    case("aten::arange", 0, name="arange_zero"),
    case("aten::arange", 7, dtype=f16, name="arange_half"),
    case("aten::arange", -3, name="arange_negative_end"),
    case("aten::arange.start", 2, 9),
    case("aten::arange.start", -1.5, 2, name="arange_start_float"),
    case("aten::arange.start", 3, 3, name="arange_start_empty"),
    case("aten::arange.start", 0, float("inf"), name="arange_infinite"),
    case("aten::arange.start_step", 0, 1, 0.1),
    case("aten::arange.start_step", 5, 0, -2, name="arange_negative_step"),
    case("aten::arange.start_step", 0, 10, 3, dtype=f32, name="arange_int_args_float"),
    case("aten::arange.start_step", 0.5, 5.0, 1.5, dtype=i64, name="arange_float_args_int64"),
    case("aten::arange.start_step", 0, 10, 0.7, dtype=f16, name="arange_half_step"),
    case("aten::arange.start_step", 1, 2, 0.1, dtype=f64, name="arange_double"),
    case("aten::arange.start_step", 0, 300, 7, dtype=u8, name="arange_uint8_wraps"),
    case("aten::arange.start_step", -10, 10, 3, dtype=i8, name="arange_int8"),
    case("aten::arange.start_step", 0, 1, 0.25, dtype=bf16, name="arange_bfloat16"),
    case("aten::arange.start_step", 0, 10, 2.5, dtype=i32, name="arange_int32_float_step"),
    case("aten::arange.start_step", 0, 5, 0, name="arange_zero_step"),
    case("aten::arange.start_step", 0, 5, -1, name="arange_wrong_sign"),
    case("aten::arange.start_step", 0, 2, 1, dtype=b, name="arange_bool"),
    # ---- linspace / eye
    case("aten::linspace", 0, 1, 5),
    case("aten::linspace", -2.5, 7.25, 11, dtype=f64, name="linspace_double"),
    case("aten::linspace", 0, 10, 4, dtype=i64, name="linspace_int"),
    case("aten::linspace", 10, -3, 6, dtype=i16, name="linspace_int_descending"),
    case("aten::linspace", 0, 1, 7, dtype=f16, name="linspace_half"),
    case("aten::linspace", 0, 3, 9, dtype=bf16, name="linspace_bfloat16"),
    case("aten::linspace", 3, 10, 1, name="linspace_one"),
    case("aten::linspace", 3, 10, 0, name="linspace_zero"),
    case("aten::linspace", 0, 10, -1, name="linspace_negative"),
    case("aten::eye", 3),
    case("aten::eye", 2, dtype=b, name="eye_bool"),
    case("aten::eye.m", 2, 4),
    case("aten::eye.m", 4, 2, dtype=i32, name="eye_tall"),
    case("aten::eye.m", 0, 3, name="eye_empty"),
    case("aten::eye", -1, name="eye_negative"),
    case("aten::eye.m", 2, -1, name="eye_negative_m"),
    # ---- scalar tensors
    case("aten::scalar_tensor", 3),
    case("aten::scalar_tensor", 2.5, dtype=f64, name="scalar_tensor_double"),
    case("aten::scalar_tensor", 7, dtype=i8, name="scalar_tensor_int8"),
    case("aten::scalar_tensor", 300, dtype=u8, name="scalar_tensor_overflow"),
    case("aten::tensor.float", 1.5),
    case("aten::tensor.float", 1.5, dtype=f64, name="tensor_float_double"),
    case("aten::tensor.int", 3),
    case("aten::tensor.int", 3, dtype=f16, name="tensor_int_half"),
    case("aten::tensor.int", 2 ** 40, dtype=i32, name="tensor_int_wraps"),
    case("aten::tensor.bool", True),
    case("aten::tensor.bool", False, dtype=f32, name="tensor_bool_float"),
    case("aten::as_tensor", t(2, 3, dtype=i32), dtype=f64),
    case("aten::as_tensor.float", 2.25),
    case("aten::as_tensor.int", 7, dtype=i8),
    case("aten::as_tensor.bool", True),
    case("aten::as_tensor", t(2, dtype=i64), name="as_tensor_same_dtype"),
]
