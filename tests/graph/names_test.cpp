// SPDX-License-Identifier: MIT
#include "graph/names.h"

#include <doctest/doctest.h>

#include "graph/ontology.h"
#include "graph/store.h"

namespace kg::graph {
namespace {

TEST_SUITE("graph/names") {
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
}

}  // namespace
}  // namespace kg::graph
