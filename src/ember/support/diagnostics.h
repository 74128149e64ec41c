// Compile-time diagnostics. Every stage reports into one DiagnosticEngine and
// keeps going, so a single compile shows every problem in the file:
//
//   model.py:12:9: error: 'x' is an Optional[Tensor] here; refine it before use
//       return x.relu()
//              ^~~~~~
//   hint: add `assert x is not None` before this line
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "ember/support/error.h"
#include "ember/support/source.h"

namespace ember {

enum class Severity { Error, Warning, Note };

std::string_view severityName(Severity s);  // "error", "warning", "note"

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceRange range;
  std::string message;
  std::optional<std::string> hint;

  // "file:line:col: error: message", the excerpt, then "hint: ..." if any.
  std::string render() const;
  void print(std::ostream& os) const;
  void dump() const;
};

class DiagnosticEngine {
 public:
  // Past this many errors the rest are counted but not kept, so garbage input
  // cannot produce megabytes of messages.
  static constexpr size_t kDefaultErrorLimit = 100;

  Diagnostic& error(SourceRange range, std::string message, std::optional<std::string> hint = {});
  Diagnostic& warning(SourceRange range, std::string message, std::optional<std::string> hint = {});
  // A note belongs to the diagnostic reported just before it.
  Diagnostic& note(SourceRange range, std::string message);
  Diagnostic& report(Diagnostic d);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool hasErrors() const { return errorCount_ > 0; }
  size_t errorCount() const { return errorCount_; }
  size_t warningCount() const { return warningCount_; }
  void setErrorLimit(size_t limit) { errorLimit_ = limit; }
  void clear();

  // Every kept diagnostic in report order, then "N errors generated." style summary
  // when errors were dropped past the limit.
  std::string render() const;
  void print(std::ostream& os) const;
  void dump() const;

  // Throws CompileError holding every diagnostic when any error was reported.
  void throwIfErrors() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  Diagnostic dropped_;  // where reports past the limit go
  size_t errorCount_ = 0;
  size_t warningCount_ = 0;
  size_t errorLimit_ = kDefaultErrorLimit;
  bool droppingNotes_ = false;
};

// Thrown when a compilation reported errors; what() is the rendered text of all
// of them (warnings and notes included), kind RuntimeError as in PyTorch.
class CompileError : public Error {
 public:
  CompileError(std::vector<Diagnostic> diagnostics, std::string rendered)
      : Error(ErrorKind::Runtime, std::move(rendered)), diagnostics_(std::move(diagnostics)) {}

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace ember
