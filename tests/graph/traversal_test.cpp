// SPDX-License-Identifier: MIT
#include "graph/traversal.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "graph/graph_view.h"
#include "tests/graph/graph_fixture.h"

namespace kg::graph {
namespace {

using testing::FixtureEntity;
using testing::FixtureRelation;

// A -- B -- C -- D in a line, plus B -- E, and an island F.
// A partners_with B, B invests_in C, D subsidiary_of C, B competes_with E.
Store LineStore() {
  return testing::MakeFixtureStore({{"A"}, {"B"}, {"C"}, {"D"}, {"E"}, {"F"}},
                                   {{"A", "partners_with", "B"},
                                    {"B", "invests_in", "C"},
                                    {"D", "subsidiary_of", "C"},
                                    {"B", "competes_with", "E"}});
}

std::set<std::string> Names(const Subgraph& subgraph) {
  std::set<std::string> names;
  for (const Entity& entity : subgraph.entities) names.insert(entity.name);
  return names;
}

std::vector<std::string> PathNames(const Store& store, const Path& path) {
  std::vector<std::string> names = {store.GetEntity(path.start)->name};
  for (const Hop& hop : path.hops) names.push_back(store.GetEntity(hop.to)->name);
  return names;
}

}  // namespace

TEST_SUITE("graph/traversal") {
  TEST_CASE("a neighbourhood holds the entities within k hops and the relations among them") {
    Store store = LineStore();
    EntityId b = testing::IdOf(store, "B");
    Subgraph one = Neighborhood(store, b, 1);
    CHECK(Names(one) == std::set<std::string>{"A", "B", "C", "E"});
    CHECK(one.relations.size() == 3);
    CHECK(one.entities.front().name == "B");
    Subgraph two = Neighborhood(store, b, 2);
    CHECK(Names(two) == std::set<std::string>{"A", "B", "C", "D", "E"});
    CHECK(two.relations.size() == 4);
    CHECK(Names(Neighborhood(store, b, 0)) == std::set<std::string>{"B"});
    CHECK(Neighborhood(store, 999999, 2).entities.empty());
  }

  TEST_CASE("the whole-graph fallback finds the same neighbourhood as the indexed walk") {
    // A hub-heavy random graph; a budget of 0 forces the fallback (view + one
    // store pass) as soon as the walk has read any row.
    std::vector<FixtureEntity> entities;
    for (int index = 0; index < 40; ++index)
      entities.emplace_back(std::string("N").append(std::to_string(index)));
    std::vector<FixtureRelation> relations;
    const char* types[] = {"invests_in", "partners_with", "supplies"};
    unsigned seed = 7;
    auto next = [&seed](int bound) {
      seed = seed * 1103515245u + 12345u;
      return static_cast<int>((seed >> 16) % static_cast<unsigned>(bound));
    };
    for (int index = 0; index < 90; ++index) {
      int subject = next(3) == 0 ? next(3) : next(36);  // entities 0-2 are hubs; 36-39 isolated
      int object = next(36);
      if (subject == object) continue;
      relations.emplace_back(entities[subject].name, types[next(3)], entities[object].name);
    }
    Store store = testing::MakeFixtureStore(entities, relations);
    auto ids = [](const Subgraph& subgraph) {
      std::vector<EntityId> entity_ids;
      std::vector<RelationId> relation_ids;
      for (const Entity& entity : subgraph.entities) entity_ids.push_back(entity.id);
      for (const Relation& relation : subgraph.relations) relation_ids.push_back(relation.id);
      return std::make_pair(entity_ids, relation_ids);
    };
    std::vector<std::string> supplies = {"supplies"};
    int non_trivial = 0;
    for (const FixtureEntity& entity : entities) {
      EntityId center = testing::IdOf(store, entity.name);
      for (int depth = 0; depth <= 3; ++depth) {
        CAPTURE(entity.name);
        CAPTURE(depth);
        Subgraph walked = Neighborhood(store, center, depth);
        Subgraph scanned = Neighborhood(store, center, depth, {}, 0);
        CHECK(ids(walked) == ids(scanned));
        CHECK(walked.description == scanned.description);
        CHECK(ids(Neighborhood(store, center, depth, supplies)) ==
              ids(Neighborhood(store, center, depth, supplies, 0)));
        if (walked.entities.size() > 1) ++non_trivial;
      }
    }
    CHECK(non_trivial > 20);  // the comparison covered real neighbourhoods
  }

  TEST_CASE("a relation filter restricts what the neighbourhood follows") {
    Store store = LineStore();
    std::vector<std::string> only_invests = {"invests_in"};
    Subgraph subgraph = Neighborhood(store, testing::IdOf(store, "B"), 3, only_invests);
    CHECK(Names(subgraph) == std::set<std::string>{"B", "C"});
    CHECK(subgraph.description.find("invests_in") != std::string::npos);
  }

  TEST_CASE("k-hop on a loaded view reports hop counts in BFS order") {
    Store store = LineStore();
    GraphView view = GraphView::Load(store);
    std::vector<Reached> reached = KHop(view, testing::IdOf(store, "A"), 3);
    REQUIRE(reached.size() == 5);
    CHECK(reached[0].hops == 0);
    CHECK(reached[1].entity == testing::IdOf(store, "B"));
    CHECK(reached[1].hops == 1);
    CHECK(reached.back().hops == 3);
    CHECK(reached.back().entity == testing::IdOf(store, "D"));
    std::vector<std::string> partners = {"partners_with"};
    CHECK(KHop(view, testing::IdOf(store, "A"), 3, partners).size() == 2);
  }

  TEST_CASE("the shortest path follows relations either way and says which way each points") {
    Store store = LineStore();
    GraphView view = GraphView::Load(store);
    std::optional<Path> path =
        ShortestPath(view, testing::IdOf(store, "A"), testing::IdOf(store, "D"));
    REQUIRE(path.has_value());
    CHECK(PathNames(store, *path) == std::vector<std::string>{"A", "B", "C", "D"});
    REQUIRE(path->hops.size() == 3);
    CHECK(path->hops[1].relation.type == "invests_in");
    CHECK(path->hops[1].forward);
    CHECK(path->hops[2].relation.type == "subsidiary_of");
    CHECK_FALSE(path->hops[2].forward);  // D subsidiary_of C, walked C -> D
  }

  TEST_CASE("no path exists to an island or beyond the hop limit") {
    Store store = LineStore();
    GraphView view = GraphView::Load(store);
    CHECK_FALSE(ShortestPath(view, testing::IdOf(store, "A"), testing::IdOf(store, "F")));
    CHECK_FALSE(ShortestPath(view, testing::IdOf(store, "A"), testing::IdOf(store, "D"), 2));
    CHECK(ShortestPath(view, testing::IdOf(store, "A"), testing::IdOf(store, "A"))->hops.empty());
  }

  TEST_CASE("all simple paths come shortest first and respect the hop limit") {
    // A square with a diagonal: paths from P to R: P-R, P-Q-R, P-S-R.
    Store store =
        testing::MakeFixtureStore({{"P"}, {"Q"}, {"R"}, {"S"}}, {{"P", "partners_with", "Q"},
                                                                 {"Q", "partners_with", "R"},
                                                                 {"R", "partners_with", "S"},
                                                                 {"S", "partners_with", "P"},
                                                                 {"P", "invests_in", "R"},
                                                                 {"P", "competes_with", "R"}});
    GraphView view = GraphView::Load(store);
    EntityId p = testing::IdOf(store, "P"), r = testing::IdOf(store, "R");
    std::vector<Path> paths = AllSimplePaths(view, p, r, 3);
    REQUIRE(paths.size() == 3);  // the two direct relations are one path
    CHECK(paths[0].hops.size() == 1);
    CHECK(paths[1].hops.size() == 2);
    CHECK(paths[2].hops.size() == 2);
    CHECK(AllSimplePaths(view, p, r, 1).size() == 1);
    CHECK(AllSimplePaths(view, p, r, 3, 2).size() == 2);
    Subgraph subgraph = PathsSubgraph(store, paths);
    CHECK(subgraph.entities.size() == 4);
    CHECK(subgraph.relations.size() == 5);
  }
}

}  // namespace kg::graph
