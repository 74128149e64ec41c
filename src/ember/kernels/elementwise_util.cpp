#include "ember/kernels/elementwise_util.h"

#include "ember/kernels/dispatch.h"

namespace ember::kernels {

std::string_view typeMetaName(DType t) {
  switch (t) {
    case DType::Byte: return "unsigned char";
    case DType::Char: return "signed char";
    case DType::Short: return "short int";
    case DType::Int: return "int";
    case DType::Long: return "long int";
    case DType::Half: return "c10::Half";
    case DType::Float: return "float";
    case DType::Double: return "double";
    case DType::Bool: return "bool";
    case DType::BFloat16: return "c10::BFloat16";
    case DType::Undefined: break;
  }
  return "nullptr (uninitialized)";
}

void failNotImplemented(const char* kernelName, DType t) {
  EMBER_FAIL("\"{}\" not implemented for '{}'", kernelName, scalarTypeName(t));
}

void failScalarOverflow(DType t) {
  std::string_view name;
  switch (t) {
    case DType::Byte: name = "uint8_t"; break;
    case DType::Char: name = "int8_t"; break;
    case DType::Short: name = "int16_t"; break;
    case DType::Int: name = "int"; break;
    case DType::Long: name = "int64_t"; break;
    case DType::Half: name = "at::Half"; break;
    case DType::Float: name = "float"; break;
    case DType::Double: name = "double"; break;
    case DType::Bool: name = "bool"; break;
    case DType::BFloat16: name = "at::BFloat16"; break;
    case DType::Undefined: name = "undefined"; break;
  }
  EMBER_FAIL("value cannot be converted to type {} without overflow", name);
}

}  // namespace ember::kernels
