// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

/// Invariant checks shared by the libFuzzer targets. A failed check prints
/// what broke and aborts, which libFuzzer reports as a crash with a reproducer.
namespace kg::fuzz {

[[noreturn]] inline void Fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, what);
  std::abort();
}

#define FUZZ_CHECK(condition)                                           \
  do {                                                                  \
    if (!(condition)) ::kg::fuzz::Fail(#condition, __FILE__, __LINE__); \
  } while (false)

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
inline bool IsUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return false;
    unsigned code = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 0x2) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
        (length == 4 && code < 0x10000) || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += length;
  }
  return true;
}

/// True when byte `offset` of `text` starts a character (or is its end).
inline bool OnCharBoundary(std::string_view text, std::size_t offset) {
  if (offset > text.size()) return false;
  if (offset == text.size()) return true;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

/// True when the only control characters in `text` are "\n" and "\t".
inline bool OnlyNewlineAndTabControls(std::string_view text) {
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) return false;
  }
  return true;
}

}  // namespace kg::fuzz
