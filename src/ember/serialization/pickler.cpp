#include "ember/serialization/pickler.h"

#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "ember/serialization/pickle_opcodes.h"
#include "ember/support/error.h"
#include "ember/types/type.h"
#include "ember/value/class_type.h"
#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember::serialization {
namespace {

// Python's pickler writes containers in batches of this many items.
constexpr size_t kBatch = 1000;

// Python decodes BINUNICODE as UTF-8 with surrogatepass: anything else must
// go as bytes.
bool isUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<uint8_t>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
    if (n == 0 || i + n >= s.size()) return false;
    uint32_t cp = b & (0x3f >> n);
    for (size_t k = 1; k <= n; ++k) {
      auto c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

struct Pickler::Impl {
  // A container being written: its opening is out, its items go one per step.
  struct Frame {
    enum class Kind : uint8_t { List, Dict, OrderedDict, Tuple, TsList, TsDict, Object, Build };
    Kind kind;
    IValue v;
    const void* key;
    size_t i = 0;        // next item
    size_t batch = 0;    // items in the open batch
    bool batchOpen = false;
    bool valueNext = false;  // dicts: the key of item i is out, its value is next
    bool single = false;     // one item: no MARK, APPEND / SETITEM
    bool specialized = false;  // TsList: build_intlist & co, not restore_type_tag
    IValue state;              // Build: the object's state
  };

  explicit Impl(PicklerOptions o) : opts(o) {}

  PicklerOptions opts;
  std::vector<uint8_t> out;
  bool dumped = false;
  uint32_t nextMemo = 0;
  std::unordered_map<const void*, uint32_t> memo;  // by identity, as Python's id()
  std::unordered_map<std::string, uint32_t> constants;  // globals and strings torch itself writes
  std::unordered_set<const void*> open;  // containers being written: meeting one again is a cycle
  std::vector<Frame> frames;
  std::vector<PickledStorage> storages;
  std::unordered_map<const StorageImpl*, size_t> storageIndex;

  // ------------------------------------------------------------ bytes

  void op(PickleOp o) { out.push_back(static_cast<uint8_t>(o)); }
  void u4(uint32_t v) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<uint8_t>(v >> (8 * k)));
  }
  void raw(std::string_view s) { out.insert(out.end(), s.begin(), s.end()); }

  uint32_t memoizeNew() {
    if (nextMemo == UINT32_MAX) EMBER_FAIL_KIND(Value, "pickle: too many objects to memoize");
    uint32_t idx = nextMemo++;
    if (idx < 256) {
      op(PickleOp::BINPUT);
      out.push_back(static_cast<uint8_t>(idx));
    } else {
      op(PickleOp::LONG_BINPUT);
      u4(idx);
    }
    return idx;
  }
  void memoize(const void* key) { memo[key] = memoizeNew(); }
  void get(uint32_t idx) {
    if (idx < 256) {
      op(PickleOp::BINGET);
      out.push_back(static_cast<uint8_t>(idx));
    } else {
      op(PickleOp::LONG_BINGET);
      u4(idx);
    }
  }
  bool getIfMemoized(const void* key) {
    auto it = memo.find(key);
    if (it == memo.end()) return false;
    get(it->second);
    return true;
  }
  bool getConstant(const std::string& key) {
    auto it = constants.find(key);
    if (it == constants.end()) return false;
    get(it->second);
    return true;
  }

  // ------------------------------------------------------------ leaves

  void saveInt(int64_t v) {
    if (v >= 0 && v <= 0xff) {
      op(PickleOp::BININT1);
      out.push_back(static_cast<uint8_t>(v));
      return;
    }
    if (v >= 0 && v <= 0xffff) {
      op(PickleOp::BININT2);
      out.push_back(static_cast<uint8_t>(v));
      out.push_back(static_cast<uint8_t>(v >> 8));
      return;
    }
    if (v >= INT32_MIN && v <= INT32_MAX) {
      op(PickleOp::BININT);
      u4(static_cast<uint32_t>(static_cast<int32_t>(v)));
      return;
    }
    // pickle.encode_long: the fewest two's complement bytes, little-endian.
    auto u = static_cast<uint64_t>(v);
    uint64_t magnitude = v < 0 ? ~u + 1 : u;
    size_t bitLength = 64 - static_cast<size_t>(__builtin_clzll(magnitude));
    size_t n = (bitLength >> 3) + 1;
    uint8_t bytes[9];
    for (size_t k = 0; k < n; ++k) bytes[k] = k < 8 ? static_cast<uint8_t>(u >> (8 * k)) : (v < 0 ? 0xff : 0x00);
    if (v < 0 && n > 1 && bytes[n - 1] == 0xff && (bytes[n - 2] & 0x80)) --n;
    op(PickleOp::LONG1);
    out.push_back(static_cast<uint8_t>(n));
    out.insert(out.end(), bytes, bytes + n);
  }

  void saveFloat(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    op(PickleOp::BINFLOAT);
    for (int k = 7; k >= 0; --k) out.push_back(static_cast<uint8_t>(bits >> (8 * k)));
  }

  void writeUnicode(std::string_view s) {
    if (s.size() > UINT32_MAX) EMBER_FAIL_KIND(Value, "pickle: a string of {} bytes is too long for protocol 2", s.size());
    op(PickleOp::BINUNICODE);
    u4(static_cast<uint32_t>(s.size()));
    raw(s);
  }

  // A str torch writes itself ('storage', 'cpu'): one object in Python, so
  // written once and fetched from the memo afterwards.
  void constantString(const std::string& s) {
    std::string key = "str\n" + s;
    if (getConstant(key)) return;
    writeUnicode(s);
    constants[key] = memoizeNew();
  }

  void global(std::string_view module, std::string_view name) {
    std::string key = std::string(module) + "\n" + std::string(name);
    if (getConstant(key)) return;
    op(PickleOp::GLOBAL);
    raw(module);
    out.push_back('\n');
    raw(name);
    out.push_back('\n');
    constants[key] = memoizeNew();
  }

  void saveString(const IValue& v) {
    const std::string& s = v.toStringRef();
    if (getIfMemoized(&s)) return;
    if (isUtf8(s)) {
      writeUnicode(s);
      memoize(&s);
      return;
    }
    // bytes: Python 3's protocol 2 writes _codecs.encode(latin1 text, 'latin1').
    global("_codecs", "encode");
    std::string text;
    text.reserve(s.size() * 2);
    for (unsigned char c : s) {
      if (c < 0x80) {
        text += static_cast<char>(c);
      } else {
        text += static_cast<char>(0xc0 | (c >> 6));
        text += static_cast<char>(0x80 | (c & 0x3f));
      }
    }
    writeUnicode(text);
    memoizeNew();
    constantString("latin1");
    op(PickleOp::TUPLE2);
    memoizeNew();
    op(PickleOp::REDUCE);
    memoize(&s);
  }

  void saveDevice(Device d) {
    global("torch", "device");
    std::string s = d.str();
    std::string type = s.substr(0, s.find(':'));
    writeUnicode(type);
    memoizeNew();
    if (d.index >= 0) {
      saveInt(d.index);
      op(PickleOp::TUPLE2);
    } else {
      op(PickleOp::TUPLE1);
    }
    memoizeNew();
    op(PickleOp::REDUCE);
    memoizeNew();
  }

  void saveIntTuple(IntArrayRef values) {
    if (values.empty()) {
      op(PickleOp::EMPTY_TUPLE);
      return;
    }
    if (values.size() > 3) op(PickleOp::MARK);
    for (int64_t v : values) saveInt(v);
    static constexpr PickleOp kSmall[] = {PickleOp::TUPLE1, PickleOp::TUPLE2, PickleOp::TUPLE3};
    op(values.size() > 3 ? PickleOp::TUPLE : kSmall[values.size() - 1]);
    memoizeNew();
  }

  PickledStorage& storageOf(const Tensor& t) {
    const StorageImpl* impl = t.storage().get();
    auto it = storageIndex.find(impl);
    if (it != storageIndex.end()) {
      PickledStorage& s = storages[it->second];
      if (s.dtype != t.dtype())
        EMBER_FAIL_KIND(Type,
                        "pickle: cannot save tensors that view the same storage as different dtypes ({} and {})",
                        dtypeName(s.dtype), dtypeName(t.dtype()));
      return s;
    }
    PickledStorage s;
    s.key = std::to_string(storages.size());
    s.storage = t.storage();
    s.dtype = t.dtype();
    s.numel = static_cast<int64_t>(impl->nbytes() / elementSize(t.dtype()));
    storageIndex.emplace(impl, storages.size());
    storages.push_back(std::move(s));
    return storages.back();
  }

  // torch.Tensor.__reduce_ex__ plus torch.save's persistent_id.
  // torch/csrc/jit/serialization/pickler.cpp pushLiteralTensor: the storage
  // is memoized after BINPERSID (views of one storage load as views of one
  // storage), sizes and strides are MARK ... TUPLE.
  void saveScriptTensor(const Tensor& t) {
    const PickledStorage& s = storageOf(t);
    global("torch._utils", "_rebuild_tensor_v2");
    op(PickleOp::MARK);
    const StorageImpl* impl = t.storage().get();
    if (!getIfMemoized(impl)) {
      std::string key = s.key;
      int64_t numel = s.numel;
      op(PickleOp::MARK);
      constantString("storage");
      global("torch", storageClassName(t.dtype()));
      writeUnicode(key);
      memoizeNew();
      constantString("cpu");
      saveInt(numel);
      op(PickleOp::TUPLE);
      op(PickleOp::BINPERSID);
      memoize(impl);
    }
    saveInt(t.storageOffset());
    op(PickleOp::MARK);
    for (int64_t v : t.sizes()) saveInt(v);
    op(PickleOp::TUPLE);
    op(PickleOp::MARK);
    for (int64_t v : t.strides()) saveInt(v);
    op(PickleOp::TUPLE);
    op(t.requiresGrad() ? PickleOp::NEWTRUE : PickleOp::NEWFALSE);
    global("collections", "OrderedDict");
    op(PickleOp::EMPTY_TUPLE);
    op(PickleOp::REDUCE);
    op(PickleOp::TUPLE);
    op(PickleOp::REDUCE);
    memoize(t.impl());
  }

  void saveTensor(const Tensor& t) {
    if (!t.defined()) EMBER_FAIL_KIND(Type, "pickle: cannot save an undefined tensor");
    if (getIfMemoized(t.impl())) return;
    if (opts.torchScript) return saveScriptTensor(t);
    const PickledStorage& s = storageOf(t);
    std::string key = s.key;
    int64_t numel = s.numel;
    global("torch._utils", "_rebuild_tensor_v2");
    op(PickleOp::MARK);
    {
      op(PickleOp::MARK);
      constantString("storage");
      global("torch", storageClassName(t.dtype()));
      std::string keyId = "key\n" + key;
      if (!getConstant(keyId)) {
        writeUnicode(key);
        constants[keyId] = memoizeNew();
      }
      constantString("cpu");
      saveInt(numel);
      op(PickleOp::TUPLE);
      memoizeNew();
      op(PickleOp::BINPERSID);
    }
    saveInt(t.storageOffset());
    saveIntTuple(t.sizes());
    saveIntTuple(t.strides());
    op(t.requiresGrad() ? PickleOp::NEWTRUE : PickleOp::NEWFALSE);
    global("collections", "OrderedDict");
    op(PickleOp::EMPTY_TUPLE);
    op(PickleOp::REDUCE);
    memoizeNew();
    op(PickleOp::TUPLE);
    memoizeNew();
    op(PickleOp::REDUCE);
    memoize(t.impl());
  }

  // ------------------------------------------------------------ the walk

  // Writes a leaf, or a container's opening and pushes its frame.
  void save(const IValue& v) {
    switch (v.tag()) {
      case IValue::Tag::None: op(PickleOp::NONE); return;
      case IValue::Tag::Bool: op(v.toBool() ? PickleOp::NEWTRUE : PickleOp::NEWFALSE); return;
      case IValue::Tag::Int: saveInt(v.toInt()); return;
      case IValue::Tag::Double: saveFloat(v.toDouble()); return;
      case IValue::Tag::String: saveString(v); return;
      case IValue::Tag::Device: saveDevice(v.toDevice()); return;
      case IValue::Tag::Tensor: saveTensor(v.toTensor()); return;
      case IValue::Tag::Object: {
        const Object& o = v.toObject();
        if (!opts.torchScript)
          EMBER_FAIL_KIND(Type, "pickle: cannot save an object of class '{}': torch.save files hold plain values",
                          o.type ? o.type->name() : std::string("?"));
        return saveObject(v);
      }
      case IValue::Tag::Enum: return saveEnum(v);
      case IValue::Tag::List:
      case IValue::Tag::Dict:
      case IValue::Tag::Tuple: break;
    }
    const void* key = v.isList() ? static_cast<const void*>(&v.toList())
                      : v.isDict() ? static_cast<const void*>(&v.toDict())
                                   : static_cast<const void*>(&v.toTuple());
    if (open.count(key)) EMBER_FAIL_KIND(Value, "pickle: cannot save a {} that contains itself", v.tagName());
    if (getIfMemoized(key)) return;
    if (v.isTuple()) {
      size_t n = v.toTuple().size();
      if (n == 0) {
        op(PickleOp::EMPTY_TUPLE);
        return;
      }
      if (n > 3) op(PickleOp::MARK);
      pushFrame(Frame::Kind::Tuple, v, key);
      return;
    }
    if (opts.torchScript && v.isList()) return saveTsList(v, key);
    if (opts.torchScript && v.isDict()) return saveTsDict(v, key);
    if (v.isList()) {
      op(PickleOp::EMPTY_LIST);
      memoize(key);
      size_t n = v.toList().size();
      if (n == 0) return;
      pushFrame(Frame::Kind::List, v, key).single = n == 1;
      return;
    }
    if (opts.orderedDicts) {
      global("collections", "OrderedDict");
      op(PickleOp::EMPTY_TUPLE);
      op(PickleOp::REDUCE);
      memoize(key);
      if (v.toDict().size() > 0) pushFrame(Frame::Kind::OrderedDict, v, key);
      return;
    }
    op(PickleOp::EMPTY_DICT);
    memoize(key);
    size_t n = v.toDict().size();
    if (n == 0) return;
    pushFrame(Frame::Kind::Dict, v, key).single = n == 1;
  }

  // ------------------------------------------------------------ TorchScript forms

  static std::string typeTag(const TypePtr& t) { return t ? t->str() : std::string("Any"); }

  // As torch/csrc/jit/serialization/pickler.cpp: GLOBAL '<module> <Enum>',
  // the member's value (not a tuple), REDUCE; the unpickler looks the member
  // up by value.
  void saveEnum(const IValue& v) {
    const EnumObj& e = v.toEnum();
    if (!opts.torchScript)
      EMBER_FAIL_KIND(Type, "pickle: cannot save a value of enum '{}': torch.save files hold plain values",
                      e.type->name());
    const std::string& qualified = e.type->name();
    size_t dot = qualified.rfind('.');
    if (dot == std::string::npos) EMBER_FAIL_KIND(Type, "pickle: enum '{}' has no module prefix", qualified);
    global(std::string_view(qualified).substr(0, dot), std::string_view(qualified).substr(dot + 1));
    save(e.value);  // int, float or str: a leaf
    op(PickleOp::REDUCE);
  }

  void saveObject(const IValue& v) {
    const Object& o = v.toObject();
    const void* key = &o;
    if (getIfMemoized(key)) return;
    if (open.count(key)) EMBER_FAIL_KIND(Value, "pickle: cannot save an object that contains itself");
    const auto* cls = dynamic_cast<const ClassType*>(o.type.get());
    if (!cls) EMBER_FAIL_KIND(Type, "pickle: cannot save an object without a class type");
    std::optional<IValue> state;
    if (opts.objectState) state = opts.objectState(v);
    const std::string& qualified = cls->name();
    size_t dot = qualified.rfind('.');
    if (dot == std::string::npos) EMBER_FAIL_KIND(Type, "pickle: class '{}' has no module prefix", qualified);
    global(std::string_view(qualified).substr(0, dot), std::string_view(qualified).substr(dot + 1));
    op(PickleOp::EMPTY_TUPLE);
    op(PickleOp::NEWOBJ);
    if (state) {
      Frame& f = pushFrame(Frame::Kind::Build, v, key);
      f.state = std::move(*state);
      return;
    }
    op(PickleOp::EMPTY_DICT);
    op(PickleOp::MARK);
    pushFrame(Frame::Kind::Object, v, key);
  }

  // torch.jit._pickle.build_intlist & co for the element types torch
  // specializes; restore_type_tag(list, "List[T]") for the rest.
  void saveTsList(const IValue& v, const void* key) {
    const TypePtr& et = v.toList().elementType;
    TypeKind k = et ? et->kind() : TypeKind::Any;
    const char* builder = k == TypeKind::Int     ? "build_intlist"
                          : k == TypeKind::Float  ? "build_doublelist"
                          : k == TypeKind::Bool   ? "build_boollist"
                          : k == TypeKind::Tensor ? "build_tensorlist"
                                                  : nullptr;
    if (builder) {
      global("torch.jit._pickle", builder);
      op(PickleOp::MARK);
      op(PickleOp::EMPTY_LIST);
      op(PickleOp::MARK);
    } else {
      global("torch.jit._pickle", "restore_type_tag");
      op(PickleOp::EMPTY_LIST);
      op(PickleOp::MARK);
    }
    pushFrame(Frame::Kind::TsList, v, key).specialized = builder != nullptr;
  }

  void saveTsDict(const IValue& v, const void* key) {
    global("torch.jit._pickle", "restore_type_tag");
    op(PickleOp::EMPTY_DICT);
    if (v.toDict().size() > 0) op(PickleOp::MARK);
    pushFrame(Frame::Kind::TsDict, v, key);
  }

  void stepTsList(Frame& f) {
    const auto& e = f.v.toList().elements;
    if (f.i < e.size()) {
      IValue item = e[f.i++];
      return save(item);
    }
    op(PickleOp::APPENDS);
    if (f.specialized) {
      op(PickleOp::TUPLE);
    } else {
      writeUnicode("List[" + typeTag(f.v.toList().elementType) + "]");
      memoizeNew();
      op(PickleOp::TUPLE2);
    }
    op(PickleOp::REDUCE);
    const void* key = f.key;
    finishFrame();
    memoize(key);
  }

  void stepTsDict(Frame& f) {
    if (saveItemPart(f)) return;
    const DictObj& d = f.v.toDict();
    if (d.size() > 0) op(PickleOp::SETITEMS);
    writeUnicode("Dict[" + typeTag(d.keyType) + ", " + typeTag(d.valueType) + "]");
    memoizeNew();
    op(PickleOp::TUPLE2);
    op(PickleOp::REDUCE);
    const void* key = f.key;
    finishFrame();
    memoize(key);
  }

  void stepObject(Frame& f) {
    const Object& o = f.v.toObject();
    const auto& attrs = static_cast<const ClassType&>(*o.type).attributes();
    if (f.valueNext) {
      f.valueNext = false;
      IValue value = f.i < o.slots.size() ? o.slots[f.i] : IValue();
      ++f.i;
      return save(value);
    }
    if (f.i < attrs.size()) {
      f.valueNext = true;
      constantString(attrs[f.i].name);
      return;
    }
    op(PickleOp::SETITEMS);
    op(PickleOp::BUILD);
    const void* key = f.key;
    finishFrame();
    memoize(key);
  }

  void stepBuild(Frame& f) {
    if (f.i == 0) {
      f.i = 1;
      IValue state = f.state;
      return save(state);
    }
    op(PickleOp::BUILD);
    const void* key = f.key;
    finishFrame();
    memoize(key);
  }

  Frame& pushFrame(Frame::Kind kind, const IValue& v, const void* key) {
    open.insert(key);
    frames.push_back(Frame{kind, v, key});
    return frames.back();
  }

  void finishFrame() {
    open.erase(frames.back().key);
    frames.pop_back();
  }

  // Advances the top frame by one item or closes it. `f` must not be used
  // after save(), which may push a frame.
  void step() {
    Frame& f = frames.back();
    switch (f.kind) {
      case Frame::Kind::Tuple: return stepTuple(f);
      case Frame::Kind::List: return stepList(f);
      case Frame::Kind::Dict: return stepDict(f);
      case Frame::Kind::OrderedDict: return stepOrderedDict(f);
      case Frame::Kind::TsList: return stepTsList(f);
      case Frame::Kind::TsDict: return stepTsDict(f);
      case Frame::Kind::Object: return stepObject(f);
      case Frame::Kind::Build: return stepBuild(f);
    }
  }

  void stepTuple(Frame& f) {
    const auto& e = f.v.toTuple().elements;
    if (f.i < e.size()) {
      IValue item = e[f.i++];
      return save(item);
    }
    static constexpr PickleOp kSmall[] = {PickleOp::TUPLE1, PickleOp::TUPLE2, PickleOp::TUPLE3};
    op(e.size() > 3 ? PickleOp::TUPLE : kSmall[e.size() - 1]);
    const void* key = f.key;
    finishFrame();
    memoize(key);
  }

  // _pickle.c batch_list_exact: one item is APPEND; otherwise MARK ... APPENDS
  // per batch of 1000.
  void stepList(Frame& f) {
    const auto& e = f.v.toList().elements;
    if (f.single) {
      if (f.i == 0) {
        f.i = 1;
        IValue item = e[0];
        return save(item);
      }
      op(PickleOp::APPEND);
      return finishFrame();
    }
    if (f.batchOpen && (f.batch == kBatch || f.i == e.size())) {
      op(PickleOp::APPENDS);
      f.batchOpen = false;
      f.batch = 0;
      if (f.i == e.size()) finishFrame();
      return;
    }
    if (!f.batchOpen) {
      op(PickleOp::MARK);
      f.batchOpen = true;
    }
    ++f.batch;
    IValue item = e[f.i++];
    save(item);
  }

  // Saves the key or the value of item f.i; false when no item is left.
  bool saveItemPart(Frame& f) {
    const auto& entries = f.v.toDict().entries();
    if (f.valueNext) {
      f.valueNext = false;
      IValue value = entries[f.i].second;
      ++f.i;
      ++f.batch;
      save(value);
      return true;
    }
    if (f.i == entries.size()) return false;
    f.valueNext = true;
    IValue key = entries[f.i].first;
    save(key);
    return true;
  }

  // _pickle.c batch_dict_exact: one item is SETITEM; otherwise MARK ...
  // SETITEMS per batch of 1000, and (as Python does) one more, empty, batch
  // when the last one was full.
  void stepDict(Frame& f) {
    if (f.single) {
      if (f.i == 0) {
        saveItemPart(f);
        return;
      }
      op(PickleOp::SETITEM);
      return finishFrame();
    }
    if (!f.batchOpen) {
      op(PickleOp::MARK);
      f.batchOpen = true;
      f.batch = 0;
    }
    if (f.valueNext || f.batch < kBatch) {
      if (saveItemPart(f)) return;
    }
    op(PickleOp::SETITEMS);
    f.batchOpen = false;
    if (f.batch < kBatch) finishFrame();
  }

  // _pickle.c batch_dict (OrderedDict's dictitems iterator): a lone remaining
  // item is SETITEM; otherwise MARK ... SETITEMS per batch of 1000.
  void stepOrderedDict(Frame& f) {
    size_t n = f.v.toDict().size();
    if (!f.batchOpen) {
      size_t left = n - f.i;
      if (left == 0) return finishFrame();
      f.single = left == 1;
      if (!f.single) op(PickleOp::MARK);
      f.batchOpen = true;
      f.batch = 0;
    }
    if (f.valueNext || (f.batch < kBatch && f.i < n)) {
      saveItemPart(f);
      return;
    }
    op(f.single ? PickleOp::SETITEM : PickleOp::SETITEMS);
    f.batchOpen = false;
    if (f.single || f.batch < kBatch) finishFrame();
  }

  void dump(const IValue& v) {
    if (dumped) EMBER_FAIL("Pickler::dump called twice");
    dumped = true;
    op(PickleOp::PROTO);
    out.push_back(2);
    save(v);
    while (!frames.empty()) step();
    op(PickleOp::STOP);
  }
};

Pickler::Pickler(PicklerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Pickler::~Pickler() = default;

void Pickler::dump(const IValue& v) { impl_->dump(v); }
const std::vector<uint8_t>& Pickler::bytes() const { return impl_->out; }
std::vector<uint8_t> Pickler::takeBytes() { return std::move(impl_->out); }
const std::vector<PickledStorage>& Pickler::storages() const { return impl_->storages; }

std::vector<uint8_t> pickle(const IValue& v, std::vector<PickledStorage>* storages, PicklerOptions options) {
  Pickler p(options);
  p.dump(v);
  if (!p.storages().empty()) {
    if (!storages) EMBER_FAIL_KIND(Value, "pickle: the value holds tensors but no storage list was given");
    *storages = p.storages();
  }
  return p.takeBytes();
}

}  // namespace ember::serialization
