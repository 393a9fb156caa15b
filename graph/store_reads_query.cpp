// SPDX-License-Identifier: MIT
// Lean whole-graph reads for the query and algorithm code: no JSON parsing,
// no per-row allocation beyond what the visitor does.
#include <algorithm>

#include "graph/detail/sqlite.h"
#include "graph/detail/store_rows.h"
#include "graph/names.h"
#include "graph/ontology.h"
#include "graph/store.h"

namespace kg::graph {

void Store::ForEachEdge(const std::function<void(const EdgeRow&)>& visit) const {
  detail::Statement statement(
      db_, "SELECT id, subject_id, type, object_id, confidence FROM relations ORDER BY id");
  EdgeRow row;
  while (statement.Step()) {
    row.id = statement.Int(0);
    row.subject = statement.Int(1);
    row.type = statement.TextView(2);
    row.object = statement.Int(3);
    row.confidence = statement.Double(4);
    visit(row);
  }
}

void Store::ForEachNode(const std::function<void(EntityId, std::string_view name,
                                                 std::string_view type)>& visit) const {
  detail::Statement statement(db_, "SELECT id, name, type FROM entities ORDER BY id");
  while (statement.Step()) {
    visit(statement.Int(0), statement.TextView(1), statement.TextView(2));
  }
}

namespace {

constexpr const char* kBriefEntityColumns = "e.id, e.name, e.type, e.ticker, e.value, e.unit";

}  // namespace

std::vector<Entity> Store::FindEntitiesByKey(std::string_view name, std::string_view type) const {
  // Through aliases alone: every entity is stored with its own name as an
  // alias (amounts too, whose entities.key is their value instead). Sorted
  // here, not by ORDER BY, which would make SQLite build a temporary b-tree
  // costing more than the lookup itself.
  static const std::string query = std::string("SELECT ") + kBriefEntityColumns +
                                   " FROM aliases a JOIN entities e ON e.id = a.entity_id"
                                   " WHERE a.key = ?1 AND (?2 = '' OR e.type = ?2)";
  detail::Statement& statement = statements_->Get(query);
  statement.Bind(1, NormalizeKey(name)).Bind(2, type);
  std::vector<Entity> entities;
  while (statement.Step()) entities.push_back(detail::ReadEntityRow(statement));
  auto by_id = [](const Entity& a, const Entity& b) { return a.id < b.id; };
  std::sort(entities.begin(), entities.end(), by_id);
  auto same_id = [](const Entity& a, const Entity& b) { return a.id == b.id; };
  entities.erase(std::unique(entities.begin(), entities.end(), same_id), entities.end());
  return entities;
}

std::vector<Relation> Store::RelationsTouching(EntityId entity, Direction direction,
                                               std::string_view type) const {
  static const std::string symmetric = detail::SymmetricTypeCondition();
  static const std::string select =
      "SELECT id, subject_id, type, object_id, confidence, qualifiers FROM relations ";
  static const std::string type_filter = " AND (?2 = '' OR type = ?2)";
  static const std::string queries[3] = {
      select + "WHERE subject_id = ?1" + type_filter + " UNION ALL " + select +
          "WHERE object_id = ?1 AND subject_id <> ?1 AND " + symmetric + type_filter,
      select + "WHERE object_id = ?1" + type_filter + " UNION ALL " + select +
          "WHERE subject_id = ?1 AND object_id <> ?1 AND " + symmetric + type_filter,
      select + "WHERE subject_id = ?1" + type_filter + " UNION ALL " + select +
          "WHERE object_id = ?1 AND subject_id <> ?1" + type_filter};
  int which = direction == Direction::kOutgoing ? 0 : direction == Direction::kIncoming ? 1 : 2;
  detail::Statement& statement = statements_->Get(queries[which]);
  statement.Bind(1, entity).Bind(2, type);
  std::vector<Relation> relations;
  while (statement.Step()) relations.push_back(detail::ReadRelationRow(statement));
  return relations;
}

std::vector<Entity> Store::GetEntitiesBrief(std::span<const EntityId> ids) const {
  // One primary-key lookup per id through one prepared statement: cheaper than
  // a single "id IN (list)" statement, whose list SQLite copies into a
  // temporary b-tree first.
  std::vector<EntityId> sorted(ids.begin(), ids.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  static const std::string query =
      std::string("SELECT ") + kBriefEntityColumns + " FROM entities e WHERE e.id = ?1";
  detail::Statement& statement = statements_->Get(query);
  std::vector<Entity> entities;
  entities.reserve(sorted.size());
  for (EntityId id : sorted) {
    statement.Bind(1, id);
    if (statement.Step()) entities.push_back(detail::ReadEntityRow(statement));
    statement.Reset();
  }
  return entities;
}

}  // namespace kg::graph
