#include "ember/serialization/archive_writer.h"

#include <string_view>

#include "ember/serialization/pickler.h"
#include "ember/serialization/torch_save.h"
#include "ember/serialization/zip_writer.h"
#include "ember/value/containers.h"

namespace ember::serialization {
namespace {

// One pickle and its storages, under <root>/<name>.pkl and <root>/<name>/.
void writePickle(ZipWriter& writer, const std::string& root, const std::string& name, const IValue& value,
                 const ScriptArchiveContents& contents) {
  PicklerOptions o;
  o.torchScript = true;
  o.objectState = contents.objectState;
  Pickler pickler(std::move(o));
  pickler.dump(value);
  writer.add(root + "/" + name + ".pkl", std::span<const uint8_t>(pickler.bytes()));
  for (const PickledStorage& s : pickler.storages())
    writer.add(root + "/" + name + "/" + s.key,
               std::span<const uint8_t>(static_cast<const uint8_t*>(s.storage->data()), s.nbytes()));
}

void writeAll(ZipWriter& writer, const ScriptArchiveContents& contents, const std::string& root) {
  writePickle(writer, root, "data", contents.root, contents);
  for (const auto& [path, text] : contents.code) writer.add(root + "/code/" + path, std::string_view(text));
  writePickle(writer, root, "constants", IValue(makeTuple(contents.constants)), contents);
  std::string version = std::to_string(contents.version) + "\n";
  writer.add(root + "/version", std::string_view(version));
  writer.add(root + "/byteorder", std::string_view("little"));
  writer.finish();
}

}  // namespace

void writeScriptArchive(const ScriptArchiveContents& contents, const std::string& path) {
  ZipWriter writer(path);
  writeAll(writer, contents, torchSaveRootName(path));
}

std::vector<uint8_t> writeScriptArchiveBytes(const ScriptArchiveContents& contents, const std::string& rootName) {
  ZipWriter writer;
  writeAll(writer, contents, rootName);
  return writer.takeBuffer();
}

}  // namespace ember::serialization
