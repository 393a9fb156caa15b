// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

/// How each entity type looks, so a picture reads at a glance.
namespace kg::viz::detail {

struct TypeStyle {
  std::string_view shape;      // Graphviz node shape
  std::string_view fillcolor;  // pastel, so black labels stay readable
};

/// The style of an entity type; unknown (user-defined) types share a grey oval.
TypeStyle StyleFor(std::string_view entity_type);

/// Graphviz label text for a plain (non-HTML) label showing `text` exactly:
/// invalid UTF-8 and U+FFFE/U+FFFF become U+FFFD, control characters become
/// spaces, `\` is doubled (Graphviz reads \N \G \L \n ... in labels), `&`
/// becomes &amp; (Graphviz decodes entities in labels), and text longer than
/// `max_characters` code points is cut with an ellipsis.
std::string PlainLabel(std::string_view text, std::size_t max_characters = 60);

/// Text for inside an HTML-like label: XML-escaped, with the same
/// replacements and cut as PlainLabel.
std::string HtmlText(std::string_view text, std::size_t max_characters = 200);

}  // namespace kg::viz::detail
