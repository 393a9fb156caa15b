// SPDX-License-Identifier: MIT
#include "extract/nlp/amounts.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

namespace kg::extract::nlp {
namespace {

// Word hash -> value, over a HashIndex: a lookup is a mask and a compare where
// std::unordered_map divided by its prime bucket count and chased a node.
template <typename Value>
class WordTable {
 public:
  /// Stores `value` for `hash` unless it has one (as std::unordered_map::emplace).
  void emplace(std::uint64_t hash, Value value) {
    const int next = static_cast<int>(values_.size());
    if (index_.emplace(hash, next) == next) values_.push_back(std::move(value));
  }
  /// The value for `hash`, or nullptr.
  const Value* find(std::uint64_t hash) const {
    const int found = index_.find(hash);
    return found < 0 ? nullptr : &values_[static_cast<std::size_t>(found)];
  }
  bool contains(std::uint64_t hash) const { return index_.find(hash) >= 0; }
  bool empty() const { return values_.empty(); }
  /// Calls `fn(hash)` for every word, in no particular order.
  template <typename Fn>
  void ForEachWord(Fn fn) const {
    index_.ForEach([&](std::uint64_t hash, int) { fn(hash); });
  }

 private:
  HashIndex index_;
  std::vector<Value> values_;
};

using WordMap = WordTable<std::string>;
using ScaleMap = WordTable<double>;

WordMap MakeWordMap(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  WordMap map;
  for (const auto& [word, unit] : pairs) map.emplace(HashLower(word), unit);
  return map;
}

const WordMap& CurrencySymbols() {
  static const WordMap map = MakeWordMap({{"$", "USD"},
                                          {"\xE2\x82\xAC", "EUR"},
                                          {"\xC2\xA3", "GBP"},
                                          {"\xC2\xA5", "JPY"},
                                          {"\xE2\x82\xB9", "INR"},
                                          {"\xE2\x82\xA9", "KRW"}});
  return map;
}

// Letters glued to a "$": US$, HK$, C$, A$, S$, NT$ and T$ (Taiwan), R$ (Brazil), NZ$.
const WordMap& DollarPrefixes() {
  static const WordMap map = MakeWordMap({{"us", "USD"},
                                          {"hk", "HKD"},
                                          {"c", "CAD"},
                                          {"a", "AUD"},
                                          {"s", "SGD"},
                                          {"nt", "TWD"},
                                          {"t", "TWD"},
                                          {"r", "BRL"},
                                          {"nz", "NZD"}});
  return map;
}

// Codes written before the number: "RMB 380 billion", "USD 5m".
const WordMap& CurrencyCodes() {
  static const WordMap map =
      MakeWordMap({{"rmb", "CNY"}, {"cny", "CNY"}, {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"},
                   {"jpy", "JPY"}, {"hkd", "HKD"}, {"inr", "INR"}, {"krw", "KRW"}, {"chf", "CHF"},
                   {"cad", "CAD"}, {"aud", "AUD"}, {"sgd", "SGD"}, {"twd", "TWD"}, {"rs", "INR"},
                   {"brl", "BRL"}, {"sek", "SEK"}, {"nok", "NOK"}, {"dkk", "DKK"}, {"aed", "AED"},
                   {"sar", "SAR"}, {"rub", "RUB"}, {"mxn", "MXN"}, {"dem", "DEM"}, {"ils", "ILS"},
                   {"zar", "ZAR"}, {"pln", "PLN"}, {"idr", "IDR"}, {"myr", "MYR"}, {"thb", "THB"}});
  return map;
}

// Currency words written after the number: "380 billion yuan".
const WordMap& CurrencyWords() {
  static const WordMap map = MakeWordMap({{"dollars", "USD"},
                                          {"dollar", "USD"},
                                          {"dlrs", "USD"},  // newswire: "610 mln dlrs"
                                          {"dlr", "USD"},
                                          {"stg", "GBP"},
                                          {"yuan", "CNY"},
                                          {"renminbi", "CNY"},
                                          {"euros", "EUR"},
                                          {"euro", "EUR"},
                                          {"pounds", "GBP"},
                                          {"sterling", "GBP"},
                                          {"yen", "JPY"},
                                          {"won", "KRW"},
                                          {"rupees", "INR"},
                                          {"francs", "CHF"},
                                          {"usd", "USD"},
                                          {"cny", "CNY"},
                                          {"rmb", "CNY"},
                                          {"eur", "EUR"},
                                          {"gbp", "GBP"},
                                          {"jpy", "JPY"},
                                          {"hkd", "HKD"},
                                          {"reais", "BRL"},
                                          // Former and other national currencies written as words.
                                          {"marks", "DEM"},
                                          {"deutschmarks", "DEM"},
                                          {"guilders", "NLG"},
                                          {"markkaa", "FIM"},
                                          {"markka", "FIM"},
                                          {"lire", "ITL"},
                                          {"pesetas", "ESP"},
                                          {"rupiah", "IDR"},
                                          {"ringgit", "MYR"},
                                          {"baht", "THB"},
                                          {"roubles", "RUB"},
                                          {"rubles", "RUB"},
                                          {"rand", "ZAR"},
                                          {"shekels", "ILS"},
                                          {"zlotys", "PLN"},
                                          {"zloty", "PLN"},
                                          {"kronor", "SEK"},
                                          {"krona", "SEK"},
                                          {"koruna", "CZK"},
                                          {"kroner", "NOK"},
                                          {"dirhams", "AED"},
                                          {"riyals", "SAR"}});
  return map;
}

// Money nouns that several countries share: a nationality before one names its currency
// ("12 mln Canadian dlrs", "5 billion French francs", "4 billion Swedish crowns"); a bare one
// is the document's ("Sales rose to 59 billion crowns" in an article about a Swedish company).
enum class MoneyFamily : std::uint8_t { kNone, kDollar, kFranc, kMark, kCrown, kPeso, kRupee };

MoneyFamily FamilyOf(std::uint64_t hash) {
  static const WordTable<MoneyFamily> table = [] {
    WordTable<MoneyFamily> families;
    const auto add = [&](MoneyFamily family, std::initializer_list<const char*> nouns) {
      for (const char* noun : nouns) families.emplace(HashLower(noun), family);
    };
    add(MoneyFamily::kDollar, {"dollars", "dollar", "dlrs", "dlr"});
    add(MoneyFamily::kFranc, {"francs", "franc"});
    add(MoneyFamily::kMark, {"marks"});  // not "mark": "passed the 1 million mark"
    add(MoneyFamily::kCrown, {"crowns", "crown", "kronor", "krona", "kroner", "krone", "koruna"});
    add(MoneyFamily::kPeso, {"pesos", "peso"});
    add(MoneyFamily::kRupee, {"rupees", "rupee"});
    return families;
  }();
  const MoneyFamily* family = table.find(hash);
  return family == nullptr ? MoneyFamily::kNone : *family;
}

// Money nouns of a family that name one currency by themselves ("kronor" is Swedish,
// "koruna" Czech): a nationality may still qualify them, but the document's country
// does not decide what they mean.
bool NamesOneCurrency(std::uint64_t hash) {
  static const WordSet set = MakeWordSet({"kronor", "krona", "kroner", "krone", "koruna"});
  return set.count(hash) != 0;
}

// Per family: the nationalities written before its nouns ("Swedish crowns"), and, where a
// bare noun depends on the country, the places and nationalities that say which: the first
// one an article names (its dateline, most often) decides. Empty for the rest.
struct MoneyFamilyWords {
  WordMap nationalities;
  WordMap countries;
};

const MoneyFamilyWords& FamilyWords(MoneyFamily family) {
  static const std::array<MoneyFamilyWords, 7> words = [] {
    std::array<MoneyFamilyWords, 7> all;
    const auto at = [&](MoneyFamily f) -> MoneyFamilyWords& {
      return all[static_cast<std::size_t>(f)];
    };
    at(MoneyFamily::kDollar).nationalities = MakeWordMap({{"canadian", "CAD"},
                                                          {"australian", "AUD"},
                                                          {"singapore", "SGD"},
                                                          {"taiwan", "TWD"},
                                                          {"taiwanese", "TWD"},
                                                          {"zealand", "NZD"},
                                                          {"kong", "HKD"},
                                                          {"u.s.", "USD"},
                                                          {"american", "USD"},
                                                          {"hk", "HKD"}});
    at(MoneyFamily::kFranc).nationalities = MakeWordMap(
        {{"french", "FRF"}, {"swiss", "CHF"}, {"belgian", "BEF"}, {"luxembourg", "LUF"}});
    at(MoneyFamily::kFranc).countries = MakeWordMap({{"france", "FRF"},
                                                     {"french", "FRF"},
                                                     {"paris", "FRF"},
                                                     {"switzerland", "CHF"},
                                                     {"swiss", "CHF"},
                                                     {"zurich", "CHF"},
                                                     {"geneva", "CHF"},
                                                     {"basel", "CHF"},
                                                     {"bern", "CHF"},
                                                     {"berne", "CHF"},
                                                     {"belgium", "BEF"},
                                                     {"belgian", "BEF"},
                                                     {"brussels", "BEF"}});
    at(MoneyFamily::kMark).nationalities = MakeWordMap({{"german", "DEM"}, {"finnish", "FIM"}});
    at(MoneyFamily::kMark).countries = MakeWordMap({{"finland", "FIM"},
                                                    {"finnish", "FIM"},
                                                    {"helsinki", "FIM"},
                                                    {"germany", "DEM"},
                                                    {"german", "DEM"},
                                                    {"frankfurt", "DEM"},
                                                    {"bonn", "DEM"}});
    at(MoneyFamily::kCrown).nationalities = MakeWordMap({{"swedish", "SEK"},
                                                         {"norwegian", "NOK"},
                                                         {"danish", "DKK"},
                                                         {"czech", "CZK"},
                                                         {"slovak", "SKK"},
                                                         {"icelandic", "ISK"},
                                                         {"estonian", "EEK"}});
    at(MoneyFamily::kCrown).countries = MakeWordMap({{"sweden", "SEK"},
                                                     {"swedish", "SEK"},
                                                     {"stockholm", "SEK"},
                                                     {"norway", "NOK"},
                                                     {"norwegian", "NOK"},
                                                     {"oslo", "NOK"},
                                                     {"denmark", "DKK"},
                                                     {"danish", "DKK"},
                                                     {"copenhagen", "DKK"},
                                                     {"czech", "CZK"},
                                                     {"prague", "CZK"},
                                                     {"slovakia", "SKK"},
                                                     {"bratislava", "SKK"},
                                                     {"iceland", "ISK"},
                                                     {"reykjavik", "ISK"}});
    at(MoneyFamily::kPeso).nationalities = MakeWordMap({{"mexican", "MXN"},
                                                        {"argentine", "ARS"},
                                                        {"argentinian", "ARS"},
                                                        {"chilean", "CLP"},
                                                        {"colombian", "COP"},
                                                        {"philippine", "PHP"},
                                                        {"uruguayan", "UYU"}});
    at(MoneyFamily::kPeso).countries = MakeWordMap({{"mexico", "MXN"},
                                                    {"mexican", "MXN"},
                                                    {"argentina", "ARS"},
                                                    {"argentine", "ARS"},
                                                    {"chile", "CLP"},
                                                    {"chilean", "CLP"},
                                                    {"santiago", "CLP"},
                                                    {"colombia", "COP"},
                                                    {"colombian", "COP"},
                                                    {"bogota", "COP"},
                                                    {"philippines", "PHP"},
                                                    {"philippine", "PHP"},
                                                    {"manila", "PHP"}});
    at(MoneyFamily::kRupee).nationalities = MakeWordMap(
        {{"indian", "INR"}, {"pakistani", "PKR"}, {"nepalese", "NPR"}, {"indonesian", "IDR"}});
    return all;
  }();
  return words[static_cast<std::size_t>(family)];
}

const ScaleMap& ScaleWords() {
  static const ScaleMap map = [] {
    ScaleMap scales;
    for (auto [word, scale] :
         std::initializer_list<std::pair<const char*, double>>{{"thousand", 1e3},
                                                               {"million", 1e6},
                                                               {"mn", 1e6},
                                                               {"mln", 1e6},
                                                               {"mm", 1e6},
                                                               {"billion", 1e9},
                                                               {"bn", 1e9},
                                                               {"bln", 1e9},
                                                               {"trillion", 1e12},
                                                               {"tn", 1e12},
                                                               {"trn", 1e12},
                                                               {"crore", 1e7},
                                                               {"lakh", 1e5}}) {
      scales.emplace(HashLower(word), scale);
    }
    return scales;
  }();
  return map;
}

// Scale letters glued to digits: 52B, 200MM, 1.5bn, 10k.
double AttachedScale(std::string_view suffix) {
  if (suffix.empty()) return 1;
  if (suffix == "k" || suffix == "K") return 1e3;
  if (suffix == "m" || suffix == "M" || suffix == "MM" || suffix == "mm" || suffix == "mn") {
    return 1e6;
  }
  if (suffix == "b" || suffix == "B" || suffix == "bn" || suffix == "Bn" || suffix == "BN") {
    return 1e9;
  }
  if (suffix == "t" || suffix == "T" || suffix == "tn" || suffix == "trn") return 1e12;
  return 0;
}

const WordMap& SmallNumbers() {
  static const WordMap map = MakeWordMap({{"a", "1"},
                                          {"an", "1"},
                                          {"one", "1"},
                                          {"two", "2"},
                                          {"three", "3"},
                                          {"four", "4"},
                                          {"five", "5"},
                                          {"six", "6"},
                                          {"seven", "7"},
                                          {"eight", "8"},
                                          {"nine", "9"},
                                          {"ten", "10"},
                                          {"hundred", "100"}});
  return map;
}

// Plural nouns that make a bare number a counted quantity ("600 million downloads").
const WordMap& CountNouns() {
  static const WordMap map = [] {
    WordMap nouns;
    for (const char* noun :
         {"users",         "downloads",    "developers", "customers",     "subscribers",
          "employees",     "workers",      "people",     "devices",       "units",
          "vehicles",      "cars",         "servers",    "tokens",        "barrels",
          "tonnes",        "tons",         "homes",      "jobs",          "members",
          "visitors",      "students",     "accounts",   "stores",        "orders",
          "copies",        "smartphones",  "viewers",    "patients",      "passengers",
          "deliveries",    "transactions", "queries",    "requests",      "households",
          "subscriptions", "shares",       "gpus",       "chips",         "megawatts",
          "gigawatts",     "enterprises",  "companies",  "businesses",    "merchants",
          "sellers",       "buyers",       "clients",    "installations", "robots",
          "wafers",        "residents",    "votes",      "troops",        "engineers",
          "scientists",    "researchers",  "analysts",   "staff",         "hospitals",
          "trucks",        "phones",       "cores",      "watts",         "languages",
          "sentences",     "reactions",    "contracts",  "applications",  "questions",
          "taxpayers"}) {
      nouns.emplace(HashLower(noun), noun);
    }
    return nouns;
  }();
  return map;
}

// Words between a figure and its count noun that leave it a count of those things.
const WordSet& CountModifiers() {
  static const WordSet set = MakeWordSet({"monthly", "daily", "weekly", "active", "paying",
                                          "registered", "published", "new", "additional"});
  return set;
}

// The value of `digits` (digits with at most one '.'), as strtod gives it. Most figures
// in news have at most 15 significant digits and a few decimals: then the digits as an
// integer and the power of ten are both exact doubles, and one IEEE division rounds
// correctly, as strtod does. Longer ones go to strtod.
double DecimalValue(std::string_view digits) {
  static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  std::uint64_t mantissa = 0;
  int significant = 0, decimals = 0;
  bool after_dot = false;
  for (const char c : digits) {
    if (c == '.') {
      after_dot = true;
      continue;
    }
    if (mantissa == 0 && c == '0') {
      if (after_dot) ++decimals;
      continue;  // leading zeros are not significant
    }
    if (++significant > 15) return std::strtod(std::string(digits).c_str(), nullptr);
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    if (after_dot) ++decimals;
  }
  if (decimals > 22) return std::strtod(std::string(digits).c_str(), nullptr);
  return static_cast<double>(mantissa) / kPowersOfTen[decimals];
}

// Parses the numeric part of a token ("38.38", "1,000", "52B"). False for
// anything else, including exponents and overlong digit strings.
bool ParseNumberToken(std::string_view word, double* value, double* scale) {
  if (word.empty() || word.size() > 40) return false;
  char buffer[48];
  std::size_t length = 0;
  std::size_t i = 0;
  bool dot = false;
  for (; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= '0' && c <= '9') {
      buffer[length++] = c;
    } else if (c == '.' && !dot && i + 1 < word.size() && word[i + 1] >= '0' &&
               word[i + 1] <= '9') {
      dot = true;
      buffer[length++] = c;
    } else if (c == ',' && length > 0) {
      continue;
    } else {
      break;
    }
  }
  if (length == 0) return false;
  buffer[length] = '\0';
  *scale = AttachedScale(word.substr(i));
  if (*scale == 0) return false;
  *value = DecimalValue(std::string_view(buffer, length));
  return std::isfinite(*value);
}

// "3,710p", "81.5p": pence glued to the figure, as London share prices are written. Not a
// display resolution ("1080p", "720p").
bool ParsePence(std::string_view word, double* pounds) {
  if (word.size() < 2 || word.back() != 'p') return false;
  double scale = 1;
  if (!ParseNumberToken(word.substr(0, word.size() - 1), pounds, &scale) || scale != 1) {
    return false;
  }
  const bool resolution =
      word.find_first_of(",.") == std::string_view::npos &&
      (*pounds == 240 || *pounds == 360 || *pounds == 480 || *pounds == 576 || *pounds == 720 ||
       *pounds == 1080 || *pounds == 1440 || *pounds == 2160 || *pounds == 4320);
  *pounds /= 100;
  return !resolution;
}

}  // namespace

// Every word an amount can start with, for a one-lookup rejection of the rest.
const WordSet& AmountStarterWords() {
  static const WordSet set = [] {
    WordSet starters;
    const auto insert = [&](std::uint64_t hash) { starters.insert(hash); };
    for (const WordMap* map :
         {&CurrencySymbols(), &DollarPrefixes(), &CurrencyCodes(), &SmallNumbers()}) {
      map->ForEachWord(insert);
    }
    ScaleWords().ForEachWord(insert);
    return starters;
  }();
  return set;
}

namespace {

struct Hashes {
  std::uint64_t parameter = HashLower("parameter"), parameters = HashLower("parameters"),
                percent = HashLower("percent"), pct = HashLower("pct"), per = HashLower("per"),
                cent = HashLower("cent"), us = HashLower("us"), dollars = HashLower("dollars"),
                pence = HashLower("pence"), cents = HashLower("cents"), cts = HashLower("cts");
};
const Hashes& H() {
  static const Hashes hashes;
  return hashes;
}

// The currency of "Canadian dlrs", "Hong Kong dollars", "Swedish crowns" at tokens[i...]
// (before `end`), with the token after its money noun; an empty unit if none is there.
std::pair<std::string_view, std::size_t> NationalCurrency(const std::vector<Token>& tokens,
                                                          std::size_t i, std::size_t end) {
  static const std::uint64_t kHong = HashLower("hong"), kNew = HashLower("new");
  std::size_t at = i;
  if (at + 1 < end && (tokens[at].hash == kHong || tokens[at].hash == kNew)) ++at;
  if (at + 1 >= end || !tokens[at].capitalised) return {};
  const MoneyFamily family = FamilyOf(tokens[at + 1].hash);
  if (family == MoneyFamily::kNone) return {};
  const std::string* found = FamilyWords(family).nationalities.find(tokens[at].hash);
  if (found == nullptr) return {};
  return {*found, at + 2};
}

// The currency a bare money noun of `family` means in this document: the one a nationality
// gives it anywhere in the document, else the one of the first country it names; empty if
// it names none (or the family has one currency whatever the country).
std::string_view DocumentCurrency(const std::vector<Token>& tokens, MoneyFamily family) {
  const WordMap& countries = FamilyWords(family).countries;
  if (countries.empty()) return {};
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (FamilyOf(tokens[i + 1].hash) != family) continue;
    if (const std::string_view unit = NationalCurrency(tokens, i, tokens.size()).first;
        !unit.empty()) {
      return unit;
    }
  }
  for (const Token& token : tokens) {
    if (!token.capitalised) continue;
    if (const std::string* unit = countries.find(token.hash); unit != nullptr) return *unit;
  }
  return {};
}

bool TextIs(std::string_view text, const Token& token, std::string_view word) {
  return TokenText(text, token) == word;
}

}  // namespace

bool IsCurrencyUnit(std::string_view unit) {
  return unit.size() == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' && unit[1] <= 'Z' &&
         unit[2] >= 'A' && unit[2] <= 'Z';
}

namespace {

// "EUR2.1bn", "GBP1.8bn", "USD500m": a currency code glued to its number, as
// financial dailies write it. The glued run may span several tokens ("EUR2",
// ".", "1bn"); it ends at the first space.
bool ParseGluedCodeAmount(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                          std::uint32_t end, AmountMatch* match) {
  const Token& first = tokens[t];
  if (first.kind != TokenKind::kWord || !first.has_digit || first.end - first.start < 4) {
    return false;
  }
  const std::string_view word = TokenText(text, first);
  if (!(word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'A' && word[1] <= 'Z' && word[2] >= 'A' &&
        word[2] <= 'Z' && word[3] >= '0' && word[3] <= '9')) {
    return false;
  }
  const std::string* code = CurrencyCodes().find(HashLower(word.substr(0, 3)));
  if (code == nullptr) return false;
  std::uint32_t last = t + 1;
  while (last < end && !tokens[last].space_before && last < t + 4 &&
         tokens[last].kind != TokenKind::kPunct) {
    ++last;
  }
  // Allow a decimal point between the glued parts: "EUR2" "." "1bn".
  if (last + 1 < end && !tokens[last].space_before && TokenText(text, tokens[last]) == "." &&
      !tokens[last + 1].space_before && tokens[last + 1].kind != TokenKind::kPunct) {
    last += 2;
  }
  const std::string_view number =
      text.substr(first.start + 3, tokens[last - 1].end - first.start - 3);
  double value = 0, scale = 1;
  if (!ParseNumberToken(number, &value, &scale)) return false;
  value *= scale;
  if (!std::isfinite(value) || value > 1e18) return false;
  match->first = t;
  match->last = last;
  match->value = value;
  match->unit = *code;
  return true;
}

}  // namespace

std::string_view LocalCurrencies::For(const std::vector<Token>& tokens, int family) {
  const auto index = static_cast<std::size_t>(family);
  if (index >= units_.size()) return {};
  if ((known_ >> index & 1) == 0) {
    units_[index] = DocumentCurrency(tokens, static_cast<MoneyFamily>(family));
    known_ |= std::uint32_t{1} << index;
  }
  return units_[index];
}

bool ParseAmountAt(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                   std::uint32_t end, AmountMatch* match, LocalCurrencies* local) {
  if (tokens[t].kind != TokenKind::kNumber && AmountStarterWords().count(tokens[t].hash) == 0) {
    return ParseGluedCodeAmount(text, tokens, t, end, match);
  }
  std::uint32_t i = t;
  std::string currency;
  auto adjacent = [&](std::uint32_t k) { return k < end && !tokens[k].space_before; };
  // Currency before the number; a number token is never one, so it skips the lookups.
  if (tokens[i].kind != TokenKind::kNumber) {
    if (const std::string* symbol = CurrencySymbols().find(tokens[i].hash); symbol != nullptr) {
      currency = *symbol;
      ++i;
    } else if (const std::string* prefix = DollarPrefixes().find(tokens[i].hash);
               prefix != nullptr && adjacent(i + 1) && TextIs(text, tokens[i + 1], "$") &&
               tokens[i].capitalised) {
      currency = *prefix;
      i += 2;
    } else if (const std::string* code = CurrencyCodes().find(tokens[i].hash);
               code != nullptr && (tokens[i].all_caps || tokens[i].capitalised) && i + 1 < end &&
               tokens[i + 1].kind == TokenKind::kNumber) {
      currency = *code;
      ++i;
    }
  }
  if (i >= end) return false;
  // The number.
  double value = 0, scale = 1;
  bool attached_letter_scale = false;
  if (tokens[i].kind == TokenKind::kNumber) {
    if (!ParseNumberToken(TokenText(text, tokens[i]), &value, &scale)) {
      if (!currency.empty() || !ParsePence(TokenText(text, tokens[i]), &value)) return false;
      match->first = t;
      match->last = i + 1;
      match->value = value;
      match->unit = "GBP";
      return true;
    }
    attached_letter_scale = scale != 1;
    ++i;
  } else if (!currency.empty() && TextIs(text, tokens[i], ".") && adjacent(i + 1) &&
             tokens[i + 1].kind == TokenKind::kNumber) {
    std::string fraction = "0." + std::string(TokenText(text, tokens[i + 1]));
    if (!ParseNumberToken(fraction, &value, &scale)) return false;
    i += 2;
  } else if (const std::string* small = SmallNumbers().find(tokens[i].hash);
             small != nullptr && i + 1 < end && ScaleWords().contains(tokens[i + 1].hash)) {
    value = std::strtod(small->c_str(), nullptr);
    ++i;
  } else if (currency.empty() && ScaleWords().contains(tokens[i].hash) && adjacent(i + 1) &&
             TextIs(text, tokens[i + 1], "-") && adjacent(i + 2) &&
             (tokens[i + 2].hash == H().parameter || tokens[i + 2].hash == H().parameters)) {
    value = *ScaleWords().find(tokens[i].hash);  // "trillion-parameter"
    match->first = t;
    match->last = i + 3;
    match->value = value;
    match->unit = "parameters";
    return true;
  } else {
    return false;
  }
  // Scale word.
  if (scale == 1 && i < end) {
    if (const double* word = ScaleWords().find(tokens[i].hash); word != nullptr) {
      scale = *word;
      ++i;
    }
  }
  value *= scale;
  if (!std::isfinite(value) || value > 1e18) return false;
  std::string unit = currency;
  if (unit.empty() && i < end) {
    const Token& next = tokens[i];
    const MoneyFamily family = FamilyOf(next.hash);
    const std::string_view word = TokenText(text, next);
    if (word == "%" || next.hash == H().percent || next.hash == H().pct) {
      unit = "percent";
      ++i;
    } else if (next.hash == H().per && i + 1 < end && tokens[i + 1].hash == H().cent) {
      unit = "percent";
      i += 2;
    } else if (next.hash == H().us && i + 1 < end && tokens[i + 1].hash == H().dollars) {
      unit = "USD";
      i += 2;
    } else if (const auto [national, after] = NationalCurrency(tokens, i, end); !national.empty()) {
      unit = national;
      i = static_cast<std::uint32_t>(after);
    } else if (const std::string_view document_unit =
                   family == MoneyFamily::kNone || NamesOneCurrency(next.hash) ? std::string_view()
                   : local != nullptr ? local->For(tokens, static_cast<int>(family))
                                      : LocalCurrencies().For(tokens, static_cast<int>(family));
               !document_unit.empty()) {
      unit = document_unit;
      ++i;
    } else if (next.hash == H().pence || next.hash == H().cents || next.hash == H().cts) {
      unit = next.hash == H().pence ? "GBP" : "USD";  // newswire: "earned 72 cts a share"
      value /= 100;
      ++i;
    } else if (const std::string* currency_word = CurrencyWords().find(next.hash);
               currency_word != nullptr) {
      unit = *currency_word;
      ++i;
    } else if (family == MoneyFamily::kCrown || family == MoneyFamily::kPeso) {
      // A country's crowns or pesos, but the text does not say which.
      unit = family == MoneyFamily::kCrown ? "crowns" : "pesos";
      ++i;
    } else if (word == "-" && adjacent(i) && adjacent(i + 1) &&
               (tokens[i + 1].hash == H().parameter || tokens[i + 1].hash == H().parameters)) {
      unit = "parameters";
      i += 2;
    } else if (next.hash == H().parameters || next.hash == H().parameter) {
      unit = "parameters";
      ++i;
    } else if (const std::string* noun = CountNouns().find(next.hash);
               noun != nullptr && next.kind == TokenKind::kWord) {
      unit = *noun;
      ++i;
    } else if (CountModifiers().count(next.hash) != 0 && i + 1 < end &&
               tokens[i + 1].kind == TokenKind::kWord) {
      // "14 million monthly users", "410,000 paying customers".
      if (const std::string* counted = CountNouns().find(tokens[i + 1].hash); counted != nullptr) {
        unit = *counted;
        i += 2;
      }
    }
  }
  if (unit.empty()) return false;
  // "910B chips" is a chip name, "70B parameters" a model size: letter scales count only
  // money and parameters.
  if (attached_letter_scale && !IsCurrencyUnit(unit) && unit != "parameters") return false;
  match->first = t;
  match->last = i;
  match->value = value;
  match->unit = std::move(unit);
  return true;
}

}  // namespace kg::extract::nlp
