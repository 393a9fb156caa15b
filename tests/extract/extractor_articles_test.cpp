// SPDX-License-Identifier: MIT
// Every article under tests/extract/articles/ has a .expect file listing
// "subject<TAB>relation<TAB>object" facts the extractor must find, and
// "!subject<TAB>relation<TAB>object" facts it must not. The README demo
// articles in examples/articles/ must together yield every ontology relation type.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "graph/ontology.h"
#include "tests/extract/nlp_test_support.h"

namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

TEST_SUITE("extract/articles") {
  TEST_CASE("hand-written test articles yield their expected facts") {
    const std::filesystem::path folder =
        std::filesystem::path(KG_SOURCE_DIR) / "tests/extract/articles";
    int checked = 0;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
      if (file.path().extension() != ".txt") continue;
      std::filesystem::path expect = file.path();
      expect.replace_extension(".expect");
      REQUIRE(std::filesystem::exists(expect));
      const auto record = kg::extract::testing::SharedExtractor().Extract(
          file.path().filename().string(), Slurp(file.path()));
      CAPTURE(file.path().filename().string());
      CAPTURE(kg::extract::testing::Describe(record));
      std::istringstream lines(Slurp(expect));
      std::string line;
      while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        const bool negative = line[0] == '!';
        if (negative) line.erase(0, 1);
        const std::size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        REQUIRE(tab2 != std::string::npos);
        const std::string subject = line.substr(0, tab1);
        const std::string relation = line.substr(tab1 + 1, tab2 - tab1 - 1);
        const std::string object = line.substr(tab2 + 1);
        CAPTURE(line);
        CHECK(kg::extract::testing::Has(record, subject, relation, object) != negative);
        ++checked;
      }
    }
    CHECK(checked >= 30);
  }

  TEST_CASE("the example articles cover every entity and relation type") {
    const std::filesystem::path folder = std::filesystem::path(KG_SOURCE_DIR) / "examples/articles";
    std::set<std::string> relations, entity_types;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
      if (file.path().extension() != ".txt") continue;
      const auto record = kg::extract::testing::SharedExtractor().Extract(
          file.path().filename().string(), Slurp(file.path()));
      for (const auto& relation : record.relations) relations.insert(relation.type);
      for (const auto& entity : record.entities) entity_types.insert(entity.type);
    }
    for (const auto& type : kg::graph::RelationTypes()) {
      CAPTURE(type.name);
      CHECK(relations.count(std::string(type.name)) == 1);
    }
    for (std::string_view type : kg::graph::EntityTypes()) {
      CAPTURE(type);
      CHECK(entity_types.count(std::string(type)) == 1);
    }
  }
}
