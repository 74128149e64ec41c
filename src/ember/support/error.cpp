#include "ember/support/error.h"

namespace ember {

std::string_view errorKindName(ErrorKind kind) {
  switch (kind) {
#define X(name, py) \
  case ErrorKind::name: return py;
    EMBER_ERROR_KINDS(X)
#undef X
  }
  return "Error";
}

void throwError(ErrorKind kind, std::string message) { throw Error(kind, std::move(message)); }

}  // namespace ember
