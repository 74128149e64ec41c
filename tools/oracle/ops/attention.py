"""aten::_native_multi_head_attention: the fused self-attention that
nn.MultiheadAttention's eval fast path calls (torchvision vit_*)."""
import torch

from opcase import case, t

CASES = []
TOL = (1e-4, 1e-5)
MHA = "aten::_native_multi_head_attention"


def params(D, dtype=torch.float32):
    return (t(3 * D, D, dtype=dtype, low=-0.5, high=0.5), t(3 * D, dtype=dtype, low=-0.5, high=0.5),
            t(D, D, dtype=dtype, low=-0.5, high=0.5), t(D, dtype=dtype, low=-0.5, high=0.5))


def add(*args, **kwargs):
    CASES.append(case(*args, **kwargs))


x = t(2, 5, 8, low=-1, high=1)
w = params(8)
add(MHA, x, x, x, 8, 2, *w, None, False, tol=TOL, name="mha_self_no_weights")
add(MHA, x, x, x, 8, 2, *w, tol=TOL, name="mha_self_avg_weights")
add(MHA, x, x, x, 8, 4, *w, None, True, False, tol=TOL, name="mha_self_per_head_weights")
add(MHA, x, x, x, 8, 1, *w, None, True, tol=TOL, name="mha_one_head")
k = t(2, 5, 8, low=-1, high=1)
add(MHA, x, k, k, 8, 2, *w, tol=TOL, name="mha_cross_kv_same")
add(MHA, x, k, t(2, 5, 8, low=-1, high=1), 8, 2, *w, tol=TOL, name="mha_cross_distinct")
pad = torch.tensor([[False, False, True, False, True], [False, True, True, True, True]])
add(MHA, x, x, x, 8, 2, *w, pad, True, True, 1, tol=TOL, name="mha_key_padding_mask")
full = t(2, 2, 5, 5, dtype=torch.bool)
full[:, :, :, 0] = False  # every row keeps one position: no NaN rows
add(MHA, x, x, x, 8, 2, *w, full, True, False, 1, tol=TOL, name="mha_full_mask")
add(MHA, x, x, x, 8, 2, *w, full, True, False, 2, tol=TOL, name="mha_full_mask_type2")
add(MHA, x, x, x, 8, 2, *w, pad.float(), True, True, 1, tol=TOL, name="mha_float_mask_converted")
allmasked = torch.ones(2, 2, 5, 5, dtype=torch.bool)
allmasked[0] = False
add(MHA, x, x, x, 8, 2, *w, allmasked, True, False, 1, tol=TOL, name="mha_fully_masked_rows_nan")
xv = t(1, 197, 32, low=-1, high=1)
add(MHA, xv, xv, xv, 32, 4, *params(32), None, False, tol=TOL, name="mha_vit_shape")
xd = t(2, 3, 6, dtype=torch.float64)
add(MHA, xd, xd, xd, 6, 3, *params(6, torch.float64), name="mha_f64")
add(MHA, x.transpose(0, 1).contiguous().transpose(0, 1), x, x, 8, 2, *w, tol=TOL, name="mha_noncontig_query")
e = t(0, 5, 8)
add(MHA, e, e, e, 8, 2, *w, name="mha_empty_batch")
add(MHA, x[0], x[0], x[0], 8, 2, *w, name="err_mha_2d_query")
add(MHA, x, t(2, 4, 8), t(2, 4, 8), 8, 2, *w, name="err_mha_shape_mismatch")
add(MHA, x, x, x, 8, 3, *w, name="err_mha_heads_indivisible")
add(MHA, x, x, x, 6, 2, *w, name="err_mha_embed_dim")
add(MHA, x, x, x, 8, 2, t(8, 8), *w[1:], name="err_mha_qkv_weight_shape")
add(MHA, x, x, x, 8, 2, *w, pad, True, True, None, name="err_mha_mask_type_missing")
add(MHA, x, x, x, 8, 2, *w, pad, True, True, 0, name="err_mha_src_mask_cpu")
add(MHA, x, x, x, 8, 2, *w, t(5, 5, dtype=torch.bool), True, True, 1, name="err_mha_mask_batch")
add(MHA, x, x, x, 8, 2, *w, t(2, 4, dtype=torch.bool), True, True, 1, name="err_mha_mask_seq_len")
add(MHA, x, x, x, 8, 2, *w, t(2, 1, 5, 5, dtype=torch.bool), True, True, 1, name="err_mha_mask_shape")
