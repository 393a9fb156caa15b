// SPDX-License-Identifier: MIT
// Private to kg_graph: row readers and SQL fragments shared by graph/store*.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "graph/detail/sqlite.h"
#include "graph/model.h"
#include "graph/ontology.h"

namespace kg::graph::detail {

/// Reads a relation from columns id, subject_id, type, object_id, confidence,
/// qualifiers. Empty qualifiers ("{}", the common case) skip the JSON parser.
inline Relation ReadRelationRow(const Statement& row) {
  Relation relation;
  relation.id = row.Int(0);
  relation.subject = row.Int(1);
  relation.type = row.Text(2);
  relation.object = row.Int(3);
  relation.confidence = row.Double(4);
  std::string_view qualifiers = row.TextView(5);
  if (!qualifiers.empty() && qualifiers != "{}") {
    relation.qualifiers = nlohmann::json::parse(qualifiers, nullptr, false);
    if (!relation.qualifiers.is_object()) relation.qualifiers = nlohmann::json::object();
  }
  return relation;
}

/// Reads an entity (without aliases) from columns id, name, type, ticker, value, unit.
inline Entity ReadEntityRow(const Statement& row) {
  Entity entity;
  entity.id = row.Int(0);
  entity.name = row.Text(1);
  entity.type = row.Text(2);
  entity.ticker = row.Text(3);
  entity.value = row.OptionalDouble(4);
  entity.unit = row.Text(5);
  return entity;
}

/// An SQL condition true for rows of a symmetric relation type:
/// "CASE type WHEN 'partners_with' THEN 1 WHEN ... END". Not "type IN (...)":
/// SQLite copies a constant IN list into a temporary b-tree on every run of
/// the statement, which cost more than the rest of a one-hop read.
inline std::string SymmetricTypeCondition() {
  std::string condition = "CASE type";
  for (const RelationType& type : RelationTypes()) {
    if (type.symmetric) condition += " WHEN '" + std::string(type.name) + "' THEN 1";
  }
  return condition + " END";
}

}  // namespace kg::graph::detail
