// SPDX-License-Identifier: MIT
#include "extract/nlp/lexicon.h"

#include <algorithm>
#include <cstring>

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
  // A name written with a lower-case initial and capitals inside ("eBay",
  // "iPhone", "xAI") opens a sentence as "EBay": accept that form too.
  auto add_surface = [&](const std::string& surface) {
    surfaces_.Add(surface, id);
    if (surface.empty() || surface[0] < 'a' || surface[0] > 'z' ||
        std::none_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return;
    }
    std::string opening = surface;
    opening[0] = static_cast<char>(opening[0] - 'a' + 'A');
    surfaces_.Add(opening, id);
  };
  add_surface(added.name);
  by_key_.emplace(added.type + "\t" + NameKey(added.name), id);
  for (const std::string& alias : added.aliases) {
    add_surface(alias);
    by_key_.emplace(added.type + "\t" + NameKey(alias), id);
  }
  for (const std::string& ticker : added.tickers) {
    tickers_.emplace(HashLower(ticker), id);
    // "BABA shares" (all capitals only). Not three-letter tickers: those are
    // as often other firms' initials ("STM Chairman" is Syarikat Telekom Malaysia).
    if (ticker.size() >= 4) surfaces_.Add(ticker, id);
  }
  return id;
}

void Lexicon::AddGivenNames(std::string_view content) {
  ForEachDataLine(content, [&](int, std::string_view line) {
    const std::uint64_t hash = HashLower(Trim(line));
    given_names_.insert(hash);
    given_name_filter_.Add(hash);
  });
}

int Lexicon::FindByKey(std::string_view type, const std::string& key) const {
  std::string full(type);
  full += '\t';
  full += key;
  return FindByTypedKey(full);
}

std::string NameKey(std::string_view name) {
  std::string key;
  AppendNameKey(name, key);
  return key;
}

void AppendNameKey(std::string_view name, std::string& out) {
  // The name is folded into `out` past its old end, then its words are moved down over the
  // folded text: a kept word never lands past where it was read, so one buffer does.
  const std::size_t base = out.size();
  out.resize(base + name.size());
  char* const folded = out.data() + base;
  std::size_t size = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x99 ||
         static_cast<unsigned char>(name[i + 2]) == 0x98)) {
      folded[size++] = '\'';
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    folded[size++] = static_cast<char>(c);
  }
  if (size > 2 && folded[size - 2] == '\'' && folded[size - 1] == 's') size -= 2;
  const auto keep = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80 || u == '$' || u == '%';
  };
  // Calls fn(start, length) for each word of the folded text: a run of kept characters.
  const auto for_each_word = [&](auto fn) {
    std::size_t i = 0;
    while (i < size) {
      while (i < size && !keep(folded[i])) ++i;
      const std::size_t start = i;
      while (i < size && keep(folded[i])) ++i;
      if (i > start && !fn(start, i - start)) return;
    }
  };
  static constexpr std::string_view kSuffixes[] = {
      "inc",      "ltd",   "corp",    "co",          "plc", "llc", "holding",
      "holdings", "group", "limited", "corporation", "sa",  "ag",  "nv"};
  std::size_t written = 0;
  const auto write = [&](std::size_t start, std::size_t length) {
    if (written > 0) folded[written++] = ' ';
    std::memmove(folded + written, folded + start, length);  // down, never past `start`
    written += length;
    return true;
  };
  bool first = true;
  for_each_word([&](std::size_t start, std::size_t length) {
    const std::string_view word(folded + start, length);
    bool drop = std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
    // A leading "the" goes when another word follows.
    if (first && word == "the") {
      bool more = false;
      for (std::size_t i = start + length; i < size && !more; ++i) more = keep(folded[i]);
      drop = drop || more;
    }
    first = false;
    return drop || write(start, length);
  });
  // Only suffixes: nothing was written over the folded text, which gives every word.
  if (written == 0) for_each_word(write);
  // "Goldman, Sachs and Co": the "and" of a dropped "and Co" goes with it.
  if (written > 4 && std::string_view(folded + written - 4, 4) == " and") written -= 4;
  out.resize(base + written);
}

int Lexicon::FindTicker(std::uint64_t hash) const { return tickers_.find(hash); }

}  // namespace kg::extract::nlp
