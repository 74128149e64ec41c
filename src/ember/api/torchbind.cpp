#include "ember/api/torchbind.h"

#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::api {

std::optional<IValue> buildTorchbindObject(const std::string& qualifiedName, const IValue& state) {
  // xnnpack::LinearOpContext: (weight, bias?, output_min?, output_max?), kept
  // as that tuple; prepacked::linear_clamp_run (ops/archive_ops.cpp) reads it.
  if (qualifiedName == "__torch__.torch.classes.xnnpack.LinearOpContext") {
    bool ok = state.isTuple() && state.toTuple().elements.size() == 4 && state.toTuple().elements[0].isTensor();
    if (!ok) EMBER_FAIL_KIND(Format, "malformed state of {}: expected (weight, bias, min, max)", qualifiedName);
    return state;
  }
  return std::nullopt;
}

}  // namespace ember::api
