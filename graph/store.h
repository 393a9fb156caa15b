// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

struct sqlite3;

namespace kg::graph {
namespace detail {
class IngestMemo;
class StatementCache;
}  // namespace detail

struct StoreOptions {
  bool read_only = false;        // open an existing database only; never create or migrate
  bool snapshot = false;         // read_only: every read sees one consistent state of the
                                 // database for the Store's lifetime, whatever writers do
  int busy_timeout_ms = 60'000;  // how long a writer waits for another process's lock
};

enum class Direction { kOutgoing, kIncoming, kBoth };

/// What IngestBatch did with one document.
struct IngestResult {
  enum class Outcome { kAdded, kReplaced, kUnchanged };
  std::string name;
  Outcome outcome = Outcome::kAdded;
  DocumentId document = 0;
  int entities = 0;   // distinct entities the document mentions
  int relations = 0;  // relation mentions stored as evidence
};

struct DocumentInfo {
  DocumentId id = 0;
  std::string name;
  std::string content_hash;
  std::string title;
  std::string published;
  std::string ingested_at;
  std::int64_t bytes = 0;
};

struct StoreStats {
  std::int64_t documents = 0;
  std::int64_t entities = 0;
  std::int64_t relations = 0;
  std::int64_t evidence = 0;
  std::map<std::string, std::int64_t> entities_by_type;
  std::map<std::string, std::int64_t> relations_by_type;
};

/// The knowledge graph's persistence: one SQLite database (schema.sql) in WAL
/// mode. A Store is one connection; use one per thread. Every method throws
/// kg::Error(kStorage) when SQLite fails, with the operation in the message.
class Store {
 public:
  /// Opens (creating unless read_only) the database at `path` and brings its
  /// schema to the current version. Throws kg::Error(kNotFound) for a missing
  /// database in read-only mode, kStorage for a file that is not a kg database
  /// or one written by a newer kg.
  static Store Open(const std::string& path, const StoreOptions& options = {});
  /// A private in-memory database, for tests and scratch work.
  static Store OpenInMemory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The schema version this build writes (PRAGMA user_version).
  static int SchemaVersion();
  int user_version() const;
  const std::string& path() const { return path_; }

  // --- Writing -------------------------------------------------------------

  /// Stores documents in one transaction: all of them or, on any failure,
  /// none. A document whose name and content hash are already stored is left
  /// alone (kUnchanged); one whose name is stored with other content has its
  /// evidence and mentions replaced (kReplaced). Mentions are matched to
  /// existing nodes by type and normalised name or alias; relations whose
  /// last evidence disappears are deleted; entities left with neither
  /// mentions nor relations are deleted.
  std::vector<IngestResult> IngestBatch(std::span<const DocumentRecord> documents);
  /// As above, with `content_hashes[i]` == Sha256Hex(documents[i].text)
  /// computed by the caller, e.g. on the threads that extracted the
  /// documents. Throws kg::Error(kInvalidInput) when the spans' sizes differ.
  std::vector<IngestResult> IngestBatch(std::span<const DocumentRecord> documents,
                                        std::span<const std::string> content_hashes);
  IngestResult Ingest(const DocumentRecord& document);

  /// Removes a document with its evidence and mentions, and whatever only it
  /// supported. Returns false when no document has that name.
  bool RemoveDocument(std::string_view name);

  // --- Documents -----------------------------------------------------------

  /// The content hash stored for `name`, if any: lets ingest skip extraction
  /// of unchanged documents.
  std::optional<std::string> DocumentHash(std::string_view name) const;
  std::optional<DocumentInfo> FindDocument(std::string_view name) const;
  std::vector<DocumentInfo> ListDocuments() const;
  /// The stored text of a document, or nullopt.
  std::optional<std::string> DocumentText(std::string_view name) const;

  // --- Entities ------------------------------------------------------------

  /// The entity with its aliases, or nullopt.
  std::optional<Entity> GetEntity(EntityId id) const;
  /// Entities whose canonical name or an alias has the normalised key of
  /// `name` (graph/names.h), optionally of one type; a ticker matches too.
  /// Ordered by number of relations, most first.
  std::vector<Entity> FindEntities(std::string_view name, std::string_view type = {}) const;
  /// Every entity, aliases included, in id order.
  void ForEachEntity(const std::function<void(const Entity&)>& visit) const;
  /// Every (entity id, alias) pair: candidates for "did you mean".
  std::vector<std::pair<EntityId, std::string>> AllNames() const;

  // --- Relations -----------------------------------------------------------

  std::optional<Relation> GetRelation(RelationId id) const;
  /// Relations touching `entity` in `direction`, optionally of one type.
  /// Symmetric relations count as both outgoing and incoming.
  std::vector<Relation> RelationsOf(EntityId entity, Direction direction,
                                    std::string_view type = {}) const;
  /// Every relation of a type (or every relation, for an empty type).
  std::vector<Relation> RelationsOfType(std::string_view type) const;
  /// Every relation in id order, without evidence; cheap enough for 1M rows.
  void ForEachRelation(const std::function<void(const Relation&)>& visit) const;
  /// Evidence for one relation, best (highest confidence) first.
  std::vector<Evidence> EvidenceFor(RelationId relation) const;
  /// Every evidence row, grouped by relation id in ascending order.
  void ForEachEvidence(const std::function<void(RelationId, const Evidence&)>& visit) const;
  /// For every relation with evidence, in ascending id order, the name of the
  /// document of its most confident evidence: what exports name as "source".
  /// Much cheaper than ForEachEvidence (no sentences are read).
  void ForEachBestSource(
      const std::function<void(RelationId, const std::string& document)>& visit) const;

  StoreStats Stats() const;

  /// Runs `work` inside one write transaction (BEGIN IMMEDIATE ... COMMIT),
  /// rolling back if it throws.
  void Transaction(const std::function<void()>& work);

  // --- Lean streaming reads for whole-graph loads (graph/store_reads_query.cpp) ---

  /// A relation row without qualifiers or evidence; `type` is valid during the visit only.
  struct EdgeRow {
    RelationId id = 0;
    EntityId subject = 0;
    std::string_view type;
    EntityId object = 0;
    double confidence = 0;
  };
  /// Every relation in id order, cheaper than ForEachRelation (no JSON, no copies).
  void ForEachEdge(const std::function<void(const EdgeRow&)>& visit) const;
  /// Every entity's id, canonical name and type in id order, without aliases;
  /// the views are valid during the visit only.
  void ForEachNode(const std::function<void(EntityId, std::string_view name,
                                            std::string_view type)>& visit) const;
  /// Like FindEntities but only by normalised name or alias key, through the
  /// key indexes (FindEntities also matches tickers, which scans the table);
  /// in id order, without aliases. For per-query name resolution.
  std::vector<Entity> FindEntitiesByKey(std::string_view name, std::string_view type = {}) const;
  /// Like RelationsOf, unordered, parsing qualifiers only where there are any:
  /// the per-query read of one-hop patterns.
  std::vector<Relation> RelationsTouching(EntityId entity, Direction direction,
                                          std::string_view type = {}) const;
  /// The entities with these ids, without aliases, in id order, each once;
  /// ids that do not exist are skipped. For naming query answers.
  std::vector<Entity> GetEntitiesBrief(std::span<const EntityId> ids) const;

 private:
  Store(sqlite3* db, std::string path);
  void RemoveUnsupported(const std::vector<RelationId>& relations,
                         const std::vector<EntityId>& entities);
  void RecomputeConfidence(RelationId relation);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<detail::StatementCache> statements_;  // prepared once, reused
  std::unique_ptr<detail::IngestMemo> ingest_memo_;     // entities IngestBatch has seen
  bool in_transaction_ = false;
  bool in_snapshot_ = false;  // a read transaction held open since Open(snapshot = true)
  std::vector<double> confidence_buffer_;  // RecomputeConfidence's, reused
};

/// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace kg::graph
