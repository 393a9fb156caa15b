// SPDX-License-Identifier: MIT
// Private to kg_graph: what the ingest path has learnt about stored entities,
// kept between transactions so a document's mentions of known entities cost
// no lookups. Only graph/store*.cpp (and their tests) include it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.h"

namespace kg::graph::detail {

/// Strings to entity ids by open addressing, for the memo: the keys' bytes in
/// one arena and slots of (hash, place, id), so a lookup touches a slot and
/// the key's bytes, where std::unordered_map touched a bucket, a node and a
/// separately allocated string (three cache misses a lookup, about 6% of the
/// ingest writer's time). Keys are only added, never removed one by one.
class StringMap {
 public:
  const EntityId* Find(std::string_view key) const {
    return const_cast<StringMap*>(this)->Find(key);
  }
  EntityId* Find(std::string_view key) {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = HashOf(key);
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (slot.offset == kEmpty) return nullptr;
      if (slot.hash == hash && Matches(slot, key)) return &slot.id;
    }
  }
  /// Sets the id of `key`, adding the key when it is new.
  void Set(std::string_view key, EntityId id) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const std::uint64_t hash = HashOf(key);
    std::size_t at = hash & mask_;
    for (; slots_[at].offset != kEmpty; at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (slot.hash == hash && Matches(slot, key)) {
        slot.id = id;
        return;
      }
    }
    slots_[at] = {hash, bytes_.size(), key.size(), id};
    bytes_.append(key);
    ++size_;
  }
  std::size_t size() const { return size_; }
  void clear() {
    slots_ = {};
    bytes_ = {};
    size_ = 0;
    mask_ = 0;
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t offset = kEmpty;  // of the key in bytes_; kEmpty: a free slot
    std::uint64_t length = 0;
    EntityId id = 0;
  };

  static std::uint64_t HashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }
  bool Matches(const Slot& slot, std::string_view key) const {
    return slot.length == key.size() &&
           std::string_view(bytes_).substr(slot.offset, slot.length) == key;
  }
  // Doubles the slots (at least 64), placing each key again by its hash.
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.offset == kEmpty) continue;
      std::size_t at = slot.hash & mask_;
      while (slots_[at].offset != kEmpty) at = (at + 1) & mask_;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two of them, at most half in use
  std::string bytes_;        // every key, one after another
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

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
    Remember(by_key_, Compose(type, key), id);
  }

  /// The smallest id of an entity of `type` with an alias whose key is `key`:
  /// nullptr when not known, else 0 for "none" or the id.
  const EntityId* FindByAlias(std::string_view type, std::string_view key) {
    return Find(by_alias_, Compose(type, key));
  }
  void SetByAlias(std::string_view type, std::string_view key, EntityId id) {
    if (id == 0 && complete_) return;
    Remember(by_alias_, Compose(type, key), id);
  }
  /// Records that entity `id` of `type` now has an alias with key `key`.
  void AddAlias(std::string_view type, std::string_view key, EntityId id) {
    if (EntityId* found = by_alias_.Find(Compose(type, key))) {
      if (*found == 0 || id < *found) *found = id;
    } else if (complete_) {
      Remember(by_alias_, composed_, id);
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
    const EntityId* found = surfaces_.Find(Surface(mention));
    return found == nullptr ? 0 : *found;
  }
  void SetSurface(const EntityMention& mention, EntityId id) {
    Remember(surfaces_, Surface(mention), id);
  }

  /// Whether entity `id` is known to have a ticker.
  bool HasTicker(EntityId id) const { return tickers_.contains(id); }
  void SetHasTicker(EntityId id) {
    if (Full()) Clear();
    tickers_.insert(id);
  }

  /// Whether the (entity, alias) row is known to be stored.
  bool HasAlias(EntityId id, std::string_view alias) {
    return aliases_.Find(AliasRow(id, alias)) != nullptr;
  }
  void SetHasAlias(EntityId id, std::string_view alias) {
    Remember(aliases_, AliasRow(id, alias), 1);
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
  using Map = StringMap;

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
    if (const EntityId* found = map.Find(key)) return found;
    return complete_ ? &kNone : nullptr;
  }
  // `key` may be composed_: Clear() leaves that alone.
  void Remember(Map& map, std::string_view key, EntityId id) {
    if (Full()) Clear();
    map.Set(key, id);
  }

  std::int64_t data_version_ = -1;                   // -1: not filled under any version
  bool complete_ = false;                            // see complete()
  Map by_key_;                                       // Compose(type, key) -> id or 0
  Map by_alias_;                                     // Compose(type, alias key) -> id or 0
  std::unordered_map<EntityId, std::string> names_;  // id -> canonical name
  Map aliases_;                                      // AliasRow(id, alias) -> 1: stored
  Map surfaces_;                                     // Surface(mention) -> id (see FindSurface)
  std::unordered_set<EntityId> tickers_;             // entities with a ticker
  std::string composed_;  // the buffer Compose, AliasRow and Surface fill
};

}  // namespace kg::graph::detail
