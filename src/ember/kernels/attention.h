// Attention kernels: PyTorch 1.13's fused multi-head self-attention, which the
// scripted and traced nn.MultiheadAttention fast path calls in eval mode
// (torchvision's vit_* models).
#pragma once

#include <cstdint>
#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// aten::_native_multi_head_attention: query/key/value [B, T, D] (batch first),
// qkv_weight [3D, D], qkv_bias [3D], proj [D, D] and [D]. mask is boolean (true =
// masked out): with maskType 1 a key-padding mask [B, T], or a mask of the
// scores' shape [B, heads, T, T]. Returns (output [B, T, D], attention weights
// [B, T, T] when averaged, [B, heads, T, T] otherwise, or undefined when
// needWeights is false).
std::tuple<Tensor, Tensor> nativeMultiHeadAttention(const Tensor& query, const Tensor& key, const Tensor& value,
                                                    int64_t embedDim, int64_t numHead, const Tensor& qkvWeight,
                                                    const Tensor& qkvBias, const Tensor& projWeight,
                                                    const Tensor& projBias, const std::optional<Tensor>& mask,
                                                    bool needWeights, bool averageAttnWeights,
                                                    std::optional<int64_t> maskType);

// Softmax over the last dim of scores with masked positions excluded (a row
// whose every position is masked gives NaN, as PyTorch 1.13's CPU kernel does).
// mask is boolean with scores' shape.
Tensor maskedSoftmaxLastDim(const Tensor& scores, const Tensor& mask);

}  // namespace ember::kernels
