// SPDX-License-Identifier: MIT
#include "graph/io/triples_jsonl.h"

#include <unordered_map>
#include <unordered_set>

namespace kg::graph::io {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json OptionalValue(const Entity& entity) {
  return entity.value ? json(*entity.value) : json(nullptr);
}

json OptionalUnit(const Entity& entity) {
  return entity.type == "Amount" && !entity.unit.empty() ? json(entity.unit) : json(nullptr);
}

std::unordered_map<EntityId, Entity> EntitiesById(const Store& store) {
  std::unordered_map<EntityId, Entity> entities;
  store.ForEachEntity([&](const Entity& entity) { entities.emplace(entity.id, entity); });
  return entities;
}

json TripleLine(const Relation& relation, const Entity& subject, const Entity& object,
                const Evidence* evidence) {
  json line = json::object();
  line["subject"] = subject.name;
  line["subject_type"] = subject.type;
  line["relation"] = relation.type;
  line["object"] = object.name;
  line["object_type"] = object.type;
  line["object_value"] = OptionalValue(object);
  line["object_unit"] = OptionalUnit(object);
  line["subject_value"] = OptionalValue(subject);
  line["subject_unit"] = OptionalUnit(subject);
  line["confidence"] = relation.confidence;
  if (evidence != nullptr) {
    line["source"] = evidence->document;
    line["sentence"] = evidence->sentence;
    line["span"] = json::array({evidence->span_start, evidence->span_end});
    line["rule"] = evidence->rule;
  } else {
    line["source"] = nullptr;
    line["sentence"] = nullptr;
    line["span"] = nullptr;
    line["rule"] = nullptr;
  }
  line["qualifiers"] = relation.qualifiers;
  return line;
}

}  // namespace

std::size_t WriteTriplesJsonl(const Store& store, std::ostream& out,
                              const TriplesOptions& options) {
  std::unordered_map<EntityId, Entity> entities = EntitiesById(store);
  std::unordered_set<RelationId> in_scope;
  if (options.scope != nullptr) {
    for (const Relation& relation : options.scope->relations) in_scope.insert(relation.id);
  }
  // Evidence arrives grouped by relation id, best first: stream it beside the relations.
  std::unordered_map<RelationId, std::vector<Evidence>> evidence;
  store.ForEachEvidence([&](RelationId relation, const Evidence& row) {
    if (options.scope != nullptr && !in_scope.count(relation)) return;
    auto& rows = evidence[relation];
    if (options.every_evidence || rows.empty()) rows.push_back(row);
  });
  std::size_t lines = 0;
  store.ForEachRelation([&](const Relation& relation) {
    if (options.scope != nullptr && !in_scope.count(relation.id)) return;
    if (relation.confidence < options.min_confidence) return;
    const Entity& subject = entities.at(relation.subject);
    const Entity& object = entities.at(relation.object);
    auto found = evidence.find(relation.id);
    if (found == evidence.end() || found->second.empty()) {
      out << Dump(TripleLine(relation, subject, object, nullptr)) << '\n';
      ++lines;
      return;
    }
    for (const Evidence& row : found->second) {
      out << Dump(TripleLine(relation, subject, object, &row)) << '\n';
      ++lines;
    }
  });
  return lines;
}

std::size_t WriteEntitiesJsonl(const Store& store, std::ostream& out, const Subgraph* scope) {
  std::unordered_set<EntityId> in_scope;
  if (scope != nullptr) {
    for (const Entity& entity : scope->entities) in_scope.insert(entity.id);
  }
  std::size_t lines = 0;
  store.ForEachEntity([&](const Entity& entity) {
    if (scope != nullptr && !in_scope.count(entity.id)) return;
    json line = json::object();
    line["name"] = entity.name;
    line["type"] = entity.type;
    line["aliases"] = entity.aliases;
    line["value"] = OptionalValue(entity);
    line["unit"] = OptionalUnit(entity);
    line["ticker"] = entity.ticker.empty() ? json(nullptr) : json(entity.ticker);
    out << Dump(line) << '\n';
    ++lines;
  });
  return lines;
}

}  // namespace kg::graph::io
