#include "ember/kernels/nn_common.h"

namespace ember::kernels::nn {

std::string_view cTypeName(DType t) {
  switch (t) {
    case DType::Byte:
      return "unsigned char";
    case DType::Char:
      return "signed char";
    case DType::Short:
      return "short";
    case DType::Int:
      return "int";
    case DType::Long:
      return "long";
    case DType::Half:
      return "c10::Half";
    case DType::Float:
      return "float";
    case DType::Double:
      return "double";
    case DType::Bool:
      return "bool";
    case DType::BFloat16:
      return "c10::BFloat16";
    case DType::Undefined:
      break;
  }
  return "undefined";
}

void failNotImplemented(std::string_view kernel, DType t) {
  EMBER_FAIL("\"{}\" not implemented for '{}'", kernel, scalarTypeName(t));
}

std::string listString(IntArrayRef v) { return shapeString(v); }

DimVector expandParam(IntArrayRef v, std::string_view name, int64_t n) {
  if (v.size() == 1) return DimVector(static_cast<size_t>(n), v[0]);
  if (static_cast<int64_t>(v.size()) != n)
    EMBER_FAIL(
        "expected {} to be a single integer value or a list of {} values to match the convolution dimensions, but "
        "got {}={}",
        name, n, name, listString(v));
  return DimVector(v);
}

Tensor contiguousAs(const Tensor& src, DType t) {
  if (src.dtype() == t && src.isContiguous()) return src;
  Tensor out = Tensor::empty(src.sizes(), t);
  out.copyFrom(src);
  return out;
}

Tensor unsqueezeView(const Tensor& x, int64_t d) {
  DimVector sizes(x.sizes()), strides(x.strides());
  const int64_t st = d < x.dim() ? sizes[d] * strides[d] : 1;
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, st);
  return x.asStrided(sizes, strides, x.storageOffset());
}

Tensor squeezeView(const Tensor& x, int64_t d) {
  if (x.sizes()[d] != 1) return x;
  DimVector sizes(x.sizes()), strides(x.strides());
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  return x.asStrided(sizes, strides, x.storageOffset());
}

Tensor viewAs(const Tensor& x, IntArrayRef sizes) {
  EMBER_CHECK(x.isContiguous(), "view of a non-contiguous tensor");
  return x.asStrided(sizes, contiguousStrides(sizes), x.storageOffset());
}

DimVector sizesWithout(IntArrayRef sizes, int64_t d) {
  DimVector out(sizes);
  out.erase(out.begin() + d);
  return out;
}

DimVector channelsLastStrides(IntArrayRef sizes) {
  const size_t n = sizes.size();
  DimVector strides(n, 1);
  if (n < 3) return contiguousStrides(sizes);
  // Innermost first: C, then the spatial dims from the last, then N.
  int64_t s = 1;
  strides[1] = s;
  s *= std::max<int64_t>(sizes[1], 1);
  for (size_t i = n - 1; i >= 2; --i) {
    strides[i] = s;
    s *= std::max<int64_t>(sizes[i], 1);
  }
  strides[0] = s;
  return strides;
}

bool isChannelsLast(const Tensor& t) {
  if ((t.dim() != 4 && t.dim() != 5) || t.isContiguous()) return false;
  DimVector want = channelsLastStrides(t.sizes());
  for (int64_t i = 0; i < t.dim(); ++i)
    if (t.size(i) != 1 && t.stride(i) != want[static_cast<size_t>(i)]) return false;
  return true;
}

void fillScalar(const Tensor& t, const Scalar& v) {
  if (t.numel() == 0) return;
  Tensor one = Tensor::scalar(v, t.dtype());
  if (t.isContiguous()) {
    visitDType(t.dtype(), [&]<class T>() {
      const T value = *one.data<T>();
      T* p = t.data<T>();
      for (int64_t i = 0, n = t.numel(); i < n; ++i) p[i] = value;
    });
    return;
  }
  DimVector zeros(static_cast<size_t>(t.dim()), 0);
  t.copyFrom(one.asStrided(t.sizes(), zeros, 0));
}

// Gathers out[..., d, h, w] = in[..., idx0[d], idx1[h], idx2[w]] over the last
// nd dims; idx tables hold input positions.
Tensor gatherLastDims(const Tensor& self, int64_t nd, const std::vector<int64_t> (&idx)[3]) {
  DimVector osz(self.sizes());
  int64_t in[3] = {1, 1, 1}, out[3] = {1, 1, 1};
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t slot = 3 - nd + i, d = self.dim() - nd + i;
    in[slot] = self.size(d);
    out[slot] = static_cast<int64_t>(idx[slot].size());
    osz[d] = out[slot];
  }
  Tensor result = Tensor::empty(osz, self.dtype());
  if (result.numel() == 0) return result;
  Tensor x = self.contiguous();
  const int64_t planes = result.numel() / (out[0] * out[1] * out[2]);
  std::vector<int64_t> i0 = nd >= 3 ? idx[0] : std::vector<int64_t>{0};
  std::vector<int64_t> i1 = nd >= 2 ? idx[1] : std::vector<int64_t>{0};
  const std::vector<int64_t>& i2 = idx[2];
  const size_t es = x.elementSize();
  auto run = [&]<class T>() {
    const T* ip = static_cast<const T*>(x.rawData());
    T* op = static_cast<T*>(result.rawData());
    for (int64_t p = 0; p < planes; ++p) {
      const T* src = ip + p * in[0] * in[1] * in[2];
      for (int64_t d = 0; d < out[0]; ++d)
        for (int64_t h = 0; h < out[1]; ++h) {
          const T* row = src + (i0[d] * in[1] + i1[h]) * in[2];
          for (int64_t w = 0; w < out[2]; ++w) *op++ = row[i2[w]];
        }
    }
  };
  // Elements are only moved: dispatch on the element size.
  switch (es) {
    case 1:
      run.operator()<uint8_t>();
      break;
    case 2:
      run.operator()<uint16_t>();
      break;
    case 4:
      run.operator()<uint32_t>();
      break;
    default:
      run.operator()<uint64_t>();
      break;
  }
  return result;
}

}  // namespace ember::kernels::nn
