// ember's public API: load a TorchScript archive written by torch.jit.save
// and run it, as torch.jit.load does.
//
//   ember::Module m = ember::load("model.pt");
//   ember::IValue y = m.forward({ember::IValue(x)});
//   ember::IValue z = m.run_method("predict", {x});
//
// A Module is a handle: copies share the object and its compiled code.
// forward/run_method may be called from several threads at once on one
// Module (the interpreter keeps every call's state on its own stack); methods
// that change attributes (prim::SetAttr) are, as in PyTorch, not synchronized.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ember/tensor/tensor.h"
#include "ember/value/class_type.h"
#include "ember/value/ivalue.h"

namespace ember {

namespace api {
class ScriptUnit;
}

class Module {
 public:
  Module(std::shared_ptr<const api::ScriptUnit> unit, IValue object);

  IValue forward(std::vector<IValue> args,
                 const std::vector<std::pair<std::string, IValue>>& kwargs = {}) const {
    return run_method("forward", std::move(args), kwargs);
  }
  // Error(Runtime) naming the method when the module has none of that name;
  // model errors are runtime::ScriptError (with the TorchScript traceback).
  IValue run_method(const std::string& name, std::vector<IValue> args,
                    const std::vector<std::pair<std::string, IValue>>& kwargs = {}) const;
  bool has_method(const std::string& name) const;

  IValue attr(const std::string& name) const;
  bool hasattr(const std::string& name) const;
  void setattr(const std::string& name, IValue value);

  // Qualified names ("layer1.0.conv1.weight"), in declaration order, recursing into submodules.
  std::vector<std::pair<std::string, Tensor>> named_parameters() const;
  std::vector<std::pair<std::string, Tensor>> named_buffers() const;
  // The module itself first, as "".
  std::vector<std::pair<std::string, Module>> named_modules() const;

  // Sets `training` here and in every submodule.
  void train(bool on = true);
  void eval() { train(false); }
  bool is_training() const;

  // Writes an archive torch.jit.load (PyTorch 1.13) reads: the object graph
  // as it is now (attributes changed by setattr or by methods included), the
  // loaded code/ and constants. Error(NotImplemented) for modules holding
  // values ember keeps in another form (torchbind objects, quantized
  // tensors); Error(Io) if the file cannot be written.
  void save(const std::string& path) const;
  std::vector<uint8_t> save_to_bytes() const;

  const ClassType& type() const;
  const IValue& object() const { return object_; }
  const std::shared_ptr<const api::ScriptUnit>& unit() const { return unit_; }

 private:
  std::shared_ptr<const api::ScriptUnit> unit_;
  IValue object_;
};

// Loads a torch.jit.save archive (any PyTorch 1.x / 2.x format version, and
// lite-interpreter archives that carry code/). Every method is compiled at
// load time: unknown operators and classes are reported together in one
// Error(NotImplemented); unreadable or malformed files are Error(Io) /
// Error(Format).
Module load(const std::string& path);
// The same for an archive in memory; `label` names it in errors.
Module load(std::shared_ptr<const std::vector<uint8_t>> bytes, const std::string& label = "<buffer>");

}  // namespace ember
