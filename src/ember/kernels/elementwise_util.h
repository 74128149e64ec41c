// Helpers shared by the element-wise kernel files (not a public interface).
#pragma once

#include <cmath>
#include <limits>
#include <string_view>
#include <type_traits>

#include "ember/kernels/dispatch.h"
#include "ember/kernels/loops.h"
#include "ember/tensor/tensor.h"
#include "ember/tensor/tensor_iterator.h"

namespace ember::kernels {

// caffe2::TypeMeta's spelling ("float", "long int"), used by the few PyTorch
// messages that print `tensor.dtype()` from C++.
std::string_view typeMetaName(DType t);

// Integer + and * wrap around like the hardware (and PyTorch's vector code)
// instead of being undefined on overflow.
template <class T>
inline T wrapAdd(T a, T b) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
  } else {
    return a + b;
  }
}
template <class T>
inline T wrapSub(T a, T b) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
  } else {
    return a - b;
  }
}
template <class T>
inline T wrapMul(T a, T b) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    using U = std::make_unsigned_t<T>;
    // uint16 * uint16 promotes to int and could overflow it; widen first.
    using W = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, U>;
    return static_cast<T>(static_cast<W>(static_cast<U>(a)) * static_cast<W>(static_cast<U>(b)));
  } else {
    return a * b;
  }
}

template <class T>
constexpr bool isIntegralT = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// The shape of a one-input op that computes in OpMathType<T> (float for the
// half types) and rounds once: g receives and returns the math type.
template <class T, class G>
inline auto mathUnary(G g) {
  return [g](T x) -> T {
    using M = OpMathType<T>;
    return static_cast<T>(g(static_cast<M>(x)));
  };
}

template <class T, class G>
inline auto mathBinary(G g) {
  return [g](T a, T b) -> T {
    using M = OpMathType<T>;
    return static_cast<T>(g(static_cast<M>(a), static_cast<M>(b)));
  };
}

// A Python number as a 0-dim "wrapped number" input: promotion treats it as a scalar.
inline Tensor wrap(const Scalar& s) { return Tensor::wrappedScalar(s); }

[[noreturn]] void failScalarOverflow(DType t);

// Scalar::to<T>() in PyTorch: the number must fit T (ints may wrap into
// unsigned types the two's-complement way, floats may be inf), else
// "value cannot be converted to type uint8_t without overflow".
template <class T>
T checkedScalarTo(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>) {
    return s.toBool();
  } else {
    using L = std::numeric_limits<T>;
    const double lowest = static_cast<double>(static_cast<OpMathType<T>>(L::lowest()));
    const double highest = static_cast<double>(static_cast<OpMathType<T>>(L::max()));
    if (s.isFloating()) {
      const double f = s.toDouble();
      if constexpr (isFloatType<T>) {
        if (std::isinf(f) || f != f) return static_cast<T>(f);
      } else {
        if (f != f) failScalarOverflow(dtypeOf<T>);
      }
      if (f < lowest || f > highest) failScalarOverflow(dtypeOf<T>);
      if constexpr (isFloatType<T>) return static_cast<T>(f);
      else return static_cast<T>(static_cast<int64_t>(f));
    }
    const int64_t i = s.toInt();
    if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
      if (static_cast<double>(i) > highest || (i < 0 && -static_cast<uint64_t>(i) > static_cast<uint64_t>(L::max())))
        failScalarOverflow(dtypeOf<T>);
    } else if constexpr (std::is_integral_v<T>) {
      if (i < static_cast<int64_t>(L::lowest()) || i > static_cast<int64_t>(L::max())) failScalarOverflow(dtypeOf<T>);
    } else {
      if (static_cast<double>(i) < lowest || static_cast<double>(i) > highest) failScalarOverflow(dtypeOf<T>);
    }
    if constexpr (isFloatType<T>) return static_cast<T>(static_cast<double>(i));
    else return static_cast<T>(i);
  }
}

// The value of a Scalar in the computation type of T (checked against T).
template <class T>
inline OpMathType<T> scalarAs(const Scalar& s) {
  return static_cast<OpMathType<T>>(checkedScalarTo<T>(s));
}

}  // namespace ember::kernels
