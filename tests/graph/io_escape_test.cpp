// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "graph/io/text_escape.h"

namespace kg::graph::io {
namespace {

template <typename Append>
std::string Apply(Append append, std::string_view text) {
  std::string out;
  append(out, text);
  return out;
}

}  // namespace

TEST_SUITE("graph/io/text_escape") {
  TEST_CASE("invalid UTF-8 becomes U+FFFD and valid text is unchanged") {
    CHECK(Apply(AppendValidUtf8, "caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(Apply(AppendValidUtf8,
                "a\xFF"
                "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(Apply(AppendValidUtf8, "\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(Apply(AppendValidUtf8, "\xED\xA0\x80") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");                            // surrogate
    CHECK(Apply(AppendValidUtf8, "\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // emoji
    CHECK(Apply(AppendValidUtf8, "\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
  }

  TEST_CASE("XML escaping covers markup and replaces characters XML 1.0 forbids") {
    CHECK(Apply(AppendXmlEscaped, "<a href=\"x\">&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    CHECK(Apply(AppendXmlEscaped, "tab\tnl\ncr\r") == "tab\tnl\ncr&#13;");
    CHECK(Apply(AppendXmlEscaped, std::string_view("nul\0bell\x07", 9)) ==
          "nul\xEF\xBF\xBD"
          "bell\xEF\xBF\xBD");
    CHECK(Apply(AppendXmlEscaped, "\xEF\xBF\xBE") == "\xEF\xBF\xBD");
  }

  TEST_CASE("JSON strings parse back to the same text") {
    std::string hostile = std::string("q\"b\\s/\n\r\t\b\f", 12) + std::string(1, '\0') + "\x1f";
    std::string json;
    AppendJsonString(json, hostile);
    CHECK(nlohmann::json::parse(json).get<std::string>() == hostile);
  }

  TEST_CASE("CSV fields are quoted only when needed, quotes doubled") {
    CHECK(Apply(AppendCsvField, "plain") == "plain");
    CHECK(Apply(AppendCsvField, "a,b") == "\"a,b\"");
    CHECK(Apply(AppendCsvField, "say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(Apply(AppendCsvField, "two\nlines") == "\"two\nlines\"");
    CHECK(Apply(AppendCsvField, " padded") == "\" padded\"");
    CHECK(Apply(AppendCsvField, "") == "");
  }

  TEST_CASE("DOT strings escape quotes and backslashes and keep one line") {
    CHECK(Apply(AppendDotEscaped, "a\"b\\c") == "a\\\"b\\\\c");
    CHECK(Apply(AppendDotEscaped, "end\\") == "end\\\\");
    CHECK(Apply(AppendDotEscaped, "x\ny\rz\x01") == "x\\ny z ");
  }

  TEST_CASE("N-Triples literals escape per the grammar") {
    CHECK(Apply(AppendNTriplesEscaped, "a\"b\\c\nd\re\tf") == "a\\\"b\\\\c\\nd\\re\\tf");
    CHECK(Apply(AppendNTriplesEscaped, "\x01") == "\\u0001");
    CHECK(Apply(AppendNTriplesEscaped, "\xE2\x82\xAC") == "\xE2\x82\xAC");
  }

  TEST_CASE("percent-encoding keeps only unreserved characters") {
    CHECK(Apply(AppendPercentEncoded, "Alibaba Group") == "Alibaba%20Group");
    CHECK(Apply(AppendPercentEncoded, "a/b?c#d<e>") == "a%2Fb%3Fc%23d%3Ce%3E");
    CHECK(Apply(AppendPercentEncoded, "A-Z_a.z~0") == "A-Z_a.z~0");
    CHECK(Apply(AppendPercentEncoded, "\xC3\xA9") == "%C3%A9");
  }

  TEST_CASE("numbers print shortest round-trip and non-finite as 0") {
    std::string out;
    AppendNumber(out, 0.87);
    CHECK(out == "0.87");
    out.clear();
    AppendNumber(out, 5.3e10);
    CHECK(std::stod(out) == 5.3e10);
    out.clear();
    AppendNumber(out, std::numeric_limits<double>::quiet_NaN());
    CHECK(out == "0");
  }
}

}  // namespace kg::graph::io
