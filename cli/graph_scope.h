// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "graph/model.h"
#include "graph/store.h"

/// The part of the graph `kg render` and `kg export` work on: a query's
/// answer, an entity's neighbourhood, or everything.
namespace kg::cli {

struct ScopeOptions {
  std::string query;  // --query 'PATTERN'
  std::string focus;  // --focus ENTITY
  int depth = 1;      // --depth K, with --focus
};

/// Declares --query, --focus and --depth on `app`.
void AddScopeOptions(CLI::App& app, ScopeOptions& scope);

/// The selected subgraph, or nullopt when no scope option was given (the
/// whole graph). Throws kg::Error(kNotFound) for an unknown focus entity and
/// whatever the query throws for a bad pattern.
std::optional<graph::Subgraph> SelectScope(const graph::Store& store, const ScopeOptions& scope);

/// Every entity and relation of the store, described as "the whole graph".
graph::Subgraph WholeGraph(const graph::Store& store);

}  // namespace kg::cli
