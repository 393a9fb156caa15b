// SPDX-License-Identifier: MIT
// kg communities: connected components and Louvain modularity communities.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "graph/communities.h"
#include "graph/graph_view.h"
#include "query/format.h"

namespace kg::cli {
namespace {

struct CommunitiesCommand {
  std::string method = "louvain";
  std::size_t min_size = 2;
  std::size_t top = 20;
  std::size_t members = 12;
  std::string format = "table";
};

int Run(const CommunitiesCommand& command, const GlobalOptions& global) {
  graph::Store store = OpenStoreForReading(global);
  graph::GraphView view = graph::GraphView::Load(store);
  std::vector<graph::Community> groups;
  double modularity = 0;
  if (command.method == "components") {
    groups = graph::ConnectedComponents(view);
    modularity = graph::Modularity(view, groups);
  } else {
    graph::Clustering clustering = graph::Louvain(view);
    groups = std::move(clustering.communities);
    modularity = clustering.modularity;
  }
  std::size_t total = groups.size();
  std::erase_if(groups,
                [&](const graph::Community& group) { return group.size() < command.min_size; });
  std::size_t shown = command.top == 0 ? groups.size() : std::min(command.top, groups.size());

  if (command.format == "json") {
    nlohmann::json json = {{"method", command.method},
                           {"modularity", modularity},
                           {"communities_total", total},
                           {"communities_listed", shown}};
    json["communities"] = nlohmann::json::array();
    for (std::size_t index = 0; index < shown; ++index) {
      nlohmann::json members = nlohmann::json::array();
      for (graph::EntityId id : groups[index]) {
        members.push_back({{"id", id}, {"name", view.NameOf(id)}, {"type", view.TypeOf(id)}});
      }
      json["communities"].push_back(
          {{"size", groups[index].size()}, {"members", std::move(members)}});
    }
    std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  char summary[160];
  std::snprintf(summary, sizeof summary, "%zu %s (modularity %.3f); %zu with at least %zu members",
                total, command.method == "components" ? "components" : "communities", modularity,
                groups.size(), command.min_size);
  std::cout << summary << "\n";
  for (std::size_t index = 0; index < shown; ++index) {
    const graph::Community& group = groups[index];
    // The best-connected members first: they say what the group is about.
    std::vector<graph::EntityId> members = group;
    std::stable_sort(members.begin(), members.end(), [&](graph::EntityId a, graph::EntityId b) {
      return view.DegreeOf(a) > view.DegreeOf(b);
    });
    std::string listed;
    for (std::size_t member = 0; member < members.size() && member < command.members; ++member) {
      listed += (member == 0 ? "" : ", ") + view.NameOf(members[member]);
    }
    if (members.size() > command.members) {
      listed += ", ... (+" + std::to_string(members.size() - command.members) + ")";
    }
    std::cout << "\n#" << index + 1 << " (" << group.size()
              << " entities): " << query::EscapeForTerminal(listed) << "\n";
  }
  return 0;
}

}  // namespace

RunFunction AddCommunities(CLI::App& app, const GlobalOptions& global) {
  auto command = std::make_shared<CommunitiesCommand>();
  app.add_option("--method", command->method, "louvain (default) or components")
      ->check(CLI::IsMember({"louvain", "components"}));
  app.add_option("--min-size", command->min_size, "list groups of at least this many (default 2)");
  app.add_option("--top", command->top, "list at most this many groups (default 20; 0 = all)");
  app.add_option("--members", command->members,
                 "table: name at most this many members per group (default 12)");
  app.add_option("--format", command->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  app.footer(
      "Relations are read as undirected edges weighted by how many relations join two\n"
      "entities. Louvain is deterministic (entities visited in id order).");
  return [command, &global]() { return Run(*command, global); };
}

}  // namespace kg::cli
