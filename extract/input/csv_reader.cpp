// SPDX-License-Identifier: MIT
#include "extract/input/csv_reader.h"

#include "graph/error.h"

namespace kg::extract {

CsvReader::CsvReader(BufferedReader& input, std::string label, std::size_t max_record_bytes)
    : input_(input), label_(std::move(label)), max_record_bytes_(max_record_bytes) {}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  int byte = input_.Get();
  // Blank lines separate nothing; skip them.
  while (byte == '\n' || byte == '\r') {
    if (byte == '\r' && input_.Peek(1) == "\n") input_.Get();
    ++line_;
    byte = input_.Get();
  }
  if (byte < 0) return false;
  record_line_ = line_;
  std::size_t record_bytes = 0;
  fields->emplace_back();
  bool in_quotes = false;
  bool field_started = false;  // a character of the current field has been read
  while (true) {
    if (byte < 0) {
      if (in_quotes) {
        throw Error(ErrorCode::kInvalidInput,
                    label_ + ":" + std::to_string(record_line_) + ": unterminated quoted field");
      }
      return true;
    }
    if (++record_bytes > max_record_bytes_) {
      throw Error(ErrorCode::kInvalidInput, label_ + ":" + std::to_string(record_line_) +
                                                ": record longer than " +
                                                std::to_string(max_record_bytes_) +
                                                " bytes (--max-doc-bytes); rest of file skipped");
    }
    char character = static_cast<char>(byte);
    std::string& field = fields->back();
    if (in_quotes) {
      if (character == '"') {
        if (input_.Peek(1) == "\"") {
          input_.Get();
          field += '"';
        } else {
          in_quotes = false;
        }
      } else {
        if (character == '\n') ++line_;
        if (character == '\r' && input_.Peek(1) != "\n") ++line_;
        field += character;
      }
    } else if (character == ',') {
      fields->emplace_back();
      field_started = false;
      byte = input_.Get();
      continue;
    } else if (character == '\n' || character == '\r') {
      if (character == '\r' && input_.Peek(1) == "\n") input_.Get();
      ++line_;
      return true;
    } else if (character == '"' && !field_started) {
      in_quotes = true;
    } else {
      field += character;
    }
    field_started = true;
    byte = input_.Get();
  }
}

}  // namespace kg::extract
