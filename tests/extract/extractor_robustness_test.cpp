// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "graph/error.h"
#include "tests/extract/nlp_test_support.h"

namespace {

void CheckConsistent(const kg::graph::DocumentRecord& record) {
  const auto entity_count = static_cast<int>(record.entities.size());
  for (const auto& entity : record.entities) {
    CHECK(!entity.name.empty());
    if (entity.value) CHECK(std::isfinite(*entity.value));
  }
  for (const auto& relation : record.relations) {
    CHECK(relation.subject >= 0);
    CHECK(relation.subject < entity_count);
    CHECK(relation.object < entity_count);
    CHECK(relation.evidence.span_end <= static_cast<std::int64_t>(record.text.size()));
    CHECK(relation.evidence.confidence >= 0);
    CHECK(relation.evidence.confidence <= 1);
  }
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = std::string("/tmp/kg_nlp_test_") + name;
  std::ofstream(path) << content;
  return path;
}

}  // namespace

TEST_SUITE("extract/robustness") {
  TEST_CASE("pathological inputs are extracted without failing") {
    std::string huge_line(300000, 'x');
    for (std::size_t i = 7; i < huge_line.size(); i += 8) huge_line[i] = ' ';
    std::string tiny_sentences;
    for (int i = 0; i < 200000; ++i) tiny_sentences += "A. ";
    std::string garbage;
    for (int i = 0; i < 100000; ++i) garbage += static_cast<char>(0x20 + (i * 7919) % 95);
    std::string names;
    for (int i = 0; i < 20000; ++i) names += "Nvidia (NVDA) and Apple Inc., ";
    std::string digits = "$" + std::string(500, '9') + " billion and 1e308 and $.5 and ($0)";
    // Bare francs look up the document's country once, not once per figure.
    std::string francs;
    for (int i = 0; i < 30000; ++i) francs += "It paid " + std::to_string(i) + " francs. ";
    // One paragraph of many sentences whose rules look for context.
    std::string one_paragraph = "KELMONT: Kelmont Group said sales rose. ";
    for (int i = 0; i < 20000; ++i) one_paragraph += "Chief executive Mia Holt said so. ";
    // Many matches whose missing end is the article's main company or round raiser, and
    // results filled in from the document: each is looked up once per document.
    std::string contexts = "Zentrix Labs makes robots. ";
    for (int i = 0; i < 20000; ++i) {
      contexts +=
          "Zentrix Labs grew. Zentrix Labs hired. Kelmont Ventures also took part. Revenue "
          "rose 5% to $" +
          std::to_string(i + 1) + " million.\n\n";
    }
    for (const std::string* text : {&huge_line, &tiny_sentences, &garbage, &names, &digits, &francs,
                                    &one_paragraph, &contexts}) {
      const auto record = kg::extract::testing::Run(*text);
      CHECK(record.text == *text);
      CheckConsistent(record);
    }
  }

  TEST_CASE("empty and whitespace-only texts give empty records") {
    for (const char* text : {"", " ", "\n\n\n", "\t"}) {
      const auto record = kg::extract::testing::Run(text);
      CHECK(record.entities.empty());
      CHECK(record.relations.empty());
    }
  }

  TEST_CASE("user rule and lexicon files extend extraction without recompiling") {
    const std::string lexicon = WriteTemp(
        "lexicon.tsv", "# my companies\nCompany\tGlimmer Works\tGlimmer\tGLMR\nProduct\tSparkle\n");
    const std::string rules =
        WriteTemp("rules.tsv",
                  "family\tsell\tsells|sold\nrule\tsells-product\tdevelops\t0.6\t"
                  "{S:Company} ...2 @sell ...2 {O:Product}\n");
    kg::extract::ExtractorOptions options;
    options.lexicon_files = {lexicon};
    options.rule_files = {rules};
    const kg::extract::Extractor extractor(options);
    const auto record = extractor.Extract("doc.txt", "Glimmer sells Sparkle worldwide.");
    CAPTURE(kg::extract::testing::Describe(record));
    CHECK(kg::extract::testing::Has(record, "Glimmer Works", "develops", "Sparkle"));
    std::remove(lexicon.c_str());
    std::remove(rules.c_str());
  }

  TEST_CASE("a malformed rule file is rejected naming the file and line") {
    const std::string rules =
        WriteTemp("bad_rules.tsv", "# comment\nrule\tbroken\tdevelops\t7\t{S:Company} makes\n");
    kg::extract::ExtractorOptions options;
    options.rule_files = {rules};
    try {
      kg::extract::Extractor extractor(options);
      FAIL("expected kg::Error");
    } catch (const kg::Error& error) {
      CHECK(error.code() == kg::ErrorCode::kInvalidInput);
      CHECK(std::string(error.what()).find("bad_rules.tsv:2") != std::string::npos);
    }
    std::remove(rules.c_str());
  }

  TEST_CASE("a missing user file is an I/O error") {
    kg::extract::ExtractorOptions options;
    options.lexicon_files = {"/nonexistent/kg/lexicon.tsv"};
    CHECK_THROWS_AS(kg::extract::Extractor{options}, kg::Error);
  }
}
