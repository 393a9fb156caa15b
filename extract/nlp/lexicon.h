// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/nlp/surface_index.h"
#include "extract/nlp/text.h"

/// Known names: organisations, people, models, chips, products and places with
/// their aliases and tickers, plus a list of given names. Loaded from TSV text
/// (format in extract/data/README.md); matched over tokens by hash, longest first.
namespace kg::extract::nlp {

struct LexiconEntry {
  std::string name;  // canonical name
  std::string type;  // entity type ("Company", ...)
  std::vector<std::string> aliases;
  std::vector<std::string> tickers;  // the first is the primary ticker
};

class Lexicon {
 public:
  struct Match {
    int entry = -1;            // -1: nothing matched
    std::uint32_t length = 0;  // tokens
  };

  /// Adds the entries of one lexicon file. `source` names it in errors.
  /// Throws kg::Error(kInvalidInput) naming source and line of a malformed row.
  void AddEntries(std::string_view content, std::string_view source);

  /// Adds given names (one a line, '#' comments) used to spot person names.
  void AddGivenNames(std::string_view content);

  /// The longest entry surface starting at token `t` and ending by `end`, with
  /// capitalisation respected ("Apple" matches "Apple" and "APPLE", not "apple").
  Match Longest(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                std::uint32_t end) const {
    const SurfaceIndex::Match match = surfaces_.Longest(text, tokens, t, end);
    return {match.id, match.length};
  }

  /// False when no entry surface starts with the word `hash` (true may be a false positive).
  bool MayStartName(std::uint64_t hash) const { return surfaces_.MayStartWith(hash); }
  /// MayStartName() for a loop over many words.
  SurfaceIndex::StartFilter NameStartFilter() const { return surfaces_.start_filter(); }

  /// The entry whose ticker is the token with this hash, or -1.
  int FindTicker(std::uint64_t hash) const;

  /// The entry of `type` one of whose names has NameKey() `key`, or -1.
  int FindByKey(std::string_view type, const std::string& key) const;
  /// FindByKey() for the key already written as "type<TAB>key".
  int FindByTypedKey(const std::string& typed_key) const {
    auto found = by_key_.find(typed_key);
    return found == by_key_.end() ? -1 : found->second;
  }

  bool IsGivenName(std::uint64_t hash) const {
    return given_name_filter_.MayContain(hash) && given_names_.count(hash) != 0;
  }

  const LexiconEntry& entry(int id) const { return entries_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return entries_.size(); }

 private:
  /// Adds one entry: its name and aliases become surfaces, its tickers are indexed.
  int AddEntry(LexiconEntry entry);

  std::vector<LexiconEntry> entries_;
  SurfaceIndex surfaces_;  // names, aliases and long tickers -> entry
  HashIndex tickers_;      // ticker hash -> entry
  WordSet given_names_;
  WordFilter<14> given_name_filter_;             // in front of given_names_: most words are no name
  std::unordered_map<std::string, int> by_key_;  // "type\tkey" -> entry
};

/// The normalised identity of a name, in the spirit of graph::NormalizeKey:
/// ASCII case folded, typographic apostrophes unified, a trailing possessive
/// dropped, punctuation turned to spaces, corporate suffixes and a leading
/// "the" removed. NameKey("Alibaba Group Holding Ltd.") == NameKey("Alibaba's").
std::string NameKey(std::string_view name);
/// NameKey(name) appended to `out`, which a caller building many keys reuses.
void AppendNameKey(std::string_view name, std::string& out);

/// Splits `line` at tabs.
std::vector<std::string_view> SplitTabs(std::string_view line);

/// Calls `fn(line_number, line)` for each non-empty, non-comment line.
template <typename Fn>
void ForEachDataLine(std::string_view content, Fn fn) {
  int number = 0;
  std::size_t i = 0;
  while (i < content.size()) {
    std::size_t j = content.find('\n', i);
    if (j == std::string_view::npos) j = content.size();
    std::string_view line = content.substr(i, j - i);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t k = line.find_first_not_of(" \t");
    if (k != std::string_view::npos && line[k] != '#') fn(number, line);
    i = j + 1;
  }
}

}  // namespace kg::extract::nlp
