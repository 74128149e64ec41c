// Fused multi-head attention, composed of ember's GEMM-backed kernels the way
// PyTorch 1.13's native_multi_head_attention_cpu composes its own: project,
// add bias and scale q by 1/sqrt(head dim), q·kᵀ, (masked) softmax, ·v, project.
#include "ember/kernels/attention.h"

#include <cmath>
#include <limits>
#include <vector>

#include "ember/kernels/binary.h"
#include "ember/kernels/dispatch.h"
#include "ember/kernels/factory.h"
#include "ember/kernels/linalg.h"
#include "ember/kernels/reduce.h"
#include "ember/kernels/reduce_common.h"
#include "ember/kernels/shape.h"
#include "ember/kernels/softmax.h"
#include "ember/support/error.h"

namespace ember::kernels {

namespace {

// PyTorch words these checks as TORCH_CHECK without a message.
[[noreturn]] void failExpected(const char* cond) {
  EMBER_FAIL("Expected {} to be true, but got false.  (Could this error message be improved?  If so, please "
             "report an enhancement request to PyTorch.)",
             cond);
}

template <class T>
void maskedSoftmaxRows(const T* x, const bool* mask, T* y, int64_t rows, int64_t n) {
  using Acc = OpMathType<T>;
  std::vector<Acc> tmp(static_cast<size_t>(n));
  for (int64_t r = 0; r < rows; ++r) {
    const T* xr = x + r * n;
    const bool* mr = mask + r * n;
    T* yr = y + r * n;
    Acc m = -std::numeric_limits<Acc>::infinity();
    for (int64_t i = 0; i < n; ++i) {
      const Acc v = static_cast<Acc>(xr[i]);
      if (!mr[i] && (v > m || v != v)) m = v;
    }
    Acc s = 0;
    for (int64_t i = 0; i < n; ++i) {
      // exp(-inf - -inf) is NaN, so a fully masked row sums to NaN like PyTorch's.
      tmp[static_cast<size_t>(i)] = mr[i] ? Acc(0) : std::exp(static_cast<Acc>(xr[i]) - m);
      s += tmp[static_cast<size_t>(i)];
    }
    if (m == -std::numeric_limits<Acc>::infinity()) s = std::numeric_limits<Acc>::quiet_NaN();
    for (int64_t i = 0; i < n; ++i) yr[i] = reduce_detail::castTo<T>(tmp[static_cast<size_t>(i)] / s);
  }
}

}  // namespace

Tensor maskedSoftmaxLastDim(const Tensor& scores, const Tensor& mask) {
  const Tensor x = scores.contiguous();
  const Tensor m = mask.to(DType::Bool).contiguous();
  Tensor out = Tensor::empty(x.sizes(), x.dtype());
  const int64_t n = x.dim() == 0 ? 1 : x.sizes().back();
  const int64_t rows = n == 0 ? 0 : x.numel() / n;
  dispatch<kFloatingTypes | kBFloat16 | kHalf>(x.dtype(), "masked_softmax", [&]<class T>() {
    maskedSoftmaxRows<T>(x.data<T>(), m.data<bool>(), out.data<T>(), rows, n);
  });
  return out;
}

std::tuple<Tensor, Tensor> nativeMultiHeadAttention(const Tensor& query, const Tensor& key, const Tensor& value,
                                                    int64_t embedDim, int64_t numHead, const Tensor& qkvWeight,
                                                    const Tensor& qkvBias, const Tensor& projWeight,
                                                    const Tensor& projBias, const std::optional<Tensor>& mask,
                                                    bool needWeights, bool averageAttnWeights,
                                                    std::optional<int64_t> maskType) {
  const int64_t D = embedDim;
  EMBER_CHECK(query.dim() == 3, "expected 3-D `query`, got {}-D tensor", query.dim());
  EMBER_CHECK(query.sizes()[2] == embedDim, "passed-in embed_dim {} didn't match last dim of query {}", embedDim,
              query.sizes()[2]);
  EMBER_CHECK(key.dim() == 3, "expected 3-D `key`, got {}-D tensor", key.dim());
  EMBER_CHECK(value.dim() == 3, "expected 3-D `value`, got {}-D tensor", value.dim());
  EMBER_CHECK(query.sizes() == key.sizes() && key.sizes() == value.sizes(),
              "expected `query`/`key`/`value` shapes to match");
  EMBER_CHECK(qkvWeight.dim() == 2, "expected 2-D `qkv_weight`, got {}-D tensor", qkvWeight.dim());
  EMBER_CHECK(D * 3 == qkvWeight.sizes()[0], "expected `qkv_weight` first dim to be 3x embed_dim");
  EMBER_CHECK(D == qkvWeight.sizes()[1], "expected `qkv_weight` second dim to be embed_Dim");
  EMBER_CHECK(qkvBias.dim() == 1, "expected 2-D `qkv_bias`, got {}-D tensor", qkvBias.dim());
  EMBER_CHECK(qkvBias.sizes()[0] == 3 * D, "expected `qkv_bias` first dim and first dim of query to be equal");
  EMBER_CHECK(numHead > 0 && D % numHead == 0, "`embed_dim` must divide evenly by `num_heads`");

  const int64_t B = query.sizes()[0];
  const int64_t T = query.sizes()[1];
  const int64_t dh = D / numHead;
  Tensor q, k, v;
  if (query.isSame(key) && key.isSame(value)) {
    const Tensor qkv = linear(query, qkvWeight, std::nullopt);
    if (qkv.numel() == 0) return {emptyLike(query), Tensor()};
    q = narrow(qkv, 2, 0, D);
    k = narrow(qkv, 2, D, D);
    v = narrow(qkv, 2, 2 * D, D);
  } else {
    q = linear(query, narrow(qkvWeight, 0, 0, D), std::nullopt);
    if (q.numel() == 0) return {emptyLike(query), Tensor()};
    k = linear(key, narrow(qkvWeight, 0, D, D), std::nullopt);
    v = linear(value, narrow(qkvWeight, 0, 2 * D, D), std::nullopt);
  }
  // [B, T, D] -> [B, heads, T, dh]
  const auto heads = [&](const Tensor& t, int64_t part) {
    const Tensor biased = add(t, narrow(qkvBias, 0, part * D, D), Scalar(int64_t{1}));
    return permute(view(biased, {B, T, numHead, dh}), {0, 2, 1, 3});
  };
  q = mul(heads(q, 0), Scalar(1.0 / std::sqrt(static_cast<double>(dh))));
  k = heads(k, 1);
  v = heads(v, 2);

  Tensor qkt = matmul(q, transpose(k, 2, 3));  // [B, heads, T, T]
  if (mask) {
    Tensor m = *mask;
    if (m.dim() == 2) {
      if (m.sizes()[0] != B) failExpected("attn_mask->sizes()[0] == batch_size");
      if (m.sizes()[1] != T) failExpected("attn_mask->sizes()[1] == seq_len");
      m = expand(view(m, {B, 1, 1, T}), qkt.sizes());
    }
    EMBER_CHECK(maskType.has_value(), "Mask Type should be defined");
    EMBER_CHECK(*maskType != 0, "src_mask not currently supported on CPU");
    EMBER_CHECK(m.sizes() == qkt.sizes(), "Mask shape should match input shape");
    qkt = maskedSoftmaxLastDim(qkt, m);
  } else {
    qkt = softmax(qkt, 3, std::nullopt);
  }
  const Tensor ctx = reshape(permute(matmul(qkt, v), {0, 2, 1, 3}), {B, T, D});
  Tensor proj = linear(ctx, projWeight, projBias);
  if (!needWeights) return {proj, Tensor()};
  if (averageAttnWeights) {
    const int64_t dim1[] = {1};
    qkt = div(sumDim(qkt, IntArrayRef(dim1), false, std::nullopt), Scalar(numHead));
  }
  return {proj, qkt};
}

}  // namespace ember::kernels
