#include "ember/kernels/sort.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ember/kernels/movement_util.h"
#include "ember/kernels/shape.h"

namespace ember::kernels {

namespace {

template <class K>
bool isNan(K v) {
  if constexpr (std::is_floating_point_v<K>) return std::isnan(v);
  else return false;
}

// The key type comparisons run in: half types compare as float (exactly);
// bool as uint8_t, which orders the same and avoids std::vector<bool>.
template <class T>
using SortKey = std::conditional_t<isReducedFloat<T>, float, std::conditional_t<std::is_same_v<T, bool>, uint8_t, T>>;

// PyTorch's KeyValueCompAsc / KeyValueCompDesc: NaN is the largest value.
template <class K>
struct LessNanLast {
  bool operator()(const std::pair<K, int64_t>& a, const std::pair<K, int64_t>& b) const {
    return (!isNan(a.first) && isNan(b.first)) || (a.first < b.first);
  }
};
template <class K>
struct GreaterNanFirst {
  bool operator()(const std::pair<K, int64_t>& a, const std::pair<K, int64_t>& b) const {
    return (isNan(a.first) && !isNan(b.first)) || (a.first > b.first);
  }
};

// Geometry of the slices along one dim of a contiguous tensor.
struct Slices {
  int64_t outer = 1, n = 1, inner = 1;
  Slices(IntArrayRef sizes, int64_t dim) {
    for (int64_t d = 0; d < static_cast<int64_t>(sizes.size()); ++d) {
      if (d < dim) outer *= sizes[d];
      else if (d == dim) n = sizes[d];
      else inner *= sizes[d];
    }
  }
  int64_t base(int64_t o, int64_t i) const { return o * n * inner + i; }
};

template <class F>
void forEachSlice(const Slices& s, F&& f) {
  for (int64_t o = 0; o < s.outer; ++o)
    for (int64_t i = 0; i < s.inner; ++i) f(s.base(o, i));
}

}  // namespace

// ---------------------------------------------------------------- sort

std::tuple<Tensor, Tensor> sort(const Tensor& self, std::optional<bool> stable, int64_t dim, bool descending) {
  EMBER_CHECK(stable.has_value(), "sort(): c10::optional<bool> for stable has to have value.");
  const int64_t d = wrapDim(dim, self.dim());
  Tensor values = self.clone();
  Tensor indices = Tensor::empty(self.sizes(), DType::Long);
  if (self.numel() == 0) return {values, indices};
  if (self.dim() == 0) {
    *indices.data<int64_t>() = 0;
    return {values, indices};
  }
  const Slices s(self.sizes(), d);
  int64_t* ip = indices.data<int64_t>();
  visitDType(self.dtype(), [&]<class T>() {
    using K = SortKey<T>;
    T* vp = values.data<T>();
    std::vector<std::pair<K, int64_t>> buf(static_cast<size_t>(s.n));
    forEachSlice(s, [&](int64_t base) {
      for (int64_t j = 0; j < s.n; ++j) buf[j] = {static_cast<K>(vp[base + j * s.inner]), j};
      if (descending) {
        if (*stable) std::stable_sort(buf.begin(), buf.end(), GreaterNanFirst<K>());
        else std::sort(buf.begin(), buf.end(), GreaterNanFirst<K>());
      } else {
        if (*stable) std::stable_sort(buf.begin(), buf.end(), LessNanLast<K>());
        else std::sort(buf.begin(), buf.end(), LessNanLast<K>());
      }
      for (int64_t j = 0; j < s.n; ++j) {
        vp[base + j * s.inner] = T(buf[j].first);
        ip[base + j * s.inner] = buf[j].second;
      }
    });
  });
  return {values, indices};
}

std::tuple<Tensor, Tensor> sort(const Tensor& self, int64_t dim, bool descending) {
  return sort(self, std::optional<bool>(false), dim, descending);
}

Tensor argsort(const Tensor& self, int64_t dim, bool descending) { return std::get<1>(sort(self, dim, descending)); }

Tensor argsort(const Tensor& self, bool stable, int64_t dim, bool descending) {
  return std::get<1>(sort(self, std::optional<bool>(stable), dim, descending));
}

Tensor msort(const Tensor& self) { return std::get<0>(sort(self, 0, false)); }

// ---------------------------------------------------------------- topk / kthvalue

std::tuple<Tensor, Tensor> topk(const Tensor& self, int64_t k, int64_t dim, bool largest, bool sorted) {
  const int64_t d = wrapDim(dim, self.dim());
  EMBER_CHECK(k >= 0 && k <= (self.dim() > 0 ? self.sizes()[d] : 1), "selected index k out of range");
  DimVector shape(self.sizes());
  if (self.dim() > 0) shape[d] = k;
  Tensor values = Tensor::empty(shape, self.dtype());
  Tensor indices = Tensor::empty(shape, DType::Long);
  if (self.dim() == 0) {
    values.copyFrom(self);
    *indices.data<int64_t>() = 0;
    return {values, indices};
  }
  if (k == 0 || values.numel() == 0) return {values, indices};
  Tensor c = self.contiguous();
  const Slices s(self.sizes(), d);
  const Slices so(shape, d);
  int64_t* ip = indices.data<int64_t>();
  visitDType(self.dtype(), [&]<class T>() {
    using K = SortKey<T>;
    using Elem = std::pair<K, int64_t>;
    const T* src = c.data<T>();
    T* vp = values.data<T>();
    std::vector<Elem> queue(static_cast<size_t>(s.n));
    // The same algorithm choice as PyTorch's topk_impl_loop, so ties resolve identically.
    const bool usePartialSort = k * 64 <= s.n;
    auto run = [&](auto comp) {
      if (usePartialSort) {
        std::partial_sort(queue.begin(), queue.begin() + k, queue.end(), comp);
        return;
      }
      std::nth_element(queue.begin(), queue.begin() + k - 1, queue.end(), comp);
      if (sorted) std::sort(queue.begin(), queue.begin() + k - 1, comp);
    };
    for (int64_t o = 0; o < s.outer; ++o)
      for (int64_t i = 0; i < s.inner; ++i) {
        const int64_t base = s.base(o, i), obase = so.base(o, i);
        for (int64_t j = 0; j < s.n; ++j) queue[j] = {static_cast<K>(src[base + j * s.inner]), j};
        if (largest) run(GreaterNanFirst<K>());
        else run(LessNanLast<K>());
        for (int64_t j = 0; j < k; ++j) {
          vp[obase + j * so.inner] = T(queue[j].first);
          ip[obase + j * so.inner] = queue[j].second;
        }
      }
  });
  return {values, indices};
}

namespace {

// PyTorch's quick_select_template, kept step for step: which of several
// equal values kthvalue reports depends on the exact swap sequence.
template <class K>
void quickSelect(std::vector<K>& arr, std::vector<int64_t>& idx, int64_t k) {
  auto gtOrNan = [](K x, K y) { return (isNan(x) && !isNan(y)) || (x > y); };
  auto swapAt = [&](int64_t i, int64_t j) {
    std::swap(arr[i], arr[j]);
    std::swap(idx[i], idx[j]);
  };
  int64_t L = 0, R = static_cast<int64_t>(arr.size()) - 1;
  while (true) {
    if (R <= L) return;
    if (R == L + 1) {
      if (gtOrNan(arr[L], arr[R])) swapAt(L, R);
      return;
    }
    const int64_t P = L + (R - L) / 2;
    swapAt(P, L + 1);
    if (gtOrNan(arr[L + 1], arr[R])) swapAt(L + 1, R);
    if (gtOrNan(arr[L], arr[R])) swapAt(L, R);
    if (gtOrNan(arr[L + 1], arr[L])) swapAt(L + 1, L);
    int64_t i = L + 1, j = R;
    const K piv = arr[L];
    while (true) {
      do ++i;
      while (gtOrNan(piv, arr[i]));
      do --j;
      while (gtOrNan(arr[j], piv));
      if (j < i) break;
      swapAt(i, j);
    }
    swapAt(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}

}  // namespace

std::tuple<Tensor, Tensor> kthvalue(const Tensor& self, int64_t k, int64_t dim, bool keepdim) {
  const int64_t d = wrapDim(dim, self.dim());
  const int64_t sliceSize = self.dim() == 0 ? 1 : self.sizes()[d];
  EMBER_CHECK(self.numel() > 0, "Expected reduction dim {} to have non-zero size.", d);
  EMBER_CHECK(k >= 1 && k <= sliceSize, "kthvalue(): selected number k out of range for dimension {}", d);
  DimVector shape(self.sizes());
  if (self.dim() > 0) {
    if (keepdim) shape[d] = 1;
    else shape.erase(shape.begin() + d);
  }
  Tensor values = Tensor::empty(shape, self.dtype());
  Tensor indices = Tensor::empty(shape, DType::Long);
  Tensor c = self.contiguous();
  const Slices s(self.dim() == 0 ? IntArrayRef({1}) : self.sizes(), self.dim() == 0 ? 0 : d);
  int64_t* ip = indices.data<int64_t>();
  visitDType(self.dtype(), [&]<class T>() {
    using K = SortKey<T>;
    const T* src = c.data<T>();
    T* vp = values.data<T>();
    std::vector<K> arr(static_cast<size_t>(s.n));
    std::vector<int64_t> idx(static_cast<size_t>(s.n));
    int64_t out = 0;
    for (int64_t o = 0; o < s.outer; ++o)
      for (int64_t i = 0; i < s.inner; ++i, ++out) {
        const int64_t base = s.base(o, i);
        for (int64_t j = 0; j < s.n; ++j) {
          arr[j] = static_cast<K>(src[base + j * s.inner]);
          idx[j] = j;
        }
        quickSelect(arr, idx, k - 1);
        vp[out] = T(arr[k - 1]);
        ip[out] = idx[k - 1];
      }
  });
  return {values, indices};
}

// ---------------------------------------------------------------- unique

namespace {

// c10 hashes BFloat16 by its bits; other types use std::hash, whose bucket
// order decides the output order of unique(sorted=False).
template <class T>
struct UniqueHash {
  size_t operator()(const T& v) const {
    if constexpr (std::is_same_v<T, BFloat16>) return std::hash<uint16_t>()(v.bits);
    else return std::hash<T>()(v);
  }
};

Tensor emptyLong() { return Tensor::empty({0}, DType::Long); }

}  // namespace

std::tuple<Tensor, Tensor, Tensor> unique2(const Tensor& self, bool sorted, bool returnInverse, bool returnCounts) {
  EMBER_CHECK(self.dtype() != DType::Half, "\"unique\" not implemented for '{}'", scalarTypeName(self.dtype()));
  Tensor input = self.contiguous();
  const int64_t numel = input.numel();
  return visitDType(self.dtype(), [&]<class T>() -> std::tuple<Tensor, Tensor, Tensor> {
    if constexpr (std::is_same_v<T, Half>) {
      EMBER_FAIL("unreachable");
    } else {
      // The same containers PyTorch's unique_cpu_template uses, so that
      // sorted=False yields the same (hash bucket) order.
      const T* in = input.data<T>();
      std::unordered_set<T, UniqueHash<T>> set(in, in + numel);
      Tensor out = Tensor::empty({static_cast<int64_t>(set.size())}, self.dtype());
      T* op = out.data<T>();
      if (sorted) {
        std::vector<T> vec(set.begin(), set.end());
        std::sort(vec.begin(), vec.end());
        std::copy(vec.begin(), vec.end(), op);
      } else {
        std::copy(set.begin(), set.end(), op);
      }
      Tensor inverse = emptyLong(), counts = emptyLong();
      if (returnInverse || returnCounts) {
        inverse = Tensor::empty(input.sizes(), DType::Long);
        int64_t* ip = inverse.data<int64_t>();
        std::unordered_map<T, int64_t, UniqueHash<T>> inverseMap;
        inverseMap.reserve(static_cast<size_t>(out.numel()));
        for (int64_t i = 0; i < out.numel(); ++i) inverseMap[op[i]] = i;
        for (int64_t i = 0; i < numel; ++i) ip[i] = inverseMap[in[i]];
        if (returnCounts) {
          std::unordered_map<T, int64_t, UniqueHash<T>> countsMap;
          countsMap.reserve(static_cast<size_t>(out.numel()));
          for (int64_t i = 0; i < out.numel(); ++i) countsMap[op[i]] = 0;
          for (int64_t i = 0; i < numel; ++i) countsMap[in[i]] += 1;
          counts = Tensor::empty({out.numel()}, DType::Long);
          int64_t* cp = counts.data<int64_t>();
          for (int64_t i = 0; i < out.numel(); ++i) cp[i] = countsMap[op[i]];
        }
      }
      return {out, inverse, counts};
    }
  });
}

std::tuple<Tensor, Tensor> unique(const Tensor& self, bool sorted, bool returnInverse) {
  auto [out, inverse, counts] = unique2(self, sorted, returnInverse, false);
  (void)counts;
  return {out, inverse};
}

namespace {

// _unique_dim_cpu_template: slices along dim compared lexicographically.
std::tuple<Tensor, Tensor, Tensor> uniqueDimImpl(const Tensor& self, int64_t dim, bool consecutive,
                                                 const char* opName) {
  const int64_t d = wrapDim(dim, self.dim());
  EMBER_CHECK(self.dtype() != DType::Half, "\"{}\" not implemented for '{}'", opName, scalarTypeName(self.dtype()));
  const int64_t dimSize = self.size(d);
  if (self.numel() == 0) {
    // Only the selected dim may be empty; unique of nothing along it is empty.
    int64_t zeroDims = 0;
    for (int64_t s : self.sizes()) zeroDims += s == 0;
    EMBER_CHECK(zeroDims <= 1, "Number of zero sized dimensions is more than one, so unique cannot be applied ");
    EMBER_CHECK(dimSize == 0, "There are 0 sized dimensions, and they aren't selected, so unique cannot be applied");
    return {Tensor::empty(self.sizes(), self.dtype()), emptyLong(), emptyLong()};
  }
  Tensor moved = movedim(self, d, 0);
  DimVector origSizes(moved.sizes());
  Tensor flat = reshape(moved.contiguous(), {dimSize, -1});
  const int64_t rowLen = flat.sizes()[1];
  std::vector<int64_t> order(static_cast<size_t>(dimSize));
  std::iota(order.begin(), order.end(), 0);
  Tensor inverse = Tensor::empty({dimSize}, DType::Long);
  Tensor counts = Tensor::empty({dimSize}, DType::Long);
  int64_t* ip = inverse.data<int64_t>();
  int64_t* cp = counts.data<int64_t>();
  std::fill(cp, cp + dimSize, int64_t(0));
  std::vector<int64_t> kept;  // rows of `flat` in output order
  visitDType(self.dtype(), [&]<class T>() {
    const T* p = flat.data<T>();
    auto row = [&](int64_t r) { return p + r * rowLen; };
    if (!consecutive)
      std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        for (int64_t i = 0; i < rowLen; ++i) {
          if (row(a)[i] < row(b)[i]) return true;
          if (row(a)[i] > row(b)[i]) return false;
        }
        return false;
      });
    auto equalRows = [&](int64_t a, int64_t b) {
      for (int64_t i = 0; i < rowLen; ++i)
        if (!(row(a)[i] == row(b)[i])) return false;
      return true;
    };
    kept.push_back(order[0]);
    ip[order[0]] = 0;
    int64_t previous = 0, countIdx = 0;
    for (int64_t cur = 1; cur < dimSize; ++cur) {
      if (!equalRows(order[cur], kept.back())) {
        kept.push_back(order[cur]);
        cp[countIdx++] = cur - previous;
        previous = cur;
      }
      ip[order[cur]] = static_cast<int64_t>(kept.size()) - 1;
    }
    cp[countIdx] = dimSize - previous;
  });
  Tensor out = Tensor::empty({static_cast<int64_t>(kept.size()), rowLen}, self.dtype());
  const size_t rowBytes = static_cast<size_t>(rowLen) * self.elementSize();
  for (size_t r = 0; r < kept.size(); ++r)
    std::memcpy(static_cast<char*>(out.rawData()) + r * rowBytes,
                static_cast<const char*>(flat.rawData()) + static_cast<size_t>(kept[r]) * rowBytes, rowBytes);
  origSizes[0] = static_cast<int64_t>(kept.size());
  out = movedim(view(out, origSizes), 0, d);
  return {out, inverse, narrow(counts, 0, 0, static_cast<int64_t>(kept.size()))};
}

}  // namespace

std::tuple<Tensor, Tensor, Tensor> uniqueDim(const Tensor& self, int64_t dim, bool sorted, bool returnInverse,
                                             bool returnCounts) {
  return uniqueDimImpl(self, dim, false, "unique_dim");
}

std::tuple<Tensor, Tensor, Tensor> uniqueConsecutive(const Tensor& self, bool returnInverse, bool returnCounts,
                                                     std::optional<int64_t> dim) {
  if (dim && !(*dim == 0 && self.dim() == 1))
    return uniqueDimImpl(self, *dim, true, "unique_dim_consecutive");
  EMBER_CHECK(self.dtype() != DType::Half, "\"unique\" not implemented for '{}'", scalarTypeName(self.dtype()));
  Tensor input = self.contiguous();
  const int64_t numel = input.numel();
  Tensor inverse = returnInverse ? Tensor::empty(input.sizes(), DType::Long) : emptyLong();
  if (numel == 0) return {Tensor::empty({0}, self.dtype()), inverse, emptyLong()};
  return visitDType(self.dtype(), [&]<class T>() -> std::tuple<Tensor, Tensor, Tensor> {
    const T* in = input.data<T>();
    std::vector<T> out{in[0]};
    std::vector<int64_t> counts;
    int64_t* ip = returnInverse ? inverse.data<int64_t>() : nullptr;
    if (ip) ip[0] = 0;
    int64_t last = 0;
    for (int64_t i = 1; i < numel; ++i) {
      if (in[i] != out.back()) {
        out.push_back(in[i]);
        counts.push_back(i - last);
        last = i;
      }
      if (ip) ip[i] = static_cast<int64_t>(out.size()) - 1;
    }
    counts.push_back(numel - last);
    const int64_t n = static_cast<int64_t>(out.size());
    Tensor values = Tensor::empty({n}, self.dtype());
    std::copy(out.begin(), out.end(), values.data<T>());
    Tensor c = returnCounts ? Tensor::fromVector<int64_t>(counts, {n}) : emptyLong();
    return {values, inverse, c};
  });
}

}  // namespace ember::kernels
