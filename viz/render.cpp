// SPDX-License-Identifier: MIT
#include "viz/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>

#include "graph/error.h"
#include "graph/names.h"
#include "graph/ontology.h"
#include "viz/detail/style.h"
#include "viz/selection.h"

// LeakSanitizer reads this hook at exit. Graphviz 2.42 leaks in its HTML-label
// parser and text measuring (gvc), its pango plugin and fontconfig caches;
// those are not ours to fix. cgraph (graph objects) is deliberately not listed,
// so a graph we forget to close still shows.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libgvplugin_pango.so\n"
         "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libcairo.so\n";
}

namespace kg::viz {
namespace {

using detail::HtmlText;
using detail::PlainLabel;

// Graphviz reports through a global callback; collect while one render runs.
std::string* g_graphviz_messages = nullptr;

int CollectGraphvizMessage(char* message) {
  if (g_graphviz_messages != nullptr && message != nullptr) *g_graphviz_messages += message;
  return 0;
}

class MessageCapture {
 public:
  MessageCapture() {
    g_graphviz_messages = &messages_;
    previous_ = agseterrf(CollectGraphvizMessage);
  }
  ~MessageCapture() {
    agseterrf(previous_);
    g_graphviz_messages = nullptr;
  }
  const std::string& messages() const { return messages_; }

 private:
  std::string messages_;
  agusererrf previous_ = nullptr;
};

// One Graphviz context for the life of the process, never freed: the pango
// plugin of Graphviz 2.42 caches a pointer to the last font name, which lives
// in the context; after gvFreeContext the next context reads freed memory
// (found by ASan). Reusing it also saves loading the plugins per picture.
GVC_t* SharedContext() {
  static GVC_t* const context = gvContext();
  return context;
}
struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

// agsafeset and friends take char*; Graphviz copies the strings.
void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

void SetHtml(Agraph_t* graph, void* object, const char* name, const std::string& html) {
  char* label = agstrdup_html(graph, const_cast<char*>(html.c_str()));
  agsafeset(object, const_cast<char*>(name), label, const_cast<char*>(""));
  agstrfree(graph, label);
}

std::string Fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string NowUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
  return buffer;
}

std::string NodeLabel(const graph::Entity& entity) {
  if (entity.type == "Amount" && entity.value) {
    return PlainLabel(graph::FormatAmount(*entity.value, entity.unit));
  }
  std::string label = PlainLabel(entity.name);
  if (!entity.ticker.empty()) label += "\\n(" + PlainLabel(entity.ticker, 12) + ")";
  return label;
}

// The title block: what was drawn, when, what was left out, and the legend.
std::string TitleHtml(const graph::Subgraph& drawn, const RenderOptions& options,
                      std::string_view layout, bool edge_labels) {
  std::string title = !options.title.empty()       ? options.title
                      : !drawn.description.empty() ? drawn.description
                                                   : std::string("kg graph");
  std::map<std::string, std::size_t> type_counts;
  for (const graph::Entity& entity : drawn.entities) ++type_counts[entity.type];
  std::size_t columns = std::max<std::size_t>(1, type_counts.size());
  std::string span = "<TD COLSPAN=\"" + std::to_string(columns) + "\">";

  std::string html = "<TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">";
  html += "<TR>" + span + "<FONT POINT-SIZE=\"18\">" + HtmlText(title) + "</FONT></TD></TR>";
  std::string facts = std::to_string(drawn.entities.size()) + " entities, " +
                      std::to_string(drawn.relations.size()) + " relations; drawn " +
                      (options.timestamp.empty() ? NowUtc() : options.timestamp) + " (" +
                      std::string(layout) + ")";
  html += "<TR>" + span + HtmlText(facts) + "</TD></TR>";
  if (drawn.omitted_entities > 0 || drawn.omitted_relations > 0) {
    std::string left_out = "left out: " + std::to_string(drawn.omitted_entities) +
                           " entities and " + std::to_string(drawn.omitted_relations) +
                           " relations (size cap keeps the most central; --max-nodes, " +
                           "--min-confidence)";
    html += "<TR>" + span + "<FONT COLOR=\"#b22222\">" + HtmlText(left_out) + "</FONT></TD></TR>";
  }
  if (options.legend && !type_counts.empty()) {
    html += "<TR>";
    for (const auto& [type, count] : type_counts) {
      detail::TypeStyle style = detail::StyleFor(type);
      html += "<TD BORDER=\"1\" BGCOLOR=\"" + std::string(style.fillcolor) + "\">" +
              HtmlText(type, 40) + " (" + std::to_string(count) + ", " + std::string(style.shape) +
              ")</TD>";
    }
    html += "</TR><TR>" + span +
            HtmlText(std::string("edges: thicker = more confident; no arrowhead = symmetric") +
                     (edge_labels ? "" : "; relation labels hidden (too many edges)")) +
            "</TD></TR>";
  }
  html += "</TABLE>";
  return html;
}

const char* GraphvizFormat(ImageFormat format) {
  switch (format) {
    case ImageFormat::kSvg:
      return "svg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kPdf:
      return "pdf";
  }
  return "svg";
}

}  // namespace

Layout ChooseLayout(std::size_t entities, std::size_t relations) {
  if (entities <= 30 && relations <= 60) return Layout::kDot;
  if (entities <= 150) return Layout::kNeato;
  return Layout::kSfdp;
}

std::string Render(const graph::Subgraph& subgraph, const RenderOptions& options) {
  SelectionOptions selection;
  selection.max_nodes = options.max_nodes;
  selection.min_confidence = options.min_confidence;
  selection.centrality = &options.centrality;
  graph::Subgraph drawn = SelectForDrawing(subgraph, selection);

  Layout layout = options.layout == Layout::kAuto
                      ? ChooseLayout(drawn.entities.size(), drawn.relations.size())
                      : options.layout;
  bool edge_labels =
      options.edge_labels == EdgeLabels::kAlways ||
      (options.edge_labels == EdgeLabels::kAuto && drawn.relations.size() <= kMaxLabelledEdges);
  bool huge = drawn.entities.size() > 1000;

  MessageCapture capture;
  GVC_t* context = SharedContext();
  if (context == nullptr) throw Error(ErrorCode::kRender, "Graphviz: cannot create a context");
  std::unique_ptr<Agraph_t, GraphDeleter> graph(
      agopen(const_cast<char*>("kg"), Agdirected, nullptr));
  Agraph_t* g = graph.get();

  Set(g, "fontname", "Helvetica");
  Set(g, "labelloc", "t");
  Set(g, "bgcolor", "white");
  Set(g, "pad", "0.3");
  Set(g, "outputorder", "edgesfirst");
  if (layout != Layout::kDot && layout != Layout::kCirco) {
    // Without overlap removal force-directed layouts pile labels on each
    // other; prism is the tidiest but costs seconds beyond ~1,000 nodes.
    // Straight edges: spline routing around nodes (splines=true) takes 16 s
    // for 150 nodes with neato, against 0.4 s for straight lines.
    Set(g, "overlap", huge ? "scale" : "prism");
    Set(g, "splines", "false");
    Set(g, "sep", "+6");
  } else {
    Set(g, "rankdir", "LR");
    Set(g, "nodesep", "0.3");
  }
  SetHtml(g, g, "label", TitleHtml(drawn, options, LayoutName(layout), edge_labels));
  agattr(g, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(g, AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.08,0.04"));
  agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("8"));
  agattr(g, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#555555"));
  agattr(g, AGEDGE, const_cast<char*>("fontcolor"), const_cast<char*>("#333333"));
  agattr(g, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.6"));

  std::map<graph::EntityId, Agnode_t*> nodes;
  for (const graph::Entity& entity : drawn.entities) {
    std::string name = "n";  // appended, not "n" + ...: GCC 12 -O2 warns falsely (-Wrestrict)
    name += std::to_string(entity.id);
    Agnode_t* node = agnode(g, name.data(), 1);
    nodes[entity.id] = node;
    detail::TypeStyle style = detail::StyleFor(entity.type);
    Set(node, "shape", std::string(style.shape));
    Set(node, "fillcolor", std::string(style.fillcolor));
    Set(node, "label", NodeLabel(entity));
    Set(node, "tooltip", PlainLabel(entity.type + ": " + entity.name, 200));
  }
  for (const graph::Relation& relation : drawn.relations) {
    std::string name = "r";
    name += std::to_string(relation.id);
    Agedge_t* edge =
        agedge(g, nodes.at(relation.subject), nodes.at(relation.object), name.data(), 1);
    if (edge_labels) Set(edge, "label", PlainLabel(relation.type, 40));
    double confidence = std::clamp(relation.confidence, 0.0, 1.0);
    Set(edge, "penwidth", Fixed(0.4 + 2.6 * confidence, 2));
    Set(edge, "tooltip",
        PlainLabel(relation.type, 40) + " (confidence " + Fixed(confidence, 2) + ")");
    if (graph::IsSymmetric(relation.type)) Set(edge, "dir", "none");
  }

  std::string engine(LayoutName(layout));
  if (gvLayout(context, g, engine.c_str()) != 0) {
    throw Error(ErrorCode::kRender, "Graphviz " + engine + " layout failed: " + capture.messages());
  }
  char* data = nullptr;
  unsigned int length = 0;
  int rendered = gvRenderData(context, g, GraphvizFormat(options.format), &data, &length);
  std::string bytes;
  if (rendered == 0 && data != nullptr) bytes.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context, g);
  if (rendered != 0 || bytes.empty()) {
    throw Error(ErrorCode::kRender, std::string("Graphviz could not render ") +
                                        GraphvizFormat(options.format) + ": " + capture.messages());
  }
  return bytes;
}

std::optional<ImageFormat> FormatFromPath(std::string_view path) {
  std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string extension(path.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "svg") return ImageFormat::kSvg;
  if (extension == "png") return ImageFormat::kPng;
  if (extension == "pdf") return ImageFormat::kPdf;
  return std::nullopt;
}

std::optional<Layout> ParseLayout(std::string_view name) {
  for (Layout layout :
       {Layout::kAuto, Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp, Layout::kCirco}) {
    if (LayoutName(layout) == name) return layout;
  }
  return std::nullopt;
}

std::string_view LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kAuto:
      return "auto";
    case Layout::kDot:
      return "dot";
    case Layout::kNeato:
      return "neato";
    case Layout::kFdp:
      return "fdp";
    case Layout::kSfdp:
      return "sfdp";
    case Layout::kCirco:
      return "circo";
  }
  return "auto";
}

}  // namespace kg::viz
