#include "ember/export/source_archive.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ember/compiler/compiler.h"
#include "ember/export/python_printer.h"
#include "ember/frontend/parser.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::exporter {

namespace {

// The archive's format version. 10 is the newest PyTorch 1.13 reads; at it
// no operator upgrader applies, so every op means what it means today, as it
// did when ember compiled the source.
constexpr int64_t kFormatVersion = 10;

std::string identifier(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) s = "_" + s;
  return s;
}

std::string baseName(const std::string& qualified) { return qualified.substr(qualified.rfind('.') + 1); }

void printClass(const ClassType& cls, const compiler::CompiledModule& cm, FileNames& names, std::ostream& out) {
  out << "class " << baseName(cls.name()) << ":\n";
  for (const auto& a : cls.attributes()) out << "  " << a.name << " : " << names.annotation(a.type) << "\n";
  bool any = !cls.attributes().empty();
  for (const auto& f : cm.functions) {
    if (f.owner.get() != &cls) continue;
    out << printFunction(f.methodName, f.schema, *f.graph, names, 1);
    any = true;
  }
  if (!any) out << "  pass\n";
}

void printNamedTuple(const TypePtr& t, FileNames& names, std::ostream& out) {
  out << "class " << baseName(t->name()) << "(NamedTuple):\n";
  for (size_t i = 0; i < t->fieldNames().size(); ++i)
    out << "  " << t->fieldNames()[i] << " : " << names.annotation(t->contained()[i]) << "\n";
}

}  // namespace

ConvertedSource convertSource(const std::string& source, const std::string& fileName) {
  DiagnosticEngine diag;
  auto file = SourceFile::create(fileName, source);
  auto module = frontend::parseModule(file, diag);
  diag.throwIfErrors();
  compiler::CompiledModule cm = compiler::compileModule(*module, diag);
  diag.throwIfErrors();
  // The printer has no serialized form for Enum classes yet (a `class E(Enum)`
  // definition and qualified member constants): refuse rather than write an
  // archive torch.jit.load cannot read.
  if (!cm.enums.empty())
    EMBER_FAIL_KIND(NotImplemented, "{}: converting a file that defines Enum classes ({}) is not supported yet", fileName,
                    cm.enums.front()->name());

  std::string stem = identifier(std::filesystem::path(fileName).stem().string());
  FileNames names("__torch__." + stem);
  std::set<std::string> taken;
  for (const auto& c : cm.classes) taken.insert(baseName(c->name()));
  for (const auto& f : cm.functions) taken.insert(f.owner ? baseName(f.owner->name()) : f.name);
  std::string root = "Converted";
  for (int k = 1; taken.count(root); ++k) root = fmt::format("Converted{}", k);
  std::string rootQualified = names.qualify(root);

  std::ostringstream body;  // everything but the root class, which is printed last-first
  for (const auto& c : cm.classes) printClass(*c, cm, names, body);
  std::ostringstream rootText;
  rootText << "class " << root << "(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n";
  for (const auto& f : cm.functions) {
    if (f.owner) continue;
    body << printFunction(f.name, f.schema, *f.graph, names, 0);
    rootText << "  " << printSignature(f.name, f.schema, names, rootQualified) << "\n";
    std::string args;
    for (size_t i = 0; i < f.schema.arguments.size(); ++i) args += (i ? ", " : "") + f.schema.arguments[i].name;
    rootText << fmt::format("    return {}({})\n", names.qualify(f.name), args);
  }
  // NamedTuple definitions may name further NamedTuples: print until none is new.
  std::set<std::string> printed;
  while (printed.size() < names.namedTuples().size()) {
    for (auto [q, t] : std::map<std::string, TypePtr>(names.namedTuples())) {
      if (!printed.insert(q).second) continue;
      printNamedTuple(t, names, body);
    }
  }

  ConvertedSource out;
  out.rootClass = rootQualified;
  auto cls = ClassType::create(rootQualified, true);
  cls->addAttribute("training", types::boolT());
  auto obj = makeIntrusive<Object>(cls, cls->numAttributes());
  obj->slots[0] = IValue(true);
  out.contents.root = IValue(obj);
  out.contents.constants = names.constants();
  out.contents.version = kFormatVersion;
  out.contents.code.emplace_back("__torch__/" + stem + ".py", rootText.str() + body.str());
  out.contents.objectState = [](const IValue&) -> std::optional<IValue> { return std::nullopt; };
  return out;
}

void convertSourceFile(const std::string& pyPath, const std::string& outPath) {
  std::ifstream in(pyPath, std::ios::binary);
  if (!in) EMBER_FAIL_KIND(Io, "cannot read {}", pyPath);
  std::stringstream ss;
  ss << in.rdbuf();
  serialization::writeScriptArchive(convertSource(ss.str(), pyPath).contents, outPath);
}

}  // namespace ember::exporter
