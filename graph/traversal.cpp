// SPDX-License-Identifier: MIT
#include "graph/traversal.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "graph/detail/graph_view_impl.h"

namespace kg::graph {
namespace {

using Impl = GraphView::Impl;

// Which relation type indices a walk may follow; all when the filter is empty.
std::vector<bool> AllowedTypes(const Impl& impl, std::span<const std::string> relation_types) {
  std::vector<bool> allowed(impl.relation_types.size(), relation_types.empty());
  for (std::size_t index = 0; index < impl.relation_types.size(); ++index) {
    for (const std::string& type : relation_types) {
      if (impl.relation_types[index] == type) allowed[index] = true;
    }
  }
  return allowed;
}

// The most confident arc from `from` to `to`.
ArcProperty BestArc(const Impl& impl, Vertex from, Vertex to) {
  ArcProperty best;
  float best_confidence = -1;
  for (auto arc : boost::make_iterator_range(boost::out_edges(from, impl.arcs))) {
    if (boost::target(arc, impl.arcs) != to) continue;
    const ArcProperty& property = impl.arcs[arc];
    float confidence = impl.relations[property.relation].confidence;
    if (confidence > best_confidence) {
      best = property;
      best_confidence = confidence;
    }
  }
  return best;
}

Path MakePath(const Impl& impl, const std::vector<Vertex>& vertices) {
  Path path;
  path.start = impl.entity_of[vertices.front()];
  for (std::size_t index = 0; index + 1 < vertices.size(); ++index) {
    ArcProperty arc = BestArc(impl, vertices[index], vertices[index + 1]);
    path.hops.push_back({impl.entity_of[vertices[index]], impl.entity_of[vertices[index + 1]],
                         impl.Expand(arc.relation), arc.forward});
  }
  return path;
}

// Hop counts from `source` up to `limit`; -1 beyond.
std::vector<int> Distances(const Impl& impl, Vertex source, int limit) {
  std::vector<int> distance(impl.vertex_count(), -1);
  std::vector<Vertex> frontier = {source};
  distance[source] = 0;
  for (int level = 1; level <= limit && !frontier.empty(); ++level) {
    std::vector<Vertex> next;
    for (Vertex vertex : frontier) {
      for (Vertex neighbor :
           boost::make_iterator_range(boost::adjacent_vertices(vertex, impl.arcs))) {
        if (distance[neighbor] != -1) continue;
        distance[neighbor] = level;
        next.push_back(neighbor);
      }
    }
    frontier = std::move(next);
  }
  return distance;
}

class SimplePathFinder {
 public:
  SimplePathFinder(const Impl& impl, Vertex target, const std::vector<int>& distance_to_target,
                   std::size_t limit, std::vector<Path>& out)
      : impl_(impl),
        target_(target),
        distance_(distance_to_target),
        limit_(limit),
        out_(out),
        on_path_(impl.vertex_count(), false) {}

  // Appends every simple path of exactly `length` hops from `start`.
  void Find(Vertex start, int length) {
    stack_ = {start};
    on_path_[start] = true;
    Extend(length);
    on_path_[start] = false;
  }

 private:
  void Extend(int remaining) {
    if (out_.size() >= limit_) return;
    Vertex current = stack_.back();
    if (remaining == 0) {
      if (current == target_) out_.push_back(MakePath(impl_, stack_));
      return;
    }
    std::vector<Vertex> neighbors;
    for (Vertex neighbor :
         boost::make_iterator_range(boost::adjacent_vertices(current, impl_.arcs))) {
      neighbors.push_back(neighbor);
    }
    std::sort(neighbors.begin(), neighbors.end());
    neighbors.erase(std::unique(neighbors.begin(), neighbors.end()), neighbors.end());
    for (Vertex neighbor : neighbors) {
      // Only step where the target is still reachable in the hops left.
      if (on_path_[neighbor] || distance_[neighbor] < 0 || distance_[neighbor] > remaining - 1) {
        continue;
      }
      if (neighbor == target_ && remaining != 1) continue;
      on_path_[neighbor] = true;
      stack_.push_back(neighbor);
      Extend(remaining - 1);
      stack_.pop_back();
      on_path_[neighbor] = false;
    }
  }

  const Impl& impl_;
  Vertex target_;
  const std::vector<int>& distance_;
  std::size_t limit_;
  std::vector<Path>& out_;
  std::vector<bool> on_path_;
  std::vector<Vertex> stack_;
};

}  // namespace

namespace {

// The neighbourhood found from a loaded view: KHop for the entities, then one
// filtered stream of the store for their full records and the relations among them.
void NeighborhoodByScan(const Store& store, EntityId center, int depth,
                        std::span<const std::string> relation_types, Subgraph& subgraph) {
  GraphView view = GraphView::Load(store);
  const Impl& impl = view.impl();
  std::vector<Reached> reached = KHop(view, center, depth, relation_types);
  // Membership by vertex (a flat array): the store pass tests 2 ends per relation.
  std::vector<bool> inside(impl.vertex_count(), false);
  for (const Reached& entry : reached) inside[impl.VertexOf(entry.entity)] = true;
  auto contains = [&](EntityId entity) {
    Vertex vertex = impl.VertexOf(entity);
    return vertex != Impl::kNoVertex && inside[vertex];
  };
  std::set<std::string, std::less<>> allowed(relation_types.begin(), relation_types.end());
  std::unordered_map<EntityId, Entity> entities;
  store.ForEachEntity([&](const Entity& entity) {
    if (contains(entity.id)) entities.emplace(entity.id, entity);
  });
  store.ForEachRelation([&](const Relation& relation) {
    if (!allowed.empty() && !allowed.contains(relation.type)) return;
    if (contains(relation.subject) && contains(relation.object)) {
      subgraph.relations.push_back(relation);
    }
  });
  std::vector<std::pair<int, EntityId>> order;
  for (const Reached& entry : reached) order.emplace_back(entry.hops, entry.entity);
  std::sort(order.begin(), order.end());
  for (const auto& [hop_count, entity] : order) {
    if (auto found = entities.find(entity); found != entities.end()) {
      subgraph.entities.push_back(std::move(found->second));
    }
  }
}

}  // namespace

// Why the budget: on hub-heavy graphs a 2-hop walk reaches most of the graph
// and reads hub-sized row sets entity after entity (seconds at 1M relations),
// while loading the view and streaming the store once costs about a second.
Subgraph Neighborhood(const Store& store, EntityId center, int depth,
                      std::span<const std::string> relation_types, std::size_t walk_budget) {
  Subgraph subgraph;
  std::optional<Entity> center_entity = store.GetEntity(center);
  if (!center_entity) return subgraph;
  subgraph.description = "neighbours of " + center_entity->name + " within " +
                         std::to_string(depth) + (depth == 1 ? " hop" : " hops");
  if (!relation_types.empty()) {
    subgraph.description += " via";
    for (const std::string& type : relation_types) subgraph.description += " " + type;
  }
  std::vector<std::string> types(relation_types.begin(), relation_types.end());
  if (types.empty()) types.push_back("");
  std::size_t rows_read = 0;
  auto relations_of = [&](EntityId entity) {
    std::vector<Relation> relations;
    for (const std::string& type : types) {
      std::vector<Relation> of_type = store.RelationsTouching(entity, Direction::kBoth, type);
      rows_read += of_type.size();
      relations.insert(relations.end(), std::make_move_iterator(of_type.begin()),
                       std::make_move_iterator(of_type.end()));
    }
    return relations;
  };

  std::map<EntityId, int> hops = {{center, 0}};
  std::map<RelationId, Relation> relations;
  std::vector<EntityId> frontier = {center};
  for (int level = 0; level <= depth && !frontier.empty(); ++level) {
    std::vector<EntityId> next;
    for (EntityId entity : frontier) {
      if (rows_read > walk_budget) {
        NeighborhoodByScan(store, center, depth, relation_types, subgraph);
        return subgraph;
      }
      for (Relation& relation : relations_of(entity)) {
        EntityId other = relation.subject == entity ? relation.object : relation.subject;
        if (!hops.contains(other)) {
          if (level == depth) continue;  // beyond the edge of the neighbourhood
          hops.emplace(other, level + 1);
          next.push_back(other);
        }
        relations.emplace(relation.id, std::move(relation));
      }
    }
    std::sort(next.begin(), next.end());
    frontier = std::move(next);
  }
  std::vector<std::pair<int, EntityId>> order;
  for (const auto& [entity, hop_count] : hops) order.emplace_back(hop_count, entity);
  std::sort(order.begin(), order.end());
  for (const auto& [hop_count, entity] : order) {
    if (auto found = store.GetEntity(entity)) subgraph.entities.push_back(std::move(*found));
  }
  for (auto& entry : relations) subgraph.relations.push_back(std::move(entry.second));
  return subgraph;
}

std::vector<Reached> KHop(const GraphView& view, EntityId center, int depth,
                          std::span<const std::string> relation_types) {
  const Impl& impl = view.impl();
  std::vector<Reached> reached;
  Vertex start = impl.VertexOf(center);
  if (start == Impl::kNoVertex) return reached;
  std::vector<bool> allowed = AllowedTypes(impl, relation_types);
  bool filtered = !relation_types.empty();
  // A flat visited array beats a hash set once a few hubs are in reach.
  std::vector<std::uint8_t> seen(impl.vertex_count(), 0);
  std::vector<Vertex> order = {start};
  std::vector<int> hops = {0};
  seen[start] = 1;
  std::size_t level_begin = 0;
  for (int level = 1; level <= depth; ++level) {
    std::size_t level_end = order.size();
    for (std::size_t index = level_begin; index < level_end; ++index) {
      for (auto arc : boost::make_iterator_range(boost::out_edges(order[index], impl.arcs))) {
        if (filtered && !allowed[impl.relations[impl.arcs[arc].relation].type]) continue;
        Vertex neighbor = boost::target(arc, impl.arcs);
        if (seen[neighbor] != 0) continue;
        seen[neighbor] = 1;
        order.push_back(neighbor);
        hops.push_back(level);
      }
    }
    if (order.size() == level_end) break;
    level_begin = level_end;
  }
  reached.reserve(order.size());
  for (std::size_t index = 0; index < order.size(); ++index) {
    reached.push_back({impl.entity_of[order[index]], hops[index]});
  }
  return reached;
}

std::optional<Path> ShortestPath(const GraphView& view, EntityId from, EntityId to, int max_hops) {
  const Impl& impl = view.impl();
  Vertex source = impl.VertexOf(from);
  Vertex target = impl.VertexOf(to);
  if (source == Impl::kNoVertex || target == Impl::kNoVertex) return std::nullopt;
  if (source == target) return Path{from, {}};
  // parent[side][v] (kNoVertex = unseen); the two searches meet in the middle.
  std::vector<Vertex> parent[2] = {std::vector<Vertex>(impl.vertex_count(), Impl::kNoVertex),
                                   std::vector<Vertex>(impl.vertex_count(), Impl::kNoVertex)};
  parent[0][source] = source;
  parent[1][target] = target;
  std::vector<Vertex> frontier[2] = {{source}, {target}};
  int depth[2] = {0, 0};
  std::optional<std::pair<Vertex, Vertex>> meeting;  // (vertex on side 0, its neighbour on side 1)
  while (!meeting && depth[0] + depth[1] < max_hops && !frontier[0].empty() &&
         !frontier[1].empty()) {
    int side = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    std::vector<Vertex> next;
    for (Vertex vertex : frontier[side]) {
      for (Vertex neighbor :
           boost::make_iterator_range(boost::adjacent_vertices(vertex, impl.arcs))) {
        if (parent[side][neighbor] != Impl::kNoVertex) continue;
        if (parent[1 - side][neighbor] != Impl::kNoVertex) {
          meeting = side == 0 ? std::make_pair(vertex, neighbor) : std::make_pair(neighbor, vertex);
          break;
        }
        parent[side][neighbor] = vertex;
        next.push_back(neighbor);
      }
      if (meeting) break;
    }
    frontier[side] = std::move(next);
    ++depth[side];
  }
  if (!meeting) return std::nullopt;
  std::vector<Vertex> vertices;
  for (Vertex vertex = meeting->first;; vertex = parent[0][vertex]) {
    vertices.push_back(vertex);
    if (vertex == source) break;
  }
  std::reverse(vertices.begin(), vertices.end());
  for (Vertex vertex = meeting->second;; vertex = parent[1][vertex]) {
    vertices.push_back(vertex);
    if (vertex == target) break;
  }
  return MakePath(impl, vertices);
}

std::vector<Path> AllSimplePaths(const GraphView& view, EntityId from, EntityId to, int max_hops,
                                 std::size_t limit) {
  const Impl& impl = view.impl();
  std::vector<Path> paths;
  Vertex source = impl.VertexOf(from);
  Vertex target = impl.VertexOf(to);
  if (source == Impl::kNoVertex || target == Impl::kNoVertex || source == target) return paths;
  std::vector<int> distance = Distances(impl, target, max_hops);
  if (distance[source] < 0) return paths;
  SimplePathFinder finder(impl, target, distance, limit, paths);
  for (int length = distance[source]; length <= max_hops && paths.size() < limit; ++length) {
    finder.Find(source, length);
  }
  return paths;
}

Subgraph PathsSubgraph(const Store& store, std::span<const Path> paths) {
  Subgraph subgraph;
  std::set<EntityId> entities;
  std::set<RelationId> relations;
  for (const Path& path : paths) {
    entities.insert(path.start);
    for (const Hop& hop : path.hops) {
      entities.insert(hop.to);
      relations.insert(hop.relation.id);
    }
  }
  for (EntityId id : entities) {
    if (auto entity = store.GetEntity(id)) subgraph.entities.push_back(std::move(*entity));
  }
  for (RelationId id : relations) {
    if (auto relation = store.GetRelation(id)) subgraph.relations.push_back(std::move(*relation));
  }
  subgraph.description = std::to_string(paths.size()) + (paths.size() == 1 ? " path" : " paths");
  return subgraph;
}

}  // namespace kg::graph
