// SPDX-License-Identifier: MIT
#include "graph/communities.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tests/graph/graph_fixture.h"

namespace kg::graph {
namespace {

std::set<std::string> Names(const Store& store, const Community& community) {
  std::set<std::string> names;
  for (EntityId id : community) names.insert(store.GetEntity(id)->name);
  return names;
}

// Two 4-cliques {A1..A4} and {B1..B4} joined by A1 -- B1.
Store TwoCliques() {
  std::vector<testing::FixtureEntity> entities;
  std::vector<testing::FixtureRelation> relations;
  for (const char* side : {"A", "B"}) {
    for (int index = 1; index <= 4; ++index) entities.push_back({side + std::to_string(index)});
    for (int first = 1; first <= 4; ++first) {
      for (int second = first + 1; second <= 4; ++second) {
        relations.push_back(
            {side + std::to_string(first), "partners_with", side + std::to_string(second)});
      }
    }
  }
  relations.push_back({"A1", "invests_in", "B1"});
  return testing::MakeFixtureStore(entities, relations);
}

}  // namespace

TEST_SUITE("graph/communities") {
  TEST_CASE("connected components group what relations connect, largest first") {
    Store store = testing::MakeFixtureStore(
        {{"A"}, {"B"}, {"C"}, {"D"}, {"E"}, {"Alone"}},
        {{"A", "invests_in", "B"}, {"C", "invests_in", "B"}, {"D", "partners_with", "E"}});
    std::vector<Community> components = ConnectedComponents(GraphView::Load(store));
    REQUIRE(components.size() == 3);
    CHECK(Names(store, components[0]) == std::set<std::string>{"A", "B", "C"});
    CHECK(Names(store, components[1]) == std::set<std::string>{"D", "E"});
    CHECK(Names(store, components[2]) == std::set<std::string>{"Alone"});
  }

  TEST_CASE("Louvain splits two cliques joined by one relation") {
    Store store = TwoCliques();
    GraphView view = GraphView::Load(store);
    Clustering clustering = Louvain(view);
    REQUIRE(clustering.communities.size() == 2);
    CHECK(Names(store, clustering.communities[0]) == std::set<std::string>{"A1", "A2", "A3", "A4"});
    CHECK(Names(store, clustering.communities[1]) == std::set<std::string>{"B1", "B2", "B3", "B4"});
    // m = 13 edges; each side has 6 inside and degree sum 13.
    double expected = 2 * (12.0 / 26 - (13.0 / 26) * (13.0 / 26));
    CHECK(clustering.modularity == doctest::Approx(expected));
  }

  TEST_CASE("modularity of everything in one community is zero") {
    Store store = TwoCliques();
    GraphView view = GraphView::Load(store);
    CHECK(Modularity(view, ConnectedComponents(view)) == doctest::Approx(0));
  }

  TEST_CASE("entities without relations stay alone in Louvain") {
    Store store = testing::MakeFixtureStore({{"A"}, {"B"}, {"C"}}, {{"A", "invests_in", "B"}});
    Clustering clustering = Louvain(GraphView::Load(store));
    REQUIRE(clustering.communities.size() == 2);
    CHECK(clustering.communities[0].size() == 2);
    CHECK(Names(store, clustering.communities[1]) == std::set<std::string>{"C"});
  }
}

}  // namespace kg::graph
