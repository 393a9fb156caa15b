// SPDX-License-Identifier: MIT
#include "extract/input/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "extract/input/text_decoder.h"

namespace kg::extract {
namespace {

/// Gumbo's allocations, all freed at once. gumbo_destroy_output() recurses
/// once per nesting level, so a page of a million nested tags would overflow
/// the stack; with an arena nothing is freed node by node.
class Arena {
 public:
  static void* Allocate(void* arena, size_t size) {
    return static_cast<Arena*>(arena)->AllocateBytes(size);
  }
  static void Deallocate(void*, void*) {}

 private:
  static constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

  void* AllocateBytes(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > kBlockBytes / 4) {
      blocks_.push_back(std::make_unique<std::max_align_t[]>(size / sizeof(std::max_align_t) + 1));
      return blocks_.back().get();
    }
    if (size > remaining_) {
      blocks_.push_back(
          std::make_unique<std::max_align_t[]>(kBlockBytes / sizeof(std::max_align_t)));
      cursor_ = reinterpret_cast<char*>(blocks_.back().get());
      remaining_ = kBlockBytes;
    }
    void* bytes = cursor_;
    cursor_ += size;
    remaining_ -= size;
    return bytes;
  }

  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
  char* cursor_ = nullptr;
  std::size_t remaining_ = 0;
};

bool IsSkipped(const GumboNode& node) {
  if (node.type == GUMBO_NODE_TEMPLATE) return true;
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  switch (node.v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return gumbo_get_attribute(&node.v.element.attributes, "hidden") != nullptr;
  }
}

/// What an element contributes to the layout of its text.
enum class Layout { kInline, kLineBreak, kCell, kBlock };

Layout LayoutOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BR:
      return Layout::kLineBreak;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Layout::kCell;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return Layout::kBlock;
    default:
      return Layout::kInline;
  }
}

std::string_view AttributeValue(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : std::string_view();
}

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char character) { return std::tolower(character); });
  return lower;
}

std::string OneLine(std::string_view text) {
  std::string line = TidyWhitespace(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

/// Metadata found while walking the whole tree (head included).
struct PageMetadata {
  std::string title;
  std::string og_title;
  std::string meta_published;
  std::string time_published;

  void Visit(const GumboNode& node) {
    const GumboElement& element = node.v.element;
    if (element.tag == GUMBO_TAG_TITLE && title.empty()) {
      std::string text;
      for (unsigned index = 0; index < element.children.length; ++index) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[index]);
        if (child->type == GUMBO_NODE_TEXT) text += child->v.text.text;
      }
      title = OneLine(text);
    } else if (element.tag == GUMBO_TAG_META) {
      std::string key = Lowercase(AttributeValue(element, "property"));
      if (key.empty()) key = Lowercase(AttributeValue(element, "name"));
      if (key.empty()) key = Lowercase(AttributeValue(element, "itemprop"));
      std::string_view content = AttributeValue(element, "content");
      if (content.empty()) return;
      if (key == "og:title" && og_title.empty()) og_title = OneLine(content);
      if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
           key == "pubdate" || key == "publishdate" || key == "dc.date") &&
          meta_published.empty()) {
        meta_published = OneLine(content);
      }
    } else if (element.tag == GUMBO_TAG_TIME && time_published.empty()) {
      time_published = OneLine(AttributeValue(element, "datetime"));
    }
  }
};

/// Gumbo checks element scopes by walking the stack of open elements, so each
/// tag costs time in proportion to the nesting depth: a page of a million
/// nested <div>s takes hours. Before parsing, start and end tags nested deeper
/// than kMaxDepth are left out (their text stays). Elements that close
/// implicitly or hold raw text never count and are never left out.
constexpr int kMaxDepth = 256;

bool IsNameChar(char character) {
  return std::isalnum(static_cast<unsigned char>(character)) || character == '-' ||
         character == ':';
}

bool NeverNests(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area",   "base",  "br",  "col", "embed", "hr", "img", "input",  "link", "meta", "param",
      "source", "track", "wbr", "p",   "li",    "dt", "dd",  "option", "tr",   "td",   "th"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

bool IsRawText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" || tag == "xmp" ||
         tag == "noscript" || tag == "plaintext";
}

/// `html` with over-deep tags removed, or empty when no tag is too deep.
std::string FlattenDeepNesting(std::string_view html) {
  std::string flat;
  bool flattened = false;
  int depth = 0;
  std::size_t copied = 0;  // html[0, copied) has been dealt with
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t name_start = pos + (closing ? 2 : 1);
    std::size_t name_end = name_start;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    if (name_end == name_start) {
      ++pos;
      continue;
    }
    std::string tag = Lowercase(html.substr(name_start, name_end - name_start));
    std::size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    if (!closing && IsRawText(tag)) {
      // Skip the element's raw text: a "<div" inside a script is not a tag.
      std::size_t close = html.find("</", tag_end);
      while (close != std::string_view::npos &&
             Lowercase(html.substr(close + 2, tag.size())) != tag) {
        close = html.find("</", close + 2);
      }
      pos = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    bool self_closing = html[tag_end - 1] == '/';
    if (NeverNests(tag) || self_closing || IsRawText(tag)) {
      pos = tag_end + 1;
      continue;
    }
    bool too_deep = closing ? depth > kMaxDepth : depth >= kMaxDepth;
    depth += closing ? -1 : 1;
    depth = std::max(depth, 0);
    if (too_deep) {
      flat.append(html.substr(copied, pos - copied));
      copied = tag_end + 1;
      flattened = true;
    }
    pos = tag_end + 1;
  }
  if (!flattened) return {};
  flat.append(html.substr(copied));
  return flat;
}

}  // namespace

RawDocument ReadHtml(std::string name, std::string_view html) {
  std::string flattened = FlattenDeepNesting(html);
  if (!flattened.empty()) html = flattened;
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::Allocate;
  options.deallocator = &Arena::Deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not reported; do not keep them
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());

  std::string text;
  PageMetadata metadata;
  struct Step {
    const GumboNode* node;
    bool leaving;  // after the element's children: close its block
    bool visible;  // inside no skipped element
  };
  std::vector<Step> pending = {{output->root, false, true}};
  while (!pending.empty()) {
    Step step = pending.back();
    pending.pop_back();
    const GumboNode& node = *step.node;
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA ||
        node.type == GUMBO_NODE_WHITESPACE) {
      if (step.visible) text += node.v.text.text;
      continue;
    }
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE &&
        node.type != GUMBO_NODE_DOCUMENT) {
      continue;
    }
    Layout layout =
        node.type == GUMBO_NODE_DOCUMENT ? Layout::kBlock : LayoutOf(node.v.element.tag);
    if (step.leaving) {
      if (step.visible && layout == Layout::kBlock) text += "\n\n";
      continue;
    }
    if (node.type != GUMBO_NODE_DOCUMENT) metadata.Visit(node);
    bool visible = step.visible && !IsSkipped(node);
    if (visible) {
      if (layout == Layout::kBlock) text += "\n\n";
      if (layout == Layout::kLineBreak) text += '\n';
      if (layout == Layout::kCell) text += ' ';
    }
    const GumboVector& children =
        node.type == GUMBO_NODE_DOCUMENT ? node.v.document.children : node.v.element.children;
    pending.push_back({step.node, true, visible});
    for (unsigned index = children.length; index > 0; --index) {
      pending.push_back({static_cast<const GumboNode*>(children.data[index - 1]), false, visible});
    }
  }
  // Character references may decode to control characters; normalise again.
  RawDocument document;
  document.text = TidyWhitespace(DecodeText(text, name, nullptr));
  document.title = !metadata.title.empty() ? metadata.title : metadata.og_title;
  document.published =
      !metadata.meta_published.empty() ? metadata.meta_published : metadata.time_published;
  document.name = std::move(name);
  return document;
}

}  // namespace kg::extract
