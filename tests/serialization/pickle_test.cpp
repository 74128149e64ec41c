// The pickle VM and the pickler: opcode semantics on hand-assembled pickles,
// the allow-list, hostile input (truncations, mutations, deep nesting, cycles,
// exponential sharing, unknown globals), round trips, and byte-for-byte
// agreement with Python's pickler (protocol 2).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "ember/serialization/pickler.h"
#include "ember/serialization/unpickler.h"
#include "ember/value/containers.h"
#include "serialization_test_util.h"

namespace ember::serialization {
namespace {

using namespace ember::serialization::testing;
using Op = PickleOp;

IValue load(const Bytes& b, UnpicklerOptions options = {}) { return unpickle(std::span<const uint8_t>(b), std::move(options)); }

std::string typeOf(const IValue& v) { return v.type()->str(); }

// ====== Scalars ======

TEST(Unpickler, Integers) {
  EXPECT_EQ(load(PickleBuilder().int1(5).stop()).toInt(), 5);
  EXPECT_EQ(load(PickleBuilder().op(Op::BININT2).u1(0x00).u1(0x01).stop()).toInt(), 256);
  EXPECT_EQ(load(PickleBuilder().op(Op::BININT).u4(0xffffffffu).stop()).toInt(), -1);
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG1).u1(0).stop()).toInt(), 0);
  // 2**40: six bytes, little-endian.
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG1).u1(6).raw(std::string("\0\0\0\0\0\x01", 6)).stop()).toInt(),
            int64_t(1) << 40);
  // -2**63 is the smallest int that fits; nine bytes of -1 still fit.
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG1).u1(8).raw(std::string("\0\0\0\0\0\0\0\x80", 8)).stop()).toInt(),
            std::numeric_limits<int64_t>::min());
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG1).u1(9).raw(std::string(9, '\xff')).stop()).toInt(), -1);
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG1).u1(1).u1(0x80).stop()).toInt(), -128);
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG4).u4(2).u1(0x00).u1(0x80).stop()).toInt(), -32768);
  // 2**63 needs a ninth (sign) byte: too big.
  std::string msg = errorOf([] { load(PickleBuilder().op(Op::LONG1).u1(9).raw(std::string("\0\0\0\0\0\0\0\x80\0", 9)).stop()); });
  EXPECT_NE(msg.find("does not fit in 64 bits at byte 2"), std::string::npos) << msg;
  // Text forms (protocol 0 opcodes are legal in any protocol).
  EXPECT_EQ(load(PickleBuilder().op(Op::INT).raw("-42\n").stop()).toInt(), -42);
  EXPECT_TRUE(load(PickleBuilder().op(Op::INT).raw("01\n").stop()).toBool());
  EXPECT_FALSE(load(PickleBuilder().op(Op::INT).raw("00\n").stop()).toBool());
  EXPECT_EQ(load(PickleBuilder().op(Op::LONG).raw("123456789012L\n").stop()).toInt(), 123456789012);
  errorOf([] { load(PickleBuilder().op(Op::INT).raw("99999999999999999999\n").stop()); });
  errorOf([] { load(PickleBuilder().op(Op::INT).raw("12x\n").stop()); });
}

TEST(Unpickler, FloatsBoolsNone) {
  // BINFLOAT is big-endian: 1.5 = 0x3ff8000000000000.
  EXPECT_EQ(load(PickleBuilder().op(Op::BINFLOAT).raw(std::string("\x3f\xf8\0\0\0\0\0\0", 8)).stop()).toDouble(), 1.5);
  EXPECT_EQ(load(PickleBuilder().op(Op::FLOAT).raw("-2.25\n").stop()).toDouble(), -2.25);
  EXPECT_TRUE(std::isinf(load(PickleBuilder().op(Op::FLOAT).raw("inf\n").stop()).toDouble()));
  EXPECT_TRUE(load(PickleBuilder().op(Op::NEWTRUE).stop()).toBool());
  EXPECT_FALSE(load(PickleBuilder().op(Op::NEWFALSE).stop()).toBool());
  EXPECT_TRUE(load(PickleBuilder().op(Op::NONE).stop()).isNone());
}

TEST(Unpickler, StringsAndBytes) {
  EXPECT_EQ(load(PickleBuilder().str("h\xc3\xa9llo").stop()).toStringRef(), "h\xc3\xa9llo");
  EXPECT_EQ(load(PickleBuilder().op(Op::SHORT_BINUNICODE).u1(2).raw("ab").stop()).toStringRef(), "ab");
  EXPECT_EQ(load(PickleBuilder().op(Op::BINUNICODE8).u4(3).u4(0).raw("xyz").stop()).toStringRef(), "xyz");
  EXPECT_EQ(load(PickleBuilder().op(Op::SHORT_BINBYTES).u1(2).u1(0xff).u1(0).stop()).toStringRef(),
            std::string("\xff\0", 2));
  EXPECT_EQ(load(PickleBuilder().op(Op::BINBYTES).u4(1).u1(0x80).stop()).toStringRef(), "\x80");
  EXPECT_EQ(load(PickleBuilder().op(Op::BYTEARRAY8).u4(1).u4(0).raw("q").stop()).toStringRef(), "q");
  EXPECT_EQ(load(PickleBuilder().op(Op::SHORT_BINSTRING).u1(1).raw("s").stop()).toStringRef(), "s");
  // STRING: a quoted literal with escapes; UNICODE: raw-unicode-escape.
  EXPECT_EQ(load(PickleBuilder().op(Op::STRING).raw("'a\\x41\\n\\'\\101'\n").stop()).toStringRef(), "aA\n'A");
  EXPECT_EQ(load(PickleBuilder().op(Op::UNICODE).raw("h\\u00e9\\U0001F600\xe9\n").stop()).toStringRef(),
            "h\xc3\xa9\xf0\x9f\x98\x80\xc3\xa9");
  errorOf([] { load(PickleBuilder().op(Op::STRING).raw("abc\n").stop()); });
  // Protocol 2 bytes: _codecs.encode('\xff\x00', 'latin1').
  Bytes codecs = PickleBuilder().global("_codecs", "encode").str(std::string("\xc3\xbf\0", 3)).str("latin1").op(Op::TUPLE2).op(Op::REDUCE).stop();
  EXPECT_EQ(load(codecs).toStringRef(), std::string("\xff\0", 2));
  // b'' is bytes().
  EXPECT_EQ(load(PickleBuilder().global("__builtin__", "bytes").op(Op::EMPTY_TUPLE).op(Op::REDUCE).stop()).toStringRef(), "");
}

// ====== Containers, memo, stack ======

TEST(Unpickler, ListsDictsTuples) {
  IValue l = load(PickleBuilder().op(Op::EMPTY_LIST).put(0).op(Op::MARK).int1(1).int1(2).op(Op::APPENDS).int1(3).op(Op::APPEND).stop());
  EXPECT_EQ(l.reprStr(), "[1, 2, 3]");
  EXPECT_EQ(typeOf(l), "List[int]");

  IValue d = load(PickleBuilder().op(Op::EMPTY_DICT).op(Op::MARK).str("a").int1(1).str("b").op(Op::NONE).op(Op::SETITEMS).str("c").int1(3).op(Op::SETITEM).stop());
  EXPECT_EQ(d.reprStr(), "{'a': 1, 'b': None, 'c': 3}");
  EXPECT_EQ(typeOf(d), "Dict[str, Optional[int]]");

  IValue t = load(PickleBuilder().op(Op::MARK).int1(1).op(Op::EMPTY_TUPLE).int1(2).op(Op::TUPLE1).op(Op::NONE).op(Op::NEWTRUE).op(Op::TUPLE2).str("x").op(Op::NONE).op(Op::NEWFALSE).op(Op::TUPLE3).op(Op::TUPLE).stop());
  EXPECT_EQ(t.reprStr(), "(1, (), (2,), (None, True), ('x', None, False))");

  // Protocol 0/1 LIST and DICT build from a MARK.
  EXPECT_EQ(load(PickleBuilder().op(Op::MARK).int1(4).int1(5).op(Op::LIST).stop()).reprStr(), "[4, 5]");
  EXPECT_EQ(load(PickleBuilder().op(Op::MARK).int1(4).int1(5).op(Op::DICT).stop()).reprStr(), "{4: 5}");
  errorOf([] { load(PickleBuilder().op(Op::MARK).int1(4).op(Op::DICT).stop()); });
}

TEST(Unpickler, MemoKeepsSharingAndProtocol4) {
  // [l, l] where l = [] : both elements are the same list.
  IValue v = load(PickleBuilder().op(Op::EMPTY_LIST).put(0).op(Op::POP).get(0).get(0).op(Op::TUPLE2).stop());
  ASSERT_TRUE(v.isTuple());
  EXPECT_TRUE(v.toTuple().elements[0].isSameIdentity(v.toTuple().elements[1]));

  // PROTO 4: FRAME, MEMOIZE, STACK_GLOBAL, LONG_BINPUT / LONG_BINGET at a huge index.
  Bytes p4 = PickleBuilder(4)
                 .op(Op::FRAME).u4(30).u4(0)
                 .op(Op::SHORT_BINUNICODE).u1(5).raw("torch").op(Op::MEMOIZE)
                 .op(Op::SHORT_BINUNICODE).u1(7).raw("float64").op(Op::MEMOIZE)
                 .op(Op::STACK_GLOBAL).op(Op::LONG_BINPUT).u4(0xfffffff0u).op(Op::POP)
                 .op(Op::LONG_BINGET).u4(0xfffffff0u).op(Op::BINGET).u1(1).op(Op::TUPLE2)
                 .stop();
  EXPECT_EQ(load(p4).reprStr(), "(7, 'float64')");

  // DUP, POP_MARK, and POP on an empty frame dropping the mark (as Python).
  EXPECT_EQ(load(PickleBuilder().int1(1).op(Op::DUP).op(Op::MARK).int1(9).int1(9).op(Op::POP_MARK).op(Op::MARK).op(Op::POP).op(Op::TUPLE2).stop()).reprStr(), "(1, 1)");
}

TEST(Unpickler, StackDisciplineErrors) {
  std::string msg = errorOf([] { load(PickleBuilder().get(5).stop()); });
  EXPECT_EQ(msg, "pickle: memo entry 5 is not defined at byte 2");
  msg = errorOf([] { load(PickleBuilder().op(Op::EMPTY_LIST).op(Op::MARK).int1(1).op(Op::APPEND).stop()); });
  EXPECT_NE(msg.find("stack underflow: APPEND needs 2 values at byte 6"), std::string::npos) << msg;
  msg = errorOf([] { load(PickleBuilder().int1(1).op(Op::TUPLE).stop()); });
  EXPECT_EQ(msg, "pickle: TUPLE without a MARK at byte 4");
  msg = errorOf([] { load(PickleBuilder().int1(1).int1(2).stop()); });
  EXPECT_EQ(msg, "pickle: STOP with 2 values on the stack, expected 1 at byte 6");
  msg = errorOf([] { load(PickleBuilder().op(Op::MARK).int1(1).stop()); });
  EXPECT_EQ(msg, "pickle: STOP with an unclosed MARK at byte 5");
  msg = errorOf([] { load(PickleBuilder().int1(1).int1(2).op(Op::APPEND).stop()); });
  EXPECT_EQ(msg, "pickle: APPEND on a Int, not a list at byte 6");
  msg = errorOf([] { load(PickleBuilder().op(Op::EMPTY_LIST).int1(2).int1(3).op(Op::SETITEM).stop()); });
  EXPECT_EQ(msg, "pickle: SETITEM on a List, not a dict at byte 7");
  msg = errorOf([] { load(PickleBuilder().op(Op::EMPTY_DICT).op(Op::EMPTY_LIST).int1(3).op(Op::SETITEM).stop()); });
  EXPECT_NE(msg.find("unhashable dict key of kind List"), std::string::npos) << msg;
  msg = errorOf([] { load(PickleBuilder().op(Op::POP).stop()); });
  EXPECT_EQ(msg, "pickle: POP without a MARK at byte 2");
}

// ====== Hostile input ======

TEST(Unpickler, NotAPickle) {
  EXPECT_EQ(errorOf([] { load(Bytes{}); }), "not a pickle: the input is empty");
  EXPECT_EQ(errorOf([] { load(Bytes{'P', 'K', 3, 4}); }),
            "not a pickle: expected the PROTO opcode (0x80) at byte 0, found 0x50");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 6, 'N', '.'}); }), "pickle: unsupported pickle protocol 6 at byte 0");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 2, 0xff, '.'}); }), "pickle: unknown opcode 0xff at byte 2");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 2, 'N'}); }), "pickle: truncated input: the pickle ends without STOP at byte 3");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 2, 'X', 0xff, 0xff, 0xff, 0xff, 'a'}); }),
            "pickle: truncated input: BINUNICODE of 4294967295 bytes but 1 remain at byte 2");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 2, 'J', 1}); }),
            "pickle: truncated input: BININT needs 4 more bytes but 1 remain at byte 2");
  EXPECT_EQ(errorOf([] { load(Bytes{0x80, 2, 'c', 'o', 's'}); }),
            "pickle: truncated input: the argument of GLOBAL has no end of line at byte 2");
}

TEST(Unpickler, UnknownGlobalsAreRefusedWithoutRunningAnything) {
  TempDir dir;
  std::string marker = dir.file("pwned");
  Bytes evil = PickleBuilder().global("os", "system").str("touch " + marker).op(Op::TUPLE1).op(Op::REDUCE).stop();
  EXPECT_EQ(errorOf([&] { load(evil); }), "pickle: unsupported global 'os.system' at byte 2");
  EXPECT_FALSE(fs::exists(marker));
  // The same through STACK_GLOBAL (protocol 4) and INST (protocol 0).
  Bytes viaStack = PickleBuilder(4).str("builtins").str("eval").op(Op::STACK_GLOBAL).str("1").op(Op::TUPLE1).op(Op::REDUCE).stop();
  EXPECT_EQ(errorOf([&] { load(viaStack); }), "pickle: unsupported global 'builtins.eval' at byte 24");
  Bytes viaInst = PickleBuilder().op(Op::MARK).str("x").op(Op::INST).raw("posix\nsystem\n").stop();
  EXPECT_EQ(errorOf([&] { load(viaInst); }), "pickle: unsupported global 'posix.system' at byte 9");
  // Hints for the usual mistakes.
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch.nn.modules.linear", "Linear").stop()); }),
            "pickle: unsupported global 'torch.nn.modules.linear.Linear' (a pickled Python object, e.g. "
            "torch.save(model): save its state_dict() or a TorchScript archive) at byte 2");
  // Control characters in names are escaped in the message.
  Bytes odd = PickleBuilder().global("a\x01", "b").stop();
  EXPECT_EQ(errorOf([&] { load(odd); }), "pickle: unsupported global 'a\\x01.b' at byte 2");
}

TEST(Unpickler, CallsOnlyAllowListedCallables) {
  // REDUCE on data, calling a type, globals stored as data.
  EXPECT_EQ(errorOf([] { load(PickleBuilder().int1(1).op(Op::EMPTY_TUPLE).op(Op::REDUCE).stop()); }),
            "pickle: REDUCE on a Int, which is not a callable global at byte 5");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch", "Tensor").op(Op::EMPTY_TUPLE).op(Op::REDUCE).stop()); }),
            "pickle: 'torch.Tensor' is a type and cannot be called here at byte 17");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().op(Op::EMPTY_LIST).global("torch", "device").op(Op::APPEND).stop()); }),
            "pickle: the global 'torch.device' cannot be stored in a container at byte 17");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch", "device").stop()); }),
            "pickle: the pickle's value is the global 'torch.device' at byte 16");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch", "device").op(Op::TUPLE1).stop()); }),
            "pickle: the pickle's value contains a global at byte 17");
  // Arguments must be a tuple; allow-listed functions check their arguments.
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch", "device").str("cpu").op(Op::REDUCE).stop()); }),
            "pickle: the arguments of 'torch.device' must be a tuple, not String at byte 24");
  std::string msg = errorOf([] { load(PickleBuilder().global("torch", "device").str("tpu").op(Op::TUPLE1).op(Op::REDUCE).stop()); });
  EXPECT_NE(msg.find("pickle: torch.device: Expected one of cpu, cuda, meta"), std::string::npos) << msg;
}

TEST(Unpickler, KnownButUnsupportedGlobals) {
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch._utils", "_rebuild_qtensor").stop()); }, ErrorKind::NotImplemented),
            "pickle: quantized tensors are not supported ('torch._utils._rebuild_qtensor') at byte 2");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("builtins", "set").stop()); }, ErrorKind::NotImplemented),
            "pickle: sets are not supported ('builtins.set') at byte 2");
  EXPECT_EQ(errorOf([] { load(PickleBuilder(4).op(Op::EMPTY_SET).stop()); }, ErrorKind::NotImplemented),
            "pickle: sets are not supported (EMPTY_SET) at byte 2");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().global("torch", "ComplexFloatStorage").stop()); }, ErrorKind::NotImplemented),
            "pickle: storages of this type are not supported ('torch.ComplexFloatStorage') at byte 2");
  EXPECT_EQ(errorOf([] { load(PickleBuilder().op(Op::EXT1).u1(1).stop()); }),
            "pickle: copyreg extension codes (EXT1) are not supported at byte 2");
}

TEST(Unpickler, DeepNestingIsBoundedWithoutRecursion) {
  // 200000 nested lists: far past what a recursive reader or printer survives.
  const int depth = 200000;
  PickleBuilder deep;
  for (int i = 0; i < depth; ++i) deep.op(Op::EMPTY_LIST);
  for (int i = 1; i < depth; ++i) deep.op(Op::APPEND);
  Bytes b = deep.stop();
  std::string msg = errorOf([&] { load(b); });
  EXPECT_NE(msg.find("values are nested more than 1000 levels deep"), std::string::npos) << msg;

  PickleBuilder tuples;
  tuples.int1(1);
  for (int i = 0; i < depth; ++i) tuples.op(Op::TUPLE1);
  Bytes t = tuples.stop();
  errorOf([&] { load(t); });

  // Within the limit all is well, and the value prints.
  PickleBuilder ok;
  for (int i = 0; i < 999; ++i) ok.op(Op::EMPTY_LIST);
  for (int i = 1; i < 999; ++i) ok.op(Op::APPEND);
  IValue v = load(ok.stop());
  EXPECT_EQ(v.reprStr().size(), 2u * 999);
}

TEST(Unpickler, RecursiveStructuresAreRefused) {
  // l.append(l)
  EXPECT_EQ(errorOf([] { load(PickleBuilder().op(Op::EMPTY_LIST).put(0).get(0).op(Op::APPEND).stop()); }),
            "pickle: a container cannot contain itself (recursive structures are not supported) at byte 7");
  // a = []; b = [a]; a.append(b)
  Bytes twoLists = PickleBuilder().op(Op::EMPTY_LIST).put(0).op(Op::EMPTY_LIST).get(0).op(Op::APPEND).op(Op::APPEND).stop();
  EXPECT_EQ(errorOf([&] { load(twoLists); }),
            "pickle: APPEND changes a container that is already part of another value (recursive structures are not "
            "supported) at byte 9");
  // d = {}; t = (d,); d['k'] = t
  Bytes viaTuple = PickleBuilder().op(Op::EMPTY_DICT).put(0).op(Op::TUPLE1).put(1).op(Op::POP).get(0).str("k").get(1).op(Op::SETITEM).stop();
  errorOf([&] { load(viaTuple); });
}

TEST(Unpickler, ExponentialSharingIsBounded) {
  // t0 = (1,), t(i+1) = (ti, ti): 40 levels expand to 2**40 nodes.
  PickleBuilder b;
  b.int1(1).op(Op::TUPLE1).put(0);
  for (int i = 0; i < 40; ++i) b.op(Op::POP).get(static_cast<uint8_t>(i)).get(static_cast<uint8_t>(i)).op(Op::TUPLE2).put(static_cast<uint8_t>(i + 1));
  Bytes bytes = b.stop();
  std::string msg = errorOf([&] { load(bytes); });
  EXPECT_NE(msg.find("expands to more than 268435456 nodes"), std::string::npos) << msg;

  // A shared tuple as a dict key is hashed recursively: bounded much lower.
  PickleBuilder k;
  k.op(Op::EMPTY_DICT).int1(1).op(Op::TUPLE1).put(0);
  for (int i = 0; i < 14; ++i) k.op(Op::POP).get(static_cast<uint8_t>(i)).get(static_cast<uint8_t>(i)).op(Op::TUPLE2).put(static_cast<uint8_t>(i + 1));
  k.int1(0).op(Op::SETITEM);
  Bytes keyBytes = k.stop();
  msg = errorOf([&] { load(keyBytes); });
  EXPECT_NE(msg.find("a dict key expands to more than 4096 nodes"), std::string::npos) << msg;
}

// A pickle touching most opcodes and the tensor path, for truncation and
// mutation sweeps.
Bytes richPickle() {
  Pickler p;
  auto dict = makeDict(types::str(), types::any());
  Tensor x = Tensor::fromVector<float>({0, 1, 2, 3, 4, 5}, std::vector<int64_t>{2, 3});
  dict->set(IValue("w"), IValue(x));
  dict->set(IValue("v"), IValue(x.asStrided(std::vector<int64_t>{3, 2}, std::vector<int64_t>{1, 3}, 0)));
  dict->set(IValue("n"), IValue(makeTuple({IValue(int64_t(1) << 40), IValue(-3), IValue(2.5), IValue(), IValue(true)})));
  dict->set(IValue("s"), IValue(std::string("h\xc3\xa9\xff", 4)));
  dict->set(IValue("d"), IValue(Device::parse("cuda:1")));
  dict->set(IValue("l"), intList({1, 2, 300, 70000}));
  p.dump(IValue(dict));
  return p.bytes();
}

Storage fakeStorage(const std::string&, DType dtype, int64_t numel) {
  auto s = makeIntrusive<StorageImpl>(static_cast<size_t>(numel) * elementSize(dtype));
  std::memset(s->data(), 0, s->nbytes());
  return s;
}

TEST(Unpickler, EveryTruncationFailsCleanly) {
  Bytes full = richPickle();
  UnpicklerOptions opts;
  opts.storageLoader = fakeStorage;
  ASSERT_NO_THROW(load(full, opts));
  for (size_t n = 0; n < full.size(); ++n) {
    Bytes cut(full.begin(), full.begin() + static_cast<ptrdiff_t>(n));
    try {
      load(cut, opts);
      ADD_FAILURE() << "a pickle cut to " << n << " bytes loaded";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
      std::string msg = e.what();
      EXPECT_TRUE(msg.find("byte") != std::string::npos || n == 0) << msg;
    }
  }
}

TEST(Unpickler, EveryByteMutationFailsCleanlyOrLoads) {
  Bytes full = richPickle();
  UnpicklerOptions opts;
  opts.storageLoader = fakeStorage;
  const uint8_t values[] = {0x00, 0x01, 0x7f, 0x80, 0xff, 'N', '.', '(', 't', 'R', 'h', 'q', 'e', 'u', 's', 'b'};
  for (size_t i = 0; i < full.size(); ++i) {
    for (uint8_t v : values) {
      Bytes m = full;
      m[i] = v;
      try {
        IValue r = load(m, opts);
        (void)r.reprStr();
      } catch (const Error&) {
      }
    }
  }
}

// ====== Tensors and storages ======

// A torch.save-style pickle of _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict()).
PickleBuilder& tensorCall(PickleBuilder& b, std::string_view key, std::string_view storageClass, int numel, int offset,
                          std::vector<int> sizes, std::vector<int> strides, bool requiresGrad) {
  b.global("torch._utils", "_rebuild_tensor_v2").op(Op::MARK);
  b.op(Op::MARK).str("storage").global("torch", storageClass).str(key).str("cpu").int1(static_cast<uint8_t>(numel)).op(Op::TUPLE).op(Op::BINPERSID);
  b.int1(static_cast<uint8_t>(offset));
  b.op(Op::MARK);
  for (int s : sizes) b.int1(static_cast<uint8_t>(s));
  b.op(Op::TUPLE).op(Op::MARK);
  for (int s : strides) b.int1(static_cast<uint8_t>(s));
  b.op(Op::TUPLE).op(requiresGrad ? Op::NEWTRUE : Op::NEWFALSE);
  b.global("collections", "OrderedDict").op(Op::EMPTY_TUPLE).op(Op::REDUCE);
  return b.op(Op::TUPLE).op(Op::REDUCE);
}

TEST(Unpickler, TensorsViewLoadedStorages) {
  int calls = 0;
  Storage loaded;
  UnpicklerOptions opts;
  opts.storageLoader = [&](const std::string& key, DType dtype, int64_t numel) {
    ++calls;
    EXPECT_EQ(key, "0");
    EXPECT_EQ(dtype, DType::Float);
    EXPECT_EQ(numel, 6);
    loaded = makeIntrusive<StorageImpl>(24);
    float* p = static_cast<float*>(loaded->data());
    for (int i = 0; i < 6; ++i) p[i] = static_cast<float>(i) * 1.5f;
    return loaded;
  };
  PickleBuilder b;
  b.op(Op::MARK);
  tensorCall(b, "0", "FloatStorage", 6, 0, {2, 3}, {3, 1}, false);
  tensorCall(b, "0", "FloatStorage", 6, 1, {2, 2}, {1, 3}, true);
  b.op(Op::TUPLE);
  IValue v = load(b.stop(), opts);
  EXPECT_EQ(calls, 1);
  const Tensor& a = v.toTuple().elements[0].toTensor();
  const Tensor& t = v.toTuple().elements[1].toTensor();
  EXPECT_EQ(a.storage().get(), loaded.get());
  EXPECT_EQ(t.storage().get(), loaded.get());
  EXPECT_EQ(a.toVector<float>(), (std::vector<float>{0, 1.5f, 3, 4.5f, 6, 7.5f}));
  EXPECT_EQ(t.storageOffset(), 1);
  EXPECT_EQ(t.toVector<float>(), (std::vector<float>{1.5f, 6, 3, 7.5f}));
  EXPECT_FALSE(a.requiresGrad());
  EXPECT_TRUE(t.requiresGrad());
}

TEST(Unpickler, NegativeStorageSizeIsRefused) {
  // ('storage', ByteStorage, '0', 'cpu', -1): a byte storage of -1 elements
  // must not reach the storage loader as a huge size.
  PickleBuilder b;
  b.op(Op::MARK).str("storage").global("torch", "ByteStorage").str("0").str("cpu");
  b.op(Op::BININT).u4(0xffffffffu).op(Op::TUPLE).op(Op::BINPERSID);
  UnpicklerOptions opts;
  bool called = false;
  opts.storageLoader = [&](const std::string&, DType, int64_t) {
    called = true;
    return makeIntrusive<StorageImpl>(0);
  };
  std::string msg = errorOf([&] { load(b.stop(), opts); });
  EXPECT_NE(msg.find("the storage size must be a non-negative int"), std::string::npos) << msg;
  EXPECT_FALSE(called);
}

TEST(Unpickler, TensorErrors) {
  PickleBuilder b;
  tensorCall(b, "0", "FloatStorage", 6, 0, {2, 3}, {3, 1}, false);
  Bytes ok = b.stop();
  EXPECT_EQ(errorOf([&] { load(ok); }), "pickle: the pickle holds tensors but no storage loader was given at byte 86");

  UnpicklerOptions small;
  small.storageLoader = [](const std::string&, DType, int64_t) { return makeIntrusive<StorageImpl>(8); };
  EXPECT_EQ(errorOf([&] { load(ok, small); }), "pickle: storage '0' has 8 bytes but 6 elements of float32 need 24 at byte 86");

  // A view reaching past its storage (size 3x3 over 6 elements).
  PickleBuilder over;
  tensorCall(over, "0", "FloatStorage", 6, 0, {3, 3}, {3, 1}, false);
  UnpicklerOptions opts;
  opts.storageLoader = fakeStorage;
  std::string msg = errorOf([&] { load(over.stop(), opts); });
  EXPECT_NE(msg.find("pickle: torch._utils._rebuild_tensor_v2: tensor of shape [3, 3]"), std::string::npos) << msg;

  // Bool bytes other than 0 and 1 (PyTorch saves them from uninitialized
  // tensors) become True: reading them as C++ bool would be undefined.
  PickleBuilder bools;
  tensorCall(bools, "0", "BoolStorage", 3, 0, {3}, {1}, false);
  UnpicklerOptions badBools;
  badBools.storageLoader = [](const std::string&, DType, int64_t) {
    auto s = makeIntrusive<StorageImpl>(3);
    std::memcpy(s->data(), "\x01\x00\xc0", 3);
    return s;
  };
  IValue normalized = load(bools.stop(), badBools);
  EXPECT_EQ(normalized.toTensor().toVector<uint8_t>(), (std::vector<uint8_t>{1, 0, 1}));

  // The storage loader's own errors keep their context.
  UnpicklerOptions failing;
  failing.storageLoader = [](const std::string&, DType, int64_t) -> Storage { EMBER_FAIL_KIND(Format, "missing record"); };
  EXPECT_EQ(errorOf([&] { load(ok, failing); }), "pickle: storage '0': missing record at byte 86");
}

TEST(Unpickler, ParametersAndTensorSubclasses) {
  UnpicklerOptions opts;
  opts.storageLoader = fakeStorage;
  PickleBuilder p;
  p.global("torch._utils", "_rebuild_parameter");
  tensorCall(p, "0", "HalfStorage", 4, 0, {4}, {1}, false);
  p.op(Op::NEWTRUE).global("collections", "OrderedDict").op(Op::EMPTY_TUPLE).op(Op::REDUCE).op(Op::TUPLE3).op(Op::REDUCE);
  IValue param = load(p.stop(), opts);
  EXPECT_TRUE(param.toTensor().requiresGrad());
  EXPECT_EQ(param.toTensor().dtype(), DType::Half);

  // _rebuild_from_type_v2(_rebuild_tensor_v2, torch.Tensor, args, {}).
  PickleBuilder s;
  s.global("torch._tensor", "_rebuild_from_type_v2").op(Op::MARK).global("torch._utils", "_rebuild_tensor_v2").global("torch", "Tensor");
  s.op(Op::MARK).op(Op::MARK).str("storage").global("torch", "LongStorage").str("0").str("cpu").int1(2).op(Op::TUPLE).op(Op::BINPERSID);
  s.int1(0).int1(2).op(Op::TUPLE1).int1(1).op(Op::TUPLE1).op(Op::NEWFALSE).op(Op::EMPTY_DICT).op(Op::TUPLE);
  s.op(Op::EMPTY_DICT).op(Op::TUPLE).op(Op::REDUCE);
  IValue sub = load(s.stop(), opts);
  EXPECT_EQ(sub.toTensor().dtype(), DType::Long);
  EXPECT_EQ(sub.toTensor().numel(), 2);
}

// ====== torch globals ======

TEST(Unpickler, TorchValueGlobals) {
  auto loadGlobal = [](std::string_view module, std::string_view name) {
    return load(PickleBuilder().global(module, name).stop());
  };
  EXPECT_EQ(loadGlobal("torch", "float32").toInt(), 6);
  EXPECT_EQ(loadGlobal("torch", "bfloat16").toInt(), 15);
  EXPECT_EQ(loadGlobal("torch", "bool").toInt(), 11);
  EXPECT_EQ(loadGlobal("torch", "complex64").toInt(), 9);
  EXPECT_EQ(loadGlobal("torch", "strided").toInt(), 0);
  EXPECT_EQ(loadGlobal("torch", "channels_last").toInt(), 2);
  EXPECT_EQ(loadGlobal("torch", "preserve_format").toInt(), 1);
  EXPECT_EQ(loadGlobal("torch", "BoolStorage").toInt(), 11);
  EXPECT_EQ(loadGlobal("torch", "per_tensor_affine").toInt(), 0);
  IValue dev = load(PickleBuilder().global("torch", "device").str("cuda").int1(1).op(Op::TUPLE2).op(Op::REDUCE).stop());
  EXPECT_EQ(dev.toDevice(), Device::parse("cuda:1"));
  IValue size = load(PickleBuilder().global("torch", "Size").int1(2).int1(3).op(Op::TUPLE2).op(Op::TUPLE1).op(Op::REDUCE).stop());
  EXPECT_EQ(size.reprStr(), "(2, 3)");
  IValue layout = load(PickleBuilder().global("torch.serialization", "_get_layout").str("torch.strided").op(Op::TUPLE1).op(Op::REDUCE).stop());
  EXPECT_EQ(layout.toInt(), 0);
}

TEST(Unpickler, OrderedDictWithMetadataState) {
  // What state_dict() pickles to: OrderedDict(), SETITEMS, BUILD({'_metadata': ...}).
  Bytes b = PickleBuilder()
                .global("collections", "OrderedDict").put(0).op(Op::EMPTY_TUPLE).op(Op::REDUCE).put(1)
                .op(Op::MARK).str("a").int1(1).str("b").int1(2).op(Op::SETITEMS)
                .op(Op::EMPTY_DICT).str("_metadata").get(0).op(Op::EMPTY_TUPLE).op(Op::REDUCE).str("").op(Op::EMPTY_DICT)
                .str("version").int1(1).op(Op::SETITEM).op(Op::SETITEM).op(Op::SETITEM).op(Op::BUILD)
                .stop();
  IValue d = load(b);
  EXPECT_EQ(d.reprStr(), "{'a': 1, 'b': 2}");
  EXPECT_EQ(typeOf(d), "Dict[str, int]");
  // BUILD on a plain dict is not something torch writes.
  EXPECT_EQ(errorOf([] { load(PickleBuilder().op(Op::EMPTY_DICT).op(Op::EMPTY_DICT).op(Op::BUILD).stop()); }),
            "pickle: BUILD on a Dict is not supported at byte 4");
}

TEST(Unpickler, CallerResolverExtendsAndOverrides) {
  UnpicklerOptions opts;
  opts.resolver = [](std::string_view module, std::string_view name) -> std::optional<PickleGlobal> {
    if (module == "mymod" && name == "add")
      return PickleGlobal::ofFunction([](std::span<const IValue> a) { return IValue(a[0].toInt() + a[1].toInt()); });
    if (module == "mymod" && name == "answer") return PickleGlobal::ofValue(IValue(42));
    return std::nullopt;
  };
  EXPECT_EQ(load(PickleBuilder().global("mymod", "add").int1(2).int1(3).op(Op::TUPLE2).op(Op::REDUCE).stop(), opts).toInt(), 5);
  EXPECT_EQ(load(PickleBuilder().global("mymod", "answer").stop(), opts).toInt(), 42);
  EXPECT_EQ(load(PickleBuilder().global("torch", "int64").stop(), opts).toInt(), 4);  // the defaults still apply
  // Errors from the caller's function carry the global's name and the byte.
  EXPECT_EQ(errorOf([&] { load(PickleBuilder().global("mymod", "add").str("x").int1(3).op(Op::TUPLE2).op(Op::REDUCE).stop(), opts); }),
            "pickle: mymod.add: expected a value of kind Int but got String at byte 22");
}

// ====== TorchScript helpers and objects ======

TEST(Unpickler, TorchScriptListHelpersAndTypeTags) {
  IValue l = load(PickleBuilder().global("torch.jit._pickle", "build_intlist").op(Op::EMPTY_LIST).op(Op::MARK).int1(1).int1(2).op(Op::APPENDS).op(Op::TUPLE1).op(Op::REDUCE).stop());
  EXPECT_EQ(typeOf(l), "List[int]");
  errorOf([] { load(PickleBuilder().global("torch.jit._pickle", "build_doublelist").op(Op::EMPTY_LIST).int1(1).op(Op::APPEND).op(Op::TUPLE1).op(Op::REDUCE).stop()); });

  // restore_type_tag types empty containers that inference cannot.
  IValue empty = load(PickleBuilder().global("torch.jit._pickle", "restore_type_tag").op(Op::EMPTY_LIST).str("List[float]").op(Op::TUPLE2).op(Op::REDUCE).stop());
  EXPECT_EQ(typeOf(empty), "List[float]");
  IValue dict = load(PickleBuilder().global("torch.jit._pickle", "restore_type_tag").op(Op::EMPTY_DICT).str("Dict[str, List[Tuple[int, Tensor]]]").op(Op::TUPLE2).op(Op::REDUCE).stop());
  EXPECT_EQ(typeOf(dict), "Dict[str, List[Tuple[int, Tensor]]]");
  // An unknown type (a class) keeps the inferred type.
  IValue cls = load(PickleBuilder().global("torch.jit._pickle", "restore_type_tag").op(Op::EMPTY_LIST).str("List[__torch__.Foo]").op(Op::TUPLE2).op(Op::REDUCE).stop());
  EXPECT_EQ(typeOf(cls), "List[Any]");

  UnpicklerOptions opts;
  opts.tensorTable = {Tensor::fromVector<int64_t>({7}, std::vector<int64_t>{1})};
  IValue t = load(PickleBuilder().global("torch.jit._pickle", "build_tensor_from_id").int1(0).op(Op::TUPLE1).op(Op::REDUCE).stop(), opts);
  EXPECT_EQ(t.toTensor().toVector<int64_t>(), (std::vector<int64_t>{7}));
  errorOf([&] { load(PickleBuilder().global("torch.jit._pickle", "build_tensor_from_id").int1(1).op(Op::TUPLE1).op(Op::REDUCE).stop(), opts); });
}

TEST(Unpickler, ParseTypeTag) {
  EXPECT_EQ(parseTypeTag("Optional[Dict[int, str]]")->str(), "Optional[Dict[int, str]]");
  EXPECT_EQ(parseTypeTag("Tuple[()]")->str(), types::tuple({})->str());
  EXPECT_EQ(parseTypeTag("List[int"), nullptr);
  EXPECT_EQ(parseTypeTag("List[int]]"), nullptr);
  EXPECT_EQ(parseTypeTag(std::string(10000, '[')), nullptr);
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "List[";
  EXPECT_EQ(parseTypeTag(deep + "int" + std::string(100000, ']')), nullptr);
}

TEST(Unpickler, TorchScriptObjectsGoToTheObjectBuilder) {
  // GLOBAL cls, EMPTY_TUPLE, NEWOBJ, BINPUT, state, BUILD (Python's layout), then the memo entry again.
  Bytes b = PickleBuilder()
                .global("__torch__.foo", "Bar").op(Op::EMPTY_TUPLE).op(Op::NEWOBJ).put(0)
                .op(Op::EMPTY_DICT).str("x").int1(1).op(Op::SETITEM).op(Op::BUILD)
                .get(0).op(Op::TUPLE2).stop();
  EXPECT_EQ(errorOf([&] { load(b); }),
            "pickle: cannot build an object of class '__torch__.foo.Bar': objects load only with their module's classes at byte 35");

  std::vector<std::string> seen;
  UnpicklerOptions opts;
  opts.objectBuilder = [&](const std::string& name, IValue arg, ObjectBuildKind kind) {
    seen.push_back(name + (kind == ObjectBuildKind::State ? " state " : " call ") + arg.reprStr());
    auto cls = std::make_shared<const Type>(TypeKind::Class, std::vector<TypePtr>{}, name);
    auto obj = makeIntrusive<Object>(cls, 1);
    obj->slots[0] = arg;
    return IValue(obj);
  };
  IValue v = load(b, opts);
  ASSERT_EQ(seen, (std::vector<std::string>{"__torch__.foo.Bar state {'x': 1}"}));
  EXPECT_TRUE(v.toTuple().elements[0].isSameIdentity(v.toTuple().elements[1]));

  // TorchScript enums: GLOBAL cls, value, REDUCE.
  seen.clear();
  load(PickleBuilder().global("__torch__", "Color").int1(2).op(Op::REDUCE).stop(), opts);
  EXPECT_EQ(seen, (std::vector<std::string>{"__torch__.Color call 2"}));

  // An object used inside its own state before BUILD.
  Bytes selfRef = PickleBuilder()
                      .global("__torch__", "M").op(Op::EMPTY_TUPLE).op(Op::NEWOBJ).put(0)
                      .op(Op::EMPTY_DICT).str("me").get(0).op(Op::SETITEM).op(Op::BUILD).stop();
  EXPECT_EQ(errorOf([&] { load(selfRef, opts); }),
            "pickle: the object of class '__torch__.M' is used before it is built at byte 29");
}

// ====== Type inference ======

TEST(Unpickler, InfersContainerTypes) {
  auto typeOfPickle = [](Bytes b, bool infer = true) {
    UnpicklerOptions o;
    o.inferContainerTypes = infer;
    return typeOf(load(b, std::move(o)));
  };
  EXPECT_EQ(typeOfPickle(PickleBuilder().op(Op::MARK).op(Op::MARK).int1(1).op(Op::LIST).op(Op::MARK).int1(2).op(Op::LIST).op(Op::LIST).stop()),
            "List[List[int]]");
  EXPECT_EQ(typeOfPickle(PickleBuilder().op(Op::MARK).int1(1).op(Op::BINFLOAT).raw(std::string(8, '\0')).op(Op::LIST).stop()), "List[Any]");
  EXPECT_EQ(typeOfPickle(PickleBuilder().op(Op::EMPTY_LIST).stop()), "List[Any]");
  EXPECT_EQ(typeOfPickle(PickleBuilder().op(Op::MARK).int1(1).str("a").op(Op::TUPLE2).op(Op::LIST).stop()), "List[Tuple[int, str]]");
  EXPECT_EQ(typeOfPickle(PickleBuilder().op(Op::MARK).int1(1).op(Op::LIST).stop(), false), "List[Any]");
}

TEST(Unpickler, Disassembler) {
  std::ostringstream os;
  disassemblePickle(PickleBuilder().op(Op::EMPTY_LIST).put(0).op(Op::MARK).int1(1).str("a").op(Op::APPENDS).stop(), os);
  EXPECT_EQ(os.str(),
            "     0: PROTO            2\n"
            "     2: EMPTY_LIST       \n"
            "     3: BINPUT           0\n"
            "     5: MARK             \n"
            "     6:   BININT1          1\n"
            "     8:   BINUNICODE       'a'\n"
            "    14: APPENDS          \n"
            "    15: STOP             \n");
  std::ostringstream bad;
  disassemblePickle(Bytes{0x80, 2, 'X', 9, 0, 0, 0, 'a'}, bad);
  EXPECT_NE(bad.str().find("error: BINUNICODE is truncated"), std::string::npos) << bad.str();
  // Never throws, whatever the input.
  Bytes rich = richPickle();
  for (size_t n = 0; n < rich.size(); ++n) {
    std::ostringstream sink;
    disassemblePickle(std::span<const uint8_t>(rich.data(), n), sink);
  }
}

// ====== Pickler ======

IValue roundTrip(const IValue& v, PicklerOptions options = {}) {
  std::vector<PickledStorage> storages;
  Bytes b = pickle(v, &storages, options);
  UnpicklerOptions u;
  u.storageLoader = [&](const std::string& key, DType dtype, int64_t numel) -> Storage {
    for (const PickledStorage& s : storages) {
      if (s.key != key) continue;
      EXPECT_EQ(s.dtype, dtype);
      EXPECT_EQ(s.numel, numel);
      return s.storage;
    }
    ADD_FAILURE() << "unknown storage key " << key;
    return nullptr;
  };
  return load(b, std::move(u));
}

TEST(Pickler, RoundTripsPlainValues) {
  auto dict = makeDict(types::str(), types::any());
  dict->set(IValue("a"), IValue(1));
  dict->set(IValue("\xe6\x97\xa5"), doubleList({1.5, -0.0, 1e300}));
  std::vector<IValue> many;
  for (int i = 0; i < 2500; ++i) many.emplace_back(int64_t(i) * 977 - 1000000);
  std::vector<IValue> elems = {IValue(),
                               IValue(true),
                               IValue(false),
                               IValue(std::numeric_limits<int64_t>::min()),
                               IValue(std::numeric_limits<int64_t>::max()),
                               IValue(int64_t(-2147483649LL)),
                               IValue(std::string("bytes \xff\x00", 8)),
                               IValue(std::string()),
                               IValue(Device::parse("cpu")),
                               IValue(Device::parse("cuda:3")),
                               IValue(dict),
                               IValue(makeList(types::any(), many)),
                               IValue(makeTuple({})),
                               IValue(makeTuple({IValue(1), IValue(2), IValue(3), IValue(4)}))};
  IValue v(makeTuple(elems));
  EXPECT_TRUE(roundTrip(v).equals(v)) << roundTrip(v).reprStr();
  EXPECT_TRUE(roundTrip(v, PicklerOptions{true}).equals(v));
}

TEST(Pickler, KeepsSharingAndSharedStorages) {
  Tensor x = Tensor::fromVector<int16_t>({1, 2, 3, 4, 5, 6}, std::vector<int64_t>{2, 3});
  Tensor xt = x.asStrided(std::vector<int64_t>{3, 2}, std::vector<int64_t>{1, 3}, 0);
  IValue shared = intList({1});
  IValue v(makeTuple({IValue(x), IValue(x), IValue(xt), shared, shared}));
  std::vector<PickledStorage> storages;
  pickle(v, &storages);
  ASSERT_EQ(storages.size(), 1u);
  EXPECT_EQ(storages[0].key, "0");
  EXPECT_EQ(storages[0].numel, 6);
  EXPECT_EQ(storages[0].dtype, DType::Short);

  IValue r = roundTrip(v);
  const auto& e = r.toTuple().elements;
  EXPECT_TRUE(e[0].isSameIdentity(e[1]));
  EXPECT_FALSE(e[0].isSameIdentity(e[2]));
  EXPECT_EQ(e[0].toTensor().storage().get(), e[2].toTensor().storage().get());
  EXPECT_EQ(e[2].toTensor().toVector<int16_t>(), (std::vector<int16_t>{1, 4, 2, 5, 3, 6}));
  EXPECT_TRUE(e[3].isSameIdentity(e[4]));
}

TEST(Pickler, RefusesWhatTorchSaveCannotHold) {
  auto cls = std::make_shared<const Type>(TypeKind::Class, std::vector<TypePtr>{}, "__torch__.M");
  EXPECT_EQ(errorOf([&] { pickle(IValue(makeIntrusive<Object>(cls, 0))); }, ErrorKind::Type),
            "pickle: cannot save an object of class '__torch__.M': torch.save files hold plain values");
  IValue l = intList({1});
  l.toList().elements.push_back(l);
  EXPECT_EQ(errorOf([&] { pickle(l); }, ErrorKind::Value), "pickle: cannot save a List that contains itself");
  l.toList().elements.clear();  // break the cycle so the list is freed

  Tensor x = Tensor::fromVector<float>({1, 2}, std::vector<int64_t>{2});
  Tensor asInt(makeIntrusive<TensorImpl>(x.storage(), 0, std::vector<int64_t>{2}, std::vector<int64_t>{1}, DType::Int));
  std::vector<PickledStorage> storages;
  EXPECT_EQ(errorOf([&] { pickle(IValue(makeTuple({IValue(x), IValue(asInt)})), &storages); }, ErrorKind::Type),
            "pickle: cannot save tensors that view the same storage as different dtypes (float32 and int32)");
  EXPECT_EQ(errorOf([&] { pickle(IValue(x)); }, ErrorKind::Value),
            "pickle: the value holds tensors but no storage list was given");
}

// The values of the Python script below, built in ember.
IValue pythonCase(const std::string& name) {
  auto strList = [](std::vector<std::string> v) {
    std::vector<IValue> e;
    for (auto& s : v) e.emplace_back(std::move(s));
    return IValue(makeList(types::str(), std::move(e)));
  };
  auto countingDict = [](int n) {
    auto d = makeDict(types::str(), types::intT());
    for (int i = 0; i < n; ++i) d->set(IValue(std::to_string(i)), IValue(i));
    return IValue(d);
  };
  auto range = [](int n) {
    std::vector<int64_t> v;
    for (int i = 0; i < n; ++i) v.push_back(i);
    return intList(v);
  };
  if (name == "ints") {
    std::vector<int64_t> v = {0, 1, 255, 256, 65535, 65536, -1, -256, 2147483647, -2147483648LL, 2147483648LL,
                              -2147483649LL, int64_t(1) << 40, -(int64_t(1) << 40), std::numeric_limits<int64_t>::max(),
                              std::numeric_limits<int64_t>::min(), 128, -128, int64_t(1) << 55, -(int64_t(1) << 55),
                              int64_t(1) << 47, -(int64_t(1) << 47) - 1};
    return intList(v);
  }
  if (name == "floats")
    return doubleList({0.0, -0.0, 1.5, 1e300, std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), 3.141592653589793,
                       std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::quiet_NaN()});
  if (name == "strings")
    return strList({"", "a", "h\xc3\xa9llo", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "emoji \xf0\x9f\x98\x80",
                    std::string(300, 'x'), "tab\tnew\nline"});
  if (name == "nested") {
    auto d = makeDict(types::str(), types::any());
    d->set(IValue("a"), IValue());
    d->set(IValue("b"), IValue(true));
    return IValue(makeTuple({IValue(1), IValue(makeTuple({IValue(2), IValue(3)})),
                             IValue(makeList(types::any(), {IValue(4), IValue(d)})), IValue(makeTuple({})),
                             IValue(makeDict(types::any(), types::any())), IValue(makeList(types::any())),
                             IValue(makeTuple({IValue(false)})),
                             IValue(makeTuple({IValue(1), IValue(2), IValue(3), IValue(4)}))}));
  }
  if (name == "shared") {
    IValue s("shared");
    IValue l = intList({1, 2});
    return IValue(makeList(types::any(), {s, s, l, l, IValue(makeTuple({l, s}))}));
  }
  if (name == "dict1000") return countingDict(1000);
  if (name == "dict1001") return countingDict(1001);
  if (name == "dict2") return countingDict(2);
  if (name == "dict1") return countingDict(1);
  if (name == "list1000") return range(1000);
  if (name == "list1001") return range(1001);
  if (name == "list1") return range(1);
  if (name.starts_with("odict")) return countingDict(std::stoi(name.substr(5)));
  if (name == "bytes")
    return IValue(makeList(types::str(), {IValue(std::string("\xff\x00" "abc", 5)), IValue(std::string("\x80"))}));
  if (name == "devices") return IValue(makeList(types::device(), {IValue(Device::parse("cpu")), IValue(Device::parse("cuda:1"))}));
  if (name == "bools") return IValue(makeList(types::any(), {IValue(true), IValue(false), IValue()}));
  if (name == "memo300") {
    std::vector<IValue> e;
    for (int i = 0; i < 300; ++i) e.emplace_back(std::to_string(i));
    for (int i = 0; i < 10; ++i) e.emplace_back(makeTuple({IValue(i)}));
    return IValue(makeList(types::any(), std::move(e)));
  }
  ADD_FAILURE() << "unknown case " << name;
  return IValue();
}

TEST(Pickler, MatchesPythonByteForByte) {
  if (!haveTorch()) GTEST_SKIP() << "needs " EMBER_PYTHON " with torch";
  TempDir dir;
  ASSERT_EQ(runPython(dir, R"PY(
import sys, os, pickle, collections, torch
d = sys.argv[1]
def w(name, v):
    with open(os.path.join(d, name + '.pkl'), 'wb') as f:
        f.write(pickle.dumps(v, protocol=2))
w('ints', [0, 1, 255, 256, 65535, 65536, -1, -256, 2**31-1, -2**31, 2**31, -2**31-1, 2**40, -2**40,
           2**63-1, -2**63, 128, -128, 2**55, -2**55, 2**47, -2**47 - 1])
w('floats', [0.0, -0.0, 1.5, 1e300, float('inf'), float('-inf'), 3.141592653589793, 5e-324, float('nan')])
w('strings', ['', 'a', 'héllo', '日本語', 'emoji 😀', 'x' * 300, 'tab\tnew\nline'])
w('nested', (1, (2, 3), [4, {'a': None, 'b': True}], (), {}, [], (False,), (1, 2, 3, 4)))
l = [1, 2]; s = 'shared'
w('shared', [s, s, l, l, (l, s)])
for n in (1, 2, 1000, 1001):
    w('dict%d' % n, {str(i): i for i in range(n)})
for n in (1, 1000, 1001):
    w('list%d' % n, list(range(n)))
for n in (1, 2, 1000, 1001, 2001):
    w('odict%d' % n, collections.OrderedDict((str(i), i) for i in range(n)))
w('bytes', [b'\xff\x00abc', b'\x80'])
w('devices', [torch.device('cpu'), torch.device('cuda', 1)])
w('bools', [True, False, None])
w('memo300', [str(i) for i in range(300)] + [(i,) for i in range(10)])
)PY"),
            0)
      << pythonOutput(dir);
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().extension() != ".pkl") continue;
    std::string name = entry.path().stem().string();
    Bytes expected = readFile(entry.path().string());
    IValue v = pythonCase(name);
    Bytes actual = pickle(v, nullptr, PicklerOptions{name.starts_with("odict")});
    EXPECT_EQ(actual, expected) << name;
    // And the unpickler reads Python's bytes back to the same value.
    IValue back = load(expected);
    if (name != "floats") {
      EXPECT_TRUE(back.equals(v)) << name << ": " << back.reprStr();
    }
  }
}

}  // namespace
}  // namespace ember::serialization
