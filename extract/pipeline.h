// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extract/input/raw_document.h"
#include "graph/model.h"
#include "graph/store.h"

namespace kg::extract {

/// Extracts one document; Extractor::Extract in production, a double in tests.
/// Called from several threads at once. An exception marks that document failed.
using ExtractFunction = std::function<graph::DocumentRecord(std::string name, std::string text)>;

/// Produces the input events (input_reader.h) on the reading thread.
using InputProducer = std::function<void(const InputEventSink& sink)>;

struct IngestOptions {
  ReaderOptions reader;
  int threads = 0;                     // extraction threads; 0: one per hardware thread
  std::size_t batch_documents = 1024;  // documents per store transaction, at most...
  std::size_t batch_bytes = std::size_t{16} << 20;  // ...and text bytes per transaction
};

/// One document stored (or found unchanged).
struct DocumentReport {
  std::string file;  // the input it came from, as given
  bool from_collection = false;
  graph::IngestResult result;  // for skipped unchanged documents: counts are 0
  std::int64_t bytes = 0;      // text bytes
};

/// Counts for a whole run, or for one input file.
struct IngestCounts {
  std::int64_t documents = 0;  // stored or found unchanged
  std::int64_t added = 0;
  std::int64_t replaced = 0;
  std::int64_t unchanged = 0;
  std::int64_t entities = 0;   // entities per document, summed
  std::int64_t relations = 0;  // relation mentions, summed
  std::int64_t bytes = 0;      // text bytes read
  std::int64_t errors = 0;     // documents, records or files that could not be stored
  std::int64_t warnings = 0;

  void Add(const DocumentReport& report);
};

struct FileReport {
  std::string file;
  bool collection = false;  // a CSV / JSON Lines file (else one document)
  IngestCounts counts;
};

/// Hears about a run as it happens. Every call comes from one thread, in
/// input order, whatever the number of extraction threads.
class IngestReporter {
 public:
  virtual ~IngestReporter() = default;
  virtual void OnDocument(const DocumentReport&) {}
  /// A warning or an error, its text naming the file (and line) at fault.
  virtual void OnMessage(bool is_error, const std::string& message) {
    (void)is_error, (void)message;
  }
  virtual void OnFileDone(const FileReport&) {}
  /// Called about twice a second while the run lasts.
  virtual void OnProgress(const IngestCounts& so_far, double seconds) {
    (void)so_far, (void)seconds;
  }
};

/// Reads documents (one thread), extracts them (`options.threads` threads),
/// and stores them through `store` (one writer thread, the only user of
/// `store` during the run) in batches, one transaction each; when a batch
/// fails its documents are retried one by one so one bad document cannot sink
/// the others. A document whose name and text are stored already is not
/// extracted again. Queues are bounded: memory stays flat on any input size.
/// Documents are stored in input order, so the database does not depend on
/// the number of threads. Problems with single documents or files are
/// reported and counted (IngestCounts::errors) and the run goes on; throws
/// only for failures that stop everything (std::bad_alloc, a sink that throws).
IngestCounts RunIngest(graph::Store& store, const InputProducer& producer,
                       const ExtractFunction& extract, const IngestOptions& options,
                       IngestReporter* reporter);

/// RunIngest over files, directories and "-" (stdin), read by ReadInputs().
IngestCounts RunIngest(graph::Store& store, const std::vector<std::string>& inputs,
                       const ExtractFunction& extract, const IngestOptions& options,
                       IngestReporter* reporter);

}  // namespace kg::extract
