#include "ember/kernels/copy.h"

#include "ember/kernels/elementwise_util.h"

namespace ember::kernels {

namespace {

// c10::convert: PyTorch's cast of one element.
template <class To, class From>
inline To convertValue(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<To, bool>) {
    return static_cast<OpMathType<From>>(v) != OpMathType<From>(0);
  } else if constexpr (isReducedFloat<From>) {
    return convertValue<To>(static_cast<float>(v));
  } else if constexpr (isReducedFloat<To>) {
    return To(static_cast<float>(v));
  } else if constexpr (std::is_integral_v<To> && sizeof(To) < 4 && std::is_floating_point_v<From>) {
    // Through int64: negative floats into uint8 wrap instead of being undefined.
    return static_cast<To>(static_cast<int64_t>(v));
  } else {
    return static_cast<To>(v);
  }
}

void copyInto(const Tensor& dst, const Tensor& src) {
  TensorIteratorConfig c;
  c.promoteInputs = false;
  c.safeCastToOutput = false;
  c.resizeOutputs = false;
  c.computeDtype = dst.dtype();
  TensorIterator iter(dst, {src}, c);
  if (iter.numel() == 0) return;
  dispatch<kEveryType>(dst.dtype(), "copy_", [&]<class To>() {
    dispatch<kEveryType>(src.dtype(), "copy_", [&]<class From>() {
      cpuKernel(iter, [](From v) -> To { return convertValue<To>(v); });
    });
  });
}

void checkOneElement(const Tensor& a) {
  EMBER_CHECK(a.numel() == 1, "a Tensor with {} elements cannot be converted to Scalar", a.numel());
}

// aten::IntImplicit and friends (torch/csrc/jit/runtime/register_ops_utils.h).
void checkImplicitTensorToNum(const Tensor& t, bool toInt) {
  EMBER_CHECK(!t.requiresGrad(), "Cannot input a tensor that requires grad as a scalar argument");
  EMBER_CHECK(t.dim() == 0, "Cannot input a tensor of dimension other than 0 as a scalar argument");
  EMBER_CHECK(!toInt || isIntegral(t.dtype(), /*includeBool=*/false),
              "Cannot input a tensor of type {} as an integral argument", scalarTypeName(t.dtype()));
}

bool isChannelsLastStrides(IntArrayRef sizes, IntArrayRef strides, std::initializer_list<size_t> order) {
  if (strides[1] == 0) return false;
  int64_t min = 0;
  for (size_t d : order) {
    if (sizes[d] == 0) return false;
    if (strides[d] < min) return false;
    if (d == 0 && min == strides[1]) return false;
    min = strides[d];
    if (sizes[d] > 1) min *= sizes[d];
  }
  return true;
}

bool isChannelsLastContiguous(IntArrayRef sizes, IntArrayRef strides, std::initializer_list<size_t> order) {
  int64_t expected = 1;
  for (size_t d : order) {
    if (sizes[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected *= sizes[d];
  }
  return true;
}

}  // namespace

MemoryFormat suggestMemoryFormat(const Tensor& t) {
  if (t.dim() == 4 && isChannelsLastStrides(t.sizes(), t.strides(), {1, 3, 2, 0})) return MemoryFormat::ChannelsLast;
  if (t.dim() == 5 && isChannelsLastStrides(t.sizes(), t.strides(), {1, 4, 3, 2, 0}))
    return MemoryFormat::ChannelsLast3d;
  return MemoryFormat::Contiguous;
}

bool isContiguous(const Tensor& t, MemoryFormat memoryFormat) {
  switch (memoryFormat) {
    case MemoryFormat::Contiguous:
    case MemoryFormat::Preserve:
      return t.isContiguous();
    case MemoryFormat::ChannelsLast:
      return t.dim() == 4 && isChannelsLastContiguous(t.sizes(), t.strides(), {1, 3, 2, 0});
    case MemoryFormat::ChannelsLast3d:
      return t.dim() == 5 && isChannelsLastContiguous(t.sizes(), t.strides(), {1, 4, 3, 2, 0});
  }
  return false;
}

Tensor emptyWithFormat(IntArrayRef sizes, DType dtype, MemoryFormat memoryFormat) {
  switch (memoryFormat) {
    case MemoryFormat::Contiguous:
      return Tensor::empty(sizes, dtype);
    case MemoryFormat::ChannelsLast: {
      EMBER_CHECK(sizes.size() == 4, "required rank 4 tensor to use channels_last format");
      const int64_t s3 = sizes[1], s2 = s3 * sizes[3], s0 = s2 * sizes[2];
      return Tensor::emptyStrided(sizes, {s0, 1, s2, s3}, dtype);
    }
    case MemoryFormat::ChannelsLast3d: {
      EMBER_CHECK(sizes.size() == 5, "required rank 5 tensor to use channels_last_3d format");
      const int64_t s4 = sizes[1], s3 = s4 * sizes[4], s2 = s3 * sizes[3], s0 = s2 * sizes[2];
      return Tensor::emptyStrided(sizes, {s0, 1, s2, s3, s4}, dtype);
    }
    case MemoryFormat::Preserve:
      break;
  }
  EMBER_FAIL("emptyWithFormat: memory format Preserve needs a tensor to preserve");
}

Tensor to(const Tensor& self, DType dtype, bool copy, std::optional<MemoryFormat> memoryFormat) {
  const MemoryFormat mf = memoryFormat.value_or(MemoryFormat::Preserve);
  if (dtype == self.dtype() && !copy && (mf == MemoryFormat::Preserve || suggestMemoryFormat(self) == mf))
    return self;
  Tensor r;
  if (mf != MemoryFormat::Preserve) r = emptyWithFormat(self.sizes(), dtype, mf);
  else if (isNonOverlappingAndDense(self)) r = Tensor::emptyStrided(self.sizes(), self.strides(), dtype);
  else r = Tensor::emptyStrided(self.sizes(), inferDenseStrides(self.sizes(), self.strides()), dtype);
  copyInto(r, self);
  return r;
}

Tensor type_as(const Tensor& self, const Tensor& other) { return to(self, other.dtype()); }

Tensor copy_(const Tensor& self, const Tensor& src) {
  if (self.isSame(src)) return self;
  const bool sameData = self.storage().get() == src.storage().get() && self.storageOffset() == src.storageOffset() &&
                        self.strides() == src.strides() && self.sizes() == src.sizes() &&
                        self.dtype() == src.dtype();
  if (sameData) return self;
  copyInto(self, src);
  return self;
}

Tensor fill_(const Tensor& self, const Scalar& value) {
  TensorIteratorConfig c;
  c.checkMemOverlap = false;
  c.resizeOutputs = false;
  TensorIterator iter(self, {}, c);
  dispatch<kEveryType>(self.dtype(), "fill_cpu", [&]<class T>() {
    const T v = checkedScalarTo<T>(value);
    cpuKernel(iter, [v]() -> T { return v; });
  });
  return self;
}

Tensor fill_(const Tensor& self, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "fill_ only supports 0-dimension value tensor but got tensor with {} dimensions.",
              value.dim());
  return fill_(self, value.item());
}

Tensor zero_(const Tensor& self) { return fill_(self, Scalar(int64_t(0))); }

Tensor clone(const Tensor& self, std::optional<MemoryFormat> memoryFormat) {
  const MemoryFormat mf = memoryFormat.value_or(MemoryFormat::Preserve);
  Tensor r;
  if (mf != MemoryFormat::Preserve) {
    r = emptyWithFormat(self.sizes(), self.dtype(), mf);
  } else if (isNonOverlappingAndDense(self)) {
    r = Tensor::emptyStrided(self.sizes(), self.strides(), self.dtype());
  } else {
    r = emptyWithFormat(self.sizes(), self.dtype(), suggestMemoryFormat(self));
  }
  copyInto(r, self);
  return r;
}

Tensor contiguous(const Tensor& self, MemoryFormat memoryFormat) {
  if (isContiguous(self, memoryFormat)) return self;
  EMBER_CHECK(memoryFormat != MemoryFormat::Preserve, "preserve memory format is unsupported by the contiguous operator");
  return clone(self, memoryFormat);
}

Tensor detach(const Tensor& self) {
  Tensor r = self.alias();
  r.impl()->requiresGrad = false;
  return r;
}

double tensorToFloat(const Tensor& a) {
  checkOneElement(a);
  return checkedScalarTo<double>(a.item());
}

int64_t tensorToInt(const Tensor& a) {
  checkOneElement(a);
  return checkedScalarTo<int64_t>(a.item());
}

bool tensorToBool(const Tensor& a) {
  EMBER_CHECK(a.numel() != 0, "Boolean value of Tensor with no values is ambiguous");
  EMBER_CHECK(a.numel() == 1, "Boolean value of Tensor with more than one value is ambiguous");
  return a.item().toBool();
}

double floatImplicit(const Tensor& a) {
  checkImplicitTensorToNum(a, false);
  return a.item().toDouble();
}

int64_t intImplicit(const Tensor& a) {
  checkImplicitTensorToNum(a, true);
  return a.item().toInt();
}

Scalar scalarImplicit(const Tensor& a) {
  checkImplicitTensorToNum(a, false);
  return a.item();
}

}  // namespace ember::kernels
