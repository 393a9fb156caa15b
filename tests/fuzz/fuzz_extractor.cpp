// SPDX-License-Identifier: MIT
// Fuzzes Extractor::Extract (extract/extractor.h) on decoded text: it never
// throws or crashes, and every mention it returns is consistent: relation
// ends index the entity list, every evidence span lies inside the text on
// UTF-8 boundaries and its sentence is that span's text, confidences are in
// [0, 1], amounts are finite.
#include <cmath>
#include <cstdint>
#include <string>

#include "extract/extractor.h"
#include "extract/input/text_decoder.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kg::extract::Extractor extractor;
  std::vector<std::string> warnings;
  std::string text = kg::extract::DecodeText(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", &warnings);
  kg::graph::DocumentRecord record = extractor.Extract("fuzz.txt", text);
  FUZZ_CHECK(record.text == text);
  for (const auto& entity : record.entities) {
    FUZZ_CHECK(!entity.name.empty());
    FUZZ_CHECK(!entity.type.empty());
    FUZZ_CHECK(kg::fuzz::IsUtf8(entity.name));
    if (entity.value) FUZZ_CHECK(std::isfinite(*entity.value));
  }
  const int entity_count = static_cast<int>(record.entities.size());
  for (const auto& relation : record.relations) {
    FUZZ_CHECK(relation.subject >= 0 && relation.subject < entity_count);
    FUZZ_CHECK(relation.object >= 0 && relation.object < entity_count);
    const auto& evidence = relation.evidence;
    FUZZ_CHECK(evidence.span_start >= 0 && evidence.span_start <= evidence.span_end);
    FUZZ_CHECK(static_cast<std::size_t>(evidence.span_end) <= text.size());
    FUZZ_CHECK(kg::fuzz::OnCharBoundary(text, evidence.span_start));
    FUZZ_CHECK(kg::fuzz::OnCharBoundary(text, evidence.span_end));
    FUZZ_CHECK(kg::fuzz::IsUtf8(evidence.sentence));
    FUZZ_CHECK(evidence.confidence >= 0 && evidence.confidence <= 1);
  }
  return 0;
}
