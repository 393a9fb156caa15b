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

// The arcs PageRank follows, as a CSR by target (the in-neighbours of each
// entity): subject -> object for every relation, and object -> subject too for
// symmetric ones. Built from the relation list in two sequential passes (a
// counting sort), which is several times faster than walking the arc graph.
struct IncomingArcs {
  std::vector<std::uint32_t> offsets;  // in-arcs of v: sources[offsets[v] .. offsets[v + 1])
  std::vector<Vertex> sources;
  std::vector<std::uint32_t> out_degree;
};

IncomingArcs FollowableArcsByTarget(const Impl& impl) {
  std::size_t vertex_count = impl.vertex_count();
  IncomingArcs incoming;
  incoming.out_degree.assign(vertex_count, 0);
  incoming.offsets.assign(vertex_count + 1, 0);
  auto for_each_arc = [&](auto&& visit) {
    for (const Impl::CompactRelation& relation : impl.relations) {
      visit(relation.subject, relation.object);
      if (impl.relation_type_symmetric[relation.type] && relation.subject != relation.object) {
        visit(relation.object, relation.subject);
      }
    }
  };
  for_each_arc([&](Vertex source, Vertex target) {
    ++incoming.out_degree[source];
    ++incoming.offsets[target + 1];
  });
  for (std::size_t vertex = 0; vertex < vertex_count; ++vertex) {
    incoming.offsets[vertex + 1] += incoming.offsets[vertex];
  }
  incoming.sources.resize(incoming.offsets[vertex_count]);
  std::vector<std::uint32_t> fill(incoming.offsets.begin(), incoming.offsets.end() - 1);
  for_each_arc([&](Vertex source, Vertex target) { incoming.sources[fill[target]++] = source; });
  return incoming;
}

// The sum of share[source] over [begin, end), with four partial sums so that
// consecutive additions do not wait for each other.
double GatherShares(const std::vector<double>& share, const std::uint32_t* begin,
                    const std::uint32_t* end) {
  double sums[4] = {0, 0, 0, 0};
  for (; end - begin >= 4; begin += 4) {
    sums[0] += share[begin[0]];
    sums[1] += share[begin[1]];
    sums[2] += share[begin[2]];
    sums[3] += share[begin[3]];
  }
  for (; begin != end; ++begin) sums[0] += share[*begin];
  return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

}  // namespace

// Gauss-Seidel on the PageRank linear system, the method of PRPACK (igraph's
// solver): each entity's rank is recomputed in place from its in-neighbours'
// newest shares, which takes about half the sweeps of the power iteration.
//
// Dangling entities (no out-arcs) are left out of the sweeps: nothing reads
// their individual ranks, only their total D, and D has a closed form in the
// shares flowing into them. With n entities, n_d of them dangling, teleport
// t = (1 - d) / n, and G = the share mass arriving at dangling entities,
//   D = sum over dangling v of (t + d (in_v + D / n))  =>  D = (n_d t + d G) / (1 - d n_d / n).
// Their ranks are computed once at the end. Same fixed point, fewer arcs per sweep.
std::vector<Score> PageRank(const GraphView& view, const PageRankOptions& options) {
  const Impl& impl = view.impl();
  const std::size_t count = impl.vertex_count();
  if (count == 0) return {};
  const IncomingArcs incoming = FollowableArcsByTarget(impl);
  const double n = static_cast<double>(count);
  const double damping = options.damping;
  const double teleport = (1.0 - damping) / n;

  std::vector<Vertex> active;  // entities with out-arcs, in vertex order
  for (Vertex vertex = 0; vertex < count; ++vertex) {
    if (incoming.out_degree[vertex] != 0) active.push_back(vertex);
  }
  const double dangling_count = n - static_cast<double>(active.size());
  // Sweep order: by in-degree, so consecutive entities gather the same number
  // of shares and the CPU predicts where each gather loop ends (news graphs
  // are heavy-tailed; in vertex order those loop exits are mispredicted). The
  // in-arcs are copied into that order so the sweep reads them sequentially.
  auto in_degree = [&](Vertex vertex) {
    return incoming.offsets[vertex + 1] - incoming.offsets[vertex];
  };
  std::stable_sort(active.begin(), active.end(),
                   [&](Vertex a, Vertex b) { return in_degree(a) < in_degree(b); });
  // Everything the sweep touches is indexed by sweep position, not vertex:
  // the per-entity arrays are then read in order, and only the shares of
  // in-neighbours are gathered from scattered places. Arc sources always have
  // out-arcs, so every source has a position.
  constexpr std::uint32_t kNoPosition = ~std::uint32_t{0};
  std::vector<std::uint32_t> position_of(count, kNoPosition);
  for (std::size_t position = 0; position < active.size(); ++position) {
    position_of[active[position]] = static_cast<std::uint32_t>(position);
  }
  std::vector<std::uint32_t> sweep_offsets{0};
  std::vector<std::uint32_t> sweep_sources;  // positions of the in-neighbours
  sweep_offsets.reserve(active.size() + 1);
  sweep_sources.reserve(incoming.sources.size());
  for (Vertex vertex : active) {
    for (std::uint32_t arc = incoming.offsets[vertex]; arc < incoming.offsets[vertex + 1]; ++arc) {
      sweep_sources.push_back(position_of[incoming.sources[arc]]);
    }
    sweep_offsets.push_back(static_cast<std::uint32_t>(sweep_sources.size()));
  }
  // arcs_to_dangling[p]: how many of the out-arcs of the entity at position p
  // end at a dangling entity.
  std::vector<std::uint32_t> arcs_to_dangling(active.size(), 0);
  for (Vertex vertex = 0; vertex < count; ++vertex) {
    if (incoming.out_degree[vertex] != 0) continue;
    for (std::uint32_t arc = incoming.offsets[vertex]; arc < incoming.offsets[vertex + 1]; ++arc) {
      ++arcs_to_dangling[position_of[incoming.sources[arc]]];
    }
  }
  std::vector<double> inverse_degree(active.size());
  for (std::size_t position = 0; position < active.size(); ++position) {
    inverse_degree[position] = 1.0 / incoming.out_degree[active[position]];
  }

  // share[p] = rank[p] / out-degree: what the entity at p passes along each out-arc.
  std::vector<double> rank(active.size(), 1.0 / n), share(active.size(), 0.0);
  double into_dangling = 0;  // G
  for (std::size_t position = 0; position < active.size(); ++position) {
    share[position] = rank[position] * inverse_degree[position];
    into_dangling += share[position] * arcs_to_dangling[position];
  }
  const double dangling_scale = 1.0 / (1.0 - damping * dangling_count / n);
  auto dangling_total = [&] {
    return (dangling_count * teleport + damping * into_dangling) * dangling_scale;
  };

  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double change = 0;
    // D is refreshed once a sweep, not after every entity: a per-entity
    // refresh chains every update to the previous one through D.
    const double dangling_before = dangling_total();
    const double base = teleport + damping * dangling_before / n;
    for (std::size_t position = 0; position < active.size(); ++position) {
      double gathered = GatherShares(share, sweep_sources.data() + sweep_offsets[position],
                                     sweep_sources.data() + sweep_offsets[position + 1]);
      double value = base + damping * gathered;
      change += std::abs(value - rank[position]);
      rank[position] = value;
      double new_share = value * inverse_degree[position];
      into_dangling += (new_share - share[position]) * arcs_to_dangling[position];
      share[position] = new_share;
    }
    change += std::abs(dangling_total() - dangling_before);
    if (change < options.tolerance) break;
  }
  const double dangling_share = dangling_total() / n;
  std::vector<double> rank_of(count);
  for (Vertex vertex = 0; vertex < count; ++vertex) {
    if (incoming.out_degree[vertex] != 0) {
      rank_of[vertex] = rank[position_of[vertex]];
      continue;
    }
    double gathered = 0;
    for (std::uint32_t arc = incoming.offsets[vertex]; arc < incoming.offsets[vertex + 1]; ++arc) {
      gathered += share[position_of[incoming.sources[arc]]];
    }
    rank_of[vertex] = teleport + damping * (gathered + dangling_share);
  }
  // The sweeps solve the system up to rounding; the scores sum to 1 as documented.
  double total = 0;
  for (double value : rank_of) total += value;
  for (double& value : rank_of) value /= total;
  return ToScores(impl, rank_of);
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
