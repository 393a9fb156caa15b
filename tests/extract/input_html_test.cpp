// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>

#include "extract/input/html_reader.h"
#include "extract/input/text_decoder.h"

using kg::extract::ReadHtml;

namespace {

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("extract/input/html_reader") {
  TEST_CASE("script, style, nav, footer and similar text is dropped; article text is kept") {
    auto document = ReadHtml("page.html", R"(<!doctype html><html><head>
      <title>Nvidia buys Arm</title><style>p { color: red }</style>
      <script>var secret = "Microsoft";</script></head>
      <body><nav>Home | World</nav><header>Site banner</header>
      <article><p>Nvidia agreed to buy Arm.</p><p>The deal is worth $40bn.</p></article>
      <noscript>Enable JavaScript</noscript><aside>Related: Intel</aside>
      <form><label>Subscribe <input value="x"></label></form><template>Hidden template</template>
      <svg><text>Chart label</text></svg><div hidden>Invisible</div>
      <footer>Copyright</footer></body></html>)");
    CHECK(document.text == "Nvidia agreed to buy Arm.\n\nThe deal is worth $40bn.");
    CHECK(document.title == "Nvidia buys Arm");
    CHECK(document.name == "page.html");
  }

  TEST_CASE("character references are decoded") {
    auto document =
        ReadHtml("e.html", "<p>AT&amp;T &lt;b&gt; caf&eacute; &#8364;5 &#x4E2D;&nbsp;x</p>");
    CHECK(document.text == "AT&T <b> café €5 中\u00A0x");
  }

  TEST_CASE("block elements break paragraphs, inline ones do not, br breaks a line") {
    auto document = ReadHtml("b.html",
                             "<h1>Title</h1><div>One <b>bold</b> <a href=x>link</a></div>"
                             "<ul><li>first</li><li>second</li></ul><p>line<br>break</p>");
    CHECK(document.text == "Title\n\nOne bold link\n\nfirst\n\nsecond\n\nline\nbreak");
  }

  TEST_CASE("publication date comes from article:published_time, else <time datetime>") {
    auto with_meta = ReadHtml(
        "m.html",
        "<html><head><meta property=\"article:published_time\" content=\"2024-05-01T10:00Z\">"
        "</head><body><p>x <time datetime=\"2023-01-01\">then</time></p></body></html>");
    CHECK(with_meta.published == "2024-05-01T10:00Z");
    auto with_time = ReadHtml("t.html", "<p>On <time datetime=\"2023-01-02\">Monday</time></p>");
    CHECK(with_time.published == "2023-01-02");
    CHECK(with_time.title.empty());
  }

  TEST_CASE("og:title stands in for a missing <title>") {
    auto document = ReadHtml(
        "o.html", "<head><meta property=\"og:title\" content=\"  Big   deal \"></head><p>x</p>");
    CHECK(document.title == "Big deal");
  }

  TEST_CASE("truncated and malformed HTML still yields its text") {
    auto document = ReadHtml("bad.html", "<html><body><p>Unclosed <b>bold <div>and <p>more");
    CHECK(Contains(document.text, "Unclosed bold"));
    CHECK(Contains(document.text, "more"));
    auto half_tag = ReadHtml("half.html", "<p>Text</p><a href=\"");
    CHECK(half_tag.text == "Text");
  }

  TEST_CASE("deeply nested markup neither crashes nor overflows the stack") {
    constexpr int kDepth = 1'000'000;
    std::string html;
    for (int level = 0; level < kDepth; ++level) html += "<div>";
    html += "deep text";
    auto document = ReadHtml("deep.html", html);
    CHECK(document.text == "deep text");
    std::string spans;
    for (int level = 0; level < kDepth; ++level) spans += "<span><b>";
    spans += "inline";
    CHECK(ReadHtml("spans.html", spans).text == "inline");
  }

  TEST_CASE("past the nesting limit, scripts stay hidden and text stays in order") {
    std::string html;
    for (int level = 0; level < 5000; ++level) html += "<div><p>";
    html += "before<script>var x = '<div>hidden</div>';</script><style>p{}</style>after";
    for (int level = 0; level < 5000; ++level) html += "</div>";
    html += "<p>tail</p>";
    auto document = ReadHtml("deep2.html", html);
    CHECK(document.text.find("hidden") == std::string::npos);
    CHECK(document.text.find("p{}") == std::string::npos);
    CHECK(document.text.find("before") < document.text.find("after"));
    CHECK(document.text.ends_with("tail"));
  }

  TEST_CASE("character references to control characters do not reach the text") {
    auto document = ReadHtml("c.html", "<p>a&#7;b&#0;c</p>");
    CHECK(kg::extract::IsValidUtf8(document.text));
    CHECK(document.text.find('\x07') == std::string::npos);
    CHECK(document.text.find('\0') == std::string::npos);
  }

  TEST_CASE("a page without visible text gives empty text") {
    CHECK(ReadHtml("s.html", "<script>only()</script><style>x{}</style>").text.empty());
  }
}
