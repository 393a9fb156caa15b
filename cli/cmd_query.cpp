// SPDX-License-Identifier: MIT
// kg query 'PATTERN': triple-pattern questions (query/README.md).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "graph/error.h"
#include "query/format.h"
#include "query/query.h"

namespace kg::cli {
namespace {

struct QueryCommand {
  std::vector<std::string> words;  // the pattern; several words are joined by spaces
  query::QueryOptions options;
  bool evidence = false;
  std::string format = "table";
};

constexpr const char* kLanguage = R"(
Patterns (quote the whole query for the shell):
  kg query 'Alibaba partners_with ?'          one hop; ? is a variable
  kg query '? ceo_of Alibaba'                 variable subject
  kg query 'Alibaba * ?'                      any relation
  kg query 'Alibaba partners with'            relation in plain words; object may be left out
  kg query '"Alibaba Cloud" develops ?'       quotes for names, always allowed
  kg query 'Alibaba invests_in ?x . ?x develops ?m:Model'   conjunction with a type filter
Names resolve through aliases, case and tickers (alibaba, BABA). See query/README.md.
Exit status: 0 answered (possibly with no rows), 1 unknown name, bad query or database
error (the query is echoed with a caret under the fault on stderr), 2 bad command line.)";

int Run(const QueryCommand& command, const GlobalOptions& global) {
  std::string text;
  for (const std::string& word : command.words) text += (text.empty() ? "" : " ") + word;
  graph::Store store = OpenStoreForReading(global);
  query::Result result;
  try {
    result = query::Run(store, text, command.options);
  } catch (const Error& error) {
    if (error.position() < 0 || error.code() == ErrorCode::kStorage) throw;
    std::cerr << "kg: error: " << query::EscapeForTerminal(error.what()) << "\n"
              << query::CaretLine(text, error.position()) << "\n";
    return 1;
  }
  query::ResultFormat format;
  format.evidence = command.evidence;
  if (!command.options.source_document.empty()) {
    format.prefer_document = query::ResolveDocument(store, command.options.source_document);
  }
  if (command.format == "json") {
    std::cout << query::ResultJson(store, result, format)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  query::Table table = query::ResultTable(store, result, format);
  if (command.format == "csv") {
    query::WriteCsv(std::cout, table);
    return 0;
  }
  if (result.rows.empty()) {
    std::cout << "no answers to: " << query::EscapeForTerminal(text) << "\n";
    return 0;
  }
  query::WriteTable(std::cout, table);
  std::cout << "\n" << result.rows.size() << (result.rows.size() == 1 ? " answer" : " answers");
  if (result.truncated) std::cout << " (limit reached; more exist)";
  std::cout << "\n";
  return 0;
}

}  // namespace

RunFunction AddQuery(CLI::App& app, const GlobalOptions& global) {
  auto command = std::make_shared<QueryCommand>();
  app.add_option("pattern", command->words, "the query, e.g. 'Alibaba partners_with ?'")
      ->required();
  app.add_option("--min-confidence", command->options.min_confidence,
                 "only relations at least this confident (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option(
      "--source", command->options.source_document,
      "only relations with evidence from this document (name as ingested, or file name)");
  app.add_option("--limit", command->options.limit, "at most this many answers (0 = all)");
  app.add_flag("--evidence", command->evidence, "show the evidence sentence and its document");
  app.add_option("--format", command->format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.footer(kLanguage);
  return [command, &global]() { return Run(*command, global); };
}

}  // namespace kg::cli
