// SPDX-License-Identifier: MIT
#include "query/format.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace kg::query {
namespace {

// The length of the valid UTF-8 sequence at `at`, or 0 when it is not one.
std::size_t Utf8Length(std::string_view text, std::size_t at) {
  auto byte = static_cast<unsigned char>(text[at]);
  std::size_t length = byte < 0x80           ? 1
                       : (byte >> 5) == 0x6  ? 2
                       : (byte >> 4) == 0xe  ? 3
                       : (byte >> 3) == 0x1e ? 4
                                             : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t index = 1; index < length; ++index) {
    if ((static_cast<unsigned char>(text[at + index]) & 0xc0) != 0x80) return 0;
  }
  return length;
}

std::string Hex(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
  return buffer;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xc0) != 0x80 ? 1 : 0;
  return width;
}

std::string FormatConfidence(double confidence) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << confidence;
  return out.str();
}

const std::string& NameOf(const Result& result, graph::EntityId id) {
  static const std::string kUnknown = "?";
  auto found = result.entities.find(id);
  return found == result.entities.end() ? kUnknown : found->second.name;
}

std::vector<graph::Evidence> EvidenceOf(const graph::Store& store, const Match& match,
                                        const ResultFormat& format) {
  std::vector<graph::Evidence> evidence = store.EvidenceFor(match.relation.id);
  if (!format.prefer_document.empty()) {
    std::stable_partition(evidence.begin(), evidence.end(), [&](const graph::Evidence& item) {
      return item.document == format.prefer_document;
    });
  }
  return evidence;
}

}  // namespace

std::string EscapeForTerminal(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    auto byte = static_cast<unsigned char>(text[at]);
    std::size_t length = Utf8Length(text, at);
    if (length == 0) {
      escaped += Hex(byte);
      ++at;
    } else if (length == 1 && (byte < 0x20 || byte == 0x7f)) {
      escaped += byte == '\n' ? "\\n" : byte == '\t' ? "\\t" : byte == '\r' ? "\\r" : Hex(byte);
      ++at;
    } else if (length == 2 && byte == 0xc2 && static_cast<unsigned char>(text[at + 1]) < 0xa0) {
      escaped += Hex(byte) + Hex(static_cast<unsigned char>(text[at + 1]));  // C1 controls
      at += 2;
    } else {
      escaped.append(text.substr(at, length));
      at += length;
    }
  }
  return escaped;
}

void WriteTable(std::ostream& out, const Table& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t column = 0; column < row.size() && column < widths.size(); ++column) {
      widths[column] = std::max(widths[column], DisplayWidth(EscapeForTerminal(row[column])));
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  auto write = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t column = 0; column < widths.size(); ++column) {
      std::string cell = column < row.size() ? EscapeForTerminal(row[column]) : "";
      line += cell;
      if (column + 1 < widths.size())
        line += std::string(widths[column] - DisplayWidth(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  };
  write(table.header);
  std::vector<std::string> rule;
  for (std::size_t width : widths) rule.emplace_back(width, '-');
  write(rule);
  for (const auto& row : table.rows) write(row);
}

void WriteCsv(std::ostream& out, const Table& table) {
  auto write = [&](const std::vector<std::string>& row) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      if (column > 0) out << ',';
      const std::string& cell = row[column];
      if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        out << cell;
        continue;
      }
      out << '"';
      for (char c : cell) out << (c == '"' ? "\"\"" : std::string(1, c));
      out << '"';
    }
    out << "\r\n";
  };
  write(table.header);
  for (const auto& row : table.rows) write(row);
}

std::string CaretLine(std::string_view text, long position) {
  std::size_t at = position < 0 ? 0 : std::min(static_cast<std::size_t>(position), text.size());
  std::string before = EscapeForTerminal(text.substr(0, at));
  return "  " + EscapeForTerminal(text) + "\n  " + std::string(DisplayWidth(before), ' ') + "^";
}

Table ResultTable(const graph::Store& store, const Result& result, const ResultFormat& format) {
  Table table;
  bool single = result.patterns.size() == 1;
  if (single) {
    table.header = {"subject", "relation", "object", "confidence"};
  } else {
    table.header = result.variables;
    table.header.push_back("confidence");
  }
  if (format.evidence) {
    table.header.push_back("evidence");
    table.header.push_back("source");
  }
  for (const Row& row : result.rows) {
    std::vector<std::string> cells;
    double lowest = 1;
    for (const Match& match : row.matches) lowest = std::min(lowest, match.relation.confidence);
    if (single) {
      const Match& match = row.matches.front();
      cells = {NameOf(result, match.subject), match.relation.type, NameOf(result, match.object),
               FormatConfidence(match.relation.confidence)};
    } else {
      for (graph::EntityId value : row.values) cells.push_back(NameOf(result, value));
      cells.push_back(FormatConfidence(lowest));
    }
    if (format.evidence) {
      std::string sentences, sources;
      for (const Match& match : row.matches) {
        std::vector<graph::Evidence> evidence = EvidenceOf(store, match, format);
        std::string sentence = evidence.empty() ? "" : evidence.front().sentence;
        std::string source = evidence.empty() ? "" : evidence.front().document;
        sentences += (sentences.empty() ? "" : " | ") + sentence;
        sources += (sources.empty() ? "" : " | ") + source;
      }
      cells.push_back(sentences);
      cells.push_back(sources);
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

nlohmann::json ResultJson(const graph::Store& store, const Result& result,
                          const ResultFormat& format) {
  nlohmann::json json;
  json["query"] = result.query;
  json["variables"] = result.variables;
  json["patterns"] = nlohmann::json::array();
  for (const ResolvedPattern& pattern : result.patterns) {
    json["patterns"].push_back(
        {{"subject", pattern.subject}, {"relation", pattern.relation}, {"object", pattern.object}});
  }
  json["truncated"] = result.truncated;
  json["rows"] = nlohmann::json::array();
  auto entity_json = [&](graph::EntityId id) {
    auto found = result.entities.find(id);
    nlohmann::json entity = {{"id", id}};
    if (found != result.entities.end()) {
      entity["name"] = found->second.name;
      entity["type"] = found->second.type;
    }
    return entity;
  };
  for (const Row& row : result.rows) {
    nlohmann::json bindings = nlohmann::json::object();
    for (std::size_t index = 0; index < row.values.size(); ++index) {
      bindings[result.variables[index]] = entity_json(row.values[index]);
    }
    nlohmann::json matches = nlohmann::json::array();
    for (const Match& match : row.matches) {
      nlohmann::json item = {{"relation_id", match.relation.id},
                             {"subject", entity_json(match.subject)},
                             {"relation", match.relation.type},
                             {"object", entity_json(match.object)},
                             {"confidence", match.relation.confidence}};
      if (!match.relation.qualifiers.empty()) item["qualifiers"] = match.relation.qualifiers;
      if (format.evidence) {
        item["evidence"] = nlohmann::json::array();
        for (const graph::Evidence& evidence : EvidenceOf(store, match, format)) {
          item["evidence"].push_back({{"document", evidence.document},
                                      {"sentence_index", evidence.sentence_index},
                                      {"span", {evidence.span_start, evidence.span_end}},
                                      {"sentence", evidence.sentence},
                                      {"confidence", evidence.confidence}});
        }
      }
      matches.push_back(std::move(item));
    }
    json["rows"].push_back({{"bindings", std::move(bindings)}, {"matches", std::move(matches)}});
  }
  return json;
}

}  // namespace kg::query
