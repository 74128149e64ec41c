// libFuzzer target for whole torch.save files: zip or legacy format, loaded
// from memory (zero-copy where aligned) and then read element by element.
// Any outcome but a value or ember::Error is a bug.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ember/serialization/torch_save.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ember;
  auto bytes = std::make_shared<const std::vector<uint8_t>>(data, data + size);
  try {
    IValue v = serialization::loadTorchBytes(bytes);
    // Touch every tensor element: views must lie inside their storages.
    std::vector<IValue> work{v};
    while (!work.empty()) {
      IValue x = std::move(work.back());
      work.pop_back();
      if (x.isTensor()) (void)x.toTensor().to(DType::Double).toVector<double>();
      if (x.isList()) work.insert(work.end(), x.toList().elements.begin(), x.toList().elements.end());
      if (x.isTuple()) work.insert(work.end(), x.toTuple().elements.begin(), x.toTuple().elements.end());
      if (x.isDict())
        for (const auto& [k, val] : x.toDict().entries()) work.push_back(val);
    }
  } catch (const Error&) {
  }
  return 0;
}
