// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>

#include "graph/model.h"
#include "graph/store.h"

/// The interchange formats of ../shared/ONTOLOGY.md: triples and entities as JSON Lines.
namespace kg::graph::io {

struct TriplesOptions {
  const Subgraph* scope = nullptr;  // only these relations; null: the whole graph
  bool every_evidence = false;      // one line per evidence sentence instead of the best one
  double min_confidence = 0;
};

/// Writes one JSON object a line per relation (ONTOLOGY "triples JSON Lines"):
/// subject, subject_type, relation, object, object_type, object_value,
/// object_unit, subject_value, subject_unit, confidence, source, sentence, span,
/// rule, qualifiers. Invalid UTF-8 in stored text is written as U+FFFD.
/// Returns the number of lines written.
std::size_t WriteTriplesJsonl(const Store& store, std::ostream& out,
                              const TriplesOptions& options = {});

/// Writes one JSON object a line per entity: name, type, aliases, value, unit,
/// ticker. With a scope, only the scope's entities. Returns the count.
std::size_t WriteEntitiesJsonl(const Store& store, std::ostream& out,
                               const Subgraph* scope = nullptr);

}  // namespace kg::graph::io
