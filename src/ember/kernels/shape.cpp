#include "ember/kernels/shape.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "ember/kernels/movement_util.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

// ---------------------------------------------------------------- shape arithmetic

DimVector inferSize(IntArrayRef shape, int64_t numel) {
  DimVector res(shape);
  int64_t newSize = 1;
  std::optional<size_t> inferDim;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == -1) {
      if (inferDim) EMBER_FAIL("only one dimension can be inferred");
      inferDim = d;
    } else if (shape[d] >= 0) {
      newSize *= shape[d];
    } else {
      EMBER_FAIL("invalid shape dimension {}", shape[d]);
    }
  }
  if (numel == newSize || (inferDim && newSize > 0 && numel % newSize == 0)) {
    if (inferDim) {
      EMBER_CHECK(newSize != 0,
                  "cannot reshape tensor of 0 elements into shape {} because the unspecified dimension size -1 can "
                  "be any value and is ambiguous",
                  shapeString(shape));
      res[*inferDim] = numel / newSize;
    }
    return res;
  }
  EMBER_FAIL("shape '{}' is invalid for input of size {}", shapeString(shape), numel);
}

std::optional<DimVector> computeStride(IntArrayRef oldShape, IntArrayRef oldStrides, IntArrayRef newShape) {
  if (oldShape.empty()) return DimVector(newShape.size(), 1);
  const int64_t numel = computeNumel(oldShape);
  // Strides of an empty tensor are arbitrary; NumPy keeps them when the shape
  // is unchanged and otherwise uses contiguous ones.
  if (numel == 0 && oldShape == newShape) return DimVector(oldStrides);
  const int64_t nNew = static_cast<int64_t>(newShape.size());
  DimVector newStrides(newShape.size(), 0);
  if (numel == 0) {
    for (int64_t d = nNew - 1; d >= 0; --d)
      newStrides[d] = d == nNew - 1 ? 1 : std::max<int64_t>(newShape[d + 1], 1) * newStrides[d + 1];
    return newStrides;
  }
  // Walk both shapes from the back, one "chunk" of old dims that are
  // contiguous with each other at a time; the new dims covering the chunk
  // must multiply to the same numel.
  int64_t viewD = nNew - 1;
  int64_t chunkBaseStride = oldStrides.back();
  int64_t tensorNumel = 1, viewNumel = 1;
  for (int64_t td = static_cast<int64_t>(oldShape.size()) - 1; td >= 0; --td) {
    tensorNumel *= oldShape[td];
    if (td == 0 || (oldShape[td - 1] != 1 && oldStrides[td - 1] != tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD];
        --viewD;
      }
      if (viewNumel != tensorNumel) return std::nullopt;
      if (td > 0) {
        chunkBaseStride = oldStrides[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD != -1) return std::nullopt;
  return newStrides;
}

namespace {

Tensor makeView(const Tensor& self, IntArrayRef sizes, IntArrayRef strides, int64_t offset) {
  return self.asStrided(sizes, strides, offset);
}

// In-place ops that change only the geometry (squeeze_, t_) rewrite the impl.
Tensor restride(const Tensor& self, const Tensor& geometry) {
  self.impl()->setSizesAndStrides(geometry.sizes(), geometry.strides(), geometry.storageOffset());
  return self;
}

}  // namespace

// ---------------------------------------------------------------- views

Tensor view(const Tensor& self, IntArrayRef size) {
  DimVector shape = inferSize(size, self.numel());
  auto strides = computeStride(self.sizes(), self.strides(), shape);
  EMBER_CHECK(strides.has_value(),
              "view size is not compatible with input tensor's size and stride (at least one dimension spans across "
              "two contiguous subspaces). Use .reshape(...) instead.");
  return makeView(self, shape, *strides, self.storageOffset());
}

Tensor reshape(const Tensor& self, IntArrayRef proposed) {
  DimVector shape = inferSize(proposed, self.numel());
  if (auto strides = computeStride(self.sizes(), self.strides(), shape))
    return makeView(self, shape, *strides, self.storageOffset());
  Tensor c = self.clone();
  return makeView(c, shape, contiguousStrides(shape), c.storageOffset());
}

Tensor viewAs(const Tensor& self, const Tensor& other) { return view(self, other.sizes()); }
Tensor reshapeAs(const Tensor& self, const Tensor& other) { return reshape(self, other.sizes()); }

Tensor alias(const Tensor& self) { return self.alias(); }

Tensor permute(const Tensor& self, IntArrayRef dims) {
  const int64_t n = self.dim();
  EMBER_CHECK(static_cast<int64_t>(dims.size()) == n,
              "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
              "desired ordering of dimensions i.e. input.dim() = {} is not equal to len(dims) = {}",
              n, dims.size());
  DimVector sizes(static_cast<size_t>(n)), strides(static_cast<size_t>(n));
  std::vector<bool> seen(static_cast<size_t>(n), false);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t d = wrapDim(dims[i], n);
    EMBER_CHECK(!seen[d], "permute(): duplicate dims are not allowed.");
    seen[d] = true;
    sizes[i] = self.sizes()[d];
    strides[i] = self.strides()[d];
  }
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor transpose(const Tensor& self, int64_t dim0, int64_t dim1) {
  const int64_t n = self.dim();
  const int64_t d0 = wrapDim(dim0, n), d1 = wrapDim(dim1, n);
  if (n == 0 || d0 == d1) return self.alias();
  DimVector sizes(self.sizes()), strides(self.strides());
  std::swap(sizes[d0], sizes[d1]);
  std::swap(strides[d0], strides[d1]);
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor transpose_(const Tensor& self, int64_t dim0, int64_t dim1) {
  return restride(self, transpose(self, dim0, dim1));
}

Tensor t(const Tensor& self) {
  EMBER_CHECK(self.dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is {}D", self.dim());
  return transpose(self, 0, self.dim() < 2 ? 0 : 1);
}

Tensor t_(const Tensor& self) {
  EMBER_CHECK(self.dim() <= 2, "t_() expects a tensor with <= 2 dimensions, but self is {}D", self.dim());
  return transpose_(self, 0, self.dim() < 2 ? 0 : 1);
}

Tensor numpyT(const Tensor& self) {
  // PyTorch warns that ranks other than 0 and 2 are deprecated, then reverses all dims.
  const int64_t n = self.dim();
  DimVector dims(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) dims[i] = n - 1 - i;
  return permute(self, dims);
}

Tensor squeeze(const Tensor& self) {
  DimVector sizes, strides;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (self.sizes()[d] == 1) continue;
    sizes.push_back(self.sizes()[d]);
    strides.push_back(self.strides()[d]);
  }
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor squeeze(const Tensor& self, int64_t dim) {
  const int64_t d = wrapDim(dim, self.dim());
  if (self.dim() == 0 || self.sizes()[d] != 1) return self.alias();
  DimVector sizes(self.sizes()), strides(self.strides());
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor squeeze_(const Tensor& self) { return restride(self, squeeze(self)); }
Tensor squeeze_(const Tensor& self, int64_t dim) { return restride(self, squeeze(self, dim)); }

Tensor unsqueeze(const Tensor& self, int64_t dim) {
  const int64_t d = wrapDim(dim, self.dim() + 1);
  DimVector sizes(self.sizes()), strides(self.strides());
  const int64_t newStride = d >= self.dim() ? 1 : sizes[d] * strides[d];
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, newStride);
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor unsqueeze_(const Tensor& self, int64_t dim) { return restride(self, unsqueeze(self, dim)); }

Tensor expand(const Tensor& self, IntArrayRef size, bool implicit) {
  const int64_t ndim = static_cast<int64_t>(size.size());
  const int64_t tdim = self.dim();
  EMBER_CHECK(ndim >= tdim,
              "expand({}{{{}}}, size={}): the number of sizes provided ({}) must be greater or equal to the number of "
              "dimensions in the tensor ({})",
              tensorTypeName(self.dtype()), shapeString(self.sizes()), shapeString(size), ndim, tdim);
  DimVector sizes(static_cast<size_t>(ndim)), strides(static_cast<size_t>(ndim));
  for (int64_t i = ndim - 1; i >= 0; --i) {
    const int64_t offset = ndim - 1 - i;
    const int64_t d = tdim - 1 - offset;
    int64_t sz = d >= 0 ? self.sizes()[d] : 1;
    int64_t st = d >= 0 ? self.strides()[d] : (i + 1 < ndim ? sizes[i + 1] * strides[i + 1] : 1);
    int64_t target = size[i];
    if (target == -1) {
      EMBER_CHECK(d >= 0, "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension {}",
                  i);
      target = sz;
    }
    if (sz != target) {
      EMBER_CHECK(sz == 1,
                  "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension "
                  "{}.  Target sizes: {}.  Tensor sizes: {}",
                  target, sz, i, shapeString(size), shapeString(self.sizes()));
      EMBER_CHECK(target >= 0, "Trying to create tensor with negative dimension {}: {}", target, shapeString(size));
      sz = target;
      st = 0;
    }
    sizes[i] = sz;
    strides[i] = st;
  }
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor expandAs(const Tensor& self, const Tensor& other) { return expand(self, other.sizes()); }

Tensor flatten(const Tensor& self, int64_t startDim, int64_t endDim) {
  const int64_t s = wrapDim(startDim, self.dim()), e = wrapDim(endDim, self.dim());
  EMBER_CHECK(s <= e, "flatten() has invalid args: start_dim cannot come after end_dim");
  if (self.dim() == 0) return reshape(self, {1});
  if (s == e) return self;
  // Not inferSize on a -1: for shape [0, 1, 3, 0] the -1 would be ambiguous.
  DimVector shape;
  for (int64_t i = 0; i < s; ++i) shape.push_back(self.sizes()[i]);
  int64_t n = 1;
  for (int64_t i = s; i <= e; ++i) n *= self.sizes()[i];
  shape.push_back(n);
  for (int64_t i = e + 1; i < self.dim(); ++i) shape.push_back(self.sizes()[i]);
  return reshape(self, shape);
}

Tensor unflatten(const Tensor& self, int64_t dim, IntArrayRef sizes) {
  const int64_t d = wrapDim(dim, self.dim());
  EMBER_CHECK(!sizes.empty(), "unflatten: sizes must be non-empty");
  const int64_t dimSize = self.size(d);
  DimVector inferred;
  try {
    inferred = inferSize(sizes, dimSize);
  } catch (const Error&) {
    EMBER_FAIL("unflatten: Provided sizes {} don't multiply up to the size of dim {} ({}) in the input tensor",
               shapeString(sizes), d, dimSize);
  }
  DimVector shape(self.sizes());
  shape.erase(shape.begin() + d);
  for (size_t i = 0; i < inferred.size(); ++i) shape.insert(shape.begin() + d + static_cast<int64_t>(i), inferred[i]);
  return view(self, shape);
}

Tensor narrow(const Tensor& self, int64_t dim, int64_t start, int64_t length) {
  EMBER_CHECK(self.dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
  const int64_t size = self.size(dim);
  // start == size is a valid (empty) narrow but not a valid index to wrap.
  if (start != size) start = wrapDim(start, size);
  EMBER_CHECK(length >= 0 && start <= size - length, "start ({}) + length ({}) exceeds dimension size ({}).", start,
              length, size);
  return slice(self, dim, start, start + length, 1);
}

Tensor narrow(const Tensor& self, int64_t dim, const Tensor& start, int64_t length) {
  EMBER_CHECK(start.dim() == 0 && isIntegral(start.dtype(), false),
              "start must be an 0-dim integral Tensor.");
  return narrow(self, dim, start.item().toInt(), length);
}

Tensor select(const Tensor& self, int64_t dim, int64_t index) {
  const int64_t n = self.dim();
  if (n == 0) EMBER_FAIL_KIND(Index, "select() cannot be applied to a 0-dim tensor.");
  const int64_t d = wrapDim(dim, n);
  const int64_t size = self.sizes()[d];
  if (index < -size || index >= size)
    EMBER_FAIL_KIND(Index, "select(): index {} out of range for tensor of size {} at dimension {}", index,
                    shapeString(self.sizes()), d);
  if (index < 0) index += size;
  DimVector sizes(self.sizes()), strides(self.strides());
  const int64_t offset = self.storageOffset() + index * strides[d];
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  return makeView(self, sizes, strides, offset);
}

Tensor slice(const Tensor& self, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
             int64_t step) {
  const int64_t n = self.dim();
  if (n == 0) EMBER_FAIL_KIND(Index, "slice() cannot be applied to a 0-dim tensor.");
  const int64_t d = wrapDim(dim, n);
  DimVector sizes(self.sizes()), strides(self.strides());
  int64_t s = start.value_or(0);
  int64_t e = end.value_or(INT64_MAX);
  EMBER_CHECK(step > 0, "slice step must be positive");
  const int64_t size = sizes[d];
  if (s == INT64_MAX) s = 0;
  if (s < 0) s += size;
  if (e < 0) e += size;
  if (s < 0) s = 0;
  else if (s >= size) s = size;
  if (e < s) e = s;
  else if (e >= size) e = size;
  const int64_t offset = self.storageOffset() + s * strides[d];
  sizes[d] = (e - s + step - 1) / step;
  strides[d] *= step;
  return makeView(self, sizes, strides, offset);
}

Tensor movedim(const Tensor& self, IntArrayRef src, IntArrayRef dst) {
  EMBER_CHECK(src.size() == dst.size(),
              "movedim: Invalid source or destination dims: source ({} dims) should contain the same number of dims "
              "as destination ({} dims)",
              shapeString(src), shapeString(dst));
  const int64_t n = self.dim();
  DimVector nsrc, ndst;
  for (int64_t s : src) nsrc.push_back(wrapDim(s, n));
  for (int64_t d : dst) ndst.push_back(wrapDim(d, n));
  auto allUnique = [](DimVector v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) == v.end();
  };
  EMBER_CHECK(allUnique(nsrc), "movedim: repeated dim in `source` ({})", shapeString(src));
  EMBER_CHECK(allUnique(ndst), "movedim: repeated dim in `destination` ({})", shapeString(dst));
  if (n == 0) return self.alias();
  DimVector order(static_cast<size_t>(n), -1);
  std::vector<bool> srcUsed(static_cast<size_t>(n), false);
  for (size_t i = 0; i < nsrc.size(); ++i) {
    order[ndst[i]] = nsrc[i];
    srcUsed[nsrc[i]] = true;
  }
  // The other dims keep their relative order in the remaining positions.
  int64_t next = 0;
  for (int64_t pos = 0; pos < n; ++pos) {
    if (order[pos] != -1) continue;
    while (srcUsed[next]) ++next;
    order[pos] = next++;
  }
  return permute(self, order);
}

Tensor movedim(const Tensor& self, int64_t source, int64_t destination) {
  return movedim(self, IntArrayRef(source), IntArrayRef(destination));
}

Tensor asStrided(const Tensor& self, IntArrayRef size, IntArrayRef stride, std::optional<int64_t> storageOffset) {
  const int64_t offset = storageOffset.value_or(self.storageOffset());
  EMBER_CHECK(size.size() == stride.size(), "mismatch in length of strides and shape");
  for (int64_t s : stride)
    EMBER_CHECK(s >= 0, "as_strided: Negative strides are not supported at the moment, got strides: {}",
                shapeString(stride));
  for (int64_t s : size)
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension {}: {}", s, shapeString(size));
  const int64_t item = static_cast<int64_t>(self.elementSize());
  int64_t need = 1;
  for (size_t i = 0; i < size.size(); ++i) {
    if (size[i] == 0) {
      need = 0;
      break;
    }
    need += stride[i] * (size[i] - 1);
  }
  need *= item;
  if (need != 0) {
    const int64_t have = static_cast<int64_t>(self.storage()->nbytes());
    EMBER_CHECK(need + offset * item <= have,
                "setStorage: sizes {}, strides {}, storage offset {}, and itemsize {} requiring a storage size of {} "
                "are out of bounds for storage of size {}",
                shapeString(size), shapeString(stride), offset, item, need + offset * item, have);
  }
  EMBER_CHECK(offset >= 0, "Tensor: invalid storage offset {}", offset);
  return makeView(self, size, stride, offset);
}

Tensor unfold(const Tensor& self, int64_t dimension, int64_t size, int64_t step) {
  const int64_t n = self.dim();
  const int64_t d = wrapDim(dimension, n);
  const int64_t maxSize = n == 0 ? 1 : self.sizes()[d];
  EMBER_CHECK(size <= maxSize, "maximum size for tensor at dimension {} is {} but size is {}", d, maxSize, size);
  EMBER_CHECK(step > 0, "step is {} but must be > 0", step);
  DimVector sizes(static_cast<size_t>(n + 1)), strides(static_cast<size_t>(n + 1));
  sizes[n] = size;
  strides[n] = n == 0 ? 1 : self.strides()[d];
  for (int64_t i = 0; i < n; ++i) {
    if (i == d) {
      sizes[i] = (self.sizes()[i] - size) / step + 1;
      strides[i] = step * self.strides()[i];
    } else {
      sizes[i] = self.sizes()[i];
      strides[i] = self.strides()[i];
    }
  }
  return makeView(self, sizes, strides, self.storageOffset());
}

Tensor broadcastTo(const Tensor& self, IntArrayRef size) { return expand(self, size); }

std::vector<Tensor> broadcastTensors(ArrayRef<Tensor> tensors) {
  DimVector shape;
  for (size_t i = 0; i < tensors.size(); ++i)
    shape = i == 0 ? DimVector(tensors[i].sizes()) : broadcastShapes(shape, tensors[i].sizes());
  std::vector<Tensor> out;
  out.reserve(tensors.size());
  for (const Tensor& t : tensors) out.push_back(expand(t, shape));
  return out;
}

std::vector<Tensor> meshgrid(ArrayRef<Tensor> tensors, std::string_view indexing) {
  const size_t n = tensors.size();
  EMBER_CHECK(n > 0, "meshgrid expects a non-empty TensorList");
  for (size_t i = 0; i + 1 < n; ++i)
    EMBER_CHECK(tensors[i].dtype() == tensors[i + 1].dtype(), "meshgrid expects all tensors to have the same dtype");
  std::vector<Tensor> in(tensors.begin(), tensors.end());
  bool swapFirstTwo = false;
  if (indexing == "xy") {
    swapFirstTwo = n >= 2;
    if (swapFirstTwo) std::swap(in[0], in[1]);
  } else {
    EMBER_CHECK(indexing == "ij", "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {}",
                indexing);
  }
  DimVector shape(n);
  for (size_t i = 0; i < n; ++i) {
    EMBER_CHECK(in[i].dim() <= 1, "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: {}",
                shapeString(in[i].sizes()));
    shape[i] = in[i].numel();
  }
  std::vector<Tensor> grids;
  DimVector viewShape(n, 1);
  for (size_t i = 0; i < n; ++i) {
    viewShape[i] = -1;
    grids.push_back(expand(view(in[i], viewShape), shape));
    viewShape[i] = 1;
  }
  if (swapFirstTwo) std::swap(grids[0], grids[1]);
  return grids;
}

// ---------------------------------------------------------------- splits

std::vector<Tensor> split(const Tensor& self, int64_t splitSize, int64_t dim) {
  EMBER_CHECK(self.dim() != 0, "split expects at least a 1-dimensional tensor");
  EMBER_CHECK(splitSize >= 0, "split expects split_size be non-negative, but got split_size={}", splitSize);
  const int64_t dimSize = self.size(dim);
  if (splitSize == 0 && dimSize == 0) return {self};
  EMBER_CHECK(splitSize != 0, "split_size can only be 0 if dimension size is 0, but got dimension size of {}",
              dimSize);
  // At least one split, also when split_size > dim_size.
  const int64_t numSplits = std::max<int64_t>((dimSize + splitSize - 1) / splitSize, 1);
  const int64_t lastSplitSize = splitSize - (splitSize * numSplits - dimSize);
  std::vector<Tensor> out;
  out.reserve(static_cast<size_t>(numSplits));
  for (int64_t i = 0; i < numSplits; ++i)
    out.push_back(narrow(self, dim, i * splitSize, i < numSplits - 1 ? splitSize : lastSplitSize));
  return out;
}

std::vector<Tensor> splitWithSizes(const Tensor& self, IntArrayRef splitSizes, int64_t dim) {
  EMBER_CHECK(self.dim() != 0, "split expects at least a 1-dimensional tensor");
  const int64_t dimSize = self.size(dim);
  int64_t total = 0;
  for (int64_t s : splitSizes) {
    EMBER_CHECK(s >= 0, "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes={}",
                shapeString(splitSizes));
    total += s;
  }
  EMBER_CHECK(total == dimSize,
              "split_with_sizes expects split_sizes to sum exactly to {} (input tensor's size at dimension {}), but "
              "got split_sizes={}",
              dimSize, wrapDim(dim, self.dim()), shapeString(splitSizes));
  std::vector<Tensor> out;
  out.reserve(splitSizes.size());
  int64_t start = 0;
  for (int64_t s : splitSizes) {
    out.push_back(slice(self, dim, start, start + s, 1));
    start += s;
  }
  return out;
}

std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim) {
  EMBER_CHECK(self.dim() > 0, "chunk expects at least a 1-dimensional tensor");
  EMBER_CHECK(chunks > 0, "chunk expects `chunks` to be greater than 0, got: {}", chunks);
  const int64_t dimSize = self.size(dim);
  const int64_t splitSize = (dimSize + chunks - 1) / chunks;
  // split() would return one chunk for an empty dim; keep the requested count.
  if (splitSize == 0 && dimSize == 0) {
    std::vector<int64_t> sizes(static_cast<size_t>(chunks), 0);
    return splitWithSizes(self, sizes, dim);
  }
  return split(self, splitSize, dim);
}

std::vector<Tensor> unbind(const Tensor& self, int64_t dim) {
  const int64_t d = wrapDim(dim, self.dim());
  const int64_t size = self.size(d);
  std::vector<Tensor> out;
  out.reserve(static_cast<size_t>(size));
  for (int64_t i = 0; i < size; ++i) out.push_back(select(self, d, i));
  return out;
}

std::vector<Tensor> tensorSplit(const Tensor& self, int64_t sections, int64_t dim) {
  EMBER_CHECK(self.dim() > 0,
              "tensor_split expected at least a 1-dimensional tensor, but got a tensor with {} dims", self.dim());
  const int64_t d = wrapDim(dim, self.dim());
  EMBER_CHECK(sections > 0, "number of sections must be larger than 0, got {}", sections);
  const int64_t dimSize = self.sizes()[d];
  const int64_t minSplit = dimSize / sections, extra = dimSize % sections;
  std::vector<Tensor> out;
  int64_t start = 0;
  for (int64_t i = 0; i < sections; ++i) {
    const int64_t s = extra > i ? minSplit + 1 : minSplit;
    out.push_back(slice(self, d, start, start + s, 1));
    start += s;
  }
  return out;
}

std::vector<Tensor> tensorSplit(const Tensor& self, IntArrayRef indices, int64_t dim) {
  EMBER_CHECK(self.dim() > 0,
              "tensor_split expected at least a 1-dimensional tensor, but got a tensor with {} dims", self.dim());
  const int64_t d = wrapDim(dim, self.dim());
  std::vector<Tensor> out;
  int64_t start = 0;
  for (int64_t end : indices) {
    out.push_back(slice(self, d, start, end, 1));
    start = end;
  }
  out.push_back(slice(self, d, start, self.sizes()[d], 1));
  return out;
}

std::vector<Tensor> tensorSplit(const Tensor& self, const Tensor& ios, int64_t dim) {
  EMBER_CHECK(ios.dtype() == DType::Long,
              "tensor_split expected tensor_indices_or_sections to have dtype of long, but got {}",
              scalarTypeName(ios.dtype()));
  EMBER_CHECK(ios.dim() == 0 || ios.dim() == 1,
              "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, "
              "but got a tensor with {} dims",
              ios.dim());
  if (ios.dim() == 0) return tensorSplit(self, ios.item().toInt(), dim);
  return tensorSplit(self, IntArrayRef(ios.toVector<int64_t>()), dim);
}

// ---------------------------------------------------------------- copies

namespace {

bool catSkips(const Tensor& t) { return t.dim() == 1 && t.sizes()[0] == 0; }

// Whether dims [dim, ndim) of t are laid out row-major without gaps.
bool denseFrom(const Tensor& t, int64_t dim) {
  int64_t expected = 1;
  for (int64_t d = t.dim() - 1; d >= dim; --d) {
    if (t.sizes()[d] == 1) continue;
    if (t.strides()[d] != expected) return false;
    expected *= t.sizes()[d];
  }
  return true;
}

}  // namespace

Tensor cat(ArrayRef<Tensor> tensors, int64_t dim) {
  EMBER_CHECK(!tensors.empty(), "torch.cat(): expected a non-empty list of Tensors");
  for (size_t i = 0; i < tensors.size(); ++i)
    EMBER_CHECK(tensors[i].dim() > 0, "zero-dimensional tensor (at position {}) cannot be concatenated", i);
  // Legacy rule: 1-D empty tensors take no part in dim wrapping or shape checks.
  for (const Tensor& t : tensors) {
    if (catSkips(t)) continue;
    dim = wrapDim(dim, t.dim());
    break;
  }
  ResultTypeState rts;
  for (const Tensor& t : tensors) rts.add(t);
  const DType outType = rts.result();

  const Tensor* ref = nullptr;
  for (const Tensor& t : tensors)
    if (!catSkips(t)) {
      ref = &t;
      break;
    }
  if (!ref) return Tensor::empty({0}, outType);
  DimVector sizes(ref->sizes());
  sizes[dim] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (catSkips(t)) continue;
    EMBER_CHECK(t.dim() == ref->dim(), "Tensors must have same number of dimensions: got {} and {}", ref->dim(),
                t.dim());
    for (int64_t d = 0; d < ref->dim(); ++d) {
      if (d == dim) continue;
      EMBER_CHECK(ref->sizes()[d] == t.sizes()[d],
                  "Sizes of tensors must match except in dimension {}. Expected size {} but got size {} for tensor "
                  "number {} in the list.",
                  dim, ref->sizes()[d], t.sizes()[d], i);
    }
    sizes[dim] += t.sizes()[dim];
  }
  Tensor out = Tensor::empty(sizes, outType);
  if (out.numel() == 0) return out;

  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= sizes[d];
  for (int64_t d = dim + 1; d < static_cast<int64_t>(sizes.size()); ++d) inner *= sizes[d];
  const size_t item = out.elementSize();
  const size_t outRow = static_cast<size_t>(sizes[dim] * inner) * item;
  int64_t offset = 0;  // along dim
  for (const Tensor& t : tensors) {
    if (catSkips(t)) continue;
    const int64_t n = t.sizes()[dim];
    if (n == 0) continue;
    if (t.dtype() == outType && denseFrom(t, dim)) {
      // Each outer index copies one contiguous run of n * inner elements
      // (also for views like roll's narrowed halves, dense from dim on).
      const size_t run = static_cast<size_t>(n * inner) * item;
      const char* src = static_cast<const char*>(t.rawData());
      char* dst = static_cast<char*>(out.rawData()) + static_cast<size_t>(offset * inner) * item;
      if (t.isContiguous()) {
        for (int64_t o = 0; o < outer; ++o) std::memcpy(dst + o * outRow, src + o * run, run);
      } else {
        DimVector idx(static_cast<size_t>(dim), 0);
        for (int64_t o = 0; o < outer; ++o) {
          int64_t off = 0;
          for (int64_t d = 0; d < dim; ++d) off += idx[d] * t.strides()[d];
          std::memcpy(dst + o * outRow, src + off * static_cast<int64_t>(item), run);
          for (int64_t d = dim - 1; d >= 0 && ++idx[d] == t.sizes()[d]; --d) idx[d] = 0;
        }
      }
    } else if (t.dtype() == outType) {
      copySameType(slice(out, dim, offset, offset + n, 1), t);
    } else {
      slice(out, dim, offset, offset + n, 1).copyFrom(t);
    }
    offset += n;
  }
  return out;
}

Tensor stack(ArrayRef<Tensor> tensors, int64_t dim) {
  EMBER_CHECK(!tensors.empty(), "stack expects a non-empty TensorList");
  const int64_t d = wrapDim(dim, tensors[0].dim() + 1);
  for (size_t i = 1; i < tensors.size(); ++i)
    EMBER_CHECK(tensors[i].sizes() == tensors[0].sizes(),
                "stack expects each tensor to be equal size, but got {} at entry 0 and {} at entry {}",
                shapeString(tensors[0].sizes()), shapeString(tensors[i].sizes()), i);
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (const Tensor& t : tensors) parts.push_back(unsqueeze(t, d));
  return cat(parts, d);
}

namespace {

// Writes the repeat of the contiguous block x (sizes xs) into dst, dims
// from d on: each x row is copied once, then every level's block is
// replicated by doubling memcpys.
void tile(const char* src, char* dst, size_t d, IntArrayRef xs, IntArrayRef reps, IntArrayRef srcBlock,
          IntArrayRef dstBlock) {
  const int64_t s = xs[d];
  if (d + 1 == xs.size()) {
    std::memcpy(dst, src, static_cast<size_t>(srcBlock[d] * s));
  } else {
    for (int64_t i = 0; i < s; ++i)
      tile(src + i * srcBlock[d], dst + i * dstBlock[d], d + 1, xs, reps, srcBlock, dstBlock);
  }
  const size_t chunk = static_cast<size_t>(s * dstBlock[d]);
  const size_t total = chunk * static_cast<size_t>(reps[d]);
  for (size_t filled = chunk; filled < total;) {
    const size_t n = std::min(filled, total - filled);
    std::memcpy(dst + filled, dst, n);
    filled += n;
  }
}

}  // namespace

Tensor repeat(const Tensor& self, IntArrayRef repeats) {
  EMBER_CHECK(static_cast<int64_t>(repeats.size()) >= self.dim(),
              "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  const size_t n = repeats.size();
  const size_t lead = n - static_cast<size_t>(self.dim());
  DimVector padded(n, 1), target(n);
  for (size_t i = 0; i < static_cast<size_t>(self.dim()); ++i) padded[lead + i] = self.sizes()[i];
  for (size_t i = 0; i < n; ++i) target[i] = padded[i] * repeats[i];
  Tensor out = Tensor::empty(target, self.dtype());
  if (out.numel() == 0) return out;
  const int64_t item = static_cast<int64_t>(self.elementSize());
  Tensor x = self.contiguous();
  if (n == 0) {
    std::memcpy(out.rawData(), x.rawData(), static_cast<size_t>(item));
    return out;
  }
  // Byte sizes of one step along each dim: of x (srcBlock) and of out (dstBlock).
  DimVector srcBlock(n), dstBlock(n);
  int64_t sb = item, db = item;
  for (size_t i = n; i-- > 0;) {
    srcBlock[i] = sb;
    dstBlock[i] = db;
    sb *= padded[i];
    db *= target[i];
  }
  tile(static_cast<const char*>(x.rawData()), static_cast<char*>(out.rawData()), 0, padded, repeats, srcBlock,
       dstBlock);
  return out;
}

Tensor flip(const Tensor& self, IntArrayRef dims) {
  const int64_t n = self.dim();
  std::vector<bool> flipped(static_cast<size_t>(std::max<int64_t>(n, 1)), false);
  for (int64_t d : dims) {
    const int64_t w = wrapDim(d, n);
    EMBER_CHECK(!flipped[w], "dim {} appears multiple times in the list of dims", w);
    flipped[w] = true;
  }
  Tensor out = Tensor::empty(self.sizes(), self.dtype());
  if (self.numel() == 0) return out;
  // A view with negated strides that starts at the last element of each flipped dim.
  DimVector strides(self.strides());
  int64_t offset = self.storageOffset();
  for (int64_t d = 0; d < n; ++d) {
    if (!flipped[d]) continue;
    offset += (self.sizes()[d] - 1) * strides[d];
    strides[d] = -strides[d];
  }
  copySameType(out, self.asStrided(self.sizes(), strides, offset));
  return out;
}

Tensor roll(const Tensor& self, IntArrayRef shifts, IntArrayRef dims) {
  if (dims.size() == 1 && shifts.size() == 1) {
    if (self.numel() == 0) return self.clone();
    const int64_t d = wrapDim(dims[0], self.dim(), false);
    const int64_t size = self.sizes()[d];
    int64_t start = (size - shifts[0]) % size;
    if (start < 0) start += size;
    Tensor parts[2] = {narrow(self, d, start, size - start), narrow(self, d, 0, start)};
    return cat(ArrayRef<Tensor>(parts, 2), d);
  }
  EMBER_CHECK(!shifts.empty(), "`shifts` required");
  if (dims.empty() && shifts.size() == 1) {
    Tensor flat = view(self.contiguous(), {self.numel()});
    return view(roll(flat, shifts, {0}), self.sizes());
  }
  EMBER_CHECK(shifts.size() == dims.size(), "shifts and dimensions must align. shifts: {}, dims:{}", shifts.size(),
              dims.size());
  Tensor r = roll(self, shifts.slice(0, 1), dims.slice(0, 1));
  return roll(r, shifts.slice(1), dims.slice(1));
}

}  // namespace ember::kernels
