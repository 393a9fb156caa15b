// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/model.h"

/// Articles in, typed entities and relations with provenance out.
namespace kg::extract {

/// What to load besides the lexicons and rules shipped with kg (compiled in).
/// Users extend extraction without recompiling by naming their own files.
struct ExtractorOptions {
  std::vector<std::string> lexicon_files;  // extra lexicon entries (format: README)
  std::vector<std::string> rule_files;     // extra relation rules (format: README)
};

/// Finds entities and relations in article text. Built once (lexicons and
/// rules loaded), then Extract() is const and safe to call from many threads.
class Extractor {
 public:
  /// The extractor with the lexicons and rules shipped with kg plus those
  /// named in `options`. Throws kg::Error(kInvalidInput) naming the file and
  /// line of a malformed lexicon or rule.
  explicit Extractor(const ExtractorOptions& options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  /// Extracts one document. `text` must be valid UTF-8 (readers guarantee it);
  /// every span in the result indexes it in bytes. Never throws for content.
  graph::DocumentRecord Extract(std::string name, std::string text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::extract
