// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "extract/input/byte_source.h"
#include "extract/input/raw_document.h"

namespace kg::extract {

/// Reads a collection of articles, one per CSV row (the first row names the
/// columns) or per JSON Lines object, streaming: one record in memory at a
/// time. Each record becomes a kDocument event named "<name>#<id>" (or
/// "<name>#<n>" for the n-th record when it has no id) whose text is the title,
/// a blank line, then the body; fields are chosen as ReaderOptions documents.
/// A bad record becomes a kError event "<name>:<line>: ..." and reading goes
/// on; a record without text becomes a kWarning. Throws kg::Error only when
/// the rest of the input cannot be read (I/O error, unterminated quote, a
/// missing column), after emitting the records before it.
void ReadCsvCollection(BufferedReader& input, const std::string& file, const std::string& name,
                       const ReaderOptions& options, const InputEventSink& sink);
void ReadJsonLinesCollection(BufferedReader& input, const std::string& file,
                             const std::string& name, const ReaderOptions& options,
                             const InputEventSink& sink);

}  // namespace kg::extract
