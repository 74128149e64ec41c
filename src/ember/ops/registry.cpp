#include "ember/ops/registry.h"

#include <mutex>

#include "ember/ops/builtin_ops.h"

namespace ember::ops {

Registry& Registry::global() {
  // Built-ins are registered by an explicit call on first use (no static
  // constructors); the function-local static makes that thread-safe.
  static Registry* registry = [] {
    auto* r = new Registry();
    registerBuiltinOps(*r);
    return r;
  }();
  return *registry;
}

const Operator& Registry::defBoxed(std::string_view schemaText, Kernel kernel) {
  auto op = std::make_unique<Operator>();
  op->schema = parseSchema(schemaText);
  op->kernel = std::move(kernel);
  op->qualifiedName = op->schema.qualifiedName();
  EMBER_CHECK(!byQualifiedName_.count(op->qualifiedName), "operator {} registered twice", op->qualifiedName);
  const Operator* raw = op.get();
  byQualifiedName_.emplace(op->qualifiedName, raw);
  byName_[op->schema.name].push_back(raw);
  ops_.push_back(std::move(op));
  return *raw;
}

const Operator& Registry::defWrapped(std::string_view schemaText, size_t cppArity, Kernel kernel) {
  const Operator& op = defBoxed(schemaText, std::move(kernel));
  EMBER_CHECK(op.schema.arguments.size() == cppArity && !op.schema.varArgs,
              "operator {}: the schema has {} arguments but the C++ kernel takes {}", op.qualifiedName,
              op.schema.arguments.size(), cppArity);
  return op;
}

const Operator* Registry::find(std::string_view qualifiedName) const {
  auto it = byQualifiedName_.find(std::string(qualifiedName));
  return it == byQualifiedName_.end() ? nullptr : it->second;
}

const std::vector<const Operator*>& Registry::overloads(std::string_view name) const {
  static const std::vector<const Operator*> none;
  auto it = byName_.find(std::string(name));
  return it == byName_.end() ? none : it->second;
}

std::vector<const Operator*> Registry::all() const {
  std::vector<const Operator*> out;
  for (const auto& op : ops_) out.push_back(op.get());
  return out;
}

// ---------------------------------------------------------------- binding

bool valueMatchesType(const IValue& v, const Type& t) {
  switch (t.kind()) {
    case TypeKind::Any:
    case TypeKind::Var: return true;
    case TypeKind::Optional: return v.isNone() || valueMatchesType(v, *t.elementType());
    case TypeKind::Tensor: return v.isTensor();
    case TypeKind::Int:
    case TypeKind::ScalarType:
    case TypeKind::Layout:
    case TypeKind::MemoryFormat:
    case TypeKind::QScheme: return v.isInt();
    case TypeKind::Float: return v.isDouble() || v.isInt();
    case TypeKind::Bool: return v.isBool();
    case TypeKind::Number: return v.isNumber();
    case TypeKind::Str: return v.isString();
    case TypeKind::None: return v.isNone();
    case TypeKind::Device: return v.isDevice() || v.isString();
    case TypeKind::List: {
      if (!v.isList() && !v.isTuple()) return false;
      const auto& elems = v.isList() ? v.toList().elements : v.toTuple().elements;
      for (const auto& e : elems)
        if (!valueMatchesType(e, *t.elementType())) return false;
      return true;
    }
    case TypeKind::Tuple: {
      if (!v.isTuple() || v.toTuple().size() != t.contained().size()) return false;
      for (size_t i = 0; i < t.contained().size(); ++i)
        if (!valueMatchesType(v.toTuple().elements[i], *t.contained()[i])) return false;
      return true;
    }
    case TypeKind::Dict: return v.isDict();
    case TypeKind::Union:
      for (const auto& m : t.contained())
        if (valueMatchesType(v, *m)) return true;
      return false;
    default: return v.type()->isSubtypeOf(t);
  }
}

namespace {

// PyTorch's implicit conversions at a call boundary: int where float is
// expected, a single int for int[N], a tuple for a list, a Device string.
IValue convertArgument(const IValue& v, const Argument& a) {
  const Type* t = a.type.get();
  if (t->kind() == TypeKind::Optional) {
    if (v.isNone()) return v;
    t = t->elementType().get();
  }
  if (t->kind() == TypeKind::Float && v.isInt()) return IValue(static_cast<double>(v.toInt()));
  if (t->kind() == TypeKind::Device && v.isString()) return IValue(Device::parse(v.toStringRef()));
  if (t->kind() == TypeKind::List) {
    // A generic list (t[]) keeps its own element type: aten::tensor reads it.
    if (v.isList() && t->elementType()->kind() == TypeKind::Var) return v;
    if (v.isInt() && a.fixedSize) {
      std::vector<IValue> elems(static_cast<size_t>(*a.fixedSize), v);
      return makeList(t->elementType(), std::move(elems));
    }
    if (v.isTuple() || v.isList()) {
      const auto& src = v.isTuple() ? v.toTuple().elements : v.toList().elements;
      Argument inner;
      inner.type = t->elementType();
      std::vector<IValue> elems;
      elems.reserve(src.size());
      bool unchanged = v.isList();
      for (const auto& e : src) {
        elems.push_back(convertArgument(e, inner));
        // Conversions change the tag (int -> float, str -> Device, tuple ->
        // list) or make a new list; NaN must not count as a change.
        const IValue& c = elems.back();
        unchanged = unchanged && c.tag() == e.tag() && (!e.isList() || c.isSameIdentity(e));
      }
      // A list that needs no element conversion is passed as itself: ops
      // like aten::append.t mutate it, and it keeps its element type.
      if (unchanged) return v;
      return makeList(t->elementType(), std::move(elems));
    }
  }
  return v;
}

bool matches(const IValue& v, const Argument& a) {
  if (a.fixedSize && v.isInt()) {
    const Type* t = a.type->kind() == TypeKind::Optional ? a.type->elementType().get() : a.type.get();
    if (t->kind() == TypeKind::List) return true;
  }
  return valueMatchesType(v, *a.type);
}

}  // namespace

BoundCall bindArguments(const FunctionSchema& schema, const std::vector<IValue>& args,
                        const std::vector<std::pair<std::string, IValue>>& kwargs) {
  BoundCall call;
  const auto& params = schema.arguments;
  if (schema.varArgs) {  // aten::format(str self, ...): pass through
    call.stack = args;
    return call;
  }
  size_t positional = 0;
  for (const auto& p : params)
    if (!p.kwargOnly) ++positional;
  if (args.size() > positional) {
    call.error = fmt::format("{}() expected at most {} positional argument(s) but got {}", schema.qualifiedName(),
                             positional, args.size());
    return call;
  }
  std::vector<std::optional<IValue>> slots(params.size());
  for (size_t i = 0; i < args.size(); ++i) slots[i] = args[i];
  for (const auto& [name, value] : kwargs) {
    auto idx = schema.argumentIndex(name);
    if (!idx) {
      call.error = fmt::format("{}() got an unexpected keyword argument '{}'", schema.qualifiedName(), name);
      return call;
    }
    if (slots[*idx]) {
      call.error = fmt::format("{}() got multiple values for argument '{}'", schema.qualifiedName(), name);
      return call;
    }
    slots[*idx] = value;
  }
  call.stack.reserve(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    const Argument& p = params[i];
    if (!slots[i]) {
      if (!p.defaultValue) {
        call.error = fmt::format("{}() is missing value for argument '{}'", schema.qualifiedName(), p.name);
        return call;
      }
      call.stack.push_back(*p.defaultValue);
      continue;
    }
    if (!matches(*slots[i], p)) {
      call.error = fmt::format("{}() expected a value of type '{}' for argument '{}' but instead found type '{}'",
                               schema.qualifiedName(), p.type->str(), p.name, slots[i]->type()->str());
      return call;
    }
    call.stack.push_back(convertArgument(*slots[i], p));
  }
  return call;
}

IValue callOp(const Operator& op, const std::vector<IValue>& args,
              const std::vector<std::pair<std::string, IValue>>& kwargs) {
  BoundCall call = bindArguments(op.schema, args, kwargs);
  if (!call.error.empty()) throwError(ErrorKind::Type, call.error);
  op.kernel(call.stack);
  if (op.schema.returns.size() == 1 && !op.schema.varRets) {
    EMBER_CHECK(call.stack.size() == 1, "{} returned {} values, expected 1", op.qualifiedName, call.stack.size());
    return std::move(call.stack[0]);
  }
  if (op.schema.returns.empty() && !op.schema.varRets) return IValue();
  return makeTuple(std::move(call.stack));
}

}  // namespace ember::ops
