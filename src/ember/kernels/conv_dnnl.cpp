// The oneDNN convolution path (float32, and bfloat16 computed in float32).
//
// Per call shape a Plan is built once and cached: the primitive with the
// layouts oneDNN chose (format_tag::any: blocked nChw16c-style activations
// and OIhw16i16o-style weights on AVX-512), and the reorders between those
// and ember's plain strided tensors. Weights are reordered once per weight
// tensor and kept on its storage (StorageImpl::derived), keyed by the
// storage's version, so a model's constant weights are converted on the
// first call only.
// TODO: reorder weights at load time (a pass over constant convolutions),
// and keep activations blocked between consecutive oneDNN ops.
#include <array>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "ember/kernels/conv_impl.h"
#include "ember/kernels/dnnl_context.h"
#include "ember/kernels/nn_common.h"

namespace ember::kernels::conv_detail {

namespace {

using dnnl::memory;
using DataType = memory::data_type;

// ---------------------------------------------------------------- plan cache

struct PlanKey {
  std::array<int64_t, 40> v{};
  size_t n = 0;
  void push(int64_t x) { v[n++] = x; }
  bool operator==(const PlanKey& o) const { return n == o.n && std::equal(v.begin(), v.begin() + n, o.v.begin()); }
};

struct PlanKeyHash {
  size_t operator()(const PlanKey& k) const {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < k.n; ++i) h = (h ^ static_cast<uint64_t>(k.v[i])) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

struct Plan {
  bool supported = false;
  dnnl::primitive prim;
  memory::desc srcUser, srcPd, weightsPd, biasDesc, dstPd, dstUser;
  bool reorderSrc = false, reorderDst = false;
  dnnl::primitive srcReorder, dstReorder;
};

memory::dims spatialDims(const ConvGeom& g, const int64_t* v, int64_t minus = 0) {
  memory::dims d;
  for (int64_t slot = 3 - g.nd; slot < 3; ++slot) d.push_back(v[slot] - minus);
  return d;
}

memory::dims concat(memory::dims a, const memory::dims& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// oneDNN's weight dims: {OC, IC, k...}, or {G, OC/G, IC/G, k...} when grouped,
// for both convolution and deconvolution.
memory::dims weightDims(const ConvGeom& g) {
  memory::dims k = spatialDims(g, g.k);
  if (g.groups == 1) return concat({g.Cout, g.Cin}, k);
  return concat({g.groups, g.Cout / g.groups, g.Cin / g.groups}, k);
}

// The same dims over the PyTorch weight tensor's strides: [Cout, Cin/g, k...]
// for convolution, [Cin, Cout/g, k...] for transposed convolution.
memory::dims weightStrides(const ConvGeom& g, IntArrayRef ws) {
  memory::dims k(ws.begin() + 2, ws.end());
  if (!g.transposed) {
    if (g.groups == 1) return concat({ws[0], ws[1]}, k);
    return concat({(g.Cout / g.groups) * ws[0], ws[0], ws[1]}, k);
  }
  if (g.groups == 1) return concat({ws[1], ws[0]}, k);
  return concat({(g.Cin / g.groups) * ws[0], ws[1], ws[0]}, k);
}

// The activation layout the primitive is built for. Left to oneDNN
// (format_tag::any) it picks NHWC kernels on AVX-512, ideal for channels-last
// tensors but, for plain NCHW ones, with transposing reorders that cost as much
// as the convolution (measured: 0.6 ms each way around a 0.6 ms 1x1
// convolution). For NCHW tensors 16-channel blocks (nChw16c) reorder cheaply
// (4x faster), and a pointwise convolution is a plain GEMM on NCHW, no
// reorder at all. The blocked kernels need whole blocks per group: a grouped
// convolution of 168 channels per group (regnet_x_32gf) has none on nChw16c and
// oneDNN runs its reference loops, 1000x slower than its kernels on the layout
// it picks itself.
memory::format_tag activationTag(const ConvGeom& g, int64_t channels, bool userChannelsLast, bool pointwise) {
  using tag = memory::format_tag;
  if (userChannelsLast) return tag::any;
  if (pointwise) return g.nd == 1 ? tag::ncw : g.nd == 2 ? tag::nchw : tag::ncdhw;
  const bool depthwise = g.groups == g.Cin && g.groups == g.Cout;
  if (channels % 16 != 0 || (!depthwise && (channels / g.groups) % 16 != 0)) return tag::any;
  return g.nd == 1 ? tag::nCw16c : g.nd == 2 ? tag::nChw16c : tag::nCdhw16c;
}

bool isPointwise(const ConvGeom& g) {
  if (g.transposed || g.groups != 1) return false;
  for (int i = 0; i < 3; ++i)
    if (g.k[i] != 1 || g.s[i] != 1 || g.padL[i] != 0 || g.padR[i] != 0) return false;
  return true;
}

Plan makePlan(const ConvGeom& g, DataType userType, IntArrayRef inStrides, IntArrayRef outStrides, bool hasBias,
              bool userChannelsLast) {
  Plan p;
  dnnl::engine& eng = dnnl_ctx::engine();
  const memory::dims src = concat({g.N, g.Cin}, spatialDims(g, g.in));
  const memory::dims dst = concat({g.N, g.Cout}, spatialDims(g, g.out));
  const memory::dims wdims = weightDims(g);
  const memory::dims strides = spatialDims(g, g.s), dilates = spatialDims(g, g.d, 1);
  const memory::dims padL = spatialDims(g, g.padL), padR = spatialDims(g, g.padR);
  const auto any = memory::format_tag::any;
  const bool pointwise = isPointwise(g);
  const memory::desc srcAny(src, DataType::f32, activationTag(g, g.Cin, userChannelsLast, pointwise));
  const memory::desc dstAny(dst, DataType::f32, activationTag(g, g.Cout, userChannelsLast, pointwise));
  const memory::desc wAny(wdims, DataType::f32, any);
  p.biasDesc = memory::desc({g.Cout}, DataType::f32, memory::format_tag::x);
  const auto prop = dnnl::prop_kind::forward_inference;
  std::string impl;  // oneDNN's choice: "jit:avx512_core", "brgconv:avx2", "ref:any", ...
  try {
    if (!g.transposed) {
      auto desc = hasBias ? dnnl::convolution_forward::desc(prop, dnnl::algorithm::convolution_direct, srcAny, wAny,
                                                            p.biasDesc, dstAny, strides, dilates, padL, padR)
                          : dnnl::convolution_forward::desc(prop, dnnl::algorithm::convolution_direct, srcAny, wAny,
                                                            dstAny, strides, dilates, padL, padR);
      dnnl::convolution_forward::primitive_desc pd(desc, eng);
      impl = pd.impl_info_str();
      p.srcPd = pd.src_desc();
      p.weightsPd = pd.weights_desc();
      p.dstPd = pd.dst_desc();
      p.prim = dnnl::convolution_forward(pd);
    } else {
      auto desc = hasBias ? dnnl::deconvolution_forward::desc(prop, dnnl::algorithm::deconvolution_direct, srcAny, wAny,
                                                              p.biasDesc, dstAny, strides, dilates, padL, padR)
                          : dnnl::deconvolution_forward::desc(prop, dnnl::algorithm::deconvolution_direct, srcAny, wAny,
                                                              dstAny, strides, dilates, padL, padR);
      dnnl::deconvolution_forward::primitive_desc pd(desc, eng);
      impl = pd.impl_info_str();
      p.srcPd = pd.src_desc();
      p.weightsPd = pd.weights_desc();
      p.dstPd = pd.dst_desc();
      p.prim = dnnl::deconvolution_forward(pd);
    }
    p.srcUser = memory::desc(src, userType, memory::dims(inStrides.begin(), inStrides.end()));
    p.dstUser = memory::desc(dst, userType, memory::dims(outStrides.begin(), outStrides.end()));
    p.reorderSrc = p.srcUser != p.srcPd;
    p.reorderDst = p.dstUser != p.dstPd;
    if (p.reorderSrc) p.srcReorder = dnnl::reorder(dnnl::reorder::primitive_desc(eng, p.srcUser, eng, p.srcPd));
    if (p.reorderDst) p.dstReorder = dnnl::reorder(dnnl::reorder::primitive_desc(eng, p.dstPd, eng, p.dstUser));
    // oneDNN's reference loops are far slower than im2col + BLAS (runReference).
    p.supported = impl.rfind("ref", 0) != 0;
  } catch (const dnnl::error&) {
    p.supported = false;  // e.g. a negative right padding: the reference path takes it
  }
  return p;
}

std::mutex gPlanMutex;
std::unordered_map<PlanKey, std::unique_ptr<Plan>, PlanKeyHash> gPlans;

const Plan& planFor(const ConvGeom& g, DataType userType, IntArrayRef inStrides, IntArrayRef outStrides, bool hasBias,
                    bool userChannelsLast) {
  PlanKey key;
  for (int64_t x : {g.nd, g.N, g.Cin, g.Cout, g.groups, int64_t(g.transposed), int64_t(hasBias), int64_t(userType),
                    int64_t(dnnl_ctx::numThreads())})
    key.push(x);
  for (int i = 0; i < 3; ++i)
    for (int64_t x : {g.in[i], g.k[i], g.s[i], g.d[i], g.padL[i], g.padR[i]}) key.push(x);
  for (int64_t s : inStrides) key.push(s);
  for (int64_t s : outStrides) key.push(s);
  std::lock_guard<std::mutex> lock(gPlanMutex);
  auto it = gPlans.find(key);
  if (it != gPlans.end()) return *it->second;
  // Unbounded shapes (a model fed every image size) must not grow the cache forever.
  if (gPlans.size() >= 1024) gPlans.clear();
  // userChannelsLast follows from inStrides, already part of the key.
  auto plan = std::make_unique<Plan>(makePlan(g, userType, inStrides, outStrides, hasBias, userChannelsLast));
  return *gPlans.emplace(key, std::move(plan)).first->second;
}

// ---------------------------------------------------------------- weight cache

struct CachedWeights {
  int64_t offset;
  DimVector sizes, strides;
  DType dtype;
  uint64_t version;
  memory::desc desc;
  memory mem;
};

struct ConvWeightCache : StorageDerived {
  std::vector<CachedWeights> entries;
};

std::mutex gWeightMutex;

memory reorderedWeights(const ConvGeom& g, const Plan& p, const Tensor& weight, DataType userType) {
  StorageImpl* storage = weight.storage().get();
  const uint64_t version = storage->version();
  std::lock_guard<std::mutex> lock(gWeightMutex);
  auto* cache = dynamic_cast<ConvWeightCache*>(storage->derived.get());
  if (!cache && !storage->derived) {
    storage->derived = std::make_unique<ConvWeightCache>();
    cache = static_cast<ConvWeightCache*>(storage->derived.get());
  }
  if (cache) {
    for (CachedWeights& e : cache->entries) {
      if (e.offset != weight.storageOffset() || e.dtype != weight.dtype() || e.desc != p.weightsPd ||
          !std::equal(e.sizes.begin(), e.sizes.end(), weight.sizes().begin(), weight.sizes().end()) ||
          !std::equal(e.strides.begin(), e.strides.end(), weight.strides().begin(), weight.strides().end()))
        continue;
      if (e.version == version) return e.mem;
      e.version = version;  // stale: refresh below into the same buffer
      dnnl::memory::desc user(weightDims(g), userType, weightStrides(g, weight.strides()));
      memory src(user, dnnl_ctx::engine(), weight.rawData());
      dnnl::reorder(src, e.mem).execute(dnnl_ctx::stream(), src, e.mem);
      dnnl_ctx::stream().wait();
      return e.mem;
    }
  }
  dnnl::engine& eng = dnnl_ctx::engine();
  memory::desc user(weightDims(g), userType, weightStrides(g, weight.strides()));
  memory src(user, eng, weight.rawData());
  memory dst(p.weightsPd, eng);
  dnnl::reorder(src, dst).execute(dnnl_ctx::stream(), src, dst);
  dnnl_ctx::stream().wait();
  // A weight storage seen with many layouts (rare) keeps only the latest few.
  if (cache) {
    if (cache->entries.size() >= 4) cache->entries.erase(cache->entries.begin());
    cache->entries.push_back(CachedWeights{weight.storageOffset(), DimVector(weight.sizes()),
                                           DimVector(weight.strides()), weight.dtype(), version, p.weightsPd, dst});
  }
  return dst;
}

// Per-thread scratch for the blocked copies of the activations; grows, never shrinks.
void* scratch(int slot, size_t bytes) {
  struct Buffer {
    void* p = nullptr;
    size_t n = 0;
    ~Buffer() { std::free(p); }
  };
  thread_local Buffer buffers[2];
  Buffer& b = buffers[slot];
  if (b.n < bytes) {
    std::free(b.p);
    const size_t rounded = (bytes + 63) / 64 * 64;
    b.p = std::aligned_alloc(64, rounded);
    if (!b.p) EMBER_FAIL("out of memory allocating {} bytes", bytes);
    b.n = rounded;
  }
  return b.p;
}

}  // namespace

bool runDnnl(const ConvGeom& g, const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
             const Tensor& out) {
  const DataType userType = input.dtype() == DType::BFloat16 ? DataType::bf16 : DataType::f32;
  dnnl_ctx::prepareThreads();
  const Plan& p = planFor(g, userType, input.strides(), out.strides(), bias.has_value(), nn::isChannelsLast(input));
  if (!p.supported) return false;
  dnnl::engine& eng = dnnl_ctx::engine();
  dnnl::stream& s = dnnl_ctx::stream();
  memory srcUser(p.srcUser, eng, input.rawData());
  memory src = srcUser;
  if (p.reorderSrc) {
    src = memory(p.srcPd, eng, scratch(0, p.srcPd.get_size()));
    p.srcReorder.execute(s, {{DNNL_ARG_FROM, srcUser}, {DNNL_ARG_TO, src}});
  }
  memory dstUser(p.dstUser, eng, out.rawData());
  memory dst = p.reorderDst ? memory(p.dstPd, eng, scratch(1, p.dstPd.get_size())) : dstUser;
  std::unordered_map<int, memory> args{
      {DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, reorderedWeights(g, p, weight, userType)}, {DNNL_ARG_DST, dst}};
  Tensor biasF;
  if (bias) {
    biasF = bias->dtype() == DType::Float && bias->isContiguous() ? *bias : bias->to(DType::Float).contiguous();
    args.emplace(DNNL_ARG_BIAS, memory(p.biasDesc, eng, biasF.rawData()));
  }
  p.prim.execute(s, args);
  if (p.reorderDst) p.dstReorder.execute(s, {{DNNL_ARG_FROM, dst}, {DNNL_ARG_TO, dstUser}});
  s.wait();
  return true;
}

}  // namespace ember::kernels::conv_detail
