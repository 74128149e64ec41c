#include "ember/kernels/pool.h"

#include <cmath>
#include <limits>

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

using nn::AccType;

namespace {

// One pooling window description per spatial dim, always three dims
// (depth, height, width): 1-d and 2-d pooling run with leading size-1 dims.
struct Window {
  int64_t k[3] = {1, 1, 1};
  int64_t s[3] = {1, 1, 1};
  int64_t p[3] = {0, 0, 0};
  int64_t d[3] = {1, 1, 1};
};

// The pooled planes: input viewed as [planes, D, H, W], contiguous.
struct Planes {
  Tensor input;  // contiguous
  int64_t planes = 0;
  int64_t in[3] = {1, 1, 1};
  int64_t out[3] = {1, 1, 1};
};

int64_t divFloor(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// PyTorch's pooling_output_shape, with its checks.
int64_t poolingOutputShape(int64_t in, int64_t k, int64_t pad, int64_t stride, int64_t dilation, bool ceilMode) {
  EMBER_CHECK(stride != 0, "stride should not be zero");
  EMBER_CHECK(pad >= 0, "pad must be non-negative, but got pad: {}", pad);
  EMBER_CHECK(pad <= k / 2, "pad should be at most half of kernel size, but got pad={} and kernel_size={}", pad, k);
  int64_t out = divFloor(in + 2 * pad - dilation * (k - 1) - 1 + (ceilMode ? stride - 1 : 0), stride) + 1;
  // The last window must start inside the input or its left padding.
  if (ceilMode && (out - 1) * stride >= in + pad) --out;
  return out;
}

// Makes the [planes, D, H, W] view of an input whose last `nd` dims are spatial.
Planes makePlanes(const Tensor& self, int64_t nd, DType dtype) {
  Planes pl;
  pl.input = nn::contiguousAs(self, dtype);
  const int64_t dim = self.dim();
  pl.planes = 1;
  for (int64_t i = 0; i < dim - nd; ++i) pl.planes *= self.size(i);
  for (int64_t i = 0; i < nd; ++i) pl.in[3 - nd + i] = self.size(dim - nd + i);
  return pl;
}

DimVector outputSizes(const Tensor& self, int64_t nd, const int64_t out[3]) {
  DimVector sizes(self.sizes());
  for (int64_t i = 0; i < nd; ++i) sizes[self.dim() - nd + i] = out[3 - nd + i];
  return sizes;
}

// 2-d max pooling without dilation, one output row at a time: the loops run
// kernel row, kernel column, then output column, so the innermost loop is a
// branch-free strided sweep the compiler vectorizes. Each output still sees
// its window in PyTorch's order (row-major), so ties and NaNs resolve alike.
template <class T>
void maxPoolRows2d(const Planes& pl, const Window& w, T* out, int64_t* indices) {
  using Acc = OpMathType<T>;
  const T* in = pl.input.data<T>();
  const int64_t iH = pl.in[1], iW = pl.in[2], oH = pl.out[1], oW = pl.out[2];
  const int64_t kH = w.k[1], kW = w.k[2], sH = w.s[1], sW = w.s[2], pH = w.p[1], pW = w.p[2];
  nn::parallelFor(0, pl.planes, 1, [&](int64_t begin, int64_t end) {
    std::vector<Acc> best(static_cast<size_t>(oW));
    std::vector<int64_t> where(static_cast<size_t>(oW));
    for (int64_t c = begin; c < end; ++c) {
      const T* ip = in + c * iH * iW;
      for (int64_t oh = 0; oh < oH; ++oh) {
        const int64_t h0 = std::max<int64_t>(oh * sH - pH, 0), h1 = std::min(oh * sH - pH + kH, iH);
        // PyTorch's initial index: the window's first in-bounds element.
        for (int64_t ow = 0; ow < oW; ++ow) {
          best[ow] = -std::numeric_limits<Acc>::infinity();
          where[ow] = h0 * iW + std::max<int64_t>(ow * sW - pW, 0);
        }
        for (int64_t ih = h0; ih < h1; ++ih) {
          const T* row = ip + ih * iW;
          for (int64_t kw = 0; kw < kW; ++kw) {
            // Output columns whose window column kw falls inside the row.
            const int64_t off = kw - pW;
            const int64_t lo = off >= 0 ? 0 : (-off + sW - 1) / sW;
            const int64_t hi = iW - 1 - off < 0 ? 0 : std::min(oW, (iW - 1 - off) / sW + 1);
            Acc* bp = best.data();
            int64_t* wp = where.data();
            for (int64_t ow = lo; ow < hi; ++ow) {
              const int64_t iw = ow * sW + off;
              const Acc v = static_cast<Acc>(row[iw]);
              const bool take = (v > bp[ow]) | (v != v);
              bp[ow] = take ? v : bp[ow];
              wp[ow] = take ? ih * iW + iw : wp[ow];
            }
          }
        }
        T* op = out + (c * oH + oh) * oW;
        for (int64_t ow = 0; ow < oW; ++ow) op[ow] = static_cast<T>(best[ow]);
        if (indices) std::copy(where.begin(), where.end(), indices + (c * oH + oh) * oW);
      }
    }
  });
}

// The in-bounds part of one pooling window over a [D, H, W] plane: [lo, hi)
// per dim, visited every `step` (the dilation).
struct Box {
  int64_t lo[3], hi[3], step[3] = {1, 1, 1};
  bool empty() const { return lo[0] >= hi[0] || lo[1] >= hi[1] || lo[2] >= hi[2]; }
  int64_t count() const { return (hi[0] - lo[0]) * (hi[1] - lo[1]) * (hi[2] - lo[2]); }
};

// The box's maximum and its flat index in the plane, visited in PyTorch's
// (row-major) order; NaN wins, like PyTorch's max pooling.
template <class Acc, class T>
std::pair<Acc, int64_t> boxMax(const T* ip, int64_t iH, int64_t iW, const Box& b) {
  int64_t maxIndex = (b.lo[0] * iH + b.lo[1]) * iW + b.lo[2];
  Acc maxVal = -std::numeric_limits<Acc>::infinity();
  for (int64_t id = b.lo[0]; id < b.hi[0]; id += b.step[0])
    for (int64_t ih = b.lo[1]; ih < b.hi[1]; ih += b.step[1])
      for (int64_t iw = b.lo[2]; iw < b.hi[2]; iw += b.step[2]) {
        const int64_t index = (id * iH + ih) * iW + iw;
        const Acc v = static_cast<Acc>(ip[index]);
        if (v > maxVal || std::isnan(v)) {
          maxVal = v;
          maxIndex = index;
        }
      }
  return {maxVal, maxIndex};
}

template <class Acc, class T>
Acc boxSum(const T* ip, int64_t iH, int64_t iW, const Box& b) {
  Acc sum = 0;
  for (int64_t id = b.lo[0]; id < b.hi[0]; ++id)
    for (int64_t ih = b.lo[1]; ih < b.hi[1]; ++ih)
      for (int64_t iw = b.lo[2]; iw < b.hi[2]; ++iw) sum += static_cast<Acc>(ip[(id * iH + ih) * iW + iw]);
  return sum;
}

// Calls f(plane input, output position {od, oh, ow}, flat output index) for
// every output of every plane; planes run in parallel.
template <class T, class F>
void forEachOutput(const Planes& pl, F f) {
  const T* in = pl.input.data<T>();
  const int64_t inPlane = pl.in[0] * pl.in[1] * pl.in[2];
  const int64_t oD = pl.out[0], oH = pl.out[1], oW = pl.out[2];
  nn::parallelFor(0, pl.planes, 1, [&](int64_t begin, int64_t end) {
    for (int64_t c = begin; c < end; ++c)
      for (int64_t od = 0; od < oD; ++od)
        for (int64_t oh = 0; oh < oH; ++oh)
          for (int64_t ow = 0; ow < oW; ++ow) {
            const int64_t pos[3] = {od, oh, ow};
            f(in + c * inPlane, pos, ((c * oD + od) * oH + oh) * oW + ow);
          }
  });
}

template <class T>
void maxPoolPlanes(const Planes& pl, const Window& w, T* out, int64_t* indices) {
  using Acc = OpMathType<T>;
  if (pl.in[0] == 1 && pl.out[0] == 1 && w.d[1] == 1 && w.d[2] == 1) {
    maxPoolRows2d<T>(pl, w, out, indices);
    return;
  }
  forEachOutput<T>(pl, [&](const T* ip, const int64_t pos[3], int64_t o) {
    Box b;
    for (int i = 0; i < 3; ++i) {
      int64_t lo = pos[i] * w.s[i] - w.p[i];
      b.hi[i] = std::min(lo + (w.k[i] - 1) * w.d[i] + 1, pl.in[i]);
      while (lo < 0) lo += w.d[i];
      b.lo[i] = lo;
      b.step[i] = w.d[i];
    }
    const auto [v, index] = boxMax<Acc>(ip, pl.in[1], pl.in[2], b);
    out[o] = static_cast<T>(v);
    if (indices) indices[o] = index;
  });
}

template <class T>
void avgPoolPlanes(const Planes& pl, const Window& w, bool countIncludePad, std::optional<int64_t> divisor, T* out) {
  using Acc = AccType<T>;
  forEachOutput<T>(pl, [&](const T* ip, const int64_t pos[3], int64_t o) {
    Box b;
    int64_t poolSize = 1;  // the window clipped to the padded input
    for (int i = 0; i < 3; ++i) {
      const int64_t lo = pos[i] * w.s[i] - w.p[i], hi = std::min(lo + w.k[i], pl.in[i] + w.p[i]);
      poolSize *= hi - lo;
      b.lo[i] = std::max<int64_t>(lo, 0);
      b.hi[i] = std::min(hi, pl.in[i]);
    }
    if (b.empty()) {
      out[o] = T(0);
      return;
    }
    const int64_t factor = divisor ? *divisor : countIncludePad ? poolSize : b.count();
    out[o] = static_cast<T>(boxSum<Acc>(ip, pl.in[1], pl.in[2], b) / static_cast<Acc>(factor));
  });
}

// Adaptive windows: [floor(o * in / out), ceil((o + 1) * in / out)).
Box adaptiveBox(const Planes& pl, const int64_t pos[3]) {
  Box b;
  for (int i = 0; i < 3; ++i) {
    b.lo[i] = (pos[i] * pl.in[i]) / pl.out[i];
    b.hi[i] = ((pos[i] + 1) * pl.in[i] + pl.out[i] - 1) / pl.out[i];
  }
  return b;
}

template <class T>
void adaptiveAvgPlanes(const Planes& pl, T* out) {
  using Acc = AccType<T>;
  forEachOutput<T>(pl, [&](const T* ip, const int64_t pos[3], int64_t o) {
    const Box b = adaptiveBox(pl, pos);
    out[o] = static_cast<T>(boxSum<Acc>(ip, pl.in[1], pl.in[2], b) / static_cast<Acc>(b.count()));
  });
}

template <class T>
void adaptiveMaxPlanes(const Planes& pl, T* out, int64_t* indices) {
  using Acc = OpMathType<T>;
  forEachOutput<T>(pl, [&](const T* ip, const int64_t pos[3], int64_t o) {
    const auto [v, index] = boxMax<Acc>(ip, pl.in[1], pl.in[2], adaptiveBox(pl, pos));
    out[o] = static_cast<T>(v);
    indices[o] = index;
  });
}

// ---------------------------------------------------------------- max pooling

// Shared by max_pool2d/3d (with and without indices): the checks of
// max_pool2d_with_indices / max_pool3d_with_indices, then the kernel.
std::tuple<Tensor, Tensor> maxPoolNd(const Tensor& self, int64_t nd, IntArrayRef kernel, IntArrayRef stride,
                                     IntArrayRef padding, IntArrayRef dilation, bool ceilMode, bool wantIndices,
                                     std::string_view kernelName) {
  const char* name = nd == 2 ? "max_pool2d" : "max_pool3d";
  const char* count = nd == 2 ? "two" : "three";
  EMBER_CHECK(kernel.size() == 1 || static_cast<int64_t>(kernel.size()) == nd,
              "{}: kernel_size must either be a single int, or a tuple of {} ints", name, count);
  EMBER_CHECK(stride.empty() || stride.size() == 1 || static_cast<int64_t>(stride.size()) == nd,
              "{}: stride must either be omitted, a single int, or a tuple of {} ints", name, count);
  if (nd == 2)
    EMBER_CHECK(padding.size() == 1 || padding.size() == 2,
                "max_pool2d: padding must be either be a single int, or a tuple of two ints");
  else
    EMBER_CHECK(padding.size() == 1 || padding.size() == 3,
                "max_pool3d: padding must be either be a single int, or a tuple of three ints");
  EMBER_CHECK(dilation.size() == 1 || static_cast<int64_t>(dilation.size()) == nd,
              "{}: dilation must be either a single int, or a tuple of {} ints", name, count);
  Window w;
  for (int64_t i = 0; i < nd; ++i) {
    const size_t j = static_cast<size_t>(i);
    const int64_t slot = 3 - nd + i;
    w.k[slot] = kernel.size() == 1 ? kernel[0] : kernel[j];
    w.s[slot] = stride.empty() ? w.k[slot] : stride.size() == 1 ? stride[0] : stride[j];
    w.p[slot] = padding.size() == 1 ? padding[0] : padding[j];
    w.d[slot] = dilation.size() == 1 ? dilation[0] : dilation[j];
  }
  const int64_t dim = self.dim();
  if (nd == 2)
    EMBER_CHECK(dim == 3 || dim == 4, "non-empty 3D or 4D (batch mode) tensor expected for input");
  else
    EMBER_CHECK(dim == 4 || dim == 5, "non-empty 4D or 5D (batch mode) tensor expected for input");
  int64_t out[3] = {1, 1, 1};
  for (int64_t slot = 3 - nd; slot < 3; ++slot)
    out[slot] = poolingOutputShape(self.size(dim - 3 + slot), w.k[slot], w.p[slot], w.s[slot], w.d[slot], ceilMode);
  if (nd == 2) {
    EMBER_CHECK(w.k[1] > 0 && w.k[2] > 0, "kernel size should be greater than zero, but got kH: {} kW: {}", w.k[1],
                w.k[2]);
    EMBER_CHECK(w.s[1] > 0 && w.s[2] > 0, "stride should be greater than zero, but got dH: {} dW: {}", w.s[1], w.s[2]);
    EMBER_CHECK(w.d[1] > 0 && w.d[2] > 0, "dilation should be greater than zero, but got dilationH: {} dilationW: {}",
                w.d[1], w.d[2]);
    const bool validDims = self.size(-3) != 0 && self.size(-2) != 0;
    EMBER_CHECK((dim == 3 && self.size(0) != 0 && validDims) || (dim == 4 && validDims && self.size(3) != 0),
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:{}",
                shapeString(self.sizes()));
    EMBER_CHECK(out[1] >= 1 && out[2] >= 1,
                "Given input size: ({}x{}x{}). Calculated output size: ({}x{}x{}). Output size is too small",
                self.size(-3), self.size(-2), self.size(-1), self.size(-3), out[1], out[2]);
  } else {
    EMBER_CHECK(w.k[0] > 0 && w.k[1] > 0 && w.k[2] > 0,
                "kernel size should be greater than zero, but got kT: {} kH: {} kW: {}", w.k[0], w.k[1], w.k[2]);
    EMBER_CHECK(w.s[0] > 0 && w.s[1] > 0 && w.s[2] > 0,
                "stride should be greater than zero, but got dT: {} dH: {} dW: {}", w.s[0], w.s[1], w.s[2]);
    EMBER_CHECK(w.d[0] > 0 && w.d[1] > 0 && w.d[2] > 0,
                "dilation should be greater than zero, but got dilationT: {} dilationH: {} dilationW: {}", w.d[0],
                w.d[1], w.d[2]);
    for (int64_t i = dim == 5 ? 1 : 0; i < dim; ++i)
      EMBER_CHECK(self.size(i) > 0,
                  "{}: Expected input's non-batch dimensions to have positive length, but input has a shape of {} "
                  "and non-batch dimension {} has length zero!",
                  "max_pool3d_with_indices_out_cpu()", shapeString(self.sizes()), self.size(i));
    EMBER_CHECK(out[0] >= 1 && out[1] >= 1 && out[2] >= 1,
                "Given input size: ({}x{}x{}x{}). Calculated output size: ({}x{}x{}x{}). Output size is too small",
                self.size(-4), self.size(-3), self.size(-2), self.size(-1), self.size(-4), out[0], out[1], out[2]);
  }
  auto run = [&]<class T>() {
    Planes pl = makePlanes(self, nd, self.dtype());
    std::copy(out, out + 3, pl.out);
    DimVector osz = outputSizes(self, nd, out);
    Tensor result = Tensor::empty(osz, self.dtype());
    Tensor indices = wantIndices ? Tensor::empty(osz, DType::Long) : Tensor();
    maxPoolPlanes<T>(pl, w, result.data<T>(), wantIndices ? indices.data<int64_t>() : nullptr);
    return std::make_tuple(result, indices);
  };
  if (nd == 3) return nn::dispatchFloating(self.dtype(), kernelName, run);
  return nn::dispatchFloatingBF16(self.dtype(), kernelName, run);
}

// max_pool1d_with_indices and avg_pool1d: PyTorch's 1-d wrappers check, then pool a [.., 1, L] view in 2-d.
void check1dArgs(const Tensor& self, std::string_view fn,
                 std::initializer_list<std::pair<const char*, IntArrayRef>> args) {
  EMBER_CHECK(self.dim() >= 2 && self.dim() < 4,
              "Expected 2 to 3 dimensions, but got {}-dimensional tensor for argument #1 'self' (while checking "
              "arguments for {})",
              self.dim(), fn);
  for (const auto& [argName, v] : args)
    EMBER_CHECK(v.size() == 1, "{}() argument '{}' should contain one int (got {})", fn, argName, v.size());
}

}  // namespace

Tensor maxPool1d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode) {
  const int64_t dim = self.dim();
  EMBER_CHECK(
      (dim == 2 && self.size(0) != 0 && self.size(1) != 0) || (dim == 3 && self.size(1) != 0 && self.size(2) != 0),
      "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:{}",
      shapeString(self.sizes()));
  EMBER_CHECK(kernel.size() == 1,
              "max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size {}",
              kernel.size());
  EMBER_CHECK(stride.empty() || stride.size() == 1,
              "max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size {}",
              stride.size());
  EMBER_CHECK(padding.size() == 1,
              "max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size {}",
              padding.size());
  EMBER_CHECK(dilation.size() == 1,
              "max_pool1d() dilation must be an int, list of ints, or tuple of ints of size 1 but got size {}",
              dilation.size());
  Window w;
  w.k[2] = kernel[0];
  w.s[2] = stride.empty() ? kernel[0] : stride[0];
  w.p[2] = padding[0];
  w.d[2] = dilation[0];
  EMBER_CHECK(w.k[2] > 0, "max_pool1d() kernel_size must be greater than zero, but got {}", w.k[2]);
  EMBER_CHECK(w.s[2] > 0, "max_pool1d() stride must be greater than zero, but got {}", w.s[2]);
  EMBER_CHECK(w.p[2] >= 0, "max_pool1d() padding must be non-negative, but got {}", w.p[2]);
  EMBER_CHECK(w.p[2] <= w.k[2] / 2,
              "max_pool1d() padding should be at most half of kernel size, but got padding={} and kernel_size={}",
              w.p[2], w.k[2]);
  EMBER_CHECK(w.d[2] > 0, "max_pool1d() dilation must be greater than zero, but got {}", w.d[2]);
  const int64_t ow = poolingOutputShape(self.size(-1), w.k[2], w.p[2], w.s[2], w.d[2], ceilMode);
  EMBER_CHECK(ow >= 0, "max_pool1d() Invalid computed output size: {}", ow);
  return nn::dispatchFloatingBF16(self.dtype(), "max_pool1d_impl", [&]<class T>() {
    Planes pl = makePlanes(self, 1, self.dtype());
    pl.out[2] = ow;
    Tensor result = Tensor::empty(outputSizes(self, 1, pl.out), self.dtype());
    maxPoolPlanes<T>(pl, w, result.data<T>(), nullptr);
    return result;
  });
}

std::tuple<Tensor, Tensor> maxPool1dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode) {
  if (stride.empty()) stride = kernel;
  check1dArgs(self, "max_pool1d",
              {{"kernel_size", kernel}, {"stride", stride}, {"padding", padding}, {"dilation", dilation}});
  const int64_t k2[2] = {1, kernel[0]}, s2[2] = {1, stride[0]}, p2[2] = {0, padding[0]}, d2[2] = {1, dilation[0]};
  auto [out, idx] = maxPoolNd(nn::unsqueezeView(self, self.dim() - 1), 2, IntArrayRef(k2, 2), IntArrayRef(s2, 2),
                              IntArrayRef(p2, 2), IntArrayRef(d2, 2), ceilMode, true, "max_pool2d");
  return {nn::squeezeView(out, out.dim() - 2), nn::squeezeView(idx, idx.dim() - 2)};
}

Tensor maxPool2d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode) {
  return std::get<0>(maxPoolNd(self, 2, kernel, stride, padding, dilation, ceilMode, false, "max_pool2d"));
}

std::tuple<Tensor, Tensor> maxPool2dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode) {
  return maxPoolNd(self, 2, kernel, stride, padding, dilation, ceilMode, true, "max_pool2d");
}

Tensor maxPool3d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode) {
  return std::get<0>(
      maxPoolNd(self, 3, kernel, stride, padding, dilation, ceilMode, false, "max_pool3d_with_indices_cpu"));
}

std::tuple<Tensor, Tensor> maxPool3dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode) {
  return maxPoolNd(self, 3, kernel, stride, padding, dilation, ceilMode, true, "max_pool3d_with_indices_cpu");
}

// ---------------------------------------------------------------- average pooling

Tensor avgPool1d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad) {
  if (stride.empty()) stride = kernel;
  check1dArgs(self, "avg_pool1d", {{"kernel_size", kernel}, {"stride", stride}, {"padding", padding}});
  const int64_t k2[2] = {1, kernel[0]}, s2[2] = {1, stride[0]}, p2[2] = {0, padding[0]};
  Tensor out = avgPool2d(nn::unsqueezeView(self, self.dim() - 1), IntArrayRef(k2, 2), IntArrayRef(s2, 2),
                         IntArrayRef(p2, 2), ceilMode, countIncludePad, std::nullopt);
  return nn::squeezeView(out, out.dim() - 2);
}

Tensor avgPool2d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad, std::optional<int64_t> divisorOverride) {
  EMBER_CHECK(kernel.size() == 1 || kernel.size() == 2,
              "avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
  EMBER_CHECK(stride.empty() || stride.size() == 1 || stride.size() == 2,
              "avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
  EMBER_CHECK(padding.size() == 1 || padding.size() == 2,
              "avg_pool2d: padding must either be a single int, or a tuple of two ints");
  EMBER_CHECK(!divisorOverride || *divisorOverride != 0, "divisor must be not zero");
  Window w;
  w.k[1] = kernel[0];
  w.k[2] = kernel.size() == 1 ? kernel[0] : kernel[1];
  w.s[1] = stride.empty() ? w.k[1] : stride[0];
  w.s[2] = stride.empty() ? w.k[2] : stride.size() == 1 ? stride[0] : stride[1];
  w.p[1] = padding[0];
  w.p[2] = padding.size() == 1 ? padding[0] : padding[1];
  const int64_t nPlane = self.size(-3);  // IndexError for < 3 dims, as in PyTorch
  const int64_t iH = self.size(-2), iW = self.size(-1);
  int64_t out[3] = {1, 1, 1};
  out[1] = poolingOutputShape(iH, w.k[1], w.p[1], w.s[1], 1, ceilMode);
  out[2] = poolingOutputShape(iW, w.k[2], w.p[2], w.s[2], 1, ceilMode);
  const int64_t dim = self.dim();
  EMBER_CHECK(w.k[1] > 0 && w.k[2] > 0, "kernel size should be greater than zero, but got kH: {} kW: {}", w.k[1],
              w.k[2]);
  EMBER_CHECK(w.s[1] > 0 && w.s[2] > 0, "stride should be greater than zero, but got dH: {} dW: {}", w.s[1], w.s[2]);
  const bool validDims = self.size(-3) != 0 && self.size(-2) != 0;
  EMBER_CHECK((dim == 3 && self.size(0) != 0 && validDims) || (dim == 4 && validDims && self.size(3) != 0),
              "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:{}",
              shapeString(self.sizes()));
  EMBER_CHECK(out[1] >= 1 && out[2] >= 1,
              "Given input size: ({}x{}x{}). Calculated output size: ({}x{}x{}). Output size is too small", nPlane, iH,
              iW, nPlane, out[1], out[2]);
  auto run = [&]<class T>() {
    Planes pl = makePlanes(self, 2, self.dtype());
    std::copy(out, out + 3, pl.out);
    Tensor result = Tensor::empty(outputSizes(self, 2, out), self.dtype());
    avgPoolPlanes<T>(pl, w, countIncludePad, divisorOverride, result.data<T>());
    return result;
  };
  if (self.dtype() == DType::Long) return run.operator()<int64_t>();
  return nn::dispatchFloatingBF16(self.dtype(), "avg_pool2d", run);
}

Tensor avgPool3d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad, std::optional<int64_t> divisorOverride) {
  EMBER_CHECK(kernel.size() == 1 || kernel.size() == 3,
              "avg_pool3d: kernel_size must be a single int, or a tuple of three ints");
  EMBER_CHECK(stride.empty() || stride.size() == 1 || stride.size() == 3,
              "avg_pool3d: stride must be omitted, a single int, or a tuple of three ints");
  EMBER_CHECK(padding.size() == 1 || padding.size() == 3,
              "avg_pool3d: padding must be a single int, or a tuple of three ints");
  EMBER_CHECK(self.dim() == 4 || self.dim() == 5, "non-empty 4D or 5D (batch mode) tensor expected for input");
  EMBER_CHECK(!divisorOverride || *divisorOverride != 0, "divisor must be not zero");
  Window w;
  for (size_t i = 0; i < 3; ++i) {
    w.k[i] = kernel.size() == 1 ? kernel[0] : kernel[i];
    w.s[i] = stride.empty() ? w.k[i] : stride.size() == 1 ? stride[0] : stride[i];
    w.p[i] = padding.size() == 1 ? padding[0] : padding[i];
  }
  const int64_t dim = self.dim();
  int64_t out[3];
  for (int i = 0; i < 3; ++i) out[i] = poolingOutputShape(self.size(dim - 3 + i), w.k[i], w.p[i], w.s[i], 1, ceilMode);
  EMBER_CHECK(w.k[0] > 0 && w.k[1] > 0 && w.k[2] > 0,
              "kernel size should be greater than zero, but got kT: {} kH: {} kW: {}", w.k[0], w.k[1], w.k[2]);
  EMBER_CHECK(w.s[0] > 0 && w.s[1] > 0 && w.s[2] > 0,
              "stride should be greater than zero, but got dT: {} dH: {} dW: {}", w.s[0], w.s[1], w.s[2]);
  for (int64_t i = dim == 5 ? 1 : 0; i < dim; ++i)
    EMBER_CHECK(self.size(i) > 0,
                "avg_pool3d(): Expected input's non-batch dimensions to have positive length, but input has a shape "
                "of {} and non-batch dimension {} has length zero!",
                shapeString(self.sizes()), self.size(i));
  const int64_t iT = self.size(-3), iH = self.size(-2), iW = self.size(-1);
  EMBER_CHECK(iT >= w.k[0] && iH >= w.k[1] && iW >= w.k[2],
              "input image (T: {} H: {} W: {}) smaller than kernel size (kT: {} kH: {} kW: {})", iT, iH, iW, w.k[0],
              w.k[1], w.k[2]);
  EMBER_CHECK(out[0] >= 1 && out[1] >= 1 && out[2] >= 1,
              "Given input size: ({}x{}x{}x{}). Calculated output size: ({}x{}x{}x{}). Output size is too small",
              self.size(-4), iT, iH, iW, self.size(-4), out[0], out[1], out[2]);
  auto run = [&]<class T>() {
    Planes pl = makePlanes(self, 3, self.dtype());
    std::copy(out, out + 3, pl.out);
    Tensor result = Tensor::empty(outputSizes(self, 3, out), self.dtype());
    avgPoolPlanes<T>(pl, w, countIncludePad, divisorOverride, result.data<T>());
    return result;
  };
  if (self.dtype() == DType::Long) return run.operator()<int64_t>();
  return nn::dispatchFloating(self.dtype(), "avg_pool3d_out_frame", run);
}

// ---------------------------------------------------------------- adaptive pooling

namespace {

// x.mean(last nd dims, keepdim=True): adaptive average pooling to size 1.
Tensor meanLastDims(const Tensor& self, int64_t nd) {
  for (int64_t i = 1; i <= nd; ++i) wrapDim(-i, self.dim());
  if (!isFloating(self.dtype()))
    EMBER_FAIL(
        "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {}",
        scalarTypeName(self.dtype()));
  DimVector osz(self.sizes());
  int64_t inner = 1;
  for (int64_t i = 1; i <= nd; ++i) {
    inner *= osz[self.dim() - i];
    osz[self.dim() - i] = 1;
  }
  Tensor result = Tensor::empty(osz, self.dtype());
  const int64_t outer = result.numel();
  Tensor in = self.contiguous();
  visitDType(self.dtype(), [&]<class T>() {
    if constexpr (isFloatType<T>) {
      using Acc = AccType<T>;
      const T* ip = in.data<T>();
      T* op = result.data<T>();
      for (int64_t o = 0; o < outer; ++o) {
        Acc sum = 0;
        for (int64_t i = 0; i < inner; ++i) sum += static_cast<Acc>(ip[o * inner + i]);
        op[o] = static_cast<T>(sum / static_cast<Acc>(inner));
      }
    }
  });
  return result;
}

void checkAdaptiveInput(const Tensor& self, int64_t nd, std::string_view fn, bool colon) {
  const int64_t dim = self.dim();
  EMBER_CHECK(dim == nd + 1 || dim == nd + 2, "{}(): Expected {}D or {}D tensor, but got{} {}", fn, nd + 1, nd + 2,
              colon ? ":" : "", shapeString(self.sizes()));
  for (int64_t i = dim - nd; i < dim; ++i)
    EMBER_CHECK(self.size(i) > 0,
                "{}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {} with "
                "dimension {} being empty",
                fn, shapeString(self.sizes()), i);
}

}  // namespace

Tensor adaptiveAvgPool1d(const Tensor& self, IntArrayRef outputSize) {
  check1dArgs(self, "adaptive_avg_pool1d", {{"output_size", outputSize}});
  const int64_t o2[2] = {1, outputSize[0]};
  Tensor out = adaptiveAvgPool2d(nn::unsqueezeView(self, self.dim() - 1), IntArrayRef(o2, 2));
  return nn::squeezeView(out, out.dim() - 2);
}

Tensor adaptiveAvgPool2d(const Tensor& self, IntArrayRef outputSize) {
  EMBER_CHECK(outputSize.size() == 2, "adaptive_avg_pool2d: output_size must be 2");
  EMBER_CHECK(outputSize[0] >= 0 && outputSize[1] >= 0,
              "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {{{}, {}}}",
              outputSize[0], outputSize[1]);
  if (outputSize[0] == 1 && outputSize[1] == 1) return meanLastDims(self, 2);
  return adaptiveAvgPool2dKernel(self, outputSize);
}

Tensor adaptiveAvgPool2dKernel(const Tensor& self, IntArrayRef outputSize) {
  EMBER_CHECK(outputSize.size() == 2, "adaptive_avg_pool2d: output_size must be 2");
  checkAdaptiveInput(self, 2, "adaptive_avg_pool2d", false);
  return nn::dispatchFloatingBF16(self.dtype(), "adaptive_avg_pool2d", [&]<class T>() {
    Planes pl = makePlanes(self, 2, self.dtype());
    pl.out[1] = outputSize[0];
    pl.out[2] = outputSize[1];
    Tensor result = Tensor::empty(outputSizes(self, 2, pl.out), self.dtype());
    adaptiveAvgPlanes<T>(pl, result.data<T>());
    return result;
  });
}

Tensor adaptiveAvgPool3d(const Tensor& self, IntArrayRef outputSize) {
  EMBER_CHECK(outputSize.size() == 3, "adaptive_avg_pool3d: output_size must be 3");
  // PyTorch 1.13 prints this message with the 2-d name and this spacing.
  EMBER_CHECK(outputSize[0] >= 0 && outputSize[1] >= 0 && outputSize[2] >= 0,
              "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {{{}, "
              "{},{}}}",
              outputSize[0], outputSize[1], outputSize[2]);
  if (outputSize[0] == 1 && outputSize[1] == 1 && outputSize[2] == 1) return meanLastDims(self, 3);
  return adaptiveAvgPool3dKernel(self, outputSize);
}

Tensor adaptiveAvgPool3dKernel(const Tensor& self, IntArrayRef outputSize) {
  EMBER_CHECK(outputSize.size() == 3, "adaptive_avg_pool3d: output_size must be 3");
  checkAdaptiveInput(self, 3, "adaptive_avg_pool3d", false);
  return nn::dispatchFloating(self.dtype(), "adaptive_avg_pool3d_cpu", [&]<class T>() {
    Planes pl = makePlanes(self, 3, self.dtype());
    std::copy(outputSize.begin(), outputSize.end(), pl.out);
    Tensor result = Tensor::empty(outputSizes(self, 3, pl.out), self.dtype());
    adaptiveAvgPlanes<T>(pl, result.data<T>());
    return result;
  });
}

namespace {

std::tuple<Tensor, Tensor> adaptiveMaxPoolNd(const Tensor& self, int64_t nd, IntArrayRef outputSize,
                                             std::string_view fn) {
  checkAdaptiveInput(self, nd, fn, true);
  EMBER_CHECK(static_cast<int64_t>(outputSize.size()) == nd, "{}(): internal error: output_size.size() must be {}", fn,
              nd);
  auto run = [&]<class T>() {
    Planes pl = makePlanes(self, nd, self.dtype());
    for (int64_t i = 0; i < nd; ++i) pl.out[3 - nd + i] = outputSize[static_cast<size_t>(i)];
    DimVector osz = outputSizes(self, nd, pl.out);
    Tensor result = Tensor::empty(osz, self.dtype());
    Tensor indices = Tensor::empty(osz, DType::Long);
    adaptiveMaxPlanes<T>(pl, result.data<T>(), indices.data<int64_t>());
    return std::make_tuple(result, indices);
  };
  if (nd == 3) return nn::dispatchFloating(self.dtype(), "adaptive_max_pool3d_cpu", run);
  return nn::dispatchFloatingBF16(self.dtype(), "adaptive_max_pool2d", run);
}

}  // namespace

std::tuple<Tensor, Tensor> adaptiveMaxPool1d(const Tensor& self, IntArrayRef outputSize) {
  check1dArgs(self, "adaptive_max_pool1d", {{"output_size", outputSize}});
  const int64_t o2[2] = {1, outputSize[0]};
  auto [out, idx] = adaptiveMaxPool2d(nn::unsqueezeView(self, self.dim() - 1), IntArrayRef(o2, 2));
  return {nn::squeezeView(out, out.dim() - 2), nn::squeezeView(idx, idx.dim() - 2)};
}

std::tuple<Tensor, Tensor> adaptiveMaxPool2d(const Tensor& self, IntArrayRef outputSize) {
  return adaptiveMaxPoolNd(self, 2, outputSize, "adaptive_max_pool2d");
}

std::tuple<Tensor, Tensor> adaptiveMaxPool3d(const Tensor& self, IntArrayRef outputSize) {
  return adaptiveMaxPoolNd(self, 3, outputSize, "adaptive_max_pool3d");
}

}  // namespace ember::kernels
