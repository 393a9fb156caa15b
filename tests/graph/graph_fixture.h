// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "graph/store.h"

/// Tiny hand-made graphs in an in-memory store, for query and algorithm tests.
namespace kg::testing {

struct FixtureEntity {
  FixtureEntity(std::string name_in, std::string type_in = "Company",
                std::vector<std::string> aliases_in = {}, std::string ticker_in = {})
      : name(std::move(name_in)),
        type(std::move(type_in)),
        aliases(std::move(aliases_in)),
        ticker(std::move(ticker_in)) {}
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::string ticker;
};

struct FixtureRelation {
  FixtureRelation(std::string subject_in, std::string type_in, std::string object_in,
                  double confidence_in = 0.9, std::string document_in = "doc1.txt")
      : subject(std::move(subject_in)),
        type(std::move(type_in)),
        object(std::move(object_in)),
        confidence(confidence_in),
        document(std::move(document_in)) {}
  std::string subject;  // an entity name from the fixture's entity list
  std::string type;
  std::string object;
  double confidence;
  std::string document;
};

/// Stores `relations` between `entities`, one document per distinct
/// `FixtureRelation::document`; each relation gets the evidence sentence
/// "<subject> <type> <object>." Every entity is mentioned by "doc1.txt" so that
/// entities without relations exist too.
inline graph::Store MakeFixtureStore(const std::vector<FixtureEntity>& entities,
                                     const std::vector<FixtureRelation>& relations) {
  graph::Store store = graph::Store::OpenInMemory();
  std::map<std::string, graph::DocumentRecord> documents;
  auto document = [&](const std::string& name) -> graph::DocumentRecord& {
    graph::DocumentRecord& record = documents[name];
    if (record.name.empty()) {
      record.name = name;
      for (const FixtureEntity& entity : entities) {
        graph::EntityMention mention;
        mention.name = entity.name;
        mention.type = entity.type;
        mention.aliases = entity.aliases;
        mention.ticker = entity.ticker;
        record.entities.push_back(mention);
      }
    }
    return record;
  };
  auto index_of = [&](const std::string& name) {
    for (std::size_t index = 0; index < entities.size(); ++index) {
      if (entities[index].name == name) return static_cast<int>(index);
    }
    return -1;
  };
  document("doc1.txt");
  for (const FixtureRelation& relation : relations) {
    graph::DocumentRecord& record = document(relation.document);
    graph::RelationMention mention;
    mention.subject = index_of(relation.subject);
    mention.object = index_of(relation.object);
    mention.type = relation.type;
    std::string sentence = relation.subject + " " + relation.type + " " + relation.object + ".";
    mention.evidence.sentence_index = static_cast<int>(record.relations.size());
    mention.evidence.span_start = static_cast<std::int64_t>(record.text.size());
    record.text += sentence + " ";
    mention.evidence.span_end =
        mention.evidence.span_start + static_cast<std::int64_t>(sentence.size());
    mention.evidence.sentence = sentence;
    mention.evidence.rule = "fixture";
    mention.evidence.confidence = relation.confidence;
    record.relations.push_back(mention);
  }
  std::vector<graph::DocumentRecord> batch;
  for (auto& entry : documents) {
    if (entry.second.text.empty()) entry.second.text = "fixture";
    batch.push_back(std::move(entry.second));
  }
  store.IngestBatch(batch);
  return store;
}

/// The id of the entity called `name` (exact canonical name); 0 when absent.
inline graph::EntityId IdOf(const graph::Store& store, const std::string& name) {
  for (const graph::Entity& entity : store.FindEntities(name)) {
    if (entity.name == name) return entity.id;
  }
  return 0;
}

}  // namespace kg::testing
