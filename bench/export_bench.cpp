// SPDX-License-Identifier: MIT
// Export throughput on a synthetic graph: how long GraphML, node-link JSON
// and the other writers take to stream a whole store to a file.
//
//   export_bench [--db FILE] [--relations N] [--entities N] [--out DIR]
//
// Without an existing --db (default /tmp/kg-export-bench.db) it first builds
// one through Store::IngestBatch: N relations among companies, 500 relation
// mentions a document. Figures go to stdout, one line per format.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "graph/io/graph_source.h"
#include "graph/io/writers.h"
#include "graph/store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace io = kg::graph::io;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Process CPU seconds: on a shared machine wall time also counts other work.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void BuildGraph(kg::graph::Store& store, long relations, long entities) {
  const char* kTypes[] = {"partners_with", "competes_with", "invests_in", "subsidiary_of", "uses"};
  std::mt19937_64 random(42);
  std::uniform_int_distribution<long> pick(0, entities - 1);
  constexpr int kPerDocument = 500;
  std::vector<kg::graph::DocumentRecord> batch;
  auto start = Clock::now();
  for (long done = 0, document = 0; done < relations; ++document) {
    kg::graph::DocumentRecord record;
    record.name = "synthetic-" + std::to_string(document) + ".txt";
    record.text = record.name;
    for (int i = 0; i < kPerDocument && done < relations; ++i, ++done) {
      long subject = pick(random);
      long object = pick(random);
      if (object == subject) object = (object + 1) % entities;
      for (long id : {subject, object}) {
        kg::graph::EntityMention mention;
        mention.name =
            "Company " + std::to_string(id) + " & Sons <" + std::to_string(id % 97) + ">";
        mention.type = "Company";
        mention.aliases = {mention.name};
        record.entities.push_back(std::move(mention));
      }
      kg::graph::RelationMention relation;
      relation.subject = static_cast<int>(record.entities.size()) - 2;
      relation.object = static_cast<int>(record.entities.size()) - 1;
      relation.type = kTypes[done % 5];
      relation.evidence.confidence = 0.5 + 0.5 * static_cast<double>(done % 100) / 100;
      relation.evidence.rule = "synthetic";
      relation.evidence.sentence = "A synthetic sentence.";
      record.relations.push_back(std::move(relation));
    }
    batch.push_back(std::move(record));
    if (batch.size() == 200) {
      store.IngestBatch(batch);
      batch.clear();
      std::fprintf(stderr, "\rbuilding: %ld relations, %.0f s", done, SecondsSince(start));
    }
  }
  if (!batch.empty()) store.IngestBatch(batch);
  std::fprintf(stderr, "\nbuilt in %.1f s\n", SecondsSince(start));
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = "/tmp/kg-export-bench.db";
  std::string out_dir = "/tmp/kg-export-bench";
  long relations = 1'000'000;
  long entities = 200'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--out") out_dir = argv[i + 1];
    if (flag == "--relations") relations = std::atol(argv[i + 1]);
    if (flag == "--entities") entities = std::atol(argv[i + 1]);
  }
  std::filesystem::create_directories(out_dir);
  try {
    bool exists = std::filesystem::exists(db);
    kg::graph::Store store = kg::graph::Store::Open(db);
    if (!exists) BuildGraph(store, relations, entities);
    kg::graph::StoreStats stats = store.Stats();
    std::printf("graph: %lld entities, %lld relations, %lld evidence rows (%s)\n",
                static_cast<long long>(stats.entities), static_cast<long long>(stats.relations),
                static_cast<long long>(stats.evidence), db.c_str());

    auto start = Clock::now();
    double cpu_start = CpuSeconds();
    io::StoreSource source(store);
    double index_seconds = SecondsSince(start);
    double index_cpu = CpuSeconds() - cpu_start;
    std::printf(
        "%-10s %6.2f s wall %6.2f s cpu  (evidence document index, shared by every format)\n",
        "index", index_seconds, index_cpu);

    // The floor: reading entities and relations without writing anything.
    start = Clock::now();
    cpu_start = CpuSeconds();
    std::size_t visited = 0;
    source.ForEachEntity([&](const kg::graph::Entity&) { ++visited; });
    source.ForEachRelation([&](const kg::graph::Relation&) { ++visited; });
    std::printf("%-10s %6.2f s wall %6.2f s cpu  (store reads only, %zu rows)\n", "read",
                SecondsSince(start), CpuSeconds() - cpu_start, visited);

    using Writer = std::function<void(const io::GraphSource&, std::ostream&)>;
    const std::vector<std::pair<std::string, Writer>> formats = {
        {"graphml", io::WriteGraphml},         {"json", io::WriteNodeLinkJson},
        {"cytoscape", io::WriteCytoscapeJson}, {"dot", io::WriteDot},
        {"ntriples", io::WriteNTriples},
    };
    for (const auto& [name, writer] : formats) {
      std::string path = out_dir + "/graph." + name;
      start = Clock::now();
      cpu_start = CpuSeconds();
      {
        std::ofstream out(path, std::ios::binary);
        writer(source, out);
      }
      double seconds = SecondsSince(start);
      double cpu = CpuSeconds() - cpu_start;
      std::printf(
          "%-10s %6.2f s wall %6.2f s cpu  %4.0f MB  %5.2f M relations/s cpu  (with index: %.2f s "
          "wall, %.2f s cpu)\n",
          name.c_str(), seconds, cpu, static_cast<double>(std::filesystem::file_size(path)) / 1e6,
          static_cast<double>(stats.relations) / cpu / 1e6, seconds + index_seconds,
          cpu + index_cpu);
    }
    start = Clock::now();
    cpu_start = CpuSeconds();
    {
      std::ofstream nodes(out_dir + "/nodes.csv", std::ios::binary);
      std::ofstream relationships(out_dir + "/relationships.csv", std::ios::binary);
      io::WriteNeo4jCsv(source, nodes, relationships);
    }
    double seconds = SecondsSince(start);
    double cpu = CpuSeconds() - cpu_start;
    std::printf("%-10s %6.2f s wall %6.2f s cpu\n", "csv", seconds, cpu);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "export_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
