// SPDX-License-Identifier: MIT
// Fuzzes ReadHtml (extract/input/html_reader.h) on decoded bytes: the text is
// valid UTF-8 without stray control characters, and a marker that only occurs
// inside <script> never reaches it.
#include <cstdint>
#include <string>

#include "extract/input/html_reader.h"
#include "extract/input/text_decoder.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kg::extract;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  std::string html = DecodeText(bytes, "fuzz.html", &warnings);
  FUZZ_CHECK(kg::fuzz::IsUtf8(html));
  // Half the inputs carry a script whose text must be dropped.
  bool with_script = size > 0 && data[0] % 2 == 1;
  constexpr std::string_view kMarker = "ZQXSCRIPTMARKERZQX";
  if (with_script) {
    if (html.find(kMarker) != std::string::npos) return 0;
    html = "<script>var s = '" + std::string(kMarker) + "';</script>" + html;
  }
  RawDocument document = ReadHtml("fuzz.html", html);
  FUZZ_CHECK(kg::fuzz::IsUtf8(document.text));
  FUZZ_CHECK(kg::fuzz::IsUtf8(document.title));
  FUZZ_CHECK(kg::fuzz::OnlyNewlineAndTabControls(document.text));
  if (with_script) FUZZ_CHECK(document.text.find(kMarker) == std::string::npos);
  return 0;
}
