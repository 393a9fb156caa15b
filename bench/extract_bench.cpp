// SPDX-License-Identifier: MIT
// Extraction throughput on one core: reads a news collection (default: the
// shared bench corpus, CSV gzip), then times Extractor::Extract over every
// article's text (title + body) on this thread alone.
//
//   extract_bench [FILE] [--limit-mb N] [--repeat N] [--dump OUT]
//
// Prints the reader's and the extractor's MB/s and one JSON line of results.
// --dump writes every document's extraction (first round only) to OUT, one JSON
// line per document in input order: the reference that optimisations must
// reproduce byte for byte.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/input/input_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU time of this thread: on a shared, loaded machine it measures the work
/// where wall time also measures the neighbours.
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

/// `value` printed with %.17g: round-trips every double, so a changed bit shows.
std::string ExactNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

/// One document's extraction as a JSON object: title, entities, relations.
nlohmann::json DumpRecord(const kg::graph::DocumentRecord& record) {
  nlohmann::json entities = nlohmann::json::array();
  for (const kg::graph::EntityMention& entity : record.entities) {
    entities.push_back({{"name", entity.name},
                        {"type", entity.type},
                        {"value", entity.value ? ExactNumber(*entity.value) : ""},
                        {"unit", entity.unit},
                        {"ticker", entity.ticker},
                        {"aliases", entity.aliases},
                        {"count", entity.count}});
  }
  nlohmann::json relations = nlohmann::json::array();
  for (const kg::graph::RelationMention& relation : record.relations) {
    const kg::graph::Evidence& evidence = relation.evidence;
    relations.push_back(
        {{"subject", record.entities[static_cast<std::size_t>(relation.subject)].name},
         {"type", relation.type},
         {"object", record.entities[static_cast<std::size_t>(relation.object)].name},
         {"sentence", evidence.sentence_index},
         {"span", {evidence.span_start, evidence.span_end}},
         {"rule", evidence.rule},
         {"confidence", ExactNumber(evidence.confidence)},
         {"qualifiers", relation.qualifiers}});
  }
  return {{"document", record.name},
          {"title", record.title},
          {"entities", std::move(entities)},
          {"relations", std::move(relations)}};
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "/work/shared/bench/news.csv.gz";
  double limit_mb = 0;  // 0: everything
  int repeat = 1;
  std::string dump_path;  // empty: no dump
  for (int index = 1; index < argc; ++index) {
    if (std::strcmp(argv[index], "--limit-mb") == 0 && index + 1 < argc) {
      limit_mb = std::atof(argv[++index]);
    } else if (std::strcmp(argv[index], "--repeat") == 0 && index + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++index]));
    } else if (std::strcmp(argv[index], "--dump") == 0 && index + 1 < argc) {
      dump_path = argv[++index];
    } else {
      path = argv[index];
    }
  }

  std::vector<kg::extract::RawDocument> documents;
  std::size_t text_bytes = 0;
  int read_errors = 0;
  auto read_start = Clock::now();
  double read_cpu_start = ThreadCpuSeconds();
  kg::extract::ReadInputs({path}, {}, [&](kg::extract::InputEvent&& event) {
    if (event.kind == kg::extract::InputEvent::Kind::kError) {
      std::cerr << "read error: " << event.message << "\n";
      ++read_errors;
    }
    if (event.kind != kg::extract::InputEvent::Kind::kDocument) return;
    if (limit_mb > 0 && text_bytes >= limit_mb * 1e6) return;
    text_bytes += event.document.text.size();
    documents.push_back(std::move(event.document));
  });
  double read_seconds = SecondsSince(read_start);
  double read_cpu_seconds = ThreadCpuSeconds() - read_cpu_start;
  if (documents.empty()) {
    std::cerr << "extract_bench: no documents read from " << path << "\n";
    return 1;
  }

  auto build_start = Clock::now();
  kg::extract::Extractor extractor;
  double build_seconds = SecondsSince(build_start);

  std::ofstream dump;
  if (!dump_path.empty()) {
    dump.open(dump_path, std::ios::binary);
    if (!dump) {
      std::cerr << "extract_bench: cannot write " << dump_path << "\n";
      return 1;
    }
  }

  std::int64_t entities = 0;
  std::int64_t relations = 0;
  double dump_cpu_seconds = 0;  // excluded from the extraction time
  auto extract_start = Clock::now();
  double extract_cpu_start = ThreadCpuSeconds();
  for (int round = 0; round < repeat; ++round) {
    for (const kg::extract::RawDocument& document : documents) {
      kg::graph::DocumentRecord record = extractor.Extract(document.name, document.text);
      entities += static_cast<std::int64_t>(record.entities.size());
      relations += static_cast<std::int64_t>(record.relations.size());
      if (dump.is_open() && round == 0) {
        double dump_cpu_start = ThreadCpuSeconds();
        dump << DumpRecord(record).dump() << "\n";
        dump_cpu_seconds += ThreadCpuSeconds() - dump_cpu_start;
      }
    }
  }
  double extract_seconds = SecondsSince(extract_start);
  double extract_cpu_seconds = ThreadCpuSeconds() - extract_cpu_start - dump_cpu_seconds;
  double megabytes = static_cast<double>(text_bytes) * repeat / 1e6;

  std::cout << std::fixed << std::setprecision(2) << "documents        " << documents.size() << " ("
            << static_cast<double>(text_bytes) / 1e6 << " MB of text, read errors " << read_errors
            << ")\n"
            << "read (gunzip, CSV, UTF-8)  " << read_seconds << " s wall, " << read_cpu_seconds
            << " s CPU, " << static_cast<double>(text_bytes) / 1e6 / read_cpu_seconds
            << " MB/s of CPU\n"
            << "extractor build  " << build_seconds << " s\n"
            << "extract, 1 core  " << extract_seconds << " s wall (" << megabytes / extract_seconds
            << " MB/s), " << extract_cpu_seconds << " s CPU (" << megabytes / extract_cpu_seconds
            << " MB/s, " << documents.size() * repeat / extract_cpu_seconds << " docs/s)\n"
            << "found            " << entities / repeat << " entity mentions, "
            << relations / repeat << " relation mentions per pass\n";
  nlohmann::json result = {{"file", path},
                           {"documents", documents.size()},
                           {"text_bytes", text_bytes},
                           {"repeat", repeat},
                           {"read_seconds", read_seconds},
                           {"build_seconds", build_seconds},
                           {"extract_seconds", extract_seconds},
                           {"extract_cpu_seconds", extract_cpu_seconds},
                           {"extract_mb_per_s", megabytes / extract_seconds},
                           {"extract_cpu_mb_per_s", megabytes / extract_cpu_seconds},
                           {"entities", entities / repeat},
                           {"relations", relations / repeat}};
  std::cout << result.dump() << "\n";
  return 0;
}
