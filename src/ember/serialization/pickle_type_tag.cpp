// The small annotation parser behind torch.jit._pickle.restore_type_tag: the
// pickle names a container's static type ("Dict[str, List[int]]") as text.
// Classes and anything unusual return nullptr; the caller then keeps the
// inferred types (or asks UnpicklerOptions::typeParser).
#include <string_view>
#include <vector>

#include "ember/serialization/unpickler.h"

namespace ember::serialization {
namespace {

class TypeTagParser {
 public:
  TypeTagParser(std::string_view text, const TypeNameResolver& resolveName) : s_(text), resolveName_(resolveName) {}

  TypePtr parseAll() {
    TypePtr t = parseType(0);
    skipSpace();
    return t && pos_ == s_.size() ? t : nullptr;
  }

 private:
  // Deeper tags are not types anyone wrote; it also bounds the recursion.
  static constexpr int kMaxDepth = 64;

  void skipSpace() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  bool accept(char c) {
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::string_view identifier() {
    skipSpace();
    size_t start = pos_;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      bool ok = c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!ok) break;
      ++pos_;
    }
    return s_.substr(start, pos_ - start);
  }

  // type := name | name '[' type (',' type)* ']' | 'Tuple[()]'
  TypePtr parseType(int depth) {
    if (depth > kMaxDepth) return nullptr;
    std::string_view name = identifier();
    if (name == "int") return types::intT();
    if (name == "float") return types::floatT();
    if (name == "bool") return types::boolT();
    if (name == "str") return types::str();
    if (name == "Tensor") return types::tensor();
    if (name == "NoneType" || name == "None") return types::none();
    if (name == "Any") return types::any();
    if (name == "Device") return types::device();
    if (name == "ScalarType") return types::scalarType();
    if (name == "Layout") return types::layout();
    if (name == "MemoryFormat") return types::memoryFormat();
    if (name == "number" || name == "Scalar") return types::number();
    if (name != "List" && name != "Dict" && name != "Tuple" && name != "Optional" && name != "Union")
      return resolveName_ ? resolveName_(name) : nullptr;
    if (!accept('[')) return nullptr;
    std::vector<TypePtr> args;
    if (name == "Tuple" && accept('(')) {  // Tuple[()] is the empty tuple
      if (!accept(')') || !accept(']')) return nullptr;
      return types::tuple({});
    }
    do {
      TypePtr t = parseType(depth + 1);
      if (!t) return nullptr;
      args.push_back(std::move(t));
    } while (accept(','));
    if (!accept(']')) return nullptr;
    if (name == "List" && args.size() == 1) return types::list(args[0]);
    if (name == "Optional" && args.size() == 1) return types::optional(args[0]);
    if (name == "Dict" && args.size() == 2) return types::dict(args[0], args[1]);
    if (name == "Tuple") return types::tuple(std::move(args));
    if (name == "Union") return types::unionOf(std::move(args));
    return nullptr;
  }

  std::string_view s_;
  size_t pos_ = 0;
  const TypeNameResolver& resolveName_;
};

}  // namespace

TypePtr parseTypeTag(std::string_view annotation, const TypeNameResolver& resolveName) {
  return TypeTagParser(annotation, resolveName).parseAll();
}

}  // namespace ember::serialization
