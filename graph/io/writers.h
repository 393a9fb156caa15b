// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "graph/io/graph_source.h"

/// Graph exports for other tools. Every writer streams `graph` once (entities,
/// then relations), writes UTF-8 through an internal buffer and throws
/// kg::Error(kIo) when `out` fails. Text is escaped per format; invalid UTF-8
/// becomes U+FFFD. Attributes, in every format where the format can hold them:
/// entities: id, name, type, aliases, ticker, value, unit;
/// relations: id, subject, object, relation, confidence, source (the document
/// of the best evidence), qualifiers (a JSON object as text), symmetric.
namespace kg::graph::io {

/// Graphviz DOT: `digraph kg`, nodes "n<id>", every value double-quoted with
/// `"` and `\` backslash-escaped and newlines written as \n, so labels show
/// the exact name. Symmetric relations get dir=none.
void WriteDot(const GraphSource& graph, std::ostream& out);

/// GraphML with typed <key>s (string, double, boolean); aliases are one
/// string holding a JSON array. Control characters XML 1.0 cannot carry are
/// written as U+FFFD. Edge ids are "r<relation id>", node ids "n<entity id>".
void WriteGraphml(const GraphSource& graph, std::ostream& out);

/// networkx node-link JSON (nx.node_link_graph): directed multigraph, node
/// "id" = entity id, link "key" = relation id; the evidence document is
/// "document" because "source" names the link's subject there.
void WriteNodeLinkJson(const GraphSource& graph, std::ostream& out);

/// Cytoscape.js JSON (the .cyjs shape: {"elements": {"nodes": [...],
/// "edges": [...]}}, each element's attributes under "data"); element ids are
/// "n<entity id>" and "r<relation id>", "label" is the name or relation.
void WriteCytoscapeJson(const GraphSource& graph, std::ostream& out);

/// Neo4j admin-import CSV (RFC 4180): nodes with `entity_id:ID`, `:LABEL`
/// (the type), `aliases:string[]` (';'-separated, as neo4j-admin expects by
/// default); relationships with `:START_ID`, `:END_ID`, `:TYPE`.
void WriteNeo4jCsv(const GraphSource& graph, std::ostream& nodes, std::ostream& relationships);

/// The IRI base of the N-Triples export.
inline constexpr std::string_view kRdfBase = "https://kg.example/";

/// RDF N-Triples. Entities are <https://kg.example/entity/<Type>/<name>> with
/// the type and name percent-encoded (RFC 3986 unreserved characters kept;
/// "~<id>" appended if two entities would share an IRI), typed
/// <https://kg.example/type/<Type>>, named by rdfs:label, with
/// <https://kg.example/property/{alias,ticker,value,unit}>; a relation is one
/// triple with predicate <https://kg.example/relation/<type>>. Confidence and
/// evidence are not expressible in plain triples and are left out.
void WriteNTriples(const GraphSource& graph, std::ostream& out);

/// The export formats `kg export` knows, by name.
enum class ExportFormat { kJsonl, kEntities, kDot, kGraphml, kJson, kCytoscape, kCsv, kNTriples };

/// Parses "jsonl", "entities", "dot", "graphml", "json", "cytoscape", "csv",
/// "ntriples"; nullopt otherwise.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::span<const std::string_view> ExportFormatNames();

}  // namespace kg::graph::io
