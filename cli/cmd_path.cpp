// SPDX-License-Identifier: MIT
// kg path A B: how two entities are connected, hop by hop with evidence.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "graph/error.h"
#include "graph/graph_view.h"
#include "graph/ontology.h"
#include "graph/traversal.h"
#include "query/format.h"
#include "query/resolve.h"

namespace kg::cli {
namespace {

struct PathCommand {
  std::string from;
  std::string to;
  int max_hops = 6;
  bool all = false;
  std::size_t limit = 20;
  std::string format = "table";
};

// "A -[rel]-> B", "A <-[rel]- B" or "A -[rel]- B" for a symmetric relation.
std::string Arrow(const graph::Hop& hop) {
  if (graph::IsSymmetric(hop.relation.type)) return " -[" + hop.relation.type + "]- ";
  return hop.forward ? " -[" + hop.relation.type + "]-> " : " <-[" + hop.relation.type + "]- ";
}

int Run(const PathCommand& command, const GlobalOptions& global) {
  graph::Store store = OpenStoreForReading(global);
  graph::Entity from = query::ResolveEntity(store, command.from);
  graph::Entity to = query::ResolveEntity(store, command.to);
  graph::GraphView view = graph::GraphView::Load(store);
  std::vector<graph::Path> paths;
  if (command.all) {
    paths = graph::AllSimplePaths(view, from.id, to.id, command.max_hops, command.limit);
  } else if (auto path = graph::ShortestPath(view, from.id, to.id, command.max_hops)) {
    paths.push_back(std::move(*path));
  }
  auto best_evidence = [&](const graph::Hop& hop) {
    std::vector<graph::Evidence> evidence = store.EvidenceFor(hop.relation.id);
    return evidence.empty() ? graph::Evidence{} : evidence.front();
  };

  if (command.format == "json") {
    nlohmann::json json = {{"from", from.name}, {"to", to.name}, {"max_hops", command.max_hops}};
    json["paths"] = nlohmann::json::array();
    for (const graph::Path& path : paths) {
      nlohmann::json hops = nlohmann::json::array();
      for (const graph::Hop& hop : path.hops) {
        graph::Evidence evidence = best_evidence(hop);
        hops.push_back({{"from", view.NameOf(hop.from)},
                        {"to", view.NameOf(hop.to)},
                        {"relation", hop.relation.type},
                        {"relation_id", hop.relation.id},
                        {"subject", view.NameOf(hop.relation.subject)},
                        {"object", view.NameOf(hop.relation.object)},
                        {"confidence", hop.relation.confidence},
                        {"sentence", evidence.sentence},
                        {"source", evidence.document}});
      }
      json["paths"].push_back({{"hops", std::move(hops)}});
    }
    std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return paths.empty() ? 1 : 0;
  }
  if (paths.empty()) {
    std::cerr << "kg: no path from " << query::EscapeForTerminal(from.name) << " to "
              << query::EscapeForTerminal(to.name) << " within " << command.max_hops << " hops\n";
    return 1;
  }
  for (std::size_t index = 0; index < paths.size(); ++index) {
    const graph::Path& path = paths[index];
    if (paths.size() > 1) std::cout << (index == 0 ? "" : "\n") << "path " << index + 1 << ": ";
    std::cout << path.hops.size() << (path.hops.size() == 1 ? " hop" : " hops") << "\n";
    for (const graph::Hop& hop : path.hops) {
      graph::Evidence evidence = best_evidence(hop);
      std::cout << "  "
                << query::EscapeForTerminal(view.NameOf(hop.from) + Arrow(hop) +
                                            view.NameOf(hop.to))
                << "\n";
      if (!evidence.sentence.empty()) {
        std::cout << "      \"" << query::EscapeForTerminal(evidence.sentence) << "\" ("
                  << query::EscapeForTerminal(evidence.document) << ")\n";
      }
    }
  }
  return 0;
}

}  // namespace

RunFunction AddPath(CLI::App& app, const GlobalOptions& global) {
  auto command = std::make_shared<PathCommand>();
  app.add_option("from", command->from, "the first entity (quote names with spaces)")->required();
  app.add_option("to", command->to, "the second entity")->required();
  app.add_option("--max-hops", command->max_hops, "longest path to look for (default 6)")
      ->check(CLI::Range(1, 20));
  app.add_flag("--all", command->all, "every simple path up to --max-hops, shortest first");
  app.add_option("--limit", command->limit, "with --all: at most this many paths (default 20)");
  app.add_option("--format", command->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  app.footer(
      "Relations are followed in either direction; each hop shows which way it points\n"
      "and its best evidence sentence. Exit status 1 when no path exists.");
  return [command, &global]() { return Run(*command, global); };
}

}  // namespace kg::cli
