// `ember convert FILE.py OUT.pt`: a .py file of TorchScript functions and
// classes compiled and laid out as the torch.jit.save archive PyTorch would
// write for a module whose methods call them. torch.jit.load needs a module at
// the root, so one is generated: `__torch__.<stem>.<Root>(Module)` with a
// method per top-level function that forwards to it (`m.f(x)`; `m(x)` when the
// file has a `forward`). Everything else keeps its place in the file's module
// `__torch__.<stem>`:
//
//   code/__torch__/<stem>.py   root class, the file's classes and NamedTuples,
//                              its functions, all printed from ember's IR
//   data.pkl                   the root object (training = True)
//   constants.pkl              tensor constants (CONSTANTS.cN)
#pragma once

#include <string>

#include "ember/serialization/archive_writer.h"

namespace ember::exporter {

struct ConvertedSource {
  serialization::ScriptArchiveContents contents;
  std::string rootClass;  // "__torch__.<stem>.<Root>"
};

// Compile errors throw CompileError; constructs without a serialized spelling
// throw Error(NotImplemented) naming them and their line.
ConvertedSource convertSource(const std::string& source, const std::string& fileName);
void convertSourceFile(const std::string& pyPath, const std::string& outPath);

}  // namespace ember::exporter
