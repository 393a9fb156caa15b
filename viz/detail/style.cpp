// SPDX-License-Identifier: MIT
#include "viz/detail/style.h"

#include <array>
#include <utility>

#include "graph/io/text_escape.h"

namespace kg::viz::detail {
namespace {

constexpr std::array<std::pair<std::string_view, TypeStyle>, 7> kStyles = {{
    {"Company", {"box", "#aec7e8"}},
    {"Person", {"ellipse", "#ffbb78"}},
    {"Model", {"hexagon", "#98df8a"}},
    {"Chip", {"box3d", "#c5b0d5"}},
    {"Amount", {"note", "#fff2a8"}},
    {"Product", {"tab", "#f7b6d2"}},
    {"Place", {"house", "#9edae5"}},
}};

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Valid UTF-8, no control characters, at most `max_characters` code points.
std::string Clean(std::string_view text, std::size_t max_characters) {
  std::string valid;
  graph::io::AppendValidUtf8(valid, text);
  std::string clean;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < valid.size();) {
    auto lead = static_cast<unsigned char>(valid[pos]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (characters == max_characters) {
      clean += kEllipsis;
      break;
    }
    std::string_view code_point(valid.data() + pos, length);
    if (lead < 0x20 || lead == 0x7F) {
      clean += ' ';
    } else if (code_point == "\xEF\xBF\xBE" || code_point == "\xEF\xBF\xBF") {
      clean += "\xEF\xBF\xBD";
    } else {
      clean += code_point;
    }
    ++characters;
    pos += length;
  }
  return clean;
}

}  // namespace

TypeStyle StyleFor(std::string_view entity_type) {
  for (const auto& [type, style] : kStyles) {
    if (type == entity_type) return style;
  }
  return {"oval", "#dddddd"};
}

std::string PlainLabel(std::string_view text, std::size_t max_characters) {
  std::string label;
  for (char c : Clean(text, max_characters)) {
    if (c == '\\') {
      label += "\\\\";
    } else if (c == '&') {
      label += "&amp;";
    } else {
      label += c;
    }
  }
  return label;
}

std::string HtmlText(std::string_view text, std::size_t max_characters) {
  std::string html;
  graph::io::AppendXmlEscaped(html, Clean(text, max_characters));
  // Graphviz expands \G, \N ... in HTML-like labels too; a doubled backslash is one.
  std::string escaped;
  for (char c : html) {
    if (c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace kg::viz::detail
