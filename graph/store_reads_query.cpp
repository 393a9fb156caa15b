// SPDX-License-Identifier: MIT
// Lean whole-graph reads for the query and algorithm code: no JSON parsing,
// no per-row allocation beyond what the visitor does.
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
  detail::Statement& statement = statements_->Get(
      std::string("SELECT ") + kBriefEntityColumns +
      " FROM entities e WHERE e.id IN (SELECT id FROM entities WHERE key = ?1 UNION "
      "SELECT entity_id FROM aliases WHERE key = ?1) AND (?2 = '' OR e.type = ?2) ORDER BY e.id");
  statement.Bind(1, NormalizeKey(name)).Bind(2, type);
  std::vector<Entity> entities;
  while (statement.Step()) entities.push_back(detail::ReadEntityRow(statement));
  return entities;
}

std::vector<Relation> Store::RelationsTouching(EntityId entity, Direction direction,
                                               std::string_view type) const {
  static const std::string symmetric = detail::SymmetricTypesSql();
  static const std::string select =
      "SELECT id, subject_id, type, object_id, confidence, qualifiers FROM relations ";
  static const std::string type_filter = " AND (?2 = '' OR type = ?2)";
  static const std::string queries[3] = {
      select + "WHERE subject_id = ?1" + type_filter + " UNION ALL " + select +
          "WHERE object_id = ?1 AND subject_id <> ?1 AND type IN (" + symmetric + ")" + type_filter,
      select + "WHERE object_id = ?1" + type_filter + " UNION ALL " + select +
          "WHERE subject_id = ?1 AND object_id <> ?1 AND type IN (" + symmetric + ")" + type_filter,
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
  std::vector<Entity> entities;
  if (ids.empty()) return entities;
  std::string id_list = "[";
  for (EntityId id : ids) id_list += std::to_string(id) + ",";
  id_list.back() = ']';
  detail::Statement& statement = statements_->Get(
      std::string("SELECT ") + kBriefEntityColumns +
      " FROM entities e WHERE e.id IN (SELECT value FROM json_each(?1)) ORDER BY e.id");
  statement.Bind(1, id_list);
  while (statement.Step()) entities.push_back(detail::ReadEntityRow(statement));
  return entities;
}

}  // namespace kg::graph
