// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/io/triples_import.h"
#include "graph/io/triples_jsonl.h"
#include "graph/store.h"
#include "tests/support/fixtures.h"

namespace kg::graph::io {
namespace {

ImportBatch Read(const std::string& text, const std::string& file = "t.jsonl") {
  std::istringstream in(text);
  return ReadTriplesJsonl(in, file);
}

const char* kTriple =
    R"({"subject":"Alibaba Group","subject_type":"Company","relation":"partners_with",)"
    R"("object":"Apple","object_type":"Company","object_value":null,"object_unit":null,)"
    R"("confidence":0.87,"source":"000.txt","sentence":"Alibaba partners with Apple.",)"
    R"("span":[10,38]})";

// The graph as comparable lines: subject|type relation object|type value unit confidence.
std::vector<std::string> GraphLines(const Store& store) {
  std::stringstream out;
  WriteTriplesJsonl(store, out);
  std::vector<std::string> lines;
  std::string text;
  while (std::getline(out, text)) {
    nlohmann::json line = nlohmann::json::parse(text);
    lines.push_back(line["subject"].dump() + line["subject_type"].dump() + line["relation"].dump() +
                    line["object"].dump() + line["object_type"].dump() +
                    line["object_value"].dump() + line["object_unit"].dump() +
                    line["confidence"].dump() + line["sentence"].dump() + line["span"].dump());
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_SUITE("graph/io/triples_import") {
  TEST_CASE("a triple line becomes a document with two entities and one relation") {
    ImportBatch batch = Read(std::string(kTriple) + "\n");
    CHECK(batch.problems.empty());
    CHECK(batch.triples == 1);
    REQUIRE(batch.documents.size() == 1);
    const DocumentRecord& document = batch.documents[0];
    CHECK(document.name == "import:t.jsonl#000.txt");
    REQUIRE(document.entities.size() == 2);
    REQUIRE(document.relations.size() == 1);
    const RelationMention& relation = document.relations[0];
    CHECK(relation.type == "partners_with");
    CHECK(document.entities[relation.subject].name == "Alibaba Group");
    CHECK(document.entities[relation.object].name == "Apple");
    CHECK(relation.evidence.confidence == doctest::Approx(0.87));
    CHECK(relation.evidence.rule == "import");
    CHECK(relation.evidence.span_start == 10);
    CHECK(relation.evidence.span_end == 38);
    CHECK(relation.evidence.sentence == "Alibaba partners with Apple.");
  }

  TEST_CASE("bad lines are reported with their line number and skipped") {
    std::string text = std::string(kTriple) + "\n" +                    // 1
                       "not json\n" +                                   // 2
                       "\n" +                                           // 3 (blank: ignored)
                       R"({"subject":"A","relation":"uses"})" + "\n" +  // 4: types missing
                       R"({"subject":"A","subject_type":"Company","relation":"uses",)"
                       R"("object":"B","object_type":"Chip","confidence":3})" +
                       "\n" +                  // 5
                       R"([1,2])" + "\n" +     // 6
                       R"({"foo":1})" + "\n";  // 7
    ImportBatch batch = Read(text);
    CHECK(batch.triples == 1);
    REQUIRE(batch.problems.size() == 5);
    std::vector<long> lines;
    for (const ImportProblem& problem : batch.problems) lines.push_back(problem.line);
    CHECK(lines == std::vector<long>{2, 4, 5, 6, 7});
    CHECK(batch.problems[1].ToString().find("t.jsonl:4: 'subject_type'") == 0);
    CHECK(batch.problems[2].message.find("confidence") != std::string::npos);
  }

  TEST_CASE("the gold files' evidence field stands in for sentence, confidence defaults to 1") {
    ImportBatch batch = Read(
        R"({"subject":"Eddie Wu","subject_type":"Person","relation":"ceo_of","object":"Alibaba",)"
        R"("object_type":"Company","source":"001.txt","evidence":"Eddie Wu, CEO of Alibaba."})"
        "\n");
    REQUIRE(batch.documents.size() == 1);
    const Evidence& evidence = batch.documents[0].relations.at(0).evidence;
    CHECK(evidence.sentence == "Eddie Wu, CEO of Alibaba.");
    CHECK(evidence.confidence == 1.0);
  }

  TEST_CASE("lines are grouped by source and entities deduplicated within a group") {
    std::string second = kTriple;
    second.replace(second.find("Apple"), 5, "Nvidia");
    std::string other = kTriple;
    other.replace(other.find("000.txt"), 7, "999.txt");
    ImportBatch batch = Read(std::string(kTriple) + "\n" + second + "\n" + other + "\n");
    REQUIRE(batch.documents.size() == 2);
    CHECK(batch.documents[0].entities.size() == 3);
    CHECK(batch.documents[0].relations.size() == 2);
    CHECK(batch.documents[1].name == "import:t.jsonl#999.txt");
  }

  TEST_CASE("entity lines carry aliases, tickers and amounts") {
    ImportBatch batch = Read(
        R"({"name":"Alibaba Group","type":"Company","aliases":["Alibaba","BABA"],"ticker":"BABA"})"
        "\n"
        R"({"name":"$53 billion","type":"Amount","value":5.3e10,"unit":"USD"})"
        "\n");
    CHECK(batch.problems.empty());
    CHECK(batch.entities == 2);
    REQUIRE(batch.documents.size() == 1);
    CHECK(batch.documents[0].name == "import:t.jsonl");
    const EntityMention& company = batch.documents[0].entities.at(0);
    CHECK(company.ticker == "BABA");
    CHECK(company.aliases.size() == 3);
    CHECK(batch.documents[0].entities.at(1).value == 5.3e10);
  }

  TEST_CASE("importing merges through the store's name matching and is idempotent") {
    Store store = Store::OpenInMemory();
    store.Ingest(
        test::Document("a.txt", "Alibaba works with Nvidia.",
                       {test::Mention("Alibaba", "Company"), test::Mention("Nvidia", "Company")},
                       {test::RelationOf(0, "partners_with", 1)}));
    ImportBatch batch = Read(std::string(kTriple) + "\n");
    store.IngestBatch(batch.documents);
    CHECK(store.FindEntities("Alibaba Group", "Company").size() == 1);  // merged with "Alibaba"
    CHECK(store.Stats().entities == 3);
    CHECK(store.Stats().relations == 2);
    auto again = store.IngestBatch(Read(std::string(kTriple) + "\n").documents);
    CHECK(again.at(0).outcome == IngestResult::Outcome::kUnchanged);
    CHECK(store.Stats().evidence == 2);
  }

  TEST_CASE("export then import into a fresh store then export gives the same graph") {
    Store original = Store::OpenInMemory();
    original.Ingest(test::Document(
        "a.txt", "Alibaba invests $53 billion; Eddie Wu leads it; it partners with Apple.",
        {test::Mention("Alibaba", "Company"), test::AmountMention("$53 billion", 53e9, "USD"),
         test::Mention("Eddie \"Quote\" Wu\\", "Person"), test::Mention("Apple", "Company")},
        {test::RelationOf(0, "invests", 1, 0.9), test::RelationOf(2, "ceo_of", 0, 0.7),
         test::RelationOf(3, "partners_with", 0, 0.8)}));
    std::stringstream exported;
    WriteTriplesJsonl(original, exported);

    Store fresh = Store::OpenInMemory();
    ImportBatch batch = ReadTriplesJsonl(exported, "export.jsonl");
    CHECK(batch.problems.empty());
    fresh.IngestBatch(batch.documents);
    CHECK(GraphLines(fresh) == GraphLines(original));
    CHECK(fresh.Stats().entities == original.Stats().entities);
  }
}

}  // namespace kg::graph::io
