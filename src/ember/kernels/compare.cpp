#include "ember/kernels/compare.h"

#include "ember/kernels/elementwise_util.h"

namespace ember::kernels {

namespace {

enum class CompareKind { Eq, Ne, Lt, Le, Gt, Ge, And, Or, Xor };

template <CompareKind K, class M>
inline bool compareValues(M a, M b) {
  if constexpr (K == CompareKind::Eq) return a == b;
  else if constexpr (K == CompareKind::Ne) return a != b;
  else if constexpr (K == CompareKind::Lt) return a < b;
  else if constexpr (K == CompareKind::Le) return a <= b;
  else if constexpr (K == CompareKind::Gt) return a > b;
  else if constexpr (K == CompareKind::Ge) return a >= b;
  else if constexpr (K == CompareKind::And) return a != M(0) && b != M(0);
  else if constexpr (K == CompareKind::Or) return a != M(0) || b != M(0);
  else return (a != M(0)) != (b != M(0));
}

template <CompareKind K>
Tensor compareImpl(const Tensor& out, const Tensor& self, const Tensor& other, const char* kernelName) {
  auto iter = TensorIterator::comparisonOp(out, self, other);
  dispatch<kEveryType>(iter.commonDtype(), kernelName, [&]<class T>() {
    using M = OpMathType<T>;
    cpuKernel(iter, [](T a, T b) -> bool { return compareValues<K>(static_cast<M>(a), static_cast<M>(b)); });
  });
  return iter.output();
}

}  // namespace

#define EMBER_COMPARE_DEF(name, Kind, kernelName)                                                        \
  Tensor name(const Tensor& self, const Tensor& other) {                                                 \
    return compareImpl<CompareKind::Kind>(Tensor(), self, other, kernelName);                            \
  }                                                                                                      \
  Tensor name(const Tensor& self, const Scalar& other) {                                                 \
    return compareImpl<CompareKind::Kind>(Tensor(), self, wrap(other), kernelName);                      \
  }                                                                                                      \
  Tensor name##_(const Tensor& self, const Tensor& other) {                                              \
    compareImpl<CompareKind::Kind>(self, self, other, kernelName);                                       \
    return self;                                                                                         \
  }                                                                                                      \
  Tensor name##_(const Tensor& self, const Scalar& other) {                                              \
    compareImpl<CompareKind::Kind>(self, self, wrap(other), kernelName);                                 \
    return self;                                                                                         \
  }

EMBER_COMPARE_DEF(eq, Eq, "eq_cpu")
EMBER_COMPARE_DEF(ne, Ne, "ne_cpu")
EMBER_COMPARE_DEF(lt, Lt, "lt_cpu")
EMBER_COMPARE_DEF(le, Le, "le_cpu")
EMBER_COMPARE_DEF(gt, Gt, "gt_cpu")
EMBER_COMPARE_DEF(ge, Ge, "ge_cpu")
#undef EMBER_COMPARE_DEF

#define EMBER_LOGICAL_DEF(name, Kind, kernelName)                                                        \
  Tensor name(const Tensor& self, const Tensor& other) {                                                 \
    return compareImpl<CompareKind::Kind>(Tensor(), self, other, kernelName);                            \
  }                                                                                                      \
  Tensor name##_(const Tensor& self, const Tensor& other) {                                              \
    compareImpl<CompareKind::Kind>(self, self, other, kernelName);                                       \
    return self;                                                                                         \
  }

EMBER_LOGICAL_DEF(logical_and, And, "logical_and_cpu")
EMBER_LOGICAL_DEF(logical_or, Or, "logical_or_cpu")
EMBER_LOGICAL_DEF(logical_xor, Xor, "logical_xor_cpu")
#undef EMBER_LOGICAL_DEF

}  // namespace ember::kernels
