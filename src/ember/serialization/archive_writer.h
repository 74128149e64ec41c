// Writes TorchScript archives as torch.jit.save (PyTorch 1.13) does, so that
// torch.jit.load reads them:
//
//   <root>/data.pkl       the module object graph (Pickler, torchScript mode);
//                         its storages as <root>/data/<key>
//   <root>/code/**.py     the TorchScript sources, as given
//   <root>/constants.pkl  the tuple code/ reads as CONSTANTS.cN; storages as
//                         <root>/constants/<key>
//   <root>/version        the format version (what the code was written for:
//                         it decides which operator upgraders a loader applies)
//   <root>/byteorder      "little" (what PyTorch >= 2.1 writes; 1.13 ignores it)
//
// `.debug_pkl` records (source ranges for tracebacks) are not written.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ember/value/ivalue.h"

namespace ember::serialization {

struct ScriptArchiveContents {
  IValue root;                     // the module object
  std::vector<IValue> constants;   // constants.pkl's tuple
  // (path under code/, e.g. "__torch__/a/b.py", text)
  std::vector<std::pair<std::string, std::string>> code;
  int64_t version = 3;
  // An object's state when it has __getstate__ (see PicklerOptions).
  std::function<std::optional<IValue>(const IValue& object)> objectState;
};

// Error(Type) for values an archive cannot hold, Error(Io) if the file cannot
// be written (a failed save leaves no partial file). The root folder is the
// file's stem, as torch.jit.save names it.
void writeScriptArchive(const ScriptArchiveContents& contents, const std::string& path);
std::vector<uint8_t> writeScriptArchiveBytes(const ScriptArchiveContents& contents,
                                             const std::string& rootName = "archive");

}  // namespace ember::serialization
