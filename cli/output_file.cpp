// SPDX-License-Identifier: MIT
#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "graph/error.h"

namespace kg::cli {
namespace {

std::string Directory(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool SameFile(const struct stat& a, const std::string& other_path) {
  struct stat b {};
  return ::stat(other_path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

void CheckOutputPath(const std::string& path, const std::string& database_path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return;  // a new file
    throw Error(ErrorCode::kUsage, "cannot write " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    throw Error(ErrorCode::kUsage,
                "refusing to write " + path + ": not a regular file (device, FIFO or directory)");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    if (SameFile(info, database_path + suffix)) {
      throw Error(ErrorCode::kUsage, "refusing to write " + path + ": it is the kg database");
    }
  }
}

OutputFile::OutputFile(const std::string& path, const std::string& database_path) : path_(path) {
  if (path.empty() || path == "-") {
    to_stdout_ = true;
    return;
  }
  CheckOutputPath(path, database_path);
  std::string pattern = Directory(path) + "/.kg-output-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(ErrorCode::kIo,
                "cannot create a file beside " + path + ": " + std::strerror(errno));
  }
  ::fchmod(fd, 0644);
  ::close(fd);
  temporary_path_ = pattern;
  file_.open(temporary_path_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    ::unlink(temporary_path_.c_str());
    throw Error(ErrorCode::kIo, "cannot write " + temporary_path_);
  }
}

OutputFile::~OutputFile() {
  if (!to_stdout_ && !committed_) {
    file_.close();
    ::unlink(temporary_path_.c_str());
  }
}

void OutputFile::Commit() {
  if (to_stdout_) {
    std::cout.flush();
    if (!std::cout) throw Error(ErrorCode::kIo, "cannot write to standard output");
    committed_ = true;
    return;
  }
  file_.flush();
  bool ok = static_cast<bool>(file_);
  file_.close();
  int fd = ::open(temporary_path_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
  }
  if (!ok) throw Error(ErrorCode::kIo, "cannot write " + path_ + " (disk full?)");
  CheckOutputPath(path_, "");  // the target may have changed since we started
  if (::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
    throw Error(ErrorCode::kIo, "cannot rename output to " + path_ + ": " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace kg::cli
