#include "ember/ir/ir_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "ember/support/error.h"
#include "ember/support/text_scanner.h"
#include "ember/value/containers.h"

namespace ember::ir {

// The parser's way to keep the numbers written in the text (`%5` is value 5).
class GraphBuilderAccess {
 public:
  static void setUnique(Graph& g, Value* v, size_t unique) { g.setUnique(v, unique); }
  static void reserveUniques(Graph& g, size_t next) { g.nextUnique_ = std::max(g.nextUnique_, next); }
};

namespace {

bool isValueNameChar(char c) { return isIdentChar(c) || c == '.'; }
bool isDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class IRParser : TextScanner<IRParser> {
 public:
  IRParser(std::string_view text, Graph* graph) : TextScanner(text, /*comment=*/'#'), graph_(graph) {}

  // graph -> 'graph' '(' [param {',' param}] ')' ':' nodes 'return' '(' [values] ')'
  void parseGraph() {
    reserveNumberedValues();
    expectWord("graph");
    expect('(');
    parseParams(graph_->block());
    expect(')');
    expect(':');
    parseNodes(graph_->block());
    expectWord("return");
    for (Value* v : parseValueRefs()) graph_->registerOutput(v);
    expectEnd("unexpected text after the graph's return");
  }

  TypePtr parseTypeOnly() {
    TypePtr t = parseType();
    expectEnd("unexpected text after the type");
    return t;
  }

 private:
  friend class TextScanner<IRParser>;

  // ---- characters

  [[noreturn]] void fail(std::string_view what) const {
    size_t lineStart = s_.rfind('\n', pos_ == 0 ? 0 : pos_ - 1);
    lineStart = lineStart == std::string_view::npos || pos_ == 0 ? 0 : lineStart + 1;
    if (pos_ > 0 && s_[pos_ - 1] == '\n') lineStart = pos_;
    size_t lineEnd = s_.find('\n', lineStart);
    if (lineEnd == std::string_view::npos) lineEnd = s_.size();
    size_t line = static_cast<size_t>(std::count(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(lineStart), '\n')) + 1;
    size_t col = pos_ - lineStart + 1;
    EMBER_FAIL("ir parser: {} at line {}, column {}:\n{}\n{}^", what, line, col, s_.substr(lineStart, lineEnd - lineStart),
               std::string(col - 1, ' '));
  }

  // A whole identifier equal to w.
  bool atWord(std::string_view w) {
    skipSpace();
    return s_.substr(pos_, w.size()) == w && (pos_ + w.size() == s_.size() || !isIdentChar(s_[pos_ + w.size()]));
  }
  void expectWord(std::string_view w) {
    if (!atWord(w)) fail(fmt::format("expected '{}'", w));
    pos_ += w.size();
  }
  std::string parseIdent() {
    skipSpace();
    if (pos_ >= s_.size() || !isIdentStart(s_[pos_])) fail("expected a name");
    size_t start = pos_;
    while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }

  // ---- values

  // Numbers written in the text are kept; named values must get other numbers.
  void reserveNumberedValues() {
    size_t next = 0;
    for (size_t i = 0; i + 1 < s_.size(); ++i) {
      if (s_[i] != '%') continue;
      size_t j = i + 1;
      while (j < s_.size() && isValueNameChar(s_[j])) ++j;
      std::string_view name = s_.substr(i + 1, j - i - 1);
      if (isDigits(name) && name.size() < 16) next = std::max<size_t>(next, std::stoull(std::string(name)) + 1);
    }
    GraphBuilderAccess::reserveUniques(*graph_, next);
  }

  std::string parseValueName() {
    expect('%');
    size_t start = pos_;
    while (pos_ < s_.size() && isValueNameChar(s_[pos_])) ++pos_;
    if (start == pos_) fail("expected a value name after '%'");
    return std::string(s_.substr(start, pos_ - start));
  }

  void define(const std::string& name, Value* v) {
    if (!values_.emplace(name, v).second) fail(fmt::format("%{} is defined twice", name));
    if (isDigits(name)) {
      if (name.size() >= 16) fail(fmt::format("value number %{} is too large", name));
      GraphBuilderAccess::setUnique(*graph_, v, std::stoull(name));
      return;
    }
    v->setDebugName(name);
  }

  Value* lookup(const std::string& name) {
    auto it = values_.find(name);
    if (it == values_.end()) fail(fmt::format("use of undefined value %{}", name));
    return it->second;
  }

  // '(' [%v {',' %v}] ')'
  std::vector<Value*> parseValueRefs() {
    expect('(');
    std::vector<Value*> values;
    if (accept(')')) return values;
    do {
      size_t at = pos_;
      std::string name = parseValueName();
      auto it = values_.find(name);
      if (it == values_.end()) {
        pos_ = at;
        skipSpace();
        fail(fmt::format("use of undefined value %{}", name));
      }
      values.push_back(it->second);
    } while (accept(','));
    expect(')');
    return values;
  }

  // params -> [%v ':' type {',' %v ':' type}]   (the caller consumes the parens)
  void parseParams(Block* b) {
    if (peek() == ')') return;
    do {
      std::string name = parseValueName();
      expect(':');
      TypePtr t = parseType();
      Value* v = b->addInput();
      v->setType(std::move(t));
      define(name, v);
    } while (accept(','));
  }

  // ---- nodes and blocks

  // nodes -> { node }   up to 'return' or '->'
  void parseNodes(Block* b) {
    for (;;) {
      char c = peek();
      if (c == '\0') fail("unexpected end of text: expected 'return' or '->'");
      if (atWord("return") || acceptTextPeek("->")) return;
      parseNode(b);
    }
  }
  bool acceptTextPeek(std::string_view t) {
    skipSpace();
    return s_.substr(pos_, t.size()) == t;
  }

  // node -> [%v ':' type {',' ...}] '=' kind ['[' attrs ']'] '(' [values] ')' [# loc] { block }
  void parseNode(Block* b) {
    std::vector<std::pair<std::string, TypePtr>> outputs;
    if (peek() == '%') {
      do {
        std::string name = parseValueName();
        expect(':');
        outputs.emplace_back(std::move(name), parseType());
      } while (accept(','));
    }
    expect('=');
    Symbol kind = parseKind();
    std::vector<std::pair<Symbol, AttributeValue>> attributes;
    if (accept('[')) {
      if (!accept(']')) {
        do {
          Symbol name = Symbol::attr(parseIdent());
          expect('=');
          attributes.emplace_back(name, parseAttributeValue());
        } while (accept(','));
        expect(']');
      }
    }
    std::vector<Value*> inputs = parseValueRefs();
    SourceLoc loc = parseLocationComment();

    Node* n = graph_->create(kind, inputs, 0);
    n->setSourceLoc(std::move(loc));
    for (auto& [name, value] : attributes) n->setAttribute(name, std::move(value));
    for (auto& [name, type] : outputs) {
      Value* v = n->addOutput();
      v->setType(type);
      define(name, v);
    }
    if (kind == prim::Constant) fixConstant(n);
    b->appendNode(n);
    while (atWord("block") || atBlockHeader()) parseBlock(n->addBlock());
  }

  bool atBlockHeader() {
    skipSpace();
    if (s_.substr(pos_, 5) != "block") return false;
    size_t j = pos_ + 5;
    while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
    return j > pos_ + 5 && j < s_.size() && s_[j] == '(';
  }

  // block -> 'block' N '(' params ')' ':' nodes '->' '(' [values] ')'
  void parseBlock(Block* b) {
    skipSpace();
    pos_ += 5;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    expect('(');
    parseParams(b);
    expect(')');
    expect(':');
    parseNodes(b);
    if (!acceptText("->")) fail("expected '->' to end the block");
    for (Value* v : parseValueRefs()) b->registerOutput(v);
  }

  // kind -> ns '::' name   (name may contain dots)
  Symbol parseKind() {
    skipSpace();
    size_t start = pos_;
    std::string ns = parseIdent();
    if (!acceptText("::")) fail("expected '::' in the node kind");
    size_t nameStart = pos_;
    while (pos_ < s_.size() && (isIdentChar(s_[pos_]) || s_[pos_] == '.')) ++pos_;
    if (nameStart == pos_) fail("expected the node kind's name");
    return Symbol::fromQualString(s_.substr(start, pos_ - start));
  }

  // The rest of the line after the node: `# file:line:col` becomes its location.
  SourceLoc parseLocationComment() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    if (pos_ >= s_.size() || s_[pos_] != '#') return {};
    size_t start = pos_ + 1;
    size_t end = s_.find('\n', start);
    if (end == std::string_view::npos) end = s_.size();
    pos_ = end;
    std::string_view text = s_.substr(start, end - start);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    size_t c2 = text.rfind(':');
    if (c2 == std::string_view::npos || c2 == 0) return {};
    size_t c1 = text.rfind(':', c2 - 1);
    if (c1 == std::string_view::npos || c1 == 0) return {};
    std::string_view file = text.substr(0, c1);
    std::string_view line = text.substr(c1 + 1, c2 - c1 - 1);
    std::string_view col = text.substr(c2 + 1);
    if (!isDigits(line) || !isDigits(col) || line.size() > 9 || col.size() > 9) return {};
    auto& shared = files_[std::string(file)];
    if (!shared) shared = std::make_shared<const std::string>(file);
    return SourceLoc(shared, std::stoi(std::string(line)), std::stoi(std::string(col)));
  }

  // An empty list literal parses as ints; give a str[]/Tensor[] constant an
  // empty list of its own element type.
  void fixConstant(Node* n) {
    if (n->outputs().size() != 1 || !n->hasAttribute(attr::value)) return;
    if (n->attributeKind(attr::value) != AttributeKind::Ints || !n->is(attr::value).empty()) return;
    const TypePtr& t = n->output()->type();
    if (!t || t->kind() != TypeKind::List || t->contained().empty()) return;
    TypeKind e = t->contained()[0]->kind();
    if (e == TypeKind::Int || e == TypeKind::Bool) return;
    if (e == TypeKind::Float) {
      n->fs_(attr::value, {});
      return;
    }
    if (e == TypeKind::Str) {
      n->ss_(attr::value, {});
      return;
    }
    n->ival_(attr::value, IValue(makeList(t->contained()[0])));
  }

  // ---- attribute values

  AttributeValue parseAttributeValue() {
    char c = peek();
    if (c == '<') fail("tensor constants printed as <Tensor> cannot be parsed");
    if (isIdentStart(c) && !atWord("True") && !atWord("False") && !atWord("None") && !atWord("inf") &&
        !atWord("nan"))
      return parseType();
    IValue v = parseLiteral();
    switch (v.tag()) {
      case IValue::Tag::Int: return v.toInt();
      case IValue::Tag::Double: return v.toDouble();
      case IValue::Tag::String: return v.toStringRef();
      case IValue::Tag::List: {
        const auto& elements = v.toList().elements;
        bool ints = std::all_of(elements.begin(), elements.end(), [](const IValue& e) { return e.isInt(); });
        bool numbers = std::all_of(elements.begin(), elements.end(),
                                   [](const IValue& e) { return e.isInt() || e.isDouble(); });
        bool strings = std::all_of(elements.begin(), elements.end(), [](const IValue& e) { return e.isString(); });
        if (ints) return v.toIntVector();
        if (numbers) return v.toDoubleVector();
        if (strings) {
          std::vector<std::string> out;
          for (const auto& e : elements) out.push_back(e.toStringRef());
          return out;
        }
        return v;
      }
      default:
        return v;
    }
  }

  // literal -> number | string | True | False | None | '[' ... ']' | '(' ... ')' | '{' ... '}'
  IValue parseLiteral() {
    char c = peek();
    if (c == '"' || c == '\'') return IValue(parseString());
    if (acceptWord("True")) return IValue(true);
    if (acceptWord("False")) return IValue(false);
    if (acceptWord("None")) return IValue();
    if (accept('[')) {
      std::vector<IValue> elements;
      if (!accept(']')) {
        do {
          elements.push_back(parseLiteral());
        } while (accept(','));
        expect(']');
      }
      return IValue(makeList(elementTypeOf(elements), std::move(elements)));
    }
    if (accept('(')) {
      std::vector<IValue> elements;
      if (!accept(')')) {
        do {
          if (peek() == ')') break;  // (1,)
          elements.push_back(parseLiteral());
        } while (accept(','));
        expect(')');
      }
      return IValue(makeTuple(std::move(elements)));
    }
    if (accept('{')) return parseBraced();
    return parseNumber();
  }

  bool acceptWord(std::string_view w) {
    if (!atWord(w)) return false;
    pos_ += w.size();
    return true;
  }

  static TypePtr elementTypeOf(const std::vector<IValue>& elements) {
    if (elements.empty()) return types::intT();
    TypePtr t = elements[0].type();
    for (const auto& e : elements) {
      TypePtr u = unifyTypes(t, e.type());
      if (!u) return types::any();
      t = u;
    }
    return t;
  }

  // '{' number '}' is a one-element tensor; '{' k ':' v, ... '}' a dict.
  IValue parseBraced() {
    if (accept('}')) return IValue(makeDict(types::str(), types::any()));
    IValue first = parseLiteral();
    if (accept('}')) {
      if (first.isInt()) return IValue(Tensor::scalar(Scalar(first.toInt()), DType::Long));
      if (first.isDouble()) return IValue(Tensor::scalar(Scalar(first.toDouble()), DType::Float));
      fail("expected a number in a tensor constant");
    }
    std::vector<std::pair<IValue, IValue>> entries;
    expect(':');
    entries.emplace_back(first, parseLiteral());
    while (accept(',')) {
      IValue k = parseLiteral();
      expect(':');
      entries.emplace_back(k, parseLiteral());
    }
    expect('}');
    std::vector<IValue> keys, values;
    for (auto& [k, v] : entries) {
      keys.push_back(k);
      values.push_back(v);
    }
    DictPtr d = makeDict(elementTypeOf(keys), elementTypeOf(values));
    for (auto& [k, v] : entries) d->set(k, v);
    return IValue(d);
  }

  IValue parseNumber() {
    skipSpace();
    size_t start = pos_;
    bool negative = false;
    if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) {
      negative = s_[pos_] == '-';
      ++pos_;
    }
    if (acceptWordNoSpace("inf"))
      return IValue(negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
    if (acceptWordNoSpace("nan")) return IValue(negative ? -std::nan("") : std::nan(""));
    size_t digits = pos_;
    bool isFloat = false;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E') {
        isFloat = true;
        ++pos_;
        if ((c == 'e' || c == 'E') && pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) ++pos_;
      } else {
        break;
      }
    }
    if (digits == pos_) {
      pos_ = start;
      fail("expected a value");
    }
    std::string_view body = s_.substr(digits, pos_ - digits);
    if (isFloat) {
      double d = 0;
      auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), d);
      if (ec != std::errc() || p != body.data() + body.size()) {
        pos_ = start;
        fail("malformed float");
      }
      return IValue(negative ? -d : d);
    }
    uint64_t u = 0;
    auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), u);
    uint64_t limit = negative ? uint64_t(1) << 63 : (uint64_t(1) << 63) - 1;
    if (ec != std::errc() || u > limit) {
      pos_ = start;
      fail("integer out of range");
    }
    return IValue(negative ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u));
  }

  bool acceptWordNoSpace(std::string_view w) {
    if (s_.substr(pos_, w.size()) != w) return false;
    if (pos_ + w.size() < s_.size() && isIdentChar(s_[pos_ + w.size()])) return false;
    pos_ += w.size();
    return true;
  }

  // A quoted string with the escapes printQuotedString writes.
  std::string parseString() {
    char quote = s_[pos_++];
    std::string out;
    for (;;) {
      if (pos_ >= s_.size() || s_[pos_] == '\n') fail("unterminated string");
      char c = s_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) fail("unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '\\':
        case '\'':
        case '"':
        case '?': out.push_back(e); break;
        case 'x': {
          int value = 0, n = 0;
          while (n < 2 && pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
            char h = s_[pos_++];
            value = value * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
            ++n;
          }
          if (n == 0) fail("expected hex digits after \\x");
          out.push_back(static_cast<char>(value));
          break;
        }
        default: {
          if (e < '0' || e > '7') {
            --pos_;
            fail(fmt::format("unknown escape '\\{}'", e));
          }
          int value = e - '0', n = 1;
          while (n < 3 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7') {
            value = value * 8 + (s_[pos_++] - '0');
            ++n;
          }
          out.push_back(static_cast<char>(value));
        }
      }
    }
  }

  // ---- types

  // type -> base { '[' ']' | '?' }
  TypePtr parseType() {
    TypePtr t = parseBaseType();
    for (;;) {
      skipSpace();
      if (s_.substr(pos_, 1) == "[" && nextNonSpaceAfter(pos_ + 1) == ']') {
        expect('[');
        expect(']');
        t = types::list(t);
        continue;
      }
      if (accept('?')) {
        t = types::optional(t);
        continue;
      }
      return t;
    }
  }

  char nextNonSpaceAfter(size_t p) const {
    while (p < s_.size() && std::isspace(static_cast<unsigned char>(s_[p]))) ++p;
    return p < s_.size() ? s_[p] : '\0';
  }

  std::vector<TypePtr> parseTypeList(char close) {
    std::vector<TypePtr> types;
    if (accept(close)) return types;
    do {
      types.push_back(parseType());
    } while (accept(','));
    expect(close);
    return types;
  }

  // '(' or '[' -> the matching closer.
  char openBracket() {
    if (accept('(')) return ')';
    if (accept('[')) return ']';
    fail("expected '(' or '['");
  }

  TypePtr parseBaseType() {
    if (accept('(')) return types::tuple(parseTypeList(')'));
    skipSpace();
    size_t start = pos_;
    if (pos_ >= s_.size() || !isIdentStart(s_[pos_])) fail("expected a type");
    while (pos_ < s_.size() && (isIdentChar(s_[pos_]) || s_[pos_] == '.')) ++pos_;
    std::string name(s_.substr(start, pos_ - start));

    if (name == "Dict") {
      char close = openBracket();
      TypePtr key = parseType();
      expect(',');
      TypePtr value = parseType();
      expect(close);
      return types::dict(std::move(key), std::move(value));
    }
    if (name == "Union") {
      char close = openBracket();
      return types::unionOf(parseTypeList(close));
    }
    if (name == "Future" || name == "RRef") {
      char close = openBracket();
      TypePtr e = parseType();
      expect(close);
      return name == "Future" ? types::future(e) : types::rref(e);
    }
    if (name == "Optional" || name == "List") {
      expect('[');
      TypePtr e = parseType();
      expect(']');
      return name == "List" ? types::list(e) : types::optional(e);
    }
    if (name == "Tuple" && peek() == '[') {
      expect('[');
      if (acceptText("()")) {
        expect(']');
        return types::tuple({});
      }
      return types::tuple(parseTypeList(']'));
    }
    if (name == "NamedTuple" && peek() == '(') {
      expect('(');
      std::vector<std::string> fields;
      std::vector<TypePtr> elements;
      if (!accept(')')) {
        do {
          fields.push_back(parseIdent());
          expect(':');
          elements.push_back(parseType());
        } while (accept(','));
        expect(')');
      }
      return types::namedTuple("", std::move(fields), std::move(elements));
    }
    if (isShapedTensorName(name) && pos_ < s_.size() && s_[pos_] == '(') {
      skipBalancedParens();
      return types::tensor();
    }
    if (TypePtr t = leafType(name)) return t;
    if (name.find('.') != std::string::npos) return types::classType(name);
    pos_ = start;
    fail(fmt::format("unknown type '{}'", name));
  }

  // Traced graphs print tensor types with their dtype and shape.
  static bool isShapedTensorName(std::string_view n) {
    for (const char* d : {"Float", "Double", "Half", "BFloat16", "Long", "Int", "Short", "Char", "Byte", "Bool",
                          "ComplexFloat", "ComplexDouble", "Tensor"})
      if (n == d) return true;
    return false;
  }

  void skipBalancedParens() {
    int depth = 0;
    do {
      if (pos_ >= s_.size()) fail("unbalanced parentheses in a tensor type");
      if (s_[pos_] == '(') ++depth;
      if (s_[pos_] == ')') --depth;
      ++pos_;
    } while (depth > 0);
  }

  static TypePtr leafType(std::string_view n) {
    if (n == "Tensor") return types::tensor();
    if (n == "int") return types::intT();
    if (n == "float") return types::floatT();
    if (n == "bool") return types::boolT();
    if (n == "str") return types::str();
    if (n == "NoneType" || n == "None") return types::none();
    if (n == "Scalar" || n == "number") return types::number();
    if (n == "Device") return types::device();
    if (n == "Any") return types::any();
    if (n == "Generator") return types::generator();
    if (n == "Storage") return types::storage();
    if (n == "Capsule") return types::capsule();
    if (n == "complex") return types::complex();
    if (n == "Stream") return types::stream();
    if (n == "QScheme") return types::qscheme();
    if (n == "Dimname") return types::dimname();
    if (n == "AnyEnumType") return types::anyEnum();
    if (n == "AnyClassType") return types::anyClass();
    if (n == "ScalarType") return types::scalarType();
    if (n == "Layout") return types::layout();
    if (n == "MemoryFormat") return types::memoryFormat();
    if (n == "Function") {
      static const TypePtr function = std::make_shared<const Type>(TypeKind::Function);
      return function;
    }
    return nullptr;
  }

  Graph* graph_;
  std::unordered_map<std::string, Value*> values_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> files_;
};

}  // namespace

void parseIR(std::string_view text, Graph& graph) {
  EMBER_CHECK(graph.inputs().empty() && graph.nodes().empty() && graph.outputs().empty(),
              "parseIR: the graph to fill must be empty");
  IRParser(text, &graph).parseGraph();
}

GraphPtr parseIR(std::string_view text) {
  auto g = std::make_shared<Graph>();
  parseIR(text, *g);
  return g;
}

TypePtr parseIRType(std::string_view text) { return IRParser(text, nullptr).parseTypeOnly(); }

}  // namespace ember::ir
