// libFuzzer target for the zip reader: open an archive from memory, list it,
// read every entry every way a loader would. Any outcome but success or
// ember::Error (a crash, a sanitizer report, a hang, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "ember/serialization/zip_reader.h"
#include "ember/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ember::serialization;
  // An exact-size heap copy, so ASan sees any read past the end.
  auto bytes = std::make_shared<const std::vector<uint8_t>>(data, data + size);
  try {
    ZipReader reader(bytes, "fuzz.zip");
    for (const std::string& name : reader.names()) {
      if (!reader.has(name)) __builtin_trap();
      try {
        std::vector<uint8_t> copy = reader.read(name);
        SharedBytes shared = reader.share(name);
        if (shared.size != copy.size()) __builtin_trap();
        if (reader.entry(name).isStored() && reader.view(name).size() != copy.size())
          __builtin_trap();
      } catch (const ember::Error&) {
        // A bad entry must not hide the others.
      }
    }
    reader.archiveRoot();
  } catch (const ember::Error&) {
  }
  return 0;
}
