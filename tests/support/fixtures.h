// SPDX-License-Identifier: MIT
// Small hand-made documents for tests of any module (header-only: each
// module's test binary links only its module).
#pragma once

#include <string>
#include <vector>

#include "graph/model.h"

namespace kg::test {

/// An entity mention of `type` named `name`, with optional extra aliases.
inline graph::EntityMention Mention(std::string name, std::string type,
                                    std::vector<std::string> aliases = {}) {
  graph::EntityMention mention;
  mention.name = std::move(name);
  mention.type = std::move(type);
  mention.aliases = std::move(aliases);
  return mention;
}

inline graph::EntityMention AmountMention(std::string text, double value, std::string unit) {
  graph::EntityMention mention = Mention(std::move(text), "Amount");
  mention.value = value;
  mention.unit = std::move(unit);
  return mention;
}

/// A relation between entities[subject] and entities[object] evidenced by
/// the whole text of a one-sentence document.
inline graph::RelationMention RelationOf(int subject, std::string type, int object,
                                         double confidence = 0.8, std::string rule = "test") {
  graph::RelationMention relation;
  relation.subject = subject;
  relation.type = std::move(type);
  relation.object = object;
  relation.evidence.confidence = confidence;
  relation.evidence.rule = std::move(rule);
  return relation;
}

/// A document whose relations' evidence spans the whole text as one sentence.
inline graph::DocumentRecord Document(std::string name, std::string text,
                                      std::vector<graph::EntityMention> entities,
                                      std::vector<graph::RelationMention> relations) {
  graph::DocumentRecord document;
  document.name = std::move(name);
  document.text = std::move(text);
  document.entities = std::move(entities);
  for (graph::RelationMention& relation : relations) {
    relation.evidence.sentence = document.text;
    relation.evidence.span_start = 0;
    relation.evidence.span_end = static_cast<std::int64_t>(document.text.size());
  }
  document.relations = std::move(relations);
  return document;
}

}  // namespace kg::test
