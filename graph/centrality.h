// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "graph/graph_view.h"
#include "graph/model.h"

/// Which entities matter most: PageRank, degree and betweenness centrality.
namespace kg::graph {

struct Score {
  EntityId entity = 0;
  double score = 0;
};

struct PageRankOptions {
  double damping = 0.85;
  int max_iterations = 100;
  double tolerance = 1e-10;  // stop when the L1 change of one iteration is below this
};

/// PageRank over relations as directed edges subject -> object; symmetric
/// relations (partners_with, ...) count in both directions and parallel
/// relations count each. Dangling entities spread their rank evenly, so the
/// scores sum to 1. One score per entity, in entity id order.
std::vector<Score> PageRank(const GraphView& view, const PageRankOptions& options = {});

/// The number of relations touching each entity, in entity id order.
std::vector<Score> DegreeCentrality(const GraphView& view);

/// Betweenness of each entity on the undirected simple graph (parallel
/// relations and directions merged): the number of shortest paths between
/// other pairs through it, each unordered pair counted once (Brandes, via
/// Boost.Graph). O(entities x relations): seconds for thousands of entities,
/// hours for a million relations. In entity id order.
std::vector<Score> BetweennessCentrality(const GraphView& view);

/// The `top` best of `scores` (all when 0) whose entity has `type` (any when
/// empty), highest first, ties by entity id.
std::vector<Score> TopScores(const GraphView& view, std::vector<Score> scores,
                             std::string_view type = {}, std::size_t top = 0);

}  // namespace kg::graph
