// Strict well-formedness checks for a Graph (LLVM's "build loose, verify
// strictly"): passes may leave IR inconsistent mid-way, and tests call the
// verifier after every pass.
//
// Checked:
//  - every input is defined before its use: earlier in the same block, or in
//    an enclosing block before the node that holds this one (dominance);
//  - every value's use list matches the input slots that read it, and no use
//    points at a node outside the graph;
//  - outputs and params know their node and index and have a type;
//  - block structure: sentinel Param/Return nodes, links, owning nodes;
//  - prim::If: one bool input, two blocks without params, each returning as
//    many values as the node has outputs, of subtypes of the output types;
//  - prim::Loop: inputs (max_trip_count : int, cond : bool, carried...), one
//    block with params (int, carried...) and returns (bool, carried...),
//    outputs one per carried value, with consistent types;
//  - prim::Constant: no inputs, one output, a value attribute unless None;
//  - no dangling nodes (created or removed but never inserted or destroyed);
//  - value numbers and debug names unique.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ember::ir {

class Graph;

// Every problem found, in graph order; empty when the graph is well formed.
std::vector<std::string> verify(const Graph& graph);

// Throws ember::Error listing every problem, prefixed by `context` (say, the
// pass that just ran).
void verifyOrThrow(const Graph& graph, std::string_view context = {});

}  // namespace ember::ir
