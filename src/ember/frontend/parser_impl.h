// The parser's internals, shared by parser.cpp (tokens, recovery, blocks),
// parser_expr.cpp (expressions, f-strings) and parser_stmt.cpp (statements).
#pragma once

#include <optional>
#include <string>

#include "ember/frontend/ast.h"
#include "ember/frontend/lexer.h"
#include "ember/support/diagnostics.h"

namespace ember::frontend {

// Sets a variable for a scope (function/loop context), restoring it on exit.
template <class T>
class ScopedValue {
 public:
  ScopedValue(T& ref, T value) : ref_(ref), old_(ref) { ref_ = value; }
  ~ScopedValue() { ref_ = old_; }
  ScopedValue(const ScopedValue&) = delete;
  ScopedValue& operator=(const ScopedValue&) = delete;

 private:
  T& ref_;
  T old_;
};

// Whether a token can begin an expression (error tokens count, so the
// parser fails on them quietly instead of reporting something else).
bool startsExpression(TokenKind k);
// "function call", "literal", "comparison": for "cannot assign to ..." messages.
std::string_view describeExprKind(const Expr& e);

// Thrown to unwind to the enclosing statement list after a syntax error has
// been reported; never escapes the parser.
struct SyntaxError {};

// What a target is being checked for: the messages differ ("cannot assign
// to", "cannot delete", ...).
enum class TargetContext { Assign, AugAssign, Delete, For, With, Comprehension };

class Parser {
 public:
  // Bounds that keep hostile input from overflowing the stack here or in any
  // recursive pass over the tree.
  static constexpr int kMaxDepth = 200;
  static constexpr uint32_t kMaxExprHeight = 1000;

  Parser(SourceFilePtr file, DiagnosticEngine& diag, LexerOptions options = {}, int depth = 0);

  std::unique_ptr<Module> parseFile();
  // An expression list filling the whole input (f-string fields, annotations).
  ExprPtr parseWholeExpression(bool allowTuple);
  // `(T1, T2) -> R` of a def's type comment.
  void parseFunctionTypeComment(TypeComment& tc);

  /* ---- tokens (parser.cpp) ---- */
  const Token& tok() const { return tok_; }
  const Token& peek();
  void advance();
  bool at(TokenKind k) const { return tok_.kind == k; }
  bool accept(TokenKind k);
  // Consumes a token of kind k, or reports `message` and throws.
  Token expect(TokenKind k, std::string_view message);
  // Consumes the closer of a bracket opened by `opener`, or reports and throws.
  void expectClose(const Token& opener, TokenKind closer, std::string_view message);
  // Reports (unless the lexer already did, at this token) and throws.
  [[noreturn]] void fail(const Token& at, std::string message, std::optional<std::string> hint = {});
  [[noreturn]] void failHere(std::string message, std::optional<std::string> hint = {}) { fail(tok_, std::move(message), std::move(hint)); }
  // Reports without unwinding (the tree is complete, only wrong).
  void error(const SourceRange& range, std::string message, std::optional<std::string> hint = {});
  std::string describe(const Token& t) const;
  std::string text(const Token& t) const { return std::string(lexer_.text(t)); }
  SourceRange range(const Token& t) const { return lexer_.range(t); }
  SourceRange rangeFrom(uint32_t start) const { return {file_, start, std::max(start, prevEnd_)}; }
  SourceRange rangeOf(const Node& first) const { return rangeFrom(first.range().start); }
  const SourceFilePtr& file() const { return file_; }

  // Counts recursion; reports at `offset` and throws past kMaxDepth.
  struct DepthGuard {
    DepthGuard(Parser& p, uint32_t offset);
    ~DepthGuard() { --p.depth_; }
    Parser& p;
  };

  template <class T>
  std::unique_ptr<T> node(SourceRange r) {
    return std::make_unique<T>(std::move(r));
  }
  // Sets the height from the children and enforces kMaxExprHeight.
  template <class T>
  std::unique_ptr<T> seal(std::unique_ptr<T> e) {
    sealHeight(*e);
    return e;
  }
  void sealHeight(Expr& e);

  /* ---- expressions (parser_expr.cpp) ---- */
  ExprPtr parseExpression();           // expression: conditional, lambda
  ExprPtr parseNamedExpression();      // NAME ':=' expression | expression
  ExprPtr parseStarNamedExpression();  // '*' bitwise_or | named_expression
  ExprPtr parseStarExpressions();      // star_expression (',' ...)* -> Tuple when commas
  ExprPtr parseYieldOrStarExpressions();
  ExprPtr parseDisjunction();
  ExprPtr parseBitwiseOr() { return parseBinary(0); }
  ExprPtr parseTargetList();  // for/del targets: bitwise_or items
  void checkTarget(const Expr& e, TargetContext ctx, bool topLevel = true);
  void parseArguments(const Token& opener, ExprList& args, std::vector<Keyword>& keywords);
  void parseParameters(Parameters& ps, TokenKind closer, bool annotations);
  ExprPtr parseStrings();
  void parseFStringBody(uint32_t begin, uint32_t end, bool raw, ExprList& parts);

  /* ---- statements (parser_stmt.cpp) ---- */
  void parseStatement(StmtList& out);
  StmtList parseStatements();  // until DEDENT or EOF
  StmtList parseBlock(const Token& header, std::string_view what);

 private:
  friend struct DepthGuard;

  ExprPtr parseLambda();
  ExprPtr parseConjunction();
  ExprPtr parseInversion();
  ExprPtr parseComparison();
  ExprPtr parseBinary(int level);
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parsePrimary();
  ExprPtr parseAtom();
  ExprPtr parseParenthesized();
  ExprPtr parseListDisplay();
  ExprPtr parseBraceDisplay();
  ExprPtr parseSubscriptIndex(const Token& opener);
  ExprPtr parseSliceItem();
  ExprPtr parseYield();
  void parseComprehensionClauses(std::vector<Comprehension>& out);
  void parseFStringField(uint32_t& pos, uint32_t end, bool raw, ExprList& parts);
  ExprPtr parsePostfix(ExprPtr e, uint32_t start);
  ExprPtr parseStarredItem(bool allowNamed);
  std::string parseDottedName(std::string_view what);
  // A parser for a piece of this file (f-string field, type comment) that
  // inherits this one's nesting depth and function context.
  std::unique_ptr<Parser> subParser(uint32_t begin, uint32_t end);
  void checkNoStarred(const Expr& e);

  void parseSimpleStatements(StmtList& out);
  StmtPtr parseSimpleStatement();
  StmtPtr parseExpressionStatement();
  StmtPtr parseCompoundStatement();
  StmtPtr parseDecorated();
  StmtPtr parseFunctionDef(ExprList decorators, uint32_t start, bool isAsync);
  StmtPtr parseClassDef(ExprList decorators, uint32_t start);
  StmtPtr parseIf(bool elif);
  StmtPtr parseWhile();
  StmtPtr parseFor(uint32_t start, bool isAsync);
  StmtPtr parseWith(uint32_t start, bool isAsync);
  StmtPtr parseTry();
  StmtPtr parseImport();
  StmtPtr parseFromImport();
  void expectColon(std::string_view context);
  void attachTypeComment(FunctionDef& def, uint32_t colonEnd, uint32_t bodyStart);
  void attachAssignTypeComment(Assign& assign, uint32_t from, uint32_t to);
  std::unique_ptr<StrLit> takeDocstring(StmtList& body);
  void synchronize();
  bool recoverUnclosedBracket(const Token& at);

  SourceFilePtr file_;
  DiagnosticEngine& diag_;
  Lexer lexer_;
  Token tok_;
  std::optional<Token> ahead_;
  uint32_t prevEnd_ = 0;
  uint64_t consumed_ = 0;
  int depth_ = 0;
  int functionDepth_ = 0;
  int loopDepth_ = 0;
  bool inAsyncFunction_ = false;
  bool inClassBody_ = false;
  bool skipBlockQuietly_ = false;  // the block after a `match` line
  std::optional<Diagnostic> pendingNote_;  // shown after fail()'s error, if fail reports one
};

}  // namespace ember::frontend
