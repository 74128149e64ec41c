// PyTorch's graph.str() format (torch/csrc/jit/ir/ir.cpp), reproduced so the
// two can be compared text to text. Like LLVM's AsmWriter, the printer must be
// tolerant of every kind of broken IR: it is what people read when debugging
// a pass that broke it.
#include "ember/ir/printer.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "ember/ir/graph.h"
#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember::ir {

// ---- types

namespace {

void printContained(std::ostream& os, const Type& t, size_t i) {
  if (i < t.contained().size()) {
    printIRType(os, t.contained()[i].get());
    return;
  }
  os << "<null>";
}

void printTypeList(std::ostream& os, const Type& t) {
  for (size_t i = 0; i < t.contained().size(); ++i) {
    if (i > 0) os << ", ";
    printContained(os, t, i);
  }
}

}  // namespace

void printIRType(std::ostream& os, const Type* t) {
  if (t == nullptr) {
    os << "<null type>";
    return;
  }
  switch (t->kind()) {
    case TypeKind::List:
      printContained(os, *t, 0);
      os << "[]";
      return;
    case TypeKind::Optional:
      printContained(os, *t, 0);
      os << "?";
      return;
    case TypeKind::Dict:
      os << "Dict(";
      printContained(os, *t, 0);
      os << ", ";
      printContained(os, *t, 1);
      os << ")";
      return;
    case TypeKind::Tuple:
      if (t->isNamedTuple()) {
        os << "NamedTuple(";
        for (size_t i = 0; i < t->contained().size(); ++i) {
          if (i > 0) os << ", ";
          os << (i < t->fieldNames().size() ? t->fieldNames()[i] : "<null>") << " : ";
          printContained(os, *t, i);
        }
        os << ")";
        return;
      }
      os << "(";
      printTypeList(os, *t);
      os << ")";
      return;
    case TypeKind::Union:
      os << "Union(";
      printTypeList(os, *t);
      os << ")";
      return;
    case TypeKind::Future:
      os << "Future[";
      printContained(os, *t, 0);
      os << "]";
      return;
    case TypeKind::RRef:
      os << "RRef[";
      printContained(os, *t, 0);
      os << "]";
      return;
    case TypeKind::Class:
    case TypeKind::Interface:
    case TypeKind::Var:
      os << (t->name().empty() ? "<unnamed>" : t->name());
      return;
    case TypeKind::Enum:
      os << "Enum<" << t->name() << ">";
      return;
    case TypeKind::ScalarType:
    case TypeKind::Layout:
    case TypeKind::MemoryFormat:
      os << "int";
      return;
    case TypeKind::Any: os << "Any"; return;
    case TypeKind::Tensor: os << "Tensor"; return;
    case TypeKind::Int: os << "int"; return;
    case TypeKind::Float: os << "float"; return;
    case TypeKind::Bool: os << "bool"; return;
    case TypeKind::Str: os << "str"; return;
    case TypeKind::None: os << "NoneType"; return;
    case TypeKind::Number: os << "Scalar"; return;
    case TypeKind::Device: os << "Device"; return;
    case TypeKind::Generator: os << "Generator"; return;
    case TypeKind::Storage: os << "Storage"; return;
    case TypeKind::Function: os << "Function"; return;
    case TypeKind::Capsule: os << "Capsule"; return;
    case TypeKind::Complex: os << "complex"; return;
    case TypeKind::Stream: os << "Stream"; return;
    case TypeKind::QScheme: os << "QScheme"; return;
    case TypeKind::Dimname: os << "Dimname"; return;
    case TypeKind::AnyEnum: os << "AnyEnumType"; return;
    case TypeKind::AnyClass: os << "AnyClassType"; return;
  }
  os << "<unknown type>";
}

std::string irTypeStr(const TypePtr& t) {
  std::ostringstream os;
  printIRType(os, t.get());
  return os.str();
}

// ---- literals

void printQuotedString(std::ostream& os, std::string_view s) {
  os << '"';
  for (char c : s) {
    switch (c) {
      case '\\': os << "\\\\"; break;
      case '\'': os << "\\'"; break;
      case '"': os << "\\\""; break;
      case '\a': os << "\\a"; break;
      case '\b': os << "\\b"; break;
      case '\f': os << "\\f"; break;
      case '\n': os << "\\n"; break;
      case '\r': os << "\\r"; break;
      case '\t': os << "\\t"; break;
      case '\v': os << "\\v"; break;
      default: {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7f) {
          os << c;
          break;
        }
        char buf[5] = {'\\', static_cast<char>('0' + (u >> 6)), static_cast<char>('0' + ((u >> 3) & 7)),
                       static_cast<char>('0' + (u & 7)), '\0'};
        os << buf;
      }
    }
  }
  os << '"';
}

void printIRDouble(std::ostream& os, double d) {
  int c = std::fpclassify(d);
  if ((c == FP_NORMAL || c == FP_ZERO) && std::abs(d) < 1e10) {
    auto i = static_cast<int64_t>(d);
    if (static_cast<double>(i) == d) {
      if (i == 0 && std::signbit(d)) {
        os << "-0.";
        return;
      }
      os << i << '.';
      return;
    }
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  os << buf;
}

namespace {

void printTensorAttribute(std::ostream& os, const Tensor& t) {
  // PyTorch prints one-element tensors (boxed scalars) as {value}.
  if (!t.defined() || t.numel() != 1) {
    os << "<Tensor>";
    return;
  }
  Scalar s = t.item();
  os << '{';
  if (s.isFloating()) {
    os << s.toDouble();  // default stream precision, as PyTorch
  } else {
    os << s.toInt();
  }
  os << '}';
}

// IValue::repr in PyTorch's spelling (strings in double quotes, True/False).
void printIValueRepr(std::ostream& os, const IValue& v) {
  switch (v.tag()) {
    case IValue::Tag::None: os << "None"; return;
    case IValue::Tag::Bool: os << (v.toBool() ? "True" : "False"); return;
    case IValue::Tag::Int: os << v.toInt(); return;
    case IValue::Tag::Double: printIRDouble(os, v.toDouble()); return;
    case IValue::Tag::String: printQuotedString(os, v.toStringRef()); return;
    case IValue::Tag::Tensor: printTensorAttribute(os, v.toTensor()); return;
    case IValue::Tag::Device: printQuotedString(os, v.toDevice().str()); return;
    case IValue::Tag::List: {
      os << '[';
      const auto& elements = v.toList().elements;
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i > 0) os << ", ";
        printIValueRepr(os, elements[i]);
      }
      os << ']';
      return;
    }
    case IValue::Tag::Tuple: {
      os << '(';
      const auto& elements = v.toTuple().elements;
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i > 0) os << ", ";
        printIValueRepr(os, elements[i]);
      }
      os << (elements.size() == 1 ? ",)" : ")");
      return;
    }
    case IValue::Tag::Dict: {
      os << '{';
      bool first = true;
      for (const auto& [k, val] : v.toDict().entries()) {
        if (!first) os << ", ";
        first = false;
        printIValueRepr(os, k);
        os << ": ";
        printIValueRepr(os, val);
      }
      os << '}';
      return;
    }
    case IValue::Tag::Object: os << "<object>"; return;
    case IValue::Tag::Enum: os << v.toEnum().type->name() << '.' << v.toEnum().name; return;
  }
  os << "<unknown>";
}

template <class T, class F>
void printList(std::ostream& os, const std::vector<T>& items, F&& each) {
  os << '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) os << ", ";
    each(items[i]);
  }
  os << ']';
}

}  // namespace

void printAttributeValue(std::ostream& os, const AttributeValue& v) {
  switch (static_cast<AttributeKind>(v.index())) {
    case AttributeKind::Int: os << std::get<int64_t>(v); return;
    case AttributeKind::Float: printIRDouble(os, std::get<double>(v)); return;
    case AttributeKind::String: printQuotedString(os, std::get<std::string>(v)); return;
    case AttributeKind::Ints: printList(os, std::get<std::vector<int64_t>>(v), [&](int64_t i) { os << i; }); return;
    case AttributeKind::Floats:
      printList(os, std::get<std::vector<double>>(v), [&](double d) { printIRDouble(os, d); });
      return;
    case AttributeKind::Strings:
      printList(os, std::get<std::vector<std::string>>(v), [&](const std::string& s) { printQuotedString(os, s); });
      return;
    case AttributeKind::Type: printIRType(os, std::get<TypePtr>(v).get()); return;
    case AttributeKind::IValue: printIValueRepr(os, std::get<IValue>(v)); return;
  }
  os << "<bad attribute>";
}

// ---- values, nodes, blocks, graphs

namespace {

void indent(std::ostream& os, size_t level) {
  for (size_t i = 0; i < level; ++i) os << "  ";
}

void printValueRef(std::ostream& os, const Value* v) {
  if (v == nullptr) {
    os << "%<null>";
    return;
  }
  os << '%' << v->debugName();
}

void printValueRefs(std::ostream& os, ArrayRef<Value*> values) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) os << ", ";
    printValueRef(os, values[i]);
  }
}

void printValuesWithTypes(std::ostream& os, ArrayRef<Value*> values, std::string_view delim) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) os << delim;
    printValueRef(os, values[i]);
    os << " : ";
    printIRType(os, values[i] ? values[i]->type().get() : nullptr);
  }
}

// A node walk that stops at a null link and cannot loop forever on a cycle.
template <class F>
void forEachNodeTolerant(const Block* b, F&& f) {
  const Node* end = b->returnNode();
  size_t budget = b->owningGraph()->allNodes().size() + 1;
  for (const Node* n = b->paramNode()->next(); n != end; n = n->next()) {
    if (n == nullptr || budget-- == 0) {
      f(nullptr);
      return;
    }
    f(n);
  }
}

void printNode(std::ostream& os, const Node* n, size_t level, bool printLocations);

void printBlock(std::ostream& os, const Block* b, size_t level, size_t index, bool printLocations) {
  indent(os, level);
  if (b == nullptr) {
    os << "block" << index << "(<null block>):\n";
    return;
  }
  os << "block" << index << "(";
  printValuesWithTypes(os, b->inputs(), ", ");
  os << "):\n";
  forEachNodeTolerant(b, [&](const Node* n) { printNode(os, n, level + 1, printLocations); });
  indent(os, level + 1);
  os << "-> (";
  printValueRefs(os, b->outputs());
  os << ")\n";
}

void printNode(std::ostream& os, const Node* n, size_t level, bool printLocations) {
  indent(os, level);
  if (n == nullptr) {
    os << "<broken node list>\n";
    return;
  }
  n->printSignature(os, printLocations);
  os << '\n';
  for (size_t i = 0; i < n->blocks().size(); ++i) printBlock(os, n->blocks()[i], level + 1, i, printLocations);
}

}  // namespace

void Node::printSignature(std::ostream& os, bool printSourceLocations) const {
  printValuesWithTypes(os, outputs_, ", ");
  os << " = " << (kind_ ? kind_.toQualString() : std::string("<null kind>"));
  if (!attributes_.empty()) {
    os << '[';
    for (size_t i = 0; i < attributes_.size(); ++i) {
      if (i > 0) os << ", ";
      os << attributes_[i].name.toUnqualString() << '=';
      printAttributeValue(os, attributes_[i].value);
    }
    os << ']';
  }
  os << '(';
  printValueRefs(os, inputs_);
  os << ')';
  if (printSourceLocations && loc_.known()) os << " # " << *loc_.file << ':' << loc_.line << ':' << loc_.col;
}

void Node::print(std::ostream& os, size_t level, bool printSourceLocations) const {
  printNode(os, this, level, printSourceLocations);
}

std::string Node::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

void Node::dump() const { print(std::cerr); }

std::ostream& operator<<(std::ostream& os, const Node& n) {
  n.print(os);
  return os;
}

void Block::print(std::ostream& os, size_t level, size_t index, bool printSourceLocations) const {
  printBlock(os, this, level, index, printSourceLocations);
}

void Block::dump() const { print(std::cerr, 0); }

void Value::dump() const {
  std::ostringstream os;
  printValueRef(os, this);
  os << " : ";
  printIRType(os, type_.get());
  os << ", defined by: ";
  if (node_ == nullptr) {
    os << "<null node>";
  } else if (node_->kind() == prim::Param) {
    os << "a block parameter";
  } else {
    node_->printSignature(os);
  }
  std::cerr << os.str() << '\n';
}

void Graph::print(std::ostream& os, bool printSourceLocations) const {
  os << "graph(";
  printValuesWithTypes(os, inputs(), ",\n      ");
  os << "):\n";
  forEachNodeTolerant(block_, [&](const Node* n) { printNode(os, n, 1, printSourceLocations); });
  os << "  return (";
  printValueRefs(os, outputs());
  os << ")\n";
}

std::string Graph::str(bool printSourceLocations) const {
  std::ostringstream os;
  print(os, printSourceLocations);
  return os.str();
}

void Graph::dump() const { print(std::cerr); }

std::ostream& operator<<(std::ostream& os, const Graph& g) {
  g.print(os);
  return os;
}

}  // namespace ember::ir
