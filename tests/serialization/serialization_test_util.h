// Helpers shared by the pickle and torch.save tests: temp dirs, running the
// system Python (the oracle), building pickles opcode by opcode.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ember/serialization/pickle_opcodes.h"
#include "ember/support/error.h"

#ifndef EMBER_PYTHON
#define EMBER_PYTHON "/usr/bin/python3"
#endif

namespace ember::serialization::testing {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ember_pickle_XXXXXX").string();
    EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
    path_ = pattern;
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline void writeFile(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline Bytes readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline bool haveTorch() { return std::system(EMBER_PYTHON " -c 'import torch' >/dev/null 2>&1") == 0; }

// Runs a script (written to a file: no shell quoting) with the directory as
// its argument; returns the exit status. Output goes to out.txt for messages.
inline int runPython(const TempDir& dir, const std::string& script) {
  std::string scriptPath = dir.file("script.py");
  writeFile(scriptPath, script);
  std::string cmd = std::string(EMBER_PYTHON) + " " + scriptPath + " " + dir.path().string() + " >" +
                    dir.file("out.txt") + " 2>&1";
  return std::system(cmd.c_str());
}

inline std::string pythonOutput(const TempDir& dir) {
  Bytes b = readFile(dir.file("out.txt"));
  return std::string(b.begin(), b.end());
}

// A pickle assembled opcode by opcode (starts with PROTO 2).
class PickleBuilder {
 public:
  explicit PickleBuilder(int protocol = 2) {
    op(PickleOp::PROTO);
    u1(static_cast<uint8_t>(protocol));
  }
  PickleBuilder& op(PickleOp o) { return u1(static_cast<uint8_t>(o)); }
  PickleBuilder& u1(uint8_t v) {
    b_.push_back(v);
    return *this;
  }
  PickleBuilder& u4(uint32_t v) {
    for (int k = 0; k < 4; ++k) u1(static_cast<uint8_t>(v >> (8 * k)));
    return *this;
  }
  PickleBuilder& raw(std::string_view s) {
    b_.insert(b_.end(), s.begin(), s.end());
    return *this;
  }
  PickleBuilder& int1(uint8_t v) { return op(PickleOp::BININT1).u1(v); }
  PickleBuilder& str(std::string_view s) { return op(PickleOp::BINUNICODE).u4(static_cast<uint32_t>(s.size())).raw(s); }
  PickleBuilder& global(std::string_view module, std::string_view name) {
    return op(PickleOp::GLOBAL).raw(module).raw("\n").raw(name).raw("\n");
  }
  PickleBuilder& put(uint8_t i) { return op(PickleOp::BINPUT).u1(i); }
  PickleBuilder& get(uint8_t i) { return op(PickleOp::BINGET).u1(i); }
  Bytes stop() {
    op(PickleOp::STOP);
    return b_;
  }
  const Bytes& bytes() const { return b_; }

 private:
  Bytes b_;
};

// The message of the ember::Error f throws, checking its kind.
template <class F>
std::string errorOf(F&& f, ErrorKind kind = ErrorKind::Format) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return "";
}

}  // namespace ember::serialization::testing
