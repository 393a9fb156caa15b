// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/nlp/lexicon.h"
#include "extract/nlp/recogniser.h"
#include "extract/nlp/text.h"

namespace {

using namespace kg::extract::nlp;

// The WordClass bits of each word of `text`, with "Maria" a given name.
std::vector<std::uint16_t> Classes(std::string_view text) {
  Lexicon lexicon;
  lexicon.AddGivenNames("Maria\n");
  return ClassifyWords(lexicon, Tokenize(text));
}

}  // namespace

TEST_SUITE("extract/nlp/word_classes") {
  TEST_CASE("each word gets the bits of every list that holds it, in any case") {
    const std::vector<std::uint16_t> classes = Classes("The startup hired Maria as CEO of its lab");
    REQUIRE(classes.size() == 9);
    CHECK((classes[0] & kNonNameCapital) != 0);
    CHECK((classes[0] & kReferenceWord) != 0);
    CHECK((classes[0] & kNameWord) == 0);  // capitalised, but a non-name capital
    CHECK((classes[1] & kCompanyNoun) != 0);
    CHECK(classes[2] == 0);  // "hired" is in no list
    CHECK((classes[3] & (kGivenName | kNameWord)) == (kGivenName | kNameWord));
    CHECK((classes[5] & (kGenericAcronym | kRoleWord)) == (kGenericAcronym | kRoleWord));
    CHECK((classes[5] & kNameWord) == 0);
    CHECK((classes[7] & kReferenceWord) != 0);
    CHECK((classes[8] & (kOrganisationCue | kCompanyNoun)) == (kOrganisationCue | kCompanyNoun));
  }

  TEST_CASE("a lower-case given name is no given name; an unknown capital is a name word") {
    const std::vector<std::uint16_t> classes = Classes("maria met Zorblat");
    REQUIRE(classes.size() == 3);
    CHECK((classes[0] & kGivenName) == 0);
    CHECK(classes[2] == kNameWord);
  }
}
