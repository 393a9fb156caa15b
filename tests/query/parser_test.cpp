// SPDX-License-Identifier: MIT
#include "query/parser.h"

#include <doctest/doctest.h>

#include <string>

#include "graph/error.h"
#include "query/relation_words.h"

namespace kg::query {
namespace {

// The best reading of the only pattern of `text`.
Pattern Only(std::string_view text) {
  ParsedQuery query = Parse(text);
  REQUIRE(query.patterns.size() == 1);
  REQUIRE(!query.patterns[0].readings.empty());
  return query.patterns[0].readings[0];
}

// The byte offset a query that must not parse is rejected at.
long ErrorPosition(std::string_view text) {
  try {
    Parse(text);
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kQuerySyntax);
    CHECK(std::string(error.what()).find("position " + std::to_string(error.position())) !=
          std::string::npos);
    return error.position();
  }
  FAIL("query parsed: " << text);
  return -2;
}

std::string ErrorMessage(std::string_view text) {
  try {
    Parse(text);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("query/parser") {
  TEST_CASE("a relation name between an entity and a variable is a one-hop pattern") {
    Pattern pattern = Only("Alibaba partners_with ?");
    CHECK(pattern.subject.kind == Term::Kind::kEntity);
    CHECK(pattern.subject.text == "Alibaba");
    CHECK(pattern.relation == "partners_with");
    CHECK(pattern.object.kind == Term::Kind::kVariable);
    CHECK(pattern.object.text.empty());
  }

  TEST_CASE("relations may be written with spaces, hyphens, quotes or synonyms") {
    for (const char* text :
         {"Alibaba partners with ?", "Alibaba partners-with ?", "Alibaba \"partners with\" ?",
          "Alibaba partnership ?", "Alibaba PARTNERED WITH ?"}) {
      CAPTURE(text);
      Pattern pattern = Only(text);
      CHECK(pattern.relation == "partners_with");
      CHECK(pattern.subject.text == "Alibaba");
      CHECK(pattern.object.kind == Term::Kind::kVariable);
    }
  }

  TEST_CASE("an omitted object is an anonymous variable") {
    Pattern pattern = Only("Alibaba partners with");
    CHECK(pattern.object.kind == Term::Kind::kVariable);
    CHECK(pattern.object.text.empty());
  }

  TEST_CASE("a star is any relation") {
    Pattern pattern = Only("Alibaba * ?");
    CHECK(pattern.relation.empty());
    CHECK(pattern.relation_text == "*");
  }

  TEST_CASE("a variable subject works") {
    Pattern pattern = Only("? ceo_of Alibaba");
    CHECK(pattern.subject.kind == Term::Kind::kVariable);
    CHECK(pattern.relation == "ceo_of");
    CHECK(pattern.object.text == "Alibaba");
  }

  TEST_CASE("multi-word names work unquoted and quoted") {
    CHECK(Only("Alibaba Cloud develops ?").subject.text == "Alibaba Cloud");
    CHECK(Only("\"Alibaba Cloud\" develops ?").subject.text == "Alibaba Cloud");
    CHECK(Only("Eddie Wu chief executive of Alibaba Group").object.text == "Alibaba Group");
    CHECK(Only("Eddie Wu chief executive of Alibaba Group").relation == "ceo_of");
  }

  TEST_CASE("the longest relation phrase wins over a shorter one inside it") {
    Pattern pattern = Only("Alibaba invests in ?");
    CHECK(pattern.relation == "invests_in");
    Pattern runs_on = Only("Apple runs on ?");
    CHECK(runs_on.relation == "uses");
  }

  TEST_CASE("an inverse phrase turns the pattern around") {
    Pattern pattern = Only("Alibaba founded by ?");
    CHECK(pattern.relation == "founder_of");
    CHECK(pattern.subject.kind == Term::Kind::kVariable);
    CHECK(pattern.object.text == "Alibaba");
  }

  TEST_CASE("conjunctions bind named variables with type filters") {
    ParsedQuery query = Parse("Alibaba invests_in ?x . ?x develops ?m:Model");
    REQUIRE(query.patterns.size() == 2);
    const Pattern& first = query.patterns[0].readings[0];
    const Pattern& second = query.patterns[1].readings[0];
    CHECK(first.object.text == "x");
    CHECK(second.subject.text == "x");
    CHECK(second.object.text == "m");
    CHECK(second.object.type == "Model");
    CHECK(second.position == 24);
  }

  TEST_CASE("a trailing dot ends the query and a dot inside a name stays in it") {
    CHECK(Parse("Alibaba partners_with ?x .").patterns.size() == 1);
    CHECK(Only("Alibaba Group Holding Ltd. partners_with ?").subject.text ==
          "Alibaba Group Holding Ltd.");
  }

  TEST_CASE("type suffixes are read case-insensitively and may follow a quoted name") {
    CHECK(Only("? develops ?m:model").object.type == "Model");
    Pattern pattern = Only("\"Apple\":Company uses ?");
    CHECK(pattern.subject.text == "Apple");
    CHECK(pattern.subject.type == "Company");
  }

  TEST_CASE("a name that contains a relation word still parses where unambiguous") {
    Pattern pattern = Only("Partner Capital partners with ?");
    CHECK(pattern.subject.text == "Partner Capital");
    CHECK(pattern.relation == "partners_with");
  }

  TEST_CASE("errors name the byte position at fault") {
    CHECK(ErrorPosition("") == 0);
    CHECK(ErrorPosition("   ") == 0);
    CHECK(ErrorPosition("Alibaba frobnicates ?") == 8);
    CHECK(ErrorPosition("Alibaba \"partners with ?") == 8);
    CHECK(ErrorPosition("Alibaba partners_with ?x:Robot") == 25);
    CHECK(ErrorPosition("Alibaba partners_with ?x . . ?x uses ?") == 27);
    CHECK(ErrorPosition("Alibaba") == 7);
    CHECK(ErrorPosition("Alibaba ?x ?y") == 8);
    CHECK(ErrorPosition("Alibaba partners_with ?x-y") == 24);
  }

  TEST_CASE("an unknown relation lists the valid ones") {
    std::string message = ErrorMessage("Alibaba frobnicates ?");
    CHECK(message.find("unknown relation 'frobnicates'") != std::string::npos);
    CHECK(message.find("partners_with") != std::string::npos);
    CHECK(message.find("reports_net_income") != std::string::npos);
  }

  TEST_CASE("an unknown type lists the valid ones") {
    std::string message = ErrorMessage("? develops ?m:Robot");
    CHECK(message.find("Robot") != std::string::npos);
    CHECK(message.find("Company, Person, Model") != std::string::npos);
  }
}

TEST_SUITE("query/relation_words") {
  TEST_CASE("the shipped table maps synonyms to ontology relations") {
    CHECK(LookupRelationWord("rival")->relation == "competes_with");
    CHECK(LookupRelationWord("Chief  Executive")->relation == "ceo_of");
    CHECK(LookupRelationWord("stake-in")->relation == "invests_in");
    CHECK(LookupRelationWord("founded by")->inverse);
    CHECK_FALSE(LookupRelationWord("frobnicates").has_value());
  }

  TEST_CASE("every ontology name is its own phrase") {
    for (const std::string& name : KnownRelationNames()) {
      CAPTURE(name);
      auto word = LookupRelationWord(name);
      REQUIRE(word.has_value());
      CHECK(word->relation == name);
      CHECK_FALSE(word->inverse);
    }
  }

  TEST_CASE("a malformed table line is reported with its line number") {
    CHECK_THROWS_WITH_AS(ParseRelationWords("# c\nok\tpartners_with\nbad line\n"),
                         doctest::Contains("line 3"), Error);
    CHECK_THROWS_WITH_AS(ParseRelationWords("x\tno_such_relation\n"),
                         doctest::Contains("no_such_relation"), Error);
    CHECK(ParseRelationWords("a b\tuses\tinverse\n").at(0).second.inverse);
  }
}

}  // namespace kg::query
