// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.h"

namespace kg::graph {
class Store;
}

/// What the exporters read: a whole store, streamed, or a Subgraph in memory.
namespace kg::graph::io {

/// A graph a writer walks once: every entity, then every relation whose ends
/// are both among the entities. Implementations never hold a copy of a store.
class GraphSource {
 public:
  virtual ~GraphSource() = default;
  virtual void ForEachEntity(const std::function<void(const Entity&)>& visit) const = 0;
  virtual void ForEachRelation(const std::function<void(const Relation&)>& visit) const = 0;
  /// The document of the best evidence for `relation`; empty when unknown.
  virtual std::string_view SourceOf(RelationId relation) const = 0;
  /// What was selected, for formats that carry a graph-level description.
  virtual std::string Description() const = 0;
};

/// The documents of each relation's best evidence, keyed by relation id.
class SourceIndex {
 public:
  /// Reads the best document of every relation in one pass (Store::ForEachBestSource).
  static SourceIndex ForStore(const Store& store);
  /// Reads the evidence of the given relations only (Store::EvidenceFor each).
  static SourceIndex ForRelations(const Store& store, const std::vector<Relation>& relations);

  /// The document for `relation`, or empty. Amortised O(1) when called with
  /// ascending ids (as exports stream relations), O(log n) otherwise.
  std::string_view Find(RelationId relation) const;
  /// Records (or replaces) the document for `relation`; O(1) for ascending ids.
  void Set(RelationId relation, std::string_view document);

 private:
  // Parallel, sorted by relation id: a flat index streams faster than a hash map.
  std::vector<RelationId> relations_;
  std::vector<std::uint32_t> document_of_;  // index into documents_
  mutable std::size_t cursor_ = 0;          // where the last Find ended
  std::unordered_map<std::string, std::uint32_t> document_index_;
  std::vector<std::string> documents_;
};

/// A Subgraph as a source. Relations with an end outside `subgraph.entities`
/// or below `min_confidence` are skipped. `sources` may be null (no source
/// attributes written). Both must outlive this object.
class SubgraphSource final : public GraphSource {
 public:
  explicit SubgraphSource(const Subgraph& subgraph, const SourceIndex* sources = nullptr,
                          double min_confidence = 0);
  void ForEachEntity(const std::function<void(const Entity&)>& visit) const override;
  void ForEachRelation(const std::function<void(const Relation&)>& visit) const override;
  std::string_view SourceOf(RelationId relation) const override;
  std::string Description() const override;

 private:
  const Subgraph& subgraph_;
  const SourceIndex* sources_;
  double min_confidence_;
  std::unordered_set<EntityId> entity_ids_;
};

/// A whole store, streamed; relations below `min_confidence` are skipped.
/// Memory holds one document index entry per relation, never the graph.
class StoreSource final : public GraphSource {
 public:
  explicit StoreSource(const Store& store, double min_confidence = 0);
  void ForEachEntity(const std::function<void(const Entity&)>& visit) const override;
  void ForEachRelation(const std::function<void(const Relation&)>& visit) const override;
  std::string_view SourceOf(RelationId relation) const override;
  std::string Description() const override;

 private:
  const Store& store_;
  double min_confidence_;
  SourceIndex sources_;
};

}  // namespace kg::graph::io
