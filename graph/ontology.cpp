// SPDX-License-Identifier: MIT
#include "graph/ontology.h"

#include <algorithm>
#include <array>

namespace kg::graph {
namespace {

constexpr std::array<std::string_view, 7> kEntityTypes = {"Company", "Person",  "Model", "Chip",
                                                          "Amount",  "Product", "Place"};

const std::vector<RelationType>& Table() {
  static const std::vector<RelationType> table = {
      {"invests", {"Company"}, {"Amount"}, false, "commits or spends that amount"},
      {"invests_in", {"Company"}, {"Company"}, false, "holds or takes a stake in"},
      {"partners_with", {"Company"}, {"Company"}, true, "partnership, alliance, integration deal"},
      {"competes_with", {"Company"}, {"Company"}, true, "named as rival or competitor"},
      {"develops",
       {"Company"},
       {"Model", "Chip", "Product"},
       false,
       "builds, releases, launches, open-sources"},
      {"subsidiary_of", {"Company"}, {"Company"}, false, "division, arm, unit or subsidiary of"},
      {"ceo_of", {"Person"}, {"Company"}, false, "chief executive"},
      {"founder_of", {"Person"}, {"Company"}, false, "founder or co-founder"},
      {"chairman_of", {"Person"}, {"Company"}, false, "chair of the board"},
      {"works_for", {"Person"}, {"Company"}, false, "any other named role"},
      {"outperforms", {"Model"}, {"Model"}, false, "claimed to beat on benchmarks"},
      {"has_parameters", {"Model"}, {"Amount"}, false, "model size"},
      {"reports_revenue", {"Company"}, {"Amount"}, false, "revenue for a period"},
      {"reports_net_income", {"Company"}, {"Amount"}, false, "net income for a period"},
      {"uses",
       {"Company", "Product"},
       {"Chip", "Model", "Product", "Company"},
       false,
       "relies on, integrates, runs on, buys from"},
      {"located_in",
       {"Company"},
       {"Place"},
       false,
       "headquartered, listed or builds facilities in"},
      {"equals", {"Amount"}, {"Amount"}, true, "the text states two amounts are the same figure"},
  };
  return table;
}

}  // namespace

std::span<const std::string_view> EntityTypes() { return kEntityTypes; }

std::span<const RelationType> RelationTypes() { return Table(); }

const RelationType* FindRelationType(std::string_view name) {
  for (const RelationType& type : Table()) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

bool IsKnownEntityType(std::string_view type) {
  return std::find(kEntityTypes.begin(), kEntityTypes.end(), type) != kEntityTypes.end();
}

bool IsSymmetric(std::string_view relation_type) {
  const RelationType* type = FindRelationType(relation_type);
  return type != nullptr && type->symmetric;
}

}  // namespace kg::graph
