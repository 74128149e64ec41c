// The compiler's entry point: a parsed module (every def and class in a
// source file) -> typed SSA graphs, one per function and method, with the
// schema each is called through. Errors go to the DiagnosticEngine; the
// compiler keeps going after one, so a single run reports all of them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ember/frontend/ast.h"
#include "ember/ir/graph.h"
#include "ember/ops/schema.h"
#include "ember/support/diagnostics.h"
#include "ember/value/class_type.h"

namespace ember::compiler {

struct CompiledFunction {
  std::string name;  // "f", or "Foo.forward" for methods (the key calls resolve by)
  std::shared_ptr<ir::Graph> graph;
  ops::FunctionSchema schema;
  ClassTypePtr owner;  // the class for methods
  std::string methodName;
};

struct CompiledModule {
  std::vector<CompiledFunction> functions;
  std::vector<ClassTypePtr> classes;
};

CompiledModule compileModule(const frontend::Module& module, DiagnosticEngine& diag);

}  // namespace ember::compiler
