#include "ember/export/python_printer.h"

#include <fmt/format.h>

#include <limits>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "ember/ir/node.h"
#include "ember/ir/value.h"
#include "ember/ops/registry.h"
#include "ember/support/error.h"

namespace ember::exporter {

namespace {

// Names the importer's environment or the Python grammar already uses: a
// variable spelled like one of them would shadow it.
const std::unordered_set<std::string>& reservedNames() {
  static const std::unordered_set<std::string> r = {
      "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
      "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
      "return", "try", "while", "with", "yield", "True", "False", "None", "torch", "ops", "CONSTANTS",
      "annotate", "unchecked_cast", "uninitialized", "isinstance", "print", "range", "len", "int", "float",
      "bool", "str", "inf", "nan", "fork", "getattr", "hasattr", "super", "List", "Dict", "Tuple", "Optional",
      "Union", "Tensor", "Any", "NoneType", "Future", "Device", "NamedTuple", "Module", "__torch__", "math",
      "self"};
  return r;
}

// "file.py:12: " for errors, as the compiler's diagnostics name places.
std::string locOf(const ir::Node* n) {
  const ir::SourceLoc& l = n->sourceLoc();
  if (!l.file) return "";
  return fmt::format("{}:{}: ", *l.file, l.line);
}

// What the user wrote, for nodes that have no serialized spelling.
std::string constructOf(const ir::Node* n) {
  if (n->kind() == ir::prim::Enter || n->kind() == ir::prim::Exit) return "a with statement";
  if (n->kind() == ir::prim::EnumName || n->kind() == ir::prim::EnumValue) return "an Enum";
  if (n->kind() == ir::prim::PythonOp || n->kind() == ir::prim::IgnoredPythonOp) return "a call into Python";
  return "the operation " + n->kind().toQualString();
}

class FunctionPrinter {
 public:
  FunctionPrinter(FileNames& names, std::ostringstream& out) : names_(names), out_(out) {}

  void bindParam(const ir::Value* v, const std::string& name) {
    used_.insert(name);
    names_of_[v] = name;
  }

  // `more`: statements follow in the same suite (output assignments), so an
  // empty block needs no `pass`.
  void block(const ir::Block* b, int level, bool more = false) {
    size_t before = out_.tellp();
    for (const ir::Node* n : b->nodes()) node(n, level);
    if (static_cast<size_t>(out_.tellp()) == before && !more) line(level, "pass");
  }

  std::string use(const ir::Value* v) {
    auto it = names_of_.find(v);
    if (it != names_of_.end()) return it->second;
    const ir::Node* n = v->node();
    if (n->kind() == ir::prim::Constant) return names_.literal(ir::constantValue(n).value(), v->type());
    EMBER_FAIL_KIND(NotImplemented, "cannot convert: value %{} is used before it is defined", v->debugName());
  }

  void line(int level, const std::string& text) { out_ << std::string(2 * level, ' ') << text << '\n'; }

 private:
  std::string freshName(std::string base) {
    for (char& c : base)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
    if (base.empty() || std::isdigit(static_cast<unsigned char>(base[0]))) base.insert(0, 1, '_');
    std::string name = base;
    for (int k = 0; used_.count(name) || reservedNames().count(name); ++k) name = base + std::to_string(k);
    used_.insert(name);
    return name;
  }

  std::string fresh(const ir::Value* v) {
    std::string name = freshName(v->hasDebugName() ? v->debugNameBase() : "");
    names_of_[v] = name;
    return name;
  }

  // `value` as an expression of type `to`: annotate() where the value's own
  // type differs, so the importer gives the variable the declared type.
  std::string as(const ir::Value* v, const TypePtr& to) {
    std::string e = use(v);
    if (v->type()->equals(*to) || (e == "None" && to->kind() == TypeKind::Optional)) return e;
    return fmt::format("annotate({}, {})", names_.annotation(to), e);
  }

  std::string args(ArrayRef<ir::Value*> ins, size_t from = 0) {
    std::string s;
    for (size_t i = from; i < ins.size(); ++i) s += (i > from ? ", " : "") + use(ins[i]);
    return s;
  }

  // a, b = x, y (one statement, so swaps of loop-carried values stay right).
  void assign(int level, const std::vector<std::string>& targets, const std::vector<std::string>& values) {
    if (targets.empty()) return;
    std::string l, r;
    for (size_t i = 0; i < targets.size(); ++i) {
      l += (i ? ", " : "") + targets[i];
      r += (i ? ", " : "") + values[i];
    }
    line(level, l + " = " + r);
  }

  // Errors from inside a node (a type without annotation, an op without
  // spelling) are told with the node's line, once (the innermost node's).
  void node(const ir::Node* n, int level) {
    try {
      statement(n, level);
    } catch (const Error& e) {
      if (located_ || e.kind() != ErrorKind::NotImplemented || locOf(n).empty()) throw;
      located_ = true;
      if (std::string_view(e.what()).starts_with(locOf(n))) throw;
      EMBER_FAIL_KIND(NotImplemented, "{}{}", locOf(n), e.what());
    }
  }

  void statement(const ir::Node* n, int level) {
    switch (n->kind().builtin()) {
      case ir::BuiltinSymbol::prim_Constant: return;
      case ir::BuiltinSymbol::prim_If: return printIf(n, level);
      case ir::BuiltinSymbol::prim_Loop: return printLoop(n, level);
      default: break;
    }
    bool unpack = n->kind() == ir::prim::TupleUnpack || n->kind() == ir::prim::ListUnpack;
    if (unpack && n->outputs().empty()) return;
    std::string e = expr(n);
    if (n->outputs().empty()) return line(level, e);
    if (n->outputs().size() == 1 && !unpack) return line(level, fresh(n->output()) + " = " + e);
    std::string l;
    for (const ir::Value* o : n->outputs()) l += fresh(o) + ", ";
    line(level, l + "= " + e);
  }

  void printIf(const ir::Node* n, int level) {
    std::vector<std::string> outs;
    for (const ir::Value* o : n->outputs()) outs.push_back(fresh(o));
    line(level, "if " + use(n->input(0)) + ":");
    for (size_t b = 0; b < 2; ++b) {
      if (b == 1) line(level, "else:");
      const ir::Block* blk = n->blocks()[b];
      block(blk, level + 1, !outs.empty());
      std::vector<std::string> vals;
      for (size_t i = 0; i < outs.size(); ++i) vals.push_back(as(blk->outputs()[i], n->output(i)->type()));
      assign(level + 1, outs, vals);
    }
  }

  // Loop(max_trip, cond, carried...) { (i, carried...) -> (cond', carried'...) }
  void printLoop(const ir::Node* n, int level) {
    const ir::Block* body = n->blocks()[0];
    auto isTrue = [](const ir::Value* v) {
      auto c = ir::toIValue(v);
      return c && c->isBool() && c->toBool();
    };
    auto trip = ir::toIValue(n->input(0));
    bool forLoop = isTrue(n->input(1)) && isTrue(body->outputs()[0]);
    bool unbounded = trip && trip->isInt() && trip->toInt() == std::numeric_limits<int64_t>::max();
    std::vector<std::string> carried, init;
    for (size_t k = 0; k < n->outputs().size(); ++k) {
      std::string name = fresh(n->output(k));
      names_of_[body->inputs()[k + 1]] = name;
      carried.push_back(name);
      init.push_back(as(n->input(k + 2), n->output(k)->type()));
    }
    assign(level, carried, init);
    const ir::Value* iter = body->inputs()[0];
    std::vector<std::string> targets = carried, next;
    auto carriedNext = [&] {
      for (size_t k = 0; k < carried.size(); ++k) next.push_back(as(body->outputs()[k + 1], n->output(k)->type()));
    };
    if (forLoop && !unbounded) {
      line(level, fmt::format("for {} in range({}):", fresh(iter), use(n->input(0))));
      block(body, level + 1, !targets.empty());
      carriedNext();
      assign(level + 1, targets, next);
      return;
    }
    std::string cond = freshName("_cond");
    line(level, cond + " = " + use(n->input(1)));
    std::string header = cond;
    std::string i = fresh(iter);
    bool counts = !unbounded || iter->hasUses();
    if (counts) line(level, i + " = 0");
    if (!unbounded) header = fmt::format("{} and torch.lt({}, {})", cond, i, use(n->input(0)));
    line(level, "while " + header + ":");
    block(body, level + 1, true);
    carriedNext();
    targets.insert(targets.begin(), cond);
    next.insert(next.begin(), use(body->outputs()[0]));
    if (counts) {
      targets.push_back(i);
      next.push_back(fmt::format("torch.add({}, 1)", i));
    }
    assign(level + 1, targets, next);
  }

  std::string expr(const ir::Node* n);

  FileNames& names_;
  std::ostringstream& out_;
  std::unordered_map<const ir::Value*, std::string> names_of_;
  std::unordered_set<std::string> used_;
  bool located_ = false;
};

std::string FunctionPrinter::expr(const ir::Node* n) {
  ArrayRef<ir::Value*> in = n->inputs();
  switch (n->kind().builtin()) {
    case ir::BuiltinSymbol::prim_GetAttr: return fmt::format("{}.{}", use(in[0]), n->s(ir::attr::name));
    case ir::BuiltinSymbol::prim_SetAttr: return fmt::format("{}.{} = {}", use(in[0]), n->s(ir::attr::name), use(in[1]));
    case ir::BuiltinSymbol::prim_CallMethod: return fmt::format("({}).{}({})", use(in[0]), n->s(ir::attr::name), args(in, 1));
    case ir::BuiltinSymbol::prim_CallFunction: return fmt::format("{}({})", names_.qualify(n->s(ir::attr::name)), args(in));
    case ir::BuiltinSymbol::prim_CreateObject: {
      std::string cls = names_.annotation(n->output()->type());
      return fmt::format("{}.__new__({})", cls, cls);
    }
    case ir::BuiltinSymbol::prim_isinstance: {
      const TypePtr& t = n->ty(ir::attr::types);
      if (t->kind() != TypeKind::Union) return fmt::format("isinstance({}, {})", use(in[0]), names_.annotation(t));
      std::string ts;
      for (const TypePtr& m : t->contained()) ts += names_.annotation(m) + ", ";
      return fmt::format("isinstance({}, ({}))", use(in[0]), ts);
    }
    case ir::BuiltinSymbol::prim_unchecked_cast:
    case ir::BuiltinSymbol::prim_unchecked_unwrap_optional:
      return fmt::format("unchecked_cast({}, {})", names_.annotation(n->output()->type()), use(in[0]));
    case ir::BuiltinSymbol::prim_Uninitialized: return fmt::format("uninitialized({})", names_.annotation(n->output()->type()));
    case ir::BuiltinSymbol::prim_ListConstruct:
      return fmt::format("annotate({}, [{}])", names_.annotation(n->output()->type()), args(in));
    case ir::BuiltinSymbol::prim_DictConstruct: {
      std::string s;
      for (size_t i = 0; i + 1 < in.size(); i += 2) s += (i ? ", " : "") + use(in[i]) + ": " + use(in[i + 1]);
      return fmt::format("annotate({}, {{{}}})", names_.annotation(n->output()->type()), s);
    }
    case ir::BuiltinSymbol::prim_TupleConstruct: {
      const TypePtr& t = n->output()->type();
      if (t->isNamedTuple()) return fmt::format("{}({})", names_.annotation(t), args(in));
      if (in.size() == 1) return "(" + use(in[0]) + ",)";
      return "(" + args(in) + ")";
    }
    case ir::BuiltinSymbol::prim_TupleUnpack:
    case ir::BuiltinSymbol::prim_ListUnpack: return use(in[0]);
    case ir::BuiltinSymbol::prim_TupleIndex: return fmt::format("{}[{}]", use(in[0]), use(in[1]));
    case ir::BuiltinSymbol::prim_TupleSlice:
      return fmt::format("{}[{}:{}]", use(in[0]), n->i(ir::Symbol::attr("beg")), n->i(ir::Symbol::attr("end")));
    case ir::BuiltinSymbol::prim_tolist:  // the result type is the annotation's, as in python_print
      return fmt::format("annotate({}, {}.tolist())", names_.annotation(n->output()->type()), use(in[0]));
    case ir::BuiltinSymbol::prim_RaiseException: return fmt::format("ops.prim.RaiseException({})", args(in));
    case ir::BuiltinSymbol::prim_Print: return fmt::format("print({})", args(in));
    default: break;
  }
  const ops::Operator* op = n->op();
  if (!op)
    EMBER_FAIL_KIND(NotImplemented, "{}cannot convert {} ({}) to a TorchScript archive: it has no serialized form",
                    locOf(n), constructOf(n), n->kind().toQualString());
  const ops::FunctionSchema& s = op->schema;
  std::string ns(n->kind().ns());
  std::string callee = (ns == "aten" ? "torch." : "ops." + ns + ".") + std::string(n->kind().toUnqualString());
  std::string a;
  for (size_t i = 0; i < in.size(); ++i) {
    if (i) a += ", ";
    if (!s.varArgs && i < s.arguments.size() && s.arguments[i].kwargOnly) a += s.arguments[i].name + "=";
    a += use(in[i]);
  }
  return callee + "(" + a + ")";
}

}  // namespace

std::string printSignature(const std::string& name, const ops::FunctionSchema& schema, FileNames& names,
                           const std::string& selfType) {
  std::string s = "def " + name + "(";
  bool first = true;
  if (!selfType.empty()) {
    s += "self: ";
    s += selfType;
    first = false;
  }
  for (const ops::Argument& a : schema.arguments) {
    if (!first) s += ",\n    ";
    s += fmt::format("{}: {}", a.name, names.annotation(a.type));
    if (a.defaultValue) s += fmt::format("={}", names.literal(*a.defaultValue, a.type));
    first = false;
  }
  TypePtr ret = schema.returns.empty() ? types::none() : schema.returns[0].type;
  return s + ") -> " + names.annotation(ret) + ":";
}

std::string printFunction(const std::string& name, const ops::FunctionSchema& schema, const ir::Graph& graph,
                          FileNames& names, int indent) {
  std::ostringstream out;
  out << std::string(2 * indent, ' ') << printSignature(name, schema, names, "") << '\n';
  FunctionPrinter p(names, out);
  EMBER_CHECK(graph.inputs().size() == schema.arguments.size(), "{}: graph and schema disagree on the arguments", name);
  for (size_t i = 0; i < schema.arguments.size(); ++i) p.bindParam(graph.inputs()[i], schema.arguments[i].name);
  p.block(graph.block(), indent + 1);
  // block() printed `pass` for an empty body; the return follows it.
  ArrayRef<ir::Value*> rets = graph.outputs();
  if (rets.size() == 1) p.line(indent + 1, "return " + p.use(rets[0]));
  return out.str();
}

}  // namespace ember::exporter
