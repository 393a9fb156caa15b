// SPDX-License-Identifier: MIT
#include "graph/graph_view.h"

#include <doctest/doctest.h>

#include "tests/graph/graph_fixture.h"

namespace kg::graph {

TEST_SUITE("graph/graph_view") {
  TEST_CASE("a view holds every entity and the relations that pass its options") {
    Store store = testing::MakeFixtureStore({{"A"}, {"B"}, {"Q", "Model"}, {"Alone"}},
                                            {{"A", "partners_with", "B", 0.9},
                                             {"A", "develops", "Q", 0.4},
                                             {"B", "invests_in", "A", 0.8}});
    GraphView view = GraphView::Load(store);
    EntityId a = testing::IdOf(store, "A");
    CHECK(view.entity_count() == 4);
    CHECK(view.relation_count() == 3);
    CHECK(view.NameOf(a) == "A");
    CHECK(view.TypeOf(testing::IdOf(store, "Q")) == "Model");
    CHECK(view.DegreeOf(a) == 3);
    CHECK(view.NeighborsOf(a).size() == 2);
    CHECK(view.RelationsOf(a).size() == 3);
    CHECK(view.Contains(testing::IdOf(store, "Alone")));
    CHECK_FALSE(view.Contains(424242));
    CHECK(view.NameOf(424242).empty());

    GraphViewOptions confident;
    confident.min_confidence = 0.5;
    CHECK(GraphView::Load(store, confident).relation_count() == 2);
    GraphViewOptions partners;
    partners.relation_types = {"partners_with"};
    GraphView partner_view = GraphView::Load(store, partners);
    CHECK(partner_view.relation_count() == 1);
    CHECK(partner_view.entity_count() == 4);
  }
}

}  // namespace kg::graph
