// SPDX-License-Identifier: MIT
#include "graph/detail/sqlite.h"

#include "graph/error.h"

namespace kg::graph::detail {

void CheckSqlite(int rc, sqlite3* db, std::string_view operation) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  std::string message = "database: ";
  message += operation;
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw Error(ErrorCode::kStorage, message);
}

void ConfigureSqlite() {
  static const int configured = [] {
    // With memory statistics on, every SQLite allocation and free takes a global mutex and
    // updates counters kg never reads: about a tenth of the writer's instructions in kg ingest.
    int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // A statement that writes several rows and may fail part way (the ingest writer's
    // many-row inserts, whose foreign keys may fail) copies each page it changes into a
    // statement journal, to undo just that statement. Past 64 KiB (SQLite's default) the
    // journal spilled to a temporary file: some 270,000 pwrite calls over the benchmark
    // corpus. It only ever undoes a statement inside a transaction and is never read after a
    // crash: keep up to 1 MiB of it in memory. (-1, always in memory, keeps it in 1 KiB
    // chunks, which cost more instructions than the writes did.)
    if (rc == SQLITE_OK) rc = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 1 << 20);
    return rc;
  }();
  static_cast<void>(configured);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  CheckSqlite(sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                 SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
              db, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  CheckSqlite(sqlite3_bind_int64(stmt_, index, value), db_, "bind");
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  CheckSqlite(sqlite3_bind_double(stmt_, index, value), db_, "bind");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // An empty view may have a null data pointer, which SQLite would bind as NULL.
  const char* bytes = text.data() != nullptr ? text.data() : "";
  CheckSqlite(sqlite3_bind_text64(stmt_, index, bytes, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
              db_, "bind");
  return *this;
}

Statement& Statement::BindStatic(int index, std::string_view text) {
  const char* bytes = text.data() != nullptr ? text.data() : "";
  CheckSqlite(sqlite3_bind_text64(stmt_, index, bytes, text.size(), SQLITE_STATIC, SQLITE_UTF8),
              db_, "bind");
  return *this;
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  CheckSqlite(sqlite3_bind_null(stmt_, index), db_, "bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  CheckSqlite(rc, db_, "step");
  return false;
}

std::string Statement::Text(int column) const { return std::string(TextView(column)); }

std::string_view Statement::TextView(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

Statement& StatementCache::Get(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    found = statements_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
  }
  return found->second->Reset();
}

}  // namespace kg::graph::detail
