// softmax and log_softmax along one dim (PyTorch 1.13 semantics).
#pragma once

#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// aten::softmax.int / log_softmax.int: a given dtype converts the input first.
Tensor softmax(const Tensor& self, int64_t dim, std::optional<DType> dtype);
Tensor logSoftmax(const Tensor& self, int64_t dim, std::optional<DType> dtype);
// aten::_softmax / _log_softmax: halfToFloat is refused on CPU, as in PyTorch.
Tensor softmaxRaw(const Tensor& self, int64_t dim, bool halfToFloat);
Tensor logSoftmaxRaw(const Tensor& self, int64_t dim, bool halfToFloat);

}  // namespace ember::kernels
