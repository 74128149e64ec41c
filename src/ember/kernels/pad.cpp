#include "ember/kernels/pad.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

namespace {

enum class PadMode { Reflect = 0, Replicate = 1, Circular = 2, Constant = 3 };

std::string_view modeName(PadMode m) {
  switch (m) {
    case PadMode::Reflect:
      return "reflect";
    case PadMode::Replicate:
      return "replicate";
    case PadMode::Circular:
      return "circular";
    case PadMode::Constant:
      return "constant";
  }
  return "constant";
}

// The fill value converted like Tensor.fill_: integers refuse values out of range.
Scalar checkedFillValue(const Scalar& v, DType t) {
  if (v.isFloating() && isIntegral(t, false)) {
    const double d = v.toDouble();
    bool ok = visitDType(t, [&]<class T>() {
      if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        return !std::isnan(d) && d >= static_cast<double>(std::numeric_limits<T>::lowest()) &&
               d <= static_cast<double>(std::numeric_limits<T>::max());
      return true;
    });
    static constexpr std::string_view names[] = {"uint8_t", "int8_t", "int16_t", "int", "int64_t"};
    EMBER_CHECK(ok, "value cannot be converted to type {} without overflow", names[static_cast<int>(t)]);
  }
  return v;
}

// "[ torch.FloatTensor{1,0,4,5} ]": how PyTorch's legacy checks print a tensor.
std::string legacyTensorString(const Tensor& t) {
  std::string s = fmt::format("[ torch.{}Tensor{{", scalarTypeName(t.dtype()));
  for (int64_t i = 0; i < t.dim(); ++i) s += fmt::format("{}{}", i ? "," : "", t.size(i));
  return s + "} ]";
}

// Index tables for reflect / replicate: PyTorch's formulas, which also handle
// negative pads (cropping).
std::vector<int64_t> reflectIndex(int64_t size, int64_t pl, int64_t pr) {
  const int64_t outSize = size + pl + pr;
  const int64_t iStart = std::max<int64_t>(0, -pl), oStart = std::max<int64_t>(0, pl);
  std::vector<int64_t> v(static_cast<size_t>(std::max<int64_t>(outSize, 0)));
  for (int64_t j = 0; j < outSize; ++j) {
    int64_t i = j < pl ? pl * 2 - j : j < size + pl ? j : (size + pl - 1) * 2 - j;
    v[j] = i - oStart + iStart;
  }
  return v;
}

std::vector<int64_t> replicateIndex(int64_t size, int64_t pl, int64_t pr) {
  const int64_t outSize = size + pl + pr;
  const int64_t iStart = std::max<int64_t>(0, -pl), oStart = std::max<int64_t>(0, pl);
  std::vector<int64_t> v(static_cast<size_t>(std::max<int64_t>(outSize, 0)));
  for (int64_t j = 0; j < outSize; ++j) {
    int64_t i = j < pl ? pl : j < size + pl ? j : size + pl - 1;
    v[j] = i - oStart + iStart;
  }
  return v;
}

// check_valid_input<nd>: batch mode allows an empty batch, nothing else may be empty.
void checkValidPadInput(const Tensor& input, IntArrayRef pad, int64_t nd) {
  EMBER_CHECK(static_cast<int64_t>(pad.size()) == 2 * nd, "padding size is expected to be {}", 2 * nd);
  const int64_t dim = input.dim();
  const bool batch = dim == nd + 2;
  bool valid = batch || dim == nd + 1;
  for (int64_t d = batch ? 1 : 0; valid && d < dim; ++d) valid = input.size(d) != 0;
  EMBER_CHECK(valid,
              "Expected {}D or {}D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for "
              "input, but got: {}",
              nd + 1, nd + 2, shapeString(input.sizes()));
}

}  // namespace

Tensor reflectionPad(const Tensor& self, IntArrayRef pad, int64_t nd) {
  const int64_t dim = self.dim();
  if (nd == 1) {
    EMBER_CHECK(pad.size() == 2, "padding size is expected to be 2");
    EMBER_CHECK((dim == 2 && self.size(1) != 0) || (dim == 3 && self.size(1) != 0 && self.size(2) != 0),
                "2D or 3D (batch mode) tensor expected for input, but got: {}", legacyTensorString(self));
  } else if (nd == 2) {
    EMBER_CHECK(pad.size() == 4, "padding size is expected to be 4");
    const int64_t dimW = dim == 4 ? 3 : 2;
    (void)self.size(dimW);  // IndexError for too few dims, as PyTorch's size() raises
    EMBER_CHECK((dim == 3 && self.size(1) != 0 && self.size(2) != 0) ||
                    (dim == 4 && self.size(1) != 0 && self.size(2) != 0 && self.size(3) != 0),
                "3D or 4D (batch mode) tensor expected for input, but got: {}", legacyTensorString(self));
  } else {
    checkValidPadInput(self, pad, 3);
  }
  std::vector<int64_t> idx[3];
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t d = dim - nd + i;  // input dim
    const size_t k = static_cast<size_t>(2 * (nd - 1 - i));
    const int64_t pl = pad[k], pr = pad[k + 1], size = self.size(d);
    // Argument numbers count the C++ arguments PyTorch's checks name: #4 width, #6 height, #8 depth.
    const int64_t arg = 4 + 2 * (nd - 1 - i);
    const std::string where = nd == 2 ? std::to_string(dim) : shapeString(self.sizes());
    EMBER_CHECK(pl < size && pr < size,
                "Argument #{}: Padding size should be less than the corresponding input dimension, but got: padding "
                "({}, {}) at dimension {} of input {}",
                arg, pl, pr, d, where);
    if (nd == 1)
      EMBER_CHECK(size + pl + pr >= 1, "{}input (W: {})is too small. Calculated output W: {}", d, size, size + pl + pr);
    idx[3 - nd + i] = reflectIndex(size, pl, pr);
  }
  if (nd == 3) {
    if (self.dtype() != DType::Half && self.dtype() != DType::BFloat16)
      nn::dispatchFloating(self.dtype(), "reflection_pad3d_cpu", []<class T>() {});
  } else {
    nn::dispatchFloating(self.dtype(), nd == 1 ? "reflection_pad1d" : "reflection_pad2d", []<class T>() {});
  }
  return nn::gatherLastDims(self, nd, idx);
}

Tensor replicationPad(const Tensor& self, IntArrayRef pad, int64_t nd) {
  checkValidPadInput(self, pad, nd);
  const int64_t dim = self.dim();
  std::vector<int64_t> idx[3];
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t d = dim - nd + i;
    const size_t k = static_cast<size_t>(2 * (nd - 1 - i));
    const int64_t pl = pad[k], pr = pad[k + 1], size = self.size(d);
    if (nd == 1)
      EMBER_CHECK(size + pl + pr >= 1, "input (W: {}) is too small. Calculated output W: {}", size, size + pl + pr);
    if (size + pl + pr < 0) {
      DimVector osz(self.sizes());
      osz[d] = size + pl + pr;
      Tensor::empty(osz, self.dtype());  // throws PyTorch's negative-dimension error
    }
    idx[3 - nd + i] = replicateIndex(size, pl, pr);
  }
  static constexpr std::string_view names[] = {"replication_pad1d_cpu", "replication_pad2d_cpu",
                                               "replication_pad3d_cpu"};
  nn::dispatchFloating(self.dtype(), names[nd - 1], []<class T>() {});
  return nn::gatherLastDims(self, nd, idx);
}

Tensor padCircular(const Tensor& self, IntArrayRef pad) {
  const int64_t ndim = self.dim() - 2;
  EMBER_CHECK(static_cast<int64_t>(pad.size()) + 4 == self.dim() * 2, "Invalid padding size, expected {} but got {}",
              ndim * 2, pad.size());
  EMBER_CHECK(ndim >= 1 && ndim <= 3, "circular padding supports 1 to 3 spatial dims, got {}", ndim);
  std::vector<int64_t> idx[3];
  for (int64_t i = 0; i < ndim; ++i) {
    const size_t k = static_cast<size_t>(2 * (ndim - i - 1));
    const int64_t pl = pad[k], pr = pad[k + 1], size = self.size(2 + i);
    const int64_t outSize = size + pl + pr;
    EMBER_CHECK(pl <= size && pr <= size, "Padding value causes wrapping around more than once.");
    EMBER_CHECK(outSize >= 0, "Negative padding value is resulting in an empty dimension");
    // Negative pads crop first; the positive ones then wrap around what is left.
    const int64_t cropStart = std::max<int64_t>(-pl, 0);
    const int64_t kept = size - cropStart - std::max<int64_t>(-pr, 0);
    const int64_t lead = std::max<int64_t>(pl, 0);
    EMBER_CHECK(kept > 0 || outSize == 0, "Padding value causes wrapping around more than once.");
    std::vector<int64_t> v(static_cast<size_t>(outSize));
    for (int64_t j = 0; j < outSize; ++j) v[j] = cropStart + ((j - lead) % kept + kept) % kept;
    idx[3 - ndim + i] = std::move(v);
  }
  return nn::gatherLastDims(self, ndim, idx);
}

Tensor constantPadNd(const Tensor& self, IntArrayRef pad, const Scalar& value) {
  EMBER_CHECK(pad.size() % 2 == 0, "Length of pad must be even but instead it equals {}", pad.size());
  const int64_t lInp = self.dim(), lPad = static_cast<int64_t>(pad.size() / 2), lDiff = lInp - lPad;
  EMBER_CHECK(lInp >= lPad,
              "Length of pad should be no more than twice the number of dimensions of the input. Pad length is {}while "
              "the input has {}dimensions.",
              pad.size(), lInp);
  // Negative pads narrow the input first (PyTorch's narrow checks and messages).
  DimVector cropSizes(self.sizes()), cropStart(static_cast<size_t>(lInp), 0);
  bool allNonPositive = true;
  auto narrow = [&](int64_t d, int64_t start, int64_t length) {
    const int64_t cur = cropSizes[d];
    if (start != cur) start = wrapDim(start, cur);
    EMBER_CHECK(length >= 0 && start <= cur - length, "start ({}) + length ({}) exceeds dimension size ({}).", start,
                length, cur);
    cropStart[d] += start;
    cropSizes[d] = length;
  };
  for (int64_t i = lDiff; i < lInp; ++i) {
    const size_t k = static_cast<size_t>(2 * (lInp - i - 1));
    if (pad[k] < 0)
      narrow(i, -pad[k], cropSizes[i] + pad[k]);
    else if (pad[k] != 0)
      allNonPositive = false;
    if (pad[k + 1] < 0)
      narrow(i, 0, cropSizes[i] + pad[k + 1]);
    else if (pad[k + 1] != 0)
      allNonPositive = false;
  }
  int64_t cropOffset = self.storageOffset();
  for (int64_t i = 0; i < lInp; ++i) cropOffset += cropStart[i] * self.stride(i);
  Tensor cropped = self.asStrided(cropSizes, self.strides(), cropOffset);
  if (allNonPositive) return cropped.clone();
  DimVector osz(self.sizes());
  for (int64_t i = 0; i < lPad; ++i) {
    const size_t k = pad.size() - static_cast<size_t>((i + 1) * 2);
    const int64_t newDim = self.size(lDiff + i) + pad[k] + pad[k + 1];
    EMBER_CHECK(newDim >= 0,
                "The input size {}, plus negative padding {} and {} resulted in a negative output size, which is "
                "invalid. Check dimension {} of your input.",
                self.size(lDiff + i), pad[k], pad[k + 1], lDiff + i);
    osz[lDiff + i] = newDim;
  }
  Tensor out = Tensor::empty(osz, self.dtype());
  nn::fillScalar(out, checkedFillValue(value, self.dtype()));
  // The region the (cropped) input lands in.
  int64_t offset = 0;
  DimVector innerSizes(osz);
  for (int64_t i = lDiff; i < lInp; ++i) {
    const size_t k = static_cast<size_t>(2 * (lInp - i - 1));
    if (pad[k] > 0) offset += pad[k] * out.stride(i);
    innerSizes[i] = cropSizes[i];
  }
  if (cropped.numel() > 0) out.asStrided(innerSizes, out.strides(), offset).copyFrom(cropped);
  return out;
}

Tensor padEnum(const Tensor& self, IntArrayRef pad, int64_t modeInt, std::optional<double> value) {
  const int64_t dim = self.dim();
  EMBER_CHECK(pad.size() % 2 == 0, "Padding length must be divisible by 2");
  EMBER_CHECK(static_cast<int64_t>(pad.size()) <= dim * 2, "Padding length too large");
  const auto mode = static_cast<PadMode>(modeInt);
  if (mode == PadMode::Constant) return constantPadNd(self, pad, Scalar(value.value_or(0.0)));
  EMBER_CHECK(!value || *value == 0, "Padding mode \"{}\" doesn't take in value argument", modeName(mode));
  const size_t n = pad.size();
  const int64_t nd = static_cast<int64_t>(n / 2);
  if (nd >= 1 && nd <= 3 && (dim == nd + 1 || dim == nd + 2)) {
    switch (mode) {
      case PadMode::Reflect:
        return reflectionPad(self, pad, nd);
      case PadMode::Replicate:
        return replicationPad(self, pad, nd);
      case PadMode::Circular:
        return padCircular(self, pad);
      case PadMode::Constant:
        break;
    }
  }
  EMBER_FAIL_KIND(NotImplemented, "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
}

Tensor pad(const Tensor& self, IntArrayRef padding, std::string_view mode, std::optional<double> value) {
  PadMode m;
  if (mode == "reflect")
    m = PadMode::Reflect;
  else if (mode == "constant")
    m = PadMode::Constant;
  else if (mode == "replicate")
    m = PadMode::Replicate;
  else if (mode == "circular")
    m = PadMode::Circular;
  else
    EMBER_FAIL_KIND(NotImplemented, "Unrecognised padding mode {}", mode);
  return padEnum(self, padding, static_cast<int64_t>(m), value);
}

}  // namespace ember::kernels
