// How a typed C++ kernel's parameters are taken from the stack and its result
// pushed back: one traits struct per C++ type. `Held` keeps converted data
// alive for the duration of the call (an IntArrayRef needs its vector).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "ember/tensor/device.h"
#include "ember/tensor/tensor.h"
#include "ember/value/containers.h"
#include "ember/value/ivalue.h"

namespace ember::ops {

template <class T>
struct ArgTraits;

template <class T>
struct ArgTraits<const T&> : ArgTraits<T> {};

#define EMBER_SIMPLE_ARG(T, expr)                          \
  template <>                                              \
  struct ArgTraits<T> {                                    \
    using Held = T;                                        \
    static Held hold(const IValue& v) { return expr; }     \
    static T pass(Held& h) { return h; }                   \
  };
EMBER_SIMPLE_ARG(int64_t, v.toInt())
EMBER_SIMPLE_ARG(double, v.toDouble())
EMBER_SIMPLE_ARG(bool, v.toBool())
EMBER_SIMPLE_ARG(Scalar, v.toScalar())
EMBER_SIMPLE_ARG(std::string, v.toStringRef())
EMBER_SIMPLE_ARG(IValue, v)
EMBER_SIMPLE_ARG(DType, dtypeFromId(v.toInt()))
EMBER_SIMPLE_ARG(Device, v.isString() ? Device::parse(v.toStringRef()) : v.toDevice())
EMBER_SIMPLE_ARG(Layout, static_cast<Layout>(v.toInt()))
EMBER_SIMPLE_ARG(MemoryFormat, static_cast<MemoryFormat>(v.toInt()))
EMBER_SIMPLE_ARG(std::vector<Tensor>, v.toTensorVector())
#undef EMBER_SIMPLE_ARG

// Tensors are passed by reference into the stack slot: no reference-count
// traffic per argument, and a kernel sees exactly the references that exist.
template <>
struct ArgTraits<Tensor> {
  using Held = const IValue*;
  static Held hold(const IValue& v) {
    (void)v.toTensor();  // checks the tag
    return &v;
  }
  static const Tensor& pass(Held& h) { return h->toTensor(); }
};

template <>
struct ArgTraits<std::string_view> {
  using Held = IValue;
  static Held hold(const IValue& v) { return v; }
  static std::string_view pass(Held& h) { return h.toStringRef(); }
};

template <>
struct ArgTraits<IntArrayRef> {
  using Held = std::vector<int64_t>;
  static Held hold(const IValue& v) { return v.toIntVector(); }
  static IntArrayRef pass(Held& h) { return h; }
};

template <>
struct ArgTraits<ArrayRef<double>> {
  using Held = std::vector<double>;
  static Held hold(const IValue& v) { return v.toDoubleVector(); }
  static ArrayRef<double> pass(Held& h) { return h; }
};

template <>
struct ArgTraits<ArrayRef<Tensor>> {
  using Held = std::vector<Tensor>;
  static Held hold(const IValue& v) { return v.toTensorVector(); }
  static ArrayRef<Tensor> pass(Held& h) { return h; }
};

template <class T>
struct ArgTraits<std::optional<T>> {
  using Inner = ArgTraits<T>;
  using Held = std::optional<typename Inner::Held>;
  static Held hold(const IValue& v) {
    if (v.isNone()) return std::nullopt;
    return Inner::hold(v);
  }
  static std::optional<T> pass(Held& h) {
    if (!h) return std::nullopt;
    return Inner::pass(*h);
  }
};

template <class T>
struct ArgTraits<std::vector<std::optional<T>>> {
  using Held = std::vector<std::optional<T>>;
  static Held hold(const IValue& v) {
    Held out;
    for (const auto& e : v.toList().elements) {
      auto held = ArgTraits<std::optional<T>>::hold(e);
      out.push_back(ArgTraits<std::optional<T>>::pass(held));
    }
    return out;
  }
  static const Held& pass(Held& h) { return h; }
};

// ---- results

inline void pushResult(Stack& s, IValue v) { s.push_back(std::move(v)); }
inline void pushResult(Stack& s, const std::vector<Tensor>& v) { s.push_back(tensorList(v)); }
template <class... Ts>
void pushResult(Stack& s, std::tuple<Ts...> t) {
  std::apply([&](auto&&... e) { (pushResult(s, IValue(std::move(e))), ...); }, std::move(t));
}

template <class R, class... Args, size_t... I>
void callWithStack(const std::function<R(Args...)>& fn, Stack& stack, std::index_sequence<I...>) {
  const size_t base = stack.size() - sizeof...(Args);
  std::tuple<typename ArgTraits<Args>::Held...> held{ArgTraits<Args>::hold(stack[base + I])...};
  if constexpr (std::is_void_v<R>) {
    fn(ArgTraits<Args>::pass(std::get<I>(held))...);
    stack.resize(base);
  } else {
    R result = fn(ArgTraits<Args>::pass(std::get<I>(held))...);
    stack.resize(base);
    pushResult(stack, std::move(result));
  }
}

template <class R, class... Args>
std::function<void(Stack&)> wrapKernel(std::function<R(Args...)> fn) {
  return [fn = std::move(fn)](Stack& stack) {
    callWithStack<R, Args...>(fn, stack, std::index_sequence_for<Args...>{});
  };
}

template <class R, class... Args>
std::function<void(Stack&)> wrapKernel(R (*fn)(Args...)) {
  return wrapKernel(std::function<R(Args...)>(fn));
}

}  // namespace ember::ops
