#include "ember/value/ivalue.h"

#include <cmath>
#include <iostream>
#include <sstream>

#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember {

IValue::IValue(const Scalar& s) {
  switch (s.kind()) {
    case Scalar::Kind::Bool: tag_ = Tag::Bool; v_.i = s.toBool(); return;
    case Scalar::Kind::Int: tag_ = Tag::Int; v_.i = s.toInt(); return;
    case Scalar::Kind::Double: tag_ = Tag::Double; v_.d = s.toDouble(); return;
  }
}

// RefCounted starts at zero references: the IValue holds the first one.
IValue::IValue(std::string x) : tag_(Tag::String) {
  v_.p = new StringObj(std::move(x));
  v_.p->retain();
}

IValue::IValue(Tensor t) : tag_(Tag::Tensor) {
  if (!t.defined()) {  // an undefined tensor is None, as in TorchScript
    tag_ = Tag::None;
    v_.i = 0;
    return;
  }
  new (&v_.tensor) Tensor(std::move(t));
}
IValue::IValue(ListPtr l) : tag_(Tag::List) { v_.p = l.release(); }
IValue::IValue(DictPtr d) : tag_(Tag::Dict) { v_.p = d.release(); }
IValue::IValue(TuplePtr t) : tag_(Tag::Tuple) { v_.p = t.release(); }
IValue::IValue(ObjectPtr o) : tag_(Tag::Object) { v_.p = o.release(); }
IValue::IValue(EnumPtr e) : tag_(Tag::Enum) { v_.p = e.release(); }

std::string_view IValue::tagName() const {
  switch (tag_) {
#define X(name) \
  case Tag::name: return #name;
    EMBER_IVALUE_TAGS(X)
#undef X
  }
  return "?";
}

void IValue::tagMismatch(std::string_view expected) const {
  EMBER_FAIL("expected a value of kind {} but got {}", expected, tagName());
}

bool IValue::toBool() const {
  if (!isBool()) tagMismatch("Bool");
  return v_.i != 0;
}
int64_t IValue::toInt() const {
  if (isInt() || isBool()) return v_.i;
  tagMismatch("Int");
}
double IValue::toDouble() const {
  if (isDouble()) return v_.d;
  if (isInt()) return static_cast<double>(v_.i);
  tagMismatch("Double");
}
Scalar IValue::toScalar() const {
  if (isDouble()) return Scalar(v_.d);
  if (isInt()) return Scalar(v_.i);
  if (isBool()) return Scalar(v_.i != 0);
  if (isTensor()) return toTensor().item();  // 0-dim tensors as Scalars (pitfall 13)
  tagMismatch("Scalar");
}
const std::string& IValue::toStringRef() const {
  if (!isString()) tagMismatch("String");
  return static_cast<StringObj*>(v_.p)->str;
}
const Tensor& IValue::toTensor() const {
  if (!isTensor()) tagMismatch("Tensor");
  static_assert(sizeof(Tensor) == sizeof(void*));
  return v_.tensor;
}
Device IValue::toDevice() const {
  if (!isDevice()) tagMismatch("Device");
  return v_.dev;
}
ListObj& IValue::toList() const {
  if (!isList()) tagMismatch("List");
  return *static_cast<ListObj*>(v_.p);
}
DictObj& IValue::toDict() const {
  if (!isDict()) tagMismatch("Dict");
  return *static_cast<DictObj*>(v_.p);
}
TupleObj& IValue::toTuple() const {
  if (!isTuple()) tagMismatch("Tuple");
  return *static_cast<TupleObj*>(v_.p);
}
Object& IValue::toObject() const {
  if (!isObject()) tagMismatch("Object");
  return *static_cast<Object*>(v_.p);
}
ListPtr IValue::toListPtr() const { return ListPtr(&toList()); }
DictPtr IValue::toDictPtr() const { return DictPtr(&toDict()); }
TuplePtr IValue::toTuplePtr() const { return TuplePtr(&toTuple()); }
ObjectPtr IValue::toObjectPtr() const { return ObjectPtr(&toObject()); }
EnumObj& IValue::toEnum() const {
  if (!isEnum()) tagMismatch("Enum");
  return *static_cast<EnumObj*>(v_.p);
}

std::vector<int64_t> IValue::toIntVector() const {
  std::vector<int64_t> out;
  const auto& elems = isTuple() ? toTuple().elements : toList().elements;
  out.reserve(elems.size());
  for (const auto& e : elems) out.push_back(e.toInt());
  return out;
}
std::vector<double> IValue::toDoubleVector() const {
  std::vector<double> out;
  const auto& elems = isTuple() ? toTuple().elements : toList().elements;
  out.reserve(elems.size());
  for (const auto& e : elems) out.push_back(e.toDouble());
  return out;
}
std::vector<Tensor> IValue::toTensorVector() const {
  std::vector<Tensor> out;
  const auto& elems = isTuple() ? toTuple().elements : toList().elements;
  out.reserve(elems.size());
  for (const auto& e : elems) out.push_back(e.toTensor());
  return out;
}

TypePtr IValue::type() const {
  switch (tag_) {
    case Tag::None: return types::none();
    case Tag::Bool: return types::boolT();
    case Tag::Int: return types::intT();
    case Tag::Double: return types::floatT();
    case Tag::String: return types::str();
    case Tag::Tensor: return types::tensor();
    case Tag::Device: return types::device();
    case Tag::List: return types::list(toList().elementType);
    case Tag::Dict: return types::dict(toDict().keyType, toDict().valueType);
    case Tag::Tuple: {
      const auto& t = toTuple();
      if (t.namedType) return t.namedType;
      std::vector<TypePtr> elems;
      for (const auto& e : t.elements) elems.push_back(e.type());
      return types::tuple(std::move(elems));
    }
    case Tag::Object: return toObject().type;
    case Tag::Enum: return toEnum().type;
  }
  return types::any();
}

bool IValue::isSameIdentity(const IValue& o) const {
  if (tag_ != o.tag_) return false;
  if (isHeap()) return v_.p == o.v_.p;
  if (isDouble()) return v_.d == o.v_.d;
  if (isDevice()) return v_.dev == o.v_.dev;
  return v_.i == o.v_.i;
}

bool IValue::equals(const IValue& o) const {
  if (isNumber() && o.isNumber()) {
    if (isDouble() || o.isDouble()) return toDouble() == o.toDouble();
    return v_.i == o.v_.i;
  }
  if (tag_ != o.tag_) return false;
  switch (tag_) {
    case Tag::None: return true;
    case Tag::String: return toStringRef() == o.toStringRef();
    case Tag::Device: return v_.dev == o.v_.dev;
    case Tag::Tensor:
    case Tag::Object: return v_.p == o.v_.p;
    // As c10::ivalue::EnumHolder's ==: same member name of the same enum type.
    case Tag::Enum: return toEnum().name == o.toEnum().name && toEnum().type->equals(*o.toEnum().type);
    case Tag::List:
    case Tag::Tuple: {
      const auto& a = isList() ? toList().elements : toTuple().elements;
      const auto& b = o.isList() ? o.toList().elements : o.toTuple().elements;
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!a[i].equals(b[i])) return false;
      return true;
    }
    case Tag::Dict: {
      const auto& a = toDict();
      const auto& b = o.toDict();
      if (a.size() != b.size()) return false;
      for (const auto& [k, v] : a.entries()) {
        const IValue* w = b.find(k);
        if (!w || !v.equals(*w)) return false;
      }
      return true;
    }
    case Tag::Bool:
    case Tag::Int:
    case Tag::Double: break;  // handled above
  }
  return false;
}

size_t IValue::hash() const {
  switch (tag_) {
    case Tag::None: return 0;
    case Tag::Bool:
    case Tag::Int: return std::hash<int64_t>()(v_.i);
    case Tag::Double: {
      // Equal numbers hash equally across int/float, as in Python (1 == 1.0).
      double d = v_.d;
      if (std::floor(d) == d && std::abs(d) < 9.2e18) return std::hash<int64_t>()(static_cast<int64_t>(d));
      return std::hash<double>()(d);
    }
    case Tag::String: return std::hash<std::string>()(toStringRef());
    case Tag::Device: return std::hash<int>()(static_cast<int>(v_.dev.type) * 256 + v_.dev.index);
    case Tag::Tensor:
    case Tag::Object: return std::hash<const void*>()(v_.p);
    case Tag::Tuple: {
      size_t h = 0x345678;
      for (const auto& e : toTuple().elements) h = h * 1000003 ^ e.hash();
      return h;
    }
    case Tag::List:
    case Tag::Dict: EMBER_FAIL_KIND(Type, "unhashable type: '{}'", tag_ == Tag::List ? "list" : "dict");
    case Tag::Enum: EMBER_FAIL_KIND(Type, "unhashable type: 'Enum<{}>'", toEnum().type->name());
  }
  return 0;
}

namespace {

// Python's repr(float): shortest round-trip digits, always a '.' or exponent.
void printDouble(std::ostream& os, double d) {
  if (std::isnan(d)) {
    os << "nan";
    return;
  }
  if (std::isinf(d)) {
    os << (d < 0 ? "-inf" : "inf");
    return;
  }
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  os << s;
}

void printString(std::ostream& os, const std::string& s, bool quoted) {
  if (!quoted) {
    os << s;
    return;
  }
  // Python's repr: single quotes unless the string has one and no double quote.
  char q = (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) ? '"' : '\'';
  os << q;
  for (unsigned char c : s) {
    if (c == q || c == '\\') os << '\\' << c;
    else if (c == '\n') os << "\\n";
    else if (c == '\t') os << "\\t";
    else if (c == '\r') os << "\\r";
    else if (c < 0x20 || c == 0x7f) os << fmt::format("\\x{:02x}", c);
    else os << c;
  }
  os << q;
}

void printValue(std::ostream& os, const IValue& v, bool quoted) {
  switch (v.tag()) {
    case IValue::Tag::None: os << "None"; return;
    case IValue::Tag::Bool: os << (v.toBool() ? "True" : "False"); return;
    case IValue::Tag::Int: os << v.toInt(); return;
    case IValue::Tag::Double: printDouble(os, v.toDouble()); return;
    case IValue::Tag::String: printString(os, v.toStringRef(), quoted); return;
    case IValue::Tag::Tensor: v.toTensor().print(os); return;
    case IValue::Tag::Device: os << "device(type='" << v.toDevice().str() << "')"; return;
    case IValue::Tag::List: {
      os << '[';
      const auto& e = v.toList().elements;
      for (size_t i = 0; i < e.size(); ++i) {
        if (i) os << ", ";
        printValue(os, e[i], true);
      }
      os << ']';
      return;
    }
    case IValue::Tag::Tuple: {
      const auto& t = v.toTuple();
      if (t.namedType) os << t.namedType->name();
      os << '(';
      for (size_t i = 0; i < t.elements.size(); ++i) {
        if (i) os << ", ";
        if (t.namedType && i < t.namedType->fieldNames().size()) os << t.namedType->fieldNames()[i] << '=';
        printValue(os, t.elements[i], true);
      }
      if (t.elements.size() == 1 && !t.namedType) os << ',';
      os << ')';
      return;
    }
    case IValue::Tag::Dict: {
      os << '{';
      bool first = true;
      for (const auto& [k, val] : v.toDict().entries()) {
        if (!first) os << ", ";
        first = false;
        printValue(os, k, true);
        os << ": ";
        printValue(os, val, true);
      }
      os << '}';
      return;
    }
    case IValue::Tag::Object: {
      const auto& o = v.toObject();
      os << '<' << (o.type ? o.type->name() : std::string("object")) << " object at "
         << static_cast<const void*>(&o) << '>';
      return;
    }
    case IValue::Tag::Enum: {
      const auto& e = v.toEnum();
      os << "Enum<" << static_cast<const EnumType&>(*e.type).unqualifiedName() << '.' << e.name << '>';
      return;
    }
  }
}

}  // namespace

void IValue::print(std::ostream& os) const { printValue(os, *this, false); }
void IValue::repr(std::ostream& os) const { printValue(os, *this, true); }

std::string IValue::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}
std::string IValue::reprStr() const {
  std::ostringstream os;
  repr(os);
  return os.str();
}
void IValue::dump() const { std::cerr << reprStr() << '\n'; }

std::ostream& operator<<(std::ostream& os, const IValue& v) {
  v.repr(os);
  return os;
}

// ---------------------------------------------------------------- containers

const IValue* DictObj::find(const IValue& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries_[it->second].second;
}

void DictObj::set(const IValue& key, IValue value) {
  auto it = index_.find(key);
  if (it != index_.end()) {
    entries_[it->second].second = std::move(value);
    return;
  }
  index_.emplace(key, entries_.size());
  entries_.emplace_back(key, std::move(value));
}

bool DictObj::erase(const IValue& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  entries_.erase(entries_.begin() + static_cast<ptrdiff_t>(it->second));
  index_.clear();
  for (size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].first, i);
  return true;
}

void DictObj::clear() {
  entries_.clear();
  index_.clear();
}

ListPtr makeList(TypePtr elementType, std::vector<IValue> elements) {
  return makeIntrusive<ListObj>(std::move(elementType), std::move(elements));
}
DictPtr makeDict(TypePtr keyType, TypePtr valueType) {
  return makeIntrusive<DictObj>(std::move(keyType), std::move(valueType));
}
TuplePtr makeTuple(std::vector<IValue> elements) { return makeIntrusive<TupleObj>(std::move(elements)); }

IValue intList(const std::vector<int64_t>& values) {
  std::vector<IValue> e(values.begin(), values.end());
  return makeList(types::intT(), std::move(e));
}
IValue doubleList(const std::vector<double>& values) {
  std::vector<IValue> e(values.begin(), values.end());
  return makeList(types::floatT(), std::move(e));
}
IValue tensorList(const std::vector<Tensor>& values) {
  std::vector<IValue> e(values.begin(), values.end());
  return makeList(types::tensor(), std::move(e));
}

}  // namespace ember
