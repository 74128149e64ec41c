#include "ember/kernels/activation.h"

#include <algorithm>

#include "ember/kernels/binary.h"
#include "ember/kernels/elementwise_util.h"
#include "ember/kernels/vec_math.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

namespace {

constexpr DTypeSet kFloatBF = kFloatingTypes | kBFloat16;

// A float activation: same dtype in and out; makeOp<T>() returns the element lambda.
template <DTypeSet Types, class MakeOp>
Tensor activation(const Tensor& out, const Tensor& self, const char* kernelName, MakeOp makeOp) {
  auto iter = TensorIterator::unaryOp(out, self);
  dispatch<Types>(iter.commonDtype(), kernelName, [&]<class T>() { cpuKernel(iter, makeOp.template operator()<T>()); });
  return iter.output();
}

// ---------------------------------------------------------------- clamp

Tensor clampScalarImpl(const Tensor& out, const Tensor& self, const std::optional<Scalar>& min,
                       const std::optional<Scalar>& max) {
  EMBER_CHECK(min || max, "torch.clamp: At least one of 'min' or 'max' must not be None");
  DType rt = self.dtype();
  if (!isFloating(rt)) {
    ResultTypeState state;
    state.add(self);
    if (min) state.add(*min);
    if (max) state.add(*max);
    rt = state.result();
    EMBER_CHECK(rt == self.dtype() || !out.defined(), "result type {} can't be cast to the desired output type {}",
                scalarTypeName(rt), typeMetaName(self.dtype()));
  }
  auto iter = TensorIterator::unaryOp(out, castTo(self, rt));
  const char* kernelName = min && max ? "clamp_scalar_cpu" : (max ? "clamp_max_scalar_cpu" : "clamp_min_cpu");
  dispatch<kAllTypes | kBFloat16>(iter.commonDtype(), kernelName, [&]<class T>() {
    using M = OpMathType<T>;
    // std::max(a, lo) keeps a NaN `a` (the comparison is false), as PyTorch's clamp does.
    if (min && max) {
      const M lo = scalarAs<T>(*min), hi = scalarAs<T>(*max);
      cpuKernel(iter, mathUnary<T>([lo, hi](M a) { return vecmath::min(vecmath::max(a, lo), hi); }));
    } else if (min) {
      const M lo = scalarAs<T>(*min);
      cpuKernel(iter, mathUnary<T>([lo](M a) { return vecmath::max(a, lo); }));
    } else {
      const M hi = scalarAs<T>(*max);
      cpuKernel(iter, mathUnary<T>([hi](M a) { return vecmath::min(a, hi); }));
    }
  });
  return iter.output();
}

Tensor clampTensorImpl(const Tensor& out, const Tensor& self, const std::optional<Tensor>& min,
                       const std::optional<Tensor>& max) {
  const bool hasMin = min && min->defined(), hasMax = max && max->defined();
  EMBER_CHECK(hasMin || hasMax, "torch.clamp: At least one of 'min' or 'max' must not be None");
  if (!hasMax) return out.defined() ? maximum_(out, *min) : maximum(self, *min);
  if (!hasMin) return out.defined() ? minimum_(out, *max) : minimum(self, *max);
  TensorIterator iter(out, {self, *min, *max});
  dispatch<kAllTypes | kBFloat16>(iter.commonDtype(), "clamp_cpu", [&]<class T>() {
    using M = OpMathType<T>;
    cpuKernel(iter, [](T a, T lo, T hi) -> T {
      const M x = static_cast<M>(a), l = static_cast<M>(lo), h = static_cast<M>(hi);
      const M r = vecmath::min(vecmath::max(x, l), h);
      return static_cast<T>(vecmath::select((l != l) | (h != h), std::numeric_limits<M>::quiet_NaN(), r));
    });
  });
  return iter.output();
}

Tensor hardtanhImpl(const Tensor& out, const Tensor& self, const Scalar& minVal, const Scalar& maxVal) {
  EMBER_CHECK(self.dtype() != DType::Bool, "Bool inputs not supported for hardtanh");
  if (!isIntegral(self.dtype(), /*includeBool=*/false)) return clampScalarImpl(out, self, minVal, maxVal);
  // Integer tensors: the bounds are truncated to ints, so they never promote.
  const int64_t lo = minVal.toInt(), hi = maxVal.toInt();
  EMBER_CHECK(self.dtype() != DType::Byte || (lo >= 0 && hi >= 0),
              "cannot do hardtanh on an unsigned type with negative limits");
  return clampScalarImpl(out, self, Scalar(lo), Scalar(hi));
}

Tensor reluImpl(const Tensor& out, const Tensor& self) {
  EMBER_CHECK(self.dtype() != DType::Bool, "Boolean inputs not supported for relu");
  return clampScalarImpl(out, self, Scalar(int64_t(0)), std::nullopt);
}

Tensor geluImpl(const Tensor& out, const Tensor& self, std::string_view approximate) {
  const bool useTanh = approximate == "tanh";
  EMBER_CHECK(useTanh || approximate == "none", "approximate argument must be either none or tanh.");
  auto iter = TensorIterator::unaryOp(out, self);
  dispatch<kFloatBF>(iter.commonDtype(), "GeluKernelImpl", [&]<class T>() {
    using M = OpMathType<T>;
    if (useTanh) {
      cpuKernel(iter, mathUnary<T>([](M x) -> M {
                  const M kBeta = static_cast<M>(M_SQRT2 * M_2_SQRTPI * 0.5);
                  const M kKappa = static_cast<M>(0.044715);
                  const M inner = kBeta * (x + kKappa * x * x * x);
                  return static_cast<M>(0.5) * x * (static_cast<M>(1) + vecmath::tanh(inner));
                }));
      return;
    }
    cpuKernel(iter, mathUnary<T>([](M x) -> M {
                return x * static_cast<M>(0.5) * (static_cast<M>(1) + vecmath::erf(x * static_cast<M>(M_SQRT1_2)));
              }));
  });
  return iter.output();
}

Tensor siluImpl(const Tensor& out, const Tensor& self) {
  return activation<kFloatBF>(out, self, "silu_cpu", []<class T>() {
    using M = OpMathType<T>;
    return mathUnary<T>([](M x) -> M { return x / (static_cast<M>(1) + vecmath::exp(-x)); });
  });
}

Tensor hardswishImpl(const Tensor& out, const Tensor& self) {
  return activation<kFloatBF>(out, self, "hardswish_cpu", []<class T>() {
    using M = OpMathType<T>;
    return mathUnary<T>([](M x) -> M {
      return x * vecmath::min(vecmath::max(x + static_cast<M>(3), static_cast<M>(0)), static_cast<M>(6)) /
             static_cast<M>(6);
    });
  });
}

Tensor hardsigmoidImpl(const Tensor& out, const Tensor& self) {
  return activation<kFloatBF>(out, self, "hardsigmoid_cpu", []<class T>() {
    using M = OpMathType<T>;
    return mathUnary<T>([](M x) -> M {
      return vecmath::min(vecmath::max(x + static_cast<M>(3), static_cast<M>(0)), static_cast<M>(6)) /
             static_cast<M>(6);
    });
  });
}

Tensor leakyReluImpl(const Tensor& out, const Tensor& self, const Scalar& negativeSlope) {
  return activation<kFloatBF>(out, self, "leaky_relu_cpu", [&]<class T>() {
    using M = OpMathType<T>;
    const M slope = scalarAs<T>(negativeSlope);
    return mathUnary<T>([slope](M x) -> M { return vecmath::select(x > static_cast<M>(0), x, x * slope); });
  });
}

Tensor eluImpl(const Tensor& out, const Tensor& self, const Scalar& alpha, const Scalar& scale,
               const Scalar& inputScale) {
  return activation<kFloatBF>(out, self, "elu_cpu", [&]<class T>() {
    using M = OpMathType<T>;
    const M negcoef = scalarAs<T>(alpha) * scalarAs<T>(scale);
    const M poscoef = scalarAs<T>(scale);
    const M negiptcoef = scalarAs<T>(inputScale);
    return mathUnary<T>([=](M x) -> M {
      return vecmath::select(x <= static_cast<M>(0), (vecmath::exp(x * negiptcoef) - static_cast<M>(1)) * negcoef,
                             x * poscoef);
    });
  });
}

Tensor mishImpl(const Tensor& out, const Tensor& self) {
  return activation<kFloatingTypes>(out, self, "mish_cpu", []<class T>() {
    return [](T x) -> T { return x * std::tanh(std::log1p(std::exp(x))); };
  });
}

}  // namespace

Tensor relu(const Tensor& self) { return reluImpl(Tensor(), self); }
Tensor relu_(const Tensor& self) {
  reluImpl(self, self);
  return self;
}

Tensor relu6(const Tensor& self) { return hardtanhImpl(Tensor(), self, Scalar(int64_t(0)), Scalar(int64_t(6))); }
Tensor relu6_(const Tensor& self) {
  hardtanhImpl(self, self, Scalar(int64_t(0)), Scalar(int64_t(6)));
  return self;
}

Tensor hardtanh(const Tensor& self, const Scalar& minVal, const Scalar& maxVal) {
  return hardtanhImpl(Tensor(), self, minVal, maxVal);
}
Tensor hardtanh_(const Tensor& self, const Scalar& minVal, const Scalar& maxVal) {
  hardtanhImpl(self, self, minVal, maxVal);
  return self;
}

Tensor gelu(const Tensor& self, std::string_view approximate) { return geluImpl(Tensor(), self, approximate); }
Tensor gelu_(const Tensor& self, std::string_view approximate) {
  geluImpl(self, self, approximate);
  return self;
}

Tensor silu(const Tensor& self) { return siluImpl(Tensor(), self); }
Tensor silu_(const Tensor& self) {
  siluImpl(self, self);
  return self;
}

Tensor hardswish(const Tensor& self) { return hardswishImpl(Tensor(), self); }
Tensor hardswish_(const Tensor& self) {
  hardswishImpl(self, self);
  return self;
}

Tensor hardsigmoid(const Tensor& self) { return hardsigmoidImpl(Tensor(), self); }
Tensor hardsigmoid_(const Tensor& self) {
  hardsigmoidImpl(self, self);
  return self;
}

Tensor leaky_relu(const Tensor& self, const Scalar& negativeSlope) {
  return leakyReluImpl(Tensor(), self, negativeSlope);
}
Tensor leaky_relu_(const Tensor& self, const Scalar& negativeSlope) {
  leakyReluImpl(self, self, negativeSlope);
  return self;
}

Tensor elu(const Tensor& self, const Scalar& alpha, const Scalar& scale, const Scalar& inputScale) {
  return eluImpl(Tensor(), self, alpha, scale, inputScale);
}
Tensor elu_(const Tensor& self, const Scalar& alpha, const Scalar& scale, const Scalar& inputScale) {
  eluImpl(self, self, alpha, scale, inputScale);
  return self;
}

Tensor softplus(const Tensor& self, const Scalar& beta, const Scalar& threshold) {
  return activation<kFloatBF>(Tensor(), self, "softplus_cpu", [&]<class T>() {
    using M = OpMathType<T>;
    const M b = scalarAs<T>(beta), th = scalarAs<T>(threshold);
    return mathUnary<T>([b, th](M x) -> M { return x * b > th ? x : std::log1p(vecmath::exp(x * b)) / b; });
  });
}

Tensor mish(const Tensor& self) { return mishImpl(Tensor(), self); }
Tensor mish_(const Tensor& self) {
  mishImpl(self, self);
  return self;
}

Tensor clamp(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  return clampScalarImpl(Tensor(), self, min, max);
}
Tensor clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  clampScalarImpl(self, self, min, max);
  return self;
}
Tensor clamp(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max) {
  return clampTensorImpl(Tensor(), self, min, max);
}
Tensor clamp_(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max) {
  clampTensorImpl(self, self, min, max);
  return self;
}
Tensor clamp_min(const Tensor& self, const Scalar& min) { return clampScalarImpl(Tensor(), self, min, std::nullopt); }
Tensor clamp_min_(const Tensor& self, const Scalar& min) {
  clampScalarImpl(self, self, min, std::nullopt);
  return self;
}
Tensor clamp_max(const Tensor& self, const Scalar& max) { return clampScalarImpl(Tensor(), self, std::nullopt, max); }
Tensor clamp_max_(const Tensor& self, const Scalar& max) {
  clampScalarImpl(self, self, std::nullopt, max);
  return self;
}
Tensor clamp_min(const Tensor& self, const Tensor& min) { return maximum(self, min); }
Tensor clamp_min_(const Tensor& self, const Tensor& min) { return maximum_(self, min); }
Tensor clamp_max(const Tensor& self, const Tensor& max) { return minimum(self, max); }
Tensor clamp_max_(const Tensor& self, const Tensor& max) { return minimum_(self, max); }

}  // namespace ember::kernels
