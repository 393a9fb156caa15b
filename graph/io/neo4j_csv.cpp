// SPDX-License-Identifier: MIT
#include "graph/io/buffered_output.h"
#include "graph/io/text_escape.h"
#include "graph/io/writers.h"

namespace kg::graph::io {

void WriteNeo4jCsv(const GraphSource& graph, std::ostream& nodes, std::ostream& relationships) {
  BufferedOutput node_output(nodes);
  std::string& node_text = node_output.text();
  node_text += "entity_id:ID,name,:LABEL,aliases:string[],ticker,value:double,unit\n";
  std::string aliases;
  graph.ForEachEntity([&](const Entity& entity) {
    node_text += std::to_string(entity.id);
    node_text += ',';
    AppendCsvField(node_text, entity.name);
    node_text += ',';
    AppendCsvField(node_text, entity.type);
    node_text += ',';
    // neo4j-admin splits arrays on ';' (its --array-delimiter default).
    aliases.clear();
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) {
      if (i > 0) aliases += ';';
      aliases += entity.aliases[i];
    }
    AppendCsvField(node_text, aliases);
    node_text += ',';
    AppendCsvField(node_text, entity.ticker);
    node_text += ',';
    if (entity.value) AppendNumber(node_text, *entity.value);
    node_text += ',';
    AppendCsvField(node_text, entity.unit);
    node_text += '\n';
    node_output.MaybeFlush();
  });
  node_output.Finish();

  BufferedOutput relation_output(relationships);
  std::string& relation_text = relation_output.text();
  relation_text += ":START_ID,:END_ID,:TYPE,relation_id:long,confidence:double,source,qualifiers\n";
  graph.ForEachRelation([&](const Relation& relation) {
    relation_text += std::to_string(relation.subject);
    relation_text += ',';
    relation_text += std::to_string(relation.object);
    relation_text += ',';
    AppendCsvField(relation_text, relation.type);
    relation_text += ',';
    relation_text += std::to_string(relation.id);
    relation_text += ',';
    AppendNumber(relation_text, relation.confidence);
    relation_text += ',';
    AppendCsvField(relation_text, graph.SourceOf(relation.id));
    relation_text += ',';
    AppendCsvField(relation_text, QualifiersText(relation.qualifiers));
    relation_text += '\n';
    relation_output.MaybeFlush();
  });
  relation_output.Finish();
}

}  // namespace kg::graph::io
