// PyTorch's type promotion: promoteTypes for two dtypes, and resultType for
// the operands of one op, where tensors with dims outrank 0-dim tensors,
// which outrank Python numbers, unless the lower category is a "higher kind"
// (bool < integer < floating).
//   int32 tensor + 2.5      -> float32 (a float scalar lifts ints to the default float)
//   int32 tensor + int64 0-dim tensor -> int32
//   uint8 tensor + int8 tensor -> int16
#pragma once

#include "ember/tensor/dtype.h"
#include "ember/tensor/scalar.h"

namespace ember {

class Tensor;

DType promoteTypes(DType a, DType b);

// Accumulates operands the way at::native::result_type does.
class ResultTypeState {
 public:
  void add(const Tensor& t);   // honours wrapped numbers (0-dim tensors made from Python scalars)
  void add(const Scalar& s);   // a Python number
  DType result() const;

 private:
  DType dimResult_ = DType::Undefined;
  DType zeroResult_ = DType::Undefined;
  DType wrappedResult_ = DType::Undefined;
};

DType resultType(const Tensor& a, const Tensor& b);
DType resultType(const Tensor& a, const Scalar& b);

// The default dtype Python floats become in tensors (torch.get_default_dtype()).
constexpr DType kDefaultFloat = DType::Float;

// Whether a value of dtype `from` may be written into `to` by an in-place op
// (PyTorch's canCast: no float->int, no non-bool->bool).
bool canCast(DType from, DType to);

}  // namespace ember
