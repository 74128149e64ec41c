#include "ember/ir/symbol.h"

#include <deque>
#include <mutex>
#include <ostream>
#include <unordered_map>

#include "ember/support/error.h"

namespace ember::ir {

namespace {

// Strings live in a deque so references handed out stay valid as it grows.
class Interner {
 public:
  Interner() {
    add("");
#define EMBER_PRIM_KIND(Name, effects) add("prim::" #Name);
#define EMBER_ATTR_NAME(Name) add("attr::" #Name);
#include "ember/ir/node_kinds.def"
  }

  uint32_t intern(std::string_view s) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    return add(s);
  }

  const std::string& lookup(uint32_t id) {
    std::lock_guard<std::mutex> lock(mu_);
    if (id >= strings_.size()) return strings_[0];
    return strings_[id];
  }

 private:
  uint32_t add(std::string_view s) {
    auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(strings_.back(), id);
    return id;
  }

  std::mutex mu_;
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

Interner& interner() {
  static Interner table;
  return table;
}

}  // namespace

Symbol Symbol::fromQualString(std::string_view qualified) {
  size_t sep = qualified.find("::");
  EMBER_CHECK(sep != std::string_view::npos && sep > 0 && sep + 2 < qualified.size(),
              "'{}' is not a qualified name of the form namespace::name", qualified);
  return fromId(interner().intern(qualified));
}

Symbol Symbol::aten(std::string_view name) { return fromQualString("aten::" + std::string(name)); }
Symbol Symbol::prim(std::string_view name) { return fromQualString("prim::" + std::string(name)); }
Symbol Symbol::attr(std::string_view name) { return fromQualString("attr::" + std::string(name)); }

const std::string& Symbol::toQualString() const { return interner().lookup(id_); }

std::string_view Symbol::toUnqualString() const {
  std::string_view s = toQualString();
  size_t sep = s.find("::");
  return sep == std::string_view::npos ? s : s.substr(sep + 2);
}

std::string_view Symbol::ns() const {
  std::string_view s = toQualString();
  size_t sep = s.find("::");
  return sep == std::string_view::npos ? std::string_view() : s.substr(0, sep);
}

std::ostream& operator<<(std::ostream& os, Symbol s) { return os << s.toQualString(); }

bool builtinHasSideEffects(Symbol kind) {
  constexpr bool Pure = false;
  constexpr bool SideEffect = true;
  static constexpr bool table[] = {
      false,  // Empty
#define EMBER_PRIM_KIND(Name, effects) effects,
#define EMBER_ATTR_NAME(Name) false,
#include "ember/ir/node_kinds.def"
  };
  static_assert(sizeof(table) / sizeof(table[0]) == static_cast<size_t>(BuiltinSymbol::NumBuiltins));
  (void)Pure;
  (void)SideEffect;
  if (kind.builtin() == BuiltinSymbol::NumBuiltins) return false;
  return table[kind.id()];
}

}  // namespace ember::ir
