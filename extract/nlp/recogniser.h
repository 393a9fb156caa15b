// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/nlp/document.h"

/// The entity recognisers of one sentence (private to extract/nlp). Each
/// recogniser claims free tokens; earlier ones win: amounts, lexicon names,
/// model and chip names, tickers and acronym definitions, then the general
/// recognisers for products, people and organisations the lexicon lacks.
namespace kg::extract::nlp {

/// Word lists shared by the recognisers and coreference.
const WordSet& NonNameCapitals();   // capitalised words that do not start names
const WordSet& GenericAcronyms();   // AI, GPU, CEO...: never tickers or names alone
const WordSet& RoleWords();         // CEO, analyst, founder...
const WordSet& OrganisationCues();  // Group, Technologies, Labs...: end organisation names

class SentenceRecogniser {
 public:
  SentenceRecogniser(const Lexicon& lexicon, Document& document, int sentence);

  /// Runs every recogniser over the sentence.
  void Run();

 private:
  // recognise.cpp
  void Amounts();
  void LexiconNames();
  void VersionedNames();
  void TickersAndAcronyms();
  // names.cpp
  void Products();
  void People();
  void Organisations();
  void ListsAndAppositions();

  std::uint32_t ExtendModel(std::uint32_t end, bool has_version) const;
  bool Free(std::uint32_t first, std::uint32_t last) const;
  int Emit(Candidate candidate);
  int MentionEndingAt(std::uint32_t t) const;
  /// A capitalised word that may be part of a name and is not yet claimed.
  bool IsNameToken(std::uint32_t t) const;
  /// The end of the run of name tokens from `t` (at most `max` tokens).
  std::uint32_t NameRunEnd(std::uint32_t t, std::uint32_t max) const;
  std::string_view Word(std::uint32_t t) const;
  bool Is(std::uint32_t t, std::string_view word) const;

  const Lexicon& lexicon_;
  Document& document_;
  const std::vector<Token>& tokens_;
  int sentence_;
  std::uint32_t first_;
  std::uint32_t last_;
  bool headline_;
  std::vector<std::uint8_t> taken_;  // per token of the sentence
};

}  // namespace kg::extract::nlp
