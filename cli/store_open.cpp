// SPDX-License-Identifier: MIT
#include "cli/command.h"

namespace kg::cli {

graph::Store OpenStoreForReading(const GlobalOptions& global) {
  return graph::Store::Open(global.db_path, {.read_only = true});
}

graph::Store OpenStoreForWriting(const GlobalOptions& global) {
  return graph::Store::Open(global.db_path);
}

}  // namespace kg::cli
