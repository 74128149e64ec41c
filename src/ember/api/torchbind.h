// The few C++ classes PyTorch registers with torch.classes (torchbind) whose
// objects ember can stand in for, built from the state their __getstate__
// wrote into the pickle. Everything else named __torch__.torch.classes.* is
// refused by the loader.
#pragma once

#include <optional>
#include <string>

#include "ember/serialization/unpickler.h"
#include "ember/value/ivalue.h"

namespace ember::api {

// nullopt when `qualifiedName` is not a class ember supports; Error(Format)
// when it is but the state is malformed.
std::optional<IValue> buildTorchbindObject(const std::string& qualifiedName, const IValue& state);

// Reads per-tensor affine qint8 tensors (torch._utils._rebuild_qtensor) as
// ("qtensor", int8 tensor, scale, zero_point): ember has no quantized dtype;
// only the quantized ops that hold them (inside packed params) read them.
serialization::GlobalResolver quantizedTensorResolver();

}  // namespace ember::api
