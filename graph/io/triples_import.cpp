// SPDX-License-Identifier: MIT
#include "graph/io/triples_import.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "graph/error.h"

namespace kg::graph::io {
namespace {

using nlohmann::json;

// A line's fault, turned into an ImportProblem by the caller.
struct LineError {
  std::string message;
};

std::string RequiredString(const json& line, const char* field) {
  auto found = line.find(field);
  if (found == line.end() || !found->is_string() || found->get_ref<const std::string&>().empty()) {
    throw LineError{std::string("'") + field + "' must be a non-empty string"};
  }
  return found->get<std::string>();
}

std::string OptionalString(const json& line, const char* field) {
  auto found = line.find(field);
  if (found == line.end() || found->is_null()) return {};
  if (!found->is_string()) throw LineError{std::string("'") + field + "' must be a string"};
  return found->get<std::string>();
}

std::optional<double> OptionalNumber(const json& line, const char* field) {
  auto found = line.find(field);
  if (found == line.end() || found->is_null()) return std::nullopt;
  if (!found->is_number()) throw LineError{std::string("'") + field + "' must be a number"};
  return found->get<double>();
}

// One document being assembled: its mentions, deduplicated.
struct PendingDocument {
  DocumentRecord record;
  std::map<std::tuple<std::string, std::string, std::string>, int> entity_index;

  int AddEntity(EntityMention mention) {
    std::string value_key = mention.value ? std::to_string(*mention.value) : std::string();
    auto key = std::make_tuple(mention.type, mention.name, value_key + mention.unit);
    auto [slot, added] = entity_index.try_emplace(key, static_cast<int>(record.entities.size()));
    if (added) {
      record.entities.push_back(std::move(mention));
    } else {
      EntityMention& existing = record.entities[slot->second];
      for (std::string& alias : mention.aliases) existing.aliases.push_back(std::move(alias));
      if (existing.ticker.empty()) existing.ticker = mention.ticker;
    }
    return slot->second;
  }
};

EntityMention EndMention(const json& line, const char* role) {
  std::string prefix = role;
  EntityMention mention;
  mention.name = RequiredString(line, role);
  mention.type = RequiredString(line, (prefix + "_type").c_str());
  mention.value = OptionalNumber(line, (prefix + "_value").c_str());
  mention.unit = OptionalString(line, (prefix + "_unit").c_str());
  mention.aliases = {mention.name};
  return mention;
}

EntityMention EntityLine(const json& line) {
  EntityMention mention;
  mention.name = RequiredString(line, "name");
  mention.type = RequiredString(line, "type");
  mention.value = OptionalNumber(line, "value");
  mention.unit = OptionalString(line, "unit");
  mention.ticker = OptionalString(line, "ticker");
  mention.aliases = {mention.name};
  auto aliases = line.find("aliases");
  if (aliases != line.end() && !aliases->is_null()) {
    if (!aliases->is_array()) throw LineError{"'aliases' must be an array of strings"};
    for (const json& alias : *aliases) {
      if (!alias.is_string()) throw LineError{"'aliases' must be an array of strings"};
      if (!alias.get_ref<const std::string&>().empty()) mention.aliases.push_back(alias);
    }
  }
  return mention;
}

Evidence LineEvidence(const json& line) {
  Evidence evidence;
  evidence.rule = "import";
  evidence.confidence = OptionalNumber(line, "confidence").value_or(1.0);
  if (evidence.confidence < 0 || evidence.confidence > 1) {
    throw LineError{"'confidence' must be between 0 and 1"};
  }
  evidence.sentence = OptionalString(line, "sentence");
  if (evidence.sentence.empty()) evidence.sentence = OptionalString(line, "evidence");
  auto span = line.find("span");
  if (span != line.end() && !span->is_null()) {
    if (!span->is_array() || span->size() != 2 || !(*span)[0].is_number_integer() ||
        !(*span)[1].is_number_integer() || (*span)[0].get<std::int64_t>() < 0 ||
        (*span)[1].get<std::int64_t>() < (*span)[0].get<std::int64_t>()) {
      throw LineError{"'span' must be [start, end] with 0 <= start <= end"};
    }
    evidence.span_start = (*span)[0].get<std::int64_t>();
    evidence.span_end = (*span)[1].get<std::int64_t>();
  }
  return evidence;
}

}  // namespace

ImportBatch ReadTriplesJsonl(std::istream& in, const std::string& file_name) {
  ImportBatch batch;
  std::map<std::string, PendingDocument> by_source;
  std::vector<std::string> order;  // sources in first-seen order
  std::string text;
  long line_number = 0;
  while (std::getline(in, text)) {
    ++line_number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      json line = json::parse(text, nullptr, true);
      if (!line.is_object()) throw LineError{"expected a JSON object"};
      std::string source = OptionalString(line, "source");
      PendingDocument& pending = by_source[source];
      // Every check below runs before the first change to `pending`.
      bool first_line = pending.record.text.empty();
      if (line.contains("relation")) {
        EntityMention subject = EndMention(line, "subject");
        EntityMention object = EndMention(line, "object");
        RelationMention relation;
        relation.type = RequiredString(line, "relation");
        relation.evidence = LineEvidence(line);
        auto qualifiers = line.find("qualifiers");
        if (qualifiers != line.end() && !qualifiers->is_null()) {
          if (!qualifiers->is_object()) throw LineError{"'qualifiers' must be an object"};
          relation.qualifiers = *qualifiers;
        }
        relation.evidence.sentence_index = static_cast<int>(pending.record.relations.size());
        relation.subject = pending.AddEntity(std::move(subject));
        relation.object = pending.AddEntity(std::move(object));
        pending.record.relations.push_back(std::move(relation));
        ++batch.triples;
      } else if (line.contains("name")) {
        pending.AddEntity(EntityLine(line));
        ++batch.entities;
      } else {
        throw LineError{"neither a triple ('relation') nor an entity ('name')"};
      }
      if (first_line) order.push_back(source);
      pending.record.text += text;
      pending.record.text += '\n';
    } catch (const LineError& error) {
      batch.problems.push_back({file_name, line_number, error.message});
    } catch (const json::exception& error) {
      batch.problems.push_back({file_name, line_number, std::string("not JSON: ") + error.what()});
    }
  }
  for (const std::string& source : order) {
    PendingDocument& pending = by_source.at(source);
    pending.record.name = "import:" + file_name + (source.empty() ? "" : "#" + source);
    batch.documents.push_back(std::move(pending.record));
  }
  return batch;
}

}  // namespace kg::graph::io
