// SPDX-License-Identifier: MIT
#include <iomanip>
#include <iostream>

#include "cli/command.h"

namespace kg::cli {

RunFunction AddStats(CLI::App& app, const GlobalOptions& global) {
  auto as_json = std::make_shared<bool>(false);
  app.add_flag("--json", *as_json, "print the counts as one JSON object");
  return [&global, as_json]() -> int {
    graph::Store store = OpenStoreForReading(global);
    graph::StoreStats stats = store.Stats();
    if (*as_json) {
      nlohmann::json out = {{"documents", stats.documents},
                            {"entities", stats.entities},
                            {"relations", stats.relations},
                            {"evidence", stats.evidence},
                            {"entities_by_type", stats.entities_by_type},
                            {"relations_by_type", stats.relations_by_type}};
      std::cout << out.dump(2) << "\n";
      return 0;
    }
    std::cout << "documents  " << stats.documents << "\n"
              << "entities   " << stats.entities << "\n";
    for (const auto& [type, count] : stats.entities_by_type) {
      std::cout << "  " << std::left << std::setw(20) << type << count << "\n";
    }
    std::cout << "relations  " << stats.relations << " (" << stats.evidence
              << " evidence sentences)\n";
    for (const auto& [type, count] : stats.relations_by_type) {
      std::cout << "  " << std::left << std::setw(20) << type << count << "\n";
    }
    return 0;
  };
}

}  // namespace kg::cli
