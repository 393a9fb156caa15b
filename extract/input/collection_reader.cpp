// SPDX-License-Identifier: MIT
#include "extract/input/collection_reader.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "extract/input/csv_reader.h"
#include "extract/input/text_decoder.h"
#include "graph/error.h"

namespace kg::extract {
namespace {

const std::vector<std::string> kTextFields = {"body", "text", "content"};
const std::vector<std::string> kDateFields = {"date", "published"};

std::vector<std::string> Candidates(const std::string& chosen,
                                    const std::vector<std::string>& defaults) {
  return chosen.empty() ? defaults : std::vector<std::string>{chosen};
}

bool EqualsIgnoringCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

/// Builds the document of one record from its (undecoded) field values.
class RecordBuilder {
 public:
  RecordBuilder(const std::string& file, const std::string& name, const InputEventSink& sink)
      : file_(file), name_(name), label_(file == "-" ? name : file), sink_(sink) {}

  void Emit(long record_number, long line, std::string_view id, std::string_view title,
            std::string_view body, std::string_view date) {
    std::string origin = label_ + ":" + std::to_string(line);
    InputEvent event;
    event.file = file_;
    event.from_collection = true;
    RawDocument& document = event.document;
    std::string decoded_body = TidyEnds(DecodeText(body, origin, &document.warnings));
    document.title = TidyEnds(DecodeText(title, origin, &document.warnings));
    std::replace(document.title.begin(), document.title.end(), '\n', ' ');
    document.published = TidyEnds(DecodeText(date, origin, nullptr));
    std::string decoded_id = TidyEnds(DecodeText(id, origin, nullptr));
    document.name = name_ + "#" + (decoded_id.empty() ? std::to_string(record_number) : decoded_id);
    // The headline is part of the article: extraction sees it, spans index it.
    if (!document.title.empty() && !decoded_body.starts_with(document.title)) {
      document.text = document.title;
      if (!decoded_body.empty()) document.text += "\n\n" + decoded_body;
    } else {
      document.text = std::move(decoded_body);
    }
    if (document.text.empty()) {
      Message(InputEvent::Kind::kWarning, line, "no text; record skipped");
      return;
    }
    sink_(std::move(event));
  }

  void Message(InputEvent::Kind kind, long line, const std::string& text) const {
    InputEvent event;
    event.kind = kind;
    event.file = file_;
    event.from_collection = true;
    event.message = label_ + ":" + std::to_string(line) + ": " + text;
    sink_(std::move(event));
  }

 private:
  static std::string TidyEnds(std::string text) {
    std::size_t first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return {};
    std::size_t last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
  }

  const std::string& file_;
  const std::string& name_;  // documents are named "<name>#<id>"
  const std::string label_;  // messages name the file as the user gave it
  const InputEventSink& sink_;
};

std::optional<std::size_t> FindColumn(const std::vector<std::string>& header,
                                      const std::vector<std::string>& candidates) {
  for (const std::string& candidate : candidates) {
    for (std::size_t column = 0; column < header.size(); ++column) {
      if (EqualsIgnoringCase(header[column], candidate)) return column;
    }
  }
  return std::nullopt;
}

std::string JsonFieldText(const nlohmann::json& object, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    auto found = object.find(name);
    if (found == object.end() || found->is_null()) continue;
    return found->is_string() ? found->get<std::string>() : found->dump();
  }
  return {};
}

bool HasField(const nlohmann::json& object, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string();
  });
}

}  // namespace

void ReadCsvCollection(BufferedReader& input, const std::string& file, const std::string& name,
                       const ReaderOptions& options, const InputEventSink& sink) {
  const std::string& label = file == "-" ? name : file;
  if (input.Peek(3) == "\xEF\xBB\xBF") {
    for (int byte = 0; byte < 3; ++byte) input.Get();
  }
  CsvReader reader(input, label, options.max_document_bytes);
  std::vector<std::string> header;
  if (!reader.Next(&header)) throw Error(ErrorCode::kInvalidInput, label + ": no header row");
  auto require = [&](const std::string& chosen, const std::vector<std::string>& defaults,
                     bool required) -> std::optional<std::size_t> {
    std::optional<std::size_t> column = FindColumn(header, Candidates(chosen, defaults));
    if (!column && (required || !chosen.empty())) {
      throw Error(ErrorCode::kInvalidInput, label + ":" + std::to_string(reader.line()) +
                                                ": no column " +
                                                JoinNames(Candidates(chosen, defaults)) +
                                                " (columns: " + JoinNames(header) + ")");
    }
    return column;
  };
  std::size_t text_column = *require(options.text_field, kTextFields, true);
  std::optional<std::size_t> title_column = require(options.title_field, {"title"}, false);
  std::optional<std::size_t> id_column = require(options.id_field, {"id"}, false);
  std::optional<std::size_t> date_column = require(options.date_field, kDateFields, false);

  RecordBuilder builder(file, name, sink);
  std::vector<std::string> fields;
  long record_number = 0;
  while (reader.Next(&fields)) {
    ++record_number;
    if (fields.size() != header.size()) {
      builder.Message(InputEvent::Kind::kError, reader.line(),
                      "expected " + std::to_string(header.size()) + " fields, found " +
                          std::to_string(fields.size()) + "; record skipped");
      continue;
    }
    auto field = [&](std::optional<std::size_t> column) -> std::string_view {
      return column ? std::string_view(fields[*column]) : std::string_view();
    };
    builder.Emit(record_number, reader.line(), field(id_column), field(title_column),
                 fields[text_column], field(date_column));
  }
}

void ReadJsonLinesCollection(BufferedReader& input, const std::string& file,
                             const std::string& name, const ReaderOptions& options,
                             const InputEventSink& sink) {
  RecordBuilder builder(file, name, sink);
  std::vector<std::string> text_fields = Candidates(options.text_field, kTextFields);
  std::vector<std::string> title_fields = Candidates(options.title_field, {"title"});
  std::vector<std::string> id_fields = Candidates(options.id_field, {"id"});
  std::vector<std::string> date_fields = Candidates(options.date_field, kDateFields);
  std::string line;
  long line_number = 0;
  long record_number = 0;
  while (true) {
    BufferedReader::LineStatus status = input.ReadLine(&line, options.max_document_bytes);
    if (status == BufferedReader::LineStatus::kEnd) break;
    ++line_number;
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (status == BufferedReader::LineStatus::kTooLong) {
      builder.Message(InputEvent::Kind::kError, line_number,
                      "line longer than " + std::to_string(options.max_document_bytes) +
                          " bytes (--max-doc-bytes); skipped");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++record_number;
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& error) {
      std::string reason = error.what();
      // "[json.exception.parse_error.101] parse error at ...": keep what follows the tag.
      if (std::size_t tag_end = reason.find("] "); tag_end != std::string::npos) {
        reason.erase(0, tag_end + 2);
      }
      builder.Message(InputEvent::Kind::kError, line_number, "not JSON: " + reason);
      continue;
    }
    if (!object.is_object()) {
      builder.Message(InputEvent::Kind::kError, line_number,
                      std::string("not a JSON object but ") + object.type_name());
      continue;
    }
    if (!HasField(object, text_fields)) {
      builder.Message(InputEvent::Kind::kError, line_number,
                      "no text field (looked for " + JoinNames(text_fields) + "); skipped");
      continue;
    }
    builder.Emit(record_number, line_number, JsonFieldText(object, id_fields),
                 JsonFieldText(object, title_fields), JsonFieldText(object, text_fields),
                 JsonFieldText(object, date_fields));
  }
}

}  // namespace kg::extract
