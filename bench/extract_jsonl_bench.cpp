// SPDX-License-Identifier: MIT
// Runs the extractor over files and writes what it found, without a store:
// triples JSON Lines (ONTOLOGY.md format) and an entity list, merged across
// documents by type and normalised name, so ../shared/eval/score.py can score
// extraction alone. Also measures single-core extraction throughput.
//
//   extract_jsonl_bench [--triples T.jsonl] [--entities E.jsonl] [--chunk BYTES]
//                       [--repeat N] FILE...
//
// --chunk splits each file into documents of about BYTES at blank lines (for
// throughput runs on one big text); the rate (MB/s of text) goes to stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/nlp/lexicon.h"

namespace {

struct MergedEntity {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::optional<double> value;
  std::string unit;
};

std::string EntityKey(const kg::graph::EntityMention& entity) {
  if (entity.value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", *entity.value);
    return entity.type + "\t" + entity.unit + ":" + buffer;
  }
  return entity.type + "\t" + kg::extract::nlp::NameKey(entity.name);
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

nlohmann::json ValueOrNull(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json UnitOrNull(const kg::graph::EntityMention& entity) {
  return entity.value ? nlohmann::json(entity.unit) : nlohmann::json(nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  std::string triples_path, entities_path;
  std::size_t chunk = 0;
  int repeat = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--triples" && i + 1 < argc)
      triples_path = argv[++i];
    else if (arg == "--entities" && i + 1 < argc)
      entities_path = argv[++i];
    else if (arg == "--chunk" && i + 1 < argc)
      chunk = std::strtoul(argv[++i], nullptr, 10);
    else if (arg == "--repeat" && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else
      files.push_back(arg);
  }
  if (files.empty()) {
    std::cerr << "usage: extract_jsonl_bench [--triples T] [--entities E] [--chunk BYTES] "
                 "[--repeat N] FILE...\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> documents;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return 1;
    }
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (chunk == 0) {
      documents.emplace_back(BaseName(path), std::move(text));
      continue;
    }
    std::size_t start = 0, part = 0;
    while (start < text.size()) {
      std::size_t end = std::min(text.size(), start + chunk);
      const std::size_t blank = text.find("\n\n", end);
      end = blank == std::string::npos ? text.size() : blank + 2;
      documents.emplace_back(BaseName(path) + "#" + std::to_string(part++),
                             text.substr(start, end - start));
      start = end;
    }
  }
  const kg::extract::Extractor extractor;
  std::ofstream triples, entities;
  if (!triples_path.empty()) triples.open(triples_path);
  if (!entities_path.empty()) entities.open(entities_path);
  std::map<std::string, MergedEntity> merged;
  std::size_t bytes = 0, relation_count = 0, entity_count = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < repeat; ++round) {
    for (const auto& [name, text] : documents) {
      const kg::graph::DocumentRecord record = extractor.Extract(name, text);
      bytes += text.size();
      relation_count += record.relations.size();
      entity_count += record.entities.size();
      if (round > 0) continue;
      for (const auto& relation : record.relations) {
        const auto& subject = record.entities[static_cast<std::size_t>(relation.subject)];
        const auto& object = record.entities[static_cast<std::size_t>(relation.object)];
        if (!triples.is_open()) continue;
        nlohmann::json row = {{"subject", subject.name},
                              {"subject_type", subject.type},
                              {"relation", relation.type},
                              {"object", object.name},
                              {"object_type", object.type},
                              {"object_value", ValueOrNull(object.value)},
                              {"object_unit", UnitOrNull(object)},
                              {"subject_value", ValueOrNull(subject.value)},
                              {"subject_unit", UnitOrNull(subject)},
                              {"confidence", relation.evidence.confidence},
                              {"source", record.name},
                              {"sentence", relation.evidence.sentence},
                              {"span", {relation.evidence.span_start, relation.evidence.span_end}},
                              {"rule", relation.evidence.rule}};
        triples << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
      for (const auto& entity : record.entities) {
        MergedEntity& slot = merged[EntityKey(entity)];
        if (slot.name.empty()) {
          slot.name = entity.name;
          slot.type = entity.type;
          slot.value = entity.value;
          slot.unit = entity.unit;
        }
        for (const std::string& alias : entity.aliases) {
          if (std::find(slot.aliases.begin(), slot.aliases.end(), alias) == slot.aliases.end()) {
            slot.aliases.push_back(alias);
          }
        }
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (entities.is_open()) {
    for (const auto& [key, entity] : merged) {
      nlohmann::json row = {{"name", entity.name},
                            {"type", entity.type},
                            {"aliases", entity.aliases},
                            {"value", entity.value ? nlohmann::json(*entity.value) : nullptr},
                            {"unit", entity.value ? nlohmann::json(entity.unit) : nullptr}};
      entities << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  std::fprintf(stderr,
               "%zu documents x %d, %.1f MB in %.3f s: %.1f MB/s, %zu entities, %zu relations\n",
               documents.size(), repeat, bytes / 1e6, seconds, bytes / 1e6 / seconds, entity_count,
               relation_count);
  return 0;
}
