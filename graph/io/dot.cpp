// SPDX-License-Identifier: MIT
// DOT export: our own writer, because boost::write_graphviz neither quotes
// keywords such as `node` nor escapes trailing backslashes or control bytes.
#include "graph/io/buffered_output.h"
#include "graph/io/text_escape.h"
#include "graph/io/writers.h"
#include "graph/ontology.h"

namespace kg::graph::io {
namespace {

void AppendAttribute(std::string& out, std::string_view key, std::string_view value) {
  out += ' ';
  out += key;
  out += "=\"";
  AppendDotEscaped(out, value);
  out += '"';
}

}  // namespace

void WriteDot(const GraphSource& graph, std::ostream& out) {
  BufferedOutput buffered(out);
  std::string& text = buffered.text();
  text += "digraph kg {\n  graph [";
  AppendAttribute(text, "label", graph.Description());
  text += "];\n  node [shape=box];\n";
  graph.ForEachEntity([&](const Entity& entity) {
    text += "  n";
    text += std::to_string(entity.id);
    text += " [";
    AppendAttribute(text, "label", entity.name);
    AppendAttribute(text, "type", entity.type);
    if (entity.aliases.size() > 1) {
      std::string aliases;
      AppendJsonStringArray(aliases, entity.aliases);
      AppendAttribute(text, "aliases", aliases);
    }
    if (!entity.ticker.empty()) AppendAttribute(text, "ticker", entity.ticker);
    if (entity.value) {
      std::string value;
      AppendNumber(value, *entity.value);
      AppendAttribute(text, "value", value);
    }
    if (!entity.unit.empty()) AppendAttribute(text, "unit", entity.unit);
    text += " ];\n";
    buffered.MaybeFlush();
  });
  graph.ForEachRelation([&](const Relation& relation) {
    text += "  n";
    text += std::to_string(relation.subject);
    text += " -> n";
    text += std::to_string(relation.object);
    text += " [";
    AppendAttribute(text, "label", relation.type);
    std::string id = "r";  // appended, not "r" + ...: GCC 12 -O2 warns falsely (-Wrestrict)
    id += std::to_string(relation.id);
    AppendAttribute(text, "id", id);
    std::string confidence;
    AppendNumber(confidence, relation.confidence);
    AppendAttribute(text, "confidence", confidence);
    std::string_view source = graph.SourceOf(relation.id);
    if (!source.empty()) AppendAttribute(text, "source", source);
    std::string qualifiers = QualifiersText(relation.qualifiers);
    if (!qualifiers.empty()) AppendAttribute(text, "qualifiers", qualifiers);
    if (IsSymmetric(relation.type)) text += " dir=none";
    text += " ];\n";
    buffered.MaybeFlush();
  });
  text += "}\n";
  buffered.Finish();
}

}  // namespace kg::graph::io
