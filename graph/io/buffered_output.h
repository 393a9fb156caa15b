// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <string>

#include "graph/error.h"

namespace kg::graph::io {

/// Collects output in a string and hands it to the stream in large blocks,
/// which is several times faster than many small ostream writes. Call
/// Finish() at the end; it throws kg::Error(kIo) if the stream failed.
class BufferedOutput {
 public:
  explicit BufferedOutput(std::ostream& out) : out_(out) { buffer_.reserve(kBlock + 4096); }
  BufferedOutput(const BufferedOutput&) = delete;
  BufferedOutput& operator=(const BufferedOutput&) = delete;

  std::string& text() { return buffer_; }
  /// Writes the buffer out once it holds a block.
  void MaybeFlush() {
    if (buffer_.size() >= kBlock) Flush();
  }
  void Finish() {
    Flush();
    out_.flush();
    if (!out_) throw Error(ErrorCode::kIo, "writing the export failed");
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace kg::graph::io
