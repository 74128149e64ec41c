// A pickle VM for the files PyTorch writes: torch.save's data.pkl and
// TorchScript's data.pkl / constants.pkl (protocol 2), and anything Python
// writes with protocols 2 to 5.
//
// Security is the point. A pickle is a program; Python runs it by importing
// and calling whatever GLOBAL names. This VM calls nothing but an allow-list:
// every GLOBAL is resolved through the caller's GlobalResolver, then the
// built-in table (torch tensors, storages, dtypes, devices, OrderedDict, the
// torch.jit._pickle helpers); anything else is an Error(Format) naming the
// global and the byte. `__torch__.*` classes go to an ObjectBuilder, refused
// when none is given.
//
// Hostile input yields ember::Error, never a crash, a hang or an unbounded
// allocation: every read is bounds-checked; the VM is iterative; nesting is
// limited (maxDepth) so that the recursive printers, comparisons and
// destructors of IValue stay within the native stack; a container cannot be
// changed after it was placed in another one, which rules out reference
// cycles (they would leak under reference counting); the tree a shared DAG
// expands to is limited (maxExpandedSize) so that printing or comparing the
// result finishes.
//
// The unpickler works on bytes: the zip container and where storages come
// from are the caller's business (StorageLoader; see torch_save.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ember/tensor/dtype.h"
#include "ember/tensor/storage.h"
#include "ember/value/ivalue.h"

namespace ember::serialization {

// A Python callable a pickle may call (REDUCE, NEWOBJ), given the positional
// arguments. Errors it throws are reported with the global's name and byte.
using PickleFunction = std::function<IValue(std::span<const IValue> args)>;

// What a GLOBAL stands for once resolved.
struct PickleGlobal {
  enum class Kind : uint8_t {
    Value,     // pushed as is: dtypes, layouts and memory formats are ints
    Function,  // called by REDUCE / NEWOBJ
    Type,      // a class that may only be passed as an argument (torch.Tensor
               // in _rebuild_from_type_v2); calling it is refused
  };
  Kind kind = Kind::Value;
  IValue value;
  PickleFunction function;

  static PickleGlobal ofValue(IValue v) { return {Kind::Value, std::move(v), {}}; }
  static PickleGlobal ofFunction(PickleFunction f) { return {Kind::Function, IValue(), std::move(f)}; }
  static PickleGlobal ofType() { return {Kind::Type, IValue(), {}}; }
};

// Consulted first for every GLOBAL / STACK_GLOBAL / INST; nullopt falls
// through to the built-in table.
using GlobalResolver =
    std::function<std::optional<PickleGlobal>(std::string_view module, std::string_view name)>;

// Returns the storage a persistent id ('storage', <storage class>, key,
// location, numel) names: at least numel elements of dtype. Called once per
// key; the location ("cpu", "cuda:0") is ignored: everything loads to the CPU.
using StorageLoader = std::function<Storage(const std::string& key, DType dtype, int64_t numel)>;

enum class ObjectBuildKind : uint8_t {
  State,  // GLOBAL cls, EMPTY_TUPLE, NEWOBJ, <state>, BUILD: arg is the state
          // (the attribute dict, or what __getstate__ returned)
  Call,   // GLOBAL cls, <arg>, REDUCE (TorchScript enums), or NEWOBJ with arguments
};
// Builds an instance of a TorchScript class `__torch__.*`.
using ObjectBuilder =
    std::function<IValue(const std::string& qualifiedName, IValue arg, ObjectBuildKind kind)>;

// Parses the annotation in torch.jit._pickle.restore_type_tag ("List[int]",
// "Dict[str, Tensor]"); nullptr if it cannot. The built-in parseTypeTag is used
// when none is given.
using TypeParser = std::function<TypePtr(std::string_view annotation)>;

struct UnpicklerOptions {
  StorageLoader storageLoader;  // tensors are refused without one
  GlobalResolver resolver;
  ObjectBuilder objectBuilder;  // `__torch__.*` objects are refused without one
  TypeParser typeParser;
  // TorchScript's tensor table (torch.jit._pickle.build_tensor_from_id).
  std::vector<Tensor> tensorTable;
  // Give lists and dicts whose element types the pickle does not say (all of
  // them, in torch.save files) the types their elements unify to: [1, 2] is a
  // List[int], a state dict a Dict[str, Tensor]; empty or mixed ones stay Any.
  bool inferContainerTypes = true;
  // Limits on the result (see the file comment). Python's own pickler cannot
  // write anything nested deeper than its recursion limit (1000).
  uint32_t maxDepth = 1000;
  uint64_t maxExpandedSize = uint64_t(1) << 28;
};

class Unpickler {
 public:
  // The bytes must outlive the Unpickler.
  explicit Unpickler(std::span<const uint8_t> bytes, UnpicklerOptions options = {});
  ~Unpickler();
  Unpickler(const Unpickler&) = delete;
  Unpickler& operator=(const Unpickler&) = delete;

  // Runs to STOP and returns the value; once per Unpickler. Error(Format) for
  // malformed or refused input, Error(NotImplemented) for things PyTorch
  // writes that ember does not support (quantized or sparse tensors, sets).
  IValue parse();
  // Offset just past STOP after parse(): the legacy torch.save format is
  // several pickles back to back.
  size_t position() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

IValue unpickle(std::span<const uint8_t> bytes, UnpicklerOptions options = {});
IValue unpickle(std::string_view bytes, UnpicklerOptions options = {});

// The built-in allow-list for torch.save files (what resolves when the
// caller's resolver does not): _rebuild_tensor(_v2), _rebuild_parameter(_with_state),
// legacy storage classes and dtypes (ints), torch.device, torch.Size, layouts,
// memory formats, _codecs.encode. Throws Error(NotImplemented) for globals
// PyTorch writes that ember does not support; nullopt for unknown ones.
// (OrderedDict, torch.jit._pickle and `__torch__` classes need the VM and are
// handled inside it.)
std::optional<PickleGlobal> resolveTorchGlobal(std::string_view module, std::string_view name);

// The annotation types restore_type_tag uses: int, float, bool, str, Tensor,
// NoneType, Any, Device, List[T], Dict[K, V], Tuple[...], Optional[T], and
// the names resolveName knows ("__torch__.Color"). nullptr for anything else
// (other classes, malformed text).
using TypeNameResolver = std::function<TypePtr(std::string_view qualifiedName)>;
TypePtr parseTypeTag(std::string_view annotation, const TypeNameResolver& resolveName = {});

// A listing in the manner of Python's pickletools.dis: one line per opcode
// with its offset, name and argument, indented by MARK depth. Stops after STOP
// or at the first malformed byte (reported on the last line). Never recurses.
void disassemblePickle(std::span<const uint8_t> bytes, std::ostream& os);

}  // namespace ember::serialization
