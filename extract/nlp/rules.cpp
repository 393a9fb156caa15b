// SPDX-License-Identifier: MIT
// Matching: each rule starts at its anchor (a trigger word, or an entity for
// rules without one) and matches outwards, right then left, shortest gaps
// first, so every slot binds the nearest fitting entity.
#include "extract/nlp/rules.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <span>

#include "extract/nlp/amounts.h"
#include "extract/nlp/recogniser.h"
#include "graph/ontology.h"

namespace kg::extract::nlp {
namespace {

constexpr std::size_t kMaxStates = 8;

struct State {
  int subject = -1;  // mention indices within the sentence
  int object = -1;
  int subject_element = -1;
  int object_element = -1;
  int gaps = 0;
  std::uint32_t low = 0, high = 0;  // token span covered
  bool pronoun_before = false;      // the last slot matched was "its"/"his"/"her"
};

const WordSet& NegationWords() {
  static const WordSet set =
      MakeWordSet({"not",       "never",      "no",        "denied",     "denies",      "deny",
                   "denying",   "neither",    "nor",       "without",    "didn't",      "doesn't",
                   "don't",     "won't",      "wasn't",    "isn't",      "aren't",      "hasn't",
                   "haven't",   "hadn't",     "couldn't",  "wouldn't",   "cancelled",   "canceled",
                   "cancels",   "scrapped",   "halted",    "abandoned",  "rejected",    "ruled",
                   "former",    "ex",         "dismissed", "instead",    "rather",      "n't",
                   "refused",   "terminated", "terminate", "terminates", "termination", "withdrew",
                   "collapsed", "blocked"});
  return set;
}

// Words that undo a stake or an investment ("sold its entire stake in"): they negate only
// invests_in and invests, since "sold chips to" still states a supply.
const WordSet& DisposalWords() {
  static const WordSet set =
      MakeWordSet({"sold", "sells", "sell", "selling", "divested", "divests", "divest", "divesting",
                   "offloaded", "offloads", "dumped", "unloaded", "exited", "exits"});
  return set;
}

// Words that make a figure a shared total ("together plan to spend $300 billion").
const WordSet& SharedTotalWords() {
  static const WordSet set = MakeWordSet({"together", "combined", "collectively", "jointly"});
  return set;
}

// Verbs right after a list's last name that make it the subject of a new clause.
const WordSet& ClauseVerbs() {
  static const WordSet set =
      MakeWordSet({"has", "have", "had", "is", "are", "was", "were", "will", "would", "said",
                   "says", "also", "plans", "can", "could", "may", "might", "did", "does"});
  return set;
}

// After a plain "and" only a singular verb shows the last name is not in the list.
const WordSet& SingularClauseVerbs() {
  static const WordSet set = MakeWordSet(
      {"has", "is", "was", "says", "does", "said", "will", "would", "makes", "sells", "plans"});
  return set;
}

// Words before "of" that make the place a reference point: "south of Paris".
const WordSet& DirectionWords() {
  static const WordSet set =
      MakeWordSet({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                   "southwest", "outside", "north-east", "north-west", "south-east", "south-west"});
  return set;
}

// Words right before a place that only locate something near it.
const WordSet& ReferenceWords() {
  static const WordSet set = MakeWordSet({"near", "outside", "nearby", "beyond"});
  return set;
}

const WordSet& PassiveAuxiliaries() {
  static const WordSet set = MakeWordSet({"be", "been", "being", "is", "are", "was", "were"});
  return set;
}

// "no plans to", "no intention of": what a company denies it will do.
const WordSet& PlanNouns() {
  static const WordSet set = MakeWordSet({"plans", "plan", "intention", "intentions"});
  return set;
}

const WordSet& DepartureWords() {
  static const WordSet set =
      MakeWordSet({"resigned", "resigns", "resigning", "resignation", "quit", "quits", "ousted",
                   "ousts", "ouster", "fired", "sacked", "departed", "retired", "retiring"});
  return set;
}

const WordSet& StepWords() {
  static const WordSet set = MakeWordSet({"stepped", "steps", "step", "stepping"});
  return set;
}

const WordSet& ClauseJoiners() {
  static const WordSet set = MakeWordSet({"and", "but", "while", "whereas"});
  return set;
}

const WordSet& ForecastWords() {
  static const WordSet set = MakeWordSet(
      {"forecast", "forecasts", "forecasted", "forecasting", "projected", "projects", "projecting",
       "guidance", "outlook", "predicted", "predicts", "target", "expects", "anticipates"});
  return set;
}

const WordSet& TeamNouns() {
  static const WordSet set =
      MakeWordSet({"team", "teams", "group", "unit", "division", "lab", "staff", "engineers"});
  return set;
}

const WordSet& NotNetIncomeWords() {
  static const WordSet set =
      MakeWordSet({"pretax", "pre-tax", "operating", "gross", "before-tax", "underlying", "pre"});
  return set;
}

const WordSet& Counterfactuals() {
  static const WordSet set = MakeWordSet({"would", "could", "might", "should"});
  return set;
}

// Pronouns that open a clause of their own: a subject before them is another clause's.
const WordSet& SubjectPronouns() {
  static const WordSet set = MakeWordSet({"he", "she", "they", "we", "i"});
  return set;
}

// Words that open an apposition after a name: "Jane Roe, a Google veteran,".
const WordSet& AppositionOpeners() {
  static const WordSet set = MakeWordSet({"a",       "an",       "the",    "who",   "which",
                                          "whose",   "its",      "his",    "her",   "their",
                                          "now",     "formerly", "also",   "based", "headquartered",
                                          "founded", "owned",    "backed", "led",   "previously"});
  return set;
}

const WordSet& AcquiredParticiples() {
  static const WordSet set = MakeWordSet({"acquired", "bought", "purchased", "taken", "snapped"});
  return set;
}

const WordSet& PassiveUseVerbs() {
  static const WordSet set =
      MakeWordSet({"used", "adopted", "deployed", "licensed", "tapped", "leveraged"});
  return set;
}

// Nouns after "X's" that name another party ("Nvidia's main rival").
const WordSet& OtherPartyNouns() {
  static const WordSet set =
      MakeWordSet({"rival", "rivals", "competitor", "competitors", "challenger", "customer",
                   "customers", "supplier", "suppliers", "client", "clients", "backer", "backers"});
  return set;
}

// Capitalised words that may stand before a title without naming another
// organisation ("Executive Chairman", "Group CEO", "The chairman").
const WordSet& TitleModifiers() {
  static const WordSet set = MakeWordSet(
      {"the",      "its",       "their",    "our",           "his",         "her",     "a",
       "an",       "and",       "as",       "but",           "when",        "while",   "after",
       "before",   "meanwhile", "also",     "then",          "now",         "new",     "current",
       "longtime", "long-time", "veteran",  "founding",      "executive",   "senior",  "group",
       "company",  "corporate", "global",   "joint",         "acting",      "interim", "outgoing",
       "incoming", "honorary",  "managing", "non-executive", "independent", "chief",   "ceo",
       "chairman", "president", "founder",  "co-founder",    "rotating",    "deputy",  "vice",
       "lead",     "former"});
  return set;
}

// Participles before "on" that make what follows a basis: "based on Firefox".
const WordSet& BasisWords() {
  static const WordSet set = MakeWordSet({"based", "built", "modelled", "modeled", "running",
                                          "runs", "powered", "relying", "relies", "depends"});
  return set;
}

// Verbs of denial, and what opens the clause they deny: "denied a report that",
// "dismissed reports", "rejected claims".
const WordSet& DenialVerbs() {
  static const WordSet set =
      MakeWordSet({"denied", "denies", "deny", "denying", "dismissed", "dismisses", "rejected",
                   "rejects", "refuted", "refutes", "disputed", "disputes"});
  return set;
}
const WordSet& DenialComplements() {
  static const WordSet set =
      MakeWordSet({"a", "the", "that", "reports", "report", "claims", "claim", "speculation",
                   "rumours", "rumors", "suggestions", "any", "it", "they"});
  return set;
}

// What one buys or holds of a company without buying the company: "Certron shares".
const WordSet& HoldingNouns() {
  static const WordSet set =
      MakeWordSet({"shares", "share", "stock", "stocks", "stake", "bonds", "debt", "notes",
                   "assets", "warrants", "options", "units", "preferred", "common"});
  return set;
}

// Verbs that report speech: their subject is the sentence's source.
const WordSet& SpeechVerbs() {
  static const WordSet set =
      MakeWordSet({"said", "says", "told", "announced", "announces", "added", "reported",
                   "confirmed", "confirms", "stated", "noted", "wrote"});
  return set;
}

// Words a run of modifiers ("its own Chinese") never contains.
const WordSet& FunctionWords() {
  static const WordSet set = MakeWordSet(
      {"with", "to",    "for", "in",    "on",    "at",    "of",    "by",    "from",   "into",
       "and",  "or",    "but", "as",    "than",  "is",    "are",   "was",   "were",   "has",
       "have", "had",   "be",  "been",  "which", "that",  "who",   "the",   "a",      "an",
       "its",  "their", "his", "her",   "over",  "under", "about", "after", "before", "while",
       "will", "would", "can", "could", "may",   "might", "not"});
  return set;
}

const WordSet& HedgeWords() {
  static const WordSet set = MakeWordSet(
      {"reportedly", "may",      "might",    "could",       "would",   "plans",   "planned",
       "planning",   "expected", "rumored",  "rumoured",    "claims",  "claimed", "claim",
       "allegedly",  "reported", "possibly", "potentially", "likely",  "aims",    "considering",
       "talks",      "rumour",   "rumor",    "speculation", "sources", "intends", "seeks"});
  return set;
}

// EntityTypeBit() of the types the matcher's checks name, so a check compares bits.
struct NamedTypeBits {
  std::uint32_t company = EntityTypeBit("Company");
  std::uint32_t place = EntityTypeBit("Place");
  std::uint32_t things = EntityTypeBit("Model") | EntityTypeBit("Chip") | EntityTypeBit("Product");
};
const NamedTypeBits& TypeBits() {
  static const NamedTypeBits bits;
  return bits;
}

// Buffers of RuleSet::Apply and its matchers, kept per thread: a thread that extracts
// document after document allocates them once.
struct MatcherBuffers {
  std::vector<std::uint32_t> entity_types;  // EntityTypeBit() of each entity
  // Rule bitsets for the current sentence: the rules that may match (their slots' types
  // are there, and their required elements unless still unchecked), and the unchecked ones.
  std::vector<std::uint64_t> possible, unchecked;
  std::vector<std::uint64_t> present;  // the required elements it may match
  // Token and RuleSet::word_uses_ index of the sentence's rule words, then of its anchors.
  std::vector<std::pair<std::uint32_t, int>> anchors;
  std::vector<int> start_at;
  std::vector<int> end_at;
  std::vector<State> right, left, combined;  // MatchAround's partial and whole matches
  std::vector<int> expanded;                 // Expand()'s list
  std::vector<int> subjects, objects;        // the entities of one whole match
  // Looked up once per document, on first use (kNotYet until then): context lookups happen
  // per match, and a long document may have many.
  static constexpr int kNotYet = -2;
  int round_raiser = kNotYet;
  std::vector<std::pair<std::uint32_t, int>> main_entity_by_types;  // type bits -> entity
};

class SentenceMatcher {
 public:
  /// `entity_types` holds EntityTypeBit() of each of the document's entities.
  SentenceMatcher(const Document& document, int sentence,
                  const std::vector<std::uint32_t>& entity_types, MatcherBuffers& buffers)
      : document_(document),
        tokens_(document.layout.tokens),
        sentence_(document.layout.sentences[static_cast<std::size_t>(sentence)]),
        index_(sentence),
        mentions_(document.mentions[static_cast<std::size_t>(sentence)]),
        entity_types_(entity_types),
        start_at_(buffers.start_at),
        end_at_(buffers.end_at),
        buffers_(buffers) {
    start_at_.assign(sentence_.last_token - sentence_.first_token, -1);
    end_at_.assign(sentence_.last_token - sentence_.first_token + 1, -1);
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
      start_at_[mentions_[m].first - sentence_.first_token] = static_cast<int>(m);
      end_at_[mentions_[m].last - sentence_.first_token] = static_cast<int>(m);
    }
  }

  void MatchWordAnchor(const Rule& rule, int choice, std::uint32_t t, std::vector<RuleMatch>& out) {
    const auto& words = rule.elements[static_cast<std::size_t>(rule.anchor)]
                            .alternatives[static_cast<std::size_t>(choice)];
    if (t + words.size() > sentence_.last_token) return;
    for (std::size_t k = 1; k < words.size(); ++k) {
      if (tokens_[t + k].hash != words[k]) return;
    }
    State start;
    start.low = t;
    start.high = t + static_cast<std::uint32_t>(words.size());
    MatchAround(rule, start, t, start.high, out);
  }

  void MatchSlotAnchor(const Rule& rule, int mention, std::vector<RuleMatch>& out) {
    const RuleElement& element = rule.elements[static_cast<std::size_t>(rule.anchor)];
    if (!Accepts(element.slot, mention)) return;
    State start;
    Bind(start, element, rule.anchor, mention);
    start.low = mentions_[static_cast<std::size_t>(mention)].first;
    start.high = mentions_[static_cast<std::size_t>(mention)].last;
    MatchAround(rule, start, start.low, start.high, out);
  }

 private:
  const Mention& At(int m) const { return mentions_[static_cast<std::size_t>(m)]; }
  const DocEntity& EntityOf(int m) const {
    return document_.entities[static_cast<std::size_t>(At(m).entity)];
  }

  // Whether `entity` has one of the slot's types: a bit test, and a string
  // comparison only for types outside the ontology.
  bool TypeFits(const SlotSpec& slot, int entity) const {
    const std::uint32_t bit = entity_types_[static_cast<std::size_t>(entity)];
    if ((slot.type_bits & bit) == 0) return false;
    return bit != kOtherEntityTypes ||
           std::find(slot.types.begin(), slot.types.end(),
                     document_.entities[static_cast<std::size_t>(entity)].type) != slot.types.end();
  }

  // Whether a match has a hedge word ("reportedly", "plans"); computed on first use.
  bool Hedged() const {
    if (hedged_ < 0) {
      hedged_ = 0;
      static const std::uint64_t kReported = HashLower("reported");
      const WordSet& hedge_words = HedgeWords();
      for (std::uint32_t t = sentence_.first_token; t < sentence_.last_token && hedged_ == 0; ++t) {
        hedged_ = hedge_words.count(tokens_[t].hash) != 0 ? 1 : 0;
        // "X reported higher sales" states results; "X was reported to" hedges.
        if (tokens_[t].hash == kReported && t > sentence_.first_token &&
            PassiveAuxiliaries().count(tokens_[t - 1].hash) == 0) {
          hedged_ = 0;
        }
      }
    }
    return hedged_ != 0;
  }

  // Whether mention `m` can be a clause's doer: not the object of a preposition, even as a
  // later member of a list ("supplies cells to Tesla and Lucid from factories in Nevada"),
  // and not an owner written before its thing ("will run Nvidia's GB300 chips in Finland").
  bool IsActor(int m) const {
    if ((At(m).flags & kPossessive) != 0 ? NextMentionAfterOwner(m) >= 0 : ThingAfter(m) >= 0) {
      return false;
    }
    static const std::uint64_t kAnd = HashLower("and"), kOr = HashLower("or");
    std::uint32_t k = At(m).first;
    bool in_list = false;  // a comma separates list members only after an "and" or "or"
    for (int steps = 0; steps < 12 && k > sentence_.first_token; ++steps, --k) {
      const Token& before = tokens_[k - 1];
      if (Prepositions().count(before.hash) != 0) return false;
      in_list = in_list || before.hash == kAnd || before.hash == kOr;
      // "On Monday, Tesla uses": a comma before any "and" ends a fronted phrase.
      const bool comma = TokenText(document_.text, before) == ",";
      const bool list_word = before.hash == kAnd || before.hash == kOr || (comma && in_list) ||
                             before.capitalised || document_.transparent[k - 1] != 0;
      if (!list_word) break;
    }
    return true;
  }

  // `possessive_written`: the rule itself reads the "'s" after this slot
  // ("{O:Place} 's ~4 company"), so a possessive place is its argument.
  bool Accepts(const SlotSpec& slot, int m, bool possessive_written = false) const {
    const DocEntity& entity = EntityOf(m);
    if (!TypeFits(slot, At(m).entity)) return false;
    if (slot.only_new && (entity.lexicon_entry >= 0 || (At(m).flags & kCoref) != 0)) return false;
    if (slot.only_actor && !IsActor(m)) return false;
    const std::uint32_t type = entity_types_[static_cast<std::size_t>(At(m).entity)];
    // A possessive place modifies a noun ("China's tech sector"); it is not a location.
    if (type == TypeBits().place && (At(m).flags & kPossessive) != 0 && !possessive_written)
      return false;
    // "Google's Gemini team": the name modifies a group of people, not the thing.
    if ((type & TypeBits().things) != 0 && At(m).last < sentence_.last_token &&
        TeamNouns().count(tokens_[At(m).last].hash) != 0) {
      return false;
    }
    if (!slot.subtype.empty()) {
      const std::string& unit = entity.unit;
      if (slot.subtype == "money") return IsCurrencyUnit(unit);
      if (slot.subtype == "percent" || slot.subtype == "parameters") return unit == slot.subtype;
      if (slot.subtype == "count") {
        return !IsCurrencyUnit(unit) && unit != "percent" && unit != "parameters";
      }
    }
    return true;
  }

  static void Bind(State& state, const RuleElement& element, int index, int mention) {
    if (element.slot.role == 'S') {
      state.subject = mention;
      state.subject_element = index;
    } else {
      state.object = mention;
      state.object_element = index;
    }
  }

  // The mention an apposition ", a unit of X," (containing mention m) describes, or -1.
  int AppositionHead(int m) const {
    const std::uint32_t begin = sentence_.first_token, end = sentence_.last_token;
    std::uint32_t after = SkipForward(At(m).last);
    if (after >= end || TokenText(document_.text, tokens_[after]) != ",") return -1;
    const std::uint32_t first = At(m).first;
    for (std::uint32_t k = first; k > begin && k + 7 > first; --k) {
      const std::string_view word = TokenText(document_.text, tokens_[k - 1]);
      if (word != ",") continue;
      const std::uint32_t comma = k - 1;
      if (comma + 1 >= first) return -1;
      const std::string_view next = TokenText(document_.text, tokens_[comma + 1]);
      if (next != "a" && next != "an" && next != "the") return -1;
      const std::uint32_t head_end = SkipBackward(comma);
      return end_at_[head_end - begin];
    }
    return -1;
  }

  static constexpr std::uint32_t kNoApposition = ~std::uint32_t{0};

  // For the comma at `close`, the opening comma of the apposition it ends:
  // "Jane Roe, a Google veteran, joined", "Mobileye, which Intel controls,
  // cut": a name, a comma, an opener (article, relative pronoun, possessive
  // name) and at most a dozen tokens without other punctuation. Else
  // kNoApposition.
  std::uint32_t AppositionOpening(std::uint32_t close) const {
    const std::uint32_t begin = sentence_.first_token;
    if (TokenText(document_.text, tokens_[close]) != ",") return kNoApposition;
    for (std::uint32_t t = close; t > begin && close - t < 12;) {
      --t;
      const std::string_view word = TokenText(document_.text, tokens_[t]);
      if (word == ",") {
        if (t + 1 >= close || t == begin) return kNoApposition;
        const int opener_mention = start_at_[t + 1 - begin];
        const bool opener = AppositionOpeners().count(tokens_[t + 1].hash) != 0 ||
                            (opener_mention >= 0 && (At(opener_mention).flags & kPossessive) != 0);
        if (!opener || end_at_[SkipBackward(t) - begin] < 0) return kNoApposition;
        return t;
      }
      if (tokens_[t].kind == TokenKind::kPunct && word != "-" && word != "'s" && word != "'")
        return kNoApposition;
    }
    return kNoApposition;
  }

  // "had no plans to sell its stake", "would not sell": a disposal that is itself denied.
  bool DisposalRuledOut(std::uint32_t t) const {
    static const std::uint64_t kTo = HashLower("to"), kNo = HashLower("no");
    return t >= sentence_.first_token + 3 && DisposalWords().count(tokens_[t].hash) != 0 &&
           tokens_[t - 1].hash == kTo && PlanNouns().count(tokens_[t - 2].hash) != 0 &&
           tokens_[t - 3].hash == kNo;
  }

  static bool RuleNamesWord(const Rule& rule, std::uint64_t hash) {
    for (const RuleElement& element : rule.elements) {
      for (const auto& words : element.alternatives) {
        if (words.size() == 1 && words[0] == hash) return true;
      }
    }
    return false;
  }

  // "a former Baidu engineer who is now its chief executive": "former" is the
  // noun's; the relative clause after it states what holds now.
  bool FormerBeforeWho(std::uint32_t t, std::uint32_t high) const {
    static const std::uint64_t kFormer = HashLower("former"), kWho = HashLower("who");
    if (tokens_[t].hash != kFormer) return false;
    for (std::uint32_t k = t + 1; k < high && k < t + 8; ++k) {
      if (tokens_[k].hash == kWho) return true;
    }
    return false;
  }

  // Whether token `t` lies inside an apposition the match [low, high) steps
  // over: "X, a former engineer at Y, founded Z" is not negated by "former".
  bool InSkippedApposition(std::uint32_t t, std::uint32_t low, std::uint32_t high) const {
    for (std::uint32_t close = t + 1; close < high && close < t + 12; ++close) {
      if (TokenText(document_.text, tokens_[close]) != ",") continue;
      const std::uint32_t opening = AppositionOpening(close);
      return opening != kNoApposition && opening < t && opening >= low;
    }
    return false;
  }

  // "Tencent Cloud, the group's cloud computing division, has opened": a
  // possessive right after the comma of an apposition modifies the apposition's
  // noun; the doer is the name before the comma. Returns that name, or -1.
  int HeadOfAppositionHolding(int m) const {
    const std::uint32_t begin = sentence_.first_token, end = sentence_.last_token;
    if ((At(m).flags & (kPossessive | kPossessivePronoun)) == 0) return -1;
    const std::uint32_t first = At(m).first;
    if (first <= begin + 1 || TokenText(document_.text, tokens_[first - 1]) != ",") return -1;
    const int head = end_at_[SkipBackward(first - 1) - begin];
    if (head < 0) return -1;
    // The apposition closes with a comma after a few lower-case words.
    for (std::uint32_t t = At(m).last; t < end && t < At(m).last + 7; ++t) {
      const Token& token = tokens_[t];
      if (TokenText(document_.text, token) == ",") return head;
      if (token.possessive || (token.kind == TokenKind::kWord && !token.capitalised &&
                               FunctionWords().count(token.hash) == 0)) {
        continue;
      }
      return -1;
    }
    return -1;
  }

  // A mention followed by a reporting verb: "Mistral said", "the company told".
  bool IsSpeaker(const Mention& mention) const {
    const std::uint32_t after = SkipForward(mention.last);
    return after < sentence_.last_token && SpeechVerbs().count(tokens_[after].hash) != 0;
  }

  bool IsQuote(std::uint32_t t) const {
    const std::string_view text = TokenText(document_.text, tokens_[t]);
    return text == "\"" || text == "\xE2\x80\x9C" || text == "\xE2\x80\x9D" || text == "''" ||
           text == "``";
  }

  // A word that can modify a noun: not punctuation (a hyphen aside), not a function word.
  bool IsModifier(std::uint32_t t) const {
    const Token& token = tokens_[t];
    if (token.kind == TokenKind::kPunct) return TokenText(document_.text, token) == "-";
    return FunctionWords().count(token.hash) == 0;
  }

  // "a stake in the block operated by Statoil", "a browser based on Firefox":
  // a slot after "by" or "based on" in a gap is the agent or basis of another
  // phrase, not the rule's object. Gaps before a slot stop there; a "by" that
  // gives a measure does not count.
  bool StartsOtherAgent(std::uint32_t t) const {
    static const std::uint64_t kBy = HashLower("by"), kOn = HashLower("on");
    if (tokens_[t].hash == kBy) {  // not a measure: "rose by 8% to $38 billion"
      return t + 1 >= sentence_.last_token || !tokens_[t + 1].has_digit;
    }
    return tokens_[t].hash == kOn && t > sentence_.first_token &&
           BasisWords().count(tokens_[t - 1].hash) != 0;
  }

  // The mention right after "Owner's" (and up to two modifiers), or -1.
  int NextMentionAfterOwner(int owner) const {
    std::uint32_t t = At(owner).last;
    const std::uint32_t end = sentence_.last_token;
    if (t < end && tokens_[t].possessive) ++t;
    for (int k = 0; k <= 2 && t < end; ++k, ++t) {
      const int next = start_at_[t - sentence_.first_token];
      if (next >= 0) return next;
      if (!IsModifier(t)) return -1;
    }
    return -1;
  }

  // "will run on Nvidia's Blackwell B200 chips": an object slot that binds an
  // owner followed by a thing of its own the slot also takes means the thing.
  // So does an owner written right before its thing: "on Nvidia H100 chips".
  int OwnedThing(const SlotSpec& slot, int owner) const {
    const int thing =
        (At(owner).flags & kPossessive) != 0 ? NextMentionAfterOwner(owner) : ThingAfter(owner);
    return thing >= 0 && Accepts(slot, thing) && At(thing).entity != At(owner).entity ? thing : -1;
  }

  // The chip, model or product named right after company mention `m` ("Nvidia H100",
  // "Google Gemini"), which makes the company its modifier; or -1.
  int ThingAfter(int m) const {
    if (entity_types_[static_cast<std::size_t>(At(m).entity)] != TypeBits().company ||
        At(m).last >= sentence_.last_token ||
        (At(m).flags & kCoref) != 0) {  // "its HM-2": a pronoun names no modifier
      return -1;
    }
    const int next = start_at_[At(m).last - sentence_.first_token];
    if (next < 0) return -1;
    return (entity_types_[static_cast<std::size_t>(At(next).entity)] & TypeBits().things) != 0
               ? next
               : -1;
  }

  // "GENERAL MOTORS <GM> BUS UNIT": a short bracketed ticker the recognisers
  // left alone, skipped like a transparent one.
  std::uint32_t SkipBracketedTicker(std::uint32_t pos) const {
    const std::uint32_t end = sentence_.last_token;
    if (pos >= end) return pos;
    const std::string_view open = TokenText(document_.text, tokens_[pos]);
    if (open != "<" && open != "(") return pos;
    const std::string_view close = open == "<" ? ">" : ")";
    for (std::uint32_t t = pos + 1; t < end && t <= pos + 5; ++t) {
      if (TokenText(document_.text, tokens_[t]) == close) return t + 1;
    }
    return pos;
  }

  std::uint32_t SkipForward(std::uint32_t pos) const {
    while (pos < sentence_.last_token && document_.transparent[pos] != 0) ++pos;
    return pos;
  }
  std::uint32_t SkipBackward(std::uint32_t pos) const {
    while (pos > sentence_.first_token && document_.transparent[pos - 1] != 0) --pos;
    return pos;
  }

  // The (word, choice) entries of `by_word` (RuleElement::by_first_word or by_last_word)
  // whose word is `hash`: the choices worth comparing, in the rule's order.
  static std::span<const std::pair<std::uint64_t, int>> ChoicesWith(
      const std::vector<std::pair<std::uint64_t, int>>& by_word, std::uint64_t hash) {
    const auto first = std::lower_bound(by_word.begin(), by_word.end(), std::make_pair(hash, 0));
    auto last = first;
    while (last != by_word.end() && last->first == hash) ++last;
    return {first, last};
  }

  // False when Forward(rule, e, pos, ...) would certainly find nothing: element `e` is a
  // required word the token there cannot start, or a slot no mention starts at. Gaps try
  // many positions; most fail this cheap test, so they skip the call.
  bool MayStartAt(const Rule& rule, std::size_t e, std::uint32_t pos) const {
    if (e == rule.elements.size()) return true;
    const RuleElement& element = rule.elements[e];
    if (element.kind == RuleElement::Kind::kWords && !element.optional) {
      pos = SkipForward(pos);
      return pos < sentence_.last_token && element.first_words.MayContain(tokens_[pos].hash);
    }
    if (element.kind == RuleElement::Kind::kSlot) {
      pos = SkipForward(pos);
      return pos < sentence_.last_token && start_at_[pos - sentence_.first_token] >= 0;
    }
    return true;
  }

  void Forward(const Rule& rule, std::size_t e, std::uint32_t pos, State state,
               std::vector<State>& out) const {
    if (out.size() >= kMaxStates) return;
    pos = SkipForward(pos);
    if (e == rule.elements.size()) {
      state.high = std::max(state.high, pos);
      out.push_back(state);
      return;
    }
    const RuleElement& element = rule.elements[e];
    const std::uint32_t end = sentence_.last_token;
    switch (element.kind) {
      case RuleElement::Kind::kWords:
        if (pos < end && element.first_words.MayContain(tokens_[pos].hash)) {
          for (const auto& [word, choice] : ChoicesWith(element.by_first_word, tokens_[pos].hash)) {
            const auto& words = element.alternatives[static_cast<std::size_t>(choice)];
            if (pos + words.size() > end) continue;
            bool same = true;  // the first word is known to match
            for (std::size_t k = 1; k < words.size() && same; ++k)
              same = tokens_[pos + k].hash == words[k];
            if (same)
              Forward(rule, e + 1, pos + static_cast<std::uint32_t>(words.size()), state, out);
          }
        }
        if (element.optional) Forward(rule, e + 1, pos, state, out);
        break;
      case RuleElement::Kind::kPossessive:
        if (pos < end && tokens_[pos].possessive) {
          Forward(rule, e + 1, pos + 1, state, out);
        } else if (state.pronoun_before || element.optional) {
          Forward(rule, e + 1, pos, state, out);
        }
        break;
      case RuleElement::Kind::kGap:
        for (int k = 0; k <= element.gap && pos + k <= end; ++k) {
          if (k > 0 && e + 1 < rule.elements.size() &&
              rule.elements[e + 1].kind == RuleElement::Kind::kSlot &&
              StartsOtherAgent(pos + static_cast<std::uint32_t>(k) - 1)) {
            break;
          }
          if (!MayStartAt(rule, e + 1, pos + static_cast<std::uint32_t>(k))) continue;
          State next = state;
          next.gaps += k;
          Forward(rule, e + 1, pos + static_cast<std::uint32_t>(k), next, out);
        }
        break;
      case RuleElement::Kind::kModifiers:
        for (int k = 0; k <= element.gap && pos + k <= end; ++k) {
          if (k > 0 && !IsModifier(pos + static_cast<std::uint32_t>(k) - 1)) break;
          if (!MayStartAt(rule, e + 1, pos + static_cast<std::uint32_t>(k))) continue;
          State next = state;
          next.gaps += k;
          Forward(rule, e + 1, pos + static_cast<std::uint32_t>(k), next, out);
        }
        break;
      case RuleElement::Kind::kSlot: {
        if (pos >= end) break;
        int m = start_at_[pos - sentence_.first_token];
        const bool possessive_next = e + 1 < rule.elements.size() &&
                                     rule.elements[e + 1].kind == RuleElement::Kind::kPossessive;
        if (m < 0 || !Accepts(element.slot, m, possessive_next)) break;
        if (element.slot.role == 'O' && !possessive_next) {
          const int thing = OwnedThing(element.slot, m);
          if (thing >= 0) m = thing;
        }
        // "switched to Jamba 3 from OpenAI's GPT-4.1": the owner of a named thing
        // is not the subject the rule wants after it.
        if (element.slot.role == 'S' && !possessive_next && (At(m).flags & kPossessive) != 0 &&
            NextMentionAfterOwner(m) >= 0) {
          break;
        }
        State next = state;
        Bind(next, element, static_cast<int>(e), m);
        next.pronoun_before = (At(m).flags & kPossessivePronoun) != 0;
        Forward(rule, e + 1, At(m).last, next, out);
        // "counts Telia and Telenor among its customers": the pattern may go on after a
        // list the slot heads (Expand gives the relation to every member).
        if (e + 1 < rule.elements.size()) {
          const std::uint32_t list_end = ListEnd(element.slot, m);
          if (list_end != At(m).last) Forward(rule, e + 1, list_end, next, out);
        }
        break;
      }
    }
  }

  // The end of the list of mentions `slot` accepts that starts with mention `m`
  // ("A, B and C"), or the end of `m` when no list follows it.
  std::uint32_t ListEnd(const SlotSpec& slot, int m) const {
    const std::uint32_t end = sentence_.last_token;
    std::uint32_t last = At(m).last;
    for (int members = 1; members < 12; ++members) {
      std::uint32_t pos = last;
      const auto is = [&](std::uint32_t t, std::string_view word) {
        return t < end && TokenText(document_.text, tokens_[t]) == word;
      };
      if (is(pos, ",") && (is(pos + 1, "and") || is(pos + 1, "or"))) {
        pos += 2;
      } else if (is(pos, ",") || is(pos, "and") || is(pos, "or")) {
        pos += 1;
      } else {
        break;
      }
      if (pos >= end) break;
      const int next = start_at_[pos - sentence_.first_token];
      if (next < 0 || (At(next).flags & kPossessive) != 0 || !Accepts(slot, next)) break;
      last = At(next).last;
    }
    return last;
  }

  void Backward(const Rule& rule, int e, std::uint32_t pos, State state,
                std::vector<State>& out) const {
    if (out.size() >= kMaxStates) return;
    pos = SkipBackward(pos);
    if (e < 0) {
      state.low = std::min(state.low, pos);
      out.push_back(state);
      return;
    }
    const RuleElement& element = rule.elements[static_cast<std::size_t>(e)];
    const std::uint32_t begin = sentence_.first_token;
    switch (element.kind) {
      case RuleElement::Kind::kWords:
        if (pos > begin && element.last_words.MayContain(tokens_[pos - 1].hash)) {
          for (const auto& [word, choice] :
               ChoicesWith(element.by_last_word, tokens_[pos - 1].hash)) {
            const auto& words = element.alternatives[static_cast<std::size_t>(choice)];
            if (pos < begin + words.size()) continue;
            const std::uint32_t from = pos - static_cast<std::uint32_t>(words.size());
            bool same = true;  // the last word is known to match
            for (std::size_t k = 0; k + 1 < words.size() && same; ++k)
              same = tokens_[from + k].hash == words[k];
            if (same) Backward(rule, e - 1, from, state, out);
          }
        }
        if (element.optional) Backward(rule, e - 1, pos, state, out);
        break;
      case RuleElement::Kind::kPossessive: {
        if (pos > begin && tokens_[pos - 1].possessive) {
          Backward(rule, e - 1, pos - 1, state, out);
        } else if (element.optional) {
          Backward(rule, e - 1, pos, state, out);
        } else {
          const int m = end_at_[pos - begin];
          if (m >= 0 && (At(m).flags & kPossessivePronoun) != 0)
            Backward(rule, e - 1, pos, state, out);
        }
        break;
      }
      case RuleElement::Kind::kGap: {
        const bool before_slot = e > 0 && rule.elements[static_cast<std::size_t>(e) - 1].kind ==
                                              RuleElement::Kind::kSlot;
        const bool before_subject =
            before_slot && rule.elements[static_cast<std::size_t>(e) - 1].slot.role == 'S';
        std::uint32_t at = pos;
        for (int k = 0; k <= element.gap; ++k) {
          if (k > 0) {
            if (at <= begin) break;
            // "Toshiba, based in Tokyo, will also supply Cascadia": the doer
            // before an apposition, whichever slot the rule makes it.
            const std::uint32_t opening = before_slot ? AppositionOpening(at - 1) : kNoApposition;
            if (opening != kNoApposition) {
              // "Jane Roe, a Google veteran, joined X": the apposition is one step.
              at = opening;
            } else {
              --at;
              // "told the SEC he has acquired ...": the verb is his, not the SEC's.
              if (before_subject && SubjectPronouns().count(tokens_[at].hash) != 0) break;
            }
          }
          State next = state;
          next.gaps += k;
          Backward(rule, e - 1, at, next, out);
        }
        break;
      }
      case RuleElement::Kind::kModifiers:
        for (int k = 0; k <= element.gap && pos >= begin + static_cast<std::uint32_t>(k); ++k) {
          if (k > 0 && !IsModifier(pos - static_cast<std::uint32_t>(k))) break;
          State next = state;
          next.gaps += k;
          Backward(rule, e - 1, pos - static_cast<std::uint32_t>(k), next, out);
        }
        break;
      case RuleElement::Kind::kSlot: {
        int m = end_at_[pos - begin];
        const bool possessive_next =
            static_cast<std::size_t>(e) + 1 < rule.elements.size() &&
            rule.elements[static_cast<std::size_t>(e) + 1].kind == RuleElement::Kind::kPossessive;
        if (m < 0 || !Accepts(element.slot, m, possessive_next)) break;
        // "trains its models on Nvidia H100 chips rented from Scaleway": a company
        // naming the thing after it modifies that thing; it is no subject a gap away.
        if (element.slot.role == 'S' && static_cast<std::size_t>(e) + 1 < rule.elements.size() &&
            rule.elements[static_cast<std::size_t>(e) + 1].kind != RuleElement::Kind::kSlot &&
            ThingAfter(m) >= 0) {
          break;
        }
        // "Talon Systems, a subsidiary of Vantage Motors, opened": the subject is the head.
        if (element.slot.role == 'S') {
          int head = AppositionHead(m);
          if (head < 0) head = HeadOfAppositionHolding(m);
          if (head >= 0 && Accepts(element.slot, head)) m = head;
        }
        State next = state;
        Bind(next, element, e, m);
        Backward(rule, e - 1, At(m).first, next, out);
        break;
      }
    }
  }

  // Coordinated entities next to a slot: "Baidu (BIDU) and Tencent", "such as A, B and C".
  // The list is a buffer the next call overwrites.
  const std::vector<int>& Expand(const Rule& rule, int element_index, int mention) const {
    std::vector<int>& list = buffers_.expanded;
    list.assign(1, mention);
    const SlotSpec& slot = rule.elements[static_cast<std::size_t>(element_index)].slot;
    const std::uint32_t begin = sentence_.first_token, end = sentence_.last_token;
    auto is = [&](std::uint32_t t, std::string_view word) {
      return t < end && TokenText(document_.text, tokens_[t]) == word;
    };
    if (slot.distributive) {
      // Every such entity up to the end of the clause: "an office in Rabat which
      // will cover Morocco and Egypt" is in Rabat only.
      static const WordSet kClauseEnds =
          MakeWordSet({"which", "that", "who", "while", "whereas", "but", ";", "where"});
      std::uint32_t stop = end;
      for (std::uint32_t t = At(mention).last;
           t < end && rule.relation_kind == RelationKind::kLocatedIn; ++t) {
        if (kClauseEnds.count(tokens_[t].hash) != 0) {
          stop = t;
          break;
        }
      }
      for (std::size_t m = 0; m < mentions_.size(); ++m) {
        if (mentions_[m].first > At(mention).first && mentions_[m].first < stop &&
            Accepts(slot, static_cast<int>(m))) {
          list.push_back(static_cast<int>(m));
        }
      }
      return list;
    }
    if (element_index == rule.anchor) return list;
    if ((At(mention).flags & kCoref) != 0) return list;  // "Nvidia, and its clusters": no list
    if (element_index > rule.anchor) {
      std::uint32_t pos = At(mention).last;
      const bool things = std::find_if(slot.types.begin(), slot.types.end(), [](const auto& type) {
                            return type == "Product" || type == "Model" || type == "Chip";
                          }) != slot.types.end();
      while (list.size() < 12) {
        pos = SkipForward(pos);
        // "Lumix cameras and Technics audio equipment": a thing's common noun.
        for (int k = 0; things && k < 3 && pos < end && tokens_[pos].kind == TokenKind::kWord &&
                        !tokens_[pos].capitalised && !is(pos, "and") && !is(pos, "or") &&
                        FunctionWords().count(tokens_[pos].hash) == 0;
             ++k) {
          ++pos;
        }
        // "Kaito Nakamura, a former engineer at Boston Dynamics, and Priya
        // Raman": an apposition between members of the list is stepped over.
        if (is(pos, ",") &&
            (is(pos + 1, "a") || is(pos + 1, "an") || is(pos + 1, "the") ||
             is(pos + 1, "previously") || is(pos + 1, "formerly") || is(pos + 1, "now") ||
             is(pos + 1, "who") || is(pos + 1, "its") || is(pos + 1, "their"))) {
          std::uint32_t close = pos + 2;
          while (close < end && close < pos + 14 && !is(close, ",")) ++close;
          if (is(close, ",") && (is(close + 1, "and") || is(close + 1, "or"))) pos = close;
        }
        const bool comma_and = is(pos, ",") && (is(pos + 1, "and") || is(pos + 1, "or"));
        if (comma_and)
          pos += 2;
        else if (is(pos, ",") || is(pos, "and") || is(pos, "or") || is(pos, "&"))
          pos += 1;
        else if (is(pos, "as") && is(pos + 1, "well") && is(pos + 2, "as"))
          pos += 3;
        else
          break;
        if (is(pos, "the")) ++pos;
        // "120.5 billion yen, or about $890 million".
        if (is(pos, "about") || is(pos, "roughly") || is(pos, "some") || is(pos, "nearly") ||
            is(pos, "approximately") || is(pos, "around")) {
          ++pos;
        }
        if (pos < end && start_at_[pos - begin] < 0) {
          for (std::uint32_t k = pos; k < end && k < pos + 5 && start_at_[k - begin] < 0; ++k) {
            if (is(k, "like") || is(k, "including") || (is(k, "such") && is(k + 1, "as"))) {
              pos = is(k, "such") ? k + 2 : k + 1;
              break;
            }
          }
        }
        if (pos >= end) break;
        const int next = start_at_[pos - begin];
        // "of RBC and Shore Capital's Imogen Hale": a possessive modifies what
        // follows; "Meta's Llama 4 and Google's Gemma 3": the owned thing is the member.
        if (next >= 0 && (At(next).flags & kPossessive) != 0) {
          const int thing = OwnedThing(slot, next);
          if (thing < 0) break;
          list.push_back(thing);
          pos = At(thing).last;
          continue;
        }
        if (next < 0 || !Accepts(slot, next)) break;
        // "in Anthropic, and Google has also ...": the name starts a new clause.
        const std::uint32_t after = SkipForward(At(next).last);
        if (after < end &&
            (comma_and ? ClauseVerbs() : SingularClauseVerbs()).count(tokens_[after].hash) != 0) {
          break;
        }
        list.push_back(next);
        pos = At(next).last;
      }
    } else {
      // "Anthropic and Ploverly, a Berlin-based maker": the apposition (or relative
      // clause: "and Amnon Shashua, who is also chief executive of") after the last
      // member is that member's alone.
      const std::uint32_t after = SkipForward(At(mention).last);
      if (is(after, ",") && (is(after + 1, "a") || is(after + 1, "an") || is(after + 1, "the") ||
                             is(after + 1, "whose") || is(after + 1, "who")))
        return list;
      std::uint32_t pos = At(mention).first;
      while (list.size() < 12 && pos > begin) {
        if (is(pos - 1, "and") || is(pos - 1, "or") || is(pos - 1, "&")) {
          --pos;
          if (pos > begin && is(pos - 1, ",")) --pos;
        } else if (is(pos - 1, ",")) {
          --pos;
        } else {
          break;
        }
        pos = SkipBackward(pos);
        const int next = end_at_[pos - begin];
        if (next < 0 || !Accepts(slot, next)) break;
        list.push_back(next);
        pos = At(next).first;
      }
    }
    return list;
  }

  // Whether `earlier` is an earlier member of the list `later` ends: a comma right after it
  // and "and" or "or" right before `later`, at most an apposition between ("A, B and C",
  // "A, Nvidia's venture arm, and C").
  bool ListedBefore(const Mention& earlier, const Mention& later) const {
    static const std::uint64_t kAnd = HashLower("and"), kOr = HashLower("or");
    if (earlier.last >= later.first || later.first - earlier.last > 10 ||
        later.first <= sentence_.first_token) {
      return false;
    }
    const std::uint64_t before = tokens_[later.first - 1].hash;
    return TokenText(document_.text, tokens_[earlier.last]) == "," &&
           (before == kAnd || before == kOr);
  }

  // Whether this sentence's paragraph opens with a capitalised label and a colon, as the
  // briefs of a roundup do ("AMAZON: ...", "PHOTONICS: ...").
  bool InLabelledBrief() const {
    // Sentences are in paragraph order: the paragraph's first one by binary search, so a
    // paragraph of many sentences costs no more than a short one.
    const auto& sentences = document_.layout.sentences;
    const auto first = std::lower_bound(
        sentences.begin(), sentences.begin() + index_, sentence_.paragraph,
        [](const Sentence& sentence, int paragraph) { return sentence.paragraph < paragraph; });
    const Sentence& opening = first == sentences.begin() + index_ ? sentence_ : *first;
    const std::uint32_t t = opening.first_token;
    return t + 1 < opening.last_token && tokens_[t].all_caps &&
           tokens_[t].kind == TokenKind::kWord && TokenText(document_.text, tokens_[t + 1]) == ":";
  }

  // The company that raised the article's funding: the first one written at most two words
  // before "raised", "raises" or "raising" with money after it ("Veridian Robotics raises
  // $140 million", "said it had raised $70 million", with "it" resolved); -1 if none.
  // Found once per document.
  int RoundRaiser() const {
    int& raiser = buffers_.round_raiser;
    if (raiser != MatcherBuffers::kNotYet) return raiser;
    raiser = -1;
    static const WordSet kRaise = MakeWordSet({"raised", "raises", "raising"});
    const auto& sentences = document_.layout.sentences;
    for (std::size_t s = 0; s < sentences.size() && raiser < 0; ++s) {
      const auto& mentions = document_.mentions[s];
      for (std::uint32_t t = sentences[s].first_token; t < sentences[s].last_token; ++t) {
        if (kRaise.count(tokens_[t].hash) == 0) continue;
        int company = -1;
        bool money = false;
        for (const Mention& mention : mentions) {
          const DocEntity& entity = document_.entities[static_cast<std::size_t>(mention.entity)];
          if (mention.last <= t && t - mention.last <= 2 && entity.HasType("Company")) {
            company = mention.entity;
          }
          money = money || (mention.first > t && mention.first - t <= 4 &&
                            entity.HasType("Amount") && IsCurrencyUnit(entity.unit));
        }
        if (company >= 0 && money) {
          raiser = company;
          break;
        }
      }
    }
    return raiser;
  }

  // The document's most mentioned entity of any of the slot's types ("uses" takes a chip, a
  // model, a product or a company: an article about a chip maker's customers names the
  // company more often than any chip); -1 if none. At equal counts the one with the lower
  // index (found first) wins. Found once per document and set of types.
  int MainEntityFor(const SlotSpec& slot) const {
    auto& known = buffers_.main_entity_by_types;
    const bool cacheable = (slot.type_bits & kOtherEntityTypes) == 0;
    if (cacheable) {
      for (const auto& [bits, entity] : known) {
        if (bits == slot.type_bits) return entity;
      }
    }
    int best = -1;
    const auto& entities = document_.entities;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (entities[i].mentions == 0 || !TypeFits(slot, static_cast<int>(i))) continue;
      if (best < 0 || entities[i].mentions > entities[static_cast<std::size_t>(best)].mentions) {
        best = static_cast<int>(i);
      }
    }
    if (cacheable) known.emplace_back(slot.type_bits, best);
    return best;
  }

  // An entity for a slot the pattern lacks: this sentence, earlier ones, the document.
  // Prefers a plain mention before the match (nearest first), then one after,
  // then possessive ones ("OpenAI's chatbot" is a modifier, seldom the actor).
  int FromContext(const Rule& rule, char role, const std::vector<int>& excluded,
                  const State& state) const {
    const SlotSpec& slot = role == 'S' ? rule.context_subject : rule.context_object;
    // "... also took part in the round": the article's own round, whoever else the
    // sentence names.
    if (rule.context == "main") {
      // A stake in "the round" is in the company that raised it, whoever the article names
      // more often ("Veridian Robotics raised $140 million ... NVentures, Nvidia's venture
      // arm, also took part").
      const int raiser =
          rule.relation_kind == RelationKind::kInvestsIn && role == 'O' ? RoundRaiser() : -1;
      const int main = raiser >= 0 ? raiser : MainEntityFor(slot);
      const bool listed = std::find(excluded.begin(), excluded.end(), main) != excluded.end();
      return listed ? -1 : main;
    }
    const bool person_role =
        role == 'O' && !excluded.empty() &&
        document_.entities[static_cast<std::size_t>(excluded.front())].type == "Person";
    auto usable = [&](std::size_t m) {
      const Mention& mention = mentions_[m];
      if (mention.first >= state.low && mention.last <= state.high) return false;
      if (std::find(excluded.begin(), excluded.end(), mention.entity) != excluded.end()) {
        return false;
      }
      // "A, Nvidia's arm, and B also took part": A is B's fellow, not what B acted on.
      if (role == 'O' && state.subject >= 0 && ListedBefore(mention, At(state.subject))) {
        return false;
      }
      // "trained on Nvidia H200 chips in a data centre in Cheonan": the company
      // naming a thing modifies it; it is not what the match is about.
      return Accepts(slot, static_cast<int>(m)) && ThingAfter(static_cast<int>(m)) < 0;
    };
    int best = -1, best_rank = 99;
    bool best_after_preposition = false;
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
      if (!usable(m)) continue;
      const Mention& mention = mentions_[m];
      const bool possessive = (mention.flags & (kPossessive | kPossessivePronoun)) != 0;
      const bool before = mention.last <= state.low;
      // After the match: a last resort. Where the rule may look further, only
      // the sentence's speaker ("... took part in the round, Mistral said"), and
      // never for a person's company ("CEO X said ... Apple" is seldom Apple's).
      if (!before && rule.context != "sentence" && (person_role || !IsSpeaker(mention))) {
        continue;
      }
      // "EBay's net revenue ... at its PayPal unit": an owner written right
      // before the match, as a possessive, is the one the match is about.
      int rank = possessive && before && OwnsMatch(mention, state)
                     ? -1
                     : (possessive ? 2 : 0) + (before ? 0 : 1);
      // "SoftBank ... sold its stake in Nvidia ..., Chief Financial Officer X
      // told reporters": a person's company is the clause's subject, seldom
      // the object of a preposition.
      const bool after_preposition = person_role && rank >= 0 &&
                                     mention.first > sentence_.first_token &&
                                     Prepositions().count(tokens_[mention.first - 1].hash) != 0;
      if (after_preposition) ++rank;
      // Among mentions before the match, the later (nearer) one wins at equal rank.
      if (rank < best_rank || (rank == best_rank && before)) {
        best = mention.entity;
        best_rank = rank;
        best_after_preposition = after_preposition;
      }
    }
    // "... an order with Boeing Co for four 747s, chairman Jim Leslie said":
    // with only a prepositional object in the sentence, the article's own
    // company is the better guess where the rule may look that far.
    if (best >= 0 && best_after_preposition && rule.context == "document" && !slot.types.empty()) {
      const int main = MainEntityFor(slot);
      if (main >= 0 && std::find(excluded.begin(), excluded.end(), main) == excluded.end()) {
        return main;
      }
    }
    if (best >= 0) return best;
    if (rule.context == "sentence") return -1;
    // In a roundup of briefs ("AMAZON: Amazon Web Services said ..."), the document's
    // context is the brief's own paragraph.
    // "paragraph-main": the paragraph, else the article's main entity ("Revenue rose 30% to
    // $33.1 billion." in an earnings story that names its company paragraphs earlier).
    const bool paragraph_first = rule.context == "paragraph" || rule.context == "paragraph-main";
    if (paragraph_first || (rule.context == "document" && InLabelledBrief())) {
      for (int back = index_ - 1; back >= 0 && back >= index_ - 4; --back) {
        const Sentence& earlier = document_.layout.sentences[static_cast<std::size_t>(back)];
        if (earlier.paragraph != sentence_.paragraph) break;
        for (const Mention& mention : document_.mentions[static_cast<std::size_t>(back)]) {
          if (std::find(excluded.begin(), excluded.end(), mention.entity) == excluded.end() &&
              TypeFits(slot, mention.entity)) {
            return mention.entity;
          }
        }
      }
      if (rule.context == "paragraph") return -1;
    }
    const int main = MainEntityFor(slot);
    if (main >= 0 && std::find(excluded.begin(), excluded.end(), main) == excluded.end()) {
      return main;
    }
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
      if (usable(m) && mentions_[m].first >= state.high) return mentions_[m].entity;
    }
    return -1;
  }

  // Whether the rule's last element is a slot bound to a name that only
  // modifies what follows: "Toyota's hybrid technology", "73,000 Certron shares".
  // Holding a company's shares is a stake in it (`invests_in`), not ownership of
  // it (`subsidiary_of`): "holds 9 pct of Calder's shares" keeps Calder.
  bool EndsWithModifierSlot(const Rule& rule, const State& state) const {
    static const WordSet kEquityNouns =
        MakeWordSet({"shares", "share", "stock", "stocks", "stake", "equity"});
    static const WordSet kPartNouns = MakeWordSet(
        {"unit", "units", "division", "divisions", "business", "businesses", "operations",
         "subsidiary", "subsidiaries", "arm", "plant", "plants", "group"});
    const auto last = static_cast<int>(rule.elements.size()) - 1;
    const int mention = state.subject_element == last  ? state.subject
                        : state.object_element == last ? state.object
                                                       : -1;
    if (mention < 0) return false;
    const bool possessive = (At(mention).flags & kPossessive) != 0;
    // "X, who heads Acme's cloud unit": the title is the unit's, not Acme's.
    if (rule.relation_kind == RelationKind::kCeoOf ||
        rule.relation_kind == RelationKind::kChairmanOf)
      return possessive && mention == state.object;
    // Up to two more words of the name or modifiers: "Builders Transport common shares".
    std::uint32_t after = SkipForward(At(mention).last);
    if (possessive && after < sentence_.last_token && tokens_[after].possessive) ++after;
    after = SkipBracketedTicker(after);
    // "bought 100,000 Nvidia H100 chips": the company names the maker of what was bought.
    if (after < sentence_.last_token) {
      const int next = start_at_[after - sentence_.first_token];
      if (next >= 0) {
        const std::string& type = EntityOf(next).type;
        if (type == "Chip" || type == "Model" || type == "Product") return true;
      }
    }
    for (int k = 0; k < 3 && after < sentence_.last_token; ++k, ++after) {
      const Token& token = tokens_[after];
      if (rule.relation_kind == RelationKind::kInvestsIn && kEquityNouns.count(token.hash) != 0)
        return false;
      // "buys General Motors bus unit": the unit was bought, not the company.
      if (kPartNouns.count(token.hash) != 0) {
        // "a unit of Cisco's networking group": a part of the owner is still the owner's.
        if (rule.relation_kind == RelationKind::kSubsidiaryOf && possessive) return false;
        if (rule.relation_kind == RelationKind::kSubsidiaryOf ||
            rule.relation_kind == RelationKind::kInvestsIn)
          return true;
      }
      if (HoldingNouns().count(token.hash) != 0) return true;
      if (token.kind != TokenKind::kWord || FunctionWords().count(token.hash) != 0) break;
    }
    return possessive;
  }

  // A possessive mention followed only by "'s" and at most two lower-case
  // modifiers before the match: "EBay's net revenue", "Intel's chief executive".
  bool OwnsMatch(const Mention& mention, const State& state) const {
    if (state.low < mention.last || state.low - mention.last > 3) return false;
    for (std::uint32_t t = mention.last; t < state.low; ++t) {
      const Token& token = tokens_[t];
      if (token.possessive) continue;
      if (token.kind != TokenKind::kWord || token.capitalised) return false;
    }
    return true;
  }

  bool OfPlacesFirm(const State& state) const {
    // "Muslim Council of Britain", "Bank of Japan", "Food Corporation of India": an
    // institution's noun before "of" takes the place into its name; a firm's does not
    // ("Micron Technology of Boise, Idaho").
    static const WordSet kOtherInstitutionNouns = MakeWordSet(
        {"bank",       "university", "institution", "department",  "church",     "republic",
         "government", "museum",     "union",       "league",      "academy",    "court",
         "board",      "college",    "school",      "port",        "city",       "state",
         "province",   "kingdom",    "exchange",    "corporation", "foundation", "party",
         "congress",   "parliament", "assembly",    "hospital",    "centre",     "center"});
    const std::uint64_t noun = tokens_[At(state.subject).last - 1].hash;
    if (PublicBodyNouns().count(noun) != 0 || kOtherInstitutionNouns.count(noun) != 0) {
      return false;
    }
    const std::uint32_t after = At(state.object).last;
    return after >= sentence_.last_token || !tokens_[after].capitalised ||
           tokens_[after].kind != TokenKind::kWord;
  }

  // "turnover rose $7.2bn to $170.8bn": the first figure is the change, the
  // one after "to" the level reported.
  int LevelAfterChange(int m) const {
    static const WordSet kChangeWords =
        MakeWordSet({"rose", "fell", "increased", "decreased", "grew", "climbed", "jumped",
                     "dropped", "declined", "slipped", "gained", "lost", "by", "up", "down",
                     "surged", "slumped", "plunged", "soared"});
    static const std::uint64_t kTo = HashLower("to");
    const std::uint32_t begin = sentence_.first_token, end = sentence_.last_token;
    const std::uint32_t after = At(m).last;
    if (At(m).first <= begin || after + 1 >= end || tokens_[after].hash != kTo ||
        kChangeWords.count(tokens_[At(m).first - 1].hash) == 0) {
      return m;
    }
    const int level = start_at_[after + 1 - begin];
    if (level < 0 || EntityOf(level).type != "Amount" || EntityOf(level).unit != EntityOf(m).unit)
      return m;
    return level;
  }

  // "$1.62 per share", "45 cents a share": a per-share figure, never a company's
  // revenue, income or spending.
  bool PerShareFigure(int mention) const {
    static const std::uint64_t kTo = HashLower("to"), kDash = HashLower("-"),
                               kPer = HashLower("per"), kA = HashLower("a");
    static const WordSet kShareWords = MakeWordSet({"share", "diluted", "basic"});
    // Newswire results tables ("Shr profit 80 cts vs profit 15 cts", "Oper shr loss 13 cts")
    // and "per share earnings rose 28 pct to 616 cts": the words just before the figure, back
    // to where another figure's phrase starts ("... vs 10 cts net 1.2 mln").
    static const std::uint64_t kShr = HashLower("shr"), kShare = HashLower("share"),
                               kOr = HashLower("or");
    static const WordSet kResults = MakeWordSet({"earnings", "profit", "profits", "income"});
    static const WordSet kOtherFigures =
        MakeWordSet({"net", "revs", "revenue", "revenues", "sales", "turnover", ";"});
    const std::uint32_t first = At(mention).first;
    for (std::uint32_t k = first; k > sentence_.first_token && k + 12 > first; --k) {
      const Token& token = tokens_[k - 1];
      if (token.hash == kShr) return true;
      if (token.hash == kPer && k + 1 < first && tokens_[k].hash == kShare &&
          kResults.count(tokens_[k + 1].hash) != 0) {
        return true;
      }
      if (kOtherFigures.count(token.hash) != 0) break;
    }
    // "earnings rose to 76.9 mln dlrs or 3.26 dlrs": a far smaller figure of the same
    // currency after "or" is the same result per share.
    if (first >= sentence_.first_token + 2 && tokens_[first - 1].hash == kOr) {
      const int before = end_at_[first - 1 - sentence_.first_token];
      if (before >= 0) {
        const DocEntity& total = EntityOf(before);
        const DocEntity& figure = EntityOf(mention);
        if (total.HasType("Amount") && total.unit == figure.unit && total.value && figure.value &&
            *total.value > 1000 * *figure.value) {
          return true;
        }
      }
    }
    std::uint32_t t = At(mention).last;
    // The low end of a range: "$1.48 to $1.52 per share".
    if (t + 1 < sentence_.last_token && (tokens_[t].hash == kTo || tokens_[t].hash == kDash)) {
      const int high = start_at_[t + 1 - sentence_.first_token];
      if (high >= 0) t = At(high).last;
    }
    if (t + 1 >= sentence_.last_token) return false;
    // Any "per ..." is a price or rate: "138.25 dlrs per long ton".
    if (tokens_[t].hash == kPer) return true;
    static const WordSet kUnitNouns =
        MakeWordSet({"barrel", "ton", "tonne", "ounce", "pound", "gallon", "unit", "kilo"});
    return tokens_[t].hash == kA && (kShareWords.count(tokens_[t + 1].hash) != 0 ||
                                     kUnitNouns.count(tokens_[t + 1].hash) != 0);
  }

  // "a US-based firm X1 Technologies", "the Edinburgh-based firm CEC": a
  // descriptor ending the match, followed by a capitalised name that is no
  // mention, describes that unrecognised name, not a company from context.
  bool DescribesUnrecognisedName(const Rule& rule, const State& state) const {
    if (rule.elements.empty() || rule.elements.back().kind != RuleElement::Kind::kWords) {
      return false;
    }
    // "Brown-Forman, the Louisville, Kentucky-based maker": the descriptor is an
    // apposition to the unrecognised name before it.
    {
      static const std::uint64_t kThe = HashLower("the"), kA = HashLower("a");
      std::uint32_t b = state.low;
      const std::uint32_t begin = sentence_.first_token;
      if (b > begin && (tokens_[b - 1].hash == kThe || tokens_[b - 1].hash == kA)) --b;
      if (b >= begin + 2 && TokenText(document_.text, tokens_[b - 1]) == "," &&
          tokens_[b - 2].capitalised && end_at_[b - 1 - begin] < 0 &&
          (tokens_[b - 2].kind == TokenKind::kWord)) {
        return true;
      }
    }
    std::uint32_t t = state.high;
    if (t < sentence_.last_token && TokenText(document_.text, tokens_[t]) == ",") ++t;
    if (t >= sentence_.last_token || start_at_[t - sentence_.first_token] >= 0) return false;
    const Token& token = tokens_[t];
    return (token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber) &&
           token.capitalised && TitleModifiers().count(token.hash) == 0;
  }

  // "Association chairman Nyoman Muna", "Board Chairman Paul Volcker": a title
  // right after a capitalised word that is no mention names the person's own,
  // unrecognised organisation. Filling the company in from context would
  // credit the person to another one.
  bool TitleOfUnrecognisedOwner(const Rule& rule, const State& state) const {
    if (rule.elements.empty() || rule.elements.front().kind != RuleElement::Kind::kWords ||
        state.low <= sentence_.first_token) {
      return false;
    }
    // Lower-case modifiers in between do not matter: "the Liberal Democrat
    // parliamentary chairman Matthew Taylor".
    std::uint32_t before = state.low - 1;
    // "Tory co-chairman Liam Fox": a glued prefix belongs to the title.
    if (before >= sentence_.first_token + 2 && TokenText(document_.text, tokens_[before]) == "-" &&
        !tokens_[before].space_before && tokens_[before - 1].kind == TokenKind::kWord &&
        !tokens_[before - 1].capitalised) {
      before -= 2;
    }
    for (int k = 0;
         k < 2 && before > sentence_.first_token && tokens_[before].kind == TokenKind::kWord &&
         !tokens_[before].capitalised && FunctionWords().count(tokens_[before].hash) == 0;
         ++k) {
      --before;
    }
    const Token& token = tokens_[before];
    if (token.kind != TokenKind::kWord || !token.capitalised) return false;
    if (end_at_[before + 1 - sentence_.first_token] >= 0) return false;  // a mention ends there
    return TitleModifiers().count(token.hash) == 0;
  }

  // A place named only to say where something else is ("south of Paris", "near Austin").
  bool ReferencePoint(int mention) const {
    const std::uint32_t first = At(mention).first;
    auto word_at = [&](std::uint32_t t) {
      return t >= sentence_.first_token && t < first ? tokens_[t].hash : 0;
    };
    if (first == 0) return false;
    if (ReferenceWords().count(word_at(first - 1)) != 0) return true;
    return first >= 2 && word_at(first - 1) == HashLower("of") &&
           DirectionWords().count(word_at(first - 2)) != 0;
  }

  // The region written after a place: "Abilene, Texas", "Veldhoven in the Netherlands".
  int EnclosingPlace(int mention) const {
    const std::uint32_t begin = sentence_.first_token, end = sentence_.last_token;
    if (document_.entities[static_cast<std::size_t>(At(mention).entity)].type != "Place") return -1;
    std::uint32_t pos = At(mention).last;
    auto is = [&](std::uint32_t t, std::string_view word) {
      return t < end && TokenText(document_.text, tokens_[t]) == word;
    };
    if (is(pos, ",") || is(pos, "in")) {
      ++pos;
    } else {
      return -1;
    }
    if (is(pos, "the") && pos + 1 < end && start_at_[pos - begin] < 0) ++pos;
    if (pos >= end) return -1;
    const int next = start_at_[pos - begin];
    if (next < 0 || document_.entities[static_cast<std::size_t>(At(next).entity)].type != "Place")
      return -1;
    return next;
  }

  // "Nvidia's main rival ... has shipped": a possessive subject followed by a noun for
  // another party is not the doer when the rule then skips ahead with a gap.
  bool PossessiveOfOther(const Rule& rule, const State& state) const {
    const auto next_element = static_cast<std::size_t>(state.subject_element) + 1;
    if (next_element >= rule.elements.size() ||
        rule.elements[next_element].kind != RuleElement::Kind::kGap ||
        (At(state.subject).flags & kPossessive) == 0) {
      return false;
    }
    const std::uint32_t end = sentence_.last_token;
    const std::uint32_t t = At(state.subject).last;  // the "'s", then two modifiers
    for (std::uint32_t k = t; k < end && k < t + 4; ++k) {
      if (OtherPartyNouns().count(tokens_[k].hash) != 0) return true;
    }
    return false;
  }

  bool Negated(const Rule& rule, const State& state) const {
    // "The company denied a report that it was in talks with Alibaba about ...":
    // a denial governs the whole clause it introduces, however long.
    static const std::uint64_t kNo = HashLower("no"), kInterest = HashLower("interest");
    const WordSet& denial_verbs = DenialVerbs();
    for (std::uint32_t t = sentence_.first_token; t + 1 < state.low; ++t) {
      if (denial_verbs.count(tokens_[t].hash) != 0 &&
          DenialComplements().count(tokens_[t + 1].hash) != 0) {
        return true;
      }
      // "had no plans to build a third plant in North America"; but "no plans to
      // sell its stake" keeps the stake (DisposalWords holds "sell").
      if (tokens_[t].hash == kNo &&
          (PlanNouns().count(tokens_[t + 1].hash) != 0 || tokens_[t + 1].hash == kInterest) &&
          !(t + 3 < sentence_.last_token && DisposalWords().count(tokens_[t + 3].hash) != 0)) {
        return true;
      }
    }
    // Six tokens before the match, but not back into a quotation: in
    // "'... has never been stronger,' said Brett Simpson, co-founder of Arete"
    // the negation is the speaker's words, not the attribution's.
    std::uint32_t from = state.low;
    while (from > sentence_.first_token && state.low - from < 6 && !IsQuote(from - 1)) --from;
    // "did not beat Meta's Llama 4 Scout": a negation before a possessive noun phrase
    // denies what is said about the thing, not that Meta's model is Meta's.
    const bool owned_thing = rule.relation_kind == RelationKind::kDevelops &&
                             rule.elements.size() >= 2 &&
                             rule.elements[0].kind == RuleElement::Kind::kSlot &&
                             rule.elements[1].kind == RuleElement::Kind::kPossessive;
    const bool investment = rule.relation_kind == RelationKind::kInvestsIn ||
                            rule.relation_kind == RelationKind::kInvests;
    static const std::uint64_t kInto = HashLower("into"), kDown = HashLower("down");
    static const std::uint64_t kHave = HashLower("have"), kVice = HashLower("vice"),
                               kDeputy = HashLower("deputy");
    const bool title = rule.relation_kind == RelationKind::kCeoOf ||
                       rule.relation_kind == RelationKind::kChairmanOf ||
                       rule.relation_kind == RelationKind::kFounderOf;
    // "Analysts have forecast X's profit will rise to ...": a forecast is no result.
    // The clause only: "X forecast a profit of ..., and revenue rose to $4.2 billion".
    if (rule.relation_kind == RelationKind::kReportsNetIncome ||
        rule.relation_kind == RelationKind::kReportsRevenue) {
      for (std::uint32_t t = state.high; t > sentence_.first_token; --t) {
        const std::uint32_t k = t - 1;
        if (ForecastWords().count(tokens_[k].hash) != 0) return true;
        if (k < state.low && k > sentence_.first_token &&
            TokenText(document_.text, tokens_[k - 1]) == "," &&
            ClauseJoiners().count(tokens_[k].hash))
          break;
        if (k < state.low && TokenText(document_.text, tokens_[k]) == ";") break;
      }
    }
    // "earned 7.0 trillion won of the operating profit": a little past the match too.
    if (rule.relation_kind == RelationKind::kReportsNetIncome) {
      for (std::uint32_t t = state.high; t < sentence_.last_token && t < state.high + 4; ++t) {
        if (NotNetIncomeWords().count(tokens_[t].hash) != 0) return true;
      }
    }
    // "will build Kimi into its vehicles": built in, not built.
    if (rule.relation_kind == RelationKind::kDevelops && state.high < sentence_.last_token &&
        tokens_[state.high].hash == kInto) {
      return true;
    }
    const WordSet& negation_words = NegationWords();
    for (std::uint32_t t = from; t < state.high; ++t) {
      // "vice chairman", "deputy CEO": another title, though still a job at the company.
      if (title && (tokens_[t].hash == kVice || tokens_[t].hash == kDeputy)) return true;
      // "resigned as chairman", "stepped down as chief executive": no longer in the job.
      if ((title || rule.relation_kind == RelationKind::kWorksFor) &&
          (DepartureWords().count(tokens_[t].hash) != 0 ||
           (StepWords().count(tokens_[t].hash) != 0 && t + 1 < sentence_.last_token &&
            tokens_[t + 1].hash == kDown))) {
        return true;
      }
      if (negation_words.count(tokens_[t].hash) != 0 && !(owned_thing && t < state.low) &&
          !InSkippedApposition(t, state.low, state.high) && !FormerBeforeWho(t, state.high) &&
          !(investment && t + 3 < sentence_.last_token && DisposalRuledOut(t + 3))) {
        return true;
      }
      // "the deal, in which Fujitsu would have bought 80 pct": counterfactual.
      if (t > sentence_.first_token && tokens_[t].hash == kHave &&
          Counterfactuals().count(tokens_[t - 1].hash) != 0) {
        return true;
      }
      // "sold its stake in X to Y": a rule that itself names the sale reads it.
      if (investment && DisposalWords().count(tokens_[t].hash) != 0 &&
          !RuleNamesWord(rule, tokens_[t].hash) && !DisposalRuledOut(t)) {
        return true;
      }
      if (rule.relation_kind == RelationKind::kInvests &&
          SharedTotalWords().count(tokens_[t].hash) != 0)
        return true;
      // "pretax profits", "operating profit", "gross profit": not net income.
      if (rule.relation_kind == RelationKind::kReportsNetIncome &&
          NotNetIncomeWords().count(tokens_[t].hash) != 0) {
        return true;
      }
      // "Wiz, which was acquired by Google for $32 billion": the one bought pays nothing.
      if (rule.relation_kind == RelationKind::kInvests && t + 1 < state.high &&
          PassiveAuxiliaries().count(tokens_[t].hash) != 0 &&
          AcquiredParticiples().count(tokens_[t + 1].hash) != 0) {
        return true;
      }
      // "X's models will be used in Y": passive, so X is what is used (use-passive reads "by").
      if (rule.relation_kind == RelationKind::kUses && t + 1 < state.high &&
          PassiveAuxiliaries().count(tokens_[t].hash) != 0 &&
          PassiveUseVerbs().count(tokens_[t + 1].hash) != 0 && rule.name != "use-passive") {
        return true;
      }
    }
    return false;
  }

  void MatchAround(const Rule& rule, const State& start, std::uint32_t anchor_begin,
                   std::uint32_t anchor_end, std::vector<RuleMatch>& out) const {
    static const std::uint64_t kOf = HashLower("of");
    std::vector<State>& right = buffers_.right;
    std::vector<State>& left = buffers_.left;
    right.clear();
    left.clear();
    Forward(rule, static_cast<std::size_t>(rule.anchor) + 1, anchor_end, start, right);
    if (right.empty()) return;
    Backward(rule, rule.anchor - 1, anchor_begin, start, left);
    if (left.empty()) return;
    const graph::RelationType* type = rule.relation_type;
    std::vector<State>& combined = buffers_.combined;
    combined.clear();
    for (const State& r : right) {
      for (const State& l : left) {
        State both = r;
        if (l.subject >= 0) {
          both.subject = l.subject;
          both.subject_element = l.subject_element;
        }
        if (l.object >= 0) {
          both.object = l.object;
          both.object_element = l.object_element;
        }
        both.low = l.low;
        both.gaps = l.gaps + r.gaps;
        // Fewest gaps first, in the order found among equals (an insertion sort).
        std::size_t at = combined.size();
        combined.push_back(both);
        for (; at > 0 && combined[at - 1].gaps > both.gaps; --at) combined[at] = combined[at - 1];
        combined[at] = both;
      }
    }
    for (const State& state : combined) {
      const int gaps = state.gaps;
      if (Negated(rule, state)) return;
      if (state.subject >= 0 && PossessiveOfOther(rule, state)) continue;
      std::vector<int>& subjects = buffers_.subjects;
      std::vector<int>& objects = buffers_.objects;
      subjects.clear();
      objects.clear();
      bool from_context = false, context_subject = false;
      if (state.subject >= 0) {
        for (int m : Expand(rule, state.subject_element, state.subject))
          subjects.push_back(At(m).entity);
      }
      if (state.object >= 0) {
        const bool money_of_company = rule.relation_kind == RelationKind::kReportsRevenue ||
                                      rule.relation_kind == RelationKind::kReportsNetIncome ||
                                      rule.relation_kind == RelationKind::kInvests;
        for (int m : Expand(rule, state.object_element, state.object)) {
          if (rule.relation_kind == RelationKind::kLocatedIn && ReferencePoint(m)) continue;
          if (money_of_company && PerShareFigure(m)) continue;
          if (money_of_company) m = LevelAfterChange(m);
          objects.push_back(At(m).entity);
          if (rule.relation_kind == RelationKind::kLocatedIn) {
            const int region = EnclosingPlace(m);
            if (region >= 0) objects.push_back(At(region).entity);
          }
        }
      }
      // "Nissan has bought Toyota's hybrid technology": a possessive ending the
      // match owns what was bought or held; that thing is the argument.
      if ((rule.relation_kind == RelationKind::kSubsidiaryOf ||
           rule.relation_kind == RelationKind::kInvestsIn ||
           rule.relation_kind == RelationKind::kCeoOf ||
           rule.relation_kind == RelationKind::kChairmanOf) &&
          EndsWithModifierSlot(rule, state)) {
        continue;
      }
      // "Volkswagen AG of Germany" locates the firm; "Bank of Japan", "Lloyds of
      // London" name it: "of" places only a name that ends in its legal form,
      // and only a place that is not itself the start of a longer name.
      if (rule.relation_kind == RelationKind::kLocatedIn && state.subject >= 0 &&
          state.object >= 0 && At(state.subject).last + 1 == At(state.object).first &&
          tokens_[At(state.subject).last].hash == kOf && !OfPlacesFirm(state)) {
        continue;
      }
      // The match named objects and all were ruled out: no context stands in for them.
      if (state.object >= 0 && objects.empty()) continue;
      // A sum several companies spend "together" belongs to none of them alone.
      if (rule.relation_kind == RelationKind::kInvests && subjects.size() > 1) continue;
      if (subjects.empty() || objects.empty()) {
        if (type == nullptr) continue;
        if (objects.empty() && !subjects.empty() &&
            document_.entities[static_cast<std::size_t>(subjects.front())].type == "Person" &&
            TitleOfUnrecognisedOwner(rule, state)) {
          continue;
        }
        if (DescribesUnrecognisedName(rule, state)) continue;
        const std::vector<int>& known = subjects.empty() ? objects : subjects;
        const int found = FromContext(rule, subjects.empty() ? 'S' : 'O', known, state);
        if (found < 0) continue;
        context_subject = subjects.empty();
        (subjects.empty() ? subjects : objects).push_back(found);
        from_context = true;
      }
      bool coref = (state.subject >= 0 && (At(state.subject).flags & kCoref) != 0) ||
                   (state.object >= 0 && (At(state.object).flags & kCoref) != 0);
      double confidence = rule.confidence * (Hedged() ? 0.8 : 1.0) *
                          std::max(0.6, 1.0 - 0.01 * gaps) * (from_context ? 0.85 : 1.0) *
                          (coref ? 0.9 : 1.0);
      bool any = false;
      for (int subject : subjects) {
        for (int object : objects) {
          if (subject == object) continue;
          const DocEntity& s = document_.entities[static_cast<std::size_t>(subject)];
          const DocEntity& o = document_.entities[static_cast<std::size_t>(object)];
          if (type != nullptr && (std::find(type->subject_types.begin(), type->subject_types.end(),
                                            s.type) == type->subject_types.end() ||
                                  std::find(type->object_types.begin(), type->object_types.end(),
                                            o.type) == type->object_types.end())) {
            continue;
          }
          out.push_back({subject, object, from_context, &rule, std::clamp(confidence, 0.0, 1.0),
                         index_, from_context && context_subject});
          any = true;
        }
      }
      if (any) return;
    }
  }

  const Document& document_;
  const std::vector<Token>& tokens_;
  const Sentence& sentence_;
  int index_;
  const std::vector<Mention>& mentions_;
  const std::vector<std::uint32_t>& entity_types_;
  std::vector<int>& start_at_;  // per token of the sentence: the mention starting there, or -1
  std::vector<int>& end_at_;    // per token boundary: the mention ending there, or -1
  MatcherBuffers& buffers_;
  mutable int hedged_ = -1;  // -1: not computed yet
};

}  // namespace

std::vector<RuleMatch> RuleSet::Apply(const Document& document) const {
  std::vector<RuleMatch> found;
  const auto& sentences = document.layout.sentences;
  const auto& tokens = document.layout.tokens;
  thread_local MatcherBuffers buffers;
  std::vector<std::uint32_t>& entity_types = buffers.entity_types;
  entity_types.clear();
  buffers.round_raiser = MatcherBuffers::kNotYet;
  buffers.main_entity_by_types.clear();
  for (const DocEntity& entity : document.entities)
    entity_types.push_back(EntityTypeBit(entity.type));
  std::vector<std::uint64_t>& possible = buffers.possible;
  std::vector<std::uint64_t>& unchecked = buffers.unchecked;
  std::vector<std::uint64_t>& present = buffers.present;
  possible.resize(rule_words_);
  unchecked.resize(rule_words_);
  // A word at least: a word without elements ORs 0 into word 0.
  present.resize(std::max<std::size_t>(element_words_, 1));
  std::vector<std::pair<std::uint32_t, int>>& anchors = buffers.anchors;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].boilerplate || document.mentions[s].empty()) continue;
    std::uint32_t sentence_types = 0;
    for (const Mention& mention : document.mentions[s]) {
      sentence_types |= entity_types[static_cast<std::size_t>(mention.entity)];
    }
    const std::uint64_t* typed = &rules_by_types_[TypeRow(sentence_types) * rule_words_];
    std::uint64_t any = 0;
    for (std::size_t w = 0; w < rule_words_; ++w) {
      possible[w] = typed[w];
      unchecked[w] = typed[w] & with_required_elements_[w];
      any |= typed[w];
    }
    if (any == 0) continue;
    // One look-up per word gives both the anchors and the required elements present.
    // About half the words are the rules' words, at random: first the rules' words are
    // listed (each written, counted only if one), then read without a branch per word.
    std::fill(present.begin(), present.end(), 0);
    const std::uint32_t first = sentences[s].first_token, last = sentences[s].last_token;
    if (anchors.size() < last - first) anchors.resize(last - first);
    std::size_t word_count = 0;
    for (std::uint32_t t = first; t != last; ++t) {
      const std::size_t use_number = WordUseOf(tokens[t].hash);
      anchors[word_count] = {t, static_cast<int>(use_number) - 1};
      word_count += use_number != 0 ? 1 : 0;
    }
    // Then the anchors replace them in place: there are no more anchors than words.
    std::size_t anchor_count = 0;
    for (std::size_t w = 0; w < word_count; ++w) {
      const WordUse& use = word_uses_[static_cast<std::size_t>(anchors[w].second)];
      present[use.first_elements[0].word] |= use.first_elements[0].bits;
      present[use.first_elements[1].word] |= use.first_elements[1].bits;
      for (std::size_t k = use.first_elements.size(); k < use.elements.size(); ++k)
        present[use.elements[k].word] |= use.elements[k].bits;
      anchors[anchor_count] = anchors[w];
      anchor_count += use.anchors;
    }
    // Calls fn(rule index, its rank in `set`) for each rule of `set` that may match, in
    // rule order.
    auto for_each_possible = [&](const std::vector<SparseBits>& set, auto fn) {
      for (const SparseBits& group : set) {
        for (std::uint64_t bits = group.bits & possible[group.word]; bits != 0; bits &= bits - 1) {
          const int bit = std::countr_zero(bits);
          const std::uint64_t mask = std::uint64_t{1} << bit;
          const std::size_t rule = std::size_t{group.word} * 64 + static_cast<std::size_t>(bit);
          if ((unchecked[group.word] & mask) != 0) {
            unchecked[group.word] &= ~mask;
            const auto& required = required_elements_[rule];
            if (!std::all_of(required.begin(), required.end(), [&](const SparseBits& elements) {
                  return (present[elements.word] & elements.bits) == elements.bits;
                })) {
              possible[group.word] &= ~mask;
              continue;
            }
          }
          fn(rule, group.before + static_cast<std::size_t>(std::popcount(group.bits & (mask - 1))));
        }
      }
    };
    // Built on the first rule worth trying: half the sentences have none.
    std::optional<SentenceMatcher> matcher;
    auto matcher_here = [&]() -> SentenceMatcher& {
      if (!matcher) matcher.emplace(document, static_cast<int>(s), entity_types, buffers);
      return *matcher;
    };
    for (std::size_t a = 0; a < anchor_count; ++a) {
      // Named copies, not structured bindings: clang 14 lambdas cannot capture those.
      const auto t = anchors[a].first;
      const WordUse& use = word_uses_[static_cast<std::size_t>(anchors[a].second)];
      // use.starts holds the same rules in the same order: a rule's rank finds its entry.
      for_each_possible(use.rules, [&](std::size_t rule, std::size_t rank) {
        SentenceMatcher& here = matcher_here();
        for (int choice : use.starts[rank].choices) {
          here.MatchWordAnchor(rules_[rule], choice, t, found);
        }
      });
    }
    for_each_possible(slot_anchored_, [&](std::size_t rule, std::size_t /*rank*/) {
      SentenceMatcher& here = matcher_here();
      for (std::size_t m = 0; m < document.mentions[s].size(); ++m) {
        here.MatchSlotAnchor(rules_[rule], static_cast<int>(m), found);
      }
    });
  }
  return found;
}

}  // namespace kg::extract::nlp
