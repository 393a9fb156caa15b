// SPDX-License-Identifier: MIT
// Query and graph-algorithm timings on one database (see bench/run_graph_bench.sh):
//   query_bench DB [--samples-out FILE] [--mmap]
// Prints one JSON object of timings; writes the sampled entities and pairs to
// FILE so that bench/graph_peers.py runs networkx and igraph on the same ones.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/graph_view.h"
#include "graph/store.h"
#include "graph/traversal.h"
#include "query/parser.h"
#include "query/query.h"
#include "query/resolve.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(const std::function<void()>& work) {
  auto started = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// Thread CPU time: on a shared machine, what the work costs without the waits.
double CpuSeconds(const std::function<void()>& work) {
  timespec before{}, after{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
  work();
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
  return static_cast<double>(after.tv_sec - before.tv_sec) +
         static_cast<double>(after.tv_nsec - before.tv_nsec) * 1e-9;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

double Percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[static_cast<std::size_t>(fraction * (values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: query_bench DB [--samples-out FILE] [--mmap]\n");
    return 2;
  }
  std::string samples_path;
  for (int index = 2; index + 1 < argc; ++index) {
    if (std::string(argv[index]) == "--samples-out") samples_path = argv[index + 1];
  }
  // --mmap: SQLite memory-maps the database (a process-wide default), which
  // spares a read() per page for lookups outside SQLite's small page cache.
  for (int index = 2; index < argc; ++index) {
    if (std::string(argv[index]) == "--mmap") {
      sqlite3_config(SQLITE_CONFIG_MMAP_SIZE, sqlite3_int64{1} << 32, sqlite3_int64{1} << 32);
    }
  }
  // Opened as `kg query` opens it (cli/store_open.cpp): read-only, one
  // snapshot, so every statement reuses one read transaction.
  kg::graph::Store store = kg::graph::Store::Open(argv[1], {.read_only = true, .snapshot = true});
  nlohmann::json report;

  // Streaming the relations alone, then the full load into the Boost CSR graph.
  std::size_t streamed = 0;
  report["stream_relations_s"] =
      Seconds([&] { store.ForEachEdge([&](const kg::graph::Store::EdgeRow&) { ++streamed; }); });
  std::vector<double> loads;
  kg::graph::GraphView view = kg::graph::GraphView::Load(store);
  for (int run = 0; run < 3; ++run) {
    loads.push_back(Seconds([&] { view = kg::graph::GraphView::Load(store); }));
  }
  report["load_s"] = Median(loads);
  report["entities"] = view.entity_count();
  report["relations"] = view.relation_count();

  // Samples: entities of median degree, and random connected pairs.
  std::vector<kg::graph::EntityId> entities = view.Entities();
  std::vector<std::size_t> degrees;
  for (kg::graph::EntityId entity : entities) degrees.push_back(view.DegreeOf(entity));
  std::vector<std::size_t> sorted_degrees = degrees;
  std::sort(sorted_degrees.begin(), sorted_degrees.end());
  std::size_t median_degree = sorted_degrees[sorted_degrees.size() / 2];
  std::vector<kg::graph::EntityId> median_entities;
  for (std::size_t index = 0; index < entities.size(); ++index) {
    if (degrees[index] == median_degree) median_entities.push_back(entities[index]);
  }
  std::mt19937_64 random(7);
  std::shuffle(median_entities.begin(), median_entities.end(), random);
  median_entities.resize(std::min<std::size_t>(median_entities.size(), 200));
  std::vector<kg::graph::EntityId> connected;
  for (std::size_t index = 0; index < entities.size(); ++index) {
    if (degrees[index] > 0) connected.push_back(entities[index]);
  }
  std::uniform_int_distribution<std::size_t> any(0, connected.size() - 1);
  std::vector<std::pair<kg::graph::EntityId, kg::graph::EntityId>> pairs;
  for (int index = 0; index < 100; ++index)
    pairs.emplace_back(connected[any(random)], connected[any(random)]);
  report["median_degree"] = median_degree;

  // One-hop pattern queries through the store's indexes, no graph load.
  std::vector<double> one_hop;
  std::size_t answers = 0;
  for (int round = 0; round < 2; ++round) {  // the first round warms the page cache
    one_hop.clear();
    for (kg::graph::EntityId entity : median_entities) {
      std::string text = "\"" + view.NameOf(entity) + "\":" + view.TypeOf(entity) + " * ?";
      one_hop.push_back(Seconds([&] { answers += kg::query::Run(store, text).rows.size(); }));
    }
  }
  report["one_hop_query_median_us"] = Median(one_hop) * 1e6;
  std::vector<double> one_hop_cpu;
  for (kg::graph::EntityId entity : median_entities) {
    std::string text = "\"" + view.NameOf(entity) + "\":" + view.TypeOf(entity) + " * ?";
    one_hop_cpu.push_back(CpuSeconds([&] { answers += kg::query::Run(store, text).rows.size(); }));
  }
  report["one_hop_query_cpu_median_us"] = Median(one_hop_cpu) * 1e6;
  // Where a one-hop query's time goes: parse, resolve the name, read the relations.
  std::vector<double> parse, resolve, relations;
  for (kg::graph::EntityId entity : median_entities) {
    std::string text = "\"" + view.NameOf(entity) + "\":" + view.TypeOf(entity) + " * ?";
    parse.push_back(Seconds([&] { kg::query::Parse(text); }));
    resolve.push_back(Seconds([&] {
      std::vector<std::string_view> type = {view.TypeOf(entity)};
      kg::query::ResolveEntity(store, view.NameOf(entity), type);
    }));
    relations.push_back(
        Seconds([&] { store.RelationsOf(entity, kg::graph::Direction::kOutgoing); }));
  }
  report["one_hop_parse_median_us"] = Median(parse) * 1e6;
  report["one_hop_resolve_median_us"] = Median(resolve) * 1e6;
  report["one_hop_relations_of_median_us"] = Median(relations) * 1e6;
  report["one_hop_query_p90_us"] = Percentile(one_hop, 0.9) * 1e6;

  // Neighbourhoods: 3 hops on the loaded view; 2 hops through the store (render --focus).
  std::vector<double> three_hop;
  std::vector<double> three_hop_sizes;
  for (std::size_t index = 0; index < 20 && index < median_entities.size(); ++index) {
    std::size_t reached = 0;
    three_hop.push_back(
        Seconds([&] { reached = kg::graph::KHop(view, median_entities[index], 3).size(); }));
    three_hop_sizes.push_back(static_cast<double>(reached));
  }
  report["three_hop_median_ms"] = Median(three_hop) * 1e3;
  report["three_hop_median_reached"] = Median(three_hop_sizes);
  std::vector<double> store_two_hop;
  for (std::size_t index = 0; index < 5 && index < median_entities.size(); ++index) {
    store_two_hop.push_back(
        Seconds([&] { kg::graph::Neighborhood(store, median_entities[index], 2); }));
  }
  report["store_neighborhood_2hop_median_ms"] = Median(store_two_hop) * 1e3;

  // 100 shortest paths between random connected entities.
  std::size_t found = 0, total_hops = 0;
  report["shortest_paths_100_s"] = Seconds([&] {
    for (const auto& [from, to] : pairs) {
      if (auto path = kg::graph::ShortestPath(view, from, to, 50)) {
        ++found;
        total_hops += path->hops.size();
      }
    }
  });
  report["shortest_paths_found"] = found;
  report["shortest_paths_mean_hops"] = found ? static_cast<double>(total_hops) / found : 0.0;

  // Whole-graph algorithms: the median of several runs, as graph_peers.py does,
  // because single runs on a shared machine vary by a third.
  auto median_of = [](int runs, const std::function<void()>& work) {
    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) seconds.push_back(Seconds(work));
    return Median(seconds);
  };
  std::vector<kg::graph::Score> rank;
  report["pagerank_s"] = median_of(5, [&] { rank = kg::graph::PageRank(view); });
  report["components_s"] = median_of(5, [&] { kg::graph::ConnectedComponents(view); });
  kg::graph::Clustering clustering;
  report["louvain_s"] = median_of(3, [&] { clustering = kg::graph::Louvain(view); });
  report["louvain_communities"] = clustering.communities.size();
  report["louvain_modularity"] = clustering.modularity;
  std::vector<kg::graph::Score> top = kg::graph::TopScores(view, rank, {}, 5);
  for (const kg::graph::Score& score : top) {
    report["pagerank_top"].push_back({{"id", score.entity}, {"score", score.score}});
  }

  if (!samples_path.empty()) {
    nlohmann::json samples;
    samples["median_entities"] = median_entities;
    samples["median_queries"] = nlohmann::json::array();
    for (kg::graph::EntityId entity : median_entities) {
      samples["median_queries"].push_back("\"" + view.NameOf(entity) + "\":" + view.TypeOf(entity) +
                                          " * ?");
    }
    samples["three_hop_sources"] = std::vector<kg::graph::EntityId>(
        median_entities.begin(),
        median_entities.begin() +
            static_cast<std::ptrdiff_t>(std::min<std::size_t>(20, median_entities.size())));
    samples["path_pairs"] = pairs;
    std::ofstream(samples_path) << samples.dump() << "\n";
  }
  std::printf("%s\n", report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return answers == 0 ? 1 : 0;
}
