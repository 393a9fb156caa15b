// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/nlp/text.h"

namespace {

using kg::extract::nlp::Layout;
using kg::extract::nlp::MarkBoilerplate;
using kg::extract::nlp::Segment;
using kg::extract::nlp::TokenText;

std::vector<std::string> Sentences(std::string_view text) {
  Layout layout = Segment(text);
  MarkBoilerplate(text, layout);
  std::vector<std::string> out;
  for (const auto& sentence : layout.sentences) {
    out.emplace_back(text.substr(sentence.start, sentence.end - sentence.start));
  }
  return out;
}

bool IsBoilerplate(std::string_view text, std::string_view sentence_start) {
  Layout layout = Segment(text);
  MarkBoilerplate(text, layout);
  for (const auto& sentence : layout.sentences) {
    if (text.substr(sentence.start).starts_with(sentence_start)) return sentence.boilerplate;
  }
  FAIL("no sentence starts with " << sentence_start);
  return false;
}

}  // namespace

TEST_SUITE("extract/nlp/text") {
  TEST_CASE("abbreviations, decimals and tickers do not end sentences") {
    const std::vector<std::string> sentences = Sentences(
        "Foo Corp. (NASDAQ: FOO) rose 3.5% after Mr. Lee spoke in the U.S. and Europe. "
        "Bar Inc. said revenue was $38.38 billion. It also hired Dr. Chen.");
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0] ==
          "Foo Corp. (NASDAQ: FOO) rose 3.5% after Mr. Lee spoke in the U.S. and Europe.");
    CHECK(sentences[1] == "Bar Inc. said revenue was $38.38 billion.");
    CHECK(sentences[2] == "It also hired Dr. Chen.");
  }

  TEST_CASE("an abbreviation before a sentence opener ends the sentence") {
    const std::vector<std::string> sentences =
        Sentences("Shares fell in the U.S. The company said nothing.");
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[1] == "The company said nothing.");
  }

  TEST_CASE("headlines, blank lines and bullet lines end sentences") {
    const std::vector<std::string> sentences = Sentences(
        "Big Chip Deal Announced\n\nKey points:\n  \xE2\x80\xA2 Revenue rose 5%\n"
        "  \xE2\x80\xA2 Profit fell\nThe end.");
    REQUIRE(sentences.size() == 5);
    CHECK(sentences[0] == "Big Chip Deal Announced");
    CHECK(sentences[2] == "Revenue rose 5%");  // the bullet belongs to no sentence
    CHECK(sentences[3] == "Profit fell");
  }

  TEST_CASE("a hard-wrapped line continues the sentence") {
    const std::vector<std::string> sentences = Sentences(
        "The company said on Tuesday that its quarterly profit had risen\nsharply on strong "
        "demand.");
    REQUIRE(sentences.size() == 1);
  }

  TEST_CASE("in hard-wrapped prose a capitalised word after a line break continues, not in lists") {
    const std::vector<std::string> sentences = Sentences(
        "Zentrix said on Tuesday that its finance director would succeed the chief\n"
        "executive in January, and that the outgoing chief would then become the\n"
        "chairman of the group in place of Sir Peter\n"
        "Laidlaw, who retires from the board after fourteen years on the board.\n"
        "\n"
        "Kelmont Group unveils a new chip for the Chinese market today\n"
        "Zentrix Systems shares jump after the AI deal with the Harlow Group\n");
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0].find("Sir Peter\nLaidlaw") != std::string::npos);
    CHECK(sentences[1] == "Kelmont Group unveils a new chip for the Chinese market today");
    CHECK(sentences[2] == "Zentrix Systems shares jump after the AI deal with the Harlow Group");
  }

  TEST_CASE("a hard-wrapped paragraph may end with an abbreviation's period") {
    const std::vector<std::string> sentences = Sentences(
        "Zentrix said on Tuesday that its finance director would succeed the chief\n"
        "executive in January, and that the outgoing chief would then become the\n"
        "chairman, said an analyst at the stockbrokers Kelmont\n"
        "Harlow Ltd.\n"
        "    Zentrix shares rose 8 pence.\n");
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0].find("Kelmont\nHarlow Ltd.") != std::string::npos);
  }

  TEST_CASE("possessives and hyphens are their own tokens with exact byte spans") {
    const std::string text = "Alibaba\xE2\x80\x99s T-Head and investors' cash";
    Layout layout = Segment(text);
    std::vector<std::string> words;
    for (const auto& token : layout.tokens) words.emplace_back(TokenText(text, token));
    REQUIRE(words.size() == 9);
    CHECK(words[1] == "\xE2\x80\x99s");
    CHECK(layout.tokens[1].possessive);
    CHECK(words[2] == "T");
    CHECK(words[3] == "-");
    CHECK(layout.tokens[7].possessive);  // the bare apostrophe after "investors"
  }

  TEST_CASE("sentences are capped in length and tokens stay inside the text") {
    std::string text(200000, 'a');
    for (std::size_t i = 5; i < text.size(); i += 6) text[i] = ' ';
    Layout layout = Segment(text);
    CHECK(!layout.sentences.empty());
    for (const auto& sentence : layout.sentences) {
      CHECK(static_cast<int>(sentence.last_token - sentence.first_token) <=
            kg::extract::nlp::kMaxSentenceTokens);
    }
    CHECK(layout.tokens.back().end <= text.size());
  }

  TEST_CASE("the cap cuts a run of words at exactly its length, between commas or not") {
    // The splitter jumps from punctuation to punctuation: the cuts between must not move.
    std::string text;
    for (int i = 0; i < 400; ++i) text += (i % 50 == 49) ? "word, " : "word ";
    Layout layout = Segment(text);
    REQUIRE(layout.tokens.size() == 408);
    const auto cap = static_cast<std::uint32_t>(kg::extract::nlp::kMaxSentenceTokens);
    REQUIRE(layout.sentences.size() == 3);
    CHECK(layout.sentences[0].last_token == cap);
    CHECK(layout.sentences[1].first_token == cap);
    CHECK(layout.sentences[1].last_token == 2 * cap);
    CHECK(layout.sentences[2].last_token == 408);
  }

  TEST_CASE("a run of terminal punctuation cannot push a sentence past the cap") {
    std::string text;
    for (int i = 0; i < 159; ++i) text += "word ";
    text += "end";
    for (int i = 0; i < 300; ++i) text += (i % 2 == 0) ? "?" : "!";
    text += " next";
    Layout layout = Segment(text);
    for (const auto& sentence : layout.sentences) {
      CHECK(static_cast<int>(sentence.last_token - sentence.first_token) <=
            kg::extract::nlp::kMaxSentenceTokens);
    }
  }

  TEST_CASE("a glued run of terminals before a word does not end the sentence") {
    // Regression (fuzz_segment timeout): every "!" or "?" of such a run used
    // to rescan the rest of the run; the decision is the run's, made once.
    std::string run;
    for (int i = 0; i < 20; ++i) run += "!?";
    std::string text = "Stop" + run + "\u201cquoted\u201d words follow. Another sentence here.";
    std::vector<std::string> sentences = Sentences(text);
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0] == "Stop" + run + "\u201cquoted\u201d words follow.");
    CHECK(sentences[1] == "Another sentence here.");
    std::string long_run;
    for (int i = 0; i < 5000; ++i) long_run += "?!";
    Layout layout = Segment("Stop" + long_run + "\u201cnext words.");
    for (const auto& sentence : layout.sentences) {
      CHECK(static_cast<int>(sentence.last_token - sentence.first_token) <=
            kg::extract::nlp::kMaxSentenceTokens);
    }
  }

  TEST_CASE("an abbreviation ending a hard-wrapped line continues the sentence") {
    std::vector<std::string> sentences = Sentences(
        "The results were strong, said president and chief executive officer Landon H.\n"
        "Rowland at a news conference on Monday.\n"
        "\"We could see another rise this week,\" said David Jones of Lanston and Co.\n"
        "    \"We have a good chance of a rise,\" said Allan Leslie of Discount Corp.\n"
        "The company said so.");
    REQUIRE(sentences.size() == 4);
    CHECK(sentences[0].ends_with("Rowland at a news conference on Monday."));
    CHECK(sentences[1].ends_with("of Lanston and Co."));  // an indented line starts anew
    CHECK(sentences[2].ends_with("of Discount Corp."));   // so does a sentence opener
    CHECK(sentences[3] == "The company said so.");
  }

  TEST_CASE("invalid UTF-8 and control bytes are tokenised without failing") {
    const std::string text = std::string("\xFF\xFE\x01 abc \xE2\x82 def.\x00 ghi", 19);
    Layout layout = Segment(text);
    for (const auto& token : layout.tokens) CHECK(token.end <= text.size());
  }

  TEST_CASE("link lists after a Related heading are boilerplate") {
    const std::string text =
        "Acme said revenue rose. Shares climbed on the news in early trading today.\n\n"
        "Related:\n\nThese Stocks Could Soar This Year\n\nWhy Investors Love Chip Makers Now\n";
    CHECK_FALSE(IsBoilerplate(text, "Acme said"));
    CHECK(IsBoilerplate(text, "These Stocks"));
    CHECK(IsBoilerplate(text, "Why Investors"));
  }

  TEST_CASE("subscription prompts and disclaimers are boilerplate") {
    const std::string text =
        "Acme opened a factory in Ohio on Monday, the company said in a statement.\n\n"
        "Subscribe to our weekly newsletter and never miss a story!\n\n"
        "Trading Risk Disclaimer\n\nAll information is for educational purposes only. Past "
        "performance is no guarantee. This is not an offer to buy or sell securities.\n";
    CHECK_FALSE(IsBoilerplate(text, "Acme opened"));
    CHECK(IsBoilerplate(text, "Subscribe"));
    CHECK(IsBoilerplate(text, "All information"));
    CHECK(IsBoilerplate(text, "This is not an offer"));
  }

  TEST_CASE("a word that prompts only with another cue: 'subscription' in news is news") {
    const std::string text =
        "Lingo Labs raised 38 million euros last year. It competes with Vocalo, whose "
        "premium subscription runs on rival models.\n\nCookies and sponsored posts pay for "
        "this site. Sign up for our cookies newsletter!\n";
    CHECK_FALSE(IsBoilerplate(text, "Lingo Labs raised"));
    CHECK_FALSE(IsBoilerplate(text, "It competes"));
    CHECK(IsBoilerplate(text, "Cookies and sponsored"));  // two one-word cues
    CHECK(IsBoilerplate(text, "Sign up"));
  }

  TEST_CASE("bylines and wire credits are boilerplate; a sentence opening with 'By' is not") {
    const std::string text =
        "Acme buys Zorbex\n\nBy Jane Roe, Technology Correspondent | 9 December 2025\n\n"
        "Acme agreed to buy Zorbex for $2 billion, the companies said.\n\n"
        "By Monday, the deal had closed.\n\n"
        "Research by Canalys shows Xiaomi overtook Apple.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n";
    CHECK(IsBoilerplate(text, "By Jane Roe"));
    CHECK(IsBoilerplate(text, "(Reporting by"));
    CHECK_FALSE(IsBoilerplate(text, "Acme agreed"));
    CHECK_FALSE(IsBoilerplate(text, "By Monday"));
    CHECK_FALSE(IsBoilerplate(text, "Research by Canalys"));
  }

  TEST_CASE("marketing copy addressing the reader is boilerplate, plain news is not") {
    const std::string text =
        "Unlock your edge with our premium tools. Join thousands of traders today!\n\n"
        "The central bank kept rates on hold, citing slower growth in the region.\n";
    CHECK(IsBoilerplate(text, "Unlock"));
    CHECK_FALSE(IsBoilerplate(text, "The central bank"));
  }
}
