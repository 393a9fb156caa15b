// SPDX-License-Identifier: MIT
#include "extract/extractor.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "extract/nlp/document.h"
#include "extract/nlp/lexicon.h"
#include "extract/nlp/rules.h"
#include "graph/error.h"

namespace kg::extract::data {
extern const char* const kCompaniesTsv;
extern const char* const kPeopleTsv;
extern const char* const kPlacesTsv;
extern const char* const kModelsTsv;
extern const char* const kChipsTsv;
extern const char* const kProductsTsv;
extern const char* const kGivenNamesTxt;
extern const char* const kRulesTsv;
}  // namespace kg::extract::data

namespace kg::extract {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// "over the next three years", "a three-year plan": the period a figure covers.
std::string FindPeriod(const nlp::Document& document, const nlp::Sentence& sentence) {
  static const nlp::WordSet kUnits =
      nlp::MakeWordSet({"years", "year", "months", "month", "quarters", "quarter"});
  static const nlp::WordSet kCounts = nlp::MakeWordSet(
      {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"});
  const auto& tokens = document.layout.tokens;
  for (std::uint32_t t = sentence.first_token + 1; t < sentence.last_token; ++t) {
    if (kUnits.count(tokens[t].hash) == 0) continue;
    std::uint32_t begin = t - 1;
    if (nlp::TokenText(document.text, tokens[begin]) == "-" && begin > sentence.first_token) {
      --begin;
    }
    const nlp::Token& count = tokens[begin];
    if (kCounts.count(count.hash) != 0 ||
        (count.kind == nlp::TokenKind::kNumber && count.end - count.start <= 2)) {
      return std::string(document.Text(begin, t + 1));
    }
  }
  return {};
}

// A person's role at a company: the specific ones and works_for, the general one.
bool IsPersonRole(std::string_view relation) {
  return relation == "ceo_of" || relation == "chairman_of" || relation == "founder_of" ||
         relation == "works_for";
}

// The most confident rule match per (subject, relation, object, sentence). The relation is
// a view of the rule's (the rules outlive the record), ordered as the string would be.
using BestMatches =
    std::map<std::tuple<int, std::string_view, int, int>, std::pair<double, const nlp::Rule*>>;

// A model, chip or product named after one the document says a company develops
// ("Kimi K3 Lite" after "Kimi K3", "Veltro-2 Ultra" after "Veltro-2", "iPhone 17 Pro")
// is a variant of it, from the same developer, unless the document names another.
// Only after a verb states the development ("released Veltro-2"; rules of confidence
// 0.85): a rival's "GPT-5-Chat" named in passing beside "OpenAI's GPT-5" is seldom
// presented as a version. The evidence is the sentence that first names the variant.
void AddVariantDevelopers(const nlp::Document& document, const graph::DocumentRecord& record,
                          const std::vector<int>& record_index, BestMatches& best) {
  // The base confidence of the verb rules (develop-verb, develop-passive), and what a
  // variant keeps of its base relation's confidence.
  constexpr double kStatedByVerb = 0.85, kVariantDiscount = 0.85;
  static const nlp::Rule kVariant = [] {
    nlp::Rule rule;
    rule.name = "variant-of-developed";
    rule.relation = "develops";
    return rule;
  }();
  std::map<int, std::pair<int, double>> developer;  // thing -> (developer, confidence)
  std::set<int> developed;                          // things with any developer
  for (const auto& [key, value] : best) {
    const auto& [subject, relation, object, sentence] = key;
    if (relation != "develops") continue;
    developed.insert(object);
    if (value.second->confidence < kStatedByVerb) continue;
    auto [it, inserted] = developer.emplace(object, std::make_pair(subject, value.first));
    if (!inserted && it->second.second < value.first) it->second = {subject, value.first};
  }
  if (developer.empty()) return;
  auto name_of = [&](int entity) -> const graph::EntityMention* {
    const int index = record_index[static_cast<std::size_t>(entity)];
    return index < 0 ? nullptr : &record.entities[static_cast<std::size_t>(index)];
  };
  for (std::size_t v = 0; v < document.entities.size(); ++v) {
    const int variant = static_cast<int>(v);
    const graph::EntityMention* named = name_of(variant);
    if (named == nullptr || developed.count(variant) != 0 ||
        (named->type != "Model" && named->type != "Chip" && named->type != "Product")) {
      continue;
    }
    const std::string& name = named->name;
    int base = -1;
    std::size_t base_length = 0;
    for (const auto& [thing, by] : developer) {
      const graph::EntityMention* original = name_of(thing);
      if (original == nullptr || original->type != named->type) continue;
      const std::string& stem = original->name;
      if (stem.size() + 1 < name.size() && stem.size() > base_length &&
          name.compare(0, stem.size(), stem) == 0 &&
          (name[stem.size()] == ' ' || name[stem.size()] == '-')) {
        base = thing;
        base_length = stem.size();
      }
    }
    if (base < 0) continue;
    const auto& [company, confidence] = developer.at(base);
    best.emplace(std::make_tuple(company, std::string_view(kVariant.relation), variant,
                                 document.entities[v].first_sentence),
                 std::make_pair(confidence * kVariantDiscount, &kVariant));
  }
}

// "The X3 Elite is manufactured by TSMC": a chip's maker (relation `made_by`, which the
// ontology lacks and the record never holds) supplies the chip's developer, who uses it.
// The chip's developers are those the document states anywhere ("Qualcomm unveiled the
// X3 Elite").
void AddMakersAsSuppliers(BestMatches& best) {
  constexpr double kDeveloperInferred = 0.9;
  std::multimap<int, int> developers;  // thing -> developer
  for (const auto& [key, value] : best) {
    if (std::get<1>(key) == "develops") developers.emplace(std::get<2>(key), std::get<0>(key));
  }
  std::vector<BestMatches::value_type> supplies;
  for (auto it = best.begin(); it != best.end();) {
    const auto& [thing, relation, maker, sentence] = it->first;
    if (relation != "made_by") {
      ++it;
      continue;
    }
    const auto [first, last] = developers.equal_range(thing);
    for (auto developer = first; developer != last; ++developer) {
      if (developer->second == maker) continue;
      supplies.push_back(
          {std::make_tuple(developer->second, std::string_view("uses"), maker, sentence),
           {it->second.first * kDeveloperInferred, it->second.second}});
    }
    it = best.erase(it);
  }
  for (const auto& [key, value] : supplies) {
    auto [it, inserted] = best.emplace(key, value);
    if (!inserted && it->second.first < value.first) it->second = value;
  }
}

}  // namespace

struct Extractor::Impl {
  nlp::Lexicon lexicon;
  nlp::RuleSet rules;
};

Extractor::Extractor(const ExtractorOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->lexicon.AddEntries(data::kCompaniesTsv, "extract/data/companies.tsv");
  impl_->lexicon.AddEntries(data::kPeopleTsv, "extract/data/people.tsv");
  impl_->lexicon.AddEntries(data::kPlacesTsv, "extract/data/places.tsv");
  impl_->lexicon.AddEntries(data::kModelsTsv, "extract/data/models.tsv");
  impl_->lexicon.AddEntries(data::kChipsTsv, "extract/data/chips.tsv");
  impl_->lexicon.AddEntries(data::kProductsTsv, "extract/data/products.tsv");
  impl_->lexicon.AddGivenNames(data::kGivenNamesTxt);
  impl_->rules.AddRules(data::kRulesTsv, "extract/data/rules.tsv");
  for (const std::string& path : options.lexicon_files) {
    impl_->lexicon.AddEntries(ReadFile(path), path);
  }
  for (const std::string& path : options.rule_files) impl_->rules.AddRules(ReadFile(path), path);
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

graph::DocumentRecord Extractor::Extract(std::string name, std::string text) const {
  graph::DocumentRecord record;
  record.name = std::move(name);
  record.text = std::move(text);
  // One document per thread, reused: its buffers keep their storage from text to text.
  thread_local nlp::Document document;
  document.Reset(record.text);
  nlp::Segment(document.text, document.layout);
  nlp::ClassifyWords(impl_->lexicon, document);
  nlp::MarkBoilerplate(document.text, document.layout, document.word_classes);
  nlp::RecogniseEntities(impl_->lexicon, document);
  nlp::ChooseCanonicalNames(impl_->lexicon, document);
  nlp::ResolveCoreference(document);
  const std::vector<nlp::RuleMatch> matches = impl_->rules.Apply(document);

  const auto& sentences = document.layout.sentences;
  if (!sentences.empty() && sentences.front().headline && !sentences.front().boilerplate) {
    record.title =
        std::string(document.Text(sentences.front().first_token, sentences.front().last_token));
  }
  // Entities with at least one explicit mention, in order of appearance. Their names,
  // types, tickers and surfaces move into the record (the relations below read only units).
  std::vector<int> record_index(document.entities.size(), -1);
  record.entities.reserve(document.entities.size());
  for (std::size_t e = 0; e < document.entities.size(); ++e) {
    nlp::DocEntity& entity = document.entities[e];
    if (entity.mentions == 0 || entity.name.empty()) continue;
    record_index[e] = static_cast<int>(record.entities.size());
    // Its fields moved in one by one: a temporary EntityMention would move every string twice.
    graph::EntityMention& mention = record.entities.emplace_back();
    mention.name = std::move(entity.name);
    mention.type = std::move(entity.type);
    mention.ticker = std::move(entity.ticker);
    mention.value = entity.value;
    mention.unit = entity.unit;
    mention.count = entity.mentions;
    mention.aliases.reserve(entity.surfaces.size());
    for (auto& [surface, count] : entity.surfaces) mention.aliases.push_back(std::move(surface));
  }
  // One relation per (subject, type, object, sentence), the most confident; a
  // figure stated as equal to another ("RMB 380 billion ($53 billion)") shares its relations.
  BestMatches best;
  std::multimap<std::pair<int, int>, int> equal_amounts;  // (sentence, amount) -> other amount
  // A relation filled in from context yields to one the text states outright
  // for the same sentence, type and stated end (not the end context filled in: "a round
  // led by A, with participation from B" states B's stake as plainly as A's).
  std::set<std::tuple<int, std::string_view, int, int>> stated;
  // A person's company filled in from context also yields to a role the text
  // states anywhere in the document ("Qantas chief executive Geoff Dixon" makes
  // a later bare "chief executive Geoff Dixon" Qantas's, not the article's company).
  std::map<int, std::set<int>> stated_employers;  // person -> companies stated
  for (const nlp::RuleMatch& match : matches) {
    if (match.from_context) continue;
    stated.emplace(match.sentence, match.rule->relation, match.object, 0);
    stated.emplace(match.sentence, match.rule->relation, match.subject, 1);
    if (IsPersonRole(match.rule->relation)) stated_employers[match.subject].insert(match.object);
  }
  for (const nlp::RuleMatch& match : matches) {
    // Two figures in one currency are not a conversion ("$27.7 billion, or $3.72 per share").
    if (match.rule->relation == "equals" && match.subject >= 0 && match.object >= 0 &&
        document.entities[static_cast<std::size_t>(match.subject)].unit ==
            document.entities[static_cast<std::size_t>(match.object)].unit) {
      continue;
    }
    if (match.from_context &&
        (match.subject_from_context
             ? stated.count({match.sentence, match.rule->relation, match.object, 0})
             : stated.count({match.sentence, match.rule->relation, match.subject, 1}))) {
      continue;
    }
    if (match.from_context && IsPersonRole(match.rule->relation)) {
      auto employers = stated_employers.find(match.subject);
      if (employers != stated_employers.end() && employers->second.count(match.object) == 0) {
        continue;
      }
    }
    auto key = std::make_tuple(match.subject, std::string_view(match.rule->relation), match.object,
                               match.sentence);
    auto [it, inserted] = best.emplace(key, std::make_pair(match.confidence, match.rule));
    if (!inserted && it->second.first < match.confidence)
      it->second = {match.confidence, match.rule};
    if (match.rule->relation == "equals") {
      equal_amounts.emplace(std::make_pair(match.sentence, match.object), match.subject);
      equal_amounts.emplace(std::make_pair(match.sentence, match.subject), match.object);
    }
  }
  AddVariantDevelopers(document, record, record_index, best);
  AddMakersAsSuppliers(best);
  auto propagated = best;
  for (const auto& [key, value] : best) {
    const auto& [subject, relation, object, sentence] = key;
    if (relation == "equals") continue;
    auto range = equal_amounts.equal_range({sentence, object});
    for (auto it = range.first; it != range.second; ++it) {
      propagated.emplace(std::make_tuple(subject, relation, it->second, sentence),
                         std::make_pair(value.first * 0.95, value.second));
    }
  }
  // works_for is the general role: a person who heads or chairs the company
  // ("ASML Chief Executive Christophe Fouquet") gets only the specific relation.
  // Founding is no job: a co-founder who is "chief technology officer" also works there.
  std::set<std::pair<int, int>> specific_roles;
  for (const auto& [key, value] : propagated) {
    const std::string_view relation = std::get<1>(key);
    if (relation == "ceo_of" || relation == "chairman_of")
      specific_roles.emplace(std::get<0>(key), std::get<2>(key));
  }
  // A sentence that gives the owner a stake ("55% owned by Temasek") says it invests; the
  // same sentence's "owned by" is no subsidiary.
  std::set<std::tuple<int, int, int>> stakes;  // (investor, company, sentence)
  for (const auto& [key, value] : propagated) {
    if (std::get<1>(key) == "invests_in")
      stakes.emplace(std::get<0>(key), std::get<2>(key), std::get<3>(key));
  }
  std::map<int, std::string> periods;
  record.relations.reserve(propagated.size());
  for (const auto& [key, value] : propagated) {
    const auto& [subject, relation, object, sentence_index] = key;
    if (relation == "works_for" && specific_roles.count({subject, object}) != 0) continue;
    if (relation == "subsidiary_of" && stakes.count({object, subject, sentence_index}) != 0)
      continue;
    const int subject_index = record_index[static_cast<std::size_t>(subject)];
    const int object_index = record_index[static_cast<std::size_t>(object)];
    if (subject_index < 0 || object_index < 0) continue;
    const nlp::Sentence& sentence = sentences[static_cast<std::size_t>(sentence_index)];
    graph::RelationMention& relation_mention = record.relations.emplace_back();
    relation_mention.subject = subject_index;
    relation_mention.type.assign(relation);
    relation_mention.object = object_index;
    graph::Evidence& evidence = relation_mention.evidence;
    evidence.document = record.name;
    evidence.sentence_index = sentence_index;
    evidence.span_start = sentence.start;
    evidence.span_end = sentence.end;
    evidence.sentence.assign(record.text, sentence.start, sentence.end - sentence.start);
    evidence.rule = value.second->name;
    evidence.confidence = value.first;
    if (relation == "invests" || relation == "reports_revenue" ||
        relation == "reports_net_income") {
      auto [period, inserted] = periods.emplace(sentence_index, std::string());
      if (inserted) period->second = FindPeriod(document, sentence);
      if (!period->second.empty()) relation_mention.qualifiers["period"] = period->second;
    }
  }
  return record;
}

}  // namespace kg::extract
