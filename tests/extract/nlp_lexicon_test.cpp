// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>

#include "extract/nlp/lexicon.h"

using kg::extract::nlp::AppendNameKey;
using kg::extract::nlp::NameKey;

TEST_CASE("NameKey folds case, apostrophes, punctuation, suffixes and a leading 'the'") {
  CHECK(NameKey("Alibaba Group Holding Ltd.") == "alibaba");
  CHECK(NameKey("Alibaba's") == "alibaba");
  CHECK(NameKey("Alibaba\xE2\x80\x99s") == "alibaba");
  CHECK(NameKey("The  Walt-Disney Co.") == "walt disney");
  CHECK(NameKey("Goldman, Sachs and Co") == "goldman sachs");
  CHECK(NameKey("Marks and Spencer") == "marks and spencer");
  CHECK(NameKey("the") == "the");
  // Only suffixes and "the": every word is kept.
  CHECK(NameKey("The Group") == "the group");
  CHECK(NameKey("Holding, Ltd") == "holding ltd");
  CHECK(NameKey("$5 bn (10%)") == "$5 bn 10%");
  CHECK(NameKey("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale SA") ==
        "soci\xC3\xA9t\xC3\xA9 g\xC3\xA9n\xC3\xA9rale");
  CHECK(NameKey("...") == "");
}

TEST_CASE("AppendNameKey appends NameKey to what the buffer holds") {
  std::string key = "Company\t";
  AppendNameKey("Nvidia Corp's", key);
  CHECK(key == "Company\tnvidia");
  key = "Company\t";
  AppendNameKey("The Group", key);
  CHECK(key == "Company\tthe group");
}
