"""Matrix products: mm, bmm, matmul (every rank combination, batch
broadcasting), addmm/addmv/addbmm/baddbmm (+ in place), dot, vdot, mv,
linear, outer/ger, inner."""
import torch

from opcase import case, t

F16, BF16, F32, F64 = torch.float16, torch.bfloat16, torch.float32, torch.float64
NAN = float("nan")
BIG = (1e-4, 1e-4)  # long dot products: BLAS summation orders differ

CASES = []


def add(op, *args, **kwargs):
    CASES.append(case(op, *args, **kwargs))


def short(dt):
    return str(dt).replace("torch.", "")


def tr(*shape, dtype=F32):
    """A view of `shape` whose last two dims are transposed in memory."""
    base = t(*shape[:-2], shape[-1], shape[-2], dtype=dtype)
    return base.transpose(-1, -2)


# ---------------------------------------------------------------- mm
for dt in [F32, F64, BF16, torch.int32, torch.int64, torch.int8, torch.uint8]:
    add("aten::mm", t(3, 4, dtype=dt), t(4, 5, dtype=dt), name=f"mm_{short(dt)}")
add("aten::mm", tr(3, 4), t(4, 5), name="mm_lhs_transposed")
add("aten::mm", t(3, 4), tr(4, 5), name="mm_rhs_transposed")
add("aten::mm", tr(3, 4), tr(4, 5), name="mm_both_transposed")
add("aten::mm", t(3, 4, noncontig=True), t(4, 5, noncontig=True), name="mm_strided")
add("aten::mm", t(3, 1).expand(3, 4), t(4, 5), name="mm_expanded_lhs")
add("aten::mm", t(1, 4), t(4, 1), name="mm_1x1_result")
add("aten::mm", t(128, 256), t(256, 64), name="mm_128x256x64", tol=BIG)
add("aten::mm", t(2, 0), t(0, 3), name="mm_k0_zeros")
add("aten::mm", t(0, 2), t(2, 3), name="mm_m0")
add("aten::mm", t(2, 0, dtype=F16), t(0, 2, dtype=F16), name="mm_half_k0")
add("aten::mm", t(2, 3, dtype=F16), t(3, 2, dtype=F16), name="mm_half_error")
add("aten::mm", t(2, 3, dtype=torch.bool), t(3, 2, dtype=torch.bool), name="mm_bool_error")
add("aten::mm", t(3), t(3, 2), name="mm_1d_error")
add("aten::mm", t(2, 3), t(3), name="mm_1d_rhs_error")
add("aten::mm", t(2, 3), t(2, 3), name="mm_shape_error")
add("aten::mm", t(2, 3), t(3, 2, dtype=F64), name="mm_dtype_error")

# ---------------------------------------------------------------- bmm
for dt in [F32, F64, BF16, torch.int32]:
    add("aten::bmm", t(2, 3, 4, dtype=dt), t(2, 4, 5, dtype=dt), name=f"bmm_{short(dt)}")
add("aten::bmm", tr(3, 4, 5), tr(3, 5, 2), name="bmm_transposed")
add("aten::bmm", t(1, 4, 5).expand(3, 4, 5), t(3, 5, 2), name="bmm_expanded_batch")
add("aten::bmm", t(4, 3, 5).transpose(0, 1), t(3, 5, 2), name="bmm_batch_not_outer")
add("aten::bmm", t(0, 2, 3), t(0, 3, 4), name="bmm_empty_batch")
add("aten::bmm", t(2, 2, 0), t(2, 0, 4), name="bmm_k0")
add("aten::bmm", t(2, 3), t(2, 3, 4), name="bmm_2d_error")
add("aten::bmm", t(2, 2, 3), t(3, 4), name="bmm_2d_rhs_error")
add("aten::bmm", t(2, 2, 3), t(3, 3, 4), name="bmm_batch_error")
add("aten::bmm", t(2, 2, 3), t(2, 4, 4), name="bmm_inner_error")
add("aten::bmm", t(2, 2, 3), t(2, 3, 4, dtype=F64), name="bmm_dtype_error")
add("aten::bmm", t(2, 2, 3, dtype=F16), t(2, 3, 4, dtype=F16), name="bmm_half_error")

# ---------------------------------------------------------------- matmul: every rank pair
RANKS = {1: (4,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 2, 3, 4)}
RHS = {1: (4,), 2: (4, 5), 3: (2, 4, 5), 4: (2, 2, 4, 5)}
for r1 in RANKS:
    for r2 in RHS:
        add("aten::matmul", t(*RANKS[r1]), t(*RHS[r2]), name=f"matmul_{r1}d_{r2}d")
add("aten::matmul", t(2, 1, 3, 4), t(5, 4, 2), name="matmul_broadcast_4d_3d")
add("aten::matmul", t(1, 3, 4), t(6, 4, 5), name="matmul_broadcast_batch1")
add("aten::matmul", t(6, 3, 4), t(1, 4, 5), name="matmul_broadcast_batch1_rhs")
add("aten::matmul", t(4), t(2, 3, 4, 5), name="matmul_1d_4d")
add("aten::matmul", t(2, 3, 3, 4), t(4), name="matmul_4d_1d")
add("aten::matmul", tr(2, 4, 3).transpose(-1, -2).transpose(-1, -2), t(3, 5), name="matmul_3d_transposed_view")
add("aten::matmul", t(2, 3, 4).transpose(1, 2), t(3, 5), name="matmul_permuted_no_fold")
add("aten::matmul", t(2, 4), tr(3, 4, 5), name="matmul_2d_3d_transposed")
add("aten::matmul", t(3, 4, dtype=torch.int64), t(2, 4, 5, dtype=torch.int64), name="matmul_int64_2d_3d")
add("aten::matmul", t(2, 3, 4, dtype=BF16), t(4, 2, dtype=BF16), name="matmul_bf16_fold")
add("aten::matmul", t(2, 3, 4, dtype=torch.int32), t(2, 4, 2, dtype=torch.int32), name="matmul_int32_batched")
add("aten::matmul", t(0, 3, 4), t(4, 5), name="matmul_empty_batch_fold")
add("aten::matmul", t(3, 0, 4), t(3, 4, 5), name="matmul_empty_rows")
add("aten::matmul", t(16, 32, 64), t(64, 48), name="matmul_linear_like", tol=BIG)
add("aten::matmul", t(4, 8, 16, 32), t(4, 8, 32, 16), name="matmul_attention_like", tol=BIG)
add("aten::matmul", t(), t(3, 4), name="matmul_0d_error")
add("aten::matmul", t(3, 4), t(), name="matmul_0d_rhs_error")
add("aten::matmul", t(3), t(4), name="matmul_dot_size_error")
add("aten::matmul", t(3, 4), t(3), name="matmul_mv_size_error")
add("aten::matmul", t(4), t(3, 5), name="matmul_1d_2d_error")
add("aten::matmul", t(2, 3, 4), t(3), name="matmul_3d_1d_error")
add("aten::matmul", t(2, 3, 4), t(3, 5), name="matmul_3d_2d_error")
add("aten::matmul", t(4), t(2, 3, 5), name="matmul_1d_3d_error")
add("aten::matmul", t(2, 4), t(2, 3, 5), name="matmul_2d_3d_error")
add("aten::matmul", t(2, 3, 4), t(3, 4, 5), name="matmul_batch_broadcast_error")
add("aten::matmul", t(2, 3, 4), t(2, 5, 6), name="matmul_batched_inner_error")
add("aten::matmul", t(2, 3, 4).transpose(1, 2), t(4, 5), name="matmul_permuted_inner_error")
add("aten::matmul", t(3), t(3, dtype=F64), name="matmul_dot_dtype_error")
add("aten::matmul", t(3, 4), t(4, 2, dtype=F64), name="matmul_mm_dtype_error")
add("aten::matmul", t(2, 3, 4), t(2, 4, 2, dtype=F64), name="matmul_bmm_dtype_error")
add("aten::matmul", t(2, 3, dtype=F16), t(3, 2, dtype=F16), name="matmul_half_error")

# ---------------------------------------------------------------- addmm
add("aten::addmm", t(5), t(3, 4), t(4, 5), name="addmm_bias_row")
add("aten::addmm", t(3, 5), t(3, 4), t(4, 5), beta=0.5, alpha=2.0, name="addmm_beta_alpha")
add("aten::addmm", t(1, 1), t(3, 4), t(4, 5), name="addmm_self_1x1")
add("aten::addmm", t(3, 1), tr(3, 4), tr(4, 5), name="addmm_self_col_transposed")
add("aten::addmm", torch.full((5,), NAN), t(3, 4), t(4, 5), beta=0, name="addmm_beta0_ignores_nan")
add("aten::addmm", t(5), torch.full((3, 4), NAN), t(4, 5), alpha=0, name="addmm_alpha0_ignores_nan")
add("aten::addmm", t(5, dtype=torch.int32), t(3, 4, dtype=torch.int32), t(4, 5, dtype=torch.int32), beta=2,
    alpha=3, name="addmm_int32")
add("aten::addmm", t(5, dtype=torch.int64), t(3, 4, dtype=torch.int64), t(4, 5, dtype=torch.int64), alpha=1.5,
    name="addmm_int_float_alpha")
add("aten::addmm", t(5, dtype=BF16), t(3, 4, dtype=BF16), t(4, 5, dtype=BF16), name="addmm_bf16")
add("aten::addmm", t(5, dtype=F64), t(3, 4, dtype=F64), t(4, 5, dtype=F64), beta=-1, name="addmm_f64")
add("aten::addmm", t(3), t(2, 0), t(0, 3), beta=2, name="addmm_k0_scales_self")
add("aten::addmm", t(3), t(5, 4), t(4, 5), name="addmm_self_shape_error")
add("aten::addmm", t(1, 2, 5), t(2, 4), t(4, 5), name="addmm_self_3d_error")
add("aten::addmm", t(5), t(4), t(4, 5), name="addmm_mat1_1d_error")
add("aten::addmm", t(5), t(3, 4), t(4), name="addmm_mat2_1d_error")
add("aten::addmm", t(5), t(3, 4), t(3, 5), name="addmm_shape_error")
add("aten::addmm", t(5, dtype=F64), t(3, 4), t(4, 5), name="addmm_self_dtype_error")
add("aten::addmm", t(5), t(3, 4, dtype=F64), t(4, 5), name="addmm_mat1_dtype_error")
add("aten::addmm", t(5, dtype=F16), t(3, 4, dtype=F16), t(4, 5, dtype=F16), name="addmm_half_error")
add("aten::addmm_", t(3, 5), t(3, 4), t(4, 5), beta=2.0, name="addmm_inplace")
add("aten::addmm_", t(5), t(3, 4), t(4, 5), name="addmm_inplace_broadcast_error")

# ---------------------------------------------------------------- addmv / mv / dot
add("aten::mv", t(3, 4), t(4), name="mv")
add("aten::mv", tr(3, 4), t(4), name="mv_transposed")
add("aten::mv", t(3, 4), t(4, noncontig=True), name="mv_strided_vec")
add("aten::mv", t(3, 4, dtype=torch.int16), t(4, dtype=torch.int16), name="mv_int16")
add("aten::mv", t(3, 4, dtype=BF16), t(4, dtype=BF16), name="mv_bf16")
add("aten::mv", t(0, 4), t(4), name="mv_empty")
add("aten::mv", t(2, 0), t(0), name="mv_k0")
add("aten::mv", t(3, 4), t(3), name="mv_size_error")
add("aten::mv", t(4), t(4), name="mv_1d_error")
add("aten::mv", t(3, 4), t(3, 4), name="mv_2d_vec_error")
add("aten::mv", t(3, 4), t(4, dtype=F64), name="mv_dtype_error")
add("aten::mv", t(3, 4, dtype=F16), t(4, dtype=F16), name="mv_half_error")
add("aten::addmv", t(3), t(3, 4), t(4), beta=0.5, alpha=-1.0, name="addmv")
add("aten::addmv", t(), t(3, 4), t(4), name="addmv_0dim_self")
add("aten::addmv", t(3, dtype=F64), t(3, 4), t(4), name="addmv_self_dtype_cast")
add("aten::addmv", torch.full((3,), NAN), t(3, 4), t(4), beta=0, name="addmv_beta0")
add("aten::addmv", t(3, dtype=torch.int64), t(3, 4, dtype=torch.int64), t(4, dtype=torch.int64), beta=2, alpha=3,
    name="addmv_int64")
add("aten::addmv", t(2, 2), t(2, 3), t(3), name="addmv_2d_self_error")
add("aten::addmv", t(4), t(3, 4), t(4), name="addmv_size_error")
add("aten::addmv", t(3), t(3, 4), t(4, dtype=F64), name="addmv_dtype_error")
add("aten::addmv_", t(3), t(3, 4), t(4), name="addmv_inplace")
add("aten::addmv_", t(1), t(3, 4), t(4), name="addmv_inplace_broadcast_error")
for dt in [F32, F64, BF16, torch.int32, torch.uint8]:
    add("aten::dot", t(7, dtype=dt), t(7, dtype=dt), name=f"dot_{short(dt)}")
add("aten::dot", t(7, noncontig=True), t(7), name="dot_strided")
add("aten::dot", t(1000), t(1000), name="dot_1000", tol=BIG)
add("aten::dot", t(0), t(0), name="dot_empty")
add("aten::dot", t(3), t(4), name="dot_size_error")
add("aten::dot", t(2, 3), t(3), name="dot_2d_error")
add("aten::dot", t(3), t(3, dtype=F64), name="dot_dtype_error")
add("aten::dot", t(3, dtype=F16), t(3, dtype=F16), name="dot_half_error")
add("aten::vdot", t(5), t(5), name="vdot")
add("aten::vdot", t(5, dtype=torch.int32), t(5, dtype=torch.int32), name="vdot_int")

# ---------------------------------------------------------------- baddbmm / addbmm
add("aten::baddbmm", t(5), t(2, 3, 4), t(2, 4, 5), name="baddbmm_bias")
add("aten::baddbmm", t(2, 3, 5), tr(2, 3, 4), t(2, 4, 5), beta=0.5, alpha=2.0, name="baddbmm_beta_alpha")
add("aten::baddbmm", torch.full((5,), NAN), t(2, 3, 4), t(2, 4, 5), beta=0, name="baddbmm_beta0")
add("aten::baddbmm", t(5, dtype=torch.int64), t(2, 3, 4), t(2, 4, 5), name="baddbmm_self_dtype_cast")
add("aten::baddbmm", t(5, dtype=torch.int32), t(2, 3, 4, dtype=torch.int32), t(2, 4, 5, dtype=torch.int32),
    beta=2, alpha=3, name="baddbmm_int32")
add("aten::baddbmm", t(3, 5), t(2, 2, 4), t(2, 4, 5), name="baddbmm_self_shape_error")
add("aten::baddbmm", t(5), t(2, 3, 4), t(3, 4, 5), name="baddbmm_batch_error")
add("aten::baddbmm", t(5), t(3, 4), t(2, 4, 5), name="baddbmm_2d_error")
add("aten::baddbmm", t(5), t(2, 3, 4), t(2, 4, 5, dtype=F64), name="baddbmm_dtype_error")
add("aten::baddbmm_", t(2, 3, 5), t(2, 3, 4), t(2, 4, 5), name="baddbmm_inplace")
add("aten::addbmm", t(3, 5), t(4, 3, 2), t(4, 2, 5), name="addbmm")
add("aten::addbmm", t(5), t(4, 3, 2), t(4, 2, 5), beta=0.5, alpha=2.0, name="addbmm_broadcast_self")
add("aten::addbmm", t(3, 5), t(0, 3, 2), t(0, 2, 5), beta=2, name="addbmm_no_batches")
add("aten::addbmm", t(3, 5, dtype=torch.int32), t(2, 3, 2, dtype=torch.int32), t(2, 2, 5, dtype=torch.int32),
    beta=2, alpha=3, name="addbmm_int32")
add("aten::addbmm", t(3, 5), t(4, 3, 2), t(3, 2, 5), name="addbmm_batch_count_error")
add("aten::addbmm", t(3, 5), t(4, 3, 2), t(4, 3, 5), name="addbmm_inner_error")
add("aten::addbmm", t(3, 5), t(3, 2), t(4, 2, 5), name="addbmm_2d_expands_self_first_error")
add("aten::addbmm", t(2, 5), t(3, 2), t(4, 2, 5), name="addbmm_2d_error")
add("aten::addbmm", t(3, 5, dtype=F64), t(4, 3, 2), t(4, 2, 5), name="addbmm_dtype_error")
add("aten::addbmm_", t(3, 5), t(4, 3, 2), t(4, 2, 5), name="addbmm_inplace")

# ---------------------------------------------------------------- linear
add("aten::linear", t(3, 4), t(5, 4), t(5), name="linear_2d_bias")
add("aten::linear", t(3, 4), t(5, 4), name="linear_2d_no_bias")
add("aten::linear", t(2, 3, 4), t(5, 4), t(5), name="linear_3d_contiguous")
add("aten::linear", t(2, 4, 3).transpose(1, 2), t(5, 4), t(5), name="linear_3d_transposed")
add("aten::linear", t(2, 2, 3, 4), t(5, 4), t(5), name="linear_4d")
add("aten::linear", t(4), t(5, 4), t(5), name="linear_1d_input")
add("aten::linear", t(3, 4), t(4), name="linear_1d_weight")
add("aten::linear", t(3, 4), tr(5, 4), t(5), name="linear_weight_transposed")
add("aten::linear", t(3, 4, noncontig=True), t(5, 4), t(3, 5), name="linear_bias_2d")
add("aten::linear", t(3, 4, dtype=F64), t(5, 4, dtype=F64), t(5, dtype=F64), name="linear_f64")
add("aten::linear", t(3, 4, dtype=BF16), t(5, 4, dtype=BF16), t(5, dtype=BF16), name="linear_bf16")
add("aten::linear", t(3, 4, dtype=torch.int64), t(5, 4, dtype=torch.int64), t(5, dtype=torch.int64),
    name="linear_int64")
add("aten::linear", t(2, 4, 3, 2).transpose(-1, -3), t(5, 4), t(5, dtype=F64), name="linear_4d_bias_f64_cast")
add("aten::linear", t(128, 256), t(64, 256), t(64), name="linear_128x256x64", tol=BIG)
add("aten::linear", t(3, 4), t(5, 3), t(5), name="linear_shape_error")
add("aten::linear", t(2, 3, 4), t(5, 3), name="linear_3d_shape_error")
add("aten::linear", t(3, 4), t(5, 4), t(4), name="linear_bias_error")
add("aten::linear", t(2, 2, 3, 4), t(5, 4), t(4), name="linear_4d_bias_error")
add("aten::linear", t(4), t(5, 4), t(2, 5), name="linear_1d_bias_broadcast_error")
add("aten::linear", t(3, 4), t(5, 4, dtype=F64), t(5), name="linear_dtype_error")
add("aten::linear", t(2, 2, 3, 4, dtype=torch.int64), t(5, 4, dtype=torch.int64), t(5),
    name="linear_int_float_bias_error")
add("aten::linear", t(3, 4), t(2, 5, 4), name="linear_3d_weight_error")
add("aten::linear", t(), t(5, 4), t(5), name="linear_0d_input_error")

# ---------------------------------------------------------------- outer / ger / inner
add("aten::outer", t(3), t(4), name="outer")
add("aten::outer", t(3), t(4, dtype=torch.int64), name="outer_promotes")
add("aten::outer", t(3, dtype=torch.bool), t(4, dtype=torch.bool), name="outer_bool")
add("aten::outer", t(3, dtype=F16), t(4, dtype=F16), name="outer_half")
add("aten::ger", t(3, dtype=torch.int32), t(4, dtype=torch.int64), name="ger")
add("aten::outer", t(3, 1), t(4), name="outer_2d_error")
add("aten::outer", t(3), t(), name="outer_0d_error")
add("aten::inner", t(3, 4), t(5, 4), name="inner_2d")
add("aten::inner", t(4), t(4), name="inner_1d")
add("aten::inner", t(2, 3, 4), t(4), name="inner_3d_1d")
add("aten::inner", t(), t(2, 3), name="inner_scalar")
add("aten::inner", t(3, 4), t(4, 3), name="inner_error")

# ---------------------------------------------------------------- einsum
E = "aten::einsum"


def ein(eq, *ts, name, tol=BIG):
    add(E, eq, list(ts), tol=tol, name=name)


ein("ij,jk->ik", t(3, 4), t(4, 5), name="einsum_matmul")
ein("ij,jk", t(3, 4), t(4, 5), name="einsum_implicit_matmul")
ein("bij,bjk->bik", t(2, 3, 4), t(2, 4, 5), name="einsum_bmm")
# maxvit's spelling: capital labels and spaces.
ein("B G H I D, B G H J D -> B G H I J", t(1, 2, 2, 5, 4), t(1, 2, 2, 6, 4), name="einsum_maxvit_qk")
ein("B G H I J, B G H J D -> B G H I D", t(1, 2, 2, 5, 6), t(1, 2, 2, 6, 4), name="einsum_maxvit_av")
ein("ii->i", t(4, 4), name="einsum_diagonal")
ein("ii", t(4, 4), name="einsum_trace")
ein("iji->j", t(3, 2, 3), name="einsum_diag_then_sum")
ein("ij->ji", t(3, 4), name="einsum_transpose")
ein("ij->", t(3, 4), name="einsum_sum_all")
ein("i,i->", t(5), t(5), name="einsum_dot")
ein("i,j->ij", t(3), t(4), name="einsum_outer")
ein("i,i->i", t(3), t(3), name="einsum_hadamard")
ein("...ij,...jk->...ik", t(5, 1, 2, 3), t(4, 3, 6), name="einsum_ellipsis_broadcast")
ein("...ij->...ji", t(2, 3, 4), name="einsum_ellipsis_transpose")
ein("i...->...", t(3, 2, 2), name="einsum_ellipsis_sum_leading")
ein("ij...,jk...->ik", t(2, 3, 4), t(3, 5, 4), name="einsum_ellipsis_contracted")
ein("bn,anm,bm->ba", t(2, 3), t(4, 3, 5), t(2, 5), name="einsum_bilinear_three_operands")
ein("ij,j->i", t(3, 1), t(5), name="einsum_size1_broadcast")
ein("ij,jk->ik", t(3, 4, dtype=F64), t(4, 2, dtype=F64), name="einsum_f64")
ein("ij,jk->ik", t(3, 4, dtype=torch.int64), t(4, 2, dtype=torch.int64), name="einsum_int64")
ein("i,i->i", t(3, dtype=F64), t(3), name="einsum_mul_promotes")
ein("ij,jk->ik", t(4, 3, noncontig=True), t(3, 5, noncontig=True), name="einsum_noncontig")
ein("ij,jk->ik", t(0, 3), t(3, 4), name="einsum_empty_output")
ein("ij,jk->ik", t(2, 0), t(0, 4), name="einsum_empty_contraction")
ein("i->", t(0), name="einsum_empty_sum")
ein("", torch.tensor(3.0), name="einsum_scalar")
ein("ij,jk->ik", t(3, 4, dtype=BF16), t(4, 2, dtype=BF16), name="einsum_bf16", tol=(2e-2, 2e-2))
ein("ij,jk", t(2, 3), name="err_einsum_fewer_operands")
ein("ij", t(2, 3), t(2, 3), name="err_einsum_more_operands")
ein("ij", t(2, 3, 4), name="err_einsum_wrong_rank")
ein("i1", t(2, 3), name="err_einsum_bad_subscript")
ein("ij->ik", t(2, 3), name="err_einsum_unknown_output")
ein("ij->ii", t(2, 3), name="err_einsum_repeated_output")
ein("ii->i", t(3, 4), name="err_einsum_diag_sizes")
ein("ij,jk->ik", t(2, 3), t(4, 5), name="err_einsum_sizes")
ein("i.j", t(2, 3), name="err_einsum_stray_dot")
ein("ij,jk", t(2, 3, dtype=F16), t(3, 4, dtype=F16), name="err_einsum_half")
add(E, "ij", [], name="err_einsum_no_operands")
