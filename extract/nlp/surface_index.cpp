// SPDX-License-Identifier: MIT
#include "extract/nlp/surface_index.h"

#include <algorithm>

namespace kg::extract::nlp {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

void SurfaceIndex::Add(std::string_view surface, int id) { Add(surface, Tokenize(surface), id); }

void SurfaceIndex::Add(std::string_view surface, const std::vector<Token>& tokens, int id) {
  if (tokens.empty()) return;
  Surface added;
  added.id = id;
  added.first_word = static_cast<std::uint32_t>(words_.size());
  added.length = static_cast<std::uint32_t>(tokens.size());
  for (const Token& token : tokens) {
    std::string_view text = TokenText(surface, token);
    Word& word = words_.emplace_back();
    word.hash = token.hash;
    bool has_upper = std::any_of(text.begin(), text.end(), IsUpper);
    if (token.all_caps && text.size() >= 2) {
      word.rule = CaseRule::kAllCaps;
    } else if (IsUpper(text[0])) {
      word.rule = CaseRule::kCapital;
    } else if (has_upper) {
      word.rule = CaseRule::kExact;  // iPhone, xAI
      word.exact = static_cast<std::uint32_t>(exact_texts_.size());
      exact_texts_.emplace_back(text);
    }
  }
  const int index = static_cast<int>(surfaces_.size());
  if (first_token_filter_.empty())
    first_token_filter_.assign(std::size_t{1} << (64 - kFilterShift - 6), 0);
  const std::uint64_t first_hash = tokens.front().hash;
  const std::uint64_t filter_bit = FilterBit(first_hash);
  first_token_filter_[filter_bit >> 6] |= std::uint64_t{1} << (filter_bit & 63);
  surfaces_.push_back(added);
  const int bucket_id = first_token_index_.emplace(first_hash, buckets_used_);
  if (bucket_id == buckets_used_) {
    if (static_cast<std::size_t>(buckets_used_) == buckets_.size()) buckets_.emplace_back();
    ++buckets_used_;
  }
  Bucket& found = buckets_[static_cast<std::size_t>(bucket_id)];
  std::vector<int>& bucket = found.surfaces;
  if (added.length >= 2) {
    ++found.multi_word;
    found.second_words |= SecondWordBit(tokens[1].hash);
  }
  // Longest first; a surface goes after those as long as it (what a stable sort would do).
  const auto position = std::upper_bound(
      bucket.begin(), bucket.end(), added.length, [this](std::uint32_t added_length, int other) {
        return added_length > surfaces_[static_cast<std::size_t>(other)].length;
      });
  bucket.insert(position, index);
}

void SurfaceIndex::clear() {
  // Only the filter words some surface set are zeroed: the filter is 4 KiB, a document's
  // names are few.
  for (const Surface& surface : surfaces_) {
    first_token_filter_[FilterBit(words_[surface.first_word].hash) >> 6] = 0;
  }
  words_.clear();
  exact_texts_.clear();
  surfaces_.clear();
  first_token_index_.clear();
  for (int b = 0; b < buckets_used_; ++b) {
    Bucket& bucket = buckets_[static_cast<std::size_t>(b)];
    bucket.surfaces.clear();  // keeps its storage
    bucket.multi_word = 0;
    bucket.second_words = 0;
  }
  buckets_used_ = 0;
}

SurfaceIndex::Match SurfaceIndex::LongestFrom(std::string_view text,
                                              const std::vector<Token>& tokens, std::uint32_t t,
                                              std::uint32_t end) const {
  const int bucket = first_token_index_.find(tokens[t].hash);
  if (bucket < 0) return {};
  const Bucket& found = buckets_[static_cast<std::size_t>(bucket)];
  // Surfaces of two words or more need the next token as their second word: when it is
  // none of theirs (or there is none), only the one-word surfaces, which come last, can match.
  std::size_t begin = 0;
  if (t + 1 >= end || (found.second_words & SecondWordBit(tokens[t + 1].hash)) == 0) {
    begin = found.multi_word;
  }
  for (std::size_t i = begin; i < found.surfaces.size(); ++i) {
    const int index = found.surfaces[i];
    const Surface& surface = surfaces_[static_cast<std::size_t>(index)];
    const std::size_t length = surface.length;
    if (t + length > end) continue;
    const Word* words = words_.data() + surface.first_word;
    bool ok = true;
    for (std::size_t k = 0; k < length && ok; ++k) {
      const Token& token = tokens[t + k];
      if (k > 0 && token.hash != words[k].hash) ok = false;
      if (!ok) break;
      switch (words[k].rule) {
        case CaseRule::kAny:
          break;
        case CaseRule::kCapital:
          ok = token.capitalised;
          break;
        case CaseRule::kAllCaps:
          ok = token.all_caps;
          break;
        case CaseRule::kExact:
          ok = TokenText(text, token) == exact_texts_[words[k].exact] ||
               (token.all_caps && !IsLower(TokenText(text, token)[0]));
          break;
      }
    }
    if (ok) return {surface.id, static_cast<std::uint32_t>(length)};
  }
  return {};
}

}  // namespace kg::extract::nlp
