// libFuzzer target for the compiler: any bytes that parse are compiled to
// typed graphs; every graph of a source that compiled without errors must
// verify and lower to interpreter code. Anything but graphs or diagnostics
// (a crash, a sanitizer report, an exception escaping, a graph the verifier
// rejects) is a bug. Programs are not run: a fuzzed `while True` would hang.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DEMBER_FUZZ=ON
//   ninja -C build-fuzz compiler_fuzz
//   ./build-fuzz/fuzz/compiler_fuzz -dict=fuzz/compiler_fuzz.dict -max_len=2048 CORPUS_DIR tests/fuzz/compiler
#include <cstddef>
#include <cstdint>
#include <string>

#include "ember/compiler/compiler.h"
#include "ember/frontend/parser.h"
#include "ember/ir/verifier.h"
#include "ember/runtime/function.h"

namespace {

using namespace ember;

void checkRange(const SourceFilePtr& file, const SourceRange& r) {
  if (!r.valid()) return;
  if (r.file != file || r.start > r.end || r.end > file->size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = SourceFile::create("fuzz.py", std::string(reinterpret_cast<const char*>(data), size));
  DiagnosticEngine diag;
  auto module = frontend::parseModule(file, diag);
  if (diag.hasErrors()) return 0;  // the parser has its own target
  compiler::CompiledModule cm = compiler::compileModule(*module, diag);
  for (const Diagnostic& d : diag.diagnostics()) checkRange(file, d.range);
  (void)diag.render();
  if (diag.hasErrors()) return 0;
  for (const auto& cf : cm.functions) {
    if (!cf.graph) __builtin_trap();
    if (!ir::verify(*cf.graph).empty()) __builtin_trap();
    runtime::Function fn(cf.name, cf.graph, cf.schema, nullptr);
    try {
      (void)fn.code();
    } catch (const Error&) {
      // Calls between functions need a resolver; lowering may refuse them here.
    }
  }
  return 0;
}
