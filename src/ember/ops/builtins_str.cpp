// str: conversion to text (str, format, %), indexing and slicing, and every
// string method TorchScript 1.13 has.
//
// TorchScript's strings are byte strings: len("é") is 2, methods look at one
// byte at a time with the C locale's ctype functions, and the "whitespace"
// and "line break" sets are the bytes of PyTorch's C++ literals (so the
// UTF-8 bytes of U+2028 split lines). Defaults follow the schemas: find's
// end=-1 means "to the end", unlike Python's.
#include <algorithm>
#include <bitset>
#include <cctype>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "ember/ops/builtins_util.h"

namespace ember::ops {

using namespace builtins;

namespace {

// ---------------------------------------------------------------- helpers

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool isLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool isPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
char toUpper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
char toLower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// The bytes of " \t\n\r\r\n\v\x0b\f\x0c\x1c\x1d\x1e\x85\u2028\u2029" and of
// the same set without space and tab: what split() and splitlines() treat
// as separators.
constexpr std::string_view kSplitWhitespace = " \t\n\r\v\f\x1c\x1d\x1e\x85\xe2\x80\xa8\xa9";
constexpr std::string_view kLineBreaks = "\n\r\v\f\x1c\x1d\x1e\x85\xe2\x80\xa8\xa9";

// std::string::substr's range check, as libstdc++ words it.
std::string substr(const std::string& s, int64_t pos, size_t count = std::string::npos) {
  if (static_cast<uint64_t>(pos) > s.size())
    EMBER_FAIL_KIND(Index, "basic_string::substr: __pos (which is {}) > this->size() (which is {})",
                    static_cast<uint64_t>(pos), s.size());
  return s.substr(static_cast<size_t>(pos), count);
}

// start/end as TorchScript's string methods adjust them: negative values
// count from the end, and end=-1 is the end of the string.
void adjustStartEnd(int64_t size, int64_t& start, int64_t& end) {
  if (start < 0) start = std::max<int64_t>(0, size + start);
  if (end < 0) end = std::max<int64_t>(0, size + end + 1);
}

int64_t stringFind(const std::string& str, const std::string& sub, int64_t start, int64_t end, bool reverse) {
  const int64_t size = static_cast<int64_t>(str.size());
  adjustStartEnd(size, start, end);
  const std::string s = end > start ? substr(str, start, static_cast<size_t>(end - start)) : std::string();
  if (s.size() < sub.size()) return -1;
  size_t pos = s.find(sub, 0);
  if (reverse) {
    size_t next = pos;
    do {
      pos = next;
      next = s.find(sub, pos + 1);
    } while (next != std::string::npos);
  }
  return pos == std::string::npos ? -1 : static_cast<int64_t>(pos) + start;
}

std::string mapChars(const std::string& s, char (*f)(char)) {
  std::string out(s);
  for (char& c : out) c = f(c);
  return out;
}

// "Python string is methods return false if empty".
template <class Pred>
bool allChars(const std::string& s, Pred p) {
  return !s.empty() && std::all_of(s.begin(), s.end(), p);
}

void checkFillChar(const std::string& fill) {
  EMBER_CHECK(fill.size() == 1, "TypeError: The fill character must be exactly one character long");
}

std::string repeat(const std::string& s, int64_t n) {
  std::string out;
  for (int64_t i = 0; i < n; ++i) out += s;
  return out;
}

ListPtr strList() { return makeList(types::str()); }

// c10::IValue::tagKind(), for percent-format errors.
std::string_view tagKind(const IValue& v) {
  switch (v.tag()) {
    case IValue::Tag::None: return "None";
    case IValue::Tag::Bool: return "Bool";
    case IValue::Tag::Int: return "Int";
    case IValue::Tag::Double: return "Double";
    case IValue::Tag::String: return "String";
    case IValue::Tag::Tensor: return "Tensor";
    case IValue::Tag::List: return "GenericList";
    case IValue::Tag::Dict: return "GenericDict";
    case IValue::Tag::Tuple: return "Tuple";
    case IValue::Tag::Object: return "Object";
    case IValue::Tag::Device: return "Device";
    case IValue::Tag::Enum: return "Enum";
  }
  return "Unknown";
}

// One `%x` conversion of "..." % args.
void percentFormatArg(std::ostream& os, char key, const IValue& v) {
  const bool isScalar = v.isNumber();
  auto asFloat = [&] { return static_cast<float>(v.isDouble() ? v.toDouble() : static_cast<double>(v.toInt())); };
  std::ostringstream tmp;
  switch (key) {
    case 'd':
    case 'i':
      EMBER_CHECK(isScalar, "%{} requires a number for formatting, but got {}", key, tagKind(v));
      if (v.isDouble()) os << static_cast<int>(v.toDouble());
      else os << v.toInt();
      return;
    case 'e':
    case 'E':
      EMBER_CHECK(isScalar, "%{} requires a number for formatting, but got {}", key, tagKind(v));
      tmp << std::setprecision(6) << std::scientific;
      if (key == 'E') tmp << std::uppercase;
      tmp << asFloat();
      os << tmp.str();
      return;
    case 'f':
    case 'F':
      EMBER_CHECK(isScalar, "%{} requires a number for formatting, but got {}", key, tagKind(v));
      tmp << std::setprecision(6) << std::fixed << asFloat();
      os << tmp.str();
      return;
    case 'c':
      EMBER_CHECK(v.isInt() || (v.isString() && v.toStringRef().size() == 1),
                  "%{} requires an int or char for formatting, but got {}", key, tagKind(v));
      if (v.isInt()) os << static_cast<char>(v.toInt());
      else os << v.toStringRef();
      return;
    case 's': printValue(os, v); return;
    default: EMBER_FAIL("The specifier %{} is not supported in TorchScript format strings", key);
  }
}

// ---------------------------------------------------------------- registration

void registerConversion(Registry& r) {
  r.defBoxed("aten::str(t elem) -> str", [](Stack& s) { s.back() = IValue(valueString(s.back())); });

  // "{}".format(...): each "{}" takes the next argument; other braces are
  // copied as they are. A vararg op: its arguments are the whole stack.
  r.defBoxed("aten::format(str self, ...) -> str", [](Stack& s) {
    EMBER_CHECK(!s.empty() && s[0].isString(), "Invalid number of inputs for format string: {}", s.size());
    const std::string& format = s[0].toStringRef();
    std::ostringstream os;
    size_t used = 0;
    for (size_t begin = 0;;) {
      const size_t loc = format.find("{}", begin);
      if (loc == std::string::npos) {
        os << std::string_view(format).substr(begin);
        break;
      }
      os << std::string_view(format).substr(begin, loc - begin);
      EMBER_CHECK(used + 1 < s.size(), "Too few arguments for format string: {}", format);
      printValue(os, s[++used]);
      begin = loc + 2;
    }
    s.clear();
    push(s, os.str());
  });

  // "..." % x and "..." % (x, y): %d %i %e %E %f %F %c %s and %%.
  r.defBoxed("aten::percentFormat(str self, ...) -> str", [](Stack& s) {
    EMBER_CHECK(s.size() == 2, "Invalid number of inputs for format string: {}", s.size());
    const std::string format = s[0].toStringRef();
    const IValue args = s[1];
    const size_t numArgs = args.isTuple() ? args.toTuple().size() : 1;
    std::ostringstream os;
    size_t used = 0, begin = 0;
    while (true) {
      const size_t pct = format.find('%', begin);
      if (pct == std::string::npos) {
        os << std::string_view(format).substr(begin);
        break;
      }
      EMBER_CHECK(pct < format.size() - 1, "Incomplete format specifier");
      os << std::string_view(format).substr(begin, pct - begin);
      if (format[pct + 1] == '%') {
        os << '%';
        begin = pct + 2;
        continue;
      }
      EMBER_CHECK(used < numArgs, "Too few arguments for format string");
      percentFormatArg(os, format[pct + 1], args.isTuple() ? args.toTuple().elements[used] : args);
      begin = pct + 2;
      ++used;
    }
    EMBER_CHECK(used == numArgs, "Too many arguments for format string");
    s.clear();
    push(s, os.str());
  });
}

void registerOperators(Registry& r) {
  r.defBoxed("aten::add.str(str a, str b) -> str",
             binary<const std::string&, const std::string&>([](const std::string& a, const std::string& b) { return a + b; }));
  auto cmp = [&](std::string_view name, auto f) {
    r.defBoxed(fmt::format("aten::{}.str(str a, str b) -> bool", name),
               binary<const std::string&, const std::string&>(f));
  };
  cmp("eq", [](const std::string& a, const std::string& b) { return a == b; });
  cmp("ne", [](const std::string& a, const std::string& b) { return a != b; });
  cmp("lt", [](const std::string& a, const std::string& b) { return a < b; });
  cmp("gt", [](const std::string& a, const std::string& b) { return a > b; });
  cmp("le", [](const std::string& a, const std::string& b) { return a <= b; });
  cmp("ge", [](const std::string& a, const std::string& b) { return a >= b; });

  r.defBoxed("aten::len.str(str s) -> int",
             unary<const std::string&>([](const std::string& s) { return static_cast<int64_t>(s.size()); }));
  auto index = [](Stack& s) {
    const int64_t i = pop(s).toInt();
    const std::string& str = s.back().toStringRef();
    const int64_t n = normalizeIndex(i, static_cast<int64_t>(str.size()));
    if (static_cast<uint64_t>(n) >= str.size()) throwStringAtError(static_cast<size_t>(n), str.size());
    s.back() = IValue(std::string(1, str[static_cast<size_t>(n)]));
  };
  r.defBoxed("aten::__getitem__.str(str s, int index) -> str", index);
  r.defBoxed("prim::StringIndex(str string, int index) -> str", index);
  r.defBoxed("aten::slice.str(str string, int? start=None, int? end=None, int step=1) -> str", [](Stack& s) {
    const int64_t step = pop(s).toInt();
    int64_t end = sliceBound(pop(s));
    int64_t start = sliceBound(pop(s));
    const std::string& str = s.back().toStringRef();
    const int64_t n = sliceIndicesAdjust(static_cast<int64_t>(str.size()), &start, &end, step);
    std::string out;
    out.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, j = start; i < n; ++i, j += step) out += str[static_cast<size_t>(j)];
    s.back() = IValue(std::move(out));
  });
  r.defBoxed("aten::list(str t) -> str[]", [](Stack& s) {
    ListPtr l = strList();
    for (char c : s.back().toStringRef()) l->elements.emplace_back(std::string(1, c));
    s.back() = IValue(std::move(l));
  });

  r.defBoxed("aten::ord(str string) -> int", unary<const std::string&>([](const std::string& s) {
               EMBER_CHECK(s.size() == 1, "String for ord() must be 1 character, found {}", s.size());
               return static_cast<int64_t>(static_cast<uint8_t>(s[0]));
             }));
  // One byte, as PyTorch's `char c = i` makes it (so chr(233) is not UTF-8).
  r.defBoxed("aten::chr(int i) -> str", unary<int64_t>([](int64_t i) {
               EMBER_CHECK(i >= 0 && i < 1114111, "chr() arg not in range(0x110000), found {}", i);
               return std::string(1, static_cast<char>(i));
             }));
  auto base = [](int64_t i, const char* prefix, int radix) {
    std::string out;
    if (i < 0) {
      out += '-';
      i = wrapNeg(i);
    }
    out += prefix;
    const uint64_t u = static_cast<uint64_t>(i);
    if (radix == 16) out += fmt::format("{:x}", u);
    else if (radix == 8) out += fmt::format("{:o}", u);
    else out += u == 0 ? std::string("0") : fmt::format("{:b}", u);
    return out;
  };
  r.defBoxed("aten::hex(int i) -> str", unary<int64_t>([base](int64_t i) { return base(i, "0x", 16); }));
  r.defBoxed("aten::oct(int i) -> str", unary<int64_t>([base](int64_t i) { return base(i, "0o", 8); }));
  r.defBoxed("aten::bin(int i) -> str", unary<int64_t>([base](int64_t i) { return base(i, "0b", 2); }));
}

void registerPredicates(Registry& r) {
  auto def = [&](std::string_view name, bool (*p)(const std::string&)) {
    r.defBoxed(fmt::format("aten::{}(str self) -> bool", name), unary<const std::string&>(p));
  };
  def("isdigit", [](const std::string& s) { return allChars(s, isDigit); });
  def("isspace", [](const std::string& s) { return allChars(s, isSpace); });
  def("isalnum", [](const std::string& s) { return allChars(s, isAlnum); });
  def("isalpha", [](const std::string& s) { return allChars(s, isAlpha); });
  def("isdecimal", [](const std::string& s) { return allChars(s, isDigit); });
  def("isnumeric", [](const std::string& s) { return allChars(s, isDigit); });
  // isupper/islower need a cased character and ignore the others.
  def("isupper", [](const std::string& s) {
    bool alpha = false;
    for (char c : s) {
      if (isAlpha(c) && !isUpper(c)) return false;
      alpha |= isAlpha(c);
    }
    return alpha;
  });
  def("islower", [](const std::string& s) {
    bool alpha = false;
    for (char c : s) {
      if (isAlpha(c) && !isLower(c)) return false;
      alpha |= isAlpha(c);
    }
    return alpha;
  });
  // Python 2's definition: alphanumeric, not starting with a digit ('_' fails).
  def("isidentifier", [](const std::string& s) { return !s.empty() && !isDigit(s[0]) && allChars(s, isAlnum); });
  def("istitle", [](const std::string& s) {
    bool result = false, prevAlpha = false;
    for (char c : s) {
      if (prevAlpha ? c != toLower(c) : c != toUpper(c)) return false;
      if (!prevAlpha && isAlpha(c)) result = true;
      prevAlpha = isAlpha(c);
    }
    return result;
  });
  // "" is printable.
  def("isprintable", [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return isAlnum(c) || isPunct(c) || c == ' '; });
  });
}

void registerTransforms(Registry& r) {
  using S = const std::string&;
  r.defBoxed("aten::lower(str self) -> str", unary<S>([](S s) { return mapChars(s, toLower); }));
  r.defBoxed("aten::upper(str self) -> str", unary<S>([](S s) { return mapChars(s, toUpper); }));
  r.defBoxed("aten::swapcase(str self) -> str", unary<S>([](S s) {
               return mapChars(s, [](char c) { return c == toUpper(c) ? toLower(c) : toUpper(c); });
             }));
  r.defBoxed("aten::capitalize(str self) -> str", unary<S>([](S s) {
               std::string out = mapChars(s, toLower);
               if (!out.empty()) out[0] = toUpper(s[0]);
               return out;
             }));
  r.defBoxed("aten::title(str self) -> str", unary<S>([](S s) {
               std::string out(s);
               bool prevNonAlpha = true;
               for (char& c : out) {
                 const bool alpha = isAlpha(c);
                 c = prevNonAlpha ? toUpper(c) : toLower(c);
                 prevNonAlpha = !alpha;
               }
               return out;
             }));
  r.defBoxed("aten::expandtabs(str self, int tabsize=8) -> str", binary<S, int64_t>([](S s, int64_t tabsize) {
               std::string out;
               size_t column = 0;
               for (char c : s) {
                 if (c != '\t') {
                   out += c;
                   ++column;
                   continue;
                 }
                 if (tabsize <= 0) continue;
                 do {
                   out += ' ';
                   ++column;
                 } while (column % static_cast<size_t>(tabsize));
               }
               return out;
             }));

  // Padding. center() puts the odd space on the left when width is odd.
  r.defBoxed("aten::center(str self, int width, str fillchar=\" \") -> str", [](Stack& s) {
    const std::string fill = pop(s).toStringRef();
    const int64_t width = pop(s).toInt();
    const std::string& str = s.back().toStringRef();
    checkFillChar(fill);
    const int64_t size = static_cast<int64_t>(str.size());
    if (size >= width) return;
    const int64_t full = width - size;
    int64_t left = full / 2, right = (full + 1) / 2;
    if (width % 2) std::swap(left, right);
    s.back() = IValue(repeat(fill, left) + str + repeat(fill, right));
  });
  r.defBoxed("aten::ljust(str self, int width, str fillchar=\" \") -> str", [](Stack& s) {
    const std::string fill = pop(s).toStringRef();
    const int64_t width = pop(s).toInt();
    const std::string& str = s.back().toStringRef();
    checkFillChar(fill);
    s.back() = IValue(str + repeat(fill, width - static_cast<int64_t>(str.size())));
  });
  r.defBoxed("aten::rjust(str self, int width, str fillchar=\" \") -> str", [](Stack& s) {
    const std::string fill = pop(s).toStringRef();
    const int64_t width = pop(s).toInt();
    const std::string& str = s.back().toStringRef();
    checkFillChar(fill);
    s.back() = IValue(repeat(fill, width - static_cast<int64_t>(str.size())) + str);
  });
  // Zeros go before the sign too ('-5'.zfill(4) is '00-5').
  r.defBoxed("aten::zfill(str self, int width) -> str", binary<S, int64_t>([](S s, int64_t width) {
               return repeat("0", width - static_cast<int64_t>(s.size())) + s;
             }));

  auto strip = [](bool left, bool right) {
    return [left, right](Stack& s) {
      const std::string chars = pop(s).toStringRef();
      std::string str = s.back().toStringRef();
      if (right) {
        const size_t last = str.find_last_not_of(chars);
        str = last == std::string::npos ? std::string() : str.substr(0, last + 1);
      }
      if (left) {
        const size_t first = str.find_first_not_of(chars);
        str = first == std::string::npos ? std::string() : str.substr(first);
      }
      s.back() = IValue(std::move(str));
    };
  };
  r.defBoxed("aten::strip(str self, str chars=\" \\n\\t\\f\\v\") -> str", strip(true, true));
  r.defBoxed("aten::lstrip(str self, str chars=\" \\n\\t\\f\\v\") -> str", strip(true, false));
  r.defBoxed("aten::rstrip(str self, str chars=\" \\n\\t\\f\\v\") -> str", strip(false, true));

  r.defBoxed("aten::replace(str self, str old, str new, int max=-1) -> str", [](Stack& s) {
    const int64_t max = pop(s).toInt();
    const std::string repl = pop(s).toStringRef();
    const std::string old = pop(s).toStringRef();
    std::string str = s.back().toStringRef();
    if (old.empty()) {
      // PyTorch loops forever here; Python inserts `new` around every character.
      std::string out;
      int64_t n = 0;
      for (size_t i = 0; i <= str.size(); ++i) {
        if (max < 0 || n < max) {
          out += repl;
          ++n;
        }
        if (i < str.size()) out += str[i];
      }
      s.back() = IValue(std::move(out));
      return;
    }
    int64_t count = 0;
    size_t pos = 0;
    while ((pos = str.find(old, pos)) != std::string::npos) {
      if (max >= 0 && ++count > max) break;
      str.replace(pos, old.size(), repl);
      pos += repl.size();
    }
    s.back() = IValue(std::move(str));
  });

  r.defBoxed("aten::join(str self, str[] values) -> str", [](Stack& s) {
    const IValue values = pop(s);
    const std::string& sep = s.back().toStringRef();
    std::string out;
    const auto& elems = values.toList().elements;
    for (size_t i = 0; i < elems.size(); ++i) {
      if (i) out += sep;
      out += elems[i].toStringRef();
    }
    s.back() = IValue(std::move(out));
  });
}

void registerSearch(Registry& r) {
  // count: occurrences starting before `end` (one may run past it).
  r.defBoxed("aten::count(str self, str substr, int start=0, int end=-1) -> int", [](Stack& s) {
    int64_t end = pop(s).toInt();
    int64_t start = pop(s).toInt();
    const std::string sub = pop(s).toStringRef();
    const std::string& str = s.back().toStringRef();
    const int64_t size = static_cast<int64_t>(str.size());
    if (start > size) {
      s.back() = IValue(int64_t(0));
      return;
    }
    adjustStartEnd(size, start, end);
    int64_t n = 0;
    if (sub.empty()) {
      // PyTorch never returns here; Python counts the positions in [start, end].
      n = std::max<int64_t>(0, std::min(end, size) - start + 1);
    } else {
      for (size_t pos = static_cast<size_t>(start); (pos = str.find(sub, pos)) != std::string::npos;
           pos += sub.size()) {
        if (pos >= static_cast<size_t>(end)) break;
        ++n;
      }
    }
    s.back() = IValue(n);
  });

  auto affix = [](bool suffix) {
    return [suffix](Stack& s) {
      int64_t end = pop(s).toInt();
      int64_t start = pop(s).toInt();
      const std::string sub = pop(s).toStringRef();
      const std::string& str = s.back().toStringRef();
      adjustStartEnd(static_cast<int64_t>(str.size()), start, end);
      const std::string part = substr(str, start, static_cast<size_t>(end - start));
      bool result = false;
      if (part.size() >= sub.size()) result = part.compare(suffix ? part.size() - sub.size() : 0, sub.size(), sub) == 0;
      s.back() = IValue(result);
    };
  };
  r.defBoxed("aten::endswith(str self, str substr, int start=0, int end=-1) -> bool", affix(true));
  r.defBoxed("aten::startswith(str self, str substr, int start=0, int end=-1) -> bool", affix(false));

  auto find = [](bool reverse, bool mustFind) {
    return [reverse, mustFind](Stack& s) {
      const int64_t end = pop(s).toInt();
      const int64_t start = pop(s).toInt();
      const std::string sub = pop(s).toStringRef();
      const int64_t pos = stringFind(s.back().toStringRef(), sub, start, end, reverse);
      EMBER_CHECK(!mustFind || pos >= 0, "ValueError: substring not found");
      s.back() = IValue(pos);
    };
  };
  r.defBoxed("aten::find(str self, str substr, int start=0, int end=-1) -> int", find(false, false));
  r.defBoxed("aten::rfind(str self, str substr, int start=0, int end=-1) -> int", find(true, false));
  r.defBoxed("aten::index.str(str self, str substr, int start=0, int end=-1) -> int", find(false, true));
  r.defBoxed("aten::rindex(str self, str substr, int start=0, int end=-1) -> int", find(true, true));

  r.defBoxed("aten::partition(str self, str separator) -> (str, str, str)", [](Stack& s) {
    std::string sep = pop(s).toStringRef();
    const std::string str = pop(s).toStringRef();
    size_t pos = str.find(sep, 0);
    if (pos == std::string::npos) {
      pos = str.size();
      sep.clear();
    }
    push(s, str.substr(0, pos));
    push(s, sep);
    push(s, str.substr(pos + sep.size()));
  });
  r.defBoxed("aten::rpartition(str self, str separator) -> (str, str, str)", [](Stack& s) {
    std::string sep = pop(s).toStringRef();
    const std::string str = pop(s).toStringRef();
    size_t pos = str.find(sep, 0);
    for (size_t next = pos; next != std::string::npos; next = str.find(sep, pos + 1)) pos = next;
    if (pos == std::string::npos) {
      pos = 0;
      sep.clear();
    }
    push(s, str.substr(0, pos));
    push(s, sep);
    push(s, str.substr(pos + sep.size()));
  });
}

void registerSplit(Registry& r) {
  r.defBoxed("aten::split.str(str self, str? separator=None, int max=-1) -> str[]", [](Stack& s) {
    const int64_t max = pop(s).toInt();
    const IValue sepValue = pop(s);
    const std::string str = s.back().toStringRef();
    ListPtr out = strList();
    auto& parts = out->elements;
    if (sepValue.isNone()) {
      // Runs of whitespace separate; no empty strings at either end.
      size_t prev = 0, pos = 0;
      while ((pos = str.find_first_of(kSplitWhitespace, pos)) != std::string::npos) {
        if (pos > prev) parts.emplace_back(str.substr(prev, pos - prev));
        prev = ++pos;
      }
      if (prev != str.size()) parts.emplace_back(str.substr(prev));
      s.back() = IValue(std::move(out));
      return;
    }
    const std::string& sep = sepValue.toStringRef();
    EMBER_CHECK(!sep.empty(), "ValueError: empty separator");
    size_t prev = 0, pos = 0;
    int64_t count = 0;
    while ((pos = str.find(sep, pos)) != std::string::npos) {
      if (max >= 0 && ++count > max) break;
      parts.emplace_back(str.substr(prev, pos - prev));
      pos += sep.size();
      prev = pos;
    }
    parts.emplace_back(str.substr(prev));
    s.back() = IValue(std::move(out));
  });

  // Splits from the right by searching the reversed string for the
  // reversed separator, as PyTorch does.
  r.defBoxed("aten::rsplit(str self, str separator=\" \", int max=-1) -> str[]", [](Stack& s) {
    const int64_t max = pop(s).toInt();
    std::string sep = pop(s).toStringRef();
    std::string str = s.back().toStringRef();
    std::reverse(sep.begin(), sep.end());
    std::reverse(str.begin(), str.end());
    std::vector<std::string> parts;
    size_t prev = 0, pos = 0;
    int64_t count = 0;
    while ((pos = str.find(sep, pos)) != std::string::npos) {
      if (max >= 0 && ++count > max) break;
      parts.push_back(str.substr(prev, pos - prev));
      pos += sep.size();
      prev = pos;
      if (sep.empty()) ++pos;  // PyTorch would loop forever
    }
    parts.push_back(str.substr(prev));
    ListPtr out = strList();
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      std::reverse(it->begin(), it->end());
      out->elements.emplace_back(std::move(*it));
    }
    s.back() = IValue(std::move(out));
  });

  // Every line-break byte ends a line (so "\r\n" makes an empty line), and
  // keepends adds the break as an element of its own.
  r.defBoxed("aten::splitlines(str self, bool keepends=False) -> str[]", [](Stack& s) {
    const bool keepends = pop(s).toBool();
    const std::string str = s.back().toStringRef();
    ListPtr out = strList();
    size_t prev = 0, pos = 0;
    while ((pos = str.find_first_of(kLineBreaks, pos)) != std::string::npos) {
      out->elements.emplace_back(str.substr(prev, pos - prev));
      if (keepends) out->elements.emplace_back(str.substr(pos, 1));
      prev = ++pos;
    }
    if (prev != str.size()) out->elements.emplace_back(str.substr(prev));
    s.back() = IValue(std::move(out));
  });
}

}  // namespace

void registerStrOps(Registry& r) {
  registerConversion(r);
  registerOperators(r);
  registerPredicates(r);
  registerTransforms(r);
  registerSearch(r);
  registerSplit(r);
}

}  // namespace ember::ops
