// aten::einsum, after PyTorch 1.13's algorithm (aten/src/ATen/native/Linear.cpp)
// so results, dtypes and refusals agree: every operand becomes one strided view
// in a common layout (output dims first, then contracted labels; repeated
// labels become diagonals, missing ones size-1 dims), then operands are folded
// left to right, summing a label out as soon as no later operand has it, with
// each pairwise contraction done as one bmm.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ember/kernels/binary.h"
#include "ember/kernels/factory.h"
#include "ember/kernels/linalg.h"
#include "ember/kernels/reduce.h"
#include "ember/kernels/shape.h"
#include "ember/support/error.h"

namespace ember::kernels {

namespace {

constexpr int kLabels = 52;  // A-Z then a-z, PyTorch's label order
constexpr int kEllipsis = kLabels;

int labelIndex(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  return -1;
}

char labelChar(int l) { return static_cast<char>(l < 26 ? 'A' + l : 'a' + (l - 26)); }

Tensor sumKeep(const Tensor& t, int64_t dim) {
  const int64_t d[] = {dim};
  return sumDim(t, IntArrayRef(d), true, std::nullopt);
}

Tensor sumDrop(const Tensor& t, int64_t dim) {
  const int64_t d[] = {dim};
  return sumDim(t, IntArrayRef(d), false, std::nullopt);
}

// left and right have the same number of dims (size 1 where absent); the sum
// dims are contracted and removed, every other dim keeps its position.
Tensor sumproductPair(Tensor left, Tensor right, const std::vector<int64_t>& sumDims) {
  const int64_t ndim = left.dim();
  std::vector<bool> isSum(static_cast<size_t>(ndim), false);
  for (int64_t d : sumDims) isSum[static_cast<size_t>(d)] = true;
  std::vector<int64_t> lro, lo, ro, sum;
  int64_t lroSize = 1, loSize = 1, roSize = 1, sumSize = 1;
  for (int64_t i = 0; i < ndim; ++i) {
    const int64_t ls = left.sizes()[static_cast<size_t>(i)];
    const int64_t rs = right.sizes()[static_cast<size_t>(i)];
    const bool sl = ls > 1, sr = rs > 1;
    if (isSum[static_cast<size_t>(i)]) {
      if (sl && sr) {
        EMBER_CHECK(ls == rs, "non-broadcast dimensions must match");
        sumSize *= ls;
        sum.push_back(i);
      } else if (sl) {
        left = sumKeep(left, i);
      } else if (sr) {
        right = sumKeep(right, i);
      }
    } else if (sl && sr) {
      EMBER_CHECK(ls == rs, "non-broadcast dimensions must match");
      lro.push_back(i);
      lroSize *= ls;
    } else if (sl) {
      lo.push_back(i);
      loSize *= ls;
    } else {
      ro.push_back(i);
      roSize *= rs;
    }
  }
  // Summed dims of size 1 on both sides simply disappear.
  std::vector<int64_t> lperm, rperm, outSizes, order;
  for (int64_t d : lro) lperm.push_back(d);
  for (int64_t d : lo) lperm.push_back(d);
  for (int64_t d : sum) lperm.push_back(d);
  for (int64_t d : ro) lperm.push_back(d);  // size 1 on the left
  for (int64_t d : lro) rperm.push_back(d);
  for (int64_t d : sum) rperm.push_back(d);
  for (int64_t d : ro) rperm.push_back(d);
  for (int64_t d : lo) rperm.push_back(d);  // size 1 on the right
  for (int64_t i = 0; i < ndim; ++i) {
    if (isSum[static_cast<size_t>(i)] && std::find(sum.begin(), sum.end(), i) == sum.end()) {
      // a size-1 summed dim: append so the permutation stays complete, dropped by the reshape
      lperm.push_back(i);
      rperm.push_back(i);
    }
  }
  for (int64_t d : lro) outSizes.push_back(left.sizes()[static_cast<size_t>(d)]);
  for (int64_t d : lo) outSizes.push_back(left.sizes()[static_cast<size_t>(d)]);
  for (int64_t d : ro) outSizes.push_back(right.sizes()[static_cast<size_t>(d)]);
  order.insert(order.end(), lro.begin(), lro.end());
  order.insert(order.end(), lo.begin(), lo.end());
  order.insert(order.end(), ro.begin(), ro.end());
  const Tensor l3 = reshape(permute(left, lperm), {lroSize, loSize, sumSize});
  const Tensor r3 = reshape(permute(right, rperm), {lroSize, sumSize, roSize});
  Tensor out = view(bmm(l3, r3), outSizes);
  // back to the original order of the kept dims
  std::vector<int64_t> inv;
  for (int64_t i = 0; i < ndim; ++i) {
    if (isSum[static_cast<size_t>(i)]) continue;
    inv.push_back(std::find(order.begin(), order.end(), i) - order.begin());
  }
  return permute(out, inv);
}

}  // namespace

Tensor einsum(std::string_view equation, const std::vector<Tensor>& operands) {
  EMBER_CHECK(!operands.empty(), "einsum(): must provide at least one operand");
  const int64_t numOps = static_cast<int64_t>(operands.size());

  // ---- parse the inputs: per operand its labels, kEllipsis for "..."
  const size_t arrow = equation.find("->");
  const std::string_view lhs = equation.substr(0, arrow);
  std::vector<std::vector<int>> opLabels(1);
  bool foundEll = false;
  int64_t curr = 0;
  for (size_t i = 0; i < lhs.size(); ++i) {
    const char c = lhs[i];
    if (c == ' ') continue;
    if (c == '.') {
      EMBER_CHECK(!foundEll, "einsum(): found '.' for operand {} for which an ellipsis was already found", curr);
      EMBER_CHECK(i + 2 < lhs.size() && lhs[i + 1] == '.' && lhs[i + 2] == '.',
                  "einsum(): found '.' for operand {} that is not part of any ellipsis", curr);
      opLabels.back().push_back(kEllipsis);
      foundEll = true;
      i += 2;
    } else if (c == ',') {
      ++curr;
      EMBER_CHECK(curr < numOps, "einsum(): fewer operands were provided than specified in the equation");
      opLabels.emplace_back();
      foundEll = false;
    } else {
      EMBER_CHECK(labelIndex(c) >= 0,
                  "einsum(): invalid subscript given at index {} in the equation string, subscripts must be in "
                  "[a-zA-Z]",
                  i);
      opLabels.back().push_back(labelIndex(c));
    }
  }
  EMBER_CHECK(curr == numOps - 1, "einsum(): more operands were provided than specified in the equation");

  std::array<int64_t, kLabels> labelCount{};
  int64_t ellNumDim = 0;
  for (int64_t i = 0; i < numOps; ++i) {
    const auto& labels = opLabels[static_cast<size_t>(i)];
    const int64_t ndims = operands[static_cast<size_t>(i)].dim();
    int64_t nlabels = static_cast<int64_t>(labels.size());
    bool hasEll = false;
    for (int l : labels) {
      if (l == kEllipsis) {
        --nlabels;
        hasEll = true;
        ellNumDim = std::max(ellNumDim, ndims - nlabels);
      } else {
        ++labelCount[static_cast<size_t>(l)];
      }
    }
    if (hasEll) {
      EMBER_CHECK(nlabels <= ndims,
                  "einsum(): the number of subscripts in the equation ({}) is more than the number of dimensions "
                  "({}) for operand {}",
                  nlabels, ndims, i);
    } else {
      EMBER_CHECK(nlabels == ndims,
                  "einsum(): the number of subscripts in the equation ({}) does not match the number of dimensions "
                  "({}) for operand {} and no ellipsis was given",
                  nlabels, ndims, i);
    }
  }

  // ---- the permuted layout: output dims first
  std::array<int64_t, kLabels> labelPerm;
  labelPerm.fill(-1);
  int64_t permIndex = 0;
  int64_t ellIndex = 0;
  bool outHasEll = false;
  if (arrow == std::string_view::npos) {
    // Implicit output: the ellipsis, then labels seen once, in label order.
    permIndex = ellNumDim;
    outHasEll = true;
    for (int l = 0; l < kLabels; ++l) {
      if (labelCount[static_cast<size_t>(l)] == 1) labelPerm[static_cast<size_t>(l)] = permIndex++;
    }
  } else {
    const std::string_view rhs = equation.substr(arrow + 2);
    for (size_t i = 0; i < rhs.size(); ++i) {
      const char c = rhs[i];
      if (c == ' ') continue;
      if (c == '.') {
        EMBER_CHECK(!outHasEll, "einsum(): found '.' for output but an ellipsis (...) was already found");
        EMBER_CHECK(i + 2 < rhs.size() && rhs[i + 1] == '.' && rhs[i + 2] == '.',
                    "einsum(): found '.' for output that is not part of any ellipsis (...)");
        ellIndex = permIndex;
        permIndex += ellNumDim;
        outHasEll = true;
        i += 2;
        continue;
      }
      const int l = labelIndex(c);
      EMBER_CHECK(l >= 0,
                  "einsum(): invalid subscript given at index {} in the equation string, subscripts must be in "
                  "[a-zA-Z]",
                  lhs.size() + 2 + i);
      EMBER_CHECK(labelCount[static_cast<size_t>(l)] > 0,
                  "einsum(): output subscript {} does not appear in the equation for any input operand", c);
      EMBER_CHECK(labelPerm[static_cast<size_t>(l)] == -1,
                  "einsum(): output subscript {} appears more than once in the output", c);
      labelPerm[static_cast<size_t>(l)] = permIndex++;
    }
  }
  const int64_t outSize = permIndex;
  if (!outHasEll) {
    ellIndex = permIndex;
    permIndex += ellNumDim;
  }
  for (int l = 0; l < kLabels; ++l) {
    if (labelCount[static_cast<size_t>(l)] > 0 && labelPerm[static_cast<size_t>(l)] == -1) {
      labelPerm[static_cast<size_t>(l)] = permIndex++;
    }
  }

  // ---- each operand as one view [permIndex] (diagonals for repeated labels)
  std::vector<int64_t> labelSize(static_cast<size_t>(permIndex), 1);
  std::vector<int64_t> dimLastOp(static_cast<size_t>(permIndex), 0);
  std::vector<Tensor> permuted;
  bool hasZeroSizeDim = false;
  for (int64_t i = 0; i < numOps; ++i) {
    const Tensor& op = operands[static_cast<size_t>(i)];
    std::vector<int64_t> sizes(static_cast<size_t>(permIndex), 1), strides(static_cast<size_t>(permIndex), 0);
    std::vector<bool> seen(static_cast<size_t>(permIndex), false);
    const auto& labels = opLabels[static_cast<size_t>(i)];
    const int64_t nlabels = static_cast<int64_t>(labels.size()) -
                            static_cast<int64_t>(std::count(labels.begin(), labels.end(), kEllipsis));
    int64_t j = 0;  // operand dim
    for (int l : labels) {
      if (l == kEllipsis) {
        const int64_t n = op.dim() - nlabels;
        for (int64_t k = 0; k < n; ++k, ++j) {
          const size_t p = static_cast<size_t>(ellIndex + ellNumDim - n + k);
          sizes[p] = op.sizes()[static_cast<size_t>(j)];
          strides[p] = op.strides()[static_cast<size_t>(j)];
          seen[p] = true;
          dimLastOp[p] = i;
        }
        continue;
      }
      const size_t p = static_cast<size_t>(labelPerm[static_cast<size_t>(l)]);
      const int64_t s = op.sizes()[static_cast<size_t>(j)];
      if (seen[p]) {
        EMBER_CHECK(sizes[p] == s, "einsum(): subscript {} is repeated for operand {} but the sizes don't match, {} != {}",
                    labelChar(l), i, s, sizes[p]);
        strides[p] += op.strides()[static_cast<size_t>(j)];
      } else {
        sizes[p] = s;
        strides[p] = op.strides()[static_cast<size_t>(j)];
        seen[p] = true;
      }
      dimLastOp[p] = i;
      ++j;
    }
    for (int l = 0; l < kLabels; ++l) {
      const int64_t p = labelPerm[static_cast<size_t>(l)];
      if (p < 0 || !seen[static_cast<size_t>(p)]) continue;
      const int64_t s = sizes[static_cast<size_t>(p)];
      int64_t& prev = labelSize[static_cast<size_t>(p)];
      EMBER_CHECK(prev == 1 || s == 1 || prev == s,
                  "einsum(): subscript {} has size {} for operand {} which does not broadcast with previously seen "
                  "size {}",
                  labelChar(l), s, i, prev);
      if (s != 1) prev = s;
    }
    for (int64_t p = ellIndex; p < ellIndex + ellNumDim; ++p) {
      const int64_t s = sizes[static_cast<size_t>(p)];
      int64_t& prev = labelSize[static_cast<size_t>(p)];
      EMBER_CHECK(prev == 1 || s == 1 || prev == s, "einsum(): operands do not broadcast with remapped shapes");
      if (s != 1) prev = s;
    }
    for (int64_t s : sizes) hasZeroSizeDim = hasZeroSizeDim || s == 0;
    permuted.push_back(op.asStrided(sizes, strides, op.storageOffset()));
  }

  if (hasZeroSizeDim) {
    // Broadcast sizes: a size-1 (or absent) dim takes the other operands' size, 0 included.
    std::vector<int64_t> outShape(static_cast<size_t>(outSize), 1);
    for (int64_t d = 0; d < outSize; ++d) {
      for (const Tensor& t : permuted) {
        const int64_t s = t.sizes()[static_cast<size_t>(d)];
        if (s != 1) outShape[static_cast<size_t>(d)] = s;
      }
    }
    return zeros(outShape, permuted[0].dtype());
  }

  // ---- fold the operands
  Tensor result = permuted[0];
  int64_t dim = outSize;
  for (int64_t i = outSize; i < permIndex; ++i, ++dim) {
    if (dimLastOp[static_cast<size_t>(i)] == 0) {
      result = result.sizes()[static_cast<size_t>(dim)] == 1 ? squeeze(result, dim) : sumDrop(result, dim);
      --dim;
    }
  }
  for (int64_t i = 1; i < numOps; ++i) {
    Tensor operand = permuted[static_cast<size_t>(i)];
    std::vector<int64_t> sumDims;
    dim = outSize;
    for (int64_t j = outSize; j < permIndex; ++j, ++dim) {
      const int64_t last = dimLastOp[static_cast<size_t>(j)];
      if (last < i) {
        operand = squeeze(operand, dim);
        --dim;
      } else if (last == i) {
        if (result.sizes()[static_cast<size_t>(dim)] == 1) {
          operand = sumDrop(operand, dim);
          result = squeeze(result, dim);
          --dim;
        } else if (operand.sizes()[static_cast<size_t>(dim)] == 1) {
          result = sumDrop(result, dim);
          operand = squeeze(operand, dim);
          --dim;
        } else {
          sumDims.push_back(dim);
        }
      }
    }
    if (sumDims.empty()) {
      result = mul(result, operand);
    } else if (static_cast<int64_t>(sumDims.size()) == result.dim()) {
      result = dot(flatten(result), flatten(operand));
    } else {
      result = sumproductPair(result, operand, sumDims);
    }
  }
  return result;
}

}  // namespace ember::kernels
