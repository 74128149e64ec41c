// Dead code elimination: removes nodes whose outputs nobody reads and that
// have no side effects (Node::hasSideEffects: RaiseException, Print, SetAttr,
// calls, ops that write to an argument such as aten::add_ or aten::append),
// If outputs nobody reads, and loop-carried values that neither the loop's
// users nor the body need.
//
// Given:
//   graph(%x : Tensor, %l : int[]):
//     %1 : int = prim::Constant[value=1]()
//     %2 : Tensor = aten::mul(%x, %x)          # unused
//     %3 : int[] = aten::append(%l, %1)        # unused, but writes %l
//     return (%x)
// Result:
//   graph(%x : Tensor, %l : int[]):
//     %1 : int = prim::Constant[value=1]()
//     %3 : int[] = aten::append(%l, %1)
//     return (%x)
//
// Without alias analysis a write is kept even when the written value is dead
// (PyTorch would drop an append to a list nobody reads).
#pragma once

namespace ember::ir {
class Graph;
class Block;
}  // namespace ember::ir

namespace ember::passes {

// Returns whether anything was removed.
bool eliminateDeadCode(ir::Graph& graph);
// The same on one block, whose returns are all treated as used.
bool eliminateDeadCode(ir::Block* block);

}  // namespace ember::passes
