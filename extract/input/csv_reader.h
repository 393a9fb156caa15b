// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "extract/input/byte_source.h"

namespace kg::extract {

/// Streams RFC 4180 CSV records: comma separated, fields optionally quoted
/// with '"', a doubled quote inside quotes is a quote, quoted fields may hold
/// commas and newlines; records end with LF, CRLF or CR. Blank lines are
/// skipped. Lenient like Python's csv module: a quote inside an unquoted field
/// and text after a closing quote are kept as they are. Only one record is in
/// memory at a time.
class CsvReader {
 public:
  /// `label` names the input in errors ("news.csv"); no record may exceed
  /// `max_record_bytes`.
  CsvReader(BufferedReader& input, std::string label, std::size_t max_record_bytes);

  /// Reads the next record into `fields`; false at the end. Throws
  /// kg::Error(kInvalidInput) "<label>:<line>: unterminated quoted field" when
  /// the input ends inside quotes, and "<label>:<line>: record longer than N
  /// bytes" (the rest of the input cannot be trusted after either).
  bool Next(std::vector<std::string>* fields);

  /// The line (1-based) on which the last record read started.
  long line() const { return record_line_; }

 private:
  BufferedReader& input_;
  std::string label_;
  std::size_t max_record_bytes_;
  long line_ = 1;  // the line the reader is on
  long record_line_ = 0;
};

}  // namespace kg::extract
