// SPDX-License-Identifier: MIT
#pragma once

#include <unordered_map>

#include "graph/model.h"

namespace kg::viz {

struct SelectionOptions {
  std::size_t max_nodes = 150;  // 0: no cap
  double min_confidence = 0;
  /// Scores deciding which entities stay; when empty, degree in the subgraph.
  const std::unordered_map<graph::EntityId, double>* centrality = nullptr;
};

/// What is worth drawing: relations below min_confidence and relations with
/// an end outside the subgraph are dropped, then, above max_nodes entities,
/// only the max_nodes highest-scoring entities stay (ties: lower id) with the
/// relations among them. Omitted counts add to the input's own.
graph::Subgraph SelectForDrawing(const graph::Subgraph& subgraph, const SelectionOptions& options);

}  // namespace kg::viz
