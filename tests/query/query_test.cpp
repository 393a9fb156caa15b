// SPDX-License-Identifier: MIT
#include "query/query.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "graph/error.h"
#include "query/resolve.h"
#include "tests/graph/graph_fixture.h"

namespace kg::query {
namespace {

using testing::FixtureEntity;
using testing::FixtureRelation;

graph::Store NewsStore() {
  std::vector<FixtureEntity> entities = {
      {"Alibaba Group", "Company", {"Alibaba", "Alibaba Group Holding Ltd."}, "BABA"},
      {"Alibaba Cloud", "Company", {}, ""},
      {"Apple", "Company", {}, "AAPL"},
      {"Nvidia", "Company", {}, "NVDA"},
      {"Baidu", "Company", {}, ""},
      {"Moonshot", "Company", {}, ""},
      {"Eddie Wu", "Person", {}, ""},
      {"Jack Ma", "Person", {}, ""},
      {"Qwen3-Max", "Model", {"Qwen3 Max"}, ""},
      {"Kimi", "Model", {}, ""},
      {"Kimi Chip", "Chip", {}, ""},
      {"Mercury", "Company", {}, ""},
      {"Mercury", "Product", {}, ""},
  };
  std::vector<FixtureRelation> relations = {
      {"Alibaba Group", "partners_with", "Apple", 0.9, "a.txt"},
      {"Nvidia", "partners_with", "Alibaba Group", 0.6, "b.txt"},
      {"Alibaba Group", "competes_with", "Baidu", 0.8, "a.txt"},
      {"Eddie Wu", "ceo_of", "Alibaba Group", 0.95, "a.txt"},
      {"Jack Ma", "founder_of", "Alibaba Group", 0.9, "b.txt"},
      {"Alibaba Group", "invests_in", "Moonshot", 0.7, "b.txt"},
      {"Moonshot", "develops", "Kimi", 0.8, "b.txt"},
      {"Moonshot", "develops", "Kimi Chip", 0.8, "b.txt"},
      {"Alibaba Cloud", "develops", "Qwen3-Max", 0.9, "a.txt"},
      {"Alibaba Cloud", "subsidiary_of", "Alibaba Group", 0.9, "a.txt"},
  };
  return testing::MakeFixtureStore(entities, relations);
}

// The names bound to `variable` over all rows, sorted.
std::vector<std::string> Column(const Result& result, const std::string& variable) {
  auto found = std::find(result.variables.begin(), result.variables.end(), variable);
  REQUIRE(found != result.variables.end());
  std::size_t index = static_cast<std::size_t>(found - result.variables.begin());
  std::vector<std::string> names;
  for (const Row& row : result.rows) names.push_back(result.entities.at(row.values[index]).name);
  std::sort(names.begin(), names.end());
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_SUITE("query/query") {
  TEST_CASE("a one-hop pattern lists the other ends") {
    graph::Store store = NewsStore();
    CHECK(Column(Run(store, "Alibaba invests_in ?"), "?") == Names{"Moonshot"});
    CHECK(Column(Run(store, "? ceo_of Alibaba"), "?") == Names{"Eddie Wu"});
  }

  TEST_CASE("symmetric relations answer in both directions, oriented as asked") {
    graph::Store store = NewsStore();
    Result result = Run(store, "Alibaba partners_with ?");
    CHECK(Column(result, "?") == Names{"Apple", "Nvidia"});
    for (const Row& row : result.rows) {
      CHECK(result.entities.at(row.matches[0].subject).name == "Alibaba Group");
    }
    CHECK(Column(Run(store, "Apple partners with"), "?") == Names{"Alibaba Group"});
    CHECK(Column(Run(store, "? rival Baidu"), "?") == Names{"Alibaba Group"});
  }

  TEST_CASE("any relation matches every edge of an entity and records its type") {
    graph::Store store = NewsStore();
    Result result = Run(store, "Moonshot * ?");
    CHECK(Column(result, "?") == Names{"Kimi", "Kimi Chip"});
    Result incoming = Run(store, "? * Moonshot");
    REQUIRE(incoming.rows.size() == 1);
    CHECK(incoming.rows[0].matches[0].relation.type == "invests_in");
  }

  TEST_CASE("conjunctions join on named variables and honour type filters") {
    graph::Store store = NewsStore();
    Result result = Run(store, "Alibaba invests_in ?x . ?x develops ?m:Model");
    CHECK(Column(result, "?x") == Names{"Moonshot"});
    CHECK(Column(result, "?m") == Names{"Kimi"});
    REQUIRE(result.rows.size() == 1);
    CHECK(result.rows[0].matches.size() == 2);
    CHECK(Run(store, "Alibaba invests_in ?x . ?x develops ?m").rows.size() == 2);
  }

  TEST_CASE("inverse phrases and synonyms reach the same relations") {
    graph::Store store = NewsStore();
    CHECK(Column(Run(store, "Alibaba founded by ?"), "?") == Names{"Jack Ma"});
    CHECK(Column(Run(store, "\"Alibaba Cloud\" develops ?"), "?") == Names{"Qwen3-Max"});
    CHECK(Column(Run(store, "Alibaba Cloud subsidiary of ?"), "?") == Names{"Alibaba Group"});
  }

  TEST_CASE("options filter by confidence and source document and limit the rows") {
    graph::Store store = NewsStore();
    QueryOptions confident;
    confident.min_confidence = 0.8;
    CHECK(Column(Run(store, "Alibaba partners_with ?", confident), "?") == Names{"Apple"});
    QueryOptions from_b;
    from_b.source_document = "b.txt";
    CHECK(Column(Run(store, "Alibaba partners_with ?", from_b), "?") == Names{"Nvidia"});
    QueryOptions one;
    one.limit = 1;
    Result limited = Run(store, "Alibaba * ?", one);
    CHECK(limited.rows.size() == 1);
    CHECK(limited.truncated);
    QueryOptions missing;
    missing.source_document = "nope.txt";
    CHECK_THROWS_AS(Run(store, "Alibaba * ?", missing), Error);
  }

  TEST_CASE("a source document may be named by its file name alone") {
    graph::Store store = testing::MakeFixtureStore(
        {{"A"}, {"B"}}, {{"A", "partners_with", "B", 0.9, "/data/news/c.txt"},
                         {"A", "invests_in", "B", 0.9, "import:t.jsonl#d.txt"}});
    CHECK(ResolveDocument(store, "c.txt") == "/data/news/c.txt");
    CHECK(ResolveDocument(store, "d.txt") == "import:t.jsonl#d.txt");
    CHECK(ResolveDocument(store, "/data/news/c.txt") == "/data/news/c.txt");
    CHECK_THROWS_AS(ResolveDocument(store, "news/x.txt"), Error);
    QueryOptions from_c;
    from_c.source_document = "c.txt";
    Result result = Run(store, "A * ?", from_c);
    REQUIRE(result.rows.size() == 1);
    CHECK(result.rows[0].matches[0].relation.type == "partners_with");
  }

  TEST_CASE("a pattern with both ends named asks whether the relation exists") {
    graph::Store store = NewsStore();
    CHECK(Run(store, "Apple partners_with Alibaba").rows.size() == 1);
    CHECK(Run(store, "Apple competes_with Alibaba").rows.empty());
  }

  TEST_CASE("the answer becomes a subgraph of its entities and relations") {
    graph::Store store = NewsStore();
    graph::Subgraph subgraph = ToSubgraph(store, Run(store, "Alibaba partners_with ?"));
    std::set<std::string> names;
    for (const graph::Entity& entity : subgraph.entities) names.insert(entity.name);
    CHECK(names == std::set<std::string>{"Alibaba Group", "Apple", "Nvidia"});
    CHECK(subgraph.relations.size() == 2);
    CHECK(subgraph.description.find("partners_with") != std::string::npos);
  }
}

TEST_SUITE("query/resolve") {
  TEST_CASE("names resolve through aliases, case and tickers") {
    graph::Store store = NewsStore();
    for (const char* name :
         {"alibaba", "ALIBABA GROUP", "BABA", "baba", "Alibaba Group Holding Ltd."}) {
      CAPTURE(name);
      CHECK(ResolveEntity(store, name).name == "Alibaba Group");
    }
    CHECK(ResolveEntity(store, "qwen3 max").name == "Qwen3-Max");
  }

  TEST_CASE("an unknown name suggests the closest ones") {
    graph::Store store = NewsStore();
    try {
      ResolveEntity(store, "Alibab");
      FAIL("resolved");
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::kNotFound);
      std::string message = error.what();
      CHECK(message.find("did you mean") != std::string::npos);
      CHECK(message.find("Alibaba Group") != std::string::npos);
      CHECK(message.find("Baidu") == std::string::npos);
    }
    CHECK(SuggestNames(store, "Nvida").at(0) == "Nvidia");
  }

  TEST_CASE("a name two entities share is ambiguous unless a type decides") {
    graph::Store store = NewsStore();
    CHECK_THROWS_WITH_AS(ResolveEntity(store, "Mercury"), doctest::Contains("ambiguous"), Error);
    std::vector<std::string_view> products = {"Product"};
    CHECK(ResolveEntity(store, "Mercury", products).type == "Product");
    // The relation's subject types decide without the user's help.
    CHECK(Run(store, "Mercury partners_with ?").rows.empty());
    CHECK(Run(store, "\"Mercury\":Product * ?").rows.empty());
  }

  TEST_CASE("query errors carry the position of the name at fault") {
    graph::Store store = NewsStore();
    try {
      Run(store, "Alibaba invests_in ?x . ?x develops Qwen9");
      FAIL("ran");
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::kNotFound);
      CHECK(error.position() == 36);
    }
  }

  TEST_CASE("edit distance stops early past its limit") {
    CHECK(EditDistance("kitten", "sitting", 5) == 3);
    CHECK(EditDistance("abc", "abc", 0) == 0);
    CHECK(EditDistance("a", "abcdef", 2) == 3);
  }
}

}  // namespace kg::query
