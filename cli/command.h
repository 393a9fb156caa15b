// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "graph/store.h"

/// The kg executable: each subcommand lives in its own cli/cmd_*.cpp and is
/// listed once in cli/main.cpp's command table.
namespace kg::cli {

/// Options every subcommand sees.
struct GlobalOptions {
  std::string db_path;  // --db, else $KG_DB, else ./kg.db
};

/// A subcommand: Register() declares its options on `app` and returns the
/// function that runs it once parsed. The function returns the exit code
/// (0 ok, 1 failure) or throws kg::Error.
using RunFunction = std::function<int()>;
using RegisterFunction = RunFunction (*)(CLI::App& app, const GlobalOptions& global);

struct Command {
  const char* name;
  const char* summary;
  RegisterFunction add;
};

/// Opens the database for reading; a missing file is an error that says to ingest first.
graph::Store OpenStoreForReading(const GlobalOptions& global);
/// Opens (creating if needed) the database for writing.
graph::Store OpenStoreForWriting(const GlobalOptions& global);

RunFunction AddIngest(CLI::App& app, const GlobalOptions& global);
RunFunction AddImport(CLI::App& app, const GlobalOptions& global);
RunFunction AddQuery(CLI::App& app, const GlobalOptions& global);
RunFunction AddNeighbors(CLI::App& app, const GlobalOptions& global);
RunFunction AddPath(CLI::App& app, const GlobalOptions& global);
RunFunction AddRank(CLI::App& app, const GlobalOptions& global);
RunFunction AddCommunities(CLI::App& app, const GlobalOptions& global);
RunFunction AddExport(CLI::App& app, const GlobalOptions& global);
RunFunction AddRender(CLI::App& app, const GlobalOptions& global);
RunFunction AddStats(CLI::App& app, const GlobalOptions& global);

}  // namespace kg::cli
