// ember::load: archive records -> compiled code -> module object.
//
// Order matters: constants.pkl first (code/ reads CONSTANTS.cN), then code/
// (its classes give data.pkl's objects their types), then data.pkl. Every
// method is compiled and its code built before anything runs, so a model
// that uses an operator ember lacks fails here, with all of them named.
#include <fmt/format.h>

#include <set>

#include "ember/api/ember.h"
#include "ember/api/script_unit.h"
#include "ember/api/torchbind.h"
#include "ember/serialization/archive_reader.h"
#include "ember/support/diagnostics.h"
#include "ember/support/error.h"
#include "ember/support/source.h"
#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember {

namespace {

using serialization::ObjectBuildKind;

[[noreturn]] void refuseClass(const std::string& archive, const std::string& name) {
  if (name.rfind("__torch__.torch.classes.", 0) == 0)
    EMBER_FAIL_KIND(NotImplemented,
                    "{}: the model holds an object of the C++ class {} (torch.classes, e.g. prepacked or "
                    "quantized weights), which ember does not support",
                    archive, name.substr(10));
  EMBER_FAIL_KIND(Format, "{}: data.pkl names class {}, which code/ does not define", archive, name);
}

// quantizedTensorResolver, noting in `unsavable` that it was used.
serialization::GlobalResolver noteQuantized(std::string* unsavable) {
  return [inner = api::quantizedTensorResolver(), unsavable](std::string_view module, std::string_view name) {
    auto g = inner(module, name);
    if (g && unsavable->empty()) *unsavable = "quantized tensors";
    return g;
  };
}

// data.pkl writes an enum value as GLOBAL Color, <value>, REDUCE.
IValue enumFromPickle(const TypePtr& e, const std::string& archive, const std::string& name, const IValue& arg,
                      ObjectBuildKind kind) {
  if (kind != ObjectBuildKind::Call || arg.isTuple())
    EMBER_FAIL_KIND(Format, "{}: the pickle builds enum {} other than by calling it with a value", archive, name);
  IValue v = enumFromValue(e, arg);
  if (v.isNone()) EMBER_FAIL_KIND(Format, "{}: {} is not a valid {}", archive, arg.reprStr(), name);
  return v;
}

// An object whose state is its attribute dict.
IValue objectFromDict(const ClassTypePtr& cls, const std::string& archive, const std::string& name, const IValue& state) {
  if (!state.isDict())
    EMBER_FAIL_KIND(Format, "{}: the pickle gives object {} a {} as its state, not a dict", archive, name,
                    state.tagName());
  auto obj = makeIntrusive<Object>(cls, cls->numAttributes());
  for (const auto& [k, v] : state.toDict().entries()) {
    if (!k.isString()) EMBER_FAIL_KIND(Format, "{}: object {} has a non-string attribute name", archive, name);
    auto slot = cls->findAttribute(k.toStringRef());
    if (!slot)
      EMBER_FAIL_KIND(Format, "{}: the pickle sets attribute '{}' that class {} does not declare", archive,
                      k.toStringRef(), name);
    obj->slots[*slot] = v;
  }
  return IValue(std::move(obj));
}

// constants.pkl, read once code/ has declared its classes and enums (frozen
// modules keep objects of script classes there, and with them enum values).
std::vector<IValue> readConstants(const serialization::ScriptArchive& ar, const compiler::CompiledModule& declared,
                                  std::string* unsavable) {
  if (!ar.hasConstants()) return {};
  serialization::UnpicklerOptions o;
  o.resolver = noteQuantized(unsavable);
  o.objectBuilder = [&](const std::string& name, IValue state, ObjectBuildKind kind) -> IValue {
    for (const TypePtr& e : declared.enums)
      if (e->name() == name) return enumFromPickle(e, ar.path(), name, state, kind);
    for (const ClassTypePtr& c : declared.classes) {
      if (c->name() != name || c->isModule()) continue;
      // Methods are not compiled yet: a __setstate__ state (not a dict) cannot be applied here.
      if (kind != ObjectBuildKind::State || !state.isDict())
        EMBER_FAIL_KIND(NotImplemented, "{}: constants.pkl holds a {} built from a custom state, which ember does not support",
                        ar.path(), name);
      return objectFromDict(c, ar.path(), name, state);
    }
    if (auto v = api::buildTorchbindObject(name, state)) {
      *unsavable = "C++ class " + name.substr(10);
      return *v;
    }
    refuseClass(ar.path(), name);
  };
  o.typeParser = [&](std::string_view text) {
    return serialization::parseTypeTag(text, [&](std::string_view n) -> TypePtr {
      for (const TypePtr& e : declared.enums)
        if (e->name() == n) return e;
      return nullptr;
    });
  };
  IValue c = ar.unpickle("constants.pkl", std::move(o));
  if (!c.isTuple()) EMBER_FAIL_KIND(Format, "{}: constants.pkl holds a {}, not a tuple", ar.path(), c.tagName());
  return c.toTuple().elements;
}

// One error naming every operator the code calls that ember lacks, then the
// other compile errors (a few: they tend to follow from the first).
[[noreturn]] void reportCompileErrors(const std::string& path, const compiler::CompiledModule& cm,
                                      const DiagnosticEngine& diag) {
  std::string msg;
  if (!cm.unknownOps.empty())
    msg = fmt::format("{}: the model uses {} operator(s) ember does not implement: {}", path, cm.unknownOps.size(),
                      fmt::join(cm.unknownOps, ", "));
  if (!cm.unknownClasses.empty()) {
    std::vector<std::string> names;
    for (const auto& c : cm.unknownClasses)
      names.push_back(c.rfind("__torch__.torch.classes.", 0) == 0 ? c.substr(10) + " (a C++ torchbind class)" : c);
    msg += fmt::format("{}{}: the model uses {} class(es) ember does not provide: {}", msg.empty() ? "" : "\n", path,
                       names.size(), fmt::join(names, ", "));
  }
  size_t shown = 0, other = 0;
  for (const auto& d : diag.diagnostics()) {
    if (d.severity != Severity::Error) continue;
    if (d.message.find("Unknown builtin op") != std::string::npos) continue;
    if (d.message.find("Unknown type name '__torch__.") != std::string::npos) continue;
    ++other;
    if (shown >= 5) continue;
    ++shown;
    msg += (msg.empty() ? fmt::format("{}: cannot compile the archive's code:\n", path) : std::string("\n")) + d.render();
  }
  if (other > shown) msg += fmt::format("\n... and {} more error(s)", other - shown);
  EMBER_FAIL_KIND(NotImplemented, "{}", msg);
}

IValue buildObject(api::ScriptUnit& unit, const std::string& archive, const std::string& name, IValue state,
                   ObjectBuildKind kind) {
  if (TypePtr e = unit.findEnum(name)) return enumFromPickle(e, archive, name, state, kind);
  ClassTypePtr cls = unit.findClass(name);
  if (!cls) {
    if (auto v = api::buildTorchbindObject(name, state)) {
      unit.origin.unsavable = "C++ class " + name.substr(10);
      return *v;
    }
    refuseClass(archive, name);
  }
  if (kind != ObjectBuildKind::State)
    EMBER_FAIL_KIND(NotImplemented, "{}: data.pkl constructs {} by calling it (an enum?), which ember does not support",
                    archive, name);
  if (runtime::Function* setstate = cls->findMethod("__setstate__")) {
    IValue self(makeIntrusive<Object>(cls, cls->numAttributes()));
    setstate->call({self, std::move(state)});
    return self;
  }
  return objectFromDict(cls, archive, name, state);
}

Module loadArchive(const serialization::ScriptArchive& ar) {
  const std::string& path = ar.path();
  std::string unsavable;
  compiler::ArchiveScope scope;
  scope.loadConstants = [&](compiler::ArchiveScope& s, const compiler::CompiledModule& declared) {
    s.constants = readConstants(ar, declared, &unsavable);
  };

  std::vector<compiler::ArchiveSourceFile> files;
  for (const auto& s : ar.sources()) files.push_back({s.module, SourceFile::create(s.path, s.text)});
  DiagnosticEngine diag;
  compiler::CompiledModule cm = compiler::compileArchiveSources(files, scope, diag);
  std::vector<IValue> constants = scope.constants;
  if (diag.hasErrors() || !cm.unknownOps.empty() || !cm.unknownClasses.empty()) reportCompileErrors(path, cm, diag);

  auto unit = std::make_shared<api::ScriptUnit>(std::move(cm));
  unit->origin.version = ar.version();
  unit->origin.constants = std::move(constants);
  unit->origin.unsavable = std::move(unsavable);
  const std::string codeDir = ar.root() + "code/";
  for (const auto& s : ar.sources()) unit->origin.code.emplace_back(s.path.substr(codeDir.size()), s.text);
  std::string buildErrors;
  for (const auto& fn : unit->functions()) {
    try {
      fn->code();
    } catch (const Error& e) {
      buildErrors += fmt::format("\n  {}: {}", fn->name(), e.what());
    }
  }
  if (!buildErrors.empty())
    EMBER_FAIL_KIND(NotImplemented, "{}: cannot prepare the archive's code:{}", path, buildErrors);

  serialization::UnpicklerOptions o;
  o.resolver = noteQuantized(&unit->origin.unsavable);
  o.objectBuilder = [&](const std::string& name, IValue arg, ObjectBuildKind kind) {
    return buildObject(*unit, path, name, std::move(arg), kind);
  };
  // Lists and dicts of enums keep their element types even when empty, so they save back the same.
  o.typeParser = [&](std::string_view text) {
    return serialization::parseTypeTag(text, [&](std::string_view n) { return unit->findEnum(std::string(n)); });
  };
  IValue root = ar.unpickle("data.pkl", std::move(o));
  if (!root.isObject())
    EMBER_FAIL_KIND(Format, "{}: data.pkl holds a {}, not a module object", path, root.tagName());
  return Module(std::move(unit), std::move(root));
}

}  // namespace

Module load(const std::string& path) { return loadArchive(serialization::ScriptArchive(path)); }

Module load(std::shared_ptr<const std::vector<uint8_t>> bytes, const std::string& label) {
  return loadArchive(serialization::ScriptArchive(std::move(bytes), label));
}

}  // namespace ember
