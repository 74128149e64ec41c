// prim::Constant: how values are stored in attributes, and read back.
#include "ember/ir/graph.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::ir {

Node* Graph::createConstant(const IValue& v) {
  Node* n = create(prim::Constant);
  Value* out = n->output();
  switch (v.tag()) {
    case IValue::Tag::None:
      out->setType(types::none());
      return n;
    case IValue::Tag::Bool:
      n->i_(attr::value, v.toBool() ? 1 : 0);
      out->setType(types::boolT());
      return n;
    case IValue::Tag::Int:
      n->i_(attr::value, v.toInt());
      out->setType(types::intT());
      return n;
    case IValue::Tag::Double:
      n->f_(attr::value, v.toDouble());
      out->setType(types::floatT());
      return n;
    case IValue::Tag::String:
      n->s_(attr::value, v.toStringRef());
      out->setType(types::str());
      return n;
    case IValue::Tag::Device:
      n->s_(attr::value, v.toDevice().str());
      out->setType(types::device());
      return n;
    case IValue::Tag::Tensor:
    case IValue::Tag::List:
    case IValue::Tag::Dict:
    case IValue::Tag::Tuple:
    case IValue::Tag::Enum:
    case IValue::Tag::Object:  // frozen modules' constants.pkl: one object every call shares
      n->ival_(attr::value, v);
      out->setType(v.type());
      return n;
  }
  TypePtr t = v.type();
  n->destroy();
  EMBER_FAIL("cannot make a constant of an object of type {}", t ? t->str() : "<unknown>");
}

namespace {

const Type* listElement(const TypePtr& t) {
  if (t && t->kind() == TypeKind::List && !t->contained().empty()) return t->contained()[0].get();
  return nullptr;
}

}  // namespace

std::optional<IValue> constantValue(const Node* n) {
  if (n == nullptr || n->kind() != prim::Constant || n->outputs().size() != 1) return std::nullopt;
  const TypePtr& type = n->outputs()[0]->type();
  const TypeKind kind = type ? type->kind() : TypeKind::Any;
  if (!n->hasAttribute(attr::value)) return IValue();
  switch (n->attributeKind(attr::value)) {
    case AttributeKind::Int: {
      int64_t i = n->i(attr::value);
      if (kind == TypeKind::Bool) return IValue(i != 0);
      if (kind == TypeKind::Float) return IValue(static_cast<double>(i));
      return IValue(i);
    }
    case AttributeKind::Float:
      return IValue(n->f(attr::value));
    case AttributeKind::String:
      if (kind == TypeKind::Device) return IValue(Device::parse(n->s(attr::value)));
      return IValue(n->s(attr::value));
    case AttributeKind::Ints: {
      const auto& values = n->is(attr::value);
      const Type* e = listElement(type);
      if (e != nullptr && e->kind() == TypeKind::Bool) {
        std::vector<IValue> bools;
        for (int64_t i : values) bools.emplace_back(i != 0);
        return IValue(makeList(types::boolT(), std::move(bools)));
      }
      if (e != nullptr && e->kind() == TypeKind::Float)
        return doubleList(std::vector<double>(values.begin(), values.end()));
      return intList(values);
    }
    case AttributeKind::Floats:
      return doubleList(n->fs(attr::value));
    case AttributeKind::Strings: {
      std::vector<IValue> strings;
      for (const auto& s : n->ss(attr::value)) strings.emplace_back(s);
      return IValue(makeList(types::str(), std::move(strings)));
    }
    case AttributeKind::IValue:
      return n->ival(attr::value);
    case AttributeKind::Type:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<IValue> toIValue(const Value* v) {
  if (v == nullptr) return std::nullopt;
  return constantValue(v->node());
}

}  // namespace ember::ir
