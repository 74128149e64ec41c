// Registration of the attention family (kernels/attention.h).
#include "ember/kernels/attention.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

void registerAttentionOps(Registry& r) {
  r.def("aten::_native_multi_head_attention(Tensor query, Tensor key, Tensor value, int embed_dim, int num_head, "
        "Tensor qkv_weight, Tensor qkv_bias, Tensor proj_weight, Tensor proj_bias, Tensor? mask=None, bool "
        "need_weights=True, bool average_attn_weights=True, int? mask_type=None) -> (Tensor, Tensor)",
        &kernels::nativeMultiHeadAttention);
}

}  // namespace ember::ops
