// Device, Layout and MemoryFormat: values TorchScript passes around (and
// archives store) even though ember computes on the CPU only. A tensor asked
// to go to "cuda" fails loudly; map_location-style loading maps to CPU.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ember {

struct Device {
  enum class Type : int8_t { CPU = 0, CUDA = 1, Meta = 9 };
  Type type = Type::CPU;
  int8_t index = -1;

  // Parses "cpu", "cuda", "cuda:1", "meta"; throws on anything else.
  static Device parse(std::string_view s);
  std::string str() const;
  bool operator==(const Device&) const = default;
};

// PyTorch's numbering (c10::Layout, c10::MemoryFormat): archives store them as ints.
enum class Layout : int8_t { Strided = 0, Sparse = 1 };
enum class MemoryFormat : int8_t { Contiguous = 0, Preserve = 1, ChannelsLast = 2, ChannelsLast3d = 3 };

}  // namespace ember
