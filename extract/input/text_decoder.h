// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// Turns the bytes of a text into the UTF-8 kg stores:
/// - a UTF-8 byte order mark is dropped; UTF-16 LE/BE text with a BOM is
///   converted to UTF-8;
/// - each invalid UTF-8 sequence (or unpaired UTF-16 surrogate) becomes U+FFFD;
/// - CRLF and lone CR become "\n"; form feed and vertical tab become "\n";
/// - every other control character (C0 including NUL, DEL, C1) is dropped.
/// Repairs add one warning each kind to `warnings`, prefixed by `origin` and
/// naming the byte offset (in `bytes`) of the first occurrences. Never throws.
std::string DecodeText(std::string_view bytes, std::string_view origin,
                       std::vector<std::string>* warnings);

/// True when `text` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view text);

/// Collapses runs of spaces and tabs to one space, trims every line, and
/// leaves at most one blank line between paragraphs; no leading or trailing
/// blank lines. Used on text that came from markup or collections.
std::string TidyWhitespace(std::string_view text);

}  // namespace kg::extract
