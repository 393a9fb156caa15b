// SPDX-License-Identifier: MIT
#include "graph/store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>

#include "graph/detail/ingest_memo.h"
#include "graph/detail/sqlite.h"
#include "graph/detail/store_rows.h"
#include "graph/error.h"
#include "graph/names.h"
#include "graph/ontology.h"

namespace kg::graph {

extern const char* const kSchemaSql;  // schema.sql, embedded at build time

namespace {

using detail::CheckSqlite;
using detail::Statement;

constexpr int kSchemaVersion = 2;

// Migrations from version N to N + 1, applied in order to databases written
// by an older kg. schema.sql always describes the newest version.
struct Migration {
  int from_version;
  const char* sql;
};
constexpr Migration kMigrations[] = {
    // 1 -> 2: name resolution looks entities up by ticker.
    {1, "CREATE INDEX IF NOT EXISTS entities_ticker ON entities (ticker);"},
};

void Exec(sqlite3* db, const char* sql, std::string_view operation) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw Error(ErrorCode::kStorage, "database: " + std::string(operation) + ": " + text);
  }
}

int ReadUserVersion(sqlite3* db) {
  Statement statement(db, "PRAGMA user_version");
  return statement.Step() ? static_cast<int>(statement.Int(0)) : 0;
}

bool HasTables(sqlite3* db) {
  Statement statement(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
  return statement.Step() && statement.Int(0) > 0;
}

// Creates the schema on an empty database or migrates an older one, inside
// one write transaction so that concurrent first opens do not race.
void PrepareSchema(sqlite3* db, const std::string& path) {
  Exec(db, "BEGIN IMMEDIATE", "begin schema transaction");
  try {
    int version = ReadUserVersion(db);
    if (version == 0 && !HasTables(db)) {
      Exec(db, kSchemaSql, "create schema");
    } else if (version == 0) {
      throw Error(ErrorCode::kStorage, path + " is an SQLite database but not a kg database");
    } else if (version > kSchemaVersion) {
      throw Error(ErrorCode::kStorage, path + " was written by a newer kg (schema version " +
                                           std::to_string(version) + ", this kg knows " +
                                           std::to_string(kSchemaVersion) + ")");
    } else {
      for (const Migration& migration : kMigrations) {
        if (migration.from_version >= version) {
          Exec(db, migration.sql, "migrate schema");
        }
      }
      Exec(db, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str(),
           "set schema version");
    }
    Exec(db, "COMMIT", "commit schema");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

constexpr const char* kRelationColumns = "id, subject_id, type, object_id, confidence, qualifiers";

constexpr const char* kEntityColumns = "id, name, type, ticker, value, unit";

}  // namespace

Store::Store(sqlite3* db, std::string path)
    : db_(db),
      path_(std::move(path)),
      statements_(std::make_unique<detail::StatementCache>(db)),
      ingest_memo_(std::make_unique<detail::IngestMemo>()) {}

Store::Store(Store&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      statements_(std::move(other.statements_)),
      ingest_memo_(std::move(other.ingest_memo_)),
      in_transaction_(other.in_transaction_),
      in_snapshot_(std::exchange(other.in_snapshot_, false)) {}

Store& Store::operator=(Store&& other) noexcept {
  if (this != &other) {
    statements_.reset();
    if (in_snapshot_ && db_ != nullptr) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    statements_ = std::move(other.statements_);
    ingest_memo_ = std::move(other.ingest_memo_);
    in_transaction_ = other.in_transaction_;
    in_snapshot_ = std::exchange(other.in_snapshot_, false);
  }
  return *this;
}

Store::~Store() {
  statements_.reset();  // statements must be finalised before the connection closes
  if (in_snapshot_ && db_ != nullptr) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

int Store::SchemaVersion() { return kSchemaVersion; }

namespace {

// Whether a read-only connection cannot read `db` until a writer repairs it:
// a hot rollback journal (a kg killed while creating the database, before WAL
// was on) or a WAL index that needs rebuilding. Both repairs restore the last
// committed state; neither changes committed data.
bool NeedsRepairByWriter(sqlite3* db) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &statement, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  if (rc != SQLITE_OK && rc != SQLITE_ROW) rc = sqlite3_extended_errcode(db);
  sqlite3_finalize(statement);
  return rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY ||
         rc == SQLITE_READONLY_CANTINIT;
}

// Lets a short read-write connection roll back the hot journal or rebuild the
// WAL index, so that a reading command works after a crashed ingest.
void RepairByWriter(const std::string& path, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, busy_timeout_ms);
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
  }
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  sqlite3_close_v2(db);
  if (rc != SQLITE_OK) {
    throw Error(ErrorCode::kStorage,
                path +
                    " was left mid-write by an interrupted kg and must be repaired by a "
                    "writing open, which failed: " +
                    message + " (check write access to the file and its directory)");
  }
}

}  // namespace

Store Store::Open(const std::string& path, const StoreOptions& options) {
  struct stat info {};
  bool exists = ::stat(path.c_str(), &info) == 0;
  if (options.read_only && !exists) {
    throw Error(ErrorCode::kNotFound,
                "no database at " + path + " (run 'kg ingest' first, or pass --db)");
  }
  if (exists && !S_ISREG(info.st_mode)) {
    throw Error(ErrorCode::kStorage, path + " is not a regular file");
  }
  detail::ConfigureSqlite();
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw Error(ErrorCode::kStorage, "cannot open database " + path + ": " + message);
  }
  if (options.read_only && NeedsRepairByWriter(db)) {
    sqlite3_close_v2(db);
    RepairByWriter(path, options.busy_timeout_ms);
    db = nullptr;
    rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close_v2(db);
      throw Error(ErrorCode::kStorage, "cannot open database " + path + ": " + message);
    }
  }
  Store store(db, path);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  try {
    Exec(db, "PRAGMA foreign_keys = ON", "enable foreign keys");
    if (options.read_only) {
      // Reading through a memory map skips a copy per page: one-hop queries
      // on a large graph are about a fifth faster (bench/README.md). Not for
      // writers: inside a write transaction SQLite maps only the pages it
      // reads for lookups, and each such fetch first searches the WAL index
      // for the page, where the page cache alone would do (the ingest
      // writer's foreign-key and key lookups: 3% of its instructions).
      Exec(db, "PRAGMA mmap_size = 268435456", "map the database");
      int version = ReadUserVersion(db);
      if (version == 0 && !HasTables(db)) {
        throw Error(ErrorCode::kNotFound,
                    path + " holds no kg data yet (an empty database; run 'kg ingest')");
      }
      if (version != kSchemaVersion) {
        throw Error(ErrorCode::kStorage, path + " is not a kg database of schema version " +
                                             std::to_string(kSchemaVersion) + " (found " +
                                             std::to_string(version) +
                                             "; open it once for writing to migrate)");
      }
    } else {
      // WAL lets readers work while one writer ingests; NORMAL sync is
      // durable against process crashes, which is what WAL guarantees.
      Exec(db, "PRAGMA journal_mode = WAL", "enable WAL");
      Exec(db, "PRAGMA synchronous = NORMAL", "set synchronous");
      // A writer's batch touches index pages all over entities, aliases and
      // mentions: up to 64 MiB of cache (not the default 2 MiB) keeps them
      // from being evicted and re-read within and between transactions.
      Exec(db, "PRAGMA cache_size = -65536", "set cache size");
      PrepareSchema(db, path);
    }
    if (options.read_only && options.snapshot) {
      // A read transaction in WAL mode pins one state of the database: an
      // export or query running beside an ingest sees all of a batch or none.
      Exec(db, "BEGIN", "begin read snapshot");
      store.in_snapshot_ = true;
    }
  } catch (const Error& error) {
    std::string message = error.what();
    if (message.find("file is not a database") != std::string::npos) {
      throw Error(ErrorCode::kStorage, path + " is not a kg database (not an SQLite file)");
    }
    // SQLite only says "unable to open database file" when it cannot write
    // the database or create its -wal/-shm files beside it: name the file and why.
    std::string directory =
        path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
    if (!options.read_only &&
        (::access(path.c_str(), W_OK) != 0 || ::access(directory.c_str(), W_OK) != 0)) {
      throw Error(ErrorCode::kStorage,
                  "cannot write database " + path + ": " + std::strerror(errno));
    }
    throw;
  }
  return store;
}

Store Store::OpenInMemory() {
  detail::ConfigureSqlite();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(db);
    throw Error(ErrorCode::kStorage, "cannot open an in-memory database");
  }
  Store store(db, ":memory:");
  Exec(db, "PRAGMA foreign_keys = ON", "enable foreign keys");
  PrepareSchema(db, ":memory:");
  return store;
}

int Store::user_version() const { return ReadUserVersion(db_); }

void Store::Transaction(const std::function<void()>& work) {
  KG_ASSERT(!in_transaction_);
  // A cached read left mid-result (DocumentHash steps once) keeps a read
  // snapshot open; BEGIN IMMEDIATE on a snapshot another process has since
  // outdated fails at once with SQLITE_BUSY_SNAPSHOT, bypassing the busy
  // timeout ("database is locked" under concurrent ingests). Finish them first.
  for (sqlite3_stmt* pending = sqlite3_next_stmt(db_, nullptr); pending != nullptr;
       pending = sqlite3_next_stmt(db_, pending)) {
    if (sqlite3_stmt_busy(pending)) sqlite3_reset(pending);
  }
  Exec(db_, "BEGIN IMMEDIATE", "begin transaction");
  in_transaction_ = true;
  try {
    work();
    Exec(db_, "COMMIT", "commit");
    in_transaction_ = false;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    in_transaction_ = false;
    if (ingest_memo_) ingest_memo_->Clear();  // it may hold entities the rollback took away
    throw;
  }
}

// --- Documents ---------------------------------------------------------------

std::optional<std::string> Store::DocumentHash(std::string_view name) const {
  Statement& statement = statements_->Get("SELECT content_hash FROM documents WHERE name = ?1");
  statement.Bind(1, name);
  if (!statement.Step()) return std::nullopt;
  return statement.Text(0);
}

namespace {
constexpr const char* kDocumentColumns =
    "id, name, content_hash, coalesce(title, ''), coalesce(published, ''), ingested_at, "
    "length(CAST(text AS BLOB))";

DocumentInfo ReadDocument(const Statement& row) {
  return {row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Int(6)};
}
}  // namespace

std::optional<DocumentInfo> Store::FindDocument(std::string_view name) const {
  Statement& statement = statements_->Get(std::string("SELECT ") + kDocumentColumns +
                                          " FROM documents WHERE name = ?1");
  statement.Bind(1, name);
  if (!statement.Step()) return std::nullopt;
  return ReadDocument(statement);
}

std::vector<DocumentInfo> Store::ListDocuments() const {
  Statement& statement =
      statements_->Get(std::string("SELECT ") + kDocumentColumns + " FROM documents ORDER BY id");
  std::vector<DocumentInfo> documents;
  while (statement.Step()) documents.push_back(ReadDocument(statement));
  return documents;
}

std::optional<std::string> Store::DocumentText(std::string_view name) const {
  Statement& statement = statements_->Get("SELECT text FROM documents WHERE name = ?1");
  statement.Bind(1, name);
  if (!statement.Step()) return std::nullopt;
  return statement.Text(0);
}

// --- Entities ----------------------------------------------------------------

std::optional<Entity> Store::GetEntity(EntityId id) const {
  Statement& statement =
      statements_->Get(std::string("SELECT ") + kEntityColumns + " FROM entities WHERE id = ?1");
  statement.Bind(1, id);
  if (!statement.Step()) return std::nullopt;
  Entity entity = detail::ReadEntityRow(statement);
  Statement& aliases =
      statements_->Get("SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias");
  aliases.Bind(1, id);
  while (aliases.Step()) entity.aliases.push_back(aliases.Text(0));
  return entity;
}

std::vector<Entity> Store::FindEntities(std::string_view name, std::string_view type) const {
  Statement& statement = statements_->Get(
      "SELECT DISTINCT e.id FROM entities e WHERE (?2 = '' OR e.type = ?2) AND ("
      "  e.key = ?1 OR e.ticker = ?3 OR"
      "  e.id IN (SELECT entity_id FROM aliases WHERE key = ?1))"
      " ORDER BY (SELECT count(*) FROM relations r WHERE r.subject_id = e.id) +"
      "          (SELECT count(*) FROM relations r WHERE r.object_id = e.id) DESC, e.id");
  std::string ticker;
  for (char c : name) ticker += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  statement.Bind(1, NormalizeKey(name)).Bind(2, type).Bind(3, ticker);
  std::vector<EntityId> ids;
  while (statement.Step()) ids.push_back(statement.Int(0));
  std::vector<Entity> entities;
  for (EntityId id : ids) {
    if (auto entity = GetEntity(id)) entities.push_back(std::move(*entity));
  }
  return entities;
}

void Store::ForEachEntity(const std::function<void(const Entity&)>& visit) const {
  // Merge-join entities with aliases (both ordered by entity id) in one pass.
  Statement entities(db_, std::string("SELECT ") + kEntityColumns + " FROM entities ORDER BY id");
  Statement aliases(db_, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
  bool alias_row = aliases.Step();
  while (entities.Step()) {
    Entity entity = detail::ReadEntityRow(entities);
    while (alias_row && aliases.Int(0) < entity.id) alias_row = aliases.Step();
    while (alias_row && aliases.Int(0) == entity.id) {
      entity.aliases.push_back(aliases.Text(1));
      alias_row = aliases.Step();
    }
    visit(entity);
  }
}

std::vector<std::pair<EntityId, std::string>> Store::AllNames() const {
  Statement& statement = statements_->Get(
      "SELECT id, name FROM entities UNION SELECT entity_id, alias FROM aliases ORDER BY 1, 2");
  std::vector<std::pair<EntityId, std::string>> names;
  while (statement.Step()) names.emplace_back(statement.Int(0), statement.Text(1));
  return names;
}

// --- Relations -----------------------------------------------------------------

std::optional<Relation> Store::GetRelation(RelationId id) const {
  Statement& statement =
      statements_->Get(std::string("SELECT ") + kRelationColumns + " FROM relations WHERE id = ?1");
  statement.Bind(1, id);
  if (!statement.Step()) return std::nullopt;
  return detail::ReadRelationRow(statement);
}

std::vector<Relation> Store::RelationsOf(EntityId entity, Direction direction,
                                         std::string_view type) const {
  static const std::string symmetric = detail::SymmetricTypeCondition();
  const std::string select = std::string("SELECT ") + kRelationColumns + " FROM relations ";
  const std::string type_filter = " AND (?2 = '' OR type = ?2)";
  std::string sql;
  switch (direction) {
    case Direction::kOutgoing:
      sql = select + "WHERE subject_id = ?1" + type_filter + " UNION ALL " + select +
            "WHERE object_id = ?1 AND subject_id <> ?1 AND " + symmetric + type_filter;
      break;
    case Direction::kIncoming:
      sql = select + "WHERE object_id = ?1" + type_filter + " UNION ALL " + select +
            "WHERE subject_id = ?1 AND object_id <> ?1 AND " + symmetric + type_filter;
      break;
    case Direction::kBoth:
      sql = select + "WHERE subject_id = ?1" + type_filter + " UNION ALL " + select +
            "WHERE object_id = ?1 AND subject_id <> ?1" + type_filter;
      break;
  }
  Statement& statement = statements_->Get(sql + " ORDER BY 1");
  statement.Bind(1, entity).Bind(2, type);
  std::vector<Relation> relations;
  while (statement.Step()) relations.push_back(detail::ReadRelationRow(statement));
  return relations;
}

std::vector<Relation> Store::RelationsOfType(std::string_view type) const {
  Statement& statement = statements_->Get(std::string("SELECT ") + kRelationColumns +
                                          " FROM relations WHERE ?1 = '' OR type = ?1 ORDER BY id");
  statement.Bind(1, type);
  std::vector<Relation> relations;
  while (statement.Step()) relations.push_back(detail::ReadRelationRow(statement));
  return relations;
}

void Store::ForEachRelation(const std::function<void(const Relation&)>& visit) const {
  Statement statement(db_,
                      std::string("SELECT ") + kRelationColumns + " FROM relations ORDER BY id");
  while (statement.Step()) visit(detail::ReadRelationRow(statement));
}

namespace {
constexpr const char* kEvidenceSelect =
    "SELECT e.relation_id, d.name, e.sentence_index, e.span_start, e.span_end, e.sentence, "
    "e.rule, e.confidence FROM evidence e JOIN documents d ON d.id = e.document_id ";

Evidence ReadEvidence(const Statement& row) {
  return {
      row.Text(1),  static_cast<int>(row.Int(2)), row.Int(3), row.Int(4), row.Text(5), row.Text(6),
      row.Double(7)};
}
}  // namespace

std::vector<Evidence> Store::EvidenceFor(RelationId relation) const {
  Statement& statement = statements_->Get(
      std::string(kEvidenceSelect) + "WHERE e.relation_id = ?1 ORDER BY e.confidence DESC, e.id");
  statement.Bind(1, relation);
  std::vector<Evidence> evidence;
  while (statement.Step()) evidence.push_back(ReadEvidence(statement));
  return evidence;
}

void Store::ForEachEvidence(const std::function<void(RelationId, const Evidence&)>& visit) const {
  Statement statement(
      db_, std::string(kEvidenceSelect) + "ORDER BY e.relation_id, e.confidence DESC, e.id");
  while (statement.Step()) visit(statement.Int(0), ReadEvidence(statement));
}

void Store::ForEachBestSource(
    const std::function<void(RelationId, const std::string& document)>& visit) const {
  std::unordered_map<DocumentId, std::string> names;
  Statement documents(db_, "SELECT id, name FROM documents");
  while (documents.Step()) names.emplace(documents.Int(0), documents.Text(1));
  // SQLite takes a bare column of an aggregate query from the row that holds
  // the max(): the most confident evidence's document (the first such row).
  Statement best(db_,
                 "SELECT relation_id, document_id, max(confidence) FROM evidence"
                 " GROUP BY relation_id ORDER BY relation_id");
  while (best.Step()) visit(best.Int(0), names[best.Int(1)]);
}

StoreStats Store::Stats() const {
  StoreStats stats;
  auto count = [this](const char* sql) {
    Statement statement(db_, sql);
    return statement.Step() ? statement.Int(0) : 0;
  };
  stats.documents = count("SELECT count(*) FROM documents");
  stats.entities = count("SELECT count(*) FROM entities");
  stats.relations = count("SELECT count(*) FROM relations");
  stats.evidence = count("SELECT count(*) FROM evidence");
  Statement entity_types(db_, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type");
  while (entity_types.Step()) stats.entities_by_type[entity_types.Text(0)] = entity_types.Int(1);
  Statement relation_types(db_, "SELECT type, count(*) FROM relations GROUP BY type ORDER BY type");
  while (relation_types.Step()) {
    stats.relations_by_type[relation_types.Text(0)] = relation_types.Int(1);
  }
  return stats;
}

}  // namespace kg::graph
