// SPDX-License-Identifier: MIT
// The document's entity table: mentions are tied to entities by lexicon entry,
// amount value and unit, or type and normalised name.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "extract/nlp/document.h"
#include "extract/nlp/recogniser.h"

namespace kg::extract::nlp {
namespace {

// What %.6g prints for `whole`, at least 1e6, into `out` (its end in `end`): its significant
// digits, a point after the first, and "e+" with the exponent of at least two digits.
// False, writing nothing, when it has more than six significant digits (they would round).
bool WholeInScientific(std::uint64_t whole, char* out, char*& end) {
  int exponent = 0;
  while (whole % 10 == 0) {
    whole /= 10;
    ++exponent;
  }
  if (whole >= 1000000) return false;
  char digits[8];
  const char* digits_end = std::to_chars(digits, digits + sizeof digits, whole).ptr;
  const int count = static_cast<int>(digits_end - digits);
  exponent += count - 1;
  end = out;
  *end++ = digits[0];
  if (count > 1) {
    *end++ = '.';
    for (int i = 1; i < count; ++i) *end++ = digits[i];
  }
  *end++ = 'e';
  *end++ = '+';
  if (exponent < 10) *end++ = '0';
  end = std::to_chars(end, end + 4, exponent).ptr;
  return true;
}

// The key of an amount's entity, written over `key`.
void AmountIdentity(double value, std::string_view unit, std::string& key) {
  key = "Amount\t";
  key += unit;
  key += ':';
  // A whole number of at most six digits is what %.6g prints it as: its digits. Others go to
  // to_chars in general format with precision 6, which prints exactly what %.6g does.
  char buffer[64];
  char* printed = buffer;
  if (value >= 1 && value < 1e6 && value == std::floor(value)) {
    printed = std::to_chars(buffer, buffer + sizeof buffer, static_cast<int>(value)).ptr;
  } else if (value >= 1e6 && value < 1e18 && value == std::floor(value) &&
             WholeInScientific(static_cast<std::uint64_t>(value), buffer, printed)) {
    // "$2.5 billion": a whole number of at least seven digits, six of them significant at
    // most, written exactly ("2.5e+09") without to_chars' general-format search.
  } else {
    printed =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  }
  key.append(buffer, printed);
}

void AddSurface(DocEntity& entity, std::string_view surface) {
  if (surface.empty()) return;
  for (auto& [text, count] : entity.surfaces) {
    if (text == surface) {
      ++count;
      return;
    }
  }
  if (entity.surfaces.size() < 32) entity.surfaces.emplace_back(surface, 1);
}

// Drops a trailing possessive so "Alibaba's" is recorded as "Alibaba".
std::string_view WithoutPossessive(std::string_view surface) {
  if (surface.size() > 2 && (surface.ends_with("'s") || surface.ends_with("'S"))) {
    surface.remove_suffix(2);
  } else if (surface.size() > 4 && surface.ends_with("\xE2\x80\x99s")) {
    surface.remove_suffix(4);
  }
  return surface;
}

// Empties `buffer`, releasing its storage when an unusually large document grew it.
template <typename Container>
void ClearBuffer(Container& buffer, std::size_t max_capacity) {
  if (buffer.capacity() > max_capacity) {
    buffer = Container();
  } else {
    buffer.clear();
  }
}

// Empties `map`; one grown by a large document is replaced, as clear() would keep
// walking its buckets for every later document.
template <typename Map>
void ClearMap(Map& map) {
  if (map.bucket_count() > 1024) {
    map = Map();
  } else {
    map.clear();
  }
}

}  // namespace

std::pair<int, bool> KeyIndex::FindOrAdd(std::string_view key, int id) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  std::size_t at = hash & mask_;
  for (; slots_[at].id >= 0; at = (at + 1) & mask_) {
    const Slot& slot = slots_[at];
    if (slot.hash == hash && std::string_view(bytes_).substr(slot.offset, slot.length) == key) {
      return {slot.id, false};
    }
  }
  slots_[at] = {hash, static_cast<std::uint32_t>(bytes_.size()),
                static_cast<std::uint32_t>(key.size()), id};
  bytes_ += key;
  ++size_;
  return {id, true};
}

void KeyIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id < 0) continue;
    std::size_t at = slot.hash & mask_;
    while (slots_[at].id >= 0) at = (at + 1) & mask_;
    slots_[at] = slot;
  }
}

void KeyIndex::clear() {
  // Emptying walks every slot: slots a large document grew are released rather than
  // walked for every later document (most have a few dozen keys).
  if (slots_.size() > 64) {
    slots_ = {};
    bytes_ = {};
    mask_ = 0;
  } else {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    bytes_.clear();
  }
  size_ = 0;
}

void Document::Reset(std::string_view new_text) {
  constexpr std::size_t kMaxTokens = std::size_t{1} << 18;
  text = new_text;
  ClearBuffer(layout.tokens, kMaxTokens);
  ClearBuffer(layout.sentences, kMaxTokens / 8);
  if (mentions.capacity() > kMaxTokens / 8) mentions = {};  // the lists go in ResetMentions
  for (const DocEntity& entity : entities) {
    if (entity.lexicon_entry >= 0) {
      by_lexicon_entry[static_cast<std::size_t>(entity.lexicon_entry)] = -1;
    }
  }
  ClearBuffer(entities, 4096);
  by_key.clear();
  lower_words.clear();
  local_currencies.Clear();
  ClearBuffer(transparent, kMaxTokens);
  ClearMap(short_forms);
  ClearBuffer(word_classes, kMaxTokens);
  ClearBuffer(taken, kMaxTokens);
  known_surfaces.clear();
  // Refilled per document without clearing (recognise.cpp): only a large one is released.
  for (auto& list : starts.tokens) {
    if (list.capacity() > kMaxTokens) list = {};
  }
  ClearBuffer(starts.token_kinds, kMaxTokens);
}

void Document::ResetMentions() {
  const std::size_t count = layout.sentences.size();
  if (mentions.size() > count) mentions.resize(count);
  for (auto& sentence_mentions : mentions) sentence_mentions.clear();
  mentions.resize(count);
}

bool Document::SeenLowercase(std::uint64_t hash) const { return lower_words.count(hash) != 0; }

int AddMention(const Lexicon& lexicon, Document& document, int sentence, const Candidate& candidate,
               std::uint8_t flags) {
  auto& mentions = document.mentions[static_cast<std::size_t>(sentence)];
  if (mentions.size() >= kMaxMentionsPerSentence) return -1;
  int lexicon_entry = candidate.lexicon_entry;
  const int next_id = static_cast<int>(document.entities.size());
  // Lexicon entities are keyed by entry number (no key string per mention), amounts by
  // value and unit, other names by type and name key.
  std::pair<int, bool> id_added;
  // One key buffer per thread, reused: a key per mention would allocate when long.
  thread_local std::string key;
  const bool amount = candidate.type == "Amount" && candidate.value;
  if (amount) {
    AmountIdentity(*candidate.value, candidate.unit, key);
    id_added = document.by_key.FindOrAdd(key, next_id);
  } else {
    if (lexicon_entry < 0) {
      // "type<TAB>name key": the lexicon's key and, when the lexicon lacks it, the entity's.
      key = candidate.type;
      key += '\t';
      AppendNameKey(candidate.surface, key);
      lexicon_entry = lexicon.FindByTypedKey(key);
      if (lexicon_entry < 0) id_added = document.by_key.FindOrAdd(key, next_id);
    }
    if (lexicon_entry >= 0) {
      std::vector<int>& by_entry = document.by_lexicon_entry;
      if (by_entry.size() <= static_cast<std::size_t>(lexicon_entry))
        by_entry.resize(lexicon.size(), -1);
      int& entity = by_entry[static_cast<std::size_t>(lexicon_entry)];
      id_added = {entity < 0 ? next_id : entity, entity < 0};
      if (entity < 0) entity = next_id;
    }
  }
  const auto [id, added] = id_added;
  if (added) {
    DocEntity& entity = document.entities.emplace_back();
    entity.type =
        lexicon_entry >= 0 ? std::string_view(lexicon.entry(lexicon_entry).type) : candidate.type;
    entity.lexicon_entry = lexicon_entry;
    entity.value = candidate.value;
    entity.unit = candidate.unit;
    entity.first_sentence = sentence;
  }
  DocEntity& entity = document.entities[static_cast<std::size_t>(id)];
  if (!candidate.ticker.empty() && entity.ticker.empty()) {
    entity.ticker = candidate.ticker;
    AddSurface(entity, candidate.ticker);
  }
  if (lexicon_entry >= 0) flags |= kFromLexicon;
  AddMentionTo(document, sentence, candidate.first, candidate.last, id, candidate.surface, flags);
  return id;
}

void AddMentionTo(Document& document, int sentence, std::uint32_t first, std::uint32_t last,
                  int entity_id, std::string_view surface, std::uint8_t flags) {
  auto& mentions = document.mentions[static_cast<std::size_t>(sentence)];
  if (mentions.size() >= kMaxMentionsPerSentence) return;
  DocEntity& entity = document.entities[static_cast<std::size_t>(entity_id)];
  if ((flags & kCoref) == 0) {
    ++entity.mentions;
    AddSurface(entity, WithoutPossessive(surface));
  }
  if (entity.lexicon_entry >= 0) flags |= kFromLexicon;
  Mention mention;
  mention.first = first;
  mention.last = last;
  mention.entity = entity_id;
  mention.flags = flags;
  const auto& tokens = document.layout.tokens;
  if (mention.last < tokens.size() && tokens[mention.last].possessive) mention.flags |= kPossessive;
  // A sentence with one mention mostly gets more: one allocation instead of one per doubling.
  if (mentions.empty()) mentions.reserve(8);
  auto position =
      std::lower_bound(mentions.begin(), mentions.end(), mention,
                       [](const Mention& a, const Mention& b) { return a.first < b.first; });
  mentions.insert(position, mention);
}

namespace {

// Whether a form ends in a legal suffix ("Microsoft Corp.", "Honda Motor Co"): such a
// form is complete but not common, never a name.
bool EndsInLegalSuffix(std::string_view form) {
  const std::size_t space = form.rfind(' ');
  if (space == std::string_view::npos) return false;
  // The recognisers' legal suffixes, and "Co"/"Cos" without their stop ("Dow Chemical Co").
  static const std::uint64_t kCo = HashLower("co"), kCos = HashLower("cos");
  const std::uint64_t last = HashLower(form.substr(space + 1));
  return CorporateSuffixes().count(last) != 0 || last == kCo || last == kCos;
}

bool HasLowerCase(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// `form` without its legal suffixes ("Micron Technology Inc." -> "Micron Technology",
// "Hon Hai Precision Industry Co Ltd" -> "Hon Hai Precision Industry", "Lazard and Co" ->
// "Lazard").
std::string_view WithoutLegalSuffix(std::string_view form) {
  while (EndsInLegalSuffix(form)) {
    form = form.substr(0, form.rfind(' '));
    while (!form.empty() && (form.back() == ',' || form.back() == ' ')) form.remove_suffix(1);
    // "and Co", "& Co": the conjunction goes with the suffix.
    for (std::string_view conjunction : {std::string_view(" and"), std::string_view(" &")}) {
      if (form.size() > conjunction.size() &&
          form.compare(form.size() - conjunction.size(), conjunction.size(), conjunction) == 0) {
        form.remove_suffix(conjunction.size());
      }
    }
  }
  return form;
}

// Whether `form` is `canonical` and the word "Holding" or "Holdings", part of a legal name
// ("Alibaba Group Holding Ltd." is Alibaba Group).
bool IsHoldingOf(std::string_view form, std::string_view canonical) {
  if (form.size() <= canonical.size() + 1 || form.compare(0, canonical.size(), canonical) != 0 ||
      form[canonical.size()] != ' ') {
    return false;
  }
  const std::string_view rest = form.substr(canonical.size() + 1);
  return rest == "Holding" || rest == "Holdings";
}

// A known entity's name: the lexicon's canonical name where the text used it, else the
// most complete form the text used that extends it ("Amkor Technology" for Amkor), so the
// node is called what its articles call it; never a ticker, and a form with a legal suffix
// only without it ("Micron Technology Inc." names Micron "Micron Technology").
std::string NameUsedInText(const std::string& canonical, const DocEntity& entity) {
  std::string_view best;
  for (const auto& [surface, count] : entity.surfaces) {
    if (surface == canonical) return canonical;
    const std::string_view form = WithoutLegalSuffix(surface);
    const bool suffixed = form.size() != surface.size();
    if (suffixed && (form == canonical || IsHoldingOf(form, canonical))) return canonical;
    // A partnership's comma is its legal form's too: "Goldman, Sachs and Co" is Goldman Sachs.
    if (suffixed && form.find(',') != std::string_view::npos) continue;
    // A person's name only with words after it ("President Xi" is a title and a name).
    const bool extends = form.size() > canonical.size() + 1 &&
                         form.compare(0, canonical.size(), canonical) == 0 &&
                         form[canonical.size()] == ' ';
    // Nor a headline's capitals ("FORD MOTOR", "UNITED OVERSEAS BANK" for UOB).
    if (form == entity.ticker || form.size() <= canonical.size() ||
        form.find(' ') == std::string_view::npos || (entity.HasType("Person") && !extends) ||
        !HasLowerCase(form)) {
      continue;
    }
    if (best.empty() || form.size() > best.size() || (form.size() == best.size() && form < best)) {
      best = form;
    }
  }
  return best.empty() ? canonical : std::string(best);
}

}  // namespace

void ChooseCanonicalNames(const Lexicon& lexicon, Document& document) {
  for (DocEntity& entity : document.entities) {
    if (entity.lexicon_entry >= 0) {
      const LexiconEntry& entry = lexicon.entry(entity.lexicon_entry);
      // ("the Netherlands" is no more complete a place than "Netherlands".)
      entity.name = !entity.HasType("Place") ? NameUsedInText(entry.name, entity) : entry.name;
      if (entity.ticker.empty() && !entry.tickers.empty()) {
        // Only a ticker the text used becomes an alias; the attribute comes from the lexicon.
        entity.ticker = entry.tickers.front();
      }
      continue;
    }
    if (entity.surfaces.empty()) continue;
    const bool frequent_form = entity.HasType("Amount");
    const std::pair<std::string, int>* best = &entity.surfaces.front();
    for (const auto& surface : entity.surfaces) {
      if (!entity.ticker.empty() && surface.first == entity.ticker) continue;
      if (!best->first.empty() && best->first == entity.ticker) best = &surface;
      const bool better = frequent_form ? surface.second > best->second
                                        : surface.first.size() > best->first.size() ||
                                              (surface.first.size() == best->first.size() &&
                                               surface.second > best->second);
      if (better) best = &surface;
    }
    entity.name = best->first;
  }
}

void AddPersonWords(const Document& document, WordSet& words) {
  const auto& tokens = document.layout.tokens;
  for (const auto& sentence_mentions : document.mentions) {
    for (const Mention& mention : sentence_mentions) {
      if (!document.entities[static_cast<std::size_t>(mention.entity)].HasType("Person")) continue;
      for (std::uint32_t k = mention.first; k < mention.last; ++k) words.insert(tokens[k].hash);
    }
  }
}

int MainEntity(const Document& document, std::string_view type) {
  int best = -1;
  for (std::size_t i = 0; i < document.entities.size(); ++i) {
    const DocEntity& entity = document.entities[i];
    if (entity.type != type || entity.mentions == 0) continue;
    if (best < 0 || entity.mentions > document.entities[static_cast<std::size_t>(best)].mentions) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace kg::extract::nlp
