// ember::Module: a handle on a loaded module object and its compiled code.
#include <fmt/format.h>

#include "ember/api/ember.h"
#include "ember/api/script_unit.h"
#include "ember/ops/registry.h"
#include "ember/runtime/function.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember {

namespace {

using Kind = ClassType::AttributeKind;

void collect(const IValue& obj, const std::string& prefix, Kind kind, std::vector<std::pair<std::string, Tensor>>& out) {
  const Object& o = obj.toObject();
  const ClassType& cls = *asClass(o.type);
  for (size_t i = 0; i < cls.numAttributes(); ++i) {
    const auto& a = cls.attributes()[i];
    const IValue& v = o.slots[i];
    if (a.kind == kind && v.isTensor()) out.emplace_back(prefix + a.name, v.toTensor());
    if (a.kind == Kind::Module && v.isObject()) collect(v, prefix + a.name + ".", kind, out);
  }
}

}  // namespace

Module::Module(std::shared_ptr<const api::ScriptUnit> unit, IValue object)
    : unit_(std::move(unit)), object_(std::move(object)) {
  EMBER_CHECK(object_.isObject() && asClass(object_.toObject().type),
              "the archive's data.pkl holds a {}, not a module object", object_.tagName());
}

const ClassType& Module::type() const { return *asClass(object_.toObject().type); }

bool Module::has_method(const std::string& name) const { return type().findMethod(name) != nullptr; }

IValue Module::run_method(const std::string& name, std::vector<IValue> args,
                          const std::vector<std::pair<std::string, IValue>>& kwargs) const {
  runtime::Function* fn = type().findMethod(name);
  if (!fn) {
    std::vector<std::string> names;
    for (const auto& m : type().methods()) names.push_back(m.name);
    EMBER_FAIL("module {} has no method '{}' (methods: {})", type().name(), name, fmt::join(names, ", "));
  }
  args.insert(args.begin(), object_);
  ops::BoundCall bound = ops::bindArguments(fn->schema(), args, kwargs);
  if (!bound.error.empty()) throwError(ErrorKind::Type, fmt::format("{}.{}: {}", type().name(), name, bound.error));
  return fn->call(std::move(bound.stack));
}

bool Module::hasattr(const std::string& name) const {
  return type().findAttribute(name).has_value() || type().findConstant(name) != nullptr;
}

IValue Module::attr(const std::string& name) const {
  if (auto slot = type().findAttribute(name)) return object_.toObject().slots[*slot];
  if (const IValue* c = type().findConstant(name)) return *c;
  EMBER_FAIL("module {} has no attribute '{}'", type().name(), name);
}

void Module::setattr(const std::string& name, IValue value) {
  auto slot = type().findAttribute(name);
  EMBER_CHECK(slot.has_value(), "module {} has no attribute '{}' (constants cannot be set)", type().name(), name);
  object_.toObject().slots[*slot] = std::move(value);
}

std::vector<std::pair<std::string, Tensor>> Module::named_parameters() const {
  std::vector<std::pair<std::string, Tensor>> out;
  collect(object_, "", Kind::Parameter, out);
  return out;
}

std::vector<std::pair<std::string, Tensor>> Module::named_buffers() const {
  std::vector<std::pair<std::string, Tensor>> out;
  collect(object_, "", Kind::Buffer, out);
  return out;
}

std::vector<std::pair<std::string, Module>> Module::named_modules() const {
  // Depth first, parents before children: the order PyTorch's named_modules() gives.
  std::vector<std::pair<std::string, Module>> out;
  auto visit = [&](auto& self, const std::string& name, const Module& m) -> void {
    out.emplace_back(name, m);
    const ClassType& cls = m.type();
    for (size_t i = 0; i < cls.numAttributes(); ++i) {
      const auto& a = cls.attributes()[i];
      const IValue& v = m.object_.toObject().slots[i];
      if (a.kind == Kind::Module && v.isObject()) self(self, name.empty() ? a.name : name + "." + a.name, Module(unit_, v));
    }
  };
  visit(visit, "", *this);
  return out;
}

void Module::train(bool on) {
  for (auto& [name, m] : named_modules())
    if (auto slot = m.type().findAttribute("training")) m.object_.toObject().slots[*slot] = IValue(on);
}

bool Module::is_training() const {
  auto slot = type().findAttribute("training");
  return slot && object_.toObject().slots[*slot].isBool() && object_.toObject().slots[*slot].toBool();
}

}  // namespace ember
