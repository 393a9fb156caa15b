// SPDX-License-Identifier: MIT
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/graph_scope.h"
#include "cli/output_file.h"
#include "graph/error.h"
#include "graph/io/graph_source.h"
#include "graph/io/triples_jsonl.h"
#include "graph/io/writers.h"

namespace kg::cli {
namespace {

struct ExportOptions {
  std::string format;
  std::string output;
  bool every_evidence = false;
  double min_confidence = 0;
  ScopeOptions scope;
};

// csv writes two files: -o names a directory (DIR/nodes.csv) or a prefix (PREFIXnodes.csv).
std::pair<std::string, std::string> CsvPaths(const std::string& output) {
  if (output.empty() || output == "-") {
    throw Error(ErrorCode::kUsage, "--format csv writes two files: give -o DIRECTORY or -o PREFIX");
  }
  bool directory = output.back() == '/' || std::filesystem::is_directory(output);
  std::string prefix = directory && output.back() != '/' ? output + "/" : output;
  if (directory) std::filesystem::create_directories(prefix);
  return {prefix + "nodes.csv", prefix + "relationships.csv"};
}

void WriteGraphFormat(graph::io::ExportFormat format, const graph::io::GraphSource& source,
                      const ExportOptions& options, const std::string& database) {
  using graph::io::ExportFormat;
  if (format == ExportFormat::kCsv) {
    auto [nodes_path, relationships_path] = CsvPaths(options.output);
    OutputFile nodes(nodes_path, database);
    OutputFile relationships(relationships_path, database);
    graph::io::WriteNeo4jCsv(source, nodes.stream(), relationships.stream());
    nodes.Commit();
    relationships.Commit();
    return;
  }
  OutputFile output(options.output, database);
  switch (format) {
    case ExportFormat::kDot:
      graph::io::WriteDot(source, output.stream());
      break;
    case ExportFormat::kGraphml:
      graph::io::WriteGraphml(source, output.stream());
      break;
    case ExportFormat::kJson:
      graph::io::WriteNodeLinkJson(source, output.stream());
      break;
    case ExportFormat::kCytoscape:
      graph::io::WriteCytoscapeJson(source, output.stream());
      break;
    case ExportFormat::kNTriples:
      graph::io::WriteNTriples(source, output.stream());
      break;
    default:
      KG_ASSERT(false);
  }
  output.Commit();
}

int RunExport(const ExportOptions& options, const GlobalOptions& global) {
  graph::io::ExportFormat format = *graph::io::ParseExportFormat(options.format);
  if (format != graph::io::ExportFormat::kCsv) CheckOutputPath(options.output, global.db_path);
  graph::Store store = OpenStoreForReading(global);
  std::optional<graph::Subgraph> scope = SelectScope(store, options.scope);
  using graph::io::ExportFormat;
  if (format == ExportFormat::kJsonl || format == ExportFormat::kEntities) {
    OutputFile output(options.output, global.db_path);
    if (format == ExportFormat::kJsonl) {
      graph::io::TriplesOptions triples;
      triples.every_evidence = options.every_evidence;
      triples.min_confidence = options.min_confidence;
      triples.scope = scope ? &*scope : nullptr;
      graph::io::WriteTriplesJsonl(store, output.stream(), triples);
    } else {
      graph::io::WriteEntitiesJsonl(store, output.stream(), scope ? &*scope : nullptr);
    }
    output.Commit();
    return 0;
  }
  if (scope) {
    graph::io::SourceIndex sources = graph::io::SourceIndex::ForRelations(store, scope->relations);
    graph::io::SubgraphSource source(*scope, &sources, options.min_confidence);
    WriteGraphFormat(format, source, options, global.db_path);
  } else {
    graph::io::StoreSource source(store, options.min_confidence);
    WriteGraphFormat(format, source, options, global.db_path);
  }
  return 0;
}

}  // namespace

RunFunction AddExport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ExportOptions>();
  std::vector<std::string> names;
  for (std::string_view name : graph::io::ExportFormatNames()) names.emplace_back(name);
  app.add_option("--format,-f", options->format,
                 "jsonl (triples), entities, dot, graphml, json (networkx node-link), cytoscape "
                 "(Cytoscape.js), csv (Neo4j import: nodes.csv + relationships.csv), ntriples")
      ->required()
      ->check(CLI::IsMember(names));
  app.add_option("-o,--output", options->output,
                 "output file (default: standard output); for csv a directory or a file prefix");
  app.add_flag("--every-evidence", options->every_evidence,
               "jsonl: one line per evidence sentence instead of the best one");
  app.add_option("--min-confidence", options->min_confidence, "leave out weaker relations")
      ->check(CLI::Range(0.0, 1.0));
  AddScopeOptions(app, options->scope);

  return [&global, options]() -> int {
    try {
      return RunExport(*options, global);
    } catch (const Error& error) {
      // Writers know a write failed, not where to: name the output here.
      std::string target = options->output.empty() || options->output == "-"
                               ? std::string("standard output")
                               : options->output;
      bool named = std::string(error.what()).find(target) != std::string::npos;
      if (error.code() != ErrorCode::kIo || named) throw;
      throw Error(ErrorCode::kIo,
                  "cannot write " + target + ": " + error.what() + " (disk full, or an I/O error)");
    }
  };
}

}  // namespace kg::cli
