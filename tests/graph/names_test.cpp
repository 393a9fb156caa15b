// SPDX-License-Identifier: MIT
#include "graph/names.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ontology.h"
#include "graph/store.h"

namespace kg::graph {
namespace {

// NormalizeKey as it was written first, in separate steps (fold, split, join):
// the one-pass NormalizeKey must agree with it on every input.
std::string ReferenceNormalizeKey(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      "inc",     "ltd",      "limited", "corp", "corporation", "co", "plc", "llc",
      "holding", "holdings", "group",   "the",  "company",     "sa", "ag",  "nv"};
  auto utf8_length = [](unsigned char lead) -> std::size_t {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
  };
  std::string text;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = std::min(utf8_length(name[i]), name.size() - i);
    std::string_view ch = name.substr(i, length);
    bool apostrophe = ch == "'" || ch == "\xE2\x80\x99";
    if (apostrophe && i + length < name.size() &&
        (name[i + length] == 's' || name[i + length] == 'S')) {
      std::size_t after = i + length + 1;
      if (after >= name.size() || !std::isalnum(static_cast<unsigned char>(name[after]))) {
        i = after;
        continue;
      }
    }
    i += length;
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(ch[at]); };
    if (ch.size() == 1) {
      unsigned char c = byte(0);
      if (c >= 'A' && c <= 'Z') {
        text += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%' || c == '$') {
        text += static_cast<char>(c);
      } else {
        text += ' ';
      }
    } else if (ch.size() == 2 && byte(0) == 0xC3 && byte(1) >= 0x80 && byte(1) <= 0x9E &&
               byte(1) != 0x97) {
      text += static_cast<char>(0xC3);
      text += static_cast<char>(byte(1) + 0x20);
    } else if ((ch.size() == 3 && byte(0) == 0xE2 && byte(1) == 0x80) ||
               (ch.size() == 2 && byte(0) == 0xC2)) {
      text += ' ';
    } else {
      text += ch;
    }
  }
  std::vector<std::string> words;
  std::string word;
  for (char c : text + ' ') {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::string key;
  for (const std::string& kept : words) {
    if (std::find(std::begin(kSuffixes), std::end(kSuffixes), kept) != std::end(kSuffixes)) {
      continue;
    }
    if (!key.empty()) key += ' ';
    key += kept;
  }
  if (!key.empty()) return key;
  for (const std::string& kept : words) {
    if (!key.empty()) key += ' ';
    key += kept;
  }
  return key;
}

TEST_SUITE("graph/names") {
  TEST_CASE("NormalizeKey agrees with its step-by-step definition on any input") {
    // Pieces that exercise every rule: letters, possessives (straight and
    // typographic), suffixes, Latin-1 capitals (and the multiplication sign),
    // no-break space and dashes, other scripts, stray and cut-off bytes, and
    // malformed characters whose continuation is a space.
    static const std::string_view kPieces[] = {"A",
                                               "b",
                                               "Z",
                                               "'",
                                               "s",
                                               "S",
                                               "\xE2\x80\x99",
                                               " ",
                                               "  ",
                                               "-",
                                               ".",
                                               ",",
                                               "inc",
                                               "Inc",
                                               "the",
                                               "The",
                                               "GROUP",
                                               "co",
                                               "Ltd.",
                                               "Holdings",
                                               "\xC3\x89",
                                               "\xC3\xA9",
                                               "\xC3\x97",
                                               "\xC3\x9E",
                                               "\xC3\x9F",
                                               "\xC2\xA0",
                                               "\xE2\x80\x94",
                                               "\xE7\x99\xBE",
                                               "\x80",
                                               "\xFF",
                                               "\xC3",
                                               "\xE2\x80",
                                               "\xF0\x9F\x98\x80",
                                               "%",
                                               "$",
                                               "1",
                                               "\xC3 ",
                                               "\xE2 x",
                                               "\t",
                                               "x's",
                                               "Alibaba"};
    std::uint64_t state = 0x9E3779B97F4A7C15u;
    auto next = [&state] {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      return state;
    };
    for (int round = 0; round < 200000; ++round) {
      std::string name;
      for (std::uint64_t pieces = next() % 9; pieces > 0; --pieces) {
        name += kPieces[next() % std::size(kPieces)];
      }
      if (next() % 4 == 0 && !name.empty()) name.pop_back();  // cut a character short
      CAPTURE(name);
      REQUIRE(NormalizeKey(name) == ReferenceNormalizeKey(name));
    }
  }

  TEST_CASE("corporate forms of one name share a key") {
    const char* forms[] = {"Alibaba",          "Alibaba Group", "Alibaba Group Holding Ltd.",
                           "ALIBABA",          "Alibaba's",     "Alibaba\xE2\x80\x99s",
                           "the Alibaba Group"};
    for (const char* form : forms) {
      CAPTURE(form);
      CHECK(NormalizeKey(form) == "alibaba");
    }
  }

  TEST_CASE("different names keep different keys") {
    CHECK(NormalizeKey("Alibaba Cloud") != NormalizeKey("Alibaba"));
    CHECK(NormalizeKey("T-Head") == "t head");
    CHECK(NormalizeKey("Qwen3-Max") == "qwen3 max");
  }

  TEST_CASE("a name made only of suffixes keeps them") {
    CHECK(NormalizeKey("The Group") == "the group");
    CHECK(NormalizeKey("") == "");
    CHECK(NormalizeKey("!!!") == "");
  }

  TEST_CASE("Latin-1 capitals fold and other scripts pass through") {
    CHECK(NormalizeKey("\xC3\x89lys\xC3\xA9"
                       "e") ==
          "\xC3\xA9lys\xC3\xA9"
          "e");                                                                     // Élysée
    CHECK(NormalizeKey("\xE7\x99\xBE\xE5\xBA\xA6") == "\xE7\x99\xBE\xE5\xBA\xA6");  // 百度
  }

  TEST_CASE("amount keys identify value and unit") {
    CHECK(AmountKey(53e9, "USD") == AmountKey(53000000000.0, "USD"));
    CHECK(AmountKey(53e9, "USD") != AmountKey(53e9, "CNY"));
    CHECK(AmountKey(53e9, "USD") != AmountKey(52e9, "USD"));
  }

  TEST_CASE("amounts are formatted for people") {
    CHECK(FormatAmount(53e9, "USD") == "$53B");
    CHECK(FormatAmount(380e9, "CNY") == "RMB 380B");
    CHECK(FormatAmount(1e12, "parameters") == "1T parameters");
    CHECK(FormatAmount(13, "percent") == "13%");
    CHECK(FormatAmount(6.71e9, "USD") == "$6.71B");
  }
}

TEST_SUITE("graph/ontology") {
  TEST_CASE("the ontology defines seven entity types and seventeen relation types") {
    CHECK(EntityTypes().size() == 7);
    CHECK(RelationTypes().size() == 17);
    CHECK(IsKnownEntityType("Chip"));
    CHECK_FALSE(IsKnownEntityType("chip"));
  }

  TEST_CASE("exactly partners_with, competes_with and equals are symmetric") {
    int symmetric = 0;
    for (const RelationType& type : RelationTypes()) symmetric += type.symmetric ? 1 : 0;
    CHECK(symmetric == 3);
    CHECK(IsSymmetric("partners_with"));
    CHECK(IsSymmetric("equals"));
    CHECK_FALSE(IsSymmetric("ceo_of"));
    CHECK_FALSE(IsSymmetric("no_such_relation"));
  }
}

TEST_SUITE("graph/sha256") {
  TEST_CASE("hashes match the FIPS 180-4 test vectors") {
    CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(Sha256Hex(std::string(1000, 'a')) ==
          "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  }

  TEST_CASE("hashes of every length up to five blocks match Python's hashlib") {
    // The hex digests of bytes (i * 7 + n) % 251, i < n, for n = 0 .. 299,
    // concatenated and hashed again (computed with Python's hashlib): every
    // padding case and a run of whole blocks, by whichever compression this
    // machine uses (the SHA extensions where it has them).
    std::string digests;
    for (int n = 0; n < 300; ++n) {
      std::string bytes;
      for (int i = 0; i < n; ++i) bytes += static_cast<char>((i * 7 + n) % 251);
      digests += Sha256Hex(bytes);
    }
    CHECK(Sha256Hex(digests) == "4d3510f0e43af5b27bf161ff53da62bfb3ec79abd52144aa5038dd415b2d08e5");
  }
}

}  // namespace
}  // namespace kg::graph
