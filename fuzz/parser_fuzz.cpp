// libFuzzer target for the front end: lex, parse, print and render any bytes.
// Any outcome but a tree and diagnostics (a crash, a sanitizer report, a
// hang, an exception, a token stream that does not end) is a bug.
//
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc fuzz/parser_fuzz.cpp \
//     src/ember/frontend/*.cpp src/ember/support/{source,diagnostics,utf8,error}.cpp -lfmt -o parser_fuzz
//   ./parser_fuzz -dict=fuzz/parser_fuzz.dict -max_len=4096 CORPUS_DIR
// or cmake -DEMBER_FUZZ=ON with clang (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "ember/frontend/lexer.h"
#include "ember/frontend/parser.h"

namespace {

using namespace ember;
using namespace ember::frontend;

void checkRange(const SourceFilePtr& file, const SourceRange& r) {
  if (!r.valid()) return;
  if (r.file != file || r.start > r.end || r.end > file->size()) __builtin_trap();
}

void checkTree(const SourceFilePtr& file, const Node& n) {
  checkRange(file, n.range());
  forEachChild(n, [&](const Node& child) { checkTree(file, child); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = SourceFile::create("fuzz.py", std::string(reinterpret_cast<const char*>(data), size));

  // Every token but layout and made-up closers consumes input, so the stream
  // must end within a small multiple of the input size.
  DiagnosticEngine lexDiag;
  Lexer lexer(file, lexDiag);
  size_t tokens = 0;
  for (;;) {
    Token t = lexer.next();
    if (t.start > t.end || t.end > file->size()) __builtin_trap();
    if (t.kind == TokenKind::EndOfFile) break;
    if (++tokens > 4 * size + 16) __builtin_trap();
  }
  (void)lexDiag.render();

  DiagnosticEngine diag;
  auto module = parseModule(file, diag);
  for (const StmtPtr& s : module->body) checkTree(file, *s);
  (void)module->str();
  for (const Diagnostic& d : diag.diagnostics()) checkRange(file, d.range);
  (void)diag.render();
  // Bytes that lex with no error must parse or fail with a diagnostic, never silently.
  if (module->body.empty() && !diag.hasErrors() && lexDiag.hasErrors()) __builtin_trap();

  DiagnosticEngine exprDiag;
  if (ExprPtr e = parseExpression(file, exprDiag)) {
    checkTree(file, *e);
    (void)e->str();
  }
  (void)exprDiag.render();
  return 0;
}
