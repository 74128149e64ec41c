// The heap objects behind IValue: strings, lists, dicts, tuples, objects.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ember/value/ivalue.h"

namespace ember {

struct StringObj : RefCounted {
  explicit StringObj(std::string s) : str(std::move(s)) {}
  std::string str;
};

struct ListObj : RefCounted {
  ListObj(TypePtr elementType, std::vector<IValue> elements = {})
      : elementType(std::move(elementType)), elements(std::move(elements)) {}
  TypePtr elementType;
  std::vector<IValue> elements;

  size_t size() const { return elements.size(); }
};

// Insertion-ordered, as Python dicts are. Lookup goes through a hash index;
// erasing rebuilds the index (rare in model code).
struct DictObj : RefCounted {
  DictObj(TypePtr keyType, TypePtr valueType) : keyType(std::move(keyType)), valueType(std::move(valueType)) {}
  TypePtr keyType;
  TypePtr valueType;

  size_t size() const { return entries_.size(); }
  const std::vector<std::pair<IValue, IValue>>& entries() const { return entries_; }
  const IValue* find(const IValue& key) const;
  bool contains(const IValue& key) const { return find(key) != nullptr; }
  // Inserts or overwrites (keeping the original position, as Python does).
  void set(const IValue& key, IValue value);
  bool erase(const IValue& key);
  void clear();

 private:
  std::vector<std::pair<IValue, IValue>> entries_;
  std::unordered_map<IValue, size_t, IValueHash, IValueEq> index_;
};

struct TupleObj : RefCounted {
  explicit TupleObj(std::vector<IValue> elements, TypePtr namedType = nullptr)
      : elements(std::move(elements)), namedType(std::move(namedType)) {}
  std::vector<IValue> elements;
  TypePtr namedType;  // set for NamedTuples (field names live in the type)

  size_t size() const { return elements.size(); }
};

// An instance of a TorchScript class or module: attribute slots in the order
// of the class type's attributes (owned by the runtime layer).
struct Object : RefCounted {
  Object(TypePtr classType, size_t numSlots) : type(std::move(classType)), slots(numSlots) {}
  TypePtr type;
  std::vector<IValue> slots;
};

// Builders.
ListPtr makeList(TypePtr elementType, std::vector<IValue> elements = {});
DictPtr makeDict(TypePtr keyType, TypePtr valueType);
TuplePtr makeTuple(std::vector<IValue> elements);
IValue intList(const std::vector<int64_t>& values);
IValue doubleList(const std::vector<double>& values);
IValue tensorList(const std::vector<Tensor>& values);

}  // namespace ember
