// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

/// One pass over an article: tokens (byte spans) and sentences, with the
/// boilerplate (link lists, subscription prompts, disclaimers) and headline
/// lines marked. Everything indexes the original UTF-8 text; nothing is copied.
namespace kg::extract::nlp {

/// Sentences longer than this many tokens are cut into pieces, so the work per
/// sentence stays bounded on pathological input (one huge line, no punctuation).
inline constexpr int kMaxSentenceTokens = 160;

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

struct Token {
  std::uint32_t start = 0;  // byte offsets [start, end) in the text
  std::uint32_t end = 0;
  std::uint64_t hash = 0;  // HashLower() of the token text
  TokenKind kind = TokenKind::kWord;
  std::uint8_t newlines_before = 0;  // line breaks in the white space before it (at most 255)
  bool space_before = false;         // whitespace (or the text start) precedes it
  bool capitalised = false;          // first character is an ASCII capital
  bool all_caps = false;             // at least two letters, none lower case
  bool has_digit = false;
  bool possessive = false;    // the token is 's or a bare apostrophe after a plural
  bool abbreviation = false;  // a known abbreviation with its period ("Inc.", "U.S.")
};

// The line breaks fit in what was padding: a token stays three words.
static_assert(sizeof(Token) == 24);

struct Sentence {
  std::uint32_t start = 0;  // byte span [start, end) in the text
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // token range [first_token, last_token)
  std::uint32_t last_token = 0;
  int paragraph = 0;         // index of the hard-broken line or block it sits in
  bool boilerplate = false;  // link lists, prompts, disclaimers: never mined
  bool headline = false;     // a title-case line: capitals say nothing about names
};

struct Layout {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

/// The hash of `text` with ASCII letters lower-cased and typographic
/// apostrophes (U+2019) folded to '. Used for every word comparison.
std::uint64_t HashLower(std::string_view text);

/// Tokenises `text` and splits it into sentences. Never fails: invalid or odd
/// bytes become word characters. Cost: linear in the text size.
Layout Segment(std::string_view text);
/// Segment(text) into `layout`, replacing what it held and reusing its storage.
void Segment(std::string_view text, Layout& layout);

/// Segment(text).tokens without the sentences, for short strings such as names.
std::vector<Token> Tokenize(std::string_view text);
/// Tokenize(text) into `tokens`, replacing what it held and reusing its storage: a
/// caller tokenising many names in a row allocates once, not per name.
void Tokenize(std::string_view text, std::vector<Token>& tokens);

/// Marks boilerplate and headline sentences of `layout` (a separate pass so
/// it can look at whole lines and paragraphs).
void MarkBoilerplate(std::string_view text, Layout& layout);

/// The word lists boilerplate cues come from, as bits of a word.
enum BoilerplateCue : std::uint8_t {
  kSecondPerson = 1,
  kFirstPersonPlural = 2,
  kFunctionWord = 4,
  kStrongCueStart = 8,  // the first word of a strong cue phrase ("sign up", "privacy policy")
};

/// Where a token's BoilerplateCue bits sit in its word classes (recogniser.h).
inline constexpr int kBoilerplateCueShift = 12;

/// MarkBoilerplate() for a caller that has looked each token's word up already:
/// `word_classes` holds, per token, its BoilerplateCue bits << kBoilerplateCueShift.
void MarkBoilerplate(std::string_view text, Layout& layout,
                     const std::vector<std::uint16_t>& word_classes);

class HashIndex;
/// Word hash -> its BoilerplateCue bits, for every word that has some.
const HashIndex& BoilerplateCueIndex();

/// A set of word hashes (HashLower) for membership tests: open addressing
/// over the (already well mixed) hashes, so a lookup is a mask and a compare.
class WordSet {
 public:
  /// Inline: a document inserts most of its words (Document::lower_words).
  void insert(std::uint64_t hash) {
    if (hash == 0) return;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t i = hash & mask_;
    while (slots_[i] != 0) {
      if (slots_[i] == hash) return;
      i = (i + 1) & mask_;
    }
    slots_[i] = hash;
    ++size_;
  }
  /// Makes room for `count` hashes, so inserting them never rehashes.
  void reserve(std::size_t count);
  /// Removes every hash, keeping the storage for the next reserve() or insert()
  /// unless a large set grew it.
  void clear() {
    if (slots_.capacity() > (std::size_t{1} << 16)) slots_ = {};
    slots_.clear();
    mask_ = 0;
    size_ = 0;
  }
  std::size_t count(std::uint64_t hash) const {
    // An empty set probes one empty slot, and a zero hash stops at the first empty
    // one: no test of either before the probes.
    static constexpr std::uint64_t kNoSlots[1] = {0};
    const std::uint64_t* slots = slots_.empty() ? kNoSlots : slots_.data();
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (slots[i] == 0) return 0;
      if (slots[i] == hash) return 1;
    }
  }
  std::size_t size() const { return size_; }
  /// Calls `fn(hash)` for every hash in the set, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (std::uint64_t hash : slots_) {
      if (hash != 0) fn(hash);
    }
  }

 private:
  /// Doubles the slots (16 at first) and inserts the hashes again.
  void Grow();

  std::vector<std::uint64_t> slots_;  // 0 marks an empty slot
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};
WordSet MakeWordSet(std::initializer_list<const char*> words);

/// A filter of 2^kLogBits bits over word hashes: false positives, never false negatives.
template <int kLogBits>
class WordFilter {
 public:
  void Add(std::uint64_t hash) { bits_[Bit(hash) >> 6] |= std::uint64_t{1} << (Bit(hash) & 63); }
  bool MayContain(std::uint64_t hash) const {
    return (bits_[Bit(hash) >> 6] & (std::uint64_t{1} << (Bit(hash) & 63))) != 0;
  }

 private:
  // The hash remixed (Fibonacci hashing), its top bits taken.
  static std::uint64_t Bit(std::uint64_t hash) {
    return (hash * 0x9E3779B97F4A7C15ULL) >> (64 - kLogBits);
  }
  std::array<std::uint64_t, (std::size_t{1} << kLogBits) / 64> bits_{};
};

/// A map from word hashes to small integers (bucket numbers), laid out like WordSet.
class HashIndex {
 public:
  /// The value stored for `hash`, or -1.
  int find(std::uint64_t hash) const {
    // As WordSet::count(): no test of an empty index or a zero hash before the probes.
    static constexpr Slot kNoSlots[1] = {};
    const Slot* slots = slots_.empty() ? kNoSlots : slots_.data();
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (slots[i].key == 0) return -1;
      if (slots[i].key == hash) return slots[i].value;
    }
  }
  /// The value for `hash`; stores `value` first when there is none.
  int emplace(std::uint64_t hash, int value);
  /// Removes every entry. A small table keeps its slots (so ForEach's order then depends
  /// on what the table held before); a large one is released.
  void clear();
  /// Calls `fn(hash, value)` for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const Slot& slot : slots_) {
      if (slot.key != 0) fn(slot.key, slot.value);
    }
  }

 private:
  // Each key beside its value: a lookup that finds its key reads one cache line.
  // Trivial, so clear() zeroes the slots with memset; Slot{} is an empty slot.
  struct Slot {
    std::uint64_t key;  // 0 marks an empty slot
    int value;          // read only where key != 0
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

/// The hash of the hyphenated compound starting at token `t` ("start-up", "co-founder",
/// which the tokeniser splits in three) when one ends before `end`, else of the token.
std::uint64_t WordOrCompound(std::string_view text, const std::vector<Token>& tokens,
                             std::uint32_t t, std::uint32_t end);

/// `token` must be one of `text`'s: unlike substr, nothing is checked (it runs for most tokens).
inline std::string_view TokenText(std::string_view text, const Token& token) {
  return {text.data() + token.start, token.end - token.start};
}

}  // namespace kg::extract::nlp
