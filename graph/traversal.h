// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "graph/model.h"
#include "graph/store.h"

/// Walking the graph: neighbourhoods and paths. Relations are followed in
/// either direction; each hop says which way the relation points.
namespace kg::graph {

/// Relation rows an indexed neighbourhood walk may read before Neighborhood
/// switches to loading the whole graph (see there).
inline constexpr std::size_t kNeighborhoodWalkBudget = 50'000;

/// The entities within `depth` hops of `center` (center first, then by hop
/// count, then id) and every relation among them that passes the filter.
/// `relation_types` empty follows every relation. Small neighbourhoods are
/// walked with indexed lookups (one per reached entity), without loading the
/// graph; once the walk has read `walk_budget` relation rows (hubs on a big
/// graph), it loads a GraphView and streams the store once instead, so the cost
/// stays near that of one pass over the store. Both give the same answer.
/// An unknown center yields an empty subgraph. Throws kg::Error(kStorage) when
/// the store cannot be read.
Subgraph Neighborhood(const Store& store, EntityId center, int depth,
                      std::span<const std::string> relation_types = {},
                      std::size_t walk_budget = kNeighborhoodWalkBudget);

/// An entity reached by a breadth-first walk, with its hop count.
struct Reached {
  EntityId entity = 0;
  int hops = 0;
};

/// The entities within `depth` hops of `center` in a loaded view, in BFS
/// order (center first, hops 0), following only `relation_types` when given.
std::vector<Reached> KHop(const GraphView& view, EntityId center, int depth,
                          std::span<const std::string> relation_types = {});

/// One step of a path: from `from` to `to` along `relation`, which points
/// from -> to when `forward`, else to -> from.
struct Hop {
  EntityId from = 0;
  EntityId to = 0;
  ViewRelation relation;
  bool forward = true;
};

/// A walk from a start entity to an end entity; empty hops for start == end.
struct Path {
  EntityId start = 0;
  std::vector<Hop> hops;
};

/// A shortest path (fewest hops, relations in either direction) from `from` to
/// `to` of at most `max_hops`, or nullopt. Between two entities linked by
/// several relations the most confident is shown. Bidirectional BFS: cost
/// grows with the balls around both ends, not with the graph.
std::optional<Path> ShortestPath(const GraphView& view, EntityId from, EntityId to,
                                 int max_hops = 6);

/// Every simple path (no entity twice) from `from` to `to` with at most
/// `max_hops` hops, shortest first, at most `limit` of them. Parallel
/// relations between the same two entities give one path (the most confident).
std::vector<Path> AllSimplePaths(const GraphView& view, EntityId from, EntityId to, int max_hops,
                                 std::size_t limit = 100);

/// The entities and relations of `paths`, for rendering; entity details are
/// read from `store`.
Subgraph PathsSubgraph(const Store& store, std::span<const Path> paths);

}  // namespace kg::graph
