// Adapters for the argument tails that factory and random schemas share, so
// each registration names only its kernel and the arguments that matter.
//   TensorOptions: `ScalarType? dtype, Layout? layout, Device? device,
//                  bool? pin_memory` (+ `MemoryFormat? memory_format` on the
//                  *_like ops). ember makes strided CPU tensors: the device is
//                  checked, layout, pin_memory and memory_format are ignored.
//   Generator:     `Generator? generator`, which must be None (ember has no
//                  Generator objects).
#pragma once

#include <optional>

#include "ember/kernels/factory.h"
#include "ember/support/error.h"
#include "ember/value/ivalue.h"

namespace ember::ops {

// f(Args..., std::optional<DType>) as an op taking Args... and TensorOptions.
template <class... Args, class F>
auto withOptions(F f) {
  return [f](Args... args, std::optional<DType> dtype, std::optional<Layout>, std::optional<Device> device,
             std::optional<bool>) {
    kernels::checkCpuDevice(device);
    return f(args..., dtype);
  };
}

// The same for the *_like ops, whose options end in a memory format.
template <class... Args, class F>
auto withLikeOptions(F f) {
  return [f](Args... args, std::optional<DType> dtype, std::optional<Layout>, std::optional<Device> device,
             std::optional<bool>, std::optional<MemoryFormat>) {
    kernels::checkCpuDevice(device);
    return f(args..., dtype);
  };
}

// f(Args...) as an op taking Args... and a generator that must be None.
template <class... Args, class F>
auto withoutGenerator(F f) {
  return [f](Args... args, const IValue& generator) {
    EMBER_CHECK(generator.isNone(), "ember does not support torch.Generator arguments");
    return f(args...);
  };
}

}  // namespace ember::ops
