// The built-in allow-list: the globals torch.save writes, each mapped to a
// value or to a C++ function that builds the object without running Python.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ember/serialization/unpickler.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::serialization {
namespace {

struct NamedInt {
  std::string_view name;
  int64_t value;
};

// c10::ScalarType numbers by Python name (torch.float32 pickles as the global
// `torch float32`); TorchScript represents a dtype as this int. Complex and
// quantized ones are listed too: the value is only a number until a tensor of
// that dtype is made, and that fails with a clear message.
constexpr NamedInt kScalarTypes[] = {
    {"uint8", 0},      {"int8", 1},        {"int16", 2},       {"short", 2},      {"int32", 3},
    {"int", 3},        {"int64", 4},       {"long", 4},        {"float16", 5},    {"half", 5},
    {"float32", 6},    {"float", 6},       {"float64", 7},     {"double", 7},     {"complex32", 8},
    {"chalf", 8},      {"complex64", 9},   {"cfloat", 9},      {"complex128", 10}, {"cdouble", 10},
    {"bool", 11},      {"qint8", 12},      {"quint8", 13},     {"qint32", 14},    {"bfloat16", 15},
    {"quint4x2", 16},  {"quint2x4", 17},
};
// c10::Layout, c10::MemoryFormat and c10::QScheme numbering.
constexpr NamedInt kLayouts[] = {{"strided", 0},    {"sparse_coo", 1}, {"sparse_csr", 2}, {"_mkldnn", 3},
                                 {"sparse_csc", 4}, {"sparse_bsr", 5}, {"sparse_bsc", 6}};
constexpr NamedInt kMemoryFormats[] = {
    {"contiguous_format", 0}, {"preserve_format", 1}, {"channels_last", 2}, {"channels_last_3d", 3}};
constexpr NamedInt kQSchemes[] = {{"per_tensor_affine", 0},
                                  {"per_channel_affine", 1},
                                  {"per_tensor_symmetric", 2},
                                  {"per_channel_symmetric", 3},
                                  {"per_channel_affine_float_qparams", 4}};

template <size_t N>
std::optional<int64_t> lookup(const NamedInt (&table)[N], std::string_view name) {
  for (const NamedInt& e : table)
    if (e.name == name) return e.value;
  return std::nullopt;
}

void checkArgCount(std::span<const IValue> args, size_t lo, size_t hi) {
  if (args.size() < lo || args.size() > hi) {
    if (lo == hi) EMBER_FAIL("expected {} arguments, got {}", lo, args.size());
    EMBER_FAIL("expected {} to {} arguments, got {}", lo, hi, args.size());
  }
}

// torch.Size and the size/stride arguments: a tuple (or list) of ints.
std::vector<int64_t> intsOf(const IValue& v, std::string_view what) {
  if (!v.isTuple() && !v.isList()) EMBER_FAIL("{} must be a tuple of ints, not {}", what, v.tagName());
  const auto& elems = v.isTuple() ? v.toTuple().elements : v.toList().elements;
  std::vector<int64_t> out;
  out.reserve(elems.size());
  for (const IValue& e : elems) {
    if (!e.isInt()) EMBER_FAIL("{} must be a tuple of ints, found a {}", what, e.tagName());
    out.push_back(e.toInt());
  }
  return out;
}

bool boolOf(const IValue& v, std::string_view what) {
  if (!v.isBool()) EMBER_FAIL("{} must be a bool, not {}", what, v.tagName());
  return v.toBool();
}

// Pickled tensors are views; more dims than this is not a tensor anyone saved.
constexpr size_t kMaxDims = 64;

// _rebuild_tensor(storage, storage_offset, size, stride) and
// _rebuild_tensor_v2(..., requires_grad, backward_hooks[, metadata]). The
// storage argument is what the persistent id loaded: a 1-d tensor over the
// whole storage. Hooks and metadata (conj/neg bits, meaningless for real
// dtypes) are dropped, as PyTorch's own C++ loader does.
IValue rebuildTensor(std::span<const IValue> args, bool v2) {
  if (v2) checkArgCount(args, 6, 7);
  else checkArgCount(args, 4, 4);
  if (!args[0].isTensor()) EMBER_FAIL("the storage argument is a {}, not a storage", args[0].tagName());
  const Tensor& storage = args[0].toTensor();
  if (!args[1].isInt()) EMBER_FAIL("storage_offset must be an int, not {}", args[1].tagName());
  std::vector<int64_t> sizes = intsOf(args[2], "size");
  std::vector<int64_t> strides = intsOf(args[3], "stride");
  if (sizes.size() != strides.size())
    EMBER_FAIL("size has {} dimensions but stride has {}", sizes.size(), strides.size());
  if (sizes.size() > kMaxDims) EMBER_FAIL("tensor has {} dimensions (at most {} supported)", sizes.size(), kMaxDims);
  Tensor t = Tensor::fromStorage(storage.storage(), args[1].toInt(), sizes, strides, storage.dtype());
  if (v2) t.impl()->requiresGrad = boolOf(args[4], "requires_grad");
  return t;
}

// _rebuild_parameter(data, requires_grad, backward_hooks) and
// _rebuild_parameter_with_state(..., state). ember has no Parameter class: a
// parameter is a tensor that requires grad. An alias keeps `data` itself
// unchanged (it may be shared elsewhere in the pickle).
IValue rebuildParameter(std::span<const IValue> args, bool withState) {
  if (withState) checkArgCount(args, 4, 4);
  else checkArgCount(args, 3, 3);
  if (!args[0].isTensor()) EMBER_FAIL("data must be a tensor, not {}", args[0].tagName());
  Tensor t = args[0].toTensor().alias();
  t.impl()->requiresGrad = boolOf(args[1], "requires_grad");
  return t;
}

// torch.device('cuda', 1) pickles as (torch.device, ('cuda', 1)).
IValue makeDevice(std::span<const IValue> args) {
  checkArgCount(args, 1, 2);
  if (!args[0].isString()) EMBER_FAIL("device type must be a str, not {}", args[0].tagName());
  std::string spec = args[0].toStringRef();
  if (args.size() == 2 && !args[1].isNone()) {
    if (!args[1].isInt()) EMBER_FAIL("device index must be an int, not {}", args[1].tagName());
    spec += fmt::format(":{}", args[1].toInt());
  }
  return Device::parse(spec);
}

// torch.Size((2, 3)) -> (2, 3): TorchScript has no Size type either.
IValue makeSize(std::span<const IValue> args) {
  checkArgCount(args, 0, 1);
  std::vector<IValue> elems;
  if (!args.empty())
    for (int64_t v : intsOf(args[0], "torch.Size"))
      elems.emplace_back(v);
  return makeTuple(std::move(elems));
}

// torch.strided pickles as torch.serialization._get_layout('torch.strided').
IValue getLayout(std::span<const IValue> args) {
  checkArgCount(args, 1, 1);
  if (!args[0].isString()) EMBER_FAIL("layout name must be a str, not {}", args[0].tagName());
  std::string_view name = args[0].toStringRef();
  if (name.starts_with("torch.")) name.remove_prefix(6);
  if (auto v = lookup(kLayouts, name)) return *v;
  EMBER_FAIL("unknown layout '{}'", args[0].toStringRef());
}

// Decodes one UTF-8 sequence at s[i]; throws on malformed input.
uint32_t nextCodePoint(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t b = byte(i);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int n = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
  if (n < 0 || i + static_cast<size_t>(n) >= s.size())
    EMBER_FAIL("malformed UTF-8 at character {}", i);
  uint32_t cp = b & (0x3f >> n);
  for (int k = 1; k <= n; ++k) {
    uint8_t c = byte(i + static_cast<size_t>(k));
    if ((c & 0xc0) != 0x80) EMBER_FAIL("malformed UTF-8 at character {}", i);
    cp = (cp << 6) | (c & 0x3f);
  }
  i += static_cast<size_t>(n) + 1;
  return cp;
}

// Protocol 2 has no bytes opcode: Python 3 writes b'\x00\xff' as
// _codecs.encode('\x00\xff', 'latin1'). ember keeps bytes in a str.
IValue codecsEncode(std::span<const IValue> args) {
  checkArgCount(args, 1, 2);
  if (!args[0].isString()) EMBER_FAIL("expected a str, not {}", args[0].tagName());
  std::string encoding = "utf-8";
  if (args.size() == 2) {
    if (!args[1].isString()) EMBER_FAIL("encoding must be a str, not {}", args[1].tagName());
    encoding = args[1].toStringRef();
    std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                   [](char c) { return c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  }
  const std::string& text = args[0].toStringRef();
  if (encoding == "utf-8" || encoding == "utf8") return text;
  if (encoding != "latin1" && encoding != "latin-1" && encoding != "iso-8859-1")
    EMBER_FAIL("unsupported encoding '{}'", args[1].toStringRef());
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = nextCodePoint(text, i);
    if (cp > 0xff) EMBER_FAIL("character U+{:04X} cannot be encoded as latin-1", cp);
    out.push_back(static_cast<char>(cp));
  }
  return out;
}

IValue emptyBytes(std::span<const IValue> args) {
  // bytes(n) would allocate n bytes on the pickle's say-so: only b'' is written this way.
  checkArgCount(args, 0, 0);
  return std::string();
}

// The caller (the VM) adds the global's name to the message.
[[noreturn]] void unsupported(std::string_view what) { EMBER_FAIL_KIND(NotImplemented, "{} are not supported", what); }

std::optional<PickleGlobal> resolveTorchModule(std::string_view name) {
  if (auto v = lookup(kScalarTypes, name)) return PickleGlobal::ofValue(*v);
  if (auto v = lookup(kLayouts, name)) return PickleGlobal::ofValue(*v);
  if (auto v = lookup(kMemoryFormats, name)) return PickleGlobal::ofValue(*v);
  if (auto v = lookup(kQSchemes, name)) return PickleGlobal::ofValue(*v);
  if (name == "device") return PickleGlobal::ofFunction(makeDevice);
  if (name == "Size") return PickleGlobal::ofFunction(makeSize);
  if (name == "Tensor") return PickleGlobal::ofType();
  // Legacy storage classes name the dtype of a persistent id's storage.
  if (name == "UntypedStorage") return PickleGlobal::ofValue(static_cast<int64_t>(DType::Byte));
  if (auto dt = dtypeFromStorageClass(name)) return PickleGlobal::ofValue(static_cast<int64_t>(*dt));
  if (name.ends_with("Storage")) unsupported("storages of this type");
  return std::nullopt;
}

}  // namespace

std::optional<PickleGlobal> resolveTorchGlobal(std::string_view module, std::string_view name) {
  if (module == "torch") return resolveTorchModule(name);
  if (module == "torch._utils") {
    if (name == "_rebuild_tensor_v2")
      return PickleGlobal::ofFunction([](std::span<const IValue> a) { return rebuildTensor(a, true); });
    if (name == "_rebuild_tensor")
      return PickleGlobal::ofFunction([](std::span<const IValue> a) { return rebuildTensor(a, false); });
    if (name == "_rebuild_parameter")
      return PickleGlobal::ofFunction([](std::span<const IValue> a) { return rebuildParameter(a, false); });
    if (name == "_rebuild_parameter_with_state")
      return PickleGlobal::ofFunction([](std::span<const IValue> a) { return rebuildParameter(a, true); });
    if (name == "_rebuild_qtensor") unsupported("quantized tensors");
    if (name == "_rebuild_sparse_tensor" || name == "_rebuild_sparse_csr_tensor")
      unsupported("sparse tensors");
    if (name == "_rebuild_nested_tensor") unsupported("nested tensors");
    if (name == "_rebuild_meta_tensor_no_storage") unsupported("meta tensors");
    if (name == "_rebuild_device_tensor_from_numpy" || name == "_rebuild_xla_tensor" ||
        name == "_rebuild_mlc_tensor" || name == "_rebuild_wrapper_subclass")
      unsupported("tensors of this device or subclass");
    return std::nullopt;
  }
  if (module == "torch.nn.parameter" && name == "Parameter") return PickleGlobal::ofType();
  if (module == "torch.serialization" && name == "_get_layout") return PickleGlobal::ofFunction(getLayout);
  if (module == "_codecs" && name == "encode") return PickleGlobal::ofFunction(codecsEncode);
  if (module == "builtins" || module == "__builtin__") {
    if (name == "bytes") return PickleGlobal::ofFunction(emptyBytes);
    if (name == "set" || name == "frozenset") unsupported("sets");
    if (name == "complex") unsupported("complex numbers");
  }
  return std::nullopt;
}

}  // namespace ember::serialization
