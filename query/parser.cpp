// SPDX-License-Identifier: MIT
#include "query/parser.h"

#include <algorithm>
#include <optional>

#include "graph/error.h"
#include "graph/ontology.h"
#include "query/relation_words.h"

namespace kg::query {
namespace {

struct Token {
  enum class Kind { kWord, kQuoted, kVariable, kStar, kSeparator };
  Kind kind = Kind::kWord;
  std::string text;  // word, quoted content (unescaped), variable name
  std::string type;  // type suffix (":Model") of a variable, quoted string or word
  std::size_t position = 0;
  std::size_t end = 0;  // byte offset just past the token
};

[[noreturn]] void Fail(std::size_t position, const std::string& message) {
  throw Error(ErrorCode::kQuerySyntax, "position " + std::to_string(position) + ": " + message,
              static_cast<long>(position));
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string JoinTypes() {
  std::string joined;
  for (std::string_view type : graph::EntityTypes()) {
    joined += (joined.empty() ? "" : ", ") + std::string(type);
  }
  return joined;
}

// The ontology spelling of `type` written in any case, or nullopt.
std::optional<std::string> CanonicalType(std::string_view type) {
  for (std::string_view known : graph::EntityTypes()) {
    if (known.size() != type.size()) continue;
    bool same = std::equal(known.begin(), known.end(), type.begin(),
                           [](char a, char b) { return (a | 0x20) == (b | 0x20); });
    if (same) return std::string(known);
  }
  return std::nullopt;
}

// Reads ":Type" at `at`, if present; a malformed or unknown type is an error
// when `required` (after a variable or quote), else it is left to the word.
std::optional<std::string> ReadTypeSuffix(std::string_view text, std::size_t& at, bool required) {
  if (at >= text.size() || text[at] != ':') return std::nullopt;
  std::size_t start = at + 1;
  std::size_t end = start;
  while (end < text.size() && IsIdentifierChar(text[end])) ++end;
  std::string_view written = text.substr(start, end - start);
  std::optional<std::string> type = CanonicalType(written);
  if (!type) {
    if (!required) return std::nullopt;
    Fail(start, written.empty() ? "expected an entity type after ':' (" + JoinTypes() + ")"
                                : "unknown entity type '" + std::string(written) + "'; types are " +
                                      JoinTypes());
  }
  at = end;
  return type;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (IsSpace(c)) {
      ++at;
      continue;
    }
    Token token;
    token.position = at;
    bool at_boundary = at + 1 >= text.size() || IsSpace(text[at + 1]);
    if (c == '.' && at_boundary) {
      token.kind = Token::Kind::kSeparator;
      ++at;
    } else if (c == '*' && at_boundary) {
      token.kind = Token::Kind::kStar;
      ++at;
    } else if (c == '?') {
      token.kind = Token::Kind::kVariable;
      ++at;
      while (at < text.size() && IsIdentifierChar(text[at])) token.text.push_back(text[at++]);
      if (auto type = ReadTypeSuffix(text, at, true)) token.type = *type;
      if (at < text.size() && !IsSpace(text[at]) && text[at] != '.') {
        Fail(at, "unexpected '" + std::string(1, text[at]) +
                     "' in variable; variables are ?, ?name or ?name:Type");
      }
    } else if (c == '"') {
      token.kind = Token::Kind::kQuoted;
      ++at;
      while (true) {
        if (at >= text.size()) Fail(token.position, "unterminated quoted string");
        if (text[at] == '\\' && at + 1 < text.size()) {
          token.text.push_back(text[at + 1]);
          at += 2;
        } else if (text[at] == '"') {
          ++at;
          break;
        } else {
          token.text.push_back(text[at++]);
        }
      }
      if (auto type = ReadTypeSuffix(text, at, true)) token.type = *type;
      if (at < text.size() && !IsSpace(text[at]) && text[at] != '.') {
        Fail(at, "expected a space after the closing quote");
      }
    } else {
      token.kind = Token::Kind::kWord;
      while (at < text.size() && !IsSpace(text[at]) && text[at] != '"') {
        if (text[at] == ':') {
          std::size_t suffix_at = at;
          if (auto type = ReadTypeSuffix(text, suffix_at, false);
              type && (suffix_at >= text.size() || IsSpace(text[suffix_at]))) {
            token.type = *type;
            at = suffix_at;
            break;
          }
        }
        token.text.push_back(text[at++]);
      }
    }
    token.end = at;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// Tokens [first, last) as one subject or object, or nullopt when they are not one.
std::optional<Term> MakeTerm(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                             std::string_view text) {
  if (first >= last) return std::nullopt;
  const Token& head = tokens[first];
  Term term;
  term.position = head.position;
  if (head.kind == Token::Kind::kVariable || head.kind == Token::Kind::kQuoted) {
    if (last - first != 1) return std::nullopt;
    term.kind = head.kind == Token::Kind::kVariable ? Term::Kind::kVariable : Term::Kind::kEntity;
    term.text = head.text;
    term.type = head.type;
    return term;
  }
  for (std::size_t index = first; index < last; ++index) {
    if (tokens[index].kind != Token::Kind::kWord) return std::nullopt;
    // Only the last word may carry a type suffix.
    if (!tokens[index].type.empty() && index + 1 != last) return std::nullopt;
  }
  term.kind = Term::Kind::kEntity;
  const Token& tail = tokens[last - 1];
  // The original spelling, spaces included, minus a type suffix.
  std::size_t end = tail.type.empty() ? tail.end : tail.position + tail.text.size();
  term.text = std::string(text.substr(head.position, end - head.position));
  term.type = tail.type;
  return term;
}

Term AnonymousVariable(std::size_t position) {
  Term term;
  term.kind = Term::Kind::kVariable;
  term.position = position;
  return term;
}

struct Candidate {
  Pattern pattern;
  int rank = 0;  // higher is better
};

std::string RelationList() {
  std::string joined;
  for (const std::string& name : KnownRelationNames())
    joined += (joined.empty() ? "" : ", ") + name;
  return joined + ", or * for any";
}

PatternReadings ParsePattern(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                             std::string_view text) {
  std::vector<Candidate> candidates;
  auto consider = [&](std::size_t relation_first, std::size_t relation_last,
                      std::optional<RelationWord> word, int rank) {
    std::optional<Term> subject = MakeTerm(tokens, first, relation_first, text);
    if (!subject) return;
    std::optional<Term> object;
    if (relation_last == last) {
      object = AnonymousVariable(tokens[relation_last - 1].end);
    } else {
      object = MakeTerm(tokens, relation_last, last, text);
    }
    if (!object) return;
    Candidate candidate;
    candidate.rank = rank;
    Pattern& pattern = candidate.pattern;
    pattern.position = tokens[first].position;
    std::size_t text_start = tokens[relation_first].position;
    pattern.relation_text =
        std::string(text.substr(text_start, tokens[relation_last - 1].end - text_start));
    bool inverse = word && word->inverse;
    pattern.relation = word ? word->relation : "";
    pattern.subject = inverse ? *object : *subject;
    pattern.object = inverse ? *subject : *object;
    candidates.push_back(std::move(candidate));
  };

  const int max_words = MaxRelationPhraseWords();
  for (std::size_t index = first + 1; index < last; ++index) {
    const Token& token = tokens[index];
    if (token.kind == Token::Kind::kStar) {
      consider(index, index + 1, std::nullopt, 1000);
    } else if (token.kind == Token::Kind::kQuoted) {
      if (auto word = LookupRelationWord(token.text)) consider(index, index + 1, word, 999);
    } else if (token.kind == Token::Kind::kWord && token.type.empty()) {
      std::string phrase;
      for (std::size_t end = index; end < last && static_cast<int>(end - index) < max_words;
           ++end) {
        if (tokens[end].kind != Token::Kind::kWord || !tokens[end].type.empty()) break;
        phrase += (phrase.empty() ? "" : " ") + tokens[end].text;
        if (auto word = LookupRelationWord(phrase)) {
          consider(index, end + 1, word, static_cast<int>(end + 1 - index));
        }
      }
    }
  }
  if (candidates.empty()) {
    // Say what is wrong as precisely as the tokens allow.
    if (last - first == 1) {
      Fail(tokens[first].end,
           "expected a relation after '" +
               std::string(text.substr(tokens[first].position,
                                       tokens[first].end - tokens[first].position)) +
               "'; relations are " + RelationList());
    }
    std::size_t relation_first = first + 1;
    std::size_t relation_last = relation_first + 1;
    bool object_is_explicit = tokens[last - 1].kind != Token::Kind::kWord;
    if (object_is_explicit && tokens[first].kind != Token::Kind::kWord) relation_last = last - 1;
    if (relation_last <= relation_first) relation_last = relation_first + 1;
    const Token& head = tokens[relation_first];
    if (head.kind == Token::Kind::kVariable) {
      Fail(head.position, "expected a relation, found a variable; use * for any relation");
    }
    std::size_t end = tokens[relation_last - 1].end;
    Fail(head.position, "unknown relation '" +
                            std::string(text.substr(head.position, end - head.position)) +
                            "'; relations are " + RelationList());
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.rank > b.rank; });
  PatternReadings readings;
  for (Candidate& candidate : candidates) readings.readings.push_back(std::move(candidate.pattern));
  return readings;
}

}  // namespace

ParsedQuery Parse(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  if (tokens.empty()) Fail(0, "empty query; try 'Alibaba partners_with ?'");
  ParsedQuery query;
  std::size_t first = 0;
  for (std::size_t index = 0; index <= tokens.size(); ++index) {
    bool at_end = index == tokens.size();
    if (!at_end && tokens[index].kind != Token::Kind::kSeparator) continue;
    if (index == first) {
      // A trailing '.' is allowed; an empty pattern elsewhere is not.
      if (!(at_end && !query.patterns.empty())) {
        Fail(at_end ? text.size() : tokens[index].position, "expected a pattern");
      }
    } else {
      query.patterns.push_back(ParsePattern(tokens, first, index, text));
    }
    first = index + 1;
  }
  return query;
}

}  // namespace kg::query
