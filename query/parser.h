// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

/// Query text to patterns. The language is described in query/README.md.
namespace kg::query {

/// A subject or object as written.
struct Term {
  enum class Kind { kVariable, kEntity };
  Kind kind = Kind::kVariable;
  std::string text;          // variable name without '?' ("" when anonymous), or the entity name
  std::string type;          // entity type filter ("Model"), empty for none
  std::size_t position = 0;  // byte offset of the term in the query text
};

/// One reading of a pattern: subject, relation, object in ontology direction
/// (an inverse phrase such as "founded by" has already been turned around).
struct Pattern {
  Term subject;
  std::string relation;  // ontology type; empty matches any relation
  Term object;
  std::string relation_text;  // the relation as written, for messages
  std::size_t position = 0;   // byte offset of the pattern
};

/// A pattern whose unquoted words can be split in more than one way keeps every
/// reading, best first: an explicit relation ('*', quoted) before words, longer
/// relation phrases before shorter. The planner takes the first whose entity
/// names resolve.
struct PatternReadings {
  std::vector<Pattern> readings;
};

struct ParsedQuery {
  std::vector<PatternReadings> patterns;  // joined by '.'
};

/// Parses `text`. Throws kg::Error(kQuerySyntax) whose message names the
/// position ("position 9: unknown relation ...") and whose position() is the
/// byte offset at fault: empty query or pattern, unterminated quote, a
/// variable or type that is malformed, unknown, or a pattern without relation.
ParsedQuery Parse(std::string_view text);

}  // namespace kg::query
