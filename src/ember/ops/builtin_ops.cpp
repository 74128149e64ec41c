#include "ember/ops/builtin_ops.h"

#include "ember/ops/registry.h"

namespace ember::ops {

void registerBuiltinOps(Registry& r) {
#define EMBER_OP_FAMILY(Name) register##Name##Ops(r);
#include "ember/ops/builtin_ops.def"
#undef EMBER_OP_FAMILY
  (void)r;
}

}  // namespace ember::ops
