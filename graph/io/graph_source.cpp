// SPDX-License-Identifier: MIT
#include "graph/io/graph_source.h"

#include <algorithm>

#include "graph/store.h"

namespace kg::graph::io {

SourceIndex SourceIndex::ForStore(const Store& store) {
  SourceIndex index;
  store.ForEachBestSource(
      [&](RelationId relation, const std::string& document) { index.Set(relation, document); });
  return index;
}

SourceIndex SourceIndex::ForRelations(const Store& store, const std::vector<Relation>& relations) {
  std::vector<RelationId> ids;
  ids.reserve(relations.size());
  for (const Relation& relation : relations) ids.push_back(relation.id);
  std::sort(ids.begin(), ids.end());  // ascending ids append in O(1)
  SourceIndex index;
  for (RelationId id : ids) {
    std::vector<Evidence> evidence = store.EvidenceFor(id);
    if (!evidence.empty()) index.Set(id, evidence.front().document);
  }
  return index;
}

std::string_view SourceIndex::Find(RelationId relation) const {
  if (cursor_ >= relations_.size() || relations_[cursor_] > relation) {
    cursor_ = static_cast<std::size_t>(
        std::lower_bound(relations_.begin(), relations_.end(), relation) - relations_.begin());
  }
  while (cursor_ < relations_.size() && relations_[cursor_] < relation) ++cursor_;
  if (cursor_ == relations_.size() || relations_[cursor_] != relation) return {};
  return documents_[document_of_[cursor_]];
}

void SourceIndex::Set(RelationId relation, std::string_view document) {
  auto [slot, added] = document_index_.try_emplace(std::string(document),
                                                   static_cast<std::uint32_t>(documents_.size()));
  if (added) documents_.emplace_back(document);
  if (relations_.empty() || relations_.back() < relation) {
    relations_.push_back(relation);
    document_of_.push_back(slot->second);
    return;
  }
  auto position = std::lower_bound(relations_.begin(), relations_.end(), relation);
  auto index = position - relations_.begin();
  if (*position == relation) {
    document_of_[static_cast<std::size_t>(index)] = slot->second;
  } else {
    relations_.insert(position, relation);
    document_of_.insert(document_of_.begin() + index, slot->second);
  }
}

SubgraphSource::SubgraphSource(const Subgraph& subgraph, const SourceIndex* sources,
                               double min_confidence)
    : subgraph_(subgraph), sources_(sources), min_confidence_(min_confidence) {
  entity_ids_.reserve(subgraph.entities.size());
  for (const Entity& entity : subgraph.entities) entity_ids_.insert(entity.id);
}

void SubgraphSource::ForEachEntity(const std::function<void(const Entity&)>& visit) const {
  for (const Entity& entity : subgraph_.entities) visit(entity);
}

void SubgraphSource::ForEachRelation(const std::function<void(const Relation&)>& visit) const {
  for (const Relation& relation : subgraph_.relations) {
    if (relation.confidence >= min_confidence_ && entity_ids_.contains(relation.subject) &&
        entity_ids_.contains(relation.object)) {
      visit(relation);
    }
  }
}

std::string_view SubgraphSource::SourceOf(RelationId relation) const {
  return sources_ == nullptr ? std::string_view{} : sources_->Find(relation);
}

std::string SubgraphSource::Description() const { return subgraph_.description; }

StoreSource::StoreSource(const Store& store, double min_confidence)
    : store_(store), min_confidence_(min_confidence), sources_(SourceIndex::ForStore(store)) {}

void StoreSource::ForEachEntity(const std::function<void(const Entity&)>& visit) const {
  store_.ForEachEntity(visit);
}

void StoreSource::ForEachRelation(const std::function<void(const Relation&)>& visit) const {
  if (min_confidence_ <= 0) {
    store_.ForEachRelation(visit);
    return;
  }
  store_.ForEachRelation([&](const Relation& relation) {
    if (relation.confidence >= min_confidence_) visit(relation);
  });
}

std::string_view StoreSource::SourceOf(RelationId relation) const {
  return sources_.Find(relation);
}

std::string StoreSource::Description() const { return "the whole graph"; }

}  // namespace kg::graph::io
