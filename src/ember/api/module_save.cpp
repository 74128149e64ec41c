// Module::save: the object graph as it is now, with the code and constants
// the module was loaded with.
#include "ember/api/ember.h"
#include "ember/api/script_unit.h"
#include "ember/runtime/function.h"
#include "ember/serialization/archive_writer.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember {

namespace {

serialization::ScriptArchiveContents contentsOf(const api::ScriptUnit& unit, const IValue& root) {
  const auto& origin = unit.origin;
  if (!origin.unsavable.empty())
    EMBER_FAIL_KIND(NotImplemented, "cannot save the module: it holds {}, which ember keeps in another form",
                    origin.unsavable);
  serialization::ScriptArchiveContents c;
  c.root = root;
  c.constants = origin.constants;
  c.code = origin.code;
  c.version = origin.version;
  c.objectState = [](const IValue& obj) -> std::optional<IValue> {
    const ClassType* cls = asClass(obj.toObject().type);
    if (!cls) EMBER_FAIL_KIND(Type, "cannot save an object without a class");
    runtime::Function* getstate = cls->findMethod("__getstate__");
    if (!getstate || !cls->findMethod("__setstate__")) return std::nullopt;
    return getstate->call({obj});
  };
  return c;
}

}  // namespace

void Module::save(const std::string& path) const { serialization::writeScriptArchive(contentsOf(*unit_, object_), path); }

std::vector<uint8_t> Module::save_to_bytes() const {
  return serialization::writeScriptArchiveBytes(contentsOf(*unit_, object_));
}

}  // namespace ember
