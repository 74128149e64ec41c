// Interned names for node kinds and attribute names ("aten::add", "prim::If",
// "attr::value"), as PyTorch's c10::Symbol. A Symbol is a 32-bit id: the kinds
// listed in node_kinds.def have fixed ids (so `n->kind() == prim::If` is an
// integer compare), every other name is interned on first use.
//
// The intern table is process-wide (like the op registry) and thread-safe;
// interning happens when graphs are built or parsed, never while they run.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ember::ir {

enum class BuiltinSymbol : uint32_t {
  Empty,
#define EMBER_PRIM_KIND(Name, effects) prim_##Name,
#define EMBER_ATTR_NAME(Name) attr_##Name,
#include "ember/ir/node_kinds.def"
  NumBuiltins
};

class Symbol {
 public:
  constexpr Symbol() = default;
  constexpr Symbol(BuiltinSymbol b) : id_(static_cast<uint32_t>(b)) {}

  // "aten::add" -> the symbol; the text must be "namespace::name".
  static Symbol fromQualString(std::string_view qualified);
  static Symbol aten(std::string_view name);
  static Symbol prim(std::string_view name);
  static Symbol attr(std::string_view name);

  // "aten::add"; "" for the empty symbol.
  const std::string& toQualString() const;
  // "add"
  std::string_view toUnqualString() const;
  // "aten"
  std::string_view ns() const;
  bool isAten() const { return ns() == "aten"; }
  bool isPrim() const { return ns() == "prim"; }

  constexpr uint32_t id() const { return id_; }
  // The kind as a node_kinds.def enumerator, or NumBuiltins for interned names.
  constexpr BuiltinSymbol builtin() const {
    return id_ < static_cast<uint32_t>(BuiltinSymbol::NumBuiltins) ? static_cast<BuiltinSymbol>(id_)
                                                                   : BuiltinSymbol::NumBuiltins;
  }
  constexpr explicit operator bool() const { return id_ != 0; }
  friend constexpr bool operator==(Symbol a, Symbol b) { return a.id_ == b.id_; }
  friend constexpr auto operator<=>(Symbol a, Symbol b) { return a.id_ <=> b.id_; }

 private:
  static constexpr Symbol fromId(uint32_t id) {
    Symbol s;
    s.id_ = id;
    return s;
  }
  uint32_t id_ = 0;
};

std::ostream& operator<<(std::ostream& os, Symbol s);

namespace prim {
#define EMBER_PRIM_KIND(Name, effects) inline constexpr Symbol Name{BuiltinSymbol::prim_##Name};
#include "ember/ir/node_kinds.def"
}  // namespace prim

namespace attr {
#define EMBER_ATTR_NAME(Name) inline constexpr Symbol Name{BuiltinSymbol::attr_##Name};
#include "ember/ir/node_kinds.def"
}  // namespace attr

// Whether a node of this kind must be kept even when its outputs are unused
// (the SideEffect column of node_kinds.def). Interned kinds answer false.
bool builtinHasSideEffects(Symbol kind);

}  // namespace ember::ir

template <>
struct std::hash<ember::ir::Symbol> {
  size_t operator()(ember::ir::Symbol s) const noexcept { return std::hash<uint32_t>()(s.id()); }
};

template <>
struct fmt::formatter<ember::ir::Symbol> : fmt::formatter<std::string_view> {
  auto format(ember::ir::Symbol s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.toQualString(), ctx);
  }
};
