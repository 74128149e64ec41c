#include "ember/tensor/dtype.h"

#include <ostream>

namespace ember {

size_t elementSize(DType t) {
  return visitDType(t, []<class T>() { return sizeof(T); });
}

std::string_view dtypeName(DType t) {
  switch (t) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  case DType::Name:                               \
    return py;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case DType::Undefined:
      return "undefined";
  }
  return "undefined";
}

std::string_view scalarTypeName(DType t) {
  switch (t) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  case DType::Name:                               \
    return #Name;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case DType::Undefined:
      return "Undefined";
  }
  return "Undefined";
}

std::string_view storageClassName(DType t) {
  switch (t) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  case DType::Name:                               \
    return storage;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case DType::Undefined:
      return "UndefinedStorage";
  }
  return "UndefinedStorage";
}

std::optional<DType> dtypeFromName(std::string_view name) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  if (name == py) return DType::Name;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
  // Python's aliases.
  if (name == "float" ) return DType::Float;
  if (name == "double") return DType::Double;
  if (name == "half") return DType::Half;
  if (name == "long") return DType::Long;
  if (name == "int") return DType::Int;
  if (name == "short") return DType::Short;
  return std::nullopt;
}

std::optional<DType> dtypeFromStorageClass(std::string_view cls) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  if (cls == storage) return DType::Name;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
  return std::nullopt;
}

DType dtypeFromId(int64_t id) {
  switch (id) {
#define EMBER_DTYPE(ctype, Name, id, py, storage) \
  case id:                                        \
    return DType::Name;
#include "ember/tensor/dtype.def"
#undef EMBER_DTYPE
    case 8:
    case 9:
    case 10:
      EMBER_FAIL_KIND(NotImplemented, "complex dtypes are not supported (dtype id {})", id);
    case 12:
    case 13:
    case 14:
    case 16:
      EMBER_FAIL_KIND(NotImplemented, "quantized dtypes are not supported (dtype id {})", id);
  }
  EMBER_FAIL("unknown dtype id {}", id);
}

void print(std::ostream& os, DType t) { os << "torch." << dtypeName(t); }
std::ostream& operator<<(std::ostream& os, DType t) {
  print(os, t);
  return os;
}

}  // namespace ember
