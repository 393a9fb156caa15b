// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

/// The graph's vocabulary, shared by every module: what the store keeps and
/// what extractors, queries, exports and pictures exchange.
namespace kg::graph {

using EntityId = std::int64_t;
using RelationId = std::int64_t;
using DocumentId = std::int64_t;

/// A node. `type` is an ontology entity type ("Company", "Amount", ...);
/// user rules may add others. Amounts carry `value` and `unit`.
struct Entity {
  EntityId id = 0;
  std::string name;  // canonical: the most complete common form
  std::string type;
  std::vector<std::string> aliases;  // every surface form seen, canonical name included
  std::string ticker;                // "BABA"; empty when unknown
  std::optional<double> value;       // Amount only: 5.3e10
  std::string unit;                  // Amount only: "USD", "CNY", "parameters", "percent"
};

/// Why a relation is believed: one sentence of one document.
struct Evidence {
  std::string document;  // the document's name as ingested
  int sentence_index = 0;
  std::int64_t span_start = 0;  // byte offsets [start, end) of the sentence in the stored text
  std::int64_t span_end = 0;
  std::string sentence;
  std::string rule;  // the extraction rule that fired, or "import"
  double confidence = 0;
};

/// A directed, typed edge. Symmetric types are stored with subject < object.
struct Relation {
  RelationId id = 0;
  EntityId subject = 0;
  std::string type;
  EntityId object = 0;
  double confidence = 0;                                 // aggregated over all evidence
  nlohmann::json qualifiers = nlohmann::json::object();  // "period", "purpose", "date", ...
};

/// An entity as an extractor (or importer) found it in one document, before
/// the store has matched it to a node. The store matches it by type and the
/// normalised key of its name or any alias (graph/names.h).
struct EntityMention {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::string ticker;
  std::optional<double> value;
  std::string unit;
  int count = 1;  // how often the document mentions it
};

/// A relation found in one sentence; `subject` and `object` index
/// DocumentRecord::entities. `evidence.document` is ignored (the record names it).
struct RelationMention {
  int subject = 0;
  std::string type;
  int object = 0;
  Evidence evidence;
  nlohmann::json qualifiers = nlohmann::json::object();
};

/// One document, extracted and ready to store as a unit.
struct DocumentRecord {
  std::string name;       // unique within the store: file name or collection id
  std::string text;       // UTF-8, as stored; every span indexes it
  std::string title;      // may be empty
  std::string published;  // publication date as given; may be empty
  std::vector<EntityMention> entities;
  std::vector<RelationMention> relations;
};

/// A relation with both ends resolved and (optionally) its evidence: what
/// queries return and exports write.
struct Triple {
  Relation relation;
  Entity subject;
  Entity object;
  std::vector<Evidence> evidence;
};

/// A piece of the graph: what a query answers and what viz draws.
struct Subgraph {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::string description;  // what was selected, e.g. "neighbours of Alibaba Group within 2 hops"
  std::size_t omitted_entities = 0;  // left out by a size cap
  std::size_t omitted_relations = 0;
};

}  // namespace kg::graph
