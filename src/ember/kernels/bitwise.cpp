#include "ember/kernels/bitwise.h"

#include "ember/kernels/elementwise_util.h"

namespace ember::kernels {

namespace {

enum class BitKind { And, Or, Xor, Shl, Shr };

// C++ promotes the small types to int before shifting; the hardware then
// uses the count modulo the promoted width.
template <class T>
using Promoted = decltype(+T());

template <class T>
inline T shiftLeft(T a, T b) {
  using P = Promoted<T>;
  using UP = std::make_unsigned_t<P>;
  const unsigned count = static_cast<unsigned>(b) & (sizeof(P) * 8 - 1);
  return static_cast<T>(static_cast<UP>(static_cast<UP>(static_cast<std::make_unsigned_t<T>>(a)) << count));
}

template <class T>
inline T shiftRight(T a, T b) {
  using P = Promoted<T>;
  const unsigned count = static_cast<unsigned>(b) & (sizeof(P) * 8 - 1);
  return static_cast<T>(static_cast<P>(a) >> count);
}

template <BitKind K>
Tensor bitwiseImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  if constexpr (K == BitKind::Shl || K == BitKind::Shr) {
    dispatch<kIntegralTypes>(iter.commonDtype(), K == BitKind::Shl ? "lshift_cpu" : "rshift_cpu", [&]<class T>() {
      if constexpr (K == BitKind::Shl) cpuKernel(iter, [](T a, T b) -> T { return shiftLeft(a, b); });
      else cpuKernel(iter, [](T a, T b) -> T { return shiftRight(a, b); });
    });
  } else {
    const char* name = K == BitKind::And ? "bitwise_and_cpu" : (K == BitKind::Or ? "bitwise_or_cpu" : "bitwise_xor_cpu");
    dispatch<kIntegralTypes | kBool>(iter.commonDtype(), name, [&]<class T>() {
      if constexpr (K == BitKind::And) cpuKernel(iter, [](T a, T b) -> T { return static_cast<T>(a & b); });
      else if constexpr (K == BitKind::Or) cpuKernel(iter, [](T a, T b) -> T { return static_cast<T>(a | b); });
      else cpuKernel(iter, [](T a, T b) -> T { return static_cast<T>(a ^ b); });
    });
  }
  return iter.output();
}

}  // namespace

#define EMBER_BITWISE_DEF(name, Kind)                                                                    \
  Tensor name(const Tensor& self, const Tensor& other) { return bitwiseImpl<BitKind::Kind>(Tensor(), self, other); } \
  Tensor name(const Tensor& self, const Scalar& other) {                                                 \
    return bitwiseImpl<BitKind::Kind>(Tensor(), self, wrap(other));                                     \
  }                                                                                                      \
  Tensor name(const Scalar& self, const Tensor& other) {                                                 \
    return bitwiseImpl<BitKind::Kind>(Tensor(), wrap(self), other);                                      \
  }                                                                                                      \
  Tensor name##_(const Tensor& self, const Tensor& other) {                                              \
    bitwiseImpl<BitKind::Kind>(self, self, other);                                                       \
    return self;                                                                                         \
  }                                                                                                      \
  Tensor name##_(const Tensor& self, const Scalar& other) {                                              \
    bitwiseImpl<BitKind::Kind>(self, self, wrap(other));                                                 \
    return self;                                                                                         \
  }

EMBER_BITWISE_DEF(bitwise_and, And)
EMBER_BITWISE_DEF(bitwise_or, Or)
EMBER_BITWISE_DEF(bitwise_xor, Xor)
EMBER_BITWISE_DEF(bitwise_left_shift, Shl)
EMBER_BITWISE_DEF(bitwise_right_shift, Shr)
#undef EMBER_BITWISE_DEF

}  // namespace ember::kernels
