// The built-in op families, registered by explicit calls (no static constructors).
#pragma once

namespace ember::ops {

class Registry;

#define EMBER_OP_FAMILY(Name) void register##Name##Ops(Registry& r);
#include "ember/ops/builtin_ops.def"
#undef EMBER_OP_FAMILY

void registerBuiltinOps(Registry& r);

}  // namespace ember::ops
