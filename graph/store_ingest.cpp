// SPDX-License-Identifier: MIT
// The write side of graph::Store: documents in, nodes and edges merged.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <tuple>

#include "graph/detail/ingest_memo.h"
#include "graph/detail/sqlite.h"
#include "graph/error.h"
#include "graph/names.h"
#include "graph/ontology.h"
#include "graph/store.h"

namespace kg::graph {
namespace {

using detail::IngestMemo;
using detail::Statement;
using detail::StatementCache;

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

double Clamp01(double value) {
  if (!std::isfinite(value)) return 0;
  return std::clamp(value, 0.0, 1.0);
}

// SQLite's length() of a text value: the characters before the first NUL, a
// character being a lead byte with the continuation bytes after it.
std::size_t SqliteLength(std::string_view text) {
  std::size_t length = 0;
  for (std::size_t at = 0; at < text.size() && text[at] != '\0'; ++length) {
    auto lead = static_cast<unsigned char>(text[at++]);
    if (lead < 0xC0) continue;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return length;
}

// Sorts `ids` and drops repeats; returns them.
std::vector<std::int64_t>& SortUnique(std::vector<std::int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// One INSERT of many rows: statements of 1, 2, 4, ... 64 rows, prepared on
// first use. A statement's own work (cursors opened and closed, foreign-key
// bookkeeping, halting) costs about a third of a one-row insert, so rows go
// in as few statements as their number allows, in the order given: the
// biggest statement that fits first. (Such a statement copies the pages it
// changes into a statement journal, to undo itself should a row fail: see
// ConfigureSqlite.)
class MultiRowInsert {
 public:
  // `head` ends with VALUES; each row is `columns` parameters; `tail` follows.
  MultiRowInsert(StatementCache& statements, std::string head, int columns, std::string tail)
      : statements_(statements),
        head_(std::move(head)),
        tail_(std::move(tail)),
        columns_(columns) {}

  // Stores `count` rows, binding row `row` by bind(statement, first parameter, row).
  template <typename BindRow>
  void Run(std::size_t count, const BindRow& bind) {
    for (std::size_t at = 0; at < count;) {
      std::size_t level = kLevels - 1;
      while ((std::size_t{1} << level) > count - at) --level;
      std::size_t rows = std::size_t{1} << level;
      Statement& statement = Get(level).Rewind();
      for (std::size_t row = 0; row < rows; ++row) {
        bind(statement, 1 + columns_ * static_cast<int>(row), at + row);
      }
      statement.Run();
      at += rows;
    }
  }

 private:
  static constexpr std::size_t kLevels = 7;

  Statement& Get(std::size_t level) {
    if (by_level_[level] == nullptr) {
      std::string sql = head_;
      int parameter = 1;
      for (std::size_t row = 0; row < (std::size_t{1} << level); ++row) {
        sql += row > 0 ? ", (" : " (";
        for (int column = 0; column < columns_; ++column) {
          if (column > 0) sql += ", ";
          sql += '?';
          sql += std::to_string(parameter++);
        }
        sql += ")";
      }
      sql += tail_;
      by_level_[level] = &statements_.Get(sql);
    }
    return *by_level_[level];
  }

  StatementCache& statements_;
  std::string head_;
  std::string tail_;
  int columns_;
  Statement* by_level_[kLevels] = {};
};

// Mention rows of a batch, stored together at Flush(): before anything reads
// mentions (replacing a document, deleting what lost its support) and at the
// end of the batch. Duplicates within a document add up in order, as they did
// one statement each.
class MentionWriter {
 public:
  explicit MentionWriter(StatementCache& statements)
      : insert_(statements, "INSERT INTO mentions (entity_id, document_id, count) VALUES", 3,
                " ON CONFLICT DO UPDATE SET count = count + excluded.count") {}

  void Add(EntityId entity, DocumentId document, int count) {
    rows_.push_back({entity, document, count});
  }

  void Flush() {
    insert_.Run(rows_.size(), [&](Statement& statement, int parameter, std::size_t index) {
      const Row& row = rows_[index];
      statement.Bind(parameter, row.entity)
          .Bind(parameter + 1, row.document)
          .Bind(parameter + 2, row.count);
    });
    rows_.clear();
  }

 private:
  struct Row {
    EntityId entity;
    DocumentId document;
    int count;
  };
  MultiRowInsert insert_;
  std::vector<Row> rows_;
};

// The stored ends of a relation mention: subject and object ids, the smaller
// first for a symmetric relation; {0, 0} when it is not stored (an end without
// a node, both ends the same, no type) or refers to no entity.
std::pair<EntityId, EntityId> Ends(const RelationMention& mention,
                                   const std::vector<EntityId>& ids) {
  if (mention.subject < 0 || mention.object < 0 ||
      static_cast<std::size_t>(mention.subject) >= ids.size() ||
      static_cast<std::size_t>(mention.object) >= ids.size()) {
    return {0, 0};
  }
  EntityId subject = ids[mention.subject];
  EntityId object = ids[mention.object];
  if (subject == 0 || object == 0 || subject == object || mention.type.empty()) return {0, 0};
  if (IsSymmetric(mention.type) && object < subject) std::swap(subject, object);
  return {subject, object};
}

// One piece of a document's evidence: the relation it supports and its
// confidence as stored. Sorted by relation, then confidence.
struct EvidenceConfidence {
  EntityId subject;
  std::string_view type;
  EntityId object;
  double confidence;
  bool operator<(const EvidenceConfidence& other) const {
    return std::tie(subject, type, object, confidence) <
           std::tie(other.subject, other.type, other.object, other.confidence);
  }
};

// The confidence of a relation whose evidence is `evidence`'s pieces for it,
// as RecomputeConfidence computes it: multiplied in ascending order.
double ConfidenceOf(const std::vector<EvidenceConfidence>& evidence, EntityId subject,
                    std::string_view type, EntityId object) {
  auto same_relation = [](const EvidenceConfidence& a, const EvidenceConfidence& b) {
    return std::tie(a.subject, a.type, a.object) < std::tie(b.subject, b.type, b.object);
  };
  auto [begin, end] = std::equal_range(evidence.begin(), evidence.end(),
                                       EvidenceConfidence{subject, type, object, 0}, same_relation);
  double all_wrong = 1;
  for (auto piece = begin; piece != end; ++piece) all_wrong *= 1 - piece->confidence;
  return Clamp01(1 - all_wrong);
}

// Matches mentions to nodes and creates the missing ones, within one
// transaction. Lookups go through the memo first: most mentions are of
// entities this connection has already seen.
class EntityResolver {
 public:
  // The statements are looked up once per batch, not per mention: StatementCache::Get
  // builds a std::string of the SQL and hashes it.
  EntityResolver(StatementCache& statements, IngestMemo& memo)
      : statements_(statements),
        memo_(memo),
        set_ticker_(
            statements.Get("UPDATE entities SET ticker = ?2 WHERE id = ?1 AND ticker IS NULL")),
        by_key_(statements.Get("SELECT id, name FROM entities WHERE type = ?1 AND key = ?2")),
        by_alias_(statements.Get(
            "SELECT a.entity_id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id"
            " WHERE a.key = ?2 AND e.type = ?1 ORDER BY a.entity_id LIMIT 1")),
        insert_entity_(statements.Get("INSERT INTO entities (name, type, key, ticker, value, unit)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
        insert_alias_(statements.Get(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?1, ?2, ?3)")),
        insert_aliases_(statements, "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES",
                        3, "") {}

  /// Stores the alias rows AddAlias held back: before anything reads aliases
  /// or deletes entities, and at the end of the batch.
  void FlushAliases() {
    insert_aliases_.Run(pending_.size(),
                        [&](Statement& statement, int parameter, std::size_t index) {
                          const PendingAlias& row = pending_[index];
                          statement.Bind(parameter, row.entity)
                              .BindStatic(parameter + 1, row.alias)
                              .BindStatic(parameter + 2, row.key);
                        });
    pending_.clear();
  }

  /// The node for `mention`, or 0 when the mention has no name.
  EntityId Resolve(const EntityMention& mention) {
    if (mention.name.empty() || mention.type.empty()) return 0;
    if (EntityId known = memo_.FindSurface(mention)) {
      // Found by its own key before, with this name offered as the canonical
      // name and stored as an alias: only the ticker and other aliases remain.
      SetTicker(known, mention.ticker);
      for (const std::string& alias : mention.aliases) AddAlias(known, mention.type, alias);
      return known;
    }
    const bool is_amount = mention.type == "Amount";
    std::string normalized;  // the name's alias key, when computed
    std::string key;         // the mention's identity within its type (MentionKey)
    if (is_amount && mention.value && std::isfinite(*mention.value)) {
      key = AmountKey(*mention.value, mention.unit);
    } else {
      normalized = NormalizeKey(mention.name);
      key = normalized.empty() ? mention.name : normalized;
    }
    EntityId id = ByKey(mention.type, key);
    bool by_own_key = id != 0;
    if (id == 0 && !is_amount) {  // amounts are identified by value, never by alias
      id = ByAlias(mention.type, key);
      for (const std::string& alias : mention.aliases) {
        if (id != 0) break;
        id = FindByKey(mention.type, NormalizeKey(alias));
      }
      if (id == 0 && !mention.ticker.empty()) id = FindByTicker(mention.type, mention.ticker);
    }
    if (id == 0) {
      id = Insert(mention, key);
      by_own_key = true;
    } else {
      PreferMoreCompleteName(id, mention.type, mention.name);
      SetTicker(id, mention.ticker);
    }
    AddAlias(id, mention.type, mention.name, normalized.empty() ? nullptr : &normalized);
    for (const std::string& alias : mention.aliases) AddAlias(id, mention.type, alias);
    // Only an id found by the mention's own key stays right: one found by an
    // alias key may give way to a smaller id that gains that alias later.
    if (by_own_key) memo_.SetSurface(mention, id);
    return id;
  }

 private:
  // The canonical name is the most complete form any document gave (the
  // longest; for amounts the most compact), ties broken alphabetically. An
  // extremum over all documents, so the node's name does not depend on the
  // order, or concurrency, of ingest.
  void PreferMoreCompleteName(EntityId id, const std::string& type, const std::string& name) {
    // Most mentions do not change the name: decide those here, by the
    // UPDATE's own condition, without a statement.
    if (const std::string* stored = memo_.Name(id)) {
      std::size_t length = SqliteLength(name);
      std::size_t stored_length = SqliteLength(*stored);
      bool more_complete = type == "Amount" ? length < stored_length : length > stored_length;
      if (!more_complete && !(length == stored_length && name < *stored)) return;
    }
    Statement& update = statements_.Get(
        "UPDATE entities SET name = ?2 WHERE id = ?1 AND ("
        " (type <> 'Amount' AND length(?2) > length(name)) OR"
        " (type = 'Amount' AND length(?2) < length(name)) OR"
        " (length(?2) = length(name) AND ?2 < name)) RETURNING name");
    update.Bind(1, id).Bind(2, name);
    if (update.Step()) {
      memo_.SetName(id, update.TextView(0));
      update.Run();
    }
  }

  // The entity of `type` keyed `key` or, failing that, the smallest with an
  // alias keyed `key`.
  EntityId FindByKey(const std::string& type, const std::string& key) {
    EntityId id = ByKey(type, key);
    return id != 0 ? id : ByAlias(type, key);
  }

  EntityId ByKey(const std::string& type, const std::string& key) {
    if (key.empty()) return 0;
    if (const EntityId* known = memo_.FindByKey(type, key)) return *known;
    const EntityId id = SelectId(by_key_, type, key);
    memo_.SetByKey(type, key, id);
    return id;
  }

  EntityId ByAlias(const std::string& type, const std::string& key) {
    if (key.empty()) return 0;
    if (const EntityId* known = memo_.FindByAlias(type, key)) return *known;
    FlushAliases();  // the statement must see the aliases held back
    const EntityId id = SelectId(by_alias_, type, key);
    memo_.SetByAlias(type, key, id);
    return id;
  }

  // The id `select` (SELECT id, name ... WHERE type = ?1 AND key = ?2) finds, or 0; the
  // name it reads is remembered.
  EntityId SelectId(Statement& select, const std::string& type, const std::string& key) {
    Statement& statement = select.Rewind();
    statement.BindStatic(1, type).BindStatic(2, key);
    if (!statement.Step()) return 0;
    const EntityId id = statement.Int(0);
    memo_.SetName(id, statement.TextView(1));
    return id;
  }

  // Gives entity `id` the mention's ticker unless it has one.
  void SetTicker(EntityId id, const std::string& ticker) {
    if (ticker.empty() || memo_.HasTicker(id)) return;
    set_ticker_.Rewind().Bind(1, id).BindStatic(2, ticker).Run();
    memo_.SetHasTicker(id);
  }

  EntityId FindByTicker(const std::string& type, const std::string& ticker) {
    Statement& statement = statements_.Get(
        "SELECT id, name FROM entities WHERE type = ?1 AND ticker = ?2 ORDER BY id LIMIT 1");
    statement.Bind(1, type).Bind(2, ticker);
    if (!statement.Step()) return 0;
    EntityId id = statement.Int(0);
    memo_.SetName(id, statement.TextView(1));
    return id;
  }

  EntityId Insert(const EntityMention& mention, const std::string& key) {
    Statement& statement = insert_entity_.Rewind();
    statement.BindStatic(1, mention.name).BindStatic(2, mention.type).BindStatic(3, key);
    if (mention.ticker.empty()) {
      statement.BindNull(4);
    } else {
      statement.BindStatic(4, mention.ticker);
    }
    if (mention.type == "Amount" && mention.value && std::isfinite(*mention.value)) {
      statement.Bind(5, *mention.value).BindStatic(6, mention.unit);
    } else {
      statement.BindNull(5).BindNull(6);
    }
    statement.Run();
    EntityId id = statement.LastInsertRowid();
    memo_.SetByKey(mention.type, key, id);
    memo_.SetName(id, mention.name);
    if (!mention.ticker.empty()) memo_.SetHasTicker(id);
    return id;
  }

  // Stores `alias` for entity `id`; `normalized` is NormalizeKey(alias) when
  // the caller has it.
  void AddAlias(EntityId id, const std::string& type, const std::string& alias,
                const std::string* normalized = nullptr) {
    if (alias.empty() || memo_.HasAlias(id, alias)) return;
    std::string key = normalized != nullptr ? *normalized : NormalizeKey(alias);
    if (memo_.complete()) {
      // The memo knows every stored alias, so the row is new: held back, to
      // go in with others (see FlushAliases).
      if (!key.empty()) memo_.AddAlias(type, key, id);
      memo_.SetHasAlias(id, alias);
      pending_.push_back({id, alias, std::move(key)});
      return;
    }
    FlushAliases();
    Statement& insert = insert_alias_.Rewind();
    insert.Bind(1, id).BindStatic(2, alias).BindStatic(3, key).Run();
    // An ignored row was stored already, perhaps under another key: only a
    // new row is known to carry this one.
    if (insert.Changes() > 0 && !key.empty()) memo_.AddAlias(type, key, id);
    memo_.SetHasAlias(id, alias);
  }

  StatementCache& statements_;
  IngestMemo& memo_;
  Statement& set_ticker_;
  Statement& by_key_;
  Statement& by_alias_;
  Statement& insert_entity_;
  Statement& insert_alias_;
  MultiRowInsert insert_aliases_;
  struct PendingAlias {
    EntityId entity;
    std::string_view alias;  // a mention's, which outlives the batch's statements
    std::string key;
  };
  std::vector<PendingAlias> pending_;  // new alias rows not stored yet
};

// What a document's previous version touched, to clean up after replacing it.
struct Footprint {
  std::vector<RelationId> relations;
  std::vector<EntityId> entities;
};

Footprint ForgetDocument(StatementCache& statements, DocumentId document) {
  Footprint footprint;
  Statement& relations =
      statements.Get("SELECT DISTINCT relation_id FROM evidence WHERE document_id = ?1");
  relations.Bind(1, document);
  while (relations.Step()) footprint.relations.push_back(relations.Int(0));
  Statement& entities = statements.Get("SELECT entity_id FROM mentions WHERE document_id = ?1");
  entities.Bind(1, document);
  while (entities.Step()) footprint.entities.push_back(entities.Int(0));
  statements.Get("DELETE FROM evidence WHERE document_id = ?1").Bind(1, document).Run();
  statements.Get("DELETE FROM mentions WHERE document_id = ?1").Bind(1, document).Run();
  return footprint;
}

}  // namespace

void Store::RecomputeConfidence(RelationId relation) {
  // Independent pieces of evidence: the relation is wrong only if all are.
  // Multiplied in a fixed order, ascending, so the figure does not depend on
  // ingest order. Sorted here rather than by ORDER BY, which makes SQLite set
  // up a sorter per relation; equal values are interchangeable.
  static const std::string kSelect = "SELECT confidence FROM evidence WHERE relation_id = ?1";
  static const std::string kUpdate = "UPDATE relations SET confidence = ?2 WHERE id = ?1";
  Statement& evidence = statements_->Get(kSelect);
  evidence.Bind(1, relation);
  std::vector<double>& confidences = confidence_buffer_;
  confidences.clear();
  while (evidence.Step()) confidences.push_back(Clamp01(evidence.Double(0)));
  std::sort(confidences.begin(), confidences.end());
  double all_wrong = 1;
  for (double confidence : confidences) all_wrong *= 1 - confidence;
  statements_->Get(kUpdate).Bind(1, relation).Bind(2, Clamp01(1 - all_wrong)).Run();
}

void Store::RemoveUnsupported(const std::vector<RelationId>& relations,
                              const std::vector<EntityId>& entities) {
  for (RelationId relation : relations) {
    Statement& count = statements_->Get("SELECT count(*) FROM evidence WHERE relation_id = ?1");
    count.Bind(1, relation);
    bool supported = count.Step() && count.Int(0) > 0;
    if (supported) {
      RecomputeConfidence(relation);
    } else {
      statements_->Get("DELETE FROM relations WHERE id = ?1").Bind(1, relation).Run();
    }
  }
  for (EntityId entity : entities) {
    Statement& remove = statements_->Get(
        "DELETE FROM entities WHERE id = ?1"
        " AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)"
        " AND NOT EXISTS (SELECT 1 FROM relations WHERE subject_id = ?1 OR object_id = ?1)");
    remove.Bind(1, entity).Run();
    // The entity's keys and aliases went with it; rare enough to forget everything.
    if (remove.Changes() > 0) ingest_memo_->Clear();
  }
}

std::vector<IngestResult> Store::IngestBatch(std::span<const DocumentRecord> documents) {
  std::vector<std::string> hashes;
  hashes.reserve(documents.size());
  for (const DocumentRecord& document : documents) hashes.push_back(Sha256Hex(document.text));
  return IngestBatch(documents, hashes);
}

std::vector<IngestResult> Store::IngestBatch(std::span<const DocumentRecord> documents,
                                             std::span<const std::string> content_hashes) {
  if (content_hashes.size() != documents.size()) {
    throw Error(ErrorCode::kInvalidInput, "IngestBatch: " + std::to_string(documents.size()) +
                                              " documents but " +
                                              std::to_string(content_hashes.size()) + " hashes");
  }
  std::vector<IngestResult> results;
  results.reserve(documents.size());
  Transaction([&] {
    // Another connection's commit may have changed what the memo knows.
    Statement& data_version = statements_->Get("PRAGMA data_version");
    data_version.Step();
    ingest_memo_->Validate(data_version.Int(0));
    data_version.Reset();
    if (!ingest_memo_->complete()) {
      // Into an empty database (a first ingest) the memo knows everything
      // there is, and lookups of what it does not know need no statement.
      Statement& empty = statements_->Get(
          "SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM aliases)");
      if (empty.Step() && empty.Int(0) != 0) ingest_memo_->SetEmpty();
      empty.Reset();
    }
    EntityResolver resolver(*statements_, *ingest_memo_);
    MentionWriter mentions(*statements_);
    // Mention and new alias rows are held back and stored many per statement.
    auto flush = [&] {
      resolver.FlushAliases();
      mentions.Flush();
    };
    // Looked up once per batch (see EntityResolver).
    Statement& find_relation = statements_->Get(
        "SELECT id, qualifiers FROM relations WHERE subject_id = ?1 AND type = ?2 AND object_id = "
        "?3");
    Statement& insert_relation = statements_->Get(
        "INSERT INTO relations (subject_id, type, object_id, confidence) VALUES (?1, ?2, ?3, ?4)");
    Statement& insert_evidence = statements_->Get(
        "INSERT INTO evidence (relation_id, document_id, sentence_index, span_start,"
        " span_end, sentence, rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement& existing =
        statements_->Get("SELECT id, content_hash FROM documents WHERE name = ?1");
    // A new name (the usual case) costs one statement, not a lookup and an insert.
    Statement& insert_document = statements_->Get(
        "INSERT INTO documents (name, content_hash, text, title, published, ingested_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO NOTHING");
    const std::string now = UtcNow();
    std::vector<EntityId> distinct;   // a document's entities
    std::vector<RelationId> touched;  // relations it found stored
    std::vector<RelationId> created;  // and those it created
    std::vector<EvidenceConfidence> confidences;
    for (std::size_t index = 0; index < documents.size(); ++index) {
      const DocumentRecord& document = documents[index];
      const std::string& hash = content_hashes[index];
      if (document.name.empty()) throw Error(ErrorCode::kInvalidInput, "a document has no name");
      IngestResult result;
      result.name = document.name;
      Statement& insert = insert_document.Rewind();
      insert.BindStatic(1, document.name)
          .BindStatic(2, hash)
          .BindStatic(3, document.text)
          .BindStatic(4, document.title)
          .BindStatic(5, document.published)
          .BindStatic(6, now);
      insert.Run();
      Footprint previous;
      if (insert.Changes() > 0) {
        result.document = insert.LastInsertRowid();
      } else {  // the name is stored
        existing.Rewind().BindStatic(1, document.name);
        if (!existing.Step()) {
          throw Error(ErrorCode::kStorage, document.name + ": stored, yet not found by name");
        }
        result.document = existing.Int(0);
        if (existing.Text(1) == hash) {
          result.outcome = IngestResult::Outcome::kUnchanged;
          results.push_back(result);
          continue;
        }
        existing.Reset();
        result.outcome = IngestResult::Outcome::kReplaced;
        flush();  // ForgetDocument reads the mentions
        previous = ForgetDocument(*statements_, result.document);
        statements_
            ->Get(
                "UPDATE documents SET content_hash = ?2, text = ?3, title = ?4, published = ?5,"
                " ingested_at = ?6 WHERE id = ?1")
            .Bind(1, result.document)
            .Bind(2, hash)
            .Bind(3, document.text)
            .Bind(4, document.title)
            .Bind(5, document.published)
            .Bind(6, now)
            .Run();
      }

      std::vector<EntityId> ids(document.entities.size(), 0);
      distinct.clear();
      for (std::size_t i = 0; i < document.entities.size(); ++i) {
        const EntityMention& mention = document.entities[i];
        ids[i] = resolver.Resolve(mention);
        if (ids[i] == 0) continue;
        distinct.push_back(ids[i]);
        mentions.Add(ids[i], result.document, std::max(1, mention.count));
      }
      result.entities = static_cast<int>(SortUnique(distinct).size());

      // A relation the document creates has no evidence but the document's:
      // it is stored with its confidence at once, computed as
      // RecomputeConfidence would from the same values in the same order.
      confidences.clear();
      for (const RelationMention& mention : document.relations) {
        auto [subject, object] = Ends(mention, ids);
        if (subject == 0) continue;
        confidences.push_back(
            {subject, mention.type, object, Clamp01(mention.evidence.confidence)});
      }
      std::sort(confidences.begin(), confidences.end());
      touched.clear();
      created.clear();
      for (const RelationMention& mention : document.relations) {
        if (mention.subject < 0 || mention.object < 0 ||
            static_cast<std::size_t>(mention.subject) >= ids.size() ||
            static_cast<std::size_t>(mention.object) >= ids.size()) {
          throw Error(ErrorCode::kInvalidInput,
                      document.name + ": a relation refers to an entity that does not exist");
        }
        auto [subject, object] = Ends(mention, ids);
        if (subject == 0) continue;
        // Looked up, then inserted when missing: an upsert with RETURNING would build and
        // drop a temporary table per relation. A new row's qualifiers are the default {}.
        const bool has_qualifiers = mention.qualifiers.is_object() && !mention.qualifiers.empty();
        RelationId relation = 0;
        nlohmann::json qualifiers = nlohmann::json::object();
        find_relation.Rewind().Bind(1, subject).BindStatic(2, mention.type).Bind(3, object);
        if (find_relation.Step()) {
          relation = find_relation.Int(0);
          if (has_qualifiers) {
            qualifiers = nlohmann::json::parse(find_relation.TextView(1), nullptr, false);
          }
          find_relation.Rewind();
          touched.push_back(relation);
        } else {
          insert_relation.Rewind()
              .Bind(1, subject)
              .BindStatic(2, mention.type)
              .Bind(3, object)
              .Bind(4, ConfidenceOf(confidences, subject, mention.type, object))
              .Run();
          relation = insert_relation.LastInsertRowid();
          created.push_back(relation);
        }
        if (has_qualifiers) {
          if (!qualifiers.is_object()) qualifiers = nlohmann::json::object();
          for (const auto& [name, value] : mention.qualifiers.items()) {
            // Documents may disagree ("three years", "three-year"): keep the
            // smallest value, an order-independent choice.
            auto text = [](const nlohmann::json& json) {
              return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            };
            if (!qualifiers.contains(name) || text(value) < text(qualifiers[name])) {
              qualifiers[name] = value;
            }
          }
          statements_->Get("UPDATE relations SET qualifiers = ?2 WHERE id = ?1")
              .Bind(1, relation)
              .Bind(2, qualifiers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
              .Run();
        }
        const Evidence& evidence = mention.evidence;
        std::int64_t start = std::max<std::int64_t>(0, evidence.span_start);
        std::int64_t end = std::max(start, evidence.span_end);
        insert_evidence.Rewind()
            .Bind(1, relation)
            .Bind(2, result.document)
            .Bind(3, evidence.sentence_index)
            .Bind(4, start)
            .Bind(5, end)
            .BindStatic(6, evidence.sentence)
            .BindStatic(7, evidence.rule.empty() ? std::string_view("unknown") : evidence.rule)
            .Bind(8, Clamp01(evidence.confidence))
            .Run();
        ++result.relations;
      }
      SortUnique(created);
      for (RelationId relation : SortUnique(touched)) {
        // (one the document created and then found again is complete already)
        if (!std::binary_search(created.begin(), created.end(), relation)) {
          RecomputeConfidence(relation);
        }
      }
      if (!previous.relations.empty() || !previous.entities.empty()) {
        flush();  // support is counted in mentions; deleted entities take their aliases
        RemoveUnsupported(previous.relations, previous.entities);
      }
      results.push_back(result);
    }
    flush();
  });
  return results;
}

IngestResult Store::Ingest(const DocumentRecord& document) {
  return IngestBatch(std::span<const DocumentRecord>(&document, 1)).front();
}

bool Store::RemoveDocument(std::string_view name) {
  bool removed = false;
  Transaction([&] {
    Statement& find = statements_->Get("SELECT id FROM documents WHERE name = ?1");
    find.Bind(1, name);
    if (!find.Step()) return;
    DocumentId document = find.Int(0);
    find.Reset();
    Footprint footprint = ForgetDocument(*statements_, document);
    statements_->Get("DELETE FROM documents WHERE id = ?1").Bind(1, document).Run();
    RemoveUnsupported(footprint.relations, footprint.entities);
    removed = true;
  });
  return removed;
}

}  // namespace kg::graph
