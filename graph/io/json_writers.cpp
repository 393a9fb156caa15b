// SPDX-License-Identifier: MIT
// networkx node-link and Cytoscape.js JSON, written as text rather than built
// as nlohmann::json trees: a million relations stay a stream, not a tree.
#include "graph/io/buffered_output.h"
#include "graph/io/text_escape.h"
#include "graph/io/writers.h"
#include "graph/ontology.h"

namespace kg::graph::io {
namespace {

void AppendField(std::string& out, std::string_view name) {
  out += ",\"";
  out += name;
  out += "\":";
}

void AppendStringField(std::string& out, std::string_view name, std::string_view value) {
  AppendField(out, name);
  AppendJsonString(out, value);
}

void AppendNumberField(std::string& out, std::string_view name, double value) {
  AppendField(out, name);
  AppendNumber(out, value);
}

// The attributes both formats share, each preceded by a comma.
void AppendEntityAttributes(std::string& out, const Entity& entity) {
  AppendStringField(out, "name", entity.name);
  AppendStringField(out, "type", entity.type);
  AppendField(out, "aliases");
  AppendJsonStringArray(out, entity.aliases);
  if (!entity.ticker.empty()) AppendStringField(out, "ticker", entity.ticker);
  if (entity.value) AppendNumberField(out, "value", *entity.value);
  if (!entity.unit.empty()) AppendStringField(out, "unit", entity.unit);
}

void AppendRelationAttributes(std::string& out, const GraphSource& graph,
                              const Relation& relation) {
  AppendStringField(out, "relation", relation.type);
  AppendNumberField(out, "confidence", relation.confidence);
  std::string_view document = graph.SourceOf(relation.id);
  if (!document.empty()) AppendStringField(out, "document", document);
  if (relation.qualifiers.is_object() && !relation.qualifiers.empty()) {
    AppendField(out, "qualifiers");
    out += relation.qualifiers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  AppendField(out, "symmetric");
  out += IsSymmetric(relation.type) ? "true" : "false";
}

}  // namespace

void WriteNodeLinkJson(const GraphSource& graph, std::ostream& out) {
  BufferedOutput buffered(out);
  std::string& text = buffered.text();
  text += "{\"directed\":true,\"multigraph\":true,\"graph\":{\"description\":";
  AppendJsonString(text, graph.Description());
  text += "},\n\"nodes\":[";
  bool first = true;
  graph.ForEachEntity([&](const Entity& entity) {
    text += first ? "\n" : ",\n";
    first = false;
    text += "{\"id\":";
    text += std::to_string(entity.id);
    AppendEntityAttributes(text, entity);
    text += '}';
    buffered.MaybeFlush();
  });
  text += "],\n\"links\":[";
  first = true;
  graph.ForEachRelation([&](const Relation& relation) {
    text += first ? "\n" : ",\n";
    first = false;
    text += "{\"source\":";
    text += std::to_string(relation.subject);
    text += ",\"target\":";
    text += std::to_string(relation.object);
    text += ",\"key\":";
    text += std::to_string(relation.id);
    AppendRelationAttributes(text, graph, relation);
    text += '}';
    buffered.MaybeFlush();
  });
  text += "]}\n";
  buffered.Finish();
}

void WriteCytoscapeJson(const GraphSource& graph, std::ostream& out) {
  BufferedOutput buffered(out);
  std::string& text = buffered.text();
  text +=
      "{\"format_version\":\"1.0\",\"generated_by\":\"kg\","
      "\"target_cytoscapejs_version\":\"~3\",\"data\":{\"name\":";
  AppendJsonString(text, graph.Description());
  text += "},\n\"elements\":{\"nodes\":[";
  bool first = true;
  graph.ForEachEntity([&](const Entity& entity) {
    text += first ? "\n" : ",\n";
    first = false;
    text += "{\"data\":{\"id\":\"n";
    text += std::to_string(entity.id);
    text += "\",\"entity_id\":";
    text += std::to_string(entity.id);
    AppendStringField(text, "label", entity.name);
    AppendEntityAttributes(text, entity);
    text += "}}";
    buffered.MaybeFlush();
  });
  text += "],\n\"edges\":[";
  first = true;
  graph.ForEachRelation([&](const Relation& relation) {
    text += first ? "\n" : ",\n";
    first = false;
    text += "{\"data\":{\"id\":\"r";
    text += std::to_string(relation.id);
    text += "\",\"source\":\"n";
    text += std::to_string(relation.subject);
    text += "\",\"target\":\"n";
    text += std::to_string(relation.object);
    text += "\",\"relation_id\":";
    text += std::to_string(relation.id);
    AppendStringField(text, "label", relation.type);
    AppendRelationAttributes(text, graph, relation);
    text += "}}";
    buffered.MaybeFlush();
  });
  text += "]}}\n";
  buffered.Finish();
}

}  // namespace kg::graph::io
