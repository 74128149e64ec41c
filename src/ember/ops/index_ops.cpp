// Registration of the index family (kernels/index.h).
#include "ember/kernels/index.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

// Tensor[] overloads (the "hacked twins" the TorchScript frontend may pick)
// take the same path as Tensor?[].
k::OptionalTensorList optionalList(const std::vector<Tensor>& v) { return k::OptionalTensorList(v.begin(), v.end()); }

}  // namespace

void registerIndexOps(Registry& r) {
  r.def("aten::index.Tensor(Tensor self, Tensor?[] indices) -> Tensor",
        [](const Tensor& self, const k::OptionalTensorList& indices) { return k::index(self, indices); });
  r.def("aten::index.Tensor_hacked_twin(Tensor self, Tensor[] indices) -> Tensor",
        [](const Tensor& self, const std::vector<Tensor>& indices) { return k::index(self, optionalList(indices)); });
  r.def("aten::index_put_(Tensor(a!) self, Tensor?[] indices, Tensor values, bool accumulate=False) -> Tensor(a!)",
        [](const Tensor& self, const k::OptionalTensorList& indices, const Tensor& values, bool accumulate) {
          return k::indexPut_(self, indices, values, accumulate);
        });
  r.def("aten::index_put_.hacked_twin(Tensor(a!) self, Tensor[] indices, Tensor values, bool accumulate=False) -> "
        "Tensor(a!)",
        [](const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate) {
          return k::indexPut_(self, optionalList(indices), values, accumulate);
        });
  r.def("aten::index_put(Tensor self, Tensor?[] indices, Tensor values, bool accumulate=False) -> Tensor",
        [](const Tensor& self, const k::OptionalTensorList& indices, const Tensor& values, bool accumulate) {
          return k::indexPut(self, indices, values, accumulate);
        });
  r.def("aten::index_put.hacked_twin(Tensor self, Tensor[] indices, Tensor values, bool accumulate=False) -> Tensor",
        [](const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate) {
          return k::indexPut(self, optionalList(indices), values, accumulate);
        });
  r.def("aten::index_select(Tensor self, int dim, Tensor index) -> Tensor", &k::indexSelect);
  r.def("aten::gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -> Tensor", &k::gather);

  r.def("aten::scatter.src(Tensor self, int dim, Tensor index, Tensor src) -> Tensor",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
          return k::scatter(self, dim, index, src);
        });
  r.def("aten::scatter.value(Tensor self, int dim, Tensor index, Scalar value) -> Tensor",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
          return k::scatter(self, dim, index, value);
        });
  r.def("aten::scatter.reduce(Tensor self, int dim, Tensor index, Tensor src, *, str reduce) -> Tensor",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce) {
          return k::scatter(self, dim, index, src, reduce);
        });
  r.def("aten::scatter.value_reduce(Tensor self, int dim, Tensor index, Scalar value, *, str reduce) -> Tensor",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value, std::string_view reduce) {
          return k::scatter(self, dim, index, value, reduce);
        });
  r.def("aten::scatter_.src(Tensor(a!) self, int dim, Tensor index, Tensor src) -> Tensor(a!)",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
          return k::scatter_(self, dim, index, src);
        });
  r.def("aten::scatter_.value(Tensor(a!) self, int dim, Tensor index, Scalar value) -> Tensor(a!)",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
          return k::scatter_(self, dim, index, value);
        });
  r.def("aten::scatter_.reduce(Tensor(a!) self, int dim, Tensor index, Tensor src, *, str reduce) -> Tensor(a!)",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce) {
          return k::scatter_(self, dim, index, src, reduce);
        });
  r.def("aten::scatter_.value_reduce(Tensor(a!) self, int dim, Tensor index, Scalar value, *, str reduce) -> "
        "Tensor(a!)",
        [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value, std::string_view reduce) {
          return k::scatter_(self, dim, index, value, reduce);
        });
  r.def("aten::scatter_add(Tensor self, int dim, Tensor index, Tensor src) -> Tensor", &k::scatterAdd);
  r.def("aten::scatter_add_(Tensor(a!) self, int dim, Tensor index, Tensor src) -> Tensor(a!)", &k::scatterAdd_);

  r.def("aten::masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -> Tensor",
        [](const Tensor& self, const Tensor& mask, const Scalar& value) { return k::maskedFill(self, mask, value); });
  r.def("aten::masked_fill.Tensor(Tensor self, Tensor mask, Tensor value) -> Tensor",
        [](const Tensor& self, const Tensor& mask, const Tensor& value) { return k::maskedFill(self, mask, value); });
  r.def("aten::masked_fill_.Scalar(Tensor(a!) self, Tensor mask, Scalar value) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& mask, const Scalar& value) { return k::maskedFill_(self, mask, value); });
  r.def("aten::masked_fill_.Tensor(Tensor(a!) self, Tensor mask, Tensor value) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& mask, const Tensor& value) { return k::maskedFill_(self, mask, value); });
  r.def("aten::masked_select(Tensor self, Tensor mask) -> Tensor", &k::maskedSelect);

  r.def("aten::take(Tensor self, Tensor index) -> Tensor", &k::take);
  r.def("aten::nonzero(Tensor self) -> Tensor", &k::nonzero);
  r.def("aten::argwhere(Tensor self) -> Tensor", &k::nonzero);
  r.def("aten::nonzero_numpy(Tensor self) -> Tensor[]", &k::nonzeroNumpy);
  r.def("aten::where(Tensor condition) -> Tensor[]", &k::nonzeroNumpy);
  r.def("aten::embedding(Tensor weight, Tensor indices, int padding_idx=-1, bool scale_grad_by_freq=False, bool "
        "sparse=False) -> Tensor",
        &k::embedding);
  r.def("aten::one_hot(Tensor self, int num_classes=-1) -> Tensor", &k::oneHot);
}

}  // namespace ember::ops
