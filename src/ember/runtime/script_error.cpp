#include "ember/runtime/script_error.h"

#include <algorithm>
#include <sstream>

namespace ember::runtime {

ErrorKind errorKindForPythonClass(std::string_view cls) {
  if (auto dot = cls.rfind('.'); dot != std::string_view::npos && cls.substr(0, dot) == "builtins")
    cls = cls.substr(dot + 1);
#define X(name, py) \
  if (cls == py) return ErrorKind::name;
  EMBER_ERROR_KINDS(X)
#undef X
  return ErrorKind::Runtime;
}

std::string ScriptError::className() const {
  if (pythonClass_.empty()) return std::string(kindName());
  std::string_view c = pythonClass_;
  if (c.starts_with("builtins.")) c.remove_prefix(9);
  return std::string(c);
}

// The statement's line indented under the frame, with PyTorch's marker
// ("~~~~ <--- HERE") under the expression that failed.
std::string sourceExcerpt(const SourceRange& range) {
  std::string ex = range.excerpt();
  if (ex.empty()) return ex;
  const size_t nl = ex.find('\n');
  std::string line = ex.substr(0, nl);
  std::string marker = ex.substr(nl + 1);
  while (!marker.empty() && marker.back() == '\n') marker.pop_back();
  std::replace(marker.begin(), marker.end(), '^', '~');
  return "    " + line + "\n    " + marker + " <--- HERE\n";
}

std::string ScriptError::render() const {
  std::ostringstream os;
  if (!frames_.empty()) {
    os << "Traceback of TorchScript (most recent call last):\n";
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      if (it->loc.known())
        os << "  File \"" << *it->loc.file << "\", line " << it->loc.line << ", in " << it->function << '\n'
           << sourceExcerpt(it->loc.range);
      else
        os << "  in " << it->function << '\n';
    }
  }
  os << className() << ": " << what();
  return os.str();
}

}  // namespace ember::runtime
