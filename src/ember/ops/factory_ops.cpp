// Registration of the factory family (kernels/factory.h), plus the
// list-to-tensor constructors (aten::tensor, aten::as_tensor.list), whose
// nested IValue lists are walked here because kernels see no IValues.
#include "ember/kernels/factory.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/factory_args.h"
#include "ember/ops/registry.h"
#include "ember/tensor/promotion.h"
#include "ember/value/containers.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

using OptDType = std::optional<DType>;
using OptDevice = std::optional<Device>;

// ---- aten::tensor(t[] data): torch/csrc/jit/runtime/register_special_ops.cpp

// The sizes come from the first element at each depth (compute_sizes);
// recursiveStore then checks every sublist against them.
DimVector nestedSizes(const IValue& data) {
  DimVector sizes;
  const ListObj* l = &data.toList();
  while (true) {
    sizes.push_back(static_cast<int64_t>(l->size()));
    if (l->size() == 0 || !l->elements[0].isList()) break;
    l = &l->elements[0].toList();
  }
  return sizes;
}

// The tensor dtype for the lists' leaf type: int -> int64, float -> the
// default float, bool -> bool. A leaf type the static types leave open (a
// list read from a pickle) is taken from the first leaf value.
DType leafDType(const IValue& data) {
  TypePtr t = data.toList().elementType;
  while (t && t->kind() == TypeKind::List) t = t->elementType();
  TypeKind kind = t ? t->kind() : TypeKind::Any;
  if (kind == TypeKind::Any || kind == TypeKind::Number || kind == TypeKind::Var) {
    const IValue* v = &data;
    while (v->isList() && v->toList().size() > 0) v = &v->toList().elements[0];
    if (v->isInt()) kind = TypeKind::Int;
    else if (v->isDouble()) kind = TypeKind::Float;
    else if (v->isBool()) kind = TypeKind::Bool;
    else if (v->isTensor()) kind = TypeKind::Tensor;
    else if (v->isList()) kind = TypeKind::Float;  // no element to tell: eager PyTorch's default
  }
  switch (kind) {
    case TypeKind::Int: return DType::Long;
    case TypeKind::Float: return kDefaultFloat;
    case TypeKind::Bool: return DType::Bool;
    default: break;
  }
  const std::string got = t ? t->str() : "Any";
  if (kind == TypeKind::Tensor && data.toList().size() == 0)
    EMBER_FAIL("Input must be of ints, floats, or bools, got {}\nEmpty lists default to List[Tensor]. Add a variable "
               "annotation to the assignment to create an empty list of another type (torch.jit.annotate(List[T, "
               "[]]) where T is the type of elements in the list for Python 2)",
               got);
  EMBER_FAIL("Input must be of ints, floats, or bools, got {}", got);
}

template <class T>
void storeNested(T*& out, const IValue& obj, IntArrayRef sizes, size_t dim) {
  const auto& seq = obj.toList().elements;
  EMBER_CHECK(static_cast<int64_t>(seq.size()) == sizes[dim], "Expected sequence of length {} at dim {} (got {})",
              sizes[dim], dim, seq.size());
  if (dim + 1 < sizes.size()) {
    for (const IValue& e : seq) storeNested(out, e, sizes, dim + 1);
    return;
  }
  for (const IValue& e : seq) {
    if constexpr (std::is_same_v<T, bool>) *out++ = e.toBool();
    else if constexpr (std::is_same_v<T, int64_t>) *out++ = e.toInt();
    else *out++ = static_cast<T>(e.toDouble());
  }
}

Tensor tensorFromList(const IValue& data, OptDType dtype, const OptDevice& device) {
  k::checkCpuDevice(device);
  const DimVector sizes = nestedSizes(data);
  const DType base = leafDType(data);
  Tensor t = Tensor::empty(sizes, base);
  if (t.numel() != 0) {
    switch (base) {
      case DType::Long: {
        int64_t* p = t.data<int64_t>();
        storeNested(p, data, sizes, 0);
        break;
      }
      case DType::Bool: {
        bool* p = t.data<bool>();
        storeNested(p, data, sizes, 0);
        break;
      }
      default: {
        float* p = t.data<float>();
        storeNested(p, data, sizes, 0);
        break;
      }
    }
  }
  if (dtype && *dtype != t.dtype()) return t.to(*dtype);
  return t;
}

Tensor withGrad(Tensor t, bool requiresGrad) {
  t.impl()->requiresGrad = requiresGrad;
  return t;
}

// aten::tensor.int/.float/.bool: a 0-dim tensor of a Python number.
template <class V>
auto tensorFromPython() {
  return [](V v, OptDType dtype, OptDevice device, bool requiresGrad) {
    k::checkCpuDevice(device);
    return withGrad(k::tensorFromScalar(Scalar(v), dtype), requiresGrad);
  };
}
// aten::as_tensor.int/.float/.bool: the same without requires_grad.
template <class V>
auto asTensorFromPython() {
  return [](V v, OptDType dtype, OptDevice device) {
    k::checkCpuDevice(device);
    return k::tensorFromScalar(Scalar(v), dtype);
  };
}

}  // namespace

void registerFactoryOps(Registry& r) {
  // ---- filled tensors
  r.def("aten::zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<IntArrayRef>(&k::zeros));
  r.def("aten::ones(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<IntArrayRef>(&k::ones));
  r.def("aten::full(SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<IntArrayRef, const Scalar&>(&k::full));
  r.def("aten::empty.memory_format(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<IntArrayRef>(&k::empty));
  r.def("aten::empty_strided(SymInt[] size, SymInt[] stride, *, ScalarType? dtype=None, Layout? layout=None, "
        "Device? device=None, bool? pin_memory=None) -> Tensor",
        withOptions<IntArrayRef, IntArrayRef>(&k::emptyStrided));

  // ---- _like: the shape (and by default the dtype) of self
  r.def("aten::zeros_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&>(&k::zerosLike));
  r.def("aten::ones_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&>(&k::onesLike));
  r.def("aten::empty_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&>(&k::emptyLike));
  r.def("aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&, const Scalar&>(&k::fullLike));

  // ---- new_: a new shape, the dtype of self
  r.def("aten::new_zeros(Tensor self, SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Tensor&, IntArrayRef>(&k::newZeros));
  r.def("aten::new_ones(Tensor self, SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Tensor&, IntArrayRef>(&k::newOnes));
  r.def("aten::new_empty(Tensor self, SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Tensor&, IntArrayRef>(&k::newEmpty));
  r.def("aten::new_full(Tensor self, SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? "
        "layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Tensor&, IntArrayRef, const Scalar&>(&k::newFull));

  // ---- ranges (k::arange and k::eye are overloaded: lambdas pick the overload)
  r.def("aten::arange(Scalar end, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<const Scalar&>([](const Scalar& end, OptDType dtype) { return k::arange(end, dtype); }));
  r.def("aten::arange.start(Scalar start, Scalar end, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Scalar&, const Scalar&>([](const Scalar& start, const Scalar& end, OptDType dtype) {
          return k::arange(start, end, Scalar(int64_t(1)), dtype);
        }));
  r.def("aten::arange.start_step(Scalar start, Scalar end, Scalar step=1, *, ScalarType? dtype=None, Layout? "
        "layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Scalar&, const Scalar&, const Scalar&>(
            [](const Scalar& start, const Scalar& end, const Scalar& step, OptDType dtype) {
              return k::arange(start, end, step, dtype);
            }));
  r.def("aten::linspace(Scalar start, Scalar end, int steps, *, ScalarType? dtype=None, Layout? layout=None, "
        "Device? device=None, bool? pin_memory=None) -> Tensor",
        withOptions<const Scalar&, const Scalar&, int64_t>(&k::linspace));
  r.def("aten::eye(int n, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<int64_t>([](int64_t n, OptDType dtype) { return k::eye(n, dtype); }));
  r.def("aten::eye.m(int n, int m, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<int64_t, int64_t>([](int64_t n, int64_t m, OptDType dtype) { return k::eye(n, m, dtype); }));

  // ---- from Python values
  r.def("aten::scalar_tensor(Scalar s, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<const Scalar&>(&k::scalarTensor));
  r.def("aten::tensor(t[] data, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> Tensor",
        [](const IValue& data, OptDType dtype, OptDevice device, bool requiresGrad) {
          return withGrad(tensorFromList(data, dtype, device), requiresGrad);
        });
  r.def("aten::tensor.int(int t, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> Tensor",
        tensorFromPython<int64_t>());
  r.def("aten::tensor.float(float t, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> "
        "Tensor",
        tensorFromPython<double>());
  r.def("aten::tensor.bool(bool t, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False) -> "
        "Tensor",
        tensorFromPython<bool>());
  r.def("aten::as_tensor.list(t[] data, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
        [](const IValue& data, OptDType dtype, OptDevice device) { return tensorFromList(data, dtype, device); });
  r.def("aten::as_tensor(Tensor(a) data, *, ScalarType? dtype=None, Device? device=None) -> Tensor(b|a)",
        [](const Tensor& data, OptDType dtype, OptDevice device) {
          k::checkCpuDevice(device);
          return dtype ? data.to(*dtype) : data;
        });
  r.def("aten::as_tensor.int(int t, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
        asTensorFromPython<int64_t>());
  r.def("aten::as_tensor.float(float t, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
        asTensorFromPython<double>());
  r.def("aten::as_tensor.bool(bool t, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
        asTensorFromPython<bool>());
}

}  // namespace ember::ops
