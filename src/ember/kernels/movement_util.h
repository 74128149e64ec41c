// Helpers shared by the data-movement kernels (shape, index, sort, factory):
// PyTorch's spellings of dtypes in messages, its checked Scalar conversion,
// broadcasting of shapes, and dispatch on element size for kernels that move
// bytes without looking at them.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "ember/tensor/strided_loop.h"
#include "ember/tensor/tensor.h"

namespace ember::kernels {

// The legacy type string PyTorch prints in some messages: "torch.FloatTensor".
inline std::string tensorTypeName(DType t) { return "torch." + std::string(scalarTypeName(t)) + "Tensor"; }

// The C++ type name c10 prints in "value cannot be converted to type X without overflow".
template <class T>
constexpr std::string_view cTypeName() {
  if constexpr (std::is_same_v<T, uint8_t>) return "uint8_t";
  else if constexpr (std::is_same_v<T, int8_t>) return "int8_t";
  else if constexpr (std::is_same_v<T, int16_t>) return "int16_t";
  else if constexpr (std::is_same_v<T, int32_t>) return "int";
  else if constexpr (std::is_same_v<T, int64_t>) return "int64_t";
  else if constexpr (std::is_same_v<T, Half>) return "at::Half";
  else if constexpr (std::is_same_v<T, BFloat16>) return "at::BFloat16";
  else if constexpr (std::is_same_v<T, float>) return "float";
  else if constexpr (std::is_same_v<T, double>) return "double";
  else return "bool";
}

// Scalar::to<T> as c10 does it (checked_convert): values outside T's range
// are refused, except that negative ints may wrap into unsigned types and
// infinities and NaN may go into floating types. Nothing overflows bool.
template <class T>
T checkedScalarTo(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>) {
    return s.toBool();
  } else {
    using Lim = std::numeric_limits<T>;
    bool overflow = false;
    if constexpr (isFloatType<T>) {
      const double hi = static_cast<double>(static_cast<float>(Lim::max()));
      const double f = s.toDouble();  // ints convert exactly enough to compare with the range
      if (!s.isBool()) overflow = !std::isinf(f) && !std::isnan(f) && (f < -hi || f > hi);
    } else if (s.isFloating()) {
      const double f = s.toDouble();
      overflow = std::isnan(f) || f < static_cast<double>(Lim::lowest()) || f > static_cast<double>(Lim::max());
    } else if (!s.isBool()) {
      const int64_t i = s.toInt();
      if constexpr (!std::is_signed_v<T>) {
        overflow = (i > 0 && static_cast<uint64_t>(i) > static_cast<uint64_t>(Lim::max())) ||
                   (i < 0 && -static_cast<uint64_t>(i) > static_cast<uint64_t>(Lim::max()));
      } else {
        overflow = i < static_cast<int64_t>(Lim::lowest()) || i > static_cast<int64_t>(Lim::max());
      }
    }
    if (overflow) EMBER_FAIL("value cannot be converted to type {} without overflow", cTypeName<T>());
    if constexpr (isFloatType<T>) return T(s.toDouble());
    else if (s.isFloating()) return static_cast<T>(s.toDouble());
    else return static_cast<T>(s.toInt());
  }
}

// Calls f.template operator()<U>() with an unsigned integer type of the given
// byte width, for kernels that copy elements without interpreting them.
template <class F>
decltype(auto) visitElementSize(size_t bytes, F&& f) {
  switch (bytes) {
    case 1: return f.template operator()<uint8_t>();
    case 2: return f.template operator()<uint16_t>();
    case 4: return f.template operator()<uint32_t>();
    case 8: return f.template operator()<uint64_t>();
    default: break;
  }
  EMBER_FAIL("unsupported element size {}", bytes);
}

// The broadcast of two shapes, with PyTorch's message on mismatch.
inline DimVector broadcastShapes(IntArrayRef a, IntArrayRef b) {
  const size_t n = std::max(a.size(), b.size());
  DimVector out(n, 1);
  for (size_t i = 0; i < n; ++i) {
    const int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1)
      EMBER_FAIL("The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}", da,
                 db, i);
    out[i] = da == 1 ? db : da;
  }
  return out;
}

// A stride-0 view of t with the (broadcast-compatible) shape.
inline Tensor broadcastView(const Tensor& t, IntArrayRef shape) {
  if (IntArrayRef(t.sizes()) == shape) return t;
  const size_t n = shape.size(), k = static_cast<size_t>(t.dim());
  DimVector strides(n, 0);
  for (size_t i = 0; i < k; ++i) {
    const size_t o = n - k + i;
    strides[o] = t.sizes()[i] == 1 && shape[o] != 1 ? 0 : t.strides()[i];
  }
  return t.asStrided(shape, strides, t.storageOffset());
}

// dst = src for tensors of one shape and dtype, any strides (negative
// included, as flip's views have). Moves bytes, so it needs no per-dtype
// code; unit-stride and reversed inner runs get loops the compiler vectorizes.
inline void copySameType(const Tensor& dst, const Tensor& src) {
  if (dst.numel() == 0) return;
  const int64_t item = static_cast<int64_t>(dst.elementSize());
  StridedLayout<2> L;
  for (int64_t d = 0; d < dst.dim(); ++d) {
    L.sizes.push_back(dst.sizes()[d]);
    L.strides[0].push_back(dst.strides()[d] * item);
    L.strides[1].push_back(src.strides()[d] * item);
  }
  L.coalesce();
  std::array<char*, 2> base{static_cast<char*>(dst.rawData()), static_cast<char*>(src.rawData())};
  visitElementSize(static_cast<size_t>(item), [&]<class U>() {
    constexpr int64_t w = sizeof(U);
    forEachRun<2>(L, base, 0, dst.numel(), [](std::array<char*, 2> p, std::array<int64_t, 2> st, int64_t n) {
      U* d = reinterpret_cast<U*>(p[0]);
      const U* s = reinterpret_cast<const U*>(p[1]);
      if (st[0] == w && st[1] == w) {
        std::memcpy(d, s, static_cast<size_t>(n) * sizeof(U));
      } else if (st[0] == w && st[1] == -w) {
        for (int64_t i = 0; i < n; ++i) d[i] = s[-i];
      } else {
        for (int64_t i = 0; i < n; ++i)
          *reinterpret_cast<U*>(p[0] + i * st[0]) = *reinterpret_cast<const U*>(p[1] + i * st[1]);
      }
    });
  });
}

}  // namespace ember::kernels
