// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "extract/nlp/amounts.h"
#include "tests/extract/nlp_test_support.h"

namespace {

struct Parsed {
  bool found = false;
  double value = 0;
  std::string unit;
  std::string text;
};

Parsed ParseFirst(std::string_view text) {
  using namespace kg::extract::nlp;
  Layout layout = Segment(text);
  const auto count = static_cast<std::uint32_t>(layout.tokens.size());
  for (std::uint32_t t = 0; t < count; ++t) {
    AmountMatch match;
    if (ParseAmountAt(text, layout.tokens, t, count, &match)) {
      const auto start = layout.tokens[match.first].start;
      const auto end = layout.tokens[match.last - 1].end;
      return {true, match.value, match.unit, std::string(text.substr(start, end - start))};
    }
  }
  return {};
}

}  // namespace

TEST_SUITE("extract/nlp/amounts") {
  TEST_CASE("Taiwan dollars, won and former currencies such as marks get their ISO codes") {
    struct Case {
      const char* text;
      const char* unit;
      double value;
    };
    const Case cases[] = {
        {"Revenue reached T$120.5 billion.", "TWD", 120.5e9},
        {"The group spent 3 trillion won on plants.", "KRW", 3e12},
        {"Profit rose to 2.4 billion marks in 1995.", "DEM", 2.4e9},
        {"It paid 800 million guilders for the unit.", "NLG", 8e8},
        // Newswire abbreviations and nationalities before dollars and francs.
        {"It offered about 610 mln dlrs for the shares.", "USD", 6.1e8},
        {"Profit rose to 60 mln stg from 50 mln.", "GBP", 6e7},
        {"Net income was 12 mln Canadian dlrs.", "CAD", 1.2e7},
        {"It raised 7 mln Hong Kong dollars.", "HKD", 7e6},
        {"Sales were 2 billion French francs.", "FRF", 2e9},
        {"Sales were 2 billion Swiss francs.", "CHF", 2e9},
        {"It sold 3 mln New Zealand dlrs of bonds.", "NZD", 3e6},
        {"Profit fell to 4.1 billion Swedish crowns.", "SEK", 4.1e9},
        {"It sold 450 mln Danish kroner of bonds.", "DKK", 4.5e8},
        {"Sales were 1.5 billion Finnish marks.", "FIM", 1.5e9},
        {"Sales were 1.5 billion markkaa.", "FIM", 1.5e9},
        {"It raised 99 billion Philippine pesos.", "PHP", 99e9},
        // Pence and cents, spelt out or glued to a share price.
        {"The dividend is 21.3 pence a share.", "GBP", 0.213},
        {"Shares closed at 3,710p.", "GBP", 37.1},
        {"Shares fell to 81.5p.", "GBP", 0.815},
        {"It earned 72 cts a share.", "USD", 0.72},
        // Codes glued to the number, as financial dailies write them.
        {"It agreed to buy the group for EUR2.1bn in cash.", "EUR", 2.1e9},
        {"The deal values it at GBP1.8bn.", "GBP", 1.8e9},
    };
    for (const Case& c : cases) {
      CAPTURE(std::string(c.text));
      const Parsed parsed = ParseFirst(c.text);
      CHECK(parsed.found);
      CHECK(parsed.unit == c.unit);
      CHECK(std::abs(parsed.value - c.value) < 1);
    }
  }

  TEST_CASE("money, percentages, parameters and counts are normalised") {
    struct Case {
      const char* text;
      double value;
      const char* unit;
      const char* surface;
    };
    const Case cases[] = {
        {"a $53 billion plan", 53e9, "USD", "$53 billion"},
        {"RMB 380 billion of spending", 380e9, "CNY", "RMB 380 billion"},
        {"over 380 billion yuan", 380e9, "CNY", "380 billion yuan"},
        {"US$1.5bn in debt", 1.5e9, "USD", "US$1.5bn"},
        {"a \xE2\x82\xAC"
         "2.5 million fine",
         2.5e6, "EUR",
         "\xE2\x82\xAC"
         "2.5 million"},
        {"\xC2\xA3"
         "600m profit",
         600e6, "GBP",
         "\xC2\xA3"
         "600m"},
        {"\xC2\xA5"
         "3 trillion",
         3e12, "JPY",
         "\xC2\xA5"
         "3 trillion"},
        {"$52B deal", 52e9, "USD", "$52B"},
        {"a $200MM scandal", 200e6, "USD", "$200MM"},
        {"$1,000 investment", 1000, "USD", "$1,000"},
        {"revenue of $38.38 billion", 38.38e9, "USD", "$38.38 billion"},
        {"EUR 2.1 billion", 2.1e9, "EUR", "EUR 2.1 billion"},
        {"5 billion US dollars", 5e9, "USD", "5 billion US dollars"},
        {"rose 9.8% year on year", 9.8, "percent", "9.8%"},
        {"up 12 percent", 12, "percent", "12 percent"},
        {"up 7 per cent", 7, "percent", "7 per cent"},
        {"trained on 1 trillion parameters", 1e12, "parameters", "1 trillion parameters"},
        {"with a trillion parameters", 1e12, "parameters", "a trillion parameters"},
        {"a trillion-parameter model", 1e12, "parameters", "a trillion-parameter"},
        {"a 70B parameters model", 70e9, "parameters", "70B parameters"},
        {"600 million downloads", 600e6, "downloads", "600 million downloads"},
        {"has 14 million monthly users", 14e6, "users", "14 million monthly users"},
        {"410,000 paying customers", 410e3, "customers", "410,000 paying customers"},
        {"hired 800 engineers", 800, "engineers", "800 engineers"},
        {"$0 down", 0, "USD", "$0"},
        {"$.5 billion", 0.5e9, "USD", "$.5 billion"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const Parsed parsed = ParseFirst(c.text);
      REQUIRE(parsed.found);
      CHECK(parsed.value == doctest::Approx(c.value));
      CHECK(parsed.unit == c.unit);
      CHECK(parsed.text == c.surface);
    }
  }

  TEST_CASE("bare numbers, years, cashtags and exponents are not amounts") {
    for (const char* text : {"in 2025", "three years", "97/99 rating", "$INTC stock",
                             "18x earnings", "1e308 units of nothing", "the 5 billion figure",
                             "streams in 1080p", "a 720p display", "passed the 1 million mark"}) {
      CAPTURE(text);
      CHECK_FALSE(ParseFirst(text).found);
    }
  }

  TEST_CASE("bare crowns, francs, marks and pesos are the currency of the document's country") {
    struct Case {
      const char* text;
      const char* unit;
    };
    const Case cases[] = {
        // A nationality with the same noun elsewhere in the document decides...
        {"Sales rose to 59 billion crowns. Profit was 4 billion Swedish crowns.", "SEK"},
        // ...else the first country or city it names, such as its dateline.
        {"PRAGUE, May 2 - The carmaker will invest 5.1 billion crowns.", "CZK"},
        {"OSLO - Profit rose to 700 mln crowns.", "NOK"},
        {"PARIS, March 3 - The group lost 1.6 billion francs.", "FRF"},
        {"ZURICH - The group lost 1.6 billion francs.", "CHF"},
        {"HELSINKI - Sales reached 2 billion marks.", "FIM"},
        // Without either, francs and marks keep their usual reading; crowns stay crowns.
        {"The group lost 1.6 billion francs.", "CHF"},
        {"Sales reached 2 billion marks.", "DEM"},
        {"Sales reached 2 billion crowns.", "crowns"},
        // A word that names one currency keeps it, whatever country the text names first.
        {"OSLO - Telia's profit rose to 5 billion kronor.", "SEK"},
        {"OSLO - Profit rose to 5 billion koruna.", "CZK"},
    };
    for (const Case& c : cases) {
      CAPTURE(std::string(c.text));
      const Parsed parsed = ParseFirst(c.text);
      REQUIRE(parsed.found);
      CHECK(parsed.unit == c.unit);
    }
  }

  TEST_CASE("figures convert exactly as strtod does, long ones included") {
    const char* figures[] = {"38.38",
                             "0.05",
                             "1,234.5678",
                             "7.2",
                             "0.1",
                             "99.99",
                             "3.14159",
                             "123456789012.345",
                             "98765432109876.54",
                             "0.000000001"};
    for (const char* figure : figures) {
      const std::string text = std::string("$") + figure;
      CAPTURE(text);
      const Parsed parsed = ParseFirst(text);
      REQUIRE(parsed.found);
      std::string digits;
      for (const char* c = figure; *c != '\0'; ++c) {
        if (*c != ',') digits += *c;
      }
      CHECK(parsed.value == std::strtod(digits.c_str(), nullptr));
    }
  }

  TEST_CASE("overlong digit strings are refused without overflow") {
    const std::string digits(400, '9');
    CHECK_FALSE(ParseFirst("$" + digits + " billion").found);
    const Parsed big = ParseFirst("$999999999 trillion");
    CHECK_FALSE(big.found);  // above 1e18: refused rather than misread
  }

  TEST_CASE("amounts become entities keyed by value and unit") {
    const auto record = kg::extract::testing::Run(
        "Acme will spend $53 billion. Acme confirmed the 53 billion dollars budget.");
    int amounts = 0;
    for (const auto& entity : record.entities) {
      if (entity.type != "Amount") continue;
      ++amounts;
      REQUIRE(entity.value.has_value());
      CHECK(*entity.value == doctest::Approx(53e9));
      CHECK(entity.unit == "USD");
      CHECK(entity.count == 2);
    }
    CHECK(amounts == 1);
  }

  TEST_CASE("a figure and its conversion in parentheses are linked by equals") {
    const auto record = kg::extract::testing::Run(
        "Acme Robotics plans a three-year, RMB 380 billion ($53 billion) investment plan.");
    CHECK(kg::extract::testing::Has(record, "RMB 380 billion", "equals", "$53 billion"));
    CHECK(kg::extract::testing::Has(record, "Acme Robotics", "invests", "RMB 380 billion"));
    CHECK(kg::extract::testing::Has(record, "Acme Robotics", "invests", "$53 billion"));
  }
}
