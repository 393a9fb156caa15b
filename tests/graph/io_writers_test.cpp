// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "graph/io/graph_source.h"
#include "graph/io/writers.h"
#include "graph/store.h"
#include "tests/support/fixtures.h"

namespace kg::graph::io {
namespace {

// Names that break naive writers: quotes, backslashes, markup, newlines,
// control characters, DOT and JSON syntax, invalid UTF-8.
const std::vector<std::string> kHostileNames = {"Quote \"Inc\"",
                                                "Back\\slash\\",
                                                "<b>&amp;</b>",
                                                "two\nlines\r",
                                                "ctl\x01\x1f",
                                                "node",
                                                "\"]; } {",
                                                "a,b;c",
                                                "bad\xFF"
                                                "utf8",
                                                "caf\xC3\xA9 \\N"};

Subgraph HostileGraph() {
  Subgraph subgraph;
  subgraph.description = "hostile <names> & \"quotes\"";
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    Entity entity;
    entity.id = static_cast<EntityId>(i + 1);
    entity.name = kHostileNames[i];
    entity.type = i % 2 == 0 ? "Company" : "Person";
    entity.aliases = {entity.name, "alias;" + std::to_string(i)};
    subgraph.entities.push_back(entity);
  }
  Entity amount;
  amount.id = 100;
  amount.name = "$53 billion";
  amount.type = "Amount";
  amount.value = 53e9;
  amount.unit = "USD";
  amount.aliases = {amount.name};
  subgraph.entities.push_back(amount);
  for (std::size_t i = 0; i + 1 < kHostileNames.size(); ++i) {
    Relation relation;
    relation.id = static_cast<RelationId>(i + 1);
    relation.subject = static_cast<EntityId>(i + 1);
    relation.object = static_cast<EntityId>(i + 2);
    relation.type = i % 3 == 0 ? "partners_with" : "works_for";
    relation.confidence = 0.5 + 0.01 * static_cast<double>(i);
    subgraph.relations.push_back(relation);
  }
  Relation invests;
  invests.id = 50;
  invests.subject = 1;
  invests.object = 100;
  invests.type = "invests";
  invests.confidence = 0.9;
  invests.qualifiers = {{"purpose", "AI \"infra\""}};
  subgraph.relations.push_back(invests);
  return subgraph;
}

std::string Valid(const std::string& text) {
  return text == "bad\xFF"
                 "utf8"
             ? "bad\xEF\xBF\xBD"
               "utf8"
             : text;
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

template <typename Writer>
std::string Write(Writer writer, const GraphSource& source) {
  std::ostringstream out;
  writer(source, out);
  return out.str();
}

// RFC 4180 records of a CSV text.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_SUITE("graph/io/writers") {
  TEST_CASE("node-link JSON parses and keeps every name exactly") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    nlohmann::json graph = nlohmann::json::parse(Write(WriteNodeLinkJson, source));
    CHECK(graph["directed"] == true);
    CHECK(graph["multigraph"] == true);
    REQUIRE(graph["nodes"].size() == subgraph.entities.size());
    REQUIRE(graph["links"].size() == subgraph.relations.size());
    for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
      CHECK(graph["nodes"][i]["name"] == Valid(kHostileNames[i]));
      CHECK(graph["nodes"][i]["id"] == static_cast<EntityId>(i + 1));
    }
    const nlohmann::json& last = graph["links"].back();
    CHECK(last["source"] == 1);
    CHECK(last["target"] == 100);
    CHECK(last["key"] == 50);
    CHECK(last["relation"] == "invests");
    CHECK(last["qualifiers"]["purpose"] == "AI \"infra\"");
    CHECK(graph["nodes"].back()["value"] == 53e9);
    CHECK(graph["links"][0]["symmetric"] == true);
  }

  TEST_CASE("Cytoscape JSON has unique element ids and edges that point at nodes") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    nlohmann::json graph = nlohmann::json::parse(Write(WriteCytoscapeJson, source));
    std::set<std::string> ids;
    for (const auto& node : graph["elements"]["nodes"]) ids.insert(node["data"]["id"]);
    CHECK(ids.size() == subgraph.entities.size());
    for (const auto& edge : graph["elements"]["edges"]) {
      CHECK(ids.contains(edge["data"]["source"]));
      CHECK(ids.contains(edge["data"]["target"]));
      CHECK(ids.insert(edge["data"]["id"]).second);
    }
    CHECK(graph["elements"]["nodes"][1]["data"]["label"] == kHostileNames[1]);
  }

  TEST_CASE("GraphML escapes markup and carries no character XML forbids") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    std::string xml = Write(WriteGraphml, source);
    CHECK(Count(xml, "<node id=") == subgraph.entities.size());
    CHECK(Count(xml, "<edge id=") == subgraph.relations.size());
    CHECK(xml.find("&lt;b&gt;&amp;amp;&lt;/b&gt;") != std::string::npos);
    CHECK(xml.find("Quote &quot;Inc&quot;") != std::string::npos);
    CHECK(xml.find("hostile &lt;names&gt;") != std::string::npos);
    auto forbidden = std::find_if(xml.begin(), xml.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
    });
    CHECK(forbidden == xml.end());
    CHECK(xml.find("attr.name=\"confidence\" attr.type=\"double\"") != std::string::npos);
  }

  TEST_CASE("DOT output has one line per node and edge and quotes every value") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    std::string dot = Write(WriteDot, source);
    CHECK(dot.rfind("digraph kg {\n", 0) == 0);
    std::regex statement_start(R"(\n  n[0-9])");
    auto statements = std::distance(std::sregex_iterator(dot.begin(), dot.end(), statement_start),
                                    std::sregex_iterator());
    CHECK(statements == static_cast<long>(subgraph.entities.size() + subgraph.relations.size()));
    CHECK(Count(dot, " -> ") == subgraph.relations.size());
    CHECK(dot.find("label=\"Quote \\\"Inc\\\"\"") != std::string::npos);
    CHECK(dot.find("label=\"Back\\\\slash\\\\\"") != std::string::npos);
    CHECK(dot.find("label=\"two\\nlines \"") != std::string::npos);
    CHECK(dot.find("dir=none") != std::string::npos);
    // Every line is a statement: no value leaked a raw newline.
    std::istringstream lines(dot);
    std::string line;
    while (std::getline(lines, line)) {
      bool statement = line == "digraph kg {" || line == "}" || line.ends_with(";");
      CHECK_MESSAGE(statement, line);
    }
  }

  TEST_CASE("Neo4j CSV files parse back to the same fields") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    std::ostringstream nodes;
    std::ostringstream relationships;
    WriteNeo4jCsv(source, nodes, relationships);
    auto node_rows = ParseCsv(nodes.str());
    REQUIRE(node_rows.size() == subgraph.entities.size() + 1);
    CHECK(node_rows[0][0] == "entity_id:ID");
    CHECK(node_rows[0][2] == ":LABEL");
    for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
      REQUIRE(node_rows[i + 1].size() == 7);
      CHECK(node_rows[i + 1][1] == Valid(kHostileNames[i]));
    }
    auto relation_rows = ParseCsv(relationships.str());
    REQUIRE(relation_rows.size() == subgraph.relations.size() + 1);
    CHECK(relation_rows[0][0] == ":START_ID");
    CHECK(relation_rows[0][2] == ":TYPE");
    CHECK(relation_rows.back()[2] == "invests");
    CHECK(nlohmann::json::parse(relation_rows.back()[6])["purpose"] == "AI \"infra\"");
  }

  TEST_CASE("N-Triples lines follow the grammar with encoded IRIs") {
    Subgraph subgraph = HostileGraph();
    SubgraphSource source(subgraph);
    std::string triples = Write(WriteNTriples, source);
    const std::regex iri(R"(<https://kg\.example/[A-Za-z0-9%._~/-]+>)");
    const std::regex line_shape(
        R"(^(<[^<>" {}|\\^`]+>) (<[^<>" {}|\\^`]+>) (<[^<>" {}|\\^`]+>|"([^"\\\n\r]|\\[tbnrf"\\]|\\u[0-9A-F]{4})*"(\^\^<[^<>]+>)?) \.$)");
    std::istringstream lines(triples);
    std::string line;
    std::size_t relation_lines = 0;
    while (std::getline(lines, line)) {
      CHECK_MESSAGE(std::regex_match(line, line_shape), line);
      if (line.find("/relation/") != std::string::npos) ++relation_lines;
    }
    CHECK(relation_lines == subgraph.relations.size());
    CHECK(triples.find("<https://kg.example/entity/Company/Quote%20%22Inc%22>") !=
          std::string::npos);
    CHECK(triples.find("\"Back\\\\slash\\\\\"") != std::string::npos);
  }

  TEST_CASE("two entities that would share an IRI get distinct ones") {
    Subgraph subgraph;
    for (EntityId id : {1, 2}) {
      Entity entity;
      entity.id = id;
      entity.name = "Same";
      entity.type = "Company";
      subgraph.entities.push_back(entity);
    }
    SubgraphSource source(subgraph);
    std::string triples = Write(WriteNTriples, source);
    CHECK(triples.find("<https://kg.example/entity/Company/Same>") != std::string::npos);
    CHECK(triples.find("<https://kg.example/entity/Company/Same~2>") != std::string::npos);
  }

  TEST_CASE("a subgraph source skips relations to missing entities and weak ones") {
    Subgraph subgraph = HostileGraph();
    Relation dangling;
    dangling.id = 77;
    dangling.subject = 1;
    dangling.object = 999;
    dangling.type = "uses";
    dangling.confidence = 1;
    subgraph.relations.push_back(dangling);
    SubgraphSource all(subgraph);
    std::size_t count = 0;
    all.ForEachRelation([&](const Relation&) { ++count; });
    CHECK(count == subgraph.relations.size() - 1);
    SubgraphSource strong(subgraph, nullptr, 0.85);
    count = 0;
    strong.ForEachRelation([&](const Relation&) { ++count; });
    CHECK(count == 1);  // only `invests` (0.9)
  }

  TEST_CASE("a store source streams the same graph with evidence documents") {
    Store store = Store::OpenInMemory();
    store.Ingest(
        test::Document("a.txt", "Acme partners with Globex.",
                       {test::Mention("Acme", "Company"), test::Mention("Globex", "Company")},
                       {test::RelationOf(0, "partners_with", 1, 0.9)}));
    StoreSource source(store);
    nlohmann::json graph = nlohmann::json::parse(Write(WriteNodeLinkJson, source));
    CHECK(graph["nodes"].size() == 2);
    REQUIRE(graph["links"].size() == 1);
    CHECK(graph["links"][0]["document"] == "a.txt");
    std::string xml = Write(WriteGraphml, source);
    CHECK(xml.find("<data key=\"e_source\">a.txt</data>") != std::string::npos);
  }

  TEST_CASE("a source index finds documents whatever order ids were set and asked in") {
    SourceIndex index;
    index.Set(5, "e.txt");
    index.Set(9, "i.txt");
    index.Set(2, "b.txt");  // out of order
    index.Set(9, "j.txt");  // replaced
    CHECK(index.Find(2) == "b.txt");
    CHECK(index.Find(5) == "e.txt");
    CHECK(index.Find(9) == "j.txt");
    CHECK(index.Find(7).empty());
    CHECK(index.Find(2) == "b.txt");  // backwards after forwards
    CHECK(index.Find(1).empty());
    CHECK(index.Find(10).empty());
  }

  TEST_CASE("export format names parse") {
    for (std::string_view name : ExportFormatNames()) CHECK(ParseExportFormat(name).has_value());
    CHECK(ParseExportFormat("graphml") == ExportFormat::kGraphml);
    CHECK_FALSE(ParseExportFormat("xlsx").has_value());
  }
}

}  // namespace kg::graph::io
