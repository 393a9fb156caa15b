// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/text.h"

namespace kg::extract::nlp {

/// Multi-word names matched over tokens by hash, longest first, with each
/// word's capitalisation respected: the lexicon's surfaces, and the names a
/// document's general recognisers found, looked for again in the same document.
class SurfaceIndex {
 public:
  struct Match {
    int id = -1;               // -1: nothing matched
    std::uint32_t length = 0;  // tokens
  };

  /// Adds `surface` as a name of `id`. A word with capitals must match as
  /// written ("Apple" matches "Apple" and "APPLE", not "apple"); one without
  /// matches in any case. A surface without tokens is ignored.
  void Add(std::string_view surface, int id);
  /// Add() for a caller that has tokenised `surface` already: `tokens` is Tokenize(surface).
  void Add(std::string_view surface, const std::vector<Token>& tokens, int id);

  /// The longest surface starting at token `t` and ending by `end`. Inline up
  /// to the filter, which turns most tokens away: it runs for every token.
  Match Longest(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                std::uint32_t end) const {
    if (!MayStartWith(tokens[t].hash)) return {};
    return LongestFrom(text, tokens, t, end);
  }

  /// False when no surface starts with the word `hash` (true may be a false positive).
  bool MayStartWith(std::uint64_t hash) const {
    if (first_token_filter_.empty()) return false;
    const std::uint64_t filter_bit = FilterBit(hash);
    return (first_token_filter_[filter_bit >> 6] & (std::uint64_t{1} << (filter_bit & 63))) != 0;
  }

  /// MayStartWith() through a copy of the filter's address, which a caller's loop keeps in a
  /// register where its byte stores would make the compiler load the member again.
  class StartFilter {
   public:
    explicit StartFilter(const std::uint64_t* filter_words) : filter_words_(filter_words) {}
    bool MayStartWith(std::uint64_t hash) const {
      const std::uint64_t filter_bit = FilterBit(hash);
      return (filter_words_[filter_bit >> 6] & (std::uint64_t{1} << (filter_bit & 63))) != 0;
    }

   private:
    const std::uint64_t* filter_words_;
  };
  StartFilter start_filter() const {
    static constexpr std::uint64_t kNoSurfaces[std::size_t{1} << (64 - kFilterShift - 6)] = {};
    return StartFilter(first_token_filter_.empty() ? kNoSurfaces : first_token_filter_.data());
  }

  bool empty() const { return surfaces_.empty(); }
  /// Removes every surface, keeping the storage: a document's index is refilled per document.
  void clear();

 private:
  enum class CaseRule : std::uint8_t { kAny, kCapital, kAllCaps, kExact };
  struct Word {
    std::uint64_t hash = 0;
    CaseRule rule = CaseRule::kAny;
    std::uint32_t exact = 0;  // kExact: the word as written, at exact_texts_[exact]
  };
  // A surface's words are words_[first_word, first_word + length): every surface
  // in one array, so Longest() reads a bucket's surfaces without chasing pointers.
  struct Surface {
    std::uint32_t first_word = 0;
    std::uint32_t length = 0;
    int id = -1;
  };

  std::vector<Word> words_;
  std::vector<std::string> exact_texts_;
  std::vector<Surface> surfaces_;
  HashIndex first_token_index_;  // first token hash -> bucket
  // The surfaces that start with one word, longest first.
  struct Bucket {
    std::vector<int> surfaces;
    std::uint32_t multi_word = 0;    // surfaces[0, multi_word) have two words or more
    std::uint64_t second_words = 0;  // a SecondWordBit() per second word of those
  };
  // The few common first words that start many names ("the", "New", "China") would
  // otherwise have every name of theirs compared for each occurrence.
  static std::uint64_t SecondWordBit(std::uint64_t hash) {
    return std::uint64_t{1} << ((hash * 0x9E3779B97F4A7C15ULL) >> 58);
  }
  std::vector<Bucket> buckets_;
  int buckets_used_ = 0;  // buckets_ past this are empty, kept for reuse after clear()
  // A bit per FilterBit() of every first token: small enough to stay in
  // cache, so Longest() turns most words away without probing the index. Empty until Add().
  static constexpr int kFilterShift = 64 - 15;
  // The hash remixed (Fibonacci hashing): the top bits of the word hash alone spread
  // short words poorly, and common words then passed the filter.
  static std::uint64_t FilterBit(std::uint64_t hash) {
    return (hash * 0x9E3779B97F4A7C15ULL) >> kFilterShift;
  }
  std::vector<std::uint64_t> first_token_filter_;

  /// Longest() past the filter.
  Match LongestFrom(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                    std::uint32_t end) const;
};

}  // namespace kg::extract::nlp
