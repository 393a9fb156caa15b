// SPDX-License-Identifier: MIT
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "graph/model.h"

/// Helpers for the extraction tests: one shared extractor and lookups by name.
namespace kg::extract::testing {

inline const Extractor& SharedExtractor() {
  static const Extractor extractor;
  return extractor;
}

inline graph::DocumentRecord Run(std::string_view text) {
  return SharedExtractor().Extract("test.txt", std::string(text));
}

inline const graph::EntityMention* FindEntity(const graph::DocumentRecord& record,
                                              std::string_view name, std::string_view type = {}) {
  for (const auto& entity : record.entities) {
    if (entity.name == name && (type.empty() || entity.type == type)) return &entity;
  }
  return nullptr;
}

/// The best confidence of subject -relation-> object (either direction for
/// symmetric relations), or -1 when the record has no such relation.
inline double Confidence(const graph::DocumentRecord& record, std::string_view subject,
                         std::string_view relation, std::string_view object) {
  double best = -1;
  const bool symmetric =
      relation == "partners_with" || relation == "competes_with" || relation == "equals";
  for (const auto& mention : record.relations) {
    if (mention.type != relation) continue;
    const std::string& s = record.entities[static_cast<std::size_t>(mention.subject)].name;
    const std::string& o = record.entities[static_cast<std::size_t>(mention.object)].name;
    if ((s == subject && o == object) || (symmetric && s == object && o == subject)) {
      best = std::max(best, mention.evidence.confidence);
    }
  }
  return best;
}

inline bool Has(const graph::DocumentRecord& record, std::string_view subject,
                std::string_view relation, std::string_view object) {
  return Confidence(record, subject, relation, object) >= 0;
}

inline std::string Describe(const graph::DocumentRecord& record) {
  std::string out;
  for (const auto& mention : record.relations) {
    out += record.entities[static_cast<std::size_t>(mention.subject)].name + " " + mention.type +
           " " + record.entities[static_cast<std::size_t>(mention.object)].name + " [" +
           mention.evidence.rule + "]; ";
  }
  return out;
}

/// One relation a text should state (or not), for table-driven tests.
struct RelationCase {
  const char* text;
  const char* subject;
  const char* relation;
  const char* object;
};

/// Checks that each case's text yields its relation (`expected`) or does not.
template <std::size_t N>
void CheckRelations(const RelationCase (&cases)[N], bool expected = true) {
  for (const RelationCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto record = Run(c.text);
    CAPTURE(Describe(record));
    CHECK(Has(record, c.subject, c.relation, c.object) == expected);
  }
}

/// One entity a text should name, with its type, for table-driven tests.
struct EntityCase {
  const char* text;
  const char* name;
  const char* type;
};

/// Checks that each case's text names its entity with its type.
template <std::size_t N>
void CheckEntityTypes(const EntityCase (&cases)[N]) {
  for (const EntityCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto record = Run(c.text);
    CAPTURE(Describe(record));
    const auto* entity = FindEntity(record, c.name);
    REQUIRE(entity != nullptr);
    CHECK(entity->type == c.type);
  }
}

}  // namespace kg::extract::testing
