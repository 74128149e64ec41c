#include "ember/tensor/tensor_iterator.h"

#include <algorithm>
#include <numeric>

#include "ember/tensor/promotion.h"

namespace ember {

bool isNonOverlappingAndDense(const Tensor& t) {
  const int64_t nd = t.dim();
  IntArrayRef sizes = t.sizes(), strides = t.strides();
  if (nd == 1) return sizes[0] < 2 || strides[0] == 1;
  SmallVector<int64_t, 6> perm(static_cast<size_t>(nd));
  std::iota(perm.begin(), perm.end(), int64_t(0));
  // Size-0/1 dims sort to the end: their strides do not matter.
  std::sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
    if (sizes[a] < 2) return false;
    if (sizes[b] < 2) return true;
    return strides[a] < strides[b];
  });
  int64_t required = 1;
  for (int64_t d : perm) {
    if (sizes[d] < 2) return true;
    if (strides[d] != required) return false;
    required *= sizes[d];
  }
  return true;
}

Tensor emptyLike(const Tensor& t, DType dtype) {
  if (t.isContiguous() || !isNonOverlappingAndDense(t)) return Tensor::empty(t.sizes(), dtype);
  return Tensor::emptyStrided(t.sizes(), t.strides(), dtype);
}

DimVector inferDenseStrides(IntArrayRef sizes, IntArrayRef strides) {
  const size_t nd = sizes.size();
  if (nd == 0) return {};
  if (nd == 1) return {1};
  SmallVector<int64_t, 6> perm(nd);  // perm[0] is the fastest dim
  for (size_t i = 0; i < nd; ++i) perm[i] = static_cast<int64_t>(nd - 1 - i);
  auto shouldSwap = [&](int64_t d0, int64_t d1) -> int {
    const int64_t s0 = strides[static_cast<size_t>(d0)], s1 = strides[static_cast<size_t>(d1)];
    if (s0 == 0 || s1 == 0) return 0;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    return sizes[static_cast<size_t>(d0)] > sizes[static_cast<size_t>(d1)] ? 1 : 0;
  };
  for (size_t i = 1; i < nd; ++i) {
    size_t d1 = i;
    for (size_t d0 = i; d0-- > 0;) {
      const int c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  DimVector out(nd, 0);
  int64_t next = 1;
  for (size_t i = 0; i < nd; ++i) {
    const size_t d = static_cast<size_t>(perm[i]);
    out[d] = next;
    if (sizes[d] > 1) next *= sizes[d];
  }
  return out;
}

Tensor castTo(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = isNonOverlappingAndDense(t) ? Tensor::emptyStrided(t.sizes(), t.strides(), dtype)
                                           : Tensor::emptyStrided(t.sizes(), inferDenseStrides(t.sizes(), t.strides()), dtype);
  out.copyFrom(t);
  return out;
}

DimVector broadcastShapes(IntArrayRef a, IntArrayRef b) {
  const size_t na = a.size(), nb = b.size(), nd = std::max(na, nb);
  DimVector out(nd, 1);
  for (size_t k = 0; k < nd; ++k) {
    // k counts from the innermost dim; the message counts from the outermost.
    const int64_t sa = k < na ? a[na - 1 - k] : 1;
    const int64_t sb = k < nb ? b[nb - 1 - k] : 1;
    if (sa != sb && sa != 1 && sb != 1)
      EMBER_FAIL("The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}",
                 sa, sb, nd - 1 - k);
    out[nd - 1 - k] = sa == 1 ? sb : sa;
  }
  return out;
}

void assertNoInternalOverlap(const Tensor& out) {
  if (isNonOverlappingAndDense(out)) return;
  for (int64_t d = 0; d < out.dim(); ++d)
    if (out.strides()[d] == 0 && out.sizes()[d] > 1)
      EMBER_FAIL(
          "unsupported operation: more than one element of the written-to tensor refers to a single memory "
          "location. Please clone() the tensor before performing the operation.");
}

void assertNoPartialOverlap(const Tensor& out, const Tensor& in) {
  if (out.isSame(in) || out.numel() == 0 || in.numel() == 0) return;
  // Like PyTorch, give up (allow) when either side has gaps or repeats.
  if (!isNonOverlappingAndDense(out) || !isNonOverlappingAndDense(in)) return;
  if (out.storage().get() != in.storage().get()) return;
  const char* ob = static_cast<const char*>(out.rawData());
  const char* oe = ob + out.nbytes();
  const char* ib = static_cast<const char*>(in.rawData());
  const char* ie = ib + in.nbytes();
  bool partial = false;
  if (ob == ib && oe == ie) partial = !(out.strides() == in.strides());
  else partial = ob < ie && ib < oe;
  if (partial)
    EMBER_FAIL(
        "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
        "memory location. Please clone() the tensor before performing the operation.");
}

// ---------------------------------------------------------------- TensorIterator

TensorIterator::TensorIterator(const Tensor& out, ArrayRef<Tensor> inputs, const TensorIteratorConfig& config) {
  EMBER_CHECK(inputs.size() <= static_cast<size_t>(kMaxInputs), "TensorIterator: {} inputs (at most {})",
              inputs.size(), kMaxInputs);
  numOperands_ = static_cast<int>(inputs.size()) + 1;

  // The order of the checks is PyTorch's: overlap, shapes, dtypes.
  if (out.defined() && config.checkMemOverlap) {
    assertNoInternalOverlap(out);
    for (const Tensor& in : inputs) assertNoPartialOverlap(out, in);
  }

  // A given output that is not resized broadcasts with the inputs (first, as in PyTorch).
  bool sameShape = true;
  const bool outputInShape = out.defined() && (!config.resizeOutputs || inputs.empty());
  bool haveShape = false;
  auto addShape = [&](IntArrayRef s) {
    if (!haveShape) {
      shape_ = DimVector(s);
      haveShape = true;
      return;
    }
    if (s == IntArrayRef(shape_)) return;
    sameShape = false;
    shape_ = broadcastShapes(shape_, s);
  };
  if (outputInShape) addShape(out.sizes());
  for (const Tensor& in : inputs) addShape(in.sizes());
  if (out.defined() && !(out.sizes() == IntArrayRef(shape_)))
    EMBER_FAIL("output with shape {} doesn't match the broadcast shape {}", shapeString(out.sizes()),
               shapeString(shape_));
  numel_ = computeNumel(shape_);

  if (config.computeDtype) {
    common_ = *config.computeDtype;
  } else if (inputs.empty()) {
    common_ = out.dtype();
  } else {
    common_ = inputs[0].dtype();
    bool mixed = false;
    for (const Tensor& in : inputs) mixed |= in.dtype() != common_;
    if (mixed && config.promoteInputs) {
      ResultTypeState state;
      for (const Tensor& in : inputs) state.add(in);
      common_ = state.result();
    }
  }
  if (config.intToFloat && isIntegral(common_, /*includeBool=*/true)) common_ = kDefaultFloat;
  const DType loopDtype = config.outputDtype.value_or(common_);
  if (out.defined() && config.safeCastToOutput && out.dtype() != common_ && !canCast(common_, out.dtype()))
    EMBER_FAIL("result type {} can't be cast to the desired output type {}", scalarTypeName(common_),
               scalarTypeName(out.dtype()));

  for (size_t k = 0; k < inputs.size(); ++k) {
    const Tensor& in = inputs[k];
    operands_[k + 1] = config.promoteInputs && in.dtype() != common_ ? castTo(in, common_) : in;
  }
  out_ = out;
  if (out.defined() && out.dtype() != loopDtype) {
    operands_[0] = Tensor::empty(shape_, loopDtype);
    needsWriteBack_ = true;
  } else {
    operands_[0] = out;
  }

  // Fast set-up: same shapes and one dense layout shared by all operands
  // run as a single flat loop.
  if (sameShape) {
    const Tensor& first = numOperands_ > 1 ? operands_[1] : operands_[0];
    bool allContiguous = true, sameStrides = isNonOverlappingAndDense(first);
    for (int k = 0; k < numOperands_; ++k) {
      const Tensor& t = operands_[static_cast<size_t>(k)];
      if (!t.defined()) continue;
      allContiguous &= t.isContiguous();
      sameStrides &= t.strides() == first.strides();
    }
    if (allContiguous || sameStrides) {
      if (!operands_[0].defined()) {
        out_ = allContiguous ? Tensor::empty(shape_, loopDtype)
                             : Tensor::emptyStrided(shape_, first.strides(), loopDtype);
        operands_[0] = out_;
      }
      layout_.sizes = {numel_};
      for (int k = 0; k < kMaxOperands; ++k) {
        const bool used = k < numOperands_;
        layout_.strides[static_cast<size_t>(k)] = {
            used ? static_cast<int64_t>(operands_[static_cast<size_t>(k)].elementSize()) : 0};
      }
      return;
    }
  }
  computeStrides(loopDtype);
  if (!out_.defined()) out_ = operands_[0];
}

// PyTorch's reorder_dimensions: sort dims so that strides grow from the
// fastest dim, judging by the output first, then the inputs in order;
// broadcast (stride 0) dims and ties leave the order to later operands.
void TensorIterator::computeStrides(DType loopDtype) {
  const size_t nd = shape_.size();
  std::array<DimVector, kMaxOperands> bytes;  // per operand, per dim of shape_
  std::array<bool, kMaxOperands> known{};
  for (int k = 0; k < numOperands_; ++k) {
    const Tensor& t = operands_[static_cast<size_t>(k)];
    if (!t.defined()) continue;
    known[static_cast<size_t>(k)] = true;
    DimVector& b = bytes[static_cast<size_t>(k)];
    b.assign(nd, 0);
    const size_t offset = nd - static_cast<size_t>(t.dim());
    const int64_t es = static_cast<int64_t>(t.elementSize());
    for (size_t d = 0; d < static_cast<size_t>(t.dim()); ++d)
      b[offset + d] = (t.sizes()[d] == 1 && shape_[offset + d] != 1) ? 0 : t.strides()[d] * es;
  }

  // perm[0] is the fastest-moving dim.
  SmallVector<int64_t, 6> perm(nd);
  for (size_t i = 0; i < nd; ++i) perm[i] = static_cast<int64_t>(nd - 1 - i);
  auto shouldSwap = [&](int64_t d0, int64_t d1) -> int {
    for (int k = 0; k < numOperands_; ++k) {
      if (!known[static_cast<size_t>(k)]) continue;
      const int64_t s0 = bytes[static_cast<size_t>(k)][static_cast<size_t>(d0)];
      const int64_t s1 = bytes[static_cast<size_t>(k)][static_cast<size_t>(d1)];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape_[static_cast<size_t>(d0)] > shape_[static_cast<size_t>(d1)]) return 1;
    }
    return 0;
  };
  for (size_t i = 1; i < nd; ++i) {
    size_t d1 = i;
    for (size_t d0 = i; d0-- > 0;) {
      const int c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }

  if (!operands_[0].defined()) {
    bool inverted = true;
    for (size_t j = 0; j < nd; ++j) inverted &= perm[j] == static_cast<int64_t>(nd - 1 - j);
    if (inverted) {
      operands_[0] = Tensor::empty(shape_, loopDtype);
    } else {
      DimVector strides(nd, 0);
      int64_t next = 1;
      for (size_t j = 0; j < nd; ++j) {
        strides[static_cast<size_t>(perm[j])] = next;
        next *= shape_[static_cast<size_t>(perm[j])];
      }
      operands_[0] = Tensor::emptyStrided(shape_, strides, loopDtype);
    }
    const int64_t es = static_cast<int64_t>(operands_[0].elementSize());
    bytes[0].assign(nd, 0);
    for (size_t d = 0; d < nd; ++d) bytes[0][d] = operands_[0].strides()[d] * es;
  }

  layout_.sizes.assign(nd, 0);
  for (auto& s : layout_.strides) s.assign(nd, 0);
  for (size_t i = 0; i < nd; ++i) {
    const size_t d = static_cast<size_t>(perm[nd - 1 - i]);  // outermost first
    layout_.sizes[i] = shape_[d];
    for (int k = 0; k < numOperands_; ++k) layout_.strides[static_cast<size_t>(k)][i] = bytes[static_cast<size_t>(k)][d];
  }
  layout_.coalesce();
}

bool TensorIterator::isScalarInput(int k) const {
  if (numel_ <= 1) return true;
  for (int64_t s : layout_.strides[static_cast<size_t>(k + 1)])
    if (s != 0) return false;
  return true;
}

void TensorIterator::writeBack() {
  if (!needsWriteBack_) return;
  out_.copyFrom(operands_[0]);
  needsWriteBack_ = false;
}

TensorIterator TensorIterator::binaryOp(const Tensor& out, const Tensor& a, const Tensor& b) {
  return TensorIterator(out, {a, b});
}

TensorIterator TensorIterator::binaryFloatOp(const Tensor& out, const Tensor& a, const Tensor& b) {
  TensorIteratorConfig c;
  c.intToFloat = true;
  return TensorIterator(out, {a, b}, c);
}

TensorIterator TensorIterator::unaryOp(const Tensor& out, const Tensor& a) { return TensorIterator(out, {a}); }

TensorIterator TensorIterator::unaryFloatOp(const Tensor& out, const Tensor& a) {
  TensorIteratorConfig c;
  c.intToFloat = true;
  return TensorIterator(out, {a}, c);
}

TensorIterator TensorIterator::comparisonOp(const Tensor& out, const Tensor& a, const Tensor& b) {
  TensorIteratorConfig c;
  c.safeCastToOutput = false;
  c.outputDtype = DType::Bool;
  return TensorIterator(out, {a, b}, c);
}

}  // namespace ember
