// SPDX-License-Identifier: MIT
// Private to kg_graph: what the ingest path has learnt about stored entities,
// kept between transactions so a document's mentions of known entities cost
// no lookups. Only graph/store*.cpp include it.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "graph/model.h"

namespace kg::graph::detail {

/// Facts about the database as this connection last saw it, each exactly what
/// a query would answer now. They stay true while only this connection writes
/// through IngestBatch, which keeps them up to date; so the memo must be
/// cleared when anything else may have changed the entities or aliases: a
/// commit by another connection (PRAGMA data_version changes), a rollback, or
/// an entity deleted by this connection.
class IngestMemo {
 public:
  /// Clears the memo unless `data_version` (PRAGMA data_version, read inside
  /// the write transaction) is the one it was filled under.
  void Validate(std::int64_t data_version) {
    if (data_version != data_version_) Clear();
    data_version_ = data_version;
  }
  void Clear() {
    by_key_.clear();
    by_alias_.clear();
    names_.clear();
    aliases_.clear();
    surfaces_.clear();
    tickers_.clear();
    complete_ = false;
  }

  /// Whether the memo knows every entity and alias the database holds, so
  /// that what it does not know is not there: true from SetEmpty() until the
  /// next Clear().
  bool complete() const { return complete_; }
  /// Records that the database holds no entities and no aliases.
  void SetEmpty() {
    Clear();
    complete_ = true;
  }

  /// The entity of `type` whose key is `key`: nullptr when not known, else 0
  /// for "none" or its id.
  const EntityId* FindByKey(std::string_view type, std::string_view key) {
    return Find(by_key_, Compose(type, key));
  }
  void SetByKey(std::string_view type, std::string_view key, EntityId id) {
    if (id == 0 && complete_) return;  // known without an entry
    Remember(by_key_, std::string(Compose(type, key)), id);
  }

  /// The smallest id of an entity of `type` with an alias whose key is `key`:
  /// nullptr when not known, else 0 for "none" or the id.
  const EntityId* FindByAlias(std::string_view type, std::string_view key) {
    return Find(by_alias_, Compose(type, key));
  }
  void SetByAlias(std::string_view type, std::string_view key, EntityId id) {
    if (id == 0 && complete_) return;
    Remember(by_alias_, std::string(Compose(type, key)), id);
  }
  /// Records that entity `id` of `type` now has an alias with key `key`.
  void AddAlias(std::string_view type, std::string_view key, EntityId id) {
    auto found = by_alias_.find(Compose(type, key));
    if (found != by_alias_.end()) {
      if (found->second == 0 || id < found->second) found->second = id;
    } else if (complete_) {
      Remember(by_alias_, std::string(composed_), id);
    }
  }

  /// The stored canonical name of entity `id`, or nullptr when not known.
  const std::string* Name(EntityId id) const {
    auto found = names_.find(id);
    return found == names_.end() ? nullptr : &found->second;
  }
  void SetName(EntityId id, std::string_view name) {
    if (Full()) Clear();
    names_.insert_or_assign(id, std::string(name));
  }

  /// The entity that a mention of this type, name and (for an amount) value
  /// and unit was found by under its own key, or created for, with its name
  /// since offered as the canonical name and stored as an alias; 0 when not
  /// known. Such an entity stays the one the mention's key finds, so the
  /// mention can skip its key, its lookups and its name.
  EntityId FindSurface(const EntityMention& mention) {
    auto found = surfaces_.find(Surface(mention));
    return found == surfaces_.end() ? 0 : found->second;
  }
  void SetSurface(const EntityMention& mention, EntityId id) {
    if (Full()) Clear();
    surfaces_.insert_or_assign(std::string(Surface(mention)), id);
  }

  /// Whether entity `id` is known to have a ticker.
  bool HasTicker(EntityId id) const { return tickers_.contains(id); }
  void SetHasTicker(EntityId id) {
    if (Full()) Clear();
    tickers_.insert(id);
  }

  /// Whether the (entity, alias) row is known to be stored.
  bool HasAlias(EntityId id, std::string_view alias) {
    return aliases_.find(AliasRow(id, alias)) != aliases_.end();
  }
  void SetHasAlias(EntityId id, std::string_view alias) {
    if (Full()) Clear();
    aliases_.emplace(AliasRow(id, alias));
  }

 private:
  // About 100 bytes an entry: a few hundred MB at most, on any store size.
  static constexpr std::size_t kMaxEntries = 1'000'000;

  bool Full() const {
    return by_key_.size() + by_alias_.size() + names_.size() + aliases_.size() + surfaces_.size() +
               tickers_.size() >=
           kMaxEntries;
  }

  // Lookups by std::string_view: composing a key reuses one buffer.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Map = std::unordered_map<std::string, EntityId, Hash, std::equal_to<>>;

  // Unambiguous: the type's length first, so no type/key split is confused
  // with another. The view is valid until the next Compose or AliasRow.
  std::string_view Compose(std::string_view type, std::string_view key) {
    composed_.clear();
    AppendNumber(type.size());
    composed_ += type;
    composed_ += key;
    return composed_;
  }
  std::string_view AliasRow(EntityId id, std::string_view alias) {
    composed_.clear();
    AppendNumber(static_cast<std::uint64_t>(id));
    composed_ += alias;
    return composed_;
  }
  // Type and name, each after its length; for an amount with a value (whose
  // key is its value and unit, not its name) a marker, the value's bytes and
  // the unit.
  std::string_view Surface(const EntityMention& mention) {
    composed_.clear();
    AppendNumber(mention.type.size());
    composed_ += mention.type;
    AppendNumber(mention.name.size());
    composed_ += mention.name;
    if (mention.type == "Amount" && mention.value && std::isfinite(*mention.value)) {
      composed_ += '$';
      composed_.append(reinterpret_cast<const char*>(&*mention.value), sizeof(double));
      composed_ += mention.unit;
    }
    return composed_;
  }
  // Fixed width, so what follows cannot be read as part of the number.
  void AppendNumber(std::uint64_t number) {
    composed_.append(reinterpret_cast<const char*>(&number), sizeof number);
  }

  // Not found: unknown, or none when the memo is complete.
  const EntityId* Find(const Map& map, std::string_view key) const {
    static constexpr EntityId kNone = 0;
    auto found = map.find(key);
    if (found != map.end()) return &found->second;
    return complete_ ? &kNone : nullptr;
  }
  void Remember(Map& map, std::string key, EntityId id) {
    if (Full()) Clear();
    map.insert_or_assign(std::move(key), id);
  }

  std::int64_t data_version_ = -1;                   // -1: not filled under any version
  bool complete_ = false;                            // see complete()
  Map by_key_;                                       // Compose(type, key) -> id or 0
  Map by_alias_;                                     // Compose(type, alias key) -> id or 0
  std::unordered_map<EntityId, std::string> names_;  // id -> canonical name
  std::unordered_set<std::string, Hash, std::equal_to<>> aliases_;  // AliasRow(id, alias) stored
  Map surfaces_;                          // Surface(mention) -> id (see FindSurface)
  std::unordered_set<EntityId> tickers_;  // entities with a ticker
  std::string composed_;                  // the buffer Compose, AliasRow and Surface fill
};

}  // namespace kg::graph::detail
