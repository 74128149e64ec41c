// prim: tensor introspection (dtype, device, sizes), tensors <-> Python
// numbers, devices, identity and hashing, and the runtime-state queries
// TorchScript programs ask (is_scripting, is_grad_enabled, warn).
#include <algorithm>
#include <iostream>
#include <mutex>
#include <set>

#include "ember/ops/builtins_util.h"
#include "ember/value/enum_type.h"

namespace ember::ops {

using namespace builtins;

namespace {

const Tensor& tensorArg(const IValue& v) { return v.toTensor(); }

// checkImplicitTensorToNum: a tensor passed where a number is expected.
void checkImplicitTensorToNum(const Tensor& t, bool toInt) {
  EMBER_CHECK(!t.requiresGrad(), "Cannot input a tensor that requires grad as a scalar argument");
  EMBER_CHECK(t.dim() == 0, "Cannot input a tensor of dimension other than 0 as a scalar argument");
  EMBER_CHECK(!toInt || isIntegral(t.dtype(), /*includeBool=*/false), "Cannot input a tensor of type {} as an integral argument",
              scalarTypeName(t.dtype()));
}

// Tensor.item<int64_t>(): c10's checked conversion.
int64_t itemInt(const Tensor& t) {
  const Scalar s = t.item();
  if (!s.isFloating()) return s.toInt();
  const double d = s.toDouble();
  EMBER_CHECK(!(std::isnan(d) || d < -9223372036854775808.0 || d > 9223372036854775808.0),
              "value cannot be converted to type int64_t without overflow");
  return castToInt64(d);
}

// c10::hash of an IValue, which aten::hash returns: std::hash of the
// payload for numbers and strings, the impl address for tensors.
size_t hashValue(const IValue& v) {
  switch (v.tag()) {
    case IValue::Tag::None: return 0;
    case IValue::Tag::Bool: return std::hash<bool>()(v.toBool());
    case IValue::Tag::Int: return std::hash<int64_t>()(v.toInt());
    case IValue::Tag::Double: return std::hash<double>()(v.toDouble());
    case IValue::Tag::String: return std::hash<std::string>()(v.toStringRef());
    case IValue::Tag::Tensor: return std::hash<const void*>()(v.toTensor().impl());
    case IValue::Tag::Device: {
      // std::hash<c10::Device>: c10's device type number and the index byte.
      const Device d = v.toDevice();
      const uint32_t type = d.type == Device::Type::CPU ? 0 : d.type == Device::Type::CUDA ? 1 : 14;
      return std::hash<uint32_t>()(type << 16 | static_cast<uint8_t>(d.index));
    }
    case IValue::Tag::Tuple: {
      // c10::hash_combine over the elements.
      size_t seed = 0;
      for (const auto& e : v.toTuple().elements) seed ^= hashValue(e) + 0x9e3779b9 + (seed << 6) + (seed >> 2);
      return seed;
    }
    case IValue::Tag::List:
    case IValue::Tag::Dict:
    case IValue::Tag::Object: break;
    case IValue::Tag::Enum: EMBER_FAIL("unhashable type: 'Enum<{}>'", v.toEnum().type->name());
  }
  EMBER_FAIL("Unhashable type: {}", v.type()->str());
}

// at::Tensor's is-same-object test, with None standing in for an undefined tensor.
bool isSame(const IValue& a, const IValue& b) {
  auto undefined = [](const IValue& v) { return v.isNone() || (v.isTensor() && !v.toTensor().defined()); };
  if (undefined(a) && undefined(b)) return true;
  if (a.isTensor()) return b.isTensor() && a.toTensor().isSame(b.toTensor());
  return a.isSameIdentity(b);
}

// The device type names c10::Device accepts, for its error message.
constexpr std::string_view kDeviceTypes[] = {"cpu",  "cuda", "ipu", "xpu",  "mkldnn", "opengl", "opencl",
                                             "ideep", "hip", "ve",  "fpga", "ort",    "xla",    "lazy",
                                             "vulkan", "mps", "meta", "hpu", "privateuseone"};

Device parseDevice(const std::string& s) {
  const std::string_view type = std::string_view(s).substr(0, s.find(':'));
  const bool known = std::find(std::begin(kDeviceTypes), std::end(kDeviceTypes), type) != std::end(kDeviceTypes);
  EMBER_CHECK(known,
              "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, "
              "vulkan, mps, meta, hpu, privateuseone device type at start of device string: {}",
              s);
  return Device::parse(s);
}

// prim::tolist: the tensor as nested lists of the annotated element type
// (0 int, 1 float, 2 bool, 3 complex) and depth.
IValue toListRecursive(const Tensor& t, const std::vector<double>& f, const std::vector<int64_t>& i, int64_t dim,
                       int64_t offset, int elemType) {
  if (dim == t.dim()) {
    if (elemType == 1) return IValue(f[static_cast<size_t>(offset)]);
    if (elemType == 2) return IValue(i[static_cast<size_t>(offset)] != 0);
    return IValue(i[static_cast<size_t>(offset)]);
  }
  static const TypePtr* leaf[] = {&types::intT(), &types::floatT(), &types::boolT()};
  TypePtr elem = *leaf[elemType];
  for (int64_t d = t.dim() - 1; d > dim; --d) elem = types::list(elem);
  ListPtr out = makeList(elem);
  int64_t stride = 1;
  for (int64_t d = dim + 1; d < t.dim(); ++d) stride *= t.size(d);
  for (int64_t k = 0; k < t.size(dim); ++k)
    out->elements.push_back(toListRecursive(t, f, i, dim + 1, offset + k * stride, elemType));
  return IValue(std::move(out));
}

// ---------------------------------------------------------------- registration

void registerConversions(Registry& r) {
  r.defBoxed("aten::Bool.Tensor(Tensor a) -> bool", [](Stack& s) { s.back() = IValue(tensorIsNonzero(tensorArg(s.back()))); });
  r.defBoxed("aten::Int.Tensor(Tensor a) -> int", [](Stack& s) { s.back() = IValue(itemInt(tensorArg(s.back()))); });
  r.defBoxed("aten::Float.Tensor(Tensor a) -> float",
             [](Stack& s) { s.back() = IValue(tensorArg(s.back()).item().toDouble()); });
  r.defBoxed("aten::IntImplicit(Tensor a) -> int", [](Stack& s) {
    const Tensor& t = tensorArg(s.back());
    checkImplicitTensorToNum(t, true);
    s.back() = IValue(itemInt(t));
  });
  r.defBoxed("aten::FloatImplicit(Tensor a) -> float", [](Stack& s) {
    const Tensor& t = tensorArg(s.back());
    checkImplicitTensorToNum(t, false);
    s.back() = IValue(t.item().toDouble());
  });
  r.defBoxed("aten::ScalarImplicit(Tensor a) -> Scalar", [](Stack& s) {
    const Tensor& t = tensorArg(s.back());
    checkImplicitTensorToNum(t, false);
    s.back() = IValue(t.item());
  });
  r.defBoxed("aten::item(Tensor self) -> Scalar", [](Stack& s) { s.back() = IValue(tensorArg(s.back()).item()); });
  // A Python number as a 0-dim tensor: int64 or float64 (a bool passed as a
  // Scalar counts as an int, as it does coming from Python).
  r.defBoxed("prim::NumToTensor.Scalar(Scalar a) -> Tensor", [](Stack& s) {
    const IValue& v = s.back();
    s.back() = v.isDouble() ? IValue(Tensor::scalar(Scalar(v.toDouble()), DType::Double))
                            : IValue(Tensor::scalar(Scalar(scalarInt(v)), DType::Long));
  });
  r.defBoxed("prim::NumToTensor.bool(bool a) -> Tensor",
             [](Stack& s) { s.back() = IValue(Tensor::scalar(Scalar(s.back().toBool()), DType::Bool)); });

  r.defBoxed("prim::tolist(...) -> ...", [](Stack& s) {
    EMBER_CHECK(s.size() == 3, "prim::tolist expects a tensor, a dimension and an element type, got {} values",
                s.size());
    const int64_t elemType = s[2].toInt();
    const int64_t dims = s[1].toInt();
    const Tensor t = s[0].toTensor();
    EMBER_CHECK(elemType >= 0 && elemType <= 3,
                "Unsupported element type for tolist; only int, float, complex and bool are supported");
    EMBER_CHECK(elemType != 3, "tolist(): complex tensors are not supported");
    const bool typeOk = (elemType == 1 && t.isFloatingPoint()) || (elemType == 0 && t.dtype() == DType::Long) ||
                        (elemType == 2 && t.dtype() == DType::Bool);
    EMBER_CHECK(typeOk, "Output annotation element type and runtime tensor element type must match for tolist()");
    EMBER_CHECK(dims == t.dim(),
                "Output annotation list dimension and runtime tensor dimension must match for tolist()");
    std::vector<double> f;
    std::vector<int64_t> i;
    if (elemType == 1) f = t.toVector<double>();
    else i = t.toVector<int64_t>();
    IValue out = toListRecursive(t, f, i, 0, 0, static_cast<int>(elemType));
    s.clear();
    push(s, std::move(out));
  });
}

void registerIntrospection(Registry& r) {
  r.defBoxed("prim::dtype(Tensor a) -> int",
             [](Stack& s) { s.back() = IValue(static_cast<int64_t>(tensorArg(s.back()).dtype())); });
  r.defBoxed("prim::device(Tensor a) -> Device", [](Stack& s) { s.back() = IValue(Device{}); });
  r.defBoxed("prim::layout(Tensor a) -> Layout",
             [](Stack& s) { s.back() = IValue(static_cast<int64_t>(Layout::Strided)); });
  // ember's tensors are dense CPU tensors without autograd.
  r.defBoxed("prim::is_cpu(Tensor a) -> bool", [](Stack& s) { s.back() = IValue(true); });
  for (const char* name : {"is_cuda", "is_xpu", "is_sparse", "is_sparse_csr", "is_mkldnn", "is_mps", "is_vulkan",
                           "is_ipu", "is_quantized", "is_meta", "is_ort", "is_nested"}) {
    r.defBoxed(fmt::format("prim::{}(Tensor a) -> bool", name), [](Stack& s) { s.back() = IValue(false); });
  }
  r.defBoxed("prim::requires_grad(Tensor a) -> bool",
             [](Stack& s) { s.back() = IValue(tensorArg(s.back()).requiresGrad()); });
  // x.data: the same storage, detached from autograd.
  r.defBoxed("prim::data(Tensor(a) a) -> Tensor(a)", [](Stack& s) { s.back() = IValue(tensorArg(s.back()).alias()); });
  r.defBoxed("prim::grad(Tensor a) -> Tensor(*)", [](Stack& s) { s.back() = IValue(); });

  // aten::dim, numel, size, size.int and len.Tensor are the shape family's.
  r.defBoxed("aten::stride(Tensor self) -> int[]", [](Stack& s) {
    const IntArrayRef strides = tensorArg(s.back()).strides();
    s.back() = intList(std::vector<int64_t>(strides.begin(), strides.end()));
  });
  r.defBoxed("aten::stride.int(Tensor self, int dim) -> int", [](Stack& s) {
    const int64_t dim = pop(s).toInt();
    const Tensor& t = tensorArg(s.back());
    s.back() = IValue(t.stride(wrapDim(dim, t.dim(), /*scalarAsOneDim=*/false)));
  });
  r.defBoxed("aten::element_size(Tensor self) -> int",
             [](Stack& s) { s.back() = IValue(static_cast<int64_t>(tensorArg(s.back()).elementSize())); });
  r.defBoxed("aten::storage_offset(Tensor self) -> int",
             [](Stack& s) { s.back() = IValue(tensorArg(s.back()).storageOffset()); });
  r.defBoxed("aten::is_floating_point(Tensor self) -> bool",
             [](Stack& s) { s.back() = IValue(tensorArg(s.back()).isFloatingPoint()); });
  r.defBoxed("aten::is_complex(Tensor self) -> bool", [](Stack& s) { s.back() = IValue(false); });
  r.defBoxed("aten::is_signed(Tensor self) -> bool",
             [](Stack& s) { s.back() = IValue(isSigned(tensorArg(s.back()).dtype())); });
  r.defBoxed("aten::is_contiguous(Tensor self) -> bool",
             [](Stack& s) { s.back() = IValue(tensorArg(s.back()).isContiguous()); });
  r.defBoxed("aten::is_nonzero(Tensor self) -> bool",
             [](Stack& s) { s.back() = IValue(tensorIsNonzero(tensorArg(s.back()))); });
  r.defBoxed("aten::is_same_size(Tensor self, Tensor other) -> bool", [](Stack& s) {
    const IValue other = pop(s);
    const IntArrayRef a = tensorArg(s.back()).sizes(), b = tensorArg(other).sizes();
    s.back() = IValue(std::equal(a.begin(), a.end(), b.begin(), b.end()));
  });
  r.defBoxed("aten::get_device(Tensor self) -> int", [](Stack& s) { s.back() = IValue(int64_t(-1)); });
  // Size(x) in traced code: the list itself.
  r.defBoxed("aten::Size(int[] sizes) -> int[]", [](Stack&) {});
  // The broadcast of two shapes.
  r.defBoxed("aten::_infer_size(int[] a, int[] b) -> int[]", [](Stack& s) {
    const std::vector<int64_t> b = pop(s).toIntVector();
    const std::vector<int64_t> a = s.back().toIntVector();
    const size_t n = std::max(a.size(), b.size());
    std::vector<int64_t> out(n);
    // From the last dimension, as at::infer_size goes; the op passes its
    // operands the other way round, which shows in the message.
    for (size_t i = n; i-- > 0;) {
      const int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
      const int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
      EMBER_CHECK(da == db || da == 1 || db == 1,
                  "The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}", db,
                  da, i);
      out[i] = da == 1 ? db : da;
    }
    s.back() = intList(out);
  });
  r.defBoxed("prim::rangelist(int n) -> int[]", [](Stack& s) {
    const int64_t n = s.back().toInt();
    std::vector<int64_t> out;
    for (int64_t i = 0; i < n; ++i) out.push_back(i);
    s.back() = intList(out);
  });
}

void registerDevices(Registry& r) {
  r.defBoxed("aten::device(str a) -> Device", [](Stack& s) { s.back() = IValue(parseDevice(s.back().toStringRef())); });
  r.defBoxed("prim::type(Device self) -> str", [](Stack& s) {
    const Device d = s.back().toDevice();
    s.back() = IValue(d.type == Device::Type::CPU ? "cpu" : d.type == Device::Type::CUDA ? "cuda" : "meta");
  });
  r.defBoxed("prim::index(Device self) -> int?", [](Stack& s) {
    const Device d = s.back().toDevice();
    s.back() = d.index < 0 ? IValue() : IValue(static_cast<int64_t>(d.index));
  });
  r.defBoxed("aten::eq.device(Device a, Device b) -> bool", [](Stack& s) {
    const Device b = pop(s).toDevice();
    s.back() = IValue(s.back().toDevice() == b);
  });
  r.defBoxed("aten::ne.device(Device a, Device b) -> bool", [](Stack& s) {
    const Device b = pop(s).toDevice();
    s.back() = IValue(!(s.back().toDevice() == b));
  });
}

void registerIdentity(Registry& r) {
  r.defBoxed("aten::__is__(t1 self, t2 obj) -> bool", [](Stack& s) {
    const IValue b = pop(s);
    s.back() = IValue(isSame(s.back(), b));
  });
  r.defBoxed("aten::__isnot__(t1 self, t2 obj) -> bool", [](Stack& s) {
    const IValue b = pop(s);
    s.back() = IValue(!isSame(s.back(), b));
  });
  r.defBoxed("aten::hash.generic(t value) -> int",
             [](Stack& s) { s.back() = IValue(static_cast<int64_t>(hashValue(s.back()))); });
  r.defBoxed("prim::id(AnyClassType? x) -> int", [](Stack& s) {
    const IValue& v = s.back();
    s.back() = v.isNone() ? IValue(int64_t(0)) : IValue(static_cast<int64_t>(v.hash()));
  });
  r.defBoxed("aten::_unwrap_optional(t(a)? optional) -> t(a)",
             [](Stack& s) { EMBER_CHECK(!s.back().isNone(), "Unwrapping null optional"); });
}

// TorchScript enums (value/enum_type.h): Color.RED.name, .value, ==.
void registerEnums(Registry& r) {
  r.defBoxed("prim::EnumName(AnyEnumType enum) -> str", [](Stack& s) { s.back() = IValue(s.back().toEnum().name); });
  auto value = [](Stack& s) { s.back() = IValue(s.back().toEnum().value); };
  r.defBoxed("prim::EnumValue.int(AnyEnumType enum) -> int", value);
  r.defBoxed("prim::EnumValue.float(AnyEnumType enum) -> float", value);
  r.defBoxed("prim::EnumValue.str(AnyEnumType enum) -> str", value);
  r.defBoxed("aten::eq.enum(AnyEnumType a, AnyEnumType b) -> bool", [](Stack& s) {
    const IValue b = pop(s);
    s.back() = IValue(s.back().equals(b));
  });
  r.defBoxed("aten::ne.enum(AnyEnumType a, AnyEnumType b) -> bool", [](Stack& s) {
    const IValue b = pop(s);
    s.back() = IValue(!s.back().equals(b));
  });
}

void registerRuntimeState(Registry& r) {
  // ember runs inference only: no autograd, no autocast, always scripted.
  r.defBoxed("aten::is_grad_enabled() -> bool", [](Stack& s) { push(s, false); });
  r.defBoxed("aten::set_grad_enabled(bool val) -> ()", [](Stack& s) { s.pop_back(); });
  r.defBoxed("aten::is_autocast_enabled() -> bool", [](Stack& s) { push(s, false); });
  r.defBoxed("aten::is_autocast_cpu_enabled() -> bool", [](Stack& s) { push(s, false); });
  r.defBoxed("aten::is_scripting() -> bool", [](Stack& s) { push(s, true); });
  r.defBoxed("aten::_get_tracing_state() -> bool", [](Stack& s) { push(s, false); });
  // warnings.warn(message): printed once per distinct message, as Python's
  // default filter shows a warning once per place.
  r.defBoxed("aten::warn(str message, int stacklevel=2) -> ()", [](Stack& s) {
    s.pop_back();
    const std::string message = pop(s).toStringRef();
    static std::mutex mu;
    static std::set<std::string> seen;
    std::lock_guard<std::mutex> lock(mu);
    if (seen.insert(message).second) std::cerr << "UserWarning: " << message << '\n';
  });
  // print(a, b, ...): space-separated, as str() shows each value. A vararg
  // op: its arguments are the whole stack.
  r.defBoxed("prim::Print(...) -> ()", [](Stack& s) {
    std::string line;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i) line += ' ';
      line += valueString(s[i]);
    }
    line += '\n';
    std::cout << line << std::flush;
    s.clear();
  });
}

}  // namespace

void registerPrimOps(Registry& r) {
  registerConversions(r);
  registerIntrospection(r);
  registerDevices(r);
  registerIdentity(r);
  registerEnums(r);
  registerRuntimeState(r);
}

}  // namespace ember::ops
