// SPDX-License-Identifier: MIT
#include "cli/graph_scope.h"

#include <set>

#include "graph/error.h"
#include "query/query.h"

namespace kg::cli {
namespace {

// Entities within `depth` relations of `start`, either direction, with the
// relations among them.
graph::Subgraph Neighbourhood(const graph::Store& store, const graph::Entity& start, int depth) {
  std::set<graph::EntityId> reached = {start.id};
  std::vector<graph::EntityId> frontier = {start.id};
  for (int hop = 0; hop < depth && !frontier.empty(); ++hop) {
    std::vector<graph::EntityId> next;
    for (graph::EntityId entity : frontier) {
      for (const graph::Relation& relation : store.RelationsOf(entity, graph::Direction::kBoth)) {
        for (graph::EntityId end : {relation.subject, relation.object}) {
          if (reached.insert(end).second) next.push_back(end);
        }
      }
    }
    frontier = std::move(next);
  }
  graph::Subgraph subgraph;
  std::set<graph::RelationId> seen;
  for (graph::EntityId id : reached) {
    if (auto entity = store.GetEntity(id)) subgraph.entities.push_back(*entity);
    for (const graph::Relation& relation : store.RelationsOf(id, graph::Direction::kBoth)) {
      if (reached.contains(relation.subject) && reached.contains(relation.object) &&
          seen.insert(relation.id).second) {
        subgraph.relations.push_back(relation);
      }
    }
  }
  subgraph.description = "neighbours of " + start.name + " within " + std::to_string(depth) +
                         (depth == 1 ? " hop" : " hops");
  return subgraph;
}

}  // namespace

void AddScopeOptions(CLI::App& app, ScopeOptions& scope) {
  auto* query =
      app.add_option("--query,-q", scope.query,
                     "only what a triple pattern matches, e.g. 'Alibaba partners_with ?'");
  auto* focus = app.add_option("--focus", scope.focus, "only the neighbourhood of this entity");
  focus->excludes(query);
  app.add_option("--depth", scope.depth, "with --focus: how many hops (default 1)")
      ->check(CLI::Range(0, 10))
      ->needs(focus);
}

std::optional<graph::Subgraph> SelectScope(const graph::Store& store, const ScopeOptions& scope) {
  if (!scope.query.empty()) return query::QuerySubgraph(store, scope.query);
  if (scope.focus.empty()) return std::nullopt;
  std::vector<graph::Entity> found = store.FindEntities(scope.focus);
  if (found.empty()) {
    throw Error(ErrorCode::kNotFound, "no entity is called '" + scope.focus + "'");
  }
  return Neighbourhood(store, found.front(), scope.depth);
}

graph::Subgraph WholeGraph(const graph::Store& store) {
  graph::Subgraph subgraph;
  subgraph.description = "the whole graph";
  store.ForEachEntity([&](const graph::Entity& entity) { subgraph.entities.push_back(entity); });
  store.ForEachRelation(
      [&](const graph::Relation& relation) { subgraph.relations.push_back(relation); });
  return subgraph;
}

}  // namespace kg::cli
