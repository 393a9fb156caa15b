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

/// The relations the matcher reads with checks of their own ("sold its stake" undoes
/// invests_in), so a check compares a byte, not a string.
enum class RelationKind : std::uint8_t {
  kOther,
  kInvests,
  kInvestsIn,
  kReportsRevenue,
  kReportsNetIncome,
  kDevelops,
  kUses,
  kCeoOf,
  kChairmanOf,
  kFounderOf,
  kWorksFor,
  kLocatedIn,
  kSubsidiaryOf,
};
RelationKind RelationKindOf(std::string_view relation);

struct SlotSpec {
  char role = 'S';                 // 'S' subject, 'O' object
  std::vector<std::string> types;  // accepted entity types
  std::uint32_t type_bits = 0;     // EntityTypeBit() of each of `types`
  std::string subtype;             // Amount only: money, percent, parameters, count
  bool only_new = false;           // "~new": found by a general recogniser, not the lexicon
  bool only_actor = false;         // "~actor": not a preposition's object nor a thing's owner
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
  RelationKind relation_kind = RelationKind::kOther;   // RelationKindOf(relation)
  SlotSpec context_subject, context_object;            // a missing end's types, from relation_type
  // Type bits of each slot: a sentence without a mention of every slot's types cannot match.
  std::vector<std::uint32_t> required_types;
};

/// One relation a rule found in one sentence.
struct RuleMatch {
  int subject = -1;  // entity indices in the Document
  int object = -1;
  bool from_context = false;  // one end came from context, not from the pattern
  const Rule* rule = nullptr;
  double confidence = 0;
  int sentence = 0;
  bool subject_from_context = false;  // which end: the subject, else the object
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

  // A set of small numbers (rules, word elements) as bits, n being bit n % 64 of word
  // n / 64, kept sparse: the nonzero words only.
  struct SparseBits {
    std::size_t word = 0;
    std::uint64_t bits = 0;
    std::size_t before = 0;  // members in the set's earlier words
  };
  static std::vector<SparseBits> ToSparseBits(std::vector<int> members);

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
  // What a word the rules name does: the rules it anchors (`starts` in rule order, and as
  // bits in `rules`) and the required elements (below) that may start with it.
  struct WordUse {
    std::vector<AnchorRule> starts;
    std::vector<SparseBits> rules;
    std::vector<SparseBits> elements;
    // Apply() reads these for half the tokens, so without loops or branches: the first two
    // of `elements` (an empty one, bits 0, for each missing), and whether `starts` has any.
    std::array<SparseBits, 2> first_elements{};
    std::uint32_t anchors = 0;  // 1 when `starts` has any
  };
  HashIndex word_index_;  // word hash -> index in word_uses_
  std::vector<WordUse> word_uses_;
  // Apply() looks every token up, and about half are words the rules name ("of", "in",
  // ","): a table indexed by a hash's top bits holds the index in word_uses_ + 1 of the
  // word there (0: none), or kSharedSlot where words share the slot (then word_index_ is
  // asked); use_hashes_ confirms the hash. One probe, no loop.
  static constexpr int kWordSlotBits = 13;
  static constexpr std::uint16_t kSharedSlot = 0xFFFF;
  static std::size_t WordSlot(std::uint64_t hash) {
    return (hash * 0x9E3779B97F4A7C15ULL) >> (64 - kWordSlotBits);
  }
  // The index in word_uses_ of the word `hash` + 1, or 0 for a word the rules do not name.
  std::size_t WordUseOf(std::uint64_t hash) const {
    std::size_t use = word_slots_[WordSlot(hash)];
    if (use == kSharedSlot) use = static_cast<std::size_t>(word_index_.find(hash) + 1);
    // use when the hashes match, else 0: a mask, not a branch.
    return use & (std::size_t{0} - static_cast<std::size_t>(use_hashes_[use] == hash));
  }
  std::vector<std::uint16_t> word_slots_;
  std::vector<std::uint64_t> use_hashes_;  // [use + 1]: its word's hash; [0]: 0
  std::vector<SparseBits> slot_anchored_;
  // Rule bitsets of rule_words_ words each. Per TypeRow(), the rules whose every slot has
  // a type among the row's: a sentence tries no other rule, whatever its words.
  std::size_t rule_words_ = 0;
  std::uint32_t ontology_types_ = 0;
  std::vector<std::uint64_t> rules_by_types_;
  // Required elements: the word elements a rule must match besides its anchor, numbered
  // once per distinct set of first words. A sentence with none of the first words of one
  // of a rule's elements cannot match the rule.
  std::size_t element_words_ = 0;                           // words of a bitset of element numbers
  std::vector<std::vector<SparseBits>> required_elements_;  // per rule
  std::vector<std::uint64_t> with_required_elements_;       // rules with some, as bits
};

}  // namespace kg::extract::nlp
