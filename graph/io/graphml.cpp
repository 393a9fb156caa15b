// SPDX-License-Identifier: MIT
#include "graph/io/buffered_output.h"
#include "graph/io/text_escape.h"
#include "graph/io/writers.h"
#include "graph/ontology.h"

namespace kg::graph::io {
namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;  // GraphML attr.type
};

constexpr Key kKeys[] = {
    {"n_name", "node", "name", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_ticker", "node", "ticker", "string"},
    {"n_value", "node", "value", "double"},
    {"n_unit", "node", "unit", "string"},
    {"e_relation", "edge", "relation", "string"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_source", "edge", "source", "string"},
    {"e_qualifiers", "edge", "qualifiers", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
};

void AppendData(std::string& out, std::string_view key, std::string_view escaped_value) {
  out += "<data key=\"";
  out += key;
  out += "\">";
  out += escaped_value;
  out += "</data>";
}

void AppendTextData(std::string& out, std::string_view key, std::string_view value) {
  out += "<data key=\"";
  out += key;
  out += "\">";
  AppendXmlEscaped(out, value);
  out += "</data>";
}

}  // namespace

void WriteGraphml(const GraphSource& graph, std::ostream& out) {
  BufferedOutput buffered(out);
  std::string& text = buffered.text();
  text +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    text += "  <key id=\"";
    text += key.id;
    text += "\" for=\"";
    text += key.domain;
    text += "\" attr.name=\"";
    text += key.name;
    text += "\" attr.type=\"";
    text += key.type;
    text += "\"/>\n";
  }
  text += "  <graph id=\"kg\" edgedefault=\"directed\">\n    <desc>";
  AppendXmlEscaped(text, graph.Description());
  text += "</desc>\n";
  std::string number;
  graph.ForEachEntity([&](const Entity& entity) {
    text += "    <node id=\"n";
    text += std::to_string(entity.id);
    text += "\">";
    AppendTextData(text, "n_name", entity.name);
    AppendTextData(text, "n_type", entity.type);
    if (!entity.aliases.empty()) {
      std::string aliases;
      AppendJsonStringArray(aliases, entity.aliases);
      AppendTextData(text, "n_aliases", aliases);
    }
    if (!entity.ticker.empty()) AppendTextData(text, "n_ticker", entity.ticker);
    if (entity.value) {
      number.clear();
      AppendNumber(number, *entity.value);
      AppendData(text, "n_value", number);
    }
    if (!entity.unit.empty()) AppendTextData(text, "n_unit", entity.unit);
    text += "</node>\n";
    buffered.MaybeFlush();
  });
  graph.ForEachRelation([&](const Relation& relation) {
    text += "    <edge id=\"r";
    text += std::to_string(relation.id);
    text += "\" source=\"n";
    text += std::to_string(relation.subject);
    text += "\" target=\"n";
    text += std::to_string(relation.object);
    text += "\">";
    AppendTextData(text, "e_relation", relation.type);
    number.clear();
    AppendNumber(number, relation.confidence);
    AppendData(text, "e_confidence", number);
    std::string_view source = graph.SourceOf(relation.id);
    if (!source.empty()) AppendTextData(text, "e_source", source);
    std::string qualifiers = QualifiersText(relation.qualifiers);
    if (!qualifiers.empty()) AppendTextData(text, "e_qualifiers", qualifiers);
    AppendData(text, "e_symmetric", IsSymmetric(relation.type) ? "true" : "false");
    text += "</edge>\n";
    buffered.MaybeFlush();
  });
  text += "  </graph>\n</graphml>\n";
  buffered.Finish();
}

}  // namespace kg::graph::io
