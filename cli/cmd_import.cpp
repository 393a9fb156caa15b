// SPDX-License-Identifier: MIT
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "graph/error.h"
#include "graph/io/triples_import.h"

namespace kg::cli {

RunFunction AddImport(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files,
                 "triples JSON Lines files (the `kg export --format jsonl` shape; entity lines "
                 "of `--format entities` too)")
      ->required();
  app.footer(
      "Each file's lines are stored as documents named import:<file name>#<source>; importing "
      "an unchanged file again changes nothing. A bad line is reported as file:line and "
      "skipped; the exit status is then 1.");

  return [&global, files]() -> int {
    graph::Store store = OpenStoreForWriting(global);
    bool all_good = true;
    for (const std::string& path : *files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "kg: error: cannot read " << path << "\n";
        all_good = false;
        continue;
      }
      std::string file_name = std::filesystem::path(path).filename().string();
      graph::io::ImportBatch batch = graph::io::ReadTriplesJsonl(in, file_name);
      if (in.bad()) throw Error(ErrorCode::kIo, "reading " + path + " failed");
      for (const graph::io::ImportProblem& problem : batch.problems) {
        graph::io::ImportProblem named = problem;
        named.file = path;
        std::cerr << "kg: error: " << named.ToString() << " (line skipped)\n";
        all_good = false;
      }
      std::vector<graph::IngestResult> results = store.IngestBatch(batch.documents);
      int unchanged = 0;
      for (const graph::IngestResult& result : results) {
        if (result.outcome == graph::IngestResult::Outcome::kUnchanged) ++unchanged;
      }
      std::cout << path << ": " << batch.triples << " triples, " << batch.entities
                << " entity lines, " << results.size() << " documents (" << unchanged
                << " unchanged)";
      if (!batch.problems.empty()) std::cout << ", " << batch.problems.size() << " bad lines";
      std::cout << "\n";
    }
    return all_good ? 0 : 1;
  };
}

}  // namespace kg::cli
