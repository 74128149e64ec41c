#include "ember/kernels/binary.h"

#include <algorithm>

#include "ember/kernels/elementwise_util.h"
#include "ember/kernels/vec_math.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

namespace {

// ---------------------------------------------------------------- add / sub / mul

void alphaCheck(DType dtype, const Scalar& alpha) {
  EMBER_CHECK(!alpha.isBool() || dtype == DType::Bool, "Boolean alpha only supported for Boolean results.");
  EMBER_CHECK(isFloating(dtype) || alpha.isIntegral(/*includeBool=*/true),
              "For integral input tensors, argument alpha must not be a floating point number.");
}

void subCheck(const Tensor& self, const Tensor& other) {
  EMBER_CHECK(self.dtype() != DType::Bool || other.dtype() != DType::Bool,
              "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
              "operator instead.");
  EMBER_CHECK(self.dtype() != DType::Bool && other.dtype() != DType::Bool,
              "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a "
              "mask, use the `~` or `logical_not()` operator instead.");
}

// self + alpha * other; alphaForCheck is the alpha the caller gave (sub negates it).
Tensor addImpl(const Tensor& out, const Tensor& self, const Tensor& other, const Scalar& alpha,
               const Scalar& alphaForCheck) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  alphaCheck(iter.output().dtype(), alphaForCheck);
  const bool unitAlpha = !alpha.isFloating() && alpha.toInt() == 1;
  dispatch<kEveryType>(iter.commonDtype(), "add_cpu", [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) {
      const bool al = checkedScalarTo<bool>(alpha);
      cpuKernel(iter, [al](bool a, bool b) -> bool { return a || (al && b); });
    } else if constexpr (isIntegralT<T>) {
      const T al = checkedScalarTo<T>(alpha);
      if (unitAlpha) cpuKernel(iter, [](T a, T b) -> T { return wrapAdd(a, b); });
      else cpuKernel(iter, [al](T a, T b) -> T { return wrapAdd(a, wrapMul(al, b)); });
    } else {
      using M = OpMathType<T>;
      const M al = scalarAs<T>(alpha);
      if (unitAlpha) cpuKernel(iter, mathBinary<T>([](M a, M b) { return a + b; }));
      else cpuKernel(iter, mathBinary<T>([al](M a, M b) { return a + al * b; }));
    }
  });
  return iter.output();
}

Tensor subImpl(const Tensor& out, const Tensor& self, const Tensor& other, const Scalar& alpha) {
  subCheck(self, other);
  return addImpl(out, self, other, -alpha, alpha);
}

Tensor mulImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kEveryType>(iter.commonDtype(), "mul_cpu", [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) cpuKernel(iter, [](bool a, bool b) -> bool { return a && b; });
    else if constexpr (isIntegralT<T>) cpuKernel(iter, [](T a, T b) -> T { return wrapMul(a, b); });
    else cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return a * b; }));
  });
  return iter.output();
}

// ---------------------------------------------------------------- division

[[noreturn]] void zeroDivision() { EMBER_FAIL("ZeroDivisionError"); }

template <class T>
inline T intDivTrunc(T a, T b) {
  if (b == 0) [[unlikely]] zeroDivision();
  if constexpr (std::is_signed_v<T>) {
    if (b == -1) return wrapSub(T(0), a);  // INT_MIN / -1 traps in hardware
  }
  return static_cast<T>(a / b);
}

template <class T>
inline T intDivFloor(T a, T b) {
  if (b == 0) [[unlikely]] zeroDivision();
  if constexpr (std::is_signed_v<T>) {
    if (b == -1) return wrapSub(T(0), a);
    if ((a < 0) != (b < 0)) {
      const T q = static_cast<T>(a / b);
      const T r = static_cast<T>(a % b);
      return r != 0 ? static_cast<T>(q - 1) : q;
    }
  }
  return static_cast<T>(a / b);
}

// PyTorch's div_floor_floating: floor of the true quotient, computed from
// fmod so that it agrees with remainder.
template <class M>
inline M floatDivFloor(M a, M b) {
  if (b == 0) return a / b;
  const M mod = std::fmod(a, b);
  M div = (a - mod) / b;
  if (mod != 0 && (b < 0) != (mod < 0)) div -= M(1);
  if (div == 0) return std::copysign(M(0), a / b);
  M floordiv = std::floor(div);
  if (div - floordiv > M(0.5)) floordiv += M(1);
  return floordiv;
}

Tensor divTrueImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryFloatOp(out, self, other);
  dispatch<kFloatingTypes | kHalf | kBFloat16>(iter.commonDtype(), "div_true_cpu", [&]<class T>() {
    cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return a / b; }));
  });
  return iter.output();
}

Tensor divTruncImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "div_trunc_cpu", [&]<class T>() {
    if constexpr (isIntegralT<T>) cpuKernel(iter, [](T a, T b) -> T { return intDivTrunc(a, b); }, 4096);
    else cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return std::trunc(a / b); }));
  });
  return iter.output();
}

Tensor divFloorImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "div_floor_cpu", [&]<class T>() {
    if constexpr (isIntegralT<T>) cpuKernel(iter, [](T a, T b) -> T { return intDivFloor(a, b); }, 4096);
    else cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return floatDivFloor(a, b); }));
  });
  return iter.output();
}

Tensor divImpl(const Tensor& out, const Tensor& self, const Tensor& other, std::optional<std::string_view> mode) {
  if (!mode) return divTrueImpl(out, self, other);
  if (*mode == "trunc") return divTruncImpl(out, self, other);
  if (*mode == "floor") return divFloorImpl(out, self, other);
  EMBER_FAIL("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{}'", *mode);
}

Tensor remainderImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "remainder_cpu", [&]<class T>() {
    if constexpr (isIntegralT<T>) {
      cpuKernel(
          iter,
          [](T a, T b) -> T {
            if (b == 0) [[unlikely]] zeroDivision();
            if constexpr (std::is_signed_v<T>) {
              if (b == -1) return T(0);
            }
            T r = static_cast<T>(a % b);
            if constexpr (std::is_signed_v<T>) {
              if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
            }
            return r;
          },
          4096);
    } else {
      cpuKernel(iter, mathBinary<T>([](auto a, auto b) {
                  auto mod = std::fmod(a, b);
                  if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
                  return mod;
                }));
    }
  });
  return iter.output();
}

Tensor fmodImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "fmod_cpu", [&]<class T>() {
    if constexpr (isIntegralT<T>) {
      cpuKernel(
          iter,
          [](T a, T b) -> T {
            if (b == 0) [[unlikely]] zeroDivision();
            if constexpr (std::is_signed_v<T>) {
              if (b == -1) return T(0);
            }
            return static_cast<T>(a % b);
          },
          4096);
    } else {
      cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return std::fmod(a, b); }));
    }
  });
  return iter.output();
}

// ---------------------------------------------------------------- pow

// Integer power by squaring, wrapping on overflow; negative exponents give
// 1 / a truncated (PyTorch's powi).
template <class T>
inline T intPow(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) {
      if (a == 1) return T(1);
      if (a == -1) return (b % 2) != 0 ? T(-1) : T(1);
      return T(0);
    }
  }
  T result = 1;
  while (b) {
    if (b & 1) result = wrapMul(result, a);
    b = static_cast<T>(b / 2);
    a = wrapMul(a, a);
  }
  return result;
}

Tensor powTensorTensorImpl(const Tensor& out, const Tensor& self, const Tensor& exponent) {
  auto iter = TensorIterator::binaryOp(out, self, exponent);
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "pow", [&]<class T>() {
    if constexpr (isIntegralT<T>) cpuKernel(iter, [](T a, T b) -> T { return intPow(a, b); });
    else cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return std::pow(a, b); }));
  });
  return iter.output();
}

Tensor powTensorScalarImpl(const Tensor& out, const Tensor& self, const Scalar& exponent) {
  EMBER_CHECK(!(isIntegral(self.dtype(), true) && exponent.isIntegral(true) && exponent.toInt() < 0),
              "Integers to negative integer powers are not allowed.");
  const DType dt = resultType(self, exponent);
  // PyTorch builds this op with all dtypes equal, so an in-place pow_ that
  // would promote fails with that check's message.
  EMBER_CHECK(!out.defined() || out.dtype() == dt, "Found dtype {} but expected {}", scalarTypeName(out.dtype()),
              scalarTypeName(dt));
  auto iter = TensorIterator::unaryOp(out, castTo(self, dt));
  const double e = exponent.toDouble();
  if (e == 0.0 || e == 1.0) {
    // PyTorch fills with 1 or copies, before any dtype check of the kernel.
    dispatch<kEveryType>(iter.commonDtype(), "pow", [&]<class T>() {
      if (e == 0.0) cpuKernel(iter, [](T) -> T { return static_cast<T>(1); });
      else cpuKernel(iter, [](T a) -> T { return a; });
    });
    return iter.output();
  }
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "pow", [&]<class T>() {
    if constexpr (isIntegralT<T>) {
      const T b = checkedScalarTo<T>(exponent);
      cpuKernel(iter, [b](T a) -> T { return intPow(a, b); });
    } else {
      using M = OpMathType<T>;
      const M ex = static_cast<M>(e);
      if (e == 2.0) cpuKernel(iter, mathUnary<T>([](M a) { return a * a; }));
      else if (e == 3.0) cpuKernel(iter, mathUnary<T>([](M a) { return a * a * a; }));
      else if (e == 0.5) cpuKernel(iter, mathUnary<T>([](M a) { return std::sqrt(a); }));
      else if (e == -0.5) cpuKernel(iter, mathUnary<T>([](M a) { return M(1) / std::sqrt(a); }));
      else if (e == -1.0) cpuKernel(iter, mathUnary<T>([](M a) { return M(1) / a; }));
      else if (e == -2.0) cpuKernel(iter, mathUnary<T>([](M a) { return M(1) / (a * a); }));
      else cpuKernel(iter, mathUnary<T>([ex](M a) { return std::pow(a, ex); }));
    }
  });
  return iter.output();
}

// ---------------------------------------------------------------- max / min / atan2

template <bool IsMax>
Tensor maxMinImpl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryOp(out, self, other);
  dispatch<kEveryType>(iter.commonDtype(), IsMax ? "maximum_cpu" : "minimum_cpu", [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) {
      if constexpr (IsMax) cpuKernel(iter, [](bool a, bool b) -> bool { return a || b; });
      else cpuKernel(iter, [](bool a, bool b) -> bool { return a && b; });
    } else if constexpr (isIntegralT<T>) {
      if constexpr (IsMax) cpuKernel(iter, [](T a, T b) -> T { return std::max(a, b); });
      else cpuKernel(iter, [](T a, T b) -> T { return std::min(a, b); });
    } else {
      cpuKernel(iter, mathBinary<T>([](auto a, auto b) -> decltype(a) {
                  using M = decltype(a);
                  const M r = IsMax ? vecmath::max(a, b) : vecmath::min(a, b);
                  return vecmath::select((a != a) | (b != b), std::numeric_limits<M>::quiet_NaN(), r);
                }));
    }
  });
  return iter.output();
}

Tensor atan2Impl(const Tensor& out, const Tensor& self, const Tensor& other) {
  auto iter = TensorIterator::binaryFloatOp(out, self, other);
  dispatch<kFloatingTypes | kBFloat16>(iter.commonDtype(), "atan2_cpu", [&]<class T>() {
    cpuKernel(iter, mathBinary<T>([](auto a, auto b) { return std::atan2(a, b); }));
  });
  return iter.output();
}

// The in-place form of an op: impl writes into self, which is the result.
template <class Impl, class... Args>
Tensor inPlace(Impl impl, const Tensor& self, const Args&... args) {
  impl(self, self, args...);
  return self;
}

}  // namespace

// ---------------------------------------------------------------- public entry points

Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return addImpl(Tensor(), self, other, alpha, alpha);
}
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return addImpl(Tensor(), self, wrap(other), alpha, alpha);
}
Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return inPlace(addImpl, self, other, alpha, alpha);
}
Tensor add_(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return inPlace(addImpl, self, wrap(other), alpha, alpha);
}

Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return subImpl(Tensor(), self, other, alpha);
}
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return subImpl(Tensor(), self, wrap(other), alpha);
}
Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return inPlace(subImpl, self, other, alpha);
}
Tensor sub_(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return inPlace(subImpl, self, wrap(other), alpha);
}
Tensor rsub(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return subImpl(Tensor(), other, self, alpha);
}
Tensor rsub(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return subImpl(Tensor(), wrap(other), self, alpha);
}

Tensor mul(const Tensor& self, const Tensor& other) { return mulImpl(Tensor(), self, other); }
Tensor mul(const Tensor& self, const Scalar& other) { return mulImpl(Tensor(), self, wrap(other)); }
Tensor mul_(const Tensor& self, const Tensor& other) { return inPlace(mulImpl, self, other); }
Tensor mul_(const Tensor& self, const Scalar& other) { return inPlace(mulImpl, self, wrap(other)); }

Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string_view> mode) {
  return divImpl(Tensor(), self, other, mode);
}
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string_view> mode) {
  return divImpl(Tensor(), self, wrap(other), mode);
}
Tensor div_(const Tensor& self, const Tensor& other, std::optional<std::string_view> mode) {
  return inPlace(divImpl, self, other, mode);
}
Tensor div_(const Tensor& self, const Scalar& other, std::optional<std::string_view> mode) {
  return inPlace(divImpl, self, wrap(other), mode);
}
Tensor floor_divide(const Tensor& self, const Tensor& other) { return divFloorImpl(Tensor(), self, other); }
Tensor floor_divide(const Tensor& self, const Scalar& other) { return divFloorImpl(Tensor(), self, wrap(other)); }
Tensor floor_divide_(const Tensor& self, const Tensor& other) { return inPlace(divFloorImpl, self, other); }
Tensor floor_divide_(const Tensor& self, const Scalar& other) { return inPlace(divFloorImpl, self, wrap(other)); }

Tensor remainder(const Tensor& self, const Tensor& other) { return remainderImpl(Tensor(), self, other); }
Tensor remainder(const Tensor& self, const Scalar& other) { return remainderImpl(Tensor(), self, wrap(other)); }
Tensor remainder(const Scalar& self, const Tensor& other) { return remainderImpl(Tensor(), wrap(self), other); }
Tensor remainder_(const Tensor& self, const Tensor& other) { return inPlace(remainderImpl, self, other); }
Tensor remainder_(const Tensor& self, const Scalar& other) { return inPlace(remainderImpl, self, wrap(other)); }

Tensor fmod(const Tensor& self, const Tensor& other) { return fmodImpl(Tensor(), self, other); }
Tensor fmod(const Tensor& self, const Scalar& other) { return fmodImpl(Tensor(), self, wrap(other)); }
Tensor fmod_(const Tensor& self, const Tensor& other) { return inPlace(fmodImpl, self, other); }
Tensor fmod_(const Tensor& self, const Scalar& other) { return inPlace(fmodImpl, self, wrap(other)); }

Tensor pow(const Tensor& self, const Tensor& exponent) { return powTensorTensorImpl(Tensor(), self, exponent); }
Tensor pow(const Tensor& self, const Scalar& exponent) { return powTensorScalarImpl(Tensor(), self, exponent); }
Tensor pow(const Scalar& self, const Tensor& exponent) {
  // 1 ** x is 1 for every x, NaN included; everything else is pow(Tensor, Tensor).
  if (self.toDouble() == 1.0) {
    Tensor r = Tensor::empty(exponent.sizes(), resultType(exponent, self));
    TensorIterator iter(r, {}, {});
    dispatch<kEveryType>(r.dtype(), "fill", [&]<class T>() { cpuKernel(iter, []() -> T { return T(1); }); });
    return r;
  }
  return powTensorTensorImpl(Tensor(), wrap(self), exponent);
}
Tensor pow_(const Tensor& self, const Tensor& exponent) { return inPlace(powTensorTensorImpl, self, exponent); }
Tensor pow_(const Tensor& self, const Scalar& exponent) { return inPlace(powTensorScalarImpl, self, exponent); }

Tensor maximum(const Tensor& self, const Tensor& other) { return maxMinImpl<true>(Tensor(), self, other); }
Tensor maximum_(const Tensor& self, const Tensor& other) { return inPlace(maxMinImpl<true>, self, other); }
Tensor minimum(const Tensor& self, const Tensor& other) { return maxMinImpl<false>(Tensor(), self, other); }
Tensor minimum_(const Tensor& self, const Tensor& other) { return inPlace(maxMinImpl<false>, self, other); }

Tensor atan2(const Tensor& self, const Tensor& other) { return atan2Impl(Tensor(), self, other); }
Tensor atan2_(const Tensor& self, const Tensor& other) { return inPlace(atan2Impl, self, other); }

}  // namespace ember::kernels
