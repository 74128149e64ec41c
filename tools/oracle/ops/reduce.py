"""Reductions, scans and softmax: sum, mean, prod, min/max, arg*, any/all,
var/std, norms, logsumexp, cumsum/cumprod, count_nonzero, softmax."""
import torch

from opcase import case, t

F16, BF16, F32, F64 = torch.float16, torch.bfloat16, torch.float32, torch.float64
INTS = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]
FLOATS = [F32, F64, F16, BF16]
ALL = FLOATS + INTS + [torch.bool]
NAN, INF = float("nan"), float("inf")

CASES = []


def add(op, *args, **kwargs):
    CASES.append(case(op, *args, **kwargs))


def short(dt):
    return str(dt).replace("torch.", "")


def tr(*shape, dtype=F32):
    """A transposed (non-contiguous) view of shape."""
    return t(*reversed(shape), dtype=dtype).permute(*reversed(range(len(shape))))


# ---------------------------------------------------------------- sum
for dt in ALL:
    add("aten::sum", t(3, 5, dtype=dt), name=f"sum_full_{short(dt)}")
    add("aten::sum.dim_IntList", t(2, 3, 4, dtype=dt), [1], name=f"sum_dim1_{short(dt)}")
add("aten::sum.dim_IntList", t(2, 3, 4), [1], True, name="sum_keepdim")
add("aten::sum.dim_IntList", t(2, 3, 4), [-1, 0], name="sum_neg_dims")
add("aten::sum.dim_IntList", t(2, 3, 4), [0, 2], True, name="sum_two_dims_keepdim")
add("aten::sum.dim_IntList", t(2, 3, 4), [], name="sum_empty_list_is_all")
add("aten::sum.dim_IntList", t(2, 3, 4), None, True, name="sum_none_keepdim")
add("aten::sum.dim_IntList", t(2, 3, 4, dtype=torch.int32), [1], False, dtype=F64, name="sum_int_dtype_f64")
add("aten::sum", t(4, dtype=F16), dtype=F32, name="sum_half_dtype_f32")
add("aten::sum", torch.tensor([1.5, 2.7, -0.4]), dtype=torch.int32, name="sum_float_dtype_int_casts_first")
add("aten::sum", torch.full((100,), 100, dtype=torch.int8), dtype=torch.int8, name="sum_int8_wraps")
add("aten::sum.dim_IntList", tr(5, 7), [0], name="sum_transposed_dim0")
add("aten::sum.dim_IntList", tr(5, 7), [1], name="sum_transposed_dim1")
add("aten::sum.dim_IntList", t(4, 6, noncontig=True), [1], name="sum_strided_last")
add("aten::sum.dim_IntList", t(4, 6, noncontig=True), [0], name="sum_strided_first")
add("aten::sum.dim_IntList", t(3, 4, 5).permute(2, 0, 1), [0, 2], name="sum_permuted")
add("aten::sum.dim_IntList", t(2, 1, 3).expand(2, 4, 3), [1], name="sum_expanded_dim")
add("aten::sum", t(), name="sum_0dim")
add("aten::sum.dim_IntList", t(), [0], name="sum_0dim_dim0")
add("aten::sum.dim_IntList", t(), [-1], True, name="sum_0dim_dim_neg1")
add("aten::sum", t(0, 3), name="sum_empty")
add("aten::sum.dim_IntList", t(0, 3), [0], name="sum_empty_dim0_zeros")
add("aten::sum.dim_IntList", t(0, 3), [1], name="sum_empty_dim1_empty")
add("aten::sum", t(100000), name="sum_100k", tol=(1e-5, 1e-4))
add("aten::sum", t(1000000, low=0, high=1), name="sum_1m_positive")
add("aten::sum.dim_IntList", t(2000, 300), [0], name="sum_rows_2000x300", tol=(1e-5, 1e-4))
add("aten::sum.dim_IntList", t(300, 2000), [1], name="sum_cols_300x2000", tol=(1e-5, 1e-4))
add("aten::sum.dim_IntList", t(64, 32, 7, 7), [2, 3], name="sum_spatial", tol=(1e-5, 1e-5))
add("aten::sum.dim_IntList", t(8, 64, 49), [0, 2], name="sum_channels")
add("aten::sum", torch.full((3000,), 1.0, dtype=F16), name="sum_half_3000")
add("aten::sum.dim_IntList", t(2, 3), [0, -2], name="sum_dup_dim_error")
add("aten::sum.dim_IntList", t(2, 3), [2], name="sum_dim_out_of_range")
add("aten::sum.dim_IntList", t(), [1], name="sum_0dim_out_of_range")
add("aten::nansum", torch.tensor([[1.0, NAN], [2.0, 3.0]]), [1], name="nansum_dim")
add("aten::nansum", torch.tensor([1, 2, 3]), name="nansum_int")

# ---------------------------------------------------------------- mean
for dt in FLOATS:
    add("aten::mean", t(3, 5, dtype=dt), name=f"mean_full_{short(dt)}")
add("aten::mean.dim", t(2, 3, 4), [-1], True, name="mean_keepdim")
add("aten::mean.dim", t(2, 3, 4), [0, 2], name="mean_two_dims")
add("aten::mean.dim", t(2, 3, 4), [], name="mean_empty_list_is_all")
add("aten::mean.dim", t(2, 3, 4), None, name="mean_none")
add("aten::mean.dim", t(8, 16, 7, 7), [-1, -2], True, name="mean_global_pool")
add("aten::mean.dim", tr(6, 5), [1], name="mean_transposed")
add("aten::mean.dim", t(3, 4, dtype=torch.int64), [0], False, dtype=F32, name="mean_int_with_dtype")
add("aten::mean.dim", t(3, 4), [1], False, dtype=F64, name="mean_dtype_f64")
add("aten::mean", t(3, dtype=torch.int64), name="mean_int_error")
add("aten::mean", t(3, dtype=torch.bool), name="mean_bool_error")
add("aten::mean", t(3), dtype=torch.int64, name="mean_int_dtype_error")
add("aten::mean", t(0, 3), name="mean_empty_nan")
add("aten::mean.dim", t(0, 3), [0], name="mean_empty_dim_nan")
add("aten::mean", t(), name="mean_0dim")
add("aten::mean", t(600, dtype=BF16), name="mean_bf16_600")
add("aten::nanmean", torch.tensor([1.0, NAN, 2.0]), name="nanmean")

# ---------------------------------------------------------------- prod
for dt in [F32, F64, torch.int32, torch.uint8, torch.bool]:
    add("aten::prod", t(2, 3, dtype=dt, low=-2, high=2), name=f"prod_{short(dt)}")
add("aten::prod.dim_int", t(3, 4, low=0.5, high=1.5), 1, True, name="prod_dim_keepdim")
add("aten::prod.dim_int", t(3, 4, dtype=torch.int8), -2, name="prod_dim_int8_to_int64")
add("aten::prod.dim_int", t(0, 2), 0, name="prod_empty_ones")
add("aten::prod", t(3, dtype=torch.int32), dtype=torch.int32, name="prod_dtype_int32")
add("aten::prod", t(3, dtype=F16), name="prod_half_error")
add("aten::prod", t(3, dtype=F16), dtype=F32, name="prod_half_with_dtype")

# ---------------------------------------------------------------- amax / amin / max / min
for dt in ALL:
    add("aten::amax", t(3, 4, dtype=dt), [1], name=f"amax_{short(dt)}")
    add("aten::max", t(3, 4, dtype=dt), name=f"max_full_{short(dt)}")
add("aten::amin", t(2, 3, 4), [0, 2], True, name="amin_two_dims_keepdim")
add("aten::amin", t(2, 3, 4), [], name="amin_all")
add("aten::amax", tr(7, 9), [0], name="amax_transposed")
add("aten::amax", torch.tensor([1.0, NAN, 3.0]), name="amax_nan")
add("aten::min", torch.tensor([[1.0, -INF], [NAN, 2.0]]), name="min_nan")
add("aten::amax", t(0, 3), [1], name="amax_empty_kept")
add("aten::amax", t(0, 3), [0], name="amax_empty_dim_error")
add("aten::amax", t(0, 3), name="amax_empty_all_error")
add("aten::amin", t(2, 0, 3), [2, 1], name="amin_empty_second_dim_error")
add("aten::amax", t(2, 3), [0, 0], name="amax_dup_error")
add("aten::amax", t(), [0], name="amax_0dim")
add("aten::max", t(0, 3), name="max_empty_error")
add("aten::min", t(0), name="min_empty_error")
add("aten::max", t(100000), name="max_100k")

# ---------------------------------------------------------------- max.dim / min.dim / argmax / argmin
for dt in [F32, F64, F16, BF16, torch.int64, torch.uint8, torch.bool]:
    add("aten::max.dim", t(3, 5, dtype=dt), 1, name=f"max_dim_{short(dt)}")
add("aten::max.dim", t(4, 5, dtype=torch.int32), 0, True, name="max_dim0_keepdim_ties")
add("aten::min.dim", t(4, 5, dtype=torch.int32), -1, name="min_dim_ties")
add("aten::min.dim", tr(6, 8), 0, name="min_dim_transposed")
add("aten::max.dim", t(2, 3, 4, noncontig=True), 1, name="max_dim_strided")
add("aten::max.dim", torch.tensor([1.0, NAN, 3.0, NAN]), 0, name="max_dim_nan_first")
add("aten::max.dim", t(2, 0, 3), 2, True, name="max_dim_empty_kept")
add("aten::min.dim", t(2, 0, 3), -2, name="min_dim_empty_error")
add("aten::max.dim", t(), 0, True, name="max_dim_0dim")
add("aten::max.dim", t(), 1, name="max_dim_0dim_out_of_range")
add("aten::max.dim", t(3, 200, 130), 1, name="max_dim_middle_large")
for dt in [F32, F64, BF16, torch.int64, torch.int8]:
    add("aten::argmax", t(4, 6, dtype=dt), 1, name=f"argmax_{short(dt)}")
add("aten::argmax", t(4, 6, dtype=torch.int64), name="argmax_flat_ties")
add("aten::argmin", tr(5, 6), name="argmin_flat_transposed")
add("aten::argmin", t(3, 4, 5, dtype=torch.int32), 0, True, name="argmin_dim0_keepdim")
add("aten::argmax", t(3, 4), None, True, name="argmax_none_keepdim")
add("aten::argmax", torch.tensor([1.0, NAN, 3.0, NAN]), name="argmax_nan")
add("aten::argmax", t(3, dtype=torch.bool), name="argmax_bool_error")
add("aten::argmin", t(0, 3), name="argmin_empty_error")
add("aten::argmax", t(0, 3), 0, name="argmax_empty_dim_error")
add("aten::argmax", t(0, 3), 1, name="argmax_empty_kept")
add("aten::argmax", t(), 0, True, name="argmax_0dim")
add("aten::aminmax", t(3, 4), dim=0, name="aminmax_dim")
add("aten::aminmax", t(3, 4), keepdim=True, name="aminmax_all_keepdim")
add("aten::aminmax", t(0, 3), name="aminmax_empty_error")

# ---------------------------------------------------------------- any / all
for dt in [F32, F16, torch.uint8, torch.int32, torch.bool]:
    add("aten::any", t(3, 4, dtype=dt, low=0, high=1), name=f"any_{short(dt)}")
    add("aten::all.dim", t(3, 4, dtype=dt, low=0, high=1), 1, name=f"all_dim_{short(dt)}")
add("aten::any.dim", torch.tensor([[0.0, 0.0], [0.0, NAN]]), 1, True, name="any_dim_nan_is_true")
add("aten::all", torch.zeros(0, 3), name="all_empty_true")
add("aten::any.dim", torch.zeros(0, 3), 0, name="any_empty_dim_false")
add("aten::any.dim", t(), 0, name="any_0dim")
add("aten::all", t(4, 5, dtype=torch.bool).t(), name="all_transposed")

# ---------------------------------------------------------------- var / std
for dt in FLOATS:
    add("aten::var", t(4, 5, dtype=dt), name=f"var_{short(dt)}")
    add("aten::std.dim", t(4, 5, dtype=dt), [1], name=f"std_dim_{short(dt)}")
add("aten::var", t(5), False, name="var_biased")
add("aten::std.dim", t(3, 4, 5), [0, 2], True, True, name="std_dims_keepdim")
add("aten::std.dim", tr(6, 7), [0], name="std_transposed")
add("aten::var.dim", t(3, 4), [], name="var_empty_list_all")
add("aten::std.correction", t(3, 6), [1], correction=2, name="std_correction_2")
add("aten::var.correction", t(3, 6), None, correction=0, keepdim=True, name="var_correction_0")
add("aten::var.correction", t(3, 4), [1], correction=5, name="var_correction_too_big")
add("aten::var.correction", t(3, 4), [0], correction=None, name="var_correction_default")
add("aten::var_mean", t(4, 5), name="var_mean")
add("aten::var_mean.dim", t(4, 5), [1], True, True, name="var_mean_dim")
add("aten::std_mean.correction", t(4, 5), [0], correction=0, name="std_mean_correction")
add("aten::std_mean.dim", t(4, 5), [-1], False, name="std_mean_dim_biased")
add("aten::var", t(), name="var_0dim_nan")
add("aten::var.dim", t(), [0], False, name="var_0dim_biased")
add("aten::var_mean.dim", t(0, 2), [0], name="var_mean_empty_nan")
add("aten::var", torch.full((1000,), 1e4) + t(1000), name="var_large_offset")
add("aten::var", t(3, dtype=torch.int64), name="var_int_error")
add("aten::std", t(3, dtype=torch.bool), name="std_bool_error")
add("aten::var.dim", t(2, 3), [1, 1], name="var_dup_error")
add("aten::var.dim", t(2000, 64), [0], name="var_rows_2000x64")

# ---------------------------------------------------------------- norms
for p in [0, 1, 2, 3, 0.5, -1, INF, -INF]:
    add("aten::norm.Scalar", t(3, 4), p, name=f"norm_p{p}")
for dt in [F64, F16, BF16]:
    add("aten::norm.Scalar", t(3, 4, dtype=dt), name=f"norm_{short(dt)}")
add("aten::norm.ScalarOpt_dim", t(3, 4, 5), None, [1], name="norm_dim_default_p")
add("aten::norm.ScalarOpt_dim", t(3, 4, 5), 2, [0, 2], True, name="norm_dims_keepdim")
add("aten::norm.ScalarOpt_dim", t(3, 4), 2, [], name="norm_empty_list_all")
add("aten::norm.ScalarOpt_dim", tr(5, 6), 1, [0], name="norm_transposed")
add("aten::norm.ScalarOpt_dim", t(8, 16), 2, [-1], True, name="norm_lastdim_keepdim")
add("aten::norm.ScalarOpt_dtype", t(3, 4), 2, dtype=F64, name="norm_dtype_f64")
add("aten::norm.ScalarOpt_dim_dtype", t(3, 4), 2, [0], False, dtype=F64, name="norm_dim_dtype")
add("aten::norm.ScalarOpt_dtype", t(3, 4), 2, dtype=torch.int64, name="norm_dtype_int_error")
add("aten::norm.Scalar", t(3, dtype=torch.int64), name="norm_int_error")
add("aten::norm.Scalar", torch.tensor([NAN, 2.0]), INF, name="norm_inf_nan")
add("aten::norm.ScalarOpt_dim", t(0, 3), INF, [0], name="norm_empty_inf_zero")
add("aten::norm.Scalar", t(), name="norm_0dim")
add("aten::norm.ScalarOpt_dim", t(2, 3), 2, [0, 0], name="norm_dup_error")
add("aten::linalg_vector_norm", t(3, 4), name="lvn_default")
add("aten::linalg_vector_norm", t(3, 4), 1, [1], True, name="lvn_p1_dim")
add("aten::linalg_vector_norm", t(3, 4), INF, [-1], name="lvn_inf")
add("aten::linalg_vector_norm", t(3, 4), 2, [1], dtype=F64, name="lvn_dtype")
add("aten::linalg_vector_norm", t(3, 4, dtype=F64), 2, [1], dtype=F32, name="lvn_narrowing_error")
add("aten::linalg_vector_norm", t(3, dtype=torch.int32), name="lvn_int_error")
add("aten::linalg_vector_norm", t(0, 3), INF, name="lvn_empty_inf_error")
add("aten::linalg_vector_norm", t(0, 3), -1, [0], name="lvn_empty_neg_dim_error")
add("aten::linalg_vector_norm", t(0, 3), INF, [1], name="lvn_empty_inf_kept")
add("aten::linalg_vector_norm", t(0, 3), 2, name="lvn_empty_two")
add("aten::frobenius_norm", t(3, 4), name="frobenius")
add("aten::frobenius_norm.dim", t(3, 4, 5), [2, 0], True, name="frobenius_two_dims")
add("aten::frobenius_norm.dim", t(3, 4), [1], name="frobenius_one_dim")
add("aten::frobenius_norm.dim", t(3, 4, 5), [0, 1, 2], name="frobenius_three_dims_error")
add("aten::frobenius_norm.dim", t(3, 4), [0, -2], name="frobenius_same_dims_error")

# ---------------------------------------------------------------- logsumexp
for dt in [F32, F64, BF16, torch.int64, torch.bool]:
    add("aten::logsumexp", t(3, 4, dtype=dt), [1], name=f"logsumexp_{short(dt)}")
add("aten::logsumexp", t(3, 4, 5), [0, 2], True, name="logsumexp_dims_keepdim")
add("aten::logsumexp", tr(5, 6), [0], name="logsumexp_transposed")
add("aten::logsumexp", t(3, 4) * 100, [1], name="logsumexp_large_values")
add("aten::logsumexp", torch.tensor([[-INF, -INF], [1.0, INF], [NAN, 1.0]]), [1], name="logsumexp_infs")
add("aten::logsumexp", t(0, 3), [0], name="logsumexp_empty")
add("aten::logsumexp", t(), [0], name="logsumexp_0dim")
add("aten::logsumexp", t(3, 4), [], name="logsumexp_empty_list_error")
add("aten::logsumexp", t(3, 4), [], True, name="logsumexp_empty_list_keepdim")
add("aten::logsumexp", t(3, dtype=F16), [0], name="logsumexp_half_error")

# ---------------------------------------------------------------- cumsum / cumprod
for dt in [F32, F64, BF16, torch.int32, torch.uint8, torch.bool]:
    add("aten::cumsum", t(3, 4, dtype=dt), 1, name=f"cumsum_{short(dt)}")
add("aten::cumsum", t(3, 4, 5), 1, name="cumsum_middle")
add("aten::cumsum", t(3, 4), -2, name="cumsum_first")
add("aten::cumsum", tr(4, 5), 1, name="cumsum_transposed")
add("aten::cumsum", t(3, 4, dtype=torch.int32), 0, dtype=torch.int16, name="cumsum_dtype")
add("aten::cumsum", torch.tensor([1.5, 2.5, -0.7]), 0, dtype=torch.int32, name="cumsum_casts_first")
add("aten::cumsum", t(), 0, name="cumsum_0dim")
add("aten::cumsum", t(0, 3), 1, name="cumsum_empty")
add("aten::cumsum", t(3), 1, name="cumsum_dim_error")
add("aten::cumsum", t(3, dtype=F16), 0, name="cumsum_half_error")
add("aten::cumsum", t(100000, low=0, high=1), 0, name="cumsum_100k")
add("aten::cumprod", t(3, 4, low=0.5, high=1.5), 1, name="cumprod")
add("aten::cumprod", t(3, 4, dtype=torch.int8, low=-2, high=2), 0, name="cumprod_int8")
add("aten::cumprod", t(3, 4, dtype=torch.int32), 1, dtype=F64, name="cumprod_dtype")
add("aten::cumsum_", t(3, 4), 1, name="cumsum_inplace")
add("aten::cumsum_", t(3, 4, dtype=torch.int32), 0, name="cumsum_inplace_int32")
add("aten::cumsum_", t(3, dtype=torch.int64), 0, dtype=F32, name="cumsum_inplace_dtype_error")
add("aten::cumprod_", t(3, 4, low=0.5, high=1.5), 0, name="cumprod_inplace")
add("aten::cumprod_", t(3, dtype=torch.bool), 0, name="cumprod_inplace_bool_error")

# ---------------------------------------------------------------- count_nonzero
add("aten::count_nonzero", t(3, 4, dtype=torch.int32, low=-1, high=1), name="count_nonzero")
add("aten::count_nonzero", t(3, 4, dtype=torch.bool), 1, name="count_nonzero_dim")
add("aten::count_nonzero.dim_IntList", t(2, 3, 4, dtype=torch.int8, low=-1, high=1), [-1, 0],
    name="count_nonzero_dims")
add("aten::count_nonzero.dim_IntList", t(2, 3), [1, -1], name="count_nonzero_dup_error")
add("aten::count_nonzero", torch.tensor([NAN, 0.0, -0.0]), name="count_nonzero_nan")

# ---------------------------------------------------------------- softmax
for dt in [F32, F64, BF16]:
    add("aten::softmax.int", t(4, 7, dtype=dt), -1, name=f"softmax_last_{short(dt)}")
    add("aten::log_softmax.int", t(4, 7, dtype=dt), 0, name=f"log_softmax_first_{short(dt)}")
add("aten::softmax.int", t(64, 1000), 1, name="softmax_64x1000")
add("aten::softmax.int", t(2, 5, 3, 4), 1, name="softmax_channels")
add("aten::log_softmax.int", t(2, 5, 3, 4), -1, name="log_softmax_last_4d")
add("aten::softmax.int", tr(5, 6), 1, name="softmax_transposed")
add("aten::softmax.int", t(3, 8) * 50, 1, name="softmax_large_logits")
add("aten::softmax.int", torch.tensor([[-INF, 0.0, 1.0], [-INF, -INF, -INF]]), 1, name="softmax_masked_rows")
add("aten::log_softmax.int", torch.tensor([[-INF, 0.0, 1.0], [NAN, 0.0, 1.0]]), 1, name="log_softmax_inf_nan")
add("aten::softmax.int", t(3, dtype=torch.int64), 0, F32, name="softmax_int_with_dtype")
add("aten::softmax.int", t(3, 4, dtype=F16), 1, F32, name="softmax_half_with_dtype")
add("aten::softmax.int", t(3, 4), 1, F64, name="softmax_dtype_f64")
add("aten::softmax.int", t(), 0, name="softmax_0dim")
add("aten::softmax.int", t(0, 3), 1, name="softmax_empty")
add("aten::softmax.int", t(3, 4), 2, name="softmax_dim_error")
add("aten::softmax.int", t(3, 4, dtype=torch.int64), 1, name="softmax_int_error")
add("aten::softmax.int", t(3, 4, dtype=torch.int64), 0, name="softmax_int_error_not_last")
add("aten::log_softmax.int", t(3, 4, dtype=F16), 1, name="log_softmax_half_error")
add("aten::_softmax", t(3, 4), 1, False, name="_softmax")
add("aten::_log_softmax", t(3, 4), 0, False, name="_log_softmax")
add("aten::_softmax", t(3, 4, dtype=F16), 1, True, name="_softmax_half_to_float_error")

# ---------------------------------------------------------------- list reductions (TorchScript builtins)
add("aten::sum.int", [1, 2, 3], name="sum_int_list")
add("aten::sum.float", [1.5, 2.25], name="sum_float_list")
add("aten::any.bool", [False, True], name="any_bool_list")
add("aten::all.bool", [True, False], name="all_bool_list")
add("aten::all.int", [1, 2], name="all_int_list")
