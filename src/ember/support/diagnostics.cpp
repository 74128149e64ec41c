#include "ember/support/diagnostics.h"

#include <iostream>

namespace ember {

std::string_view severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string Diagnostic::render() const {
  std::string out = range.location();
  out += ": ";
  out += severityName(severity);
  out += ": ";
  out += message;
  out += '\n';
  out += range.excerpt();
  if (hint) {
    out += "hint: ";
    out += *hint;
    out += '\n';
  }
  return out;
}

void Diagnostic::print(std::ostream& os) const { os << render(); }
void Diagnostic::dump() const { std::cerr << render(); }

Diagnostic& DiagnosticEngine::error(SourceRange range, std::string message, std::optional<std::string> hint) {
  return report({Severity::Error, std::move(range), std::move(message), std::move(hint)});
}

Diagnostic& DiagnosticEngine::warning(SourceRange range, std::string message, std::optional<std::string> hint) {
  return report({Severity::Warning, std::move(range), std::move(message), std::move(hint)});
}

Diagnostic& DiagnosticEngine::note(SourceRange range, std::string message) {
  return report({Severity::Note, std::move(range), std::move(message), std::nullopt});
}

Diagnostic& DiagnosticEngine::report(Diagnostic d) {
  if (d.severity == Severity::Note) {
    if (droppingNotes_) return dropped_ = std::move(d);
  } else {
    // Recovery can reach the same spot twice (a re-lexed token); say it once.
    for (auto it = diagnostics_.rbegin(); it != diagnostics_.rend() && it - diagnostics_.rbegin() < 8; ++it) {
      if (it->severity == d.severity && it->range == d.range && it->message == d.message) {
        droppingNotes_ = true;
        return dropped_ = std::move(d);
      }
    }
    if (d.severity == Severity::Error) ++errorCount_;
    if (d.severity == Severity::Warning) ++warningCount_;
    droppingNotes_ = d.severity == Severity::Error ? errorCount_ > errorLimit_ : false;
    if (droppingNotes_) return dropped_ = std::move(d);
  }
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

void DiagnosticEngine::clear() {
  diagnostics_.clear();
  errorCount_ = warningCount_ = 0;
  droppingNotes_ = false;
}

std::string DiagnosticEngine::render() const {
  std::string out;
  for (const Diagnostic& d : diagnostics_) out += d.render();
  if (errorCount_ > errorLimit_) {
    out += "too many errors: " + std::to_string(errorCount_ - errorLimit_) + " more not shown\n";
  }
  return out;
}

void DiagnosticEngine::print(std::ostream& os) const { os << render(); }
void DiagnosticEngine::dump() const { std::cerr << render(); }

void DiagnosticEngine::throwIfErrors() const {
  if (!hasErrors()) return;
  throw CompileError(diagnostics_, render());
}

}  // namespace ember
