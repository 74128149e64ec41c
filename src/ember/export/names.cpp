#include "ember/export/names.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::exporter {

std::string FileNames::qualify(const std::string& name) const {
  std::string base = name.rfind("__torch__.", 0) == 0 ? name.substr(10) : name;
  return module_ + "." + base;
}

std::string FileNames::annotation(const TypePtr& t) {
  auto join = [&](const std::vector<TypePtr>& ts) {
    std::string s;
    for (size_t i = 0; i < ts.size(); ++i) s += (i ? ", " : "") + annotation(ts[i]);
    return s;
  };
  switch (t->kind()) {
    case TypeKind::Tensor: return "Tensor";
    case TypeKind::Int:
    case TypeKind::ScalarType:  // dtypes, layouts and memory formats are ints in code/
    case TypeKind::Layout:
    case TypeKind::MemoryFormat: return "int";
    case TypeKind::Float: return "float";
    case TypeKind::Bool: return "bool";
    case TypeKind::Str: return "str";
    case TypeKind::None: return "NoneType";
    case TypeKind::Any: return "Any";
    case TypeKind::Number: return "number";
    case TypeKind::Complex: return "complex";
    case TypeKind::Device: return "Device";
    case TypeKind::List: return "List[" + annotation(t->elementType()) + "]";
    case TypeKind::Optional: return "Optional[" + annotation(t->elementType()) + "]";
    case TypeKind::Future: return "Future[" + annotation(t->elementType()) + "]";
    case TypeKind::Dict: return "Dict[" + annotation(t->keyType()) + ", " + annotation(t->valueType()) + "]";
    case TypeKind::Union: return "Union[" + join(t->contained()) + "]";
    case TypeKind::Class: return qualify(t->name());
    case TypeKind::Tuple:
      if (t->isNamedTuple()) {
        std::string q = qualify(t->name());
        namedTuples_.emplace(q, t);
        return q;
      }
      return t->contained().empty() ? "Tuple[()]" : "Tuple[" + join(t->contained()) + "]";
    default: break;
  }
  EMBER_FAIL_KIND(NotImplemented, "cannot write the type {} in a TorchScript archive", t->str());
}

std::string quoteString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += static_cast<char>(c);  // UTF-8 bytes pass through
    }
  }
  return out + "\"";
}

namespace {

std::string floatLiteral(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", d);  // shortest text that reads back as d
  if (s.find_first_of(".e") == std::string::npos) s += ".";
  return s;
}

std::string intLiteral(int64_t i) {
  // -9223372036854775808 would lex as a too-large positive literal.
  if (i == std::numeric_limits<int64_t>::min()) return "(-9223372036854775807 - 1)";
  return fmt::format("{}", i);
}

}  // namespace

std::string FileNames::literal(const IValue& v, const TypePtr& type) {
  if (v.isNone()) return "None";
  if (v.isBool()) return v.toBool() ? "True" : "False";
  if (v.isInt()) return intLiteral(v.toInt());
  if (v.isDouble()) return floatLiteral(v.toDouble());
  if (v.isString()) return quoteString(v.toStringRef());
  if (v.isDevice()) return fmt::format("torch.device({})", quoteString(v.toDevice().str()));
  bool plainList = v.isList() && !v.toList().elements.empty();
  if (plainList)
    for (const IValue& e : v.toList().elements) plainList = plainList && (e.isInt() || e.isDouble() || e.isBool() || e.isString());
  if (plainList) {
    std::string s = "[";
    const TypePtr& elem = v.toList().elementType;
    for (size_t i = 0; i < v.toList().size(); ++i) s += (i ? ", " : "") + literal(v.toList().elements[i], elem);
    return s + "]";
  }
  if (v.isTuple() && !v.toTuple().namedType && type && type->kind() == TypeKind::Tuple &&
      type->contained().size() == v.toTuple().size()) {
    bool plain = true;
    for (const IValue& e : v.toTuple().elements) plain = plain && !e.isTensor() && !e.isObject();
    if (plain) {
      std::string s = "(";
      size_t n = v.toTuple().size();
      for (size_t i = 0; i < n; ++i) s += (i ? ", " : "") + literal(v.toTuple().elements[i], type->contained()[i]);
      return s + (n == 1 ? ",)" : ")");
    }
  }
  constants_.push_back(v);
  return fmt::format("CONSTANTS.c{}", constants_.size() - 1);
}

}  // namespace ember::exporter
