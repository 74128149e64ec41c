// libFuzzer target for TorchScript archives: ember::load from memory (zip,
// records, pickles, code/ compilation, object building), then every
// parameter and buffer touched, then the module saved again (Module::save's
// writer on whatever object graphs a load can produce) and the result
// loaded. Any outcome but a Module or ember::Error is a bug.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ember/api/ember.h"
#include "ember/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ember;
  auto bytes = std::make_shared<const std::vector<uint8_t>>(data, data + size);
  try {
    Module m = load(bytes, "fuzz.pt");
    for (const auto& [name, t] : m.named_parameters()) (void)t.to(DType::Double).toVector<double>();
    for (const auto& [name, t] : m.named_buffers()) (void)t.to(DType::Double).toVector<double>();
    auto saved = std::make_shared<const std::vector<uint8_t>>(m.save_to_bytes());
    (void)load(saved, "fuzz-resaved.pt");
  } catch (const Error&) {
  }
  return 0;
}
