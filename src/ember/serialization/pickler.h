// Writes values as pickle protocol 2 the way torch.save (Python's C pickler
// plus torch's persistent ids) does, byte for byte where the values match:
//
//   None, bool, int (BININT1/BININT2/BININT, LONG1 beyond int32), float
//   (BINFLOAT), str (BINUNICODE; bytes that are not UTF-8 as
//   _codecs.encode(..., 'latin1'), as Python writes bytes), tuple, list, dict
//   (plain, or collections.OrderedDict on request), Device (torch.device),
//   Tensor (torch._utils._rebuild_tensor_v2 with the persistent id
//   ('storage', torch.<T>Storage, key, 'cpu', numel) and an empty OrderedDict
//   of backward hooks).
//
// Objects are memoized by identity as Python does (BINPUT/BINGET), so a list
// or tensor that appears twice loads as one object, and two views of one
// storage share one storage record. dtypes are ints in ember and stay ints.
// Objects (TorchScript class instances) and recursive lists are refused.
//
// With PicklerOptions::torchScript the pickle is what torch.jit.save writes
// for data.pkl / constants.pkl (torch/csrc/jit/serialization/pickler.cpp):
// objects as GLOBAL '__torch__.<module> <Class>', EMPTY_TUPLE NEWOBJ, then
// their state (a dict of every attribute in slot order, or what objectState
// returns, i.e. __getstate__) and BUILD; int/float/bool/Tensor lists through
// torch.jit._pickle.build_intlist & co; other lists and every dict through
// torch.jit._pickle.restore_type_tag with their static type, so that typed
// containers load with their types.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ember/tensor/dtype.h"
#include "ember/tensor/storage.h"
#include "ember/value/ivalue.h"

namespace ember::serialization {

struct PicklerOptions {
  // Write every dict as collections.OrderedDict (what state_dict() returns).
  bool orderedDicts = false;
  // Write TorchScript archive pickles (objects allowed, type-tagged containers).
  bool torchScript = false;
  // torchScript: an object's state when it is not its attribute dict (the
  // result of its __getstate__); may throw to refuse the object.
  std::function<std::optional<IValue>(const IValue& object)> objectState;
};

// A storage the pickle refers to; the caller stores its bytes (the whole
// storage, numel * element size of them) as the record `data/<key>`.
struct PickledStorage {
  std::string key;  // "0", "1", ... in order of first use
  Storage storage;
  DType dtype = DType::Undefined;
  int64_t numel = 0;

  size_t nbytes() const { return static_cast<size_t>(numel) * elementSize(dtype); }
};

class Pickler {
 public:
  explicit Pickler(PicklerOptions options = {});
  ~Pickler();
  Pickler(const Pickler&) = delete;
  Pickler& operator=(const Pickler&) = delete;

  // Writes one complete pickle (PROTO 2 ... STOP) of v; once per Pickler.
  // Error(Type) for values torch.save cannot hold.
  void dump(const IValue& v);

  const std::vector<uint8_t>& bytes() const;
  std::vector<uint8_t> takeBytes();
  // The storages the tensors in v use, deduplicated by identity.
  const std::vector<PickledStorage>& storages() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-call form; tensors are refused when `storages` is null.
std::vector<uint8_t> pickle(const IValue& v, std::vector<PickledStorage>* storages = nullptr,
                            PicklerOptions options = {});

}  // namespace ember::serialization
