// The parser: tokens -> Module AST (ast.h), by recursive descent over Python's
// grammar. Syntax errors are reported to the DiagnosticEngine with their
// position and what was expected; the parser then skips to the next statement
// and carries on, so one parse reports every syntax error in the file.
//
// Python's own rules for what is a syntax error hold (`f(x=1, 2)`, `f() = 1`,
// `return` outside a function, ...). Constructs Python accepts but TorchScript
// does not (lambda, yield, try, *args, global, ...) are parsed into the AST for
// the compiler to reject with a clear message; the exceptions, rejected here
// because they are lexical, are bytes and imaginary literals.
#pragma once

#include <memory>

#include "ember/frontend/ast.h"
#include "ember/support/diagnostics.h"
#include "ember/support/source.h"

namespace ember::frontend {

// Never throws for bad input: the module holds every statement that parsed.
std::unique_ptr<Module> parseModule(const SourceFilePtr& file, DiagnosticEngine& diag);

// Throws CompileError (every diagnostic rendered) when the file has errors.
std::unique_ptr<Module> parseModuleOrThrow(const SourceFilePtr& file);

// One expression spanning bytes [begin, end) of the file (all of it by
// default), e.g. a string annotation "List[int]" or a type-comment type.
// Returns null, with diagnostics, when it has a syntax error.
ExprPtr parseExpression(const SourceFilePtr& file, DiagnosticEngine& diag, uint32_t begin = 0,
                        uint32_t end = UINT32_MAX);

}  // namespace ember::frontend
