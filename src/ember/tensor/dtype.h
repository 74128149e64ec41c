// Element types. Numbering follows PyTorch's c10::ScalarType so the integers
// found in archives (`dtype=6`) and pickles mean the same thing here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "ember/support/error.h"
#include "ember/tensor/half.h"

namespace ember {

enum class DType : int8_t {
#define EMBER_DTYPE(ctype, Name, id, py, storage) Name = id,
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
  Undefined = -1,
};

constexpr DType kAllDTypes[] = {
#define EMBER_DTYPE(ctype, Name, id, py, storage) DType::Name,
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
};

size_t elementSize(DType t);
// "float32", "int64", ...: the name after "torch." in Python.
std::string_view dtypeName(DType t);
// "Float", "Long", "Bool": c10's ScalarType spelling, which PyTorch's messages
// use ("result type Float can't be cast to the desired output type Int").
std::string_view scalarTypeName(DType t);
// "FloatStorage", ...: the legacy storage class pickles name.
std::string_view storageClassName(DType t);
std::optional<DType> dtypeFromName(std::string_view pythonName);
std::optional<DType> dtypeFromStorageClass(std::string_view storageClass);
// The ScalarType number from an archive; errors on complex/quantized ids.
DType dtypeFromId(int64_t id);
void print(std::ostream& os, DType t);
std::ostream& operator<<(std::ostream& os, DType t);

constexpr bool isFloating(DType t) {
  return t == DType::Half || t == DType::Float || t == DType::Double || t == DType::BFloat16;
}
constexpr bool isIntegral(DType t, bool includeBool) {
  switch (t) {
    case DType::Byte:
    case DType::Char:
    case DType::Short:
    case DType::Int:
    case DType::Long:
      return true;
    case DType::Bool:
      return includeBool;
    default:
      return false;
  }
}
constexpr bool isSigned(DType t) { return t != DType::Byte && t != DType::Bool; }

// The static type <-> DType mapping.
template <class T>
struct DTypeOf;
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  template <>                                     \
  struct DTypeOf<ctype> {                         \
    static constexpr DType value = DType::Name;   \
  };
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
template <class T>
constexpr DType dtypeOf = DTypeOf<T>::value;

template <DType D>
struct CTypeOf;
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  template <>                                     \
  struct CTypeOf<DType::Name> {                   \
    using type = ctype;                           \
  };
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE

// Calls f.template operator()<T>() with the C++ type of t:
//   visitDType(t, [&]<class T>() { ... });
// The single switch every kernel's type dispatch goes through.
template <class F>
decltype(auto) visitDType(DType t, F&& f) {
  switch (t) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  case DType::Name:                               \
    return f.template operator()<ctype>();
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case DType::Undefined:
      break;
  }
  EMBER_FAIL("unsupported dtype id {}", static_cast<int>(t));
}

template <class T>
constexpr bool isReducedFloat = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;
template <class T>
constexpr bool isFloatType = std::is_floating_point_v<T> || isReducedFloat<T>;
// The type arithmetic on T is carried out in (float for half types).
template <class T>
using OpMathType = std::conditional_t<isReducedFloat<T>, float, T>;

}  // namespace ember
