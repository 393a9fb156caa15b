// SPDX-License-Identifier: MIT
// Fuzzes the whole reader on one stream (extract/input/input_reader.h): the
// first byte picks the format (auto, text, html, csv, jsonl), the rest is the
// file. Every document must come out non-empty, valid UTF-8, with no control
// characters but "\n" and "\t"; every error and warning must name the file.
#include <cstdint>
#include <string>

#include "extract/input/byte_source.h"
#include "extract/input/input_reader.h"
#include "extract/input/raw_document.h"
#include "graph/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kg::extract;
  if (size == 0) return 0;
  constexpr InputFormat kFormats[] = {InputFormat::kAuto, InputFormat::kText, InputFormat::kHtml,
                                      InputFormat::kCsv, InputFormat::kJsonLines};
  ReaderOptions options;
  options.format = kFormats[data[0] % 5];
  options.max_document_bytes = 1 << 20;  // small limits: reach the refusals quickly
  options.max_decompressed_bytes = 4 << 20;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  bool done = false;
  ReadStream(MakeStringSource(std::move(bytes)), "fuzz.in", "fuzz.in", options,
             [&](InputEvent&& event) {
               FUZZ_CHECK(!done);  // nothing after kFileDone
               switch (event.kind) {
                 case InputEvent::Kind::kDocument:
                   FUZZ_CHECK(!event.document.text.empty());
                   FUZZ_CHECK(kg::fuzz::IsUtf8(event.document.text));
                   FUZZ_CHECK(kg::fuzz::OnlyNewlineAndTabControls(event.document.text));
                   FUZZ_CHECK(kg::fuzz::IsUtf8(event.document.title));
                   FUZZ_CHECK(!event.document.name.empty());
                   break;
                 case InputEvent::Kind::kWarning:
                 case InputEvent::Kind::kError:
                   FUZZ_CHECK(event.message.find("fuzz.in") != std::string::npos);
                   break;
                 case InputEvent::Kind::kFileDone:
                   done = true;
                   break;
               }
             });
  return 0;
}
