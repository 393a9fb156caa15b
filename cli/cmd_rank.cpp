// SPDX-License-Identifier: MIT
// kg rank: the most central entities by PageRank, degree or betweenness.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "graph/centrality.h"
#include "graph/error.h"
#include "graph/graph_view.h"
#include "graph/ontology.h"
#include "query/format.h"

namespace kg::cli {
namespace {

struct RankCommand {
  std::string by = "pagerank";
  std::string type;
  std::size_t top = 20;
  std::string format = "table";
};

std::string FormatScore(double score, const std::string& by) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, by == "pagerank" ? "%.6f" : "%.0f", score);
  return buffer;
}

int Run(const RankCommand& command, const GlobalOptions& global) {
  if (!command.type.empty() && !graph::IsKnownEntityType(command.type)) {
    std::string known;
    for (std::string_view type : graph::EntityTypes())
      known += (known.empty() ? "" : ", ") + std::string(type);
    throw Error(ErrorCode::kUsage,
                "unknown entity type '" + command.type + "'; types are " + known);
  }
  graph::Store store = OpenStoreForReading(global);
  graph::GraphView view = graph::GraphView::Load(store);
  std::vector<graph::Score> scores;
  if (command.by == "pagerank") {
    scores = graph::PageRank(view);
  } else if (command.by == "degree") {
    scores = graph::DegreeCentrality(view);
  } else {
    if (view.relation_count() > 100'000) {
      std::cerr << "kg: betweenness is exact and takes O(entities x relations) time; with "
                << view.relation_count() << " relations expect a long wait\n";
    }
    scores = graph::BetweennessCentrality(view);
  }
  scores = graph::TopScores(view, std::move(scores), command.type, command.top);
  if (command.format == "json") {
    nlohmann::json json = {{"by", command.by}, {"type", command.type}};
    json["entities"] = nlohmann::json::array();
    for (std::size_t index = 0; index < scores.size(); ++index) {
      json["entities"].push_back({{"rank", index + 1},
                                  {"id", scores[index].entity},
                                  {"name", view.NameOf(scores[index].entity)},
                                  {"type", view.TypeOf(scores[index].entity)},
                                  {"score", scores[index].score}});
    }
    std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  query::Table table{{"rank", "entity", "type", command.by}, {}};
  for (std::size_t index = 0; index < scores.size(); ++index) {
    table.rows.push_back({std::to_string(index + 1), view.NameOf(scores[index].entity),
                          view.TypeOf(scores[index].entity),
                          FormatScore(scores[index].score, command.by)});
  }
  if (command.format == "csv") {
    query::WriteCsv(std::cout, table);
  } else {
    query::WriteTable(std::cout, table);
  }
  return 0;
}

}  // namespace

RunFunction AddRank(CLI::App& app, const GlobalOptions& global) {
  auto command = std::make_shared<RankCommand>();
  app.add_option("--by", command->by, "pagerank (default), degree or betweenness")
      ->check(CLI::IsMember({"pagerank", "degree", "betweenness"}));
  app.add_option("--type", command->type, "only entities of this type (Company, Person, ...)");
  app.add_option("--top", command->top, "how many to list (default 20; 0 = all)");
  app.add_option("--format", command->format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.footer(
      "PageRank follows relations subject -> object (symmetric ones both ways); degree\n"
      "counts relations; betweenness counts shortest paths through an entity on the\n"
      "undirected graph and takes O(entities x relations) time.");
  return [command, &global]() { return Run(*command, global); };
}

}  // namespace kg::cli
