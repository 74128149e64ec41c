// Schema matching in two steps: plan every argument without touching the
// graph, then (when the whole call fits) insert the conversions the plan needs.
#include "ember/compiler/schema_matching.h"

#include <map>
#include <sstream>

#include "ember/ops/registry.h"

namespace ember::compiler {

namespace {

using Bindings = std::map<std::string, TypePtr>;

TypePtr unwrapOptional(const TypePtr& t) { return t->kind() == TypeKind::Optional ? t->elementType() : t; }

// Replaces bound type variables; unbound ones stay as they are.
TypePtr substitute(const TypePtr& t, const Bindings& b) {
  if (t->kind() == TypeKind::Var) {
    auto it = b.find(t->name());
    return it == b.end() ? t : it->second;
  }
  if (t->contained().empty()) return t;
  std::vector<TypePtr> c;
  bool changed = false;
  for (const auto& e : t->contained()) {
    c.push_back(substitute(e, b));
    changed = changed || c.back() != e;
  }
  if (!changed) return t;
  switch (t->kind()) {
    case TypeKind::List: return types::list(c[0]);
    case TypeKind::Optional: return types::optional(c[0]);
    case TypeKind::Dict: return types::dict(c[0], c[1]);
    case TypeKind::Tuple: return types::tuple(c);
    case TypeKind::Future: return types::future(c[0]);
    case TypeKind::Union: return types::unionOf(c);
    default: return t;
  }
}

bool hasVars(const TypePtr& t) {
  if (t->kind() == TypeKind::Var) return true;
  for (const auto& e : t->contained())
    if (hasVars(e)) return true;
  return false;
}

// Binds the type variables of `formal` from `actual` (PyTorch's matchTypeVariables).
bool bindVars(const TypePtr& formal, const TypePtr& actual, Bindings& b, std::string* why) {
  if (!hasVars(formal)) return true;
  if (formal->kind() == TypeKind::Var) {
    auto it = b.find(formal->name());
    if (it == b.end()) {
      b[formal->name()] = actual;
      return true;
    }
    if (auto u = unifyTypes(it->second, actual)) {
      it->second = u;
      return true;
    }
    if (why)
      *why = "Type variable '" + formal->name() + "' previously matched to type " + it->second->str() +
             " is matched to type " + actual->str();
    return false;
  }
  if (formal->kind() == TypeKind::Optional) {
    if (actual->kind() == TypeKind::None) return true;
    const TypePtr& inner = actual->kind() == TypeKind::Optional ? actual->elementType() : actual;
    return bindVars(formal->elementType(), inner, b, why);
  }
  if (formal->kind() != actual->kind()) {
    if (why) *why = "Could not match type " + actual->str() + " to " + formal->str();
    return false;
  }
  if (formal->kind() == TypeKind::Tuple && formal->contained().size() != actual->contained().size()) {
    if (why) *why = "Could not match type " + actual->str() + " to " + formal->str();
    return false;
  }
  for (size_t i = 0; i < formal->contained().size() && i < actual->contained().size(); ++i)
    if (!bindVars(formal->contained()[i], actual->contained()[i], b, why)) return false;
  return true;
}

enum class Step { Direct, Default, PackList, TupleToList, Convert, RepeatInt };

struct ArgPlan {
  Step step = Step::Direct;
  std::vector<ir::Value*> values;
  std::string convertOp;  // for Convert
  TypePtr type;           // list element type / converted type
  IValue defaultValue;
  size_t repeat = 0;
};

bool convertibleToList(const TypePtr& actual, const TypePtr& formal) {
  TypePtr f = unwrapOptional(formal);
  if (actual->kind() != TypeKind::Tuple || f->kind() != TypeKind::List) return false;
  for (const auto& e : actual->contained())
    if (!isSubtypeForArg(e, f->elementType())) return false;
  return true;
}

// The conversion op for actual -> formal when conversions are allowed.
std::string conversionFor(const TypePtr& actual, const TypePtr& formalIn) {
  TypePtr formal = unwrapOptional(formalIn);
  TypeKind f = formal->kind();
  TypeKind a = actual->kind();
  if (a == TypeKind::Tensor) {
    if (f == TypeKind::Float) return "aten::FloatImplicit";
    if (f == TypeKind::Int) return "aten::IntImplicit";
    if (f == TypeKind::Number) return "aten::ScalarImplicit";
  } else if (a == TypeKind::Number) {
    if (f == TypeKind::Float) return "aten::Float.Scalar";
    if (f == TypeKind::Int) return "aten::Int.Scalar";
  } else if (a == TypeKind::Bool) {
    if (f == TypeKind::Float) return "aten::Float.bool";
    if (f == TypeKind::Int || f == TypeKind::Number) return "aten::Int.bool";
  } else if (a == TypeKind::Str && f == TypeKind::Device) {
    return "aten::device";
  }
  return {};
}

bool planArgument(const ops::Argument& arg, ir::Value* v, bool allowConversions, Bindings& b, ArgPlan& plan,
                  std::string* why) {
  const TypePtr& actual = v->type();
  plan.values = {v};
  if (actual->kind() == TypeKind::Any && !hasVars(arg.type)) return true;  // poisoned or dynamic: accept
  if (convertibleToList(actual, substitute(arg.type, b)) && actual->kind() != TypeKind::List) {
    plan.step = Step::TupleToList;
    plan.type = unwrapOptional(substitute(arg.type, b))->elementType();
    return true;
  }
  if (arg.fixedSize && actual->kind() == TypeKind::Int && unwrapOptional(arg.type)->kind() == TypeKind::List) {
    plan.step = Step::RepeatInt;
    plan.repeat = static_cast<size_t>(*arg.fixedSize);
    plan.type = types::intT();
    return true;
  }
  if (allowConversions) {
    std::string conv = conversionFor(actual, arg.type);
    if (!conv.empty()) {
      plan.step = Step::Convert;
      plan.convertOp = conv;
      TypeKind f = unwrapOptional(arg.type)->kind();
      plan.type = f == TypeKind::Float ? types::floatT()
                  : f == TypeKind::Int ? types::intT()
                  : f == TypeKind::Device ? types::device()
                                          : types::number();
      return true;
    }
  }
  if (!bindVars(arg.type, actual, b, why)) {
    if (why && why->rfind("Type variable", 0) != 0)
      *why = "Expected a value of type '" + substitute(arg.type, b)->str() + "' for argument '" + arg.name +
             "' but instead found type '" + actual->str() + "'.";
    return false;
  }
  TypePtr formal = substitute(arg.type, b);
  if (!isSubtypeForArg(actual, formal)) {
    if (why)
      *why = "Expected a value of type '" + formal->str() + "' for argument '" + arg.name +
             "' but instead found type '" + actual->str() + "'.";
    return false;
  }
  return true;
}

bool canPackVarargs(const ops::FunctionSchema& s, size_t i) {
  const auto& arg = s.arguments[i];
  bool last = i + 1 == s.arguments.size() || s.arguments[i + 1].kwargOnly;
  bool isList = arg.type->kind() == TypeKind::List;
  // Any[] would swallow any single value (len(Any[]) taking a dict), so it is not packed either.
  bool varList = isList && (arg.type->elementType()->kind() == TypeKind::Var ||
                            arg.type->elementType()->kind() == TypeKind::Any);
  return last && isList && !arg.fixedSize && !varList;
}

ir::Value* insertOp(ir::Graph& g, const std::string& qualified, std::vector<ir::Value*> inputs, TypePtr type,
                    const ir::SourceLoc& loc) {
  const ops::Operator* op = ops::Registry::global().find(qualified);
  size_t dot = qualified.find('.', qualified.find("::"));
  std::string kind = dot == std::string::npos ? qualified : qualified.substr(0, dot);
  ir::Node* n = g.create(ir::Symbol::fromQualString(kind), inputs);
  n->output()->setType(std::move(type));
  n->setSourceLoc(loc);
  n->setOp(op);
  return g.insertNode(n)->output();
}

}  // namespace

bool isSubtypeForArg(const TypePtr& actual, const TypePtr& formal) {
  if (actual->kind() == TypeKind::Bool && unwrapOptional(formal)->kind() == TypeKind::Number) return false;
  if (actual->kind() == TypeKind::Any) return true;
  if (formal->kind() == TypeKind::List && actual->kind() == TypeKind::List)  // List is invariant
    return actual->elementType()->equals(*formal->elementType()) ||
           formal->elementType()->kind() == TypeKind::Any;
  return actual->isSubtypeOf(*formal);
}

std::string describeSchema(const ops::FunctionSchema& schema) {
  std::ostringstream os;
  os << schema;
  std::string s = os.str();
  return s;
}

std::optional<MatchedSchema> tryMatchSchema(const ops::FunctionSchema& schema, ir::Graph& graph,
                                            const std::vector<NamedValue>& args,
                                            const std::vector<NamedValue>& kwargs, bool allowConversions,
                                            std::string* why, const ir::SourceLoc& loc) {
  Bindings b;
  std::vector<ArgPlan> plans(schema.arguments.size());
  std::vector<bool> filled(schema.arguments.size(), false);
  size_t used = 0;
  for (size_t i = 0; i < schema.arguments.size(); ++i) {
    const auto& arg = schema.arguments[i];
    if (arg.kwargOnly) break;
    if (used >= args.size()) break;
    ir::Value* v = args[used].value;
    if (canPackVarargs(schema, i) && v->type()->kind() != TypeKind::List && !convertibleToList(v->type(), arg.type) &&
        v->type()->kind() != TypeKind::Any) {
      // f(2, 3) for f(int[] size): the remaining positional args form the list.
      TypePtr elem = arg.type->elementType();
      ArgPlan& p = plans[i];
      p.step = Step::PackList;
      p.type = elem;
      for (; used < args.size(); ++used) {
        ir::Value* e = args[used].value;
        if (!isSubtypeForArg(e->type(), elem)) {
          if (why)
            *why = "Expected a value of type '" + elem->str() + "' for argument '" + arg.name +
                   "' but instead found type '" + e->type()->str() + "'.";
          return std::nullopt;
        }
        p.values.push_back(e);
      }
      filled[i] = true;
      continue;
    }
    if (!planArgument(arg, v, allowConversions, b, plans[i], why)) return std::nullopt;
    filled[i] = true;
    ++used;
  }
  std::vector<ir::Value*> varArgs;
  if (schema.varArgs)
    for (; used < args.size(); ++used) varArgs.push_back(args[used].value);
  if (used < args.size()) {
    if (why)
      *why = "Expected at most " + std::to_string(schema.arguments.size()) + " arguments but found " +
             std::to_string(args.size()) + " positional arguments.";
    return std::nullopt;
  }
  for (const auto& kw : kwargs) {
    auto idx = schema.argumentIndex(kw.name);
    if (!idx) {
      if (why) *why = "Keyword argument " + kw.name + " unknown.";
      return std::nullopt;
    }
    if (filled[*idx]) {
      if (why) *why = "Argument " + kw.name + " specified twice in schema, submit one or the other.";
      return std::nullopt;
    }
    if (!planArgument(schema.arguments[*idx], kw.value, allowConversions, b, plans[*idx], why)) return std::nullopt;
    filled[*idx] = true;
  }
  for (size_t i = 0; i < schema.arguments.size(); ++i) {
    if (filled[i]) continue;
    const auto& arg = schema.arguments[i];
    if (!arg.defaultValue) {
      if (why) *why = "Argument " + arg.name + " not provided.";
      return std::nullopt;
    }
    plans[i].step = Step::Default;
    plans[i].defaultValue = *arg.defaultValue;
    plans[i].type = arg.type;
  }

  MatchedSchema m;
  for (size_t i = 0; i < plans.size(); ++i) {
    ArgPlan& p = plans[i];
    switch (p.step) {
      case Step::Direct: m.inputs.push_back(p.values[0]); break;
      case Step::Default: {
        IValue d = p.defaultValue;
        TypePtr t = unwrapOptional(substitute(schema.arguments[i].type, b));
        // Defaults are stored as parsed; a float parameter's `1` default is a float.
        if (d.isInt() && t->kind() == TypeKind::Float) d = IValue(static_cast<double>(d.toInt()));
        if (d.isInt() && t->kind() == TypeKind::List && schema.arguments[i].fixedSize) {
          std::vector<int64_t> rep(static_cast<size_t>(*schema.arguments[i].fixedSize), d.toInt());
          d = intList(rep);
        }
        m.inputs.push_back(graph.insertConstant(d, loc));
        break;
      }
      case Step::PackList: {
        ir::Node* n = graph.createList(p.type, p.values);
        n->setSourceLoc(loc);
        m.inputs.push_back(graph.insertNode(n)->output());
        break;
      }
      case Step::RepeatInt: {
        std::vector<ir::Value*> rep(p.repeat, p.values[0]);
        ir::Node* n = graph.createList(types::intT(), rep);
        n->setSourceLoc(loc);
        m.inputs.push_back(graph.insertNode(n)->output());
        break;
      }
      case Step::TupleToList: {
        ir::Node* un = graph.createTupleUnpack(p.values[0]);
        un->setSourceLoc(loc);
        graph.insertNode(un);
        std::vector<ir::Value*> elems(un->outputs().begin(), un->outputs().end());
        ir::Node* n = graph.createList(p.type, elems);
        n->setSourceLoc(loc);
        m.inputs.push_back(graph.insertNode(n)->output());
        break;
      }
      case Step::Convert:
        m.inputs.push_back(insertOp(graph, p.convertOp, {p.values[0]}, p.type, loc));
        break;
    }
  }
  m.inputs.insert(m.inputs.end(), varArgs.begin(), varArgs.end());
  for (const auto& r : schema.returns) {
    TypePtr t = substitute(r.type, b);
    if (hasVars(t)) t = types::any();
    m.returnTypes.push_back(t);
  }
  return m;
}

}  // namespace ember::compiler
