// SPDX-License-Identifier: MIT
#include "graph/communities.h"

#include <algorithm>
#include <boost/pending/disjoint_sets.hpp>
#include <limits>
#include <numeric>

#include "graph/detail/graph_view_impl.h"

namespace kg::graph {
namespace {

using Impl = GraphView::Impl;

// An undirected weighted graph in adjacency form: each edge listed at both
// ends; loop[v] is the weight of v's self-loop entry A_vv.
struct WeightedGraph {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacency;
  std::vector<double> loop;
  std::size_t size() const { return loop.size(); }
};

WeightedGraph FromView(const Impl& impl) {
  WeightedGraph graph;
  graph.adjacency.resize(impl.vertex_count());
  graph.loop.assign(impl.vertex_count(), 0.0);
  for (Vertex vertex = 0; vertex < impl.vertex_count(); ++vertex) {
    std::vector<Vertex> neighbors;
    for (Vertex neighbor :
         boost::make_iterator_range(boost::adjacent_vertices(vertex, impl.arcs))) {
      neighbors.push_back(neighbor);
    }
    std::sort(neighbors.begin(), neighbors.end());
    for (std::size_t index = 0; index < neighbors.size();) {
      std::size_t run = index;
      while (run < neighbors.size() && neighbors[run] == neighbors[index]) ++run;
      auto weight = static_cast<double>(run - index);
      if (neighbors[index] == vertex) {
        graph.loop[vertex] += 2 * weight;  // a self-loop adds 2 to the degree
      } else {
        graph.adjacency[vertex].emplace_back(neighbors[index], weight);
      }
      index = run;
    }
  }
  return graph;
}

std::vector<double> Degrees(const WeightedGraph& graph) {
  std::vector<double> degree(graph.size());
  for (std::size_t vertex = 0; vertex < graph.size(); ++vertex) {
    degree[vertex] = graph.loop[vertex];
    for (const auto& [neighbor, weight] : graph.adjacency[vertex]) degree[vertex] += weight;
  }
  return degree;
}

// One Louvain level: moves vertices between communities while modularity
// grows. Returns the community of each vertex (renumbered 0..k-1) and whether
// anything moved.
std::pair<std::vector<std::uint32_t>, bool> MoveVertices(const WeightedGraph& graph) {
  std::size_t count = graph.size();
  std::vector<double> degree = Degrees(graph);
  double total = std::accumulate(degree.begin(), degree.end(), 0.0);  // 2m
  std::vector<std::uint32_t> community(count);
  std::iota(community.begin(), community.end(), 0);
  std::vector<double> community_total = degree;
  bool moved_any = false;
  if (total == 0) return {community, false};
  std::vector<double> link_weight(count, 0.0);  // weight from the vertex to each community
  std::vector<std::uint32_t> touched;
  for (int pass = 0; pass < 100; ++pass) {
    bool moved = false;
    for (std::uint32_t vertex = 0; vertex < count; ++vertex) {
      std::uint32_t current = community[vertex];
      touched.clear();
      touched.push_back(current);
      link_weight[current] = 0;
      for (const auto& [neighbor, weight] : graph.adjacency[vertex]) {
        std::uint32_t other = community[neighbor];
        if (link_weight[other] == 0 && other != current) touched.push_back(other);
        link_weight[other] += weight;
      }
      community_total[current] -= degree[vertex];
      // Gain of joining c: link_weight[c] - community_total[c] * degree / 2m.
      std::uint32_t best = current;
      double best_gain = link_weight[current] - community_total[current] * degree[vertex] / total;
      for (std::uint32_t candidate : touched) {
        double gain = link_weight[candidate] - community_total[candidate] * degree[vertex] / total;
        if (gain > best_gain + 1e-12) {
          best = candidate;
          best_gain = gain;
        }
      }
      community_total[best] += degree[vertex];
      if (best != current) {
        community[vertex] = best;
        moved = true;
        moved_any = true;
      }
      for (std::uint32_t candidate : touched) link_weight[candidate] = 0;
    }
    if (!moved) break;
  }
  std::vector<std::uint32_t> renumber(count, std::numeric_limits<std::uint32_t>::max());
  std::uint32_t next = 0;
  for (std::uint32_t& label : community) {
    if (renumber[label] == std::numeric_limits<std::uint32_t>::max()) renumber[label] = next++;
    label = renumber[label];
  }
  return {community, moved_any};
}

WeightedGraph Aggregate(const WeightedGraph& graph, const std::vector<std::uint32_t>& community) {
  std::uint32_t count = 0;
  for (std::uint32_t label : community) count = std::max(count, label + 1);
  WeightedGraph merged;
  merged.adjacency.resize(count);
  merged.loop.assign(count, 0.0);
  std::vector<std::vector<std::pair<std::uint32_t, double>>> raw(count);
  for (std::size_t vertex = 0; vertex < graph.size(); ++vertex) {
    std::uint32_t from = community[vertex];
    merged.loop[from] += graph.loop[vertex];
    for (const auto& [neighbor, weight] : graph.adjacency[vertex]) {
      std::uint32_t to = community[neighbor];
      if (to == from) {
        merged.loop[from] += weight;  // seen from both ends: A_cc counts both orders
      } else {
        raw[from].emplace_back(to, weight);
      }
    }
  }
  for (std::uint32_t node = 0; node < count; ++node) {
    std::sort(raw[node].begin(), raw[node].end());
    for (const auto& [neighbor, weight] : raw[node]) {
      if (!merged.adjacency[node].empty() && merged.adjacency[node].back().first == neighbor) {
        merged.adjacency[node].back().second += weight;
      } else {
        merged.adjacency[node].emplace_back(neighbor, weight);
      }
    }
  }
  return merged;
}

std::vector<Community> Sorted(std::vector<Community> groups) {
  for (Community& group : groups) std::sort(group.begin(), group.end());
  std::erase_if(groups, [](const Community& group) { return group.empty(); });
  std::sort(groups.begin(), groups.end(), [](const Community& a, const Community& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return groups;
}

}  // namespace

std::vector<Community> ConnectedComponents(const GraphView& view) {
  const Impl& impl = view.impl();
  std::size_t count = impl.vertex_count();
  std::vector<std::size_t> rank(count), parent(count);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t vertex = 0; vertex < count; ++vertex) sets.make_set(vertex);
  for (const Impl::CompactRelation& relation : impl.relations) {
    sets.union_set(relation.subject, relation.object);
  }
  std::vector<Community> groups(count);
  for (std::size_t vertex = 0; vertex < count; ++vertex) {
    groups[sets.find_set(vertex)].push_back(impl.entity_of[vertex]);
  }
  return Sorted(std::move(groups));
}

Clustering Louvain(const GraphView& view) {
  const Impl& impl = view.impl();
  WeightedGraph graph = FromView(impl);
  // membership[v] = the current top-level community of original vertex v.
  std::vector<std::uint32_t> membership(impl.vertex_count());
  std::iota(membership.begin(), membership.end(), 0);
  WeightedGraph level = graph;
  while (true) {
    auto [community, moved] = MoveVertices(level);
    if (!moved) break;
    for (std::uint32_t& label : membership) label = community[label];
    level = Aggregate(level, community);
  }
  std::uint32_t count = 0;
  for (std::uint32_t label : membership) count = std::max(count, label + 1);
  std::vector<Community> groups(count);
  for (std::size_t vertex = 0; vertex < membership.size(); ++vertex) {
    groups[membership[vertex]].push_back(impl.entity_of[vertex]);
  }
  Clustering clustering;
  clustering.communities = Sorted(std::move(groups));
  clustering.modularity = Modularity(view, clustering.communities);
  return clustering;
}

double Modularity(const GraphView& view, const std::vector<Community>& communities) {
  const Impl& impl = view.impl();
  WeightedGraph graph = FromView(impl);
  std::vector<double> degree = Degrees(graph);
  double total = std::accumulate(degree.begin(), degree.end(), 0.0);
  if (total == 0) return 0;
  std::vector<std::uint32_t> label(impl.vertex_count(), 0);
  for (std::size_t index = 0; index < communities.size(); ++index) {
    for (EntityId entity : communities[index]) {
      Vertex vertex = impl.VertexOf(entity);
      if (vertex != Impl::kNoVertex) label[vertex] = static_cast<std::uint32_t>(index);
    }
  }
  std::vector<double> inside(communities.size(), 0.0), sum(communities.size(), 0.0);
  for (std::size_t vertex = 0; vertex < graph.size(); ++vertex) {
    sum[label[vertex]] += degree[vertex];
    inside[label[vertex]] += graph.loop[vertex];
    for (const auto& [neighbor, weight] : graph.adjacency[vertex]) {
      if (label[neighbor] == label[vertex]) inside[label[vertex]] += weight;
    }
  }
  double modularity = 0;
  for (std::size_t index = 0; index < communities.size(); ++index) {
    modularity += inside[index] / total - (sum[index] / total) * (sum[index] / total);
  }
  return modularity;
}

}  // namespace kg::graph
