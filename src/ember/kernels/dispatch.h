// Compile-time dtype sets for kernel dispatch, after PyTorch's AT_DISPATCH_*
// macros. A kernel names the dtypes it supports; any other dtype fails with
// PyTorch's own message, `"exp_vml_cpu" not implemented for 'Half'`, so that
// ember refuses exactly what PyTorch 1.13 refuses on CPU.
//   dispatch<kFloatingTypes | kBFloat16>(dt, "exp_vml_cpu", [&]<class T>() { ... });
#pragma once

#include <cstdint>

#include "ember/tensor/dtype.h"

namespace ember::kernels {

using DTypeSet = uint32_t;

constexpr DTypeSet dtypeBit(DType t) { return DTypeSet(1) << static_cast<int>(t); }

constexpr DTypeSet kBool = dtypeBit(DType::Bool);
constexpr DTypeSet kHalf = dtypeBit(DType::Half);
constexpr DTypeSet kBFloat16 = dtypeBit(DType::BFloat16);
constexpr DTypeSet kIntegralTypes = dtypeBit(DType::Byte) | dtypeBit(DType::Char) | dtypeBit(DType::Short) |
                                    dtypeBit(DType::Int) | dtypeBit(DType::Long);
constexpr DTypeSet kFloatingTypes = dtypeBit(DType::Float) | dtypeBit(DType::Double);
constexpr DTypeSet kAllTypes = kIntegralTypes | kFloatingTypes;
constexpr DTypeSet kEveryType = kAllTypes | kBool | kHalf | kBFloat16;

[[noreturn]] void failNotImplemented(const char* kernelName, DType t);

// Calls f.template operator()<T>() for the C++ type of t when t is in Types.
template <DTypeSet Types, class F>
void dispatch(DType t, const char* kernelName, F&& f) {
  switch (t) {
#define EMBER_DTYPE(ctype, Name, id, py, storage)                    \
  case DType::Name:                                                  \
    if constexpr ((Types & dtypeBit(DType::Name)) != 0) {            \
      f.template operator()<ctype>();                                \
      return;                                                        \
    }                                                                \
    break;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case DType::Undefined:
      break;
  }
  failNotImplemented(kernelName, t);
}

}  // namespace ember::kernels
