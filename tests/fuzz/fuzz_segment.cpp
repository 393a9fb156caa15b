// SPDX-License-Identifier: MIT
// Fuzzes the tokeniser and sentence splitter (extract/nlp/text.h) on any
// bytes: tokens and sentences lie within the text, in order, sentences cover
// their token ranges and no sentence exceeds kMaxSentenceTokens.
#include <cstdint>
#include <string>

#include "extract/nlp/text.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kg::extract::nlp;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Layout layout = Segment(text);
  MarkBoilerplate(text, layout);
  std::uint32_t previous_end = 0;
  for (const Token& token : layout.tokens) {
    FUZZ_CHECK(token.start < token.end);
    FUZZ_CHECK(token.end <= text.size());
    FUZZ_CHECK(token.start >= previous_end);
    previous_end = token.end;
  }
  std::uint32_t previous_token = 0;
  for (const Sentence& sentence : layout.sentences) {
    FUZZ_CHECK(sentence.start <= sentence.end && sentence.end <= text.size());
    FUZZ_CHECK(sentence.first_token <= sentence.last_token);
    FUZZ_CHECK(sentence.last_token <= layout.tokens.size());
    FUZZ_CHECK(sentence.first_token >= previous_token);
    FUZZ_CHECK(static_cast<int>(sentence.last_token - sentence.first_token) <= kMaxSentenceTokens);
    previous_token = sentence.last_token;
    for (std::uint32_t t = sentence.first_token; t < sentence.last_token; ++t) {
      FUZZ_CHECK(layout.tokens[t].start >= sentence.start && layout.tokens[t].end <= sentence.end);
    }
  }
  return 0;
}
