// SPDX-License-Identifier: MIT
#include <algorithm>
#include <bit>

#include "extract/nlp/amounts.h"
#include "extract/nlp/recogniser.h"

namespace kg::extract::nlp {
namespace {

const WordSet& ModelVariants() {
  static const WordSet set =
      MakeWordSet({"pro",      "ultra", "flash",    "nano",     "sonnet",   "opus",  "haiku",
                   "max",      "plus",  "turbo",    "mini",     "instruct", "chat",  "coder",
                   "vision",   "omni",  "vl",       "thinking", "preview",  "large", "small",
                   "medium",   "lite",  "reasoner", "math",     "air",      "scout", "maverick",
                   "behemoth", "base",  "high",     "deep",     "premier",  "elite"});
  return set;
}

// Words that make a sentence about chips: the chip nouns and "semiconductor(s)".
const WordSet& ChipWords() {
  static const WordSet set = [] {
    WordSet words = MakeWordSet({"semiconductor", "semiconductors"});
    ChipHeads().ForEach([&](std::uint64_t hash) { words.insert(hash); });
    return words;
  }();
  return set;
}

// Cue words that only restate a known company's legal form or trade name
// ("Sony Group", "Cisco Systems").
const WordSet& FormCues() {
  static const WordSet set =
      MakeWordSet({"group", "holdings", "holding", "corporation", "company", "industries",
                   "enterprises", "international", "technologies", "technology", "systems"});
  return set;
}

const WordSet& ModelWords() {
  static const WordSet set =
      MakeWordSet({"model", "models", "llm", "llms", "chatbot", "reasoning", "open-source"});
  return set;
}

const WordSet& Exchanges() {
  static const WordSet set = MakeWordSet(
      {"nasdaq",  "nyse",  "hkex", "sse",  "szse",     "tse",    "lse",  "hkg", "nysearca", "otc",
       "otcmkts", "tsx",   "krx",  "asx",  "sehk",     "sha",    "she",  "tyo", "hk",       "nse",
       "bse",     "xetra", "etr",  "amex", "euronext", "kosdaq", "twse", "six"});
  return set;
}

bool HasCapital(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsVersionLike(std::string_view word) {
  if (word.empty() || word.size() > 8) return false;
  bool digit = false;
  for (char c : word) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'))
      return false;
  }
  return digit && ((word[0] >= '0' && word[0] <= '9') || word.size() <= 4);
}

// "H20", "MI300X", "B200": one to three capitals, two to four digits, up to two capitals.
bool IsChipCode(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size() && word[i] >= 'A' && word[i] <= 'Z') ++i;
  if (i < 1 || i > 3) return false;
  std::size_t digits_start = i;
  while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
  if (i - digits_start < 2 || i - digits_start > 4) return false;
  std::size_t suffix_start = i;
  while (i < word.size() && word[i] >= 'A' && word[i] <= 'Z') ++i;
  return i == word.size() && i - suffix_start <= 2;
}

bool IsTickerLike(std::string_view word) {
  if (word.empty() || word.size() > 10) return false;
  std::size_t i = 0, letters = 0, digits = 0;
  for (; i < word.size() && word[i] != '.'; ++i) {
    if (word[i] >= 'A' && word[i] <= 'Z')
      ++letters;
    else if (word[i] >= '0' && word[i] <= '9')
      ++digits;
    else
      return false;
  }
  if (letters > 0 && digits > 0) return false;
  if (letters > 6 || (digits > 0 && (digits < 4 || digits > 6))) return false;
  if (i < word.size()) {  // exchange suffix: .SZ, .HK, .L
    for (std::size_t k = i + 1; k < word.size(); ++k) {
      if (!(word[k] >= 'A' && word[k] <= 'Z')) return false;
    }
    if (word.size() - i - 1 < 1 || word.size() - i - 1 > 2) return false;
  }
  return letters + digits > 0;
}

}  // namespace

SentenceRecogniser::SentenceRecogniser(const Lexicon& lexicon, Document& document,
                                       const std::vector<std::uint16_t>& word_classes,
                                       std::vector<std::uint8_t>& taken, int sentence)
    : lexicon_(lexicon),
      document_(document),
      tokens_(document.layout.tokens),
      word_classes_(word_classes),
      sentence_(sentence),
      first_(document.layout.sentences[static_cast<std::size_t>(sentence)].first_token),
      last_(document.layout.sentences[static_cast<std::size_t>(sentence)].last_token),
      headline_(document.layout.sentences[static_cast<std::size_t>(sentence)].headline),
      taken_(taken),
      corporate_suffixes_(CorporateSuffixWords::Get()) {}

void SentenceRecogniser::Run() {
  // A recogniser with no token to start at in the sentence has nothing to find.
  Amounts();
  LexiconNames();
  if (!Starts(StartKind::kVersioned).empty()) VersionedNames();
  if (!Starts(StartKind::kOpenParenthesis).empty()) TickersAndAcronyms();
  if (!Starts(StartKind::kNameWord).empty()) {
    Products();
    People();
    Organisations();
    ListsAndAppositions();
  }
}

bool SentenceRecogniser::Free(std::uint32_t first, std::uint32_t last) const {
  if (first < first_ || last > last_ || first >= last) return false;
  for (std::uint32_t t = first; t < last; ++t) {
    if (taken_[t] != 0) return false;
  }
  return true;
}

// "Tencent Music Entertainment", "Baidu Capital", "Japan Advanced
// Semiconductor Manufacturing": a known company's or place's name followed by
// more name words ending in an organisation cue is another organisation. Not when the cue only
// restates the company's legal form
// ("Sony Group", "Toyota Motor Corporation": the same company).
bool SentenceRecogniser::NamesLongerOrganisation(std::uint32_t end) const {
  if (end >= last_ || !tokens_[end].space_before) return false;
  // "LG AI Research", "Baidu AI Cloud": a generic acronym may open the longer name.
  const bool acronym = Has(end, kGenericAcronym) && tokens_[end].all_caps && taken_[end] == 0 &&
                       IsNameToken(end + 1);
  if (!IsNameToken(end) && !acronym) return false;
  const std::uint32_t run_end = acronym ? NameRunEnd(end + 1, 3) : NameRunEnd(end, 3);
  const std::uint32_t cue = run_end - 1;
  // A form cue alone restates the company ("Cisco Systems"); with more words
  // before it the name is another's ("Panasonic Automotive Systems"), and so is
  // a unit named after its parent ("Nokia Mobile Phones, the Finnish group's
  // handset unit").
  const bool form_only = FormCues().count(tokens_[cue].hash) != 0 && run_end - end == 1;
  return ((Has(cue, kOrganisationCue) && !form_only) || UnitApposition(run_end)) &&
         lexicon_.Longest(document_.text, tokens_, end, last_).entry < 0;
}

// "Adobe Resources Corp", "Texaco Canada Inc", "Japan Tobacco Inc": a known
// company's or place's name, more name words and a legal suffix name another
// company. Returns the end of that name (its suffix included), or 0. Not when
// the words only state the known company's trade ("Honda Motor Co", "ANZ
// Banking Group Ltd").
std::uint32_t SentenceRecogniser::SuffixedLongerName(std::uint32_t end) const {
  static const WordSet kTradeWords =
      MakeWordSet({"motor",         "motors",         "electric",        "electronics",
                   "bank",          "banking",        "airlines",        "airways",
                   "chemical",      "chemicals",      "steel",           "oil",
                   "petroleum",     "computer",       "communications",  "telecommunications",
                   "entertainment", "pharmaceutical", "pharmaceuticals", "insurance",
                   "financial",     "securities",     "trust",           "energy"});
  // "Reckitt and Colman Plc": "and" and a name before the legal form join too.
  static const std::uint64_t kAnd = HashLower("and");
  if (end + 1 < last_ && tokens_[end].hash == kAnd && IsNameToken(end + 1) &&
      lexicon_.Longest(document_.text, tokens_, end + 1, last_).entry < 0) {
    ++end;
  }
  if (end >= last_ || !IsNameToken(end) || !tokens_[end].space_before) return 0;
  const std::uint32_t run_end = NameRunEnd(end, 3);
  if (run_end >= last_ || !IsCorporateSuffix(run_end) || taken_[run_end] != 0) return 0;
  const std::uint64_t last_word = tokens_[run_end - 1].hash;
  if (kTradeWords.count(last_word) != 0 || FormCues().count(last_word) != 0) return 0;
  return run_end + 1;
}

const CorporateSuffixWords& CorporateSuffixWords::Get() {
  static const CorporateSuffixWords words;
  return words;
}

CorporateSuffixWords::CorporateSuffixWords() {
  CorporateSuffixes().ForEach([&](std::uint64_t hash) { filter.Add(hash); });
  filter.Add(co);
}

bool CorporateSuffixWords::ContainFiltered(std::uint64_t hash) const {
  return CorporateSuffixes().count(hash) != 0 || hash == co;
}

int SentenceRecogniser::Emit(Candidate candidate) {
  if (!Free(candidate.first, candidate.last)) return -1;
  // "(London) Ltd", "Corp software": a suffix alone names nothing.
  bool only_suffixes = true;
  for (std::uint32_t t = candidate.first; t < candidate.last && only_suffixes; ++t) {
    only_suffixes = IsCorporateSuffix(t);
  }
  if (only_suffixes) return -1;
  if (candidate.surface.empty()) {
    candidate.surface = document_.Text(candidate.first, candidate.last);
  }
  // A name broken over lines ("Landon H.\nRowland") is one name with one space.
  // One pass (find_first_of calls memchr once per character of the surface).
  bool broken = false;
  std::string joined;  // the surface with one space for each run of white space
  for (std::size_t i = 0; i < candidate.surface.size() && !broken; ++i) {
    const char c = candidate.surface[i];
    broken = c == '\n' || c == '\r' || c == '\t' ||
             (c == ' ' && i + 1 < candidate.surface.size() && candidate.surface[i + 1] == ' ');
  }
  if (broken) {
    for (char c : candidate.surface) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (!space) {
        joined += c;
      } else if (!joined.empty() && joined.back() != ' ') {
        joined += ' ';
      }
    }
    candidate.surface = joined;
  }
  const int entity = AddMention(lexicon_, document_, sentence_, candidate);
  if (entity >= 0) {
    for (std::uint32_t t = candidate.first; t < candidate.last; ++t) taken_[t] = 1;
  }
  return entity;
}

int SentenceRecogniser::MentionEndingAt(std::uint32_t t) const {
  const auto& mentions = document_.mentions[static_cast<std::size_t>(sentence_)];
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].last == t) return static_cast<int>(m);
  }
  return -1;
}

std::uint32_t SentenceRecogniser::NameRunEnd(std::uint32_t t, std::uint32_t max) const {
  std::uint32_t end = t, words = 0;
  while (end < last_ && words < max) {
    // "Zorbex Industries Inc": the suffix closes the name; Organisations() takes it.
    if (end > t && IsCorporateSuffix(end)) break;
    if (IsNameToken(end) ||
        (end > t && Has(end, kGenericAcronym) && taken_[end] == 0 && tokens_[end].all_caps)) {
      ++end;
      ++words;
      continue;
    }
    // "T-Head", "Marie-Pierre": a hyphen glued between two name tokens makes
    // them one word of the run.
    if (end > t && Is(end, "-") && !tokens_[end].space_before && end + 1 < last_ &&
        !tokens_[end + 1].space_before && IsNameToken(end + 1)) {
      end += 2;
      continue;
    }
    break;
  }
  return end;
}

void SentenceRecogniser::Amounts() {
  AmountMatch match;
  StartCursor starts = Starts(StartKind::kAmountStart);
  for (std::uint32_t t = first_; starts.Next(t); ++t) {
    if (!ParseAmountAt(document_.text, tokens_, t, last_, &match, &document_.local_currencies)) {
      continue;
    }
    // "Trainium 2 chips", "Pixel 10 phones": a number right after a name inside the
    // sentence is the name's version, not a count.
    if (!IsCurrencyUnit(match.unit) && match.unit != "percent" && match.unit != "parameters" &&
        match.first > first_ + 1 && tokens_[match.first - 1].kind == TokenKind::kWord &&
        tokens_[match.first].space_before && HasCapital(Word(match.first - 1))) {
      continue;
    }
    Candidate candidate;
    candidate.first = match.first;
    candidate.last = match.last;
    candidate.type = "Amount";
    candidate.value = match.value;
    candidate.unit = match.unit;
    Emit(std::move(candidate));
    t = match.last - 1;
  }
}

// "70B", "8x7B", "405b": a model's size written as its variant.
bool IsSizeVariant(std::string_view word) {
  if (word.size() < 2 || word.size() > 6) return false;
  const char last = word.back();
  if (last != 'B' && last != 'b') return false;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    const char c = word[i];
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'x')) return false;
  }
  return word[0] >= '0' && word[0] <= '9';
}

std::uint32_t SentenceRecogniser::ExtendModel(std::uint32_t end, bool has_version) const {
  static const std::uint64_t kParameters = HashLower("parameters"),
                             kParameter = HashLower("parameter");
  // Glued parts: Qwen3-Max, GPT-5-Chat, GPT-4o-mini.
  while (end + 1 < last_ && Is(end, "-") && !tokens_[end].space_before &&
         !tokens_[end + 1].space_before && tokens_[end + 1].kind != TokenKind::kPunct &&
         Free(end, end + 2)) {
    const Token& part = tokens_[end + 1];
    if (!(part.has_digit || part.capitalised || ModelVariants().count(part.hash) != 0)) break;
    has_version = has_version || part.has_digit;
    end += 2;
  }
  // Spaced version and variant words: Llama 3.1, Gemini 2.5 Pro, Claude 3.5 Sonnet.
  for (int step = 0; step < 3 && end < last_ && Free(end, end + 1); ++step) {
    const Token& next = tokens_[end];
    // "Llama 3.1", and a capitalised letter-and-digit code: "Kimi K3", "DeepSeek R2".
    if (!has_version && IsVersionLike(Word(end)) &&
        (next.kind == TokenKind::kNumber ||
         (next.kind == TokenKind::kWord && next.capitalised && next.has_digit))) {
      has_version = true;
      ++end;
    } else if ((next.capitalised || Word(end) == "mini") && ModelVariants().count(next.hash) != 0) {
      ++end;
    } else if (has_version && IsSizeVariant(Word(end)) &&
               !(end + 1 < last_ &&
                 (tokens_[end + 1].hash == kParameters || tokens_[end + 1].hash == kParameter))) {
      ++end;  // "Llama 3.1 70B": the size variant, not "70B parameters"
    } else {
      break;
    }
  }
  return end;
}

// After a chip's version: "Snapdragon X3 Elite", "Snapdragon 8 Elite Gen 5", "M4 Max".
std::uint32_t SentenceRecogniser::ExtendChipVariants(std::uint32_t end) const {
  static const WordSet kChipVariants = MakeWordSet(
      {"elite", "pro", "max", "ultra", "plus", "lite", "mini", "extreme", "gen", "x", "xt"});
  static const std::uint64_t kGen = HashLower("gen");
  for (int step = 0; step < 3 && end < last_ && Free(end, end + 1); ++step) {
    const Token& next = tokens_[end];
    if (next.capitalised && kChipVariants.count(next.hash) != 0) {
      ++end;
      // "Gen 5": the generation's number belongs to it.
      if (next.hash == kGen && end < last_ && tokens_[end].kind == TokenKind::kNumber &&
          Free(end, end + 1)) {
        ++end;
      }
    } else {
      break;
    }
  }
  return end;
}

void SentenceRecogniser::LexiconNames() {
  StartCursor starts = Starts(StartKind::kLexiconName);
  for (std::uint32_t t = first_; starts.Next(t); ++t) {
    if (taken_[t] != 0) continue;
    const Lexicon::Match match = lexicon_.Longest(document_.text, tokens_, t, last_);
    if (match.entry < 0 || !Free(t, t + match.length)) continue;
    const LexiconEntry& entry = lexicon_.entry(match.entry);
    const std::string_view type = entry.type;  // compared inline: a string would call memcmp
    if (t > first_ && !tokens_[t].space_before && Is(t - 1, "-") && type != "Place") {
      continue;  // "Q-Arm" is not Arm
    }
    std::uint32_t end = t + match.length;
    if (type == "Company" || type == "Place") {
      if (const std::uint32_t longer = SuffixedLongerName(end); longer != 0) {
        Candidate candidate{t, longer, "Company", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = longer - 1;
          continue;
        }
      }
      if (NamesLongerOrganisation(end)) continue;
    }
    // "Michael Dell", "Jean Dupont", "George Washington": a one-word company or
    // place after a given name is a surname.
    const bool one_word = match.length == 1 || (match.length == 2 && Is(t + 1, "."));
    if ((type == "Company" || type == "Place") && one_word && t > first_ &&
        Has(t - 1, kGivenName) && tokens_[t - 1].capitalised && taken_[t - 1] == 0 &&
        !IsCorporateSuffix(end)) {
      continue;
    }
    Candidate candidate;
    candidate.first = t;
    candidate.type = type;
    candidate.lexicon_entry = match.entry;
    // A versioned model named after its maker or family: DeepSeek-R1, Qwen3-Max, Llama 3.1.
    const bool glued_version = end + 1 < last_ && Is(end, "-") && !tokens_[end].space_before &&
                               !tokens_[end + 1].space_before && IsVersionLike(Word(end + 1));
    if (type == "Model" || (type == "Company" && glued_version)) {
      const std::uint32_t extended = ExtendModel(end, tokens_[end - 1].has_digit);
      if (extended > end && (type == "Model" || glued_version)) {
        candidate.type = "Model";
        candidate.lexicon_entry = -1;
        end = extended;
      }
    } else if (type == "Chip" && end < last_ && Free(end, end + 1) && tokens_[end].has_digit &&
               (IsVersionLike(Word(end)) || IsChipCode(Word(end)))) {
      candidate.lexicon_entry = -1;  // Ascend 910B, Instinct MI355X
      ++end;
      end = ExtendChipVariants(end);
    } else if (type == "Company" && end < last_ && Free(end, end + 1) && IsCorporateSuffix(end)) {
      ++end;  // "Digital Equipment Corp": the suffix is part of the name
    } else if (type == "Product" && end < last_ && Free(end, end + 1) && tokens_[end].has_digit &&
               IsVersionLike(Word(end)) && Word(end).size() <= 3) {
      candidate.lexicon_entry = -1;  // iPhone 17, Pixel 10, Galaxy S25 (never a year)
      ++end;
    }
    candidate.last = end;
    Emit(std::move(candidate));
    t = end - 1;
  }
}

void SentenceRecogniser::VersionedNames() {
  // Whether the sentence has model or chip words, looked up only when a candidate needs it:
  // most sentences have no versioned word at all.
  bool contexts_known = false, model_context = false, chip_context = false;
  auto find_contexts = [&] {
    if (contexts_known) return;
    contexts_known = true;
    for (std::uint32_t t = first_; t < last_; ++t) {
      model_context = model_context || ModelWords().count(tokens_[t].hash) != 0;
      chip_context = chip_context || ChipWords().count(tokens_[t].hash) != 0;
    }
  };
  StartCursor starts = Starts(StartKind::kVersioned);
  for (std::uint32_t t = first_; starts.Next(t); ++t) {
    if (taken_[t] != 0) continue;
    const std::string_view word = Word(t);
    if (tokens_[t].capitalised && tokens_[t].has_digit) {
      // A family glued to its version: "Qwen3", "Qwen2.5".
      std::size_t cut = word.size();
      while (cut > 0 && ((word[cut - 1] >= '0' && word[cut - 1] <= '9') || word[cut - 1] == '.')) {
        --cut;
      }
      if (cut > 1 && cut < word.size() &&
          lexicon_.FindByKey("Model", NameKey(word.substr(0, cut))) >= 0) {
        Candidate candidate;
        candidate.first = t;
        candidate.last = ExtendModel(t + 1, true);
        candidate.type = "Model";
        Emit(std::move(candidate));
        continue;
      }
      // A chip family glued to its generation: "Trainium3", "HBM4".
      if (cut > 1 && cut < word.size() &&
          lexicon_.FindByKey("Chip", NameKey(word.substr(0, cut))) >= 0) {
        Candidate candidate;
        candidate.first = t;
        candidate.last = ExtendChipVariants(t + 1);
        candidate.type = "Chip";
        Emit(std::move(candidate));
        continue;
      }
    }
    if (IsChipCode(word) && (find_contexts(), chip_context)) {
      bool near_chip_word = false;
      for (std::uint32_t k = t + 1; k < last_ && k <= t + 3; ++k) {
        near_chip_word = near_chip_word || ChipWords().count(tokens_[k].hash) != 0;
      }
      if (near_chip_word) {
        Candidate candidate;
        // "Kelmont's Orion X200 chips": an unknown name word before the code is the family.
        const bool family = t > first_ && IsNameToken(t - 1) &&
                            (t - 1 == first_ || !IsNameToken(t - 2)) &&
                            !document_.SeenLowercase(tokens_[t - 1].hash);
        candidate.first = family ? t - 1 : t;
        candidate.last = t + 1;
        candidate.type = "Chip";
        Emit(std::move(candidate));
        continue;
      }
    }
    // An unknown family with a glued version near model words: "Kimi-K2", "Ernie-4.5".
    // The sentence's words are looked at last: hyphenated names ("Coca-Cola") are common.
    if (IsNameToken(t) && !document_.SeenLowercase(tokens_[t].hash) && t + 1 < last_ &&
        Is(t + 1, "-") && !tokens_[t + 1].space_before && t + 2 < last_ &&
        !tokens_[t + 2].space_before && IsVersionLike(Word(t + 2)) && Free(t, t + 3) &&
        (find_contexts(), model_context)) {
      Candidate candidate;
      candidate.first = t;
      candidate.last = ExtendModel(t + 3, true);
      candidate.type = "Model";
      Emit(std::move(candidate));
    }
  }
}

void SentenceRecogniser::TickersAndAcronyms() {
  StartCursor parentheses = Starts(StartKind::kOpenParenthesis);
  for (std::uint32_t t = first_; parentheses.Next(t) && t + 2 < last_; ++t) {
    if (taken_[t] != 0) continue;
    std::uint32_t k = t + 1;
    bool exchange = false;
    if (Exchanges().count(tokens_[k].hash) != 0 && Is(k + 1, ":")) {
      exchange = true;
      k += 2;
    }
    if (k >= last_ || Is(k, "$")) ++k;  // ($NVDA)
    if (k >= last_) continue;
    const std::string_view symbol = Word(k);
    std::uint32_t close = k + 1;
    while (close < last_ && close <= k + 6 && !Is(close, ")")) ++close;
    if (close >= last_ || !Is(close, ")")) continue;
    const int known = lexicon_.FindTicker(tokens_[k].hash);
    const bool generic = Has(k, kGenericAcronym);
    // An acronym spelled out just before it is a definition, not a ticker.
    std::uint32_t expansion = t;
    {
      std::size_t letter = symbol.size();
      std::uint32_t b = t;
      while (letter > 0 && b > first_) {
        --b;
        const Token& token = tokens_[b];
        if (token.kind != TokenKind::kWord) {
          if (Is(b, "-")) continue;
          break;
        }
        static const WordSet kLinkers = MakeWordSet({"of", "for", "and", "the", "&", "on", "in"});
        if (kLinkers.count(token.hash) != 0) continue;
        const char initial = Word(b)[0];
        const char wanted = symbol[letter - 1];
        if ((initial | 0x20) != (wanted | 0x20)) break;
        --letter;
        expansion = b;
      }
      if (letter != 0) expansion = t;
    }
    const bool definition = expansion < t && symbol.size() >= 2 && known < 0;
    if (definition && close == k + 1) {
      std::uint32_t head = expansion;
      bool capitalised = true;
      for (std::uint32_t b = expansion; b < t; ++b) {
        if (tokens_[b].kind == TokenKind::kWord && !tokens_[b].capitalised &&
            !Has(b, kNonNameCapital) && !Is(b, "for") && !Is(b, "of") && !Is(b, "and")) {
          capitalised = false;
        }
      }
      static const WordSet kProductHeads = MakeWordSet(
          {"platform", "studio", "suite", "app", "engine", "assistant", "framework", "toolkit"});
      const int existing = MentionEndingAt(t);
      int entity = -1;
      if (existing >= 0) {
        entity =
            document_
                .mentions[static_cast<std::size_t>(sentence_)][static_cast<std::size_t>(existing)]
                .entity;
      } else if (capitalised && Free(expansion, t)) {
        Candidate candidate;
        candidate.first = expansion;
        candidate.last = t;
        const bool product = kProductHeads.count(tokens_[head].hash) != 0 ||
                             kProductHeads.count(tokens_[t - 1].hash) != 0;
        const bool company = Has(t - 1, kOrganisationCue) || IsCorporateSuffix(t - 1);
        if (product || company) {
          candidate.type = product ? "Product" : "Company";
          entity = Emit(std::move(candidate));
        }
      }
      if (entity >= 0 && !generic) {
        AddMentionTo(document_, sentence_, k, k + 1, entity, symbol, 0);
        document_.short_forms.emplace(tokens_[k].hash, entity);
      }
      for (std::uint32_t b = t; b <= close; ++b) {
        taken_[b] = 1;
        // "Zentrix Foundry Corp (ZFC), the ... foundry": rules read past the definition.
        if (entity >= 0) document_.transparent[b] = 1;
      }
      t = close;
      continue;
    }
    if (!IsTickerLike(symbol) || (generic && !exchange)) continue;
    if (!exchange && known < 0 && close != k + 1) continue;
    // The ticker belongs to the company named just before it.
    std::uint32_t owner_end = t;
    if (owner_end > first_ && tokens_[owner_end - 1].possessive) --owner_end;
    const int owner = MentionEndingAt(owner_end);
    const auto& mentions = document_.mentions[static_cast<std::size_t>(sentence_)];
    if (owner >= 0) {
      const Mention& mention = mentions[static_cast<std::size_t>(owner)];
      DocEntity& entity = document_.entities[static_cast<std::size_t>(mention.entity)];
      const bool foreign = known >= 0 && known != entity.lexicon_entry;
      if (!entity.HasType("Company") && !foreign) continue;
      if (!foreign && entity.ticker.empty()) {
        entity.ticker = std::string(symbol);
        entity.surfaces.emplace_back(std::string(symbol), 1);
      }
    } else {
      std::uint32_t begin = t;
      while (begin > first_ && t - begin < 4 && IsNameToken(begin - 1)) --begin;
      if (begin == t) continue;
      Candidate candidate;
      candidate.first = begin;
      candidate.last = t;
      candidate.type = "Company";
      if (known < 0) candidate.ticker = symbol;
      if (Emit(std::move(candidate)) < 0) continue;
    }
    for (std::uint32_t b = t; b <= close; ++b) {
      taken_[b] = 1;
      document_.transparent[b] = 1;
    }
    t = close;
  }
}

namespace {

// Fills document.starts from the StartKind bits ClassifyWords gave each token, for the tokens
// of the sentences the recognisers read.
void FindStartTokens(Document& document) {
  const auto& sentences = document.layout.sentences;
  StartTokens& starts = document.starts;
  const std::uint8_t* kinds = starts.token_kinds.data();
  const std::size_t token_count = starts.token_kinds.size();
  std::array<std::uint32_t*, kStartKinds> begins, ends;
  for (std::size_t k = 0; k < kStartKinds; ++k) {
    if (starts.tokens[k].size() < token_count) starts.tokens[k].resize(token_count);
    begins[k] = ends[k] = starts.tokens[k].data();
  }
  const auto add = [&](std::uint32_t t, unsigned bits) {
    for (; bits != 0; bits &= bits - 1)
      *ends[static_cast<std::size_t>(std::countr_zero(bits))]++ = t;
  };
  constexpr unsigned kKindBits = (1u << kStartKinds) - 1;
  starts.sentence_begin.resize(sentences.size() + 1);
  for (std::size_t s = 0; s <= sentences.size(); ++s) {
    for (std::size_t k = 0; k < kStartKinds; ++k) {
      starts.sentence_begin[s][k] = static_cast<std::uint32_t>(ends[k] - begins[k]);
    }
    if (s == sentences.size()) break;
    const Sentence& sentence = sentences[s];
    if (sentence.boilerplate || sentence.first_token == sentence.last_token) continue;
    const std::uint32_t last = sentence.last_token - 1;
    for (std::uint32_t t = sentence.first_token; t < last; ++t) add(t, kinds[t] & kKindBits);
    // The sentence's last token is versioned by a hyphen only if the hyphen is in the sentence.
    unsigned last_bits = kinds[last];
    if ((last_bits & kBeforeGluedHyphen) != 0) {
      last_bits &= ~(1u << static_cast<unsigned>(StartKind::kVersioned));
    }
    add(last, last_bits & kKindBits);
  }
}

// Mentions of the document's known surfaces wherever a sentence has one outside its mentions.
// `name_words_only`: every surface starts with a name word, so only the sentences' name-word
// start tokens are looked at.
void MentionKnownSurfaces(Document& document, bool name_words_only) {
  const SurfaceIndex& known = document.known_surfaces;
  const auto& tokens = document.layout.tokens;
  std::vector<std::uint8_t>& taken = document.taken;
  const int count = static_cast<int>(document.layout.sentences.size());
  constexpr auto kNames = static_cast<std::size_t>(StartKind::kNameWord);
  const std::uint32_t* name_words = document.starts.tokens[kNames].data();
  std::vector<std::uint8_t> covered;  // per token of the sentence: in a mention
  for (int s = 0; s < count; ++s) {
    const Sentence& sentence = document.layout.sentences[static_cast<std::size_t>(s)];
    if (sentence.boilerplate) continue;
    bool covered_filled = false;  // at the sentence's first word that may start a name
    // The longest known surface at `t` becomes a mention where no mention covers it; returns
    // the token after it, else t + 1.
    const auto mention_at = [&](std::uint32_t t) -> std::uint32_t {
      // The index's filter turns most words away before anything else is read.
      if (!known.MayStartWith(tokens[t].hash)) return t + 1;
      if (!covered_filled) {
        covered.assign(sentence.last_token - sentence.first_token, 0);
        for (const Mention& mention : document.mentions[static_cast<std::size_t>(s)]) {
          for (std::uint32_t k = mention.first; k < mention.last; ++k) {
            covered[k - sentence.first_token] = 1;
          }
        }
        covered_filled = true;
      }
      if (covered[t - sentence.first_token] != 0 || document.transparent[t] != 0) return t + 1;
      const SurfaceIndex::Match match =
          known.Longest(document.text, tokens, t, sentence.last_token);
      if (match.id < 0) return t + 1;
      bool free = true;
      for (std::uint32_t k = t; k < t + match.length; ++k) {
        free = free && covered[k - sentence.first_token] == 0;
      }
      if (!free) return t + 1;
      const int entity = match.id;
      AddMentionTo(document, s, t, t + match.length, entity, document.Text(t, t + match.length), 0);
      for (std::uint32_t k = t; k < t + match.length; ++k) {
        covered[k - sentence.first_token] = 1;
        taken[k] = 1;
      }
      return t + match.length;
    };
    if (name_words_only) {
      const auto& begins = document.starts.sentence_begin;
      const std::uint32_t* end = name_words + begins[static_cast<std::size_t>(s) + 1][kNames];
      std::uint32_t next = sentence.first_token;
      for (const std::uint32_t* t = name_words + begins[static_cast<std::size_t>(s)][kNames];
           t != end; ++t) {
        if (*t >= next) next = mention_at(*t);
      }
      continue;
    }
    for (std::uint32_t t = sentence.first_token; t < sentence.last_token;) {
      while (t < sentence.last_token && !known.MayStartWith(tokens[t].hash)) ++t;
      if (t == sentence.last_token) break;
      t = mention_at(t);
    }
  }
}

void RecogniseMentions(const Lexicon& lexicon, Document& document) {
  const auto& tokens = document.layout.tokens;
  document.ResetMentions();
  document.transparent.assign(tokens.size(), 0);
  if (document.word_classes.size() != tokens.size() ||
      document.starts.token_kinds.size() != tokens.size()) {
    ClassifyWords(lexicon, document);
  }
  const std::vector<std::uint16_t>& word_classes = document.word_classes;
  std::vector<std::uint8_t>& taken = document.taken;
  taken.assign(tokens.size(), 0);
  FindStartTokens(document);
  const int count = static_cast<int>(document.layout.sentences.size());
  for (int s = 0; s < count; ++s) {
    if (document.layout.sentences[static_cast<std::size_t>(s)].boilerplate) continue;
    SentenceRecogniser(lexicon, document, word_classes, taken, s).Run();
  }
  {
    // The words of every person mention (Tokenize of the surfaces would give the same),
    // never taken for companies or products: gathered once, before the passes that read them.
    WordSet person_words;
    AddPersonWords(document, person_words);
    for (int s = 0; s < count; ++s) {
      if (document.layout.sentences[static_cast<std::size_t>(s)].boilerplate) continue;
      // Coordination needs a company to join names to.
      bool has_company = false;
      for (const Mention& mention : document.mentions[static_cast<std::size_t>(s)]) {
        if (document.entities[static_cast<std::size_t>(mention.entity)].HasType("Company")) {
          has_company = true;
          break;
        }
      }
      SentenceRecogniser recogniser(lexicon, document, word_classes, taken, s);
      if (has_company) recogniser.CoordinatedNames(person_words);
    }
    for (int s = 0; s < count; ++s) {
      if (document.layout.sentences[static_cast<std::size_t>(s)].boilerplate) continue;
      SentenceRecogniser(lexicon, document, word_classes, taken, s).LaunchedNames(person_words);
    }
  }
  // Names the general recognisers found once are found again wherever they recur
  // ("Tide-3" after "its Tide-3 model").
  {
    SurfaceIndex& known = document.known_surfaces;  // surface -> entity
    known.clear();
    std::vector<Token> words;  // one buffer for every surface's tokens
    // Whether every surface added starts with a name word: a capitalised one (which only a
    // capitalised token matches) in neither NonNameCapitals nor GenericAcronyms.
    bool name_words_only = true;
    const auto starts_with_name_word = [](const Token& first) {
      return first.capitalised && NonNameCapitals().count(first.hash) == 0 &&
             GenericAcronyms().count(first.hash) == 0;
    };
    for (std::size_t e = 0; e < document.entities.size(); ++e) {
      const DocEntity& entity = document.entities[e];
      if (entity.lexicon_entry >= 0 || entity.HasType("Amount") || entity.surfaces.empty())
        continue;
      for (const auto& [surface, n] : entity.surfaces) {
        if (surface.find('\t') != std::string::npos || surface.find('\n') != std::string::npos ||
            surface.find('|') != std::string::npos) {
          continue;
        }
        Tokenize(surface, words);
        if (words.empty()) continue;
        if (words.size() == 1 && (!words[0].capitalised || document.SeenLowercase(words[0].hash))) {
          continue;
        }
        known.Add(surface, words, static_cast<int>(e));
        name_words_only = name_words_only && starts_with_name_word(words[0]);
        // "the Snapdragon X3 Elite" ... "laptops powered by the X3 Elite": a
        // chip's or model's name without its family, when the rest has a version.
        // A lone short code ("A2", "K3") would be too ambiguous on its own.
        if ((entity.HasType("Chip") || entity.HasType("Model")) && words.size() >= 2 &&
            words[1].has_digit && words[1].capitalised &&
            (words.size() >= 3 || words[1].end - words[1].start >= 4)) {
          const std::string_view tail = std::string_view(surface).substr(words[1].start);
          std::vector<Token> tail_words(words.begin() + 1, words.end());
          for (Token& word : tail_words) {
            word.start -= words[1].start;
            word.end -= words[1].start;
          }
          known.Add(tail, tail_words, static_cast<int>(e));
          name_words_only = name_words_only && starts_with_name_word(tail_words[0]);
        }
      }
    }
    if (!known.empty()) MentionKnownSurfaces(document, name_words_only);
  }
  // Short forms: a surname or a name's distinctive first word stands for the full name.
  std::unordered_map<std::uint64_t, int> forms = document.short_forms;
  std::unordered_map<std::uint64_t, int> clashes;
  std::vector<Token> words;  // one buffer for every surface's tokens
  for (std::size_t e = 0; e < document.entities.size(); ++e) {
    const DocEntity& entity = document.entities[e];
    if (!entity.HasType("Person") && !(entity.HasType("Company") && entity.lexicon_entry < 0))
      continue;
    for (const auto& [surface, n] : entity.surfaces) {
      Tokenize(surface, words);
      if (words.size() < 2) continue;
      const Token& part = entity.HasType("Person") ? words.back() : words.front();
      if (!part.capitalised || document.SeenLowercase(part.hash) ||
          NonNameCapitals().count(part.hash) != 0 || lexicon.FindTicker(part.hash) >= 0) {
        continue;
      }
      auto [it, inserted] = forms.emplace(part.hash, static_cast<int>(e));
      if (!inserted && it->second != static_cast<int>(e)) clashes[part.hash] = 1;
    }
  }
  for (const auto& [hash, unused] : clashes) forms.erase(hash);
  if (forms.empty()) return;
  // A one-word person ("Mr Fitzpatrick") is the full name with that surname.
  std::vector<int> merged_into(document.entities.size(), -1);
  for (std::size_t e = 0; e < document.entities.size(); ++e) {
    DocEntity& entity = document.entities[e];
    if (!entity.HasType("Person") || entity.lexicon_entry >= 0 || entity.surfaces.empty()) continue;
    bool single = true;
    for (const auto& [surface, n] : entity.surfaces) {
      single = single && surface.find(' ') == std::string::npos;
    }
    auto full = forms.find(HashLower(entity.surfaces.front().first));
    if (!single || full == forms.end() || full->second == static_cast<int>(e)) continue;
    DocEntity& target = document.entities[static_cast<std::size_t>(full->second)];
    if (!target.HasType("Person")) continue;
    merged_into[e] = full->second;
    target.mentions += entity.mentions;
    for (const auto& surface : entity.surfaces) target.surfaces.push_back(surface);
    entity.mentions = 0;
    entity.surfaces.clear();
  }
  for (auto& sentence_mentions : document.mentions) {
    for (Mention& mention : sentence_mentions) {
      const int target = merged_into[static_cast<std::size_t>(mention.entity)];
      if (target >= 0) mention.entity = target;
    }
  }
  // The forms are name words (capitalised, in neither NonNameCapitals nor GenericAcronyms)
  // unless some acronym or surname is not: then every capitalised word is looked at.
  bool name_words_only = true;
  for (const auto& [hash, entity] : forms) {
    name_words_only =
        name_words_only && NonNameCapitals().count(hash) == 0 && GenericAcronyms().count(hash) == 0;
  }
  constexpr auto kNames = static_cast<std::size_t>(StartKind::kNameWord);
  const std::uint32_t* name_words = document.starts.tokens[kNames].data();
  for (int s = 0; s < count; ++s) {
    const Sentence& sentence = document.layout.sentences[static_cast<std::size_t>(s)];
    if (sentence.boilerplate) continue;
    auto& mentions = document.mentions[static_cast<std::size_t>(s)];
    std::size_t next_mention = 0;
    // Adds a short form's mention at capitalised token `t` outside the sentence's mentions.
    const auto mention_short_form = [&](std::uint32_t t) {
      if (document.transparent[t] != 0) return;
      // Moved on only here: it skips the mentions that end by t, whichever t it last saw.
      while (next_mention < mentions.size() && mentions[next_mention].last <= t) ++next_mention;
      if (next_mention < mentions.size() && mentions[next_mention].first <= t) return;
      auto found = forms.find(tokens[t].hash);
      if (found == forms.end()) return;
      const bool glued = (t + 1 < sentence.last_token && tokens[t + 1].capitalised &&
                          tokens[t + 1].kind == TokenKind::kWord) ||
                         (t > sentence.first_token && tokens[t - 1].capitalised &&
                          tokens[t - 1].kind == TokenKind::kWord && t - 1 != sentence.first_token);
      if (glued) return;
      AddMentionTo(document, s, t, t + 1, found->second, TokenText(document.text, tokens[t]), 0);
      taken[t] = 1;
      next_mention = 0;
    };
    if (name_words_only) {
      // The sentence's name words, which FindStartTokens listed.
      const auto& begins = document.starts.sentence_begin;
      const std::uint32_t* end = name_words + begins[static_cast<std::size_t>(s) + 1][kNames];
      for (const std::uint32_t* t = name_words + begins[static_cast<std::size_t>(s)][kNames];
           t != end; ++t) {
        mention_short_form(*t);
      }
      continue;
    }
    for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
      // A tight loop past the words no short form can be.
      while (t < sentence.last_token && !tokens[t].capitalised) ++t;
      if (t == sentence.last_token) break;
      mention_short_form(t);
    }
  }
}

}  // namespace

void RecogniseEntities(const Lexicon& lexicon, Document& document) {
  RecogniseMentions(lexicon, document);
  CompaniesNamedInContext(lexicon, document);
}

}  // namespace kg::extract::nlp
