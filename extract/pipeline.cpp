// SPDX-License-Identifier: MIT
#include "extract/pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <unordered_map>

#include "extract/input/input_reader.h"
#include "graph/error.h"

namespace kg::extract {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kItemsPerThread = 16;  // documents in flight per extraction thread
// Documents read ahead of the writer, beyond those being extracted: while the
// writer stores one batch, the extraction threads fill the next one instead of
// waiting for it (with only kItemsPerThread they idled through every commit).
constexpr std::size_t kMaxReadAheadDocuments = 4096;
constexpr std::size_t kMaxWindowBytes = std::size_t{64} << 20;  // text bytes in flight
constexpr auto kFlushInterval = std::chrono::seconds(1);        // longest a read document waits
constexpr auto kProgressInterval = std::chrono::milliseconds(500);

/// Thrown into the reading thread to stop it when the run is abandoned.
struct Cancelled {};

/// One input event on its way through the pipeline.
struct WorkItem {
  InputEvent event;
  graph::DocumentRecord record;  // extracted; valid once `ready`
  std::string content_hash;      // of the text, computed here rather than on the writer thread
  bool unchanged = false;        // name and text already stored: not extracted
  std::string failure;           // why extraction failed, if it did
  bool ready = false;            // nothing left to do before writing
  std::size_t bytes = 0;         // text bytes, counted against the window's limit
};

/// What the writer reports after the batch holding it is stored, in order.
struct PendingReport {
  std::unique_ptr<WorkItem> item;
  std::size_t batch_index = 0;  // for stored documents: position in the batch
  bool stored = false;          // sent to the store (else a message, a skip or a file end)
};

class Pipeline {
 public:
  Pipeline(graph::Store& store, const ExtractFunction& extract, const IngestOptions& options,
           IngestReporter* reporter)
      : store_(store), extract_(extract), options_(options), reporter_(reporter) {
    unsigned threads = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
    thread_count_ = std::max(1u, threads);
    window_limit_ =
        kItemsPerThread * thread_count_ + std::min(options.batch_documents, kMaxReadAheadDocuments);
    for (const graph::DocumentInfo& info : store_.ListDocuments()) {
      known_hashes_.emplace(info.name, info.content_hash);
    }
  }

  IngestCounts Run(const InputProducer& producer) {
    started_ = last_flush_ = last_progress_ = Clock::now();
    std::thread disposer([&] { Dispose(); });
    std::thread reader([&] { ReadEverything(producer); });
    std::vector<std::thread> workers;
    for (unsigned index = 0; index < thread_count_; ++index) workers.emplace_back([&] { Work(); });
    std::exception_ptr writer_error;
    try {
      Write();
    } catch (...) {
      writer_error = std::current_exception();
      Cancel();
    }
    reader.join();
    Cancel();  // wakes workers waiting for work that will not come
    for (std::thread& worker : workers) worker.join();
    {
      std::lock_guard lock(garbage_mutex_);
      garbage_closed_ = true;
    }
    garbage_wakeup_.notify_one();
    disposer.join();
    if (writer_error) std::rethrow_exception(writer_error);
    if (reader_error_) std::rethrow_exception(reader_error_);
    return totals_;
  }

 private:
  // --- Reading thread -------------------------------------------------------

  void ReadEverything(const InputProducer& producer) {
    try {
      producer([this](InputEvent&& event) { Accept(std::move(event)); });
    } catch (const Cancelled&) {
    } catch (...) {
      reader_error_ = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    reading_done_ = true;
    worker_wakeup_.notify_all();
    writer_wakeup_.notify_all();
  }

  void Accept(InputEvent&& event) {
    auto item = std::make_unique<WorkItem>();
    item->event = std::move(event);
    bool is_document = item->event.kind == InputEvent::Kind::kDocument;
    std::size_t bytes = item->event.document.text.size();
    item->bytes = bytes;
    item->ready = !is_document;
    std::unique_lock lock(mutex_);
    reader_wakeup_.wait(lock, [&] {
      return cancelled_ || window_.empty() ||
             (window_.size() < window_limit_ && window_bytes_ + bytes <= kMaxWindowBytes);
    });
    if (cancelled_) throw Cancelled{};
    window_bytes_ += bytes;
    WorkItem* raw = item.get();
    window_.push_back(std::move(item));
    if (is_document) {
      work_.push_back(raw);
      worker_wakeup_.notify_one();
    } else if (window_.size() == 1) {
      writer_wakeup_.notify_one();
    }
  }

  // --- Extraction threads ----------------------------------------------------

  void Work() {
    while (true) {
      WorkItem* item = nullptr;
      {
        std::unique_lock lock(mutex_);
        worker_wakeup_.wait(lock, [&] { return cancelled_ || !work_.empty() || reading_done_; });
        if (cancelled_ || work_.empty()) return;
        item = work_.front();
        work_.pop_front();
      }
      Extract(*item);
      std::lock_guard lock(mutex_);
      item->ready = true;
      if (window_.front().get() == item) writer_wakeup_.notify_one();
    }
  }

  void Extract(WorkItem& item) {
    RawDocument& document = item.event.document;
    item.content_hash = graph::Sha256Hex(document.text);
    auto known = known_hashes_.find(document.name);
    if (known != known_hashes_.end() && known->second == item.content_hash) {
      item.unchanged = true;
      return;
    }
    try {
      item.record = extract_(document.name, document.text);
      item.record.name = document.name;
      item.record.text = std::move(document.text);
      item.record.title = document.title;
      item.record.published = document.published;
    } catch (const std::exception& error) {
      item.failure = document.name + ": extraction failed: " + error.what();
    }
  }

  // --- Disposing thread ------------------------------------------------------

  // Frees what the writer is done with. A stored batch is hundreds of
  // thousands of small allocations (texts, mentions, their names and
  // aliases, evidence): freeing them took the writer about 2% of its
  // instructions and more of its time.
  void Dispose() {
    std::unique_lock lock(garbage_mutex_);
    while (true) {
      garbage_wakeup_.wait(lock, [&] { return !garbage_.empty() || garbage_closed_; });
      if (garbage_.empty()) return;
      std::vector<Garbage> taken = std::move(garbage_);
      garbage_.clear();
      lock.unlock();
      taken.clear();
      lock.lock();
    }
  }

  // --- Writing thread (the caller's) -----------------------------------------

  void Write() {
    while (true) {
      std::vector<std::unique_ptr<WorkItem>> ready;
      bool finished = false;
      {
        std::unique_lock lock(mutex_);
        auto front_ready = [&] { return !window_.empty() && window_.front()->ready; };
        writer_wakeup_.wait_for(lock, kProgressInterval, [&] {
          return front_ready() || (reading_done_ && window_.empty());
        });
        while (front_ready()) {
          window_bytes_ -= window_.front()->bytes;
          ready.push_back(std::move(window_.front()));
          window_.pop_front();
        }
        finished = reading_done_ && window_.empty();
        if (!ready.empty()) reader_wakeup_.notify_one();
      }
      for (std::unique_ptr<WorkItem>& item : ready) Queue(std::move(item));
      Clock::time_point now = Clock::now();
      if (finished || batch_.size() >= options_.batch_documents ||
          batch_bytes_ >= options_.batch_bytes || batch_.empty() ||
          now - last_flush_ >= kFlushInterval) {
        Flush();
      }
      if (reporter_ != nullptr && now - last_progress_ >= kProgressInterval) {
        last_progress_ = now;
        reporter_->OnProgress(totals_, std::chrono::duration<double>(now - started_).count());
      }
      if (finished) return;
    }
  }

  void Queue(std::unique_ptr<WorkItem> item) {
    PendingReport report;
    bool is_stored = item->event.kind == InputEvent::Kind::kDocument && !item->unchanged &&
                     item->failure.empty();
    if (is_stored) {
      report.stored = true;
      report.batch_index = batch_.size();
      batch_bytes_ += item->record.text.size();
      batch_.push_back(std::move(item->record));
      batch_hashes_.push_back(std::move(item->content_hash));
    }
    report.item = std::move(item);
    pending_.push_back(std::move(report));
  }

  /// Stores the batch and reports everything queued, in input order.
  void Flush() {
    last_flush_ = Clock::now();
    std::vector<std::optional<graph::IngestResult>> results = StoreBatch();
    for (PendingReport& report : pending_) Report(report, results);
    Garbage garbage{std::move(batch_), std::move(pending_)};
    pending_.clear();
    batch_.clear();
    batch_hashes_.clear();
    batch_bytes_ = 0;
    {
      std::lock_guard lock(garbage_mutex_);
      garbage_.push_back(std::move(garbage));
    }
    garbage_wakeup_.notify_one();
  }

  std::vector<std::optional<graph::IngestResult>> StoreBatch() {
    std::vector<std::optional<graph::IngestResult>> results(batch_.size());
    if (batch_.empty()) return results;
    try {
      std::vector<graph::IngestResult> stored = store_.IngestBatch(batch_, batch_hashes_);
      for (std::size_t index = 0; index < stored.size(); ++index) results[index] = stored[index];
      return results;
    } catch (const Error&) {
      // One bad document must not sink the rest: retry them one at a time.
    }
    for (std::size_t index = 0; index < batch_.size(); ++index) {
      try {
        results[index] =
            store_.IngestBatch(std::span(&batch_[index], 1), std::span(&batch_hashes_[index], 1))
                .front();
      } catch (const Error& error) {
        failures_[index] = batch_[index].name + ": not stored: " + error.what();
      }
    }
    return results;
  }

  void Report(PendingReport& report,
              const std::vector<std::optional<graph::IngestResult>>& results) {
    const InputEvent& event = report.item->event;
    FileReport& file = files_[event.file];
    file.file = event.file;
    file.collection = file.collection || event.from_collection;
    switch (event.kind) {
      case InputEvent::Kind::kWarning:
        Message(file, false, event.message);
        return;
      case InputEvent::Kind::kError:
        Message(file, true, event.message);
        return;
      case InputEvent::Kind::kFileDone:
        if (reporter_ != nullptr) reporter_->OnFileDone(file);
        files_.erase(event.file);
        return;
      case InputEvent::Kind::kDocument:
        break;
    }
    for (const std::string& warning : event.document.warnings) Message(file, false, warning);
    if (!report.item->failure.empty()) return Message(file, true, report.item->failure);
    DocumentReport document;
    document.file = event.file;
    document.from_collection = event.from_collection;
    if (report.stored) {
      if (!results[report.batch_index]) {
        Message(file, true, failures_.at(report.batch_index));
        failures_.erase(report.batch_index);
        return;
      }
      document.result = *results[report.batch_index];
      document.bytes = static_cast<std::int64_t>(batch_[report.batch_index].text.size());
    } else {
      document.result.name = event.document.name;
      document.result.outcome = graph::IngestResult::Outcome::kUnchanged;
      document.bytes = static_cast<std::int64_t>(event.document.text.size());
    }
    file.counts.Add(document);
    totals_.Add(document);
    if (reporter_ != nullptr) reporter_->OnDocument(document);
  }

  void Message(FileReport& file, bool is_error, const std::string& message) {
    IngestCounts& counts = file.counts;
    (is_error ? counts.errors : counts.warnings)++;
    (is_error ? totals_.errors : totals_.warnings)++;
    if (reporter_ != nullptr) reporter_->OnMessage(is_error, message);
  }

  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    reader_wakeup_.notify_all();
    worker_wakeup_.notify_all();
    writer_wakeup_.notify_all();
  }

  graph::Store& store_;
  const ExtractFunction& extract_;
  const IngestOptions& options_;
  IngestReporter* reporter_;
  unsigned thread_count_ = 1;
  std::size_t window_limit_ = 1;
  std::unordered_map<std::string, std::string> known_hashes_;  // name -> stored content hash

  // Shared between threads, guarded by mutex_.
  std::mutex mutex_;
  std::condition_variable reader_wakeup_;         // room in the window, or cancelled
  std::condition_variable worker_wakeup_;         // work, end of input, or cancelled
  std::condition_variable writer_wakeup_;         // the oldest item is ready, or input ended
  std::deque<std::unique_ptr<WorkItem>> window_;  // every item read and not yet written, in order
  std::deque<WorkItem*> work_;                    // items of window_ awaiting extraction
  std::size_t window_bytes_ = 0;
  bool reading_done_ = false;
  bool cancelled_ = false;
  std::exception_ptr reader_error_;

  // What the writer hands the disposing thread, guarded by garbage_mutex_.
  struct Garbage {
    std::vector<graph::DocumentRecord> batch;
    std::vector<PendingReport> reports;
  };
  std::mutex garbage_mutex_;
  std::condition_variable garbage_wakeup_;  // garbage, or no more to come
  std::vector<Garbage> garbage_;
  bool garbage_closed_ = false;

  // The writer's own.
  std::vector<graph::DocumentRecord> batch_;
  std::vector<std::string> batch_hashes_;  // batch_[i]'s content hash
  std::size_t batch_bytes_ = 0;
  std::vector<PendingReport> pending_;
  std::map<std::size_t, std::string> failures_;  // batch index -> why it was not stored
  std::map<std::string, FileReport> files_;      // files still being read
  IngestCounts totals_;
  Clock::time_point started_, last_flush_, last_progress_;
};

}  // namespace

void IngestCounts::Add(const DocumentReport& report) {
  ++documents;
  bytes += report.bytes;
  entities += report.result.entities;
  relations += report.result.relations;
  switch (report.result.outcome) {
    case graph::IngestResult::Outcome::kAdded:
      ++added;
      break;
    case graph::IngestResult::Outcome::kReplaced:
      ++replaced;
      break;
    case graph::IngestResult::Outcome::kUnchanged:
      ++unchanged;
      break;
  }
}

IngestCounts RunIngest(graph::Store& store, const InputProducer& producer,
                       const ExtractFunction& extract, const IngestOptions& options,
                       IngestReporter* reporter) {
  Pipeline pipeline(store, extract, options, reporter);
  return pipeline.Run(producer);
}

IngestCounts RunIngest(graph::Store& store, const std::vector<std::string>& inputs,
                       const ExtractFunction& extract, const IngestOptions& options,
                       IngestReporter* reporter) {
  return RunIngest(
      store, [&](const InputEventSink& sink) { ReadInputs(inputs, options.reader, sink); }, extract,
      options, reporter);
}

}  // namespace kg::extract
