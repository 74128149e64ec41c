// Expressions, from the loosest binding (lambda, conditional) down to atoms,
// then calls, subscripts, displays, comprehensions, strings and f-strings.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "ember/frontend/parser_impl.h"

namespace ember::frontend {

bool startsExpression(TokenKind k) {
  switch (k) {
    case TokenKind::Identifier:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::Imaginary:
    case TokenKind::String:
    case TokenKind::Bytes:
    case TokenKind::FString:
    case TokenKind::Error:
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Star:
    case TokenKind::Not:
    case TokenKind::Lambda:
    case TokenKind::Await:
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::Ellipsis: return true;
    default: return false;
  }
}

std::string_view describeExprKind(const Expr& e) {
  switch (e.kind()) {
    case NodeKind::Call: return "function call";
    case NodeKind::IntLit:
    case NodeKind::FloatLit:
    case NodeKind::StrLit: return "literal";
    case NodeKind::FString:
    case NodeKind::FormattedValue: return "f-string expression";
    case NodeKind::BoolLit: return static_cast<const BoolLit&>(e).value ? "True" : "False";
    case NodeKind::NoneLit: return "None";
    case NodeKind::EllipsisLit: return "ellipsis";
    case NodeKind::Compare: return "comparison";
    case NodeKind::IfExp: return "conditional expression";
    case NodeKind::Lambda: return "lambda";
    case NodeKind::Dict: return "dict literal";
    case NodeKind::Set: return "set display";
    case NodeKind::ListComp: return "list comprehension";
    case NodeKind::SetComp: return "set comprehension";
    case NodeKind::DictComp: return "dict comprehension";
    case NodeKind::GeneratorExp: return "generator expression";
    case NodeKind::Yield:
    case NodeKind::YieldFrom: return "yield expression";
    case NodeKind::Await: return "await expression";
    case NodeKind::NamedExpr: return "named expression";
    case NodeKind::Tuple: return "tuple";
    case NodeKind::List: return "list";
    case NodeKind::Starred: return "starred";
    case NodeKind::Name: return "name";
    case NodeKind::Attribute: return "attribute";
    case NodeKind::Subscript: return "subscript";
    case NodeKind::Slice: return "slice";
    default: return "expression";
  }
}

/*
** {======================================================
** Operators
** =======================================================
*/

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ExprPtr Parser::parseExpression() {
  DepthGuard guard(*this, tok_.start);
  if (at(TokenKind::Lambda)) return parseLambda();
  uint32_t start = tok_.start;
  ExprPtr body = parseDisjunction();
  if (!at(TokenKind::If)) return body;
  advance();
  ExprPtr test = parseDisjunction();
  if (!at(TokenKind::Else))
    failHere(fmt::format("expected 'else' after 'if' expression, got {}", describe(tok_)),
             "a conditional expression needs both branches: `a if cond else b`");
  advance();
  auto n = node<IfExp>({});
  n->test = std::move(test);
  n->body = std::move(body);
  n->orelse = parseExpression();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// lambdef: 'lambda' [lambda_params] ':' expression
ExprPtr Parser::parseLambda() {
  uint32_t start = tok_.start;
  advance();
  auto n = node<Lambda>({});
  parseParameters(n->params, TokenKind::Colon, false);
  if (!at(TokenKind::Colon)) failHere(fmt::format("expected ':' after lambda parameters, got {}", describe(tok_)));
  advance();
  {
    ScopedValue<int> fn(functionDepth_, functionDepth_ + 1);
    ScopedValue<int> loop(loopDepth_, 0);
    n->body = parseExpression();
  }
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// named_expression: NAME ':=' expression | expression
ExprPtr Parser::parseNamedExpression() {
  if (at(TokenKind::Identifier) && peek().kind == TokenKind::Walrus) {
    uint32_t start = tok_.start;
    auto target = node<Name>(range(tok_));
    target->id = text(tok_);
    advance();
    advance();
    auto n = node<NamedExpr>({});
    n->target = std::move(target);
    n->value = parseExpression();
    n->setRange(rangeFrom(start));
    return seal(std::move(n));
  }
  ExprPtr e = parseExpression();
  if (at(TokenKind::Walrus)) {
    error(e->range(), fmt::format("cannot use assignment expressions with {}", describeExprKind(*e)),
          "the target of ':=' must be a plain name");
    failHere("invalid assignment expression");
  }
  return e;
}

// star_named_expression: '*' bitwise_or | named_expression
ExprPtr Parser::parseStarNamedExpression() { return parseStarredItem(true); }

ExprPtr Parser::parseStarredItem(bool allowNamed) {
  if (!at(TokenKind::Star)) return allowNamed ? parseNamedExpression() : parseExpression();
  uint32_t start = tok_.start;
  advance();
  auto n = node<Starred>({});
  n->value = parseBitwiseOr();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// star_expressions: star_expression (',' star_expression)* [',']
// star_expression: '*' bitwise_or | expression
ExprPtr Parser::parseStarExpressions() {
  uint32_t start = tok_.start;
  ExprPtr first = parseStarredItem(false);
  if (!at(TokenKind::Comma)) return first;
  auto t = node<Tuple>({});
  t->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (!startsExpression(tok_.kind)) break;
    t->elts.push_back(parseStarredItem(false));
  }
  t->setRange(rangeFrom(start));
  return seal(std::move(t));
}

ExprPtr Parser::parseYieldOrStarExpressions() {
  if (at(TokenKind::Yield)) return parseYield();
  return parseStarExpressions();
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ExprPtr Parser::parseYield() {
  uint32_t start = tok_.start;
  SourceRange kw = range(tok_);
  advance();
  if (functionDepth_ == 0) error(kw, "'yield' outside function");
  if (accept(TokenKind::From)) {
    auto n = node<YieldFrom>({});
    n->value = parseExpression();
    n->setRange(rangeFrom(start));
    return seal(std::move(n));
  }
  auto n = node<Yield>({});
  if (startsExpression(tok_.kind)) n->value = parseStarExpressions();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// disjunction: conjunction ('or' conjunction)*
ExprPtr Parser::parseDisjunction() {
  uint32_t start = tok_.start;
  ExprPtr first = parseConjunction();
  if (!at(TokenKind::Or)) return first;
  auto n = node<BoolOp>({});
  n->op = BoolOpKind::Or;
  n->values.push_back(std::move(first));
  while (accept(TokenKind::Or)) n->values.push_back(parseConjunction());
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// conjunction: inversion ('and' inversion)*
ExprPtr Parser::parseConjunction() {
  uint32_t start = tok_.start;
  ExprPtr first = parseInversion();
  if (!at(TokenKind::And)) return first;
  auto n = node<BoolOp>({});
  n->op = BoolOpKind::And;
  n->values.push_back(std::move(first));
  while (accept(TokenKind::And)) n->values.push_back(parseInversion());
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// inversion: 'not' inversion | comparison
ExprPtr Parser::parseInversion() {
  if (!at(TokenKind::Not)) return parseComparison();
  DepthGuard guard(*this, tok_.start);
  uint32_t start = tok_.start;
  advance();
  auto n = node<UnaryOp>({});
  n->op = UnaryOpKind::Not;
  n->operand = parseInversion();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// comparison: bitwise_or (compare_op bitwise_or)*
// compare_op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' | 'is' 'not'
ExprPtr Parser::parseComparison() {
  uint32_t start = tok_.start;
  ExprPtr left = parseBitwiseOr();
  std::unique_ptr<Compare> n;
  for (;;) {
    CmpOpKind op;
    switch (tok_.kind) {
      case TokenKind::EqualEqual: op = CmpOpKind::Eq; break;
      case TokenKind::NotEqual: op = CmpOpKind::NotEq; break;
      case TokenKind::Less: op = CmpOpKind::Lt; break;
      case TokenKind::LessEqual: op = CmpOpKind::LtE; break;
      case TokenKind::Greater: op = CmpOpKind::Gt; break;
      case TokenKind::GreaterEqual: op = CmpOpKind::GtE; break;
      case TokenKind::In: op = CmpOpKind::In; break;
      case TokenKind::Is: op = CmpOpKind::Is; break;
      case TokenKind::Not:
        if (peek().kind != TokenKind::In) goto done;
        op = CmpOpKind::NotIn;
        advance();
        break;
      default: goto done;
    }
    advance();
    if (op == CmpOpKind::Is && accept(TokenKind::Not)) op = CmpOpKind::IsNot;
    if (!n) {
      n = node<Compare>({});
      n->left = std::move(left);
    }
    n->ops.push_back(op);
    n->comparators.push_back(parseBitwiseOr());
  }
done:
  if (!n) return left;
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

namespace {

// Binary operator levels, loosest first: | ^ & (<< >>) (+ -) (* / // % @).
std::optional<BinOpKind> binaryOpAt(int level, TokenKind k) {
  switch (level) {
    case 0: if (k == TokenKind::Pipe) return BinOpKind::BitOr; break;
    case 1: if (k == TokenKind::Caret) return BinOpKind::BitXor; break;
    case 2: if (k == TokenKind::Ampersand) return BinOpKind::BitAnd; break;
    case 3:
      if (k == TokenKind::LeftShift) return BinOpKind::LShift;
      if (k == TokenKind::RightShift) return BinOpKind::RShift;
      break;
    case 4:
      if (k == TokenKind::Plus) return BinOpKind::Add;
      if (k == TokenKind::Minus) return BinOpKind::Sub;
      break;
    case 5:
      switch (k) {
        case TokenKind::Star: return BinOpKind::Mult;
        case TokenKind::Slash: return BinOpKind::Div;
        case TokenKind::DoubleSlash: return BinOpKind::FloorDiv;
        case TokenKind::Percent: return BinOpKind::Mod;
        case TokenKind::At: return BinOpKind::MatMult;
        default: break;
      }
      break;
    default: break;
  }
  return std::nullopt;
}

constexpr int kFactorLevel = 6;

}  // namespace

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor    (level 0)
// ... down to
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor   (level 5)
// All left-associative.
ExprPtr Parser::parseBinary(int level) {
  if (level == kFactorLevel) return parseFactor();
  uint32_t start = tok_.start;
  ExprPtr left = parseBinary(level + 1);
  while (auto op = binaryOpAt(level, tok_.kind)) {
    advance();
    auto n = node<BinOp>({});
    n->op = *op;
    n->left = std::move(left);
    n->right = parseBinary(level + 1);
    n->setRange(rangeFrom(start));
    left = seal(std::move(n));
  }
  return left;
}

// factor: '+' factor | '-' factor | '~' factor | power
ExprPtr Parser::parseFactor() {
  UnaryOpKind op;
  switch (tok_.kind) {
    case TokenKind::Plus: op = UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = UnaryOpKind::Invert; break;
    default: return parsePower();
  }
  DepthGuard guard(*this, tok_.start);
  uint32_t start = tok_.start;
  advance();
  auto n = node<UnaryOp>({});
  n->op = op;
  n->operand = parseFactor();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

// power: await_primary '**' factor | await_primary
// await_primary: 'await' primary | primary
// `**` binds tighter than a unary minus on its left (-2**2 == -4) and looser
// than one on its right (2**-1 == 0.5); it is right-associative.
ExprPtr Parser::parsePower() {
  uint32_t start = tok_.start;
  ExprPtr base;
  if (at(TokenKind::Await)) {
    SourceRange kw = range(tok_);
    advance();
    if (!inAsyncFunction_) error(kw, "'await' outside async function");
    auto n = node<Await>({});
    n->value = parsePrimary();
    n->setRange(rangeFrom(start));
    base = seal(std::move(n));
  } else {
    base = parsePrimary();
  }
  if (!at(TokenKind::DoubleStar)) return base;
  DepthGuard guard(*this, tok_.start);
  advance();
  auto n = node<BinOp>({});
  n->op = BinOpKind::Pow;
  n->left = std::move(base);
  n->right = parseFactor();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

/* }====================================================== */

/*
** {======================================================
** Primaries
** =======================================================
*/

// primary: primary '.' NAME | primary '(' [arguments] ')' | primary '[' slices ']' | atom
ExprPtr Parser::parsePrimary() {
  uint32_t start = tok_.start;
  return parsePostfix(parseAtom(), start);
}

ExprPtr Parser::parsePostfix(ExprPtr e, uint32_t start) {
  for (;;) {
    if (at(TokenKind::Dot)) {
      advance();
      if (!at(TokenKind::Identifier)) failHere(fmt::format("expected attribute name after '.', got {}", describe(tok_)));
      auto n = node<Attribute>({});
      n->value = std::move(e);
      n->attr = text(tok_);
      n->attrRange = range(tok_);
      advance();
      n->setRange(rangeFrom(start));
      e = seal(std::move(n));
    } else if (at(TokenKind::LParen)) {
      Token open = tok_;
      advance();
      auto n = node<Call>({});
      n->func = std::move(e);
      parseArguments(open, n->args, n->keywords);
      n->setRange(rangeFrom(start));
      e = seal(std::move(n));
    } else if (at(TokenKind::LBracket)) {
      Token open = tok_;
      advance();
      auto n = node<Subscript>({});
      n->value = std::move(e);
      n->index = parseSubscriptIndex(open);
      n->setRange(rangeFrom(start));
      e = seal(std::move(n));
    } else {
      return e;
    }
  }
}

// arguments: arg (',' arg)* [','] where
// arg: '*' expression | '**' expression | NAME '=' expression
//    | named_expression [for_if_clauses  (only as the sole argument)]
void Parser::parseArguments(const Token& opener, ExprList& args, std::vector<Keyword>& keywords) {
  DepthGuard guard(*this, opener.start);
  bool sawKeyword = false, sawKwUnpack = false;
  std::set<std::string> names;
  while (!at(TokenKind::RParen)) {
    uint32_t start = tok_.start;
    if (at(TokenKind::Star)) {
      advance();
      auto n = node<Starred>({});
      n->value = parseExpression();
      n->setRange(rangeFrom(start));
      if (sawKwUnpack) error(n->range(), "iterable argument unpacking follows keyword argument unpacking");
      args.push_back(seal(std::move(n)));
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      Keyword k;
      k.value = parseExpression();
      k.range = rangeFrom(start);
      sawKwUnpack = true;
      keywords.push_back(std::move(k));
    } else if (at(TokenKind::Identifier) && peek().kind == TokenKind::Assign) {
      Keyword k;
      k.name = text(tok_);
      k.nameRange = range(tok_);
      advance();
      advance();
      k.value = parseExpression();
      k.range = rangeFrom(start);
      if (!names.insert(k.name).second) error(k.nameRange, fmt::format("keyword argument repeated: {}", k.name));
      sawKeyword = true;
      keywords.push_back(std::move(k));
    } else {
      ExprPtr e = parseNamedExpression();
      if (at(TokenKind::Assign)) {
        error(e->range(), "expression cannot contain assignment, perhaps you meant \"==\"?",
              "a keyword argument is a plain name: f(name=value)");
        failHere("invalid keyword argument");
      }
      if (at(TokenKind::For) || (at(TokenKind::Async) && peek().kind == TokenKind::For)) {
        auto g = node<GeneratorExp>({});
        g->elt = std::move(e);
        parseComprehensionClauses(g->generators);
        g->setRange(rangeFrom(start));
        bool alone = args.empty() && keywords.empty() && (at(TokenKind::RParen) ||
                     (at(TokenKind::Comma) && peek().kind == TokenKind::RParen));
        if (!alone) error(g->range(), "generator expression must be parenthesized");
        e = seal(std::move(g));
      }
      if (sawKwUnpack) error(e->range(), "positional argument follows keyword argument unpacking");
      else if (sawKeyword) error(e->range(), "positional argument follows keyword argument");
      args.push_back(std::move(e));
    }
    if (!accept(TokenKind::Comma)) break;
  }
  expectClose(opener, TokenKind::RParen, "expected ',' or ')' after argument");
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ExprPtr Parser::parseSubscriptIndex(const Token& opener) {
  DepthGuard guard(*this, opener.start);
  uint32_t start = tok_.start;
  if (at(TokenKind::RBracket)) failHere("expected an index or slice inside '[]'");
  ExprPtr first = parseSliceItem();
  if (!at(TokenKind::Comma)) {
    expectClose(opener, TokenKind::RBracket, "expected ']' after subscript");
    return first;
  }
  auto t = node<Tuple>({});
  t->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBracket)) break;
    t->elts.push_back(parseSliceItem());
  }
  t->setRange(rangeFrom(start));
  expectClose(opener, TokenKind::RBracket, "expected ',' or ']' in subscript");
  return seal(std::move(t));
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression | '*' bitwise_or
ExprPtr Parser::parseSliceItem() {
  uint32_t start = tok_.start;
  if (at(TokenKind::Star)) return parseStarredItem(true);
  ExprPtr lower;
  if (!at(TokenKind::Colon)) {
    lower = parseNamedExpression();
    if (!at(TokenKind::Colon)) return lower;
  }
  advance();
  auto n = node<Slice>({});
  n->lower = std::move(lower);
  auto endsPart = [&] { return at(TokenKind::Colon) || at(TokenKind::Comma) || at(TokenKind::RBracket); };
  if (!endsPart()) n->upper = parseExpression();
  if (accept(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RBracket)) n->step = parseExpression();
  n->setRange(rangeFrom(start));
  return seal(std::move(n));
}

/* }====================================================== */

/*
** {======================================================
** Atoms and displays
** =======================================================
*/

// atom: NAME | 'True' | 'False' | 'None' | '...' | NUMBER | strings
//     | tuple | group | genexp | list | listcomp | dict | set | dictcomp | setcomp
ExprPtr Parser::parseAtom() {
  switch (tok_.kind) {
    case TokenKind::Identifier: {
      auto n = node<Name>(range(tok_));
      n->id = text(tok_);
      advance();
      return n;
    }
    case TokenKind::True:
    case TokenKind::False: {
      auto n = node<BoolLit>(range(tok_));
      n->value = at(TokenKind::True);
      advance();
      return n;
    }
    case TokenKind::None: {
      auto n = node<NoneLit>(range(tok_));
      advance();
      return n;
    }
    case TokenKind::Ellipsis: {
      auto n = node<EllipsisLit>(range(tok_));
      advance();
      return n;
    }
    case TokenKind::Int: {
      auto n = node<IntLit>(range(tok_));
      n->value = tok_.intValue;
      advance();
      return n;
    }
    case TokenKind::Imaginary:
      error(range(tok_), "complex numbers are not supported in TorchScript");
      [[fallthrough]];
    case TokenKind::Float: {
      auto n = node<FloatLit>(range(tok_));
      n->value = tok_.floatValue;
      advance();
      return n;
    }
    case TokenKind::String:
    case TokenKind::Bytes:
    case TokenKind::FString: return parseStrings();
    case TokenKind::LParen: return parseParenthesized();
    case TokenKind::LBracket: return parseListDisplay();
    case TokenKind::LBrace: return parseBraceDisplay();
    case TokenKind::Star: failHere("can't use starred expression here");
    default: failHere(fmt::format("expected expression, got {}", describe(tok_)));
  }
}

void Parser::checkNoStarred(const Expr& e) {
  if (isa<Starred>(e)) error(e.range(), "iterable unpacking cannot be used in comprehension");
}

// group: '(' (yield_expr | named_expression) ')'
// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// genexp: '(' named_expression for_if_clauses ')'
ExprPtr Parser::parseParenthesized() {
  DepthGuard guard(*this, tok_.start);
  Token open = tok_;
  advance();
  if (accept(TokenKind::RParen)) {
    auto t = node<Tuple>(rangeFrom(open.start));
    t->parenthesized = true;
    return t;
  }
  if (at(TokenKind::Yield)) {
    ExprPtr e = parseYield();
    expectClose(open, TokenKind::RParen, "expected ')' after yield expression");
    return e;
  }
  ExprPtr first = parseStarNamedExpression();
  if (at(TokenKind::For) || (at(TokenKind::Async) && peek().kind == TokenKind::For)) {
    checkNoStarred(*first);
    auto g = node<GeneratorExp>({});
    g->elt = std::move(first);
    parseComprehensionClauses(g->generators);
    expectClose(open, TokenKind::RParen, "expected ')' after generator expression");
    g->setRange(rangeFrom(open.start));
    return seal(std::move(g));
  }
  if (!at(TokenKind::Comma)) {
    expectClose(open, TokenKind::RParen, "expected ')'");
    if (isa<Starred>(*first)) error(first->range(), "can't use starred expression here");
    return first;
  }
  auto t = node<Tuple>({});
  t->parenthesized = true;
  t->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RParen)) break;
    t->elts.push_back(parseStarNamedExpression());
  }
  expectClose(open, TokenKind::RParen, "expected ',' or ')' in tuple");
  t->setRange(rangeFrom(open.start));
  return seal(std::move(t));
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
ExprPtr Parser::parseListDisplay() {
  DepthGuard guard(*this, tok_.start);
  Token open = tok_;
  advance();
  if (accept(TokenKind::RBracket)) return node<List>(rangeFrom(open.start));
  ExprPtr first = parseStarNamedExpression();
  if (at(TokenKind::For) || (at(TokenKind::Async) && peek().kind == TokenKind::For)) {
    checkNoStarred(*first);
    auto c = node<ListComp>({});
    c->elt = std::move(first);
    parseComprehensionClauses(c->generators);
    expectClose(open, TokenKind::RBracket, "expected ']' after list comprehension");
    c->setRange(rangeFrom(open.start));
    return seal(std::move(c));
  }
  auto l = node<List>({});
  l->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBracket)) break;
    l->elts.push_back(parseStarNamedExpression());
  }
  expectClose(open, TokenKind::RBracket, "expected ',' or ']' in list");
  l->setRange(rangeFrom(open.start));
  return seal(std::move(l));
}

// dict: '{' [double_starred_kvpairs] '}'     set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'   setcomp: '{' named_expression for_if_clauses '}'
ExprPtr Parser::parseBraceDisplay() {
  DepthGuard guard(*this, tok_.start);
  Token open = tok_;
  advance();
  if (accept(TokenKind::RBrace)) return node<Dict>(rangeFrom(open.start));
  auto isComprehension = [&] { return at(TokenKind::For) || (at(TokenKind::Async) && peek().kind == TokenKind::For); };

  ExprPtr firstKey, firstValue;
  if (at(TokenKind::DoubleStar)) {
    advance();
    firstValue = parseBitwiseOr();
  } else {
    ExprPtr first = parseStarNamedExpression();
    if (!accept(TokenKind::Colon)) {
      // A set display or comprehension.
      if (isComprehension()) {
        checkNoStarred(*first);
        auto c = node<SetComp>({});
        c->elt = std::move(first);
        parseComprehensionClauses(c->generators);
        expectClose(open, TokenKind::RBrace, "expected '}' after set comprehension");
        c->setRange(rangeFrom(open.start));
        return seal(std::move(c));
      }
      auto s = node<Set>({});
      s->elts.push_back(std::move(first));
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RBrace)) break;
        s->elts.push_back(parseStarNamedExpression());
      }
      expectClose(open, TokenKind::RBrace, "expected ',' or '}' in set");
      s->setRange(rangeFrom(open.start));
      return seal(std::move(s));
    }
    if (isa<Starred>(*first)) error(first->range(), "cannot use a starred expression in a dictionary key");
    firstKey = std::move(first);
    firstValue = parseExpression();
    if (isComprehension()) {
      auto c = node<DictComp>({});
      c->key = std::move(firstKey);
      c->value = std::move(firstValue);
      parseComprehensionClauses(c->generators);
      expectClose(open, TokenKind::RBrace, "expected '}' after dict comprehension");
      c->setRange(rangeFrom(open.start));
      return seal(std::move(c));
    }
  }
  auto d = node<Dict>({});
  d->keys.push_back(std::move(firstKey));
  d->values.push_back(std::move(firstValue));
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBrace)) break;
    if (accept(TokenKind::DoubleStar)) {
      d->keys.push_back(nullptr);
      d->values.push_back(parseBitwiseOr());
      continue;
    }
    d->keys.push_back(parseExpression());
    if (!at(TokenKind::Colon)) failHere(fmt::format("expected ':' after dict key, got {}", describe(tok_)));
    advance();
    d->values.push_back(parseExpression());
  }
  expectClose(open, TokenKind::RBrace, "expected ',' or '}' in dict");
  d->setRange(rangeFrom(open.start));
  return seal(std::move(d));
}

// for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
void Parser::parseComprehensionClauses(std::vector<Comprehension>& out) {
  while (at(TokenKind::For) || (at(TokenKind::Async) && peek().kind == TokenKind::For)) {
    uint32_t start = tok_.start;
    Comprehension c;
    c.isAsync = accept(TokenKind::Async);
    advance();
    c.target = parseTargetList();
    checkTarget(*c.target, TargetContext::Comprehension);
    if (!at(TokenKind::In)) failHere(fmt::format("expected 'in' after comprehension target, got {}", describe(tok_)));
    advance();
    c.iter = parseDisjunction();
    while (accept(TokenKind::If)) c.ifs.push_back(parseDisjunction());
    c.range = rangeFrom(start);
    out.push_back(std::move(c));
  }
}

// star_targets: star_target (',' star_target)* [',']
// star_target: ['*'] target, with targets parsed at bitwise_or level so that
// `for x in y` does not read `x in y` as a comparison.
ExprPtr Parser::parseTargetList() {
  uint32_t start = tok_.start;
  auto one = [&]() -> ExprPtr {
    if (!at(TokenKind::Star)) return parseBitwiseOr();
    uint32_t s = tok_.start;
    advance();
    auto n = node<Starred>({});
    n->value = parseBitwiseOr();
    n->setRange(rangeFrom(s));
    return seal(std::move(n));
  };
  ExprPtr first = one();
  if (!at(TokenKind::Comma)) return first;
  auto t = node<Tuple>({});
  t->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (!startsExpression(tok_.kind)) break;
    t->elts.push_back(one());
  }
  t->setRange(rangeFrom(start));
  return seal(std::move(t));
}

void Parser::checkTarget(const Expr& e, TargetContext ctx, bool topLevel) {
  switch (e.kind()) {
    case NodeKind::Name:
    case NodeKind::Attribute:
    case NodeKind::Subscript: return;
    case NodeKind::Tuple:
    case NodeKind::List: {
      const ExprList& elts = isa<Tuple>(e) ? static_cast<const Tuple&>(e).elts : static_cast<const List&>(e).elts;
      if (ctx == TargetContext::Delete && isa<Tuple>(e) && elts.empty() && !static_cast<const Tuple&>(e).parenthesized) return;
      int starred = 0;
      for (const ExprPtr& elt : elts) {
        if (auto* s = dyn_cast<Starred>(elt.get())) {
          if (ctx == TargetContext::Delete) {
            error(s->range(), "cannot delete starred");
            continue;
          }
          if (++starred == 2) error(s->range(), "multiple starred expressions in assignment");
          checkTarget(*s->value, ctx, false);
          continue;
        }
        checkTarget(*elt, ctx, false);
      }
      return;
    }
    case NodeKind::Starred:
      if (ctx == TargetContext::Delete) {
        error(e.range(), "cannot delete starred");
        return;
      }
      if (topLevel) error(e.range(), "starred assignment target must be in a list or tuple");
      return;
    default:
      error(e.range(), fmt::format("cannot {} {}", ctx == TargetContext::Delete ? "delete" : "assign to", describeExprKind(e)),
            isa<Compare>(e) || isa<Call>(e) ? std::optional<std::string>("did you mean '==' instead of '='?") : std::nullopt);
      return;
  }
}

// parameters (def): param_no_default* param_with_default* ['*' [param] (',' param)*] ['**' param]
// with an optional '/' after the positional-only ones; lambda parameters
// are the same without annotations.
void Parser::parseParameters(Parameters& ps, TokenKind closer, bool annotations) {
  uint32_t start = tok_.start;
  bool sawDefault = false, sawSlash = false, sawStar = false;
  std::set<std::string> names;
  auto param = [&](bool allowDefault, std::string_view what) {
    Param p;
    uint32_t s = tok_.start;
    if (!at(TokenKind::Identifier)) failHere(fmt::format("expected {} name, got {}", what, describe(tok_)));
    p.name = text(tok_);
    p.nameRange = range(tok_);
    advance();
    if (annotations && accept(TokenKind::Colon)) p.annotation = parseExpression();
    if (at(TokenKind::Assign)) {
      if (!allowDefault) failHere(fmt::format("{} cannot have a default value", what));
      advance();
      p.defaultValue = parseExpression();
    }
    p.range = rangeFrom(s);
    if (!names.insert(p.name).second) error(p.nameRange, fmt::format("duplicate argument '{}' in function definition", p.name));
    return p;
  };
  while (!at(closer)) {
    if (ps.kwArgs) failHere("arguments cannot follow var-keyword argument");
    if (at(TokenKind::Slash)) {
      SourceRange r = range(tok_);
      advance();
      if (sawSlash) error(r, "/ may appear only once");
      else if (sawStar) error(r, "/ must be ahead of *");
      else if (ps.params.empty()) error(r, "at least one argument must precede /");
      else ps.posOnlyCount = ps.params.size();
      sawSlash = true;
    } else if (at(TokenKind::Star)) {
      Token star = tok_;
      advance();
      if (sawStar) error(range(star), "* argument may appear only once");
      sawStar = true;
      if (at(TokenKind::Identifier)) {
        ps.varArgs = param(false, "var-positional argument");
      } else {
        ps.bareStar = true;
        if (at(closer) || (at(TokenKind::Comma) && peek().kind == closer) ||
            (at(TokenKind::Comma) && peek().kind == TokenKind::DoubleStar))
          error(range(star), "named arguments must follow bare *");
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      ps.kwArgs = param(false, "var-keyword argument");
    } else {
      Param p = param(true, "parameter");
      if (sawStar) {
        ps.kwOnly.push_back(std::move(p));
      } else {
        if (p.defaultValue) sawDefault = true;
        else if (sawDefault) error(p.range, "non-default argument follows default argument");
        ps.params.push_back(std::move(p));
      }
    }
    if (!accept(TokenKind::Comma)) break;
  }
  ps.range = rangeFrom(start);
}

/* }====================================================== */

/*
** {======================================================
** Strings and f-strings
** =======================================================
*/

// strings: (STRING | FSTRING)+   (adjacent literals are one value)
ExprPtr Parser::parseStrings() {
  uint32_t start = tok_.start;
  bool anyF = false, anyStr = false;
  std::optional<SourceRange> firstBytes;
  ExprList parts;
  while (at(TokenKind::String) || at(TokenKind::FString) || at(TokenKind::Bytes)) {
    Token t = tok_;
    advance();
    if (t.kind == TokenKind::Bytes) {
      if (!firstBytes) firstBytes = range(t);
    } else {
      anyStr = true;
    }
    if (t.kind == TokenKind::FString) {
      anyF = true;
      parseFStringBody(t.bodyStart, t.bodyEnd, t.raw, parts);
      continue;
    }
    auto lit = node<StrLit>(range(t));
    lit->value = std::move(t.value);
    parts.push_back(std::move(lit));
  }
  if (firstBytes) {
    if (anyStr) error(rangeFrom(start), "cannot mix bytes and nonbytes literals");
    else error(*firstBytes, "bytes literals are not supported in TorchScript", "use a str literal");
  }
  if (!anyF) {
    auto s = node<StrLit>(rangeFrom(start));
    for (ExprPtr& p : parts) s->value += static_cast<StrLit&>(*p).value;
    return s;
  }
  // Glue neighbouring literal pieces together, as Python does.
  auto f = node<FString>(rangeFrom(start));
  for (ExprPtr& p : parts) {
    auto* lit = dyn_cast<StrLit>(p.get());
    if (lit && lit->value.empty()) continue;
    auto* prev = f->parts.empty() ? nullptr : dyn_cast<StrLit>(f->parts.back().get());
    if (lit && prev) {
      prev->value += lit->value;
      prev->setRange(prev->range().to(lit->range()));
      continue;
    }
    f->parts.push_back(std::move(p));
  }
  return seal(std::move(f));
}

// The text between an f-string's quotes (or a format spec): literal text,
// with {{ and }} for braces, and replacement fields {expr[=][!c][:spec]}.
void Parser::parseFStringBody(uint32_t begin, uint32_t end, bool raw, ExprList& parts) {
  std::string_view src = file_->text();
  std::string buf;
  uint32_t litStart = begin, seg = begin;
  auto flushSegment = [&](uint32_t to) {
    if (to > seg) decodeStringBody(file_, seg, to, raw, false, diag_, buf);
  };
  auto flushLiteral = [&](uint32_t to) {
    if (buf.empty()) return;
    auto lit = node<StrLit>({file_, litStart, to});
    lit->value = std::move(buf);
    buf.clear();
    parts.push_back(std::move(lit));
  };
  uint32_t i = begin;
  while (i < end) {
    char c = src[i];
    if (c == '\\' && !raw && i + 1 < end) {
      // A backslash does not escape a brace (f"\{x}" has a field), but
      // \N{...} is one escape, braces included.
      if (src[i + 1] == 'N' && i + 2 < end && src[i + 2] == '{') {
        size_t close = src.substr(0, end).find('}', i);
        i = close == std::string_view::npos ? end : static_cast<uint32_t>(close + 1);
      } else {
        i += (src[i + 1] == '{' || src[i + 1] == '}') ? 1 : 2;
      }
      continue;
    }
    if (c != '{' && c != '}') {
      ++i;
      continue;
    }
    if (i + 1 < end && src[i + 1] == c) {  // {{ or }}
      flushSegment(i + 1);
      seg = i + 2;
      i += 2;
      continue;
    }
    if (c == '}') {
      error({file_, i, i + 1}, "f-string: single '}' is not allowed", "write '}}' for a literal brace");
      flushSegment(i);
      seg = ++i;
      continue;
    }
    flushSegment(i);
    flushLiteral(i);
    parseFStringField(i, end, raw, parts);
    seg = litStart = i;
  }
  flushSegment(end);
  flushLiteral(end);
}

// replacement_field: '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' format_spec] '}'
// `{x=}` becomes the text "x=" and the field, with !r unless a conversion or
// spec is given, as in Python's ast.
void Parser::parseFStringField(uint32_t& pos, uint32_t end, bool raw, ExprList& parts) {
  DepthGuard guard(*this, pos);
  std::string_view src = file_->text();
  uint32_t open = pos;
  uint32_t exprStart = pos + 1;
  auto bad = [&](uint32_t from, uint32_t to, std::string message) {
    error({file_, from, std::max(from, to)}, std::move(message));
    throw SyntaxError{};
  };
  uint32_t i = exprStart;
  int depth = 0;
  char quote = 0;
  for (; i < end; ++i) {
    char c = src[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    if (c == '\\') bad(i, i + 1, "f-string expression part cannot include a backslash");
    if (c == '#') bad(i, i + 1, "f-string expression part cannot include '#'");
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      continue;
    }
    if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c == '}' || c == ':') break;
    if (c == '!' && !(i + 1 < end && src[i + 1] == '=')) break;
    if (c == '=' && i + 1 < end && (src[i + 1] == '}' || src[i + 1] == '!' || src[i + 1] == ':') &&
        !std::strchr("=!<>", src[i - 1]))
      break;
  }
  if (i >= end) bad(open, open + 1, "f-string: expecting '}'");
  if (src.substr(exprStart, i - exprStart).find_first_not_of(" \t\r\n\f") == std::string_view::npos)
    bad(open, i + 1, "f-string: empty expression not allowed");

  auto fv = node<FormattedValue>({});
  fv->value = subParser(exprStart, i)->parseWholeExpression(true);
  if (!fv->value) throw SyntaxError{};
  bool debug = src[i] == '=';
  if (debug) {
    auto text = node<StrLit>({file_, exprStart, i + 1});
    text->value = std::string(src.substr(exprStart, i + 1 - exprStart));
    parts.push_back(std::move(text));
    ++i;
  }
  if (i < end && src[i] == '!') {
    if (i + 1 >= end || !std::strchr("rsa", src[i + 1]) || src[i + 1] == '\0')
      bad(i, i + 2, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    fv->conversion = src[i + 1];
    i += 2;
  }
  if (i < end && src[i] == ':') {
    uint32_t specStart = i + 1;
    uint32_t j = specStart;
    int nested = 0;
    for (; j < end; ++j) {
      if (src[j] == '{') ++nested;
      else if (src[j] == '}' && nested-- == 0) break;
    }
    if (j >= end) bad(open, open + 1, "f-string: expecting '}'");
    auto spec = node<FString>({file_, specStart, j});
    parseFStringBody(specStart, j, raw, spec->parts);
    fv->formatSpec = seal(std::move(spec));
    i = j;
  }
  if (i >= end || src[i] != '}') bad(i, i + 1, "f-string: expecting '}'");
  if (debug && !fv->conversion && !fv->formatSpec) fv->conversion = 'r';
  pos = i + 1;
  fv->setRange({file_, open, pos});
  parts.push_back(seal(std::move(fv)));
}

/* }====================================================== */

}  // namespace ember::frontend
