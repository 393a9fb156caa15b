// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// How people say a relation: the synonym table of query/data/relation_words.tsv,
/// compiled into the library, plus every ontology relation name.
namespace kg::query {

/// What a relation phrase means.
struct RelationWord {
  std::string relation;  // ontology type, e.g. "founder_of"
  bool inverse = false;  // the phrase reads object-first ("founded by")
};

/// The phrase in the form the table is keyed by: ASCII lowercase, '-' and '_'
/// read as spaces, runs of spaces collapsed, trimmed. "Partners-With" -> "partners with".
std::string RelationPhraseKey(std::string_view phrase);

/// The meaning of `phrase` (any case, spaces, hyphens or underscores), or
/// nullopt when neither the table nor the ontology knows it.
std::optional<RelationWord> LookupRelationWord(std::string_view phrase);

/// The most words any known phrase has: bounds the parser's search.
int MaxRelationPhraseWords();

/// Every ontology relation name, in ontology order, for error messages.
std::vector<std::string> KnownRelationNames();

/// Parses a table in the relation_words.tsv format. Throws
/// kg::Error(kInvalidInput) naming the line for a malformed line or an unknown
/// relation type. Exposed for tests; the library uses the embedded table.
std::vector<std::pair<std::string, RelationWord>> ParseRelationWords(std::string_view tsv);

}  // namespace kg::query
