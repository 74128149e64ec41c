// out= variants that serialized model code names. PREAMBLE leaves out= variants
// out in general, but torch.nn.functional.normalize (swin_t's archive) compiles a
// `torch.div(input, denom, out=out)` branch, and an archive must compile whole.
// Each computes the functional result, then writes it into `out` as PyTorch's
// TensorIterator does: same-shaped outputs keep their strides, others are
// resized to the result's contiguous shape; the result type must cast safely.
#include "ember/kernels/binary.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"
#include "ember/tensor/promotion.h"
#include "ember/tensor/tensor_iterator.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

Tensor writeOut(const Tensor& result, const Tensor& out) {
  EMBER_CHECK(result.dtype() == out.dtype() || canCast(result.dtype(), out.dtype()),
              "result type {} can't be cast to the desired output type {}", scalarTypeName(result.dtype()),
              scalarTypeName(out.dtype()));
  if (!(out.sizes() == result.sizes())) {
    const Tensor fresh = Tensor::empty(result.sizes(), out.dtype());
    out.impl()->setStorage(fresh.storage());
    out.impl()->setSizesAndStrides(fresh.sizes(), fresh.strides(), 0);
  }
  out.copyFrom(result);
  return out;
}

}  // namespace

void registerOutOps(Registry& r) {
  r.def("aten::div.out(Tensor self, Tensor other, *, Tensor(a!) out) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& other, const Tensor& out) {
          return writeOut(k::div(self, other), out);
        });
  r.def("aten::mul.out(Tensor self, Tensor other, *, Tensor(a!) out) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& other, const Tensor& out) {
          return writeOut(k::mul(self, other), out);
        });
  r.def("aten::add.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& other, const Scalar& alpha, const Tensor& out) {
          return writeOut(k::add(self, other, alpha), out);
        });
  r.def("aten::sub.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& other, const Scalar& alpha, const Tensor& out) {
          return writeOut(k::sub(self, other, alpha), out);
        });
}

}  // namespace ember::ops
