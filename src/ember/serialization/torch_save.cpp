#include "ember/serialization/torch_save.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "ember/serialization/mapped_file.h"
#include "ember/serialization/pickler.h"
#include "ember/serialization/zip_reader.h"
#include "ember/serialization/zip_writer.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::serialization {
namespace {

// The first pickle of a legacy file: PROTO 2, LONG1 0x1950a86a20f9469cfc6c
// (torch.serialization.MAGIC_NUMBER), STOP.
constexpr uint8_t kLegacyMagic[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46,
                                    0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e};
constexpr int64_t kLegacyProtocolVersion = 1001;

bool startsWith(std::span<const uint8_t> bytes, std::span<const uint8_t> prefix) {
  return bytes.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

bool isZip(std::span<const uint8_t> bytes) {
  static constexpr uint8_t kLocal[] = {'P', 'K', 3, 4};
  static constexpr uint8_t kEmpty[] = {'P', 'K', 5, 6};
  return startsWith(bytes, kLocal) || startsWith(bytes, kEmpty);
}

Storage copyToHeap(const uint8_t* data, size_t n) {
  auto s = makeIntrusive<StorageImpl>(n);
  if (n) std::memcpy(s->data(), data, n);
  return s;
}

IValue loadZip(std::shared_ptr<const ZipReader> reader, const TorchLoadOptions& options) {
  const std::string prefix = reader->archiveRoot() + "/";
  if (reader->has(prefix + "byteorder")) {
    std::string order = reader->readString(prefix + "byteorder");
    if (order == "big")
      EMBER_FAIL_KIND(NotImplemented, "{}: big-endian torch.save files are not supported", reader->path());
    if (order != "little")
      EMBER_FAIL_KIND(Format, "{}: unknown byte order '{}' in the byteorder record", reader->path(),
                      order.substr(0, 16));
  }
  if (!reader->has(prefix + "data.pkl")) {
    if (reader->has(prefix + "constants.pkl") || reader->has(prefix + "code/"))
      EMBER_FAIL_KIND(Format, "{}: this is a TorchScript archive (torch.jit.save), not a torch.save file",
                      reader->path());
    EMBER_FAIL_KIND(Format, "{}: not a torch.save file: the archive has no {}data.pkl", reader->path(), prefix);
  }
  SharedBytes pkl = reader->share(prefix + "data.pkl");
  UnpicklerOptions u;
  u.storageLoader = archiveStorageLoader(reader, prefix + "data/", options.copyStorages);
  u.resolver = options.resolver;
  u.objectBuilder = options.objectBuilder;
  try {
    return unpickle(pkl.span(), std::move(u));
  } catch (const Error& e) {
    throwError(e.kind(), fmt::format("{}: {}", reader->path(), e.what()));
  }
}

// torch.serialization._legacy_save: magic, protocol version, sys info, the
// value, the sorted storage keys (each a pickle), then per key an int64
// element count and the bytes.
IValue loadLegacy(std::span<const uint8_t> bytes, const std::string& label, const TorchLoadOptions& options) {
  size_t pos = sizeof(kLegacyMagic);
  auto next = [&](UnpicklerOptions o) {
    Unpickler u(bytes.subspan(pos), std::move(o));
    IValue v;
    try {
      v = u.parse();
    } catch (const Error& e) {
      throwError(e.kind(), fmt::format("{}: legacy format, pickle at byte {}: {}", label, pos, e.what()));
    }
    pos += u.position();
    return v;
  };
  auto fail = [&](std::string_view what) {
    throwError(ErrorKind::Format, fmt::format("{}: legacy torch.save format: {}", label, what));
  };

  IValue version = next({});
  if (!version.isInt() || version.toInt() != kLegacyProtocolVersion)
    fail(fmt::format("unsupported protocol version {}", version.isInt() ? std::to_string(version.toInt()) : std::string(version.tagName())));
  IValue sysInfo = next({});
  if (!sysInfo.isDict()) fail("malformed system info");
  const IValue* little = sysInfo.toDict().find(IValue("little_endian"));
  if (!little || !little->isBool()) fail("malformed system info");
  if (!little->toBool())
    EMBER_FAIL_KIND(NotImplemented, "{}: big-endian torch.save files are not supported", label);

  struct Pending {
    Storage storage;
    int64_t numel;
    DType dtype;
    bool filled = false;
  };
  std::unordered_map<std::string, Pending> pending;
  uint64_t claimed = 0;
  UnpicklerOptions u;
  u.resolver = options.resolver;
  u.objectBuilder = options.objectBuilder;
  u.storageLoader = [&](const std::string& key, DType dtype, int64_t numel) -> Storage {
    size_t n = static_cast<size_t>(numel) * elementSize(dtype);
    // The data follows the pickle: a storage larger than the file is a lie,
    // and must not become an allocation.
    if (n > bytes.size() - claimed) EMBER_FAIL("storages claim more bytes than the file holds");
    claimed += n;
    // Zeroed: the data is read after the pickle (and checked then).
    auto s = makeIntrusive<StorageImpl>(n);
    if (n) std::memset(s->data(), 0, n);
    pending.emplace(key, Pending{s, numel, dtype});
    return s;
  };
  IValue result = next(std::move(u));
  IValue keys = next({});
  if (!keys.isList()) fail("malformed storage key list");
  for (const IValue& k : keys.toList().elements) {
    if (!k.isString()) fail("malformed storage key list");
    auto it = pending.find(k.toStringRef());
    if (pos > bytes.size() || bytes.size() - pos < 8) fail("truncated storage data");
    int64_t count;
    std::memcpy(&count, bytes.data() + pos, 8);
    pos += 8;
    if (it == pending.end()) fail("data for a storage the value does not use");
    Pending& p = it->second;
    if (p.filled) fail("a storage's data appears twice");
    if (count != p.numel) fail("a storage's size differs from its persistent id");
    size_t n = p.storage->nbytes();
    if (bytes.size() - pos < n) fail("truncated storage data");
    if (n) std::memcpy(p.storage->data(), bytes.data() + pos, n);
    // As the unpickler does for zip files: a bool byte must be 0 or 1.
    if (p.dtype == DType::Bool && std::any_of(bytes.data() + pos, bytes.data() + pos + n, [](uint8_t b) { return b > 1; }))
      fail("a bool storage holds a byte that is neither 0 nor 1");
    pos += n;
    p.filled = true;
  }
  for (const auto& [key, p] : pending)
    if (!p.filled) fail("a storage has no data");
  return result;
}

IValue loadAny(std::shared_ptr<const void> owner, std::span<const uint8_t> bytes, const std::string& label,
               const TorchLoadOptions& options) {
  if (isZip(bytes)) return loadZip(std::make_shared<const ZipReader>(std::move(owner), bytes, label), options);
  if (startsWith(bytes, kLegacyMagic)) return loadLegacy(bytes, label, options);
  if (bytes.size() >= 262 && std::memcmp(bytes.data() + 257, "ustar", 5) == 0)
    EMBER_FAIL_KIND(NotImplemented, "{}: the tar-based torch.save format (PyTorch < 0.4) is not supported", label);
  EMBER_FAIL_KIND(Format, "{}: not a torch.save file (neither a zip archive nor a legacy pickle)", label);
}

}  // namespace

StorageLoader archiveStorageLoader(std::shared_ptr<const ZipReader> reader, std::string prefix, bool copy) {
  return [reader = std::move(reader), prefix = std::move(prefix), copy](const std::string& key, DType dtype,
                                                                        int64_t numel) -> Storage {
    size_t need = static_cast<size_t>(numel) * elementSize(dtype);
    std::string name = prefix + key;
    const ZipEntry* entry = reader->find(name);
    if (!entry) EMBER_FAIL_KIND(Format, "missing tensor data record '{}'", name);
    if (entry->uncompressedSize != need)
      EMBER_FAIL_KIND(Format, "record '{}' has {} bytes but {} elements of {} need {}", name,
                      entry->uncompressedSize, numel, dtypeName(dtype), need);
    if (need == 0) return makeIntrusive<StorageImpl>(0);
    SharedBytes data = reader->share(*entry);
    bool aligned = reinterpret_cast<uintptr_t>(data.data.get()) % StorageImpl::kAlignment == 0;
    if (copy || !aligned) return copyToHeap(data.data.get(), need);
    // Viewed in place; the shared pointer keeps the mapping (or inflated buffer) alive.
    auto* p = const_cast<uint8_t*>(data.data.get());
    return makeIntrusive<StorageImpl>(p, need, std::shared_ptr<const void>(std::move(data.data)));
  };
}

std::string torchSaveRootName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t start = slash == std::string::npos ? 0 : slash + 1;
  size_t dot = path.find_last_of('.');
  size_t end = dot == std::string::npos || dot < start ? path.size() : dot;
  std::string stem = path.substr(start, end - start);
  if (stem.empty() || stem == "." || stem == "..") return "archive";
  return stem;
}

IValue loadTorchFile(const std::string& path, const TorchLoadOptions& options) {
  std::shared_ptr<const MappedFile> file = MappedFile::open(path);
  std::span<const uint8_t> bytes = file->bytes();
  return loadAny(std::move(file), bytes, path, options);
}

IValue loadTorchBytes(std::shared_ptr<const std::vector<uint8_t>> bytes, const TorchLoadOptions& options) {
  std::span<const uint8_t> span(bytes->data(), bytes->size());
  return loadAny(std::move(bytes), span, "<memory>", options);
}

IValue loadTorchBytes(std::span<const uint8_t> bytes, const TorchLoadOptions& options) {
  return loadTorchBytes(std::make_shared<const std::vector<uint8_t>>(bytes.begin(), bytes.end()), options);
}

namespace {

void writeArchive(ZipWriter& writer, const IValue& value, const std::string& root, const TorchSaveOptions& options) {
  Pickler pickler(PicklerOptions{options.orderedDicts});
  pickler.dump(value);
  writer.add(root + "/data.pkl", std::span<const uint8_t>(pickler.bytes()));
  // torch.save writes the records in sorted key order (as strings: "10" < "2").
  std::vector<const PickledStorage*> order;
  for (const PickledStorage& s : pickler.storages()) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const PickledStorage* a, const PickledStorage* b) { return a->key < b->key; });
  for (const PickledStorage* s : order)
    writer.add(root + "/data/" + s->key,
               std::span<const uint8_t>(static_cast<const uint8_t*>(s->storage->data()), s->nbytes()));
  writer.add(root + "/version", std::string_view("3\n"));
  writer.finish();
}

}  // namespace

void saveTorchFile(const IValue& value, const std::string& path, const TorchSaveOptions& options) {
  ZipWriter writer(path);
  writeArchive(writer, value, options.rootName.empty() ? torchSaveRootName(path) : options.rootName, options);
}

std::vector<uint8_t> saveTorchBytes(const IValue& value, const TorchSaveOptions& options) {
  ZipWriter writer;
  writeArchive(writer, value, options.rootName.empty() ? "archive" : options.rootName, options);
  return writer.takeBuffer();
}

}  // namespace ember::serialization
