// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "extract/input/raw_document.h"

namespace kg::extract {

/// How many leading bytes the sniffers look at.
inline constexpr std::size_t kSniffBytes = 4096;

/// What kind of binary file `head` (a file's first bytes) starts, e.g. "PNG
/// image" or "binary data (NUL bytes)"; empty when it may be text. Text with a
/// UTF-16 byte order mark is text. Binary means: a known magic number, a NUL
/// byte, or more than 10% control bytes other than tab, CR, LF and form feed.
std::string DescribeBinary(std::string_view head);

/// True when `head` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view head);

/// True when `head`, after any BOM and whitespace, opens with `<!doctype html`
/// or `<html` (any case).
bool LooksLikeHtml(std::string_view head);

/// The format a file name's extension implies (".gz" looked through), or
/// kAuto: .txt .text .md -> text, .html .htm .xhtml -> html, .csv -> csv,
/// .jsonl .ndjson -> jsonl.
InputFormat FormatFromName(std::string_view name);

}  // namespace kg::extract
