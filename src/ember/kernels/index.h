// Indexing: advanced indexing (x[idx], x[mask], x[i, :, j]) and its write
// form index_put_, the gather/scatter family, masked ops, nonzero, and the
// lookups built on them (embedding, one_hot). Index errors are PyTorch's
// IndexErrors with its messages.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

using OptionalTensorList = std::vector<std::optional<Tensor>>;

// aten::index.Tensor: indices[i] indexes dim i (None keeps the dim); int64
// indices broadcast together, bool/uint8 masks stand for their nonzero().
Tensor index(const Tensor& self, const OptionalTensorList& indices);
Tensor indexPut_(const Tensor& self, const OptionalTensorList& indices, const Tensor& values, bool accumulate);
Tensor indexPut(const Tensor& self, const OptionalTensorList& indices, const Tensor& values, bool accumulate);

Tensor indexSelect(const Tensor& self, int64_t dim, const Tensor& index);
Tensor gather(const Tensor& self, int64_t dim, const Tensor& index, bool sparseGrad = false);

// reduce: "" (plain write), "add" or "multiply".
Tensor scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce = {});
Tensor scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
                std::string_view reduce = {});
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce = {});
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
               std::string_view reduce = {});
Tensor scatterAdd_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatterAdd(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);

Tensor maskedFill_(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor maskedFill_(const Tensor& self, const Tensor& mask, const Tensor& value);
Tensor maskedFill(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor maskedFill(const Tensor& self, const Tensor& mask, const Tensor& value);
Tensor maskedSelect(const Tensor& self, const Tensor& mask);

Tensor take(const Tensor& self, const Tensor& index);
// [n, dim] int64 coordinates of the nonzero elements, in row-major order.
Tensor nonzero(const Tensor& self);
// One 1-D int64 tensor of coordinates per dim (where(condition)).
std::vector<Tensor> nonzeroNumpy(const Tensor& self);

Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t paddingIdx = -1,
                 bool scaleGradByFreq = false, bool sparse = false);
Tensor oneHot(const Tensor& self, int64_t numClasses = -1);

}  // namespace ember::kernels
