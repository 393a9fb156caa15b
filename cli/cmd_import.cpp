// SPDX-License-Identifier: MIT
#include "cli/command.h"
#include "graph/error.h"

namespace kg::cli {

// Placeholder until the owning issue lands; see `issues`.
RunFunction AddImport(CLI::App& app, const GlobalOptions&) {
  app.allow_extras();
  return [] () -> int { throw Error(ErrorCode::kUsage, "'import' is not built yet"); };
}

}  // namespace kg::cli
