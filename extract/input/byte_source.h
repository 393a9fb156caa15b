// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kg::extract {

/// A stream of bytes: a file, stdin, a string, or gzip data inflated on the fly.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes into `buffer`; returns 0 only at the end.
  /// Throws kg::Error (kIo for read failures, kInvalidInput for corrupt data),
  /// the message naming the source.
  virtual std::size_t Read(char* buffer, std::size_t size) = 0;
};

/// The bytes of a string (for stdin-like tests and in-memory input).
std::unique_ptr<ByteSource> MakeStringSource(std::string bytes);

/// Reads file descriptor `fd`, closing it when destroyed if `owns_fd`;
/// `label` names it in error messages.
std::unique_ptr<ByteSource> MakeFdSource(int fd, bool owns_fd, std::string label);

struct GzipLimits {
  std::uint64_t max_decompressed_bytes = std::uint64_t{16} << 30;
  std::uint64_t max_compression_ratio = 1000;  // checked once past ratio_check_after_bytes
  std::uint64_t ratio_check_after_bytes = std::uint64_t{64} << 20;
};

/// Inflates gzip data (several concatenated members allowed) from `compressed`.
/// Throws kg::Error(kInvalidInput) "<label>: ..." for corrupt or truncated
/// data and when a limit in `limits` is passed (a gzip bomb is refused before
/// it fills memory or disk).
std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> compressed,
                                           std::string label, const GzipLimits& limits);

/// Buffers a ByteSource for peeking, byte-at-a-time and line reading.
class BufferedReader : public ByteSource {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> source);

  /// Up to `size` upcoming bytes, without consuming them (fewer only at the end).
  std::string_view Peek(std::size_t size);

  /// The next byte (0-255), or -1 at the end.
  int Get() {
    if (position_ == buffer_.size() && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[position_++]);
  }

  enum class LineStatus { kLine, kTooLong, kEnd };
  /// Reads one line without its "\n" (or "\r\n") into `line`. A line longer
  /// than `max_bytes` is consumed whole but returned as kTooLong with `line`
  /// holding its first bytes; kEnd when nothing is left.
  LineStatus ReadLine(std::string* line, std::size_t max_bytes);

  /// Reads everything left, or throws kg::Error(kInvalidInput) "<label>: ..."
  /// naming the limit once more than `max_bytes` arrive.
  std::string ReadAll(std::size_t max_bytes, std::string_view label);

  std::size_t Read(char* buffer, std::size_t size) override;

 private:
  bool Fill();  // refills an exhausted buffer; false at the end

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  std::size_t position_ = 0;
  bool at_end_ = false;
};

}  // namespace kg::extract
