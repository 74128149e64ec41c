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
  std::vector<TypePtr> enums;  // EnumTypes (value/enum_type.h), by qualified name in data.pkl
  std::vector<std::string> unknownOps;  // operators called but not registered
  std::vector<std::string> unknownClasses;  // archives: classes named but not defined (torchbind)
};

CompiledModule compileModule(const frontend::Module& module, DiagnosticEngine& diag);

// ---- archives: code/ of a torch.jit.save file (archive_compiler.cpp)

struct ArchiveScope {
  std::vector<IValue> constants;  // constants.pkl: CONSTANTS.cN
  // Fills `constants` once every class and enum of code/ is declared (attributes
  // known) and before any body is compiled: constants.pkl may hold objects of
  // those classes (frozen modules) and enum values.
  std::function<void(ArchiveScope&, const CompiledModule& declared)> loadConstants;
};

struct ArchiveSourceFile {
  std::string module;  // "__torch__.a.b" for code/__torch__/a/b.py
  SourceFilePtr file;
};

// Compiles every file together: classes and functions are registered by
// qualified name across files first, then every method and function is
// compiled. Class types carry their attribute kinds (parameters, buffers,
// submodules) and Final constants.
CompiledModule compileArchiveSources(const std::vector<ArchiveSourceFile>& files, ArchiveScope& scope,
                                     DiagnosticEngine& diag);

}  // namespace ember::compiler
