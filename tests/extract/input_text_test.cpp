// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/input/text_decoder.h"

using kg::extract::DecodeText;
using kg::extract::IsValidUtf8;
using kg::extract::TidyWhitespace;

namespace {

std::string Decode(std::string_view bytes, std::vector<std::string>* warnings) {
  return DecodeText(bytes, "doc.txt", warnings);
}

}  // namespace

TEST_SUITE("extract/input/text_decoder") {
  TEST_CASE("valid UTF-8 passes through unchanged and without warnings") {
    std::vector<std::string> warnings;
    std::string text = "Alibaba 阿里巴巴 raised €5.3bn — “quoted” 🚀\n\tindented";
    CHECK(Decode(text, &warnings) == text);
    CHECK(warnings.empty());
  }

  TEST_CASE("a UTF-8 byte order mark is stripped") {
    std::vector<std::string> warnings;
    CHECK(Decode("\xEF\xBB\xBFHello", &warnings) == "Hello");
    CHECK(warnings.empty());
  }

  TEST_CASE("UTF-16 with a byte order mark is converted to UTF-8") {
    std::vector<std::string> warnings;
    // "Hé€" then U+1F680 as a surrogate pair.
    std::string little(
        "\xFF\xFE"
        "H\x00\xE9\x00\xAC\x20\x3D\xD8\x80\xDE",
        12);
    std::string big(
        "\xFE\xFF"
        "\x00H\x00\xE9\x20\xAC\xD8\x3D\xDE\x80",
        12);
    CHECK(Decode(little, &warnings) == "Hé€🚀");
    CHECK(Decode(big, &warnings) == "Hé€🚀");
    CHECK(warnings.empty());
  }

  TEST_CASE("an unpaired UTF-16 surrogate becomes U+FFFD with a warning") {
    std::vector<std::string> warnings;
    std::string lone(
        "\xFF\xFE"
        "a\x00\x3D\xD8"
        "b\x00",
        8);
    CHECK(Decode(lone, &warnings) == "a\uFFFDb");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("at byte 4") != std::string::npos);
  }

  TEST_CASE("invalid UTF-8 bytes become U+FFFD and the warning names file and offsets") {
    std::vector<std::string> warnings;
    std::string text = Decode("ok\xFFgo\xC3(x", &warnings);
    CHECK(text == "ok\uFFFDgo\uFFFD(x");
    CHECK(IsValidUtf8(text));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("doc.txt: 2 invalid UTF-8"));
    CHECK(warnings[0].find("bytes 2, 5") != std::string::npos);
  }

  TEST_CASE("overlong forms, encoded surrogates and truncated sequences are invalid") {
    for (std::string_view bad :
         {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
      CAPTURE(bad);
      std::vector<std::string> warnings;
      std::string text = Decode(bad, &warnings);
      CHECK(IsValidUtf8(text));
      CHECK(text.find("\uFFFD") != std::string::npos);
      CHECK(warnings.size() == 1);
      CHECK_FALSE(IsValidUtf8(bad));
    }
  }

  TEST_CASE("many invalid bytes give one warning with a count, not one per byte") {
    std::vector<std::string> warnings;
    Decode(std::string(1000, '\x80'), &warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("1000 invalid") != std::string::npos);
    CHECK(warnings[0].find("and 997 more") != std::string::npos);
  }

  TEST_CASE("CRLF and lone CR become LF") {
    std::vector<std::string> warnings;
    CHECK(Decode("a\r\nb\rc\n\r\nd", &warnings) == "a\nb\nc\n\nd");
    CHECK(Decode("end\r", &warnings) == "end\n");
    CHECK(warnings.empty());
  }

  TEST_CASE("NUL and other control characters are dropped with a warning; tab and LF stay") {
    std::vector<std::string> warnings;
    std::string input(
        "a\x00"
        "b\x07"
        "c\td\x1B\x7F"
        "e\xC2\x85"
        "f",
        13);
    CHECK(Decode(input, &warnings) == "abc\tdef");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("5 control character(s) dropped") != std::string::npos);
    CHECK(warnings[0].find("at bytes 1, 3, 7") != std::string::npos);
  }

  TEST_CASE("form feed and vertical tab break lines") {
    CHECK(Decode("a\fb\vc", nullptr) == "a\nb\nc");
  }

  TEST_CASE("TidyWhitespace collapses spaces and keeps at most one blank line") {
    CHECK(TidyWhitespace("  a \t b\n\n\n\n  c  \nd\n\n") == "a b\n\nc\nd");
    CHECK(TidyWhitespace(" \n\t ") == "");
  }
}
