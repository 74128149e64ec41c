// Shared pieces of the builtin (non-tensor) op families: builtins_number,
// builtins_str, builtins_list, builtins_dict and builtins_prim. These ops
// work on IValues, so they are boxed kernels: they read their arguments from
// the stack and leave their results in place, without the typed wrapper's
// per-call conversions.
//
// Semantics follow TorchScript 1.13's own kernels, quirks included (C++
// int32 truncation in the Scalar overloads, byte-wise string methods), so
// that a program gives the same answer here as under torch.jit.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

#include "ember/ops/registry.h"
#include "ember/value/containers.h"
#include "ember/value/ivalue.h"

namespace ember::ops::builtins {

// ---- printing (builtins_print.cpp)

// str(x) as TorchScript prints it (c10::IValue's operator<<): floats as "1."
// or with 17 significant digits, strings unquoted even inside containers,
// tensors in ATen's "[ CPUFloatType{2} ]" layout.
void printValue(std::ostream& os, const IValue& v);
std::string valueString(const IValue& v);
// ATen's at::print layout for a tensor.
void printTensor(std::ostream& os, const Tensor& t);
// A double as `std::ostream << d` prints it (6 significant digits): what
// PyTorch's error messages use ("'2.5' is not in list").
std::string streamDouble(double d);
// std::to_string(d): "%f", as in "Cannot convert float inf to integer".
std::string fixedDouble(double d);

// ---- stack access

inline IValue pop(Stack& s) {
  IValue v = std::move(s.back());
  s.pop_back();
  return v;
}
inline void push(Stack& s, IValue v) { s.push_back(std::move(v)); }
// The i-th of the last n values (peek(s, 0, 2) is the first of two).
inline IValue& peek(Stack& s, size_t i, size_t n) { return s[s.size() - n + i]; }

// A Scalar argument's integer value. Bools count as ints, as they do when
// Python passes True to a Scalar parameter.
inline int64_t scalarInt(const IValue& v) { return v.isDouble() ? static_cast<int64_t>(v.toDouble()) : v.toInt(); }

// Typed reads of one argument.
template <class T>
T arg(const IValue& v);
template <>
inline int64_t arg<int64_t>(const IValue& v) {
  return v.toInt();
}
template <>
inline double arg<double>(const IValue& v) {
  return v.toDouble();
}
template <>
inline bool arg<bool>(const IValue& v) {
  return v.toBool();
}
template <>
inline const std::string& arg<const std::string&>(const IValue& v) {
  return v.toStringRef();
}

// Kernels from plain lambdas: the argument types come from the template
// parameters, the result type from what the lambda returns.
template <class A, class F>
Kernel unary(F f) {
  return [f](Stack& s) {
    IValue r(f(arg<A>(s.back())));
    s.back() = std::move(r);
  };
}
template <class A, class B, class F>
Kernel binary(F f) {
  return [f](Stack& s) {
    IValue r(f(arg<A>(s[s.size() - 2]), arg<B>(s.back())));
    s.pop_back();
    s.back() = std::move(r);
  };
}

// ---- numbers

// A double to int64 as x86's cvttsd2si does it (what PyTorch's static_cast
// compiles to): out of range and NaN give INT64_MIN instead of undefined
// behaviour.
inline int64_t castToInt64(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(d);
}
// Wrapping int64 arithmetic (C++ signed overflow is undefined; PyTorch's
// kernels wrap in practice).
inline int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrapSub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
inline int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
inline int64_t wrapNeg(int64_t a) { return static_cast<int64_t>(0 - static_cast<uint64_t>(a)); }

// ---- sequences

// Python's negative indices: -1 is the last element. Not range-checked.
inline int64_t normalizeIndex(int64_t idx, int64_t size) { return idx < 0 ? idx + size : idx; }

// PySlice_Unpack + PySlice_AdjustIndices: clamps start/stop to the sequence
// and returns how many elements the slice has. INT64_MAX stands for None.
// Throws "List slice should have non-zero step" for step 0.
int64_t sliceIndicesAdjust(int64_t length, int64_t* start, int64_t* stop, int64_t step);

// A slice argument that may be None.
inline int64_t sliceBound(const IValue& v) { return v.isNone() ? INT64_MAX : v.toInt(); }

// ---- tensors as scalars

// `bool(a == b)` and `bool(a < b)` for tensors, as list equality, index,
// count, remove and sort use them: the comparison broadcasts, and its result
// must hold exactly one element.
bool tensorEquals(const Tensor& a, const Tensor& b);
bool tensorLess(const Tensor& a, const Tensor& b);
// at::native::is_nonzero: the truth of a one-element tensor.
bool tensorIsNonzero(const Tensor& t);

// ---- strings

// The error std::string::at throws, as libstdc++ words it.
[[noreturn]] void throwStringAtError(size_t pos, size_t size);

}  // namespace ember::ops::builtins
