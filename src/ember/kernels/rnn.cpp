#include "ember/kernels/rnn.h"

#include <cblas.h>

#include <cmath>

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

namespace {

enum class CellKind { Lstm, Gru, Tanh, Relu };

int64_t gateCount(CellKind k) {
  switch (k) {
    case CellKind::Lstm:
      return 4;
    case CellKind::Gru:
      return 3;
    case CellKind::Tanh:
    case CellKind::Relu:
      return 1;
  }
  return 1;
}

// C[M, N] = A[M, K] * B[N, K]^T (+ C when accumulate): the `linear` every gate needs.
template <class T>
void gemmNT(int64_t M, int64_t N, int64_t K, const T* A, const T* B, T* C, bool accumulate) {
  if (M == 0 || N == 0) return;
  if (K == 0) {
    if (!accumulate) std::fill(C, C + M * N, T(0));
    return;
  }
  const T beta = accumulate ? T(1) : T(0);
  if constexpr (std::is_same_v<T, float>)
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(M), static_cast<int>(N), static_cast<int>(K),
                1.0f, A, static_cast<int>(K), B, static_cast<int>(K), beta, C, static_cast<int>(N));
  else
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(M), static_cast<int>(N), static_cast<int>(K),
                1.0, A, static_cast<int>(K), B, static_cast<int>(K), beta, C, static_cast<int>(N));
}

template <class T>
T sigmoid(T x) {
  return T(1) / (T(1) + std::exp(-x));
}

// A tensor's elements as a contiguous array of the compute type. Weights are
// usually contiguous already (often views into the mmap'ed archive), so this
// is a pointer, not a copy: copying them on every call was most of the time
// of small recurrent models.
template <class T>
class Contig {
 public:
  Contig() = default;
  explicit Contig(const Tensor& t) : t_(t.to(dtypeOf<T>).contiguous()), p_(t_.template data<T>()) {}
  const T* data() const { return p_; }
  bool empty() const { return p_ == nullptr; }
  const T& operator[](int64_t i) const { return p_[i]; }

 private:
  Tensor t_;
  const T* p_ = nullptr;
};

// One direction of one layer's weights; biases / projection empty when absent.
template <class T>
struct CellWeights {
  Contig<T> wih, whh, bih, bhh, whr;
  int64_t inputSize = 0, hidden = 0, hiddenOut = 0;
};

template <class T>
std::vector<T> values(const Tensor& t) {
  return t.toVector<T>();
}

template <class T>
CellWeights<T> cellWeights(const Tensor& wih, const Tensor& whh, const std::optional<Tensor>& bih,
                           const std::optional<Tensor>& bhh, const std::optional<Tensor>& whr, CellKind kind) {
  CellWeights<T> w;
  w.wih = Contig<T>(wih);
  w.whh = Contig<T>(whh);
  if (bih) w.bih = Contig<T>(*bih);
  if (bhh) w.bhh = Contig<T>(*bhh);
  if (whr) w.whr = Contig<T>(*whr);
  w.inputSize = wih.size(1);
  w.hidden = wih.size(0) / gateCount(kind);
  w.hiddenOut = whr ? whr->size(0) : w.hidden;
  EMBER_CHECK(wih.size(0) == gateCount(kind) * w.hidden && whh.size(0) == wih.size(0),
              "weight_ih of shape {} and weight_hh of shape {} do not hold {} gates of one hidden size",
              shapeString(wih.sizes()), shapeString(whh.sizes()), gateCount(kind));
  EMBER_CHECK(whh.size(1) == w.hiddenOut, "weight_hh of shape {} does not match hidden size {}",
              shapeString(whh.sizes()), w.hiddenOut);
  return w;
}

// Runs `steps` time steps of one direction over x [steps, B, I]. h [B, Hout]
// and c [B, H] hold the initial state and receive the final one; each step's
// h is written to out[t, b, outOffset + j] (row stride outStride).
template <class T>
void runDirection(CellKind kind, const CellWeights<T>& w, const T* x, int64_t steps, int64_t B, T* h, T* c, T* out,
                  int64_t outStride, int64_t outOffset, bool reverse) {
  const int64_t H = w.hidden, Hout = w.hiddenOut, G = gateCount(kind) * H;
  // Input projections of every step at once: one GEMM instead of `steps`.
  std::vector<T> gx(static_cast<size_t>(steps * B * G));
  gemmNT<T>(steps * B, G, w.inputSize, x, w.wih.data(), gx.data(), false);
  if (!w.bih.empty())
    for (int64_t r = 0; r < steps * B; ++r)
      for (int64_t j = 0; j < G; ++j) gx[r * G + j] += w.bih[j];
  std::vector<T> gh(static_cast<size_t>(B * G)), hraw(static_cast<size_t>(B * H));
  for (int64_t s = 0; s < steps; ++s) {
    const int64_t t = reverse ? steps - 1 - s : s;
    gemmNT<T>(B, G, Hout, h, w.whh.data(), gh.data(), false);
    if (!w.bhh.empty())
      for (int64_t b = 0; b < B; ++b)
        for (int64_t j = 0; j < G; ++j) gh[b * G + j] += w.bhh[j];
    const T* gxt = gx.data() + t * B * G;
    for (int64_t b = 0; b < B; ++b) {
      const T* gi = gxt + b * G;
      const T* gg = gh.data() + b * G;
      T* hb = h + b * Hout;
      switch (kind) {
        case CellKind::Lstm: {
          T* cb = c + b * H;
          for (int64_t j = 0; j < H; ++j) {
            const T ig = sigmoid(gg[j] + gi[j]);
            const T fg = sigmoid(gg[H + j] + gi[H + j]);
            const T cg = std::tanh(gg[2 * H + j] + gi[2 * H + j]);
            const T og = sigmoid(gg[3 * H + j] + gi[3 * H + j]);
            cb[j] = fg * cb[j] + ig * cg;
            hraw[b * H + j] = og * std::tanh(cb[j]);
          }
          break;
        }
        case CellKind::Gru:
          for (int64_t j = 0; j < H; ++j) {
            const T r = sigmoid(gg[j] + gi[j]);
            const T z = sigmoid(gg[H + j] + gi[H + j]);
            const T n = std::tanh(gi[2 * H + j] + gg[2 * H + j] * r);
            hb[j] = (hb[j] - n) * z + n;
          }
          break;
        case CellKind::Tanh:
          for (int64_t j = 0; j < H; ++j) hb[j] = std::tanh(gg[j] + gi[j]);
          break;
        case CellKind::Relu:
          for (int64_t j = 0; j < H; ++j) hb[j] = std::max(gg[j] + gi[j], T(0));
          break;
      }
    }
    if (kind == CellKind::Lstm) {
      if (w.whr.empty())
        std::copy(hraw.begin(), hraw.end(), h);
      else
        gemmNT<T>(B, Hout, H, hraw.data(), w.whr.data(), h, false);
    }
    if (out)
      for (int64_t b = 0; b < B; ++b)
        std::copy(h + b * Hout, h + (b + 1) * Hout, out + (t * B + b) * outStride + outOffset);
  }
}

// The compute type: float for float and the 16-bit floats, double for double.
template <class F>
decltype(auto) dispatchRnn(DType t, F&& f) {
  if (t == DType::Double) return f.template operator()<double>();
  if (t == DType::Float || t == DType::BFloat16 || t == DType::Half) return f.template operator()<float>();
  nn::failNotImplemented("rnn", t);
}

template <class T>
Tensor fromValues(const std::vector<T>& v, IntArrayRef sizes, DType dtype) {
  return Tensor::fromVector(v, sizes).to(dtype);
}

void checkCellDTypes(const Tensor& input, std::initializer_list<const Tensor*> others) {
  for (const Tensor* t : others)
    EMBER_CHECK(t->dtype() == input.dtype(), "expected scalar type {} but found {}", scalarTypeName(input.dtype()),
                scalarTypeName(t->dtype()));
}

void checkCellInput(const Tensor& input, int64_t inputSize) {
  EMBER_CHECK(input.size(1) == inputSize, "input has inconsistent input_size: got {} expected {}", input.size(1),
              inputSize);
}

void checkCellHidden(const Tensor& input, const Tensor& hx, int64_t hiddenSize, int64_t label) {
  EMBER_CHECK(input.size(0) == hx.size(0), "Input batch size {} doesn't match hidden{} batch size {}", input.size(0),
              label, hx.size(0));
  EMBER_CHECK(hx.size(1) == hiddenSize, "hidden{} has inconsistent hidden_size: got {}, expected {}", label, hx.size(1),
              hiddenSize);
}

// The shared body of gru_cell / rnn_*_cell.
Tensor simpleCell(CellKind kind, const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
                  const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh) {
  checkCellInput(input, wIh.size(1));
  checkCellHidden(input, hx, wHh.size(1), 0);
  checkCellDTypes(input, {&hx, &wIh, &wHh});
  return dispatchRnn(input.dtype(), [&]<class T>() {
    CellWeights<T> w = cellWeights<T>(wIh, wHh, bIh, bHh, std::nullopt, kind);
    std::vector<T> x = values<T>(input), h = values<T>(hx);
    runDirection<T>(kind, w, x.data(), 1, input.size(0), h.data(), nullptr, nullptr, 0, 0, false);
    return fromValues(h, hx.sizes(), input.dtype());
  });
}

// ---------------------------------------------------------------- full layers

struct StackedArgs {
  CellKind kind;
  const Tensor& input;
  std::vector<Tensor> h0, c0;  // per layer*direction: [B, Hout] and [B, H]
  const std::vector<Tensor>& params;
  bool hasBiases, hasProj;
  int64_t numLayers;
  double dropout;
  bool train, bidirectional, batchFirst;
};

// Returns output [T, B, D * Hout] (or batch-first), and the final h and c per layer*direction.
std::tuple<Tensor, std::vector<Tensor>, std::vector<Tensor>> runStacked(const StackedArgs& a) {
  const Tensor& input = a.input;
  (void)input.size(2);  // IndexError for inputs without 3 dims, as PyTorch
  const int64_t dirs = a.bidirectional ? 2 : 1;
  const int64_t perCell = 2 + (a.hasBiases ? 2 : 0) + (a.hasProj ? 1 : 0);
  EMBER_CHECK(static_cast<int64_t>(a.params.size()) == a.numLayers * dirs * perCell,
              "got an incorrect number of RNN parameters");
  EMBER_CHECK(static_cast<int64_t>(a.h0.size()) == a.numLayers * dirs, "Expected more hidden states in stacked_rnn");
  const int64_t steps = a.batchFirst ? input.size(1) : input.size(0);
  const int64_t B = a.batchFirst ? input.size(0) : input.size(1);
  EMBER_CHECK(steps > 0, "Expected sequence length to be larger than 0 in RNN");
  if (a.train && a.dropout > 0 && a.numLayers > 1)
    EMBER_FAIL_KIND(NotImplemented,
                    "RNN dropout between layers in training mode (train=True, dropout={}) is not supported: ember does "
                    "not reproduce PyTorch's random number stream",
                    a.dropout);
  for (const Tensor& p : a.params) EMBER_CHECK(p.dtype() == input.dtype(), "mat1 and mat2 must have the same dtype");
  const DType dtype = input.dtype();
  return dispatchRnn(dtype, [&]<class T>() {
    // Time-major contiguous input.
    Tensor tm = input;
    if (a.batchFirst) {
      const int64_t sz[3] = {steps, B, input.size(2)};
      const int64_t st[3] = {input.stride(1), input.stride(0), input.stride(2)};
      tm = input.asStrided(IntArrayRef(sz, 3), IntArrayRef(st, 3), input.storageOffset());
    }
    std::vector<T> layerIn = values<T>(tm);
    int64_t inSize = input.size(2);
    std::vector<Tensor> hn, cn;
    int64_t outWidth = 0;
    std::vector<T> layerOut;
    for (int64_t l = 0; l < a.numLayers; ++l) {
      std::vector<CellWeights<T>> ws;
      for (int64_t d = 0; d < dirs; ++d) {
        const size_t base = static_cast<size_t>((l * dirs + d) * perCell);
        const Tensor& wih = a.params[base];
        std::optional<Tensor> bih, bhh, whr;
        if (a.hasBiases) {
          bih = a.params[base + 2];
          bhh = a.params[base + 3];
        }
        if (a.hasProj) whr = a.params[base + (a.hasBiases ? 4 : 2)];
        EMBER_CHECK(wih.size(1) == inSize, "mat1 and mat2 shapes cannot be multiplied ({}x{} and {}x{})", steps * B,
                    inSize, wih.size(1), wih.size(0));
        ws.push_back(cellWeights<T>(wih, a.params[base + 1], bih, bhh, whr, a.kind));
      }
      const int64_t Hout = ws[0].hiddenOut;
      outWidth = dirs * Hout;
      layerOut.assign(static_cast<size_t>(steps * B * outWidth), T(0));
      for (int64_t d = 0; d < dirs; ++d) {
        const size_t cell = static_cast<size_t>(l * dirs + d);
        std::vector<T> h = values<T>(a.h0[cell]);
        std::vector<T> c = a.kind == CellKind::Lstm ? values<T>(a.c0[cell]) : std::vector<T>();
        EMBER_CHECK(static_cast<int64_t>(h.size()) == B * Hout, "Expected hidden size {}, got {}",
                    shapeString(std::vector<int64_t>{B, Hout}), shapeString(a.h0[cell].sizes()));
        runDirection<T>(a.kind, ws[static_cast<size_t>(d)], layerIn.data(), steps, B, h.data(),
                        c.empty() ? nullptr : c.data(), layerOut.data(), outWidth, d * Hout, d == 1);
        hn.push_back(fromValues(h, a.h0[cell].sizes(), dtype));
        if (a.kind == CellKind::Lstm) cn.push_back(fromValues(c, a.c0[cell].sizes(), dtype));
      }
      layerIn.swap(layerOut);
      inSize = outWidth;
    }
    Tensor out = fromValues(layerIn, std::vector<int64_t>{steps, B, outWidth}, dtype);
    if (a.batchFirst) {
      const int64_t sz[3] = {B, steps, outWidth};
      const int64_t st[3] = {outWidth, B * outWidth, 1};
      out = out.asStrided(IntArrayRef(sz, 3), IntArrayRef(st, 3), 0).contiguous();
    }
    return std::make_tuple(out, hn, cn);
  });
}

// Splits [L * D, B, H] into per-cell [B, H] views.
std::vector<Tensor> unbind0(const Tensor& t) {
  std::vector<Tensor> out;
  for (int64_t i = 0; i < t.size(0); ++i) {
    DimVector sizes(t.sizes()), strides(t.strides());
    sizes.erase(sizes.begin());
    strides.erase(strides.begin());
    out.push_back(t.asStrided(sizes, strides, t.storageOffset() + i * t.stride(0)));
  }
  return out;
}

// Stacks per-cell [B, H] tensors back into [L * D, B, H].
Tensor stack0(const std::vector<Tensor>& parts, IntArrayRef like) {
  Tensor out = Tensor::empty(like, parts.at(0).dtype());
  const size_t bytes = parts[0].nbytes();
  for (size_t i = 0; i < parts.size(); ++i)
    std::memcpy(static_cast<char*>(out.rawData()) + i * bytes, parts[i].contiguous().rawData(), bytes);
  return out;
}

std::tuple<Tensor, Tensor> simpleStacked(CellKind kind, const Tensor& input, const Tensor& hx,
                                         const std::vector<Tensor>& params, bool hasBiases, int64_t numLayers,
                                         double dropout, bool train, bool bidirectional, bool batchFirst) {
  StackedArgs a{kind,  input,     unbind0(hx), {},    params,        hasBiases,
                false, numLayers, dropout,     train, bidirectional, batchFirst};
  auto [out, hn, cn] = runStacked(a);
  return {out, stack0(hn, hx.sizes())};
}

}  // namespace

// ---------------------------------------------------------------- public entry points

std::tuple<Tensor, Tensor> lstmCell(const Tensor& input, const std::vector<Tensor>& hx, const Tensor& wIh,
                                    const Tensor& wHh, const std::optional<Tensor>& bIh,
                                    const std::optional<Tensor>& bHh) {
  EMBER_CHECK(hx.size() == 2, "lstm_cell expects two hidden states");
  checkCellInput(input, wIh.size(1));
  const int64_t hidden = wHh.size(1);
  checkCellHidden(input, hx[0], hidden, 0);
  checkCellHidden(input, hx[1], hidden, 0);
  checkCellDTypes(input, {&hx[0], &hx[1], &wIh, &wHh});
  return dispatchRnn(input.dtype(), [&]<class T>() {
    CellWeights<T> w = cellWeights<T>(wIh, wHh, bIh, bHh, std::nullopt, CellKind::Lstm);
    std::vector<T> x = values<T>(input), h = values<T>(hx[0]), c = values<T>(hx[1]);
    runDirection<T>(CellKind::Lstm, w, x.data(), 1, input.size(0), h.data(), c.data(), nullptr, 0, 0, false);
    return std::make_tuple(fromValues(h, hx[0].sizes(), input.dtype()), fromValues(c, hx[1].sizes(), input.dtype()));
  });
}

Tensor gruCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
               const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh) {
  return simpleCell(CellKind::Gru, input, hx, wIh, wHh, bIh, bHh);
}

Tensor rnnTanhCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
                   const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh) {
  return simpleCell(CellKind::Tanh, input, hx, wIh, wHh, bIh, bHh);
}

Tensor rnnReluCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
                   const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh) {
  return simpleCell(CellKind::Relu, input, hx, wIh, wHh, bIh, bHh);
}

std::tuple<Tensor, Tensor, Tensor> lstm(const Tensor& input, const std::vector<Tensor>& hx,
                                        const std::vector<Tensor>& params, bool hasBiases, int64_t numLayers,
                                        double dropout, bool train, bool bidirectional, bool batchFirst) {
  EMBER_CHECK(hx.size() == 2, "lstm expects two hidden states");
  const bool hasProj = hx[0].size(2) != hx[1].size(2);
  StackedArgs a{CellKind::Lstm, input,     unbind0(hx[0]), unbind0(hx[1]), params,        hasBiases,
                hasProj,        numLayers, dropout,        train,          bidirectional, batchFirst};
  EMBER_CHECK(a.c0.size() == a.h0.size(), "Expected more hidden states in stacked_rnn");
  auto [out, hn, cn] = runStacked(a);
  return {out, stack0(hn, hx[0].sizes()), stack0(cn, hx[1].sizes())};
}

std::tuple<Tensor, Tensor> gru(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params, bool hasBiases,
                               int64_t numLayers, double dropout, bool train, bool bidirectional, bool batchFirst) {
  return simpleStacked(CellKind::Gru, input, hx, params, hasBiases, numLayers, dropout, train, bidirectional,
                       batchFirst);
}

std::tuple<Tensor, Tensor> rnnTanh(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params,
                                   bool hasBiases, int64_t numLayers, double dropout, bool train, bool bidirectional,
                                   bool batchFirst) {
  return simpleStacked(CellKind::Tanh, input, hx, params, hasBiases, numLayers, dropout, train, bidirectional,
                       batchFirst);
}

std::tuple<Tensor, Tensor> rnnRelu(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params,
                                   bool hasBiases, int64_t numLayers, double dropout, bool train, bool bidirectional,
                                   bool batchFirst) {
  return simpleStacked(CellKind::Relu, input, hx, params, hasBiases, numLayers, dropout, train, bidirectional,
                       batchFirst);
}

}  // namespace ember::kernels
