// SPDX-License-Identifier: MIT
#include "extract/nlp/text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>

namespace kg::extract::nlp {
namespace {

enum class CharClass : std::uint8_t { kSpace, kNewline, kWord, kPunct };

struct CharInfo {
  CharClass cls;
  int length;
  std::uint32_t code_point;
};

constexpr bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Per-byte traits, so the tokenizer's inner loops test a byte with one load and no branches.
enum ByteTrait : std::uint8_t { kDigitByte = 1, kUpperByte = 2, kLowerByte = 4 };
constexpr std::array<std::uint8_t, 256> kByteTraits = [] {
  std::array<std::uint8_t, 256> traits{};
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    traits[byte] = static_cast<std::uint8_t>((IsAsciiDigit(byte) ? kDigitByte : 0) |
                                             (IsAsciiUpper(byte) ? kUpperByte : 0) |
                                             (IsAsciiLower(byte) ? kLowerByte : 0));
  }
  return traits;
}();

CharClass ClassifyCodePoint(std::uint32_t cp) {
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return CharClass::kNewline;
  if ((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) ||
      (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x21FF) ||
      (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3001 && cp <= 0x3003) ||
      (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0xFF01 && cp <= 0xFF0F)) {
    return CharClass::kPunct;
  }
  return CharClass::kWord;
}

constexpr CharClass ClassifyAscii(unsigned char c) {
  if (c == '\n') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c < 0x20 || c == 0x7F) {
    return CharClass::kSpace;
  }
  return IsAsciiAlnum(c) ? CharClass::kWord : CharClass::kPunct;
}

// The class of every ASCII byte, so the common case is one load.
constexpr std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) classes[c] = ClassifyAscii(static_cast<unsigned char>(c));
  return classes;
}();

CharInfo ClassifyMultibyte(std::string_view text, std::size_t i);

inline CharInfo Classify(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {kAsciiClasses[c], 1, c};
  return ClassifyMultibyte(text, i);
}

CharInfo ClassifyMultibyte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  int length = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
  if (length == 1 || i + length > text.size()) return {CharClass::kWord, 1, c};
  std::uint32_t cp = c & (0x3F >> (length - 1));
  for (int k = 1; k < length; ++k) {
    const auto cont = static_cast<unsigned char>(text[i + k]);
    if ((cont & 0xC0) != 0x80) return {CharClass::kWord, 1, c};
    cp = (cp << 6) | (cont & 0x3F);
  }
  return {ClassifyCodePoint(cp), length, cp};
}

bool IsApostrophe(std::string_view text, std::size_t i, int* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  if (static_cast<unsigned char>(text[i]) == 0xE2 && text.compare(i, 3, "\xE2\x80\x99") == 0) {
    *length = 3;
    return true;
  }
  return false;
}

bool IsWordCharAt(std::string_view text, std::size_t i) {
  return i < text.size() && Classify(text, i).cls == CharClass::kWord;
}

const WordSet& Abbreviations() {
  static const WordSet set =
      MakeWordSet({"inc", "corp", "ltd", "co", "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st",
                   "vs", "etc", "no", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jan",
                   "feb", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "dept", "bros", "mt",
                   "ft", "est", "fig", "govt", "cos", "assn", "ave", "blvd",
                   // US states as newswire abbreviates them ("SUNNYVALE, Calif., June 9"); not
                   // those that are also words ("Ore.", "Mass.", "Ill.", "Wash.").
                   "calif", "conn", "kan", "ky", "md", "mich", "minn", "mont", "neb", "nev", "okla",
                   "tenn", "tex", "vt", "wis", "wyo", "ariz", "ark", "colo", "fla", "ala", "va"});
  return set;
}

// FNV-1a, the hash behind HashLower().
constexpr std::uint64_t kHashSeed = 1469598103934665603ULL;
constexpr std::uint64_t kHashPrime = 1099511628211ULL;

// Every byte with ASCII capitals lower-cased: HashLower's folding as a table.
constexpr std::array<std::uint8_t, 256> kLowerBytes = [] {
  std::array<std::uint8_t, 256> lower{};
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    lower[byte] = IsAsciiUpper(byte) ? static_cast<std::uint8_t>(byte - 'A' + 'a') : byte;
  }
  return lower;
}();

// HashLower(text), calling `on_byte(c)` with each byte it hashes before folding it
// (the two continuation bytes of a typographic apostrophe are skipped): the
// tokenizer reads a word's shape in the same pass.
template <typename OnByte>
std::uint64_t HashLowerEach(std::string_view text, OnByte on_byte) {
  std::uint64_t hash = kHashSeed;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    on_byte(c);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      c = '\'';
      i += 2;
    } else if (IsAsciiUpper(c)) {
      c = static_cast<unsigned char>(c - 'A' + 'a');
    }
    hash = (hash ^ c) * kHashPrime;
  }
  return hash;
}

// Abbreviations after which a capitalised word never starts a new sentence.
const WordSet& Titles() {
  static const WordSet set = MakeWordSet({"mr.",  "mrs.", "ms.", "dr.",  "prof.", "gen.",   "sen.",
                                          "rep.", "gov.", "lt.", "col.", "sgt.",  "capt.",  "st.",
                                          "no.",  "vs.",  "mt.", "ft.",  "fig.",  "approx."});
  return set;
}

// Words that usually open a sentence: after "Inc." or "U.S." they signal a new one.
const WordSet& SentenceStarters() {
  static const WordSet set = MakeWordSet(
      {"the",   "this",     "that",      "these",  "those", "it",      "its",      "in",
       "on",    "at",       "for",       "a",      "an",    "but",     "and",      "he",
       "she",   "they",     "we",        "i",      "as",    "while",   "however",  "meanwhile",
       "there", "after",    "before",    "when",   "if",    "still",   "also",     "separately",
       "last",  "analysts", "investors", "shares", "his",   "her",     "their",    "our",
       "some",  "many",     "what",      "why",    "how",   "despite", "according"});
  return set;
}

// A run of single letters and dots ("U.S", "e.g", "C.C"), which takes a final period.
bool IsDottedInitials(std::string_view word) {
  if (word.size() < 3) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const bool letter_slot = (i % 2 == 0);
    const auto c = static_cast<unsigned char>(word[i]);
    if (letter_slot ? !(IsAsciiUpper(c) || IsAsciiLower(c)) : c != '.') return false;
  }
  return word.size() % 2 == 1;
}

// Line-initial list markers: "*", "-", a middle dot (U+00B7), or one of U+2022 (bullet),
// U+2013 and U+2014 (dashes), U+25AA, U+25BA and U+25CF (square, triangle, circle).
// Compared byte by byte: a table of strings here made GCC rebuild the table for every token.
bool IsBulletText(std::string_view token) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(token[i]); };
  switch (token.size()) {
    case 1:
      return token[0] == '*' || token[0] == '-';
    case 2:
      return byte(0) == 0xC2 && byte(1) == 0xB7;
    case 3: {
      if (byte(0) != 0xE2) return false;
      const unsigned tail = (byte(1) << 8) | byte(2);
      return tail == 0x80A2 || tail == 0x8093 || tail == 0x8094 || tail == 0x96AA ||
             tail == 0x978F || tail == 0x96BA;
    }
    default:
      return false;
  }
}

struct LineStart {
  std::uint32_t token = 0;  // the line's first token
  std::uint32_t start = 0;  // the byte after the line break
};

// What the tokenizer notes for the sentence splitter besides the tokens.
struct TokenNotes {
  // Where each line that has a token starts, for its first token (the tokens
  // with newlines_before > 0); a line before any line break starts at 0.
  std::vector<LineStart> line_starts;
  // In order, the tokens that begin a line, are punctuation or are abbreviations:
  // a sentence ends elsewhere only at the length cap, so the splitter skips the
  // words between (four tokens in five).
  std::vector<std::uint32_t> breaks;

  void clear() {
    line_starts.clear();
    breaks.clear();
  }
};

struct Tokenizer {
  std::string_view text;
  Layout& layout;
  TokenNotes& notes;

  void Run() {
    // In a local the compiler keeps in registers: every byte store into a token could
    // alias the member, which it would then load again.
    const std::string_view text = this->text;
    std::size_t i = 0;
    bool space_before = true;
    int newlines = 0;
    std::uint32_t current_line_start = 0;
    while (i < text.size()) {
      if (text[i] == ' ') {
        space_before = true;
        ++i;
        continue;
      }
      if (kByteTraits[static_cast<unsigned char>(text[i])] != 0) {
        // An ASCII letter or digit starts a word: most tokens take ScanPlainWord's one pass.
        Token& token = StartToken(i, space_before);
        bool may_break = false;
        if (ScanPlainWord(token)) {
          i = token.end;
        } else {
          i = ScanWord(i, token);
          token.end = static_cast<std::uint32_t>(i);
          Finish(token);
          may_break = token.kind == TokenKind::kPunct || token.abbreviation;
        }
        EndToken(newlines, current_line_start, may_break);
        newlines = 0;
        space_before = false;
        // The space that follows most words, taken here rather than at the loop's top.
        if (i < text.size() && text[i] == ' ') {
          space_before = true;
          ++i;
        }
        continue;
      }
      const CharInfo info = Classify(text, i);
      if (info.cls == CharClass::kSpace) {
        space_before = true;
        i += info.length;
        continue;
      }
      if (info.cls == CharClass::kNewline) {
        space_before = true;
        if (newlines < 255) ++newlines;
        i += info.length;
        current_line_start = static_cast<std::uint32_t>(i);
        continue;
      }
      if (info.cls == CharClass::kPunct && info.length == 1 && text[i] != '\'') {
        // One ASCII punctuation byte (".", ",", "(", "$"): the token ScanPunct and Finish
        // would build, without their second look at the byte.
        Token& token = StartToken(i, space_before);
        token.end = static_cast<std::uint32_t>(i + 1);
        token.hash = (kHashSeed ^ static_cast<unsigned char>(text[i])) * kHashPrime;
        token.kind = TokenKind::kPunct;
        ++i;
        EndToken(newlines, current_line_start, true);
        newlines = 0;
        space_before = false;
        continue;
      }
      const bool glued = !layout.tokens.empty() && layout.tokens.back().end == i;
      Token& token = StartToken(i, space_before);
      if (info.cls == CharClass::kWord) {
        i = ScanWord(i, token);
      } else {
        i = ScanPunct(i, info, glued, token);
      }
      token.end = static_cast<std::uint32_t>(i);
      Finish(token);
      EndToken(newlines, current_line_start, token.kind == TokenKind::kPunct || token.abbreviation);
      newlines = 0;
      space_before = false;
    }
  }

  Token& StartToken(std::size_t i, bool space_before) {
    // Built in place: a Token assembled on the stack and copied stalls on store forwarding.
    Token& token = layout.tokens.emplace_back();
    token.start = static_cast<std::uint32_t>(i);
    token.space_before = space_before;
    return token;
  }

  // `may_break`: the token is punctuation or an abbreviation (TokenNotes::breaks).
  void EndToken(int newlines, std::uint32_t current_line_start, bool may_break) {
    const auto index = static_cast<std::uint32_t>(layout.tokens.size() - 1);
    if (newlines != 0) {
      layout.tokens.back().newlines_before = static_cast<std::uint8_t>(newlines);
      notes.line_starts.push_back({index, current_line_start});
    }
    if (newlines != 0 || may_break) notes.breaks.push_back(index);
  }

  // The common word, a run of ASCII letters and digits that ends where ScanWord would
  // end it (EndsPlainWord): scanned,
  // hashed and classified in one pass, as ScanWord and Finish would. Returns false,
  // leaving `token` as it was, for any other word.
  bool ScanPlainWord(Token& token) {
    const std::string_view text = this->text;  // in registers, as in Run()
    std::size_t i = token.start;
    std::uint64_t hash = kHashSeed;
    std::uint8_t seen = 0;
    for (; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      const std::uint8_t traits = kByteTraits[c];
      if (traits == 0) break;
      seen |= traits;
      hash = (hash ^ kLowerBytes[c]) * kHashPrime;
    }
    if (i < text.size() && !EndsPlainWord(token.start, i, hash)) return false;
    const auto first = static_cast<unsigned char>(text[token.start]);
    token.end = static_cast<std::uint32_t>(i);
    token.hash = hash;
    token.kind = IsAsciiDigit(first) ? TokenKind::kNumber : TokenKind::kWord;
    token.capitalised = IsAsciiUpper(first);
    token.has_digit = (seen & kDigitByte) != 0;
    // Capitals are counted only for the few words with some and no lower case.
    if ((seen & kUpperByte) != 0 && (seen & kLowerByte) == 0) {
      int capitals = 0;
      for (std::size_t k = token.start; k < i && capitals < 2; ++k) {
        capitals += IsAsciiUpper(static_cast<unsigned char>(text[k])) ? 1 : 0;
      }
      token.all_caps = capitals >= 2;
    }
    return true;
  }

  // Whether the plain word [start, i), hashed `hash`, ends at `i` as ScanWord would end
  // it: at a byte that cannot continue a word, and at the common '.', ',' and apostrophe
  // that do not continue it ("said.", "Apple,", "Apple's", "investors'"). False (ScanWord
  // decides) for numbers with separators, dotted names, abbreviations, contractions and
  // anything non-ASCII.
  bool EndsPlainWord(std::size_t start, std::size_t i, std::uint64_t hash) const {
    const auto byte_at = [&](std::size_t k) -> int {
      return k < text.size() ? static_cast<unsigned char>(text[k]) : -1;  // -1: the end
    };
    // ASCII but no letter or digit, or the end: what ScanWord stops at.
    const auto stops = [](int c) { return c < 0 || (c < 0x80 && !IsAsciiAlnum(c)); };
    const int stop = byte_at(i);
    if (stop == ' ') return true;  // most words: decided with one compare
    if (stop == '.') {
      // "U.S" and "38.38" go on; a single capital and "Inc." take the period.
      if (!stops(byte_at(i + 1))) return false;
      const bool single_capital = i - start == 1 && IsAsciiUpper(text[start]);
      return !single_capital && Abbreviations().count(hash) == 0;
    }
    if (stop == ',') return !IsAsciiDigit(text[i - 1]);  // "1,000" goes on
    if (stop == '\'') {
      // Ends unless a word character follows, except the possessive "'s" ("don't" goes on).
      const int next = byte_at(i + 1);
      if (stops(next)) return true;
      return (next == 's' || next == 'S') && stops(byte_at(i + 2));
    }
    return stop < 0x80;
  }

  std::size_t ScanWord(std::size_t i, Token& token) {
    const std::size_t begin = i;
    while (i < text.size()) {
      // Fast path: plain ASCII letters and digits.
      if (kByteTraits[static_cast<unsigned char>(text[i])] != 0) {
        ++i;
        continue;
      }
      const CharInfo info = Classify(text, i);
      if (info.cls == CharClass::kWord) {
        i += info.length;
        continue;
      }
      if (info.cls != CharClass::kPunct) break;  // white space always ends a word
      const auto prev = static_cast<unsigned char>(text[i - 1]);
      const unsigned char next = i + 1 < text.size() ? text[i + 1] : 0;
      if (text[i] == '.' && IsAsciiAlnum(prev) && IsAsciiAlnum(next)) {
        i += 1;  // U.S, JD.com, 38.38
        continue;
      }
      if (text[i] == ',' && IsAsciiDigit(prev) && i + 3 < text.size() + 0 && IsAsciiDigit(next) &&
          IsAsciiDigit(text[i + 2]) && IsAsciiDigit(text[i + 3]) &&
          (i + 4 >= text.size() || !IsAsciiDigit(text[i + 4]))) {
        i += 1;  // 1,000
        continue;
      }
      int apostrophe = 0;
      if (IsApostrophe(text, i, &apostrophe) && IsWordCharAt(text, i + apostrophe)) {
        const std::size_t after = i + apostrophe;
        const bool possessive_s =
            (text[after] == 's' || text[after] == 'S') && !IsWordCharAt(text, after + 1);
        if (possessive_s) break;
        i = after;  // don't, O'Brien
        continue;
      }
      break;
    }
    std::string_view word = text.substr(begin, i - begin);
    if (i < text.size() && text[i] == '.') {
      std::uint64_t hash = HashLower(word);
      bool single_capital = word.size() == 1 && IsAsciiUpper(word[0]);
      if (single_capital || IsDottedInitials(word) || Abbreviations().count(hash) != 0) {
        i += 1;
        token.abbreviation = true;
      }
    }
    return i;
  }

  // `glued`: the previous token ends where this one starts.
  std::size_t ScanPunct(std::size_t i, const CharInfo& info, bool glued, Token& token) {
    int apostrophe = 0;
    if (IsApostrophe(text, i, &apostrophe)) {
      const std::size_t after = i + apostrophe;
      if (after < text.size() && (text[after] == 's' || text[after] == 'S') &&
          !IsWordCharAt(text, after + 1) && glued) {
        token.possessive = true;
        return after + 1;
      }
      if (glued && i > 0 && (text[i - 1] == 's' || text[i - 1] == 'S') &&
          !IsWordCharAt(text, after)) {
        token.possessive = true;  // plural possessive: "investors' money"
        return after;
      }
    }
    return i + info.length;
  }

  void Finish(Token& token) {
    std::string_view word = text.substr(token.start, token.end - token.start);
    int capitals = 0;
    std::uint8_t seen = 0;  // ByteTrait bits of any byte (apostrophe continuation bytes have none)
    token.hash = HashLowerEach(word, [&](unsigned char c) {
      seen |= kByteTraits[c];
      capitals += (kByteTraits[c] & kUpperByte) != 0 ? 1 : 0;
    });
    const auto first = static_cast<unsigned char>(word[0]);
    if (IsAsciiDigit(first) || ((first == '.') && word.size() > 1)) {
      token.kind = TokenKind::kNumber;
    } else if (token.possessive ||
               (!IsAsciiAlnum(first) && Classify(word, 0).cls == CharClass::kPunct)) {
      token.kind = TokenKind::kPunct;
    }
    token.capitalised = IsAsciiUpper(first);
    token.has_digit = (seen & kDigitByte) != 0;
    token.all_caps = capitals >= 2 && (seen & kLowerByte) == 0;
  }
};

bool IsTerminal(std::string_view token) {
  if (token.size() == 1) return token[0] == '.' || token[0] == '!' || token[0] == '?';
  return token == "\xE2\x80\xA6";
}

bool IsCloser(std::string_view token) {
  return token == "\"" || token == "'" || token == ")" || token == "]" || token == "\xE2\x80\x9D" ||
         token == "\xE2\x80\x99";
}

}  // namespace

std::uint64_t WordOrCompound(std::string_view text, const std::vector<Token>& tokens,
                             std::uint32_t t, std::uint32_t end) {
  if (t + 2 < end && TokenText(text, tokens[t + 1]) == "-" && !tokens[t + 1].space_before &&
      !tokens[t + 2].space_before && tokens[t + 2].kind == TokenKind::kWord) {
    return HashLower(text.substr(tokens[t].start, tokens[t + 2].end - tokens[t].start));
  }
  return tokens[t].hash;
}

std::uint64_t HashLower(std::string_view text) {
  return HashLowerEach(text, [](unsigned char) {});
}

void WordSet::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, 0);
  mask_ = slots_.size() - 1;
  size_ = 0;
  for (std::uint64_t value : old) {
    if (value != 0) insert(value);
  }
}

void WordSet::reserve(std::size_t count) {
  std::size_t capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  if (capacity <= slots_.size()) return;
  if (size_ == 0) {
    // Empty (new or cleared): no hashes to move, and a cleared set's storage is reused.
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    return;
  }
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  size_ = 0;
  for (std::uint64_t value : old) {
    if (value != 0) insert(value);
  }
}

void HashIndex::clear() {
  if (slots_.size() > 1024) {
    slots_ = {};
    mask_ = 0;
  } else if (!slots_.empty()) {  // memset of a null pointer is undefined, even for 0 bytes
    // All bytes zero: every key 0, empty (an empty slot's value is never read).
    std::memset(slots_.data(), 0, slots_.size() * sizeof(Slot));
  }
  size_ = 0;
}

int HashIndex::emplace(std::uint64_t hash, int value) {
  if (hash == 0) hash = 1;  // 0 marks empty slots; a zero hash is vanishingly rare
  const int existing = find(hash);
  if (existing >= 0) return existing;
  if ((size_ + 1) * 4 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.key != 0) emplace(slot.key, slot.value);
    }
  }
  std::size_t i = hash & mask_;
  while (slots_[i].key != 0) i = (i + 1) & mask_;
  slots_[i] = {hash, value};
  ++size_;
  return value;
}

WordSet MakeWordSet(std::initializer_list<const char*> words) {
  WordSet set;
  // At most an eighth full, not half: most lookups in a word list are of words not in
  // it, and those probe until an empty slot.
  set.reserve(words.size() * 4);
  for (const char* word : words) set.insert(HashLower(word));
  return set;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 2 + 2);  // names are short: one allocation each
  Tokenize(text, tokens);
  return tokens;
}

void Tokenize(std::string_view text, std::vector<Token>& tokens) {
  // The tokenizer's notes, which a name does not need: kept per thread so
  // that tokenising a name allocates nothing; released after an unusually long text.
  thread_local TokenNotes notes;
  notes.clear();
  Layout layout;
  layout.tokens.swap(tokens);
  layout.tokens.clear();
  Tokenizer{text, layout, notes}.Run();
  layout.tokens.swap(tokens);
  if (notes.line_starts.capacity() > 4096 || notes.breaks.capacity() > 4096) notes = {};
}

Layout Segment(std::string_view text) {
  Layout layout;
  Segment(text, layout);
  return layout;
}

void Segment(std::string_view text, Layout& layout) {
  layout.tokens.clear();
  layout.sentences.clear();
  layout.tokens.reserve(text.size() / 5 + 8);
  // The tokenizer's notes and the block bookkeeping below, kept per thread so that
  // segmenting text after text allocates them once; released after an unusually long text.
  thread_local TokenNotes notes;
  thread_local std::vector<std::uint32_t> wrapped_block_of_line;
  thread_local std::vector<std::uint8_t> wrapped_blocks;
  if (notes.breaks.capacity() > (std::size_t{1} << 18)) {
    notes = {};
    wrapped_block_of_line = {};
    wrapped_blocks = {};
  }
  notes.clear();
  Tokenizer{text, layout, notes}.Run();
  const auto& line_starts = notes.line_starts;

  const auto& tokens = layout.tokens;
  const std::uint32_t count = static_cast<std::uint32_t>(tokens.size());
  // Hard-wrapped prose: in a text where at least two line breaks fall inside a
  // sentence before a lower-case word, a capitalised word after a break
  // continues the sentence too ("Sir Peter" / "Laidlaw, who retires") within a
  // block of lines (up to a blank or indented line) that ends as prose ends: with
  // a terminal, a closing quote or bracket, or an abbreviation that holds its
  // period ("... at stockbrokers Hoare\nGovett Ltd."). A list of headlines, one a
  // line and unpunctuated, keeps one line a sentence. Only the tokens that begin a
  // line (line_starts) say so.
  const auto ends_like_prose = [&](std::uint32_t last) {
    const std::string_view word = TokenText(text, tokens[last]);
    return IsTerminal(word) || IsCloser(word) || (tokens[last].abbreviation && word.back() == '.');
  };
  wrapped_block_of_line.assign(line_starts.size(), 0);
  wrapped_blocks.assign(1, 0);
  {
    std::uint32_t block = 0;
    int lower_breaks = 0;
    for (std::size_t line = 0; line < line_starts.size(); ++line) {
      const std::uint32_t t = line_starts[line].token;
      if (t == 0) continue;
      const std::uint32_t line_start = line_starts[line].start;
      const std::uint32_t prev_line_start = line > 0 ? line_starts[line - 1].start : 0;
      const bool indented = tokens[t].start != line_start;
      if (tokens[t].newlines_before > 1 || indented) {
        wrapped_blocks.back() = ends_like_prose(t - 1);
        wrapped_blocks.push_back(0);
        ++block;
      } else {
        const auto next_first = static_cast<unsigned char>(text[tokens[t].start]);
        if (!IsTerminal(TokenText(text, tokens[t - 1])) &&
            tokens[t - 1].end - prev_line_start >= 40 &&
            (IsAsciiLower(next_first) || IsAsciiDigit(next_first))) {
          ++lower_breaks;
        }
      }
      wrapped_block_of_line[line] = block;
    }
    if (count > 0) wrapped_blocks.back() = ends_like_prose(count - 1);
    if (lower_breaks < 2) std::fill(wrapped_blocks.begin(), wrapped_blocks.end(), 0);
  }
  int paragraph = 0;
  std::uint32_t first = 0;
  auto close = [&](std::uint32_t last) {
    if (last > first) {
      Sentence sentence;
      sentence.first_token = first;
      sentence.last_token = last;
      sentence.start = tokens[first].start;
      sentence.end = tokens[last - 1].end;
      sentence.paragraph = paragraph;
      layout.sentences.push_back(sentence);
    }
    first = last;
  };
  constexpr auto kCap = static_cast<std::uint32_t>(kMaxSentenceTokens);
  std::size_t next_line = 0;   // line_starts[next_line] is the first entry for a token >= t
  std::size_t next_break = 0;  // notes.breaks[next_break] is the first break >= t
  std::uint32_t t = 0;         // the next token to look at
  while (t < count) {
    // The words before the next token that begins a line, is punctuation or an
    // abbreviation (the first token counts as one) end a sentence only at the cap.
    while (next_break < notes.breaks.size() && notes.breaks[next_break] < t) ++next_break;
    const std::uint32_t next = t == 0                             ? 0
                               : next_break < notes.breaks.size() ? notes.breaks[next_break]
                                                                  : count;
    while (first + kCap - 1 < next) close(first + kCap);
    if (next == count) break;
    t = next;
    const std::string_view word = TokenText(text, tokens[t]);
    const bool line_begins = (t == 0) || tokens[t].newlines_before > 0;
    if (line_begins && t > first) {
      // t > 0 begins a line: it has a line_starts entry, and the entry before is the line of t - 1.
      while (line_starts[next_line].token < t) ++next_line;
      const std::uint32_t line_start = line_starts[next_line].start;
      const std::uint32_t prev_line_start = next_line > 0 ? line_starts[next_line - 1].start : 0;
      // A single line break inside running prose (hard-wrapped text) does not end a sentence.
      const std::string_view prev = TokenText(text, tokens[t - 1]);
      const std::uint32_t prev_line_length = tokens[t - 1].end - prev_line_start;
      const auto next_first = static_cast<unsigned char>(word[0]);
      // An abbreviation or initial ending the line ("Landon H." / "Johnson said")
      // ends the sentence only before a word that opens one, as inside a line.
      // An indented line, or one opening with a quote, starts anew.
      const bool abbreviation_continues = tokens[t - 1].abbreviation && IsAsciiUpper(next_first) &&
                                          tokens[t].start == line_start &&
                                          SentenceStarters().count(tokens[t].hash) == 0;
      const bool wrapped_capital = IsAsciiUpper(next_first) && tokens[t].start == line_start &&
                                   wrapped_blocks[wrapped_block_of_line[next_line]] != 0;
      const bool soft =
          tokens[t].newlines_before == 1 && prev_line_length >= 40 &&
          ((!IsTerminal(prev) && prev != ":" &&
            (IsAsciiLower(next_first) || IsAsciiDigit(next_first) || wrapped_capital)) ||
           abbreviation_continues);
      if (!soft) {
        close(t);
        ++paragraph;
      }
    } else if (line_begins && t == first && t > 0) {
      ++paragraph;
    }
    if (line_begins && IsBulletText(word) && t + 1 < count && tokens[t + 1].space_before &&
        tokens[t + 1].newlines_before == 0) {
      first = t + 1;  // the bullet itself belongs to no sentence
      ++t;
      continue;
    }
    if (tokens[t].kind == TokenKind::kPunct && IsTerminal(word)) {  // '.', '!', '?' are kPunct
      std::uint32_t end = t + 1;
      // The run of closers and terminals stays within the sentence cap too.
      while (end < count && end - first < kCap && tokens[end].newlines_before == 0 &&
             !tokens[end].space_before &&
             (IsCloser(TokenText(text, tokens[end])) || IsTerminal(TokenText(text, tokens[end])))) {
        ++end;
      }
      const bool next_lower = end < count && tokens[end].newlines_before == 0 &&
                              IsAsciiLower(static_cast<unsigned char>(text[tokens[end].start]));
      if (!next_lower && (end >= count || tokens[end].space_before)) {
        close(end);
        t = end;
        continue;
      }
      // Every terminal in the run would scan to the same `end` and decide the
      // same: skip them, or a glued "!?!?..." run costs its length squared.
      t = end - 1;
    } else if (tokens[t].abbreviation && t + 1 < count && tokens[t + 1].newlines_before == 0 &&
               tokens[t + 1].space_before && tokens[t + 1].capitalised &&
               Titles().count(tokens[t].hash) == 0 &&
               SentenceStarters().count(tokens[t + 1].hash) != 0) {
      close(t + 1);
      ++t;
      continue;
    }
    if (t + 1 - first >= kCap) close(t + 1);
    ++t;
  }
  close(count);
}

}  // namespace kg::extract::nlp
