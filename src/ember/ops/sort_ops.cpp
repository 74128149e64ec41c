// Registration of the sort family (kernels/sort.h).
#include "ember/kernels/sort.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

void registerSortOps(Registry& r) {
  r.def("aten::sort(Tensor self, int dim=-1, bool descending=False) -> (Tensor values, Tensor indices)",
        [](const Tensor& self, int64_t dim, bool descending) { return k::sort(self, dim, descending); });
  r.def("aten::sort.stable(Tensor self, *, bool? stable, int dim=-1, bool descending=False) -> (Tensor values, Tensor "
        "indices)",
        [](const Tensor& self, std::optional<bool> stable, int64_t dim, bool descending) {
          return k::sort(self, stable, dim, descending);
        });
  r.def("aten::argsort(Tensor self, int dim=-1, bool descending=False) -> Tensor",
        [](const Tensor& self, int64_t dim, bool descending) { return k::argsort(self, dim, descending); });
  r.def("aten::argsort.stable(Tensor self, *, bool stable, int dim=-1, bool descending=False) -> Tensor",
        [](const Tensor& self, bool stable, int64_t dim, bool descending) {
          return k::argsort(self, stable, dim, descending);
        });
  r.def("aten::msort(Tensor self) -> Tensor", &k::msort);
  r.def("aten::topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -> (Tensor values, Tensor "
        "indices)",
        &k::topk);
  r.def("aten::kthvalue(Tensor self, int k, int dim=-1, bool keepdim=False) -> (Tensor values, Tensor indices)",
        &k::kthvalue);
  r.def("aten::_unique2(Tensor self, bool sorted=True, bool return_inverse=False, bool return_counts=False) -> "
        "(Tensor, Tensor, Tensor)",
        &k::unique2);
  r.def("aten::_unique(Tensor self, bool sorted=True, bool return_inverse=False) -> (Tensor, Tensor)", &k::unique);
  r.def("aten::unique_dim(Tensor self, int dim, bool sorted=True, bool return_inverse=False, bool "
        "return_counts=False) -> (Tensor, Tensor, Tensor)",
        &k::uniqueDim);
  r.def("aten::unique_consecutive(Tensor self, bool return_inverse=False, bool return_counts=False, int? dim=None) "
        "-> (Tensor, Tensor, Tensor)",
        &k::uniqueConsecutive);
}

}  // namespace ember::ops
