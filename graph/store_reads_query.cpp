// SPDX-License-Identifier: MIT
// Lean whole-graph reads for the query and algorithm code: no JSON parsing,
// no per-row allocation beyond what the visitor does.
#include "graph/detail/sqlite.h"
#include "graph/names.h"
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

std::vector<Entity> Store::FindEntitiesByKey(std::string_view name, std::string_view type) const {
  std::string key = NormalizeKey(name);
  std::vector<EntityId> ids;
  {
    detail::Statement& statement = statements_->Get(
        "SELECT id FROM entities WHERE key = ?1 AND (?2 = '' OR type = ?2) UNION "
        "SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "WHERE a.key = ?1 AND (?2 = '' OR e.type = ?2) ORDER BY 1");
    statement.Bind(1, key).Bind(2, type);
    while (statement.Step()) ids.push_back(statement.Int(0));
  }
  std::vector<Entity> entities;
  for (EntityId id : ids) {
    if (auto entity = GetEntity(id)) entities.push_back(std::move(*entity));
  }
  return entities;
}

}  // namespace kg::graph
