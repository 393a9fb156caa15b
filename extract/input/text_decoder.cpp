// SPDX-License-Identifier: MIT
#include "extract/input/text_decoder.h"

#include <cstdint>

namespace kg::extract {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr int kOffsetsNamed = 3;  // a warning names this many offsets, then counts the rest

/// Counts one kind of repair and remembers where the first ones were.
struct RepairLog {
  long count = 0;
  std::vector<std::size_t> first_offsets;

  void Add(std::size_t offset) {
    ++count;
    if (first_offsets.size() < kOffsetsNamed) first_offsets.push_back(offset);
  }

  void Report(std::string_view origin, std::string_view what,
              std::vector<std::string>* warnings) const {
    if (count == 0 || warnings == nullptr) return;
    std::string message(origin);
    message += ": " + std::to_string(count) + " " + std::string(what) + " at byte";
    if (first_offsets.size() > 1) message += "s";
    for (std::size_t index = 0; index < first_offsets.size(); ++index) {
      message += index == 0 ? " " : ", ";
      message += std::to_string(first_offsets[index]);
    }
    if (count > static_cast<long>(first_offsets.size())) {
      message += " and " + std::to_string(count - first_offsets.size()) + " more";
    }
    warnings->push_back(std::move(message));
  }
};

/// Appends code points as normalised UTF-8: line ends unified, controls dropped.
class Normaliser {
 public:
  explicit Normaliser(std::size_t expected_size) { out_.reserve(expected_size); }

  void Append(char32_t code_point, std::size_t offset) {
    if (code_point == '\r') {
      out_ += '\n';
      after_cr_ = true;
      return;
    }
    bool was_after_cr = after_cr_;
    after_cr_ = false;
    if (code_point == '\n') {
      if (!was_after_cr) out_ += '\n';
      return;
    }
    if (code_point == '\t') {
      out_ += '\t';
      return;
    }
    if (code_point == '\f' || code_point == '\v') {
      out_ += '\n';
      return;
    }
    if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
      controls_.Add(offset);
      return;
    }
    AppendUtf8(code_point);
  }

  void AppendAscii(char byte, std::size_t offset) {
    if (static_cast<unsigned char>(byte) >= 0x20 && byte != 0x7F) {
      after_cr_ = false;
      out_ += byte;
    } else {
      Append(static_cast<unsigned char>(byte), offset);
    }
  }

  void AppendInvalid(std::size_t offset) {
    after_cr_ = false;
    invalid_.Add(offset);
    out_ += kReplacement;
  }

  std::string Finish(std::string_view origin, std::string_view invalid_what,
                     std::vector<std::string>* warnings) {
    invalid_.Report(origin, invalid_what, warnings);
    controls_.Report(origin, "control character(s) dropped", warnings);
    return std::move(out_);
  }

 private:
  void AppendUtf8(char32_t code_point) {
    if (code_point < 0x80) {
      out_ += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
      out_ += static_cast<char>(0xC0 | (code_point >> 6));
      out_ += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
      out_ += static_cast<char>(0xE0 | (code_point >> 12));
      out_ += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
      out_ += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
      out_ += static_cast<char>(0xF0 | (code_point >> 18));
      out_ += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
      out_ += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
      out_ += static_cast<char>(0x80 | (code_point & 0x3F));
    }
  }

  std::string out_;
  bool after_cr_ = false;
  RepairLog invalid_;
  RepairLog controls_;
};

/// Length of the valid UTF-8 sequence starting at `pos` (2-4), or 0 when the
/// bytes there are not one; sets `code_point`.
int DecodeUtf8Sequence(std::string_view bytes, std::size_t pos, char32_t* code_point) {
  auto byte_at = [&](std::size_t index) { return static_cast<unsigned char>(bytes[index]); };
  unsigned char lead = byte_at(pos);
  int length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > bytes.size()) return 0;
  for (int index = 1; index < length; ++index) {
    unsigned char continuation = byte_at(pos + index);
    if ((continuation & 0xC0) != 0x80) return 0;
    value = (value << 6) | (continuation & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *code_point = value;
  return length;
}

std::string DecodeUtf8(std::string_view bytes, std::size_t start, std::string_view origin,
                       std::vector<std::string>* warnings) {
  Normaliser out(bytes.size());
  std::size_t pos = start;
  while (pos < bytes.size()) {
    char byte = bytes[pos];
    if (static_cast<unsigned char>(byte) < 0x80) {
      out.AppendAscii(byte, pos);
      ++pos;
      continue;
    }
    char32_t code_point = 0;
    int length = DecodeUtf8Sequence(bytes, pos, &code_point);
    if (length == 0) {
      out.AppendInvalid(pos);
      ++pos;
    } else {
      out.Append(code_point, pos);
      pos += length;
    }
  }
  return out.Finish(origin, "invalid UTF-8 sequence(s) replaced with U+FFFD", warnings);
}

std::string DecodeUtf16(std::string_view bytes, bool big_endian, std::string_view origin,
                        std::vector<std::string>* warnings) {
  Normaliser out(bytes.size());
  auto unit_at = [&](std::size_t pos) -> char32_t {
    auto first = static_cast<unsigned char>(bytes[pos]);
    auto second = static_cast<unsigned char>(bytes[pos + 1]);
    return big_endian ? (first << 8 | second) : (second << 8 | first);
  };
  std::size_t pos = 2;  // after the byte order mark
  while (pos + 1 < bytes.size()) {
    char32_t unit = unit_at(pos);
    if (unit >= 0xD800 && unit <= 0xDBFF && pos + 3 < bytes.size()) {
      char32_t low = unit_at(pos + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out.Append(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), pos);
        pos += 4;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      out.AppendInvalid(pos);
    } else {
      out.Append(unit, pos);
    }
    pos += 2;
  }
  if (pos < bytes.size()) out.AppendInvalid(pos);  // an odd trailing byte
  return out.Finish(origin, "invalid UTF-16 unit(s) replaced with U+FFFD", warnings);
}

}  // namespace

std::string DecodeText(std::string_view bytes, std::string_view origin,
                       std::vector<std::string>* warnings) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return DecodeUtf8(bytes, 3, origin, warnings);
  if (bytes.starts_with("\xFF\xFE")) return DecodeUtf16(bytes, false, origin, warnings);
  if (bytes.starts_with("\xFE\xFF")) return DecodeUtf16(bytes, true, origin, warnings);
  return DecodeUtf8(bytes, 0, origin, warnings);
}

bool IsValidUtf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t code_point = 0;
    int length = DecodeUtf8Sequence(text, pos, &code_point);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string TidyWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int pending_newlines = 0;  // line breaks seen since the last visible character
  bool pending_space = false;
  for (char character : text) {
    if (character == '\n') {
      ++pending_newlines;
      pending_space = false;
    } else if (character == ' ' || character == '\t') {
      pending_space = true;
    } else {
      if (!out.empty()) {
        if (pending_newlines >= 2) {
          out += "\n\n";
        } else if (pending_newlines == 1) {
          out += '\n';
        } else if (pending_space) {
          out += ' ';
        }
      }
      pending_newlines = 0;
      pending_space = false;
      out += character;
    }
  }
  return out;
}

}  // namespace kg::extract
