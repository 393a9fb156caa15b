// SPDX-License-Identifier: MIT
#include <array>

#include "graph/io/writers.h"

namespace kg::graph::io {
namespace {

// In ExportFormat order.
constexpr std::array<std::string_view, 8> kNames = {"jsonl", "entities",  "dot", "graphml",
                                                    "json",  "cytoscape", "csv", "ntriples"};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<ExportFormat>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> ExportFormatNames() { return kNames; }

}  // namespace kg::graph::io
