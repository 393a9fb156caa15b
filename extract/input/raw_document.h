// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Reading articles: files, directories, stdin, HTML, CSV and JSON Lines
/// collections, gzip. Everything here turns bytes into RawDocuments whose text
/// is valid UTF-8 and never throws for bad content: problems become messages.
namespace kg::extract {

/// One article as read, before extraction. `text` is valid UTF-8 with "\n"
/// line ends and no control characters other than "\n" and "\t"; every byte
/// offset stored later refers to it.
struct RawDocument {
  std::string name;   // unique in the store: the file name, the path below a directory given, or
                      // "<name>#<id>"
  std::string text;   // never empty
  std::string title;  // may be empty
  std::string published;              // publication date as given; may be empty
  std::vector<std::string> warnings;  // "file: ..." lines about repaired content
};

enum class InputFormat { kAuto, kText, kHtml, kCsv, kJsonLines };

/// Parses "auto", "text", "html", "csv", "jsonl"; nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

/// How to read inputs. Field names left empty take the defaults documented
/// on each field.
struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: from the extension, else sniffed
  std::string text_field;   // default: the first of "body", "text", "content" present
  std::string title_field;  // default: "title"
  std::string id_field;     // default: "id"; documents are named "<file>#<id>", else "<file>#<row>"
  std::string date_field;   // default: the first of "date", "published" present
  std::string stdin_name = "stdin";  // the document name for "-"
  /// Larger documents (or CSV records, JSON lines) are refused, never loaded.
  std::size_t max_document_bytes = std::size_t{64} << 20;
  /// A gzip input may not inflate to more than this many bytes...
  std::uint64_t max_decompressed_bytes = std::uint64_t{16} << 30;
  /// ...nor, once past 64 MiB, to more than this many times its compressed size
  /// (the gzip-bomb guard; real text compresses about 3-10 times).
  std::uint64_t max_compression_ratio = 1000;
};

/// What reading produces, in input order.
struct InputEvent {
  enum class Kind {
    kDocument,  // `document` is ready to extract
    kWarning,   // `message` names the file (and line) at fault; reading went on
    kError,     // `message` names the file (and line); that document or file was not read
    kFileDone,  // `file` was read to its end (or as far as it could be)
  };
  Kind kind = Kind::kDocument;
  std::string file;              // the input path as given ("-" for stdin)
  bool from_collection = false;  // the document is one row of a CSV / JSON Lines file
  RawDocument document;
  std::string message;
};

/// Receives events; called on the reading thread, one event at a time.
using InputEventSink = std::function<void(InputEvent&&)>;

}  // namespace kg::extract
