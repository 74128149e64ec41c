#include "ember/kernels/unary.h"

#include "ember/kernels/elementwise_util.h"
#include "ember/kernels/vec_math.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

namespace {

constexpr DTypeSet kFloatBF = kFloatingTypes | kBFloat16;
constexpr DTypeSet kFloatHalfBF = kFloatingTypes | kHalf | kBFloat16;

// A float-valued function of one input: integer and bool inputs compute in
// the default float dtype. g maps the math type to itself.
template <DTypeSet Types, class G>
Tensor floatUnary(const Tensor& out, const Tensor& self, const char* kernelName, G g) {
  auto iter = TensorIterator::unaryFloatOp(out, self);
  dispatch<Types>(iter.commonDtype(), kernelName, [&]<class T>() { cpuKernel(iter, mathUnary<T>(g)); });
  return iter.output();
}

// A type-preserving function of one input; makeOp<T>() returns the element lambda.
template <DTypeSet Types, class MakeOp>
Tensor sameTypeUnary(const Tensor& out, const Tensor& self, const char* kernelName, MakeOp makeOp) {
  auto iter = TensorIterator::unaryOp(out, self);
  dispatch<Types>(iter.commonDtype(), kernelName,
                  [&]<class T>() { cpuKernel(iter, makeOp.template operator()<T>()); });
  return iter.output();
}

// A predicate of one input: a bool tensor out (functional) or 0/1 in self's dtype (in-place).
template <class MakeOp>
Tensor predicateUnary(const Tensor& out, const Tensor& self, MakeOp makeOp) {
  TensorIteratorConfig c;
  c.promoteInputs = false;
  c.safeCastToOutput = false;
  c.computeDtype = self.dtype();
  c.outputDtype = DType::Bool;
  TensorIterator iter(out, {self}, c);
  dispatch<kEveryType>(self.dtype(), "predicate", [&]<class T>() { cpuKernel(iter, makeOp.template operator()<T>()); });
  return iter.output();
}

// Rounding functions leave integers alone (a copy, or nothing in place).
template <class G>
Tensor roundingUnary(const Tensor& out, const Tensor& self, const char* kernelName, G g) {
  if (isIntegral(self.dtype(), /*includeBool=*/false)) {
    if (out.defined()) return out;  // in place: already integral
    Tensor r = emptyLike(self, self.dtype());
    r.copyFrom(self);
    return r;
  }
  return sameTypeUnary<kFloatBF>(out, self, kernelName, [&]<class T>() { return mathUnary<T>(g); });
}

}  // namespace

// ---------------------------------------------------------------- float-valued

#define EMBER_FLOAT_UNARY(name, kernelName, Types, expr)                                                \
  Tensor name(const Tensor& self) {                                                                     \
    return floatUnary<Types>(Tensor(), self, kernelName, [](auto x) -> decltype(x) { return expr; });  \
  }                                                                                                     \
  Tensor name##_(const Tensor& self) {                                                                  \
    floatUnary<Types>(self, self, kernelName, [](auto x) -> decltype(x) { return expr; });             \
    return self;                                                                                        \
  }

EMBER_FLOAT_UNARY(exp, "exp_vml_cpu", kFloatBF, vecmath::exp(x))
EMBER_FLOAT_UNARY(expm1, "expm1_vml_cpu", kFloatBF, std::expm1(x))
EMBER_FLOAT_UNARY(log, "log_vml_cpu", kFloatBF, std::log(x))
EMBER_FLOAT_UNARY(log2, "log2_vml_cpu", kFloatBF, std::log2(x))
EMBER_FLOAT_UNARY(log10, "log10_vml_cpu", kFloatBF, std::log10(x))
EMBER_FLOAT_UNARY(log1p, "log1p_vml_cpu", kFloatBF, std::log1p(x))
EMBER_FLOAT_UNARY(sqrt, "sqrt_vml_cpu", kFloatBF, std::sqrt(x))
EMBER_FLOAT_UNARY(rsqrt, "rsqrt_cpu", kFloatBF, decltype(x)(1) / std::sqrt(x))
EMBER_FLOAT_UNARY(sin, "sin_vml_cpu", kFloatBF, std::sin(x))
EMBER_FLOAT_UNARY(cos, "cos_vml_cpu", kFloatBF, std::cos(x))
EMBER_FLOAT_UNARY(tan, "tan_vml_cpu", kFloatBF, std::tan(x))
EMBER_FLOAT_UNARY(asin, "asin_vml_cpu", kFloatBF, std::asin(x))
EMBER_FLOAT_UNARY(acos, "acos_vml_cpu", kFloatBF, std::acos(x))
EMBER_FLOAT_UNARY(atan, "atan_vml_cpu", kFloatBF, std::atan(x))
EMBER_FLOAT_UNARY(sinh, "sinh_cpu", kFloatBF, std::sinh(x))
EMBER_FLOAT_UNARY(cosh, "cosh_cpu", kFloatBF, std::cosh(x))
EMBER_FLOAT_UNARY(tanh, "tanh_vml_cpu", kFloatBF, vecmath::tanh(x))
EMBER_FLOAT_UNARY(sigmoid, "sigmoid_cpu", kFloatBF, vecmath::sigmoid(x))
EMBER_FLOAT_UNARY(erf, "erf_vml_cpu", kFloatBF, std::erf(x))
EMBER_FLOAT_UNARY(erfc, "erfc_vml_cpu", kFloatBF, std::erfc(x))
EMBER_FLOAT_UNARY(reciprocal, "reciprocal_cpu", kFloatHalfBF, decltype(x)(1) / x)
#undef EMBER_FLOAT_UNARY

// ---------------------------------------------------------------- type-preserving

namespace {

Tensor absImpl(const Tensor& out, const Tensor& self) {
  return sameTypeUnary<kAllTypes | kHalf | kBFloat16>(out, self, "abs_cpu", []<class T>() {
    if constexpr (isIntegralT<T>) {
      return [](T x) -> T { return x < 0 ? wrapSub(T(0), x) : x; };
    } else {
      return mathUnary<T>([](auto x) { return std::abs(x); });
    }
  });
}

Tensor negImpl(const Tensor& out, const Tensor& self) {
  EMBER_CHECK(self.dtype() != DType::Bool,
              "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, "
              "use the `~` or `logical_not()` operator instead.");
  return sameTypeUnary<kAllTypes | kHalf | kBFloat16>(out, self, "neg_cpu", []<class T>() {
    if constexpr (isIntegralT<T>) {
      return [](T x) -> T { return wrapSub(T(0), x); };
    } else {
      return mathUnary<T>([](auto x) { return -x; });
    }
  });
}

Tensor signImpl(const Tensor& out, const Tensor& self) {
  return sameTypeUnary<kEveryType>(out, self, "sign_cpu", []<class T>() {
    if constexpr (std::is_same_v<T, bool>) {
      return [](bool x) -> bool { return x; };
    } else {
      // NaN and -0.0 give 0, as in PyTorch.
      return mathUnary<T>([](auto x) -> decltype(x) {
        using M = decltype(x);
        return static_cast<M>((M(0) < x) - (x < M(0)));
      });
    }
  });
}

Tensor fracImpl(const Tensor& out, const Tensor& self) {
  return sameTypeUnary<kFloatHalfBF>(out, self, "frac_cpu", []<class T>() {
    return mathUnary<T>([](auto x) { return x - std::trunc(x); });
  });
}

Tensor bitwiseNotImpl(const Tensor& out, const Tensor& self) {
  return sameTypeUnary<kIntegralTypes | kBool>(out, self, "bitwise_not_cpu", []<class T>() {
    if constexpr (std::is_same_v<T, bool>) return [](bool x) -> bool { return !x; };
    else return [](T x) -> T { return static_cast<T>(~x); };
  });
}

Tensor squareImpl(const Tensor& out, const Tensor& self) {
  // square is pow(self, 2): a bool tensor squares to int64.
  const DType dt = resultType(self, Scalar(int64_t(2)));
  EMBER_CHECK(!out.defined() || out.dtype() == dt, "Found dtype {} but expected {}", scalarTypeName(out.dtype()),
              scalarTypeName(dt));
  auto iter = TensorIterator(out, {castTo(self, dt)});
  dispatch<kAllTypes | kHalf | kBFloat16>(iter.commonDtype(), "pow", [&]<class T>() {
    if constexpr (isIntegralT<T>) cpuKernel(iter, [](T x) -> T { return wrapMul(x, x); });
    else cpuKernel(iter, mathUnary<T>([](auto x) { return x * x; }));
  });
  return iter.output();
}

Tensor logicalNotImpl(const Tensor& out, const Tensor& self) {
  return predicateUnary(out, self, []<class T>() { return [](T x) -> bool { return x == T(0); }; });
}

auto floorFn = [](auto x) { return std::floor(x); };
auto ceilFn = [](auto x) { return std::ceil(x); };
auto roundFn = [](auto x) { return std::nearbyint(x); };
auto truncFn = [](auto x) { return std::trunc(x); };

Tensor roundDecimals(const Tensor& out, const Tensor& self, int64_t decimals) {
  if (decimals == 0)
    return sameTypeUnary<kFloatBF>(out, self, "round_vml_cpu", [&]<class T>() { return mathUnary<T>(roundFn); });
  return sameTypeUnary<kFloatBF>(out, self, "round_cpu", [&]<class T>() {
    using M = OpMathType<T>;
    const bool negative = decimals < 0;
    const M tenPow = static_cast<M>(static_cast<T>(std::pow(10.0, static_cast<double>(negative ? -decimals : decimals))));
    return mathUnary<T>([tenPow, negative](M x) -> M {
      return negative ? std::nearbyint(x / tenPow) * tenPow : std::nearbyint(x * tenPow) / tenPow;
    });
  });
}

}  // namespace

#define EMBER_WRAP_UNARY(name, impl)                                    \
  Tensor name(const Tensor& self) { return impl(Tensor(), self); }      \
  Tensor name##_(const Tensor& self) {                                  \
    impl(self, self);                                                   \
    return self;                                                        \
  }

EMBER_WRAP_UNARY(abs, absImpl)
EMBER_WRAP_UNARY(neg, negImpl)
EMBER_WRAP_UNARY(sign, signImpl)
EMBER_WRAP_UNARY(frac, fracImpl)
EMBER_WRAP_UNARY(bitwise_not, bitwiseNotImpl)
EMBER_WRAP_UNARY(square, squareImpl)
EMBER_WRAP_UNARY(logical_not, logicalNotImpl)
#undef EMBER_WRAP_UNARY

#define EMBER_ROUNDING_UNARY(name, kernelName, fn)                                      \
  Tensor name(const Tensor& self) { return roundingUnary(Tensor(), self, kernelName, fn); } \
  Tensor name##_(const Tensor& self) {                                                  \
    roundingUnary(self, self, kernelName, fn);                                          \
    return self;                                                                        \
  }

EMBER_ROUNDING_UNARY(floor, "floor_vml_cpu", floorFn)
EMBER_ROUNDING_UNARY(ceil, "ceil_vml_cpu", ceilFn)
EMBER_ROUNDING_UNARY(round, "round_vml_cpu", roundFn)
EMBER_ROUNDING_UNARY(trunc, "trunc_vml_cpu", truncFn)
#undef EMBER_ROUNDING_UNARY

Tensor round(const Tensor& self, int64_t decimals) { return roundDecimals(Tensor(), self, decimals); }
Tensor round_(const Tensor& self, int64_t decimals) {
  roundDecimals(self, self, decimals);
  return self;
}

// ---------------------------------------------------------------- predicates

Tensor isnan(const Tensor& self) {
  return predicateUnary(Tensor(), self, []<class T>() {
    if constexpr (isFloatType<T>) return [](T x) -> bool { return std::isnan(static_cast<OpMathType<T>>(x)); };
    else return [](T) -> bool { return false; };
  });
}

Tensor isinf(const Tensor& self) {
  return predicateUnary(Tensor(), self, []<class T>() {
    if constexpr (isFloatType<T>) return [](T x) -> bool { return std::isinf(static_cast<OpMathType<T>>(x)); };
    else return [](T) -> bool { return false; };
  });
}

Tensor isfinite(const Tensor& self) {
  return predicateUnary(Tensor(), self, []<class T>() {
    if constexpr (isFloatType<T>) return [](T x) -> bool { return std::isfinite(static_cast<OpMathType<T>>(x)); };
    else return [](T) -> bool { return true; };
  });
}

// ---------------------------------------------------------------- nan_to_num

namespace {

Tensor nanToNumImpl(const Tensor& out, const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                    std::optional<double> neginf) {
  if (!isFloating(self.dtype())) {
    if (out.defined()) return out;
    Tensor r = emptyLike(self, self.dtype());
    r.copyFrom(self);
    return r;
  }
  return sameTypeUnary<kFloatHalfBF>(out, self, "nan_to_num", [&]<class T>() {
    using M = OpMathType<T>;
    // The replacements are values of T: a float16 posinf of 1e6 becomes inf.
    const M nanV = static_cast<M>(static_cast<T>(nan.value_or(0.0)));
    const M posV = posinf ? static_cast<M>(static_cast<T>(*posinf)) : static_cast<M>(std::numeric_limits<T>::max());
    const M negV =
        neginf ? static_cast<M>(static_cast<T>(*neginf)) : static_cast<M>(std::numeric_limits<T>::lowest());
    return mathUnary<T>([=](M x) -> M {
      if (x != x) return nanV;
      if (x == std::numeric_limits<M>::infinity()) return posV;
      if (x == -std::numeric_limits<M>::infinity()) return negV;
      return x;
    });
  });
}

}  // namespace

Tensor nan_to_num(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                  std::optional<double> neginf) {
  return nanToNumImpl(Tensor(), self, nan, posinf, neginf);
}

Tensor nan_to_num_(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                   std::optional<double> neginf) {
  nanToNumImpl(self, self, nan, posinf, neginf);
  return self;
}

}  // namespace ember::kernels
