// SPDX-License-Identifier: MIT
// Light coreference: possessive and subject pronouns and definite descriptions
// ("the company", "the Chinese tech giant") become mentions of the entity they
// most likely mean. Heuristics, in the order a reader would use them:
//  - "its"/"it": the first company named in the sentence that is not itself a
//    possessive modifier nor inside a phrase fronted before the subject ("Backed by
//    SoftBank, Acme ..."), else the last one named in the three sentences before;
//  - "the <modifiers> company|firm|giant|...": the most mentioned company among
//    those named in this and the three previous sentences, else the main company;
//  - "he"/"she"/"his"/"her": the last person named in this or the two previous sentences.
#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

#include "extract/nlp/recogniser.h"

namespace kg::extract::nlp {
namespace {

constexpr int kLookBackSentences = 3;

const WordSet& DescriptorHeads() {
  static const WordSet set = MakeWordSet(
      {"company",    "firm",       "group",       "giant",    "titan",        "maker",
       "chipmaker",  "startup",    "lender",      "bank",     "conglomerate", "retailer",
       "carmaker",   "automaker",  "insurer",     "operator", "behemoth",     "heavyweight",
       "juggernaut", "powerhouse", "corporation", "venture"});
  return set;
}

// What follows "<Place>-" in a descriptor: "Tokyo-based", "Nasdaq-listed".
const WordSet& PlaceSuffixes() {
  static const WordSet set = MakeWordSet({"based", "headquartered", "listed", "registered"});
  return set;
}

// Verbs after "it" that make it a subject standing for an organisation.
const WordSet& SubjectVerbs() {
  static const WordSet set =
      MakeWordSet({"will",    "would",    "has",    "had",       "said",     "says",     "plans",
                   "expects", "reported", "also",   "announced", "launched", "released", "agreed",
                   "signed",  "posted",   "raised", "invested",  "bought",   "acquired", "sold",
                   "owns",    "makes",    "uses",   "opened",    "built"});
  return set;
}

// Words that follow the subject of a clause: "Microsoft would make", "Apple will".
const WordSet& ClauseVerbs() {
  static const WordSet set =
      MakeWordSet({"will", "would", "could", "may", "might", "has", "had", "is", "was", "plans",
                   "planned", "expects", "intends", "aims", "wants", "agreed"});
  return set;
}

// Words opening a phrase fronted before a sentence's subject (besides participles in -ed).
const WordSet& FrontingWords() {
  static const WordSet set =
      MakeWordSet({"like", "unlike", "after", "before", "following", "besides", "including"});
  return set;
}

const WordSet& ReportingVerbs() {
  static const WordSet set = MakeWordSet({"said", "says", "announced", "added", "noted", "stated",
                                          "expects", "believes", "claims", "hopes", "reported",
                                          "revealed", "that", "confirmed", "estimates", "warned"});
  return set;
}

class Resolver {
 public:
  explicit Resolver(Document& document)
      : document_(document),
        tokens_(document.layout.tokens),
        main_company_(MainEntity(document, "Company")) {}

  void Run() {
    const int count = static_cast<int>(document_.layout.sentences.size());
    for (int s = 0; s < count; ++s) {
      const Sentence& sentence = document_.layout.sentences[static_cast<std::size_t>(s)];
      if (sentence.boilerplate) continue;
      // The tokens asked about rise, and a mention added below starts at the token asked
      // about last: a cursor over the sentence's mentions answers, not a binary search.
      CoverCursor cover(document_.mentions[static_cast<std::size_t>(s)]);
      for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
        t = NextReferenceWord(t, sentence.last_token);
        if (t == sentence.last_token) break;
        const std::uint64_t hash = tokens_[t].hash;
        const bool person =
            hash == he_ || hash == she_ || hash == his_ || hash == her_ || hash == him_;
        if ((hash != its_ && hash != it_ && hash != the_ && !person) || cover.Covered(t)) continue;
        const bool it_subject =
            hash == it_ &&
            (t == sentence.first_token || ReportingVerbs().count(tokens_[t - 1].hash) != 0 ||
             (t + 1 < sentence.last_token && SubjectVerbs().count(tokens_[t + 1].hash) != 0));
        if (hash == its_ || it_subject) {
          const int entity = LastCompany(s, t);
          if (entity >= 0) {
            AddMentionTo(document_, s, t, t + 1, entity, {},
                         kCoref | (hash == its_ ? kPossessivePronoun : 0));
          }
        } else if (const char* type = hash == the_ ? ThingDescriptor(sentence, t, cover) : nullptr;
                   type != nullptr) {
          // "the model", "the chip": the last model or chip named nearby.
          const int entity = LastOfType(s, t, type);
          if (entity >= 0) AddMentionTo(document_, s, t, t + 2, entity, {}, kCoref);
          ++t;
        } else if (hash == the_) {
          const std::uint32_t end = DescriptorEnd(sentence, t, cover);
          if (end > t) {
            const int entity = SalientCompany(s, t);
            if (entity >= 0) AddMentionTo(document_, s, t, end, entity, {}, kCoref);
            t = end - 1;
          }
        } else if (person) {
          const int entity = LastPerson(s, t);
          if (entity >= 0) {
            AddMentionTo(document_, s, t, t + 1, entity, {},
                         kCoref | (hash == his_ || hash == her_ ? kPossessivePronoun : 0));
          }
        }
      }
    }
  }

 private:
  // The first reference word ("its", "the", "he") at or after token t, or `end`: only
  // those start a reference, one bit tells them from the rest. Four words' classes at a
  // time, and the first of the four with the bit found by counting zeros, not by a loop.
  std::uint32_t NextReferenceWord(std::uint32_t t, std::uint32_t end) const {
    static_assert(std::endian::native == std::endian::little, "the first class is the low one");
    const std::uint16_t* classes = document_.word_classes.data();
    constexpr std::uint64_t kInAnyOfFour = std::uint64_t{kReferenceWord} * 0x0001000100010001u;
    for (; t + 4 <= end; t += 4) {
      std::uint64_t four = 0;
      std::memcpy(&four, classes + t, sizeof four);
      four &= kInAnyOfFour;
      if (four != 0) return t + static_cast<std::uint32_t>(std::countr_zero(four) / 16);
    }
    while (t < end && (classes[t] & kReferenceWord) == 0) ++t;
    return t;
  }

  bool IsType(const Mention& mention, std::string_view type) const {
    return document_.TypeOf(mention) == type;
  }

  // Covered() for the tokens of one sentence asked in rising order: a cursor that walks the
  // sentence's mentions once instead of a binary search per token.
  class CoverCursor {
   public:
    explicit CoverCursor(const std::vector<Mention>& mentions) : mentions_(mentions) {}
    bool Covered(std::uint32_t t) {
      while (next_ < mentions_.size() && mentions_[next_].first <= t) ++next_;
      return next_ > 0 && t < mentions_[next_ - 1].last;
    }

   private:
    const std::vector<Mention>& mentions_;
    std::size_t next_ = 0;  // the first mention starting after the last token asked about
  };

  // "the Chinese tech giant": up to four modifiers, then a lower-case head noun.
  // `cover_to_t`: the sentence's cursor, last asked about no token after t + 1.
  std::uint32_t DescriptorEnd(const Sentence& sentence, std::uint32_t t,
                              const CoverCursor& cover_to_t) const {
    // Every token asked about below lies after the one asked before: a copy of the cursor
    // goes on from there.
    CoverCursor cover = cover_to_t;
    const WordSet& heads = DescriptorHeads();
    // The heads again as a filter, cheaper than the set for the many words that are none.
    static const WordFilter<10> kMayBeHead = [] {
      WordFilter<10> filter;
      DescriptorHeads().ForEach([&](std::uint64_t hash) { filter.Add(hash); });
      return filter;
    }();
    for (std::uint32_t k = t + 1; k < sentence.last_token && k <= t + 8; ++k) {
      const Token& token = tokens_[k];
      const auto first = static_cast<unsigned char>(document_.text[token.start]);
      const bool lower_case = first >= 'a' && first <= 'z';
      if (lower_case && kMayBeHead.MayContain(token.hash) && heads.count(token.hash) != 0) {
        if (k + 1 < sentence.last_token && tokens_[k + 1].capitalised &&
            tokens_[k + 1].kind == TokenKind::kWord) {
          return t;  // "the company Apple": an apposition, not a reference
        }
        return k + 1;
      }
      // "the Tokyo-based conglomerate", "the Hong Kong-listed firm": a place
      // glued to "-based" is a modifier, not the thing referred to.
      if (cover.Covered(k)) {
        std::uint32_t after = k;
        while (after < sentence.last_token && cover.Covered(after)) ++after;
        // "the San Jose, California-based company": a place, a comma, its region.
        if (after + 1 < sentence.last_token && TokenText(document_.text, tokens_[after]) == "," &&
            cover.Covered(after + 1)) {
          after += 1;
          while (after < sentence.last_token && cover.Covered(after)) ++after;
        }
        if (after + 1 < sentence.last_token && TokenText(document_.text, tokens_[after]) == "-" &&
            PlaceSuffixes().count(tokens_[after + 1].hash) != 0) {
          k = after + 1;
          continue;
        }
        return t;
      }
      const bool modifier = (token.kind == TokenKind::kWord &&
                             (lower_case || (document_.word_classes[k] & kNonNameCapital) != 0)) ||
                            TokenText(document_.text, token) == "-";
      if (!modifier) return t;
    }
    return t;
  }

  int LastCompany(int s, std::uint32_t t) const {
    // In the same sentence the first plain company is usually the subject "its" points back
    // to; but a later company that opens a clause of its own ("Intel said Microsoft would
    // make a version of its Maia chip") is nearer in the sentence's structure.
    int possessive = -1, opening_owner = -1, plain = -1, clause_subject = -1, fronted = -1,
        relative = -1;
    const Sentence& sentence = document_.layout.sentences[static_cast<std::size_t>(s)];
    const std::uint32_t fronted_end = FrontedPhraseEnd(sentence, t);
    for (const Mention& mention : document_.mentions[static_cast<std::size_t>(s)]) {
      if (mention.last > t || !IsType(mention, "Company")) continue;
      if ((mention.flags & (kPossessive | kPossessivePronoun)) != 0) {
        // The last owner named ("made on Rapidus's process at its plant"), unless the
        // sentence opens with an owner: "Coldharbor's units are used in servers built
        // around Nvidia's chips, and its customers ..." is about the subject's owner.
        if (mention.first == sentence.first_token) opening_owner = mention.entity;
        possessive = mention.entity;
        continue;
      }
      if (mention.last <= fronted_end) {
        if (fronted < 0) fronted = mention.entity;
        continue;
      }
      if (plain < 0) plain = mention.entity;
      const std::uint32_t after = mention.last;
      // "... and with Amkor, which is building its own plant": the relative clause's
      // antecedent is what "its" inside it means.
      if (after + 1 < t && tokens_[after].hash == comma_ &&
          (tokens_[after + 1].hash == which_ || tokens_[after + 1].hash == who_) &&
          !ClauseEndsBetween(after + 2, t)) {
        relative = mention.entity;
      }
      if (plain != mention.entity && after < sentence.last_token && after < t &&
          ClauseVerbs().count(tokens_[after].hash) != 0 &&
          (mention.first > sentence.first_token &&
           ReportingVerbs().count(tokens_[mention.first - 1].hash) != 0)) {
        clause_subject = mention.entity;
      }
    }
    if (relative >= 0) return relative;
    if (clause_subject >= 0) return clause_subject;
    if (plain >= 0) return plain;
    if (fronted >= 0) return fronted;
    if (opening_owner >= 0) return opening_owner;
    if (possessive >= 0) return possessive;
    for (int back = s - 1; back >= 0 && back >= s - kLookBackSentences; --back) {
      // An earlier sentence's subject (its first plain company) carries over.
      int any = -1, explicit_plain = -1;
      const Sentence& earlier = document_.layout.sentences[static_cast<std::size_t>(back)];
      const std::uint32_t earlier_fronted = FrontedPhraseEnd(earlier, earlier.last_token);
      for (const Mention& mention : document_.mentions[static_cast<std::size_t>(back)]) {
        if (!IsType(mention, "Company") || (mention.flags & kCoref) != 0) continue;
        if (any < 0) any = mention.entity;
        if (mention.last <= earlier_fronted) continue;
        // "... both previously worked at Google DeepMind.": a preposition's object is seldom
        // what the next sentence's "its" means; the sentence's first company then is.
        const bool after_preposition = mention.first > earlier.first_token &&
                                       Prepositions().count(tokens_[mention.first - 1].hash) != 0;
        if ((mention.flags & kPossessive) == 0 && !after_preposition && explicit_plain < 0) {
          explicit_plain = mention.entity;
        }
      }
      if (explicit_plain >= 0) return explicit_plain;
      if (any >= 0) return any;
    }
    return main_company_;
  }

  // Whether a comma between `from` and `to` closes the relative clause opened before
  // `from` ("Amkor, which Intel backs, said its ..." is Amkor's main clause again).
  bool ClauseEndsBetween(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      if (tokens_[k].hash == comma_) return true;
    }
    return false;
  }

  // The comma ending a phrase fronted before the sentence's subject, or 0: "Founded in
  // 2020 by two former Mellanox engineers, Auralis ... counts Nvidia among its customers",
  // "Backed by SoftBank, ...", "Unlike Google, ...". The companies inside such a phrase
  // modify the clause; "its" after the comma means its subject.
  std::uint32_t FrontedPhraseEnd(const Sentence& sentence, std::uint32_t t) const {
    const std::string_view first = TokenText(document_.text, tokens_[sentence.first_token]);
    const bool participle = first.size() > 4 && first.substr(first.size() - 2) == "ed";
    if (!participle && FrontingWords().count(tokens_[sentence.first_token].hash) == 0) return 0;
    // The phrase may hold appositions ("by Claire Dufresne, its chief executive, and Anton
    // Sokolov, a former researcher at Google DeepMind, Molvane sells"): it ends at the comma
    // before a company followed by a lower-case word, the main clause's subject and verb;
    // failing that, at the first comma.
    const auto sentence_index =
        static_cast<std::size_t>(&sentence - document_.layout.sentences.data());
    const auto& mentions = document_.mentions[sentence_index];
    std::uint32_t first_comma = 0;
    for (std::uint32_t k = sentence.first_token + 1; k < t; ++k) {
      if (tokens_[k].hash != comma_) continue;
      if (first_comma == 0) first_comma = k;
      for (const Mention& mention : mentions) {
        // "by Claire Dufresne, its chief executive, and ...": a pronoun is no subject.
        if (mention.first != k + 1 || !IsType(mention, "Company") ||
            (mention.flags & kCoref) != 0) {
          continue;
        }
        const std::uint32_t after = mention.last;
        if (after < sentence.last_token && tokens_[after].kind == TokenKind::kWord &&
            !tokens_[after].capitalised && tokens_[after].hash != and_) {
          return k;
        }
      }
    }
    return first_comma;
  }

  int SalientCompany(int s, std::uint32_t t) const {
    // The paragraph first: in a roundup of briefs, "the company" is the brief's own.
    const int paragraph = document_.layout.sentences[static_cast<std::size_t>(s)].paragraph;
    // "Alibaba Cloud, the company's cloud arm": an apposition's head is not what it refers to.
    int head = -1;
    if (t > 0 && tokens_[t - 1].hash == comma_) {
      for (const Mention& mention : document_.mentions[static_cast<std::size_t>(s)]) {
        if (mention.last == t - 1) head = mention.entity;
      }
    }
    const int in_paragraph = MostMentionedCompany(s, t, paragraph, head);
    if (in_paragraph >= 0) return in_paragraph;
    const int nearby = MostMentionedCompany(s, t, -1, head);
    return nearby >= 0 ? nearby : main_company_;
  }

  // The most mentioned company named in sentence `s` before token `t` and in the
  // sentences just before it; only those of `paragraph` unless it is -1.
  int MostMentionedCompany(int s, std::uint32_t t, int paragraph, int excluded) const {
    int best = -1;
    for (int back = s; back >= 0 && back >= s - kLookBackSentences; --back) {
      if (paragraph >= 0 &&
          document_.layout.sentences[static_cast<std::size_t>(back)].paragraph != paragraph) {
        break;
      }
      for (const Mention& mention : document_.mentions[static_cast<std::size_t>(back)]) {
        if (!IsType(mention, "Company") || (back == s && mention.first >= t) ||
            mention.entity == excluded) {
          continue;
        }
        const int mentions = document_.entities[static_cast<std::size_t>(mention.entity)].mentions;
        if (best < 0 || mentions > document_.entities[static_cast<std::size_t>(best)].mentions) {
          best = mention.entity;
        }
      }
    }
    return best;
  }

  const char* ThingDescriptor(const Sentence& sentence, std::uint32_t t, CoverCursor& cover) const {
    static const WordSet kModel = MakeWordSet({"model", "llm"});
    static const WordSet kChip = MakeWordSet({"chip", "processor", "accelerator"});
    if (t + 1 >= sentence.last_token || cover.Covered(t + 1)) return nullptr;
    const std::uint64_t next = tokens_[t + 1].hash;
    if (kModel.count(next) != 0) return "Model";
    if (kChip.count(next) != 0) return "Chip";
    return nullptr;
  }

  int LastOfType(int s, std::uint32_t t, std::string_view type) const {
    for (int back = s; back >= 0 && back >= s - kLookBackSentences; --back) {
      int last = -1;
      for (const Mention& mention : document_.mentions[static_cast<std::size_t>(back)]) {
        if (IsType(mention, type) && (back < s || mention.last <= t)) last = mention.entity;
      }
      if (last >= 0) return last;
    }
    return -1;
  }

  int LastPerson(int s, std::uint32_t t) const {
    for (int back = s; back >= 0 && back >= s - 2; --back) {
      int last = -1;
      for (const Mention& mention : document_.mentions[static_cast<std::size_t>(back)]) {
        if (IsType(mention, "Person") && (back < s || mention.last <= t)) last = mention.entity;
      }
      if (last >= 0) return last;
    }
    return -1;
  }

  Document& document_;
  const std::vector<Token>& tokens_;
  int main_company_;
  // Hashed once per process, not per document.
  static inline const std::uint64_t its_ = HashLower("its"), it_ = HashLower("it"),
                                    the_ = HashLower("the");
  // Pronouns for people.
  static inline const std::uint64_t he_ = HashLower("he"), she_ = HashLower("she"),
                                    his_ = HashLower("his"), her_ = HashLower("her"),
                                    him_ = HashLower("him");
  static inline const std::uint64_t comma_ = HashLower(","), which_ = HashLower("which"),
                                    who_ = HashLower("who"), and_ = HashLower("and");
};

}  // namespace

void ResolveCoreference(Document& document) { Resolver(document).Run(); }

}  // namespace kg::extract::nlp
