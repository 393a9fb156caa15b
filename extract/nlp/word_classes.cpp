// SPDX-License-Identifier: MIT
// The word lists the recognisers share, and the per-token classification that
// turns membership in them into bits: each token is looked up once per document
// instead of once per list per recogniser that asks.
#include <algorithm>
#include <unordered_map>

#include "extract/nlp/amounts.h"
#include "extract/nlp/recogniser.h"

namespace kg::extract::nlp {

const WordSet& NonNameCapitals() {
  static const WordSet set = MakeWordSet(
      {"the",         "a",          "an",           "this",        "that",         "these",
       "those",       "in",         "on",           "at",          "for",          "and",
       "but",         "or",         "as",           "if",          "when",         "while",
       "with",        "by",         "from",         "to",          "of",           "it",
       "its",         "he",         "she",          "they",        "we",           "i",
       "you",         "our",        "your",         "his",         "her",          "their",
       "there",       "here",       "what",         "why",         "how",          "who",
       "which",       "where",      "is",           "are",         "was",          "were",
       "after",       "before",     "since",        "despite",     "although",     "though",
       "however",     "meanwhile",  "moreover",     "furthermore", "additionally", "also",
       "still",       "yet",        "so",           "then",        "than",         "not",
       "no",          "yes",        "all",          "some",        "many",         "most",
       "more",        "less",       "new",          "key",         "other",        "such",
       "each",        "every",      "both",         "according",   "analysts",     "investors",
       "shares",      "stock",      "stocks",       "monday",      "tuesday",      "wednesday",
       "thursday",    "friday",     "saturday",     "sunday",      "january",      "february",
       "march",       "april",      "may",          "june",        "july",         "august",
       "september",   "october",    "november",     "december",    "today",        "yesterday",
       "tomorrow",    "chinese",    "american",     "european",    "japanese",     "korean",
       "british",     "french",     "german",       "indian",      "taiwanese",    "western",
       "eastern",     "global",     "read",         "click",       "conclusion",   "summary",
       "update",      "breaking",   "exclusive",    "analysis",    "opinion",      "editor",
       "note",        "photo",      "source",       "image",       "video",        "live",
       "watch",       "related",    "north",        "south",       "east",         "west",
       "president",   "chairman",   "minister",     "said",        "says",         "will",
       "can",         "could",      "would",        "should",      "might",        "must",
       "does",        "did",        "do",           "has",         "have",         "had",
       "be",          "been",       "one",          "two",         "three",        "first",
       "second",      "last",       "next",         "big",         "bigger",       "top",
       "best",        "because",    "just",         "even",        "only",         "over",
       "under",       "about",      "into",         "beyond",      "through",      "amid",
       "amidst",      "during",     "per",          "via",         "vs",           "plus",
       "recent",      "recently",   "earlier",      "later",       "now",          "let's",
       "here's",      "that's",     "it's",         "artificial",  "general",      "inside",
       "outside",     "among",      "between",      "within",      "without",      "again",
       "mr.",         "ms.",        "mrs.",         "dr.",         "prof.",        "sir",
       "ceo",         "chief",      "founder",      "analyst",     "spokesperson", "executive",
       "economist",   "strategist", "director",     "head",        "boss",         "chair",
       "chairwoman",  "professor",  "dear",         "mr",          "mrs",          "ms",
       "dr",          "australian", "irish",        "canadian",    "italian",      "spanish",
       "russian",     "brazilian",  "mexican",      "swiss",       "dutch",        "swedish",
       "norwegian",   "danish",     "finnish",      "polish",      "turkish",      "israeli",
       "iranian",     "saudi",      "asian",        "african",     "latin",        "arab",
       "scottish",    "welsh",      "belgian",      "austrian",    "greek",        "portuguese",
       "vietnamese",  "thai",       "indonesian",   "malaysian",   "singaporean",  "filipino",
       "pakistani",   "egyptian",   "nigerian",     "kenyan",      "argentine",    "chilean",
       "colombian",   "peruvian",   "ukrainian",    "hungarian",   "czech",        "thanks",
       "please",      "hello",      "welcome",      "sign",        "getty",        "reuters",
       "images",      "file",       "caption",      "credit",      "rivals",       "rival",
       "competitors", "peers",      "shareholders", "customers"});
  return set;
}

const WordSet& GenericAcronyms() {
  static const WordSet set = MakeWordSet(
      {"ai",   "agi",   "llm",  "llms", "gpu",  "gpus", "cpu", "cpus",      "npu",    "ceo",
       "cfo",  "cto",   "coo",  "ipo",  "etf",  "etfs", "eps", "gdp",       "yoy",    "qoq",
       "eu",   "un",    "api",  "apis", "sdk",  "pc",   "pcs", "ev",        "evs",    "it",
       "hr",   "pr",    "esg",  "faq",  "faqs", "usd",  "cny", "rmb",       "eur",    "hkd",
       "q1",   "q2",    "q3",   "q4",   "fy",   "h1",   "h2",  "am",        "pm",     "tv",
       "vr",   "ar",    "xr",   "iot",  "saas", "b2b",  "oem", "odm",       "ml",     "nlp",
       "asic", "asics", "fpga", "hbm",  "dram", "ram",  "ssd", "capex",     "ebitda", "ceos",
       "vc",   "vcs",   "ibd",  "pe",   "roi",  "kpi",  "gen", "ai-driven", "a.i.",   "ok",
       "tbd",  "ps"});
  return set;
}

const WordSet& RoleWords() {
  static const WordSet set = MakeWordSet(
      {"ceo",         "chief",       "executive",    "analyst",     "analysts",     "economist",
       "economists",  "strategist",  "strategists",  "director",    "spokesperson", "spokesman",
       "spokeswoman", "boss",        "head",         "minister",    "secretary",    "senator",
       "governor",    "professor",   "researcher",   "researchers", "scientist",    "investor",
       "billionaire", "magnate",     "entrepreneur", "engineer",    "officer",      "cfo",
       "cto",         "coo",         "founder",      "cofounder",   "chairman",     "chairwoman",
       "chair",       "chairperson", "president",    "partner",     "manager",      "trader",
       "leader",      "tycoon",      "mogul",        "official",    "lawyer",       "co-founder"});
  return set;
}

// Nouns that say the name before them is a chip's: "the Vera Rubin accelerators".
const WordSet& ChipHeads() {
  static const WordSet set =
      MakeWordSet({"chip", "chips", "gpu", "gpus", "accelerator", "accelerators", "processor",
                   "processors", "cpu", "cpus", "npu", "npus", "superchip", "superchips"});
  return set;
}

const WordSet& CorporateSuffixes() {
  static const WordSet set =
      MakeWordSet({"inc.", "inc", "corp.", "corp", "ltd.", "ltd", "llc", "co.", "plc", "limited",
                   "corporation", "ag", "sa", "nv", "gmbh", "l.p.", "lp", "s.a.", "n.v."});
  return set;
}

const WordSet& OrganisationCues() {
  static const WordSet set = MakeWordSet({"group",
                                          "technologies",
                                          "technology",
                                          "labs",
                                          "lab",
                                          "capital",
                                          "partners",
                                          "systems",
                                          "semiconductor",
                                          "semiconductors",
                                          "dynamics",
                                          "robotics",
                                          "bank",
                                          "ventures",
                                          "investments",
                                          "invest",
                                          "securities",
                                          "research",
                                          "networks",
                                          "software",
                                          "motors",
                                          "electronics",
                                          "pharmaceuticals",
                                          "therapeutics",
                                          "energy",
                                          "financial",
                                          "management",
                                          "associates",
                                          "analytics",
                                          "media",
                                          "communications",
                                          "telecom",
                                          "airlines",
                                          "studios",
                                          "foundation",
                                          "institute",
                                          "university",
                                          "fund",
                                          "corporation",
                                          "holdings",
                                          "platforms",
                                          "microelectronics",
                                          "biotech",
                                          "bancorp",
                                          "insurance",
                                          "advisors",
                                          "advisory",
                                          "advisers",
                                          "industries",
                                          "automotive",
                                          "aerospace",
                                          "solutions",
                                          "consulting",
                                          "entertainment",
                                          "pictures",
                                          "brands",
                                          "enterprises",
                                          "exchange",
                                          "agency",
                                          "commission",
                                          "ministry",
                                          "council",
                                          "bureau",
                                          "authority",
                                          "federation",
                                          "association",
                                          "organisation",
                                          "organization",
                                          "union",
                                          "society",
                                          "consortium",
                                          "cooperative",
                                          "co-operative",
                                          "league",
                                          "chamber",
                                          "manufacturing",
                                          "cloud",
                                          "foundry",
                                          "devices",
                                          "instruments",
                                          "materials",
                                          "chemicals",
                                          "logistics",
                                          "petroleum",
                                          "mining",
                                          "computing",
                                          "airways",
                                          "pharma",
                                          "utilities",
                                          "investment",
                                          "mobility",
                                          "holding",
                                          "health",
                                          "healthcare",
                                          "medical",
                                          "biosciences",
                                          "sciences",
                                          "photonics",
                                          "microsystems",
                                          "optics",
                                          "wireless",
                                          "telecommunications",
                                          "interactive",
                                          "motor",
                                          "aviation",
                                          "shipping",
                                          "properties",
                                          "products",
                                          "office",
                                          "foods",
                                          "beverages"});
  return set;
}

namespace {

const WordSet& ProductHeads() {
  static const WordSet set =
      MakeWordSet({"platform",  "app",         "application", "service",    "software",  "suite",
                   "assistant", "chatbot",     "browser",     "toolkit",    "framework", "sdk",
                   "headset",   "console",     "marketplace", "smartphone", "handset",   "os",
                   "laptop",    "tablet",      "smartwatch",  "wearable",   "glasses",   "robot",
                   "robots",    "drone",       "model",       "models",     "llm",       "phone",
                   "phones",    "smartphones", "handsets",    "laptops",    "tablets",   "earbuds",
                   "flagship"});
  return set;
}

const WordSet& GroupNouns() {
  static const WordSet set = MakeWordSet(
      {"startups",     "start-ups",  "ups",           "companies",    "firms",        "rivals",
       "competitors",  "players",    "makers",        "chipmakers",   "giants",       "banks",
       "investors",    "labs",       "peers",         "hyperscalers", "providers",    "groups",
       "brands",       "developers", "manufacturers", "businesses",   "corporations", "entities",
       "leaders",      "lenders",    "funds",         "automakers",   "carmakers",    "retailers",
       "partners",     "customers",  "clients",       "suppliers",    "vendors",      "names",
       "stocks",       "behemoths",  "challengers",   "incumbents",   "insurers",     "brokers",
       "foundries",    "unicorns",   "backers",       "titans",       "heavyweights", "operators",
       "conglomerates"});
  return set;
}

}  // namespace

const WordSet& CompanyNouns() {
  static const WordSet set = MakeWordSet(
      {"startup",     "start-up",    "company",     "firm",      "maker",      "chipmaker",
       "developer",   "provider",    "lab",         "bank",      "lender",     "conglomerate",
       "subsidiary",  "rival",       "competitor",  "retailer",  "operator",   "manufacturer",
       "player",      "giant",       "fund",        "insurer",   "automaker",  "carmaker",
       "supplier",    "vendor",      "brokerage",   "foundry",   "unicorn",    "titan",
       "behemoth",    "hyperscaler", "carrier",     "broker",    "outfit",     "upstart",
       "challenger",  "incumbent",   "arm",         "unit",      "division",   "airline",
       "broadcaster", "publisher",   "miner",       "drugmaker", "telecom",    "utility",
       "chain",       "supermarket", "distributor", "shipper",   "refiner",    "airliner",
       "jeweller",    "brewer",      "distiller",   "grocer",    "bookseller", "designer",
       "conglomerate"});
  return set;
}

const WordSet& PublicBodyNouns() {
  static const WordSet set =
      MakeWordSet({"agency", "authority", "association", "bureau", "chamber", "commission",
                   "council", "federation", "institute", "ministry", "office", "society"});
  return set;
}

const WordSet& Prepositions() {
  static const WordSet set =
      MakeWordSet({"in", "of", "for", "to", "with", "from", "by", "at", "on", "into", "than",
                   "against", "over", "about", "between", "among"});
  return set;
}

namespace {

const WordSet& PersonTitles() {
  static const WordSet set = MakeWordSet(
      {"mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord"});
  return set;
}

const WordSet& ReferenceWords() {
  static const WordSet set = MakeWordSet({"its", "it", "the", "he", "she", "his", "her", "him"});
  return set;
}

// The StartKind bits of a token, as a bit of StartTokens::token_kinds.
constexpr std::uint8_t StartBit(StartKind kind) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
}

// Word hash -> WordClass bits, for the one lookup of every token of every document:
// open addressing at a load of at most an eighth, so most lookups take one probe, with
// each key beside its bits and the StartKind bits the word alone gives.
class WordClassTable {
 public:
  struct Entry {
    std::uint16_t bits = 0;   // WordClass
    std::uint8_t starts = 0;  // StartKind bits of the word whatever its case
  };

  explicit WordClassTable(const HashIndex& index) {
    std::size_t words = 0;
    index.ForEach([&](std::uint64_t, int) { ++words; });
    std::size_t capacity = 16;
    while (capacity < words * 8) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    // FindStartTokens' openers: only words hash so ("by" is never a number or punctuation).
    static const std::uint64_t kBy = HashLower("by"), kSuch = HashLower("such"),
                               kLike = HashLower("like"), kIncluding = HashLower("including");
    index.ForEach([&](std::uint64_t hash, int bits) {
      std::size_t i = hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      std::uint8_t starts = 0;
      if ((bits & (kPersonTitle | kRoleWord)) != 0 || hash == kBy) {
        starts |= StartBit(StartKind::kPersonStart);
      }
      if ((bits & kCompanyNoun) != 0 || hash == kSuch || hash == kLike || hash == kIncluding) {
        starts |= StartBit(StartKind::kListStart);
      }
      if ((bits & kAmountStarter) != 0) starts |= StartBit(StartKind::kAmountStart);
      slots_[i] = {hash, {static_cast<std::uint16_t>(bits), starts}};
    });
  }

  struct Slot {
    std::uint64_t hash = 0;  // 0: empty
    Entry entry;
  };
  /// The table's slots and mask by value, for a loop to keep in registers where its byte
  /// stores would make the compiler load the table's members again.
  struct View {
    const Slot* slots;
    std::size_t mask;

    /// The entry of the word hashed `hash`, zeros for a word in no list. No key is 0
    /// (HashIndex stores none), so a zero hash stops at an empty slot's zeros.
    Entry Find(std::uint64_t hash) const {
      for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots[i];
        // The key or an empty slot, tested with one branch (min() is no branch) that
        // the first probe mostly takes: two branches would have the predictor guess
        // which of the two, a hit or a miss, ends the search.
        if (std::min(slot.hash ^ hash, slot.hash) == 0) return slot.entry;
      }
    }
  };

  View view() const { return {slots_.data(), mask_}; }
  Entry Find(std::uint64_t hash) const { return view().Find(hash); }

 private:
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// Word hash -> the WordClass bits of the lists that hold it.
const WordClassTable& WordClassIndex() {
  static const WordClassTable table = [] {
    std::unordered_map<std::uint64_t, int> classes;
    const std::pair<const WordSet*, WordClass> lists[] = {{&NonNameCapitals(), kNonNameCapital},
                                                          {&GenericAcronyms(), kGenericAcronym},
                                                          {&RoleWords(), kRoleWord},
                                                          {&OrganisationCues(), kOrganisationCue},
                                                          {&PersonTitles(), kPersonTitle},
                                                          {&ProductHeads(), kProductHead},
                                                          {&CompanyNouns(), kCompanyNoun},
                                                          {&GroupNouns(), kGroupNoun},
                                                          {&AmountStarterWords(), kAmountStarter},
                                                          {&ReferenceWords(), kReferenceWord}};
    for (const auto& [list, word_class] : lists) {
      list->ForEach(
          [&, word_class = word_class](std::uint64_t hash) { classes[hash] |= word_class; });
    }
    BoilerplateCueIndex().ForEach(
        [&](std::uint64_t hash, int cues) { classes[hash] |= cues << kBoilerplateCueShift; });
    // Words in no list that open people's names or lists, for their StartKind bits.
    for (const char* opener : {"by", "such", "like", "including"}) classes[HashLower(opener)] |= 0;
    HashIndex built;
    for (const auto& [hash, bits] : classes) built.emplace(hash, bits);
    return WordClassTable(built);
  }();
  return table;
}

}  // namespace

namespace {

// The WordClass bits of `token`, whose word's lists give `bits`.
std::uint16_t WordClasses(const Lexicon& lexicon, const Token& token, std::uint16_t bits) {
  if (token.capitalised) {
    if (lexicon.IsGivenName(token.hash)) bits |= kGivenName;
    if (token.kind == TokenKind::kWord && (bits & (kNonNameCapital | kGenericAcronym)) == 0) {
      bits |= kNameWord;
    }
  }
  return bits;
}

void ClassifyWordsInto(const Lexicon& lexicon, const std::vector<Token>& tokens,
                       std::vector<std::uint16_t>& classes) {
  const WordClassTable& table = WordClassIndex();
  classes.resize(tokens.size());
  std::uint16_t* out = classes.data();
  for (const Token& token : tokens) {
    *out++ = WordClasses(lexicon, token, table.Find(token.hash).bits);
  }
}

}  // namespace

void ClassifyWords(const Lexicon& lexicon, Document& document) {
  const WordClassTable::View table = WordClassIndex().view();
  const SurfaceIndex::StartFilter name_starts = lexicon.NameStartFilter();
  const std::vector<Token>& tokens = document.layout.tokens;
  // Into the document's own buffers: a reused document keeps their storage.
  document.word_classes.resize(tokens.size());
  document.starts.token_kinds.resize(tokens.size());
  // Everything the loop reads in locals: its byte stores could alias any member.
  std::uint16_t* classes = document.word_classes.data();
  std::uint8_t* kinds = document.starts.token_kinds.data();
  const char* text = document.text.data();
  const Token* const begin = tokens.data();
  const Token* const end = begin + tokens.size();
  WordSet& lower_words = document.lower_words;
  // Room for 3/8 of the tokens as distinct lower-case words: on the bench corpus that beat
  // half (more slots to zero) and a quarter (more Grow()).
  lower_words.reserve(tokens.size() * 3 / 8);
  // The StartKind bits FindStartTokens (recognise.cpp) gathers, while the word is at hand.
  constexpr std::uint8_t kVersioned = StartBit(StartKind::kVersioned);
  for (const Token* token = begin; token != end; ++token, ++classes, ++kinds) {
    const WordClassTable::Entry entry = table.Find(token->hash);
    std::uint16_t bits = entry.bits;
    std::uint8_t starts = entry.starts;
    if (token->capitalised) {
      // WordClasses() written out: called, it costs more than it does.
      if (lexicon.IsGivenName(token->hash)) {
        bits |= kGivenName;
        starts |= StartBit(StartKind::kPersonStart);
      }
      if (token->kind == TokenKind::kWord && (bits & (kNonNameCapital | kGenericAcronym)) == 0) {
        bits |= kNameWord;
        starts |= StartBit(StartKind::kNameWord) | StartBit(StartKind::kPersonStart) |
                  StartBit(StartKind::kListStart);
      }
      // A capitalised code with a digit may start an amount.
      if (token->has_digit) starts |= StartBit(StartKind::kAmountStart);
    }
    if (name_starts.MayStartWith(token->hash)) starts |= StartBit(StartKind::kLexiconName);
    if (token->kind == TokenKind::kWord) {
      if (token->has_digit) starts |= kVersioned;
      const auto first_char = static_cast<unsigned char>(text[token->start]);
      if (first_char >= 'a' && first_char <= 'z') lower_words.insert(token->hash);
    } else if (token->kind == TokenKind::kNumber) {
      starts |= StartBit(StartKind::kAmountStart);  // ParseAmountAt's own first test
    } else {
      const char first_char = text[token->start];
      if (first_char == '(' && token->end - token->start == 1) {
        starts |= StartBit(StartKind::kOpenParenthesis);
      }
      // A glued hyphen ("Qwen3-Max") makes the word before it a versioned name's start too.
      if (first_char == '-' && !token->space_before && token != begin &&
          token[-1].kind == TokenKind::kWord && (kinds[-1] & kVersioned) == 0) {
        kinds[-1] |= kVersioned | kBeforeGluedHyphen;
      }
    }
    *classes = bits;
    *kinds = starts;
  }
}

std::vector<std::uint16_t> ClassifyWords(const Lexicon& lexicon, const std::vector<Token>& tokens) {
  std::vector<std::uint16_t> classes;
  ClassifyWordsInto(lexicon, tokens, classes);
  return classes;
}

}  // namespace kg::extract::nlp
