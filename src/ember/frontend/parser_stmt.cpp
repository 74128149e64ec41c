// Statements and blocks, plus the `# type:` comments attached to them.
#include <fmt/format.h>

#include <algorithm>

#include "ember/frontend/parser_impl.h"

namespace ember::frontend {

/*
** {======================================================
** Blocks
** =======================================================
*/

// statements: statement*   (until DEDENT or end of file)
StmtList Parser::parseStatements() {
  StmtList out;
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndOfFile)) {
    uint64_t before = consumed_;
    try {
      parseStatement(out);
    } catch (const SyntaxError&) {
      synchronize();
    }
    // Whatever went wrong, never stand still.
    if (consumed_ == before && !at(TokenKind::Dedent) && !at(TokenKind::EndOfFile)) advance();
  }
  return out;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
StmtList Parser::parseBlock(const Token& header, std::string_view what) {
  DepthGuard guard(*this, header.start);
  StmtList body;
  if (!at(TokenKind::Newline)) {
    parseSimpleStatements(body);
    return body;
  }
  advance();
  if (!at(TokenKind::Indent)) {
    error({file_, tok_.start, tok_.end},
          fmt::format("expected an indented block after {} on line {}", what, file_->lineOf(header.start)),
          "indent the body, or write `pass` for an empty one");
    return body;
  }
  advance();
  body = parseStatements();
  accept(TokenKind::Dedent);
  return body;
}

// statement: compound_stmt | simple_stmts
void Parser::parseStatement(StmtList& out) {
  switch (tok_.kind) {
    case TokenKind::Indent: {
      Token indent = tok_;
      error(range(indent), "unexpected indent", "indent a line only to start a block after ':'");
      advance();
      DepthGuard guard(*this, indent.start);
      StmtList nested = parseStatements();
      for (StmtPtr& s : nested) out.push_back(std::move(s));
      accept(TokenKind::Dedent);
      return;
    }
    case TokenKind::Newline: advance(); return;  // the line a recovery restart closed
    case TokenKind::If:
    case TokenKind::While:
    case TokenKind::For:
    case TokenKind::Try:
    case TokenKind::With:
    case TokenKind::Def:
    case TokenKind::Class:
    case TokenKind::At:
    case TokenKind::Async: out.push_back(parseCompoundStatement()); return;
    case TokenKind::Elif:
    case TokenKind::Else: failHere(fmt::format("'{}' without a matching 'if'", text(tok_)));
    case TokenKind::Except:
    case TokenKind::Finally: failHere(fmt::format("'{}' without a matching 'try'", text(tok_)));
    default: parseSimpleStatements(out); return;
  }
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::parseSimpleStatements(StmtList& out) {
  for (;;) {
    out.push_back(parseSimpleStatement());
    if (!accept(TokenKind::Semicolon)) break;
    if (at(TokenKind::Newline) || at(TokenKind::EndOfFile)) break;
  }
  if (at(TokenKind::EndOfFile)) return;
  if (at(TokenKind::Newline)) {
    advance();
    return;
  }
  std::optional<std::string> hint;
  auto* last = dyn_cast<ExprStmt>(out.back().get());
  auto* name = last ? dyn_cast<Name>(last->value.get()) : nullptr;
  if (name && name->id == "match" && startsExpression(tok_.kind)) {
    // Python 3.10 pattern matching: say so once and skip its case clauses.
    error(name->range(), "match statements are not supported in TorchScript", "use an if/elif chain");
    skipBlockQuietly_ = true;
    throw SyntaxError{};
  }
  if (name && (name->id == "print" || name->id == "exec") && startsExpression(tok_.kind))
    hint = fmt::format("missing parentheses in call to '{0}': write {0}(...)", name->id);
  failHere(fmt::format("expected end of statement, got {}", describe(tok_)), std::move(hint));
}

// After a syntax error: drop the rest of the logical line. An indented block
// right after it (the body of a broken `if ...:` line, say) is parsed for its
// own errors and dropped, with any elif/else/except/finally clauses after it.
void Parser::synchronize() {
  while (!at(TokenKind::Newline) && !at(TokenKind::EndOfFile) && !at(TokenKind::Indent) && !at(TokenKind::Dedent)) {
    if (recoverUnclosedBracket(tok_)) break;
    advance();
  }
  accept(TokenKind::Newline);
  if (skipBlockQuietly_ && at(TokenKind::Indent)) {
    skipBlockQuietly_ = false;
    int depth = 0;
    do {
      if (at(TokenKind::Indent)) ++depth;
      if (at(TokenKind::Dedent)) --depth;
      advance();
    } while (depth > 0 && !at(TokenKind::EndOfFile));
    return;
  }
  skipBlockQuietly_ = false;
  bool hadBlock = false;
  for (;;) {
    if (at(TokenKind::Indent)) {
      hadBlock = true;
      Token indent = tok_;
      advance();
      try {
        DepthGuard guard(*this, indent.start);
        StmtList dropped = parseStatements();
      } catch (const SyntaxError&) {
        synchronize();
      }
      accept(TokenKind::Dedent);
    }
    bool clause = at(TokenKind::Elif) || at(TokenKind::Else) || at(TokenKind::Except) || at(TokenKind::Finally);
    if (!hadBlock || !clause) return;
    while (!at(TokenKind::Newline) && !at(TokenKind::EndOfFile) && !at(TokenKind::Indent) && !at(TokenKind::Dedent))
      advance();
    accept(TokenKind::Newline);
  }
}

std::unique_ptr<StrLit> Parser::takeDocstring(StmtList& body) {
  if (body.empty()) return nullptr;
  auto* stmt = dyn_cast<ExprStmt>(body.front().get());
  if (!stmt || !isa<StrLit>(stmt->value.get())) return nullptr;
  std::unique_ptr<StrLit> doc(static_cast<StrLit*>(stmt->value.release()));
  body.erase(body.begin());
  return doc;
}

void Parser::expectColon(std::string_view context) {
  if (accept(TokenKind::Colon)) return;
  std::string message = fmt::format("expected ':' {}", context);
  if (at(TokenKind::Newline)) {
    // The block most likely follows: report and read it as if the ':' were there.
    error({file_, prevEnd_, prevEnd_}, std::move(message));
    return;
  }
  failHere(fmt::format("{}, got {}", message, describe(tok_)));
}

/* }====================================================== */

/*
** {======================================================
** Simple statements
** =======================================================
*/

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
//            | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
//            | global_stmt | nonlocal_stmt
StmtPtr Parser::parseSimpleStatement() {
  uint32_t start = tok_.start;
  Token kw = tok_;
  switch (tok_.kind) {
    case TokenKind::Pass:
      advance();
      return node<Pass>(range(kw));
    case TokenKind::Break:
      advance();
      if (loopDepth_ == 0) error(range(kw), "'break' outside loop");
      return node<Break>(range(kw));
    case TokenKind::Continue:
      advance();
      if (loopDepth_ == 0) error(range(kw), "'continue' not properly in loop");
      return node<Continue>(range(kw));
    case TokenKind::Return: {
      advance();
      if (functionDepth_ == 0) error(range(kw), "'return' outside function");
      auto n = node<Return>({});
      if (startsExpression(tok_.kind)) n->value = parseStarExpressions();
      n->setRange(rangeFrom(start));
      return n;
    }
    // raise_stmt: 'raise' expression ['from' expression] | 'raise'
    case TokenKind::Raise: {
      advance();
      auto n = node<Raise>({});
      if (startsExpression(tok_.kind)) {
        n->exc = parseExpression();
        if (accept(TokenKind::From)) n->cause = parseExpression();
      }
      n->setRange(rangeFrom(start));
      return n;
    }
    // global_stmt: 'global' NAME (',' NAME)*     nonlocal_stmt: 'nonlocal' NAME (',' NAME)*
    case TokenKind::Global:
    case TokenKind::Nonlocal: {
      bool global = at(TokenKind::Global);
      advance();
      std::vector<std::string> names;
      do {
        if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name after '{}', got {}", text(kw), describe(tok_)));
        names.push_back(text(tok_));
        advance();
      } while (accept(TokenKind::Comma));
      if (global) {
        auto n = node<Global>(rangeFrom(start));
        n->names = std::move(names);
        return n;
      }
      if (functionDepth_ == 0) error(range(kw), "nonlocal declaration not allowed at module level");
      auto n = node<Nonlocal>(rangeFrom(start));
      n->names = std::move(names);
      return n;
    }
    // del_stmt: 'del' del_targets
    case TokenKind::Del: {
      advance();
      auto n = node<Delete>({});
      ExprPtr targets = parseTargetList();
      if (auto* t = dyn_cast<Tuple>(targets.get()); t && !t->parenthesized) {
        for (ExprPtr& e : t->elts) n->targets.push_back(std::move(e));
      } else {
        n->targets.push_back(std::move(targets));
      }
      for (const ExprPtr& e : n->targets) checkTarget(*e, TargetContext::Delete);
      n->setRange(rangeFrom(start));
      return n;
    }
    // assert_stmt: 'assert' expression [',' expression]
    case TokenKind::Assert: {
      advance();
      auto n = node<Assert>({});
      n->test = parseExpression();
      if (accept(TokenKind::Comma)) n->msg = parseExpression();
      n->setRange(rangeFrom(start));
      return n;
    }
    case TokenKind::Import: return parseImport();
    case TokenKind::From: return parseFromImport();
    default: return parseExpressionStatement();
  }
}

namespace {

std::optional<BinOpKind> augmentedOp(TokenKind k) {
  switch (k) {
    case TokenKind::PlusAssign: return BinOpKind::Add;
    case TokenKind::MinusAssign: return BinOpKind::Sub;
    case TokenKind::StarAssign: return BinOpKind::Mult;
    case TokenKind::AtAssign: return BinOpKind::MatMult;
    case TokenKind::SlashAssign: return BinOpKind::Div;
    case TokenKind::DoubleSlashAssign: return BinOpKind::FloorDiv;
    case TokenKind::PercentAssign: return BinOpKind::Mod;
    case TokenKind::AmpersandAssign: return BinOpKind::BitAnd;
    case TokenKind::PipeAssign: return BinOpKind::BitOr;
    case TokenKind::CaretAssign: return BinOpKind::BitXor;
    case TokenKind::LeftShiftAssign: return BinOpKind::LShift;
    case TokenKind::RightShiftAssign: return BinOpKind::RShift;
    case TokenKind::DoubleStarAssign: return BinOpKind::Pow;
    default: return std::nullopt;
  }
}

}  // namespace

// assignment: NAME ':' expression ['=' annotated_rhs]
//           | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//           | (star_targets '=')+ (yield_expr | star_expressions) [TYPE_COMMENT]
//           | single_target augassign (yield_expr | star_expressions)
// expression statement: star_expressions
StmtPtr Parser::parseExpressionStatement() {
  uint32_t start = tok_.start;
  bool parenthesized = at(TokenKind::LParen);
  ExprPtr first = parseYieldOrStarExpressions();

  if (at(TokenKind::Colon)) {
    advance();
    auto n = node<AnnAssign>({});
    switch (first->kind()) {
      case NodeKind::Name: n->simple = !parenthesized; break;
      case NodeKind::Attribute:
      case NodeKind::Subscript: n->simple = false; break;
      case NodeKind::Tuple: error(first->range(), "only single target (not tuple) can be annotated"); break;
      case NodeKind::List: error(first->range(), "only single target (not list) can be annotated"); break;
      default: error(first->range(), "illegal target for annotation"); break;
    }
    n->target = std::move(first);
    n->annotation = parseExpression();
    if (accept(TokenKind::Assign)) n->value = parseYieldOrStarExpressions();
    n->setRange(rangeFrom(start));
    return n;
  }

  if (auto op = augmentedOp(tok_.kind)) {
    if (!isa<Name>(*first) && !isa<Attribute>(*first) && !isa<Subscript>(*first))
      error(first->range(), fmt::format("'{}' is an illegal expression for augmented assignment", describeExprKind(*first)));
    advance();
    auto n = node<AugAssign>({});
    n->op = *op;
    n->target = std::move(first);
    n->value = parseYieldOrStarExpressions();
    n->setRange(rangeFrom(start));
    return n;
  }

  if (at(TokenKind::Assign)) {
    auto n = node<Assign>({});
    n->targets.push_back(std::move(first));
    while (accept(TokenKind::Assign)) {
      ExprPtr rhs = parseYieldOrStarExpressions();
      if (at(TokenKind::Assign)) n->targets.push_back(std::move(rhs));
      else n->value = std::move(rhs);
    }
    for (const ExprPtr& t : n->targets) checkTarget(*t, TargetContext::Assign);
    if (isa<Starred>(*n->value)) error(n->value->range(), "can't use starred expression here");
    n->setRange(rangeFrom(start));
    attachAssignTypeComment(*n, prevEnd_, at(TokenKind::Newline) ? tok_.start : prevEnd_);
    return n;
  }

  if (at(TokenKind::Walrus))
    failHere("assignment expressions (:=) must be parenthesized here", "use '=' for a plain assignment");
  if (isa<Starred>(*first)) error(first->range(), "can't use starred expression here");
  auto n = node<ExprStmt>(rangeFrom(start));
  n->value = std::move(first);
  return n;
}

std::string Parser::parseDottedName(std::string_view what) {
  if (!at(TokenKind::Identifier)) failHere(fmt::format("expected {}, got {}", what, describe(tok_)));
  std::string name = text(tok_);
  advance();
  while (accept(TokenKind::Dot)) {
    if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name after '.', got {}", describe(tok_)));
    name += '.';
    name += text(tok_);
    advance();
  }
  return name;
}

// import_name: 'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*
StmtPtr Parser::parseImport() {
  uint32_t start = tok_.start;
  advance();
  auto n = node<Import>({});
  do {
    Alias a;
    uint32_t s = tok_.start;
    a.name = parseDottedName("a module name after 'import'");
    if (accept(TokenKind::As)) {
      if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name after 'as', got {}", describe(tok_)));
      a.asName = text(tok_);
      advance();
    }
    a.range = rangeFrom(s);
    n->names.push_back(std::move(a));
  } while (accept(TokenKind::Comma));
  n->setRange(rangeFrom(start));
  return n;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names | '*'
StmtPtr Parser::parseFromImport() {
  uint32_t start = tok_.start;
  advance();
  auto n = node<ImportFrom>({});
  while (at(TokenKind::Dot) || at(TokenKind::Ellipsis)) {
    n->level += at(TokenKind::Dot) ? 1 : 3;
    advance();
  }
  if (at(TokenKind::Identifier) || n->level == 0) {
    uint32_t s = tok_.start;
    n->module = parseDottedName("a module name after 'from'");
    n->moduleRange = rangeFrom(s);
  }
  if (!at(TokenKind::Import)) failHere(fmt::format("expected 'import' after module name, got {}", describe(tok_)));
  advance();
  if (at(TokenKind::Star)) {
    if (functionDepth_ > 0 || inClassBody_) error(range(tok_), "import * only allowed at module level");
    n->names.push_back({"*", "", range(tok_)});
    advance();
    n->setRange(rangeFrom(start));
    return n;
  }
  std::optional<Token> open;
  if (at(TokenKind::LParen)) {
    open = tok_;
    advance();
  }
  for (;;) {
    Alias a;
    uint32_t s = tok_.start;
    if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name to import, got {}", describe(tok_)));
    a.name = text(tok_);
    advance();
    if (accept(TokenKind::As)) {
      if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name after 'as', got {}", describe(tok_)));
      a.asName = text(tok_);
      advance();
    }
    a.range = rangeFrom(s);
    n->names.push_back(std::move(a));
    if (!at(TokenKind::Comma)) break;
    Token comma = tok_;
    advance();
    if (open && at(TokenKind::RParen)) break;
    if (!open && !at(TokenKind::Identifier)) {
      error(range(comma), "trailing comma not allowed without surrounding parentheses");
      break;
    }
  }
  if (open) expectClose(*open, TokenKind::RParen, "expected ',' or ')' after imported name");
  n->setRange(rangeFrom(start));
  return n;
}

/* }====================================================== */

/*
** {======================================================
** Compound statements
** =======================================================
*/

StmtPtr Parser::parseCompoundStatement() {
  uint32_t start = tok_.start;
  switch (tok_.kind) {
    case TokenKind::If: return parseIf(false);
    case TokenKind::While: return parseWhile();
    case TokenKind::For: return parseFor(start, false);
    case TokenKind::Try: return parseTry();
    case TokenKind::With: return parseWith(start, false);
    case TokenKind::Def: return parseFunctionDef({}, start, false);
    case TokenKind::Class: return parseClassDef({}, start);
    case TokenKind::At: return parseDecorated();
    default: break;
  }
  // 'async' ('def' | 'for' | 'with')
  advance();
  if (at(TokenKind::Def)) return parseFunctionDef({}, start, true);
  if (at(TokenKind::For)) return parseFor(start, true);
  if (at(TokenKind::With)) return parseWith(start, true);
  failHere(fmt::format("expected 'def', 'for' or 'with' after 'async', got {}", describe(tok_)));
}

// decorators: ('@' named_expression NEWLINE)+  then a def or class
StmtPtr Parser::parseDecorated() {
  uint32_t start = tok_.start;
  ExprList decorators;
  while (accept(TokenKind::At)) {
    decorators.push_back(parseNamedExpression());
    if (!at(TokenKind::Newline)) failHere(fmt::format("expected end of line after decorator, got {}", describe(tok_)));
    advance();
  }
  if (at(TokenKind::Def)) return parseFunctionDef(std::move(decorators), start, false);
  if (at(TokenKind::Class)) return parseClassDef(std::move(decorators), start);
  if (at(TokenKind::Async) && peek().kind == TokenKind::Def) {
    advance();
    return parseFunctionDef(std::move(decorators), start, true);
  }
  failHere(fmt::format("expected 'def' or 'class' after decorator, got {}", describe(tok_)));
}

// function_def: 'def' NAME '(' [params] ')' ['->' expression] ':' [TYPE_COMMENT] block
StmtPtr Parser::parseFunctionDef(ExprList decorators, uint32_t start, bool isAsync) {
  Token kw = tok_;
  advance();
  if (!at(TokenKind::Identifier)) failHere(fmt::format("expected function name after 'def', got {}", describe(tok_)));
  auto n = node<FunctionDef>({});
  n->isAsync = isAsync;
  n->decorators = std::move(decorators);
  n->name = text(tok_);
  n->nameRange = range(tok_);
  advance();
  if (!at(TokenKind::LParen)) failHere(fmt::format("expected '(' after function name, got {}", describe(tok_)));
  Token open = tok_;
  advance();
  parseParameters(n->params, TokenKind::RParen, true);
  expectClose(open, TokenKind::RParen, "expected ',' or ')' after parameter");
  if (accept(TokenKind::Arrow)) n->returns = parseExpression();
  expectColon("after function signature");
  uint32_t colonEnd = prevEnd_;
  {
    ScopedValue<int> fn(functionDepth_, functionDepth_ + 1);
    ScopedValue<int> loop(loopDepth_, 0);
    ScopedValue<bool> async(inAsyncFunction_, isAsync);
    ScopedValue<bool> cls(inClassBody_, false);
    n->body = parseBlock(kw, "function definition");
  }
  if (!n->body.empty()) attachTypeComment(*n, colonEnd, n->body.front()->range().start);
  n->docstring = takeDocstring(n->body);
  n->setRange(rangeFrom(start));
  return n;
}

// class_def: 'class' NAME ['(' [arguments] ')'] ':' block
StmtPtr Parser::parseClassDef(ExprList decorators, uint32_t start) {
  Token kw = tok_;
  advance();
  if (!at(TokenKind::Identifier)) failHere(fmt::format("expected class name after 'class', got {}", describe(tok_)));
  auto n = node<ClassDef>({});
  n->decorators = std::move(decorators);
  n->name = text(tok_);
  n->nameRange = range(tok_);
  advance();
  if (at(TokenKind::LParen)) {
    Token open = tok_;
    advance();
    parseArguments(open, n->bases, n->keywords);
  }
  expectColon("after class header");
  {
    ScopedValue<int> fn(functionDepth_, 0);
    ScopedValue<int> loop(loopDepth_, 0);
    ScopedValue<bool> async(inAsyncFunction_, false);
    ScopedValue<bool> cls(inClassBody_, true);
    n->body = parseBlock(kw, "class definition");
  }
  n->docstring = takeDocstring(n->body);
  n->setRange(rangeFrom(start));
  return n;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
// else_block: 'else' ':' block
StmtPtr Parser::parseIf(bool elif) {
  Token kw = tok_;
  advance();
  auto n = node<If>({});
  n->test = parseNamedExpression();
  expectColon(elif ? "after 'elif' condition" : "after 'if' condition");
  n->body = parseBlock(kw, elif ? "'elif' statement" : "'if' statement");
  if (at(TokenKind::Elif)) {
    n->orelse.push_back(parseIf(true));
  } else if (at(TokenKind::Else)) {
    Token e = tok_;
    advance();
    expectColon("after 'else'");
    n->orelse = parseBlock(e, "'else' statement");
  }
  n->setRange(rangeFrom(kw.start));
  return n;
}

// while_stmt: 'while' named_expression ':' block [else_block]
StmtPtr Parser::parseWhile() {
  Token kw = tok_;
  advance();
  auto n = node<While>({});
  n->test = parseNamedExpression();
  expectColon("after 'while' condition");
  {
    ScopedValue<int> loop(loopDepth_, loopDepth_ + 1);
    n->body = parseBlock(kw, "'while' statement");
  }
  if (at(TokenKind::Else)) {
    Token e = tok_;
    advance();
    expectColon("after 'else'");
    n->orelse = parseBlock(e, "'else' statement");
  }
  n->setRange(rangeFrom(kw.start));
  return n;
}

// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' [TYPE_COMMENT] block [else_block]
StmtPtr Parser::parseFor(uint32_t start, bool isAsync) {
  Token kw = tok_;
  advance();
  auto n = node<For>({});
  n->isAsync = isAsync;
  n->target = parseTargetList();
  checkTarget(*n->target, TargetContext::For);
  if (!at(TokenKind::In)) failHere(fmt::format("expected 'in' after 'for' target, got {}", describe(tok_)));
  advance();
  n->iter = parseStarExpressions();
  expectColon("after 'for' clause");
  {
    ScopedValue<int> loop(loopDepth_, loopDepth_ + 1);
    n->body = parseBlock(kw, "'for' statement");
  }
  if (at(TokenKind::Else)) {
    Token e = tok_;
    advance();
    expectColon("after 'else'");
    n->orelse = parseBlock(e, "'else' statement");
  }
  n->setRange(rangeFrom(start));
  return n;
}

// with_stmt: ['async'] 'with' '(' with_item (',' with_item)* [','] ')' ':' block
//          | ['async'] 'with' with_item (',' with_item)* ':' block
// with_item: expression ['as' star_target]
StmtPtr Parser::parseWith(uint32_t start, bool isAsync) {
  Token kw = tok_;
  advance();
  auto n = node<With>({});
  n->isAsync = isAsync;
  auto item = [&]() {
    WithItem it;
    uint32_t s = tok_.start;
    it.context = parseExpression();
    if (accept(TokenKind::As)) {
      it.target = parseBitwiseOr();
      checkTarget(*it.target, TargetContext::With);
    }
    it.range = rangeFrom(s);
    return it;
  };
  if (at(TokenKind::LParen)) {
    // Either parenthesized items (Python 3.9+) or an expression that starts
    // with '('; read the group as items and turn it back when no ':' follows.
    Token open = tok_;
    advance();
    bool trailingComma = false;
    while (!at(TokenKind::RParen)) {
      n->items.push_back(item());
      trailingComma = false;
      if (!accept(TokenKind::Comma)) break;
      trailingComma = true;
    }
    expectClose(open, TokenKind::RParen, "expected ',' or ')' after 'with' item");
    bool anyTarget = std::any_of(n->items.begin(), n->items.end(), [](const WithItem& w) { return w.target != nullptr; });
    if (!at(TokenKind::Colon) && !anyTarget) {
      ExprPtr group;
      if (n->items.size() == 1 && !trailingComma) {
        group = std::move(n->items[0].context);
      } else {
        auto t = node<Tuple>(rangeFrom(open.start));
        t->parenthesized = true;
        for (WithItem& w : n->items) t->elts.push_back(std::move(w.context));
        group = seal(std::move(t));
      }
      n->items.clear();
      WithItem it;
      it.context = parsePostfix(std::move(group), open.start);
      if (accept(TokenKind::As)) {
        it.target = parseBitwiseOr();
        checkTarget(*it.target, TargetContext::With);
      }
      it.range = rangeFrom(open.start);
      n->items.push_back(std::move(it));
      while (accept(TokenKind::Comma)) n->items.push_back(item());
    }
  } else {
    do {
      n->items.push_back(item());
    } while (accept(TokenKind::Comma));
  }
  expectColon("after 'with' items");
  n->body = parseBlock(kw, "'with' statement");
  n->setRange(rangeFrom(start));
  return n;
}

// try_stmt: 'try' ':' block finally_block
//         | 'try' ':' block except_block+ [else_block] [finally_block]
// except_block: 'except' [expression ['as' NAME]] ':' block
StmtPtr Parser::parseTry() {
  Token kw = tok_;
  advance();
  auto n = node<Try>({});
  expectColon("after 'try'");
  n->body = parseBlock(kw, "'try' statement");
  while (at(TokenKind::Except)) {
    Token ex = tok_;
    advance();
    ExceptHandler h;
    if (!at(TokenKind::Colon)) {
      h.type = parseExpression();
      if (at(TokenKind::Comma)) failHere("multiple exception types must be parenthesized");
      if (accept(TokenKind::As)) {
        if (!at(TokenKind::Identifier)) failHere(fmt::format("expected a name after 'as', got {}", describe(tok_)));
        h.name = text(tok_);
        h.nameRange = range(tok_);
        advance();
      }
    }
    if (!n->handlers.empty() && !n->handlers.back().type)
      error(range(ex), "default 'except:' must be last");
    expectColon("after 'except' clause");
    h.body = parseBlock(ex, "'except' statement");
    h.range = rangeFrom(ex.start);
    n->handlers.push_back(std::move(h));
  }
  if (at(TokenKind::Else)) {
    Token e = tok_;
    if (n->handlers.empty()) error(range(e), "'else' in a 'try' statement needs an 'except' clause before it");
    advance();
    expectColon("after 'else'");
    n->orelse = parseBlock(e, "'else' statement");
  }
  if (at(TokenKind::Finally)) {
    Token f = tok_;
    advance();
    expectColon("after 'finally'");
    n->finalbody = parseBlock(f, "'finally' statement");
  }
  if (n->handlers.empty() && n->finalbody.empty() && n->orelse.empty())
    error({file_, tok_.start, tok_.end}, "expected 'except' or 'finally' block");
  n->setRange(rangeFrom(kw.start));
  return n;
}

/* }====================================================== */

/*
** {======================================================
** Type comments
** =======================================================
*/

namespace {

// The text after "type:" in a `# type: ...` comment, or npos for `# type: ignore`.
size_t typeCommentText(std::string_view comment) {
  size_t k = comment.find("type:");
  if (k == std::string_view::npos) return k;
  k += 5;
  while (k < comment.size() && (comment[k] == ' ' || comment[k] == '\t')) ++k;
  std::string_view rest = comment.substr(k);
  if (rest.substr(0, 6) == "ignore" && (rest.size() == 6 || !std::isalnum(static_cast<unsigned char>(rest[6])))) return std::string_view::npos;
  return k;
}

}  // namespace

// A `# type: (T1, T2) -> R` comment on the def line or the line after it.
void Parser::attachTypeComment(FunctionDef& def, uint32_t colonEnd, uint32_t bodyStart) {
  for (const Comment& c : lexer_.typeComments()) {
    if (c.start < colonEnd) continue;
    if (c.start >= bodyStart) return;
    size_t k = typeCommentText(file_->text().substr(c.start, c.end - c.start));
    if (k == std::string_view::npos) continue;
    TypeComment tc;
    tc.range = {file_, c.start, c.end};
    subParser(c.start + static_cast<uint32_t>(k), c.end)->parseFunctionTypeComment(tc);
    def.typeComment = std::move(tc);
    return;
  }
}

// func_type: '(' [type_expressions] ')' '->' expression
void Parser::parseFunctionTypeComment(TypeComment& tc) {
  try {
    if (!at(TokenKind::LParen))
      failHere(fmt::format("expected '(' to start the parameter types of a type comment, got {}", describe(tok_)));
    Token open = tok_;
    advance();
    while (!at(TokenKind::RParen)) {
      tc.argTypes.push_back(parseStarredItem(false));
      if (!accept(TokenKind::Comma)) break;
    }
    expectClose(open, TokenKind::RParen, "expected ',' or ')' in type comment");
    if (!at(TokenKind::Arrow)) failHere(fmt::format("expected '->' and a return type in type comment, got {}", describe(tok_)));
    advance();
    tc.returnType = parseExpression();
    if (!at(TokenKind::EndOfFile)) failHere(fmt::format("unexpected {} after type comment", describe(tok_)));
  } catch (const SyntaxError&) {
  }
}

// `x = []  # type: List[int]` on the assignment's own line.
void Parser::attachAssignTypeComment(Assign& assign, uint32_t from, uint32_t to) {
  const auto& comments = lexer_.typeComments();
  for (auto it = comments.rbegin(); it != comments.rend(); ++it) {
    if (it->start >= to) continue;
    if (it->start < from) return;
    size_t k = typeCommentText(file_->text().substr(it->start, it->end - it->start));
    if (k == std::string_view::npos) return;
    TypeComment tc;
    tc.range = {file_, it->start, it->end};
    tc.annotation = subParser(it->start + static_cast<uint32_t>(k), it->end)->parseWholeExpression(false);
    if (tc.annotation) assign.typeComment = std::move(tc);
    return;
  }
}

/* }====================================================== */

}  // namespace ember::frontend
