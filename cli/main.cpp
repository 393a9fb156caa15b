// SPDX-License-Identifier: MIT
// kg: news articles in, a knowledge graph out. The only catch site: every
// kg::Error ends here as "kg: error: ..." with exit 1 (failure) or 2 (usage).
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "graph/error.h"

namespace kg::cli {
namespace {

// The command table: the one place that lists what kg can do.
constexpr Command kCommands[] = {
    {"ingest", "extract entities and relations from articles into the database", AddIngest},
    {"import", "merge triples (JSON Lines) into the database", AddImport},
    {"query", "answer a triple-pattern question", AddQuery},
    {"neighbors", "list the k-hop neighbourhood of an entity", AddNeighbors},
    {"path", "find how two entities are connected", AddPath},
    {"rank", "rank entities by centrality", AddRank},
    {"communities", "find connected components and communities", AddCommunities},
    {"export", "write the graph for other tools", AddExport},
    {"render", "draw the graph or part of it (SVG, PNG, PDF)", AddRender},
    {"stats", "count documents, entities and relations by type", AddStats},
};

std::string DefaultDatabase() {
  const char* env = std::getenv("KG_DB");
  return env != nullptr && *env != '\0' ? env : "kg.db";
}

int Main(int argc, char** argv) {
  CLI::App app{"kg: news articles in, a knowledge graph out"};
  app.name("kg");
  app.require_subcommand(1);
  app.set_version_flag("--version", "kg 0.1.0");
  GlobalOptions global;
  global.db_path = DefaultDatabase();
  app.add_option("--db", global.db_path, "database file (default: $KG_DB, else ./kg.db)");

  std::map<CLI::App*, RunFunction> runners;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners[sub] = command.add(*sub, global);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 prints help and version itself (exit 0); usage errors exit 2.
    int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  for (CLI::App* sub : app.get_subcommands()) return runners.at(sub)();
  return 2;
}

}  // namespace
}  // namespace kg::cli

int main(int argc, char** argv) {
  try {
    return kg::cli::Main(argc, argv);
  } catch (const kg::Error& error) {
    std::cerr << "kg: error: " << error.what() << "\n";
    return error.code() == kg::ErrorCode::kUsage ? 2 : 1;
  } catch (const std::exception& error) {
    std::cerr << "kg: error: " << error.what() << "\n";
    return 1;
  }
}
