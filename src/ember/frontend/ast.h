// The TorchScript (Python) syntax tree. Every node keeps the SourceRange it
// was parsed from. Nodes are plain structs owned by unique_ptr; the kind tag
// (node_kinds.def) drives isa/cast and the printer. Docstrings are taken out
// of bodies into `docstring`; everything else is kept as written, including
// constructs TorchScript rejects (lambda, yield, try, *args), so the compiler
// can name them in a diagnostic.
//
// print() writes an S-expression, one statement per line:
//   (def f (params (param x :type int)) :returns int
//     (return (+ x 1)))
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ember/support/source.h"

namespace ember::frontend {

enum class NodeKind : uint8_t {
#define EXPR(name) name,
#define STMT(name) name,
#include "ember/frontend/node_kinds.def"
};

std::string_view nodeKindName(NodeKind kind);

class Node {
 public:
  virtual ~Node() = default;
  NodeKind kind() const { return kind_; }
  const SourceRange& range() const { return range_; }
  void setRange(SourceRange r) { range_ = std::move(r); }
  bool isExpr() const;

  void print(std::ostream& os) const;
  std::string str() const;
  void dump() const;

 protected:
  Node(NodeKind kind, SourceRange range) : kind_(kind), range_(std::move(range)) {}

 private:
  NodeKind kind_;
  SourceRange range_;
};

struct Expr : Node {
  // Longest path to a leaf (1 for a leaf); the parser bounds it so later
  // recursive passes cannot overflow the stack on hostile input.
  uint32_t height = 1;

 protected:
  using Node::Node;
};

struct Stmt : Node {
 protected:
  using Node::Node;
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

template <class T>
bool isa(const Node& n) {
  return n.kind() == T::Kind;
}
template <class T>
bool isa(const Node* n) {
  return n && n->kind() == T::Kind;
}
template <class T>
T* dyn_cast(Node* n) {
  return isa<T>(n) ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* dyn_cast(const Node* n) {
  return isa<T>(n) ? static_cast<const T*>(n) : nullptr;
}

enum class BinOpKind : uint8_t { Add, Sub, Mult, MatMult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd };
enum class UnaryOpKind : uint8_t { UAdd, USub, Invert, Not };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolOpKind : uint8_t { And, Or };

std::string_view spelling(BinOpKind op);    // "+", "//", "@"
std::string_view spelling(UnaryOpKind op);  // "+", "-", "~", "not"
std::string_view spelling(CmpOpKind op);    // "<", "is not", "not in"
std::string_view spelling(BoolOpKind op);   // "and", "or"

#define EMBER_NODE(name, base) \
  static constexpr NodeKind Kind = NodeKind::name; \
  explicit name(SourceRange r) : base(Kind, std::move(r)) {}

/*
** {======================================================
** Expressions
** =======================================================
*/

struct Name final : Expr {
  EMBER_NODE(Name, Expr)
  std::string id;
};

struct IntLit final : Expr {
  EMBER_NODE(IntLit, Expr)
  int64_t value = 0;
};

struct FloatLit final : Expr {
  EMBER_NODE(FloatLit, Expr)
  double value = 0;
};

// One string, after escapes and adjacent-literal concatenation ("a" "b").
struct StrLit final : Expr {
  EMBER_NODE(StrLit, Expr)
  std::string value;
};

struct BoolLit final : Expr {
  EMBER_NODE(BoolLit, Expr)
  bool value = false;
};

struct NoneLit final : Expr {
  EMBER_NODE(NoneLit, Expr)
};

struct EllipsisLit final : Expr {
  EMBER_NODE(EllipsisLit, Expr)
};

// f"a{x!r:>{w}}b": parts are StrLit and FormattedValue, in order.
struct FString final : Expr {
  EMBER_NODE(FString, Expr)
  ExprList parts;
};

struct FormattedValue final : Expr {
  EMBER_NODE(FormattedValue, Expr)
  ExprPtr value;
  char conversion = 0;  // 'r', 's', 'a' or 0
  ExprPtr formatSpec;   // an FString, or null
};

struct Attribute final : Expr {
  EMBER_NODE(Attribute, Expr)
  ExprPtr value;
  std::string attr;
  SourceRange attrRange;
};

// value[index]; a multi-dimensional subscript has a Tuple index (of Slices).
struct Subscript final : Expr {
  EMBER_NODE(Subscript, Expr)
  ExprPtr value;
  ExprPtr index;
};

struct Slice final : Expr {
  EMBER_NODE(Slice, Expr)
  ExprPtr lower, upper, step;  // each may be null
};

struct Keyword {
  std::string name;  // empty for **value
  SourceRange nameRange;
  ExprPtr value;
  SourceRange range;
};

struct Call final : Expr {
  EMBER_NODE(Call, Expr)
  ExprPtr func;
  ExprList args;  // may hold Starred
  std::vector<Keyword> keywords;
};

struct Starred final : Expr {
  EMBER_NODE(Starred, Expr)
  ExprPtr value;
};

struct Tuple final : Expr {
  EMBER_NODE(Tuple, Expr)
  ExprList elts;
  bool parenthesized = false;
};

struct List final : Expr {
  EMBER_NODE(List, Expr)
  ExprList elts;
};

struct Set final : Expr {
  EMBER_NODE(Set, Expr)
  ExprList elts;
};

struct Dict final : Expr {
  EMBER_NODE(Dict, Expr)
  ExprList keys;  // a null key means `**values[i]`
  ExprList values;
};

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  bool isAsync = false;
  SourceRange range;
};

struct ListComp final : Expr {
  EMBER_NODE(ListComp, Expr)
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct SetComp final : Expr {
  EMBER_NODE(SetComp, Expr)
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct DictComp final : Expr {
  EMBER_NODE(DictComp, Expr)
  ExprPtr key, value;
  std::vector<Comprehension> generators;
};

struct GeneratorExp final : Expr {
  EMBER_NODE(GeneratorExp, Expr)
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct IfExp final : Expr {
  EMBER_NODE(IfExp, Expr)
  ExprPtr test, body, orelse;
};

struct Param {
  std::string name;
  SourceRange nameRange;
  ExprPtr annotation;    // may be null
  ExprPtr defaultValue;  // may be null
  SourceRange range;
};

// def f(a, /, b, c=1, *args, d, e=2, **kwargs)
struct Parameters {
  std::vector<Param> params;  // positional (and positional-only) parameters
  size_t posOnlyCount = 0;    // how many of `params` came before a `/`
  std::optional<Param> varArgs;
  std::vector<Param> kwOnly;
  std::optional<Param> kwArgs;
  bool bareStar = false;  // `*` without a name
  SourceRange range;
};

struct Lambda final : Expr {
  EMBER_NODE(Lambda, Expr)
  Parameters params;
  ExprPtr body;
};

// a < b <= c: left, then ops[i] applied with comparators[i].
struct Compare final : Expr {
  EMBER_NODE(Compare, Expr)
  ExprPtr left;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};

// a and b and c is one BoolOp with three values, as in Python's ast.
struct BoolOp final : Expr {
  EMBER_NODE(BoolOp, Expr)
  BoolOpKind op = BoolOpKind::And;
  ExprList values;
};

struct BinOp final : Expr {
  EMBER_NODE(BinOp, Expr)
  BinOpKind op = BinOpKind::Add;
  ExprPtr left, right;
};

struct UnaryOp final : Expr {
  EMBER_NODE(UnaryOp, Expr)
  UnaryOpKind op = UnaryOpKind::USub;
  ExprPtr operand;
};

struct NamedExpr final : Expr {
  EMBER_NODE(NamedExpr, Expr)
  ExprPtr target;  // a Name
  ExprPtr value;
};

struct Yield final : Expr {
  EMBER_NODE(Yield, Expr)
  ExprPtr value;  // may be null
};

struct YieldFrom final : Expr {
  EMBER_NODE(YieldFrom, Expr)
  ExprPtr value;
};

struct Await final : Expr {
  EMBER_NODE(Await, Expr)
  ExprPtr value;
};

/* }====================================================== */

/*
** {======================================================
** Statements
** =======================================================
*/

// A `# type:` comment, parsed as expressions whose ranges point into the
// comment: `# type: (int, float) -> int` under a def fills argTypes and
// returnType; `x = []  # type: List[int]` after an assignment fills annotation.
struct TypeComment {
  SourceRange range;  // the whole comment
  ExprList argTypes;
  ExprPtr returnType;
  ExprPtr annotation;
};

struct FunctionDef final : Stmt {
  EMBER_NODE(FunctionDef, Stmt)
  std::string name;
  SourceRange nameRange;
  Parameters params;
  ExprPtr returns;  // may be null
  ExprList decorators;
  std::optional<TypeComment> typeComment;
  std::unique_ptr<StrLit> docstring;
  StmtList body;
  bool isAsync = false;
};

struct ClassDef final : Stmt {
  EMBER_NODE(ClassDef, Stmt)
  std::string name;
  SourceRange nameRange;
  ExprList bases;
  std::vector<Keyword> keywords;
  ExprList decorators;
  std::unique_ptr<StrLit> docstring;
  StmtList body;
};

// elif chains are nested Ifs in orelse, as in Python's ast.
struct If final : Stmt {
  EMBER_NODE(If, Stmt)
  ExprPtr test;
  StmtList body, orelse;
};

struct While final : Stmt {
  EMBER_NODE(While, Stmt)
  ExprPtr test;
  StmtList body, orelse;
};

struct For final : Stmt {
  EMBER_NODE(For, Stmt)
  ExprPtr target, iter;
  StmtList body, orelse;
  bool isAsync = false;
};

struct Break final : Stmt {
  EMBER_NODE(Break, Stmt)
};

struct Continue final : Stmt {
  EMBER_NODE(Continue, Stmt)
};

struct Pass final : Stmt {
  EMBER_NODE(Pass, Stmt)
};

struct Return final : Stmt {
  EMBER_NODE(Return, Stmt)
  ExprPtr value;  // may be null
};

struct Raise final : Stmt {
  EMBER_NODE(Raise, Stmt)
  ExprPtr exc, cause;  // either may be null
};

struct Assert final : Stmt {
  EMBER_NODE(Assert, Stmt)
  ExprPtr test, msg;
};

struct Delete final : Stmt {
  EMBER_NODE(Delete, Stmt)
  ExprList targets;
};

struct WithItem {
  ExprPtr context;
  ExprPtr target;  // may be null
  SourceRange range;
};

struct With final : Stmt {
  EMBER_NODE(With, Stmt)
  std::vector<WithItem> items;
  StmtList body;
  bool isAsync = false;
};

struct ExceptHandler {
  ExprPtr type;  // may be null (bare except)
  std::string name;  // `as name`, may be empty
  SourceRange nameRange;
  StmtList body;
  SourceRange range;
};

struct Try final : Stmt {
  EMBER_NODE(Try, Stmt)
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse, finalbody;
};

// a = b = value: targets {a, b}.
struct Assign final : Stmt {
  EMBER_NODE(Assign, Stmt)
  ExprList targets;
  ExprPtr value;
  std::optional<TypeComment> typeComment;
};

struct AugAssign final : Stmt {
  EMBER_NODE(AugAssign, Stmt)
  ExprPtr target;
  BinOpKind op = BinOpKind::Add;
  ExprPtr value;
};

struct AnnAssign final : Stmt {
  EMBER_NODE(AnnAssign, Stmt)
  ExprPtr target, annotation, value;  // value may be null
  bool simple = true;  // a bare name, not (x) or x.y
};

struct ExprStmt final : Stmt {
  EMBER_NODE(ExprStmt, Stmt)
  ExprPtr value;
};

struct Alias {
  std::string name;    // dotted: "torch.nn.functional"; "*" for `from m import *`
  std::string asName;  // may be empty
  SourceRange range;
};

struct Import final : Stmt {
  EMBER_NODE(Import, Stmt)
  std::vector<Alias> names;
};

struct ImportFrom final : Stmt {
  EMBER_NODE(ImportFrom, Stmt)
  std::string module;  // may be empty for `from . import x`
  SourceRange moduleRange;
  std::vector<Alias> names;
  int level = 0;  // leading dots
};

struct Global final : Stmt {
  EMBER_NODE(Global, Stmt)
  std::vector<std::string> names;
};

struct Nonlocal final : Stmt {
  EMBER_NODE(Nonlocal, Stmt)
  std::vector<std::string> names;
};

#undef EMBER_NODE

struct Module {
  SourceFilePtr file;
  std::unique_ptr<StrLit> docstring;
  StmtList body;

  void print(std::ostream& os) const;
  std::string str() const;
  void dump() const;
};

/* }====================================================== */

// Calls fn on each direct child node (expressions and statements, in source
// order; Keyword/Comprehension/Param/... contents included).
void forEachChild(const Node& node, const std::function<void(const Node&)>& fn);

std::ostream& operator<<(std::ostream& os, const Node& n);
std::ostream& operator<<(std::ostream& os, const Module& m);

}  // namespace ember::frontend
