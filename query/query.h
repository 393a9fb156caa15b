// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"
#include "graph/store.h"

/// Triple-pattern questions over the graph: `Alibaba partners_with ?`,
/// `? ceo_of Alibaba`, `Alibaba invests_in ?x . ?x develops ?m:Model`.
/// The language is described in query/README.md.
namespace kg::query {

struct QueryOptions {
  double min_confidence = 0;    // only relations at least this confident
  std::string source_document;  // only relations with evidence from this document (its name)
  std::size_t limit = 0;        // at most this many rows; 0 = all
};

/// One pattern as the query will run it: names resolved, relation typed.
struct ResolvedPattern {
  std::string subject;   // "?x" or an entity's canonical name
  std::string relation;  // ontology type, or "*" for any
  std::string object;
  std::string description;  // "Alibaba Group partners_with ?x"
};

/// A pattern matched by one stored relation, oriented the way the pattern reads
/// (a symmetric relation stored as Apple -> Alibaba answers `Alibaba partners_with ?`
/// with subject Alibaba, object Apple).
struct Match {
  graph::Relation relation;  // as stored
  graph::EntityId subject = 0;
  graph::EntityId object = 0;
};

/// One answer: a value for every variable and the relation each pattern matched.
struct Row {
  std::vector<graph::EntityId> values;  // parallel to Result::variables
  std::vector<Match> matches;           // parallel to Result::patterns
};

struct Result {
  std::string query;                      // the text as given
  std::vector<std::string> variables;     // "?x", ...; an anonymous '?' is "?", "?2", ...
  std::vector<ResolvedPattern> patterns;  // in query order
  std::vector<Row> rows;                  // sorted by variable names, then relations
  bool truncated = false;                 // QueryOptions::limit cut further rows
  // Every entity named by a row: id, name, type, ticker, value, unit (no aliases).
  std::unordered_map<graph::EntityId, graph::Entity> entities;
};

/// Parses, resolves and runs `text` against `store`. One-hop patterns with a
/// named end use the store's indexed lookups; only a pattern with both ends
/// unbound scans a relation type. Throws kg::Error(kQuerySyntax) with a
/// position for text that does not parse, kg::Error(kNotFound) for an unknown
/// entity or document ("did you mean ..."), kg::Error(kInvalidInput) for an
/// ambiguous name.
Result Run(const graph::Store& store, std::string_view text, const QueryOptions& options = {});

/// The stored name of the document `name` designates: the name itself, or the
/// one stored name that ends with "/name", "#name" or ":name" (a file name for a
/// stored path or import name). Throws kg::Error(kNotFound) otherwise.
std::string ResolveDocument(const graph::Store& store, std::string_view name);

/// The entities and relations of every row, for rendering and export;
/// `description` is the query.
graph::Subgraph ToSubgraph(const graph::Store& store, const Result& result);

/// Runs `text` and returns ToSubgraph of the result: the one call render and
/// export need for `--query 'PATTERN'`.
graph::Subgraph QuerySubgraph(const graph::Store& store, std::string_view text,
                              const QueryOptions& options = {});

}  // namespace kg::query
