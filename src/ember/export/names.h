// Naming for the serialized TorchScript that `ember convert` writes from a .py
// file: PyTorch's importer resolves nothing by bare name, so every class,
// NamedTuple and function of the file is spelled by its qualified name
// (`__torch__.<module>.<Name>`), types as PyTorch's annotation_str spells them,
// and constants as literals (tensors go to constants.pkl as CONSTANTS.cN).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ember/types/type.h"
#include "ember/value/ivalue.h"

namespace ember::exporter {

class FileNames {
 public:
  // `module` is the qualified module the file's names move to ("__torch__.foo").
  explicit FileNames(std::string module) : module_(std::move(module)) {}

  const std::string& module() const { return module_; }
  // "__torch__.Foo" (what ember's compiler names the file's classes) or "foo"
  // (a function) -> "__torch__.<module>.Foo".
  std::string qualify(const std::string& name) const;

  // The annotation for t; NamedTuples met here are remembered so that their
  // definitions can be written (namedTuples()).
  std::string annotation(const TypePtr& t);
  // A Python literal for a constant; Tensors (and anything else without a
  // literal) are added to constants() and spelled CONSTANTS.cN.
  std::string literal(const IValue& v, const TypePtr& type);

  const std::map<std::string, TypePtr>& namedTuples() const { return namedTuples_; }
  std::vector<IValue>& constants() { return constants_; }

 private:
  std::string module_;
  std::map<std::string, TypePtr> namedTuples_;  // by qualified name
  std::vector<IValue> constants_;
};

// A string as a double-quoted literal that PyTorch's lexer reads back.
std::string quoteString(const std::string& s);

}  // namespace ember::exporter
