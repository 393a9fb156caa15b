// SPDX-License-Identifier: MIT
// Lean whole-graph reads for the query and algorithm code: no JSON parsing,
// no per-row allocation beyond what the visitor does.
#include "graph/detail/sqlite.h"
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

}  // namespace kg::graph
