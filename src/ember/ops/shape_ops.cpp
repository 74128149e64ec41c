// Registration of the shape family (kernels/shape.h): views, splits, cat and
// the shape queries TorchScript emits (aten::size, aten::dim, aten::numel).
#include "ember/kernels/shape.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

void registerShapeOps(Registry& r) {
  // ---- queries
  r.def("aten::size(Tensor self) -> int[]", [](const Tensor& self) { return intList(self.sizes().vec()); });
  r.def("aten::size.int(Tensor self, int dim) -> int", [](const Tensor& self, int64_t dim) { return self.size(dim); });
  r.def("aten::dim(Tensor self) -> int", [](const Tensor& self) { return self.dim(); });
  r.def("aten::numel(Tensor self) -> int", [](const Tensor& self) { return self.numel(); });
  r.def("aten::len.Tensor(Tensor t) -> int", [](const Tensor& t) -> int64_t {
    EMBER_CHECK(t.dim() > 0, "len() of a 0-d tensor");
    return t.sizes()[0];
  });

  // ---- views
  r.def("aten::view(Tensor(a) self, SymInt[] size) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef size) { return k::view(self, size); });
  r.def("aten::reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef shape) { return k::reshape(self, shape); });
  r.def("aten::_reshape_alias(Tensor(a) self, SymInt[] size, SymInt[] stride) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef size, IntArrayRef stride) {
          return self.asStrided(size, stride, self.storageOffset());
        });
  r.def("aten::view_as(Tensor(a) self, Tensor other) -> Tensor(a)", &k::viewAs);
  r.def("aten::reshape_as(Tensor(a) self, Tensor other) -> Tensor(a)", &k::reshapeAs);
  r.def("aten::alias(Tensor(a) self) -> Tensor(a)", &k::alias);
  r.def("aten::permute(Tensor(a) self, int[] dims) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef dims) { return k::permute(self, dims); });
  r.def("aten::transpose.int(Tensor(a) self, int dim0, int dim1) -> Tensor(a)", &k::transpose);
  r.def("aten::transpose_(Tensor(a!) self, int dim0, int dim1) -> Tensor(a!)", &k::transpose_);
  r.def("aten::swapaxes(Tensor(a) self, int axis0, int axis1) -> Tensor(a)", &k::transpose);
  r.def("aten::swapdims(Tensor(a) self, int dim0, int dim1) -> Tensor(a)", &k::transpose);
  r.def("aten::t(Tensor(a) self) -> Tensor(a)", &k::t);
  r.def("aten::t_(Tensor(a!) self) -> Tensor(a!)", &k::t_);
  r.def("aten::numpy_T(Tensor(a) self) -> Tensor(a)", &k::numpyT);
  r.def("aten::squeeze(Tensor(a) self) -> Tensor(a)", [](const Tensor& self) { return k::squeeze(self); });
  r.def("aten::squeeze.dim(Tensor(a) self, int dim) -> Tensor(a)",
        [](const Tensor& self, int64_t dim) { return k::squeeze(self, dim); });
  r.def("aten::squeeze_(Tensor(a!) self) -> Tensor(a!)", [](const Tensor& self) { return k::squeeze_(self); });
  r.def("aten::squeeze_.dim(Tensor(a!) self, int dim) -> Tensor(a!)",
        [](const Tensor& self, int64_t dim) { return k::squeeze_(self, dim); });
  r.def("aten::unsqueeze(Tensor(a) self, int dim) -> Tensor(a)", &k::unsqueeze);
  r.def("aten::unsqueeze_(Tensor(a!) self, int dim) -> Tensor(a!)", &k::unsqueeze_);
  r.def("aten::expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef size, bool implicit) { return k::expand(self, size, implicit); });
  r.def("aten::expand_as(Tensor(a) self, Tensor other) -> Tensor(a)", &k::expandAs);
  r.def("aten::broadcast_to(Tensor(a) self, int[] size) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef size) { return k::broadcastTo(self, size); });
  r.def("aten::broadcast_tensors(Tensor[] tensors) -> Tensor[]",
        [](ArrayRef<Tensor> tensors) { return k::broadcastTensors(tensors); });
  r.def("aten::meshgrid(Tensor[] tensors) -> Tensor[]", [](ArrayRef<Tensor> tensors) { return k::meshgrid(tensors); });
  r.def("aten::meshgrid.indexing(Tensor[] tensors, *, str indexing) -> Tensor[]",
        [](ArrayRef<Tensor> tensors, std::string_view indexing) { return k::meshgrid(tensors, indexing); });
  r.def("aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)", &k::flatten);
  r.def("aten::ravel(Tensor(a) self) -> Tensor(a)", [](const Tensor& self) { return k::reshape(self, {-1}); });
  r.def("aten::unflatten.int(Tensor(a) self, int dim, int[] sizes) -> Tensor(a)",
        [](const Tensor& self, int64_t dim, IntArrayRef sizes) { return k::unflatten(self, dim, sizes); });
  r.def("aten::narrow(Tensor(a) self, int dim, int start, int length) -> Tensor(a)",
        [](const Tensor& self, int64_t dim, int64_t start, int64_t length) {
          return k::narrow(self, dim, start, length);
        });
  r.def("aten::narrow.Tensor(Tensor(a) self, int dim, Tensor start, int length) -> Tensor(a)",
        [](const Tensor& self, int64_t dim, const Tensor& start, int64_t length) {
          return k::narrow(self, dim, start, length);
        });
  r.def("aten::select.int(Tensor(a) self, int dim, int index) -> Tensor(a)", &k::select);
  r.def(
      "aten::slice.Tensor(Tensor(a) self, int dim=0, SymInt? start=None, SymInt? end=None, SymInt step=1) -> Tensor(a)",
      &k::slice);
  r.def("aten::movedim.int(Tensor(a) self, int source, int destination) -> Tensor(a)",
        [](const Tensor& self, int64_t s, int64_t d) { return k::movedim(self, s, d); });
  r.def("aten::movedim.intlist(Tensor(a) self, int[] source, int[] destination) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef s, IntArrayRef d) { return k::movedim(self, s, d); });
  r.def("aten::moveaxis.int(Tensor(a) self, int source, int destination) -> Tensor(a)",
        [](const Tensor& self, int64_t s, int64_t d) { return k::movedim(self, s, d); });
  r.def("aten::moveaxis.intlist(Tensor(a) self, int[] source, int[] destination) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef s, IntArrayRef d) { return k::movedim(self, s, d); });
  r.def("aten::as_strided(Tensor(a) self, SymInt[] size, SymInt[] stride, SymInt? storage_offset=None) -> Tensor(a)",
        [](const Tensor& self, IntArrayRef size, IntArrayRef stride, std::optional<int64_t> offset) {
          return k::asStrided(self, size, stride, offset);
        });
  r.def("aten::unfold(Tensor(a) self, int dimension, int size, int step) -> Tensor(a)", &k::unfold);

  // ---- splits (lists of views)
  r.def("aten::split.Tensor(Tensor(a -> *) self, int split_size, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, int64_t size, int64_t dim) { return k::split(self, size, dim); });
  r.def("aten::split.sizes(Tensor(a -> *) self, int[] split_size, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, IntArrayRef sizes, int64_t dim) { return k::splitWithSizes(self, sizes, dim); });
  r.def("aten::split(Tensor(a -> *) self, int[] split_sizes, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, IntArrayRef sizes, int64_t dim) { return k::splitWithSizes(self, sizes, dim); });
  r.def("aten::split_with_sizes(Tensor(a -> *) self, int[] split_sizes, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, IntArrayRef sizes, int64_t dim) { return k::splitWithSizes(self, sizes, dim); });
  r.def("aten::unsafe_split.Tensor(Tensor self, int split_size, int dim=0) -> Tensor[]",
        [](const Tensor& self, int64_t size, int64_t dim) { return k::split(self, size, dim); });
  r.def("aten::chunk(Tensor(a -> *) self, int chunks, int dim=0) -> Tensor(a)[]", &k::chunk);
  r.def("aten::unsafe_chunk(Tensor self, int chunks, int dim=0) -> Tensor[]", &k::chunk);
  r.def("aten::unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]", &k::unbind);
  r.def("aten::tensor_split.sections(Tensor(a -> *) self, int sections, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, int64_t sections, int64_t dim) { return k::tensorSplit(self, sections, dim); });
  r.def("aten::tensor_split.indices(Tensor(a -> *) self, int[] indices, int dim=0) -> Tensor(a)[]",
        [](const Tensor& self, IntArrayRef indices, int64_t dim) { return k::tensorSplit(self, indices, dim); });
  r.def("aten::tensor_split.tensor_indices_or_sections(Tensor(a -> *) self, Tensor tensor_indices_or_sections, int "
        "dim=0) -> Tensor(a)[]",
        [](const Tensor& self, const Tensor& ios, int64_t dim) { return k::tensorSplit(self, ios, dim); });

  // ---- copies
  r.def("aten::cat(Tensor[] tensors, int dim=0) -> Tensor",
        [](ArrayRef<Tensor> tensors, int64_t dim) { return k::cat(tensors, dim); });
  r.def("aten::concat(Tensor[] tensors, int dim=0) -> Tensor",
        [](ArrayRef<Tensor> tensors, int64_t dim) { return k::cat(tensors, dim); });
  r.def("aten::stack(Tensor[] tensors, int dim=0) -> Tensor",
        [](ArrayRef<Tensor> tensors, int64_t dim) { return k::stack(tensors, dim); });
  r.def("aten::repeat(Tensor self, SymInt[] repeats) -> Tensor",
        [](const Tensor& self, IntArrayRef repeats) { return k::repeat(self, repeats); });
  r.def("aten::flip(Tensor self, int[] dims) -> Tensor",
        [](const Tensor& self, IntArrayRef dims) { return k::flip(self, dims); });
  r.def("aten::roll(Tensor self, int[1] shifts, int[1] dims=[]) -> Tensor",
        [](const Tensor& self, IntArrayRef shifts, IntArrayRef dims) { return k::roll(self, shifts, dims); });
}

}  // namespace ember::ops
