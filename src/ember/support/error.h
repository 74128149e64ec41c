// ember's one error type. Every layer throws ember::Error; the kind says which
// Python exception it stands for, so TorchScript `except`/messages and the CLI's
// exit codes (2 for bad files, 1 for a raised model error) can be derived from it.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace ember {

// The Python exception classes PyTorch raises, plus FormatError for files
// that are not what they claim to be (corrupt zip, hostile pickle).
#define EMBER_ERROR_KINDS(X) \
  X(Runtime, "RuntimeError")  \
  X(Value, "ValueError")      \
  X(Type, "TypeError")        \
  X(Index, "IndexError")      \
  X(Key, "KeyError")          \
  X(NotImplemented, "NotImplementedError") \
  X(ZeroDivision, "ZeroDivisionError") \
  X(Assertion, "AssertionError") \
  X(Format, "FormatError")    \
  X(Io, "IOError")

enum class ErrorKind {
#define X(name, py) name,
  EMBER_ERROR_KINDS(X)
#undef X
};

// "RuntimeError", "IndexError", ...: the name Python would print.
std::string_view errorKindName(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  explicit Error(std::string message) : Error(ErrorKind::Runtime, std::move(message)) {}

  ErrorKind kind() const { return kind_; }
  std::string_view kindName() const { return errorKindName(kind_); }

 private:
  ErrorKind kind_;
};

[[noreturn]] void throwError(ErrorKind kind, std::string message);

}  // namespace ember

// EMBER_CHECK(cond, "fmt {}", args...): throws a RuntimeError with the message
// when cond is false. The message is only formatted on failure.
#define EMBER_CHECK(cond, ...)                                              \
  do {                                                                      \
    if (!(cond)) [[unlikely]]                                               \
      ::ember::throwError(::ember::ErrorKind::Runtime, ::fmt::format(__VA_ARGS__)); \
  } while (0)

#define EMBER_CHECK_KIND(kind, cond, ...)                                   \
  do {                                                                      \
    if (!(cond)) [[unlikely]]                                               \
      ::ember::throwError(::ember::ErrorKind::kind, ::fmt::format(__VA_ARGS__)); \
  } while (0)

#define EMBER_FAIL(...) ::ember::throwError(::ember::ErrorKind::Runtime, ::fmt::format(__VA_ARGS__))
#define EMBER_FAIL_KIND(kind, ...) ::ember::throwError(::ember::ErrorKind::kind, ::fmt::format(__VA_ARGS__))
