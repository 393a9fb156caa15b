// SPDX-License-Identifier: MIT
#pragma once

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

namespace kg::cli {

/// Where a command writes its output: standard output for "" or "-", else a
/// file written whole or not at all. The bytes go to a temporary file beside
/// the target, which Commit() flushes, syncs and renames over it, so a killed
/// kg never leaves a truncated export. Refuses (kg::Error kUsage) a target that
/// exists and is not a regular file (device, FIFO, directory) and the
/// database itself.
class OutputFile {
 public:
  OutputFile(const std::string& path, const std::string& database_path);
  ~OutputFile();  // without Commit(), the temporary file is removed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return to_stdout_ ? std::cout : file_; }
  /// Makes the output visible at its path. Throws kg::Error(kIo) on failure.
  void Commit();
  bool is_stdout() const { return to_stdout_; }

 private:
  std::string path_;
  std::string temporary_path_;
  std::ofstream file_;
  bool to_stdout_ = false;
  bool committed_ = false;
};

/// Checks that `path` may be written as an output: a new file, or an existing
/// regular file that is not the database. Throws kg::Error(kUsage) otherwise.
void CheckOutputPath(const std::string& path, const std::string& database_path);

}  // namespace kg::cli
