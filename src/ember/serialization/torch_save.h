// torch.save / torch.load files: `ember run --inputs ARGS.pt --output OUT.pt`,
// state dicts, anything Python saved with torch.save.
//
// The format (PyTorch >= 1.6, what 1.13 writes) is a zip archive whose
// records sit in one folder named after the file's stem ("archive" when
// saving to a buffer; readers accept any name):
//   <root>/data.pkl    the value, pickle protocol 2; tensors are persistent
//                      ids ('storage', torch.FloatStorage, key, 'cpu', numel)
//   <root>/data/<key>  each storage's raw bytes, little-endian, stored
//                      uncompressed at a 64-byte boundary
//   <root>/version     "3\n"
//   <root>/byteorder   "little" or "big" (written by PyTorch >= 2.1 only)
// Loading maps the file: tensors view the mapping in place (no copy), and
// each Storage keeps the mapping alive. Records that are compressed or not
// 64-byte aligned (archives written by other tools) are copied.
//
// The legacy format (torch.save(..., _use_new_zipfile_serialization=False):
// pickles back to back, then each storage as an int64 element count and its
// bytes) loads too, by copying. Big-endian files are refused.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ember/serialization/unpickler.h"
#include "ember/value/ivalue.h"

namespace ember::serialization {

class ZipReader;

struct TorchLoadOptions {
  GlobalResolver resolver;      // extends the allow-list (see unpickler.h)
  ObjectBuilder objectBuilder;  // `__torch__` objects; refused without one
  // Copy every storage into the heap instead of viewing the mapped file.
  bool copyStorages = false;
};

struct TorchSaveOptions {
  // Write dicts as collections.OrderedDict (what state_dict() returns).
  bool orderedDicts = false;
  // The archive's folder; empty: as torch.save (the file's stem, "archive"
  // for a buffer).
  std::string rootName;
};

// Error(Io) if the file cannot be read, Error(Format) if it is not a
// torch.save file or is malformed, Error(NotImplemented) for what ember
// does not support (big-endian files, quantized tensors, ...).
IValue loadTorchFile(const std::string& path, const TorchLoadOptions& options = {});
// Tensors view `bytes` (kept alive by them) where alignment allows.
IValue loadTorchBytes(std::shared_ptr<const std::vector<uint8_t>> bytes, const TorchLoadOptions& options = {});
IValue loadTorchBytes(std::span<const uint8_t> bytes, const TorchLoadOptions& options = {});  // copies

// Error(Type) for values torch.save files cannot hold (objects); Error(Io)
// if the file cannot be written (a failed save leaves no partial file).
void saveTorchFile(const IValue& value, const std::string& path, const TorchSaveOptions& options = {});
std::vector<uint8_t> saveTorchBytes(const IValue& value, const TorchSaveOptions& options = {});

// Loads each storage from the record `<prefix><key>` of an archive, viewing
// it in place when stored and 64-byte aligned. For every pickle in a torch
// archive: torch.save's data.pkl ("<root>/data/"), TorchScript's data.pkl and
// constants.pkl ("<root>/data/", "<root>/constants/").
StorageLoader archiveStorageLoader(std::shared_ptr<const ZipReader> reader, std::string prefix, bool copy = false);

// The root folder torch.save uses for `path`: the file name without its last
// extension ("archive" when that is empty).
std::string torchSaveRootName(const std::string& path);

}  // namespace ember::serialization
