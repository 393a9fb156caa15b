// SPDX-License-Identifier: MIT
// Fuzzes the gzip inflater (extract/input/byte_source.h) with small limits:
// it returns at most the limit, or throws kg::Error(kInvalidInput) naming the
// source; never anything else.
#include <cstdint>
#include <string>

#include "extract/input/byte_source.h"
#include "graph/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kg::extract;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  GzipLimits limits;
  limits.max_decompressed_bytes = 1 << 20;
  limits.max_compression_ratio = 1000;
  try {
    auto source = MakeGzipSource(MakeStringSource(bytes), "fuzz.gz", limits);
    char buffer[4096];
    std::uint64_t total = 0;
    while (std::size_t got = source->Read(buffer, sizeof buffer)) {
      FUZZ_CHECK(got <= sizeof buffer);
      total += got;
      FUZZ_CHECK(total <= limits.max_decompressed_bytes);
    }
  } catch (const kg::Error& error) {
    FUZZ_CHECK(error.code() == kg::ErrorCode::kInvalidInput || error.code() == kg::ErrorCode::kIo);
    FUZZ_CHECK(std::string(error.what()).find("fuzz.gz") != std::string::npos);
  }
  return 0;
}
