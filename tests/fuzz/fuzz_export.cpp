// SPDX-License-Identifier: MIT
// Fuzzes import and every export writer: triples JSON Lines bytes ->
// ReadTriplesJsonl -> in-memory Store -> each format. The JSON formats are
// parsed back with nlohmann and must give back every entity name exactly;
// the others must be valid UTF-8 and written whole.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "graph/error.h"
#include "graph/io/graph_source.h"
#include "graph/io/triples_import.h"
#include "graph/io/triples_jsonl.h"
#include "graph/io/writers.h"
#include "graph/store.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using nlohmann::json;

std::multiset<std::string> NamesOfStore(const kg::graph::Store& store) {
  std::multiset<std::string> names;
  store.ForEachEntity([&](const kg::graph::Entity& entity) { names.insert(entity.name); });
  return names;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kg::graph;
  if (size > 1 << 16) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  io::ImportBatch batch = io::ReadTriplesJsonl(in, "fuzz.jsonl");
  Store store = Store::OpenInMemory();
  try {
    store.IngestBatch(batch.documents);
  } catch (const kg::Error& error) {
    // Only a value the store's checks refuse may stop the batch; say which.
    FUZZ_CHECK(error.code() == kg::ErrorCode::kInvalidInput ||
               error.code() == kg::ErrorCode::kStorage);
    return 0;
  }
  const std::multiset<std::string> names = NamesOfStore(store);
  io::StoreSource source(store);

  std::ostringstream node_link;
  io::WriteNodeLinkJson(source, node_link);
  json graph = json::parse(node_link.str());  // throws (a crash) when invalid
  std::multiset<std::string> seen;
  for (const json& node : graph.at("nodes")) seen.insert(node.at("name").get<std::string>());
  FUZZ_CHECK(seen == names);

  std::ostringstream cytoscape;
  io::WriteCytoscapeJson(source, cytoscape);
  json elements = json::parse(cytoscape.str()).at("elements");
  seen.clear();
  for (const json& node : elements.at("nodes"))
    seen.insert(node.at("data").at("name").get<std::string>());
  FUZZ_CHECK(seen == names);

  std::ostringstream entities;
  io::WriteEntitiesJsonl(store, entities);
  std::istringstream entity_lines(entities.str());
  seen.clear();
  for (std::string line; std::getline(entity_lines, line);)
    seen.insert(json::parse(line).at("name").get<std::string>());
  FUZZ_CHECK(seen == names);

  std::ostringstream triples;
  io::WriteTriplesJsonl(store, triples);
  std::istringstream triple_lines(triples.str());
  for (std::string line; std::getline(triple_lines, line);) {
    json triple = json::parse(line);
    FUZZ_CHECK(names.count(triple.at("subject").get<std::string>()) > 0);
    FUZZ_CHECK(names.count(triple.at("object").get<std::string>()) > 0);
  }

  std::ostringstream dot, graphml, nodes, relationships, ntriples;
  io::WriteDot(source, dot);
  io::WriteGraphml(source, graphml);
  io::WriteNeo4jCsv(source, nodes, relationships);
  io::WriteNTriples(source, ntriples);
  for (const std::string& text :
       {dot.str(), graphml.str(), nodes.str(), relationships.str(), ntriples.str()})
    FUZZ_CHECK(kg::fuzz::IsUtf8(text));
  FUZZ_CHECK(dot.str().rfind('}') != std::string::npos);
  FUZZ_CHECK(graphml.str().find("</graphml>") != std::string::npos);
  for (char c : ntriples.str()) FUZZ_CHECK(c != '\r');  // N-Triples lines carry no raw CR
  return 0;
}
