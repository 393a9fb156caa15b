// SPDX-License-Identifier: MIT
#include "query/resolve.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "graph/error.h"
#include "graph/names.h"

namespace kg::query {
namespace {

bool Contains(std::span<const std::string_view> types, std::string_view type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool HasWord(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    bool starts = at == 0 || text[at - 1] == ' ';
    bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// Built by appending: "'" + std::string(...) makes GCC 12 warn falsely (-Wrestrict).
std::string Quoted(std::string_view name) {
  std::string quoted = "'";
  quoted += name;
  quoted += '\'';
  return quoted;
}

// "position N: " when the name came from a query, so the message points at it.
std::string Where(long position) {
  return position < 0 ? "" : "position " + std::to_string(position) + ": ";
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t size_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (size_gap > limit) return limit + 1;
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t column = 0; column <= b.size(); ++column) previous[column] = column;
  for (std::size_t row = 1; row <= a.size(); ++row) {
    current[0] = row;
    std::size_t row_best = current[0];
    for (std::size_t column = 1; column <= b.size(); ++column) {
      std::size_t substitution = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1);
      current[column] = std::min({previous[column] + 1, current[column - 1] + 1, substitution});
      row_best = std::min(row_best, current[column]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::vector<std::string> SuggestNames(const graph::Store& store, std::string_view name,
                                      std::size_t max_count) {
  std::string key = graph::NormalizeKey(name);
  if (key.empty()) return {};
  std::size_t limit = std::max<std::size_t>(1, key.size() / 3);
  // Best score per entity: 0 prefix, 1 shared word, 2 + edit distance otherwise.
  std::unordered_map<graph::EntityId, std::size_t> best;
  for (const auto& [id, alias] : store.AllNames()) {
    std::string alias_key = graph::NormalizeKey(alias);
    if (alias_key.empty()) continue;
    std::size_t score;
    if (alias_key.starts_with(key) || key.starts_with(alias_key)) {
      score = 0;
    } else if (HasWord(alias_key, key) || HasWord(key, alias_key)) {
      score = 1;
    } else {
      std::size_t distance = EditDistance(key, alias_key, limit);
      if (distance > limit) continue;
      score = 2 + distance;
    }
    auto [entry, inserted] = best.emplace(id, score);
    if (!inserted) entry->second = std::min(entry->second, score);
  }
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [id, score] : best) {
    if (auto entity = store.GetEntity(id)) ranked.emplace_back(score, entity->name);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> names;
  for (auto& [score, entity_name] : ranked) {
    if (std::find(names.begin(), names.end(), entity_name) != names.end()) continue;
    names.push_back(std::move(entity_name));
    if (names.size() == max_count) break;
  }
  return names;
}

graph::Entity ResolveEntity(const graph::Store& store, std::string_view name,
                            std::span<const std::string_view> allowed_types, long position) {
  // Names and aliases through their indexes first; tickers only when they fail.
  std::vector<graph::Entity> candidates = store.FindEntitiesByKey(name);
  if (candidates.empty()) candidates = store.FindEntities(name);
  if (candidates.empty()) {
    std::string message = Where(position) + "no entity named " + Quoted(name);
    std::vector<std::string> suggestions = SuggestNames(store, name);
    if (!suggestions.empty()) {
      message += "; did you mean: ";
      for (std::size_t index = 0; index < suggestions.size(); ++index) {
        message += (index == 0 ? "" : ", ") + suggestions[index];
      }
      message += "?";
    }
    throw Error(ErrorCode::kNotFound, message, position);
  }
  if (!allowed_types.empty()) {
    std::vector<graph::Entity> typed;
    for (const graph::Entity& entity : candidates) {
      if (Contains(allowed_types, entity.type)) typed.push_back(entity);
    }
    if (!typed.empty()) candidates = std::move(typed);
  }
  if (candidates.size() == 1) return candidates.front();
  std::vector<const graph::Entity*> exact;
  for (const graph::Entity& entity : candidates) {
    if (EqualsIgnoringAsciiCase(entity.name, name) ||
        (!entity.ticker.empty() && entity.ticker == name)) {
      exact.push_back(&entity);
    }
  }
  if (exact.size() == 1) return *exact.front();
  std::string message = Where(position) + Quoted(name) + " is ambiguous: ";
  for (std::size_t index = 0; index < candidates.size() && index < 8; ++index) {
    message +=
        (index == 0 ? "" : ", ") + candidates[index].name + " (" + candidates[index].type + ")";
  }
  message += "; quote the full name or add a type, e.g. \"" + candidates.front().name +
             "\":" + candidates.front().type;
  throw Error(ErrorCode::kInvalidInput, message, position);
}

}  // namespace kg::query
