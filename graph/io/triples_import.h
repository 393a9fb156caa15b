// SPDX-License-Identifier: MIT
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/store.h"

/// `kg import`: triples JSON Lines (../shared/ONTOLOGY.md) merged into a store
/// through its normal canonicalisation (Store::IngestBatch).
namespace kg::graph::io {

/// A line that could not be imported: "file:line: message".
struct ImportProblem {
  std::string file;
  long line = 0;
  std::string message;
  std::string ToString() const { return file + ":" + std::to_string(line) + ": " + message; }
};

/// What reading one file produced.
struct ImportBatch {
  std::vector<DocumentRecord> documents;
  std::vector<ImportProblem> problems;
  std::size_t triples = 0;   // relation lines accepted
  std::size_t entities = 0;  // entity lines accepted
};

/// Parses JSON Lines from `in`. Each non-blank line is either
/// - a triple: subject, subject_type, relation, object, object_type, and
///   optionally subject_value/subject_unit, object_value/object_unit (Amounts),
///   confidence (default 1), source, sentence (or the gold files' `evidence`),
///   span [start, end), qualifiers (an object); or
/// - an entity (the `entities` export and the gold entities file): name, type,
///   and optionally aliases, ticker, value, unit.
/// Lines are grouped into one DocumentRecord per distinct `source`, named
/// "import:<file_name>#<source>" ("import:<file_name>" when there is none);
/// the record's text is the group's lines, so re-importing an unchanged file
/// changes nothing and a changed one replaces what it said before. Spans are
/// kept as given: they point into the original article named by `source`.
/// Evidence rule is "import". A bad line is reported and skipped.
ImportBatch ReadTriplesJsonl(std::istream& in, const std::string& file_name);

}  // namespace kg::graph::io
