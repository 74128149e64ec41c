#include "ember/tensor/promotion.h"

#include "ember/tensor/tensor.h"

namespace ember {

namespace {

int floatRank(DType t) {
  switch (t) {
    case DType::Half:
    case DType::BFloat16: return 1;
    case DType::Float: return 2;
    case DType::Double: return 3;
    default: return 0;
  }
}

DType promoteSkipUndefined(DType a, DType b) {
  if (a == DType::Undefined) return b;
  if (b == DType::Undefined) return a;
  return promoteTypes(a, b);
}

DType combineCategories(DType higher, DType lower) {
  if (isFloating(higher)) return higher;
  if (higher == DType::Bool || isFloating(lower)) return promoteSkipUndefined(higher, lower);
  if (higher != DType::Undefined) return higher;
  return lower;
}

}  // namespace

DType promoteTypes(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  const bool fa = isFloating(a), fb = isFloating(b);
  if (fa && fb) {
    int ra = floatRank(a), rb = floatRank(b);
    if (ra == rb) return DType::Float;  // half with bfloat16
    return ra > rb ? a : b;
  }
  if (fa) return a;
  if (fb) return b;
  // Both integral and different.
  if (a == DType::Byte || b == DType::Byte) {
    DType other = a == DType::Byte ? b : a;
    return other == DType::Char ? DType::Short : other;
  }
  return elementSize(a) > elementSize(b) ? a : b;
}

void ResultTypeState::add(const Tensor& t) {
  if (!t.defined()) return;
  DType current = t.dtype();
  if (t.isWrappedNumber()) {
    if (isFloating(current)) current = kDefaultFloat;
    wrappedResult_ = promoteSkipUndefined(wrappedResult_, current);
  } else if (t.dim() == 0) {
    zeroResult_ = promoteSkipUndefined(zeroResult_, current);
  } else {
    dimResult_ = promoteSkipUndefined(dimResult_, current);
  }
}

void ResultTypeState::add(const Scalar& s) {
  DType current = s.dtype();
  if (isFloating(current)) current = kDefaultFloat;
  wrappedResult_ = promoteSkipUndefined(wrappedResult_, current);
}

DType ResultTypeState::result() const {
  return combineCategories(dimResult_, combineCategories(zeroResult_, wrappedResult_));
}

DType resultType(const Tensor& a, const Tensor& b) {
  ResultTypeState s;
  s.add(a);
  s.add(b);
  return s.result();
}

DType resultType(const Tensor& a, const Scalar& b) {
  ResultTypeState s;
  s.add(a);
  s.add(b);
  return s.result();
}

bool canCast(DType from, DType to) {
  if (isFloating(from) && isIntegral(to, false)) return false;
  if (from != DType::Bool && to == DType::Bool) return false;
  return true;
}

}  // namespace ember
