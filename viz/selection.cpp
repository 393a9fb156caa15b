// SPDX-License-Identifier: MIT
#include "viz/selection.h"

#include <algorithm>
#include <unordered_set>

namespace kg::viz {

graph::Subgraph SelectForDrawing(const graph::Subgraph& subgraph, const SelectionOptions& options) {
  graph::Subgraph selected;
  selected.description = subgraph.description;
  selected.omitted_entities = subgraph.omitted_entities;
  selected.omitted_relations = subgraph.omitted_relations;

  std::unordered_set<graph::EntityId> present;
  for (const graph::Entity& entity : subgraph.entities) present.insert(entity.id);
  std::vector<const graph::Relation*> relations;
  for (const graph::Relation& relation : subgraph.relations) {
    if (relation.confidence >= options.min_confidence && present.contains(relation.subject) &&
        present.contains(relation.object)) {
      relations.push_back(&relation);
    }
  }
  selected.omitted_relations += subgraph.relations.size() - relations.size();

  std::unordered_set<graph::EntityId> kept;
  if (options.max_nodes == 0 || subgraph.entities.size() <= options.max_nodes) {
    kept = present;
  } else {
    std::unordered_map<graph::EntityId, double> degree;
    const auto* scores = options.centrality;
    if (scores == nullptr || scores->empty()) {
      for (const graph::Relation* relation : relations) {
        degree[relation->subject] += 1;
        degree[relation->object] += 1;
      }
      scores = &degree;
    }
    auto score = [&](graph::EntityId id) {
      auto found = scores->find(id);
      return found == scores->end() ? 0.0 : found->second;
    };
    std::vector<graph::EntityId> ranked(present.begin(), present.end());
    std::sort(ranked.begin(), ranked.end(), [&](graph::EntityId a, graph::EntityId b) {
      double score_a = score(a);
      double score_b = score(b);
      return score_a != score_b ? score_a > score_b : a < b;
    });
    ranked.resize(options.max_nodes);
    kept.insert(ranked.begin(), ranked.end());
  }

  for (const graph::Entity& entity : subgraph.entities) {
    if (kept.contains(entity.id)) selected.entities.push_back(entity);
  }
  selected.omitted_entities += subgraph.entities.size() - selected.entities.size();
  for (const graph::Relation* relation : relations) {
    if (kept.contains(relation->subject) && kept.contains(relation->object)) {
      selected.relations.push_back(*relation);
    }
  }
  selected.omitted_relations += relations.size() - selected.relations.size();
  return selected;
}

}  // namespace kg::viz
