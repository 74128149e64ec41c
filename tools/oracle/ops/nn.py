"""Neural-network ops: convolution, pooling, normalization, dropout, padding,
interpolation, pixel/channel shuffle, losses and recurrent layers."""
import torch

from opcase import case, t, positive

CONV_TOL = (1e-4, 1e-5)
f64 = torch.float64
bf16 = torch.bfloat16
CASES = []


def add(*args, **kwargs):
    CASES.append(case(*args, **kwargs))


# ---------------------------------------------------------------- convolution
C2 = "aten::conv2d"
add(C2, t(1, 3, 8, 8), t(4, 3, 3, 3), t(4), tol=CONV_TOL, name="conv2d_basic")
add(C2, t(2, 4, 9, 7), t(6, 4, 3, 3), None, [2, 1], [1, 0], tol=CONV_TOL, name="conv2d_stride_pad_nobias")
add(C2, t(1, 4, 10, 10), t(8, 4, 3, 3), t(8), 1, 2, 2, tol=CONV_TOL, name="conv2d_dilation")
add(C2, t(1, 6, 7, 7), t(9, 2, 3, 3), t(9), 1, 1, 1, 3, tol=CONV_TOL, name="conv2d_groups")
add(C2, t(2, 8, 6, 6), t(8, 1, 3, 3), t(8), 1, 1, 1, 8, tol=CONV_TOL, name="conv2d_depthwise")
add(C2, t(1, 8, 7, 7), t(16, 1, 3, 3), t(16), 2, 1, 1, 8, tol=CONV_TOL, name="conv2d_depthwise_mult2_stride2")
add(C2, t(1, 16, 5, 5), t(32, 16, 1, 1), None, tol=CONV_TOL, name="conv2d_1x1")
# Unit-range values: sums of 288 products of [-3, 3] values differ by ~4e-5 between summation orders.
add(C2, t(1, 32, 12, 12, low=-1, high=1), t(32, 32, 3, 3, low=-1, high=1), t(32), 1, 1, tol=CONV_TOL, name="conv2d_32ch_blocked")
add(C2, t(1, 3, 15, 13), t(16, 3, 7, 7), t(16), 2, 3, tol=CONV_TOL, name="conv2d_resnet_stem")
add(C2, t(1, 3, 8, 8, noncontig=True), t(4, 3, 3, 3), t(4), tol=CONV_TOL, name="conv2d_noncontig_input")
add(C2, t(1, 3, 8, 8), t(4, 3, 3, 3, noncontig=True), t(4), tol=CONV_TOL, name="conv2d_noncontig_weight")
add(C2, t(3, 8, 8), t(4, 3, 3, 3), t(4), tol=CONV_TOL, name="conv2d_unbatched")
CL = torch.channels_last
add(C2, t(2, 16, 9, 9, low=-1, high=1).to(memory_format=CL), t(16, 16, 3, 3, low=-1, high=1), t(16), 1, 1, tol=CONV_TOL,
    name="conv2d_channels_last_input")
add(C2, t(1, 8, 9, 9, low=-1, high=1), t(16, 8, 1, 1, low=-1, high=1).to(memory_format=CL), None, tol=CONV_TOL,
    name="conv2d_channels_last_weight")
add(C2, t(1, 4, 6, 6, dtype=f64).to(memory_format=CL), t(4, 2, 3, 3, dtype=f64), t(4, dtype=f64), 1, 1, 1, 2,
    name="conv2d_channels_last_f64")
add(C2, t(0, 3, 8, 8), t(4, 3, 3, 3), t(4), name="conv2d_empty_batch")
add(C2, t(1, 0, 8, 8), t(4, 0, 3, 3), t(4), name="conv2d_zero_in_channels")
add(C2, t(1, 3, 8, 8, dtype=f64), t(4, 3, 3, 3, dtype=f64), t(4, dtype=f64), 2, 1, name="conv2d_f64")
add(C2, t(1, 4, 8, 8, dtype=f64), t(4, 2, 3, 3, dtype=f64), None, 1, 1, 2, 2, name="conv2d_f64_groups_dil")
add(C2, t(1, 3, 6, 6, dtype=bf16), t(4, 3, 3, 3, dtype=bf16), t(4, dtype=bf16), name="conv2d_bf16", tol=(2e-2, 2e-2))
add(C2, t(1, 2, 5, 5, dtype=torch.int64), t(3, 2, 3, 3, dtype=torch.int64), t(3, dtype=torch.int64), name="conv2d_int64")
add(C2, t(1, 3, 7, 6), t(5, 3, 2, 4), t(5), [1, 2], [1, 2], [2, 1], tol=CONV_TOL, name="conv2d_rect_kernel")
add(C2, t(1, 4, 6, 6, dtype=torch.int8, low=-100, high=100), t(2, 4, 3, 3, dtype=torch.int8, low=-100, high=100),
    t(2, dtype=torch.int8), name="conv2d_int8_wraps")
add(C2, t(1, 4, 6, 6, dtype=torch.int32), t(4, 1, 3, 3, dtype=torch.int32), None, 1, 1, 1, 4, name="conv2d_int32_depthwise")
add(C2, t(1, 4, 6, 6, dtype=torch.int32), t(2, 4, 3, 3, dtype=torch.int32), None, 1, 0, 2, name="err_conv2d_int32_dilated")
add(C2, t(1, 3, 8, 8), t(4, 2, 3, 3), name="err_conv2d_wrong_channels")
add(C2, t(1, 1, 3, 8, 8), t(4, 1, 3, 3), name="err_conv2d_5d_input")
add(C2, t(8, 8), t(4, 1, 3, 3), name="err_conv2d_2d_input")
add(C2, t(1, 4, 8, 8), t(5, 2, 3, 3), None, 1, 0, 1, 2, name="err_conv2d_groups_indivisible")
add(C2, t(1, 4, 2, 2), t(5, 4, 3, 3), name="err_conv2d_kernel_too_big")
add(C2, t(1, 4, 8, 8), t(5, 4, 3, 3), None, 1, -1, name="err_conv2d_negative_padding")
add(C2, t(1, 4, 8, 8), t(5, 4, 3, 3), None, 0, name="err_conv2d_zero_stride")
add(C2, t(1, 4, 8, 8), t(5, 4, 3, 3), t(4), name="err_conv2d_bias_size")
add(C2, t(1, 4, 8, 8), t(5, 4, 3, 3, dtype=f64), name="err_conv2d_weight_dtype")
add(C2, t(1, 4, 8, 8), t(5, 4, 3, 3), None, [1, 1, 1], name="err_conv2d_stride_len")
add(C2, t(1, 4, 8, 8), t(4, 4, 3, 3), None, 1, 0, 1, 0, name="err_conv2d_zero_groups")
add(C2, t(1, 4, 8, 8, dtype=torch.float16), t(4, 4, 3, 3, dtype=torch.float16), name="err_conv2d_half")
add("aten::conv2d.padding", t(1, 3, 8, 8), t(4, 3, 3, 3), t(4), 1, "same", tol=CONV_TOL, name="conv2d_same")
add("aten::conv2d.padding", t(1, 3, 8, 7), t(4, 3, 4, 2), t(4), 1, "same", [1, 2], tol=CONV_TOL, name="conv2d_same_even_kernel")
add("aten::conv2d.padding", t(1, 3, 8, 8), t(4, 3, 3, 3), None, 1, "valid", tol=CONV_TOL, name="conv2d_valid")
add("aten::conv2d.padding", t(1, 3, 8, 8), t(4, 3, 3, 3), None, 2, "same", name="err_conv2d_same_strided")
add("aten::conv2d.padding", t(1, 3, 8, 8), t(4, 3, 3, 3), None, 1, "full", name="err_conv2d_bad_padding_string")
add("aten::conv1d", t(2, 4, 16), t(6, 4, 3), t(6), 2, 1, tol=CONV_TOL, name="conv1d_basic")
add("aten::conv1d", t(1, 4, 16), t(4, 1, 5), None, 1, 4, 2, 4, tol=CONV_TOL, name="conv1d_depthwise_dil")
add("aten::conv1d", t(4, 16), t(6, 4, 3), t(6), tol=CONV_TOL, name="conv1d_unbatched")
add("aten::conv1d", t(1, 1, 64), t(16, 1, 8), t(16), 4, tol=CONV_TOL, name="conv1d_silero_stem")
# Shapes silero VAD runs: the STFT as a strided 1-d convolution, a depthwise stage.
add("aten::conv1d", t(1, 1, 1728, low=-1, high=1), t(258, 1, 256, low=-1, high=1), None, 128, tol=CONV_TOL,
    name="conv1d_silero_stft")
add("aten::conv1d", t(1, 258, 24, low=-1, high=1), t(258, 1, 5, low=-1, high=1), t(258), 1, 2, 1, 258, tol=CONV_TOL,
    name="conv1d_silero_depthwise")
add("aten::conv1d", t(1, 4, 16, dtype=f64), t(6, 4, 3, dtype=f64), t(6, dtype=f64), 1, 1, name="conv1d_f64")
add("aten::conv1d.padding", t(1, 4, 16), t(6, 4, 4), t(6), 1, "same", 3, tol=CONV_TOL, name="conv1d_same_dilated")
add("aten::conv3d", t(1, 2, 5, 6, 6), t(4, 2, 3, 3, 3), t(4), 1, 1, tol=CONV_TOL, name="conv3d_basic")
add("aten::conv3d", t(1, 4, 4, 6, 6), t(4, 2, 1, 3, 3), None, [1, 2, 2], [0, 1, 1], 1, 2, tol=CONV_TOL, name="conv3d_groups_stride")
add("aten::conv3d", t(1, 2, 4, 5, 5, dtype=f64), t(3, 2, 2, 2, 2, dtype=f64), t(3, dtype=f64), name="conv3d_f64")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5), t(4, 3, 3, 3), t(3), 2, 1, 1, tol=CONV_TOL, name="conv_transpose2d_stride_outpad")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5), t(4, 2, 3, 3), None, 1, 0, 0, 2, tol=CONV_TOL, name="conv_transpose2d_groups")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5), t(4, 3, 3, 3), t(3), 2, 2, 0, 1, 2, tol=CONV_TOL, name="conv_transpose2d_dilated")
add("aten::conv_transpose2d.input", t(4, 5, 5), t(4, 3, 2, 2), t(3), 2, tol=CONV_TOL, name="conv_transpose2d_unbatched")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5, dtype=f64), t(4, 3, 3, 3, dtype=f64), t(3, dtype=f64), 2, 1, 1, name="conv_transpose2d_f64")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5), t(4, 3, 3, 3), None, 1, 0, 2, name="err_conv_transpose2d_outpad")
add("aten::conv_transpose2d.input", t(1, 4, 5, 5), t(3, 3, 3, 3), name="err_conv_transpose2d_channels")
add("aten::conv_transpose1d", t(1, 4, 7), t(4, 2, 4), t(2), 2, 1, tol=CONV_TOL, name="conv_transpose1d_basic")
add("aten::conv_transpose2d.input", t(1, 2, 3, 3, dtype=torch.int64), t(2, 3, 2, 2, dtype=torch.int64), t(3, dtype=torch.int64), 2,
    name="conv_transpose2d_int64")
# PyTorch 1.13's CPU bfloat16 transposed convolution fails (it checks the weight as a plain convolution's).
add("aten::conv_transpose2d.input", t(1, 4, 4, 4, dtype=bf16), t(4, 2, 3, 3, dtype=bf16), None, 2, 1, 1,
    name="err_conv_transpose2d_bf16")
add("aten::conv_transpose1d", t(1, 4, 7, dtype=f64), t(4, 2, 4, dtype=f64), None, 3, 1, 2, name="conv_transpose1d_f64_outpad")
add("aten::conv_transpose3d.input", t(1, 2, 3, 3, 3), t(2, 2, 2, 2, 2), t(2), 2, tol=CONV_TOL, name="conv_transpose3d_basic")
add("aten::_convolution", t(1, 3, 8, 8), t(4, 3, 3, 3), t(4), [1, 1], [1, 1], [1, 1], False, [0, 0], 1, False, False, True, True,
    tol=CONV_TOL, name="_convolution_traced")
add("aten::_convolution", t(1, 4, 8), t(4, 1, 3), None, [1], [1], [1], False, [0], 4, False, False, True, True,
    tol=CONV_TOL, name="_convolution_1d_depthwise")
add("aten::_convolution", t(1, 4, 5, 5), t(4, 3, 3, 3), t(3), [2, 2], [1, 1], [1, 1], True, [1, 1], 1, False, False, True, True,
    tol=CONV_TOL, name="_convolution_transposed")
add("aten::_convolution.deprecated", t(1, 3, 8, 8), t(4, 3, 3, 3), t(4), [2, 2], [0, 0], [1, 1], False, [0, 0], 1, False, False, True,
    tol=CONV_TOL, name="_convolution_deprecated")
add("aten::convolution", t(1, 3, 8, 8), t(4, 3, 3, 3), None, [1], [0], [1], False, [0], 1, tol=CONV_TOL, name="convolution_single_values")
add("aten::convolution", t(1, 3, 8, 8), t(4, 3, 3), None, [1], [0], [1], False, [0], 1, name="err_convolution_dim_mismatch")
add("aten::_convolution_mode", t(1, 3, 9, 9), t(4, 3, 3, 3), t(4), [1], "same", [2], 1, tol=CONV_TOL, name="_convolution_mode_same")

# ---------------------------------------------------------------- pooling
MP2 = "aten::max_pool2d"
add(MP2, t(1, 3, 8, 8), [2, 2], name="max_pool2d_basic")
add(MP2, t(2, 3, 9, 9), [3, 3], [2, 2], [1, 1], name="max_pool2d_resnet")
add(MP2, t(1, 2, 7, 7), [3, 3], [2, 2], [0, 0], [1, 1], True, name="max_pool2d_ceil")
add(MP2, t(1, 2, 6, 6), [2, 2], [2, 2], [1, 1], [1, 1], True, name="max_pool2d_ceil_pad_edge")
add(MP2, t(1, 2, 10, 9), [3, 2], [2, 1], [1, 0], [2, 3], name="max_pool2d_dilation")
add(MP2, t(3, 7, 7), [3, 3], [], name="max_pool2d_unbatched_default_stride")
add(MP2, t(1, 2, 7, 7, dtype=f64), [2, 2], [1, 1], name="max_pool2d_f64")
add(MP2, t(1, 2, 7, 7, dtype=bf16), [2, 2], name="max_pool2d_bf16")
add(MP2, t(1, 2, 6, 6, noncontig=True), [2, 2], name="max_pool2d_noncontig")
add(MP2, torch.tensor([[[[1.0, float("nan")], [3.0, -1.0]]]]), [2, 2], name="max_pool2d_nan")
add(MP2, t(1, 2, 4, 4, dtype=torch.int64), [2, 2], name="err_max_pool2d_long")
add(MP2, t(1, 2, 4, 4), [2, 2], [2, 2], [2, 2], name="err_max_pool2d_pad_too_big")
add(MP2, t(1, 2, 2, 2), [3, 3], name="err_max_pool2d_output_too_small")
add(MP2, t(2, 4), [2, 2], name="err_max_pool2d_2d_input")
add(MP2, t(1, 2, 4, 4), [2, 2, 2], name="err_max_pool2d_kernel_len")
add(MP2, t(1, 2, 4, 4), [0, 2], name="err_max_pool2d_zero_kernel")
add("aten::max_pool2d_with_indices", t(1, 2, 7, 7), [3, 3], [2, 2], [1, 1], [1, 1], True, name="max_pool2d_with_indices")
add("aten::max_pool1d", t(2, 3, 11), [3], [2], [1], name="max_pool1d_basic")
add("aten::max_pool1d", t(3, 11), [3], [2], [0], [2], True, name="max_pool1d_unbatched_dil_ceil")
add("aten::max_pool1d", t(3, 11, 4, 5), [3], name="err_max_pool1d_4d")
add("aten::max_pool1d_with_indices", t(2, 3, 11), [4], [3], [2], [1], True, name="max_pool1d_with_indices")
add("aten::max_pool3d", t(1, 2, 5, 6, 6), [2, 3, 3], [2, 2, 2], [1, 1, 1], name="max_pool3d_basic")
add("aten::max_pool3d", t(2, 5, 5, 5), [3, 3, 3], [2, 2, 2], [0, 0, 0], [1, 1, 1], True, name="max_pool3d_unbatched_ceil")
add("aten::max_pool3d_with_indices", t(1, 2, 5, 5, 5), [2, 2, 2], name="max_pool3d_with_indices")
add("aten::max_pool2d_with_indices", t(1, 2, 6, 7, dtype=bf16), [3, 2], [2, 2], [1, 1], [1, 1], False, name="max_pool2d_with_indices_bf16")
add("aten::max_pool2d_with_indices", torch.tensor([[[[1.0, 3.0, 3.0], [3.0, float("nan"), 2.0], [float("nan"), 0.0, 3.0]]]]), [2, 2], [1, 1],
    name="max_pool2d_with_indices_ties_nan")
AP2 = "aten::avg_pool2d"
add(AP2, t(1, 3, 8, 8), [2, 2], name="avg_pool2d_basic")
add(AP2, t(1, 3, 7, 7), [3, 3], [2, 2], [1, 1], name="avg_pool2d_pad_count_include")
add(AP2, t(1, 3, 7, 7), [3, 3], [2, 2], [1, 1], False, False, name="avg_pool2d_pad_exclude")
add(AP2, t(1, 3, 7, 7), [3, 3], [2, 2], [1, 1], True, True, name="avg_pool2d_ceil")
add(AP2, t(1, 3, 6, 6), [3, 3], [2, 2], [1, 1], True, False, name="avg_pool2d_ceil_exclude")
add(AP2, t(1, 3, 7, 7), [3, 2], [2, 1], [1, 0], False, True, 5, name="avg_pool2d_divisor")
add(AP2, t(3, 7, 7, dtype=f64), [2, 2], name="avg_pool2d_unbatched_f64")
add(AP2, t(1, 2, 6, 6, dtype=torch.int64, low=-20, high=20), [3, 3], [1, 1], [1, 1], name="avg_pool2d_long")
add(AP2, t(1, 2, 6, 6, dtype=bf16), [2, 2], name="avg_pool2d_bf16")
add(AP2, t(1, 2, 6, 6), [2, 2], [2, 2], [0, 0], False, True, 0, name="err_avg_pool2d_divisor_zero")
add(AP2, t(1, 2, 6, 6, dtype=torch.int32), [2, 2], name="err_avg_pool2d_int")
add("aten::avg_pool1d", t(2, 3, 10), [3], [2], [1], name="avg_pool1d_basic")
add("aten::avg_pool1d", t(2, 3, 10), [3], [2], [1], True, False, name="avg_pool1d_ceil_exclude")
add("aten::avg_pool3d", t(1, 2, 5, 6, 6), [2, 3, 3], [2, 2, 2], [1, 1, 1], name="avg_pool3d_basic")
add("aten::avg_pool3d", t(1, 2, 5, 5, 5), [3, 3, 3], [2, 2, 2], [1, 1, 1], True, False, name="avg_pool3d_ceil_exclude")
add("aten::avg_pool3d", t(2, 4, 4, 4), [2, 2, 2], [2, 2, 2], [0, 0, 0], False, True, 3, name="avg_pool3d_divisor")
add("aten::avg_pool3d", t(1, 1, 3, 4, 4, dtype=torch.int64, low=-50, high=50), [2, 2, 2], [1, 1, 1], name="avg_pool3d_long")
AAP2 = "aten::adaptive_avg_pool2d"
add(AAP2, t(2, 3, 7, 7), [1, 1], name="adaptive_avg_pool2d_global")
add(AAP2, t(1, 3, 10, 9), [3, 4], name="adaptive_avg_pool2d_uneven")
add(AAP2, t(3, 5, 5), [7, 7], name="adaptive_avg_pool2d_upsample_unbatched")
add(AAP2, t(1, 2, 6, 6, dtype=f64), [2, 3], name="adaptive_avg_pool2d_f64")
add(AAP2, t(1, 2, 6, 6, dtype=bf16), [1, 1], name="adaptive_avg_pool2d_bf16_global")
add(AAP2, t(1, 2, 6, 6, noncontig=True), [4, 4], name="adaptive_avg_pool2d_noncontig")
add(AAP2, t(1, 2, 6, 6, dtype=torch.int64), [2, 2], name="err_adaptive_avg_pool2d_long")
add(AAP2, t(1, 2, 0, 6), [2, 2], name="err_adaptive_avg_pool2d_empty")
add(AAP2, t(6, 6), [2, 2], name="err_adaptive_avg_pool2d_2d")
add("aten::adaptive_avg_pool1d", t(2, 3, 10), [4], name="adaptive_avg_pool1d")
add("aten::adaptive_avg_pool3d", t(1, 2, 4, 5, 6), [2, 3, 4], name="adaptive_avg_pool3d")
add("aten::adaptive_avg_pool3d", t(1, 2, 4, 5, 6), [1, 1, 1], name="adaptive_avg_pool3d_global")
add("aten::adaptive_max_pool2d", t(1, 3, 9, 7), [4, 3], name="adaptive_max_pool2d")
add("aten::adaptive_max_pool2d", t(3, 5, 5, dtype=f64), [2, 2], name="adaptive_max_pool2d_unbatched_f64")
add("aten::adaptive_max_pool1d", t(2, 3, 10), [4], name="adaptive_max_pool1d")

# ---------------------------------------------------------------- normalization
BN = "aten::batch_norm"
add(BN, t(2, 3, 4, 4), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, True, name="batch_norm_eval")
add(BN, t(2, 3), None, None, t(3), positive(3), False, 0.1, 1e-3, True, name="batch_norm_eval_2d_no_affine")
add(BN, t(2, 3, 5), t(3), t(3), t(3), positive(3), True, 0.1, 1e-5, True, name="batch_norm_train")
add(BN, t(2, 3, 5), t(3), t(3), None, None, True, 0.1, 1e-5, True, name="batch_norm_train_no_running")
add(BN, t(2, 3, 4, 4, dtype=f64), t(3, dtype=f64), t(3, dtype=f64), t(3, dtype=f64), positive(3, dtype=f64), False, 0.1, 1e-5, True,
    name="batch_norm_f64")
add(BN, t(2, 3, 4, 4, dtype=bf16), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, True, name="batch_norm_bf16_mixed")
add(BN, t(1, 3, 2, 2, 2), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, True, name="batch_norm_5d")
add(BN, t(2, 3, 4, noncontig=True), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, True, name="batch_norm_noncontig")
add(BN, t(0, 3, 4), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, True, name="batch_norm_empty")
add(BN, t(2, 3, 4), t(3), t(3), t(4), positive(3), False, 0.1, 1e-5, True, name="err_batch_norm_running_mean_size")
add(BN, t(2, 3, 4), t(3), t(3), None, None, False, 0.1, 1e-5, True, name="err_batch_norm_eval_no_running")
add(BN, t(2, 3, 4, dtype=torch.int64), None, None, t(3), positive(3), False, 0.1, 1e-5, True, name="err_batch_norm_long")
add("aten::native_batch_norm", t(2, 3, 4), t(3), t(3), t(3), positive(3), False, 0.1, 1e-5, name="native_batch_norm_eval")
add("aten::native_batch_norm", t(2, 3, 4), t(3), t(3), t(3), positive(3), True, 0.1, 1e-5, name="native_batch_norm_train")
LN = "aten::layer_norm"
add(LN, t(2, 5, 8), [8], t(8), t(8), 1e-5, True, name="layer_norm_last")
add(LN, t(2, 3, 4), [3, 4], None, None, name="layer_norm_two_dims_no_affine")
add(LN, t(4, 6, dtype=f64), [6], t(6, dtype=f64), None, 1e-6, name="layer_norm_f64_weight_only")
add(LN, t(2, 4, 8, noncontig=True), [4], t(4), t(4), name="layer_norm_noncontig")
# PyTorch 1.13 accumulates bfloat16 layer-norm statistics in bfloat16 (its rstd can be off by an
# ulp); ember accumulates in float, so outputs near zero differ by more than the bf16 default.
add(LN, t(2, 3, 16, dtype=bf16), [16], t(16, dtype=bf16), t(16, dtype=bf16), tol=(2e-2, 3e-2), name="layer_norm_bf16")
add(LN, t(0, 4), [4], name="layer_norm_empty")
add(LN, t(2, 5, 8), [5], name="err_layer_norm_shape")
add(LN, t(2, 5, 8), [8], t(7), name="err_layer_norm_weight_shape")
add("aten::native_layer_norm", t(3, 6), [6], t(6), t(6), 1e-5, name="native_layer_norm")
GN = "aten::group_norm"
add(GN, t(2, 6, 4, 4), 3, t(6), t(6), 1e-5, True, name="group_norm")
add(GN, t(2, 6, 5), 2, None, None, name="group_norm_3d_no_affine")
add(GN, t(2, 4, 3, 3, dtype=f64), 4, t(4, dtype=f64), t(4, dtype=f64), name="group_norm_f64_instance_like")
add(GN, t(2, 6, 4), 4, name="err_group_norm_indivisible")
add("aten::native_group_norm", t(2, 6, 4, 4), t(6), t(6), 2, 6, 16, 3, 1e-5, name="native_group_norm")
IN = "aten::instance_norm"
add(IN, t(2, 3, 5, 5), t(3), t(3), None, None, True, 0.1, 1e-5, True, name="instance_norm")
add(IN, t(2, 3, 6), None, None, t(3), positive(3), True, 0.1, 1e-5, True, name="instance_norm_running")
add(IN, t(2, 3, 6), None, None, t(3), positive(3), False, 0.1, 1e-5, True, name="instance_norm_running_stats_eval")
add(IN, t(2, 3, 6), None, None, None, None, False, 0.1, 1e-5, True, name="err_instance_norm_no_stats")

# ---------------------------------------------------------------- dropout
for op in ["dropout", "feature_dropout", "alpha_dropout", "feature_alpha_dropout"]:
    add(f"aten::{op}", t(3, 4), 0.5, False, name=f"{op}_eval")
    add(f"aten::{op}_", t(3, 4), 0.5, False, name=f"{op}__eval")
add("aten::dropout", t(3, 4), 0.0, True, name="dropout_train_p0")
add("aten::dropout", t(3, 4), 1.0, True, name="dropout_train_p1")
add("aten::dropout", t(3, 4, dtype=torch.int64), 0.3, False, name="dropout_eval_long")
add("aten::dropout", t(3, 4), 1.5, False, name="err_dropout_p")

# ---------------------------------------------------------------- padding
PAD = "aten::pad"
add(PAD, t(2, 3), [1, 2], name="pad_constant_default")
add(PAD, t(2, 3, 4), [1, 2, 0, 1], "constant", 2.5, name="pad_constant_value")
add(PAD, t(2, 3, 4), [-1, 2, 1, -1], "constant", name="pad_constant_negative")
add(PAD, t(2, 3, 4, dtype=torch.int32), [1, 1, 1, 1, 1, 1], "constant", 7.0, name="pad_constant_int_3dims")
add(PAD, t(1, 2, 5), [2, 3], "reflect", name="pad_reflect1d")
add(PAD, t(2, 5), [4, 1], "reflect", name="pad_reflect1d_unbatched")
add(PAD, t(1, 2, 4, 5), [1, 2, 3, 0], "reflect", name="pad_reflect2d")
add(PAD, t(1, 2, 4, 5, dtype=f64), [-1, 2, 1, 1], "reflect", name="pad_reflect2d_negative")
add(PAD, t(1, 2, 3, 4, 4), [1, 1, 2, 0, 1, 2], "reflect", name="pad_reflect3d")
add(PAD, t(1, 1, 1, 200), [32, 32, 0, 0], "reflect", name="pad_reflect2d_silero")
add(PAD, t(1, 2, 5), [3, 4], "replicate", name="pad_replicate1d")
add(PAD, t(1, 2, 4, 5), [2, 1, 0, 3], "replicate", name="pad_replicate2d")
add(PAD, t(2, 4, 5, dtype=torch.int64), [1, 1, 2, 2], "replicate", name="pad_replicate2d_unbatched_long")
add(PAD, t(1, 2, 3, 4, 4), [1, 0, 2, 1, 0, 1], "replicate", name="pad_replicate3d")
add(PAD, t(1, 2, 5), [2, 3], "circular", name="pad_circular1d")
add(PAD, t(1, 2, 4, 5), [1, 2, 3, 1], "circular", name="pad_circular2d")
add(PAD, t(1, 2, 4, 5), [-1, 2, 1, 0], "circular", name="pad_circular2d_negative")
add(PAD, t(1, 2, 3, 3, 3), [1, 1, 1, 1, 1, 1], "circular", name="pad_circular3d")
add(PAD, t(2, 3, 4, dtype=torch.int16), [2, 1], "circular", name="pad_circular1d_int16")
add(PAD, t(1, 2, 5), [5, 0], "reflect", name="err_pad_reflect_too_big")
add(PAD, t(1, 2, 5), [1], name="err_pad_odd")
add(PAD, t(1, 2, 5), [1, 1], "wrap", name="err_pad_bad_mode")
add(PAD, t(1, 2, 5), [1, 1], "reflect", 1.0, name="err_pad_reflect_value")
add(PAD, t(5), [1, 1], "reflect", name="err_pad_reflect_1d_input")
add("aten::constant_pad_nd", t(2, 3, 4), [1, 1, 2, 0], 1.5, name="constant_pad_nd")
add("aten::constant_pad_nd", t(2, 3, dtype=torch.bool), [1, 1], True, name="constant_pad_nd_bool")
add("aten::constant_pad_nd", t(2, 3), [-2, -2], name="err_constant_pad_nd_negative_size")
add("aten::reflection_pad1d", t(1, 3, 6), [2, 1], name="reflection_pad1d")
add("aten::reflection_pad2d", t(1, 3, 4, 6), [1, 2, 3, 1], name="reflection_pad2d")
add("aten::replication_pad1d", t(1, 3, 6), [2, 4], name="replication_pad1d")
add("aten::replication_pad2d", t(3, 4, 6), [1, 0, 2, 2], name="replication_pad2d_unbatched")
add("aten::replication_pad3d", t(1, 1, 2, 3, 3), [1, 1, 1, 1, 1, 1], name="replication_pad3d")
add("aten::reflection_pad3d", t(1, 1, 3, 3, 3), [1, 1, 1, 1, 1, 1], name="reflection_pad3d")

# ---------------------------------------------------------------- interpolation
UN2 = "aten::upsample_nearest2d.vec"
add(UN2, t(1, 2, 3, 4), [6, 8], None, name="upsample_nearest2d_size_2x")
add(UN2, t(1, 2, 3, 4), [5, 7], None, name="upsample_nearest2d_size_odd")
add(UN2, t(1, 2, 5, 7), [3, 2], None, name="upsample_nearest2d_downsample")
add(UN2, t(1, 2, 3, 4), None, [2.5, 1.5], name="upsample_nearest2d_scale")
add(UN2, t(1, 2, 3, 4, dtype=torch.uint8), None, [1.7, 2.0], name="upsample_nearest2d_uint8")
add(UN2, t(1, 2, 3, 4, dtype=bf16), [5, 9], None, name="upsample_nearest2d_bf16")
add(UN2, t(1, 2, 3, 4, dtype=f64).to(memory_format=torch.channels_last), None, [2.3, 1.3], name="upsample_nearest2d_channels_last")
add(UN2, t(1, 2, 3, 4), [6, 8], [2.0, 2.0], name="err_upsample_nearest2d_both")
add(UN2, t(1, 2, 3, 4), None, None, name="err_upsample_nearest2d_neither")
add(UN2, t(2, 3, 4), [6, 8], None, name="err_upsample_nearest2d_3d_input")
add("aten::upsample_nearest1d.vec", t(1, 2, 5), [12], None, name="upsample_nearest1d_size")
add("aten::upsample_nearest1d.vec", t(1, 2, 5), None, [0.6], name="upsample_nearest1d_scale_down")
add("aten::upsample_nearest3d.vec", t(1, 2, 2, 3, 3), None, [2.0, 1.5, 3.0], name="upsample_nearest3d_scale")
add("aten::upsample_nearest2d", t(1, 2, 3, 4), [7, 9], 2.5, 2.2, name="upsample_nearest2d_explicit_scales")
add("aten::_upsample_nearest_exact2d.vec", t(1, 2, 3, 4), [5, 7], None, name="upsample_nearest_exact2d")
add("aten::_upsample_nearest_exact1d.vec", t(1, 2, 5), None, [1.7], name="upsample_nearest_exact1d_scale")
add("aten::_upsample_nearest_exact3d.vec", t(1, 1, 2, 3, 3), [3, 5, 4], None, name="upsample_nearest_exact3d")
BL = "aten::upsample_bilinear2d.vec"
add(BL, t(1, 2, 3, 4), [6, 8], False, None, name="upsample_bilinear2d_2x")
add(BL, t(1, 2, 3, 4), [7, 5], True, None, name="upsample_bilinear2d_align_corners")
add(BL, t(1, 2, 3, 4), None, False, [2.3, 1.7], name="upsample_bilinear2d_scale")
add(BL, t(1, 2, 3, 4), None, True, [2.3, 1.7], name="upsample_bilinear2d_scale_align")
add(BL, t(1, 2, 8, 9), [3, 4], False, None, name="upsample_bilinear2d_down")
add(BL, t(1, 2, 3, 4, dtype=f64), [5, 6], False, None, name="upsample_bilinear2d_f64")
add(BL, t(1, 2, 3, 4, noncontig=True), [5, 6], False, None, name="upsample_bilinear2d_noncontig")
add(BL, t(1, 2, 3, 4), [1, 1], True, None, name="upsample_bilinear2d_to_1x1_align")
add(BL, t(1, 2, 3, 4, dtype=torch.int64), [6, 8], False, None, name="err_upsample_bilinear2d_long")
add("aten::upsample_linear1d.vec", t(1, 2, 5), [9], False, None, name="upsample_linear1d")
add("aten::upsample_linear1d.vec", t(1, 2, 5), None, True, [2.5], name="upsample_linear1d_align_scale")
add("aten::upsample_trilinear3d.vec", t(1, 2, 2, 3, 4), [3, 5, 6], False, None, name="upsample_trilinear3d")
add("aten::upsample_trilinear3d.vec", t(1, 2, 2, 3, 4), None, True, [2.0, 1.5, 0.75], name="upsample_trilinear3d_align")
# PyTorch's AVX2 kernels may contract multiply-adds into FMAs; 16-tap sums that
# nearly cancel then differ in the last bits.
CUBIC_TOL = (1e-5, 1e-5)
BC = "aten::upsample_bicubic2d.vec"
add(BC, t(1, 2, 4, 5), [8, 9], False, None, tol=CUBIC_TOL, name="upsample_bicubic2d")
add(BC, t(1, 2, 4, 5), [7, 3], True, None, tol=CUBIC_TOL, name="upsample_bicubic2d_align")
add(BC, t(1, 2, 4, 5), None, False, [1.5, 2.5], tol=CUBIC_TOL, name="upsample_bicubic2d_scale")
add(BC, t(1, 2, 4, 5, dtype=f64), [6, 6], False, None, name="upsample_bicubic2d_f64")
add("aten::upsample_bilinear2d", t(1, 2, 3, 4), [7, 9], False, 2.5, 2.5, name="upsample_bilinear2d_explicit_scales")
AA = "aten::_upsample_bilinear2d_aa.vec"
add(AA, t(1, 2, 9, 11), [4, 5], False, None, tol=CUBIC_TOL, name="upsample_bilinear2d_aa_down")
add(AA, t(1, 2, 4, 5), [7, 9], False, None, tol=CUBIC_TOL, name="upsample_bilinear2d_aa_up")
add(AA, t(1, 2, 9, 11), [4, 5], True, None, tol=CUBIC_TOL, name="upsample_bilinear2d_aa_align")
add("aten::_upsample_bicubic2d_aa.vec", t(1, 2, 12, 10), [5, 4], False, None, tol=CUBIC_TOL, name="upsample_bicubic2d_aa_down")
add("aten::_upsample_bicubic2d_aa.vec", t(1, 2, 12, 10), None, False, [0.4, 0.6], tol=CUBIC_TOL, name="upsample_bicubic2d_aa_scale")

# ---------------------------------------------------------------- shuffles
add("aten::pixel_shuffle", t(1, 8, 3, 4), 2, name="pixel_shuffle")
add("aten::pixel_shuffle", t(2, 1, 9, 2, 2, dtype=torch.int64), 3, name="pixel_shuffle_5d_long")
add("aten::pixel_shuffle", t(1, 6, 3, 4), 2, name="err_pixel_shuffle_channels")
add("aten::pixel_unshuffle", t(1, 2, 4, 6), 2, name="pixel_unshuffle")
add("aten::pixel_unshuffle", t(1, 2, 5, 6), 2, name="err_pixel_unshuffle_size")
add("aten::channel_shuffle", t(1, 6, 2, 2), 3, name="channel_shuffle")
add("aten::channel_shuffle", t(2, 6, 3), 2, name="channel_shuffle_3d")
add("aten::channel_shuffle", t(1, 6, 2, 2), 4, name="err_channel_shuffle_groups")
add("aten::native_channel_shuffle", t(1, 4, 2, 2), 2, name="native_channel_shuffle")

# ---------------------------------------------------------------- losses
for red in (0, 1, 2):
    add("aten::l1_loss", t(3, 4), t(3, 4), red, name=f"l1_loss_r{red}")
    add("aten::mse_loss", t(3, 4), t(3, 4), red, name=f"mse_loss_r{red}")
    add("aten::smooth_l1_loss", t(3, 4), t(3, 4), red, 0.5, name=f"smooth_l1_loss_r{red}")
    add("aten::binary_cross_entropy_with_logits", t(3, 4), positive(3, 4) / 4, None, None, red, name=f"bce_logits_r{red}")
    add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, 1, 1, 2]), None, red, name=f"cross_entropy_r{red}")
    add("aten::nll_loss", t(5, 4), torch.tensor([0, 3, -100, 1, 2]), t(4, low=0.5, high=2), red, name=f"nll_loss_weight_ignore_r{red}")
add("aten::mse_loss", t(3, 4), t(4), 1, name="mse_loss_broadcast")
add("aten::mse_loss", t(3, 4, dtype=f64), t(3, 4), 2, name="mse_loss_promote")
add("aten::l1_loss", t(3, 4, dtype=torch.int64), t(3, 4, dtype=torch.int64), 0, name="l1_loss_long_none")
add("aten::l1_loss", t(3, 4, dtype=torch.int64), t(3, 4, dtype=torch.int64), 1, name="err_l1_loss_long_mean")
add("aten::smooth_l1_loss", t(3, 4), t(3, 4), 1, 0.0, name="smooth_l1_loss_beta0")
add("aten::smooth_l1_loss", t(3, 4), t(3, 4), 1, -1.0, name="err_smooth_l1_loss_negative_beta")
add("aten::huber_loss", t(3, 4), t(3, 4), 1, 0.7, name="huber_loss")
add("aten::binary_cross_entropy_with_logits", t(3, 4), positive(3, 4) / 4, positive(4), positive(4), 1, name="bce_logits_weight_pos_weight")
add("aten::binary_cross_entropy_with_logits", t(3, 4), t(3, 4, dtype=torch.int64), None, None, 1, name="err_bce_logits_long_target")
add("aten::binary_cross_entropy", positive(3, 4) / 4.5, positive(3, 4) / 4.5, None, 1, name="binary_cross_entropy")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, 1, -100, 2]), t(4, low=0.5, high=2), 1, name="cross_entropy_weight_ignore")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, 1, 1, 2]), None, 1, -100, 0.1, name="cross_entropy_label_smoothing")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, -100, 1, 2]), t(4, low=0.5, high=2), 1, -100, 0.2,
    name="cross_entropy_label_smoothing_weight_ignore")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, -100, 1, 2]), None, 1, -100, 0.2,
    name="cross_entropy_label_smoothing_ignore")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, -100, 1, 2]), None, 0, -100, 0.2,
    name="cross_entropy_label_smoothing_none")
add("aten::cross_entropy_loss", t(5, 4), torch.softmax(t(5, 4), 1), None, 1, name="cross_entropy_probabilities")
add("aten::cross_entropy_loss", t(5, 4), torch.softmax(t(5, 4), 1), t(4, low=0.5, high=2), 0, -100, 0.1, name="cross_entropy_probabilities_weight_smoothing")
add("aten::cross_entropy_loss", t(2, 4, 3, 3), torch.tensor([[[0, 1, 2], [3, 0, 1], [2, 2, 2]], [[1, 1, 1], [0, 3, 3], [2, 1, 0]]]), None, 0,
    name="cross_entropy_spatial")
add("aten::cross_entropy_loss", t(4), torch.tensor(2), None, 1, name="cross_entropy_unbatched")
add("aten::cross_entropy_loss", t(2, 4, 5), torch.tensor([[0, 1, 2, 3, 0], [3, 2, 1, 0, 1]]), None, 1, name="cross_entropy_3d")
add("aten::cross_entropy_loss", t(5, 4, dtype=f64), torch.tensor([0, 3, 1, 1, 2]), None, 1, name="cross_entropy_f64")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 4, 1, 1, 2]), None, 1, name="err_cross_entropy_target_out_of_bounds")
add("aten::cross_entropy_loss", t(5, 4), torch.tensor([0, 3, 1]), None, 1, name="err_cross_entropy_batch_mismatch")
add("aten::nll_loss_nd", torch.log_softmax(t(2, 3, 4), 1), torch.tensor([[0, 1, 2, 0], [2, 2, 1, 0]]), None, 0, name="nll_loss_nd_3d")
add("aten::nll_loss2d", torch.log_softmax(t(2, 3, 2, 2), 1), torch.tensor([[[0, 1], [2, 0]], [[2, 2], [1, 0]]]), None, 1, name="nll_loss2d")
add("aten::nll_loss", t(5, 4), torch.tensor([0, 3, 1, 1, 2], dtype=torch.int32), None, 1, name="err_nll_loss_int_target")
add("aten::nll_loss", t(5, 4), torch.tensor([-100, -100, -100, -100, -100]), None, 1, name="nll_loss_all_ignored")

# ---------------------------------------------------------------- recurrent
H, I, B = 5, 3, 2
add("aten::lstm_cell", t(B, I), [t(B, H), t(B, H)], t(4 * H, I), t(4 * H, H), t(4 * H), t(4 * H), tol=CONV_TOL, name="lstm_cell")
add("aten::lstm_cell", t(B, I), [t(B, H), t(B, H)], t(4 * H, I), t(4 * H, H), tol=CONV_TOL, name="lstm_cell_no_bias")
add("aten::lstm_cell", t(B, I, dtype=f64), [t(B, H, dtype=f64), t(B, H, dtype=f64)], t(4 * H, I, dtype=f64), t(4 * H, H, dtype=f64),
    t(4 * H, dtype=f64), t(4 * H, dtype=f64), name="lstm_cell_f64")
add("aten::lstm_cell", t(B, I + 1), [t(B, H), t(B, H)], t(4 * H, I), t(4 * H, H), name="err_lstm_cell_input_size")
add("aten::gru_cell", t(B, I), t(B, H), t(3 * H, I), t(3 * H, H), t(3 * H), t(3 * H), tol=CONV_TOL, name="gru_cell")
add("aten::rnn_tanh_cell", t(B, I), t(B, H), t(H, I), t(H, H), t(H), t(H), tol=CONV_TOL, name="rnn_tanh_cell")
add("aten::rnn_relu_cell", t(B, I), t(B, H), t(H, I), t(H, H), None, None, tol=CONV_TOL, name="rnn_relu_cell")


def lstm_params(layers, bidir, bias, in_size, hidden, proj=0, gates=4, dtype=torch.float32):
    ps = []
    out = proj or hidden
    for layer in range(layers):
        lin = in_size if layer == 0 else out * (2 if bidir else 1)
        for _ in range(2 if bidir else 1):
            ps += [t(gates * hidden, lin, dtype=dtype, low=-0.5, high=0.5), t(gates * hidden, out, dtype=dtype, low=-0.5, high=0.5)]
            if bias:
                ps += [t(gates * hidden, dtype=dtype, low=-0.5, high=0.5), t(gates * hidden, dtype=dtype, low=-0.5, high=0.5)]
            if proj:
                ps += [t(proj, hidden, dtype=dtype, low=-0.5, high=0.5)]
    return ps


T_ = 4
add("aten::lstm.input", t(T_, B, I), [t(1, B, H), t(1, B, H)], lstm_params(1, False, True, I, H), True, 1, 0.0, False, False, False,
    tol=CONV_TOL, name="lstm_1layer")
add("aten::lstm.input", t(B, T_, I), [t(4, B, H), t(4, B, H)], lstm_params(2, True, True, I, H), True, 2, 0.3, False, True, True,
    tol=CONV_TOL, name="lstm_2layer_bidir_batch_first")
add("aten::lstm.input", t(T_, B, I), [t(2, B, H), t(2, B, H)], lstm_params(2, False, False, I, H), False, 2, 0.0, False, False, False,
    tol=CONV_TOL, name="lstm_no_bias")
add("aten::lstm.input", t(T_, B, I), [t(2, B, 2), t(2, B, H)], lstm_params(1, True, True, I, H, proj=2), True, 1, 0.0, False, True, False,
    tol=CONV_TOL, name="lstm_proj_bidir")
add("aten::lstm.input", t(T_, B, I, dtype=f64), [t(1, B, H, dtype=f64), t(1, B, H, dtype=f64)], lstm_params(1, False, True, I, H, dtype=f64),
    True, 1, 0.0, False, False, False, name="lstm_f64")
add("aten::lstm.input", t(T_, B, I), [t(1, B, H)], lstm_params(1, False, True, I, H), True, 1, 0.0, False, False, False, name="err_lstm_one_hidden")
add("aten::gru.input", t(T_, B, I), t(2, B, H), lstm_params(1, True, True, I, H, gates=3), True, 1, 0.0, False, True, False,
    tol=CONV_TOL, name="gru_bidir")
add("aten::gru.input", t(B, T_, I), t(2, B, H), lstm_params(2, False, True, I, H, gates=3), True, 2, 0.0, False, False, True,
    tol=CONV_TOL, name="gru_2layer_batch_first")
add("aten::rnn_tanh.input", t(T_, B, I), t(1, B, H), lstm_params(1, False, True, I, H, gates=1), True, 1, 0.0, False, False, False,
    tol=CONV_TOL, name="rnn_tanh")
add("aten::rnn_relu.input", t(T_, B, I), t(2, B, H), lstm_params(1, True, False, I, H, gates=1), False, 1, 0.0, False, True, False,
    tol=CONV_TOL, name="rnn_relu_bidir")
