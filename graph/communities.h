// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "graph/graph_view.h"
#include "graph/model.h"

/// Which entities belong together: connected components and modularity
/// communities, both on the undirected graph.
namespace kg::graph {

/// A group of entities, ids ascending.
using Community = std::vector<EntityId>;

/// The connected components (relations followed either way), largest first,
/// ties by smallest member id. An entity without relations is its own component.
std::vector<Community> ConnectedComponents(const GraphView& view);

struct Clustering {
  std::vector<Community> communities;  // largest first, ties by smallest member id
  double modularity = 0;               // Newman modularity of this partition
};

/// Louvain modularity clustering (Blondel et al. 2008) of the undirected graph
/// whose edge weights are the number of relations between two entities.
/// Deterministic: entities are visited in id order. Entities without
/// relations are singletons. Near-linear in relations.
Clustering Louvain(const GraphView& view);

/// Newman modularity of `communities` (which must partition the view's
/// entities) on the same weighted undirected graph Louvain uses.
double Modularity(const GraphView& view, const std::vector<Community>& communities);

}  // namespace kg::graph
