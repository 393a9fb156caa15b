// SPDX-License-Identifier: MIT
#include "extract/input/sniff.h"

#include <algorithm>
#include <cctype>

namespace kg::extract {
namespace {

using namespace std::string_view_literals;

struct MagicNumber {
  std::string_view bytes;
  std::string_view kind;
};

constexpr MagicNumber kMagicNumbers[] = {
    {"\x89PNG\r\n\x1a\n"sv, "PNG image"},
    {"\xFF\xD8\xFF"sv, "JPEG image"},
    {"GIF87a"sv, "GIF image"},
    {"GIF89a"sv, "GIF image"},
    {"%PDF-"sv, "PDF document"},
    {"PK\x03\x04"sv, "ZIP archive"},
    {"\x7F"
     "ELF"sv,
     "ELF executable"},
    {"BZh"sv, "bzip2 data"},
    {"\xFD"
     "7zXZ"sv,
     "xz data"},
    {"\x28\xB5\x2F\xFD"sv, "zstd data"},
    {"SQLite format 3"sv, "SQLite database"},
    {"II*\x00"sv, "TIFF image"},
    {"MM\x00*"sv, "TIFF image"},
    {"OggS"sv, "Ogg media"},
    {"ID3"sv, "MP3 audio"},
    {"\x00\x00\x01\x00"sv, "icon image"},
};

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char expected, char actual) {
    return std::tolower(static_cast<unsigned char>(actual)) ==
           std::tolower(static_cast<unsigned char>(expected));
  });
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         StartsWithIgnoringCase(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace

std::string DescribeBinary(std::string_view head) {
  head = head.substr(0, kSniffBytes);
  for (const MagicNumber& magic : kMagicNumbers) {
    if (head.starts_with(magic.bytes)) return std::string(magic.kind);
  }
  if (head.size() >= 12 && head.starts_with("RIFF")) {
    std::string_view form = head.substr(8, 4);
    if (form == "WEBP") return "WebP image";
    if (form == "WAVE") return "WAV audio";
    return "RIFF data";
  }
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp") return "MP4/QuickTime media";
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return {};  // UTF-16 text
  std::size_t control_bytes = 0;
  for (char byte : head) {
    auto value = static_cast<unsigned char>(byte);
    if (value == 0) return "binary data (NUL bytes)";
    if ((value < 0x20 && value != '\t' && value != '\n' && value != '\r' && value != '\f') ||
        value == 0x7F) {
      ++control_bytes;
    }
  }
  if (!head.empty() && control_bytes * 10 > head.size()) return "binary data (control bytes)";
  return {};
}

bool IsGzip(std::string_view head) { return head.starts_with("\x1F\x8B"); }

bool LooksLikeHtml(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t first = 0;
  while (first < head.size() && std::isspace(static_cast<unsigned char>(head[first]))) ++first;
  head.remove_prefix(first);
  return StartsWithIgnoringCase(head, "<!doctype html") || StartsWithIgnoringCase(head, "<html");
}

InputFormat FormatFromName(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  for (std::string_view extension : {".txt", ".text", ".md"}) {
    if (EndsWith(name, extension)) return InputFormat::kText;
  }
  for (std::string_view extension : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(name, extension)) return InputFormat::kHtml;
  }
  if (EndsWith(name, ".csv")) return InputFormat::kCsv;
  for (std::string_view extension : {".jsonl", ".ndjson"}) {
    if (EndsWith(name, extension)) return InputFormat::kJsonLines;
  }
  return InputFormat::kAuto;
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "jsonl") return InputFormat::kJsonLines;
  return std::nullopt;
}

}  // namespace kg::extract
