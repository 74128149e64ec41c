"""Sorting and selection: sort, argsort, topk, kthvalue, unique."""
import torch

from opcase import case, t

f32, f64, f16, bf16 = torch.float32, torch.float64, torch.float16, torch.bfloat16
i8, u8, i16, i32, i64, b = torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool
nan, inf = float("nan"), float("inf")


def L(*v, dtype=i64):
    return torch.tensor(v, dtype=dtype)


def ties(n, k=3, seed=0):
    """n small ints with many repeats: tie order is what these cases check."""
    g = torch.Generator().manual_seed(seed + 5)
    return torch.randint(0, k, (n,), generator=g)


WITH_NAN = L(3.0, 1.0, nan, 2.0, 1.0, -inf, nan, inf, -0.0, 0.0, dtype=f32)

CASES = [
    # ---- sort (std::sort in PyTorch: tie order is the introsort's, reproduced exactly)
    case("aten::sort", t(4, 6)),
    case("aten::sort", t(4, 6, dtype=i32), 0, True, name="sort_dim0_descending"),
    case("aten::sort", WITH_NAN, name="sort_nan_last"),
    case("aten::sort", WITH_NAN, 0, True, name="sort_nan_first_descending"),
    case("aten::sort", WITH_NAN.to(f16), name="sort_half_nan"),
    case("aten::sort", WITH_NAN.to(bf16), -1, True, name="sort_bfloat16"),
    case("aten::sort", WITH_NAN.to(f64), name="sort_double"),
    case("aten::sort", ties(40), name="sort_ties_small"),
    case("aten::sort", ties(40), 0, True, name="sort_ties_descending"),
    case("aten::sort", ties(200, 5), name="sort_ties_large"),
    case("aten::sort", ties(200, 4).to(u8).reshape(10, 20), 1, True, name="sort_ties_rows"),
    case("aten::sort", ties(30, 2).to(b), name="sort_bool"),
    case("aten::sort", t(5, 4, dtype=i8).t(), name="sort_noncontig"),
    case("aten::sort", t(3, 4, 5, dtype=i16), 1, name="sort_middle_dim"),
    case("aten::sort", torch.tensor(2.5), name="sort_0d"),
    case("aten::sort", t(0, 3), name="sort_empty"),
    case("aten::sort", t(3, 4), 2, name="sort_dim_out_of_range"),
    case("aten::sort.stable", ties(50), stable=True, name="sort_stable"),
    case("aten::sort.stable", ties(50), stable=True, descending=True, name="sort_stable_descending"),
    case("aten::sort.stable", WITH_NAN, stable=True, dim=0, name="sort_stable_nan"),
    case("aten::sort.stable", ties(50), stable=False, name="sort_stable_false"),
    case("aten::argsort", t(3, 5)),
    case("aten::argsort", ties(40), 0, True, name="argsort_ties_descending"),
    case("aten::argsort.stable", ties(40), stable=True, name="argsort_stable"),
    case("aten::msort", t(4, 3, dtype=i64)),
    # ---- topk (nth_element / partial_sort as in PyTorch, ties included)
    case("aten::topk", t(4, 10), 3),
    case("aten::topk", t(4, 10, dtype=i32), 2, 0, False, name="topk_smallest_dim0"),
    case("aten::topk", WITH_NAN, 4, name="topk_nan"),
    case("aten::topk", WITH_NAN, 4, largest=False, name="topk_nan_smallest"),
    case("aten::topk", ties(30), 5, name="topk_ties"),
    case("aten::topk", ties(30), 5, largest=False, name="topk_ties_smallest"),
    case("aten::topk", ties(300, 7), 3, name="topk_ties_partial_sort"),
    case("aten::topk", ties(300, 7), 4, largest=False, name="topk_ties_partial_sort_smallest"),
    case("aten::topk", ties(30), 5, sorted=False, name="topk_unsorted"),
    case("aten::topk", t(3, 8, dtype=bf16).t(), 2, 0, name="topk_bfloat16_noncontig"),
    case("aten::topk", t(6, dtype=f64), 6, name="topk_all"),
    case("aten::topk", t(6), 0, name="topk_zero"),
    case("aten::topk", torch.tensor(1.5), 1, name="topk_0d"),
    case("aten::topk", t(6), 7, name="topk_too_many"),
    case("aten::topk", t(6), -1, name="topk_negative"),
    # ---- kthvalue
    case("aten::kthvalue", t(4, 7), 3),
    case("aten::kthvalue", t(4, 7, dtype=i64), 2, 0, True, name="kthvalue_keepdim"),
    case("aten::kthvalue", ties(25), 7, name="kthvalue_ties"),
    case("aten::kthvalue", WITH_NAN, 9, name="kthvalue_nan"),
    case("aten::kthvalue", torch.tensor(3.0), 1, name="kthvalue_0d"),
    case("aten::kthvalue", t(5), 6, name="kthvalue_out_of_range"),
    # ---- unique
    case("aten::_unique2", L(3, 1, 2, 1, 3)),
    case("aten::_unique2", L(3, 1, 2, 1, 3).reshape(1, 5), True, True, True, name="unique2_all_outputs"),
    case("aten::_unique2", L(3, 1, 2, 1, 3), True, False, True, name="unique2_counts_only"),
    case("aten::_unique2", L(3, 1, 2, 1, 3, 7, 5, 0, -4), False, True, True, name="unique2_unsorted_int64"),
    case("aten::_unique2", L(3.0, 1.0, 2.0, 1.0, 7.5, -2.0, 0.0, -0.0, dtype=f32), False, True, True,
         name="unique2_unsorted_float"),
    case("aten::_unique2", L(3.0, 1.0, 2.0, 1.0, 7.5, -2.0, dtype=f64), False, True, True,
         name="unique2_unsorted_double"),
    case("aten::_unique2", L(3.0, 1.0, 2.0, 1.0, 7.5, -2.0, dtype=bf16), False, True, True,
         name="unique2_unsorted_bfloat16"),
    case("aten::_unique2", L(3, 1, 2, 1, 7, -2, dtype=i8), False, True, True, name="unique2_unsorted_int8"),
    case("aten::_unique2", t(4, 5, dtype=i32), True, True, True, name="unique2_int32"),
    case("aten::_unique2", t(4, 5, dtype=u8), False, False, True, name="unique2_uint8_unsorted"),
    case("aten::_unique2", L(True, False, True, dtype=b), False, True, True, name="unique2_bool"),
    case("aten::_unique2", L(True, True, dtype=b), True, False, True, name="unique2_bool_counts_only"),
    case("aten::_unique2", torch.tensor(3), True, True, True, name="unique2_0d"),
    case("aten::_unique2", t(0, 3), True, True, True, name="unique2_empty"),
    case("aten::_unique2", t(4, dtype=f16), name="unique2_half_unsupported"),
    case("aten::_unique", L(2, 2, 0, 5), True, True),
    case("aten::_unique", L(2, 2, 0, 5, 9, 1), False, False, name="unique_unsorted"),
    case("aten::unique_dim", L([1, 2], [0, 1], [1, 2]), 0),
    case("aten::unique_dim", L([1, 2, 1], [0, 1, 0]), 1, True, True, True, name="unique_dim_columns"),
    case("aten::unique_dim", ties(24, 2).reshape(6, 2, 2), 0, True, True, True, name="unique_dim_3d"),
    case("aten::unique_dim", L([True, False], [True, False], dtype=b), 0, name="unique_dim_bool"),
    case("aten::unique_dim", t(0, 3), 0, name="unique_dim_empty"),
    case("aten::unique_dim", t(0, 3), 1, name="unique_dim_empty_other"),
    case("aten::unique_dim", torch.tensor(3), 0, name="unique_dim_0d"),
    case("aten::unique_consecutive", L(1, 1, 2, 2, 3, 1, 1)),
    case("aten::unique_consecutive", L(1, 1, 2, 2, 3, 1, 1).reshape(7, 1), True, True, name="unique_consecutive_all"),
    case("aten::unique_consecutive", L(1.5, 1.5, -2.0, dtype=f32), False, True, name="unique_consecutive_counts"),
    case("aten::unique_consecutive", L([1, 2], [1, 2], [0, 1]), True, True, 0, name="unique_consecutive_dim"),
    case("aten::unique_consecutive", L(True, True, False, dtype=b), True, True, 0, name="unique_consecutive_bool"),
    case("aten::unique_consecutive", torch.tensor(3), True, True, name="unique_consecutive_0d"),
    case("aten::unique_consecutive", t(0), True, True, name="unique_consecutive_empty"),
]
