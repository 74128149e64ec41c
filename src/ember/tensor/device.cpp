#include "ember/tensor/device.h"

#include <charconv>

#include "ember/support/error.h"

namespace ember {

Device Device::parse(std::string_view s) {
  Device d;
  std::string_view type = s.substr(0, s.find(':'));
  if (type == "cpu") d.type = Type::CPU;
  else if (type == "cuda") d.type = Type::CUDA;
  else if (type == "meta") d.type = Type::Meta;
  else EMBER_FAIL("Expected one of cpu, cuda, meta device type at start of device string: {}", s);
  if (type.size() < s.size()) {
    std::string_view idx = s.substr(type.size() + 1);
    int v = -1;
    auto [p, ec] = std::from_chars(idx.data(), idx.data() + idx.size(), v);
    if (ec != std::errc() || p != idx.data() + idx.size() || v < 0 || v > 127)
      EMBER_FAIL("Invalid device string: '{}'", s);
    d.index = static_cast<int8_t>(v);
  }
  return d;
}

std::string Device::str() const {
  std::string_view name = type == Type::CPU ? "cpu" : type == Type::CUDA ? "cuda" : "meta";
  if (index < 0) return std::string(name);
  return fmt::format("{}:{}", name, index);
}

}  // namespace ember
