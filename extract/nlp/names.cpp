// SPDX-License-Identifier: MIT
// General recognisers for names the lexicon lacks: products before head nouns,
// people by title, role or given name, organisations by their name cues, and
// the members of "companies such as A, B and C" lists.
#include <algorithm>

#include "extract/nlp/recogniser.h"

namespace kg::extract::nlp {
namespace {

const WordSet& AiAdjectives() {
  static const WordSet set = MakeWordSet(
      {"generative", "artificial", "physical",  "agentic",     "conversational", "responsible",
       "open",       "edge",       "sovereign", "enterprise",  "general",        "applied",
       "embodied",   "multimodal", "frontier",  "explainable", "ethical",        "trustworthy",
       "narrow",     "strong",     "weak",      "human",       "machine",        "chinese",
       "american",   "global",     "next",      "new",         "safe",           "super",
       "vertical"});
  return set;
}

// Nouns that make the name before them, or in apposition to them, a model's.
const WordSet& ModelHeadNouns() {
  static const WordSet set = MakeWordSet({"model", "models", "llm", "llms"});
  return set;
}

const WordSet& Determiners() {
  static const WordSet set = MakeWordSet({"a", "an", "the", "its", "his", "her", "their"});
  return set;
}

}  // namespace

// Whether the sentence speaks of AI: an AI word ("language", "parameters", "chatbot") or
// another model named in it ("its Command A2 model outperforms GPT-4o").
bool SentenceRecogniser::MentionsAi() const {
  static const WordSet kAiWords =
      MakeWordSet({"ai", "llm", "language", "chatbot", "parameters", "generative", "neural",
                   "reasoning", "multimodal", "open-source", "benchmark", "benchmarks"});
  for (std::uint32_t k = first_; k < last_; ++k) {
    if (kAiWords.count(tokens_[k].hash) != 0) return true;
  }
  for (const Mention& mention : document_.mentions[static_cast<std::size_t>(sentence_)]) {
    if (document_.entities[static_cast<std::size_t>(mention.entity)].HasType("Model")) return true;
  }
  return false;
}

// "a new chip called Vega X1", "an AI model dubbed Orion": the noun before
// "called" gives the type of the name after it.
void SentenceRecogniser::NamedByNoun() {
  static const WordSet kNamingVerbs =
      MakeWordSet({"called", "named", "dubbed", "codenamed", "code-named", "branded"});
  static const WordSet kModelHeads =
      MakeWordSet({"model", "models", "llm", "llms", "language-model", "chatbot", "agent"});
  static const std::uint64_t kComma = HashLower(","), kCode = HashLower("code"),
                             kProduct = HashLower("product");
  StartCursor names = Starts(StartKind::kNameWord);
  for (std::uint32_t t = first_ + 1; t + 1 < last_; ++t) {
    // Both patterns name the word after `t`.
    std::uint32_t name = t + 1;
    if (!names.Next(name)) break;
    t = name - 1;
    if (!IsNameToken(t + 1)) continue;
    const std::uint64_t hash = tokens_[t].hash;
    // "Auralis's main product, Meshline, runs on": a possessive's or article's
    // noun, then the name between commas.
    if (hash == kComma) {
      if (t < first_ + 2 || tokens_[t - 1].capitalised) continue;
      const bool owned =
          tokens_[t - 2].possessive || Determiners().count(tokens_[t - 2].hash) != 0 ||
          (t >= first_ + 3 &&
           (tokens_[t - 3].possessive || Determiners().count(tokens_[t - 3].hash) != 0));
      if (!owned) continue;
      const std::uint32_t head = t - 1;
      const char* type = ChipHeads().count(tokens_[head].hash) != 0                  ? "Chip"
                         : Has(head, kProductHead) || tokens_[head].hash == kProduct ? "Product"
                                                                                     : nullptr;
      // "Its latest model, Reel 2, can generate clips": a model among AI words.
      if (type != nullptr && ModelHeadNouns().count(tokens_[head].hash) != 0 && MentionsAi()) {
        type = "Model";
      }
      std::uint32_t end = NameRunEnd(t + 1, 3);
      // A short number after the name is its version ("Reel 2"), and a word may follow it
      // ("Reel 2 Mobile").
      if (end > t + 1 && end + 1 < last_ && IsShortVersion(end)) {
        ++end;
        if (IsNameToken(end)) end = NameRunEnd(end, 2);
      }
      if (type != nullptr && end < last_ && tokens_[end].hash == kComma &&
          !Has(t + 1, kGivenName)) {
        Candidate candidate;
        candidate.first = t + 1;
        candidate.last = end;
        candidate.type = type;
        Emit(std::move(candidate));
        t = end;
      }
      continue;
    }
    if (kNamingVerbs.count(hash) == 0) continue;
    // "code-named" written as three tokens.
    std::uint32_t verb = t;
    if (t >= first_ + 3 && Is(t - 1, "-") && tokens_[t - 2].hash == kCode) verb = t - 2;
    if (verb <= first_ + 1) continue;
    std::uint32_t head =
        tokens_[verb - 1].hash == kComma && verb >= first_ + 2 ? verb - 2 : verb - 1;
    const char* type = ChipHeads().count(tokens_[head].hash) != 0   ? "Chip"
                       : kModelHeads.count(tokens_[head].hash) != 0 ? "Model"
                       : Has(head, kProductHead)                    ? "Product"
                                                                    : nullptr;
    if (type == nullptr || tokens_[head].capitalised) continue;
    std::uint32_t end = NameRunEnd(t + 1, 4);
    // "Vega 2": a short number after the name is its version.
    if (IsShortVersion(end)) ++end;
    Candidate candidate;
    candidate.first = t + 1;
    candidate.last = end;
    candidate.type = type;
    Emit(std::move(candidate));
    t = end - 1;
  }
}

// "Zentrix launched Orbia Live, a voice tutor": an unknown name a company launches is
// its product. Run after every sentence has been read, so a name the text types
// elsewhere ("Orbia, its latest language model") keeps that type.
void SentenceRecogniser::LaunchedNames(const WordSet& person_words) {
  if (headline_) return;
  static const WordSet kLaunchVerbs = MakeWordSet(
      {"launched", "launches", "launch", "unveiled", "unveils", "unveil", "debuted", "debuts"});
  static const WordSet kBetween = MakeWordSet({"its", "the", "a", "an", "new"});
  static const std::uint64_t kAs = HashLower("as");
  const auto& mentions = document_.mentions[static_cast<std::size_t>(sentence_)];
  StartCursor names = Starts(StartKind::kNameWord);
  for (std::uint32_t t = first_ + 1; names.Next(t); ++t) {
    if (!IsNameToken(t) || IsNameToken(t - 1) || Has(t, kGivenName) || tokens_[t].has_digit ||
        person_words.count(tokens_[t].hash) != 0) {
      continue;
    }
    std::uint32_t verb = t - 1;
    for (int k = 0; k < 2 && verb > first_ && kBetween.count(tokens_[verb].hash) != 0; ++k) --verb;
    if (kLaunchVerbs.count(tokens_[verb].hash) == 0 || tokens_[verb].capitalised) continue;
    // A company launches: one is named before the verb ("Russia launched Kalibr missiles"
    // and "India launched Operation Sindoor" name none), or "it" or a firm's noun is.
    bool company_before = false;
    for (const Mention& mention : mentions) {
      company_before =
          company_before ||
          (mention.last <= verb &&
           document_.entities[static_cast<std::size_t>(mention.entity)].HasType("Company"));
    }
    for (std::uint32_t k = verb; k > first_ && k + 4 > verb && !company_before; --k) {
      company_before = Has(k - 1, kCompanyNoun) || Is(k - 1, "it") || Is(k - 1, "It");
    }
    if (!company_before) continue;
    const std::uint32_t end = NameRunEnd(t, 3);
    // The name must end where its run does ("Parlamo Live" stops the run at "Live", a word
    // that seldom starts names, and half a name would be wrong), and must not be a
    // person's ("introduced Smith as its chief executive").
    if ((end - t == 1 && document_.SeenLowercase(tokens_[t].hash)) ||
        Has(end - 1, kOrganisationCue) ||
        (end < last_ &&
         (IsCorporateSuffix(end) || tokens_[end].capitalised || tokens_[end].hash == kAs ||
          // "launched Orbia phones": Products() reads the noun.
          (tokens_[end].kind == TokenKind::kWord && Has(end, kProductHead))))) {
      continue;
    }
    Candidate candidate{t, end, "Product", {}, -1, {}, {}, {}};
    Emit(std::move(candidate));
    t = end - 1;
  }
}

void SentenceRecogniser::Products() {
  if (headline_) return;
  NamedByNoun();
  static const std::uint64_t kUnder = HashLower("under"), kThe = HashLower("the");
  static const WordSet kBrandNouns = MakeWordSet({"brand", "brands", "label", "marque"});
  static const WordSet kMakeVerbs =
      MakeWordSet({"makes", "make", "made", "produces", "produce", "brews", "distils", "distills"});
  static const WordSet kMakerNouns =
      MakeWordSet({"maker", "makers", "producer", "producers", "brewer", "distiller", "owner"});
  // Kinds of consumer goods sold under brands.
  static const WordSet kGoodsNouns = MakeWordSet(
      {"vodka",   "whisky",     "whiskey",   "gin",      "rum",        "tequila",    "beer",
       "lager",   "wine",       "champagne", "cider",    "soda",       "cola",       "water",
       "coffee",  "tea",        "chocolate", "biscuits", "cereal",     "mustard",    "ketchup",
       "sauce",   "soup",       "snacks",    "crisps",   "chips",      "cigarettes", "soap",
       "shampoo", "toothpaste", "detergent", "bleach",   "antiseptic", "cleaner",    "nappies",
       "diapers", "cosmetics",  "perfume",   "lipstick", "razors",     "batteries",  "tyres",
       "tires",   "trainers",   "sneakers",  "jeans",    "toys",       "cars",       "motorcycles",
       "vacuums", "drinks",     "juice",     "yoghurt",  "yogurt",     "ice"});
  StartCursor names = Starts(StartKind::kNameWord);
  for (std::uint32_t t = first_; names.Next(t); ++t) {
    if (!IsNameToken(t)) continue;
    // "sold under the FrostLine brand": a brand is a product's name.
    if (t >= first_ + 2 && tokens_[t - 1].hash == kThe && tokens_[t - 2].hash == kUnder) {
      const std::uint32_t brand_end = NameRunEnd(t, 3);
      if (brand_end < last_ && kBrandNouns.count(tokens_[brand_end].hash) != 0 &&
          !tokens_[brand_end].capitalised) {
        Candidate candidate{t, brand_end, "Product", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = brand_end - 1;
          continue;
        }
      }
    }
    // "which makes Absolut vodka", "the maker of Dettol antiseptic": a name a firm makes,
    // followed by the common noun of what it is, is a brand's.
    if (t > first_ + 1 && !Has(t, kGivenName) &&
        (kMakeVerbs.count(tokens_[t - 1].hash) != 0 ||
         (Is(t - 1, "of") && kMakerNouns.count(tokens_[t - 2].hash) != 0))) {
      const std::uint32_t brand_end = NameRunEnd(t, 2);
      const std::uint32_t noun = brand_end;
      if (noun + 1 < last_ && tokens_[noun].kind == TokenKind::kWord &&
          !tokens_[noun].capitalised && kGoodsNouns.count(tokens_[noun].hash) != 0 &&
          (tokens_[noun + 1].kind == TokenKind::kPunct || Is(noun + 1, "and") ||
           Is(noun + 1, "or"))) {
        Candidate candidate{t, brand_end, "Product", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = brand_end - 1;
          continue;
        }
      }
    }
    std::uint32_t end = NameRunEnd(t, 4);
    // "the Mate 70 smartphone", "its Nova 2 Premier model": short numbers
    // inside the name are its version.
    for (int step = 0; step < 2 && end + 1 < last_ && end > t; ++step) {
      if (!IsShortVersion(end)) break;
      const std::uint32_t after = IsNameToken(end + 1) ? NameRunEnd(end + 1, 2) : end + 1;
      if (after >= last_ || !(Has(after, kProductHead) || ChipHeads().count(tokens_[after].hash)))
        break;
      end = after;
    }
    // "the Vera Rubin accelerators": a name before a chip noun is a chip's; so is one with
    // a glued version and at most one modifier before the noun ("NX-4 inference chips").
    std::uint32_t chip_end = 0;  // 0: the words after the name are no chip's
    // "its current Blackhole chips", "Tenstorrent's Blackhole chips": with its owner written
    // before it, a one-word name before a chip noun is the chip's, not its maker's.
    const auto owned = [&] {
      static const WordSet kOwners = MakeWordSet({"its", "their", "his", "her", "our"});
      std::uint32_t before = t - 1;
      if (before > first_ && tokens_[before].kind == TokenKind::kWord &&
          !tokens_[before].capitalised && kOwners.count(tokens_[before].hash) == 0 &&
          (tokens_[before - 1].possessive || kOwners.count(tokens_[before - 1].hash) != 0)) {
        --before;  // one adjective: "its current", "Tenstorrent's new"
      }
      return tokens_[before].possessive || kOwners.count(tokens_[before].hash) != 0;
    };
    if (end < last_ && ChipHeads().count(tokens_[end].hash) != 0 && !tokens_[end].capitalised &&
        (end - t >= 2 || tokens_[end - 1].has_digit || (t > first_ && owned()))) {
      chip_end = end;
    } else if (end > t && end + 2 < last_ && Is(end, "-") && !tokens_[end].space_before &&
               !tokens_[end + 1].space_before && tokens_[end + 1].kind == TokenKind::kNumber &&
               taken_[end + 1] == 0) {
      std::uint32_t head = end + 2;
      if (head + 1 < last_ && tokens_[head].kind == TokenKind::kWord &&
          !tokens_[head].capitalised && ChipHeads().count(tokens_[head].hash) == 0) {
        ++head;
      }
      if (ChipHeads().count(tokens_[head].hash) != 0 && !tokens_[head].capitalised) {
        chip_end = end + 2;
      }
    }
    if (chip_end != 0) {
      Candidate candidate;
      candidate.first = t;
      candidate.last = chip_end;
      candidate.type = "Chip";
      if (Emit(std::move(candidate)) >= 0) {
        t = chip_end - 1;
        continue;
      }
    }
    // "its next Surface Laptop", "the Zentrix Phone": a device's noun ending the name.
    static const WordSet kDeviceEnds =
        MakeWordSet({"laptop", "phone", "tablet", "headset", "console", "glasses", "earbuds",
                     "smartwatch", "smartphone", "handset", "browser"});
    if (end - t >= 2 && tokens_[end - 1].capitalised &&
        kDeviceEnds.count(tokens_[end - 1].hash) != 0 && !Has(t, kGivenName)) {
      Candidate candidate{t, end, "Product", {}, -1, {}, {}, {}};
      if (Emit(std::move(candidate)) >= 0) {
        t = end - 1;
        continue;
      }
    }
    if (end < last_ && Has(end, kProductHead) && !tokens_[end].capitalised &&
        (t > first_ || end - t >= 2)) {
      Candidate candidate;
      candidate.first = t;
      candidate.last = end;
      candidate.type = "Product";
      if (ModelHeadNouns().count(tokens_[end].hash) != 0) {
        // "the Clio model" is a car: only near AI words is it an AI model.
        if (!MentionsAi()) {
          t = end - 1;
          continue;
        }
        candidate.type = "Model";
      }
      Emit(std::move(candidate));
    }
    t = end > t ? end - 1 : t;
  }
}

// Whether the words from `t` make a hyphenated name before them a firm's:
// "Allen-Bradley Co", "Chris-Craft Industries Inc", "Hart-Scott-Rodino Anti-trust".
bool SentenceRecogniser::LooksLikeFirmAfter(std::uint32_t t) const {
  static const std::uint64_t kCo = HashLower("co");
  for (std::uint32_t k = t; k < last_ && k <= t + 1; ++k) {
    if (CorporateSuffixes().count(tokens_[k].hash) != 0 || tokens_[k].hash == kCo ||
        Has(k, kOrganisationCue)) {
      return true;
    }
  }
  return t + 1 < last_ && Is(t + 1, "-") && !tokens_[t + 1].space_before;
}

// For "NAME, a <modifiers> ROLE": organisations and places take such
// appositions too, and a new clause can look like one ("..., a ministry
// spokesman said"). Accept only a personal-looking name (no corporate word, no
// word the text also uses in lower case) and a role that a preposition,
// punctuation or the sentence end follows.
bool SentenceRecogniser::ModifiedRoleAppositionOfPerson(std::uint32_t first, std::uint32_t end,
                                                        std::uint32_t role) const {
  for (std::uint32_t k = first; k < end; ++k) {
    if (Has(k, kOrganisationCue) || CorporateSuffixes().count(tokens_[k].hash) != 0 ||
        document_.SeenLowercase(tokens_[k].hash)) {
      return false;
    }
  }
  if (role >= last_ || !Has(role, kRoleWord)) return false;
  const std::uint32_t next = role + 1;
  if (next >= last_ || tokens_[next].kind == TokenKind::kPunct) return true;
  static const WordSet kAfterRole =
      MakeWordSet({"at", "of", "with", "for", "from", "in", "on", "and", "who", "since"});
  return kAfterRole.count(tokens_[next].hash) != 0;
}

// For "OpenAI's chief research officer" starting at `at`: the title's last
// role word, or `at` when no company's possessive and role word follow. The
// company is a mention, or a name ending in an organisation cue not yet
// recognised ("Zentrix Robotics' vice president").
std::uint32_t SentenceRecogniser::RoleAfterCompanyPossessive(std::uint32_t at) const {
  std::uint32_t company_end = at;
  for (const Mention& mention : document_.mentions[static_cast<std::size_t>(sentence_)]) {
    if (mention.first == at &&
        document_.entities[static_cast<std::size_t>(mention.entity)].HasType("Company")) {
      company_end = mention.last;
    }
  }
  if (company_end == at) {
    const std::uint32_t run = NameRunEnd(at, 4);
    if (run > at && Has(run - 1, kOrganisationCue)) company_end = run;
    // "Laia Ferrer, Parlamo's co-founder": an unknown name of one or two words whose
    // possessive has a role is an employer too (the role is checked below).
    const bool unknown = run > at && run - at <= 2 && !Has(at, kGivenName) &&
                         !(run - at == 1 && document_.SeenLowercase(tokens_[at].hash));
    if (company_end == at && unknown && run < last_ && tokens_[run].possessive) company_end = run;
  }
  if (company_end == at || company_end >= last_ || !tokens_[company_end].possessive) return at;
  std::uint32_t role = company_end + 1;
  for (int k = 0; k < 3 && role + 1 < last_ && !Has(role, kRoleWord) &&
                  tokens_[role].kind == TokenKind::kWord && !tokens_[role].capitalised;
       ++k) {
    // "co-founder", written as three tokens.
    if (role + 2 < last_ && Is(role + 1, "-") && !tokens_[role + 1].space_before &&
        !tokens_[role + 2].space_before && Has(role + 2, kRoleWord)) {
      role += 2;
      break;
    }
    ++role;
  }
  if (role >= last_ || !Has(role, kRoleWord)) return at;
  // "chief research officer", "vice president": the title's last role word.
  for (std::uint32_t j = role + 1; j < last_ && j <= role + 2; ++j) {
    if (Has(j, kRoleWord)) {
      role = j;
    } else if (tokens_[j].kind != TokenKind::kWord || tokens_[j].capitalised) {
      break;
    }
  }
  return role;
}

// A hyphenated given name after a family name: "Min Ji-hoon", "Kim Min-jun". Its
// syllable is short and no participle, suffix or particle ("a Priya Raman-led start-up").
std::uint32_t SentenceRecogniser::HyphenatedGivenNameEnd(std::uint32_t end) const {
  static const WordSet kHyphenSuffixes = MakeWordSet(
      {"led", "run", "era", "like", "free", "type", "made", "born", "wide", "area", "only",
       // Particles of a double surname: "Clemence Ross-van Dorp".
       "van", "von", "de", "der", "den", "du", "del", "la", "le", "al", "el", "bin", "ibn"});
  if (end + 1 < last_ && Is(end, "-") && !tokens_[end].space_before &&
      !tokens_[end + 1].space_before && tokens_[end + 1].kind == TokenKind::kWord &&
      !tokens_[end + 1].capitalised && taken_[end + 1] == 0 &&
      tokens_[end + 1].end - tokens_[end + 1].start <= 4 &&
      kHyphenSuffixes.count(tokens_[end + 1].hash) == 0 && !Word(end + 1).ends_with("ed")) {
    return end + 2;
  }
  return end;
}

std::uint32_t SentenceRecogniser::ParticleSurnameEnd(std::uint32_t end, bool strong) const {
  static const WordSet kParticles =
      MakeWordSet({"van", "von", "der", "den", "ter", "ten", "zu", "de", "du", "da", "di", "del",
                   "della", "dos", "das", "le", "la"});
  static const WordSet kStrongParticles = MakeWordSet({"van", "von", "der", "den", "ter", "ten"});
  const WordSet& particles = strong ? kStrongParticles : kParticles;
  // Without a known first name, only "van", "von", "ter", "ten" open a surname ("Verband der
  // Automobilindustrie" is an association's name).
  static const WordSet kStrongOpeners = MakeWordSet({"van", "von", "ter", "ten"});
  if (strong && (end >= last_ || kStrongOpeners.count(tokens_[end].hash) == 0)) return end;
  std::uint32_t k = end;
  while (k < last_ && k < end + 2 && tokens_[k].kind == TokenKind::kWord &&
         !tokens_[k].capitalised && particles.count(tokens_[k].hash) != 0) {
    ++k;
  }
  if (k == end || k >= last_ || !IsNameToken(k) || Has(k, kOrganisationCue) ||
      tokens_[k].all_caps) {
    return end;
  }
  return k + 1;
}

namespace {

// Nationality adjectives, which start a public body's name ("Korean Bar Association").
const WordSet& Nationalities() {
  static const WordSet set =
      MakeWordSet({"american",   "argentine", "australian", "austrian", "belgian",     "brazilian",
                   "british",    "canadian",  "chilean",    "chinese",  "colombian",   "czech",
                   "danish",     "dutch",     "egyptian",   "emirati",  "european",    "filipino",
                   "finnish",    "french",    "german",     "greek",    "hungarian",   "indian",
                   "indonesian", "iranian",   "irish",      "israeli",  "italian",     "japanese",
                   "kenyan",     "korean",    "malaysian",  "mexican",  "nigerian",    "norwegian",
                   "pakistani",  "peruvian",  "philippine", "polish",   "portuguese",  "qatari",
                   "romanian",   "russian",   "saudi",      "scottish", "singaporean", "spanish",
                   "swedish",    "swiss",     "taiwanese",  "thai",     "turkish",     "ukrainian",
                   "vietnamese", "welsh"});
  return set;
}

// Korean family names, which a two-syllable given name joined by a hyphen follows.
const WordSet& KoreanFamilyNames() {
  static const WordSet set = MakeWordSet(
      {"ahn",  "bae",  "baek",  "cha",  "chae", "choi", "cho",   "chung", "gu",   "ha",   "han",
       "heo",  "hong", "hwang", "im",   "jang", "jeon", "jeong", "jin",   "jo",   "joo",  "jung",
       "kang", "ko",   "koo",   "kwak", "kwon", "lee",  "lim",   "min",   "moon", "na",   "nam",
       "noh",  "oh",   "park",  "rhee", "roh",  "ryu",  "seo",   "shin",  "son",  "song", "suh",
       "sung", "woo",  "yang",  "yoo",  "yoon", "yu",   "yun"});
  return set;
}

}  // namespace

void SentenceRecogniser::People() {
  static const std::uint64_t kBy = HashLower("by");
  // Every pattern below starts at a title, a role word, "by", a given name or a name word.
  StartCursor starts = Starts(StartKind::kPersonStart);
  for (std::uint32_t t = first_; starts.Next(t); ++t) {
    if (taken_[t] != 0) continue;
    const Token& token = tokens_[t];
    // Title: Mr. Wu, Dr. Lisa Su.
    if (Has(t, kPersonTitle) && token.capitalised) {
      const std::uint32_t end = NameRunEnd(t + 1, 3);
      if (end > t + 1) {
        Candidate candidate{t + 1, end, "Person", {}, -1, {}, {}, {}};
        // "Reckitt chairman Sir Michael Colman": rules read past the title.
        if (Emit(std::move(candidate)) >= 0) document_.transparent[t] = 1;
        t = end - 1;
      }
      continue;
    }
    // Role word then a two- or three-word name: "CEO Eddie Wu", "analysts Robert Lea and ...";
    // "founded by Lena Fischer and Tomas Berg".
    const bool founded_by = token.hash == kBy && t > first_ &&
                            (Word(t - 1) == "founded" || Word(t - 1) == "co-founded" ||
                             Word(t - 1) == "led" || Word(t - 1) == "run");
    if (!headline_ && (Has(t, kRoleWord) || founded_by)) {
      std::uint32_t at = t + 1;
      if (Is(at, ",") && IsNameToken(at + 1)) ++at;  // "its chief executive, Karl Brenner,".
      while (at < last_) {
        std::uint32_t end = NameRunEnd(at, 3);
        // "Chief Financial Officer Anna Berg": the capitalised rest of a
        // multi-word title is no part of the name after it.
        for (std::uint32_t k = at; k < end; ++k) {
          if (Has(k, kRoleWord) && k + 1 < end) {
            at = k + 1;
            end = NameRunEnd(at, 3);
            k = at - 1;
          }
        }
        if (end - at == 2) end = HyphenatedGivenNameEnd(end);  // "analyst Park Hye-won"
        if (end - at == 1) end = ParticleSurnameEnd(end);      // "by Pieter van Dam"
        if (end - at < 2 || Has(end - 1, kOrganisationCue) ||
            lexicon_.Longest(document_.text, tokens_, at, last_).entry >= 0) {
          break;
        }
        Candidate candidate{at, end, "Person", {}, -1, {}, {}, {}};
        Emit(std::move(candidate));
        at = end;
        // "analyst Mike Powell of Dresdner Kleinwort": the employer follows.
        if ((Is(at, "of") || Is(at, "at") || Is(at, "from")) && IsNameToken(at + 1)) {
          const std::uint32_t employer_end = NameRunEnd(at + 1, 4);
          if (!Has(at + 1, kGivenName)) {
            Candidate employer{at + 1, employer_end, "Company", {}, -1, {}, {}, {}};
            Emit(std::move(employer));
          }
          break;
        }
        if (Is(at, ",") && Is(at + 1, "and"))
          at += 2;
        else if (Is(at, "and") || Is(at, ","))
          at += 1;
        else
          break;
      }
      continue;
    }
    // A Korean family name and a hyphenated given name: "Park Hye-won", "Lee Jae-yong".
    if (token.capitalised && !token.all_caps && KoreanFamilyNames().count(token.hash) != 0 &&
        t + 1 < last_ && IsNameToken(t + 1) && !tokens_[t + 1].all_caps) {
      const std::uint32_t end = HyphenatedGivenNameEnd(t + 2);
      if (end == t + 4 && !(end < last_ && IsNameToken(end))) {
        Candidate candidate{t, end, "Person", {}, -1, {}, {}, {}};
        Emit(std::move(candidate));
        t = end - 1;
        continue;
      }
    }
    // Given name and surname: "Alicia Yap", "Jensen Huang". A given name and a
    // second name glued by a hyphen are one compound given name: "Hans-Peter
    // Kessler", "Jean-Luc Marchand".
    std::uint32_t given_end = t + 1;
    if (token.capitalised && Has(t, kGivenName) && Is(t + 1, "-") && !tokens_[t + 1].space_before &&
        t + 2 < last_ && !tokens_[t + 2].space_before && IsNameToken(t + 2) &&
        !LooksLikeFirmAfter(t + 3)) {
      given_end = t + 3;
    }
    // "Jan de Vries", and with no given name known "Kees van den Berg": a first name, a
    // surname's particles and the surname.
    if (token.capitalised && token.kind == TokenKind::kWord && !token.all_caps &&
        given_end < last_ && !tokens_[given_end].capitalised &&
        (t > first_ || Has(t, kGivenName)) && !document_.SeenLowercase(token.hash)) {
      const std::uint32_t end = ParticleSurnameEnd(given_end, !Has(t, kGivenName));
      if (end > given_end && !(end < last_ && IsNameToken(end))) {
        Candidate candidate{t, end, "Person", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = end - 1;
          continue;
        }
      }
    }
    if (token.capitalised && token.kind == TokenKind::kWord && Has(t, kGivenName) &&
        given_end < last_ && IsNameToken(given_end) && !tokens_[given_end].all_caps) {
      const bool common = document_.SeenLowercase(token.hash);
      if (common && t == first_) continue;
      std::uint32_t end = given_end + 1;
      if (tokens_[given_end].abbreviation && IsNameToken(end)) ++end;  // middle initial
      end = HyphenatedGivenNameEnd(end);
      const Token& surname = tokens_[end - 1];
      if (Has(end - 1, kOrganisationCue) || Has(end - 1, kProductHead)) {
        continue;
      }
      if (headline_ && document_.SeenLowercase(surname.hash)) continue;
      if (end < last_ && IsNameToken(end) && !headline_) continue;  // a longer name: leave it
      Candidate candidate{t, end, "Person", {}, -1, {}, {}, {}};
      Emit(std::move(candidate));
      t = end - 1;
      continue;
    }
    // Apposition: "Zhang Wei, chief executive of ...", "Lin Qing, who founded ...".
    if (!headline_ && IsNameToken(t)) {
      const std::uint32_t end = NameRunEnd(t, 3);
      std::uint32_t at = end;
      if (end - t >= 2 && Is(at, ",")) {
        ++at;
        bool modified = false;
        if (at < last_ && Determiners().count(tokens_[at].hash) != 0) {
          ++at;
          // Modifiers before the role, up to five tokens: "a senior technology
          // analyst", "a Beijing-based shipping analyst": lower-case words, or a
          // capitalised one glued to a hyphen.
          for (int k = 0; k < 5 && at + 1 < last_ && !Has(at, kRoleWord); ++k) {
            const Token& word = tokens_[at];
            const bool glued = Is(at + 1, "-") && !tokens_[at + 1].space_before;
            const bool modifier = (word.kind == TokenKind::kWord && (!word.capitalised || glued)) ||
                                  (Is(at, "-") && !word.space_before);
            if (!modifier) break;
            ++at;
            modified = true;
          }
        }
        // "Mark Chen, OpenAI's chief research officer": a company's role.
        if (!modified && at < last_) {
          const std::uint32_t role = RoleAfterCompanyPossessive(at);
          if (role != at && ModifiedRoleAppositionOfPerson(t, end, role)) at = role;
        }
        if (modified && !ModifiedRoleAppositionOfPerson(t, end, at)) at = end;
        if (at < last_ && (Has(at, kRoleWord) || Is(at, "who")) &&
            !Has(end - 1, kOrganisationCue)) {
          Candidate candidate{t, end, "Person", {}, -1, {}, {}, {}};
          Emit(std::move(candidate));
        }
      }
      t = end > t ? end - 1 : t;
    }
  }
}

namespace {

// "TimeWarner", "DoubleClick": a capital inside a word, after lower-case letters.
bool IsCamelCase(std::string_view word) {
  if (word.size() < 4 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  if (word.starts_with("Mc") || word.starts_with("Mac")) return false;  // McGuigan, MacLennan
  bool lower_seen = false;
  for (std::size_t i = 1; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') {
      lower_seen = true;
    } else if (c >= 'A' && c <= 'Z') {
      if (lower_seen && i + 1 < word.size() && word[i + 1] >= 'a' && word[i + 1] <= 'z') {
        return true;
      }
    } else {
      return false;
    }
  }
  return false;
}

// Words after a name that say it is an organisation: "Ryanair shares", "Umbro's chief executive".
const WordSet& CompanyContextWords() {
  static const WordSet set =
      MakeWordSet({"shares", "shareholders", "stock", "ceo", "cfo", "boss", "bosses", "chief",
                   "chairman", "spokesman", "spokeswoman", "spokesperson", "executive",
                   "executives", "deputy", "analyst", "analysts", "economist", "founder"});
  return set;
}

// Words that say "company" only after a possessive: "Umbro's profits", not "Christmas sales".
const WordSet& PossessiveCompanyContextWords() {
  static const WordSet set = MakeWordSet(
      {"profits", "profit", "revenue", "revenues", "sales", "board", "subsidiary", "unit",
       "division", "shares", "chief", "ceo", "boss", "chairman", "founder", "co-founder"});
  return set;
}

}  // namespace

bool SentenceRecogniser::UnitApposition(std::uint32_t end) const {
  static const WordSet kUnitWords = MakeWordSet(
      {"arm", "unit", "subsidiary", "division", "affiliate", "offshoot", "spin-off", "spinoff"});
  if (!Is(end, ",")) return false;
  std::uint32_t at = end + 1;
  // The owner, up to four tokens, then its possessive.
  while (at < last_ && at < end + 5 && !tokens_[at].possessive) ++at;
  if (at >= last_ || !tokens_[at].possessive || at == end + 1) return false;
  ++at;
  for (int k = 0; k < 4 && at < last_; ++k, ++at) {
    if (kUnitWords.count(tokens_[at].hash) != 0) return true;
    if (tokens_[at].kind != TokenKind::kWord || tokens_[at].capitalised) return false;
  }
  return false;
}

// Whether token `t` starts the names in "brands include A and B", "brands
// such as A", "the maker of A".
bool SentenceRecogniser::BrandListStart(std::uint32_t t) const {
  static const WordSet kBrandNouns = MakeWordSet({"brands", "labels", "brand"});
  static const WordSet kListers = MakeWordSet({"include", "includes", "including", "like"});
  static const WordSet kMakers = MakeWordSet({"maker", "makers", "producer", "owner"});
  if (t < first_ + 2 || !IsNameToken(t)) return false;
  if (kListers.count(tokens_[t - 1].hash) != 0 &&
      (kBrandNouns.count(tokens_[t - 2].hash) != 0 ||
       (t >= first_ + 3 && Is(t - 2, ",") && kBrandNouns.count(tokens_[t - 3].hash) != 0))) {
    return true;
  }
  if (Is(t - 1, "as") && Is(t - 2, "such") && t >= first_ + 3 &&
      kBrandNouns.count(tokens_[t - 3].hash) != 0) {
    return true;
  }
  return Is(t - 1, "of") && kMakers.count(tokens_[t - 2].hash) != 0;
}

// "Qantas shares fell", "Qantas boss Mr Dixon": a sentence's first word is a
// firm's name when the words after it say so and the text never writes the
// word in lower case ("Oil shares rose" is a sector).
bool SentenceRecogniser::StrongCompanyContextAtStart(std::uint32_t t, std::uint32_t end) const {
  static const WordSet kStrong =
      MakeWordSet({"shares", "boss", "ceo", "chairman", "spokesman", "spokeswoman", "spokesperson",
                   "executives", "stock"});
  static const WordSet kSectors = MakeWordSet(
      {"oil", "bank", "tech", "mining", "energy", "airline", "retail", "property", "insurance",
       "chip", "car", "steel", "gold", "bond", "stock", "media", "telecom", "drug", "auto"});
  // "Rotating chairman", "Acting CEO", "Former chairman": a title's modifier.
  static const WordSet kTitleModifiers = MakeWordSet(
      {"former",    "acting",  "interim",   "outgoing", "incoming",      "deputy", "vice",
       "executive", "joint",   "founding",  "honorary", "senior",        "new",    "then",
       "group",     "company", "corporate", "board",    "non-executive", "co"});
  const std::string_view word = Word(t);
  const bool participle = word.size() > 4 && (word.ends_with("ing") || word.ends_with("ed"));
  return end == t + 1 && end < last_ && kStrong.count(tokens_[end].hash) != 0 &&
         !document_.SeenLowercase(tokens_[t].hash) && kSectors.count(tokens_[t].hash) == 0 &&
         kTitleModifiers.count(tokens_[t].hash) == 0 && !participle && !tokens_[t].all_caps;
}

// Past ", and", ",", "and" or "or" between members of a list at `at`, or `at`.
std::uint32_t SentenceRecogniser::AfterListSeparator(std::uint32_t at) const {
  if (Is(at, ",") && Is(at + 1, "and")) return at + 2;
  if (Is(at, ",") || Is(at, "and") || Is(at, "or")) return at + 1;
  return at;
}

bool SentenceRecogniser::PlaceStartsAt(std::uint32_t t) const {
  for (const Mention& mention : document_.mentions[static_cast<std::size_t>(sentence_)]) {
    if (mention.first == t)
      return document_.entities[static_cast<std::size_t>(mention.entity)].HasType("Place");
  }
  return false;
}

// "agreed to acquire Wiz for $32 billion", "the takeover of Calder": a name
// that is bought whole, not a modifier ("bought Christmas gifts"), is a firm's.
bool SentenceRecogniser::BoughtName(std::uint32_t t, std::uint32_t end) const {
  static const WordSet kBuyVerbs =
      MakeWordSet({"acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought",
                   "buying", "purchase", "purchased", "purchasing"});
  static const WordSet kDealNouns =
      MakeWordSet({"acquisition", "takeover", "purchase", "buyout", "merger", "bid", "offer",
                   "alliance", "partnership", "venture", "collaboration", "tie-up"});
  static const WordSet kDealPrepositions = MakeWordSet({"of", "with", "for"});
  static const WordSet kClauseGoesOn = MakeWordSet(
      {"for",  "in",  "from",  "and",    "or",    "last", "earlier", "this",  "on",    "at",
       "with", "to",  "after", "before", "which", "that", "as",      "amid",  "since", "would",
       "will", "was", "is",    "has",    "had",   "said", "says",    "could", "by"});
  if (t < first_ + 1) return false;
  const bool after_deal = kBuyVerbs.count(tokens_[t - 1].hash) != 0 ||
                          (t >= first_ + 2 && kDealPrepositions.count(tokens_[t - 1].hash) != 0 &&
                           kDealNouns.count(tokens_[t - 2].hash) != 0);
  if (!after_deal) return false;
  return end >= last_ || tokens_[end].kind == TokenKind::kPunct ||
         kClauseGoesOn.count(tokens_[end].hash) != 0;
}

void SentenceRecogniser::Organisations() {
  if (headline_) return;
  StartCursor names = Starts(StartKind::kNameWord);
  for (std::uint32_t t = first_; names.Next(t); ++t) {
    if (!IsNameToken(t)) continue;
    // A name whose context says "company": "TimeWarner", "shares in Yukos", "Ryanair's boss".
    {
      const std::uint32_t end = NameRunEnd(t, 3);
      std::uint32_t after = end;
      if (after < last_ && tokens_[after].possessive) ++after;
      const bool possessive = after > end;
      const bool lower_context =
          after < last_ && !tokens_[after].capitalised &&
          (CompanyContextWords().count(tokens_[after].hash) != 0 ||
           (possessive && PossessiveCompanyContextWords().count(tokens_[after].hash) != 0));
      const bool caps_role =
          after < last_ && tokens_[after].all_caps && (Is(after, "CEO") || Is(after, "CFO"));
      const bool shares_in =
          t >= first_ + 2 && (Is(t - 1, "in") || Is(t - 1, "of")) &&
          (tokens_[t - 2].hash == HashLower("shares") || tokens_[t - 2].hash == HashLower("stake"));
      const bool bought = BoughtName(t, end);
      const bool person_like = Has(t, kGivenName);
      // "BlueField-3": a CamelCase word with a glued version is a product's name.
      const bool versioned = end + 1 < last_ && Is(end, "-") && !tokens_[end].space_before &&
                             tokens_[end + 1].has_digit && !tokens_[end + 1].space_before;
      const bool camel = end == t + 1 && IsCamelCase(Word(t)) && !versioned;
      // "B shares", "H shares": a share class, not a company.
      const bool single_letter = end == t + 1 && Word(t).size() == 1;
      // "NVentures, Nvidia's venture capital arm,": named as a company's unit.
      const bool unit_apposition = UnitApposition(end);
      if (!person_like && !single_letter &&
          (camel || unit_apposition ||
           ((lower_context || caps_role || shares_in || bought) &&
            (t > first_ || end - t >= 2 || StrongCompanyContextAtStart(t, end)) &&
            !Has(end - 1, kOrganisationCue)))) {
        Candidate candidate{t, end, "Company", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = end - 1;
          continue;
        }
      }
    }
    std::uint32_t end = NameRunEnd(t, 6);
    // "a factory in Gresham, Ore.", "based in Hillsboro, Oregon": an unknown name
    // after a preposition and before ", <known place>" is a place in it.
    static const WordSet kPlacePrepositions =
        MakeWordSet({"in", "at", "near", "from", "outside", "of"});
    if (t > first_ && kPlacePrepositions.count(tokens_[t - 1].hash) != 0 && end - t <= 2 &&
        end + 1 < last_ && Is(end, ",") && !Has(t, kGivenName) &&
        !document_.SeenLowercase(tokens_[t].hash) && PlaceStartsAt(end + 1)) {
      {
        Candidate candidate{t, end, "Place", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = end - 1;
          continue;
        }
      }
    }
    // "a Haifa-based chip designer", "Barcelona-based language app Parlamo": a name
    // glued to "-based" before a firm's noun is where the firm is ("Hopper-based GPUs"
    // is no place: a chip noun follows).
    if (end - t <= 2 && end + 2 < last_ && Is(end, "-") && !tokens_[end].space_before &&
        !tokens_[end + 1].space_before && Is(end + 1, "based") && !Has(t, kGivenName)) {
      bool firm_noun = false;
      for (std::uint32_t k = end + 2; k < last_ && k <= end + 5 && !firm_noun; ++k) {
        firm_noun = Has(k, kCompanyNoun) ||
                    CompanyNouns().count(WordOrCompound(document_.text, tokens_, k, last_)) != 0;
        if (tokens_[k].kind == TokenKind::kPunct && !Is(k, "-")) break;
      }
      if (firm_noun) {
        Candidate candidate{t, end, "Place", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = end - 1;
          continue;
        }
      }
    }
    // "Reckitt and Colman Plc", "Harper and Row Publishers Inc": partners' names joined by
    // "and" before a legal form are one firm, and so are up to three one-word names with
    // commas between them ("Piper, Jaffray and Hopwood Inc"), "and Co" closing them
    // ("Goldman, Sachs and Co").
    if (end == t + 1 && !IsCorporateSuffix(t)) {
      std::uint32_t at = end;
      int commas = 0;
      while (commas < 2 && at + 2 < last_ && Is(at, ",") && IsNameToken(at + 1) &&
             taken_[at + 1] == 0 && !Has(at + 1, kGivenName) &&
             (Is(at + 2, ",") || Is(at + 2, "and"))) {
        at += 2;
        ++commas;
      }
      std::uint32_t closing = 0;
      if (Is(at, "and") && at + 1 < last_ && taken_[at + 1] == 0) {
        if (commas > 0 && IsCorporateSuffix(at + 1)) {
          closing = at + 2;
        } else if (IsNameToken(at + 1)) {
          const std::uint32_t second = NameRunEnd(at + 1, 2);
          if (second < last_ && IsCorporateSuffix(second) && taken_[second] == 0) {
            closing = second + 1;
          }
        }
      }
      if (closing != 0) {
        Candidate candidate{t, closing, "Company", {}, -1, {}, {}, {}};
        if (Emit(std::move(candidate)) >= 0) {
          t = closing - 1;
          continue;
        }
      }
    }
    // "Licking County", "Guangdong Province": an administrative area.
    static const WordSet kAreaWords = MakeWordSet({"county", "province", "prefecture", "oblast"});
    if (end - t >= 2 && tokens_[end - 1].capitalised &&
        kAreaWords.count(tokens_[end - 1].hash) != 0) {
      Candidate candidate{t, end, "Place", {}, -1, {}, {}, {}};
      if (Emit(std::move(candidate)) >= 0) {
        t = end - 1;
        continue;
      }
    }
    // "Bank of X", "University of X": a cue followed by "of" and a name.
    if (end < last_ && Is(end, "of") && Has(end - 1, kOrganisationCue) && IsNameToken(end + 1)) {
      end = NameRunEnd(end + 1, 3);
    }
    std::uint32_t stop = end;
    bool organisation = false;
    if (end - t >= 2 && Has(end - 1, kOrganisationCue)) {
      organisation = true;
      // "the Oval Office", "box office": a room or a till, not a public body.
      static const WordSet kOfficePlaces =
          MakeWordSet({"oval", "box", "front", "back", "head", "main", "branch", "sales"});
      static const std::uint64_t kOffice = HashLower("office");
      if (end - t == 2 && tokens_[end - 1].hash == kOffice &&
          kOfficePlaces.count(tokens_[t].hash) != 0) {
        organisation = false;
      }
    }
    // Corporate suffix, possibly after a comma: "Foo Robotics Inc.", "Bar, LLC".
    std::uint32_t at = end;
    if (Is(at, ",")) ++at;
    if (at < last_ && IsCorporateSuffix(at) && taken_[at] == 0) {
      organisation = true;
      stop = at + 1;
      // "Suzuki Motor Co Ltd": two legal forms in a row.
      if (stop < last_ && IsCorporateSuffix(stop) && taken_[stop] == 0) ++stop;
    }
    // "Moonshot AI": a distinctive word and AI.
    if (!organisation && end - t == 1 && end < last_ && Word(end) == "AI" && taken_[end] == 0 &&
        AiAdjectives().count(tokens_[t].hash) == 0 && !document_.SeenLowercase(tokens_[t].hash)) {
      organisation = true;
      stop = end + 1;
    }
    if (organisation) {
      // "Financial Group", "Central Bank": cue words and generic adjectives name no one.
      static const WordSet kGeneric = MakeWordSet(
          {"central", "national", "federal", "state", "local", "regional", "global", "first", "new",
           "big", "major", "private", "public", "investment", "commercial", "retail"});
      bool distinctive = false;
      for (std::uint32_t k = t; k < end; ++k) {
        if (!Has(k, kOrganisationCue) && kGeneric.count(tokens_[k].hash) == 0) {
          distinctive = true;
        }
      }
      // "American Motors Corp", "General Dynamics": a nationality or general
      // word before cue words names the firm with them.
      static const WordSet kLeadingWords =
          MakeWordSet({"american", "british", "general", "national", "united", "western", "eastern",
                       "pacific", "atlantic", "continental", "international", "canadian",
                       "australian", "japanese", "european", "first", "north", "south", "central"});
      // "Korean Bar Association", "Malaysian Investment Development Authority": any
      // nationality starts a public body's name.
      const bool national_body = PublicBodyNouns().count(tokens_[end - 1].hash) != 0 &&
                                 t > first_ && Nationalities().count(tokens_[t - 1].hash) != 0;
      if (t > first_ && taken_[t - 1] == 0 && tokens_[t - 1].capitalised &&
          (kLeadingWords.count(tokens_[t - 1].hash) != 0 || national_body)) {
        distinctive = true;
        --t;
      }
      organisation = distinctive;
    }
    if (organisation) {
      Candidate candidate{t, stop, "Company", {}, -1, {}, {}, {}};
      candidate.surface = document_.Text(t, Is(end, ",") ? end : stop);
      Emit(std::move(candidate));
    }
    t = (organisation ? stop : end) - 1;
  }
}

void SentenceRecogniser::ListsAndAppositions() {
  if (headline_) return;
  auto company_run = [&](std::uint32_t at, bool sentence_start_ok = false) -> std::uint32_t {
    if (!IsNameToken(at)) return at;
    const std::uint32_t end = NameRunEnd(at, 3);
    if (end - at == 1 &&
        (document_.SeenLowercase(tokens_[at].hash) || (at == first_ && !sentence_start_ok))) {
      return at;
    }
    return end;
  };
  static const std::uint64_t kSuch = HashLower("such"), kLike = HashLower("like"),
                             kIncluding = HashLower("including");
  // Every pattern below starts at a name word, a company noun or a list opener.
  StartCursor starts = Starts(StartKind::kListStart);
  for (std::uint32_t t = first_; starts.Next(t); ++t) {
    const Token& token = tokens_[t];
    if (!IsNameToken(t) && !Has(t, kCompanyNoun) && token.hash != kSuch && token.hash != kLike &&
        token.hash != kIncluding) {
      continue;
    }
    // "startups such as Moonshot and MiniMax", "rivals like Baidu, Tencent".
    std::uint32_t list_start = 0;
    if (Is(t, "such") && Is(t + 1, "as")) list_start = t + 2;
    if (token.hash == kLike || token.hash == kIncluding) list_start = t + 1;
    if (list_start != 0) {
      bool after_group = false;
      for (std::uint32_t b = t; b > first_ && b + 3 > t; --b) {
        after_group = after_group || Has(b - 1, kGroupNoun);
      }
      if (after_group) {
        std::uint32_t at = list_start;
        for (int item = 0; item < 12 && at < last_; ++item) {
          if (Is(at, "the")) ++at;
          std::uint32_t end = at;
          for (const Mention& mention : document_.mentions[static_cast<std::size_t>(sentence_)]) {
            if (mention.first == at) end = mention.last;
          }
          if (end == at) {
            end = company_run(at);
            if (end == at) break;
            Candidate candidate{at, end, "Company", {}, -1, {}, {}, {}};
            Emit(std::move(candidate));
          }
          at = end;
          while (at < last_ && document_.transparent[at] != 0) ++at;
          const std::uint32_t next = AfterListSeparator(at);
          if (next == at) break;
          at = next;
        }
      }
    }
    // "whose brands include Lumix cameras and Technics", "the maker of Johnnie
    // Walker whisky": names of brands and products.
    if (BrandListStart(t)) {
      std::uint32_t at = t;
      for (int item = 0; item < 6 && at < last_; ++item) {
        if (!IsNameToken(at)) break;
        const std::uint32_t end = NameRunEnd(at, 3);
        if (Has(at, kGivenName) && end - at >= 2) break;
        Candidate candidate{at, end, "Product", {}, -1, {}, {}, {}};
        Emit(std::move(candidate));
        at = end;
        // A lower-case noun after the brand: "Lumix cameras", "Absolut vodka".
        while (at < last_ && tokens_[at].kind == TokenKind::kWord && !tokens_[at].capitalised &&
               !Is(at, "and") && !Is(at, "or") && at < end + 3) {
          ++at;
        }
        const std::uint32_t next = AfterListSeparator(at);
        if (next == at) break;
        at = next;
      }
    }
    // "an analyst at Peel Hunt", "economist with Kelmont Bank": a role's employer.
    if (IsNameToken(t) && t >= first_ + 2 && (Is(t - 1, "at") || Is(t - 1, "with")) &&
        Has(t - 2, kRoleWord) && !tokens_[t - 2].capitalised) {
      const std::uint32_t end = NameRunEnd(t, 3);
      if (!Has(t, kGivenName) && !document_.SeenLowercase(tokens_[t].hash)) {
        Candidate candidate{t, end, "Company", {}, -1, {}, {}, {}};
        Emit(std::move(candidate));
      }
    }
    // "Chinese startup DeepSeek", "rival Baidu".
    if (!token.capitalised && Has(t, kCompanyNoun) && t + 1 < last_) {
      const std::uint32_t end = company_run(t + 1);
      if (end > t + 1 && !Has(t + 1, kGivenName)) {
        Candidate candidate{t + 1, end, "Company", {}, -1, {}, {}, {}};
        Emit(std::move(candidate));
      }
    }
    // "DeepSeek, a relatively new player"; "Orion, its latest language model",
    // "Zentrix Z9, a smartphone": the apposition's noun gives the type.
    if (IsNameToken(t) && (t == first_ || !IsNameToken(t - 1))) {
      const std::uint32_t end = company_run(t, true);
      const bool article = end + 1 < last_ && (Is(end + 1, "a") || Is(end + 1, "an") ||
                                               Is(end + 1, "the") || Is(end + 1, "its"));
      // A name with a version ("Command A2") may end where company_run stops.
      std::uint32_t thing_end = end > t ? end : NameRunEnd(t, 3);
      if (thing_end < last_ && tokens_[thing_end].has_digit && taken_[thing_end] == 0 &&
          tokens_[thing_end].end - tokens_[thing_end].start <= 4) {
        ++thing_end;
      }
      // "CLOVA Studio, Naver Cloud's AI development platform": an owner's name opens the
      // apposition as "its" would.
      const auto owner_possessive = [&](std::uint32_t at) {
        for (std::uint32_t k = at; k < last_ && k <= at + 3; ++k) {
          if (tokens_[k].possessive) return k > at;
          if (!tokens_[k].capitalised || tokens_[k].kind != TokenKind::kWord) return false;
        }
        return false;
      };
      const bool thing_article =
          thing_end + 1 < last_ && Is(thing_end, ",") &&
          (Is(thing_end + 1, "a") || Is(thing_end + 1, "an") || Is(thing_end + 1, "the") ||
           Is(thing_end + 1, "its") || owner_possessive(thing_end + 1));
      if (end > t && Is(end, ",") && article) {
        for (std::uint32_t k = end + 2; k < last_ && k <= end + 6; ++k) {
          // "Veltro Chat, the company's consumer app": a possessive noun is the owner.
          // "Payvista, a Dublin-based payroll business": a business only in an apposition
          // ("its gaming business Xbox" names a unit's product).
          static const std::uint64_t kBusiness = HashLower("business");
          if ((Has(k, kCompanyNoun) || tokens_[k].hash == kBusiness ||
               CompanyNouns().count(WordOrCompound(document_.text, tokens_, k, last_)) != 0) &&
              !(k + 1 < last_ && tokens_[k + 1].possessive)) {
            Candidate candidate{t, end, "Company", {}, -1, {}, {}, {}};
            Emit(std::move(candidate));
            break;
          }
          if (tokens_[k].kind == TokenKind::kPunct && !Is(k, "-")) break;
        }
      }
      if (thing_end > t && thing_article && taken_[t] == 0) {
        for (std::uint32_t k = thing_end + 2; k < last_ && k <= thing_end + 6; ++k) {
          // "Ledgerline, its cloud accounting product": "product" heads only an apposition
          // ("Gross Domestic Product" names none).
          static const std::uint64_t kProduct = HashLower("product");
          const char* type = ChipHeads().count(tokens_[k].hash) != 0               ? "Chip"
                             : ModelHeadNouns().count(tokens_[k].hash) != 0        ? "Model"
                             : Has(k, kProductHead) || tokens_[k].hash == kProduct ? "Product"
                                                                                   : nullptr;
          // "O2, Britain's other big mobile phone operator": a firm's noun heads it; in
          // "a laptop processor" the chip's noun does.
          if (k + 1 < last_ && Has(k + 1, kCompanyNoun)) break;
          const bool modifies_next =
              k + 1 < last_ && !tokens_[k + 1].capitalised &&
              (ChipHeads().count(tokens_[k + 1].hash) != 0 ||
               ModelHeadNouns().count(tokens_[k + 1].hash) != 0 || Has(k + 1, kProductHead));
          if (type != nullptr && !tokens_[k].capitalised && !modifies_next) {
            Candidate candidate{t, thing_end, type, {}, -1, {}, {}, {}};
            Emit(std::move(candidate));
            break;
          }
          if (tokens_[k].kind == TokenKind::kPunct && !Is(k, "-") && !tokens_[k].possessive) break;
        }
      }
    }
  }
}

// Coordination joins like with like: in "competes with Sage Group, Xero and Intuit" the
// unknown "Xero" is a company because its neighbours in the list are. Newswire names
// also contain "and" and commas ("Harper and Row", "Donaldson, Lufkin, Jenrette Inc"), so
// the neighbour must be a company the lexicon knows, or the list must be a real one: a
// comma beside the name and an "and" or "or" closing the list.
void SentenceRecogniser::CoordinatedNames(const WordSet& person_words) {
  if (headline_) return;
  const auto& mentions = document_.mentions[static_cast<std::size_t>(sentence_)];
  // 0: not a company; 1: a company; 2: a company the lexicon knows.
  auto company = [&](const Mention& mention) {
    if (!document_.entities[static_cast<std::size_t>(mention.entity)].HasType("Company")) return 0;
    return (mention.flags & kFromLexicon) != 0 ? 2 : 1;
  };
  // The mention ending at `end` / starting at `first`, or nullptr.
  auto ending_at = [&](std::uint32_t end) -> const Mention* {
    for (const Mention& mention : mentions) {
      if (mention.last == end) return &mention;
    }
    return nullptr;
  };
  auto starting_at = [&](std::uint32_t first) -> const Mention* {
    for (const Mention& mention : mentions) {
      if (mention.first == first) return &mention;
    }
    return nullptr;
  };
  auto and_at = [&](std::uint32_t at) {
    return Is(at, "and") || Is(at, "or") ||
           (Is(at, ",") && (Is(at + 1, "and") || Is(at + 1, "or")));
  };
  StartCursor names = Starts(StartKind::kNameWord);
  for (std::uint32_t t = first_ + 1; names.Next(t); ++t) {
    if (!IsNameToken(t) || IsNameToken(t - 1) || Has(t, kGivenName)) continue;
    const std::uint32_t end = NameRunEnd(t, 3);
    bool person = false;
    for (std::uint32_t k = t; k < end; ++k) {
      person = person || person_words.count(tokens_[k].hash) != 0 || tokens_[k].all_caps;
    }
    // "L and F Products": a lone letter is part of a name, not one.
    const bool lone_letter = end - t == 1 && tokens_[t].end - tokens_[t].start < 2;
    if (person || lone_letter || end == t ||
        (end - t == 1 && document_.SeenLowercase(tokens_[t].hash)) ||
        (end < last_ &&
         (IsCorporateSuffix(end) || tokens_[end].kind == TokenKind::kNumber || Is(end, "-")))) {
      continue;
    }
    // The neighbours: "A and X", "A, X", "A, and X"; "X and B", "X, B".
    const bool and_left = Is(t - 1, "and") || Is(t - 1, "or");
    std::uint32_t left_end = t - 1;
    if (and_left && left_end > first_ + 1 && Is(left_end - 1, ",")) --left_end;
    const bool comma_left = !and_left && Is(t - 1, ",");
    const Mention* left =
        (and_left || comma_left) && left_end > first_ ? ending_at(left_end) : nullptr;
    const std::uint32_t next = AfterListSeparator(end);
    const Mention* right = next != end && next < last_ ? starting_at(next) : nullptr;
    if (left != nullptr && company(*left) == 0) left = nullptr;
    if (right != nullptr && company(*right) == 0) right = nullptr;
    if (left == nullptr && right == nullptr) continue;
    // A list of three or more: "A, X and B", "A, B and X", "X, A and B".
    const bool real_list =
        (comma_left && and_at(end)) ||
        (and_left && left != nullptr && left->first > first_ && Is(left->first - 1, ",")) ||
        (Is(end, ",") && !Is(end + 1, "and") && right != nullptr && and_at(right->last));
    // Or two, one of them a company the lexicon knows: "Nvidia and Xero".
    const bool known_pair = (and_left && left != nullptr && company(*left) == 2) ||
                            (and_at(end) && right != nullptr && company(*right) == 2);
    if (!real_list && !known_pair) continue;
    Candidate candidate{t, end, "Company", {}, -1, {}, {}, {}};
    Emit(std::move(candidate));
    t = end - 1;
  }
}

namespace {

// Capitalised words that report or act in news but are institutions, not companies.
const WordSet& InstitutionWords() {
  static const WordSet set = MakeWordSet(
      {"treasury", "congress", "parliament", "senate", "government", "police", "pentagon",
       "kremlin", "opec", "nato", "fed", "commission", "council", "ministry", "court", "army",
       "navy", "cabinet", "assembly", "bundestag", "whitehall", "downing", "interpol", "unicef",
       "unesco", "who", "imf", "ecb", "eu", "un",
       // Political parties.
       "labour", "tory", "tories", "conservatives", "democrats", "republicans", "liberals",
       "greens", "ukip", "snp", "plaid"});
  return set;
}

// Verbs a company does as the subject of a news sentence: "ABB said", "Zentrix agreed".
// Verbs only ("plans", "reports" are nouns too: "Brexit plans were delayed").
const WordSet& ReportingVerbs() {
  static const WordSet set =
      MakeWordSet({"said", "says", "announced", "announces", "reported", "confirmed", "declined",
                   "agreed", "launched", "unveiled", "released"});
  return set;
}

// Words after a one-word name that make it a company's: CompanyContextWords without the
// roles any institution has ("Yale economist", "Treasury analyst").
const WordSet& StrictCompanyContextWords() {
  static const WordSet set = MakeWordSet({"shares", "shareholders", "stock", "ceo", "cfo", "boss",
                                          "bosses", "chief", "chairman", "spokesman", "spokeswoman",
                                          "spokesperson", "executive", "executives"});
  return set;
}

}  // namespace

// "ABB said", "Parlamo's co-founder", "Keldor shares rose": a one-word name that the
// document uses as a company's at least once is a company wherever it stands alone.
// Person names are excluded: the words of the document's persons, and the second
// word of every two-word capitalised name (a surname the recognisers may have missed:
// "Laia Ferrer ... Ferrer said").
void CompaniesNamedInContext(const Lexicon& lexicon, Document& document) {
  const auto& tokens = document.layout.tokens;
  const auto& classes = document.word_classes;
  const auto& sentences = document.layout.sentences;
  // Every mention's tokens are taken by now (RecogniseEntities marks them).
  const std::vector<std::uint8_t>& taken = document.taken;
  static const std::uint64_t kThe = HashLower("the"), kCo = HashLower("co");
  auto name_word = [&](std::uint32_t t) {
    return (classes[t] & kNameWord) != 0 && taken[t] == 0 && document.transparent[t] == 0;
  };
  // A name word standing alone: no free name word beside it in its sentence.
  auto alone = [&](const Sentence& sentence, std::uint32_t t) {
    return name_word(t) && (t == sentence.first_token || !name_word(t - 1)) &&
           (t + 1 >= sentence.last_token || !name_word(t + 1));
  };
  // The passes below look at name words only: a sentence's kNameWord start tokens
  // (RecogniseMentions found them) rather than every token.
  const StartTokens& starts = document.starts;
  constexpr auto kNames = static_cast<std::size_t>(StartKind::kNameWord);
  auto name_words = [&](std::size_t s) {
    const std::uint32_t* list = starts.tokens[kNames].data();
    return std::pair{list + starts.sentence_begin[s][kNames],
                     list + starts.sentence_begin[s + 1][kNames]};
  };
  // The words used in a company's context; a sentence's first word may be any capitalised
  // noun ("Industry sources said"), so there the context counts only for a word the
  // document also capitalises inside a sentence (checked below, for these few words only).
  WordSet evidenced;
  std::vector<std::uint64_t> initial_evidence;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.boilerplate || sentence.headline) continue;
    const auto [names_begin, names_end] = name_words(s);
    for (const std::uint32_t* name = names_begin; name != names_end; ++name) {
      const std::uint32_t t = *name;
      if (t + 1 >= sentence.last_token || !alone(sentence, t)) continue;
      if (t > sentence.first_token && tokens[t - 1].hash == kThe) continue;
      std::uint32_t after = t + 1;
      const bool possessive = tokens[after].possessive;
      if (possessive) ++after;
      if (after >= sentence.last_token || tokens[after].capitalised) continue;
      const std::uint64_t next = tokens[after].hash;
      const bool context =
          possessive
              ? PossessiveCompanyContextWords().count(next) != 0 ||
                    PossessiveCompanyContextWords().count(
                        WordOrCompound(document.text, tokens, after, sentence.last_token)) != 0
              : ReportingVerbs().count(next) != 0 || StrictCompanyContextWords().count(next) != 0;
      if (!context) continue;
      if (t == sentence.first_token) {
        initial_evidence.push_back(tokens[t].hash);
      } else {
        evidenced.insert(tokens[t].hash);
      }
    }
  }
  if (evidenced.size() == 0 && initial_evidence.empty()) return;
  if (!initial_evidence.empty()) {
    for (const Sentence& sentence : sentences) {
      if (sentence.boilerplate || sentence.headline) continue;
      for (std::uint32_t t = sentence.first_token + 1; t < sentence.last_token; ++t) {
        if (!tokens[t].capitalised) continue;
        const auto found =
            std::find(initial_evidence.begin(), initial_evidence.end(), tokens[t].hash);
        if (found != initial_evidence.end()) evidenced.insert(tokens[t].hash);
      }
    }
  }
  if (evidenced.size() == 0) return;
  WordSet excluded;
  AddPersonWords(document, excluded);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.boilerplate) continue;
    const auto [names_begin, names_end] = name_words(s);
    for (const std::uint32_t* name = names_begin; name != names_end; ++name) {
      const std::uint32_t t = *name;
      if (t + 2 >= sentence.last_token) break;
      if (name_word(t) && name_word(t + 1) && !name_word(t + 2) &&
          (t == sentence.first_token || !name_word(t - 1))) {
        excluded.insert(tokens[t + 1].hash);
      }
    }
  }
  std::vector<std::pair<int, std::uint32_t>> found;  // (sentence, token) of each new mention
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.boilerplate) continue;
    // A token standing alone is a name word.
    const auto [names_begin, names_end] = name_words(s);
    for (const std::uint32_t* name = names_begin; name != names_end; ++name) {
      const std::uint32_t t = *name;
      const Token& token = tokens[t];
      if (!token.capitalised || evidenced.count(token.hash) == 0) {
        continue;
      }
      // "War on Want": a capitalised word, a lower-case joiner, then this one is a longer name.
      const bool joined_to_name = t >= sentence.first_token + 2 && !tokens[t - 1].capitalised &&
                                  tokens[t - 1].kind == TokenKind::kWord &&
                                  tokens[t - 1].end - tokens[t - 1].start <= 3 &&
                                  tokens[t - 2].capitalised && taken[t - 2] == 0;
      if (excluded.count(token.hash) != 0 || !alone(sentence, t) ||
          token.kind != TokenKind::kWord || token.end - token.start < 2 ||
          (classes[t] & (kGivenName | kOrganisationCue)) != 0 || joined_to_name ||
          CorporateSuffixes().count(token.hash) != 0 || token.hash == kCo ||
          document.SeenLowercase(token.hash) || InstitutionWords().count(token.hash) != 0 ||
          (sentence.headline && token.all_caps)) {
        continue;
      }
      found.emplace_back(static_cast<int>(s), t);
    }
  }
  for (const auto& [s, t] : found) {
    Candidate candidate{t, t + 1, "Company", TokenText(document.text, tokens[t]), -1, {}, {}, {}};
    if (AddMention(lexicon, document, s, candidate, 0) >= 0) document.taken[t] = 1;
  }
}

}  // namespace kg::extract::nlp
