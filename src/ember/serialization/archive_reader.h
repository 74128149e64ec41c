// TorchScript archives (torch.jit.save, _save_for_lite_interpreter): the zip
// records ember reads and what they hold. Compiling code/ and building the
// module objects is the api layer's business (ember/api/module_loader.cpp);
// this file only finds and checks the records.
//
//   <root>/version        "1".."10": the format version (kMaxArchiveVersion)
//   <root>/data.pkl       the module object graph; storages under <root>/data/
//   <root>/constants.pkl  tuple of the constants code/ names CONSTANTS.cN;
//                         storages under <root>/constants/ (archives before
//                         1.6 kept them beside the others, in <root>/data/)
//   <root>/code/**.py     TorchScript source: code/__torch__/a/b.py defines the
//                         module `__torch__.a.b` (code/__torch__.py: `__torch__`)
//   <root>/bytecode.pkl   lite-interpreter code; ignored, code/ is compiled
//   <root>/model.json     the 2019 format (refused)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ember/serialization/unpickler.h"
#include "ember/value/ivalue.h"

namespace ember::serialization {

class ZipReader;

// The newest format version ember reads (what PyTorch 1.x/2.x write).
constexpr int64_t kMaxArchiveVersion = 10;

struct ArchiveSource {
  std::string module;  // "__torch__.a.b"
  std::string path;    // the record name, for diagnostics
  std::string text;
};

class ScriptArchive {
 public:
  // Error(Io) for unreadable files, Error(Format) for what is not a
  // TorchScript archive, Error(NotImplemented) for formats ember refuses.
  explicit ScriptArchive(const std::string& path);
  // An archive in memory (kept alive by the tensors that view it).
  ScriptArchive(std::shared_ptr<const std::vector<uint8_t>> bytes, std::string label);

  const std::string& path() const { return path_; }
  const std::string& root() const { return root_; }  // with the trailing slash
  int64_t version() const { return version_; }
  bool isLite() const { return lite_; }
  const std::vector<ArchiveSource>& sources() const { return sources_; }
  bool hasConstants() const;

  // Unpickles `<root><record>` ("data.pkl", "constants.pkl"); tensors view
  // the mapped file. Errors name the archive and the record.
  IValue unpickle(const std::string& record, UnpicklerOptions options) const;

 private:
  void read();
  std::string path_;
  std::shared_ptr<const ZipReader> zip_;
  std::string root_;
  int64_t version_ = 0;
  bool lite_ = false;
  std::vector<ArchiveSource> sources_;
};

// Whether `path` is a zip with a TorchScript archive's records (code/ or
// constants.pkl or model.json), as opposed to a torch.save file.
bool isScriptArchive(const std::string& path);

}  // namespace ember::serialization
