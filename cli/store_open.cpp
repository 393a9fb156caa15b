// SPDX-License-Identifier: MIT
#include "cli/command.h"

namespace kg::cli {

graph::Store OpenStoreForReading(const GlobalOptions& global) {
  // Every reading command sees one consistent state, even beside an ingest.
  return graph::Store::Open(global.db_path, {.read_only = true, .snapshot = true});
}

graph::Store OpenStoreForWriting(const GlobalOptions& global) {
  return graph::Store::Open(global.db_path);
}

}  // namespace kg::cli
