#include "ember/serialization/unpickler.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "ember/serialization/pickle_opcodes.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::serialization {
namespace {

// ---------------------------------------------------------------- markers

// Globals (and objects between NEWOBJ and BUILD) live on the VM's stack as
// Objects of a type no real object has, so they fit in an IValue. They may sit
// in tuples (argument lists) but never in lists, dicts, objects or the result.
const TypePtr& markerType() {
  static const TypePtr type = std::make_shared<const Type>(TypeKind::Capsule, std::vector<TypePtr>{}, "pickle.global");
  return type;
}

enum class MarkerKind : uint8_t {
  Function,  // callable through REDUCE / NEWOBJ
  Type,      // only an argument (torch.Tensor)
  Class,     // a `__torch__` class: NEWOBJ / REDUCE go to the ObjectBuilder
  Pending,   // an instance between NEWOBJ and BUILD
};

struct Marker final : Object {
  Marker(MarkerKind kind, std::string name) : Object(markerType(), 0), kind(kind), name(std::move(name)) {}
  MarkerKind kind;
  std::string name;  // "module.name", printable
  PickleFunction fn;
  bool acceptsMarkers = false;  // _rebuild_from_type_v2 takes globals as arguments
  size_t pendingIndex = 0;
};

Marker* asMarker(const IValue& v) {
  if (!v.isObject()) return nullptr;
  Object& o = v.toObject();
  return o.type == markerType() ? static_cast<Marker*>(&o) : nullptr;
}

// The identity of a value that can hold others; nullptr for leaves (strings
// and tensors hold no IValues).
const void* containerKey(const IValue& v) {
  switch (v.tag()) {
    case IValue::Tag::List: return &v.toList();
    case IValue::Tag::Dict: return &v.toDict();
    case IValue::Tag::Tuple: return &v.toTuple();
    case IValue::Tag::Object: return &v.toObject();
    default: return nullptr;
  }
}

template <class F>
void forEachChild(const IValue& v, F&& f) {
  switch (v.tag()) {
    case IValue::Tag::List:
      for (const IValue& e : v.toList().elements) f(e);
      return;
    case IValue::Tag::Tuple:
      for (const IValue& e : v.toTuple().elements) f(e);
      return;
    case IValue::Tag::Dict:
      for (const auto& [k, val] : v.toDict().entries()) {
        f(k);
        f(val);
      }
      return;
    case IValue::Tag::Object:
      for (const IValue& e : v.toObject().slots) f(e);
      return;
    default: return;
  }
}

// Text from the file in a message: printable ASCII, the rest escaped, bounded.
std::string printable(std::string_view s) {
  constexpr size_t kMax = 160;
  std::string out;
  for (unsigned char c : s.substr(0, kMax)) {
    if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  if (s.size() > kMax) out += "...";
  return out;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

uint64_t saturatingAdd(uint64_t a, uint64_t b) {
  uint64_t r;
  return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<uint64_t>::max() : r;
}

// Container identity -> index of its NodeInfo: open addressing, no node
// allocation (a torch.save file has several containers per tensor).
class PtrIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  uint32_t find(const void* key) const {
    if (slots_.empty()) return kMissing;
    for (size_t i = hash(key) & mask();; i = (i + 1) & mask()) {
      if (slots_[i].key == key) return slots_[i].value;
      if (!slots_[i].key) return kMissing;
    }
  }
  // `key` must not be present yet.
  void insert(const void* key, uint32_t value) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    place(key, value);
    ++used_;
  }

 private:
  struct Slot {
    const void* key = nullptr;
    uint32_t value = 0;
  };
  static size_t hash(const void* p) {
    auto x = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<size_t>(x);
  }
  size_t mask() const { return slots_.size() - 1; }
  void place(const void* key, uint32_t value) {
    size_t i = hash(key) & mask();
    while (slots_[i].key) i = (i + 1) & mask();
    slots_[i] = Slot{key, value};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.key) place(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// Dict keys are hashed and compared recursively: a large tuple key (a DAG that
// expands to millions of nodes) would make that unbounded.
constexpr uint64_t kMaxKeySize = 4096;

}  // namespace

// ================================================================ the VM

struct Unpickler::Impl {
  // What the VM knows of each container it has seen (keyed by identity).
  // Containers are kept alive (keepAlive) so identities are not reused.
  struct NodeInfo {
    uint64_t size = 1;    // nodes in the tree this one expands to
    uint32_t height = 1;  // nesting levels (a leaf counts 0)
    bool frozen = false;  // placed in another container: no more changes
    bool hasMarker = false;
  };

  Impl(std::span<const uint8_t> b, UnpicklerOptions o) : bytes(b), opts(std::move(o)) {}

  std::span<const uint8_t> bytes;
  UnpicklerOptions opts;
  size_t pos = 0;
  size_t opStart = 0;
  uint8_t op = 0;
  bool parsed = false;

  std::vector<IValue> stack;
  std::vector<size_t> marks;  // stack heights at each MARK
  // Python writes memo indices 0, 1, 2, ...: those live in a vector; others
  // (any uint32 is legal) in a map, so an index never becomes an allocation.
  std::vector<IValue> memoDense;
  std::vector<bool> memoDefined;
  std::unordered_map<uint64_t, IValue> memoSparse;
  size_t memoCount = 0;  // len(memo), for MEMOIZE

  std::deque<NodeInfo> infos;  // stable references
  PtrIndex nodes;
  std::vector<IValue> keepAlive;

  std::unordered_map<std::string, IValue> globals;  // "module\nname" -> value or marker
  std::unordered_map<std::string, Storage> storages;
  std::unordered_map<std::string, Storage> views;  // legacy storage views by view key
  std::vector<IValue> built;  // Pending marker index -> its object (None until BUILD)
  std::vector<bool> isBuilt;
  std::unordered_set<const void*> orderedDicts;     // BUILD drops their attribute state
  std::unordered_set<const void*> typedContainers;  // element types given by the pickle
  std::unordered_map<std::string, TypePtr> typeTags;

  // ------------------------------------------------------------ errors

  std::string_view opName() const {
    std::string_view n = kPickleOps[op].name;
    return n.empty() ? std::string_view("opcode") : n;
  }

  template <class... A>
  [[noreturn]] void fail(fmt::format_string<A...> f, A&&... a) const {
    throwError(ErrorKind::Format,
               fmt::format("pickle: {} at byte {}", fmt::format(f, std::forward<A>(a)...), opStart));
  }
  template <class... A>
  [[noreturn]] void failKind(ErrorKind kind, fmt::format_string<A...> f, A&&... a) const {
    throwError(kind, fmt::format("pickle: {} at byte {}", fmt::format(f, std::forward<A>(a)...), opStart));
  }
  // An error from a callable or a callback, with the pickle's context added.
  [[noreturn]] void rethrow(std::string_view context, const Error& e) const {
    std::string_view msg = e.what();
    if (msg.starts_with("pickle: ")) throw e;
    ErrorKind kind = e.kind() == ErrorKind::NotImplemented ? ErrorKind::NotImplemented : ErrorKind::Format;
    throwError(kind, fmt::format("pickle: {}: {} at byte {}", context, msg, opStart));
  }

  // ------------------------------------------------------------ reading

  const uint8_t* take(size_t n) {
    size_t left = bytes.size() - pos;
    if (n > left) fail("truncated input: {} needs {} more bytes but {} remain", opName(), n, left);
    const uint8_t* p = bytes.data() + pos;
    pos += n;
    return p;
  }
  uint8_t u1() { return *take(1); }
  uint16_t u2() {
    const uint8_t* p = take(2);
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
  }
  uint32_t u4() {
    const uint8_t* p = take(4);
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
  }
  int32_t i4() { return static_cast<int32_t>(u4()); }
  uint64_t u8() {
    uint64_t lo = u4();
    uint64_t hi = u4();
    return lo | (hi << 32);
  }
  std::string_view text(size_t n) {
    const uint8_t* p = take(n);
    return {reinterpret_cast<const char*>(p), n};
  }
  // A length read from the file: checked against what remains before use.
  std::string_view sizedText(uint64_t n) {
    if (n > bytes.size() - pos)
      fail("truncated input: {} of {} bytes but {} remain", opName(), n, bytes.size() - pos);
    return text(static_cast<size_t>(n));
  }
  std::string_view line() {
    const uint8_t* start = bytes.data() + pos;
    size_t left = bytes.size() - pos;
    const void* nl = left ? std::memchr(start, '\n', left) : nullptr;
    if (!nl) fail("truncated input: the argument of {} has no end of line", opName());
    size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - start);
    pos += n + 1;
    return {reinterpret_cast<const char*>(start), n};
  }

  int64_t parseInt(std::string_view s) {
    s = trim(s);
    std::string_view digits = s.starts_with('+') ? s.substr(1) : s;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc::result_out_of_range) fail("integer '{}' does not fit in 64 bits", printable(s));
    if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty())
      fail("malformed integer '{}'", printable(s));
    return v;
  }

  double parseFloat(std::string_view s) {
    s = trim(s);
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) return v;  // like Python: overflow reads as inf, underflow as 0
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) fail("malformed float '{}'", printable(s));
    return v;
  }

  // LONG1 / LONG4: little-endian two's complement of any length.
  int64_t decodeLong(const uint8_t* p, size_t n) {
    if (n == 0) return 0;
    bool negative = (p[n - 1] & 0x80) != 0;
    if (n > 8) {
      uint8_t fill = negative ? 0xff : 0x00;
      for (size_t k = 8; k < n; ++k)
        if (p[k] != fill) fail("integer does not fit in 64 bits");
      if (((p[7] & 0x80) != 0) != negative) fail("integer does not fit in 64 bits");
    }
    uint64_t u = 0;
    for (size_t k = 0; k < std::min<size_t>(n, 8); ++k) u |= uint64_t(p[k]) << (8 * k);
    if (n < 8 && negative) u |= ~uint64_t(0) << (8 * n);
    return static_cast<int64_t>(u);
  }

  // STRING's argument: a quoted Python bytes literal (codecs.escape_decode).
  std::string decodeQuoted(std::string_view s) {
    s = trim(s);
    if (s.size() < 2 || s.front() != s.back() || (s.front() != '\'' && s.front() != '"'))
      fail("the argument of STRING must be quoted");
    s = s.substr(1, s.size() - 2);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c != '\\' || i + 1 == s.size()) {
        out += c;
        continue;
      }
      char e = s[++i];
      switch (e) {
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '\n': break;
        case 'x': {
          int hi = i + 1 < s.size() ? hexDigit(s[i + 1]) : -1;
          int lo = i + 2 < s.size() ? hexDigit(s[i + 2]) : -1;
          if (hi < 0 || lo < 0) fail("invalid \\x escape in STRING");
          out += static_cast<char>(hi * 16 + lo);
          i += 2;
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
              v = v * 8 + (s[++i] - '0');
            out += static_cast<char>(v & 0xff);
          } else {
            out += '\\';
            out += e;
          }
      }
    }
    return out;
  }

  // UNICODE's argument: raw-unicode-escape (Latin-1 bytes, \uXXXX, \UXXXXXXXX).
  std::string decodeRawUnicode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      size_t digits = 0;
      if (c == '\\' && i + 1 < s.size()) digits = s[i + 1] == 'u' ? 4 : s[i + 1] == 'U' ? 8 : 0;
      if (digits == 0) {
        appendUtf8(out, c);
        continue;
      }
      if (i + 1 + digits >= s.size()) fail("truncated \\u escape in UNICODE");
      uint32_t cp = 0;
      for (size_t k = 0; k < digits; ++k) {
        int d = hexDigit(s[i + 2 + k]);
        if (d < 0) fail("invalid \\u escape in UNICODE");
        cp = cp * 16 + static_cast<uint32_t>(d);
      }
      if (cp > 0x10ffff) fail("invalid code point U+{:X} in UNICODE", cp);
      appendUtf8(out, cp);
      i += 1 + digits;
    }
    return out;
  }

  // ------------------------------------------------------------ the stack

  // Values below the last MARK belong to an enclosing construct.
  size_t floor() const { return marks.empty() ? 0 : marks.back(); }
  void need(size_t n) {
    if (stack.size() - floor() < n) fail("stack underflow: {} needs {} values", opName(), n);
  }
  IValue pop() {
    need(1);
    IValue v = std::move(stack.back());
    stack.pop_back();
    return v;
  }
  size_t popMark() {
    if (marks.empty()) fail("{} without a MARK", opName());
    size_t m = marks.back();
    marks.pop_back();
    return m;
  }
  // The container a MARK-delimited opcode (APPENDS, SETITEMS) works on.
  IValue& belowMark(size_t mark) {
    if (mark == 0 || mark - 1 < floor()) fail("{} has no container below its MARK", opName());
    return stack[mark - 1];
  }

  // ------------------------------------------------------------ node bookkeeping

  NodeInfo& registerNew(const IValue& v, bool isMarker = false) {
    nodes.insert(containerKey(v), static_cast<uint32_t>(infos.size()));
    NodeInfo& info = infos.emplace_back();
    if (isMarker) {
      info.height = 0;
      info.hasMarker = true;
    }
    keepAlive.push_back(v);
    return info;
  }

  NodeInfo& infoOf(const IValue& v) {
    const void* k = containerKey(v);
    uint32_t i = nodes.find(k);
    if (i != PtrIndex::kMissing) return infos[i];
    learnForeign(v);
    return infos[nodes.find(k)];
  }

  bool hasMarkers(const IValue& v) { return containerKey(v) && infoOf(v).hasMarker; }

  // Containers made outside the VM (by a callable or the ObjectBuilder):
  // measured once, iteratively, refusing cycles.
  void learnForeign(const IValue& root) {
    struct Item {
      IValue v;
      bool expanded;
    };
    std::vector<Item> work;
    work.push_back({root, false});
    std::unordered_set<const void*> open;
    while (!work.empty()) {
      const void* k = containerKey(work.back().v);
      if (nodes.find(k) != PtrIndex::kMissing) {
        work.pop_back();
        continue;
      }
      if (!work.back().expanded) {
        work.back().expanded = true;
        open.insert(k);
        IValue v = work.back().v;
        forEachChild(v, [&](const IValue& c) {
          const void* ck = containerKey(c);
          if (!ck || nodes.find(ck) != PtrIndex::kMissing) return;
          if (open.count(ck)) fail("a value built by {} contains itself", opName());
          work.push_back({c, false});
        });
        continue;
      }
      IValue v = std::move(work.back().v);
      work.pop_back();
      open.erase(k);
      NodeInfo info;
      info.hasMarker = asMarker(v) != nullptr;
      if (info.hasMarker) info.height = 0;
      forEachChild(v, [&](const IValue& c) { link(info, k, c, true); });
      nodes.insert(k, static_cast<uint32_t>(infos.size()));
      infos.push_back(info);
      keepAlive.push_back(std::move(v));
    }
  }

  // Records that `child` now sits in the container `parent`.
  void link(NodeInfo& parent, const void* parentKey, const IValue& child, bool allowMarkers) {
    const void* ck = containerKey(child);
    if (!ck) {
      parent.size = saturatingAdd(parent.size, 1);
      checkSize(parent);
      return;
    }
    if (ck == parentKey) fail("a container cannot contain itself (recursive structures are not supported)");
    NodeInfo& ci = infoOf(child);
    if (ci.hasMarker && !allowMarkers) {
      Marker* m = asMarker(child);
      if (m && m->kind == MarkerKind::Pending) fail("the object of class '{}' is used before it is built", m->name);
      if (m) fail("the global '{}' cannot be stored in a {}", m->name, opName() == "BUILD" ? "object" : "container");
      fail("a global cannot be stored in a container");
    }
    ci.frozen = true;
    parent.height = std::max(parent.height, ci.height + 1);
    if (parent.height > opts.maxDepth) fail("values are nested more than {} levels deep", opts.maxDepth);
    parent.size = saturatingAdd(parent.size, ci.size);
    checkSize(parent);
    parent.hasMarker = parent.hasMarker || ci.hasMarker;
  }

  void checkSize(const NodeInfo& info) {
    if (info.size > opts.maxExpandedSize)
      fail("the value expands to more than {} nodes (shared sub-values counted at each use)", opts.maxExpandedSize);
  }

  NodeInfo& mutableInfo(const IValue& target) {
    NodeInfo& info = infoOf(target);
    if (info.frozen)
      fail("{} changes a container that is already part of another value (recursive structures are not supported)",
           opName());
    return info;
  }

  // ------------------------------------------------------------ containers

  void appendFrom(IValue& target, size_t from) {
    if (!target.isList()) fail("{} on a {}, not a list", opName(), target.tagName());
    ListObj& list = target.toList();
    NodeInfo& info = mutableInfo(target);
    for (size_t i = from; i < stack.size(); ++i) {
      link(info, &list, stack[i], false);
      list.elements.push_back(std::move(stack[i]));
    }
    stack.resize(from);
  }

  void setItemsFrom(IValue& target, size_t from) {
    if (!target.isDict()) fail("{} on a {}, not a dict", opName(), target.tagName());
    if ((stack.size() - from) % 2 != 0) fail("{} with a key but no value", opName());
    DictObj& dict = target.toDict();
    NodeInfo& info = mutableInfo(target);
    for (size_t i = from; i < stack.size(); i += 2) {
      checkKey(stack[i]);
      link(info, &dict, stack[i], false);
      link(info, &dict, stack[i + 1], false);
      try {
        dict.set(stack[i], std::move(stack[i + 1]));
      } catch (const Error& e) {
        rethrow("dict key", e);
      }
    }
    stack.resize(from);
  }

  void checkKey(const IValue& key) {
    switch (key.tag()) {
      case IValue::Tag::None:
      case IValue::Tag::Bool:
      case IValue::Tag::Int:
      case IValue::Tag::Double:
      case IValue::Tag::String:
      case IValue::Tag::Tensor:
      case IValue::Tag::Device: return;
      case IValue::Tag::Tuple:
        if (infoOf(key).size > kMaxKeySize) fail("a dict key expands to more than {} nodes", kMaxKeySize);
        return;
      case IValue::Tag::List:
      case IValue::Tag::Dict:
      case IValue::Tag::Object:
      case IValue::Tag::Enum: break;  // TorchScript refuses enum keys
    }
    fail("unhashable dict key of kind {}", key.tagName());
  }

  IValue newList() {
    IValue v(makeList(types::any()));
    registerNew(v);
    return v;
  }
  IValue newDict() {
    IValue v(makeDict(types::any(), types::any()));
    registerNew(v);
    return v;
  }

  void pushTuple(size_t from) {
    std::vector<IValue> elems(std::make_move_iterator(stack.begin() + static_cast<ptrdiff_t>(from)),
                              std::make_move_iterator(stack.end()));
    stack.resize(from);
    IValue t(makeTuple(std::move(elems)));
    NodeInfo& info = registerNew(t);
    for (const IValue& e : t.toTuple().elements) link(info, &t.toTuple(), e, true);
    stack.push_back(std::move(t));
  }

  // ------------------------------------------------------------ memo

  void memoPut(uint64_t index) {
    need(1);
    if (index < memoDense.size()) {
      if (!memoDefined[index]) ++memoCount;
      memoDefined[index] = true;
      memoDense[index] = stack.back();
      return;
    }
    if (index == memoDense.size()) {
      if (memoSparse.empty() || memoSparse.erase(index) == 0) ++memoCount;
      memoDense.push_back(stack.back());
      memoDefined.push_back(true);
      return;
    }
    auto [it, inserted] = memoSparse.insert_or_assign(index, stack.back());
    if (inserted) ++memoCount;
  }
  void memoGet(uint64_t index) {
    const IValue* v = nullptr;
    if (index < memoDense.size() && memoDefined[index]) {
      v = &memoDense[index];
    } else if (auto it = memoSparse.find(index); it != memoSparse.end()) {
      v = &it->second;
    }
    if (!v) fail("memo entry {} is not defined", index);
    Marker* m = asMarker(*v);
    if (m && m->kind == MarkerKind::Pending && isBuilt[m->pendingIndex]) {
      stack.push_back(built[m->pendingIndex]);
      return;
    }
    stack.push_back(*v);
  }

  // ------------------------------------------------------------ globals

  IValue resolveGlobal(std::string_view module, std::string_view name) {
    std::string key;
    key.reserve(module.size() + name.size() + 1);
    key.append(module).append(1, '\n').append(name);
    auto it = globals.find(key);
    if (it != globals.end()) return it->second;
    IValue v = makeGlobal(module, name);
    globals.emplace(std::move(key), v);
    return v;
  }

  IValue newMarker(MarkerKind kind, std::string name, PickleFunction fn = {}, bool acceptsMarkers = false) {
    auto m = makeIntrusive<Marker>(kind, std::move(name));
    m->fn = std::move(fn);
    m->acceptsMarkers = acceptsMarkers;
    IValue v(ObjectPtr(m.get()));
    registerNew(v, true);
    return v;
  }

  IValue fromPickleGlobal(PickleGlobal g, std::string qualified) {
    switch (g.kind) {
      case PickleGlobal::Kind::Value: return g.value;
      case PickleGlobal::Kind::Function:
        if (!g.function) fail("the global '{}' resolved to an empty function", qualified);
        return newMarker(MarkerKind::Function, std::move(qualified), std::move(g.function));
      case PickleGlobal::Kind::Type: return newMarker(MarkerKind::Type, std::move(qualified));
    }
    fail("the global '{}' resolved to an unknown kind", qualified);
  }

  IValue makeGlobal(std::string_view module, std::string_view name) {
    std::string qualified = printable(module) + "." + printable(name);
    if (opts.resolver) {
      std::optional<PickleGlobal> g;
      try {
        g = opts.resolver(module, name);
      } catch (const Error& e) {
        rethrow(qualified, e);
      }
      if (g) return fromPickleGlobal(std::move(*g), std::move(qualified));
    }
    if (std::optional<IValue> v = vmGlobal(module, name, qualified)) return std::move(*v);
    std::optional<PickleGlobal> g;
    try {
      g = resolveTorchGlobal(module, name);
    } catch (const Error& e) {
      failKind(e.kind(), "{} ('{}')", e.what(), qualified);
    }
    if (g) return fromPickleGlobal(std::move(*g), std::move(qualified));
    fail("unsupported global '{}'{}", qualified, globalHint(module));
  }

  // What usually went wrong when a torch.save file names such a global.
  static std::string_view globalHint(std::string_view module) {
    if (module.starts_with("torch.nn.modules") || module == "__main__")
      return " (a pickled Python object, e.g. torch.save(model): save its state_dict() or a TorchScript archive)";
    if (module.starts_with("numpy")) return " (numpy values: save tensors instead)";
    return "";
  }

  // The globals that need the VM's state.
  std::optional<IValue> vmGlobal(std::string_view module, std::string_view name, const std::string& qualified) {
    if (module == "__torch__" || module.starts_with("__torch__.")) return newMarker(MarkerKind::Class, qualified);
    if (module == "collections" && name == "OrderedDict")
      return newMarker(MarkerKind::Function, qualified, [this](std::span<const IValue> a) { return orderedDict(a); });
    if (module == "torch._tensor" && name == "_rebuild_from_type_v2")
      return newMarker(
          MarkerKind::Function, qualified, [this](std::span<const IValue> a) { return rebuildFromType(a); }, true);
    if (module != "torch.jit._pickle") return std::nullopt;
    if (name == "build_intlist") return typedListBuilder(qualified, types::intT(), IValue::Tag::Int);
    if (name == "build_doublelist") return typedListBuilder(qualified, types::floatT(), IValue::Tag::Double);
    if (name == "build_boollist") return typedListBuilder(qualified, types::boolT(), IValue::Tag::Bool);
    if (name == "build_tensorlist") return typedListBuilder(qualified, types::tensor(), IValue::Tag::Tensor);
    if (name == "build_tensor_from_id")
      return newMarker(MarkerKind::Function, qualified, [this](std::span<const IValue> a) { return tensorFromId(a); });
    if (name == "restore_type_tag")
      return newMarker(MarkerKind::Function, qualified, [this](std::span<const IValue> a) { return restoreTypeTag(a); });
    return std::nullopt;
  }

  // OrderedDict() or OrderedDict([(k, v), ...]); items usually follow by SETITEMS.
  IValue orderedDict(std::span<const IValue> args) {
    if (args.size() > 1) EMBER_FAIL("expected at most 1 argument, got {}", args.size());
    IValue d = newDict();
    orderedDicts.insert(&d.toDict());
    if (args.empty()) return d;
    if (!args[0].isList() && !args[0].isTuple()) EMBER_FAIL("expected a list of pairs, not {}", args[0].tagName());
    const auto& pairs = args[0].isList() ? args[0].toList().elements : args[0].toTuple().elements;
    size_t base = stack.size();
    for (const IValue& p : pairs) {
      if (!p.isTuple() || p.toTuple().size() != 2) EMBER_FAIL("expected (key, value) pairs");
      stack.push_back(p.toTuple().elements[0]);
      stack.push_back(p.toTuple().elements[1]);
    }
    setItemsFrom(d, base);
    return d;
  }

  // _rebuild_from_type_v2(func, new_type, args, state): a tensor subclass or a
  // tensor with Python attributes. ember keeps the plain tensor, as PyTorch's
  // C++ loader does.
  IValue rebuildFromType(std::span<const IValue> args) {
    if (args.size() != 4) EMBER_FAIL("expected 4 arguments, got {}", args.size());
    Marker* fn = asMarker(args[0]);
    if (!fn || fn->kind != MarkerKind::Function || fn->acceptsMarkers)
      EMBER_FAIL("the first argument must be a tensor rebuild function");
    Marker* type = asMarker(args[1]);
    if (!type || type->kind != MarkerKind::Type) EMBER_FAIL("the second argument must be a tensor type");
    return callFunction(*fn, args[2]);
  }

  IValue typedListBuilder(const std::string& qualified, TypePtr elementType, IValue::Tag tag) {
    return newMarker(MarkerKind::Function, qualified, [this, elementType, tag](std::span<const IValue> a) {
      if (a.size() != 1 || !a[0].isList()) EMBER_FAIL("expected one list argument");
      ListObj& list = a[0].toList();
      for (const IValue& e : list.elements)
        if (e.tag() != tag) EMBER_FAIL("expected a list of {}, found a {}", elementType->str(), e.tagName());
      list.elementType = elementType;
      typedContainers.insert(&list);
      return a[0];
    });
  }

  IValue tensorFromId(std::span<const IValue> args) {
    if (args.size() != 1 || !args[0].isInt()) EMBER_FAIL("expected one int argument");
    int64_t id = args[0].toInt();
    if (id < 0 || static_cast<uint64_t>(id) >= opts.tensorTable.size())
      EMBER_FAIL("tensor {} is not in the tensor table ({} tensors)", id, opts.tensorTable.size());
    return opts.tensorTable[static_cast<size_t>(id)];
  }

  // restore_type_tag(value, "Dict[str, int]"): a container's static type.
  IValue restoreTypeTag(std::span<const IValue> args) {
    if (args.size() != 2 || !args[1].isString()) EMBER_FAIL("expected (value, type string)");
    const std::string& text = args[1].toStringRef();
    auto it = typeTags.find(text);
    if (it == typeTags.end()) {
      TypePtr t = opts.typeParser ? opts.typeParser(text) : parseTypeTag(text);
      it = typeTags.emplace(text, std::move(t)).first;
    }
    const TypePtr& t = it->second;
    const IValue& v = args[0];
    if (!t) return v;  // a type only the module's class table knows: inference stands
    if (v.isList() && t->kind() == TypeKind::List) {
      checkShallow(v.toList().elements, t->elementType());
      v.toList().elementType = t->elementType();
      typedContainers.insert(&v.toList());
    } else if (v.isDict() && t->kind() == TypeKind::Dict) {
      for (const auto& [k, val] : v.toDict().entries()) {
        checkShallow(std::span<const IValue>(&k, 1), t->keyType());
        checkShallow(std::span<const IValue>(&val, 1), t->valueType());
      }
      v.toDict().keyType = t->keyType();
      v.toDict().valueType = t->valueType();
      typedContainers.insert(&v.toDict());
    } else {
      EMBER_FAIL("type {} does not describe a {}", t->str(), v.tagName());
    }
    return v;
  }

  // Element kinds against a declared element type, one level deep (deeper
  // types are the object builder's concern).
  static void checkShallow(std::span<const IValue> elems, const TypePtr& t) {
    IValue::Tag want;
    switch (t->kind()) {
      case TypeKind::Int: want = IValue::Tag::Int; break;
      case TypeKind::Float: want = IValue::Tag::Double; break;
      case TypeKind::Bool: want = IValue::Tag::Bool; break;
      case TypeKind::Str: want = IValue::Tag::String; break;
      case TypeKind::Tensor: want = IValue::Tag::Tensor; break;
      default: return;
    }
    for (const IValue& e : elems)
      if (e.tag() != want) EMBER_FAIL("expected elements of type {}, found a {}", t->str(), e.tagName());
  }

  // ------------------------------------------------------------ calls

  IValue call(const IValue& callee, const IValue& args, bool newObj) {
    Marker* m = asMarker(callee);
    if (!m) fail("{} on a {}, which is not a callable global", opName(), callee.tagName());
    switch (m->kind) {
      case MarkerKind::Function: return callFunction(*m, args);
      case MarkerKind::Class:
        if (newObj && args.isTuple() && args.toTuple().elements.empty()) return newPending(*m);
        return buildObject(m->name, args, ObjectBuildKind::Call);
      case MarkerKind::Type: fail("'{}' is a type and cannot be called here", m->name);
      case MarkerKind::Pending: fail("{} on an object of class '{}'", opName(), m->name);
    }
    fail("{} on an unknown global", opName());
  }

  IValue callFunction(const Marker& m, const IValue& args) {
    if (!args.isTuple()) fail("the arguments of '{}' must be a tuple, not {}", m.name, args.tagName());
    if (!m.acceptsMarkers && hasMarkers(args)) fail("a global is passed as an argument to '{}'", m.name);
    IValue result;
    try {
      result = m.fn(args.toTuple().elements);
    } catch (const Error& e) {
      rethrow(m.name, e);
    }
    if (containerKey(result)) infoOf(result);
    return result;
  }

  IValue newPending(const Marker& cls) {
    IValue v = newMarker(MarkerKind::Pending, cls.name);
    asMarker(v)->pendingIndex = built.size();
    built.emplace_back();
    isBuilt.push_back(false);
    return v;
  }

  IValue buildObject(const std::string& className, const IValue& arg, ObjectBuildKind kind) {
    if (!opts.objectBuilder)
      fail("cannot build an object of class '{}': objects load only with their module's classes", className);
    if (hasMarkers(arg)) fail("a global is passed to the class '{}'", className);
    IValue obj;
    try {
      obj = opts.objectBuilder(className, arg, kind);
    } catch (const Error& e) {
      rethrow(className, e);
    }
    if (containerKey(obj)) {
      if (asMarker(obj)) fail("the object builder returned a global for '{}'", className);
      infoOf(obj);
    }
    return obj;
  }

  void build() {
    IValue state = pop();
    need(1);
    IValue& target = stack.back();
    if (Marker* m = asMarker(target)) {
      if (m->kind != MarkerKind::Pending) fail("BUILD on the global '{}'", m->name);
      if (isBuilt[m->pendingIndex]) fail("BUILD on an object of class '{}' that is already built", m->name);
      size_t index = m->pendingIndex;
      IValue obj = buildObject(m->name, state, ObjectBuildKind::State);
      built[index] = obj;
      isBuilt[index] = true;
      stack.back() = std::move(obj);
      return;
    }
    if (target.isDict() && orderedDicts.count(&target.toDict())) {
      // An OrderedDict's instance attributes (a state dict's `_metadata`): dropped.
      if (hasMarkers(state)) fail("a global in the state of an OrderedDict");
      return;
    }
    fail("BUILD on a {} is not supported", target.tagName());
  }

  // ------------------------------------------------------------ storages

  // ('storage', dtype, key, location, numel[, view_metadata]) -> a 1-d tensor
  // over the whole storage; _rebuild_tensor_v2 views it.
  IValue persistentLoad(const IValue& pid) {
    if (!pid.isTuple()) fail("a persistent id must be a tuple, not {}", pid.tagName());
    const auto& e = pid.toTuple().elements;
    if (e.empty() || !e[0].isString()) fail("malformed persistent id");
    const std::string& kind = e[0].toStringRef();
    if (kind == "module") failKind(ErrorKind::NotImplemented, "module source in a persistent id is not supported");
    if (kind != "storage") fail("unsupported persistent id '{}'", printable(kind));
    if (e.size() != 5 && e.size() != 6) fail("a storage persistent id has {} fields, expected 5", e.size());
    if (!e[1].isInt()) fail("the storage type is a {}, not a storage class", e[1].tagName());
    DType dtype = DType::Undefined;
    try {
      dtype = dtypeFromId(e[1].toInt());
    } catch (const Error& err) {
      rethrow("storage type", err);
    }
    if (!e[2].isString()) fail("the storage key is a {}, not a str", e[2].tagName());
    if (!e[3].isString()) fail("the storage location is a {}, not a str", e[3].tagName());
    if (!e[4].isInt() || e[4].toInt() < 0) fail("the storage size must be a non-negative int");
    const std::string& key = e[2].toStringRef();
    int64_t numel = e[4].toInt();
    checkBytes(numel, dtype);
    Storage storage = storageFor(key, dtype, numel);
    if (e.size() == 6 && !e[5].isNone()) {
      numel = viewSize(e[5], dtype);
      storage = viewOf(storage, e[5], dtype);
    }
    if (dtype == DType::Bool) checkBools(key, storage, numel);
    try {
      return Tensor::fromStorage(storage, 0, {numel}, {1}, dtype);
    } catch (const Error& err) {
      rethrow("storage", err);
    }
  }

  // A C++ bool must be 0 or 1; any other byte would be undefined behaviour in
  // every kernel that reads it. PyTorch does save other bytes (an uninitialized
  // `torch.empty(..., dtype=torch.bool)`), so any non-zero byte becomes True.
  // The storage is writable: mapped files are copy-on-write.
  void checkBools(const std::string& key, const Storage& storage, int64_t numel) {
    (void)key;
    auto* p = static_cast<uint8_t*>(storage->data());
    for (int64_t i = 0; i < numel; ++i)
      if (p[i] > 1) p[i] = 1;
  }

  size_t checkBytes(int64_t numel, DType dtype) {
    size_t n;
    if (__builtin_mul_overflow(static_cast<uint64_t>(numel), elementSize(dtype), &n))
      fail("storage of {} elements is too large", numel);
    return n;
  }

  Storage storageFor(const std::string& key, DType dtype, int64_t numel) {
    size_t need = checkBytes(numel, dtype);
    auto it = storages.find(key);
    if (it == storages.end()) {
      if (!opts.storageLoader) fail("the pickle holds tensors but no storage loader was given");
      Storage s;
      try {
        s = opts.storageLoader(key, dtype, numel);
      } catch (const Error& err) {
        rethrow(fmt::format("storage '{}'", printable(key)), err);
      }
      if (!s) fail("storage '{}' could not be loaded", printable(key));
      it = storages.emplace(key, std::move(s)).first;
    }
    if (it->second->nbytes() < need)
      fail("storage '{}' has {} bytes but {} elements of {} need {}", printable(key), it->second->nbytes(), numel,
           dtypeName(dtype), need);
    return it->second;
  }

  // Legacy torch.save: (view_key, offset, size) in elements of the root storage.
  int64_t viewSize(const IValue& meta, DType dtype) {
    if (!meta.isTuple() || meta.toTuple().size() != 3) fail("malformed storage view metadata");
    const auto& m = meta.toTuple().elements;
    if (!m[0].isString() || !m[1].isInt() || !m[2].isInt() || m[1].toInt() < 0 || m[2].toInt() < 0)
      fail("malformed storage view metadata");
    checkBytes(m[2].toInt(), dtype);
    return m[2].toInt();
  }

  Storage viewOf(const Storage& root, const IValue& meta, DType dtype) {
    const auto& m = meta.toTuple().elements;
    const std::string& viewKey = m[0].toStringRef();
    size_t es = elementSize(dtype);
    size_t offset = checkBytes(m[1].toInt(), dtype);
    size_t size = static_cast<size_t>(m[2].toInt()) * es;
    auto it = views.find(viewKey);
    if (it != views.end()) {
      if (it->second->nbytes() < size) fail("storage view '{}' is used with different sizes", printable(viewKey));
      return it->second;
    }
    if (offset > root->nbytes() || size > root->nbytes() - offset)
      fail("storage view '{}' reaches past its storage", printable(viewKey));
    auto owner = std::shared_ptr<const void>(new Storage(root), [](const void* p) { delete static_cast<const Storage*>(p); });
    Storage view = makeIntrusive<StorageImpl>(static_cast<char*>(root->data()) + offset, size, std::move(owner));
    views.emplace(viewKey, view);
    return view;
  }

  // ------------------------------------------------------------ run

  IValue run() {
    if (bytes.empty()) throwError(ErrorKind::Format, "not a pickle: the input is empty");
    if (bytes[0] != static_cast<uint8_t>(PickleOp::PROTO))
      throwError(ErrorKind::Format,
                 fmt::format("not a pickle: expected the PROTO opcode (0x80) at byte 0, found 0x{:02x}", bytes[0]));
    for (;;) {
      opStart = pos;
      if (pos >= bytes.size()) fail("truncated input: the pickle ends without STOP");
      op = bytes[pos++];
      if (step()) return finish();
    }
  }

  // One opcode; true at STOP.
  bool step() {
    switch (static_cast<PickleOp>(op)) {
      case PickleOp::PROTO: {
        uint8_t v = u1();
        if (v < 2 || v > kMaxPickleProtocol) fail("unsupported pickle protocol {}", v);
        return false;
      }
      case PickleOp::FRAME:
        if (u8() > bytes.size() - pos) fail("truncated input: the frame is longer than the data");
        return false;
      case PickleOp::STOP: return true;
      case PickleOp::MARK: marks.push_back(stack.size()); return false;
      case PickleOp::POP:
        // As Python: POP on an empty frame drops the mark.
        if (stack.size() > floor()) stack.pop_back();
        else popMark();
        return false;
      case PickleOp::POP_MARK: stack.resize(popMark()); return false;
      case PickleOp::DUP: need(1); stack.push_back(stack.back()); return false;

      // ---- numbers
      case PickleOp::NONE: stack.emplace_back(); return false;
      case PickleOp::NEWTRUE: stack.emplace_back(true); return false;
      case PickleOp::NEWFALSE: stack.emplace_back(false); return false;
      case PickleOp::BININT1: stack.emplace_back(static_cast<int64_t>(u1())); return false;
      case PickleOp::BININT2: stack.emplace_back(static_cast<int64_t>(u2())); return false;
      case PickleOp::BININT: stack.emplace_back(static_cast<int64_t>(i4())); return false;
      case PickleOp::INT: {
        std::string_view s = line();
        if (s == "00") stack.emplace_back(false);
        else if (s == "01") stack.emplace_back(true);
        else stack.emplace_back(parseInt(s));
        return false;
      }
      case PickleOp::LONG: {
        std::string_view s = trim(line());
        if (s.ends_with('L')) s.remove_suffix(1);
        stack.emplace_back(parseInt(s));
        return false;
      }
      case PickleOp::LONG1: {
        size_t n = u1();
        stack.emplace_back(decodeLong(take(n), n));
        return false;
      }
      case PickleOp::LONG4: {
        int32_t n = i4();
        if (n < 0) fail("LONG4 with a negative byte count");
        stack.emplace_back(decodeLong(take(static_cast<size_t>(n)), static_cast<size_t>(n)));
        return false;
      }
      case PickleOp::FLOAT: stack.emplace_back(parseFloat(line())); return false;
      case PickleOp::BINFLOAT: {
        uint64_t bits = 0;
        const uint8_t* p = take(8);
        for (int k = 0; k < 8; ++k) bits = (bits << 8) | p[k];
        double d;
        std::memcpy(&d, &bits, sizeof d);
        stack.emplace_back(d);
        return false;
      }

      // ---- strings and bytes (ember keeps bytes in a str)
      case PickleOp::STRING: stack.emplace_back(decodeQuoted(line())); return false;
      case PickleOp::UNICODE: stack.emplace_back(decodeRawUnicode(line())); return false;
      case PickleOp::BINSTRING: {
        int32_t n = i4();
        if (n < 0) fail("BINSTRING with a negative length");
        stack.emplace_back(sizedText(static_cast<uint64_t>(n)));
        return false;
      }
      case PickleOp::SHORT_BINSTRING:
      case PickleOp::SHORT_BINBYTES:
      case PickleOp::SHORT_BINUNICODE: stack.emplace_back(sizedText(u1())); return false;
      case PickleOp::BINUNICODE:
      case PickleOp::BINBYTES: stack.emplace_back(sizedText(u4())); return false;
      case PickleOp::BINUNICODE8:
      case PickleOp::BINBYTES8:
      case PickleOp::BYTEARRAY8: stack.emplace_back(sizedText(u8())); return false;

      // ---- containers
      case PickleOp::EMPTY_LIST: stack.push_back(newList()); return false;
      case PickleOp::EMPTY_DICT: stack.push_back(newDict()); return false;
      case PickleOp::EMPTY_TUPLE: pushTuple(stack.size()); return false;
      case PickleOp::TUPLE: pushTuple(popMark()); return false;
      case PickleOp::TUPLE1: need(1); pushTuple(stack.size() - 1); return false;
      case PickleOp::TUPLE2: need(2); pushTuple(stack.size() - 2); return false;
      case PickleOp::TUPLE3: need(3); pushTuple(stack.size() - 3); return false;
      case PickleOp::LIST: {
        size_t m = popMark();
        IValue l = newList();
        appendFrom(l, m);
        stack.push_back(std::move(l));
        return false;
      }
      case PickleOp::DICT: {
        size_t m = popMark();
        IValue d = newDict();
        setItemsFrom(d, m);
        stack.push_back(std::move(d));
        return false;
      }
      case PickleOp::APPEND: need(2); appendFrom(stack[stack.size() - 2], stack.size() - 1); return false;
      case PickleOp::APPENDS: {
        size_t m = popMark();
        appendFrom(belowMark(m), m);
        return false;
      }
      case PickleOp::SETITEM: need(3); setItemsFrom(stack[stack.size() - 3], stack.size() - 2); return false;
      case PickleOp::SETITEMS: {
        size_t m = popMark();
        setItemsFrom(belowMark(m), m);
        return false;
      }
      case PickleOp::EMPTY_SET:
      case PickleOp::ADDITEMS:
      case PickleOp::FROZENSET: failKind(ErrorKind::NotImplemented, "sets are not supported ({})", opName());

      // ---- memo
      case PickleOp::PUT: memoPut(static_cast<uint64_t>(parseMemoIndex(line()))); return false;
      case PickleOp::BINPUT: memoPut(u1()); return false;
      case PickleOp::LONG_BINPUT: memoPut(u4()); return false;
      case PickleOp::MEMOIZE: memoPut(memoCount); return false;
      case PickleOp::GET: memoGet(static_cast<uint64_t>(parseMemoIndex(line()))); return false;
      case PickleOp::BINGET: memoGet(u1()); return false;
      case PickleOp::LONG_BINGET: memoGet(u4()); return false;

      // ---- globals, calls, objects
      case PickleOp::GLOBAL: {
        std::string_view module = line();
        std::string_view name = line();
        stack.push_back(resolveGlobal(module, name));
        return false;
      }
      case PickleOp::STACK_GLOBAL: {
        IValue name = pop();
        IValue module = pop();
        if (!module.isString() || !name.isString()) fail("STACK_GLOBAL needs two strs");
        stack.push_back(resolveGlobal(module.toStringRef(), name.toStringRef()));
        return false;
      }
      case PickleOp::REDUCE: {
        IValue args = pop();
        IValue callee = pop();
        stack.push_back(call(callee, args, false));
        return false;
      }
      case PickleOp::NEWOBJ: {
        IValue args = pop();
        IValue cls = pop();
        stack.push_back(call(cls, args, true));
        return false;
      }
      case PickleOp::NEWOBJ_EX: {
        IValue kwargs = pop();
        IValue args = pop();
        IValue cls = pop();
        if (!kwargs.isDict() || kwargs.toDict().size() != 0) fail("keyword arguments are not supported");
        stack.push_back(call(cls, args, true));
        return false;
      }
      case PickleOp::INST: {
        std::string_view module = line();
        std::string_view name = line();
        IValue callee = resolveGlobal(module, name);
        pushTuple(popMark());
        IValue args = pop();
        stack.push_back(call(callee, args, false));
        return false;
      }
      case PickleOp::OBJ: {
        size_t m = popMark();
        if (stack.size() == m) fail("OBJ without a class");
        IValue cls = stack[m];
        stack.erase(stack.begin() + static_cast<ptrdiff_t>(m));
        pushTuple(m);
        IValue args = pop();
        stack.push_back(call(cls, args, false));
        return false;
      }
      case PickleOp::BUILD: build(); return false;
      case PickleOp::PERSID: stack.push_back(persistentLoad(IValue(std::string(line())))); return false;
      case PickleOp::BINPERSID: {
        IValue pid = pop();
        stack.push_back(persistentLoad(pid));
        return false;
      }
      case PickleOp::EXT1:
      case PickleOp::EXT2:
      case PickleOp::EXT4: fail("copyreg extension codes ({}) are not supported", opName());
      case PickleOp::NEXT_BUFFER:
      case PickleOp::READONLY_BUFFER: fail("out-of-band buffers ({}) are not supported", opName());
    }
    fail("unknown opcode 0x{:02x}", op);
  }

  int64_t parseMemoIndex(std::string_view s) {
    int64_t v = parseInt(s);
    if (v < 0) fail("negative memo index {}", v);
    return v;
  }

  IValue finish() {
    if (!marks.empty()) fail("STOP with an unclosed MARK");
    if (stack.size() != 1) fail("STOP with {} values on the stack, expected 1", stack.size());
    IValue result = std::move(stack.back());
    stack.clear();
    if (Marker* m = asMarker(result)) {
      if (m->kind != MarkerKind::Pending || !isBuilt[m->pendingIndex])
        fail("the pickle's value is the global '{}'", m->name);
      result = built[m->pendingIndex];
    }
    if (hasMarkers(result)) fail("the pickle's value contains a global");
    if (opts.inferContainerTypes) inferTypes(result);
    return result;
  }

  // ------------------------------------------------------------ container types

  // Post-order over the distinct containers (the VM guarantees no cycles).
  void inferTypes(const IValue& root) {
    if (!containerKey(root)) return;
    std::unordered_map<const void*, TypePtr> typeOf;
    auto typeOfChild = [&](const IValue& v) -> TypePtr {
      const void* k = containerKey(v);
      return k ? typeOf.at(k) : v.type();
    };
    struct Item {
      IValue v;
      bool expanded;
    };
    std::vector<Item> work;
    work.push_back({root, false});
    while (!work.empty()) {
      const void* k = containerKey(work.back().v);
      if (typeOf.count(k)) {
        work.pop_back();
        continue;
      }
      if (!work.back().expanded) {
        work.back().expanded = true;
        IValue v = work.back().v;
        forEachChild(v, [&](const IValue& c) {
          const void* ck = containerKey(c);
          if (ck && !typeOf.count(ck)) work.push_back({c, false});
        });
        continue;
      }
      IValue v = std::move(work.back().v);
      work.pop_back();
      typeOf.emplace(k, typeOfContainer(v, k, typeOfChild));
    }
  }

  template <class ChildType>
  TypePtr typeOfContainer(const IValue& v, const void* k, ChildType& typeOfChild) {
    bool fixed = typedContainers.count(k) != 0;
    switch (v.tag()) {
      case IValue::Tag::Tuple: {
        const TupleObj& t = v.toTuple();
        if (t.namedType) return t.namedType;
        std::vector<TypePtr> elems;
        elems.reserve(t.size());
        for (const IValue& e : t.elements) elems.push_back(typeOfChild(e));
        return types::tuple(std::move(elems));
      }
      case IValue::Tag::List: {
        ListObj& l = v.toList();
        if (!fixed && l.elementType->kind() == TypeKind::Any) l.elementType = unifyAll(l.elements, typeOfChild);
        return types::list(l.elementType);
      }
      case IValue::Tag::Dict: {
        DictObj& d = v.toDict();
        if (!fixed && d.keyType->kind() == TypeKind::Any && d.valueType->kind() == TypeKind::Any) {
          std::vector<IValue> keys, values;
          keys.reserve(d.size());
          values.reserve(d.size());
          for (const auto& [key, val] : d.entries()) {
            keys.push_back(key);
            values.push_back(val);
          }
          d.keyType = unifyAll(keys, typeOfChild);
          d.valueType = unifyAll(values, typeOfChild);
        }
        return types::dict(d.keyType, d.valueType);
      }
      case IValue::Tag::Object: return v.toObject().type;
      default: return v.type();
    }
  }

  template <class ChildType>
  static TypePtr unifyAll(const std::vector<IValue>& elems, ChildType& typeOfChild) {
    TypePtr acc;
    for (const IValue& e : elems) {
      TypePtr t = typeOfChild(e);
      if (!acc) {
        acc = std::move(t);
        continue;
      }
      acc = unifyTypes(acc, t);
      if (!acc) return types::any();
    }
    return acc ? acc : types::any();
  }
};

// ================================================================ public

Unpickler::Unpickler(std::span<const uint8_t> bytes, UnpicklerOptions options)
    : impl_(std::make_unique<Impl>(bytes, std::move(options))) {}

Unpickler::~Unpickler() = default;

IValue Unpickler::parse() {
  if (impl_->parsed) EMBER_FAIL("Unpickler::parse called twice");
  impl_->parsed = true;
  return impl_->run();
}

size_t Unpickler::position() const { return impl_->pos; }

IValue unpickle(std::span<const uint8_t> bytes, UnpicklerOptions options) {
  Unpickler u(bytes, std::move(options));
  return u.parse();
}

IValue unpickle(std::string_view bytes, UnpicklerOptions options) {
  return unpickle(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
                  std::move(options));
}

}  // namespace ember::serialization
