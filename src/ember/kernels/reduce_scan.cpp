// cumsum, cumprod and their in-place forms.
#include <vector>

#include "ember/kernels/elementwise_util.h"
#include "ember/kernels/reduce.h"
#include "ember/kernels/reduce_common.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

// PyTorch's CPU scan accumulates in acc_type: double for float, float for
// bfloat16, int64 for integers.
template <class T>
using ScanAcc = std::conditional_t<isReducedFloat<T>, float, std::conditional_t<isFloatType<T>, double, int64_t>>;

template <class T, bool kProd>
void scanContiguous(const T* x, T* y, int64_t outer, int64_t n, int64_t inner) {
  using Acc = ScanAcc<T>;
  const Acc init = kProd ? Acc(1) : Acc(0);
  if (inner == 1) {
    // TODO(threads): split rows across support/thread_pool.h.
    for (int64_t o = 0; o < outer; ++o) {
      Acc a = init;
      const T* xr = x + o * n;
      T* yr = y + o * n;
      for (int64_t i = 0; i < n; ++i) {
        a = kProd ? a * static_cast<Acc>(xr[i]) : a + static_cast<Acc>(xr[i]);
        yr[i] = castTo<T>(a);
      }
    }
    return;
  }
  std::vector<Acc> acc(static_cast<size_t>(inner));
  for (int64_t o = 0; o < outer; ++o) {
    std::fill(acc.begin(), acc.end(), init);
    for (int64_t i = 0; i < n; ++i) {
      const T* xr = x + (o * n + i) * inner;
      T* yr = y + (o * n + i) * inner;
      for (int64_t j = 0; j < inner; ++j) {
        acc[j] = kProd ? acc[j] * static_cast<Acc>(xr[j]) : acc[j] + static_cast<Acc>(xr[j]);
        yr[j] = castTo<T>(acc[j]);
      }
    }
  }
}

// Scans `in` (already of the result dtype) along dim into a new tensor.
template <bool kProd>
Tensor scan(const Tensor& in, int64_t dim) {
  const int64_t d = wrapDim(dim, in.dim());
  Tensor out = Tensor::empty(in.sizes(), in.dtype());
  if (in.numel() == 0) return out;
  const DType t = in.dtype();
  if (t == DType::Half || t == DType::Bool) notImplementedFor(kProd ? "cumprod_out_cpu" : "cumsum_out_cpu", t);
  const Tensor x = in.contiguous();
  int64_t outer = 1, inner = 1;
  const int64_t n = in.dim() == 0 ? 1 : in.size(d);
  for (int64_t i = 0; i < in.dim(); ++i) {
    if (i < d) outer *= in.size(i);
    if (i > d) inner *= in.size(i);
  }
  visitDType(t, [&]<class T>() {
    if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, Half>)
      scanContiguous<T, kProd>(static_cast<const T*>(x.rawData()), static_cast<T*>(out.rawData()), outer, n, inner);
  });
  return out;
}

DType scanDtype(const Tensor& self, std::optional<DType> dtype) {
  if (dtype) return *dtype;
  return isIntegral(self.dtype(), true) ? DType::Long : self.dtype();
}

template <bool kProd>
Tensor scanInPlace(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  if (dtype && *dtype != self.dtype())
    EMBER_FAIL("Bad in-place call: input tensor dtype {} and output tensor dtype {} should match",
               typeMetaName(self.dtype()), typeMetaName(*dtype));
  Tensor r = scan<kProd>(self, dim);
  self.copyFrom(r);
  return self;
}

}  // namespace

Tensor cumsum(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return scan<false>(self.to(scanDtype(self, dtype)), dim);
}

Tensor cumprod(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return scan<true>(self.to(scanDtype(self, dtype)), dim);
}

Tensor cumsum_(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return scanInPlace<false>(self, dim, dtype);
}

Tensor cumprod_(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return scanInPlace<true>(self, dim, dtype);
}

}  // namespace ember::kernels
