// SPDX-License-Identifier: MIT
#include "cli/command.h"
#include "cli/output_file.h"
#include "graph/error.h"
#include "graph/io/triples_jsonl.h"

namespace kg::cli {
namespace {

struct ExportOptions {
  std::string format;
  std::string output;
  bool every_evidence = false;
  double min_confidence = 0;
};

}  // namespace

RunFunction AddExport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ExportOptions>();
  app.add_option("--format,-f", options->format, "jsonl (triples) or entities")
      ->required()
      ->check(CLI::IsMember({"jsonl", "entities"}));
  app.add_option("-o,--output", options->output, "output file (default: standard output)");
  app.add_flag("--every-evidence", options->every_evidence,
               "jsonl: one line per evidence sentence instead of the best one");
  app.add_option("--min-confidence", options->min_confidence, "leave out weaker relations")
      ->check(CLI::Range(0.0, 1.0));
  return [&global, options]() -> int {
    graph::Store store = OpenStoreForReading(global);
    OutputFile output(options->output, global.db_path);
    if (options->format == "jsonl") {
      graph::io::TriplesOptions triples;
      triples.every_evidence = options->every_evidence;
      triples.min_confidence = options->min_confidence;
      graph::io::WriteTriplesJsonl(store, output.stream(), triples);
    } else {
      graph::io::WriteEntitiesJsonl(store, output.stream());
    }
    output.Commit();
    return 0;
  };
}

}  // namespace kg::cli
