#include "ember/kernels/ternary.h"

#include "ember/kernels/elementwise_util.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

// ---------------------------------------------------------------- where

Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other) {
  EMBER_CHECK(condition.dtype() == DType::Bool || condition.dtype() == DType::Byte,
              "where expected condition to be a boolean tensor, but got a tensor with dtype {}",
              scalarTypeName(condition.dtype()));
  const DType rt = resultType(self, other);
  TensorIteratorConfig c;
  c.promoteInputs = false;
  c.computeDtype = rt;
  TensorIterator iter(Tensor(), {castTo(condition, DType::Bool), castTo(self, rt), castTo(other, rt)}, c);
  dispatch<kEveryType>(rt, "where_cpu", [&]<class T>() { cpuKernel(iter, [](bool c, T a, T b) -> T { return c ? a : b; }); });
  return iter.output();
}

Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other) {
  return where(condition, wrap(self), other);
}
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other) {
  return where(condition, self, wrap(other));
}
Tensor where(const Tensor& condition, const Scalar& self, const Scalar& other) {
  return where(condition, wrap(self), wrap(other));
}

// ---------------------------------------------------------------- lerp

namespace {

template <class M>
inline M lerpValue(M self, M end, M weight) {
  return std::abs(weight) < M(0.5) ? self + weight * (end - self) : end - (end - self) * (M(1) - weight);
}

void lerpCheck(const Tensor& self, const Tensor& other, const char* what) {
  EMBER_CHECK(self.dtype() == other.dtype(), "expected dtype {} for `{}` but got dtype {}", typeMetaName(self.dtype()),
              what, typeMetaName(other.dtype()));
}

Tensor lerpScalarImpl(const Tensor& out, const Tensor& self, const Tensor& end, const Scalar& weight) {
  lerpCheck(self, end, "end");
  TensorIterator iter(out, {self, end});
  dispatch<kFloatingTypes | kBFloat16>(iter.commonDtype(), "lerp_kernel_scalar", [&]<class T>() {
    using M = OpMathType<T>;
    const M w = checkedScalarTo<M>(weight);
    cpuKernel(iter, mathBinary<T>([w](M a, M b) { return lerpValue(a, b, w); }));
  });
  return iter.output();
}

Tensor lerpTensorImpl(const Tensor& out, const Tensor& self, const Tensor& end, const Tensor& weight) {
  lerpCheck(self, end, "end");
  lerpCheck(self, weight, "weight");
  TensorIterator iter(out, {self, end, weight});
  dispatch<kFloatingTypes | kBFloat16>(iter.commonDtype(), "lerp_kernel_tensor", [&]<class T>() {
    using M = OpMathType<T>;
    cpuKernel(iter, [](T a, T b, T w) -> T {
      return static_cast<T>(lerpValue(static_cast<M>(a), static_cast<M>(b), static_cast<M>(w)));
    });
  });
  return iter.output();
}

// ---------------------------------------------------------------- addcmul / addcdiv

Tensor addcmulImpl(const Tensor& out, const Tensor& self, const Tensor& t1, const Tensor& t2, const Scalar& value) {
  TensorIterator iter(out, {self, t1, t2});
  dispatch<kAllTypes | kBFloat16>(iter.commonDtype(), "addcmul_cpu_out", [&]<class T>() {
    if constexpr (isIntegralT<T>) {
      const T v = checkedScalarTo<T>(value);
      cpuKernel(iter, [v](T a, T b, T c) -> T { return wrapAdd(a, wrapMul(wrapMul(v, b), c)); });
    } else {
      using M = OpMathType<T>;
      const M v = scalarAs<T>(value);
      cpuKernel(iter, [v](T a, T b, T c) -> T {
        return static_cast<T>(static_cast<M>(a) + v * static_cast<M>(b) * static_cast<M>(c));
      });
    }
  });
  return iter.output();
}

Tensor addcdivImpl(const Tensor& out, const Tensor& self, const Tensor& t1, const Tensor& t2, const Scalar& value) {
  EMBER_CHECK(!(isIntegral(t1.dtype(), true) && isIntegral(t2.dtype(), true)),
              "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a "
              "true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + "
              "value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * "
              "tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: "
              "(input + value * tensor1 / tensor2), for all dtypes.");
  TensorIterator iter(out, {self, t1, t2});
  dispatch<kFloatingTypes | kBFloat16>(iter.commonDtype(), "addcdiv_cpu_out", [&]<class T>() {
    using M = OpMathType<T>;
    const M v = scalarAs<T>(value);
    cpuKernel(iter, [v](T a, T b, T c) -> T {
      return static_cast<T>(static_cast<M>(a) + v * static_cast<M>(b) / static_cast<M>(c));
    });
  });
  return iter.output();
}

}  // namespace

Tensor lerp(const Tensor& self, const Tensor& end, const Scalar& weight) {
  return lerpScalarImpl(Tensor(), self, end, weight);
}
Tensor lerp(const Tensor& self, const Tensor& end, const Tensor& weight) {
  return lerpTensorImpl(Tensor(), self, end, weight);
}
Tensor lerp_(const Tensor& self, const Tensor& end, const Scalar& weight) {
  lerpScalarImpl(self, self, end, weight);
  return self;
}
Tensor lerp_(const Tensor& self, const Tensor& end, const Tensor& weight) {
  lerpTensorImpl(self, self, end, weight);
  return self;
}

Tensor addcmul(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value) {
  return addcmulImpl(Tensor(), self, tensor1, tensor2, value);
}
Tensor addcmul_(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value) {
  addcmulImpl(self, self, tensor1, tensor2, value);
  return self;
}
Tensor addcdiv(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value) {
  return addcdivImpl(Tensor(), self, tensor1, tensor2, value);
}
Tensor addcdiv_(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value) {
  addcdivImpl(self, self, tensor1, tensor2, value);
  return self;
}

}  // namespace ember::kernels
