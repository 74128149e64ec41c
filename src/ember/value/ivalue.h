// IValue: the one run-time value type (16 bytes: payload + tag), as in
// TorchScript. Heap payloads (strings, tensors, containers, objects) are
// intrusively ref-counted; containers carry their static element types
// because TorchScript's List[int] and List[Tensor] are different types even
// when empty.
//
// Python semantics that matter: lists, dicts and objects are shared by
// reference (aliasing is visible), strings and tuples are immutable.
#pragma once

#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ember/support/intrusive_ptr.h"
#include "ember/tensor/device.h"
#include "ember/tensor/scalar.h"
#include "ember/tensor/tensor.h"
#include "ember/types/type.h"

namespace ember {

#define EMBER_IVALUE_TAGS(X) \
  X(None)                    \
  X(Bool)                    \
  X(Int)                     \
  X(Double)                  \
  X(String)                  \
  X(Tensor)                  \
  X(List)                    \
  X(Dict)                    \
  X(Tuple)                   \
  X(Object)                  \
  X(Enum)                    \
  X(Device)

struct StringObj;
struct ListObj;
struct DictObj;
struct TupleObj;
struct Object;
struct EnumObj;
using StringPtr = IntrusivePtr<StringObj>;
using ListPtr = IntrusivePtr<ListObj>;
using DictPtr = IntrusivePtr<DictObj>;
using TuplePtr = IntrusivePtr<TupleObj>;
using ObjectPtr = IntrusivePtr<Object>;
using EnumPtr = IntrusivePtr<EnumObj>;

class IValue {
 public:
  enum class Tag : uint8_t {
#define X(name) name,
    EMBER_IVALUE_TAGS(X)
#undef X
  };

  IValue() : tag_(Tag::None) { v_.i = 0; }
  IValue(std::nullptr_t) : IValue() {}
  IValue(bool b) : tag_(Tag::Bool) { v_.i = b; }
  IValue(int64_t i) : tag_(Tag::Int) { v_.i = i; }
  IValue(int i) : IValue(static_cast<int64_t>(i)) {}
  IValue(double d) : tag_(Tag::Double) { v_.d = d; }
  IValue(const Scalar& s);
  IValue(DType t) : IValue(static_cast<int64_t>(t)) {}
  IValue(Device d) : tag_(Tag::Device) { v_.dev = d; }
  IValue(std::string s);
  IValue(std::string_view s) : IValue(std::string(s)) {}
  IValue(const char* s) : IValue(std::string(s)) {}
  IValue(Tensor t);
  IValue(ListPtr l);
  IValue(DictPtr d);
  IValue(TuplePtr t);
  IValue(ObjectPtr o);
  IValue(EnumPtr e);

  IValue(const IValue& o) : v_(o.v_), tag_(o.tag_) {
    if (isHeap()) v_.p->retain();
  }
  IValue(IValue&& o) noexcept : v_(o.v_), tag_(o.tag_) {
    o.tag_ = Tag::None;
    o.v_.i = 0;
  }
  IValue& operator=(IValue o) noexcept {
    std::swap(v_, o.v_);
    std::swap(tag_, o.tag_);
    return *this;
  }
  ~IValue() {
    if (isHeap()) v_.p->release();
  }

  Tag tag() const { return tag_; }
  std::string_view tagName() const;

  bool isNone() const { return tag_ == Tag::None; }
  bool isBool() const { return tag_ == Tag::Bool; }
  bool isInt() const { return tag_ == Tag::Int; }
  bool isDouble() const { return tag_ == Tag::Double; }
  bool isNumber() const { return isInt() || isDouble() || isBool(); }
  bool isString() const { return tag_ == Tag::String; }
  bool isTensor() const { return tag_ == Tag::Tensor; }
  bool isList() const { return tag_ == Tag::List; }
  bool isDict() const { return tag_ == Tag::Dict; }
  bool isTuple() const { return tag_ == Tag::Tuple; }
  bool isObject() const { return tag_ == Tag::Object; }
  bool isDevice() const { return tag_ == Tag::Device; }
  bool isEnum() const { return tag_ == Tag::Enum; }

  // Checked accessors: a wrong tag is an internal error with both names.
  bool toBool() const;
  int64_t toInt() const;
  double toDouble() const;  // also accepts Int (int <: float in schemas)
  Scalar toScalar() const;  // Bool, Int or Double
  const std::string& toStringRef() const;
  const Tensor& toTensor() const;
  Device toDevice() const;
  ListObj& toList() const;
  DictObj& toDict() const;
  TupleObj& toTuple() const;
  Object& toObject() const;
  EnumObj& toEnum() const;
  ListPtr toListPtr() const;
  DictPtr toDictPtr() const;
  TuplePtr toTuplePtr() const;
  ObjectPtr toObjectPtr() const;

  // Convenience for schema types that are lists of ints / floats / tensors.
  std::vector<int64_t> toIntVector() const;
  std::vector<double> toDoubleVector() const;
  std::vector<Tensor> toTensorVector() const;

  // The dynamic type (for containers, their declared element types).
  TypePtr type() const;

  // Python's `==` (tensors compare by identity here, as in `is`; element-wise
  // comparison is an op, not value equality).
  bool equals(const IValue& o) const;
  // Python's `is`.
  bool isSameIdentity(const IValue& o) const;
  size_t hash() const;  // for dict keys: None, bool, int, float, str, Tensor (identity), tuple

  // str(x) in Python / TorchScript: "1.5", "[1, 2]", "{'a': 1}", "(1,)".
  void print(std::ostream& os) const;
  // repr(x): strings quoted.
  void repr(std::ostream& os) const;
  std::string str() const;
  std::string reprStr() const;
  void dump() const;

 private:
  bool isHeap() const { return tag_ >= Tag::String && tag_ <= Tag::Enum; }
  [[noreturn]] void tagMismatch(std::string_view expected) const;

  // `tensor` shares its bits with `p` (a Tensor is one pointer to an impl whose
  // RefCounted base sits at offset 0): ref counting goes through `p` for every
  // heap tag, and toTensor() can hand out a reference without touching counts.
  // GCC and Clang define reading a union member other than the last written.
  union Payload {
    Payload() : i(0) {}
    Payload(const Payload& o) { std::memcpy(static_cast<void*>(this), &o, sizeof(Payload)); }
    Payload& operator=(const Payload& o) {
      std::memcpy(static_cast<void*>(this), &o, sizeof(Payload));
      return *this;
    }
    ~Payload() {}
    int64_t i;
    double d;
    RefCounted* p;
    Device dev;
    Tensor tensor;
  } v_;
  Tag tag_;
};

std::ostream& operator<<(std::ostream& os, const IValue& v);

struct IValueHash {
  size_t operator()(const IValue& v) const { return v.hash(); }
};
struct IValueEq {
  bool operator()(const IValue& a, const IValue& b) const { return a.equals(b); }
};

using Stack = std::vector<IValue>;

}  // namespace ember
