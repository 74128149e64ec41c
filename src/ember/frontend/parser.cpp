// Token handling, error recovery and the entry points. The grammar rules live
// in parser_expr.cpp and parser_stmt.cpp.
#include "ember/frontend/parser.h"

#include <fmt/format.h>

#include <algorithm>

#include "ember/frontend/parser_impl.h"

namespace ember::frontend {

Parser::Parser(SourceFilePtr file, DiagnosticEngine& diag, LexerOptions options, int depth)
    : file_(std::move(file)), diag_(diag), lexer_(file_, diag, options), depth_(depth) {
  tok_ = lexer_.next();
  prevEnd_ = std::min<uint32_t>(options.begin, static_cast<uint32_t>(file_->size()));
}

/*
** {======================================================
** Tokens
** =======================================================
*/

const Token& Parser::peek() {
  if (!ahead_) ahead_ = lexer_.next();
  return *ahead_;
}

void Parser::advance() {
  if (tok_.kind != TokenKind::Newline && tok_.kind != TokenKind::Indent && tok_.kind != TokenKind::Dedent &&
      tok_.kind != TokenKind::EndOfFile)
    prevEnd_ = tok_.end;
  ++consumed_;
  if (ahead_) {
    tok_ = std::move(*ahead_);
    ahead_.reset();
  } else {
    tok_ = lexer_.next();
  }
}

bool Parser::accept(TokenKind k) {
  if (tok_.kind != k) return false;
  advance();
  return true;
}

Token Parser::expect(TokenKind k, std::string_view message) {
  if (tok_.kind != k) fail(tok_, std::string(message));
  Token t = tok_;
  advance();
  return t;
}

void Parser::expectClose(const Token& opener, TokenKind closer, std::string_view message) {
  if (accept(closer)) return;
  std::string msg = fmt::format("{}, got {}", message, describe(tok_));
  std::optional<std::string> hint;
  bool startsExpression = at(TokenKind::Identifier) || at(TokenKind::Int) || at(TokenKind::Float) ||
                          at(TokenKind::String) || at(TokenKind::FString) || at(TokenKind::LParen) ||
                          at(TokenKind::LBracket) || at(TokenKind::LBrace);
  if (startsExpression && !lexer_.startsLine(tok_.start)) hint = "did you forget a comma?";
  if (file_->lineOf(opener.start) != file_->lineOf(tok_.start))
    pendingNote_ = Diagnostic{Severity::Note, range(opener), fmt::format("to match this '{}'", text(opener)), {}};
  fail(tok_, std::move(msg), std::move(hint));
}

std::string Parser::describe(const Token& t) const {
  switch (t.kind) {
    case TokenKind::EndOfFile: return "end of file";
    case TokenKind::Newline: return "end of line";
    case TokenKind::Indent: return "an indented line";
    case TokenKind::Dedent: return "the end of the block";
    case TokenKind::String:
    case TokenKind::Bytes:
    case TokenKind::FString: return "a string literal";
    case TokenKind::Error: return "an invalid token";
    default: {
      std::string s = text(t);
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return fmt::format("'{}'", s);
    }
  }
}

void Parser::error(const SourceRange& range, std::string message, std::optional<std::string> hint) {
  diag_.error(range, std::move(message), std::move(hint));
}

void Parser::fail(const Token& at, std::string message, std::optional<std::string> hint) {
  std::optional<Diagnostic> note = std::move(pendingNote_);
  pendingNote_.reset();
  // The lexer reported these already; a second message would only confuse.
  if (at.synthetic || at.kind == TokenKind::Error) throw SyntaxError{};
  // A statement inside an unclosed bracket: the real error is the bracket.
  if (recoverUnclosedBracket(at)) throw SyntaxError{};
  diag_.error(range(at), std::move(message), std::move(hint));
  if (note) diag_.report(std::move(*note));
  throw SyntaxError{};
}

// A token that starts a line no deeper than the line of the bracket it is
// inside of is most likely a new statement: report the bracket, then lex the
// rest of the file as if the bracket's line had ended before this one.
bool Parser::recoverUnclosedBracket(const Token& at) {
  if (at.enclosingOpen < 0 || at.synthetic || at.kind == TokenKind::EndOfFile) return false;
  uint32_t open = static_cast<uint32_t>(at.enclosingOpen);
  if (!lexer_.startsLine(at.start) || file_->lineOf(at.start) <= file_->lineOf(open) ||
      lexer_.indentationOf(at.start) > lexer_.indentationOf(open))
    return false;
  std::string opener(file_->text().substr(open, 1));
  error({file_, open, open + 1}, fmt::format("'{}' was never closed", opener),
        fmt::format("close it before line {}", file_->lineOf(at.start)));
  lexer_.restartAtLine(at.start);
  ahead_.reset();
  tok_ = lexer_.next();
  return true;
}

Parser::DepthGuard::DepthGuard(Parser& parser, uint32_t offset) : p(parser) {
  if (p.depth_ >= kMaxDepth) {
    p.error({p.file_, offset, std::min<uint32_t>(offset + 1, static_cast<uint32_t>(p.file_->size()))},
            "too many nested parentheses, blocks or expressions", "split this into smaller functions or expressions");
    throw SyntaxError{};
  }
  ++p.depth_;
}

std::unique_ptr<Parser> Parser::subParser(uint32_t begin, uint32_t end) {
  LexerOptions options;
  options.begin = begin;
  options.end = end;
  options.implicitJoin = true;
  auto sub = std::make_unique<Parser>(file_, diag_, options, depth_);
  sub->functionDepth_ = functionDepth_;
  sub->loopDepth_ = loopDepth_;
  sub->inAsyncFunction_ = inAsyncFunction_;
  return sub;
}

void Parser::sealHeight(Expr& e) {
  uint32_t h = 0;
  forEachChild(e, [&](const Node& child) {
    if (child.isExpr()) h = std::max(h, static_cast<const Expr&>(child).height);
  });
  e.height = h + 1;
  if (e.height > kMaxExprHeight) {
    error(e.range(), fmt::format("expression is too deeply nested (more than {} levels)", kMaxExprHeight),
          "split it into several statements");
    throw SyntaxError{};
  }
}

/* }====================================================== */

/*
** {======================================================
** Recovery and entry points
** =======================================================
*/

std::unique_ptr<Module> Parser::parseFile() {
  auto module = std::make_unique<Module>();
  module->file = file_;
  module->body = parseStatements();
  // Stray dedents cannot reach here (the lexer pairs them); anything left is EOF.
  while (!at(TokenKind::EndOfFile)) {
    advance();
    StmtList more = parseStatements();
    for (StmtPtr& s : more) module->body.push_back(std::move(s));
  }
  module->docstring = takeDocstring(module->body);
  return module;
}

ExprPtr Parser::parseWholeExpression(bool allowTuple) {
  try {
    ExprPtr e = allowTuple ? parseYieldOrStarExpressions() : parseExpression();
    if (!at(TokenKind::EndOfFile)) failHere(fmt::format("unexpected {} after expression", describe(tok_)));
    return e;
  } catch (const SyntaxError&) {
    return nullptr;
  }
}

std::unique_ptr<Module> parseModule(const SourceFilePtr& file, DiagnosticEngine& diag) {
  Parser parser(file, diag);
  return parser.parseFile();
}

std::unique_ptr<Module> parseModuleOrThrow(const SourceFilePtr& file) {
  DiagnosticEngine diag;
  auto module = parseModule(file, diag);
  diag.throwIfErrors();
  return module;
}

ExprPtr parseExpression(const SourceFilePtr& file, DiagnosticEngine& diag, uint32_t begin, uint32_t end) {
  LexerOptions options;
  options.begin = begin;
  options.end = end;
  options.implicitJoin = true;
  size_t errorsBefore = diag.errorCount();
  Parser parser(file, diag, options);
  ExprPtr e = parser.parseWholeExpression(false);
  if (diag.errorCount() != errorsBefore) return nullptr;
  return e;
}

/* }====================================================== */

}  // namespace ember::frontend
