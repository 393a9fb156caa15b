// SPDX-License-Identifier: MIT
// kg ingest: articles in (files, directories, stdin; text, HTML, CSV, JSON
// Lines, gzip), entities and relations out into the database.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>

#include "cli/command.h"
#include "extract/extractor.h"
#include "extract/pipeline.h"
#include "graph/error.h"

namespace kg::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string format = "auto";
  extract::IngestOptions options;
  extract::ExtractorOptions extractor;
  bool quiet = false;
};

const char* OutcomeName(graph::IngestResult::Outcome outcome) {
  switch (outcome) {
    case graph::IngestResult::Outcome::kAdded:
      return "added";
    case graph::IngestResult::Outcome::kReplaced:
      return "replaced";
    case graph::IngestResult::Outcome::kUnchanged:
      return "unchanged";
  }
  return "?";
}

std::string Megabytes(std::int64_t bytes) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / 1e6 << " MB";
  return out.str();
}

/// `text` with control characters (a newline or terminal escape in a file
/// name) written as \n, \r, \t or \xNN, so no input can forge a line of
/// kg's output or reach the terminal raw.
std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

/// Prints what the pipeline reports: one line per document (one per file for
/// collections) on stdout, warnings and errors on stderr, and a progress line
/// on stderr when it is a terminal and the run is long.
class CliReporter : public extract::IngestReporter {
 public:
  explicit CliReporter(bool quiet) : quiet_(quiet), progress_(::isatty(STDERR_FILENO) == 1) {}

  void OnDocument(const extract::DocumentReport& report) override {
    if (quiet_ || report.from_collection) return;
    ClearProgress();
    std::cout << Printable(report.result.name) << ": ";
    if (report.result.outcome != graph::IngestResult::Outcome::kUnchanged) {
      std::cout << report.result.entities << " entities, " << report.result.relations
                << " relations (" << OutcomeName(report.result.outcome) << ")\n";
    } else {
      std::cout << "unchanged\n";
    }
  }

  void OnMessage(bool is_error, const std::string& message) override {
    if (quiet_ && !is_error) return;
    ClearProgress();
    std::cout.flush();
    std::cerr << (is_error ? "kg: error: " : "kg: warning: ") << Printable(message) << "\n";
  }

  void OnFileDone(const extract::FileReport& file) override {
    if (quiet_ || !file.collection) return;
    ClearProgress();
    const extract::IngestCounts& counts = file.counts;
    std::cout << Printable(file.file) << ": " << counts.documents << " documents (" << counts.added
              << " added, " << counts.replaced << " replaced, " << counts.unchanged
              << " unchanged), " << counts.entities << " entities, " << counts.relations
              << " relations";
    if (counts.errors > 0) std::cout << ", " << counts.errors << " errors";
    std::cout << "\n";
  }

  void OnProgress(const extract::IngestCounts& counts, double seconds) override {
    if (!progress_ || seconds < 2) return;
    std::ostringstream line;
    line << "\r\033[Kingesting: " << counts.documents << " documents, " << Megabytes(counts.bytes)
         << ", " << std::fixed << std::setprecision(1) << counts.bytes / 1e6 / seconds << " MB/s";
    std::cerr << line.str() << std::flush;
    progress_shown_ = true;
  }

  void ClearProgress() {
    if (!progress_shown_) return;
    std::cerr << "\r\033[K" << std::flush;
    progress_shown_ = false;
  }

 private:
  bool quiet_;
  bool progress_;
  bool progress_shown_ = false;
};

int RunIngestCommand(const GlobalOptions& global, IngestFlags& flags) {
  std::optional<extract::InputFormat> format = extract::ParseInputFormat(flags.format);
  if (!format) throw Error(ErrorCode::kUsage, "--format: unknown format '" + flags.format + "'");
  flags.options.reader.format = *format;
  const auto extractor = std::make_shared<const extract::Extractor>(flags.extractor);
  graph::Store store = OpenStoreForWriting(global);
  CliReporter reporter(flags.quiet);
  auto started = std::chrono::steady_clock::now();
  extract::IngestCounts totals = extract::RunIngest(
      store, flags.inputs,
      [extractor](std::string name, std::string text) {
        return extractor->Extract(std::move(name), std::move(text));
      },
      flags.options, &reporter);
  reporter.ClearProgress();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!flags.quiet) {
    std::cout << "ingested " << totals.documents << " documents (" << totals.added << " added, "
              << totals.replaced << " replaced, " << totals.unchanged
              << " unchanged): " << totals.entities << " entities, " << totals.relations
              << " relations; " << Megabytes(totals.bytes) << " in " << std::fixed
              << std::setprecision(1) << seconds << " s";
    if (totals.errors > 0) std::cout << "; " << totals.errors << " errors";
    std::cout << "\n";
  }
  if (totals.errors > 0) {
    std::cerr << "kg: error: " << totals.errors << " document(s) or file(s) could not be ingested"
              << " (see above)\n";
    return 1;
  }
  return 0;
}

}  // namespace

RunFunction AddIngest(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<IngestFlags>();
  extract::IngestOptions& options = flags->options;
  extract::ReaderOptions& reader = options.reader;
  app.add_option("inputs", flags->inputs,
                 "article files, directories (read recursively) or - for stdin")
      ->required();
  app.add_option("--format", flags->format, "input format (default: from extension, else sniffed)")
      ->check(CLI::IsMember({"auto", "text", "html", "csv", "jsonl"}));
  app.add_option("--text-field", reader.text_field,
                 "CSV/JSONL field with the article text (default: body, text or content)");
  app.add_option("--title-field", reader.title_field, "CSV/JSONL title field (default: title)");
  app.add_option("--id-field", reader.id_field,
                 "CSV/JSONL id field; documents are named FILE#ID (default: id, else row number)");
  app.add_option("--date-field", reader.date_field,
                 "CSV/JSONL publication date field (default: date or published)");
  app.add_option("--name", reader.stdin_name, "document name for stdin (default: stdin)");
  app.add_option("--threads", options.threads, "extraction threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--batch", options.batch_documents,
                 "documents per database transaction (default: 1024)")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--lexicon", flags->extractor.lexicon_files, "extra lexicon file (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  app.add_option("--rules", flags->extractor.rule_files, "extra relation rules file (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  app.add_option("--max-doc-bytes", reader.max_document_bytes,
                 "refuse larger documents or records, e.g. 64MiB (default)")
      ->transform(CLI::AsSizeValue(false));
  app.add_flag("--quiet,-q", flags->quiet, "print only errors");
  return [&global, flags]() -> int { return RunIngestCommand(global, *flags); };
}

}  // namespace kg::cli
