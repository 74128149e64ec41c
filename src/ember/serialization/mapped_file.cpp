#include "ember/serialization/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

#include "ember/support/error.h"

namespace ember::serialization {
namespace {

[[noreturn]] void throwIo(const std::string& what, const std::string& path, int err) {
  throwError(ErrorKind::Io,
             fmt::format("{} '{}': {}", what, path, std::generic_category().message(err)));
}

// Closes the descriptor on every path out of open(): the map outlives it.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

}  // namespace

std::shared_ptr<const MappedFile> MappedFile::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throwIo("cannot open", path, errno);
  FdCloser closer{fd};

  struct stat st {};
  if (::fstat(fd, &st) != 0) throwIo("cannot stat", path, errno);
  // mmap of a directory or a pipe fails with an unhelpful ENODEV; say what it is.
  if (S_ISDIR(st.st_mode)) throwIo("cannot map", path, EISDIR);
  if (!S_ISREG(st.st_mode)) {
    throwError(ErrorKind::Io, fmt::format("cannot map '{}': not a regular file", path));
  }
  if (st.st_size < 0 || uint64_t(st.st_size) > SIZE_MAX) throwIo("cannot map", path, EFBIG);

  size_t size = size_t(st.st_size);
  if (size == 0) return std::shared_ptr<const MappedFile>(new MappedFile(path, nullptr, 0));

  // Writable copy-on-write pages: tensors viewing the map may be changed in
  // place (x.add_(1) on a loaded input, a module updating a buffer) without
  // touching the file; read-only pages would make that a segfault.
  void* addr = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (addr == MAP_FAILED) throwIo("cannot map", path, errno);
  try {
    return std::shared_ptr<const MappedFile>(
        new MappedFile(path, static_cast<const uint8_t*>(addr), size));
  } catch (...) {
    ::munmap(addr, size);  // out of memory building the owner: do not leak the map
    throw;
  }
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<uint8_t*>(data_), size_);
}

}  // namespace ember::serialization
