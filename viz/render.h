// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "graph/model.h"

/// Pictures of the graph: graph::Subgraph in, SVG/PNG/PDF bytes out, drawn by
/// the Graphviz library (cgraph + gvc, in process, no `dot` subprocess).
namespace kg::viz {

enum class ImageFormat { kSvg, kPng, kPdf };

/// Graphviz layout engines; kAuto picks by size (ChooseLayout).
enum class Layout { kAuto, kDot, kNeato, kFdp, kSfdp, kCirco };

/// Whether relations carry their type as an edge label.
enum class EdgeLabels { kAuto, kAlways, kNever };

struct RenderOptions {
  ImageFormat format = ImageFormat::kSvg;
  Layout layout = Layout::kAuto;
  /// Above this many entities only the most central are drawn (0: no cap).
  std::size_t max_nodes = 150;
  /// Relations below this confidence are left out.
  double min_confidence = 0;
  /// Scores for choosing the most central entities; when empty, the degree
  /// within the subgraph decides.
  std::unordered_map<graph::EntityId, double> centrality;
  /// kAuto labels edges while there are at most kMaxLabelledEdges of them.
  EdgeLabels edge_labels = EdgeLabels::kAuto;
  std::string title;      // default: the subgraph's description
  std::string timestamp;  // shown as "drawn <timestamp>"; default: now, UTC
  bool legend = true;
};

inline constexpr std::size_t kMaxLabelledEdges = 400;

/// Draws `subgraph` and returns the image bytes. Styles by entity type (shape
/// and colour), labels Amounts with graph::FormatAmount, widens edges by
/// confidence, draws symmetric relations without arrowheads, and titles the
/// picture with the description, the time and what was left out. Every label
/// is escaped so that no name can break the DOT model or the SVG. Throws
/// kg::Error(kRender) when Graphviz fails. Not thread-safe: Graphviz keeps
/// global state.
std::string Render(const graph::Subgraph& subgraph, const RenderOptions& options = {});

/// The format named by a file name's extension (.svg, .png, .pdf; any case).
std::optional<ImageFormat> FormatFromPath(std::string_view path);

/// "dot", "neato", "fdp", "sfdp", "circo" or "auto".
std::optional<Layout> ParseLayout(std::string_view name);
std::string_view LayoutName(Layout layout);

/// The engine kAuto uses for a graph of this size: dot while small enough to
/// read as a hierarchy and fast (<= 30 entities, <= 60 relations), neato up
/// to 150 entities, sfdp above.
Layout ChooseLayout(std::size_t entities, std::size_t relations);

}  // namespace kg::viz
