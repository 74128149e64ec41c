// Matrix products: schemas (PyTorch 1.13, verbatim) bound to kernels/linalg.h.
// GCC 12 reports a false -Wmaybe-uninitialized inside std::optional<std::vector>
// when the int[]? argument holders of arg_traits.h are inlined here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "ember/kernels/linalg.h"
#include "ember/ops/registry.h"

namespace ember::ops {

void registerLinalgOps(Registry& r) {
  namespace k = kernels;
  r.def("aten::mm(Tensor self, Tensor mat2) -> Tensor", &k::mm);
  r.def("aten::bmm(Tensor self, Tensor mat2) -> Tensor", &k::bmm);
  r.def("aten::matmul(Tensor self, Tensor other) -> Tensor", &k::matmul);
  r.def("aten::mv(Tensor self, Tensor vec) -> Tensor", &k::mv);
  r.def("aten::dot(Tensor self, Tensor tensor) -> Tensor", &k::dot);
  r.def("aten::vdot(Tensor self, Tensor other) -> Tensor", &k::vdot);
  r.def("aten::outer(Tensor self, Tensor vec2) -> Tensor", &k::outer);
  r.def("aten::ger(Tensor self, Tensor vec2) -> Tensor", &k::outer);
  r.def("aten::inner(Tensor self, Tensor other) -> Tensor", &k::inner);
  r.def("aten::einsum(str equation, Tensor[] tensors, *, int[]? path=None) -> Tensor",
        [](std::string_view equation, const std::vector<Tensor>& tensors, std::optional<IntArrayRef>) {
          return k::einsum(equation, tensors);
        });
  r.def("aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor", &k::linear);
  r.def("aten::addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor", &k::addmm);
  r.def("aten::addmm_(Tensor(a!) self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor(a!)",
        &k::addmm_);
  r.def("aten::addmv(Tensor self, Tensor mat, Tensor vec, *, Scalar beta=1, Scalar alpha=1) -> Tensor", &k::addmv);
  r.def("aten::addmv_(Tensor(a!) self, Tensor mat, Tensor vec, *, Scalar beta=1, Scalar alpha=1) -> Tensor(a!)",
        &k::addmv_);
  r.def("aten::baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
        &k::baddbmm);
  r.def(
      "aten::baddbmm_(Tensor(a!) self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> "
      "Tensor(a!)",
      &k::baddbmm_);
  r.def("aten::addbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
        &k::addbmm);
  r.def(
      "aten::addbmm_(Tensor(a!) self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor(a!)",
      &k::addbmm_);
}

}  // namespace ember::ops
