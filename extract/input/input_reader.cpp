// SPDX-License-Identifier: MIT
#include "extract/input/input_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "extract/input/collection_reader.h"
#include "extract/input/html_reader.h"
#include "extract/input/sniff.h"
#include "extract/input/text_decoder.h"
#include "graph/error.h"

namespace kg::extract {
namespace {

void EmitMessage(const InputEventSink& sink, InputEvent::Kind kind, const std::string& file,
                 std::string message) {
  InputEvent event;
  event.kind = kind;
  event.file = file;
  event.message = std::move(message);
  sink(std::move(event));
}

void EmitFileDone(const InputEventSink& sink, const std::string& file) {
  InputEvent event;
  event.kind = InputEvent::Kind::kFileDone;
  event.file = file;
  sink(std::move(event));
}

const char* DescribeFileType(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

InputFormat ChooseFormat(const ReaderOptions& options, const std::string& name,
                         std::string_view head) {
  if (options.format != InputFormat::kAuto) return options.format;
  InputFormat by_name = FormatFromName(name);
  if (by_name != InputFormat::kAuto) return by_name;
  return LooksLikeHtml(head) ? InputFormat::kHtml : InputFormat::kText;
}

/// Reads one stream; kg::Error from reading propagates to the caller.
void ReadStreamOrThrow(std::unique_ptr<ByteSource> source, const std::string& file,
                       const std::string& name, const ReaderOptions& options,
                       const InputEventSink& sink) {
  // Messages name the file as the user gave it; documents are named `name`.
  const std::string& label = file == "-" ? name : file;
  auto input = std::make_unique<BufferedReader>(std::move(source));
  if (input->Peek(1).empty())
    throw Error(ErrorCode::kInvalidInput, label + ": empty file; nothing to ingest");
  if (IsGzip(input->Peek(2))) {
    GzipLimits limits;
    limits.max_decompressed_bytes = options.max_decompressed_bytes;
    limits.max_compression_ratio = options.max_compression_ratio;
    input = std::make_unique<BufferedReader>(MakeGzipSource(std::move(input), label, limits));
    if (input->Peek(1).empty()) {
      throw Error(ErrorCode::kInvalidInput, label + ": empty after gunzip; nothing to ingest");
    }
  }
  std::string_view head = input->Peek(kSniffBytes);
  if (std::string kind = DescribeBinary(head); !kind.empty()) {
    throw Error(ErrorCode::kInvalidInput, label + ": binary file (" + kind + "); not ingested");
  }
  InputFormat format = ChooseFormat(options, name, head);
  if (format == InputFormat::kCsv) return ReadCsvCollection(*input, file, name, options, sink);
  if (format == InputFormat::kJsonLines) {
    return ReadJsonLinesCollection(*input, file, name, options, sink);
  }
  InputEvent event;
  event.file = file;
  std::string decoded = DecodeText(input->ReadAll(options.max_document_bytes, label), label,
                                   &event.document.warnings);
  if (format == InputFormat::kHtml) {
    std::vector<std::string> warnings = std::move(event.document.warnings);
    event.document = ReadHtml(name, decoded);
    event.document.warnings = std::move(warnings);
  } else {
    event.document.name = name;
    event.document.text = std::move(decoded);
  }
  if (event.document.text.find_first_not_of(" \t\n") == std::string::npos) {
    throw Error(ErrorCode::kInvalidInput, label + ": no text; nothing to ingest");
  }
  sink(std::move(event));
}

void ReadRegularFile(const std::string& path, const std::string& name, const ReaderOptions& options,
                     const InputEventSink& sink) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    throw Error(ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno));
  }
  auto source = MakeFdSource(fd, true, path);
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    throw Error(ErrorCode::kIo, path + ": cannot stat: " + std::strerror(errno));
  }
  if (!S_ISREG(status.st_mode)) {
    throw Error(ErrorCode::kInvalidInput,
                path + ": " + DescribeFileType(status.st_mode) + ", not a regular file; refused");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  ReadStreamOrThrow(std::move(source), path, name, options, sink);
}

/// Reads `path` (not a directory) as documents named `name`, turning a
/// kg::Error into one kError event.
void ReadOneFile(const std::string& path, const std::string& name, const ReaderOptions& options,
                 const InputEventSink& sink) {
  try {
    ReadRegularFile(path, name, options, sink);
  } catch (const Error& error) {
    EmitMessage(sink, InputEvent::Kind::kError, path, error.what());
  }
  EmitFileDone(sink, path);
}

std::string JoinPath(const std::string& directory, const std::string& entry) {
  return directory.ends_with('/') ? directory + entry : directory + "/" + entry;
}

/// Depth-first, names in byte order, each real directory entered once.
void WalkDirectory(const std::string& root, const struct stat& root_status,
                   const ReaderOptions& options, const InputEventSink& sink) {
  std::set<std::pair<dev_t, ino_t>> visited = {{root_status.st_dev, root_status.st_ino}};
  struct Level {
    std::string path;
    std::vector<std::string> entries;  // sorted names still to visit, last first
  };
  auto list = [&](const std::string& directory) {
    Level level{directory, {}};
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
      std::string entry = it->path().filename().string();
      if (!entry.starts_with('.')) level.entries.push_back(std::move(entry));
    }
    if (error) {
      EmitMessage(sink, InputEvent::Kind::kError, directory,
                  directory + ": cannot list: " + error.message());
    }
    std::sort(level.entries.rbegin(), level.entries.rend());
    return level;
  };
  std::vector<Level> stack;
  stack.push_back(list(root));
  std::size_t files_seen = 0;
  while (!stack.empty()) {
    if (stack.back().entries.empty()) {
      stack.pop_back();
      continue;
    }
    std::string path = JoinPath(stack.back().path, stack.back().entries.back());
    stack.back().entries.pop_back();
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      EmitMessage(sink, InputEvent::Kind::kError, path,
                  path + ": cannot open: " + std::strerror(errno));
      EmitFileDone(sink, path);
      ++files_seen;
      continue;
    }
    if (S_ISDIR(status.st_mode)) {
      // A symlink back up the tree would otherwise loop forever.
      if (visited.insert({status.st_dev, status.st_ino}).second) stack.push_back(list(path));
      continue;
    }
    ++files_seen;
    // Named relative to the directory given, so the name does not depend on
    // where kg was run from: "corpus/a/x.txt" under "corpus" is "a/x.txt".
    ReadOneFile(path, path.substr(JoinPath(root, "").size()), options, sink);
  }
  if (files_seen == 0) {
    EmitMessage(sink, InputEvent::Kind::kWarning, root, root + ": no files to ingest");
  }
}

}  // namespace

void ReadStream(std::unique_ptr<ByteSource> source, const std::string& file,
                const std::string& name, const ReaderOptions& options, const InputEventSink& sink) {
  try {
    ReadStreamOrThrow(std::move(source), file, name, options, sink);
  } catch (const Error& error) {
    EmitMessage(sink, InputEvent::Kind::kError, file, error.what());
  }
  EmitFileDone(sink, file);
}

void ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputEventSink& sink) {
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadStream(MakeFdSource(STDIN_FILENO, false, options.stdin_name), path, options.stdin_name,
                 options, sink);
      continue;
    }
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      EmitMessage(sink, InputEvent::Kind::kError, path,
                  path + ": cannot open: " + std::strerror(errno));
      EmitFileDone(sink, path);
    } else if (S_ISDIR(status.st_mode)) {
      WalkDirectory(path, status, options, sink);
    } else {
      // A file given by itself is named by its file name (ONTOLOGY: "source").
      ReadOneFile(path, std::filesystem::path(path).filename().string(), options, sink);
    }
  }
}

}  // namespace kg::extract
