// SPDX-License-Identifier: MIT
// Private to kg_graph: thin RAII over the SQLite C API. Only graph/store*.cpp include it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kg::graph::detail {

/// Throws kg::Error(kStorage) naming `operation` and SQLite's message unless
/// `rc` is SQLITE_OK, SQLITE_ROW or SQLITE_DONE.
void CheckSqlite(int rc, sqlite3* db, std::string_view operation);

/// Process-wide SQLite settings, applied once before the first connection opens
/// (SQLite ignores them once initialised). Call before every sqlite3_open_v2.
void ConfigureSqlite();

/// A prepared statement, reset on every Bind() sequence start. Column and bind
/// indices follow SQLite: binds from 1, columns from 0.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Resets the statement and clears bindings; returns *this for chaining.
  Statement& Reset();
  /// Resets the statement but keeps its bindings: for hot statements that
  /// bind every parameter again before each step, which need not pay for
  /// sqlite3_clear_bindings' walk over them.
  Statement& Rewind() {
    sqlite3_reset(stmt_);
    return *this;
  }
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  /// Binds `text` without SQLite copying it (and allocating for the copy):
  /// for hot statements. The bytes must stay valid and unchanged until the
  /// parameter is bound again, so bind every such parameter before each step
  /// and read the results while the bound strings live.
  Statement& BindStatic(int index, std::string_view text);
  Statement& Bind(int index, std::optional<double> value);
  Statement& BindNull(int index);

  /// Steps once: true while a row is available, false when done.
  bool Step();
  /// Steps to completion, for statements that return no rows.
  void Run() {
    while (Step()) {
    }
  }

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::optional<double> OptionalDouble(int column) const {
    return IsNull(column) ? std::nullopt : std::optional<double>(Double(column));
  }
  std::string Text(int column) const;
  /// Rows the connection's last finished INSERT, UPDATE or DELETE changed.
  std::int64_t Changes() const { return sqlite3_changes64(db_); }
  /// The rowid of the connection's last successful INSERT. Cheaper than RETURNING,
  /// which makes SQLite build and drop a temporary table per execution.
  std::int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  std::string_view TextView(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

/// Prepared statements by SQL text, prepared on first use and kept for the
/// connection's life: the store's hot paths never re-prepare.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  /// The statement for `sql`, reset and with bindings cleared.
  Statement& Get(const std::string& sql);

 private:
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace kg::graph::detail
