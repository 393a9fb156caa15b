// SPDX-License-Identifier: MIT
#include "graph/names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace kg::graph {
namespace {

// The same suffix list as ../shared/eval/score.py, so that what the scorer
// thinks is one name, the store does too.
constexpr std::array<std::string_view, 16> kSuffixes = {
    "inc",     "ltd",      "limited", "corp", "corporation", "co", "plc", "llc",
    "holding", "holdings", "group",   "the",  "company",     "sa", "ag",  "nv"};

bool IsSuffix(std::string_view word) {
  for (std::string_view suffix : kSuffixes) {
    if (word == suffix) return true;
  }
  return false;
}

// Appends the case-folded form of one code point, or a space for punctuation.
// Non-ASCII letters are kept as they are (UTF-8 bytes), Latin-1 capitals folded.
void AppendFolded(std::string& out, std::string_view utf8_char) {
  if (utf8_char.size() == 1) {
    unsigned char c = utf8_char[0];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%' || c == '$') {
      out += static_cast<char>(c);
    } else {
      out += ' ';
    }
    return;
  }
  if (utf8_char.size() == 2 && static_cast<unsigned char>(utf8_char[0]) == 0xC3) {
    unsigned char second = utf8_char[1];
    // U+00C0..U+00DE (except U+00D7, multiplication sign) fold by +0x20.
    if (second >= 0x80 && second <= 0x9E && second != 0x97) {
      out += static_cast<char>(0xC3);
      out += static_cast<char>(second + 0x20);
      return;
    }
  }
  // Typographic punctuation (U+2000..U+206F: dashes, quotes) and no-break space act as separators.
  if ((utf8_char.size() == 3 && static_cast<unsigned char>(utf8_char[0]) == 0xE2 &&
       static_cast<unsigned char>(utf8_char[1]) == 0x80) ||
      (utf8_char.size() == 2 && static_cast<unsigned char>(utf8_char[0]) == 0xC2)) {
    out += ' ';
    return;
  }
  out.append(utf8_char);
}

std::size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;  // a stray continuation byte: treat as one unit
}

// Whether `name[i]` starts a possessive 's to drop (`length` is the size of
// the character at `i`): "Alibaba's" and "Alibaba’s" both become "Alibaba".
bool IsPossessive(std::string_view name, std::size_t i, std::size_t length) {
  bool apostrophe =
      (length == 1 && name[i] == '\'') || (length == 3 && name.compare(i, 3, "\xE2\x80\x99") == 0);
  if (!apostrophe || i + length >= name.size()) return false;
  char next = name[i + length];
  if (next != 's' && next != 'S') return false;
  std::size_t after = i + length + 1;
  return after >= name.size() || !std::isalnum(static_cast<unsigned char>(name[after]));
}

// NormalizeKey step by step: fold the whole name, split it into words, join
// the words that are not suffixes (or all of them, when all are).
std::string NormalizeKeyInSteps(std::string_view name) {
  // Drop possessives first: "Alibaba's" and "Alibaba’s" both become "Alibaba".
  std::string text;
  text.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = std::min(Utf8Length(name[i]), name.size() - i);
    std::string_view ch = name.substr(i, length);
    bool apostrophe = ch == "'" || ch == "\xE2\x80\x99";
    if (apostrophe && i + length < name.size() &&
        (name[i + length] == 's' || name[i + length] == 'S')) {
      std::size_t after = i + length + 1;
      bool word_ends =
          after >= name.size() || !std::isalnum(static_cast<unsigned char>(name[after]));
      if (word_ends) {
        i = after;
        continue;
      }
    }
    AppendFolded(text, ch);
    i += length;
  }
  std::vector<std::string_view> words;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    std::size_t end = rest.find(' ');
    words.push_back(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  }
  std::string key;
  for (std::string_view word : words) {
    if (IsSuffix(word)) continue;
    if (!key.empty()) key += ' ';
    key += word;
  }
  if (!key.empty()) return key;
  for (std::string_view word : words) {  // nothing but suffixes: keep them
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

}  // namespace

std::string NormalizeKey(std::string_view name) {
  // The steps of NormalizeKeyInSteps in one pass: each folded character goes
  // straight into the key, and a word that turns out to be a suffix is taken
  // out again when it ends. The rare names this cannot settle alone (nothing
  // but suffixes, or a malformed character whose bytes include a space) take
  // the steps.
  std::string key;
  key.reserve(name.size());
  std::size_t word_start = 0;  // where the current word begins in `key`
  bool in_word = false;
  bool dropped = false;  // a suffix was taken out
  auto end_word = [&] {
    if (!in_word) return;
    in_word = false;
    if (IsSuffix(std::string_view(key).substr(word_start))) {
      key.resize(word_start == 0 ? 0 : word_start - 1);  // with the space before it
      dropped = true;
    }
  };
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = std::min(Utf8Length(name[i]), name.size() - i);
    if (IsPossessive(name, i, length)) {
      i += length + 1;
      continue;
    }
    char folded[4];
    std::size_t size = 0;
    unsigned char lead = name[i];
    if (length == 1) {
      if (lead >= 'A' && lead <= 'Z') {
        folded[size++] = static_cast<char>(lead - 'A' + 'a');
      } else if ((lead >= 'a' && lead <= 'z') || (lead >= '0' && lead <= '9') || lead == '%' ||
                 lead == '$') {
        folded[size++] = static_cast<char>(lead);
      }
    } else if (length == 2 && lead == 0xC3 && static_cast<unsigned char>(name[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(name[i + 1]) <= 0x9E &&
               static_cast<unsigned char>(name[i + 1]) != 0x97) {
      folded[size++] = static_cast<char>(0xC3);
      folded[size++] = static_cast<char>(name[i + 1] + 0x20);
    } else if (!(length == 3 && lead == 0xE2 && static_cast<unsigned char>(name[i + 1]) == 0x80) &&
               !(length == 2 && lead == 0xC2)) {
      for (std::size_t at = 0; at < length; ++at) {
        if (name[i + at] == ' ') return NormalizeKeyInSteps(name);
        folded[size++] = name[i + at];
      }
    }
    i += length;
    if (size == 0) {  // punctuation or a space: a word ends
      end_word();
      continue;
    }
    if (!in_word) {
      if (!key.empty()) key += ' ';
      word_start = key.size();
      in_word = true;
    }
    key.append(folded, size);
  }
  end_word();
  if (key.empty() && dropped) return NormalizeKeyInSteps(name);
  return key;
}

std::string AmountKey(double value, std::string_view unit) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  std::string key(unit);
  key += ':';
  key += buffer;
  return key;
}

std::string FormatAmount(double value, std::string_view unit) {
  struct Scale {
    double factor;
    const char* suffix;
  };
  constexpr Scale kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  std::string number;
  char buffer[64];
  if (unit == "percent") {
    std::snprintf(buffer, sizeof buffer, "%g%%", value);
    return buffer;
  }
  double magnitude = std::fabs(value);
  const Scale* chosen = nullptr;
  for (const Scale& scale : kScales) {
    if (magnitude >= scale.factor && std::isfinite(value)) {
      chosen = &scale;
      break;
    }
  }
  if (chosen != nullptr) {
    std::snprintf(buffer, sizeof buffer, "%.4g%s", value / chosen->factor, chosen->suffix);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  }
  number = buffer;
  if (unit == "USD") return "$" + number;
  if (unit == "EUR") return "\xE2\x82\xAC" + number;
  if (unit == "GBP") return "\xC2\xA3" + number;
  if (unit.empty()) return number;
  if (unit.size() == 3 && std::isupper(static_cast<unsigned char>(unit[0]))) {
    return std::string(unit == "CNY" ? "RMB" : std::string(unit)) + " " + number;
  }
  return number + " " + std::string(unit);
}

}  // namespace kg::graph
