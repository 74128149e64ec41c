// `ember info FILE`: what a file holds. For a torch.save file: the tree of
// values with every tensor's dtype, shape and size.
#include <iostream>

#include "cli/commands.h"
#include "cli/model.h"
#include "ember/serialization/archive_reader.h"
#include "ember/serialization/torch_save.h"
#include "ember/value/containers.h"

namespace ember::cli {

namespace {

void describe(std::ostream& os, const IValue& v, int depth, size_t& tensors, size_t& bytes) {
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  auto children = [&](const std::vector<IValue>& elems, const char* open, const char* close) {
    os << open << '\n';
    for (const auto& e : elems) {
      os << pad << "  ";
      describe(os, e, depth + 1, tensors, bytes);
    }
    os << pad << close << '\n';
  };
  switch (v.tag()) {
    case IValue::Tag::Tensor: {
      const Tensor& t = v.toTensor();
      ++tensors;
      bytes += t.nbytes();
      os << "Tensor " << dtypeName(t.dtype()) << shapeString(t.sizes()) << '\n';
      return;
    }
    case IValue::Tag::List: children(v.toList().elements, "[", "]"); return;
    case IValue::Tag::Tuple: children(v.toTuple().elements, "(", ")"); return;
    case IValue::Tag::Dict:
      os << "{\n";
      for (const auto& [k, val] : v.toDict().entries()) {
        os << pad << "  " << k.reprStr() << ": ";
        describe(os, val, depth + 1, tensors, bytes);
      }
      os << pad << "}\n";
      return;
    default: os << v.reprStr() << '\n'; return;
  }
}

}  // namespace

int runInfo(const Options& opt) {
  if (isPythonSource(opt.model) || serialization::isScriptArchive(opt.model)) return runInfoModel(opt);
  IValue v = serialization::loadTorchFile(opt.model);
  size_t tensors = 0, bytes = 0;
  std::cout << opt.model << ": torch.save file\n";
  describe(std::cout, v, 0, tensors, bytes);
  std::cout << tensors << " tensor(s), " << bytes << " bytes of tensor data\n";
  return 0;
}

}  // namespace ember::cli
