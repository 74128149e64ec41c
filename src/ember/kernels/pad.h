// Padding: constant (with negative pads cropping), reflect, replicate and
// circular, as F.pad / aten::pad and the per-mode aten ops do it. Pads are
// listed from the last dim backwards: [left, right, top, bottom, front, back].
#pragma once

#include <optional>
#include <string_view>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

Tensor pad(const Tensor& self, IntArrayRef pad, std::string_view mode, std::optional<double> value);
// aten::_pad_enum; mode numbers are at::padding_mode's: reflect 0, replicate 1, circular 2, constant 3.
Tensor padEnum(const Tensor& self, IntArrayRef pad, int64_t mode, std::optional<double> value);
Tensor constantPadNd(const Tensor& self, IntArrayRef pad, const Scalar& value);
// nd = 1, 2 or 3 spatial dims.
Tensor reflectionPad(const Tensor& self, IntArrayRef pad, int64_t nd);
Tensor replicationPad(const Tensor& self, IntArrayRef pad, int64_t nd);
Tensor padCircular(const Tensor& self, IntArrayRef pad);

}  // namespace ember::kernels
