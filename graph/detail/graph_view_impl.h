// SPDX-License-Identifier: MIT
// Private to kg_graph: the Boost.Graph structure behind graph::GraphView.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "graph/graph_view.h"

namespace kg::graph {

/// One direction of one relation.
struct ArcProperty {
  std::uint32_t relation = 0;  // index into GraphView::Impl::relations
  bool forward = true;         // the arc runs subject -> object
};

using Vertex = std::uint32_t;
using ArcGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ArcProperty,
                                       boost::no_property, Vertex, std::uint32_t>;

struct GraphView::Impl {
  static constexpr Vertex kNoVertex = std::numeric_limits<Vertex>::max();

  struct CompactRelation {
    RelationId id = 0;
    Vertex subject = 0;
    Vertex object = 0;
    std::uint16_t type = 0;  // index into relation_types
    float confidence = 0;
  };

  std::vector<EntityId> entity_of;     // vertex -> entity id, ascending
  std::vector<Vertex> vertex_of;       // entity id -> vertex, kNoVertex when absent
  std::vector<std::string> names;      // by vertex
  std::vector<std::uint16_t> type_of;  // by vertex: index into entity_types
  std::vector<std::string> entity_types;
  std::vector<CompactRelation> relations;
  std::vector<std::string> relation_types;
  std::vector<bool> relation_type_symmetric;  // by relation type index
  ArcGraph arcs;  // 2 arcs per relation (1 for a self-loop), out-edges in relation order

  Vertex VertexOf(EntityId entity) const {
    if (entity < 0 || static_cast<std::size_t>(entity) >= vertex_of.size()) return kNoVertex;
    return vertex_of[static_cast<std::size_t>(entity)];
  }
  std::size_t vertex_count() const { return entity_of.size(); }
  ViewRelation Expand(std::uint32_t relation) const;
};

}  // namespace kg::graph
