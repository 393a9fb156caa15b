// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "extract/input/raw_document.h"

namespace kg::extract {

/// Reads an HTML page (already decoded to UTF-8) into a document named
/// `name`: the visible article text, paragraphs separated by blank lines,
/// entities decoded. Text inside script, style, noscript, template, svg,
/// math, nav, form, header, footer, aside, iframe, select, textarea, head and
/// elements with a `hidden` attribute is dropped. The title is <title> (else
/// og:title); the publication date is the first of meta article:published_time,
/// meta date / pubdate / datePublished, <time datetime>. The text may be empty
/// (a page without visible text). Never throws for content, never recurses:
/// any nesting depth is safe; tags nested deeper than 256 levels are ignored
/// (their text is kept) so that parsing time stays linear.
RawDocument ReadHtml(std::string name, std::string_view html);

}  // namespace kg::extract
