// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/input/byte_source.h"
#include "extract/input/raw_document.h"

namespace kg::extract {

/// Reads every input in order and reports what it finds to `sink`:
/// - "-" is stdin (a document named options.stdin_name);
/// - a directory is walked recursively in byte order of names, skipping names
///   that start with '.', following symlinked directories once (no loops);
/// - every file is gunzipped when it starts with the gzip magic bytes, then
///   read as the format options.format names, else the one its extension
///   implies (sniff.h), else HTML when it opens like HTML, else plain text.
/// Problems with one file (missing, unreadable, not a regular file, empty,
/// binary, too large, corrupt gzip) become one kError event naming it, and the
/// next file is read. Each file ends with a kFileDone event. Exceptions other
/// than kg::Error thrown by `sink` stop reading and propagate.
void ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputEventSink& sink);

/// Reads one stream as ReadInputs reads one file. `file` labels the events;
/// documents are named after `name`.
void ReadStream(std::unique_ptr<ByteSource> source, const std::string& file,
                const std::string& name, const ReaderOptions& options, const InputEventSink& sink);

}  // namespace kg::extract
