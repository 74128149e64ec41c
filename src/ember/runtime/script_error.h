// An error raised while running TorchScript, with the TorchScript call stack
// ("Traceback of TorchScript") collected as it unwinds through the
// interpreter's frames.
#pragma once

#include <string>
#include <vector>

#include "ember/ir/source_loc.h"
#include "ember/support/error.h"

namespace ember::runtime {

struct TraceFrame {
  std::string function;
  ir::SourceLoc loc;
};

class ScriptError : public Error {
 public:
  // pythonClass: "builtins.ValueError", "__torch__.MyError", or empty for errors
  // raised by operators (their kind names the class).
  ScriptError(ErrorKind kind, std::string message, std::string pythonClass = {})
      : Error(kind, std::move(message)), pythonClass_(std::move(pythonClass)) {}

  const std::string& pythonClass() const { return pythonClass_; }
  // Innermost frame first.
  const std::vector<TraceFrame>& frames() const { return frames_; }
  void addFrame(TraceFrame f) { frames_.push_back(std::move(f)); }

  // The exception's class as Python prints it ("ValueError", "RuntimeError").
  std::string className() const;
  // "Traceback of TorchScript (most recent call last):\n  File ..., line N, in f\n    <source line>\n
  //  ~~~~ <--- HERE\n...\nValueError: msg"
  std::string render() const;

 private:
  std::string pythonClass_;
  std::vector<TraceFrame> frames_;
};

// The line `range` starts on, indented, with "~~~~ <--- HERE" under the range;
// empty for an invalid range.
std::string sourceExcerpt(const SourceRange& range);

// Maps "builtins.ValueError" (or "ValueError") to an ErrorKind; Runtime for unknown classes.
ErrorKind errorKindForPythonClass(std::string_view cls);

}  // namespace ember::runtime
