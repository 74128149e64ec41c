// libFuzzer target for the pickle VM: unpickle arbitrary bytes with every hook
// installed (storages, `__torch__` objects), print and disassemble the result,
// then pickle it again and check the second load prints the same. Any outcome
// but a value or ember::Error (a crash, a sanitizer report, a hang, another
// exception, a round-trip mismatch) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <vector>

#include "ember/serialization/pickler.h"
#include "ember/serialization/unpickler.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace {

using namespace ember;
using namespace ember::serialization;

// Small limits keep printing fast; the code paths are the same.
constexpr uint64_t kMaxExpanded = 1 << 16;
constexpr int64_t kMaxStorageBytes = 1 << 16;

Storage fuzzStorage(const std::string& key, DType dtype, int64_t numel) {
  if (numel > kMaxStorageBytes / static_cast<int64_t>(elementSize(dtype))) EMBER_FAIL("storage too large for fuzzing");
  auto s = makeIntrusive<StorageImpl>(static_cast<size_t>(numel) * elementSize(dtype));
  // Deterministic contents (bool storages must hold 0 or 1).
  auto* p = static_cast<uint8_t*>(s->data());
  for (size_t i = 0; i < s->nbytes(); ++i) p[i] = dtype == DType::Bool ? (i + key.size()) % 2 : static_cast<uint8_t>(i * 7 + key.size());
  return s;
}

IValue fuzzObject(const std::string& name, IValue arg, ObjectBuildKind kind) {
  if (name.size() > 40) EMBER_FAIL("refused");
  auto cls = std::make_shared<const Type>(TypeKind::Class, std::vector<TypePtr>{}, name);
  auto obj = makeIntrusive<Object>(cls, 1);
  obj->slots[0] = std::move(arg);
  return IValue(obj);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // An exact-size heap copy, so ASan sees any read past the end.
  std::vector<uint8_t> bytes(data, data + size);
  {
    std::ostringstream dis;
    disassemblePickle(bytes, dis);
  }
  UnpicklerOptions options;
  options.storageLoader = fuzzStorage;
  options.objectBuilder = fuzzObject;
  options.maxExpandedSize = kMaxExpanded;
  options.tensorTable = {Tensor::fromVector<float>({1, 2}, std::vector<int64_t>{2})};
  IValue v;
  try {
    v = unpickle(std::span<const uint8_t>(bytes), options);
  } catch (const Error&) {
    return 0;
  }
  std::string first = v.reprStr();

  std::vector<PickledStorage> storages;
  std::vector<uint8_t> again;
  try {
    again = pickle(v, &storages);
  } catch (const Error&) {
    return 0;  // objects, and values torch.save cannot hold
  }
  UnpicklerOptions reload;
  reload.storageLoader = [&](const std::string& key, DType dtype, int64_t numel) -> Storage {
    for (const PickledStorage& s : storages)
      if (s.key == key && s.dtype == dtype && s.numel == numel) return s.storage;
    __builtin_trap();
  };
  reload.maxExpandedSize = kMaxExpanded;
  IValue w;
  try {
    w = unpickle(std::span<const uint8_t>(again), reload);
  } catch (const Error& e) {
    fprintf(stderr, "re-pickled value failed to load: %s\n", e.what());
    __builtin_trap();
  }
  if (w.reprStr() != first) {
    fprintf(stderr, "round trip changed the value:\n%s\n%s\n", first.c_str(), w.reprStr().c_str());
    __builtin_trap();
  }
  return 0;
}
