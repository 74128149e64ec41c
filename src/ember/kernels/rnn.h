// Recurrent layers: the single-step cells and the full multi-layer,
// optionally bidirectional LSTM / GRU / Elman RNN of aten::lstm.input etc.
// `params` is PyTorch's flat weight list: for each layer, for each direction,
// w_ih, w_hh, then b_ih, b_hh when has_biases, then w_hr for projected LSTMs.
#pragma once

#include <optional>
#include <tuple>
#include <vector>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

std::tuple<Tensor, Tensor> lstmCell(const Tensor& input, const std::vector<Tensor>& hx, const Tensor& wIh,
                                    const Tensor& wHh, const std::optional<Tensor>& bIh,
                                    const std::optional<Tensor>& bHh);
Tensor gruCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
               const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh);
Tensor rnnTanhCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
                   const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh);
Tensor rnnReluCell(const Tensor& input, const Tensor& hx, const Tensor& wIh, const Tensor& wHh,
                   const std::optional<Tensor>& bIh, const std::optional<Tensor>& bHh);

// (output, h_n, c_n)
std::tuple<Tensor, Tensor, Tensor> lstm(const Tensor& input, const std::vector<Tensor>& hx,
                                        const std::vector<Tensor>& params, bool hasBiases, int64_t numLayers,
                                        double dropout, bool train, bool bidirectional, bool batchFirst);
// (output, h_n)
std::tuple<Tensor, Tensor> gru(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params, bool hasBiases,
                               int64_t numLayers, double dropout, bool train, bool bidirectional, bool batchFirst);
std::tuple<Tensor, Tensor> rnnTanh(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params,
                                   bool hasBiases, int64_t numLayers, double dropout, bool train, bool bidirectional,
                                   bool batchFirst);
std::tuple<Tensor, Tensor> rnnRelu(const Tensor& input, const Tensor& hx, const std::vector<Tensor>& params,
                                   bool hasBiases, int64_t numLayers, double dropout, bool train, bool bidirectional,
                                   bool batchFirst);

}  // namespace ember::kernels
