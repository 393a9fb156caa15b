// SPDX-License-Identifier: MIT
// Recognises page furniture that is not the article: link lists of other
// headlines, subscription prompts, marketing copy and legal disclaimers. The
// cues are general (second person plus first person plural, imperative
// openers, legal phrases), never strings from a particular site.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "extract/nlp/text.h"

namespace kg::extract::nlp {
namespace {

using Phrase = std::vector<std::uint64_t>;

std::vector<std::uint64_t> HashWords(std::string_view phrase) {
  std::vector<std::uint64_t> hashes;
  std::size_t i = 0;
  while (i < phrase.size()) {
    std::size_t j = phrase.find(' ', i);
    if (j == std::string_view::npos) j = phrase.size();
    if (j > i) hashes.push_back(HashLower(phrase.substr(i, j - i)));
    i = j + 1;
  }
  return hashes;
}

class PhraseSet {
 public:
  PhraseSet(std::initializer_list<const char*> phrases) {
    for (const char* phrase : phrases) {
      Phrase words = HashWords(phrase);
      const int bucket = index_.emplace(words[0], static_cast<int>(buckets_.size()));
      if (bucket == static_cast<int>(buckets_.size())) buckets_.emplace_back();
      buckets_[static_cast<std::size_t>(bucket)].push_back(words);
    }
  }
  /// True if a phrase starts at token `t` (tokens [t, end)).
  bool StartsAt(const std::vector<Token>& tokens, std::uint32_t t, std::uint32_t end) const {
    const int bucket = index_.find(tokens[t].hash);
    if (bucket < 0) return false;
    for (const Phrase& phrase : buckets_[static_cast<std::size_t>(bucket)]) {
      if (t + phrase.size() > end) continue;
      bool same = true;
      for (std::size_t k = 1; k < phrase.size() && same; ++k)
        same = tokens[t + k].hash == phrase[k];
      if (same) return true;
    }
    return false;
  }
  /// The length in words of the longest phrase starting at token `t`, or 0.
  std::size_t LongestAt(const std::vector<Token>& tokens, std::uint32_t t,
                        std::uint32_t end) const {
    const int bucket = index_.find(tokens[t].hash);
    if (bucket < 0) return 0;
    std::size_t longest = 0;
    for (const Phrase& phrase : buckets_[static_cast<std::size_t>(bucket)]) {
      if (t + phrase.size() > end || phrase.size() <= longest) continue;
      bool same = true;
      for (std::size_t k = 1; k < phrase.size() && same; ++k)
        same = tokens[t + k].hash == phrase[k];
      if (same) longest = phrase.size();
    }
    return longest;
  }
  /// Calls `fn(hash)` for the first word of every phrase.
  template <typename Fn>
  void ForEachFirstWord(Fn fn) const {
    for (const auto& bucket : buckets_) fn(bucket.front().front());
  }

 private:
  HashIndex index_;  // first word -> bucket
  std::vector<std::vector<Phrase>> buckets_;
};

const PhraseSet& StrongCues() {
  static const PhraseSet set = {"subscribe",
                                "subscribing",
                                "subscription",
                                "sign up",
                                "newsletter",
                                "terms of use",
                                "terms of service",
                                "privacy policy",
                                "financial advice",
                                "investment advice",
                                "informational purposes",
                                "educational purposes",
                                "not an offer",
                                "click here",
                                "special offer",
                                "free trial",
                                "get started",
                                "join now",
                                "all rights reserved",
                                "cookies",
                                "skip to main content",
                                "created with ai",
                                "reviewed by an editor",
                                "our team",
                                "try again",
                                "email address",
                                "past performance",
                                "risk of loss",
                                "sponsored",
                                "read more",
                                "advertisement",
                                "sign in",
                                "log in",
                                "download the app",
                                "follow us",
                                "share this",
                                "disclaimer",
                                "not financial advice",
                                "affiliate links"};
  return set;
}

const WordSet& SecondPerson() {
  static const WordSet set =
      MakeWordSet({"you", "your", "you're", "you'll", "yourself", "you've", "you'd"});
  return set;
}

const WordSet& FirstPersonPlural() {
  static const WordSet set = MakeWordSet({"our", "we", "we've", "we'll", "we're", "us", "ours"});
  return set;
}

const WordSet& ImperativeOpeners() {
  static const WordSet set = MakeWordSet(
      {"unlock",   "explore", "dive",     "discover", "join",    "subscribe", "sign",   "click",
       "download", "follow",  "stay",     "begin",    "get",     "learn",     "take",   "try",
       "register", "start",   "consider", "check",    "read",    "watch",     "listen", "grab",
       "claim",    "save",    "don't",    "enter",    "upgrade", "shop"});
  return set;
}

const PhraseSet& ZoneHeadings() {
  static const PhraseSet set = {"related",         "read also",        "more from",
                                "more on",         "popular posts",    "most popular",
                                "most read",       "recommended",      "you may also",
                                "you might also",  "trending",         "see also",
                                "further reading", "disclaimer",       "trading risk disclaimer",
                                "risk disclaimer", "legal disclaimer", "advertisement",
                                "sponsored",       "about the author", "tags",
                                "share this",      "latest news",      "top stories",
                                "more stories",    "editor's picks",   "subscribe"};
  return set;
}

const WordSet& FunctionWords() {
  static const WordSet set = MakeWordSet(
      {"a",  "an",   "the", "and", "or", "of",  "in",  "on",  "at",  "to",  "for",  "with",
       "by", "from", "as",  "vs",  "is", "its", "but", "nor", "via", "per", "into", "than"});
  return set;
}

bool IsLetterWord(const Token& token) { return token.kind == TokenKind::kWord && !token.has_digit; }

}  // namespace

// The lists above a word may belong to, as BoilerplateCue bits: one lookup per token answers
// them all.
const HashIndex& BoilerplateCueIndex() {
  static const HashIndex index = [] {
    std::unordered_map<std::uint64_t, int> classes;
    SecondPerson().ForEach([&](std::uint64_t hash) { classes[hash] |= kSecondPerson; });
    FirstPersonPlural().ForEach([&](std::uint64_t hash) { classes[hash] |= kFirstPersonPlural; });
    FunctionWords().ForEach([&](std::uint64_t hash) { classes[hash] |= kFunctionWord; });
    StrongCues().ForEachFirstWord([&](std::uint64_t hash) { classes[hash] |= kStrongCueStart; });
    HashIndex built;
    for (const auto& [hash, bits] : classes) built.emplace(hash, bits);
    return built;
  }();
  return index;
}

namespace {

// The BoilerplateCue bits of token `t`.
int CuesOf(const std::vector<std::uint16_t>& word_classes, std::uint32_t t) {
  return word_classes[t] >> kBoilerplateCueShift;
}

int PromoScore(std::string_view text, const std::vector<Token>& tokens,
               const std::vector<std::uint16_t>& word_classes, const Sentence& sentence) {
  int score = 0;
  // The union of the sentence's cues first (a branch-free loop): most sentences have no
  // strong cue start, and then no token needs a second look.
  std::uint16_t all = 0;
  for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) all |= word_classes[t];
  const int cues = all >> kBoilerplateCueShift;
  if ((cues & kStrongCueStart) != 0) {
    for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
      if ((CuesOf(word_classes, t) & kStrongCueStart) == 0) continue;
      // A phrase ("sign up", "privacy policy") is a prompt by itself; a single word
      // ("subscription", "cookies", "sponsored") also names things the news is about
      // ("its Duolingo Max subscription"), so it needs a second cue.
      const std::size_t words = StrongCues().LongestAt(tokens, t, sentence.last_token);
      if (words > 0) score += words >= 2 ? 2 : 1;
    }
  }
  const bool second = (cues & kSecondPerson) != 0;
  const bool first_plural = (cues & kFirstPersonPlural) != 0;
  score += second + first_plural;
  if (ImperativeOpeners().count(tokens[sentence.first_token].hash) != 0) ++score;
  if (TokenText(text, tokens[sentence.last_token - 1]) == "!") ++score;
  return score;
}

bool IsHeadline(std::string_view text, const std::vector<Token>& tokens,
                const std::vector<std::uint16_t>& word_classes, const Sentence& sentence) {
  const std::string_view last = TokenText(text, tokens[sentence.last_token - 1]);
  // "... a stake in Adobe Resources Corp.": an abbreviation's period ends a sentence too.
  if (!last.empty() && last.back() == '.') return false;
  int words = 0, capitalised = 0;
  for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
    if (!IsLetterWord(tokens[t]) || (CuesOf(word_classes, t) & kFunctionWord) != 0) continue;
    ++words;
    if (tokens[t].capitalised) ++capitalised;
  }
  return words >= 2 && words <= 25 && capitalised * 10 >= words * 6;
}

// A byline or a wire story's credits, as a paragraph of its own: "By Jane Roe, Technology
// Correspondent | 9 December 2025", "(Reporting by Jane Roe; Editing by John Doe)". A byline
// has no final punctuation, which tells it from "By Monday, the deal had closed."
bool IsCreditLine(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                  std::uint32_t last, std::uint32_t length) {
  static const WordSet kCreditWords =
      MakeWordSet({"reporting", "writing", "editing", "additional", "compiled", "research"});
  static const std::uint64_t kBy = HashLower("by");
  if (last - first < 3 || length > 160) return false;
  const std::string_view end = TokenText(text, tokens[last - 1]);
  // Credits are no sentence: they end without a full stop ("Research by Canalys shows
  // Xiaomi overtook Apple." is news), or stand in parentheses.
  const bool unpunctuated =
      end != "." && end != "?" && end != "!" && end != "\"" && end != "\xE2\x80\x9D";
  std::uint32_t t = first;
  const bool parenthesised = TokenText(text, tokens[t]) == "(";
  if (parenthesised) ++t;
  // "by" and a capitalised name after it.
  auto by_name = [&](std::uint32_t at) {
    return at + 1 < last && tokens[at].hash == kBy && tokens[at + 1].kind == TokenKind::kWord &&
           tokens[at + 1].capitalised;
  };
  if (kCreditWords.count(tokens[t].hash) != 0 && tokens[t].capitalised) {
    if (!parenthesised && !unpunctuated) return false;
    for (std::uint32_t k = t + 1; k < last && k <= t + 3; ++k) {
      if (by_name(k)) return true;
    }
    return false;
  }
  return !parenthesised && tokens[t].capitalised && by_name(t) && unpunctuated;
}

}  // namespace

void MarkBoilerplate(std::string_view text, Layout& layout) {
  const HashIndex& index = BoilerplateCueIndex();
  std::vector<std::uint16_t> word_classes(layout.tokens.size(), 0);
  for (std::size_t t = 0; t < word_classes.size(); ++t) {
    word_classes[t] = static_cast<std::uint16_t>(std::max(index.find(layout.tokens[t].hash), 0)
                                                 << kBoilerplateCueShift);
  }
  MarkBoilerplate(text, layout, word_classes);
}

void MarkBoilerplate(std::string_view text, Layout& layout,
                     const std::vector<std::uint16_t>& word_classes) {
  auto& sentences = layout.sentences;
  const auto& tokens = layout.tokens;
  // Paragraphs as [first, last) sentence ranges.
  std::vector<std::pair<std::size_t, std::size_t>> paragraphs;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (s == 0 || sentences[s].paragraph != sentences[s - 1].paragraph) {
      paragraphs.push_back({s, s + 1});
    } else {
      paragraphs.back().second = s + 1;
    }
  }
  bool in_zone = false;
  std::vector<bool> paragraph_boilerplate(paragraphs.size(), false);
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    auto [first, last] = paragraphs[p];
    int promo = 0;
    for (std::size_t s = first; s < last; ++s) {
      sentences[s].headline =
          (last - first == 1) && IsHeadline(text, tokens, word_classes, sentences[s]);
      if (PromoScore(text, tokens, word_classes, sentences[s]) >= 2) {
        sentences[s].boilerplate = true;
        ++promo;
      }
    }
    const Sentence& opening = sentences[first];
    const std::uint32_t length = sentences[last - 1].end - opening.start;
    const std::string_view final_token =
        TokenText(text, tokens[sentences[last - 1].last_token - 1]);
    const bool prose = length >= 100 &&
                       (final_token == "." || final_token == "\"" || final_token == "\xE2\x80\x9D");
    const bool heading =
        length < 80 && ZoneHeadings().StartsAt(tokens, opening.first_token, opening.last_token);
    bool boilerplate =
        promo * 2 >= static_cast<int>(last - first) ||
        IsCreditLine(text, tokens, opening.first_token, sentences[last - 1].last_token, length);
    if (heading) {
      in_zone = true;
      boilerplate = true;
    } else if (in_zone) {
      if (prose && promo == 0) {
        in_zone = false;
      } else {
        boilerplate = true;
      }
    }
    paragraph_boilerplate[p] = boilerplate;
    // A lone question right before a prompt is the prompt's hook ("Considering ...?").
    if (boilerplate && p > 0 && !paragraph_boilerplate[p - 1]) {
      auto [prev_first, prev_last] = paragraphs[p - 1];
      const Sentence& question = sentences[prev_first];
      if (prev_last - prev_first == 1 && TokenText(text, tokens[question.last_token - 1]) == "?" &&
          !opening.headline && promo > 0) {
        paragraph_boilerplate[p - 1] = true;
        sentences[prev_first].boilerplate = true;
      }
    }
    if (boilerplate) {
      for (std::size_t s = first; s < last; ++s) sentences[s].boilerplate = true;
    }
  }
}

}  // namespace kg::extract::nlp
