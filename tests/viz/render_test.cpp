// SPDX-License-Identifier: MIT
#include "viz/render.h"

#include <doctest/doctest.h>

#include <string>

#include "graph/error.h"
#include "graph/names.h"
#include "viz/selection.h"

namespace kg::viz {
namespace {

graph::Entity Make(graph::EntityId id, std::string name, std::string type) {
  graph::Entity entity;
  entity.id = id;
  entity.name = std::move(name);
  entity.type = std::move(type);
  entity.aliases = {entity.name};
  return entity;
}

graph::Relation Link(graph::RelationId id, graph::EntityId subject, std::string type,
                     graph::EntityId object, double confidence = 0.8) {
  graph::Relation relation;
  relation.id = id;
  relation.subject = subject;
  relation.type = std::move(type);
  relation.object = object;
  relation.confidence = confidence;
  return relation;
}

graph::Subgraph SmallGraph() {
  graph::Subgraph subgraph;
  subgraph.description = "a small test graph";
  subgraph.entities = {Make(1, "Alibaba Group", "Company"), Make(2, "Apple", "Company"),
                       Make(3, "Eddie Wu", "Person"), Make(4, "Qwen3-Max", "Model"),
                       Make(5, "$53 billion", "Amount")};
  subgraph.entities[4].value = 53e9;
  subgraph.entities[4].unit = "USD";
  subgraph.entities[0].ticker = "BABA";
  subgraph.relations = {Link(10, 1, "partners_with", 2, 0.9), Link(11, 3, "ceo_of", 1, 0.7),
                        Link(12, 1, "develops", 4, 0.6), Link(13, 1, "invests", 5, 0.95)};
  return subgraph;
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

// What an XML parser would reject first: raw control characters and '&'
// that does not start an entity. (The e2e tests parse the SVG with expat.)
std::string XmlTextProblem(const std::string& svg) {
  for (std::size_t pos = 0; pos < svg.size(); ++pos) {
    auto c = static_cast<unsigned char>(svg[pos]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
      return "control byte at " + std::to_string(pos);
    }
    if (c == '&') {
      std::size_t end = svg.find(';', pos);
      std::string entity = svg.substr(pos, end == std::string::npos ? 8 : end - pos + 1);
      bool known = entity == "&amp;" || entity == "&lt;" || entity == "&gt;" ||
                   entity == "&quot;" || entity == "&apos;" || entity.rfind("&#", 0) == 0;
      if (!known || entity.size() > 10) return "bad entity " + entity;
    }
  }
  return {};
}

RenderOptions Fixed(ImageFormat format = ImageFormat::kSvg) {
  RenderOptions options;
  options.format = format;
  options.timestamp = "2026-01-01 00:00 UTC";
  return options;
}

}  // namespace

TEST_SUITE("viz/render") {
  TEST_CASE("an SVG has one node group per entity and one edge group per relation") {
    graph::Subgraph subgraph = SmallGraph();
    std::string svg = Render(subgraph, Fixed());
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(Count(svg, "<g id=\"node") == subgraph.entities.size());
    CHECK(Count(svg, "<g id=\"edge") == subgraph.relations.size());
    CHECK(svg.find("a small test graph") != std::string::npos);
    CHECK(svg.find("00:00 UTC") != std::string::npos);  // Graphviz writes - as &#45;
    CHECK(XmlTextProblem(svg).empty());
  }

  TEST_CASE("amounts are labelled with their formatted value and relations with their type") {
    std::string svg = Render(SmallGraph(), Fixed());
    CHECK(svg.find(">" + graph::FormatAmount(53e9, "USD") + "<") != std::string::npos);
    CHECK(svg.find(">partners_with<") != std::string::npos);
    CHECK(svg.find(">(BABA)<") != std::string::npos);
  }

  TEST_CASE("the legend names each entity type drawn") {
    std::string svg = Render(SmallGraph(), Fixed());
    for (const char* type : {"Company", "Person", "Model", "Amount"}) {
      CHECK_MESSAGE(svg.find(std::string(">") + type + " (") != std::string::npos, type);
    }
  }

  TEST_CASE("symmetric relations are drawn without arrowheads") {
    graph::Subgraph subgraph = SmallGraph();
    std::string svg = Render(subgraph, Fixed());
    auto edge_group = [&](const std::string& title) {
      std::size_t start = svg.find("<title>" + title + "</title>");
      REQUIRE(start != std::string::npos);
      return svg.substr(start, svg.find("</g>", start) - start);
    };
    CHECK(edge_group("n1&#45;&gt;n2").find("<polygon") == std::string::npos);
    CHECK(edge_group("n3&#45;&gt;n1").find("<polygon") != std::string::npos);
  }

  TEST_CASE("hostile names cannot break the picture and show literally") {
    graph::Subgraph subgraph;
    const std::vector<std::string> names = {
        "Quote \" and ]; } {", "Back\\slash\\",   "\\N \\G \\L \\n", "<b>tag</b> & AT&amp;T",
        "new\nline\r\ttab",    "ctl\x01\x1f\x7f", "bad\xff\xfeutf8", "\"]; n9 -> n9 [label=\"x"};
    for (std::size_t i = 0; i < names.size(); ++i) {
      subgraph.entities.push_back(Make(static_cast<graph::EntityId>(i + 1), names[i], "Company"));
    }
    subgraph.relations = {Link(1, 1, "partners_with", 2), Link(2, 3, "uses\\N<&>", 4)};
    subgraph.description = "title with <tags> & \\G and \x02";
    std::string svg = Render(subgraph, Fixed());
    CHECK(Count(svg, "<g id=\"node") == names.size());
    CHECK(Count(svg, "<g id=\"edge") == 2);
    CHECK(XmlTextProblem(svg).empty());
    CHECK(svg.find("Back\\slash\\") != std::string::npos);
    CHECK(svg.find("\\N \\G \\L \\n") != std::string::npos);
    CHECK(svg.find("&lt;b&gt;tag&lt;/b&gt; &amp; AT&amp;amp;T") != std::string::npos);
    CHECK(svg.find("\xEF\xBF\xBD") != std::string::npos);  // invalid UTF-8 shown as U+FFFD
    CHECK(svg.find("title with &lt;tags&gt; &amp; \\G") != std::string::npos);
  }

  TEST_CASE("PNG and PDF output carry their signatures") {
    std::string png = Render(SmallGraph(), Fixed(ImageFormat::kPng));
    REQUIRE(png.size() > 1000);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    std::string pdf = Render(SmallGraph(), Fixed(ImageFormat::kPdf));
    REQUIRE(pdf.size() > 500);
    CHECK(pdf.substr(0, 5) == "%PDF-");
  }

  TEST_CASE("every layout engine draws the small graph") {
    for (Layout layout :
         {Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp, Layout::kCirco}) {
      RenderOptions options = Fixed();
      options.layout = layout;
      std::string svg = Render(SmallGraph(), options);
      CHECK_MESSAGE(Count(svg, "<g id=\"node") == 5, LayoutName(layout));
    }
  }

  TEST_CASE("an empty subgraph still renders a titled picture") {
    graph::Subgraph empty;
    empty.description = "nothing matched";
    std::string svg = Render(empty, Fixed());
    CHECK(Count(svg, "<g id=\"node") == 0);
    CHECK(svg.find("nothing matched") != std::string::npos);
  }

  TEST_CASE("a large graph is cut to the most connected entities and says so") {
    graph::Subgraph star;
    star.entities.push_back(Make(1, "Hub", "Company"));
    for (graph::EntityId id = 2; id <= 300; ++id) {
      star.entities.push_back(Make(id, "Leaf " + std::to_string(id), "Person"));
      star.relations.push_back(Link(id, id, "works_for", 1));
    }
    RenderOptions options = Fixed();
    options.max_nodes = 40;
    std::string svg = Render(star, options);
    CHECK(Count(svg, "<g id=\"node") == 40);
    CHECK(svg.find(">Hub<") != std::string::npos);
    CHECK(svg.find("left out: 260 entities and 260 relations") != std::string::npos);
  }
}

TEST_SUITE("viz/selection") {
  TEST_CASE("weak relations are dropped and counted") {
    SelectionOptions options;
    options.min_confidence = 0.75;
    graph::Subgraph selected = SelectForDrawing(SmallGraph(), options);
    CHECK(selected.relations.size() == 2);
    CHECK(selected.omitted_relations == 2);
    CHECK(selected.entities.size() == 5);
  }

  TEST_CASE("given centrality scores decide which entities stay") {
    std::unordered_map<graph::EntityId, double> scores = {{4, 10}, {5, 9}, {1, 0.1}};
    SelectionOptions options;
    options.max_nodes = 2;
    options.centrality = &scores;
    graph::Subgraph selected = SelectForDrawing(SmallGraph(), options);
    REQUIRE(selected.entities.size() == 2);
    CHECK(selected.entities[0].id == 4);
    CHECK(selected.entities[1].id == 5);
    CHECK(selected.relations.empty());
    CHECK(selected.omitted_entities == 3);
    CHECK(selected.omitted_relations == 4);
  }

  TEST_CASE("relations to entities outside the subgraph are dropped") {
    graph::Subgraph subgraph = SmallGraph();
    subgraph.relations.push_back(Link(99, 1, "uses", 42));
    graph::Subgraph selected = SelectForDrawing(subgraph, {});
    CHECK(selected.relations.size() == 4);
  }
}

TEST_SUITE("viz/options") {
  TEST_CASE("formats come from file extensions in any case") {
    CHECK(FormatFromPath("out/graph.svg") == ImageFormat::kSvg);
    CHECK(FormatFromPath("GRAPH.PNG") == ImageFormat::kPng);
    CHECK(FormatFromPath("a.b.pdf") == ImageFormat::kPdf);
    CHECK_FALSE(FormatFromPath("graph.gif").has_value());
    CHECK_FALSE(FormatFromPath("graph").has_value());
  }

  TEST_CASE("layout names parse and print back") {
    for (std::string_view name : {"auto", "dot", "neato", "fdp", "sfdp", "circo"}) {
      REQUIRE(ParseLayout(name).has_value());
      CHECK(LayoutName(*ParseLayout(name)) == name);
    }
    CHECK_FALSE(ParseLayout("twopi-ish").has_value());
  }

  TEST_CASE("automatic layout moves from dot to neato to sfdp as graphs grow") {
    CHECK(ChooseLayout(10, 20) == Layout::kDot);
    CHECK(ChooseLayout(100, 200) == Layout::kNeato);
    CHECK(ChooseLayout(151, 10) == Layout::kSfdp);
  }
}

}  // namespace kg::viz
