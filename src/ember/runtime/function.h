// A compiled TorchScript function or method: its graph, its signature (as an
// operator schema, so keyword arguments and defaults bind the same way as for
// ops), and the register code built from the graph on first call.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ember/ir/graph.h"
#include "ember/ops/schema.h"
#include "ember/runtime/code.h"
#include "ember/value/ivalue.h"

namespace ember::runtime {

class Function {
 public:
  // For methods, the schema's first argument is `self`.
  Function(std::string qualifiedName, std::shared_ptr<ir::Graph> graph, ops::FunctionSchema schema,
           const FunctionResolver* resolver = nullptr);

  const std::string& name() const { return name_; }
  ir::Graph& graph() const { return *graph_; }
  const std::shared_ptr<ir::Graph>& graphPtr() const { return graph_; }
  const ops::FunctionSchema& schema() const { return schema_; }

  // Replaces the graph (after optimization passes); drops built code. Not to
  // be called while another thread runs this function.
  void setGraph(std::shared_ptr<ir::Graph> graph);
  // Builds the code now (load time) instead of on the first call, so that
  // unknown operators are reported before anything runs.
  const Code& code() const;

  // Arguments in schema order, all present (bind keywords first with
  // ops::bindArguments). Returns the single result, or a tuple for several.
  IValue call(std::vector<IValue> args) const;
  // Stack convention: pops the arguments, pushes the results.
  void run(Stack& stack) const;

 private:
  std::string name_;
  std::shared_ptr<ir::Graph> graph_;
  ops::FunctionSchema schema_;
  const FunctionResolver* resolver_;
  // Built once, on first use; readers after that take no lock.
  mutable std::mutex buildMutex_;
  mutable std::shared_ptr<const Code> code_;
};

}  // namespace ember::runtime
