// SPDX-License-Identifier: MIT
#include "extract/input/byte_source.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "graph/error.h"

namespace kg::extract {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t Read(char* buffer, std::size_t size) override {
    std::size_t count = std::min(size, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }

 private:
  std::string bytes_;
  std::size_t position_ = 0;
};

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owns_fd, std::string label)
      : fd_(fd), owns_fd_(owns_fd), label_(std::move(label)) {}
  ~FdSource() override {
    if (owns_fd_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  std::size_t Read(char* buffer, std::size_t size) override {
    while (true) {
      ssize_t count = ::read(fd_, buffer, size);
      if (count >= 0) return static_cast<std::size_t>(count);
      if (errno == EINTR) continue;
      throw Error(ErrorCode::kIo, label_ + ": cannot read: " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owns_fd_;
  std::string label_;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> compressed, std::string label, const GzipLimits& limits)
      : compressed_(std::move(compressed)),
        label_(std::move(label)),
        limits_(limits),
        input_(kChunkBytes, '\0') {
    std::memset(&stream_, 0, sizeof stream_);
    // 15 + 32: the largest window, gzip or zlib header detected automatically.
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) {
      throw Error(ErrorCode::kIo, label_ + ": cannot start gzip decompression");
    }
  }
  ~GzipSource() override { inflateEnd(&stream_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  std::size_t Read(char* buffer, std::size_t size) override {
    if (finished_ || size == 0) return 0;
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    while (stream_.avail_out == static_cast<uInt>(std::min<std::size_t>(size, 1u << 30))) {
      if (stream_.avail_in == 0) {
        std::size_t count = compressed_->Read(input_.data(), input_.size());
        compressed_bytes_ += count;
        if (count == 0) {
          if (member_open_) throw Error(ErrorCode::kInvalidInput, label_ + ": truncated gzip data");
          finished_ = true;
          return 0;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(count);
      }
      member_open_ = true;
      int status = inflate(&stream_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        // Another gzip member may follow (as `cat a.gz b.gz` makes).
        member_open_ = false;
        inflateReset(&stream_);
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        std::string reason =
            stream_.msg != nullptr ? stream_.msg : "error " + std::to_string(status);
        throw Error(ErrorCode::kInvalidInput, label_ + ": corrupt gzip data: " + reason);
      }
    }
    std::size_t produced = std::min<std::size_t>(size, 1u << 30) - stream_.avail_out;
    inflated_bytes_ += produced;
    CheckLimits();
    return produced;
  }

 private:
  void CheckLimits() const {
    if (inflated_bytes_ > limits_.max_decompressed_bytes) {
      throw Error(ErrorCode::kInvalidInput, label_ + ": gzip data inflates past the limit of " +
                                                std::to_string(limits_.max_decompressed_bytes) +
                                                " bytes; refused");
    }
    if (inflated_bytes_ > limits_.ratio_check_after_bytes &&
        inflated_bytes_ / std::max<std::uint64_t>(compressed_bytes_, 1) >
            limits_.max_compression_ratio) {
      throw Error(ErrorCode::kInvalidInput, label_ + ": gzip data inflates more than " +
                                                std::to_string(limits_.max_compression_ratio) +
                                                " times its size (a gzip bomb?); refused");
    }
  }

  std::unique_ptr<ByteSource> compressed_;
  std::string label_;
  GzipLimits limits_;
  std::string input_;
  z_stream stream_;
  bool member_open_ = false;  // inside a gzip member whose end has not been seen
  bool finished_ = false;
  std::uint64_t compressed_bytes_ = 0;
  std::uint64_t inflated_bytes_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> MakeStringSource(std::string bytes) {
  return std::make_unique<StringSource>(std::move(bytes));
}

std::unique_ptr<ByteSource> MakeFdSource(int fd, bool owns_fd, std::string label) {
  return std::make_unique<FdSource>(fd, owns_fd, std::move(label));
}

std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> compressed,
                                           std::string label, const GzipLimits& limits) {
  return std::make_unique<GzipSource>(std::move(compressed), std::move(label), limits);
}

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

bool BufferedReader::Fill() {
  if (at_end_) return false;
  buffer_.erase(0, position_);
  position_ = 0;
  std::size_t kept = buffer_.size();
  buffer_.resize(kept + kChunkBytes);
  std::size_t count = source_->Read(buffer_.data() + kept, kChunkBytes);
  buffer_.resize(kept + count);
  if (count == 0) at_end_ = true;
  return count > 0;
}

std::string_view BufferedReader::Peek(std::size_t size) {
  while (buffer_.size() - position_ < size && Fill()) {
  }
  return std::string_view(buffer_).substr(position_, size);
}

BufferedReader::LineStatus BufferedReader::ReadLine(std::string* line, std::size_t max_bytes) {
  line->clear();
  bool too_long = false;
  bool any = false;
  while (position_ < buffer_.size() || Fill()) {
    any = true;
    std::string_view pending = std::string_view(buffer_).substr(position_);
    std::size_t newline = pending.find('\n');
    std::string_view piece = pending.substr(0, newline);
    if (!too_long) {
      if (line->size() + piece.size() > max_bytes) {
        too_long = true;
        line->append(piece.substr(0, max_bytes - line->size()));
      } else {
        line->append(piece);
      }
    }
    if (newline != std::string_view::npos) {
      position_ += newline + 1;
      break;
    }
    position_ = buffer_.size();
  }
  if (!any) return LineStatus::kEnd;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return too_long ? LineStatus::kTooLong : LineStatus::kLine;
}

std::string BufferedReader::ReadAll(std::size_t max_bytes, std::string_view label) {
  std::string all;
  while (position_ < buffer_.size() || Fill()) {
    std::size_t available = buffer_.size() - position_;
    if (all.size() + available > max_bytes) {
      throw Error(ErrorCode::kInvalidInput, std::string(label) + ": larger than the limit of " +
                                                std::to_string(max_bytes) +
                                                " bytes per document (--max-doc-bytes); refused");
    }
    all.append(buffer_, position_, available);
    position_ = buffer_.size();
  }
  return all;
}

std::size_t BufferedReader::Read(char* buffer, std::size_t size) {
  if (position_ == buffer_.size() && !Fill()) return 0;
  std::size_t count = std::min(size, buffer_.size() - position_);
  std::memcpy(buffer, buffer_.data() + position_, count);
  position_ += count;
  return count;
}

}  // namespace kg::extract
