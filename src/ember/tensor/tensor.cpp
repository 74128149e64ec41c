#include "ember/tensor/tensor.h"

#include <iostream>
#include <sstream>

#include "ember/tensor/strided_loop.h"

namespace ember {

// ---------------------------------------------------------------- helpers

int64_t wrapDim(int64_t dim, int64_t ndim, bool scalarAsOneDim) {
  if (ndim <= 0) {
    if (!scalarAsOneDim)
      EMBER_FAIL_KIND(Index, "Dimension specified as {} but tensor has no dimensions", dim);
    ndim = 1;
  }
  int64_t lo = -ndim, hi = ndim - 1;
  if (dim < lo || dim > hi)
    EMBER_FAIL_KIND(Index, "Dimension out of range (expected to be in range of [{}, {}], but got {})", lo,
                    hi, dim);
  return dim < 0 ? dim + ndim : dim;
}

DimVector contiguousStrides(IntArrayRef sizes) {
  DimVector strides(sizes.size(), 1);
  int64_t s = 1;
  for (size_t i = sizes.size(); i-- > 0;) {
    strides[i] = s;
    s *= std::max<int64_t>(sizes[i], 1);
  }
  return strides;
}

int64_t computeNumel(IntArrayRef sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) {
    EMBER_CHECK(s >= 0, "negative dimension {}", s);
    if (__builtin_mul_overflow(n, s, &n)) EMBER_FAIL("tensor of shape {} is too large", shapeString(sizes));
  }
  return n;
}

std::string shapeString(IntArrayRef sizes) {
  std::string s = "[";
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(sizes[i]);
  }
  return s + "]";
}

// ---------------------------------------------------------------- TensorImpl

TensorImpl::TensorImpl(Storage storage, int64_t offset, IntArrayRef sizes, IntArrayRef strides, DType dtype)
    : storage_(std::move(storage)), offset_(offset), sizes_(sizes), strides_(strides), dtype_(dtype) {
  EMBER_CHECK(sizes.size() == strides.size(), "sizes {} and strides {} differ in length", shapeString(sizes),
              shapeString(strides));
  refresh();
}

void TensorImpl::setSizesAndStrides(IntArrayRef sizes, IntArrayRef strides, int64_t offset) {
  sizes_ = DimVector(sizes);
  strides_ = DimVector(strides);
  offset_ = offset;
  refresh();
}

void TensorImpl::refresh() {
  numel_ = computeNumel(sizes_);
  // PyTorch's rule: size-1 dims do not break contiguity.
  contiguous_ = true;
  int64_t expected = 1;
  for (size_t i = sizes_.size(); i-- > 0;) {
    if (sizes_[i] == 1) continue;
    if (strides_[i] != expected) {
      contiguous_ = numel_ == 0;
      break;
    }
    expected *= sizes_[i];
  }
}

// ---------------------------------------------------------------- factories

Tensor Tensor::empty(IntArrayRef sizes, DType dtype) {
  return emptyStrided(sizes, contiguousStrides(sizes), dtype);
}

Tensor Tensor::emptyStrided(IntArrayRef sizes, IntArrayRef strides, DType dtype) {
  int64_t extent = 1;  // elements the storage must hold
  bool isEmpty = false;
  for (size_t i = 0; i < sizes.size(); ++i) {
    EMBER_CHECK(sizes[i] >= 0, "Trying to create tensor with negative dimension {}: {}", sizes[i],
                shapeString(sizes));
    if (sizes[i] == 0) isEmpty = true;
    extent += (sizes[i] - 1) * strides[i];
  }
  if (isEmpty) extent = 0;
  size_t nbytes = 0;
  if (__builtin_mul_overflow(static_cast<size_t>(extent), ember::elementSize(dtype), &nbytes))
    EMBER_FAIL("tensor of shape {} is too large", shapeString(sizes));
  auto storage = makeIntrusive<StorageImpl>(nbytes);
  return Tensor(makeIntrusive<TensorImpl>(std::move(storage), 0, sizes, strides, dtype));
}

Tensor Tensor::fromStorage(Storage storage, int64_t offset, IntArrayRef sizes, IntArrayRef strides,
                           DType dtype) {
  // Refuse views that reach outside the storage: archives are untrusted.
  EMBER_CHECK(offset >= 0, "negative storage offset {}", offset);
  int64_t lastIndex = offset;
  bool isEmpty = false;
  for (size_t i = 0; i < sizes.size(); ++i) {
    EMBER_CHECK(sizes[i] >= 0 && strides[i] >= 0, "invalid size {} or stride {}", sizes[i], strides[i]);
    if (sizes[i] == 0) isEmpty = true;
    int64_t step = 0;
    if (__builtin_mul_overflow(sizes[i] > 0 ? sizes[i] - 1 : 0, strides[i], &step) ||
        __builtin_add_overflow(lastIndex, step, &lastIndex))
      EMBER_FAIL("tensor view of shape {} overflows", shapeString(sizes));
  }
  if (!isEmpty) {
    size_t need = (static_cast<size_t>(lastIndex) + 1) * ember::elementSize(dtype);
    EMBER_CHECK(need <= storage->nbytes(),
                "tensor of shape {} with strides {} at offset {} needs {} bytes but its storage has {}",
                shapeString(sizes), shapeString(strides), offset, need, storage->nbytes());
  }
  return Tensor(makeIntrusive<TensorImpl>(std::move(storage), offset, sizes, strides, dtype));
}

Tensor Tensor::scalar(const Scalar& s, DType dtype) {
  Tensor t = empty({}, dtype);
  visitDType(dtype, [&]<class T>() { *static_cast<T*>(t.rawData()) = s.to<T>(); });
  return t;
}

Tensor Tensor::wrappedScalar(const Scalar& s) {
  Tensor t = scalar(s, s.dtype());
  t.impl()->wrappedNumber = true;
  return t;
}

// ---------------------------------------------------------------- queries

int64_t Tensor::size(int64_t d) const { return sizes()[static_cast<size_t>(wrapDim(d, dim(), false))]; }
int64_t Tensor::stride(int64_t d) const { return strides()[static_cast<size_t>(wrapDim(d, dim(), false))]; }

void* Tensor::rawData() const {
  return static_cast<char*>(storage()->data()) + storageOffset() * static_cast<int64_t>(elementSize());
}

// ---------------------------------------------------------------- views

Tensor Tensor::asStrided(IntArrayRef sizes, IntArrayRef strides, int64_t offset) const {
  auto impl = makeIntrusive<TensorImpl>(storage(), offset, sizes, strides, dtype());
  return Tensor(std::move(impl));
}

Tensor Tensor::alias() const { return asStrided(sizes(), strides(), storageOffset()); }

// ---------------------------------------------------------------- elements

Scalar Tensor::item() const {
  EMBER_CHECK(numel() == 1, "a Tensor with {} elements cannot be converted to Scalar", numel());
  return visitDType(dtype(), [&]<class T>() -> Scalar {
    T v = *static_cast<const T*>(rawData());
    if constexpr (std::is_same_v<T, bool>) return Scalar(v);
    else if constexpr (std::is_integral_v<T>) return Scalar(static_cast<int64_t>(v));
    else if constexpr (isReducedFloat<T>) return Scalar(static_cast<double>(static_cast<float>(v)));
    else return Scalar(static_cast<double>(v));  // float64 keeps its precision
  });
}

namespace {

// One element's dtype conversion with C++/PyTorch cast semantics: float to
// int truncates toward zero; half types convert through float; anything to
// bool is "!= 0" (NaN is True).
template <class To, class From>
To convertElement(From v) {
  if constexpr (std::is_same_v<To, bool>) return v != From(0);
  else if constexpr (isReducedFloat<From>) return static_cast<To>(static_cast<float>(v));
  else if constexpr (isReducedFloat<To>) return To(static_cast<float>(v));
  else return static_cast<To>(v);
}

}  // namespace

void Tensor::copyFrom(const Tensor& src) const {
  EMBER_CHECK(src.numel() == numel(), "copy: source has {} elements but destination has {}", src.numel(),
              numel());
  if (numel() == 0) return;
  // Iterate in the destination's logical order; the source is viewed with the
  // destination's shape when the shapes differ (same numel).
  Tensor s = src;
  if (!std::equal(src.sizes().begin(), src.sizes().end(), sizes().begin(), sizes().end())) {
    EMBER_CHECK(src.isContiguous(), "copy: shapes {} and {} differ", shapeString(src.sizes()),
                shapeString(sizes()));
    s = src.asStrided(sizes(), contiguousStrides(sizes()), src.storageOffset());
  }
  StridedLayout<2> L;
  L.sizes = DimVector(sizes());
  const int64_t de = static_cast<int64_t>(elementSize()), se = static_cast<int64_t>(s.elementSize());
  for (int64_t d = 0; d < dim(); ++d) {
    L.strides[0].push_back(strides()[d] * de);
    L.strides[1].push_back(s.strides()[d] * se);
  }
  L.coalesce();
  std::array<char*, 2> base{static_cast<char*>(rawData()), static_cast<char*>(s.rawData())};
  visitDType(dtype(), [&]<class To>() {
    visitDType(s.dtype(), [&]<class From>() {
      forEachRun<2>(L, base, 0, numel(), [](std::array<char*, 2> p, std::array<int64_t, 2> st, int64_t n) {
        for (int64_t i = 0; i < n; ++i)
          *reinterpret_cast<To*>(p[0] + i * st[0]) =
              convertElement<To>(*reinterpret_cast<const From*>(p[1] + i * st[1]));
      });
    });
  });
}

Tensor Tensor::contiguous() const {
  if (isContiguous()) return *this;
  return clone();
}

Tensor Tensor::clone() const {
  Tensor out = empty(sizes(), dtype());
  out.copyFrom(*this);
  return out;
}

Tensor Tensor::to(DType dt, bool copy) const {
  if (dt == dtype() && !copy) return *this;
  Tensor out = empty(sizes(), dt);
  out.copyFrom(*this);
  return out;
}

// ---------------------------------------------------------------- printing

void Tensor::print(std::ostream& os) const {
  if (!defined()) {
    os << "Tensor(undefined)";
    return;
  }
  os << "tensor(";
  Tensor c = contiguous();
  const int64_t n = numel();
  const int64_t shown = std::min<int64_t>(n, 16);
  auto elem = [&](int64_t i) {
    visitDType(dtype(), [&]<class T>() {
      T v = static_cast<const T*>(c.rawData())[i];
      if constexpr (std::is_same_v<T, bool>) os << (v ? "True" : "False");
      else if constexpr (std::is_integral_v<T>) os << static_cast<int64_t>(v);
      else os << static_cast<double>(static_cast<float>(v));
    });
  };
  if (dim() == 0) {
    elem(0);
  } else {
    os << '[';
    for (int64_t i = 0; i < shown; ++i) {
      if (i) os << ", ";
      elem(i);
    }
    if (shown < n) os << ", ...";
    os << ']';
  }
  os << ", shape=" << shapeString(sizes()) << ", dtype=" << dtype() << ')';
}

void Tensor::dump() const {
  print(std::cerr);
  std::cerr << '\n';
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) {
  t.print(os);
  return os;
}

}  // namespace ember
