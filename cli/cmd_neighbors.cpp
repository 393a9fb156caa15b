// SPDX-License-Identifier: MIT
// kg neighbors ENTITY: the k-hop neighbourhood of one entity.
#include <deque>
#include <iostream>
#include <memory>
#include <unordered_map>
#include <vector>

#include "cli/command.h"
#include "graph/error.h"
#include "graph/traversal.h"
#include "query/format.h"
#include "query/relation_words.h"
#include "query/resolve.h"

namespace kg::cli {
namespace {

struct NeighborsCommand {
  std::vector<std::string> entity_words;
  int depth = 1;
  std::vector<std::string> relations;
  std::string format = "table";
};

// Relation names as typed ("partners with", "rival") to ontology types.
std::vector<std::string> RelationTypes(const std::vector<std::string>& written) {
  std::vector<std::string> types;
  for (const std::string& text : written) {
    std::optional<query::RelationWord> word = query::LookupRelationWord(text);
    if (!word) {
      std::string known;
      for (const std::string& name : query::KnownRelationNames()) {
        known += (known.empty() ? "" : ", ") + name;
      }
      throw Error(ErrorCode::kUsage, "unknown relation '" + text + "'; relations are " + known);
    }
    types.push_back(word->relation);
  }
  return types;
}

// Hop counts from `center` within the subgraph: a breadth-first search over
// its relations in either direction.
std::unordered_map<graph::EntityId, int> HopCounts(const graph::Subgraph& subgraph,
                                                   graph::EntityId center) {
  std::unordered_map<graph::EntityId, std::vector<graph::EntityId>> adjacent;
  for (const graph::Relation& relation : subgraph.relations) {
    adjacent[relation.subject].push_back(relation.object);
    adjacent[relation.object].push_back(relation.subject);
  }
  std::unordered_map<graph::EntityId, int> hops = {{center, 0}};
  std::deque<graph::EntityId> queue = {center};
  while (!queue.empty()) {
    graph::EntityId entity = queue.front();
    queue.pop_front();
    for (graph::EntityId other : adjacent[entity]) {
      if (hops.emplace(other, hops[entity] + 1).second) queue.push_back(other);
    }
  }
  return hops;
}

int Run(const NeighborsCommand& command, const GlobalOptions& global) {
  std::string name;
  for (const std::string& word : command.entity_words) name += (name.empty() ? "" : " ") + word;
  std::vector<std::string> types = RelationTypes(command.relations);
  graph::Store store = OpenStoreForReading(global);
  graph::Entity center = query::ResolveEntity(store, name);
  graph::Subgraph subgraph = graph::Neighborhood(store, center.id, command.depth, types);
  std::unordered_map<graph::EntityId, int> hops = HopCounts(subgraph, center.id);
  std::unordered_map<graph::EntityId, const graph::Entity*> by_id;
  for (const graph::Entity& entity : subgraph.entities) by_id[entity.id] = &entity;
  auto name_of = [&](graph::EntityId id) -> const std::string& {
    static const std::string kUnknown;
    auto found = by_id.find(id);
    return found != by_id.end() ? found->second->name : kUnknown;
  };

  if (command.format == "json") {
    nlohmann::json json = {
        {"center", center.name}, {"depth", command.depth}, {"description", subgraph.description}};
    json["entities"] = nlohmann::json::array();
    for (const graph::Entity& entity : subgraph.entities) {
      json["entities"].push_back({{"id", entity.id},
                                  {"name", entity.name},
                                  {"type", entity.type},
                                  {"hops", hops[entity.id]}});
    }
    json["relations"] = nlohmann::json::array();
    for (const graph::Relation& relation : subgraph.relations) {
      json["relations"].push_back({{"id", relation.id},
                                   {"subject", name_of(relation.subject)},
                                   {"relation", relation.type},
                                   {"object", name_of(relation.object)},
                                   {"confidence", relation.confidence}});
    }
    std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::cout << query::EscapeForTerminal(subgraph.description) << ": "
            << subgraph.entities.size() - 1 << " entities, " << subgraph.relations.size()
            << " relations\n\n";
  query::Table entities{{"hops", "entity", "type"}, {}};
  for (const graph::Entity& entity : subgraph.entities) {
    if (entity.id == center.id) continue;
    entities.rows.push_back({std::to_string(hops[entity.id]), entity.name, entity.type});
  }
  query::WriteTable(std::cout, entities);
  std::cout << "\n";
  query::Table relations{{"subject", "relation", "object", "confidence"}, {}};
  for (const graph::Relation& relation : subgraph.relations) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", relation.confidence);
    relations.rows.push_back(
        {name_of(relation.subject), relation.type, name_of(relation.object), confidence});
  }
  query::WriteTable(std::cout, relations);
  return 0;
}

}  // namespace

RunFunction AddNeighbors(CLI::App& app, const GlobalOptions& global) {
  auto command = std::make_shared<NeighborsCommand>();
  app.add_option("entity", command->entity_words, "the entity: name, alias or ticker")->required();
  app.add_option("--depth,-k", command->depth, "how many hops (default 1)")
      ->check(CLI::Range(0, 10));
  app.add_option("--relation,-r", command->relations,
                 "follow only these relations (names or words: partners_with, 'rival')")
      ->take_all();
  app.add_option("--format", command->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  return [command, &global]() { return Run(*command, global); };
}

}  // namespace kg::cli
