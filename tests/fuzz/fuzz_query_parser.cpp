// SPDX-License-Identifier: MIT
// Fuzzes the query parser (query/parser.h): it parses or throws
// kg::Error(kQuerySyntax) whose position lies inside the text and whose
// message names it; parsed terms point inside the text.
#include <cstdint>
#include <string>

#include "graph/error.h"
#include "query/parser.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    kg::query::ParsedQuery parsed = kg::query::Parse(text);
    FUZZ_CHECK(!parsed.patterns.empty());
    for (const auto& pattern : parsed.patterns) {
      FUZZ_CHECK(!pattern.readings.empty());
      for (const auto& reading : pattern.readings) {
        FUZZ_CHECK(reading.position <= text.size());
        FUZZ_CHECK(reading.subject.position <= text.size());
        FUZZ_CHECK(reading.object.position <= text.size());
      }
    }
  } catch (const kg::Error& error) {
    FUZZ_CHECK(error.code() == kg::ErrorCode::kQuerySyntax);
    FUZZ_CHECK(error.position() >= 0);
    FUZZ_CHECK(static_cast<std::size_t>(error.position()) <= text.size());
    FUZZ_CHECK(std::string(error.what()).find("position") != std::string::npos);
  }
  return 0;
}
