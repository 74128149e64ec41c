#include "ember/ops/schema.h"

#include <cctype>
#include <charconv>
#include <iostream>
#include <sstream>

#include "ember/support/text_scanner.h"
#include "ember/value/containers.h"

namespace ember::ops {

namespace {

// A recursive-descent parser over one schema line. Errors name the column.
class SchemaParser : TextScanner<SchemaParser> {
 public:
  explicit SchemaParser(std::string_view text) : TextScanner(text) {}

  // schema -> qualname ['.' overload] '(' arguments ')' '->' returns
  FunctionSchema parseSchema() {
    FunctionSchema fs;
    fs.name = parseQualifiedName();
    if (accept('.')) fs.overload = parseIdent();
    expect('(');
    parseArguments(fs);
    expect(')');
    skipSpace();
    expectText("->");
    parseReturns(fs);
    expectEnd("unexpected text after the return type");
    return fs;
  }

  TypePtr parseTypeOnly() {
    Argument a;
    TypePtr t = parseType(a);
    expectEnd("unexpected text after the type");
    return t;
  }

 private:
  friend class TextScanner<SchemaParser>;

  [[noreturn]] void fail(std::string_view what) const {
    EMBER_FAIL("schema: {} at column {} in '{}'", what, pos_ + 1, s_);
  }
  std::string parseIdent() {
    skipSpace();
    size_t start = pos_;
    while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
    if (start == pos_) fail("expected a name");
    return std::string(s_.substr(start, pos_ - start));
  }
  // ns::name, where name may contain dots only inside a class path.
  std::string parseQualifiedName() {
    std::string ns = parseIdent();
    expectText("::");
    return ns + "::" + parseIdent();
  }

  // arguments -> (argument | '*' | '...') (',' ...)*
  void parseArguments(FunctionSchema& fs) {
    if (peek() == ')') return;
    bool kwargOnly = false;
    do {
      if (accept('*')) {
        kwargOnly = true;
        continue;
      }
      if (acceptText("...")) {
        fs.varArgs = true;
        continue;
      }
      Argument a = parseArgument(/*isReturn=*/false);
      a.kwargOnly = kwargOnly;
      fs.arguments.push_back(std::move(a));
    } while (accept(','));
  }

  // returns -> type | '(' [return (',' return)*] ')'
  void parseReturns(FunctionSchema& fs) {
    if (peek() == '(') {
      ++pos_;
      if (accept(')')) return;
      do {
        if (acceptText("...")) {
          fs.varRets = true;
          continue;
        }
        fs.returns.push_back(parseArgument(/*isReturn=*/true));
      } while (accept(','));
      expect(')');
      return;
    }
    if (acceptText("...")) {
      fs.varRets = true;
      return;
    }
    fs.returns.push_back(parseArgument(/*isReturn=*/true));
  }

  // argument -> type [name] ['=' default]
  Argument parseArgument(bool isReturn) {
    Argument a;
    a.type = parseType(a);
    char c = peek();
    if (isIdentChar(c)) a.name = parseIdent();
    if (!isReturn && accept('=')) a.defaultValue = parseDefault(a);
    return a;
  }

  // alias -> '(' name ['!'] ['->' '*'] ')' | '(' '*' ')'
  void parseAlias(Argument& a) {
    std::string set;
    skipSpace();
    while (pos_ < s_.size() && s_[pos_] != ')') set += s_[pos_++];
    expect(')');
    if (!set.empty() && set.find('!') != std::string::npos) a.isWrite = true;
    std::string name;
    for (char ch : set)
      if (isIdentChar(ch) || ch == '*') name += ch;
      else break;
    a.aliasSet = name;
  }

  // type -> base ['(' alias ')'] { '[' [N] ']' ['(' alias ')'] } ['?']
  TypePtr parseType(Argument& a) {
    TypePtr t = parseBaseType(a);
    for (;;) {
      skipSpace();
      if (pos_ < s_.size() && s_[pos_] == '(' && !isTupleStart()) {
        ++pos_;
        parseAlias(a);
        continue;
      }
      if (accept('[')) {
        if (std::isdigit(static_cast<unsigned char>(peek()))) a.fixedSize = parseInt();
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
  // '(' directly after a base type is an alias annotation, never a tuple.
  bool isTupleStart() const { return false; }

  int64_t parseInt() {
    skipSpace();
    size_t start = pos_;
    if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) ++pos_;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s_.data() + start + (s_[start] == '+'), s_.data() + pos_, v);
    if (ec != std::errc()) fail("expected an integer");
    return v;
  }

  TypePtr parseBaseType(Argument& a) {
    if (accept('(')) {  // tuple type
      std::vector<TypePtr> elems;
      if (!accept(')')) {
        do {
          Argument inner;
          elems.push_back(parseType(inner));
        } while (accept(','));
        expect(')');
      }
      return types::tuple(std::move(elems));
    }
    skipSpace();
    size_t start = pos_;
    while (pos_ < s_.size() && (isIdentChar(s_[pos_]) || s_[pos_] == '.')) ++pos_;
    std::string_view name = s_.substr(start, pos_ - start);
    if (name.empty()) fail("expected a type");
    if (name == "Dict") {
      expect('(');
      Argument k, v;
      TypePtr key = parseType(k);
      expect(',');
      TypePtr value = parseType(v);
      expect(')');
      return types::dict(key, value);
    }
    if (name == "Future" || name == "RRef") {
      expect('(');
      Argument inner;
      TypePtr e = parseType(inner);
      expect(')');
      return name == "Future" ? types::future(e) : types::rref(e);
    }
    if (name == "Tensor") return types::tensor();
    if (name == "int" || name == "SymInt") return types::intT();
    if (name == "float") return types::floatT();
    if (name == "bool") return types::boolT();
    if (name == "str") return types::str();
    if (name == "Scalar" || name == "number") return types::number();
    if (name == "ScalarType") return types::scalarType();
    if (name == "Layout") return types::layout();
    if (name == "MemoryFormat") return types::memoryFormat();
    if (name == "Device") return types::device();
    if (name == "Generator") return types::generator();
    if (name == "Storage") return types::storage();
    if (name == "Any") return types::any();
    if (name == "NoneType") return types::none();
    if (name == "complex") return types::complex();
    if (name == "Stream") return types::stream();
    if (name == "QScheme") return types::qscheme();
    if (name == "Dimname") return types::dimname();
    if (name == "AnyEnumType") return types::anyEnum();
    if (name == "AnyClassType") return types::anyClass();
    if (name == "Capsule") return types::capsule();
    if (name.find('.') != std::string_view::npos) return types::classType(std::string(name));
    // Lower-case single names are type variables (t, t1, tVal).
    if (std::islower(static_cast<unsigned char>(name[0]))) return types::var(std::string(name));
    fail(fmt::format("unknown type '{}'", name));
  }

  // default -> None | True | False | number | string | '[' [default (',' default)*] ']'
  IValue parseDefault(const Argument& a) {
    const Type* t = a.type.get();
    if (t->kind() == TypeKind::Optional) t = t->elementType().get();
    return parseDefaultValue(*t, a);
  }

  IValue parseDefaultValue(const Type& t, const Argument& a) {
    skipSpace();
    if (acceptText("None")) return IValue();
    if (acceptText("True")) return IValue(true);
    if (acceptText("False")) return IValue(false);
    if (accept('[')) {
      const TypePtr elem = t.kind() == TypeKind::List ? t.elementType() : types::any();
      std::vector<IValue> elems;
      if (!accept(']')) {
        do elems.push_back(parseDefaultValue(*elem, a));
        while (accept(','));
        expect(']');
      }
      return makeList(elem, std::move(elems));
    }
    if (peek() == '"' || peek() == '\'') return IValue(parseString());
    IValue num = parseNumber(t);
    // int[2] stride=1 means [1, 1].
    if (t.kind() == TypeKind::List && a.fixedSize) {
      std::vector<IValue> elems(static_cast<size_t>(*a.fixedSize), num);
      return makeList(t.elementType(), std::move(elems));
    }
    return num;
  }

  std::string parseString() {
    char q = s_[pos_++];
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != q) {
      char c = s_[pos_++];
      if (c == '\\' && pos_ < s_.size()) {
        char e = s_[pos_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          default: out += e; break;
        }
        continue;
      }
      out += c;
    }
    if (pos_ >= s_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }

  IValue parseNumber(const Type& t) {
    skipSpace();
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
                                s_[pos_] == '-' || s_[pos_] == '+'))
      ++pos_;
    std::string_view tok = s_.substr(start, pos_ - start);
    if (tok.empty()) fail("expected a default value");
    bool isFloat = tok.find_first_of(".eE") != std::string_view::npos || tok == "inf" || tok == "-inf";
    if (isFloat || t.kind() == TypeKind::Float) {
      std::string copy(tok);
      char* end = nullptr;
      double d = std::strtod(copy.c_str(), &end);
      if (end != copy.c_str() + copy.size()) fail("malformed float default");
      return IValue(d);
    }
    int64_t v = 0;
    auto [p, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    if (ec != std::errc() || p != tok.data() + tok.size()) fail("malformed integer default");
    return IValue(v);
  }
};

void printDefault(std::ostream& os, const IValue& v) {
  if (v.isString()) {
    v.repr(os);
    return;
  }
  if (v.isDouble()) {
    os << fmt::format("{}", v.toDouble());
    return;
  }
  v.repr(os);
}

void printArgument(std::ostream& os, const Argument& a, bool isReturn) {
  // Print the type with its alias annotation in the place PyTorch puts it.
  std::string type = a.type->str();
  std::string alias;
  if (!a.aliasSet.empty()) alias = "(" + a.aliasSet + (a.isWrite ? "!" : "") + ")";
  if (a.type->kind() == TypeKind::Tensor || a.type->kind() == TypeKind::Var) os << type << alias;
  else os << type << (alias.empty() ? "" : alias);
  if (!a.name.empty()) os << ' ' << a.name;
  if (!isReturn && a.defaultValue) {
    os << '=';
    printDefault(os, *a.defaultValue);
  }
}

}  // namespace

FunctionSchema parseSchema(std::string_view text) { return SchemaParser(text).parseSchema(); }
TypePtr parseSchemaType(std::string_view text) { return SchemaParser(text).parseTypeOnly(); }

std::optional<size_t> FunctionSchema::argumentIndex(std::string_view argName) const {
  for (size_t i = 0; i < arguments.size(); ++i)
    if (arguments[i].name == argName) return i;
  return std::nullopt;
}

bool FunctionSchema::isInPlace() const { return !arguments.empty() && arguments[0].isWrite && !arguments[0].kwargOnly; }

void FunctionSchema::print(std::ostream& os) const {
  os << qualifiedName() << '(';
  bool first = true;
  bool starPrinted = false;
  for (const auto& a : arguments) {
    if (!first) os << ", ";
    first = false;
    if (a.kwargOnly && !starPrinted) {
      os << "*, ";
      starPrinted = true;
    }
    printArgument(os, a, false);
  }
  if (varArgs) os << (first ? "..." : ", ...");
  os << ") -> ";
  if (returns.size() == 1 && !varRets && returns[0].name.empty()) {
    printArgument(os, returns[0], true);
    return;
  }
  os << '(';
  for (size_t i = 0; i < returns.size(); ++i) {
    if (i) os << ", ";
    printArgument(os, returns[i], true);
  }
  if (varRets) os << (returns.empty() ? "..." : ", ...");
  os << ')';
}

std::string FunctionSchema::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

std::ostream& operator<<(std::ostream& os, const FunctionSchema& s) {
  s.print(os);
  return os;
}

}  // namespace ember::ops
