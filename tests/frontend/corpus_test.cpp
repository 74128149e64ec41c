// Real TorchScript source must parse without a diagnostic, and to the same
// tree CPython's own parser builds: the code/ of every realworld archive and
// of torchvision models scripted at test time by the system PyTorch.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ember/frontend/parser.h"

namespace ember::frontend {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path realworldDir() {
  for (const char* dir : {EMBER_SOURCE_DIR "/../shared/corpus/realworld", "/work/shared/corpus/realworld"})
    if (fs::exists(fs::path(dir) / "README.md")) return dir;
  return {};
}

// Made once per build tree; the MANIFEST is written last, so a half-made
// directory is made again.
fs::path corpusDir() {
  fs::path out = fs::path(EMBER_BINARY_DIR) / "tests" / "parser_corpus";
  if (fs::exists(out / "MANIFEST")) return out;
  fs::path realworld = realworldDir();
  if (realworld.empty()) return {};
  std::string cmd = std::string(EMBER_PYTHON) + " " + EMBER_SOURCE_DIR "/tests/frontend/make_parser_corpus.py '" +
                    out.string() + "' '" + realworld.string() + "'";
  if (std::system(cmd.c_str()) != 0) return {};
  return out;
}

TEST(ParserCorpus, RealTorchScriptParsesLikeCPython) {
  fs::path dir = corpusDir();
  ASSERT_FALSE(dir.empty()) << "could not build the corpus (shared/corpus/realworld and python3-torch are needed)";
  std::ifstream manifest(dir / "MANIFEST");
  std::string rel;
  int files = 0, realworld = 0, torchvision = 0;
  while (std::getline(manifest, rel)) {
    if (rel.empty()) continue;
    ++files;
    (rel.rfind("realworld/", 0) == 0 ? realworld : torchvision)++;
    auto file = SourceFile::create(rel, readFile(dir / rel));
    DiagnosticEngine diag;
    auto module = parseModule(file, diag);
    EXPECT_FALSE(diag.hasErrors()) << diag.render();
    EXPECT_EQ(module->str(), readFile(dir / (rel + ".sexpr"))) << rel;
  }
  EXPECT_GT(realworld, 500);
  EXPECT_GT(torchvision, 100);
  std::cout << "[ corpus   ] " << files << " files: " << realworld << " from realworld archives, " << torchvision
            << " from scripted torchvision models\n";
}

}  // namespace
}  // namespace ember::frontend
