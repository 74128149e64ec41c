// Prints one compiled function (its typed SSA graph) as the serialized
// TorchScript that torch.jit.save writes into code/ and PyTorch's importer
// compiles back (the job of PyTorch's python_print.cpp): every value gets a
// name, constants are inlined as literals, ops are called as torch.<op> /
// ops.<ns>.<op>, prim::If / prim::Loop become if / for / while statements that
// assign their outputs, and classes and functions are named by qualified name.
//
// A node it has no spelling for (with-statements, enums, Python ops) is an
// Error(NotImplemented) naming the construct and its source line.
#pragma once

#include <string>

#include "ember/export/names.h"
#include "ember/ir/graph.h"
#include "ember/ops/schema.h"

namespace ember::exporter {

// `def <name>(<args>) -> <ret>:` and the body, indented by `indent` levels
// of two spaces (1 for methods). For methods the schema's first argument is
// self, annotated with its class.
std::string printFunction(const std::string& name, const ops::FunctionSchema& schema, const ir::Graph& graph,
                          FileNames& names, int indent);

// The signature line alone (`def f(x: int, y: int=3) -> int:`), shared by the
// forwarding methods of the root module. `selfType`: the annotation of an
// extra first `self` argument, or empty.
std::string printSignature(const std::string& name, const ops::FunctionSchema& schema, FileNames& names,
                           const std::string& selfType);

}  // namespace ember::exporter
