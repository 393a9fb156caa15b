// SPDX-License-Identifier: MIT
#include "query/format.h"

#include <doctest/doctest.h>

#include <sstream>

namespace kg::query {

TEST_SUITE("query/format") {
  TEST_CASE("terminal output escapes control characters and keeps printable UTF-8") {
    CHECK(EscapeForTerminal("Alibaba\x1b[31m") == "Alibaba\\x1b[31m");
    CHECK(EscapeForTerminal("a\nb\tc\rd\x7f") == "a\\nb\\tc\\rd\\x7f");
    CHECK(EscapeForTerminal("Zürich – 阿里巴巴") == "Zürich – 阿里巴巴");
    CHECK(EscapeForTerminal("\xc2\x9b"
                            "x") == "\\xc2\\x9bx");  // C1 CSI
    CHECK(EscapeForTerminal("bad\xff") == "bad\\xff");
  }

  TEST_CASE("CSV follows RFC 4180") {
    Table table{{"name", "note"}, {{"Acme, Inc.", "said \"hi\""}, {"plain", "two\nlines"}}};
    std::ostringstream out;
    WriteCsv(out, table);
    CHECK(out.str() ==
          "name,note\r\n\"Acme, Inc.\",\"said \"\"hi\"\"\"\r\nplain,\"two\nlines\"\r\n");
  }

  TEST_CASE("tables align columns by display width") {
    Table table{{"a", "b"}, {{"Zürich", "x"}, {"NY", "y"}}};
    std::ostringstream out;
    WriteTable(out, table);
    std::istringstream lines(out.str());
    std::string header, rule, first, second;
    std::getline(lines, header);
    std::getline(lines, rule);
    std::getline(lines, first);
    std::getline(lines, second);
    CHECK(rule == "------  -");
    CHECK(first == "Zürich  x");
    CHECK(second == "NY      y");
  }

  TEST_CASE("the caret sits under the byte position, counted in characters") {
    CHECK(CaretLine("abc def", 4) == "  abc def\n      ^");
    CHECK(CaretLine("ü x", 3) == "  ü x\n    ^");
    CHECK(CaretLine("abc", 99) == "  abc\n     ^");
  }
}

}  // namespace kg::query
