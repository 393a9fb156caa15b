// SPDX-License-Identifier: MIT
#include "graph/centrality.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/graph/graph_fixture.h"

namespace kg::graph {
namespace {

std::map<std::string, double> ByName(const Store& store, const std::vector<Score>& scores) {
  std::map<std::string, double> named;
  for (const Score& score : scores) named[store.GetEntity(score.entity)->name] = score.score;
  return named;
}

// "E<index>", appended rather than concatenated: GCC 12 warns falsely
// (-Wrestrict) about `"E" + std::to_string(index)` in optimised builds.
std::string EntityName(int index) {
  std::string name = "E";
  name += std::to_string(index);
  return name;
}

}  // namespace

TEST_SUITE("graph/centrality") {
  TEST_CASE("PageRank of two entities pointing at a third matches the closed form") {
    // B -> A, C -> A; A is dangling and spreads its rank evenly.
    Store store = testing::MakeFixtureStore({{"A"}, {"B"}, {"C"}},
                                            {{"B", "invests_in", "A"}, {"C", "invests_in", "A"}});
    GraphView view = GraphView::Load(store);
    auto rank = ByName(store, PageRank(view));
    const double d = 0.85;
    // a = (1-d)/3 + d(a/3 + 2b), b = (1-d)/3 + d a/3, a + 2b = 1.
    double a = (1 - 2 * (1 - d) / 3) / (1 + 2 * d / 3);
    double b = (1 - a) / 2;
    CHECK(rank["A"] == doctest::Approx(a).epsilon(1e-8));
    CHECK(rank["B"] == doctest::Approx(b).epsilon(1e-8));
    CHECK(rank["C"] == doctest::Approx(b).epsilon(1e-8));
  }

  TEST_CASE("PageRank equals a textbook power iteration on a random graph") {
    // Dangling entities, isolated ones, symmetric and parallel relations: the
    // Gauss-Seidel solver with dangling elimination must reach the same fixed
    // point as the plain power iteration written out here.
    const int entity_count = 60;
    std::vector<testing::FixtureEntity> entities;
    for (int index = 0; index < entity_count; ++index) entities.emplace_back(EntityName(index));
    std::vector<testing::FixtureRelation> relations;
    std::vector<std::vector<int>> out(entity_count);
    unsigned seed = 12345;
    auto next = [&seed](int bound) {
      seed = seed * 1103515245u + 12345u;
      return static_cast<int>((seed >> 16) % static_cast<unsigned>(bound));
    };
    const char* types[] = {"invests_in", "acquires", "partners_with"};
    for (int index = 0; index < 150; ++index) {
      // Entities 40-49 only ever receive (dangling); 50-59 stay isolated.
      int subject = next(40), object = next(50), type = next(3);
      if (subject == object) continue;
      relations.emplace_back(EntityName(subject), types[type], EntityName(object));
      out[subject].push_back(object);
      if (type == 2) out[object].push_back(subject);
    }
    Store store = testing::MakeFixtureStore(entities, relations);
    // Duplicate (subject, type, object) triples merge into one relation in the
    // store; count arcs from what was stored rather than from the list above.
    for (auto& targets : out) targets.clear();
    store.ForEachRelation([&](const Relation& relation) {
      int subject = std::stoi(store.GetEntity(relation.subject)->name.substr(1));
      int object = std::stoi(store.GetEntity(relation.object)->name.substr(1));
      out[subject].push_back(object);
      if (relation.type == "partners_with") out[object].push_back(subject);
    });
    const double d = 0.85, n = entity_count;
    std::vector<double> expected(entity_count, 1 / n);
    for (int iteration = 0; iteration < 2000; ++iteration) {
      std::vector<double> next_rank(entity_count, 0.0);
      double dangling = 0;
      for (int source = 0; source < entity_count; ++source) {
        if (out[source].empty()) dangling += expected[source];
        for (int target : out[source]) next_rank[target] += expected[source] / out[source].size();
      }
      for (int vertex = 0; vertex < entity_count; ++vertex) {
        next_rank[vertex] = (1 - d) / n + d * (next_rank[vertex] + dangling / n);
      }
      expected = next_rank;
    }
    auto rank = ByName(store, PageRank(GraphView::Load(store)));
    double total = 0;
    for (int vertex = 0; vertex < entity_count; ++vertex) {
      CAPTURE(vertex);
      CHECK(rank[EntityName(vertex)] == doctest::Approx(expected[vertex]).epsilon(1e-7));
      total += rank[EntityName(vertex)];
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
  }

  TEST_CASE("a symmetric relation passes rank both ways") {
    Store store = testing::MakeFixtureStore({{"A"}, {"B"}}, {{"A", "partners_with", "B"}});
    auto rank = ByName(store, PageRank(GraphView::Load(store)));
    CHECK(rank["A"] == doctest::Approx(0.5));
    CHECK(rank["B"] == doctest::Approx(0.5));
  }

  TEST_CASE("degree counts the relations touching an entity") {
    Store store = testing::MakeFixtureStore(
        {{"Hub"}, {"X"}, {"Y"}, {"Lonely"}},
        {{"Hub", "invests_in", "X"}, {"Y", "invests_in", "Hub"}, {"Hub", "partners_with", "X"}});
    auto degree = ByName(store, DegreeCentrality(GraphView::Load(store)));
    CHECK(degree["Hub"] == 3);
    CHECK(degree["X"] == 2);
    CHECK(degree["Y"] == 1);
    CHECK(degree["Lonely"] == 0);
  }

  TEST_CASE("betweenness of a star's centre counts every pair of leaves") {
    Store store = testing::MakeFixtureStore({{"Centre"}, {"L1"}, {"L2"}, {"L3"}, {"L4"}},
                                            {{"Centre", "invests_in", "L1"},
                                             {"L2", "invests_in", "Centre"},
                                             {"Centre", "partners_with", "L3"},
                                             {"Centre", "invests_in", "L4"},
                                             {"Centre", "competes_with", "L4"}});
    auto betweenness = ByName(store, BetweennessCentrality(GraphView::Load(store)));
    CHECK(betweenness["Centre"] == doctest::Approx(6));  // C(4, 2) pairs of leaves
    CHECK(betweenness["L1"] == doctest::Approx(0));
  }

  TEST_CASE("betweenness on a path is the number of pairs each inner entity separates") {
    Store store = testing::MakeFixtureStore(
        {{"P1"}, {"P2"}, {"P3"}, {"P4"}},
        {{"P1", "invests_in", "P2"}, {"P2", "invests_in", "P3"}, {"P3", "invests_in", "P4"}});
    auto betweenness = ByName(store, BetweennessCentrality(GraphView::Load(store)));
    CHECK(betweenness["P1"] == doctest::Approx(0));
    CHECK(betweenness["P2"] == doctest::Approx(2));  // P1-P3, P1-P4
    CHECK(betweenness["P3"] == doctest::Approx(2));
  }

  TEST_CASE("top scores filter by type and keep the best first") {
    Store store = testing::MakeFixtureStore({{"Co1"}, {"Co2"}, {"Eddie", "Person"}},
                                            {{"Eddie", "ceo_of", "Co1"},
                                             {"Co2", "invests_in", "Co1"},
                                             {"Co2", "partners_with", "Co1"}});
    GraphView view = GraphView::Load(store);
    std::vector<Score> top = TopScores(view, DegreeCentrality(view), "Company", 1);
    REQUIRE(top.size() == 1);
    CHECK(store.GetEntity(top[0].entity)->name == "Co1");
    std::vector<Score> people = TopScores(view, DegreeCentrality(view), "Person");
    REQUIRE(people.size() == 1);
    CHECK(store.GetEntity(people[0].entity)->name == "Eddie");
  }
}

}  // namespace kg::graph
