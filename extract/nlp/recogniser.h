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
const WordSet& NonNameCapitals();    // capitalised words that do not start names
const WordSet& GenericAcronyms();    // AI, GPU, CEO...: never tickers or names alone
const WordSet& RoleWords();          // CEO, analyst, founder...
const WordSet& OrganisationCues();   // Group, Technologies, Labs...: end organisation names
const WordSet& CorporateSuffixes();  // Inc., Corp, Ltd, plc, AG...: end company names
const WordSet& ChipHeads();          // chip, GPUs, accelerator...: nouns after chip names
const WordSet& CompanyNouns();       // startup, firm, maker...: nouns naming a company
const WordSet& PublicBodyNouns();    // agency, council, ministry...: nouns ending a body's name
const WordSet& Prepositions();       // in, of, at...: their object is seldom a clause's subject

/// Membership of a token in the recognisers' word lists, as bits, so a
/// recogniser tests a list with one AND rather than one lookup per question.
enum WordClass : std::uint16_t {
  kNameWord = 1 << 0,  // a capitalised word in neither NonNameCapitals nor GenericAcronyms
  kNonNameCapital = 1 << 1,
  kGenericAcronym = 1 << 2,
  kRoleWord = 1 << 3,
  kOrganisationCue = 1 << 4,
  kPersonTitle = 1 << 5,     // Mr, Dr., Sir...
  kProductHead = 1 << 6,     // platform, app, model...: nouns after product names
  kCompanyNoun = 1 << 7,     // startup, firm, rival...: nouns before company names
  kGroupNoun = 1 << 8,       // companies, rivals...: nouns before lists of companies
  kGivenName = 1 << 9,       // the lexicon's given names (set on capitalised words only)
  kAmountStarter = 1 << 10,  // AmountStarterWords(): "$", "RMB", "two"...
  kReferenceWord = 1 << 11,  // its, it, the, he, she, his, her, him: where coreference looks
  // Bits kBoilerplateCueShift and up: the word's BoilerplateCue bits (text.h).
  kBoilerplateCues = 0xF << kBoilerplateCueShift,
};

/// The WordClass bits of each of `tokens`. Cost: one hash lookup per token (two
/// for a capitalised word: given names are the lexicon's).
std::vector<std::uint16_t> ClassifyWords(const Lexicon& lexicon, const std::vector<Token>& tokens);

/// After the recognisers and short forms: one-word names the document uses as a
/// company's ("ABB said", "Parlamo's co-founder") become companies wherever they stand.
/// Reads the start tokens (document.starts) the recognisers walked.
void CompaniesNamedInContext(const Lexicon& lexicon, Document& document);

/// The corporate suffixes and "co". Asked of every word of every name run: a cache-sized
/// filter turns most words away before the set is read.
struct CorporateSuffixWords {
  static const CorporateSuffixWords& Get();
  CorporateSuffixWords();
  bool Contain(std::uint64_t hash) const {
    return filter.MayContain(hash) && ContainFiltered(hash);
  }
  bool ContainFiltered(std::uint64_t hash) const;  // the set itself

  std::uint64_t co = HashLower("co");
  WordFilter<10> filter;
};

class SentenceRecogniser {
 public:
  /// `word_classes`: ClassifyWords() of the document's tokens; `taken`: one
  /// zero per document token, shared by the document's sentence recognisers.
  SentenceRecogniser(const Lexicon& lexicon, Document& document,
                     const std::vector<std::uint16_t>& word_classes,
                     std::vector<std::uint8_t>& taken, int sentence);

  /// Runs every recogniser over the sentence.
  void Run();
  /// After Run() over every sentence of the document: an unknown name listed with
  /// companies is one ("Sage Group, Xero and Intuit"). `person_words`: every word of
  /// the document's person names, which are never taken for companies.
  void CoordinatedNames(const WordSet& person_words);
  /// After Run() over every sentence: an unknown name a company launches is a product.
  void LaunchedNames(const WordSet& person_words);

 private:
  // recognise.cpp
  void Amounts();
  void LexiconNames();
  void VersionedNames();
  void TickersAndAcronyms();
  // names.cpp
  void Products();
  void NamedByNoun();
  bool MentionsAi() const;
  void People();
  void Organisations();
  void ListsAndAppositions();

  std::uint32_t ExtendModel(std::uint32_t end, bool has_version) const;
  bool Free(std::uint32_t first, std::uint32_t last) const;
  bool LooksLikeFirmAfter(std::uint32_t t) const;
  bool ModifiedRoleAppositionOfPerson(std::uint32_t first, std::uint32_t end,
                                      std::uint32_t role) const;
  bool NamesLongerOrganisation(std::uint32_t end) const;
  std::uint32_t ExtendChipVariants(std::uint32_t end) const;
  std::uint32_t SuffixedLongerName(std::uint32_t end) const;
  /// ", Nvidia's venture capital arm" after a name: the name is a company's unit.
  std::uint32_t RoleAfterCompanyPossessive(std::uint32_t at) const;
  bool PlaceStartsAt(std::uint32_t t) const;
  std::uint32_t AfterListSeparator(std::uint32_t at) const;
  bool StrongCompanyContextAtStart(std::uint32_t t, std::uint32_t end) const;
  bool BrandListStart(std::uint32_t t) const;
  bool BoughtName(std::uint32_t t, std::uint32_t end) const;
  bool UnitApposition(std::uint32_t end) const;
  /// Inc., Corp, Ltd, Co...: written capitalised, as names end.
  bool IsCorporateSuffix(std::uint32_t t) const {
    const Token& token = tokens_[t];
    return (token.capitalised || token.all_caps) && corporate_suffixes_.Contain(token.hash);
  }
  int Emit(Candidate candidate);
  int MentionEndingAt(std::uint32_t t) const;
  /// A capitalised word that may be part of a name and is not yet claimed.
  bool IsNameToken(std::uint32_t t) const {
    return t < last_ && taken_[t] == 0 && Has(t, kNameWord);
  }
  /// A short unclaimed number, a name's version ("Vega 2", "Mate 70").
  bool IsShortVersion(std::uint32_t t) const {
    return t < last_ && tokens_[t].kind == TokenKind::kNumber &&
           tokens_[t].end - tokens_[t].start <= 4 && taken_[t] == 0;
  }
  /// The end of the run of name tokens from `t`: at most `max` words, a
  /// hyphenated compound ("Marie-Pierre", "T-Head") counting as one.
  std::uint32_t NameRunEnd(std::uint32_t t, std::uint32_t max) const;
  // `end` past a given name's hyphenated second syllable glued to the token before it
  // ("Kim Min" -jun), else `end`.
  std::uint32_t HyphenatedGivenNameEnd(std::uint32_t end) const;
  // `end` past a surname's particles and the surname after them ("Kees" van den Berg), else
  // `end`; `strong`: only a surname opened by "van", "von", "ter" or "ten", for a first name
  // that is no known given name.
  std::uint32_t ParticleSurnameEnd(std::uint32_t end, bool strong = false) const;
  /// The sentence's start tokens of `kind` (document.starts), from its first on.
  StartCursor Starts(StartKind kind) const {
    const auto k = static_cast<std::size_t>(kind);
    const std::uint32_t* list = document_.starts.tokens[k].data();
    const auto s = static_cast<std::size_t>(sentence_);
    return {list + document_.starts.sentence_begin[s][k],
            list + document_.starts.sentence_begin[s + 1][k]};
  }
  std::string_view Word(std::uint32_t t) const { return TokenText(document_.text, tokens_[t]); }
  bool Is(std::uint32_t t, std::string_view word) const { return t < last_ && Word(t) == word; }
  bool Has(std::uint32_t t, WordClass word_class) const {
    return (word_classes_[t] & word_class) != 0;
  }

  const Lexicon& lexicon_;
  Document& document_;
  const std::vector<Token>& tokens_;
  const std::vector<std::uint16_t>& word_classes_;
  int sentence_;
  std::uint32_t first_;
  std::uint32_t last_;
  bool headline_;
  // Per token of the document, 1 once a mention claims it. Shared by the document's
  // sentence recognisers (their token ranges are disjoint), so none allocates its own.
  std::vector<std::uint8_t>& taken_;
  const CorporateSuffixWords& corporate_suffixes_;
};

}  // namespace kg::extract::nlp
