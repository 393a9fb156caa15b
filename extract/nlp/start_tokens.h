// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace kg::extract::nlp {

/// The kinds of token a sentence recogniser's matches start at (recogniser.h).
enum class StartKind : std::uint8_t {
  kNameWord,     // kNameWord: products, organisations, coordinated and launched names
  kPersonStart,  // a name word, title, role word, given name or "by": People()
  kListStart,    // a name word, company noun, "such", "like" or "including": ListsAndAppositions()
  kLexiconName,  // a first word of some lexicon name (as far as its filter knows)
  kAmountStart,  // a number, an amount starter, or a capitalised word with a digit
  kVersioned,    // a word with a digit or a glued hyphen after it: VersionedNames()
  kOpenParenthesis,
};
inline constexpr std::size_t kStartKinds = 7;
/// In StartTokens::token_kinds: the kVersioned bit comes from a glued hyphen after the token.
inline constexpr std::uint8_t kBeforeGluedHyphen = 0x80;

/// Per kind, the tokens of the document's mined sentences where recognisers' matches can
/// start, in order: a recogniser visits those instead of every token of its sentence.
/// Filled once per document by RecogniseEntities (recognise.cpp).
struct StartTokens {
  std::array<std::vector<std::uint32_t>, kStartKinds> tokens;
  // Per sentence, where its tokens begin in each list; one more entry ends the last sentence.
  std::vector<std::array<std::uint32_t, kStartKinds>> sentence_begin;
  // Per document token, a bit per StartKind it may start, whatever its sentence (ClassifyWords);
  // kBeforeGluedHyphen marks a kVersioned bit that holds only within the hyphen's sentence.
  std::vector<std::uint8_t> token_kinds;
};

/// Walks one sentence's start tokens of a kind. Next(t) moves `t` to the first of them at or
/// after `t`, so a recogniser's loop keeps its shape: for (t = first; starts.Next(t); ++t).
class StartCursor {
 public:
  StartCursor(const std::uint32_t* begin, const std::uint32_t* end) : next_(begin), end_(end) {}

  bool Next(std::uint32_t& t) {
    while (next_ != end_ && *next_ < t) ++next_;
    if (next_ == end_) return false;
    t = *next_;
    return true;
  }
  bool empty() const { return next_ == end_; }

 private:
  const std::uint32_t* next_;
  const std::uint32_t* end_;
};

}  // namespace kg::extract::nlp
