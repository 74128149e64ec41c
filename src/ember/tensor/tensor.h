// Tensor: a strided view of a Storage. The handle is one pointer to an
// intrusively counted TensorImpl; copies share the impl (like at::Tensor).
// Views share the storage with their own sizes/strides/offset.
//
// This file holds only what every layer needs (shape queries, views, element
// access). Math lives in kernels/, one family per file.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <vector>

#include "ember/support/array_ref.h"
#include "ember/support/error.h"
#include "ember/support/intrusive_ptr.h"
#include "ember/support/small_vector.h"
#include "ember/tensor/dtype.h"
#include "ember/tensor/scalar.h"
#include "ember/tensor/storage.h"

namespace ember {

using DimVector = SmallVector<int64_t, 6>;
using IntArrayRef = ArrayRef<int64_t>;

class TensorImpl : public RefCounted {
 public:
  TensorImpl(Storage storage, int64_t offset, IntArrayRef sizes, IntArrayRef strides, DType dtype);

  const Storage& storage() const { return storage_; }
  int64_t offset() const { return offset_; }
  const DimVector& sizes() const { return sizes_; }
  const DimVector& strides() const { return strides_; }
  DType dtype() const { return dtype_; }
  int64_t numel() const { return numel_; }
  bool isContiguous() const { return contiguous_; }

  bool requiresGrad = false;
  // Set on 0-dim tensors made from Python numbers: promotion treats them as
  // scalars ("wrapped numbers"), not as tensors.
  bool wrappedNumber = false;

  // Resizing in place (out= and resize_); keeps the storage if it is large enough.
  void setSizesAndStrides(IntArrayRef sizes, IntArrayRef strides, int64_t offset);
  void setStorage(Storage s) { storage_ = std::move(s); }

 private:
  void refresh();

  Storage storage_;
  int64_t offset_;
  DimVector sizes_;
  DimVector strides_;
  DType dtype_;
  int64_t numel_ = 1;
  bool contiguous_ = true;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(IntrusivePtr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // ---- factories that need no kernels
  static Tensor empty(IntArrayRef sizes, DType dtype);
  static Tensor emptyStrided(IntArrayRef sizes, IntArrayRef strides, DType dtype);
  static Tensor fromStorage(Storage storage, int64_t offset, IntArrayRef sizes, IntArrayRef strides,
                            DType dtype);
  // A 0-dim tensor holding s converted to dtype.
  static Tensor scalar(const Scalar& s, DType dtype);
  // A 0-dim "wrapped number" tensor: bool, int64 or float64 by the Scalar's kind.
  static Tensor wrappedScalar(const Scalar& s);
  // Copies values into a new contiguous tensor of the given shape.
  template <class T>
  static Tensor fromVector(const std::vector<T>& values, IntArrayRef sizes);

  // ---- queries
  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const IntrusivePtr<TensorImpl>& implPtr() const { return impl_; }
  bool isSame(const Tensor& o) const { return impl_ == o.impl_; }

  DType dtype() const { return impl_->dtype(); }
  int64_t dim() const { return static_cast<int64_t>(impl_->sizes().size()); }
  IntArrayRef sizes() const { return impl_->sizes(); }
  IntArrayRef strides() const { return impl_->strides(); }
  int64_t size(int64_t d) const;
  int64_t stride(int64_t d) const;
  int64_t numel() const { return impl_->numel(); }
  int64_t storageOffset() const { return impl_->offset(); }
  const Storage& storage() const { return impl_->storage(); }
  size_t elementSize() const { return ember::elementSize(dtype()); }
  size_t nbytes() const { return static_cast<size_t>(numel()) * elementSize(); }
  bool isContiguous() const { return impl_->isContiguous(); }
  bool requiresGrad() const { return impl_->requiresGrad; }
  bool isWrappedNumber() const { return impl_->wrappedNumber; }
  bool isFloatingPoint() const { return isFloating(dtype()); }

  // Address of element [0, 0, ...] (storage base + offset).
  void* rawData() const;
  template <class T>
  T* data() const {
    EMBER_CHECK(dtypeOf<T> == dtype(), "expected a tensor of dtype {} but got {}", dtypeName(dtypeOf<T>),
                dtypeName(dtype()));
    return static_cast<T*>(rawData());
  }

  // ---- views (share storage)
  Tensor asStrided(IntArrayRef sizes, IntArrayRef strides, int64_t offset) const;
  Tensor alias() const;

  // ---- element access
  // The single value of a one-element tensor, as a Python number.
  Scalar item() const;
  // Copies src into this tensor (same numel, broadcasting not applied here),
  // converting dtypes. Handles arbitrary strides on both sides.
  void copyFrom(const Tensor& src) const;
  Tensor contiguous() const;
  Tensor clone() const;
  // A new tensor of the given dtype; returns *this when the dtype already matches and copy is false.
  Tensor to(DType dtype, bool copy = false) const;
  template <class T>
  std::vector<T> toVector() const;  // elements in logical (row-major) order

  void print(std::ostream& os) const;
  void dump() const;

 private:
  IntrusivePtr<TensorImpl> impl_;
};

std::ostream& operator<<(std::ostream& os, const Tensor& t);

// Wraps a possibly negative dim into [0, ndim); IndexError like PyTorch:
// "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
int64_t wrapDim(int64_t dim, int64_t ndim, bool scalarAsOneDim = true);
// Row-major strides for the sizes.
DimVector contiguousStrides(IntArrayRef sizes);
int64_t computeNumel(IntArrayRef sizes);
std::string shapeString(IntArrayRef sizes);  // "[2, 3]"

template <class T>
Tensor Tensor::fromVector(const std::vector<T>& values, IntArrayRef sizes) {
  Tensor t = empty(sizes, dtypeOf<T>);
  EMBER_CHECK(static_cast<int64_t>(values.size()) == t.numel(), "fromVector: {} values for shape {}",
              values.size(), shapeString(sizes));
  T* p = t.data<T>();
  for (size_t i = 0; i < values.size(); ++i) p[i] = values[i];
  return t;
}

template <class T>
std::vector<T> Tensor::toVector() const {
  Tensor c = to(dtypeOf<T>).contiguous();
  const T* p = c.data<T>();
  return std::vector<T>(p, p + c.numel());
}

}  // namespace ember
