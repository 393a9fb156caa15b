// SPDX-License-Identifier: MIT
#include "graph/centrality.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>

#include "graph/detail/graph_view_impl.h"

namespace kg::graph {
namespace {

using Impl = GraphView::Impl;

std::vector<Score> ToScores(const Impl& impl, const std::vector<double>& values) {
  std::vector<Score> scores(values.size());
  for (std::size_t vertex = 0; vertex < values.size(); ++vertex) {
    scores[vertex] = {impl.entity_of[vertex], values[vertex]};
  }
  return scores;
}

// Directed adjacency for PageRank: forward arcs, plus backward arcs of
// symmetric relations, as flat offset/target arrays for a tight inner loop.
struct DirectedArcs {
  std::vector<std::uint32_t> offsets;
  std::vector<Vertex> targets;
};

DirectedArcs FollowableArcs(const Impl& impl) {
  DirectedArcs directed;
  std::size_t vertex_count = impl.vertex_count();
  directed.offsets.reserve(vertex_count + 1);
  directed.targets.reserve(boost::num_edges(impl.arcs));
  directed.offsets.push_back(0);
  for (Vertex vertex = 0; vertex < vertex_count; ++vertex) {
    for (auto arc : boost::make_iterator_range(boost::out_edges(vertex, impl.arcs))) {
      const ArcProperty& property = impl.arcs[arc];
      bool symmetric = impl.relation_type_symmetric[impl.relations[property.relation].type];
      if (property.forward || symmetric) directed.targets.push_back(boost::target(arc, impl.arcs));
    }
    directed.offsets.push_back(static_cast<std::uint32_t>(directed.targets.size()));
  }
  return directed;
}

}  // namespace

std::vector<Score> PageRank(const GraphView& view, const PageRankOptions& options) {
  const Impl& impl = view.impl();
  std::size_t count = impl.vertex_count();
  if (count == 0) return {};
  DirectedArcs directed = FollowableArcs(impl);
  const double uniform = 1.0 / static_cast<double>(count);
  std::vector<double> rank(count, uniform), next(count);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0;
    std::fill(next.begin(), next.end(), 0.0);
    for (std::size_t vertex = 0; vertex < count; ++vertex) {
      std::uint32_t begin = directed.offsets[vertex], end = directed.offsets[vertex + 1];
      if (begin == end) {
        dangling += rank[vertex];
        continue;
      }
      double share = rank[vertex] / static_cast<double>(end - begin);
      for (std::uint32_t arc = begin; arc < end; ++arc) next[directed.targets[arc]] += share;
    }
    // Teleport and dangling mass are spread evenly over all entities.
    double base = (1.0 - options.damping) * uniform + options.damping * dangling * uniform;
    double change = 0;
    for (std::size_t vertex = 0; vertex < count; ++vertex) {
      double value = base + options.damping * next[vertex];
      change += std::abs(value - rank[vertex]);
      rank[vertex] = value;
    }
    if (change < options.tolerance) break;
  }
  return ToScores(impl, rank);
}

std::vector<Score> DegreeCentrality(const GraphView& view) {
  const Impl& impl = view.impl();
  std::vector<double> degree(impl.vertex_count());
  for (Vertex vertex = 0; vertex < impl.vertex_count(); ++vertex) {
    degree[vertex] = static_cast<double>(boost::out_degree(vertex, impl.arcs));
  }
  return ToScores(impl, degree);
}

std::vector<Score> BetweennessCentrality(const GraphView& view) {
  const Impl& impl = view.impl();
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Simple simple(impl.vertex_count());
  for (Vertex vertex = 0; vertex < impl.vertex_count(); ++vertex) {
    std::vector<Vertex> neighbors;
    for (Vertex neighbor :
         boost::make_iterator_range(boost::adjacent_vertices(vertex, impl.arcs))) {
      if (neighbor > vertex) neighbors.push_back(neighbor);  // each pair once, no self-loops
    }
    std::sort(neighbors.begin(), neighbors.end());
    neighbors.erase(std::unique(neighbors.begin(), neighbors.end()), neighbors.end());
    for (Vertex neighbor : neighbors) boost::add_edge(vertex, neighbor, simple);
  }
  std::vector<double> centrality(impl.vertex_count(), 0.0);
  // Boost halves undirected scores itself, so each unordered pair counts once.
  boost::brandes_betweenness_centrality(
      simple, boost::make_iterator_property_map(centrality.begin(),
                                                boost::get(boost::vertex_index, simple)));
  return ToScores(impl, centrality);
}

std::vector<Score> TopScores(const GraphView& view, std::vector<Score> scores,
                             std::string_view type, std::size_t top) {
  if (!type.empty()) {
    std::erase_if(scores, [&](const Score& score) { return view.TypeOf(score.entity) != type; });
  }
  auto better = [](const Score& a, const Score& b) {
    return a.score != b.score ? a.score > b.score : a.entity < b.entity;
  };
  if (top != 0 && top < scores.size()) {
    std::partial_sort(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(top),
                      scores.end(), better);
    scores.resize(top);
  } else {
    std::sort(scores.begin(), scores.end(), better);
  }
  return scores;
}

}  // namespace kg::graph
