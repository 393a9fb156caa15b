// SPDX-License-Identifier: MIT
#include <unordered_map>
#include <unordered_set>

#include "graph/io/buffered_output.h"
#include "graph/io/text_escape.h"
#include "graph/io/writers.h"

namespace kg::graph::io {
namespace {

constexpr std::string_view kRdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr std::string_view kRdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";
constexpr std::string_view kXsdDouble = "<http://www.w3.org/2001/XMLSchema#double>";

void AppendIri(std::string& out, std::string_view kind, std::string_view name) {
  out += '<';
  out += kRdfBase;
  out += kind;
  out += '/';
  AppendPercentEncoded(out, name);
  out += '>';
}

void AppendLiteralTriple(std::string& out, std::string_view subject, std::string_view property,
                         std::string_view value) {
  out += subject;
  out += ' ';
  AppendIri(out, "property", property);
  out += " \"";
  AppendNTriplesEscaped(out, value);
  out += "\" .\n";
}

}  // namespace

void WriteNTriples(const GraphSource& graph, std::ostream& out) {
  BufferedOutput buffered(out);
  std::string& text = buffered.text();
  // Relations name their ends by entity id; remember each entity's IRI.
  std::unordered_map<EntityId, std::string> iri_of;
  std::unordered_set<std::string> used;
  graph.ForEachEntity([&](const Entity& entity) {
    std::string iri = "<";
    iri += kRdfBase;
    iri += "entity/";
    AppendPercentEncoded(iri, entity.type);
    iri += '/';
    AppendPercentEncoded(iri, entity.name);
    if (used.contains(iri)) {
      iri += '~';  // appended piecewise: "~" + ... makes GCC 12 warn falsely (-Wrestrict)
      iri += std::to_string(entity.id);
    }
    iri += '>';
    used.insert(iri.substr(0, iri.size() - 1));

    text += iri;
    text += ' ';
    text += kRdfType;
    text += ' ';
    AppendIri(text, "type", entity.type);
    text += " .\n";
    text += iri;
    text += ' ';
    text += kRdfsLabel;
    text += " \"";
    AppendNTriplesEscaped(text, entity.name);
    text += "\" .\n";
    for (const std::string& alias : entity.aliases) {
      if (alias != entity.name) AppendLiteralTriple(text, iri, "alias", alias);
    }
    if (!entity.ticker.empty()) AppendLiteralTriple(text, iri, "ticker", entity.ticker);
    if (entity.value) {
      text += iri;
      text += ' ';
      AppendIri(text, "property", "value");
      text += " \"";
      AppendNumber(text, *entity.value);
      text += "\"^^";
      text += kXsdDouble;
      text += " .\n";
    }
    if (!entity.unit.empty()) AppendLiteralTriple(text, iri, "unit", entity.unit);
    iri_of.emplace(entity.id, std::move(iri));
    buffered.MaybeFlush();
  });
  graph.ForEachRelation([&](const Relation& relation) {
    auto subject = iri_of.find(relation.subject);
    auto object = iri_of.find(relation.object);
    if (subject == iri_of.end() || object == iri_of.end()) return;
    text += subject->second;
    text += ' ';
    AppendIri(text, "relation", relation.type);
    text += ' ';
    text += object->second;
    text += " .\n";
    buffered.MaybeFlush();
  });
  buffered.Finish();
}

}  // namespace kg::graph::io
