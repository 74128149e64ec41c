// Zip container: writer -> reader round trips, archives written by Python's
// zipfile and by PyTorch, and hostile input (every truncation, byte flips,
// crafted lies) that must end in ember::Error, never a crash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "ember/serialization/mapped_file.h"
#include "ember/serialization/zip_format.h"
#include "ember/serialization/zip_reader.h"
#include "ember/serialization/zip_writer.h"
#include "ember/support/error.h"

namespace ember::serialization {
namespace {

#ifndef EMBER_PYTHON
#define EMBER_PYTHON "/usr/bin/python3"
#endif

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

Bytes bytesOf(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes pseudoRandom(size_t n, uint32_t seed) {
  Bytes out(n);
  for (auto& b : out) {
    seed = seed * 1664525u + 1013904223u;
    b = uint8_t(seed >> 24);
  }
  return out;
}

std::shared_ptr<const Bytes> share(Bytes bytes) {
  return std::make_shared<const Bytes>(std::move(bytes));
}

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ember_zip_XXXXXX").string();
    EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
    path_ = pattern;
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

void writeFile(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool havePython() { return std::system(EMBER_PYTHON " -c 'pass' >/dev/null 2>&1") == 0; }
bool haveTorch() { return std::system(EMBER_PYTHON " -c 'import torch' >/dev/null 2>&1") == 0; }

// Runs a Python script (written to a file, so no shell quoting) and returns its exit status.
int runPython(const TempDir& dir, const std::string& script, const std::string& args = "") {
  std::string scriptPath = dir.file("script.py");
  writeFile(scriptPath, script);
  return std::system((std::string(EMBER_PYTHON) + " " + scriptPath + " " + args).c_str());
}

// The archive used by most tests: stored, deflated, empty and binary entries.
Bytes smallArchive(ZipWriterOptions options = {}) {
  ZipWriter writer(options);
  writer.add("archive/data.pkl", std::string_view("\x80\x02}q\x00.", 6));
  writer.add("archive/code/m.py", std::string(300, 'x') + "def forward(self):\n",
             /*compress=*/true);
  writer.add("archive/empty", "");
  writer.add("archive/data/0", pseudoRandom(100, 1));
  writer.finish();
  return writer.takeBuffer();
}

// Opens and reads every entry: what a loader does with an untrusted file.
void readEverything(const std::shared_ptr<const Bytes>& bytes) {
  ZipReader reader(bytes);
  for (const std::string& name : reader.names()) {
    reader.read(name);
    reader.share(name);
  }
  reader.archiveRoot();
}

template <class F>
std::string formatErrorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return "";
}

// ====== Round trips ======

TEST(ZipTest, RoundTripInMemory) {
  Bytes random = pseudoRandom(100, 1);
  auto reader = ZipReader(share(smallArchive()));
  EXPECT_EQ(reader.names(), (std::vector<std::string>{"archive/data.pkl", "archive/code/m.py",
                                                      "archive/empty", "archive/data/0"}));
  EXPECT_TRUE(reader.has("archive/data/0"));
  EXPECT_FALSE(reader.has("archive/data/1"));
  EXPECT_FALSE(reader.has("archive"));
  EXPECT_EQ(reader.archiveRoot(), "archive");

  EXPECT_EQ(reader.readString("archive/data.pkl"), std::string("\x80\x02}q\x00.", 6));
  EXPECT_EQ(reader.readString("archive/code/m.py"), std::string(300, 'x') + "def forward(self):\n");
  EXPECT_EQ(reader.read("archive/data/0"), random);
  EXPECT_TRUE(reader.read("archive/empty").empty());

  const ZipEntry& code = reader.entry("archive/code/m.py");
  EXPECT_EQ(code.method, zip::kMethodDeflate);
  EXPECT_LT(code.compressedSize, code.uncompressedSize);
  EXPECT_EQ(reader.entry("archive/data/0").method, zip::kMethodStored);

  auto view = reader.view("archive/data/0");
  EXPECT_EQ(Bytes(view.begin(), view.end()), random);
  EXPECT_EQ(reader.viewString("archive/data.pkl").size(), 6u);
  EXPECT_NO_THROW(reader.verify("archive/data/0"));
  EXPECT_NO_THROW(reader.verify("archive/code/m.py"));
}

TEST(ZipTest, ViewIsZeroCopyAndShareKeepsArchiveAlive) {
  auto buffer = share(smallArchive());
  SharedBytes stored;
  SharedBytes inflated;
  {
    ZipReader reader(buffer);
    auto view = reader.view("archive/data/0");
    EXPECT_GE(view.data(), buffer->data());
    EXPECT_LE(view.data() + view.size(), buffer->data() + buffer->size());
    stored = reader.share("archive/data/0");
    EXPECT_EQ(stored.data.get(), view.data());
    inflated = reader.share("archive/code/m.py");
  }
  std::weak_ptr<const Bytes> weak = buffer;
  buffer.reset();
  EXPECT_FALSE(weak.expired());  // the shared slice owns the archive
  EXPECT_EQ(Bytes(stored.span().begin(), stored.span().end()), pseudoRandom(100, 1));
  EXPECT_EQ(inflated.str(), std::string(300, 'x') + "def forward(self):\n");
  stored = {};
  EXPECT_TRUE(weak.expired());
}

TEST(ZipTest, StoredDataIsAlignedTo64BytesWithPyTorchPadding) {
  ZipWriter writer;
  for (int i = 0; i < 40; ++i) {
    // Names and sizes of every length so each padding amount occurs.
    writer.add("root/" + std::string(size_t(i), 'n'), pseudoRandom(size_t(i * 7), uint32_t(i)));
  }
  writer.finish();
  auto bytes = share(writer.takeBuffer());
  ZipReader reader(bytes);
  for (const ZipEntry& entry : reader.entries()) {
    EXPECT_EQ(entry.dataOffset % 64, 0u) << entry.name;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(reader.view(entry).data()) -
                  reinterpret_cast<uintptr_t>(bytes->data()),
              entry.dataOffset);
    // The local extra field is PyTorch's: 'F' 'B', u16 padding size, 'Z' filler.
    const uint8_t* h = bytes->data() + entry.headerOffset;
    const uint8_t* extra = h + zip::kLocalHeaderSize + zip::load16(h + 26);
    ASSERT_EQ(extra[0], 'F');
    ASSERT_EQ(extra[1], 'B');
    uint16_t padding = zip::load16(extra + 2);
    EXPECT_EQ(zip::load16(h + 28), padding + 4u);
    for (size_t i = 0; i < padding; ++i) EXPECT_EQ(extra[4 + i], 'Z');
  }
}

TEST(ZipTest, FileRoundTripThroughMmap) {
  TempDir dir;
  std::string path = dir.file("model.pt");
  {
    ZipWriter writer(path);
    writer.add("model/data.pkl", "pickle");
    writer.add("model/data/0", pseudoRandom(4096, 3));
    writer.add("model/code/__torch__/m.py", "x = 1\n", true);
    writer.finish();
  }
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));

  SharedBytes tensor;
  {
    ZipReader reader(path);
    EXPECT_EQ(reader.path(), path);
    EXPECT_EQ(reader.archiveRoot(), "model");
    EXPECT_EQ(reader.readString("model/code/__torch__/m.py"), "x = 1\n");
    tensor = reader.share("model/data/0");
    EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.data.get()) % 64, 0u);  // mmap is page aligned
  }
  EXPECT_EQ(Bytes(tensor.span().begin(), tensor.span().end()), pseudoRandom(4096, 3));
}

TEST(ZipTest, UnfinishedWriterLeavesNoFile) {
  TempDir dir;
  std::string path = dir.file("half.pt");
  {
    ZipWriter writer(path);
    writer.add("a/b", "data");
    EXPECT_TRUE(fs::exists(path + ".tmp"));
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST(ZipTest, WriterRefusesBadNamesAndMisuse) {
  ZipWriter writer;
  writer.add("a/b", "1");
  for (std::string bad : std::vector<std::string>{"", "../x", "a/../../x", "/abs", "C:/x", "a\\b",
                                                  std::string("a\0b", 3), "a/b"}) {
    try {
      writer.add(bad, "2");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Value) << e.what();
    }
  }
  writer.finish();
  EXPECT_THROW(writer.add("a/c", "3"), Error);
  EXPECT_THROW(writer.finish(), Error);

  TempDir dir;
  try {
    ZipWriter file(dir.file("missing/dir/x.pt"));
    ADD_FAILURE() << "created a file in a missing directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Io);
    EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos)
        << e.what();
  }
}

TEST(ZipTest, Zip64RecordsRoundTrip) {
  auto reader = ZipReader(share(smallArchive({.forceZip64 = true})));
  EXPECT_EQ(reader.entries().size(), 4u);
  EXPECT_EQ(reader.read("archive/data/0"), pseudoRandom(100, 1));
  EXPECT_EQ(reader.readString("archive/code/m.py"), std::string(300, 'x') + "def forward(self):\n");
  for (const ZipEntry& entry : reader.entries()) EXPECT_EQ(entry.dataOffset % 64, 0u);
}

TEST(ZipTest, MoreThan65535EntriesUseZip64) {
  ZipWriter writer;
  for (int i = 0; i < 70000; ++i) writer.add("r/" + std::to_string(i), std::to_string(i));
  writer.finish();
  Bytes bytes = writer.takeBuffer();
  // The classic end record's count holds the 0xffff marker.
  EXPECT_EQ(zip::load16(bytes.data() + bytes.size() - 12), 0xffff);
  ZipReader reader(share(std::move(bytes)));
  ASSERT_EQ(reader.entries().size(), 70000u);
  EXPECT_EQ(reader.readString("r/69999"), "69999");
}

// ====== Interoperability ======

TEST(ZipTest, ReadsPythonZipfileOutput) {
  if (!havePython()) GTEST_SKIP() << "python3 missing";
  TempDir dir;
  // Stored, deflated at two levels, a folder entry, a non-ASCII name, and a
  // member streamed to an unseekable file (so it has a data descriptor) with
  // zip64 extra fields forced.
  std::string script = R"(
import sys, zipfile
class Unseekable:
    def __init__(self, f): self.f = f
    def write(self, b): return self.f.write(b)
    def flush(self): self.f.flush()
with open(sys.argv[1], 'wb') as raw:
    with zipfile.ZipFile(Unseekable(raw), 'w') as z:
        z.writestr('pkg/stored.bin', bytes(range(256)) * 3, compress_type=zipfile.ZIP_STORED)
        z.writestr('pkg/deflated.txt', 'hello ' * 1000, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr('pkg/best.txt', 'abc' * 5000, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        z.writestr('pkg/sub/', b'')
        z.writestr('pkg/ümlaut.txt', 'utf-8 name')
        with z.open('pkg/streamed.bin', 'w', force_zip64=True) as f:
            f.write(b'streamed' * 100)
        z.comment = b'a comment with PK\x05\x06 inside'
)";
  std::string path = dir.file("py.zip");
  ASSERT_EQ(runPython(dir, script, path), 0);

  ZipReader reader(path);
  EXPECT_EQ(reader.archiveRoot(), "pkg");
  Bytes stored;
  for (int r = 0; r < 3; ++r)
    for (int i = 0; i < 256; ++i) stored.push_back(uint8_t(i));
  EXPECT_EQ(reader.read("pkg/stored.bin"), stored);
  auto view = reader.view("pkg/stored.bin");
  EXPECT_EQ(Bytes(view.begin(), view.end()), stored);

  std::string hello;
  for (int i = 0; i < 1000; ++i) hello += "hello ";
  EXPECT_EQ(reader.readString("pkg/deflated.txt"), hello);
  std::string abc;
  for (int i = 0; i < 5000; ++i) abc += "abc";
  EXPECT_EQ(reader.readString("pkg/best.txt"), abc);
  EXPECT_TRUE(reader.entry("pkg/sub/").isDirectory());
  EXPECT_EQ(reader.readString("pkg/\xc3\xbcmlaut.txt"), "utf-8 name");

  const ZipEntry& streamed = reader.entry("pkg/streamed.bin");
  EXPECT_TRUE(streamed.flags & zip::kFlagDataDescriptor);
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += "streamed";
  EXPECT_EQ(reader.readString("pkg/streamed.bin"), expected);
}

// Python's zipfile checks every CRC, the local headers and the zip64 records.
void expectPythonReads(const TempDir& dir, const std::string& path, size_t entries) {
  std::string script = R"(
import sys, zipfile, zlib
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    infos = z.infolist()
    assert len(infos) == int(sys.argv[2]), len(infos)
    for i in infos:
        z.read(i)
)";
  EXPECT_EQ(runPython(dir, script, path + " " + std::to_string(entries)), 0) << path;
}

TEST(ZipTest, PythonReadsWriterOutput) {
  if (!havePython()) GTEST_SKIP() << "python3 missing";
  TempDir dir;
  for (bool force : {false, true}) {
    std::string path = dir.file(force ? "zip64.zip" : "plain.zip");
    Bytes bytes = smallArchive({.forceZip64 = force});
    writeFile(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    expectPythonReads(dir, path, 4);
  }

  std::string many = dir.file("many.zip");
  ZipWriter writer(many);
  for (int i = 0; i < 70000; ++i) writer.add("r/" + std::to_string(i), std::to_string(i));
  writer.finish();
  expectPythonReads(dir, many, 70000);
}

// torch.save and torch.jit.save output (data descriptors, 'FB' padding) read
// by ember, rewritten by ember's writer, loaded back by torch.load / torch.jit.load.
TEST(ZipTest, TorchRoundTrip) {
  if (!haveTorch()) GTEST_SKIP() << "python3-torch missing";
  TempDir dir;
  std::string saved = dir.file("saved.pt");
  std::string scripted = dir.file("scripted.pt");
  ASSERT_EQ(runPython(dir, R"(
import sys, torch
torch.save({'w': torch.arange(12.).reshape(3, 4), 'n': 3, 's': 'text'}, sys.argv[1])
class M(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(4, 2)
    def forward(self, x):
        return self.lin(x) * 2
torch.manual_seed(0)
torch.jit.save(torch.jit.script(M()), sys.argv[2])
)",
                      saved + " " + scripted),
            0);

  ZipReader reader(saved);
  EXPECT_EQ(reader.archiveRoot(), "saved");
  for (const ZipEntry& entry : reader.entries()) {
    EXPECT_TRUE(entry.flags & zip::kFlagDataDescriptor) << entry.name;
    EXPECT_EQ(entry.dataOffset % 64, 0u) << entry.name;
  }
  auto weights = reader.view("saved/data/0");
  ASSERT_EQ(weights.size(), 12 * sizeof(float));
  EXPECT_EQ(reinterpret_cast<const float*>(weights.data())[5], 5.0f);
  EXPECT_EQ(ZipReader(scripted).archiveRoot(), "scripted");

  std::string args;
  for (const std::string& source : {saved, scripted}) {
    ZipReader in(source);
    for (bool force : {false, true}) {
      std::string copy = source + (force ? ".copy64" : ".copy");
      ZipWriter writer(copy, {.forceZip64 = force});
      for (const ZipEntry& entry : in.entries()) {
        // Compress the pickles: torch must inflate them too.
        writer.add(entry.name, in.read(entry), entry.name.ends_with(".pkl"));
      }
      writer.finish();
      args += " " + copy;
    }
  }
  EXPECT_EQ(runPython(dir, R"(
import sys, torch
for path in sys.argv[1:3]:
    d = torch.load(path)
    assert torch.equal(d['w'], torch.arange(12.).reshape(3, 4)), d
    assert d['n'] == 3 and d['s'] == 'text', d
original = torch.jit.load(sys.argv[3][:-len('.copy')])
x = torch.ones(3, 4)
for path in sys.argv[3:5]:
    m = torch.jit.load(path)
    assert torch.equal(m(x), original(x)), path
)",
                      args),
            0);
}

// ====== Hostile input ======

TEST(ZipTest, EveryTruncationIsAFormatError) {
  Bytes full = smallArchive();
  for (size_t length = 0; length < full.size(); ++length) {
    auto cut = share(Bytes(full.begin(), full.begin() + ptrdiff_t(length)));
    try {
      readEverything(cut);
      ADD_FAILURE() << "truncation to " << length << " bytes was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    }
  }
}

TEST(ZipTest, ByteFlipsNeverEscapeAsOtherErrors) {
  for (bool force : {false, true}) {
    Bytes full = smallArchive({.forceZip64 = force});
    for (size_t i = 0; i < full.size(); ++i) {
      for (uint8_t mask : {uint8_t(0xff), uint8_t(0x01), uint8_t(0x80)}) {
        Bytes damaged = full;
        damaged[i] ^= mask;
        try {
          readEverything(share(std::move(damaged)));
        } catch (const Error& e) {
          EXPECT_EQ(e.kind(), ErrorKind::Format) << "byte " << i << ": " << e.what();
        }
      }
    }
  }
}

// Offsets of the first central header and the end record, for crafting lies.
struct Layout {
  size_t central;
  size_t end;
};

Layout layoutOf(const Bytes& bytes) {
  size_t end = bytes.size() - zip::kEndOfCentralDirSize;
  return {zip::load32(bytes.data() + end + 16), end};
}

TEST(ZipTest, ErrorsNameTheProblemAndThePlace) {
  Bytes good = smallArchive();
  Layout at = layoutOf(good);

  // A damaged stored byte: open and view succeed (no CRC on view), read does not.
  {
    Bytes bad = good;
    ZipReader probe(share(good));
    bad[probe.entry("archive/data/0").dataOffset] ^= 1;
    ZipReader reader(share(bad));
    EXPECT_NO_THROW(reader.view("archive/data/0"));
    EXPECT_EQ(formatErrorOf([&] { reader.read("archive/data/0"); }),
              "zip: crc32 mismatch in '<memory>' (entry 'archive/data/0')");
    EXPECT_THROW(reader.verify("archive/data/0"), Error);
  }
  EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bytesOf("hello"))); }),
            "zip: not a zip archive (file too small) in '<memory>'");
  EXPECT_EQ(formatErrorOf([&] { ZipReader(share(Bytes(100, 0))); }),
            "zip: not a zip archive (no end of central directory record) in '<memory>'");
  {
    Bytes bad = good;
    zip::store32(bad.data() + at.end + 16, uint32_t(bad.size()));
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bad), "m.pt"); }),
              "zip: central directory out of bounds in 'm.pt'");
  }
  {
    Bytes bad = good;
    zip::store16(bad.data() + at.end + 8, 0x7fff);
    zip::store16(bad.data() + at.end + 10, 0x7fff);
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bad)); }),
              "zip: entry count exceeds central directory size in '<memory>'");
  }
  {
    Bytes bad = good;
    bad[at.central] = 'X';
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bad)); }),
              "zip: bad central directory signature in '<memory>'");
  }
  {
    // Point the second entry's header at the first one's.
    Bytes bad = good;
    size_t second = at.central + zip::kCentralHeaderSize +
                    zip::load16(bad.data() + at.central + 28) +
                    zip::load16(bad.data() + at.central + 30);
    zip::store32(bad.data() + second + 42, 0);
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bad)); }),
              "zip: local header name differs from central directory in '<memory>' (entry "
              "'archive/code/m.py')");
  }
  {
    // The deflated entry claims a size larger / smaller than its stream.
    ZipReader probe(share(good));
    size_t index = 1;
    ASSERT_EQ(probe.entries()[index].name, "archive/code/m.py");
    size_t header = at.central;
    for (size_t i = 0; i < index; ++i) {
      header += zip::kCentralHeaderSize + zip::load16(good.data() + header + 28) +
                zip::load16(good.data() + header + 30);
    }
    uint32_t size = zip::load32(good.data() + header + 24);
    Bytes longer = good;
    zip::store32(longer.data() + header + 24, size + 1);
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(longer)).read("archive/code/m.py"); }),
              "zip: inflated data shorter than declared size in '<memory>' (entry "
              "'archive/code/m.py')");
    Bytes shorter = good;
    zip::store32(shorter.data() + header + 24, size - 1);
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(shorter)).read("archive/code/m.py"); }),
              "zip: inflated data exceeds declared size in '<memory>' (entry 'archive/code/m.py')");
    Bytes bomb = good;
    zip::store32(bomb.data() + header + 24, 0xfffffff0);
    EXPECT_EQ(formatErrorOf([&] { ZipReader(share(bomb)).read("archive/code/m.py"); }),
              "zip: implausible compression ratio in '<memory>' (entry 'archive/code/m.py')");
  }
  {
    ZipReader reader(share(good));
    EXPECT_EQ(formatErrorOf([&] { reader.view("archive/code/m.py"); }),
              "zip: cannot view a compressed entry in place in '<memory>' (entry "
              "'archive/code/m.py')");
    EXPECT_EQ(formatErrorOf([&] { reader.read("archive/nope"); }),
              "zip: missing entry in '<memory>' (entry 'archive/nope')");
  }
}

TEST(ZipTest, RefusesUnsafeAndDuplicateNamesFromPython) {
  if (!havePython()) GTEST_SKIP() << "python3 missing";
  TempDir dir;
  std::string script = R"(
import sys, zipfile, warnings
warnings.simplefilter('ignore')
d = sys.argv[1]
def make(name, entries):
    with zipfile.ZipFile(d + '/' + name, 'w') as z:
        for n in entries: z.writestr(n, b'x')
make('dotdot.zip', ['a/b', 'a/../../etc/passwd'])
make('abs.zip', ['/etc/passwd'])
make('dup.zip', ['a/b', 'a/c', 'a/b'])
make('ctrl.zip', ['a/\x01\x7f'])
make('flat.zip', ['data.pkl'])
make('empty.zip', [])
)";
  ASSERT_EQ(runPython(dir, script, dir.file("")), 0);
  auto message = [&](const std::string& name) {
    return formatErrorOf([&] { ZipReader(dir.file(name)).archiveRoot(); });
  };
  EXPECT_EQ(message("dotdot.zip"), "zip: '..' in entry name in '" + dir.file("dotdot.zip") +
                                       "' (entry 'a/../../etc/passwd')");
  EXPECT_EQ(message("abs.zip"),
            "zip: absolute entry name in '" + dir.file("abs.zip") + "' (entry '/etc/passwd')");
  EXPECT_EQ(message("dup.zip"),
            "zip: duplicate entry in '" + dir.file("dup.zip") + "' (entry 'a/b')");
  EXPECT_EQ(message("flat.zip"), "zip: first entry is not in a folder in '" + dir.file("flat.zip") +
                                     "' (entry 'data.pkl')");
  EXPECT_EQ(message("empty.zip"), "zip: archive has no entries in '" + dir.file("empty.zip") + "'");
  // Control bytes are escaped in messages.
  ZipReader ctrl(dir.file("ctrl.zip"));
  EXPECT_EQ(formatErrorOf([&] { ctrl.read("a/\x01\x7fx"); }),
            "zip: missing entry in '" + dir.file("ctrl.zip") + "' (entry 'a/\\x01\\x7fx')");
}

TEST(ZipTest, OverlappingEntriesAreRefused) {
  // Two central entries naming the same local header (a "better zip bomb").
  ZipWriter writer;
  writer.add("a/x", "payload");
  writer.finish();
  Bytes one = writer.takeBuffer();
  Layout at = layoutOf(one);
  size_t headerSize = one.size() - zip::kEndOfCentralDirSize - at.central;
  Bytes two(one.begin(), one.begin() + ptrdiff_t(at.end));
  two.insert(two.end(), one.begin() + ptrdiff_t(at.central), one.begin() + ptrdiff_t(at.end));
  two.insert(two.end(), one.begin() + ptrdiff_t(at.end), one.end());
  size_t end = two.size() - zip::kEndOfCentralDirSize;
  zip::store16(two.data() + end + 8, 2);
  zip::store16(two.data() + end + 10, 2);
  zip::store32(two.data() + end + 12, uint32_t(2 * headerSize));
  // Same name twice is a duplicate; rename the copy so the overlap check is what fires.
  two[at.central + headerSize + zip::kCentralHeaderSize + 2] = 'y';
  std::string what = formatErrorOf([&] { ZipReader(share(two)); });
  EXPECT_NE(what.find("local header name differs"), std::string::npos) << what;

  // With a matching local name the overlap itself is reported.
  two = Bytes(one.begin(), one.begin() + ptrdiff_t(at.end));
  two.insert(two.end(), one.begin() + ptrdiff_t(at.central), one.begin() + ptrdiff_t(at.end));
  two.insert(two.end(), one.begin() + ptrdiff_t(at.end), one.end());
  zip::store16(two.data() + end + 8, 2);
  zip::store16(two.data() + end + 10, 2);
  zip::store32(two.data() + end + 12, uint32_t(2 * headerSize));
  EXPECT_EQ(formatErrorOf([&] { ZipReader(share(two)); }),
            "zip: overlapping entries in '<memory>' (entry 'a/x')");
}

// ====== MappedFile ======

TEST(MappedFileTest, ErrorsNameThePathAndTheReason) {
  TempDir dir;
  try {
    MappedFile::open(dir.file("absent.pt"));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Io);
    EXPECT_EQ(std::string(e.what()),
              "cannot open '" + dir.file("absent.pt") + "': No such file or directory");
  }
  try {
    MappedFile::open(dir.file(""));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Io);
    EXPECT_NE(std::string(e.what()).find("Is a directory"), std::string::npos) << e.what();
  }

  writeFile(dir.file("empty"), "");
  auto empty = MappedFile::open(dir.file("empty"));
  EXPECT_EQ(empty->size(), 0u);
  EXPECT_EQ(formatErrorOf([&] { ZipReader(dir.file("empty")); }),
            "zip: not a zip archive (file too small) in '" + dir.file("empty") + "'");

  writeFile(dir.file("text"), "some text");
  auto text = MappedFile::open(dir.file("text"));
  EXPECT_EQ(std::string_view(reinterpret_cast<const char*>(text->data()), text->size()),
            "some text");
}

}  // namespace
}  // namespace ember::serialization
