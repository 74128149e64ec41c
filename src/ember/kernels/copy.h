// Copies, dtype conversions, fills, and the Tensor -> Python number
// conversions TorchScript emits (`float(t)`, `int(t)`, `bool(t)`).
//
// Element conversion follows PyTorch's casts: float to integer truncates
// toward zero (via int64, so -1.5 -> uint8 is 255), anything to bool is
// `!= 0` (NaN is True), half types convert through float.
#pragma once

#include <optional>

#include "ember/tensor/device.h"
#include "ember/tensor/tensor.h"

namespace ember::kernels {

// self itself when it already has the dtype and layout and no copy is asked
// for; otherwise a new tensor (memory format Preserve keeps a dense tensor's strides).
Tensor to(const Tensor& self, DType dtype, bool copy = false, std::optional<MemoryFormat> memoryFormat = std::nullopt);
Tensor type_as(const Tensor& self, const Tensor& other);

// Writes src (broadcast to self's shape, any dtype) into self.
Tensor copy_(const Tensor& self, const Tensor& src);
// value must fit self's dtype ("value cannot be converted to type int8_t without overflow").
Tensor fill_(const Tensor& self, const Scalar& value);
Tensor fill_(const Tensor& self, const Tensor& value);  // a 0-dim value
Tensor zero_(const Tensor& self);

Tensor clone(const Tensor& self, std::optional<MemoryFormat> memoryFormat = std::nullopt);
Tensor contiguous(const Tensor& self, MemoryFormat memoryFormat = MemoryFormat::Contiguous);
Tensor detach(const Tensor& self);

// PyTorch's suggest_memory_format: ChannelsLast for NHWC-strided 4-d tensors, etc.
MemoryFormat suggestMemoryFormat(const Tensor& t);
bool isContiguous(const Tensor& t, MemoryFormat memoryFormat);
// An empty tensor laid out in the memory format (Preserve is not allowed here).
Tensor emptyWithFormat(IntArrayRef sizes, DType dtype, MemoryFormat memoryFormat);

// aten::Float.Tensor / Int.Tensor / Bool.Tensor: one-element tensors to numbers.
double tensorToFloat(const Tensor& a);
int64_t tensorToInt(const Tensor& a);
bool tensorToBool(const Tensor& a);
// aten::FloatImplicit / IntImplicit / ScalarImplicit: 0-dim tensors passed where numbers are expected.
double floatImplicit(const Tensor& a);
int64_t intImplicit(const Tensor& a);
Scalar scalarImplicit(const Tensor& a);

}  // namespace ember::kernels
