// The reference convolution: correctness first, for the dtypes oneDNN does
// not cover (float64, integers) and the configurations it refuses.
#include <cblas.h>

#include <vector>

#include "ember/kernels/conv_impl.h"
#include "ember/kernels/nn_common.h"

namespace ember::kernels::conv_detail {

namespace {

// C[M, N] = A[M, K] * B[K, N] (transA: A is stored [K, M]).
template <class T>
void gemm(bool transA, int64_t M, int64_t N, int64_t K, const T* A, const T* B, T* C) {
  const int lda = static_cast<int>(transA ? M : K);
  const CBLAS_TRANSPOSE ta = transA ? CblasTrans : CblasNoTrans;
  if constexpr (std::is_same_v<T, float>)
    cblas_sgemm(CblasRowMajor, ta, CblasNoTrans, static_cast<int>(M), static_cast<int>(N), static_cast<int>(K), 1.0f, A,
                lda, B, static_cast<int>(N), 0.0f, C, static_cast<int>(N));
  else
    cblas_dgemm(CblasRowMajor, ta, CblasNoTrans, static_cast<int>(M), static_cast<int>(N), static_cast<int>(K), 1.0, A,
                lda, B, static_cast<int>(N), 0.0, C, static_cast<int>(N));
}

// col[(c, kd, kh, kw), (od, oh, ow)] = x[c, od*s - p + kd*d, ...] or 0 outside.
template <class T>
void im2col(const ConvGeom& g, const T* x, int64_t channels, T* col) {
  const int64_t K = g.kSpatial(), O = g.outSpatial();
  for (int64_t c = 0; c < channels; ++c)
    for (int64_t kd = 0; kd < g.k[0]; ++kd)
      for (int64_t kh = 0; kh < g.k[1]; ++kh)
        for (int64_t kw = 0; kw < g.k[2]; ++kw) {
          T* row = col + (c * K + (kd * g.k[1] + kh) * g.k[2] + kw) * O;
          for (int64_t od = 0; od < g.out[0]; ++od) {
            const int64_t id = od * g.s[0] - g.padL[0] + kd * g.d[0];
            for (int64_t oh = 0; oh < g.out[1]; ++oh) {
              const int64_t ih = oh * g.s[1] - g.padL[1] + kh * g.d[1];
              T* r = row + (od * g.out[1] + oh) * g.out[2];
              const bool rowValid = id >= 0 && id < g.in[0] && ih >= 0 && ih < g.in[1];
              const T* src = x + ((c * g.in[0] + id) * g.in[1] + ih) * g.in[2];
              for (int64_t ow = 0; ow < g.out[2]; ++ow) {
                const int64_t iw = ow * g.s[2] - g.padL[2] + kw * g.d[2];
                r[ow] = rowValid && iw >= 0 && iw < g.in[2] ? src[iw] : T(0);
              }
            }
          }
        }
}

// out[c, i*s - p + k*d] += col[(c, k), i]: the scatter of a transposed convolution.
template <class T>
void col2im(const ConvGeom& g, const T* col, int64_t channels, T* out) {
  const int64_t K = g.kSpatial(), I = g.inSpatial();
  for (int64_t c = 0; c < channels; ++c)
    for (int64_t kd = 0; kd < g.k[0]; ++kd)
      for (int64_t kh = 0; kh < g.k[1]; ++kh)
        for (int64_t kw = 0; kw < g.k[2]; ++kw) {
          const T* row = col + (c * K + (kd * g.k[1] + kh) * g.k[2] + kw) * I;
          for (int64_t id = 0; id < g.in[0]; ++id) {
            const int64_t od = id * g.s[0] - g.padL[0] + kd * g.d[0];
            if (od < 0 || od >= g.out[0]) continue;
            for (int64_t ih = 0; ih < g.in[1]; ++ih) {
              const int64_t oh = ih * g.s[1] - g.padL[1] + kh * g.d[1];
              if (oh < 0 || oh >= g.out[1]) continue;
              const T* r = row + (id * g.in[1] + ih) * g.in[2];
              T* dst = out + ((c * g.out[0] + od) * g.out[1] + oh) * g.out[2];
              for (int64_t iw = 0; iw < g.in[2]; ++iw) {
                const int64_t ow = iw * g.s[2] - g.padL[2] + kw * g.d[2];
                if (ow >= 0 && ow < g.out[2]) dst[ow] += r[iw];
              }
            }
          }
        }
}

template <class T>
void addBias(const ConvGeom& g, const T* bias, T* out) {
  const int64_t O = g.outSpatial();
  for (int64_t n = 0; n < g.N; ++n)
    for (int64_t c = 0; c < g.Cout; ++c) {
      T* p = out + (n * g.Cout + c) * O;
      for (int64_t i = 0; i < O; ++i) p[i] += bias[c];
    }
}

template <class T>
void convGemm(const ConvGeom& g, const T* x, const T* w, T* out) {
  const int64_t cinG = g.Cin / g.groups, coutG = g.Cout / g.groups;
  const int64_t K = g.kSpatial(), I = g.inSpatial(), O = g.outSpatial();
  if (!g.transposed) {
    std::vector<T> col(static_cast<size_t>(cinG * K * O));
    for (int64_t n = 0; n < g.N; ++n)
      for (int64_t gr = 0; gr < g.groups; ++gr) {
        im2col(g, x + (n * g.Cin + gr * cinG) * I, cinG, col.data());
        gemm<T>(false, coutG, O, cinG * K, w + gr * coutG * cinG * K, col.data(), out + (n * g.Cout + gr * coutG) * O);
      }
    return;
  }
  // Transposed: weight [Cin, Cout/g, k...]; col = W_g^T x_g, scattered into the output.
  std::vector<T> col(static_cast<size_t>(coutG * K * I));
  std::fill(out, out + g.N * g.Cout * O, T(0));
  for (int64_t n = 0; n < g.N; ++n)
    for (int64_t gr = 0; gr < g.groups; ++gr) {
      gemm<T>(true, coutG * K, I, cinG, w + gr * cinG * coutG * K, x + (n * g.Cin + gr * cinG) * I, col.data());
      col2im(g, col.data(), coutG, out + (n * g.Cout + gr * coutG) * O);
    }
}

// Integer convolution by direct loops; the sums wrap like PyTorch's integer GEMM.
template <class T>
void convDirect(const ConvGeom& g, const T* x, const T* w, T* out) {
  using Acc = nn::AccType<T>;
  const int64_t cinG = g.Cin / g.groups, coutG = g.Cout / g.groups;
  const int64_t K = g.kSpatial(), I = g.inSpatial(), O = g.outSpatial();
  if (!g.transposed) {
    for (int64_t n = 0; n < g.N; ++n)
      for (int64_t oc = 0; oc < g.Cout; ++oc) {
        const int64_t gr = oc / coutG;
        for (int64_t od = 0; od < g.out[0]; ++od)
          for (int64_t oh = 0; oh < g.out[1]; ++oh)
            for (int64_t ow = 0; ow < g.out[2]; ++ow) {
              uint64_t acc = 0;  // unsigned: wrapping is defined
              for (int64_t c = 0; c < cinG; ++c)
                for (int64_t kd = 0; kd < g.k[0]; ++kd) {
                  const int64_t id = od * g.s[0] - g.padL[0] + kd * g.d[0];
                  if (id < 0 || id >= g.in[0]) continue;
                  for (int64_t kh = 0; kh < g.k[1]; ++kh) {
                    const int64_t ih = oh * g.s[1] - g.padL[1] + kh * g.d[1];
                    if (ih < 0 || ih >= g.in[1]) continue;
                    for (int64_t kw = 0; kw < g.k[2]; ++kw) {
                      const int64_t iw = ow * g.s[2] - g.padL[2] + kw * g.d[2];
                      if (iw < 0 || iw >= g.in[2]) continue;
                      const Acc xv =
                          x[((n * g.Cin + gr * cinG + c) * g.in[0] + id) * g.in[1] * g.in[2] + ih * g.in[2] + iw];
                      const Acc wv = w[(oc * cinG + c) * K + (kd * g.k[1] + kh) * g.k[2] + kw];
                      acc += static_cast<uint64_t>(xv) * static_cast<uint64_t>(wv);
                    }
                  }
                }
              out[(n * g.Cout + oc) * O + (od * g.out[1] + oh) * g.out[2] + ow] = static_cast<T>(acc);
            }
      }
    return;
  }
  std::vector<uint64_t> acc(static_cast<size_t>(g.N * g.Cout * O), 0);
  for (int64_t n = 0; n < g.N; ++n)
    for (int64_t ic = 0; ic < g.Cin; ++ic) {
      const int64_t gr = ic / cinG;
      for (int64_t i = 0; i < I; ++i) {
        const int64_t id = i / (g.in[1] * g.in[2]), ih = (i / g.in[2]) % g.in[1], iw = i % g.in[2];
        const uint64_t xv = static_cast<uint64_t>(static_cast<Acc>(x[(n * g.Cin + ic) * I + i]));
        for (int64_t c = 0; c < coutG; ++c)
          for (int64_t kd = 0; kd < g.k[0]; ++kd) {
            const int64_t od = id * g.s[0] - g.padL[0] + kd * g.d[0];
            if (od < 0 || od >= g.out[0]) continue;
            for (int64_t kh = 0; kh < g.k[1]; ++kh) {
              const int64_t oh = ih * g.s[1] - g.padL[1] + kh * g.d[1];
              if (oh < 0 || oh >= g.out[1]) continue;
              for (int64_t kw = 0; kw < g.k[2]; ++kw) {
                const int64_t ow = iw * g.s[2] - g.padL[2] + kw * g.d[2];
                if (ow < 0 || ow >= g.out[2]) continue;
                const uint64_t wv =
                    static_cast<uint64_t>(static_cast<Acc>(w[(ic * coutG + c) * K + (kd * g.k[1] + kh) * g.k[2] + kw]));
                acc[(n * g.Cout + gr * coutG + c) * O + (od * g.out[1] + oh) * g.out[2] + ow] += xv * wv;
              }
            }
          }
      }
    }
  for (size_t i = 0; i < acc.size(); ++i) out[i] = static_cast<T>(acc[i]);
}

}  // namespace

void runReference(const ConvGeom& g, const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
                  const Tensor& out) {
  Tensor x = input.contiguous(), w = weight.contiguous();
  std::optional<Tensor> b = bias ? std::optional<Tensor>(bias->contiguous()) : std::nullopt;
  visitDType(input.dtype(), [&]<class T>() {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
      convGemm<T>(g, x.data<T>(), w.data<T>(), out.data<T>());
      if (b) addBias<T>(g, b->data<T>(), out.data<T>());
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      convDirect<T>(g, x.data<T>(), w.data<T>(), out.data<T>());
      if (b) addBias<T>(g, b->data<T>(), out.data<T>());
    } else {
      nn::failNotImplemented("slow_conv2d_cpu", input.dtype());
    }
  });
}

}  // namespace ember::kernels::conv_detail
