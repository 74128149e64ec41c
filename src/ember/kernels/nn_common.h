// What the neural-network kernel families (conv, pool, norm, pad, upsample,
// loss, rnn) share: PyTorch's dtype refusals, parameter list expansion, and
// small raw-pointer helpers. Internal to kernels/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ember/tensor/tensor.h"

namespace ember::kernels::nn {

// "float", "double": the names "Input type (float) and bias type (double)" uses.
std::string_view cTypeName(DType t);

// RuntimeError "\"max_pool2d\" not implemented for 'Long'", PyTorch's AT_DISPATCH refusal.
[[noreturn]] void failNotImplemented(std::string_view kernel, DType t);

// PyTorch's dispatch groups. Each calls f.template operator()<T>() with the
// C++ type of t, or refuses like AT_DISPATCH_* does, naming the kernel.
template <class F>
decltype(auto) dispatchFloating(DType t, std::string_view kernel, F&& f) {  // float, double
  switch (t) {
    case DType::Float:
      return f.template operator()<float>();
    case DType::Double:
      return f.template operator()<double>();
    default:
      failNotImplemented(kernel, t);
  }
}
template <class F>
decltype(auto) dispatchFloatingBF16(DType t, std::string_view kernel, F&& f) {
  if (t == DType::BFloat16) return f.template operator()<BFloat16>();
  return dispatchFloating(t, kernel, std::forward<F>(f));
}
template <class F>
decltype(auto) dispatchFloatingHalfBF16(DType t, std::string_view kernel, F&& f) {
  if (t == DType::Half) return f.template operator()<Half>();
  return dispatchFloatingBF16(t, kernel, std::forward<F>(f));
}
// All dtypes except bool (and except half unless allowHalf).
template <class F>
decltype(auto) dispatchAllNoBool(DType t, std::string_view kernel, bool allowHalf, F&& f) {
  if (t == DType::Bool || (t == DType::Half && !allowHalf)) failNotImplemented(kernel, t);
  return visitDType(t, std::forward<F>(f));
}

// The type sums are accumulated in: double for double, int64 for integers, float otherwise.
template <class T>
using AccType =
    std::conditional_t<std::is_same_v<T, double>, double, std::conditional_t<std::is_integral_v<T>, int64_t, float>>;

// "[1, 2]" as c10 prints an IntArrayRef.
std::string listString(IntArrayRef v);

// PyTorch's expand_param_if_needed: one value broadcasts to n, else the list
// must have n values ("expected stride to be a single integer value or a list
// of 2 values to match the convolution dimensions, but got stride=[1, 1, 1]").
DimVector expandParam(IntArrayRef v, std::string_view name, int64_t n);

// A contiguous tensor of dtype t holding src's values (src itself when it already is one).
Tensor contiguousAs(const Tensor& src, DType t);

// x.unsqueeze(d) / x.squeeze(d) as views (d already wrapped).
Tensor unsqueezeView(const Tensor& x, int64_t d);
Tensor squeezeView(const Tensor& x, int64_t d);
// A view of a contiguous tensor with new sizes.
Tensor viewAs(const Tensor& x, IntArrayRef sizes);

// The sizes with one dim dropped / replaced.
DimVector sizesWithout(IntArrayRef sizes, int64_t d);

// out[..., d, h, w] = self[..., idx[0][d], idx[1][h], idx[2][w]] over the last
// nd dims (tables for the missing leading dims are ignored). Moves elements only.
Tensor gatherLastDims(const Tensor& self, int64_t nd, const std::vector<int64_t> (&idx)[3]);

// PyTorch's suggest_memory_format() == ChannelsLast(3d): a 4-d/5-d tensor laid
// out as N, spatial..., C that is not also plainly contiguous.
bool isChannelsLast(const Tensor& t);
// Strides of the channels-last layout of a [N, C, spatial...] shape.
DimVector channelsLastStrides(IntArrayRef sizes);

// Fills every element with v (any dtype).
void fillScalar(const Tensor& t, const Scalar& v);

// Runs fn(begin, end) over [begin, end). Serial for now: the support/ thread
// pool (parallelFor) will take over once it lands on main.
template <class F>
void parallelFor(int64_t begin, int64_t end, int64_t /*grain*/, F&& fn) {
  if (begin < end) fn(begin, end);
}

}  // namespace ember::kernels::nn
