#include "ember/serialization/archive_reader.h"

#include <fmt/format.h>

#include "ember/serialization/torch_save.h"
#include "ember/serialization/zip_reader.h"
#include "ember/support/error.h"

namespace ember::serialization {
namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "code/__torch__/a/b.py" -> "__torch__.a.b"
std::string moduleOf(std::string_view relative) {
  std::string m(relative.substr(0, relative.size() - 3));
  for (char& c : m)
    if (c == '/') c = '.';
  return m;
}

int64_t parseVersion(const std::string& text, const std::string& path) {
  int64_t v = 0;
  size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && v < 1000000) v = v * 10 + (text[i++] - '0');
  while (i < text.size() && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ')) ++i;
  if (i == 0 || i != text.size())
    EMBER_FAIL_KIND(Format, "{}: malformed version record '{}'", path, text.substr(0, 16));
  return v;
}

}  // namespace

ScriptArchive::ScriptArchive(const std::string& path) : path_(path) {
  zip_ = std::make_shared<ZipReader>(path);
  read();
}

ScriptArchive::ScriptArchive(std::shared_ptr<const std::vector<uint8_t>> bytes, std::string label)
    : path_(std::move(label)) {
  zip_ = std::make_shared<ZipReader>(std::move(bytes), path_);
  read();
}

void ScriptArchive::read() {
  const std::string& path = path_;
  root_ = zip_->archiveRoot() + "/";
  if (zip_->has(root_ + "model.json"))
    EMBER_FAIL_KIND(NotImplemented, "{}: legacy TorchScript archive format (model.json) is not supported", path);
  const std::string versionRecord = zip_->has(root_ + "version") ? root_ + "version" : root_ + ".data/version";
  if (!zip_->has(versionRecord)) EMBER_FAIL_KIND(Format, "{}: not a TorchScript archive: no {}version record", path, root_);
  version_ = parseVersion(zip_->readString(versionRecord), path);
  if (version_ < 1 || version_ > kMaxArchiveVersion)
    EMBER_FAIL_KIND(NotImplemented,
                    "{}: archive format version {} is not supported (ember reads versions 1 to {}); "
                    "save it with an older PyTorch or torch.jit.save(..., _use_new_zipfile_serialization)",
                    path, version_, kMaxArchiveVersion);
  if (zip_->has(root_ + "byteorder") && zip_->readString(root_ + "byteorder") != "little")
    EMBER_FAIL_KIND(NotImplemented, "{}: big-endian archives are not supported", path);
  if (!zip_->has(root_ + "data.pkl")) EMBER_FAIL_KIND(Format, "{}: not a TorchScript archive: no {}data.pkl", path, root_);
  lite_ = zip_->has(root_ + "bytecode.pkl");
  const std::string codeDir = root_ + "code/";
  for (const ZipEntry& e : zip_->entries()) {
    std::string_view name = e.name;
    if (name.substr(0, codeDir.size()) != codeDir || !endsWith(name, ".py")) continue;
    sources_.push_back({moduleOf(name.substr(codeDir.size())), e.name, zip_->readString(e.name)});
  }
  if (sources_.empty()) {
    if (lite_)
      EMBER_FAIL_KIND(NotImplemented, "{}: lite-interpreter archive without code/: only bytecode.pkl, which ember does not run", path);
    EMBER_FAIL_KIND(Format, "{}: not a TorchScript archive: no {}code/ sources (a torch.save file?)", path, root_);
  }
}

bool ScriptArchive::hasConstants() const { return zip_->has(root_ + "constants.pkl"); }

IValue ScriptArchive::unpickle(const std::string& record, UnpicklerOptions options) const {
  const std::string name = root_ + record;
  if (!zip_->has(name)) EMBER_FAIL_KIND(Format, "{}: missing record {}", path_, name);
  // Archives since 1.6 keep constants' storages apart; older ones share data/.
  std::string prefix = root_ + "data/";
  if (record == "constants.pkl") {
    for (const ZipEntry& e : zip_->entries())
      if (e.name.rfind(root_ + "constants/", 0) == 0) {
        prefix = root_ + "constants/";
        break;
      }
  }
  options.storageLoader = archiveStorageLoader(zip_, prefix);
  SharedBytes bytes = zip_->share(name);
  try {
    return serialization::unpickle(bytes.span(), std::move(options));
  } catch (const Error& e) {
    throwError(e.kind(), fmt::format("{}: {}: {}", path_, name, e.what()));
  }
}

bool isScriptArchive(const std::string& path) {
  try {
    ZipReader zip(path);
    std::string root = zip.archiveRoot() + "/";
    if (zip.has(root + "model.json") || zip.has(root + "constants.pkl")) return true;
    for (const ZipEntry& e : zip.entries())
      if (e.name.rfind(root + "code/", 0) == 0) return true;
  } catch (const Error&) {
  }
  return false;
}

}  // namespace ember::serialization
