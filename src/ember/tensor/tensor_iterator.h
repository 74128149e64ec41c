// TensorIterator: the set-up shared by every element-wise op, after PyTorch's
// at::TensorIterator. Given an optional output and up to four inputs it
//   - broadcasts the input shapes ("The size of tensor a (3) must match ..."),
//   - computes the common dtype by PyTorch's promotion rules and casts inputs
//     whose dtype differs (0-dim inputs cost nothing; matching dtypes are not copied),
//   - checks an in-place output: its shape must be the broadcast shape, the
//     common dtype must cast to it, and it must not overlap an input partially,
//   - allocates the output with the inputs' memory order (a transposed input
//     gives a transposed output, as in PyTorch), or a temporary when the
//     output's dtype differs from the computed one (copied back by writeBack),
//   - orders and merges dims so that memory is walked sequentially, and
//   - runs a loop over runs of elements, in parallel for large tensors.
// Typed loops live in kernels/loops.h; this file knows no element types.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "ember/support/thread_pool.h"
#include "ember/tensor/strided_loop.h"
#include "ember/tensor/tensor.h"

namespace ember {

// PyTorch's is_non_overlapping_and_dense: the elements fill a block of memory
// exactly once, in some order of the dims.
bool isNonOverlappingAndDense(const Tensor& t);
// empty_like(t, dtype) with memory_format=preserve: the same strides when t is
// dense and non-overlapping, contiguous otherwise.
Tensor emptyLike(const Tensor& t, DType dtype);
// Dense strides in the same dim order as the given strides (PyTorch's
// infer_dense_strides; broadcast dims keep their place).
DimVector inferDenseStrides(IntArrayRef sizes, IntArrayRef strides);
// t converted to dtype as `t.to(dtype)` does (t itself when it already has
// it): a dense t keeps its strides, others get inferDenseStrides.
Tensor castTo(const Tensor& t, DType dtype);
// The broadcast of two shapes, with PyTorch's error message.
DimVector broadcastShapes(IntArrayRef a, IntArrayRef b);

// PyTorch's memory-overlap checks for an op writing `out` while reading `in`.
void assertNoInternalOverlap(const Tensor& out);
void assertNoPartialOverlap(const Tensor& out, const Tensor& in);

struct TensorIteratorConfig {
  // Inputs are cast to the common dtype (the result type of the inputs).
  bool promoteInputs = true;
  // An integral (or bool) common dtype becomes the default float (true division, exp, sqrt ...).
  bool intToFloat = false;
  // A given output must be able to hold the common dtype (canCast), else
  // "result type Float can't be cast to the desired output type Int".
  bool safeCastToOutput = true;
  bool checkMemOverlap = true;
  // false: a given output is not resized, so its shape takes part in
  // broadcasting (copy_ broadcasts src to self; fill_ has no inputs).
  bool resizeOutputs = true;
  // The common dtype, when the op fixes it instead of promoting.
  std::optional<DType> computeDtype;
  // The dtype the loop writes (comparisons: Bool); by default the common dtype.
  std::optional<DType> outputDtype;
};

class TensorIterator {
 public:
  static constexpr int kMaxInputs = 4;
  static constexpr int kMaxOperands = kMaxInputs + 1;
  // Below this many elements a loop runs on the calling thread only.
  static constexpr int64_t kGrainSize = 32768;

  // out may be undefined (allocate) or a tensor to write (in-place ops).
  TensorIterator(const Tensor& out, ArrayRef<Tensor> inputs, const TensorIteratorConfig& config = {});

  static TensorIterator binaryOp(const Tensor& out, const Tensor& a, const Tensor& b);
  static TensorIterator binaryFloatOp(const Tensor& out, const Tensor& a, const Tensor& b);
  static TensorIterator unaryOp(const Tensor& out, const Tensor& a);
  static TensorIterator unaryFloatOp(const Tensor& out, const Tensor& a);
  static TensorIterator comparisonOp(const Tensor& out, const Tensor& a, const Tensor& b);

  // The dtype inputs were cast to (the computation type).
  DType commonDtype() const { return common_; }
  // Operand k as the loop sees it: 0 is the output, 1.. the inputs.
  DType dtype(int k) const { return operands_[static_cast<size_t>(k)].dtype(); }
  const Tensor& operand(int k) const { return operands_[static_cast<size_t>(k)]; }
  const Tensor& input(int k) const { return operands_[static_cast<size_t>(k + 1)]; }
  int numOperands() const { return numOperands_; }
  int64_t numel() const { return numel_; }
  IntArrayRef shape() const { return shape_; }
  // Whether input k is a single value seen at every position (a 0-dim or fully broadcast input).
  bool isScalarInput(int k) const;

  // The tensor the op returns: the given output, or the allocated one.
  const Tensor& output() const { return out_; }
  // Copies the temporary the loop wrote into the real output when their
  // dtypes differed. Kernels call it once after their loop (loops.h does).
  void writeBack();

  // Runs f(ptrs, byteStrides, n) over runs of elements of the first N
  // operands; the operands' element order is the iteration order. Runs in
  // parallel for more than grain elements.
  template <size_t N, class F>
  void forEachRun(F&& f, int64_t grain = kGrainSize) const;

 private:
  void computeStrides(DType loopDtype);

  std::array<Tensor, kMaxOperands> operands_;  // [0] is what the loop writes
  int numOperands_ = 0;
  Tensor out_;        // what the op returns
  bool needsWriteBack_ = false;
  DType common_ = DType::Undefined;
  DimVector shape_;
  int64_t numel_ = 0;
  // Iteration layout after permutation and merging (outermost dim first, byte strides).
  StridedLayout<kMaxOperands> layout_;
};

template <size_t N, class F>
void TensorIterator::forEachRun(F&& f, int64_t grain) const {
  static_assert(N >= 1 && N <= kMaxOperands);
  if (numel_ == 0) return;
  StridedLayout<N> L;
  L.sizes = layout_.sizes;
  for (size_t k = 0; k < N; ++k) L.strides[k] = layout_.strides[k];
  std::array<char*, N> base;
  for (size_t k = 0; k < N; ++k) base[k] = static_cast<char*>(operands_[k].rawData());
  parallelFor(0, numel_, grain, [&](int64_t begin, int64_t end) { ember::forEachRun<N>(L, base, begin, end, f); });
}

}  // namespace ember
