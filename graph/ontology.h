// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

/// The entity and relation types of ../shared/ONTOLOGY.md, the contract between
/// extractor, store, exports and evaluation. User rules may add types; these exist always.
namespace kg::graph {

struct RelationType {
  std::string_view name;                        // "partners_with"
  std::vector<std::string_view> subject_types;  // allowed subject entity types
  std::vector<std::string_view> object_types;   // allowed object entity types
  bool symmetric = false;                       // stored once, matches either direction
  std::string_view description;
};

/// The seven ontology entity types, in a stable order.
std::span<const std::string_view> EntityTypes();

/// The seventeen ontology relation types, in a stable order.
std::span<const RelationType> RelationTypes();

/// The ontology's description of `name`, or nullptr for a type it does not define.
const RelationType* FindRelationType(std::string_view name);

bool IsKnownEntityType(std::string_view type);

/// True for partners_with, competes_with and equals.
bool IsSymmetric(std::string_view relation_type);

}  // namespace kg::graph
