// SPDX-License-Identifier: MIT
#include "query/relation_words.h"

#include <algorithm>
#include <unordered_map>

#include "graph/error.h"
#include "graph/ontology.h"

namespace kg::query {

extern const char* const kRelationWordsTsv;  // generated from data/relation_words.tsv

namespace {

struct Table {
  std::unordered_map<std::string, RelationWord> by_phrase;
  int max_words = 1;
};

int WordCount(std::string_view key) {
  return key.empty() ? 0 : static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

const Table& TheTable() {
  static const Table table = [] {
    Table built;
    for (const graph::RelationType& type : graph::RelationTypes()) {
      built.by_phrase[RelationPhraseKey(type.name)] = {std::string(type.name), false};
    }
    for (auto& [phrase, word] : ParseRelationWords(kRelationWordsTsv)) {
      built.by_phrase.emplace(phrase, word);  // an ontology name keeps its own meaning
    }
    for (const auto& entry : built.by_phrase) {
      built.max_words = std::max(built.max_words, WordCount(entry.first));
    }
    return built;
  }();
  return table;
}

}  // namespace

std::string RelationPhraseKey(std::string_view phrase) {
  std::string key;
  key.reserve(phrase.size());
  bool pending_space = false;
  for (char c : phrase) {
    if (c == ' ' || c == '\t' || c == '-' || c == '_') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

std::optional<RelationWord> LookupRelationWord(std::string_view phrase) {
  const Table& table = TheTable();
  auto found = table.by_phrase.find(RelationPhraseKey(phrase));
  if (found == table.by_phrase.end()) return std::nullopt;
  return found->second;
}

int MaxRelationPhraseWords() { return TheTable().max_words; }

std::vector<std::string> KnownRelationNames() {
  std::vector<std::string> names;
  for (const graph::RelationType& type : graph::RelationTypes()) names.emplace_back(type.name);
  return names;
}

std::vector<std::pair<std::string, RelationWord>> ParseRelationWords(std::string_view tsv) {
  std::vector<std::pair<std::string, RelationWord>> entries;
  int line_number = 0;
  while (!tsv.empty()) {
    std::size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv = end == std::string_view::npos ? std::string_view{} : tsv.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    while (true) {
      std::size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    auto fail = [&](const std::string& why) {
      throw Error(ErrorCode::kInvalidInput,
                  "relation_words.tsv line " + std::to_string(line_number) + ": " + why);
    };
    if (fields.size() < 2 || fields.size() > 3) fail("expected PHRASE<TAB>RELATION[<TAB>inverse]");
    std::string key = RelationPhraseKey(fields[0]);
    if (key.empty()) fail("empty phrase");
    if (graph::FindRelationType(fields[1]) == nullptr) {
      fail("unknown relation type '" + std::string(fields[1]) + "'");
    }
    bool inverse = fields.size() == 3;
    if (inverse && fields[2] != "inverse") fail("third field must be 'inverse'");
    entries.emplace_back(std::move(key), RelationWord{std::string(fields[1]), inverse});
  }
  return entries;
}

}  // namespace kg::query
