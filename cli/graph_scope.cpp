// SPDX-License-Identifier: MIT
#include "cli/graph_scope.h"

#include "graph/error.h"
#include "graph/traversal.h"
#include "query/query.h"

namespace kg::cli {

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
  return graph::Neighborhood(store, found.front().id, scope.depth);
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
