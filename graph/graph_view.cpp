// SPDX-License-Identifier: MIT
#include "graph/graph_view.h"

#include <algorithm>
#include <utility>

#include "graph/detail/graph_view_impl.h"
#include "graph/error.h"
#include "graph/ontology.h"

namespace kg::graph {
namespace {

// Interns short strings (types) to small indices. There are a few dozen types
// at most, so a linear scan over string_views beats hashing a fresh string per row.
class TypeTable {
 public:
  explicit TypeTable(std::vector<std::string>& names) : names_(names) {}
  std::uint16_t Intern(std::string_view name) {
    if (last_ < names_.size() && names_[last_] == name) return static_cast<std::uint16_t>(last_);
    for (std::size_t index = 0; index < names_.size(); ++index) {
      if (names_[index] == name) {
        last_ = index;
        return static_cast<std::uint16_t>(index);
      }
    }
    if (names_.size() >= 0xffff) throw Error(ErrorCode::kInvalidInput, "too many distinct types");
    names_.emplace_back(name);
    last_ = names_.size() - 1;
    return static_cast<std::uint16_t>(last_);
  }

 private:
  std::vector<std::string>& names_;
  std::size_t last_ = 0;
};

const std::string kEmpty;

}  // namespace

ViewRelation GraphView::Impl::Expand(std::uint32_t relation) const {
  const CompactRelation& compact = relations[relation];
  return {compact.id, entity_of[compact.subject], entity_of[compact.object],
          relation_types[compact.type], compact.confidence};
}

GraphView GraphView::Load(const Store& store, const GraphViewOptions& options) {
  auto impl = std::make_shared<Impl>();
  TypeTable entity_types(impl->entity_types);
  store.ForEachNode([&](EntityId id, std::string_view name, std::string_view type) {
    if (id < 0) return;
    auto index = static_cast<std::size_t>(id);
    if (index >= impl->vertex_of.size()) {
      impl->vertex_of.resize(std::max(index + 1, impl->vertex_of.size() * 2), Impl::kNoVertex);
    }
    impl->vertex_of[index] = static_cast<Vertex>(impl->entity_of.size());
    impl->entity_of.push_back(id);
    impl->names.emplace_back(name);
    impl->type_of.push_back(entity_types.Intern(type));
  });

  TypeTable relation_types(impl->relation_types);
  // Filter by type name before interning: a string compare per row only when filtering.
  std::vector<std::uint16_t> wanted;
  std::vector<std::pair<Vertex, Vertex>> arc_ends;
  std::vector<ArcProperty> arc_properties;
  store.ForEachEdge([&](const Store::EdgeRow& row) {
    if (row.confidence < options.min_confidence) return;
    if (!options.relation_types.empty() &&
        std::find(options.relation_types.begin(), options.relation_types.end(), row.type) ==
            options.relation_types.end()) {
      return;
    }
    Vertex subject = impl->VertexOf(row.subject);
    Vertex object = impl->VertexOf(row.object);
    if (subject == Impl::kNoVertex || object == Impl::kNoVertex) return;
    auto index = static_cast<std::uint32_t>(impl->relations.size());
    impl->relations.push_back({row.id, subject, object, relation_types.Intern(row.type),
                               static_cast<float>(row.confidence)});
    arc_ends.emplace_back(subject, object);
    arc_properties.push_back({index, true});
    if (subject != object) {
      arc_ends.emplace_back(object, subject);
      arc_properties.push_back({index, false});
    }
  });
  for (const std::string& type : impl->relation_types) {
    impl->relation_type_symmetric.push_back(IsSymmetric(type));
  }
  impl->arcs = ArcGraph(boost::edges_are_unsorted_multi_pass, arc_ends.begin(), arc_ends.end(),
                        arc_properties.begin(), impl->entity_of.size());
  return GraphView(std::move(impl));
}

std::size_t GraphView::entity_count() const { return impl_->vertex_count(); }
std::size_t GraphView::relation_count() const { return impl_->relations.size(); }

bool GraphView::Contains(EntityId entity) const {
  return impl_->VertexOf(entity) != Impl::kNoVertex;
}

const std::string& GraphView::NameOf(EntityId entity) const {
  Vertex vertex = impl_->VertexOf(entity);
  return vertex == Impl::kNoVertex ? kEmpty : impl_->names[vertex];
}

const std::string& GraphView::TypeOf(EntityId entity) const {
  Vertex vertex = impl_->VertexOf(entity);
  return vertex == Impl::kNoVertex ? kEmpty : impl_->entity_types[impl_->type_of[vertex]];
}

std::vector<EntityId> GraphView::Entities() const { return impl_->entity_of; }

std::vector<ViewRelation> GraphView::RelationsOf(EntityId entity) const {
  std::vector<ViewRelation> relations;
  Vertex vertex = impl_->VertexOf(entity);
  if (vertex == Impl::kNoVertex) return relations;
  std::vector<std::uint32_t> indices;
  for (auto arc : boost::make_iterator_range(boost::out_edges(vertex, impl_->arcs))) {
    indices.push_back(impl_->arcs[arc].relation);
  }
  std::sort(indices.begin(), indices.end());
  for (std::uint32_t index : indices) relations.push_back(impl_->Expand(index));
  return relations;
}

std::vector<EntityId> GraphView::NeighborsOf(EntityId entity) const {
  std::vector<EntityId> neighbors;
  Vertex vertex = impl_->VertexOf(entity);
  if (vertex == Impl::kNoVertex) return neighbors;
  for (auto arc : boost::make_iterator_range(boost::out_edges(vertex, impl_->arcs))) {
    neighbors.push_back(impl_->entity_of[boost::target(arc, impl_->arcs)]);
  }
  std::sort(neighbors.begin(), neighbors.end());
  neighbors.erase(std::unique(neighbors.begin(), neighbors.end()), neighbors.end());
  return neighbors;
}

std::size_t GraphView::DegreeOf(EntityId entity) const {
  Vertex vertex = impl_->VertexOf(entity);
  return vertex == Impl::kNoVertex ? 0 : boost::out_degree(vertex, impl_->arcs);
}

}  // namespace kg::graph
