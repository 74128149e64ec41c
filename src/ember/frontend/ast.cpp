#include "ember/frontend/ast.h"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

namespace ember::frontend {

std::string_view nodeKindName(NodeKind kind) {
  switch (kind) {
#define EXPR(name) \
  case NodeKind::name: return #name;
#define STMT(name) \
  case NodeKind::name: return #name;
#include "ember/frontend/node_kinds.def"
  }
  return "?";
}

bool Node::isExpr() const {
  switch (kind_) {
#define EXPR(name) case NodeKind::name:
#include "ember/frontend/node_kinds.def"
    return true;
    default: return false;
  }
}

std::string_view spelling(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::MatMult: return "@";
    case BinOpKind::Div: return "/";
    case BinOpKind::FloorDiv: return "//";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::BitAnd: return "&";
  }
  return "?";
}

std::string_view spelling(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::UAdd: return "+";
    case UnaryOpKind::USub: return "-";
    case UnaryOpKind::Invert: return "~";
    case UnaryOpKind::Not: return "not";
  }
  return "?";
}

std::string_view spelling(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return "==";
    case CmpOpKind::NotEq: return "!=";
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    case CmpOpKind::Is: return "is";
    case CmpOpKind::IsNot: return "is not";
    case CmpOpKind::In: return "in";
    case CmpOpKind::NotIn: return "not in";
  }
  return "?";
}

std::string_view spelling(BoolOpKind op) { return op == BoolOpKind::And ? "and" : "or"; }

/*
** {======================================================
** Children
** =======================================================
*/

namespace {

using Visit = const std::function<void(const Node&)>&;

void visit(const ExprPtr& e, Visit fn) {
  if (e) fn(*e);
}
void visitAll(const ExprList& list, Visit fn) {
  for (const ExprPtr& e : list) visit(e, fn);
}
void visitAll(const StmtList& list, Visit fn) {
  for (const StmtPtr& s : list)
    if (s) fn(*s);
}
void visitParam(const Param& p, Visit fn) {
  visit(p.annotation, fn);
  visit(p.defaultValue, fn);
}
void visitParams(const Parameters& ps, Visit fn) {
  for (const Param& p : ps.params) visitParam(p, fn);
  if (ps.varArgs) visitParam(*ps.varArgs, fn);
  for (const Param& p : ps.kwOnly) visitParam(p, fn);
  if (ps.kwArgs) visitParam(*ps.kwArgs, fn);
}
void visitGenerators(const std::vector<Comprehension>& gens, Visit fn) {
  for (const Comprehension& g : gens) {
    visit(g.target, fn);
    visit(g.iter, fn);
    visitAll(g.ifs, fn);
  }
}
void visitKeywords(const std::vector<Keyword>& kws, Visit fn) {
  for (const Keyword& k : kws) visit(k.value, fn);
}
void visitTypeComment(const std::optional<TypeComment>& tc, Visit fn) {
  if (!tc) return;
  visitAll(tc->argTypes, fn);
  visit(tc->returnType, fn);
  visit(tc->annotation, fn);
}

}  // namespace

void forEachChild(const Node& node, const std::function<void(const Node&)>& fn) {
  switch (node.kind()) {
    case NodeKind::Name:
    case NodeKind::IntLit:
    case NodeKind::FloatLit:
    case NodeKind::StrLit:
    case NodeKind::BoolLit:
    case NodeKind::NoneLit:
    case NodeKind::EllipsisLit:
    case NodeKind::Break:
    case NodeKind::Continue:
    case NodeKind::Pass:
    case NodeKind::Import:
    case NodeKind::ImportFrom:
    case NodeKind::Global:
    case NodeKind::Nonlocal: return;
    case NodeKind::FString: return visitAll(static_cast<const FString&>(node).parts, fn);
    case NodeKind::FormattedValue: {
      auto& n = static_cast<const FormattedValue&>(node);
      visit(n.value, fn);
      return visit(n.formatSpec, fn);
    }
    case NodeKind::Attribute: return visit(static_cast<const Attribute&>(node).value, fn);
    case NodeKind::Subscript: {
      auto& n = static_cast<const Subscript&>(node);
      visit(n.value, fn);
      return visit(n.index, fn);
    }
    case NodeKind::Slice: {
      auto& n = static_cast<const Slice&>(node);
      visit(n.lower, fn);
      visit(n.upper, fn);
      return visit(n.step, fn);
    }
    case NodeKind::Call: {
      auto& n = static_cast<const Call&>(node);
      visit(n.func, fn);
      visitAll(n.args, fn);
      return visitKeywords(n.keywords, fn);
    }
    case NodeKind::Starred: return visit(static_cast<const Starred&>(node).value, fn);
    case NodeKind::Tuple: return visitAll(static_cast<const Tuple&>(node).elts, fn);
    case NodeKind::List: return visitAll(static_cast<const List&>(node).elts, fn);
    case NodeKind::Set: return visitAll(static_cast<const Set&>(node).elts, fn);
    case NodeKind::Dict: {
      auto& n = static_cast<const Dict&>(node);
      for (size_t i = 0; i < n.values.size(); ++i) {
        if (i < n.keys.size()) visit(n.keys[i], fn);
        visit(n.values[i], fn);
      }
      return;
    }
    case NodeKind::ListComp: {
      auto& n = static_cast<const ListComp&>(node);
      visit(n.elt, fn);
      return visitGenerators(n.generators, fn);
    }
    case NodeKind::SetComp: {
      auto& n = static_cast<const SetComp&>(node);
      visit(n.elt, fn);
      return visitGenerators(n.generators, fn);
    }
    case NodeKind::DictComp: {
      auto& n = static_cast<const DictComp&>(node);
      visit(n.key, fn);
      visit(n.value, fn);
      return visitGenerators(n.generators, fn);
    }
    case NodeKind::GeneratorExp: {
      auto& n = static_cast<const GeneratorExp&>(node);
      visit(n.elt, fn);
      return visitGenerators(n.generators, fn);
    }
    case NodeKind::IfExp: {
      auto& n = static_cast<const IfExp&>(node);
      visit(n.test, fn);
      visit(n.body, fn);
      return visit(n.orelse, fn);
    }
    case NodeKind::Lambda: {
      auto& n = static_cast<const Lambda&>(node);
      visitParams(n.params, fn);
      return visit(n.body, fn);
    }
    case NodeKind::Compare: {
      auto& n = static_cast<const Compare&>(node);
      visit(n.left, fn);
      return visitAll(n.comparators, fn);
    }
    case NodeKind::BoolOp: return visitAll(static_cast<const BoolOp&>(node).values, fn);
    case NodeKind::BinOp: {
      auto& n = static_cast<const BinOp&>(node);
      visit(n.left, fn);
      return visit(n.right, fn);
    }
    case NodeKind::UnaryOp: return visit(static_cast<const UnaryOp&>(node).operand, fn);
    case NodeKind::NamedExpr: {
      auto& n = static_cast<const NamedExpr&>(node);
      visit(n.target, fn);
      return visit(n.value, fn);
    }
    case NodeKind::Yield: return visit(static_cast<const Yield&>(node).value, fn);
    case NodeKind::YieldFrom: return visit(static_cast<const YieldFrom&>(node).value, fn);
    case NodeKind::Await: return visit(static_cast<const Await&>(node).value, fn);
    case NodeKind::FunctionDef: {
      auto& n = static_cast<const FunctionDef&>(node);
      visitAll(n.decorators, fn);
      visitParams(n.params, fn);
      visit(n.returns, fn);
      visitTypeComment(n.typeComment, fn);
      if (n.docstring) fn(*n.docstring);
      return visitAll(n.body, fn);
    }
    case NodeKind::ClassDef: {
      auto& n = static_cast<const ClassDef&>(node);
      visitAll(n.decorators, fn);
      visitAll(n.bases, fn);
      visitKeywords(n.keywords, fn);
      if (n.docstring) fn(*n.docstring);
      return visitAll(n.body, fn);
    }
    case NodeKind::If: {
      auto& n = static_cast<const If&>(node);
      visit(n.test, fn);
      visitAll(n.body, fn);
      return visitAll(n.orelse, fn);
    }
    case NodeKind::While: {
      auto& n = static_cast<const While&>(node);
      visit(n.test, fn);
      visitAll(n.body, fn);
      return visitAll(n.orelse, fn);
    }
    case NodeKind::For: {
      auto& n = static_cast<const For&>(node);
      visit(n.target, fn);
      visit(n.iter, fn);
      visitAll(n.body, fn);
      return visitAll(n.orelse, fn);
    }
    case NodeKind::Return: return visit(static_cast<const Return&>(node).value, fn);
    case NodeKind::Raise: {
      auto& n = static_cast<const Raise&>(node);
      visit(n.exc, fn);
      return visit(n.cause, fn);
    }
    case NodeKind::Assert: {
      auto& n = static_cast<const Assert&>(node);
      visit(n.test, fn);
      return visit(n.msg, fn);
    }
    case NodeKind::Delete: return visitAll(static_cast<const Delete&>(node).targets, fn);
    case NodeKind::With: {
      auto& n = static_cast<const With&>(node);
      for (const WithItem& item : n.items) {
        visit(item.context, fn);
        visit(item.target, fn);
      }
      return visitAll(n.body, fn);
    }
    case NodeKind::Try: {
      auto& n = static_cast<const Try&>(node);
      visitAll(n.body, fn);
      for (const ExceptHandler& h : n.handlers) {
        visit(h.type, fn);
        visitAll(h.body, fn);
      }
      visitAll(n.orelse, fn);
      return visitAll(n.finalbody, fn);
    }
    case NodeKind::Assign: {
      auto& n = static_cast<const Assign&>(node);
      visitAll(n.targets, fn);
      visit(n.value, fn);
      return visitTypeComment(n.typeComment, fn);
    }
    case NodeKind::AugAssign: {
      auto& n = static_cast<const AugAssign&>(node);
      visit(n.target, fn);
      return visit(n.value, fn);
    }
    case NodeKind::AnnAssign: {
      auto& n = static_cast<const AnnAssign&>(node);
      visit(n.target, fn);
      visit(n.annotation, fn);
      return visit(n.value, fn);
    }
    case NodeKind::ExprStmt: return visit(static_cast<const ExprStmt&>(node).value, fn);
  }
}

/* }====================================================== */

/*
** {======================================================
** Printer
** =======================================================
*/

namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
        else out.push_back(ch);
    }
  }
  out += '"';
  return out;
}

std::string floatRepr(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

class Printer {
 public:
  explicit Printer(std::ostream& os) : os_(os) {}

  void expr(const Expr* e);
  void stmt(const Stmt& s, int indent);
  void body(const StmtList& list, int indent) {
    for (const StmtPtr& s : list) {
      os_ << '\n';
      stmt(*s, indent);
    }
  }
  void module(const Module& m) {
    os_ << "(module";
    if (m.docstring) os_ << " :doc " << quote(m.docstring->value);
    body(m.body, 2);
    os_ << ")";
  }

 private:
  void exprs(const ExprList& list) {
    for (const ExprPtr& e : list) {
      os_ << ' ';
      expr(e.get());
    }
  }
  void keywords(const std::vector<Keyword>& kws) {
    for (const Keyword& k : kws) {
      if (k.name.empty()) {
        os_ << " (** ";
      } else {
        os_ << " (kw " << k.name << ' ';
      }
      expr(k.value.get());
      os_ << ')';
    }
  }
  void generators(const std::vector<Comprehension>& gens) {
    for (const Comprehension& g : gens) {
      os_ << (g.isAsync ? " (async-for " : " (for ");
      expr(g.target.get());
      os_ << ' ';
      expr(g.iter.get());
      for (const ExprPtr& c : g.ifs) {
        os_ << " (if ";
        expr(c.get());
        os_ << ')';
      }
      os_ << ')';
    }
  }
  void param(const Param& p, std::string_view head) {
    os_ << " (" << head << ' ' << p.name;
    if (p.annotation) {
      os_ << " :type ";
      expr(p.annotation.get());
    }
    if (p.defaultValue) {
      os_ << " :default ";
      expr(p.defaultValue.get());
    }
    os_ << ')';
  }
  void params(const Parameters& ps) {
    os_ << "(params";
    for (size_t i = 0; i < ps.params.size(); ++i) {
      param(ps.params[i], "param");
      if (ps.posOnlyCount > 0 && i + 1 == ps.posOnlyCount) os_ << " /";
    }
    if (ps.varArgs) param(*ps.varArgs, "*param");
    else if (ps.bareStar) os_ << " *";
    for (const Param& p : ps.kwOnly) param(p, "param");
    if (ps.kwArgs) param(*ps.kwArgs, "**param");
    os_ << ')';
  }
  void typeComment(const std::optional<TypeComment>& tc) {
    if (!tc) return;
    os_ << " :type-comment (";
    if (tc->annotation) {
      expr(tc->annotation.get());
    } else {
      os_ << '(';
      for (size_t i = 0; i < tc->argTypes.size(); ++i) {
        if (i) os_ << ' ';
        expr(tc->argTypes[i].get());
      }
      os_ << ") -> ";
      expr(tc->returnType.get());
    }
    os_ << ')';
  }
  void decorators(const ExprList& decos) {
    if (decos.empty()) return;
    os_ << " :decorators (";
    for (size_t i = 0; i < decos.size(); ++i) {
      if (i) os_ << ' ';
      expr(decos[i].get());
    }
    os_ << ')';
  }
  void elseBlock(std::string_view head, const StmtList& list, int indent) {
    if (list.empty()) return;
    os_ << '\n' << std::string(static_cast<size_t>(indent), ' ') << '(' << head;
    body(list, indent + 2);
    os_ << ')';
  }

  std::ostream& os_;
};

void Printer::expr(const Expr* e) {
  if (!e) {
    os_ << '_';
    return;
  }
  switch (e->kind()) {
    case NodeKind::Name: os_ << static_cast<const Name*>(e)->id; return;
    case NodeKind::IntLit: os_ << static_cast<const IntLit*>(e)->value; return;
    case NodeKind::FloatLit: os_ << floatRepr(static_cast<const FloatLit*>(e)->value); return;
    case NodeKind::StrLit: os_ << quote(static_cast<const StrLit*>(e)->value); return;
    case NodeKind::BoolLit: os_ << (static_cast<const BoolLit*>(e)->value ? "True" : "False"); return;
    case NodeKind::NoneLit: os_ << "None"; return;
    case NodeKind::EllipsisLit: os_ << "..."; return;
    case NodeKind::FString:
      os_ << "(fstring";
      exprs(static_cast<const FString*>(e)->parts);
      os_ << ')';
      return;
    case NodeKind::FormattedValue: {
      auto n = static_cast<const FormattedValue*>(e);
      os_ << "(fvalue ";
      expr(n->value.get());
      if (n->conversion) os_ << " !" << n->conversion;
      if (n->formatSpec) {
        os_ << " :spec ";
        expr(n->formatSpec.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::Attribute: {
      auto n = static_cast<const Attribute*>(e);
      os_ << "(. ";
      expr(n->value.get());
      os_ << ' ' << n->attr << ')';
      return;
    }
    case NodeKind::Subscript: {
      auto n = static_cast<const Subscript*>(e);
      os_ << "(subscript ";
      expr(n->value.get());
      os_ << ' ';
      expr(n->index.get());
      os_ << ')';
      return;
    }
    case NodeKind::Slice: {
      auto n = static_cast<const Slice*>(e);
      os_ << "(slice ";
      expr(n->lower.get());
      os_ << ' ';
      expr(n->upper.get());
      os_ << ' ';
      expr(n->step.get());
      os_ << ')';
      return;
    }
    case NodeKind::Call: {
      auto n = static_cast<const Call*>(e);
      os_ << "(call ";
      expr(n->func.get());
      exprs(n->args);
      keywords(n->keywords);
      os_ << ')';
      return;
    }
    case NodeKind::Starred:
      os_ << "(* ";
      expr(static_cast<const Starred*>(e)->value.get());
      os_ << ')';
      return;
    case NodeKind::Tuple:
      os_ << "(tuple";
      exprs(static_cast<const Tuple*>(e)->elts);
      os_ << ')';
      return;
    case NodeKind::List:
      os_ << "(list";
      exprs(static_cast<const List*>(e)->elts);
      os_ << ')';
      return;
    case NodeKind::Set:
      os_ << "(set";
      exprs(static_cast<const Set*>(e)->elts);
      os_ << ')';
      return;
    case NodeKind::Dict: {
      auto n = static_cast<const Dict*>(e);
      os_ << "(dict";
      for (size_t i = 0; i < n->values.size(); ++i) {
        const Expr* key = i < n->keys.size() ? n->keys[i].get() : nullptr;
        if (!key) {
          os_ << " (** ";
        } else {
          os_ << " (";
          expr(key);
          os_ << ' ';
        }
        expr(n->values[i].get());
        os_ << ')';
      }
      os_ << ')';
      return;
    }
    case NodeKind::ListComp: {
      auto n = static_cast<const ListComp*>(e);
      os_ << "(listcomp ";
      expr(n->elt.get());
      generators(n->generators);
      os_ << ')';
      return;
    }
    case NodeKind::SetComp: {
      auto n = static_cast<const SetComp*>(e);
      os_ << "(setcomp ";
      expr(n->elt.get());
      generators(n->generators);
      os_ << ')';
      return;
    }
    case NodeKind::DictComp: {
      auto n = static_cast<const DictComp*>(e);
      os_ << "(dictcomp ";
      expr(n->key.get());
      os_ << ' ';
      expr(n->value.get());
      generators(n->generators);
      os_ << ')';
      return;
    }
    case NodeKind::GeneratorExp: {
      auto n = static_cast<const GeneratorExp*>(e);
      os_ << "(genexp ";
      expr(n->elt.get());
      generators(n->generators);
      os_ << ')';
      return;
    }
    case NodeKind::IfExp: {
      auto n = static_cast<const IfExp*>(e);
      os_ << "(ifexp ";
      expr(n->test.get());
      os_ << ' ';
      expr(n->body.get());
      os_ << ' ';
      expr(n->orelse.get());
      os_ << ')';
      return;
    }
    case NodeKind::Lambda: {
      auto n = static_cast<const Lambda*>(e);
      os_ << "(lambda ";
      params(n->params);
      os_ << ' ';
      expr(n->body.get());
      os_ << ')';
      return;
    }
    case NodeKind::Compare: {
      auto n = static_cast<const Compare*>(e);
      os_ << "(compare ";
      expr(n->left.get());
      for (size_t i = 0; i < n->ops.size() && i < n->comparators.size(); ++i) {
        os_ << ' ' << spelling(n->ops[i]) << ' ';
        expr(n->comparators[i].get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::BoolOp: {
      auto n = static_cast<const BoolOp*>(e);
      os_ << '(' << spelling(n->op);
      exprs(n->values);
      os_ << ')';
      return;
    }
    case NodeKind::BinOp: {
      auto n = static_cast<const BinOp*>(e);
      os_ << '(' << spelling(n->op) << ' ';
      expr(n->left.get());
      os_ << ' ';
      expr(n->right.get());
      os_ << ')';
      return;
    }
    case NodeKind::UnaryOp: {
      auto n = static_cast<const UnaryOp*>(e);
      os_ << '(' << spelling(n->op) << ' ';
      expr(n->operand.get());
      os_ << ')';
      return;
    }
    case NodeKind::NamedExpr: {
      auto n = static_cast<const NamedExpr*>(e);
      os_ << "(:= ";
      expr(n->target.get());
      os_ << ' ';
      expr(n->value.get());
      os_ << ')';
      return;
    }
    case NodeKind::Yield: {
      auto n = static_cast<const Yield*>(e);
      os_ << "(yield";
      if (n->value) {
        os_ << ' ';
        expr(n->value.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::YieldFrom:
      os_ << "(yield-from ";
      expr(static_cast<const YieldFrom*>(e)->value.get());
      os_ << ')';
      return;
    case NodeKind::Await:
      os_ << "(await ";
      expr(static_cast<const Await*>(e)->value.get());
      os_ << ')';
      return;
    default: os_ << "(?" << nodeKindName(e->kind()) << ")"; return;
  }
}

void Printer::stmt(const Stmt& s, int indent) {
  os_ << std::string(static_cast<size_t>(indent), ' ');
  switch (s.kind()) {
    case NodeKind::FunctionDef: {
      auto& n = static_cast<const FunctionDef&>(s);
      os_ << (n.isAsync ? "(async-def " : "(def ") << n.name << ' ';
      params(n.params);
      if (n.returns) {
        os_ << " :returns ";
        expr(n.returns.get());
      }
      decorators(n.decorators);
      typeComment(n.typeComment);
      if (n.docstring) os_ << " :doc " << quote(n.docstring->value);
      body(n.body, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::ClassDef: {
      auto& n = static_cast<const ClassDef&>(s);
      os_ << "(class " << n.name;
      if (!n.bases.empty() || !n.keywords.empty()) {
        os_ << " :bases (";
        for (size_t i = 0; i < n.bases.size(); ++i) {
          if (i) os_ << ' ';
          expr(n.bases[i].get());
        }
        keywords(n.keywords);
        os_ << ')';
      }
      decorators(n.decorators);
      if (n.docstring) os_ << " :doc " << quote(n.docstring->value);
      body(n.body, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::If: {
      auto& n = static_cast<const If&>(s);
      os_ << "(if ";
      expr(n.test.get());
      body(n.body, indent + 2);
      elseBlock("else", n.orelse, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::While: {
      auto& n = static_cast<const While&>(s);
      os_ << "(while ";
      expr(n.test.get());
      body(n.body, indent + 2);
      elseBlock("else", n.orelse, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::For: {
      auto& n = static_cast<const For&>(s);
      os_ << (n.isAsync ? "(async-for " : "(for ");
      expr(n.target.get());
      os_ << ' ';
      expr(n.iter.get());
      body(n.body, indent + 2);
      elseBlock("else", n.orelse, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::Break: os_ << "(break)"; return;
    case NodeKind::Continue: os_ << "(continue)"; return;
    case NodeKind::Pass: os_ << "(pass)"; return;
    case NodeKind::Return: {
      auto& n = static_cast<const Return&>(s);
      os_ << "(return";
      if (n.value) {
        os_ << ' ';
        expr(n.value.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::Raise: {
      auto& n = static_cast<const Raise&>(s);
      os_ << "(raise";
      if (n.exc) {
        os_ << ' ';
        expr(n.exc.get());
      }
      if (n.cause) {
        os_ << " :from ";
        expr(n.cause.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::Assert: {
      auto& n = static_cast<const Assert&>(s);
      os_ << "(assert ";
      expr(n.test.get());
      if (n.msg) {
        os_ << ' ';
        expr(n.msg.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::Delete:
      os_ << "(del";
      exprs(static_cast<const Delete&>(s).targets);
      os_ << ')';
      return;
    case NodeKind::With: {
      auto& n = static_cast<const With&>(s);
      os_ << (n.isAsync ? "(async-with" : "(with");
      for (const WithItem& item : n.items) {
        os_ << " (item ";
        expr(item.context.get());
        if (item.target) {
          os_ << " :as ";
          expr(item.target.get());
        }
        os_ << ')';
      }
      body(n.body, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::Try: {
      auto& n = static_cast<const Try&>(s);
      os_ << "(try";
      body(n.body, indent + 2);
      for (const ExceptHandler& h : n.handlers) {
        os_ << '\n' << std::string(static_cast<size_t>(indent + 2), ' ') << "(except";
        if (h.type) {
          os_ << ' ';
          expr(h.type.get());
        }
        if (!h.name.empty()) os_ << " :as " << h.name;
        body(h.body, indent + 4);
        os_ << ')';
      }
      elseBlock("else", n.orelse, indent + 2);
      elseBlock("finally", n.finalbody, indent + 2);
      os_ << ')';
      return;
    }
    case NodeKind::Assign: {
      auto& n = static_cast<const Assign&>(s);
      os_ << "(=";
      exprs(n.targets);
      os_ << ' ';
      expr(n.value.get());
      typeComment(n.typeComment);
      os_ << ')';
      return;
    }
    case NodeKind::AugAssign: {
      auto& n = static_cast<const AugAssign&>(s);
      os_ << '(' << spelling(n.op) << "= ";
      expr(n.target.get());
      os_ << ' ';
      expr(n.value.get());
      os_ << ')';
      return;
    }
    case NodeKind::AnnAssign: {
      auto& n = static_cast<const AnnAssign&>(s);
      os_ << "(ann ";
      expr(n.target.get());
      os_ << ' ';
      expr(n.annotation.get());
      if (n.value) {
        os_ << ' ';
        expr(n.value.get());
      }
      os_ << ')';
      return;
    }
    case NodeKind::ExprStmt:
      os_ << "(expr ";
      expr(static_cast<const ExprStmt&>(s).value.get());
      os_ << ')';
      return;
    case NodeKind::Import: {
      os_ << "(import";
      for (const Alias& a : static_cast<const Import&>(s).names) {
        if (a.asName.empty()) os_ << ' ' << a.name;
        else os_ << " (as " << a.name << ' ' << a.asName << ')';
      }
      os_ << ')';
      return;
    }
    case NodeKind::ImportFrom: {
      auto& n = static_cast<const ImportFrom&>(s);
      os_ << "(from " << std::string(static_cast<size_t>(n.level), '.') << n.module;
      for (const Alias& a : n.names) {
        if (a.asName.empty()) os_ << ' ' << a.name;
        else os_ << " (as " << a.name << ' ' << a.asName << ')';
      }
      os_ << ')';
      return;
    }
    case NodeKind::Global:
    case NodeKind::Nonlocal: {
      bool global = s.kind() == NodeKind::Global;
      const auto& names = global ? static_cast<const Global&>(s).names : static_cast<const Nonlocal&>(s).names;
      os_ << (global ? "(global" : "(nonlocal");
      for (const std::string& name : names) os_ << ' ' << name;
      os_ << ')';
      return;
    }
    default: os_ << "(?" << nodeKindName(s.kind()) << ')'; return;
  }
}

}  // namespace

void Node::print(std::ostream& os) const {
  Printer p(os);
  if (isExpr()) p.expr(static_cast<const Expr*>(this));
  else p.stmt(static_cast<const Stmt&>(*this), 0);
}

std::string Node::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

void Node::dump() const {
  print(std::cerr);
  std::cerr << '\n';
}

void Module::print(std::ostream& os) const { Printer(os).module(*this); }

std::string Module::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

void Module::dump() const {
  print(std::cerr);
  std::cerr << '\n';
}

std::ostream& operator<<(std::ostream& os, const Node& n) {
  n.print(os);
  return os;
}

std::ostream& operator<<(std::ostream& os, const Module& m) {
  m.print(os);
  return os;
}

/* }====================================================== */

}  // namespace ember::frontend
