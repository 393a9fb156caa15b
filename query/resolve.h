// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/store.h"

/// Names as people type them to entities: aliases, case, tickers, and
/// "did you mean" when nothing matches.
namespace kg::query {

/// Resolves `name` to one entity: canonical name or alias (any case, through
/// the key indexes), else ticker (Store::FindEntities). `allowed_types`
/// narrows the candidates when it leaves at least one (e.g. the subject types a
/// relation allows). Among several, an entity whose canonical name or ticker is
/// exactly `name` wins. Throws kg::Error(kNotFound) for an unknown name,
/// listing the closest names ("did you mean: Alibaba Group, Alibaba Cloud?"),
/// and kg::Error(kInvalidInput) for an ambiguous one, listing the candidates
/// with their types. `position` (a byte offset in the query, or -1) is carried
/// by the error and named in its message.
graph::Entity ResolveEntity(const graph::Store& store, std::string_view name,
                            std::span<const std::string_view> allowed_types = {},
                            long position = -1);

/// Up to `max_count` canonical names of entities whose names are closest to
/// `name`: same normalised prefix, a whole word in common, or a small edit
/// distance; closest first.
std::vector<std::string> SuggestNames(const graph::Store& store, std::string_view name,
                                      std::size_t max_count = 5);

/// Levenshtein distance between two byte strings, or `limit + 1` as soon as it
/// is known to exceed `limit`.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace kg::query
