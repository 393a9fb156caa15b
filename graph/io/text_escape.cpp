// SPDX-License-Identifier: MIT
#include "graph/io/text_escape.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace kg::graph::io {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kHex[] = "0123456789ABCDEF";

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
  bool valid = false;
};

// Decodes one UTF-8 sequence at `pos`; overlongs, surrogates and truncated
// sequences are invalid and consume one byte.
CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return {};
  }
  if (pos + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length, true};
}

// Calls `ascii(c)` for each ASCII byte and `other(bytes, code_point)` for each
// valid multi-byte sequence; invalid bytes arrive as U+FFFD.
template <typename Ascii, typename Other>
void ForEachCodePoint(std::string_view text, Ascii ascii, Other other) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ascii(static_cast<char>(c));
      ++pos;
      continue;
    }
    CodePoint cp = DecodeAt(text, pos);
    if (cp.valid) {
      other(text.substr(pos, cp.length), cp.value);
    } else {
      other(kReplacement, char32_t{0xFFFD});
    }
    pos += cp.length;
  }
}

void AppendHexByte(std::string& out, unsigned char c) {
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

// True when every byte is printable ASCII outside `special`: the common case,
// appended in one copy instead of byte by byte.
bool IsPlainAscii(std::string_view text, std::string_view special) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || special.find(c) != std::string_view::npos) return false;
  }
  return true;
}

// JSON strings and N-Triples literals share one escape grammar (ECHAR plus
// \u00XX); N-Triples also escapes DEL, which some RDF parsers reject raw.
void AppendQuotedEscaped(std::string& out, std::string_view text, bool escape_delete) {
  if (IsPlainAscii(text, "\"\\")) {
    out += text;
    return;
  }
  ForEachCodePoint(
      text,
      [&](char c) {
        switch (c) {
          case '"':
            out += "\\\"";
            break;
          case '\\':
            out += "\\\\";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          case '\t':
            out += "\\t";
            break;
          case '\b':
            out += "\\b";
            break;
          case '\f':
            out += "\\f";
            break;
          default:
            if (static_cast<unsigned char>(c) < 0x20 || (escape_delete && c == 0x7F)) {
              out += "\\u00";
              AppendHexByte(out, static_cast<unsigned char>(c));
            } else {
              out += c;
            }
        }
      },
      [&](std::string_view bytes, char32_t) { out += bytes; });
}

}  // namespace

void AppendValidUtf8(std::string& out, std::string_view text) {
  if (IsPlainAscii(text, "")) {
    out += text;
    return;
  }
  ForEachCodePoint(
      text, [&](char c) { out += c; }, [&](std::string_view bytes, char32_t) { out += bytes; });
}

void AppendXmlEscaped(std::string& out, std::string_view text) {
  if (IsPlainAscii(text, "&<>\"'")) {
    out += text;
    return;
  }
  ForEachCodePoint(
      text,
      [&](char c) {
        switch (c) {
          case '&':
            out += "&amp;";
            break;
          case '<':
            out += "&lt;";
            break;
          case '>':
            out += "&gt;";
            break;
          case '"':
            out += "&quot;";
            break;
          case '\'':
            out += "&apos;";
            break;
          case '\t':
          case '\n':
            out += c;
            break;
          case '\r':
            out += "&#13;";  // raw, XML line-end normalisation would read it back as LF
            break;
          default:
            if (static_cast<unsigned char>(c) < 0x20) {
              out += kReplacement;
            } else {
              out += c;
            }
        }
      },
      [&](std::string_view bytes, char32_t value) {
        out += (value == 0xFFFE || value == 0xFFFF) ? kReplacement : bytes;
      });
}

void AppendJsonEscaped(std::string& out, std::string_view text) {
  AppendQuotedEscaped(out, text, /*escape_delete=*/false);
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  AppendJsonEscaped(out, text);
  out += '"';
}

void AppendCsvField(std::string& out, std::string_view text) {
  bool needs_quotes = !text.empty() && (text.front() == ' ' || text.back() == ' ');
  for (char c : text) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      needs_quotes = true;
      break;
    }
  }
  if (!needs_quotes) {
    AppendValidUtf8(out, text);
    return;
  }
  out += '"';
  ForEachCodePoint(
      text,
      [&](char c) {
        if (c == '"') out += '"';
        out += c;
      },
      [&](std::string_view bytes, char32_t) { out += bytes; });
  out += '"';
}

void AppendDotEscaped(std::string& out, std::string_view text) {
  if (IsPlainAscii(text, "\"\\")) {
    out += text;
    return;
  }
  ForEachCodePoint(
      text,
      [&](char c) {
        switch (c) {
          case '"':
            out += "\\\"";
            break;
          case '\\':
            out += "\\\\";
            break;
          case '\n':
            out += "\\n";
            break;
          default:
            out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
        }
      },
      [&](std::string_view bytes, char32_t) { out += bytes; });
}

void AppendNTriplesEscaped(std::string& out, std::string_view text) {
  AppendQuotedEscaped(out, text, /*escape_delete=*/true);
}

void AppendPercentEncoded(std::string& out, std::string_view text) {
  std::string valid;
  AppendValidUtf8(valid, text);
  for (char c : valid) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      AppendHexByte(out, byte);
    }
  }
}

void AppendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace kg::graph::io

namespace kg::graph::io {

void AppendJsonStringArray(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, items[i]);
  }
  out += ']';
}

std::string QualifiersText(const nlohmann::json& qualifiers) {
  if (qualifiers.is_null() || (qualifiers.is_object() && qualifiers.empty())) return {};
  return qualifiers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kg::graph::io
