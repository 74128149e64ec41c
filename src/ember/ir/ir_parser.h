// Reads the text Graph::print writes (PyTorch's graph.str() format) back into
// a Graph, as torch._C.parse_ir does, so tests and passes can be written as
// "given this IR, expect that IR":
//
//   auto g = ir::parseIR(R"IR(
//     graph(%x.1 : Tensor):
//       %1 : int = prim::Constant[value=1]()
//       %2 : Tensor = aten::add(%x.1, %x.1, %1) # f.py:2:11
//       return (%2))IR");
//
// Printing a parsed graph gives the text back: `%x.1` becomes the debug name
// "x.1", `%2` keeps the number 2, `# file:line:col` becomes the node's source
// location. Node kinds stay symbols (aten ops are not resolved). Types may be
// spelled as graphs print them (int[], Tensor?, (int, str), Dict(str, Tensor))
// or as annotations (List[int], Optional[Tensor], Tuple[int, str]); shaped
// tensor types of traced graphs (Float(2, 3, strides=[3, 1], ...)) read as Tensor.
// Errors throw ember::Error naming the line and column.
#pragma once

#include <string_view>

#include "ember/ir/graph.h"

namespace ember::ir {

GraphPtr parseIR(std::string_view text);
// Fills `graph`, which must be empty (no inputs, no nodes).
void parseIR(std::string_view text, Graph& graph);
// One type in either spelling.
TypePtr parseIRType(std::string_view text);

}  // namespace ember::ir
