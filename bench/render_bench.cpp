// SPDX-License-Identifier: MIT
// Rendering time for labelled subgraphs of growing size, in process through
// the Graphviz library, with the layout kg picks automatically and with each
// engine forced.
//
//   render_bench [--out DIR] [SIZE...]   (default sizes: 50 200 1000)
//
// Each subgraph has SIZE entities of mixed types and 2*SIZE labelled
// relations (a sparse random graph like a news neighbourhood).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "viz/render.h"

namespace {

using Clock = std::chrono::steady_clock;

kg::graph::Subgraph MakeSubgraph(int size) {
  const char* kTypes[] = {"Company", "Company", "Person", "Model", "Chip", "Product", "Place"};
  const char* kRelations[] = {"partners_with", "develops", "uses", "invests_in", "works_for"};
  std::mt19937 random(7);
  kg::graph::Subgraph subgraph;
  subgraph.description = "synthetic subgraph of " + std::to_string(size) + " entities";
  for (int i = 0; i < size; ++i) {
    kg::graph::Entity entity;
    entity.id = i + 1;
    entity.type = kTypes[i % 7];
    entity.name = std::string(entity.type) + " number " + std::to_string(i) + " \"Ltd\"";
    subgraph.entities.push_back(entity);
  }
  std::uniform_int_distribution<int> pick(1, size);
  for (int i = 0; i < 2 * size; ++i) {
    kg::graph::Relation relation;
    relation.id = i + 1;
    // Half the edges stay local so the graph has structure, not only noise.
    relation.subject = pick(random);
    relation.object = i % 2 == 0 ? (relation.subject % size) + 1 : pick(random);
    if (relation.object == relation.subject) relation.object = relation.subject % size + 1;
    relation.type = kRelations[i % 5];
    relation.confidence = 0.3 + 0.7 * (i % 10) / 10.0;
    subgraph.relations.push_back(relation);
  }
  return subgraph;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir = "/tmp/kg-render-bench";
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else {
      sizes.push_back(std::atoi(argv[i]));
    }
  }
  if (sizes.empty()) sizes = {50, 200, 1000};
  std::filesystem::create_directories(out_dir);
  try {
    for (int size : sizes) {
      kg::graph::Subgraph subgraph = MakeSubgraph(size);
      std::vector<kg::viz::Layout> layouts = {kg::viz::Layout::kAuto, kg::viz::Layout::kSfdp,
                                              kg::viz::Layout::kNeato};
      if (size <= 200) layouts.push_back(kg::viz::Layout::kFdp);
      if (size <= 50) layouts.push_back(kg::viz::Layout::kDot);
      for (kg::viz::Layout layout : layouts) {
        kg::viz::RenderOptions options;
        options.layout = layout;
        options.max_nodes = 0;
        options.edge_labels = kg::viz::EdgeLabels::kAlways;
        auto start = Clock::now();
        std::clock_t cpu_start = std::clock();
        std::string svg = kg::viz::Render(subgraph, options);
        double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        std::string chosen(kg::viz::LayoutName(
            layout == kg::viz::Layout::kAuto
                ? kg::viz::ChooseLayout(subgraph.entities.size(), subgraph.relations.size())
                : layout));
        std::string path = out_dir + "/render-" + std::to_string(size) + "-" +
                           std::string(kg::viz::LayoutName(layout)) + ".svg";
        std::ofstream(path, std::ios::binary) << svg;
        std::printf(
            "%5d entities %5zu labelled relations  %-5s -> %-5s %6.2f s wall %6.2f s cpu  %5.0f KB "
            "SVG\n",
            size, subgraph.relations.size(), std::string(kg::viz::LayoutName(layout)).c_str(),
            chosen.c_str(), seconds, cpu, static_cast<double>(svg.size()) / 1e3);
        std::fflush(stdout);
      }
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "render_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
