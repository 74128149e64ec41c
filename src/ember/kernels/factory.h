// Tensor factories: zeros/ones/full/empty (and their _like and new_
// forms), arange, linspace, eye, scalar tensors. Result dtypes follow eager
// PyTorch's defaults: Python floats make float32 (the default dtype), ints
// int64, bools bool.
#pragma once

#include <optional>

#include "ember/tensor/device.h"
#include "ember/tensor/tensor.h"

namespace ember::kernels {

// Factories take `device=`; ember computes on the CPU only.
void checkCpuDevice(const std::optional<Device>& device);

// Writes value (converted with PyTorch's overflow check) into every element.
void fillWith(const Tensor& self, const Scalar& value);

Tensor empty(IntArrayRef size, std::optional<DType> dtype = std::nullopt);
Tensor emptyStrided(IntArrayRef size, IntArrayRef stride, std::optional<DType> dtype = std::nullopt);
Tensor zeros(IntArrayRef size, std::optional<DType> dtype = std::nullopt);
Tensor ones(IntArrayRef size, std::optional<DType> dtype = std::nullopt);
// Without a dtype the fill value's kind decides: bool, int64 or float32.
Tensor full(IntArrayRef size, const Scalar& fillValue, std::optional<DType> dtype = std::nullopt);

Tensor emptyLike(const Tensor& self, std::optional<DType> dtype = std::nullopt);
Tensor zerosLike(const Tensor& self, std::optional<DType> dtype = std::nullopt);
Tensor onesLike(const Tensor& self, std::optional<DType> dtype = std::nullopt);
Tensor fullLike(const Tensor& self, const Scalar& fillValue, std::optional<DType> dtype = std::nullopt);

Tensor newEmpty(const Tensor& self, IntArrayRef size, std::optional<DType> dtype = std::nullopt);
Tensor newZeros(const Tensor& self, IntArrayRef size, std::optional<DType> dtype = std::nullopt);
Tensor newOnes(const Tensor& self, IntArrayRef size, std::optional<DType> dtype = std::nullopt);
Tensor newFull(const Tensor& self, IntArrayRef size, const Scalar& fillValue,
               std::optional<DType> dtype = std::nullopt);

// int64 unless any of the three is a float (then float32), or dtype.
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<DType> dtype = std::nullopt);
Tensor arange(const Scalar& end, std::optional<DType> dtype = std::nullopt);
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, std::optional<DType> dtype = std::nullopt);
Tensor eye(int64_t n, int64_t m, std::optional<DType> dtype = std::nullopt);
Tensor eye(int64_t n, std::optional<DType> dtype = std::nullopt);

// aten::scalar_tensor: float32 unless dtype, whatever the Scalar's kind.
Tensor scalarTensor(const Scalar& s, std::optional<DType> dtype = std::nullopt);
// aten::tensor.int/float/bool: a 0-dim tensor of the Python number's dtype
// (int64, float32, bool), then converted to dtype.
Tensor tensorFromScalar(const Scalar& s, std::optional<DType> dtype = std::nullopt);

}  // namespace ember::kernels
