// SPDX-License-Identifier: MIT
// Reads rule files: "family" rows name word lists, "rule" rows give a pattern.
#include <algorithm>
#include <bit>
#include <cstdlib>
#include <map>

#include "extract/nlp/rules.h"
#include "graph/error.h"

namespace kg::extract::nlp {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find(separator, i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) parts.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

[[noreturn]] void Fail(std::string_view source, int line, const std::string& message) {
  throw Error(ErrorCode::kInvalidInput,
              std::string(source) + ":" + std::to_string(line) + ": " + message);
}

SlotSpec ParseSlot(std::string_view text, std::string_view source, int line) {
  // {S:Company|Product}, {O:Amount:money}, {S:Company~new}, {S:Company~actor}, {O:Place*}
  SlotSpec slot;
  std::string_view body = text.substr(1, text.size() - 2);
  if (!body.empty() && body.back() == '*') {
    slot.distributive = true;
    body.remove_suffix(1);
  }
  if (body.size() > 4 && body.ends_with("~new")) {
    slot.only_new = true;
    body.remove_suffix(4);
  }
  if (body.size() > 6 && body.ends_with("~actor")) {
    slot.only_actor = true;
    body.remove_suffix(6);
  }
  if (body.size() < 3 || (body[0] != 'S' && body[0] != 'O') || body[1] != ':') {
    Fail(source, line, "bad slot '" + std::string(text) + "': expected {S:Type} or {O:Type}");
  }
  slot.role = body[0];
  std::vector<std::string_view> parts = Split(body.substr(2), ':');
  if (parts.empty()) Fail(source, line, "slot without a type: " + std::string(text));
  for (std::string_view type : Split(parts[0], '|')) {
    slot.types.emplace_back(type);
    slot.type_bits |= EntityTypeBit(type);
  }
  if (parts.size() > 1) slot.subtype = std::string(parts[1]);
  return slot;
}

// The slot FromContext() fills for a relation end the pattern lacks.
SlotSpec ContextSlot(const std::vector<std::string_view>& types) {
  SlotSpec slot;
  for (std::string_view type : types) {
    slot.types.emplace_back(type);
    slot.type_bits |= EntityTypeBit(type);
  }
  return slot;
}

}  // namespace

std::uint32_t EntityTypeBit(std::string_view type) {
  const auto types = graph::EntityTypes();
  for (std::size_t i = 0; i < types.size(); ++i) {
    // The first letter first: most types differ there, and the call to compare is dearer.
    if (!type.empty() && types[i][0] == type[0] && types[i] == type) return 1u << i;
  }
  return kOtherEntityTypes;
}

RelationKind RelationKindOf(std::string_view relation) {
  static constexpr std::pair<std::string_view, RelationKind> kKinds[] = {
      {"invests", RelationKind::kInvests},
      {"invests_in", RelationKind::kInvestsIn},
      {"reports_revenue", RelationKind::kReportsRevenue},
      {"reports_net_income", RelationKind::kReportsNetIncome},
      {"develops", RelationKind::kDevelops},
      {"uses", RelationKind::kUses},
      {"ceo_of", RelationKind::kCeoOf},
      {"chairman_of", RelationKind::kChairmanOf},
      {"founder_of", RelationKind::kFounderOf},
      {"works_for", RelationKind::kWorksFor},
      {"located_in", RelationKind::kLocatedIn},
      {"subsidiary_of", RelationKind::kSubsidiaryOf},
  };
  for (const auto& [name, kind] : kKinds) {
    if (name == relation) return kind;
  }
  return RelationKind::kOther;
}

void RuleSet::AddRules(std::string_view content, std::string_view source) {
  // Families first, so a rule may use a family defined further down the file.
  ForEachDataLine(content, [&](int number, std::string_view line) {
    std::vector<std::string_view> fields = SplitTabs(line);
    if (Trim(fields[0]) != "family") return;
    if (fields.size() < 3) Fail(source, number, "expected 'family<TAB>name<TAB>word|word...'");
    families_[std::string(Trim(fields[1]))] = std::string(Trim(fields[2]));
  });
  ForEachDataLine(content, [&](int number, std::string_view line) {
    std::vector<std::string_view> fields = SplitTabs(line);
    const std::string_view kind = Trim(fields[0]);
    if (kind == "family") return;
    if (kind != "rule" || fields.size() < 5) {
      Fail(source, number,
           "expected 'rule<TAB>name<TAB>relation<TAB>confidence<TAB>pattern[<TAB>context]'");
    }
    Rule rule;
    rule.name = std::string(Trim(fields[1]));
    rule.relation = std::string(Trim(fields[2]));
    const std::string confidence(Trim(fields[3]));
    char* end = nullptr;
    rule.confidence = std::strtod(confidence.c_str(), &end);
    if (end == confidence.c_str() || *end != '\0' || rule.confidence <= 0 || rule.confidence > 1) {
      Fail(source, number, "confidence must be a number in (0, 1], not '" + confidence + "'");
    }
    if (fields.size() > 5 && !Trim(fields[5]).empty()) {
      rule.context = std::string(Trim(fields[5]));
      if (rule.context != "sentence" && rule.context != "paragraph" && rule.context != "document" &&
          rule.context != "main" && rule.context != "paragraph-main") {
        Fail(source, number,
             "context must be sentence, paragraph, document, main or paragraph-main");
      }
    }
    bool has_subject = false, has_object = false;
    for (std::string_view piece : Split(Trim(fields[4]), ' ')) {
      RuleElement element;
      if (piece.starts_with("...")) {
        element.kind = RuleElement::Kind::kGap;
        element.gap = std::atoi(std::string(piece.substr(3)).c_str());
        if (element.gap <= 0 || element.gap > 30) Fail(source, number, "gap must be ...1 to ...30");
      } else if (piece.size() > 1 && piece[0] == '~') {
        element.kind = RuleElement::Kind::kModifiers;
        element.gap = std::atoi(std::string(piece.substr(1)).c_str());
        if (element.gap <= 0 || element.gap > 10)
          Fail(source, number, "modifiers must be ~1 to ~10");
      } else if (piece == "'s" || piece == "'s?") {
        element.kind = RuleElement::Kind::kPossessive;
        element.optional = piece.size() == 3;
      } else if (piece.size() > 2 && piece.front() == '{' && piece.back() == '}') {
        element.kind = RuleElement::Kind::kSlot;
        element.slot = ParseSlot(piece, source, number);
        (element.slot.role == 'S' ? has_subject : has_object) = true;
      } else {
        if (piece.size() > 1 && piece.back() == '?') {
          element.optional = true;
          piece.remove_suffix(1);
        }
        std::string words(piece);
        if (piece.starts_with("@")) {
          auto family = families_.find(std::string(piece.substr(1)));
          if (family == families_.end()) {
            Fail(source, number, "unknown family '" + std::string(piece) + "'");
          }
          words = family->second;
        }
        for (std::string_view choice : Split(words, '|')) {
          std::string spaced(choice);
          for (char& c : spaced) c = (c == '_') ? ' ' : c;
          Layout layout = Segment(spaced);
          std::vector<std::uint64_t> hashes;
          for (const Token& token : layout.tokens) hashes.push_back(token.hash);
          if (!hashes.empty()) element.alternatives.push_back(std::move(hashes));
        }
        if (element.alternatives.empty()) Fail(source, number, "empty word choice");
      }
      rule.elements.push_back(std::move(element));
    }
    if (!has_subject && !has_object)
      Fail(source, number, "a rule needs an {S:...} or {O:...} slot");
    for (std::size_t e = 0; e < rule.elements.size() && rule.anchor < 0; ++e) {
      const RuleElement& element = rule.elements[e];
      if (element.kind == RuleElement::Kind::kWords && !element.optional) {
        rule.anchor = static_cast<int>(e);
      }
    }
    // Without a trigger word, start from the last plain slot, so the slot
    // before it binds the nearest fitting entity.
    if (rule.anchor < 0) {
      for (std::size_t e = rule.elements.size(); e-- > 0 && rule.anchor < 0;) {
        if (rule.elements[e].kind == RuleElement::Kind::kSlot &&
            !rule.elements[e].slot.distributive) {
          rule.anchor = static_cast<int>(e);
        }
      }
    }
    if (rule.anchor < 0) Fail(source, number, "a rule needs a word or a plain slot to start from");
    rules_.push_back(std::move(rule));
  });
  Index();
}

std::vector<RuleSet::SparseBits> RuleSet::ToSparseBits(std::vector<int> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<SparseBits> set;
  for (int member : members) {
    const auto word = static_cast<std::size_t>(member / 64);
    if (set.empty() || set.back().word != word) {
      const std::size_t before =
          set.empty()
              ? 0
              : set.back().before + static_cast<std::size_t>(std::popcount(set.back().bits));
      set.push_back({word, 0, before});
    }
    set.back().bits |= std::uint64_t{1} << (member % 64);
  }
  return set;
}

void RuleSet::Index() {
  word_index_ = HashIndex();
  word_uses_.clear();
  std::vector<int> slot_anchored;
  // Per word use, the members of its `rules` and `elements` sets.
  std::vector<std::vector<int>> use_rules, use_elements;
  auto use_of = [&](std::uint64_t hash) -> std::size_t {
    const int use = word_index_.emplace(hash, static_cast<int>(word_uses_.size()));
    if (use == static_cast<int>(word_uses_.size())) {
      word_uses_.emplace_back();
      use_rules.emplace_back();
      use_elements.emplace_back();
    }
    return static_cast<std::size_t>(use);
  };
  std::map<std::vector<std::uint64_t>, int> element_numbers;  // sorted first words -> number
  rule_words_ = (rules_.size() + 63) / 64;
  required_elements_.assign(rules_.size(), {});
  with_required_elements_.assign(rule_words_, 0);
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    Rule& rule = rules_[r];
    rule.relation_type = graph::FindRelationType(rule.relation);
    rule.relation_kind = RelationKindOf(rule.relation);
    rule.required_types.clear();
    std::vector<int> required;
    for (std::size_t e = 0; e < rule.elements.size(); ++e) {
      RuleElement& element = rule.elements[e];
      element.first_words = {};
      element.last_words = {};
      element.by_first_word.clear();
      element.by_last_word.clear();
      std::vector<std::uint64_t> first_words;
      for (std::size_t choice = 0; choice < element.alternatives.size(); ++choice) {
        const std::vector<std::uint64_t>& words = element.alternatives[choice];
        element.first_words.Add(words.front());
        element.last_words.Add(words.back());
        element.by_first_word.emplace_back(words.front(), static_cast<int>(choice));
        element.by_last_word.emplace_back(words.back(), static_cast<int>(choice));
        first_words.push_back(words.front());
      }
      std::sort(element.by_first_word.begin(), element.by_first_word.end());
      std::sort(element.by_last_word.begin(), element.by_last_word.end());
      std::sort(first_words.begin(), first_words.end());
      first_words.erase(std::unique(first_words.begin(), first_words.end()), first_words.end());
      if (element.kind == RuleElement::Kind::kSlot) {
        rule.required_types.push_back(element.slot.type_bits);
      } else if (element.kind == RuleElement::Kind::kWords && !element.optional &&
                 static_cast<int>(e) != rule.anchor && first_words.front() != 0) {
        // (Hash 0 is no word the index can hold: such an element is not required.)
        const auto [entry, added] =
            element_numbers.emplace(first_words, static_cast<int>(element_numbers.size()));
        if (added) {
          for (std::uint64_t hash : first_words)
            use_elements[use_of(hash)].push_back(entry->second);
        }
        required.push_back(entry->second);
      }
    }
    required_elements_[r] = ToSparseBits(required);
    if (!required.empty()) with_required_elements_[r / 64] |= std::uint64_t{1} << (r % 64);
    if (rule.relation_type != nullptr) {
      rule.context_subject = ContextSlot(rule.relation_type->subject_types);
      rule.context_object = ContextSlot(rule.relation_type->object_types);
    }
    const RuleElement& anchor = rule.elements[static_cast<std::size_t>(rule.anchor)];
    if (anchor.kind == RuleElement::Kind::kSlot) {
      slot_anchored.push_back(static_cast<int>(r));
      continue;
    }
    for (std::size_t choice = 0; choice < anchor.alternatives.size(); ++choice) {
      const std::size_t use = use_of(anchor.alternatives[choice][0]);
      std::vector<AnchorRule>& starts = word_uses_[use].starts;
      if (starts.empty() || starts.back().rule != static_cast<int>(r)) {
        starts.push_back({static_cast<int>(r), {}});
        use_rules[use].push_back(static_cast<int>(r));
      }
      starts.back().choices.push_back(static_cast<int>(choice));
    }
  }
  for (std::size_t use = 0; use < word_uses_.size(); ++use) {
    word_uses_[use].rules = ToSparseBits(use_rules[use]);
    WordUse& word_use = word_uses_[use];
    word_use.elements = ToSparseBits(use_elements[use]);
    for (std::size_t k = 0; k < word_use.elements.size() && k < word_use.first_elements.size(); ++k)
      word_use.first_elements[k] = word_use.elements[k];
    word_use.anchors = word_use.starts.empty() ? 0 : 1;
  }
  slot_anchored_ = ToSparseBits(slot_anchored);
  KG_ASSERT(word_uses_.size() + 1 < kSharedSlot);
  word_slots_.assign(std::size_t{1} << kWordSlotBits, 0);
  use_hashes_.assign(word_uses_.size() + 1, 0);
  word_index_.ForEach([&](std::uint64_t hash, int use) {
    std::uint16_t& slot = word_slots_[WordSlot(hash)];
    slot = slot == 0 ? static_cast<std::uint16_t>(use + 1) : kSharedSlot;
    use_hashes_[static_cast<std::size_t>(use) + 1] = hash;
  });
  element_words_ = (element_numbers.size() + 63) / 64;
  // Every combination of the types, each ontology type and "any other" a bit: a row per
  // combination (2^8 rows of a few words for today's ontology).
  ontology_types_ = static_cast<std::uint32_t>(graph::EntityTypes().size());
  KG_ASSERT(ontology_types_ <= 12);
  const std::size_t rows = std::size_t{2} << ontology_types_;
  rules_by_types_.assign(rows * rule_words_, 0);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::uint32_t ontology = static_cast<std::uint32_t>(row) & ((1u << ontology_types_) - 1);
    const std::uint32_t types =
        (row >> ontology_types_) != 0 ? ontology | kOtherEntityTypes : ontology;
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      const std::vector<std::uint32_t>& required = rules_[r].required_types;
      if (std::all_of(required.begin(), required.end(),
                      [&](std::uint32_t bits) { return (bits & types) != 0; })) {
        rules_by_types_[row * rule_words_ + r / 64] |= std::uint64_t{1} << (r % 64);
      }
    }
  }
}

}  // namespace kg::extract::nlp
