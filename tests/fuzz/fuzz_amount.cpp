// SPDX-License-Identifier: MIT
// Fuzzes amount recognition through Extractor::Extract: the fuzz bytes are
// dropped into money-shaped sentences ("Acme Corp invests $<bytes> in ...")
// so the amount parser sees digits, scale words, currency signs and odd
// numbers ($0, -5, 1e308, hundreds of digits, "$.5 billion"). Amounts must
// carry a finite value and a unit; spans stay inside the text.
#include <cmath>
#include <cstdint>
#include <string>

#include "extract/extractor.h"
#include "extract/input/text_decoder.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kg::extract::Extractor extractor;
  if (size == 0 || size > 512) return 0;
  std::vector<std::string> warnings;
  std::string amount = kg::extract::DecodeText(
      std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), "fuzz", &warnings);
  static constexpr const char* kFrames[][2] = {
      {"Alibaba Group invests ", " in AI infrastructure over three years."},
      {"Nvidia reported revenue of ", " for the quarter."},
      {"Qwen3-Max has ", " parameters."},
      {"The plan is worth RMB ", ", or about $53 billion."},
      {"Apple said net income rose to ", "."},
  };
  const auto& frame = kFrames[data[0] % 5];
  std::string text = frame[0] + amount + frame[1];
  kg::graph::DocumentRecord record = extractor.Extract("amount.txt", text);
  for (const auto& entity : record.entities) {
    if (entity.type != "Amount") continue;
    FUZZ_CHECK(entity.value.has_value());
    FUZZ_CHECK(std::isfinite(*entity.value));
    FUZZ_CHECK(!entity.unit.empty());
    FUZZ_CHECK(kg::fuzz::IsUtf8(entity.name));
  }
  const int entity_count = static_cast<int>(record.entities.size());
  for (const auto& relation : record.relations) {
    FUZZ_CHECK(relation.subject >= 0 && relation.subject < entity_count);
    FUZZ_CHECK(relation.object >= 0 && relation.object < entity_count);
    FUZZ_CHECK(relation.evidence.span_start <= relation.evidence.span_end);
    FUZZ_CHECK(static_cast<std::size_t>(relation.evidence.span_end) <= text.size());
    FUZZ_CHECK(kg::fuzz::OnCharBoundary(text, relation.evidence.span_start));
    FUZZ_CHECK(kg::fuzz::OnCharBoundary(text, relation.evidence.span_end));
  }
  return 0;
}
