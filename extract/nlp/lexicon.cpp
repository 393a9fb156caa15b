// SPDX-License-Identifier: MIT
#include "extract/nlp/lexicon.h"

#include <algorithm>

#include "graph/error.h"

namespace kg::extract::nlp {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitBars(std::string_view field) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= field.size()) {
    std::size_t j = field.find('|', i);
    if (j == std::string_view::npos) j = field.size();
    std::string_view part = Trim(field.substr(i, j - i));
    if (!part.empty()) parts.push_back(part);
    i = j + 1;
  }
  return parts;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (true) {
    std::size_t j = line.find('\t', i);
    if (j == std::string_view::npos) {
      fields.push_back(line.substr(i));
      break;
    }
    fields.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return fields;
}

void Lexicon::AddEntries(std::string_view content, std::string_view source) {
  ForEachDataLine(content, [&](int number, std::string_view line) {
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 2 || Trim(fields[0]).empty() || Trim(fields[1]).empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  std::string(source) + ":" + std::to_string(number) +
                      ": expected 'type<TAB>name[<TAB>aliases[<TAB>tickers]]'");
    }
    LexiconEntry entry;
    entry.type = std::string(Trim(fields[0]));
    entry.name = std::string(Trim(fields[1]));
    if (fields.size() > 2) {
      for (std::string_view alias : SplitBars(fields[2])) entry.aliases.emplace_back(alias);
    }
    if (fields.size() > 3) {
      for (std::string_view ticker : SplitBars(fields[3])) entry.tickers.emplace_back(ticker);
    }
    AddEntry(std::move(entry));
  });
}

int Lexicon::AddEntry(LexiconEntry entry) {
  const int id = static_cast<int>(entries_.size());
  entries_.push_back(std::move(entry));
  const LexiconEntry& added = entries_.back();
  AddSurface(added.name, id);
  by_key_.emplace(added.type + "\t" + NameKey(added.name), id);
  for (const std::string& alias : added.aliases) {
    AddSurface(alias, id);
    by_key_.emplace(added.type + "\t" + NameKey(alias), id);
  }
  for (const std::string& ticker : added.tickers) {
    tickers_.emplace(HashLower(ticker), id);
    if (ticker.size() >= 3) AddSurface(ticker, id);  // "BABA shares" (all capitals only)
  }
  return id;
}

void Lexicon::AddSurface(std::string_view surface, int entry) {
  Layout layout = Segment(surface);
  if (layout.tokens.empty()) return;
  Surface added;
  added.entry = entry;
  for (const Token& token : layout.tokens) {
    std::string_view word = TokenText(surface, token);
    CaseRule rule = CaseRule::kAny;
    bool has_upper = std::any_of(word.begin(), word.end(), IsUpper);
    if (token.all_caps && word.size() >= 2) {
      rule = CaseRule::kAllCaps;
    } else if (IsUpper(word[0])) {
      rule = CaseRule::kCapital;
    } else if (has_upper) {
      rule = CaseRule::kExact;  // iPhone, xAI
    }
    added.hashes.push_back(token.hash);
    added.cases.push_back(rule);
    added.exact.emplace_back(rule == CaseRule::kExact ? std::string(word) : std::string());
  }
  const int id = static_cast<int>(surfaces_.size());
  const std::uint64_t filter_bit = added.hashes[0] >> kFilterShift;
  first_token_filter_[filter_bit >> 6] |= std::uint64_t{1} << (filter_bit & 63);
  surfaces_.push_back(std::move(added));
  const int bucket_id = first_token_index_.emplace(surfaces_.back().hashes[0],
                                                   static_cast<int>(surface_buckets_.size()));
  if (bucket_id == static_cast<int>(surface_buckets_.size())) surface_buckets_.emplace_back();
  std::vector<int>& bucket = surface_buckets_[static_cast<std::size_t>(bucket_id)];
  bucket.push_back(id);
  std::stable_sort(bucket.begin(), bucket.end(), [this](int a, int b) {
    return surfaces_[static_cast<std::size_t>(a)].hashes.size() >
           surfaces_[static_cast<std::size_t>(b)].hashes.size();
  });
}

void Lexicon::AddGivenNames(std::string_view content) {
  ForEachDataLine(content,
                  [&](int, std::string_view line) { given_names_.insert(HashLower(Trim(line))); });
}

Lexicon::Match Lexicon::Longest(std::string_view text, const std::vector<Token>& tokens,
                                std::uint32_t t, std::uint32_t end) const {
  const std::uint64_t filter_bit = tokens[t].hash >> kFilterShift;
  if ((first_token_filter_[filter_bit >> 6] & (std::uint64_t{1} << (filter_bit & 63))) == 0) {
    return {};
  }
  const int bucket = first_token_index_.find(tokens[t].hash);
  if (bucket < 0) return {};
  for (int id : surface_buckets_[static_cast<std::size_t>(bucket)]) {
    const Surface& surface = surfaces_[static_cast<std::size_t>(id)];
    const std::size_t length = surface.hashes.size();
    if (t + length > end) continue;
    bool ok = true;
    for (std::size_t k = 0; k < length && ok; ++k) {
      const Token& token = tokens[t + k];
      if (k > 0 && token.hash != surface.hashes[k]) ok = false;
      if (!ok) break;
      switch (surface.cases[k]) {
        case CaseRule::kAny:
          break;
        case CaseRule::kCapital:
          ok = token.capitalised;
          break;
        case CaseRule::kAllCaps:
          ok = token.all_caps;
          break;
        case CaseRule::kExact:
          ok = TokenText(text, token) == surface.exact[k] ||
               (token.all_caps && !IsLower(TokenText(text, token)[0]));
          break;
      }
    }
    if (ok) return {surface.entry, static_cast<std::uint32_t>(length)};
  }
  return {};
}

int Lexicon::FindByKey(std::string_view type, const std::string& key) const {
  std::string full(type);
  full += '\t';
  full += key;
  auto found = by_key_.find(full);
  return found == by_key_.end() ? -1 : found->second;
}

std::string NameKey(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x99 ||
         static_cast<unsigned char>(name[i + 2]) == 0x98)) {
      folded += '\'';
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    folded += static_cast<char>(c);
  }
  if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, "'s") == 0) {
    folded.resize(folded.size() - 2);
  }
  // Words are runs of kept characters, viewed in `folded` (no copies: this runs per mention).
  std::vector<std::string_view> words;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    const auto u = i < folded.size() ? static_cast<unsigned char>(folded[i]) : ' ';
    const bool keep =
        (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80 || u == '$' || u == '%';
    if (keep) continue;
    if (i > word_start) words.emplace_back(folded.data() + word_start, i - word_start);
    word_start = i + 1;
  }
  static constexpr std::string_view kSuffixes[] = {
      "inc",      "ltd",   "corp",    "co",          "plc", "llc", "holding",
      "holdings", "group", "limited", "corporation", "sa",  "ag",  "nv"};
  std::string key;
  key.reserve(folded.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool drop = false;
    for (std::string_view suffix : kSuffixes) drop = drop || words[i] == suffix;
    if (i == 0 && words[i] == "the" && words.size() > 1) drop = true;
    if (drop) continue;
    if (!key.empty()) key += ' ';
    key += words[i];
  }
  if (key.empty()) {
    for (std::string_view each : words) {
      if (!key.empty()) key += ' ';
      key += each;
    }
  }
  return key;
}

int Lexicon::FindTicker(std::uint64_t hash) const { return tickers_.find(hash); }

}  // namespace kg::extract::nlp
