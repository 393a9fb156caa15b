// SPDX-License-Identifier: MIT
#include <memory>

#include "cli/command.h"
#include "cli/graph_scope.h"
#include "cli/output_file.h"
#include "graph/centrality.h"
#include "graph/error.h"
#include "graph/graph_view.h"
#include "viz/render.h"

namespace kg::cli {
namespace {

struct RenderCommandOptions {
  std::string output;
  std::string format;  // overrides the extension of `output`
  std::string layout = "auto";
  std::string edge_labels = "auto";
  std::string title;
  std::size_t max_nodes = 150;
  double min_confidence = 0;
  ScopeOptions scope;
};

}  // namespace

RunFunction AddRender(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<RenderCommandOptions>();
  app.add_option("-o,--output", options->output,
                 "picture file; .svg, .png or .pdf chooses the format ('-': standard output)")
      ->required();
  app.add_option("--format", options->format, "svg, png or pdf (default: from the file name)")
      ->check(CLI::IsMember({"svg", "png", "pdf"}));
  app.add_option("--layout", options->layout,
                 "dot, neato, fdp, sfdp, circo, or auto (by size: dot, neato, then sfdp)")
      ->check(CLI::IsMember({"auto", "dot", "neato", "fdp", "sfdp", "circo"}));
  AddScopeOptions(app, options->scope);
  app.add_option("--max-nodes", options->max_nodes,
                 "draw at most this many entities, the most central (default 150; 0: all)");
  app.add_option("--min-confidence", options->min_confidence, "leave out weaker relations")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--edge-labels", options->edge_labels,
                 "auto (while at most 400 edges), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--title", options->title, "title (default: what was selected)");

  return [&global, options]() -> int {
    viz::RenderOptions render;
    std::string format_source = options->format.empty() ? options->output : "." + options->format;
    std::optional<viz::ImageFormat> format = viz::FormatFromPath(format_source);
    if (!format) {
      throw Error(ErrorCode::kUsage, "cannot tell the picture format from '" + options->output +
                                         "': use a .svg, .png or .pdf name or --format");
    }
    render.format = *format;
    render.layout = *viz::ParseLayout(options->layout);
    render.max_nodes = options->max_nodes;
    render.min_confidence = options->min_confidence;
    render.title = options->title;
    render.edge_labels = options->edge_labels == "always"  ? viz::EdgeLabels::kAlways
                         : options->edge_labels == "never" ? viz::EdgeLabels::kNever
                                                           : viz::EdgeLabels::kAuto;
    // Check the destination before the work, so a bad -o fails fast.
    OutputFile output(options->output, global.db_path);
    graph::Store store = OpenStoreForReading(global);
    std::optional<graph::Subgraph> scope = SelectScope(store, options->scope);
    graph::Subgraph subgraph = scope ? std::move(*scope) : WholeGraph(store);
    if (!scope && render.max_nodes > 0 && subgraph.entities.size() > render.max_nodes) {
      // Cutting the whole graph: keep what matters globally (PageRank), not
      // merely what has many relations.
      graph::GraphView view = graph::GraphView::Load(store);
      for (const graph::Score& score : graph::PageRank(view)) {
        render.centrality[score.entity] = score.score;
      }
    }
    std::string image = viz::Render(subgraph, render);
    output.stream().write(image.data(), static_cast<std::streamsize>(image.size()));
    output.Commit();
    return 0;
  };
}

}  // namespace kg::cli
