// Shape ops: views that share storage (view, permute, slice, expand, ...)
// and the few that copy (cat, stack, repeat, flip, roll). View semantics are
// PyTorch's: a view's strides come from the input's, so writes through it are
// visible in the base; `view` refuses when the strides cannot express the new
// shape, `reshape` then copies.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// ---- shape arithmetic
// Replaces a single -1 in shape by the size that makes numel elements.
DimVector inferSize(IntArrayRef shape, int64_t numel);
// Strides that let a tensor of oldShape/oldStrides be viewed as newShape, or
// nothing when no such strides exist (at::detail::computeStride).
std::optional<DimVector> computeStride(IntArrayRef oldShape, IntArrayRef oldStrides, IntArrayRef newShape);

// ---- views
Tensor view(const Tensor& self, IntArrayRef size);
Tensor reshape(const Tensor& self, IntArrayRef shape);
Tensor viewAs(const Tensor& self, const Tensor& other);
Tensor reshapeAs(const Tensor& self, const Tensor& other);
Tensor permute(const Tensor& self, IntArrayRef dims);
Tensor transpose(const Tensor& self, int64_t dim0, int64_t dim1);
Tensor transpose_(const Tensor& self, int64_t dim0, int64_t dim1);
Tensor t(const Tensor& self);
Tensor t_(const Tensor& self);
Tensor numpyT(const Tensor& self);
Tensor squeeze(const Tensor& self);
Tensor squeeze(const Tensor& self, int64_t dim);
Tensor squeeze_(const Tensor& self);
Tensor squeeze_(const Tensor& self, int64_t dim);
Tensor unsqueeze(const Tensor& self, int64_t dim);
Tensor unsqueeze_(const Tensor& self, int64_t dim);
Tensor expand(const Tensor& self, IntArrayRef size, bool implicit = false);
Tensor expandAs(const Tensor& self, const Tensor& other);
Tensor flatten(const Tensor& self, int64_t startDim = 0, int64_t endDim = -1);
Tensor unflatten(const Tensor& self, int64_t dim, IntArrayRef sizes);
Tensor narrow(const Tensor& self, int64_t dim, int64_t start, int64_t length);
Tensor narrow(const Tensor& self, int64_t dim, const Tensor& start, int64_t length);
Tensor select(const Tensor& self, int64_t dim, int64_t index);
Tensor slice(const Tensor& self, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
             int64_t step);
Tensor movedim(const Tensor& self, IntArrayRef source, IntArrayRef destination);
Tensor movedim(const Tensor& self, int64_t source, int64_t destination);
Tensor asStrided(const Tensor& self, IntArrayRef size, IntArrayRef stride, std::optional<int64_t> storageOffset);
Tensor unfold(const Tensor& self, int64_t dimension, int64_t size, int64_t step);
Tensor alias(const Tensor& self);
Tensor broadcastTo(const Tensor& self, IntArrayRef size);
std::vector<Tensor> broadcastTensors(ArrayRef<Tensor> tensors);
// indexing: "ij" (matrix) or "xy" (Cartesian: the first two grids swap roles).
std::vector<Tensor> meshgrid(ArrayRef<Tensor> tensors, std::string_view indexing = "ij");

std::vector<Tensor> split(const Tensor& self, int64_t splitSize, int64_t dim = 0);
std::vector<Tensor> splitWithSizes(const Tensor& self, IntArrayRef splitSizes, int64_t dim = 0);
std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim = 0);
std::vector<Tensor> unbind(const Tensor& self, int64_t dim = 0);
std::vector<Tensor> tensorSplit(const Tensor& self, int64_t sections, int64_t dim = 0);
std::vector<Tensor> tensorSplit(const Tensor& self, IntArrayRef indices, int64_t dim = 0);
std::vector<Tensor> tensorSplit(const Tensor& self, const Tensor& indicesOrSections, int64_t dim = 0);

// ---- copies
Tensor cat(ArrayRef<Tensor> tensors, int64_t dim = 0);
Tensor stack(ArrayRef<Tensor> tensors, int64_t dim = 0);
Tensor repeat(const Tensor& self, IntArrayRef repeats);
Tensor flip(const Tensor& self, IntArrayRef dims);
Tensor roll(const Tensor& self, IntArrayRef shifts, IntArrayRef dims);

}  // namespace ember::kernels
