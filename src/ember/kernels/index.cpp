#include "ember/kernels/index.h"

#include <algorithm>
#include <cstring>

#include "ember/kernels/movement_util.h"
#include "ember/kernels/shape.h"
#include "ember/tensor/strided_loop.h"

namespace ember::kernels {

namespace {

bool isMaskType(DType t) { return t == DType::Bool || t == DType::Byte; }

// Element offsets of every position of a block of dims, in row-major order.
std::vector<int64_t> blockOffsets(IntArrayRef sizes, IntArrayRef strides) {
  std::vector<int64_t> out{0};
  for (size_t d = 0; d < sizes.size(); ++d) {
    std::vector<int64_t> next;
    next.reserve(out.size() * static_cast<size_t>(sizes[d]));
    for (int64_t base : out)
      for (int64_t i = 0; i < sizes[d]; ++i) next.push_back(base + i * strides[d]);
    out = std::move(next);
  }
  return out;
}

// Whether a block of dims is laid out row-major with unit inner stride.
bool isDenseBlock(IntArrayRef sizes, IntArrayRef strides) {
  int64_t expected = 1;
  for (size_t d = sizes.size(); d-- > 0;) {
    if (sizes[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected *= sizes[d];
  }
  return true;
}

bool isExpandableTo(IntArrayRef shape, IntArrayRef desired) {
  if (shape.size() > desired.size()) return false;
  for (size_t i = 0; i < shape.size(); ++i) {
    const int64_t s = shape[shape.size() - 1 - i], t = desired[desired.size() - 1 - i];
    if (s != t && s != 1) return false;
  }
  return true;
}

// at::native::AdvancedIndex: self viewed so that the indexed dims form one
// block [first, first + k), with the int64 index tensors broadcast together.
struct IndexPlan {
  Tensor src;
  std::vector<Tensor> indices;  // contiguous int64, shape indexShape, one per indexed dim
  int64_t first = 0;
  DimVector indexShape;
  DimVector resultShape;
  DimVector indexedSizes, indexedStrides;
  DimVector beforeSizes, beforeStrides, afterSizes, afterStrides;
};

IndexPlan makePlan(const Tensor& self, const OptionalTensorList& given) {
  for (const auto& i : given)
    if (i && i->defined() && i->dtype() != DType::Long && !isMaskType(i->dtype()))
      EMBER_FAIL_KIND(Index, "tensors used as indices must be long, byte or bool tensors");
  // Masks become one int64 index per mask dim (their nonzero coordinates).
  std::vector<Tensor> idx;
  for (const auto& i : given) {
    if (!i || !i->defined()) {
      idx.emplace_back();
      continue;
    }
    if (!isMaskType(i->dtype())) {
      idx.push_back(*i);
      continue;
    }
    const Tensor& mask = *i;
    for (int64_t j = 0; j < mask.dim(); ++j) {
      const int64_t srcIdx = static_cast<int64_t>(idx.size()) + j;
      if (mask.sizes()[j] != self.size(srcIdx))
        EMBER_FAIL_KIND(Index,
                        "The shape of the mask {} at index {} does not match the shape of the indexed tensor {} at "
                        "index {}",
                        shapeString(mask.sizes()), j, shapeString(self.sizes()), srcIdx);
    }
    Tensor nz = nonzero(mask);
    for (int64_t j = 0; j < mask.dim(); ++j) idx.push_back(select(nz, 1, j));
  }
  DimVector shape;
  bool any = false;
  try {
    for (const Tensor& t : idx) {
      if (!t.defined()) continue;
      shape = any ? broadcastShapes(shape, t.sizes()) : DimVector(t.sizes());
      any = true;
    }
  } catch (const Error&) {
    std::string shapes;
    for (const Tensor& t : idx) {
      if (!t.defined()) continue;
      if (!shapes.empty()) shapes += ", ";
      shapes += shapeString(t.sizes());
    }
    EMBER_FAIL_KIND(Index, "shape mismatch: indexing tensors could not be broadcast together with shapes {}", shapes);
  }
  EMBER_CHECK(any, "index: at least one index must be a tensor with dimensions (all indices are None)");
  // More index dims than self has (masks expand to several): PyTorch fails
  // asking for the size of the first missing dim.
  if (static_cast<int64_t>(idx.size()) > self.dim()) wrapDim(self.dim(), self.dim());
  while (static_cast<int64_t>(idx.size()) < self.dim()) idx.emplace_back();

  // Non-adjacent index tensors: their result dims go first (NumPy's rule),
  // done by moving the indexed dims to the front.
  const int64_t n = self.dim();
  int64_t firstDef = -1, lastDef = -1;
  for (int64_t d = 0; d < n; ++d)
    if (idx[d].defined()) {
      if (firstDef < 0) firstDef = d;
      lastDef = d;
    }
  bool adjacent = true;
  for (int64_t d = firstDef; d <= lastDef; ++d)
    if (!idx[d].defined()) adjacent = false;
  IndexPlan plan;
  plan.src = self;
  plan.first = firstDef;
  if (!adjacent) {
    DimVector order;
    std::vector<Tensor> reordered;
    for (int64_t d = 0; d < n; ++d)
      if (idx[d].defined()) {
        order.push_back(d);
        reordered.push_back(idx[d]);
      }
    for (int64_t d = 0; d < n; ++d)
      if (!idx[d].defined()) {
        order.push_back(d);
        reordered.emplace_back();
      }
    plan.src = permute(self, order);
    idx = std::move(reordered);
    plan.first = 0;
  }
  plan.indexShape = shape;
  int64_t d = 0;
  for (; d < plan.first; ++d) {
    plan.beforeSizes.push_back(plan.src.sizes()[d]);
    plan.beforeStrides.push_back(plan.src.strides()[d]);
  }
  for (; d < n && idx[d].defined(); ++d) {
    plan.indexedSizes.push_back(plan.src.sizes()[d]);
    plan.indexedStrides.push_back(plan.src.strides()[d]);
    plan.indices.push_back(broadcastView(idx[d], shape).contiguous());
  }
  for (; d < n; ++d) {
    plan.afterSizes.push_back(plan.src.sizes()[d]);
    plan.afterStrides.push_back(plan.src.strides()[d]);
  }
  const bool indexedEmpty = std::find(plan.indexedSizes.begin(), plan.indexedSizes.end(), 0) != plan.indexedSizes.end();
  const bool shapeEmpty = std::find(shape.begin(), shape.end(), 0) != shape.end();
  if (indexedEmpty && !shapeEmpty) EMBER_FAIL_KIND(Index, "index is out of bounds for dimension with size 0");
  for (int64_t s : plan.beforeSizes) plan.resultShape.push_back(s);
  for (int64_t s : shape) plan.resultShape.push_back(s);
  for (int64_t s : plan.afterSizes) plan.resultShape.push_back(s);
  return plan;
}

// The element offset (into src) that each position of the index shape selects.
std::vector<int64_t> indexOffsets(const IndexPlan& plan) {
  const int64_t count = computeNumel(plan.indexShape);
  std::vector<int64_t> offs(static_cast<size_t>(count), 0);
  std::vector<const int64_t*> ptrs;
  for (const Tensor& t : plan.indices) ptrs.push_back(t.data<int64_t>());
  for (int64_t b = 0; b < count; ++b) {
    int64_t off = 0;
    for (size_t k = 0; k < ptrs.size(); ++k) {
      int64_t v = ptrs[k][b];
      const int64_t size = plan.indexedSizes[k];
      if (v < -size || v >= size)
        EMBER_FAIL_KIND(Index, "index {} is out of bounds for dimension {} with size {}", v, k, size);
      if (v < 0) v += size;
      off += v * plan.indexedStrides[k];
    }
    offs[static_cast<size_t>(b)] = off;
  }
  return offs;
}

// Calls f(srcElementOffset, count) for each run of result elements in
// row-major order; a run is `count` consecutive src elements when the after
// block is dense, single elements otherwise.
template <class F>
void forEachIndexed(const IndexPlan& plan, F&& f) {
  const std::vector<int64_t> offs = indexOffsets(plan);
  const std::vector<int64_t> before = blockOffsets(plan.beforeSizes, plan.beforeStrides);
  const int64_t afterNumel = computeNumel(plan.afterSizes);
  if (isDenseBlock(plan.afterSizes, plan.afterStrides)) {
    for (int64_t bo : before)
      for (int64_t o : offs) f(bo + o, afterNumel);
    return;
  }
  const std::vector<int64_t> after = blockOffsets(plan.afterSizes, plan.afterStrides);
  for (int64_t bo : before)
    for (int64_t o : offs)
      for (int64_t a : after) f(bo + o + a, int64_t(1));
}

// The mask value PyTorch's masked kernels see: bool and uint8 masks by value;
// other dtypes are (mis)read through their first byte, as its kernel does.
inline bool maskAt(const char* p, DType t) {
  return t == DType::Bool ? *reinterpret_cast<const bool*>(p) : *reinterpret_cast<const uint8_t*>(p) != 0;
}

}  // namespace

// ---------------------------------------------------------------- index / index_put

Tensor index(const Tensor& self, const OptionalTensorList& indices) {
  if (static_cast<int64_t>(indices.size()) > self.dim())
    EMBER_FAIL_KIND(Index, "too many indices for tensor of dimension {} (got {})", self.dim(), indices.size());
  IndexPlan plan = makePlan(self, indices);
  Tensor out = Tensor::empty(plan.resultShape, self.dtype());
  if (out.numel() == 0) return out;
  const size_t item = self.elementSize();
  visitElementSize(item, [&]<class U>() {
    const U* src = static_cast<const U*>(plan.src.rawData());
    U* dst = static_cast<U*>(out.rawData());
    forEachIndexed(plan, [&](int64_t off, int64_t n) {
      if (n == 1) *dst = src[off];
      else std::memcpy(dst, src + off, static_cast<size_t>(n) * sizeof(U));
      dst += n;
    });
  });
  return out;
}

Tensor indexPut_(const Tensor& self, const OptionalTensorList& indices, const Tensor& values, bool accumulate) {
  if (static_cast<int64_t>(indices.size()) > self.dim())
    EMBER_FAIL_KIND(Index, "too many indices for tensor of dimension {} (got {})", self.dim(), indices.size());
  // A single mask with a one-element value is masked_fill_ (PyTorch takes
  // that path too, which converts the value instead of requiring its dtype).
  if (!accumulate && values.numel() == 1) {
    int64_t numInd = 0;
    Tensor mask;
    bool viaMask = true;
    for (const auto& i : indices) {
      if (!i || !i->defined()) {
        ++numInd;
        continue;
      }
      if (!isMaskType(i->dtype()) || mask.defined()) {
        viaMask = false;
        break;
      }
      mask = *i;
      for (int64_t j = 0; j < mask.dim(); ++j)
        if (mask.sizes()[j] != self.size(numInd + j))
          EMBER_FAIL_KIND(Index,
                          "The shape of the mask {} at index {} does not match the shape of the indexed tensor {} at "
                          "index {}",
                          shapeString(mask.sizes()), j, shapeString(self.sizes()), numInd + j);
      numInd += mask.dim();
    }
    if (viaMask && mask.defined()) {
      for (int64_t i = numInd; i < self.dim(); ++i) mask = unsqueeze(mask, -1);
      return maskedFill_(self, mask, values.item());
    }
  }
  IndexPlan plan = makePlan(self, indices);
  EMBER_CHECK(isExpandableTo(values.sizes(), plan.resultShape),
              "shape mismatch: value tensor of shape {} cannot be broadcast to indexing result of shape {}",
              shapeString(values.sizes()), shapeString(plan.resultShape));
  EMBER_CHECK(values.dtype() == self.dtype(),
              "Index put requires the source and destination dtypes match, got {} for the destination and {} for "
              "the source.",
              scalarTypeName(self.dtype()), scalarTypeName(values.dtype()));
  if (computeNumel(plan.resultShape) == 0) return self;
  Tensor v = broadcastView(values, plan.resultShape).contiguous();
  if (!accumulate) {
    visitElementSize(self.elementSize(), [&]<class U>() {
      U* dst = static_cast<U*>(plan.src.rawData());
      const U* src = static_cast<const U*>(v.rawData());
      forEachIndexed(plan, [&](int64_t off, int64_t n) {
        if (n == 1) dst[off] = *src;
        else std::memcpy(dst + off, src, static_cast<size_t>(n) * sizeof(U));
        src += n;
      });
    });
    return self;
  }
  visitDType(self.dtype(), [&]<class T>() {
    T* dst = static_cast<T*>(plan.src.rawData());
    const T* src = v.data<T>();
    forEachIndexed(plan, [&](int64_t off, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        if constexpr (std::is_same_v<T, bool>) dst[off + i] = dst[off + i] || src[i];
        else dst[off + i] = T(static_cast<OpMathType<T>>(dst[off + i]) + static_cast<OpMathType<T>>(src[i]));
      }
      src += n;
    });
  });
  return self;
}

Tensor indexPut(const Tensor& self, const OptionalTensorList& indices, const Tensor& values, bool accumulate) {
  return indexPut_(self.clone(), indices, values, accumulate);
}

// ---------------------------------------------------------------- index_select / gather / scatter

Tensor indexSelect(const Tensor& self, int64_t dim, const Tensor& index) {
  const int64_t d = wrapDim(dim, self.dim());
  const int64_t numel = index.numel();
  if (index.dim() > 1) EMBER_FAIL_KIND(Index, "index_select(): Index is supposed to be a vector");
  EMBER_CHECK(!(self.dim() == 0 && numel != 1),
              "index_select(): Index to scalar can have only 1 value, got {} value(s)", numel);
  EMBER_CHECK(index.dtype() == DType::Long || index.dtype() == DType::Int,
              "index_select(): Expected dtype int32 or int64 for index");
  const std::vector<int64_t> idx = index.toVector<int64_t>();
  const int64_t dimSize = self.dim() == 0 ? 1 : self.sizes()[d];
  for (int64_t i : idx)
    if (i < 0 || i >= dimSize) EMBER_FAIL_KIND(Index, "index out of range in self");
  DimVector shape(self.sizes());
  if (self.dim() > 0) shape[d] = numel;
  Tensor out = Tensor::empty(shape, self.dtype());
  if (out.numel() == 0) return out;
  if (self.dim() == 0) {
    out.copyFrom(self);
    return out;
  }
  // out[before, i, after] = self[before, idx[i], after]
  DimVector beforeSizes(self.sizes().begin(), self.sizes().begin() + d);
  DimVector beforeStrides(self.strides().begin(), self.strides().begin() + d);
  DimVector afterSizes(self.sizes().begin() + d + 1, self.sizes().end());
  DimVector afterStrides(self.strides().begin() + d + 1, self.strides().end());
  const std::vector<int64_t> before = blockOffsets(beforeSizes, beforeStrides);
  const int64_t afterNumel = computeNumel(afterSizes);
  const bool dense = isDenseBlock(afterSizes, afterStrides);
  const std::vector<int64_t> after = dense ? std::vector<int64_t>{} : blockOffsets(afterSizes, afterStrides);
  const int64_t dimStride = self.strides()[d];
  visitElementSize(self.elementSize(), [&]<class U>() {
    const U* src = static_cast<const U*>(self.rawData());
    U* dst = static_cast<U*>(out.rawData());
    for (int64_t bo : before)
      for (int64_t i : idx) {
        const U* p = src + bo + i * dimStride;
        if (dense) {
          std::memcpy(dst, p, static_cast<size_t>(afterNumel) * sizeof(U));
          dst += afterNumel;
        } else {
          for (int64_t a : after) *dst++ = p[a];
        }
      }
  });
  return out;
}

namespace {

int64_t sizeOrOne(const Tensor& t, int64_t d) { return t.dim() == 0 ? 1 : t.size(d); }

// Iterates over the index tensor's shape with three operands: the index, the
// "data" tensor whose stride along dim is replaced by the index value, and an
// "other" tensor (gather's output, scatter's src) walked with its own strides.
// f(U* data, int64_t idx, char* other) per element, after the bounds check.
template <class F>
void scatterGatherLoop(const Tensor& data, int64_t dim, const Tensor& index, const Tensor* other, size_t otherItem,
                       F&& f) {
  const int64_t nd = std::max<int64_t>(index.dim(), 1);
  const int64_t dimSize = sizeOrOne(data, dim);
  const int64_t dimStride = data.dim() == 0 ? 0 : data.strides()[dim];
  const int64_t dataItem = static_cast<int64_t>(data.elementSize());
  StridedLayout<3> L;
  for (int64_t d = 0; d < nd && index.dim() > 0; ++d) {
    L.sizes.push_back(index.sizes()[d]);
    L.strides[0].push_back(index.strides()[d] * 8);
    L.strides[1].push_back(d == dim || data.dim() == 0 ? 0 : data.strides()[d] * dataItem);
    L.strides[2].push_back(other && other->dim() > 0 ? other->strides()[d] * static_cast<int64_t>(otherItem) : 0);
  }
  L.coalesce();
  std::array<char*, 3> base{static_cast<char*>(index.rawData()), static_cast<char*>(data.rawData()),
                            other ? static_cast<char*>(other->rawData()) : nullptr};
  forEachRun<3>(L, base, 0, index.numel(), [&](std::array<char*, 3> p, std::array<int64_t, 3> st, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      int64_t v = *reinterpret_cast<const int64_t*>(p[0] + i * st[0]);
      if (v < 0 || v >= dimSize)
        EMBER_FAIL("index {} is out of bounds for dimension {} with size {}", v, dim, dimSize);
      f(p[1] + i * st[1] + v * dimStride * dataItem, p[2] + i * st[2]);
    }
  });
}

void checkScatterShapes(const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  if (index.numel() == 0) return;
  const int64_t nd = std::max<int64_t>(self.dim(), 1);
  EMBER_CHECK(nd == std::max<int64_t>(index.dim(), 1),
              "Index tensor must have the same number of dimensions as self tensor");
  bool wrong = false;
  for (int64_t d = 0; d < nd && !wrong; ++d)
    if (d != dim && sizeOrOne(index, d) > sizeOrOne(self, d)) wrong = true;
  if (!wrong && src)
    for (int64_t d = 0; d < nd && !wrong; ++d)
      if (sizeOrOne(index, d) > sizeOrOne(*src, d)) wrong = true;
  if (src)
    EMBER_CHECK(!wrong,
                "Expected index {} to be smaller than self {} apart from dimension {} and to be smaller size than src "
                "{}",
                shapeString(index.sizes()), shapeString(self.sizes()), dim, shapeString(src->sizes()));
  EMBER_CHECK(!wrong, "Expected index {} to be smaller than self {} apart from dimension {}",
              shapeString(index.sizes()), shapeString(self.sizes()), dim);
}

enum class ScatterReduce { None, Add, Multiply };

ScatterReduce scatterReduce(std::string_view reduce) {
  if (reduce.empty()) return ScatterReduce::None;
  if (reduce == "add") return ScatterReduce::Add;
  if (reduce == "multiply") return ScatterReduce::Multiply;
  EMBER_FAIL("reduce argument must be either add or multiply.");
}

template <class T>
void combine(T* dst, T v, ScatterReduce r) {
  using M = OpMathType<T>;
  switch (r) {
    case ScatterReduce::None: *dst = v; return;
    case ScatterReduce::Add:
      if constexpr (std::is_same_v<T, bool>) *dst = *dst || v;
      else *dst = T(static_cast<M>(*dst) + static_cast<M>(v));
      return;
    case ScatterReduce::Multiply:
      if constexpr (std::is_same_v<T, bool>) *dst = *dst && v;
      else *dst = T(static_cast<M>(*dst) * static_cast<M>(v));
      return;
  }
}

void checkScatterIndexType(const Tensor& index) {
  if (index.numel() != 0)
    EMBER_CHECK(index.dtype() == DType::Long, "scatter(): Expected dtype int64 for index");
}

}  // namespace

Tensor gather(const Tensor& self, int64_t dim, const Tensor& index, bool sparseGrad) {
  const int64_t d = wrapDim(dim, self.dim());
  Tensor out = Tensor::empty(index.sizes(), self.dtype());
  if (index.numel() == 0) return out;
  EMBER_CHECK(index.dtype() == DType::Long, "gather(): Expected dtype int64 for index");
  const int64_t nd = std::max<int64_t>(self.dim(), 1);
  EMBER_CHECK(nd == std::max<int64_t>(index.dim(), 1),
              "Index tensor must have the same number of dimensions as input tensor");
  for (int64_t i = 0; i < nd; ++i)
    if (i != d)
      EMBER_CHECK(sizeOrOne(index, i) <= sizeOrOne(self, i),
                  "Size does not match at dimension {} expected index {} to be smaller than self {} apart from "
                  "dimension {}",
                  i, shapeString(index.sizes()), shapeString(self.sizes()), d);
  visitElementSize(self.elementSize(), [&]<class U>() {
    scatterGatherLoop(self, d, index, &out, sizeof(U), [](char* data, char* o) {
      *reinterpret_cast<U*>(o) = *reinterpret_cast<const U*>(data);
    });
  });
  return out;
}

Tensor scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce) {
  const int64_t d = wrapDim(dim, self.dim());
  checkScatterIndexType(index);
  EMBER_CHECK(self.dtype() == src.dtype(), "scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShapes(self, d, index, &src);
  const ScatterReduce r = scatterReduce(reduce);
  if (index.numel() == 0) return self;
  visitDType(self.dtype(), [&]<class T>() {
    scatterGatherLoop(self, d, index, &src, sizeof(T), [r](char* data, char* s) {
      combine(reinterpret_cast<T*>(data), *reinterpret_cast<const T*>(s), r);
    });
  });
  return self;
}

Tensor scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value, std::string_view reduce) {
  const int64_t d = wrapDim(dim, self.dim());
  checkScatterIndexType(index);
  checkScatterShapes(self, d, index, nullptr);
  const ScatterReduce r = scatterReduce(reduce);
  if (index.numel() == 0) return self;
  visitDType(self.dtype(), [&]<class T>() {
    const T v = checkedScalarTo<T>(value);
    scatterGatherLoop(self, d, index, nullptr, 0, [v, r](char* data, char*) {
      combine(reinterpret_cast<T*>(data), v, r);
    });
  });
  return self;
}

Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::string_view reduce) {
  return scatter_(self.clone(), dim, index, src, reduce);
}

Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value, std::string_view reduce) {
  return scatter_(self.clone(), dim, index, value, reduce);
}

Tensor scatterAdd_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_(self, dim, index, src, "add");
}

Tensor scatterAdd(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_(self.clone(), dim, index, src, "add");
}

// ---------------------------------------------------------------- masked ops

Tensor maskedFill_(const Tensor& self, const Tensor& mask, const Scalar& value) {
  DimVector shape = broadcastShapes(self.sizes(), mask.sizes());
  EMBER_CHECK(IntArrayRef(shape) == self.sizes(), "output with shape {} doesn't match the broadcast shape {}",
              shapeString(self.sizes()), shapeString(shape));
  Tensor m = broadcastView(mask, self.sizes());
  const DType mt = mask.dtype();
  visitDType(self.dtype(), [&]<class T>() {
    const T v = checkedScalarTo<T>(value);
    if (self.numel() == 0) return;
    StridedLayout<2> L;
    const int64_t item = static_cast<int64_t>(sizeof(T)), mItem = static_cast<int64_t>(m.elementSize());
    for (int64_t d = 0; d < self.dim(); ++d) {
      L.sizes.push_back(self.sizes()[d]);
      L.strides[0].push_back(self.strides()[d] * item);
      L.strides[1].push_back(m.strides()[d] * mItem);
    }
    L.coalesce();
    std::array<char*, 2> base{static_cast<char*>(self.rawData()), static_cast<char*>(m.rawData())};
    forEachRun<2>(L, base, 0, self.numel(), [&](std::array<char*, 2> p, std::array<int64_t, 2> st, int64_t n) {
      for (int64_t i = 0; i < n; ++i)
        if (maskAt(p[1] + i * st[1], mt)) *reinterpret_cast<T*>(p[0] + i * st[0]) = v;
    });
  });
  return self;
}

Tensor maskedFill_(const Tensor& self, const Tensor& mask, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0,
              "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {} dimension(s).",
              value.dim());
  return maskedFill_(self, mask, value.item());
}

Tensor maskedFill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  DimVector shape = broadcastShapes(mask.sizes(), self.sizes());
  Tensor out = Tensor::empty(shape, self.dtype());
  out.copyFrom(broadcastView(self, shape));
  return maskedFill_(out, mask, value);
}

Tensor maskedFill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0,
              "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {} dimension(s).",
              value.dim());
  return maskedFill(self, mask, value.item());
}

Tensor maskedSelect(const Tensor& self, const Tensor& mask) {
  EMBER_CHECK(isMaskType(mask.dtype()), "masked_select: expected BoolTensor or ByteTensor for mask");
  DimVector shape = broadcastShapes(mask.sizes(), self.sizes());
  Tensor m = broadcastView(mask, shape).to(DType::Byte).contiguous();
  const uint8_t* mp = m.data<uint8_t>();
  const int64_t total = computeNumel(shape);
  int64_t count = 0;
  for (int64_t i = 0; i < total; ++i) {
    EMBER_CHECK(mp[i] <= 1, "Mask tensor can take 0 and 1 values only");
    count += mp[i];
  }
  Tensor src = broadcastView(self, shape).contiguous();
  Tensor out = Tensor::empty({count}, self.dtype());
  visitElementSize(self.elementSize(), [&]<class U>() {
    const U* s = static_cast<const U*>(src.rawData());
    U* o = static_cast<U*>(out.rawData());
    for (int64_t i = 0; i < total; ++i)
      if (mp[i]) *o++ = s[i];
  });
  return out;
}

// ---------------------------------------------------------------- take / nonzero

Tensor take(const Tensor& self, const Tensor& index) {
  EMBER_CHECK(index.dtype() == DType::Long, "take(): Expected a long tensor for index, but got {}",
              scalarTypeName(index.dtype()));
  if (self.numel() == 0 && index.numel() != 0) EMBER_FAIL_KIND(Index, "take(): tried to take from an empty tensor");
  Tensor out = Tensor::empty(index.sizes(), self.dtype());
  const std::vector<int64_t> idx = index.toVector<int64_t>();
  const int64_t numel = self.numel();
  Tensor src = self.contiguous();
  visitElementSize(self.elementSize(), [&]<class U>() {
    const U* s = static_cast<const U*>(src.rawData());
    U* o = static_cast<U*>(out.rawData());
    for (int64_t i : idx) {
      if (i < -numel || i >= numel)
        EMBER_FAIL_KIND(Index, "out of range: tried to access index {} on a tensor of {} elements.", i, numel);
      *o++ = s[i < 0 ? i + numel : i];
    }
  });
  return out;
}

Tensor nonzero(const Tensor& self) {
  const int64_t nd = self.dim();
  Tensor c = self.contiguous();
  const int64_t total = c.numel();
  std::vector<uint8_t> nz(static_cast<size_t>(total));
  int64_t count = 0;
  visitDType(self.dtype(), [&]<class T>() {
    const T* p = static_cast<const T*>(c.rawData());
    for (int64_t i = 0; i < total; ++i) {
      const bool b = p[i] != T(0);
      nz[static_cast<size_t>(i)] = b;
      count += b;
    }
  });
  Tensor out = Tensor::empty({count, nd}, DType::Long);
  if (count == 0 || nd == 0) return out;
  int64_t* o = out.data<int64_t>();
  DimVector coord(static_cast<size_t>(nd), 0);
  for (int64_t i = 0; i < total; ++i) {
    if (nz[static_cast<size_t>(i)])
      for (int64_t d = 0; d < nd; ++d) *o++ = coord[d];
    for (int64_t d = nd - 1; d >= 0; --d) {
      if (++coord[d] < c.sizes()[d]) break;
      coord[d] = 0;
    }
  }
  return out;
}

std::vector<Tensor> nonzeroNumpy(const Tensor& self) {
  // A 0-dim condition counts as 1-D, as in NumPy.
  Tensor nz = nonzero(self.dim() == 0 ? unsqueeze(self, 0) : self);
  return unbind(nz, 1);
}

// ---------------------------------------------------------------- embedding / one_hot

Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t paddingIdx, bool scaleGradByFreq,
                 bool sparse) {
  EMBER_CHECK(weight.dim() == 2, "'weight' must be 2-D");
  EMBER_CHECK(indices.dtype() == DType::Long || indices.dtype() == DType::Int,
              "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but "
              "got {} instead (while checking arguments for embedding)",
              tensorTypeName(indices.dtype()));
  if (indices.dim() == 1) return indexSelect(weight, 0, indices);
  DimVector shape(indices.sizes());
  shape.push_back(weight.sizes()[1]);
  return view(indexSelect(weight, 0, reshape(indices, {-1})), shape);
}

Tensor oneHot(const Tensor& self, int64_t numClasses) {
  EMBER_CHECK(self.dtype() == DType::Long, "one_hot is only applicable to index tensor.");
  DimVector shape(self.sizes());
  if (self.numel() == 0) {
    EMBER_CHECK(numClasses > 0, "Can not infer total number of classes from empty tensor.");
    shape.push_back(numClasses);
    return Tensor::empty(shape, DType::Long);  // no elements to set
  }
  const std::vector<int64_t> v = self.toVector<int64_t>();
  const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
  EMBER_CHECK(*mn >= 0, "Class values must be non-negative.");
  if (numClasses == -1) numClasses = *mx + 1;
  else EMBER_CHECK(numClasses > *mx, "Class values must be smaller than num_classes.");
  shape.push_back(numClasses);
  Tensor out = Tensor::empty(shape, DType::Long);
  int64_t* o = out.data<int64_t>();
  std::fill(o, o + out.numel(), int64_t(0));
  for (size_t i = 0; i < v.size(); ++i) o[static_cast<int64_t>(i) * numClasses + v[i]] = 1;
  return out;
}

}  // namespace ember::kernels
