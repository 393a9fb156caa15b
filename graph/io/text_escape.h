// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

/// Escaping for the text formats the exporters write. Every function appends
/// to `out` and never throws. Invalid UTF-8 bytes become U+FFFD everywhere, so
/// every output is valid UTF-8 whatever the store holds.
namespace kg::graph::io {

/// Appends `text` with invalid UTF-8 sequences replaced by U+FFFD.
void AppendValidUtf8(std::string& out, std::string_view text);

/// XML 1.0 character data or attribute value: & < > " ' escaped; control
/// characters XML 1.0 forbids (U+0000-U+001F except tab, LF, CR) and
/// U+FFFE/U+FFFF become U+FFFD, since XML has no way to write them at all.
/// CR is written as &#13;: a raw one would be read back as LF.
void AppendXmlEscaped(std::string& out, std::string_view text);

/// The body of a JSON string (without the quotes), RFC 8259.
void AppendJsonEscaped(std::string& out, std::string_view text);

/// A JSON string with its quotes.
void AppendJsonString(std::string& out, std::string_view text);

/// An RFC 4180 CSV field: quoted (and inner quotes doubled) when it holds a
/// comma, quote, CR or LF, or starts or ends with a space.
void AppendCsvField(std::string& out, std::string_view text);

/// A DOT double-quoted string body: quote and backslash escaped, newlines
/// written as \n, CR and other control characters as spaces. Plain DOT
/// strings are taken literally by Graphviz tools except that a backslash
/// starts an escape, which is why it is doubled.
void AppendDotEscaped(std::string& out, std::string_view text);

/// The body of an N-Triples literal (STRING_LITERAL_QUOTE): \" \\ \n \r \t
/// \b \f escaped, other control characters as \u00XX.
void AppendNTriplesEscaped(std::string& out, std::string_view text);

/// Percent-encodes everything except RFC 3986 unreserved characters, so the
/// result is safe in an IRI path segment and in N-Triples <...>.
void AppendPercentEncoded(std::string& out, std::string_view text);

/// Shortest decimal that round-trips `value` ("0.87", "5.3e+10"); "0" for
/// non-finite values, which none of the formats can express.
void AppendNumber(std::string& out, double value);

}  // namespace kg::graph::io

namespace kg::graph::io {

/// A JSON array of strings, e.g. ["Alibaba","BABA"].
void AppendJsonStringArray(std::string& out, const std::vector<std::string>& items);

/// A relation's qualifiers as compact JSON text (invalid UTF-8 replaced); empty for {}.
std::string QualifiersText(const nlohmann::json& qualifiers);

}  // namespace kg::graph::io
