"""Indexing: advanced indexing, index_put, gather/scatter, masked ops, nonzero, embedding."""
import torch

from opcase import case, t

f32, f64, f16, bf16 = torch.float32, torch.float64, torch.float16, torch.bfloat16
i8, u8, i16, i32, i64, b = torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool


def L(*v, dtype=i64):
    return torch.tensor(v, dtype=dtype)


def mask(*shape, seed=0):
    g = torch.Generator().manual_seed(seed + 7)
    return torch.rand(shape, generator=g) > 0.5


def perm(n, k, seed=0):
    """k distinct indices below n (scatter without duplicate targets)."""
    g = torch.Generator().manual_seed(seed + 11)
    return torch.randperm(n, generator=g)[:k]


X = t(4, 5)

CASES = [
    # ---- index.Tensor
    case("aten::index.Tensor", X, [L(0, 2, -1)]),
    case("aten::index.Tensor", t(4, 5, dtype=i32), [None, L(1, 3)], name="index_second_dim"),
    case("aten::index.Tensor", t(4, 5, dtype=f16), [L(0, 1), L(2, 3)], name="index_pairs"),
    case("aten::index.Tensor", t(4, 5), [L([0], [3]), L(1, 2, 4)], name="index_broadcast"),
    case("aten::index.Tensor", t(2, 3, 4, dtype=i64), [L(0, 1), None, L(1, 2)], name="index_nonadjacent"),
    case("aten::index.Tensor", t(2, 3, 4, dtype=i64), [None, L(0, 1), L(1, 2)], name="index_adjacent"),
    case("aten::index.Tensor", t(2, 3, 4, 5), [None, L([0, 1], [2, 0]), None, L(4, 3)], name="index_nonadjacent_2d"),
    case("aten::index.Tensor", t(3, 4, 5).permute(2, 0, 1), [None, L(2, 0)], name="index_noncontig_self"),
    case("aten::index.Tensor", X, [mask(4)], name="index_mask_rows"),
    case("aten::index.Tensor", t(4, 5, dtype=b), [mask(4, 5)], name="index_mask_full"),
    case("aten::index.Tensor", t(2, 4, 5, dtype=bf16), [None, mask(4, 5, seed=2)], name="index_mask_trailing"),
    case("aten::index.Tensor", X, [L(1, 0, 1, 1, dtype=u8)], name="index_uint8_mask"),
    case("aten::index.Tensor", X, [mask(4), L(0, 1, 2, 3, 4)[:int(mask(4).sum())]], name="index_mask_and_long"),
    case("aten::index.Tensor", X, [torch.zeros(0, dtype=i64)], name="index_empty_index"),
    case("aten::index.Tensor", t(0, 3), [None, L(2)], name="index_empty_self"),
    case("aten::index.Tensor", X, [L([[1, 2], [3, 0]])], name="index_2d_index"),
    case("aten::index.Tensor", X, [torch.tensor(2)], name="index_0d_index"),
    case("aten::index.Tensor", X, [L(4)], name="index_out_of_bounds"),
    case("aten::index.Tensor", X, [None, L(-6)], name="index_out_of_bounds_negative"),
    case("aten::index.Tensor", X, [L(0), L(7)], name="index_out_of_bounds_second"),
    case("aten::index.Tensor", t(0, 3), [L(0)], name="index_size_zero"),
    case("aten::index.Tensor", X, [L(0), L(0), L(0)], name="index_too_many"),
    case("aten::index.Tensor", X, [L(0.0, dtype=f32)], name="index_float_index"),
    case("aten::index.Tensor", X, [L(0, dtype=i32)], name="index_int32_index"),
    case("aten::index.Tensor", X, [L(0, 1), L(0, 1, 2)], name="index_shape_mismatch"),
    case("aten::index.Tensor", X, [mask(3)], name="index_mask_shape_mismatch"),
    case("aten::index.Tensor_hacked_twin", t(4, 5), [L(1, 2), L(0, 4)]),
    # ---- index_put / index_put_
    case("aten::index_put", t(4, 5), [L(0, 2)], t(2, 5)),
    case("aten::index_put", t(4, 5, dtype=i32), [None, L(1, 3)], t(2, dtype=i32), name="index_put_broadcast_value"),
    case("aten::index_put", t(4, 5), [L(0, 0, 1)], t(5), True, name="index_put_accumulate"),
    case("aten::index_put", t(4, 5, dtype=f16), [L(1, 1), L(2, 2)], L(1.5, 2.0, dtype=f16), True,
         name="index_put_accumulate_half"),
    case("aten::index_put", t(4, 5, dtype=b), [L(0, 3), L(4, 0)], L(True, True, dtype=b), True, name="index_put_accumulate_bool"),
    case("aten::index_put", t(4, 5), [mask(4, 5)], torch.tensor(-1.0), name="index_put_mask_scalar"),
    case("aten::index_put", t(4, 5), [mask(4, 5)], torch.tensor(7), name="index_put_mask_other_dtype"),
    case("aten::index_put", t(4, 5), [None, mask(5)], torch.tensor([3.0]), name="index_put_mask_columns"),
    case("aten::index_put", t(4, 5), [mask(4)], t(5), name="index_put_mask_rows_values"),
    case("aten::index_put", t(4, 5), [mask(4, 5)], torch.tensor(1.0), True, name="index_put_mask_accumulate"),
    case("aten::index_put", t(2, 3, 4), [L(0, 1), None, L(3, 0)], t(2, 3), name="index_put_nonadjacent"),
    case("aten::index_put", t(4, 5), [L(9)], t(5), name="index_put_out_of_bounds"),
    case("aten::index_put", t(4, 5), [L(0)], t(5, dtype=f64), name="index_put_dtype_mismatch"),
    case("aten::index_put", t(4, 5), [L(0, 1)], t(3, 5), name="index_put_shape_mismatch"),
    case("aten::index_put", t(4, 5, dtype=u8), [mask(4, 5)], torch.tensor(300), name="index_put_mask_overflow"),
    case("aten::index_put_", t(4, 5), [L(3)], t(5)),
    case("aten::index_put_.hacked_twin", t(4, 5), [L(3), L(1)], torch.tensor(9.0)),
    case("aten::index_put.hacked_twin", t(4, 5, dtype=i64), [L(0, 3)], t(5, dtype=i64), True),
    # ---- index_select
    case("aten::index_select", t(4, 5), 0, L(3, 0, 0)),
    case("aten::index_select", t(4, 5, dtype=i8).t(), -1, L(1, 2, dtype=i32), name="index_select_noncontig"),
    case("aten::index_select", t(2, 3, 4), 1, torch.tensor(2), name="index_select_0d_index"),
    case("aten::index_select", t(), 0, L(0), name="index_select_0d_self"),
    case("aten::index_select", t(4, 5), 1, torch.zeros(0, dtype=i64), name="index_select_empty"),
    case("aten::index_select", t(4, 5), 0, L(4), name="index_select_out_of_range"),
    case("aten::index_select", t(4, 5), 0, L(-1), name="index_select_negative"),
    case("aten::index_select", t(4, 5), 0, L([0]), name="index_select_2d_index"),
    case("aten::index_select", t(4, 5), 0, L(0.0, dtype=f32), name="index_select_float_index"),
    # ---- gather
    case("aten::gather", t(3, 4), 1, L([0, 3], [1, 1], [2, 0])),
    case("aten::gather", t(3, 4, dtype=bf16), 0, L([2, 0, 1, 1]), name="gather_dim0"),
    case("aten::gather", t(3, 4, dtype=i64).t(), -1, L([0, 2], [1, 1]), name="gather_noncontig"),
    case("aten::gather", t(), 0, torch.tensor(0), name="gather_0d"),
    case("aten::gather", t(3, 4), 1, torch.zeros(0, dtype=i32), name="gather_empty_index"),
    case("aten::gather", t(3, 4), 1, L([4]), name="gather_out_of_bounds"),
    case("aten::gather", t(3, 4), 1, L([-1]), name="gather_negative"),
    case("aten::gather", t(3, 4), 1, L([0], dtype=i32), name="gather_int32_index"),
    case("aten::gather", t(3, 4), 1, L(0), name="gather_ndim_mismatch"),
    case("aten::gather", t(3, 4), 1, torch.zeros(4, 1, dtype=i64), name="gather_size_mismatch"),
    # ---- scatter / scatter_add
    case("aten::scatter.src", t(3, 5), 1, perm(5, 3).expand(3, 3).contiguous(), t(3, 3)),
    case("aten::scatter.src", t(4, 2, dtype=i32), 0, perm(4, 2).unsqueeze(1).expand(2, 2).contiguous(),
         t(3, 2, dtype=i32), name="scatter_dim0"),
    case("aten::scatter.value", t(3, 5), 1, perm(5, 2, seed=1).expand(3, 2).contiguous(), 2.5),
    case("aten::scatter.value", t(3, 5, dtype=i64), 1, perm(5, 2).expand(3, 2).contiguous(), 2.5,
         name="scatter_value_truncates"),
    case("aten::scatter.value", t(3, 5, dtype=u8), 1, perm(5, 2).expand(3, 2).contiguous(), 300,
         name="scatter_value_overflow"),
    case("aten::scatter.reduce", t(3, 5), 1, L([0, 0, 1], [2, 2, 2], [4, 3, 4]), t(3, 3), reduce="add"),
    case("aten::scatter.reduce", t(3, 5), 1, L([0, 0, 1], [2, 2, 2], [4, 3, 4]), t(3, 3), reduce="multiply",
         name="scatter_reduce_multiply"),
    case("aten::scatter.reduce", t(3, 5), 1, L([0], [1], [2]), t(3, 1), reduce="max", name="scatter_reduce_bad"),
    case("aten::scatter.value_reduce", t(3, 5), 1, L([0, 0], [1, 2], [4, 4]), 2.0, reduce="multiply"),
    case("aten::scatter.src", t(3, 5), 1, L([0], [1], [9]), t(3, 1), name="scatter_out_of_bounds"),
    case("aten::scatter.src", t(3, 5), 1, L([0], [1], [2]), t(3, 1, dtype=f64), name="scatter_dtype_mismatch"),
    case("aten::scatter.src", t(3, 5), 1, L([0], [1], [2], dtype=i32), t(3, 1), name="scatter_index_dtype"),
    case("aten::scatter.src", t(3, 5), 1, L([0, 1], [1, 2], [2, 3]), t(3, 1), name="scatter_src_too_small"),
    case("aten::scatter_add", t(3, 5), 1, L([0, 0, 1], [2, 2, 2], [4, 3, 4]), t(3, 3)),
    case("aten::scatter_add", t(5, dtype=i16), 0, L(0, 0, 4, 4, 4), t(5, dtype=i16), name="scatter_add_1d"),
    case("aten::scatter_add", t(3, 5, dtype=b), 1, L([0, 0], [1, 2], [4, 4]), t(3, 2, dtype=b), name="scatter_add_bool"),
    case("aten::scatter_add", t(3, 5), 1, L(0, 1), t(2), name="scatter_add_ndim_mismatch"),
    case("aten::scatter_add_", t(3, 5), 0, L([0, 1, 2, 0, 1]), t(1, 5)),
    case("aten::scatter_.src", t(3, 5), 0, perm(3, 1).expand(1, 5).contiguous(), t(1, 5), name="scatter__src"),
    # ---- masked_fill / masked_select
    case("aten::masked_fill.Scalar", t(4, 5), mask(4, 5), -1.5),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=i32), mask(5), 7, name="masked_fill_broadcast_mask"),
    case("aten::masked_fill.Scalar", t(5), mask(4, 5), 0.0, name="masked_fill_broadcast_self"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=i64).t(), mask(5, 4), 2.7, name="masked_fill_float_into_int"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=u8), mask(4, 5), -1, name="masked_fill_uint8_wraps"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=b), mask(4, 5), 2, name="masked_fill_bool"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=f16), mask(4, 5), float("inf"), name="masked_fill_half_inf"),
    case("aten::masked_fill.Scalar", t(4, 5), L(1, 0, 1, 1, 0, dtype=u8), 3.0, name="masked_fill_uint8_mask"),
    case("aten::masked_fill.Scalar", t(), torch.tensor(True), 3.0, name="masked_fill_0d"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=u8), mask(4, 5), 300, name="masked_fill_overflow"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=f16), mask(4, 5), 1e10, name="masked_fill_half_overflow"),
    case("aten::masked_fill.Scalar", t(4, 5, dtype=i64), mask(4, 5), float("nan"), name="masked_fill_nan_into_int"),
    case("aten::masked_fill.Scalar", t(4, 5), mask(4, 4), 1.0, name="masked_fill_shape_mismatch"),
    case("aten::masked_fill.Tensor", t(4, 5, dtype=bf16), mask(4, 5), torch.tensor(2.5)),
    case("aten::masked_fill.Tensor", t(4, 5, dtype=i64), mask(4, 5), torch.tensor(2.7), name="masked_fill_tensor_convert"),
    case("aten::masked_fill.Tensor", t(4, 5), mask(4, 5), L(1.0, 2.0, dtype=f32), name="masked_fill_tensor_not_0d"),
    case("aten::masked_fill_.Scalar", t(4, 5), mask(5), 0.5),
    case("aten::masked_fill_.Scalar", t(5), mask(4, 5), 0.5, name="masked_fill__cannot_broadcast_self"),
    case("aten::masked_fill_.Tensor", t(4, 5, dtype=f64), mask(4, 5), torch.tensor(-3)),
    case("aten::masked_select", t(4, 5), mask(4, 5)),
    case("aten::masked_select", t(4, 5, dtype=i8), mask(5), name="masked_select_broadcast"),
    case("aten::masked_select", t(5), mask(3, 5), name="masked_select_broadcast_self"),
    case("aten::masked_select", t(4, 5), L(1, 0, 1, 0, 1, dtype=u8), name="masked_select_uint8"),
    case("aten::masked_select", t(4, 5), L(1, 0, 2, 0, 1, dtype=u8), name="masked_select_uint8_two"),
    case("aten::masked_select", t(4, 5), L(1, 0, 1, 0, 1), name="masked_select_long_mask"),
    # ---- take / nonzero / where / argwhere
    case("aten::take", t(3, 4), L([0, 11], [-1, 5])),
    case("aten::take", t(3, 4, dtype=i16).t(), L(1, 2, 3), name="take_noncontig"),
    case("aten::take", t(3, 4), L(12), name="take_out_of_range"),
    case("aten::take", t(3, 4), L(1, dtype=i32), name="take_int32"),
    case("aten::take", t(0), L(0), name="take_from_empty"),
    case("aten::nonzero", t(3, 4, dtype=i32, low=-1, high=1)),
    case("aten::nonzero", L(0.0, float("nan"), -0.0, 2.0, dtype=f32), name="nonzero_nan"),
    case("aten::nonzero", t(3, 4, dtype=b).t(), name="nonzero_noncontig"),
    case("aten::nonzero", torch.tensor(3.0), name="nonzero_0d"),
    case("aten::nonzero", torch.zeros(2, 0), name="nonzero_empty"),
    case("aten::argwhere", t(2, 3, dtype=f16, low=-1, high=1)),
    case("aten::where", t(3, 4, dtype=b)),
    case("aten::where", torch.tensor(0.0), name="where_0d"),
    case("aten::nonzero_numpy", t(2, 2, 2, dtype=u8, low=0, high=1)),
    # ---- embedding / one_hot
    case("aten::embedding", t(5, 3), L(4, 0, 0)),
    case("aten::embedding", t(5, 3, dtype=f16), L([1, 2], [3, 4]), name="embedding_2d_indices"),
    case("aten::embedding", t(5, 3), L(1, 2, dtype=i32), 0, name="embedding_int32_padding"),
    case("aten::embedding", t(5, 3), torch.tensor(1), name="embedding_0d_index"),
    case("aten::embedding", t(5, 3), L(5), name="embedding_out_of_range"),
    case("aten::embedding", t(5), L(1), name="embedding_weight_1d"),
    case("aten::embedding", t(5, 3), L(1.0, dtype=f32), name="embedding_float_indices"),
    case("aten::one_hot", L(0, 2, 1)),
    case("aten::one_hot", L([0, 2], [1, 1]), 4, name="one_hot_classes"),
    case("aten::one_hot", torch.tensor(2), name="one_hot_0d"),
    case("aten::one_hot", L(-1), name="one_hot_negative"),
    case("aten::one_hot", L(3), 2, name="one_hot_too_small"),
    case("aten::one_hot", L(1, dtype=i32), name="one_hot_int32"),
    case("aten::one_hot", torch.zeros(0, dtype=i64), name="one_hot_empty_infer"),
]
