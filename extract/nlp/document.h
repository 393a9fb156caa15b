// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/nlp/amounts.h"
#include "extract/nlp/lexicon.h"
#include "extract/nlp/start_tokens.h"
#include "extract/nlp/surface_index.h"
#include "extract/nlp/text.h"

/// One article while it is being read: its tokens and sentences, the entity
/// mentions found in each sentence and the document's entities they point to.
namespace kg::extract::nlp {

/// Entity mentions never exceed this many per sentence (bounded work).
inline constexpr std::size_t kMaxMentionsPerSentence = 48;

enum MentionFlag : std::uint8_t {
  kCoref = 1,              // a pronoun or descriptor ("its", "the company") resolved to an entity
  kPossessivePronoun = 2,  // "its", "his", "her", "their": behaves like "X's"
  kFromLexicon = 4,        // the entity is a lexicon entry
  kPossessive = 8,         // followed by 's
};

struct Mention {
  std::uint32_t first = 0;  // tokens [first, last), a trailing "(TICKER)" included
  std::uint32_t last = 0;
  int entity = -1;
  std::uint8_t flags = 0;
};

struct DocEntity {
  std::string name;  // canonical name (decided at the end)
  std::string type;
  std::vector<std::pair<std::string, int>> surfaces;  // surface form -> count
  std::string ticker;
  std::optional<double> value;
  std::string unit;
  int mentions = 0;        // explicit mentions (coreference excluded)
  int lexicon_entry = -1;  // -1: found by a general recogniser
  int first_sentence = 0;

  /// Inline where `type == "Company"` would call memcmp.
  bool HasType(std::string_view name) const { return std::string_view(type) == name; }
};

/// Entity keys (amount identities, "type<TAB>name key") -> entity index, for a document's
/// few lookups per mention: open addressing over the keys' hashes, the keys' bytes in one
/// string, so neither a lookup nor a new key allocates a node.
class KeyIndex {
 public:
  /// The entity of `key`, or `id` after adding the key with it; whether it was added.
  std::pair<int, bool> FindOrAdd(std::string_view key, int id);
  /// Removes every key, keeping the storage unless a large document grew it.
  void clear();

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // of the key in bytes_
    std::uint32_t length = 0;
    int id = -1;  // -1: an empty slot
  };
  /// Doubles the slots (16 at first), placing each key again by its hash.
  void Grow();

  std::vector<Slot> slots_;
  std::string bytes_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

struct Document {
  std::string_view text;
  Layout layout;
  std::vector<std::vector<Mention>> mentions;  // per sentence, ordered by first token
  std::vector<DocEntity> entities;
  // Lexicon entry -> entity, -1 for none: grown to the lexicon's size on first use, and
  // Reset() clears only the entries of the document's entities.
  std::vector<int> by_lexicon_entry;
  KeyIndex by_key;                        // amount identity, "type\tname key" -> entity
  WordSet lower_words;                    // hashes of words seen in lower case
  LocalCurrencies local_currencies;       // what its bare "crowns" or "francs" mean
  std::vector<std::uint8_t> transparent;  // per token: a "(TICKER)" tail rules skip over
  std::unordered_map<std::uint64_t, int> short_forms;  // surname, acronym -> entity
  std::vector<std::uint16_t> word_classes;  // per token: its WordClass bits (ClassifyWords)
  // Scratch of RecogniseEntities, kept here so a reused document reuses their storage.
  std::vector<std::uint8_t> taken;  // per token: claimed by a mention
  SurfaceIndex known_surfaces;      // the general recognisers' names, found again
  StartTokens starts;               // where the recognisers' matches can start

  /// Empties the document for `new_text`, keeping its buffers' storage: a thread that
  /// extracts document after document then allocates them once, not per document.
  void Reset(std::string_view new_text);
  /// One empty mention list per sentence of the layout, keeping the lists' storage.
  void ResetMentions();

  std::string_view Text(std::uint32_t first, std::uint32_t last) const {
    const auto& tokens = layout.tokens;
    return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
  }
  bool SeenLowercase(std::uint64_t hash) const;
  const std::string& TypeOf(const Mention& mention) const {
    return entities[static_cast<std::size_t>(mention.entity)].type;
  }
};

/// A mention a recogniser proposes, before it is tied to an entity. Its texts are views
/// (of the document's text, the lexicon or literals) that outlive the AddMention() call.
struct Candidate {
  std::uint32_t first = 0;  // tokens [first, last)
  std::uint32_t last = 0;
  std::string_view type;
  std::string_view surface;  // the name as written (ticker tail excluded)
  int lexicon_entry = -1;
  std::optional<double> value;  // Amount only
  std::string_view unit;
  std::string_view ticker;  // a ticker the text attaches to it
};

/// Adds a mention of `candidate` to sentence `sentence`, creating or merging
/// the entity (lexicon entry, amount value and unit, or type and NameKey).
/// Returns the entity index, or -1 when the sentence is full.
int AddMention(const Lexicon& lexicon, Document& document, int sentence, const Candidate& candidate,
               std::uint8_t flags = 0);

/// Adds a mention of the known entity `entity` (short forms, coreference).
/// `surface` is recorded as an alias unless `flags` has kCoref.
void AddMentionTo(Document& document, int sentence, std::uint32_t first, std::uint32_t last,
                  int entity, std::string_view surface, std::uint8_t flags);

/// Chooses every entity's canonical name: the lexicon's, else the most
/// complete surface form (persons, organisations) or the most frequent (amounts).
void ChooseCanonicalNames(const Lexicon& lexicon, Document& document);

/// Looks every token's word up once: sets document.word_classes, which
/// MarkBoilerplate, the recognisers and coreference read, the start tokens' kinds
/// (document.starts.token_kinds) and document.lower_words.
void ClassifyWords(const Lexicon& lexicon, Document& document);

/// Finds entity mentions in every sentence that is not boilerplate, creates the
/// document's entities and merges their surface forms. Classifies the words
/// first unless ClassifyWords() has.
void RecogniseEntities(const Lexicon& lexicon, Document& document);

/// Resolves "its", "the company", "he" and similar to salient entities,
/// adding coreference mentions. Call after RecogniseEntities.
void ResolveCoreference(Document& document);

/// Adds the hash of every word of the document's person mentions to `words` (what
/// Tokenize of their surfaces would give): words never taken for other names.
void AddPersonWords(const Document& document, WordSet& words);

/// The document's most mentioned entity of `type`, or -1.
int MainEntity(const Document& document, std::string_view type);

}  // namespace kg::extract::nlp
