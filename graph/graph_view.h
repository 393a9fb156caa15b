// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/store.h"

/// The whole graph in memory, for algorithms that visit much of it (paths,
/// centrality, communities). Built once per command from the Store; the
/// Boost.Graph structure behind it stays inside graph/*.cpp.
namespace kg::graph {

struct GraphViewOptions {
  std::vector<std::string> relation_types;  // keep only these; empty keeps all
  double min_confidence = 0;                // keep relations at least this confident
};

/// A relation as the view holds it: no qualifiers, no evidence.
struct ViewRelation {
  RelationId id = 0;
  EntityId subject = 0;
  EntityId object = 0;
  std::string type;
  double confidence = 0;
};

/// An immutable in-memory copy of the graph: every entity (also those without
/// relations) and every relation that passes the options, as a compressed
/// sparse row graph whose arcs run both ways along each relation. Cheap to copy
/// (shared). Loading 1M relations takes about a second and ~100 MB.
class GraphView {
 public:
  /// Reads every entity and relation. Throws kg::Error(kStorage) when the
  /// store cannot be read.
  static GraphView Load(const Store& store, const GraphViewOptions& options = {});

  std::size_t entity_count() const;
  std::size_t relation_count() const;

  bool Contains(EntityId entity) const;
  /// Canonical name and type; empty for an entity the view does not hold.
  const std::string& NameOf(EntityId entity) const;
  const std::string& TypeOf(EntityId entity) const;
  /// Every entity id, ascending.
  std::vector<EntityId> Entities() const;
  /// Relations touching `entity`, either direction, in id order.
  std::vector<ViewRelation> RelationsOf(EntityId entity) const;
  /// Distinct entities one relation away, either direction, ascending.
  std::vector<EntityId> NeighborsOf(EntityId entity) const;
  /// Number of relations touching `entity` (a self-loop counts once).
  std::size_t DegreeOf(EntityId entity) const;

  /// The Boost-backed representation, for graph/*.cpp only (graph/detail/graph_view_impl.h).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit GraphView(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace kg::graph
