// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/input/byte_source.h"
#include "extract/input/csv_reader.h"
#include "extract/input/input_reader.h"
#include "graph/error.h"

using kg::extract::BufferedReader;
using kg::extract::CsvReader;
using kg::extract::InputEvent;
using kg::extract::InputFormat;
using kg::extract::MakeStringSource;
using kg::extract::ReaderOptions;

namespace {

std::vector<InputEvent> ReadBytes(std::string bytes, const std::string& name,
                                  const ReaderOptions& options = {}) {
  std::vector<InputEvent> events;
  kg::extract::ReadStream(MakeStringSource(std::move(bytes)), name, name, options,
                          [&](InputEvent&& event) { events.push_back(std::move(event)); });
  return events;
}

std::vector<InputEvent> OfKind(const std::vector<InputEvent>& events, InputEvent::Kind kind) {
  std::vector<InputEvent> selected;
  for (const InputEvent& event : events) {
    if (event.kind == kind) selected.push_back(event);
  }
  return selected;
}

std::vector<std::vector<std::string>> ParseCsv(std::string bytes,
                                               std::vector<long>* lines = nullptr) {
  BufferedReader input(MakeStringSource(std::move(bytes)));
  CsvReader reader(input, "t.csv", 1 << 20);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    records.push_back(fields);
    if (lines != nullptr) lines->push_back(reader.line());
  }
  return records;
}

using Records = std::vector<std::vector<std::string>>;

}  // namespace

TEST_SUITE("extract/input/csv") {
  TEST_CASE("quoted fields hold commas, doubled quotes and newlines") {
    std::vector<long> lines;
    Records records =
        ParseCsv("id,body\n1,\"Hello, \"\"world\"\"\nsecond line\"\r\n2,plain\n\n3,\"\"\n", &lines);
    CHECK(
        records ==
        Records{{"id", "body"}, {"1", "Hello, \"world\"\nsecond line"}, {"2", "plain"}, {"3", ""}});
    CHECK(lines == std::vector<long>{1, 2, 4, 6});
  }

  TEST_CASE("a last record without a newline and empty trailing fields are read") {
    CHECK(ParseCsv("a,b,\nx,,") == Records{{"a", "b", ""}, {"x", "", ""}});
  }

  TEST_CASE("an unterminated quoted field is an error naming the line it started on") {
    BufferedReader input(MakeStringSource("id,body\n1,ok\n2,\"never\nclosed\n"));
    CsvReader reader(input, "news.csv", 1 << 20);
    std::vector<std::string> fields;
    CHECK(reader.Next(&fields));
    CHECK(reader.Next(&fields));
    CHECK_THROWS_WITH_AS(reader.Next(&fields), "news.csv:3: unterminated quoted field", kg::Error);
  }

  TEST_CASE("a record longer than the limit is refused") {
    BufferedReader input(MakeStringSource("body\n" + std::string(100, 'x') + "\n"));
    CsvReader reader(input, "big.csv", 50);
    std::vector<std::string> fields;
    CHECK(reader.Next(&fields));
    CHECK_THROWS_AS(reader.Next(&fields), kg::Error);
  }

  TEST_CASE("rows become documents named by id, with the title before the body") {
    auto events = ReadBytes(
        "\xEF\xBB\xBFsource,id,date,title,body\n"
        "bbc,b/1,2004,Chip deal,\"Nvidia buys Arm.\nMore text.\"\n"
        "bbc,,2005,,Body only\n",
        "news.csv");
    auto documents = OfKind(events, InputEvent::Kind::kDocument);
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].document.name == "news.csv#b/1");
    CHECK(documents[0].document.title == "Chip deal");
    CHECK(documents[0].document.published == "2004");
    CHECK(documents[0].document.text == "Chip deal\n\nNvidia buys Arm.\nMore text.");
    CHECK(documents[0].from_collection);
    CHECK(documents[1].document.name == "news.csv#2");
    CHECK(documents[1].document.text == "Body only");
    CHECK(events.back().kind == InputEvent::Kind::kFileDone);
  }

  TEST_CASE("a row with the wrong number of fields is skipped with its line; others ingest") {
    auto events = ReadBytes("id,text\n1,good\n2,bad,extra\n3,\"also\ngood\"\n4,fine\n", "x.csv");
    CHECK(OfKind(events, InputEvent::Kind::kDocument).size() == 3);
    auto errors = OfKind(events, InputEvent::Kind::kError);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "x.csv:3: expected 2 fields, found 3; record skipped");
  }

  TEST_CASE("chosen fields must exist; the error lists the columns") {
    ReaderOptions options;
    options.text_field = "article";
    auto errors = OfKind(ReadBytes("id,body\n1,x\n", "y.csv", options), InputEvent::Kind::kError);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "y.csv:1: no column article (columns: id, body)");
    auto no_text = OfKind(ReadBytes("id,name\n1,x\n", "z.csv"), InputEvent::Kind::kError);
    REQUIRE(no_text.size() == 1);
    CHECK(no_text[0].message.find("no column body, text, content") != std::string::npos);
  }

  TEST_CASE("invalid UTF-8 in a field is repaired with a warning naming file and line") {
    auto documents =
        OfKind(ReadBytes("id,body\n1,ok\n2,caf\xE9\n", "l.csv"), InputEvent::Kind::kDocument);
    REQUIRE(documents.size() == 2);
    CHECK(documents[1].document.text == "caf\uFFFD");
    REQUIRE(documents[1].document.warnings.size() == 1);
    CHECK(documents[1].document.warnings[0].starts_with("l.csv:3: 1 invalid UTF-8"));
  }
}

TEST_SUITE("extract/input/jsonl") {
  TEST_CASE("each line is a document; bad lines are errors naming their line") {
    ReaderOptions options;
    options.format = InputFormat::kJsonLines;
    auto events = ReadBytes(
        "{\"id\": 7, \"title\": \"T\", \"text\": \"Body one\", \"published\": \"2024-01-01\"}\n"
        "\n"
        "{\"id\": \"a\", \"body\": \"Body \\u00e9\"}\r\n"
        "{not json}\n"
        "[1, 2]\n"
        "{\"id\": \"c\", \"summary\": \"no text field\"}\n"
        "{\"content\": \"last\"}",
        "x.jsonl", options);
    auto documents = OfKind(events, InputEvent::Kind::kDocument);
    REQUIRE(documents.size() == 3);
    CHECK(documents[0].document.name == "x.jsonl#7");
    CHECK(documents[0].document.text == "T\n\nBody one");
    CHECK(documents[0].document.published == "2024-01-01");
    CHECK(documents[1].document.name == "x.jsonl#a");
    CHECK(documents[1].document.text == "Body é");
    CHECK(documents[2].document.name == "x.jsonl#6");
    auto errors = OfKind(events, InputEvent::Kind::kError);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].message.starts_with("x.jsonl:4: not JSON: parse error"));
    CHECK(errors[1].message == "x.jsonl:5: not a JSON object but array");
    CHECK(errors[2].message.starts_with("x.jsonl:6: no text field"));
  }

  TEST_CASE("the .jsonl extension selects JSON Lines and field flags are honoured") {
    ReaderOptions options;
    options.text_field = "summary";
    options.id_field = "key";
    auto documents =
        OfKind(ReadBytes("{\"key\": \"k1\", \"summary\": \"S\"}\n", "f.jsonl", options),
               InputEvent::Kind::kDocument);
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].document.name == "f.jsonl#k1");
    CHECK(documents[0].document.text == "S");
  }

  TEST_CASE("a line longer than the limit is skipped and the next one read") {
    ReaderOptions options;
    options.max_document_bytes = 64;
    auto events = ReadBytes("{\"text\": \"" + std::string(200, 'x') + "\"}\n{\"text\": \"ok\"}\n",
                            "long.jsonl", options);
    CHECK(OfKind(events, InputEvent::Kind::kDocument).size() == 1);
    auto errors = OfKind(events, InputEvent::Kind::kError);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.starts_with("long.jsonl:1: line longer than 64 bytes"));
  }
}
