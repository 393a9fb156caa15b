// SPDX-License-Identifier: MIT
// Writes a synthetic kg database for the query and graph benchmarks:
//   gen_synthetic_bench OUT.db [--entities N] [--relations M] [--seed S]
// Default 100k entities and 1M relations of every ontology type, heavy-tailed
// degrees (Zipf popularity within each type), names built from syllables. The schema comes from
// graph::Store; rows are bulk-inserted with SQLite directly, because ingesting a million relations
// through extraction records is not what this measures.
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "graph/names.h"
#include "graph/ontology.h"
#include "graph/store.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kSyllables[] = {"al",  "ba",  "ce",   "dor", "en",  "fi",  "ga",  "hu",
                                      "is",  "jo",  "ka",   "li",  "mo",  "nex", "or",  "pi",
                                      "qua", "ro",  "si",   "ta",  "ul",  "ve",  "wen", "xi",
                                      "yo",  "zen", "tron", "vra", "lux", "mar", "nor", "sol",
                                      "ter", "vis", "zan",  "cor", "dyn", "gen", "hel", "ion"};
constexpr const char* kCompanySuffixes[] = {"",       " Systems",       " Labs",     " AI",
                                            " Tech",  " Capital",       " Networks", " Robotics",
                                            " Cloud", " Semiconductor", " Holdings", " Bank"};
constexpr const char* kFirstNames[] = {"Wei",   "Li",     "Anna",  "James",  "Maria", "Chen",
                                       "Sofia", "Ahmed",  "Yuki",  "Carlos", "Priya", "Olga",
                                       "David", "Fatima", "Jun",   "Elena",  "Tom",   "Amara",
                                       "Ivan",  "Mei",    "Lucas", "Noor"};
constexpr const char* kLastNames[] = {
    "Wang",   "Zhang",  "Smith",  "Garcia", "Kim",   "Tanaka", "Ivanova", "Khan",  "Rossi", "Silva",
    "Müller", "Dubois", "Nguyen", "Patel",  "Cohen", "Okafor", "Larsen",  "Novak", "Ma",    "Wu"};
constexpr const char* kModelSuffixes[] = {"", "-Max", "-Pro", "-Mini", "-VL", "-Omni", "-Coder"};
constexpr const char* kProductWords[] = {"Studio",    "Cloud", "Pay",      "Maps",  "Drive", "Hub",
                                         "Assistant", "Store", "Platform", "Phone", "Watch"};

class NameMaker {
 public:
  explicit NameMaker(std::mt19937_64& random) : random_(random) {}

  std::string Word(int min_syllables, int max_syllables) {
    std::uniform_int_distribution<int> count(min_syllables, max_syllables);
    std::string word;
    for (int index = count(random_); index > 0; --index) word += Pick(kSyllables);
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
  }
  std::string Company() { return Word(2, 3) + Pick(kCompanySuffixes); }
  std::string Person() {
    return std::string(Pick(kFirstNames)) + " " + (Number(0, 1) ? Pick(kLastNames) : Word(2, 3));
  }

  std::string Model() { return Word(1, 2) + std::to_string(Number(1, 9)) + Pick(kModelSuffixes); }
  std::string Chip() {
    std::string word = Word(1, 1);
    return std::string(1, static_cast<char>(word[0])) + static_cast<char>('A' + Number(0, 25)) +
           std::to_string(Number(100, 999)) + (Number(0, 1) ? "B" : "");
  }
  std::string Product() { return Word(2, 2) + " " + Pick(kProductWords); }
  std::string Place() { return Word(2, 3) + (Number(0, 3) == 0 ? " City" : ""); }
  int Number(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

 private:
  template <std::size_t N>
  const char* Pick(const char* const (&items)[N]) {
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(random_)];
  }
  std::mt19937_64& random_;
};

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "gen_synthetic: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

struct Prepared {
  Prepared(sqlite3* db, const char* sql) : db_(db) {
    Check(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr), db, sql);
  }
  ~Prepared() { sqlite3_finalize(statement); }
  void Run() {
    Check(sqlite3_step(statement), db_, "step");
    sqlite3_reset(statement);
  }
  sqlite3* db_;
  sqlite3_stmt* statement = nullptr;
};

void BindText(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: gen_synthetic_bench OUT.db [--entities N] [--relations M] [--seed S]\n");
    return 2;
  }
  std::string path = argv[1];
  long entity_target = 100'000, relation_target = 1'000'000;
  unsigned long seed = 42;
  for (int index = 2; index + 1 < argc; index += 2) {
    if (std::strcmp(argv[index], "--entities") == 0) entity_target = std::atol(argv[index + 1]);
    if (std::strcmp(argv[index], "--relations") == 0) relation_target = std::atol(argv[index + 1]);
    if (std::strcmp(argv[index], "--seed") == 0) seed = std::stoul(argv[index + 1]);
  }
  auto started = Clock::now();
  std::filesystem::remove(path);
  { kg::graph::Store::Open(path); }  // creates the schema

  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db, "open");
  Check(sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY; BEGIN", nullptr,
                     nullptr, nullptr),
        db, "begin");
  std::mt19937_64 random(seed);
  NameMaker names(random);

  // Entities by type, in these shares of the total.
  const std::vector<std::pair<std::string, double>> type_shares = {
      {"Company", 0.40}, {"Person", 0.25}, {"Model", 0.08}, {"Chip", 0.03},
      {"Product", 0.10}, {"Place", 0.02},  {"Amount", 0.12}};
  std::map<std::string, std::vector<std::int64_t>> by_type;
  std::vector<std::string> entity_names(1);  // by id; id 0 unused
  {
    Prepared insert(db,
                    "INSERT INTO entities (id, name, type, key, ticker, value, unit) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    Prepared alias(db, "INSERT INTO aliases (entity_id, alias, key) VALUES (?1, ?2, ?3)");
    std::unordered_set<std::string> used_keys;
    std::int64_t id = 0;
    for (const auto& [type, share] : type_shares) {
      auto count = static_cast<long>(share * static_cast<double>(entity_target));
      for (long made = 0; made < count; ++made) {
        std::string name, key, unit, ticker;
        double value = 0;
        for (int attempt = 0;; ++attempt) {
          if (type == "Company") name = names.Company();
          if (type == "Person") name = names.Person();
          if (type == "Model") name = names.Model();
          if (type == "Chip") name = names.Chip();
          if (type == "Product") name = names.Product();
          if (type == "Place") name = names.Place();
          if (type == "Amount") {
            bool money = names.Number(0, 4) != 0;
            value = names.Number(1, 999) * std::pow(10.0, names.Number(6, 11)) / 10;
            unit = money ? (names.Number(0, 3) == 0 ? "CNY" : "USD") : "parameters";
            name = kg::graph::FormatAmount(value, unit);
            key = kg::graph::AmountKey(value, unit);
          } else {
            if (attempt > 3) name += " " + std::to_string(made);
            key = kg::graph::NormalizeKey(name);
          }
          if (used_keys.insert(type + "\t" + key).second) break;
        }
        ++id;
        if (type == "Company" && names.Number(0, 9) == 0) {
          ticker = name.substr(0, 3) + std::to_string(id % 100);
          for (char& c : ticker) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        sqlite3_bind_int64(insert.statement, 1, id);
        BindText(insert.statement, 2, name);
        BindText(insert.statement, 3, type);
        BindText(insert.statement, 4, key);
        if (ticker.empty())
          sqlite3_bind_null(insert.statement, 5);
        else
          BindText(insert.statement, 5, ticker);
        if (type == "Amount") {
          sqlite3_bind_double(insert.statement, 6, value);
          BindText(insert.statement, 7, unit);
        } else {
          sqlite3_bind_null(insert.statement, 6);
          sqlite3_bind_null(insert.statement, 7);
        }
        insert.Run();
        sqlite3_bind_int64(alias.statement, 1, id);
        BindText(alias.statement, 2, name);
        BindText(alias.statement, 3, kg::graph::NormalizeKey(name));
        alias.Run();
        by_type[type].push_back(id);
        entity_names.push_back(name);
      }
    }
  }

  // Documents that the evidence cites.
  const int document_count = 1000;
  {
    Prepared insert(db,
                    "INSERT INTO documents (id, name, content_hash, text, title, ingested_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00Z')");
    for (int document = 1; document <= document_count; ++document) {
      char name[64];
      std::snprintf(name, sizeof name, "synthetic/article-%05d.txt", document);
      std::string text = "Synthetic article " + std::to_string(document) + ".";
      sqlite3_bind_int(insert.statement, 1, document);
      BindText(insert.statement, 2, name);
      BindText(insert.statement, 3, kg::graph::Sha256Hex(text));
      BindText(insert.statement, 4, text);
      BindText(insert.statement, 5, "Synthetic " + std::to_string(document));
      insert.Run();
    }
  }

  // Relations: a type by weight, then each end by preferential attachment within
  // the types the ontology allows (an urn holding each entity once plus once per
  // relation it already has).
  const std::vector<std::pair<std::string, double>> relation_weights = {
      {"partners_with", 15},  {"competes_with", 10},
      {"invests_in", 8},      {"develops", 15},
      {"uses", 12},           {"works_for", 10},
      {"located_in", 8},      {"subsidiary_of", 4},
      {"ceo_of", 2},          {"founder_of", 2},
      {"chairman_of", 1},     {"invests", 3},
      {"reports_revenue", 3}, {"reports_net_income", 2},
      {"outperforms", 3},     {"has_parameters", 1.5},
      {"equals", 0.5}};
  std::vector<double> weights;
  for (const auto& entry : relation_weights) weights.push_back(entry.second);
  std::discrete_distribution<std::size_t> pick_type(weights.begin(), weights.end());
  // Popularity: each type's entities in a random order; half the draws are
  // log-uniform over that order (Zipf, exponent 1: a few hubs with tens of
  // thousands of relations, a long tail), half uniform (no entity left out).
  std::map<std::string, std::vector<std::int64_t>> popularity = by_type;
  for (auto& entry : popularity) std::shuffle(entry.second.begin(), entry.second.end(), random);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto draw = [&](const std::vector<std::string_view>& types) {
    std::size_t total = 0;
    for (std::string_view type : types) total += popularity[std::string(type)].size();
    std::size_t pick = std::uniform_int_distribution<std::size_t>(0, total - 1)(random);
    std::vector<std::int64_t>* members = nullptr;
    for (std::string_view type : types) {
      members = &popularity[std::string(type)];
      if (pick < members->size()) break;
      pick -= members->size();
    }
    std::size_t size = members->size();
    if (unit(random) < 0.5) {
      double log_uniform = std::exp(unit(random) * std::log(static_cast<double>(size) + 1));
      pick = std::min(size - 1, static_cast<std::size_t>(log_uniform) - 1);
    } else {
      pick = std::uniform_int_distribution<std::size_t>(0, size - 1)(random);
    }
    return (*members)[pick];
  };
  std::unordered_set<std::string> seen;
  seen.reserve(static_cast<std::size_t>(relation_target) * 2);
  {
    Prepared relation(db,
                      "INSERT INTO relations (id, subject_id, type, object_id, confidence) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
    Prepared evidence(db,
                      "INSERT INTO evidence (relation_id, document_id, sentence_index, "
                      "span_start, span_end, sentence, rule, confidence) "
                      "VALUES (?1, ?2, ?3, 0, ?4, ?5, 'synthetic', ?6)");
    std::int64_t id = 0;
    while (id < relation_target) {
      const std::string& type = relation_weights[pick_type(random)].first;
      const kg::graph::RelationType* shape = kg::graph::FindRelationType(type);
      std::int64_t subject = draw(shape->subject_types);
      std::int64_t object = draw(shape->object_types);
      if (subject == object) continue;
      if (shape->symmetric && subject > object) std::swap(subject, object);
      if (!seen.insert(std::to_string(subject) + type + std::to_string(object)).second) continue;
      ++id;
      double confidence = 0.5 + 0.5 * std::uniform_real_distribution<double>()(random);
      sqlite3_bind_int64(relation.statement, 1, id);
      sqlite3_bind_int64(relation.statement, 2, subject);
      BindText(relation.statement, 3, type);
      sqlite3_bind_int64(relation.statement, 4, object);
      sqlite3_bind_double(relation.statement, 5, confidence);
      relation.Run();
      std::string sentence = entity_names[static_cast<std::size_t>(subject)] + " " + type + " " +
                             entity_names[static_cast<std::size_t>(object)] + ".";
      sqlite3_bind_int64(evidence.statement, 1, id);
      sqlite3_bind_int64(evidence.statement, 2, 1 + id % document_count);
      sqlite3_bind_int64(evidence.statement, 3, id % 50);
      sqlite3_bind_int64(evidence.statement, 4, static_cast<std::int64_t>(sentence.size()));
      BindText(evidence.statement, 5, sentence);
      sqlite3_bind_double(evidence.statement, 6, confidence);
      evidence.Run();
    }
  }
  Check(sqlite3_exec(db, "COMMIT; ANALYZE", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf("wrote %s: %ld entities, %ld relations in %.1f s\n", path.c_str(),
              static_cast<long>(entity_names.size() - 1), relation_target, seconds);
  return 0;
}
