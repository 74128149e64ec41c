#include "ember/kernels/nn_misc.h"

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

namespace {

std::string_view dropoutName(DropoutKind kind) {
  switch (kind) {
    case DropoutKind::Plain:
      return "dropout";
    case DropoutKind::Feature:
      return "feature_dropout";
    case DropoutKind::Alpha:
      return "alpha_dropout";
    case DropoutKind::FeatureAlpha:
      return "feature_alpha_dropout";
  }
  return "dropout";
}

// Whether the call is the identity; throws for the cases ember cannot reproduce.
bool dropoutIsIdentity(const Tensor& input, double p, bool train, DropoutKind kind) {
  EMBER_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got {}", p);
  if (p == 0 || !train || input.numel() == 0) return true;
  if (p == 1) return false;
  EMBER_FAIL_KIND(NotImplemented,
                  "{} with train=True and 0 < p < 1 is not supported: ember does not reproduce PyTorch's random "
                  "number stream (run the model in eval mode)",
                  dropoutName(kind));
}

// out = in * 0 elementwise (NaN and inf stay NaN, as PyTorch's multiply does).
void multiplyByZero(const Tensor& in, const Tensor& out) {
  Tensor src = in.contiguous();
  Tensor dst = out.isContiguous() ? out : Tensor::empty(out.sizes(), out.dtype());
  visitDType(in.dtype(), [&]<class T>() {
    const T* s = src.data<T>();
    T* d = dst.data<T>();
    for (int64_t i = 0, n = src.numel(); i < n; ++i) {
      if constexpr (std::is_same_v<T, bool>)
        d[i] = false;
      else if constexpr (std::is_integral_v<T>)
        d[i] = T(0);
      else
        d[i] = static_cast<T>(static_cast<OpMathType<T>>(s[i]) * OpMathType<T>(0));
    }
  });
  if (!dst.isSame(out)) out.copyFrom(dst);
}

}  // namespace

Tensor dropout(const Tensor& input, double p, bool train, DropoutKind kind) {
  if (dropoutIsIdentity(input, p, train, kind)) return input;
  Tensor out = Tensor::empty(input.sizes(), input.dtype());
  multiplyByZero(input, out);
  return out;
}

Tensor dropoutInPlace(const Tensor& self, double p, bool train, DropoutKind kind) {
  if (!dropoutIsIdentity(self, p, train, kind)) multiplyByZero(self, self);
  return self;
}

// ---------------------------------------------------------------- shuffles

namespace {

// Copies a strided view of `src` (contiguous) with the given sizes/strides into
// a new contiguous tensor, then gives it `outSizes`.
Tensor permuteCopy(const Tensor& src, IntArrayRef viewSizes, IntArrayRef viewStrides, IntArrayRef outSizes) {
  Tensor view = src.asStrided(viewSizes, viewStrides, src.storageOffset());
  Tensor out = Tensor::empty(viewSizes, src.dtype());
  out.copyFrom(view);
  return nn::viewAs(out, outSizes);
}

}  // namespace

Tensor pixelShuffle(const Tensor& self, int64_t r) {
  EMBER_CHECK(self.dim() >= 3,
              "pixel_shuffle expects input to have at least 3 dimensions, but got input with {} dimension(s)",
              self.dim());
  EMBER_CHECK(r > 0, "pixel_shuffle expects a positive upscale_factor, but got {}", r);
  const int64_t c = self.size(-3), h = self.size(-2), w = self.size(-1);
  EMBER_CHECK(c % (r * r) == 0,
              "pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, "
              "but input.size(-3)={} is not divisible by {}",
              c, r * r);
  const int64_t oc = c / (r * r);
  Tensor x = self.contiguous();
  const int64_t lead = self.dim() - 3;
  // out[..., oc, h, i, w, j] = in[..., oc, i, j, h, w]
  DimVector vs, st, os;
  for (int64_t i = 0; i < lead; ++i) {
    vs.push_back(self.size(i));
    st.push_back(x.stride(i));
    os.push_back(self.size(i));
  }
  const int64_t plane = h * w;
  for (int64_t v : {oc, h, r, w, r}) vs.push_back(v);
  for (int64_t v : {r * r * plane, w, r * plane, int64_t{1}, plane}) st.push_back(v);
  for (int64_t v : {oc, h * r, w * r}) os.push_back(v);
  return permuteCopy(x, vs, st, os);
}

Tensor pixelUnshuffle(const Tensor& self, int64_t r) {
  EMBER_CHECK(self.dim() >= 3,
              "pixel_unshuffle expects input to have at least 3 dimensions, but got input with {} dimension(s)",
              self.dim());
  EMBER_CHECK(r > 0, "pixel_unshuffle expects a positive downscale_factor, but got {}", r);
  const int64_t c = self.size(-3), h = self.size(-2), w = self.size(-1);
  EMBER_CHECK(h % r == 0,
              "pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={} is not "
              "divisible by {}",
              h, r);
  EMBER_CHECK(w % r == 0,
              "pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={} is not "
              "divisible by {}",
              w, r);
  Tensor x = self.contiguous();
  const int64_t lead = self.dim() - 3;
  const int64_t oh = h / r, ow = w / r;
  // out[..., c, i, j, oh, ow] = in[..., c, oh * r + i, ow * r + j]
  DimVector vs, st, os;
  for (int64_t i = 0; i < lead; ++i) {
    vs.push_back(self.size(i));
    st.push_back(x.stride(i));
    os.push_back(self.size(i));
  }
  for (int64_t v : {c, r, r, oh, ow}) vs.push_back(v);
  for (int64_t v : {h * w, w, int64_t{1}, r * w, r}) st.push_back(v);
  for (int64_t v : {c * r * r, oh, ow}) os.push_back(v);
  return permuteCopy(x, vs, st, os);
}

Tensor nativeChannelShuffle(const Tensor& self, int64_t groups) {
  EMBER_CHECK(groups > 0, "Number of groups to divide channels in must be positive. Value of groups:{}", groups);
  const int64_t b = self.size(0), c = self.size(1);
  const int64_t cpg = c / groups;
  const int64_t inner = b * c == 0 ? 0 : self.numel() / (b * c);
  Tensor x = self.contiguous();
  // out[n, j, i, s] = in[n, i, j, s] over the [b, groups, c / groups, inner] view.
  const int64_t vs[4] = {b, cpg, groups, inner};
  const int64_t st[4] = {c * inner, inner, cpg * inner, 1};
  return permuteCopy(x, IntArrayRef(vs, 4), IntArrayRef(st, 4), self.sizes());
}

Tensor channelShuffle(const Tensor& self, int64_t groups) {
  EMBER_CHECK(self.dim() > 2, "channel_shuffle expects input with > 2 dims, but got input with sizes {}",
              shapeString(self.sizes()));
  EMBER_CHECK(groups > 0, "Number of groups to divide channels in must be positive. Value of groups:{}", groups);
  EMBER_CHECK(self.size(1) % groups == 0,
              "Number of channels must be divisible by groups. Got {} channels and {} groups.", self.size(1), groups);
  return nativeChannelShuffle(self, groups);
}

}  // namespace ember::kernels
