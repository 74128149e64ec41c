// The TorchScript type system. Types are immutable and shared
// (TypePtr = shared_ptr<const Type>); primitive types are singletons, so
// identity comparison is cheap where it matters, and `equals` compares
// structure everywhere else.
//
//   List[Optional[int]]   ->  Type{List, contained={Type{Optional, contained={Int}}}}
//   Tuple[int, str] named ->  Type{Tuple, contained={Int, Str}, name="Point", fieldNames={"x","y"}}
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace ember {

enum class TypeKind {
#define EMBER_TYPE_KIND(Kind, spelling) Kind,
#include "ember/types/type_kinds.def"
#undef EMBER_TYPE_KIND
};

class Type;
using TypePtr = std::shared_ptr<const Type>;

class Type : public std::enable_shared_from_this<Type> {
 public:
  Type(TypeKind kind, std::vector<TypePtr> contained = {}, std::string name = {},
       std::vector<std::string> fieldNames = {})
      : kind_(kind), contained_(std::move(contained)), name_(std::move(name)), fieldNames_(std::move(fieldNames)) {}
  virtual ~Type() = default;

  TypeKind kind() const { return kind_; }
  const std::vector<TypePtr>& contained() const { return contained_; }
  // Class, NamedTuple, Interface or type-variable name ("__torch__.M", "t").
  const std::string& name() const { return name_; }
  // NamedTuple field names; empty for plain tuples.
  const std::vector<std::string>& fieldNames() const { return fieldNames_; }

  // Element accessors for the container kinds.
  const TypePtr& elementType() const { return contained_.at(0); }  // List, Optional
  const TypePtr& keyType() const { return contained_.at(0); }      // Dict
  const TypePtr& valueType() const { return contained_.at(1); }    // Dict

  bool isNamedTuple() const { return kind_ == TypeKind::Tuple && !fieldNames_.empty(); }
  // Int-like kinds that TorchScript represents as int at run time.
  bool isIntLike() const {
    return kind_ == TypeKind::Int || kind_ == TypeKind::ScalarType || kind_ == TypeKind::Layout ||
           kind_ == TypeKind::MemoryFormat;
  }

  bool equals(const Type& other) const;
  // TorchScript's subtyping: T <: Optional[T], None <: Optional[T], everything <: Any,
  // int/float <: Scalar (Number), Tuple covariance, List/Dict invariance.
  bool isSubtypeOf(const Type& other) const;

  // Annotation syntax: "List[int]", "Optional[Tensor]", "Dict[str, Tensor]".
  virtual void print(std::ostream& os) const;
  std::string str() const;
  void dump() const;

 private:
  TypeKind kind_;
  std::vector<TypePtr> contained_;
  std::string name_;
  std::vector<std::string> fieldNames_;
};

std::ostream& operator<<(std::ostream& os, const Type& t);

// ---- constructors (singletons for the leaf kinds)
namespace types {
const TypePtr& any();
const TypePtr& tensor();
const TypePtr& intT();
const TypePtr& floatT();
const TypePtr& boolT();
const TypePtr& str();
const TypePtr& none();
const TypePtr& number();
const TypePtr& device();
const TypePtr& scalarType();
const TypePtr& layout();
const TypePtr& memoryFormat();
const TypePtr& generator();
const TypePtr& storage();
const TypePtr& capsule();
const TypePtr& complex();
const TypePtr& stream();
const TypePtr& qscheme();
const TypePtr& dimname();
const TypePtr& anyEnum();
const TypePtr& anyClass();
TypePtr rref(TypePtr element);
// A named class known only by name (custom classes in schemas, e.g.
// __torch__.torch.classes.quantized.Conv2dPackedParamsBase).
TypePtr classType(std::string qualifiedName);
TypePtr list(TypePtr element);
TypePtr dict(TypePtr key, TypePtr value);
TypePtr tuple(std::vector<TypePtr> elements);
TypePtr namedTuple(std::string name, std::vector<std::string> fields, std::vector<TypePtr> elements);
TypePtr optional(TypePtr element);
TypePtr unionOf(std::vector<TypePtr> members);
TypePtr var(std::string name);  // schema type variables: t, t1, ...
TypePtr future(TypePtr element);
}  // namespace types

// The smallest type both a and b are subtypes of, or nullptr (TorchScript's
// unifyTypes: used for if/else branches and list literals).
TypePtr unifyTypes(const TypePtr& a, const TypePtr& b);

}  // namespace ember
