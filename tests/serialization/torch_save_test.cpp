// torch.save files: PyTorch writes, ember reads (zip format, protocols 2, 4
// and 5, the legacy format, real state dicts); ember writes, PyTorch reads and
// checks; the same value pickles to the same data.pkl bytes as torch.save;
// zero-copy loading; malformed and hostile files.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "ember/serialization/pickler.h"
#include "ember/serialization/torch_save.h"
#include "ember/serialization/zip_reader.h"
#include "ember/serialization/zip_writer.h"
#include "ember/value/containers.h"
#include "serialization_test_util.h"

namespace ember::serialization {
namespace {

using namespace ember::serialization::testing;
using Op = PickleOp;

constexpr DType kDTypes[] = {DType::Byte, DType::Char, DType::Short,    DType::Int,    DType::Long,
                             DType::Half, DType::BFloat16, DType::Float, DType::Double, DType::Bool};

const IValue& field(const IValue& dict, const char* key) {
  const IValue* v = dict.toDict().find(IValue(key));
  if (!v) throw std::runtime_error(std::string("missing key ") + key);
  return *v;
}

std::vector<double> valuesOf(const Tensor& t) { return t.to(DType::Double).toVector<double>(); }

// The i-th element of the script's make(dt): i*3+1, or i%3==0 for bool.
double madeValue(DType dt, int64_t i) { return dt == DType::Bool ? (i % 3 == 0) : static_cast<double>(i * 3 + 1); }

std::vector<double> madeValues(DType dt, std::initializer_list<int64_t> indices) {
  std::vector<double> out;
  for (int64_t i : indices) out.push_back(madeValue(dt, i));
  return out;
}

// The 12-element values of make(dt) as an ember tensor.
Tensor makeTensor(DType dt) {
  std::vector<float> v;
  for (int i = 0; i < 12; ++i) v.push_back(static_cast<float>(madeValue(dt, i)));
  return Tensor::fromVector<float>(v, std::vector<int64_t>{3, 4}).to(dt, /*copy=*/true);
}

Tensor view(const Tensor& t, std::vector<int64_t> sizes, std::vector<int64_t> strides, int64_t offset) {
  return t.asStrided(sizes, strides, offset);
}

// What the script's `values` dict must load as.
void checkValues(const IValue& v) {
  ASSERT_TRUE(v.isDict()) << v.tagName();
  EXPECT_EQ(field(v, "int").toInt(), 7);
  EXPECT_EQ(field(v, "big").toInt(), int64_t(1) << 40);
  EXPECT_EQ(field(v, "neg").toInt(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(field(v, "float").toDouble(), 1.25);
  EXPECT_EQ(field(v, "str").toStringRef(), "h\xc3\xa9llo \xe6\x97\xa5\xe6\x9c\xac");
  EXPECT_TRUE(field(v, "true").toBool());
  EXPECT_FALSE(field(v, "false").toBool());
  EXPECT_TRUE(field(v, "none").isNone());
  EXPECT_EQ(field(v, "tuple").reprStr(), "(1, (2.5, 'x'), [])");
  EXPECT_EQ(field(v, "list").reprStr(), "[1, 2, 3]");
  EXPECT_EQ(field(v, "list").type()->str(), "List[int]");
  EXPECT_EQ(field(v, "nested").reprStr(), "{'a': [{'b': (None,)}]}");
  EXPECT_EQ(field(v, "bytes").toStringRef(), std::string("\0\xff", 2));
  EXPECT_EQ(field(v, "dtype").toInt(), static_cast<int64_t>(DType::Half));
  EXPECT_EQ(field(v, "device").toDevice(), Device::parse("cuda:0"));
  EXPECT_EQ(field(v, "size").reprStr(), "(2, 3)");
  EXPECT_EQ(field(v, "intkey").reprStr(), "{1: 'one', -2: 'minus two'}");
}

// What the script's [ts, views, extra] must load as.
void checkTensors(const IValue& all) {
  const auto& parts = all.toList().elements;
  const auto& ts = parts.at(0).toList().elements;
  ASSERT_EQ(ts.size(), 10u);
  for (size_t k = 0; k < 10; ++k) {
    const Tensor& t = ts[k].toTensor();
    EXPECT_EQ(t.dtype(), kDTypes[k]);
    EXPECT_EQ(shapeString(t.sizes()), "[3, 4]");
    EXPECT_EQ(valuesOf(t), madeValues(kDTypes[k], {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})) << dtypeName(kDTypes[k]);
  }
  const Tensor& f = ts[7].toTensor();
  const auto& views = parts.at(1).toList().elements;
  ASSERT_EQ(views.size(), 4u);
  for (const IValue& v : views) EXPECT_EQ(v.toTensor().storage().get(), f.storage().get());
  const Tensor& t = views[0].toTensor();
  EXPECT_EQ(shapeString(t.sizes()), "[4, 3]");
  EXPECT_EQ(shapeString(t.strides()), "[1, 4]");
  EXPECT_EQ(valuesOf(t), madeValues(DType::Float, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}));
  EXPECT_EQ(views[1].toTensor().storageOffset(), 4);
  EXPECT_EQ(valuesOf(views[1].toTensor()), madeValues(DType::Float, {4, 5, 6, 7}));
  EXPECT_EQ(shapeString(views[2].toTensor().strides()), "[4, 2]");
  EXPECT_EQ(valuesOf(views[2].toTensor()), madeValues(DType::Float, {1, 3, 5, 7, 9, 11}));
  EXPECT_EQ(views[3].toTensor().storageOffset(), 11);
  EXPECT_EQ(valuesOf(views[3].toTensor()), madeValues(DType::Float, {11}));

  const auto& extra = parts.at(2).toList().elements;
  ASSERT_EQ(extra.size(), 4u);
  EXPECT_EQ(extra[0].toTensor().dim(), 0);
  EXPECT_EQ(extra[0].toTensor().dtype(), DType::Double);
  EXPECT_EQ(extra[0].toTensor().item().toDouble(), 3.5);
  EXPECT_EQ(shapeString(extra[1].toTensor().sizes()), "[0, 3]");
  EXPECT_EQ(extra[1].toTensor().numel(), 0);
  EXPECT_TRUE(extra[2].toTensor().requiresGrad());  // a Parameter
  EXPECT_EQ(valuesOf(extra[2].toTensor()), (std::vector<double>{1, 1}));
  EXPECT_TRUE(extra[3].toTensor().requiresGrad());
  EXPECT_FALSE(f.requiresGrad());
}

// ====== PyTorch writes, ember reads ======

TEST(TorchSave, LoadsWhatPyTorchSaves) {
  if (!haveTorch()) GTEST_SKIP() << "needs " EMBER_PYTHON " with torch";
  TempDir dir;
  ASSERT_EQ(runPython(dir, R"PY(
import sys, os, collections, warnings, torch
warnings.filterwarnings('ignore')
d = sys.argv[1]
p = lambda n: os.path.join(d, n)
dts = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16, torch.bfloat16,
       torch.float32, torch.float64, torch.bool]
base = torch.arange(12).reshape(3, 4)
def make(dt):
    return (base % 3 == 0) if dt == torch.bool else (base * 3 + 1).to(dt)
values = {
    'int': 7, 'big': 2**40, 'neg': -2**63, 'float': 1.25, 'str': 'héllo 日本', 'true': True, 'false': False,
    'none': None, 'tuple': (1, (2.5, 'x'), []), 'list': [1, 2, 3], 'nested': {'a': [{'b': (None,)}]},
    'bytes': b'\x00\xff', 'dtype': torch.float16, 'device': torch.device('cuda', 0), 'size': torch.Size([2, 3]),
    'intkey': {1: 'one', -2: 'minus two'},
}
torch.save(values, p('values.pt'))
ts = [make(dt) for dt in dts]
f = ts[7]
views = [f.t(), f[1], f[:, 1::2], f[2:, 3:]]
extra = [torch.tensor(3.5, dtype=torch.float64), torch.zeros(0, 3), torch.nn.Parameter(torch.ones(2)),
         torch.ones(3, requires_grad=True)]
torch.save([ts, views, extra], p('tensors.pt'))
for proto in (4, 5):
    torch.save([ts, views, extra, values], p('proto%d.pt' % proto), pickle_protocol=proto)
torch.save([ts, views, extra, values], p('legacy.pt'), _use_new_zipfile_serialization=False)
torch.manual_seed(0)
sd = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2)).state_dict()
torch.save(sd, p('state_dict.pt'))
with open(p('state_dict.txt'), 'w') as out:
    for k, v in sd.items():
        out.write(k + ' ' + str(v.dtype) + ' ' + ' '.join(repr(float(x)) for x in v.flatten().tolist()) + '\n')
)PY"),
            0)
      << pythonOutput(dir);

  checkValues(loadTorchFile(dir.file("values.pt")));
  checkTensors(loadTorchFile(dir.file("tensors.pt")));
  for (const char* name : {"proto4.pt", "proto5.pt", "legacy.pt"}) {
    SCOPED_TRACE(name);
    IValue v = loadTorchFile(dir.file(name));
    checkTensors(v);
    checkValues(v.toList().elements.at(3));
  }

  // A real state dict: an OrderedDict with _metadata, in insertion order.
  IValue sd = loadTorchFile(dir.file("state_dict.pt"));
  EXPECT_EQ(sd.type()->str(), "Dict[str, Tensor]");
  Bytes text = readFile(dir.file("state_dict.txt"));
  std::istringstream expected(std::string(text.begin(), text.end()));
  std::string line;
  size_t index = 0;
  while (std::getline(expected, line)) {
    std::istringstream fields(line);
    std::string key, dtype;
    fields >> key >> dtype;
    ASSERT_LT(index, sd.toDict().size());
    const auto& [k, t] = sd.toDict().entries()[index++];
    EXPECT_EQ(k.toStringRef(), key);
    EXPECT_EQ("torch." + std::string(dtypeName(t.toTensor().dtype())), dtype);
    std::vector<double> want;
    for (double x; fields >> x;) want.push_back(x);
    std::vector<double> got = valuesOf(t.toTensor());
    ASSERT_EQ(got.size(), want.size()) << key;
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i]) << key << "[" << i << "]";
  }
  EXPECT_EQ(index, sd.toDict().size());
  EXPECT_EQ(index, 7u);  // weight, bias, and BatchNorm's weight, bias, running_mean, running_var, num_batches_tracked
}

// ====== ember writes, PyTorch reads ======

IValue emberArgs() {
  Tensor x = Tensor::fromVector<float>({0, 1, 2, 3, 4, 5}, std::vector<int64_t>{2, 3});
  auto d = makeDict(types::str(), types::tensor());
  d->set(IValue("k"), IValue(x));
  return IValue(makeTuple({IValue(x), IValue(3), IValue(2.5), IValue("str"), IValue(), intList({1, 2}),
                           IValue(makeTuple({IValue(x), IValue(view(x, {3}, {1}, 0))})), IValue(d)}));
}

TEST(TorchSave, PyTorchLoadsWhatEmberSaves) {
  if (!haveTorch()) GTEST_SKIP() << "needs " EMBER_PYTHON " with torch";
  TempDir dir;

  auto values = makeDict(types::str(), types::any());
  values->set(IValue("int"), IValue(7));
  values->set(IValue("big"), IValue(int64_t(1) << 40));
  values->set(IValue("neg"), IValue(std::numeric_limits<int64_t>::min()));
  values->set(IValue("float"), IValue(1.25));
  values->set(IValue("str"), IValue("h\xc3\xa9llo \xe6\x97\xa5\xe6\x9c\xac"));
  values->set(IValue("true"), IValue(true));
  values->set(IValue("none"), IValue());
  values->set(IValue("tuple"), IValue(makeTuple({IValue(1), IValue(makeTuple({IValue(2.5), IValue("x")})), IValue(makeList(types::intT()))})));
  values->set(IValue("nested"), IValue(makeList(types::any(), {IValue(makeTuple({IValue()}))})));
  values->set(IValue("bytes"), IValue(std::string("\0\xff", 2)));
  values->set(IValue("dtype"), IValue(DType::Half));
  values->set(IValue("device"), IValue(Device::parse("cuda:1")));
  values->set(IValue("cpu"), IValue(Device::parse("cpu")));
  values->set(IValue(5), IValue("int key"));
  saveTorchFile(IValue(values), dir.file("e_values.pt"));

  std::vector<IValue> ts;
  for (DType dt : kDTypes) ts.emplace_back(makeTensor(dt));
  const Tensor& f = ts[7].toTensor();
  std::vector<IValue> views = {IValue(view(f, {4, 3}, {1, 4}, 0)), IValue(view(f, {4}, {1}, 4)),
                               IValue(view(f, {3, 2}, {4, 2}, 1)), IValue(view(f, {1, 1}, {4, 1}, 11))};
  Tensor param = Tensor::fromVector<float>({1, 1}, std::vector<int64_t>{2});
  param.impl()->requiresGrad = true;
  std::vector<IValue> extra = {IValue(Tensor::scalar(Scalar(3.5), DType::Double)),
                               IValue(Tensor::empty(std::vector<int64_t>{0, 3}, DType::Float)), IValue(param)};
  saveTorchFile(IValue(makeList(types::any(), {IValue(makeList(types::tensor(), ts)), IValue(makeList(types::tensor(), views)),
                                               IValue(makeList(types::tensor(), extra))})),
                dir.file("e_tensors.pt"));

  auto ordered = makeDict(types::str(), types::intT());
  ordered->set(IValue("a"), IValue(1));
  ordered->set(IValue("b"), IValue(2));
  saveTorchFile(IValue(ordered), dir.file("e_ordered.pt"), TorchSaveOptions{true, ""});
  saveTorchFile(emberArgs(), dir.file("e_args.pt"));

  Tensor x = Tensor::fromVector<float>({0, 1, 2, 3, 4, 5}, std::vector<int64_t>{2, 3});
  auto w = makeDict(types::str(), types::tensor());
  w->set(IValue("w"), IValue(x));
  IValue compare(makeList(types::any(), {IValue(x), IValue(view(x, {3, 2}, {1, 3}, 0)), IValue(view(x, {3}, {1}, 3)),
                                         IValue(Tensor::fromVector<int16_t>({1, 1, 1}, std::vector<int64_t>{3})), IValue(w)}));
  saveTorchFile(compare, dir.file("e_compare.pt"));

  int status = runPython(dir, R"PY(
import sys, os, collections, zipfile, warnings, torch
warnings.filterwarnings('ignore')
d = sys.argv[1]
p = lambda n: os.path.join(d, n)
errors = []
def check(cond, what):
    if not cond:
        errors.append(what)

v = torch.load(p('e_values.pt'))
exp = {'int': 7, 'big': 2**40, 'neg': -2**63, 'float': 1.25, 'str': 'héllo 日本', 'true': True, 'none': None,
       'tuple': (1, (2.5, 'x'), []), 'nested': [(None,)], 'bytes': b'\x00\xff', 'dtype': 5,
       'device': torch.device('cuda', 1), 'cpu': torch.device('cpu'), 5: 'int key'}
check(type(v) is dict and list(v.keys()) == list(exp.keys()), 'values keys: %r' % (list(v.keys()),))
for k, e in exp.items():
    check(k in v and v[k] == e and type(v[k]) is type(e), 'values[%r] = %r, expected %r' % (k, v.get(k), e))

dts = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16, torch.bfloat16,
       torch.float32, torch.float64, torch.bool]
base = torch.arange(12).reshape(3, 4)
def make(dt):
    return (base % 3 == 0) if dt == torch.bool else (base * 3 + 1).to(dt)
ts, views, extra = torch.load(p('e_tensors.pt'))
for dt, t in zip(dts, ts):
    check(t.dtype == dt and torch.equal(t, make(dt)), '%s: %r' % (dt, t))
f = ts[7]
for got, want in zip(views, [f.t(), f[1], f[:, 1::2], f[2:, 3:]]):
    check(torch.equal(got, want) and got.stride() == want.stride() and got.storage_offset() == want.storage_offset(),
          'view %r' % (got,))
    check(got.storage().data_ptr() == f.storage().data_ptr(), 'a view does not share its storage')
check(extra[0].dim() == 0 and extra[0].item() == 3.5 and extra[0].dtype == torch.float64, 'scalar %r' % (extra[0],))
check(extra[1].shape == (0, 3) and extra[1].dtype == torch.float32, 'empty %r' % (extra[1],))
check(extra[2].requires_grad and torch.equal(extra[2].detach(), torch.ones(2)), 'param %r' % (extra[2],))
check(not f.requires_grad, 'requires_grad leaked')

od = torch.load(p('e_ordered.pt'))
check(type(od) is collections.OrderedDict and list(od.items()) == [('a', 1), ('b', 2)], 'ordered %r' % (od,))

args = torch.load(p('e_args.pt'))
check(type(args) is tuple and len(args) == 8, 'args %r' % (args,))
x = torch.arange(6.).reshape(2, 3)
check(torch.equal(args[0], x) and args[1:6] == (3, 2.5, 'str', None, [1, 2]), 'args %r' % (args,))
check(args[6][0] is args[0] and args[7]['k'] is args[0], 'args lost sharing')
check(torch.equal(args[6][1], x.flatten()[:3]) and args[6][1].storage().data_ptr() == args[0].storage().data_ptr(),
      'args view')
check(zipfile.ZipFile(p('e_args.pt')).namelist() == ['e_args/data.pkl', 'e_args/data/0', 'e_args/version'],
      'names %r' % (zipfile.ZipFile(p('e_args.pt')).namelist(),))

# The same value through torch.save: identical records.
torch.save([x, x.t(), x[1], torch.ones(3, dtype=torch.int16), {'w': x}], p('p_compare.pt'))
ze, zp = zipfile.ZipFile(p('e_compare.pt')), zipfile.ZipFile(p('p_compare.pt'))
check([n.split('/', 1)[1] for n in ze.namelist()] == [n.split('/', 1)[1] for n in zp.namelist()],
      'records %r vs %r' % (ze.namelist(), zp.namelist()))
for n in zp.namelist():
    rest = n.split('/', 1)[1]
    check(ze.read('e_compare/' + rest) == zp.read(n), 'record %s differs' % rest)
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('ok')
)PY");
  EXPECT_EQ(status, 0) << pythonOutput(dir);
}

// ====== In-process ======

TEST(TorchSave, RoundTripViewsTheMappedFile) {
  TempDir dir;
  std::string path = dir.file("model.weights.pt");
  saveTorchFile(emberArgs(), path);
  {
    ZipReader reader(path);
    EXPECT_EQ(reader.archiveRoot(), "model.weights");
    EXPECT_EQ(reader.names(), (std::vector<std::string>{"model.weights/data.pkl", "model.weights/data/0",
                                                        "model.weights/version"}));
    EXPECT_EQ(reader.readString("model.weights/version"), "3\n");
  }
  IValue v = loadTorchFile(path);
  const auto& e = v.toTuple().elements;
  ASSERT_EQ(e.size(), 8u);
  EXPECT_EQ(IValue(makeTuple({e[1], e[2], e[3], e[4], e[5]})).reprStr(), "(3, 2.5, 'str', None, [1, 2])");
  EXPECT_TRUE(e[6].toTuple().elements[0].isSameIdentity(e[0]));
  const Tensor& x = v.toTuple().elements[0].toTensor();
  EXPECT_TRUE(x.storage()->isBorrowed());  // viewing the mapping
  EXPECT_EQ(reinterpret_cast<uintptr_t>(x.storage()->data()) % StorageImpl::kAlignment, 0u);
  // Tensors viewing the mapping can be written in place; the file is unchanged.
  Bytes before = readFile(path);
  x.data<float>()[0] = 42;
  EXPECT_EQ(readFile(path), before);
  EXPECT_EQ(loadTorchFile(path).toTuple().elements[0].toTensor().toVector<float>()[0], 0.0f);
  // The storage keeps the mapping alive after the file is gone.
  fs::remove(path);
  EXPECT_EQ(x.toVector<float>(), (std::vector<float>{42, 1, 2, 3, 4, 5}));

  // From memory, and copying on request.
  Bytes bytes = saveTorchBytes(emberArgs());
  ZipReader reader(std::make_shared<const Bytes>(bytes));
  EXPECT_EQ(reader.archiveRoot(), "archive");
  IValue m = loadTorchBytes(std::span<const uint8_t>(bytes));
  EXPECT_EQ(m.toTuple().elements[7].reprStr().substr(0, 6), "{'k': ");
  TorchLoadOptions copy;
  copy.copyStorages = true;
  IValue c = loadTorchBytes(std::span<const uint8_t>(bytes), copy);
  EXPECT_FALSE(c.toTuple().elements[0].toTensor().storage()->isBorrowed());
  EXPECT_EQ(c.toTuple().elements[6].toTuple().elements[1].toTensor().toVector<float>(), (std::vector<float>{0, 1, 2}));
}

TEST(TorchSave, RootName) {
  EXPECT_EQ(torchSaveRootName("/a/b/out.pt"), "out");
  EXPECT_EQ(torchSaveRootName("x.tar.pt"), "x.tar");
  EXPECT_EQ(torchSaveRootName("dir.d/noext"), "noext");
  EXPECT_EQ(torchSaveRootName("/a/.pt"), "archive");
}

// ====== Malformed and hostile files ======

Bytes archive(std::initializer_list<std::pair<std::string, Bytes>> records) {
  ZipWriter w;
  for (const auto& [name, bytes] : records) w.add(name, std::span<const uint8_t>(bytes));
  w.finish();
  return w.takeBuffer();
}

Bytes str(std::string_view s) { return Bytes(s.begin(), s.end()); }

TEST(TorchSave, MalformedFiles) {
  auto loadBytes = [](const Bytes& b) { return loadTorchBytes(std::span<const uint8_t>(b)); };
  EXPECT_EQ(errorOf([&] { loadBytes(str("hello")); }), "<memory>: not a torch.save file (neither a zip archive nor a legacy pickle)");
  EXPECT_EQ(errorOf([] { loadTorchFile("/nonexistent/x.pt"); }, ErrorKind::Io).substr(0, 12), "cannot open ");

  Bytes pkl = PickleBuilder().int1(1).stop();
  EXPECT_EQ(loadBytes(archive({{"a/data.pkl", pkl}, {"a/version", str("3\n")}})).toInt(), 1);
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/data.pkl", pkl}, {"a/byteorder", str("big")}})); }, ErrorKind::NotImplemented),
            "<memory>: big-endian torch.save files are not supported");
  EXPECT_EQ(loadBytes(archive({{"a/data.pkl", pkl}, {"a/byteorder", str("little")}})).toInt(), 1);
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/constants.pkl", pkl}, {"a/code/m.py", str("")}})); }),
            "<memory>: this is a TorchScript archive (torch.jit.save), not a torch.save file");
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/x", pkl}})); }),
            "<memory>: not a torch.save file: the archive has no a/data.pkl");

  // A tensor whose record is missing, or of the wrong size.
  Bytes tensorPkl = [] {
    std::vector<PickledStorage> storages;
    return pickle(IValue(Tensor::fromVector<float>({1, 2}, std::vector<int64_t>{2})), &storages);
  }();
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/data.pkl", tensorPkl}})); }),
            "<memory>: pickle: storage '0': missing tensor data record 'a/data/0' at byte 98");
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/data.pkl", tensorPkl}, {"a/data/0", Bytes(7)}})); }),
            "<memory>: pickle: storage '0': record 'a/data/0' has 7 bytes but 2 elements of float32 need 8 at byte 98");
  EXPECT_EQ(loadBytes(archive({{"a/data.pkl", tensorPkl}, {"a/data/0", Bytes(8)}})).toTensor().numel(), 2);

  // Hostile: a global that would run code.
  Bytes evil = PickleBuilder().global("os", "system").str("echo pwned").op(Op::TUPLE1).op(Op::REDUCE).stop();
  EXPECT_EQ(errorOf([&] { loadBytes(archive({{"a/data.pkl", evil}})); }),
            "<memory>: pickle: unsupported global 'os.system' at byte 2");
}

TEST(TorchSave, EveryTruncationFailsCleanly) {
  Bytes full = saveTorchBytes(emberArgs());
  for (size_t n = 0; n < full.size(); n += (n < 200 || full.size() - n < 200) ? 1 : 7) {
    Bytes cut(full.begin(), full.begin() + static_cast<ptrdiff_t>(n));
    try {
      loadTorchBytes(std::span<const uint8_t>(cut));
      ADD_FAILURE() << "a file cut to " << n << " bytes loaded";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    }
  }
}

// The legacy format, assembled by hand: magic, version, sys info, value, keys, data.
Bytes legacyFile(int64_t claimedCount, bool littleEndian = true, bool withData = true) {
  Bytes out = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e};
  auto append = [&](const Bytes& b) { out.insert(out.end(), b.begin(), b.end()); };
  append(PickleBuilder().op(Op::BININT2).u1(0xe9).u1(0x03).stop());
  append(PickleBuilder().op(Op::EMPTY_DICT).str("little_endian").op(littleEndian ? Op::NEWTRUE : Op::NEWFALSE).op(Op::SETITEM).stop());
  PickleBuilder value;
  value.global("torch._utils", "_rebuild_tensor_v2").op(Op::MARK);
  value.op(Op::MARK).str("storage").global("torch", "IntStorage").str("140").str("cpu").int1(3).op(Op::NONE).op(Op::TUPLE).op(Op::BINPERSID);
  value.int1(1).int1(2).op(Op::TUPLE1).int1(1).op(Op::TUPLE1).op(Op::NEWFALSE).op(Op::EMPTY_DICT).op(Op::TUPLE).op(Op::REDUCE);
  append(value.stop());
  append(PickleBuilder().op(Op::EMPTY_LIST).str("140").op(Op::APPEND).stop());
  if (!withData) return out;
  for (int k = 0; k < 8; ++k) out.push_back(static_cast<uint8_t>(claimedCount >> (8 * k)));
  for (int32_t i : {10, 20, 30}) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<uint8_t>(i >> (8 * k)));
  }
  return out;
}

TEST(TorchSave, LegacyFormat) {
  auto loadBytes = [](const Bytes& b) { return loadTorchBytes(std::span<const uint8_t>(b)); };
  IValue t = loadBytes(legacyFile(3));
  EXPECT_EQ(t.toTensor().dtype(), DType::Int);
  EXPECT_EQ(t.toTensor().toVector<int32_t>(), (std::vector<int32_t>{20, 30}));
  EXPECT_EQ(errorOf([&] { loadBytes(legacyFile(4)); }),
            "<memory>: legacy torch.save format: a storage's size differs from its persistent id");
  EXPECT_EQ(errorOf([&] { loadBytes(legacyFile(3, false)); }, ErrorKind::NotImplemented),
            "<memory>: big-endian torch.save files are not supported");
  EXPECT_EQ(errorOf([&] { loadBytes(legacyFile(3, true, false)); }),
            "<memory>: legacy torch.save format: truncated storage data");
  Bytes full = legacyFile(3);
  for (size_t n = 15; n < full.size(); ++n) {
    Bytes cut(full.begin(), full.begin() + static_cast<ptrdiff_t>(n));
    EXPECT_THROW(loadBytes(cut), Error) << n;
  }
}

}  // namespace
}  // namespace ember::serialization
