// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/store.h"
#include "query/query.h"

/// Writing answers for people (aligned tables, control characters escaped)
/// and for programs (RFC 4180 CSV, JSON). Used by the query and graph commands.
namespace kg::query {

/// Rows of cells under a header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// `text` safe for a terminal: C0 and C1 control characters and DEL become
/// \n, \t, \r or \xNN; invalid UTF-8 bytes become \xNN. Printable text is unchanged.
std::string EscapeForTerminal(std::string_view text);

/// Columns in display width (code points after escaping), separated by two
/// spaces, header underlined with dashes; every cell escaped for a terminal.
void WriteTable(std::ostream& out, const Table& table);

/// RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted
/// with inner quotes doubled. Cells are written unchanged otherwise.
void WriteCsv(std::ostream& out, const Table& table);

/// Text under `text` marking byte `position` with a caret, for error output:
/// "  <text>\n  <spaces>^". Control characters are escaped on both lines.
std::string CaretLine(std::string_view text, long position);

/// How the query command lays out a result.
struct ResultFormat {
  bool evidence = false;        // add the best evidence sentence and its document
  std::string prefer_document;  // prefer evidence from this document (the --source filter)
};

/// The result as a table: a one-pattern query shows subject, relation, object,
/// confidence; a conjunction shows one column per variable and the lowest
/// confidence of the row's relations. With evidence, "evidence" and "source"
/// columns follow (one sentence per matched relation, joined by " | ").
Table ResultTable(const graph::Store& store, const Result& result, const ResultFormat& format);

/// The result as JSON: query, variables, patterns, truncated, and rows with
/// bindings {variable: {id, name, type}} and matches (relation id, subject,
/// relation, object, confidence, and with evidence a list of
/// {document, sentence_index, span, sentence, confidence}).
nlohmann::json ResultJson(const graph::Store& store, const Result& result,
                          const ResultFormat& format);

}  // namespace kg::query
