// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <atomic>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "extract/input/byte_source.h"
#include "extract/input/input_reader.h"
#include "extract/pipeline.h"
#include "graph/store.h"

using kg::extract::IngestCounts;
using kg::extract::IngestOptions;
using kg::extract::InputEventSink;
using kg::graph::DocumentRecord;
using kg::graph::Store;

namespace {

/// A stand-in extractor: every capitalised word is a Company; the first two
/// are linked by partners_with. Poisoned texts throw or break the store.
struct FakeExtractor {
  std::atomic<int> calls{0};

  DocumentRecord operator()(std::string name, std::string text) {
    ++calls;
    if (text.find("POISON") != std::string::npos) throw std::runtime_error("poisoned text");
    DocumentRecord record;
    record.name = std::move(name);
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
      if (!std::isupper(static_cast<unsigned char>(word[0]))) continue;
      kg::graph::EntityMention mention;
      mention.name = word;
      mention.type = "Company";
      record.entities.push_back(mention);
    }
    if (record.entities.size() >= 2) {
      kg::graph::RelationMention relation;
      relation.subject = 0;
      relation.object = 1;
      relation.type = "partners_with";
      relation.evidence.span_end = static_cast<std::int64_t>(text.size());
      relation.evidence.sentence = text;
      relation.evidence.rule = "fake";
      relation.evidence.confidence = 0.5;
      record.relations.push_back(relation);
    }
    // A relation to an entity that does not exist makes the store refuse the document.
    if (text.find("BROKEN") != std::string::npos)
      record.relations.push_back({0, "partners_with", 99, {}, {}});
    record.text = std::move(text);
    return record;
  }
};

/// Collects what the pipeline reports, in order.
struct RecordingReporter : kg::extract::IngestReporter {
  std::vector<std::string> lines;
  void OnDocument(const kg::extract::DocumentReport& report) override {
    lines.push_back("doc " + report.result.name);
  }
  void OnMessage(bool is_error, const std::string& message) override {
    lines.push_back((is_error ? "error " : "warning ") + message);
  }
  void OnFileDone(const kg::extract::FileReport& file) override {
    lines.push_back("done " + file.file + " " + std::to_string(file.counts.documents));
  }
};

/// A CSV collection of `count` articles; article i mentions companies i and i+1.
std::string Collection(int count, const std::string& replace_body_of_3 = {}) {
  std::string csv = "id,body\n";
  for (int index = 0; index < count; ++index) {
    std::string body = "Firm" + std::to_string(index) + " works with Firm" +
                       std::to_string(index + 1) + " and Shared Partner";
    if (index == 3 && !replace_body_of_3.empty()) body = replace_body_of_3;
    csv += std::to_string(index) + ",\"" + body + "\"\n";
  }
  return csv;
}

IngestCounts Ingest(Store& store, FakeExtractor& extractor, const std::string& csv, int threads,
                    RecordingReporter* reporter = nullptr, std::size_t batch = 8) {
  IngestOptions options;
  options.threads = threads;
  options.batch_documents = batch;
  return kg::extract::RunIngest(
      store,
      [&](const InputEventSink& sink) {
        kg::extract::ReadStream(kg::extract::MakeStringSource(csv), "c.csv", "c.csv",
                                options.reader, sink);
      },
      [&](std::string name, std::string text) {
        return extractor(std::move(name), std::move(text));
      },
      options, reporter);
}

std::vector<std::string> DocumentNames(const Store& store) {
  std::vector<std::string> names;
  for (const auto& info : store.ListDocuments()) names.push_back(info.name);
  return names;
}

std::vector<std::string> EntityNames(const Store& store) {
  std::vector<std::string> names;
  store.ForEachEntity([&](const kg::graph::Entity& entity) { names.push_back(entity.name); });
  return names;
}

}  // namespace

TEST_SUITE("extract/pipeline") {
  TEST_CASE("the stored graph does not depend on the number of threads") {
    std::string csv = Collection(60);
    Store one = Store::OpenInMemory();
    Store four = Store::OpenInMemory();
    FakeExtractor extractor;
    RecordingReporter one_report, four_report;
    IngestCounts counts = Ingest(one, extractor, csv, 1, &one_report);
    Ingest(four, extractor, csv, 4, &four_report, 7);
    CHECK(counts.documents == 60);
    CHECK(counts.added == 60);
    CHECK(counts.errors == 0);
    CHECK(DocumentNames(one) == DocumentNames(four));
    CHECK(DocumentNames(one).front() == "c.csv#0");
    CHECK(EntityNames(one) == EntityNames(four));
    CHECK(one_report.lines == four_report.lines);
    CHECK(one_report.lines.back() == "done c.csv 60");
    CHECK(one.Stats().relations == 60);
  }

  TEST_CASE("re-ingesting the same content extracts nothing and changes nothing") {
    Store store = Store::OpenInMemory();
    FakeExtractor extractor;
    std::string csv = Collection(20);
    Ingest(store, extractor, csv, 2);
    int calls_after_first = extractor.calls;
    auto before = store.Stats();
    IngestCounts again = Ingest(store, extractor, csv, 2);
    CHECK(extractor.calls == calls_after_first);
    CHECK(again.unchanged == 20);
    CHECK(again.added == 0);
    auto after = store.Stats();
    CHECK(after.entities == before.entities);
    CHECK(after.relations == before.relations);
    CHECK(after.evidence == before.evidence);
  }

  TEST_CASE("a changed document replaces its evidence without duplicating entities") {
    Store store = Store::OpenInMemory();
    FakeExtractor extractor;
    Ingest(store, extractor, Collection(10), 2);
    auto before = store.Stats();
    IngestCounts changed = Ingest(
        store, extractor, Collection(10, "Firm3 works with Firm4 and Shared Partner today"), 2);
    CHECK(changed.replaced == 1);
    CHECK(changed.unchanged == 9);
    auto after = store.Stats();
    CHECK(after.entities == before.entities);
    CHECK(after.evidence == before.evidence);
    CHECK(store.DocumentText("c.csv#3")->ends_with("today"));
  }

  TEST_CASE("a document that fails extraction or storage is reported; the others are stored") {
    Store store = Store::OpenInMemory();
    FakeExtractor extractor;
    std::string csv =
        "id,body\n1,Alpha meets Beta\n2,POISON Gamma\n3,Delta BROKEN Epsilon\n"
        "4,Zeta meets Eta\n";
    RecordingReporter reporter;
    IngestCounts counts = Ingest(store, extractor, csv, 3, &reporter);
    CHECK(counts.documents == 2);
    CHECK(counts.errors == 2);
    CHECK(DocumentNames(store) == std::vector<std::string>{"c.csv#1", "c.csv#4"});
    REQUIRE(reporter.lines.size() == 5);
    CHECK(reporter.lines[0] == "doc c.csv#1");
    CHECK(reporter.lines[1] == "error c.csv#2: extraction failed: poisoned text");
    CHECK(reporter.lines[2].starts_with("error c.csv#3: not stored:"));
    CHECK(reporter.lines[3] == "doc c.csv#4");
  }

  TEST_CASE("title and publication date travel from the reader into the store") {
    Store store = Store::OpenInMemory();
    FakeExtractor extractor;
    Ingest(store, extractor, "id,title,date,body\n9,Big News,2024-03-01,Acme buys Globex\n", 1);
    auto info = store.FindDocument("c.csv#9");
    REQUIRE(info.has_value());
    CHECK(info->title == "Big News");
    CHECK(info->published == "2024-03-01");
    CHECK(store.DocumentText("c.csv#9") == "Big News\n\nAcme buys Globex");
  }

  TEST_CASE("reader errors are reported in input order and counted") {
    Store store = Store::OpenInMemory();
    FakeExtractor extractor;
    RecordingReporter reporter;
    IngestCounts counts =
        Ingest(store, extractor, "id,body\n1,Alpha One\n2,too,many\n3,Gamma Three\n", 2, &reporter);
    CHECK(counts.errors == 1);
    CHECK(counts.documents == 2);
    CHECK(reporter.lines ==
          std::vector<std::string>{"doc c.csv#1",
                                   "error c.csv:3: expected 2 fields, found 3; record skipped",
                                   "doc c.csv#3", "done c.csv 2"});
  }
}
