// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/nlp/document.h"
#include "graph/ontology.h"

/// Relation rules: token patterns with typed entity slots, trigger words and
/// bounded gaps, read from TSV text (format in extract/data/README.md).
namespace kg::extract::nlp {

/// Entity types as bits, so a slot tests a mention's type with one AND: one bit
/// per ontology type (graph::EntityTypes() order), one shared by every other type.
inline constexpr std::uint32_t kOtherEntityTypes = 1u << 31;
std::uint32_t EntityTypeBit(std::string_view type);

/// A set of words as 1024 bits (a Bloom filter with one hash): the words of a
/// sentence, or the words a rule element may start with. Two sets without a
/// common bit share no word.
class WordBits {
 public:
  /// One nonzero 64-bit block of a set: a sparse set of few words is a few blocks.
  struct Block {
    std::uint8_t index;
    std::uint64_t bits;
  };

  void Add(std::uint64_t hash) { bits_[Bit(hash) >> 6] |= std::uint64_t{1} << (Bit(hash) & 63); }
  /// Whether the set shares a bit with the set of `blocks` (Blocks() of another set).
  bool Intersects(const std::vector<Block>& blocks) const {
    for (const Block& block : blocks) {
      if ((bits_[block.index] & block.bits) != 0) return true;
    }
    return false;
  }
  /// The set's nonzero blocks.
  std::vector<Block> Blocks() const {
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < bits_.size(); ++i) {
      if (bits_[i] != 0) blocks.push_back({static_cast<std::uint8_t>(i), bits_[i]});
    }
    return blocks;
  }

 private:
  // Ten bits of the hash remixed (Fibonacci hashing): FNV's own top bits spread short words poorly.
  static std::uint64_t Bit(std::uint64_t hash) { return (hash * 0x9E3779B97F4A7C15ULL) >> 54; }
  std::array<std::uint64_t, 16> bits_{};
};

struct SlotSpec {
  char role = 'S';                 // 'S' subject, 'O' object
  std::vector<std::string> types;  // accepted entity types
  std::uint32_t type_bits = 0;     // EntityTypeBit() of each of `types`
  std::string subtype;             // Amount only: money, percent, parameters, count
  bool only_new = false;           // "~new": found by a general recogniser, not the lexicon
  bool distributive = false;       // "*": every such entity in the rest of the sentence
};

struct RuleElement {
  enum class Kind : std::uint8_t { kWords, kGap, kModifiers, kPossessive, kSlot };
  Kind kind = Kind::kWords;
  std::vector<std::vector<std::uint64_t>> alternatives;  // kWords: token hashes of each choice
  bool optional = false;
  int gap = 0;  // kGap: at most this many tokens; kModifiers: this many modifier words
  SlotSpec slot;
  // Derived by RuleSet::Index(), for kWords: the first and the last words of the choices, so
  // matching turns away a token no choice starts (or ends) with before trying each choice.
  WordFilter<8> first_words, last_words;
  // Also derived, for kWords: (first word, choice) and (last word, choice) of every choice,
  // sorted, so matching tries only the choices that start (end) with the token at hand, in
  // the order the rule lists them.
  std::vector<std::pair<std::uint64_t, int>> by_first_word, by_last_word;
};

struct Rule {
  std::string name;
  std::string relation;
  double confidence = 0.8;
  std::vector<RuleElement> elements;
  int anchor = -1;                   // index of the element matched first
  std::string context = "sentence";  // where a slot the pattern lacks is looked for
  // Derived by RuleSet::Index():
  const graph::RelationType* relation_type = nullptr;  // nullptr: not an ontology relation
  SlotSpec context_subject, context_object;            // a missing end's types, from relation_type
  // Type bits of each slot: a sentence without a mention of every slot's types cannot match.
  std::vector<std::uint32_t> required_types;
  // For each word element that must match, other than the anchor: the first words of its
  // choices, as WordBits blocks. A sentence whose words share no bit with one of these
  // cannot match.
  std::vector<std::vector<WordBits::Block>> required_words;
};

/// One relation a rule found in one sentence.
struct RuleMatch {
  int subject = -1;  // entity indices in the Document
  int object = -1;
  bool from_context = false;  // one end came from context, not from the pattern
  const Rule* rule = nullptr;
  double confidence = 0;
  int sentence = 0;
};

class RuleSet {
 public:
  /// Adds the families and rules of one file. Throws kg::Error(kInvalidInput)
  /// naming `source` and the line of a malformed row.
  void AddRules(std::string_view content, std::string_view source);

  /// Runs every rule over every sentence that is not boilerplate. Work per
  /// sentence is bounded by the sentence and mention caps.
  std::vector<RuleMatch> Apply(const Document& document) const;

  std::size_t size() const { return rules_.size(); }

 private:
  void Index();

  // A set of rules as bits (rule r is bit r % 64 of word r / 64), kept sparse: the nonzero
  // words, each with `rank`, how many of the set's rules lie in the words before it.
  struct RuleBits {
    std::uint32_t word = 0;
    std::uint32_t rank = 0;
    std::uint64_t bits = 0;
  };
  static std::vector<RuleBits> ToRuleBits(const std::vector<int>& ascending_rules);

  // The row of rules_by_types_ for a sentence with mentions of `types` (EntityTypeBit()s):
  // one bit per ontology type, and one for all the others.
  std::size_t TypeRow(std::uint32_t types) const {
    const std::uint32_t ontology = types & ((1u << ontology_types_) - 1);
    return (types & kOtherEntityTypes) != 0 ? ontology | (1u << ontology_types_) : ontology;
  }

  std::vector<Rule> rules_;
  std::unordered_map<std::string, std::string> families_;  // name -> "a|b|c"
  // The rules an anchor word starts, each with its anchor choices that begin with the word:
  // a rule the sentence rules out is skipped once, not once per choice ("chief" starts
  // dozens of title choices).
  struct AnchorRule {
    int rule = 0;
    std::vector<int> choices;
  };
  struct AnchorBucket {
    std::vector<AnchorRule> starts;  // in rule order
    std::vector<RuleBits> rules;     // the same rules as bits: starts[rank] is the rank-th
  };
  HashIndex anchor_index_;  // anchor word hash -> index in anchor_buckets_
  // The anchor words again, small enough to stay in cache: most tokens are turned away
  // without probing anchor_index_.
  WordFilter<12> anchor_filter_;
  std::vector<AnchorBucket> anchor_buckets_;
  std::vector<RuleBits> slot_anchored_;
  // Rule bitsets of rule_words_ words each. Per TypeRow(), the rules whose every slot has
  // a type among the row's: a sentence tries no other rule, whatever its words.
  std::size_t rule_words_ = 0;
  std::uint32_t ontology_types_ = 0;
  std::vector<std::uint64_t> rules_by_types_;
  std::vector<std::uint64_t> with_required_words_;  // rules with required_words to check
};

}  // namespace kg::extract::nlp
