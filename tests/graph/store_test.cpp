// SPDX-License-Identifier: MIT
#include "graph/store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "graph/error.h"
#include "tests/support/fixtures.h"

namespace kg::graph {
namespace {

using test::AmountMention;
using test::Document;
using test::Mention;
using test::RelationOf;

DocumentRecord PartnershipArticle(std::string text = "Alibaba Group partners with Apple.") {
  return Document(
      "a.txt", std::move(text),
      {Mention("Alibaba Group", "Company", {"Alibaba", "BABA"}), Mention("Apple", "Company")},
      {RelationOf(0, "partners_with", 1, 0.8, "partnership")});
}

// A temporary directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kg-store-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

TEST_SUITE("graph/store") {
  TEST_CASE("a stored document reads back with its entities, aliases, relations and evidence") {
    Store store = Store::OpenInMemory();
    IngestResult result = store.Ingest(PartnershipArticle());
    CHECK(result.outcome == IngestResult::Outcome::kAdded);
    CHECK(result.entities == 2);
    CHECK(result.relations == 1);

    std::vector<Entity> found = store.FindEntities("alibaba");
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == "Alibaba Group");
    CHECK(found[0].type == "Company");
    CHECK(found[0].aliases == std::vector<std::string>{"Alibaba", "Alibaba Group", "BABA"});

    std::vector<Relation> relations = store.RelationsOf(found[0].id, Direction::kOutgoing);
    REQUIRE(relations.size() == 1);
    CHECK(relations[0].type == "partners_with");
    CHECK(relations[0].confidence == doctest::Approx(0.8));

    std::vector<Evidence> evidence = store.EvidenceFor(relations[0].id);
    REQUIRE(evidence.size() == 1);
    CHECK(evidence[0].document == "a.txt");
    CHECK(evidence[0].rule == "partnership");
    CHECK(evidence[0].span_start == 0);
    CHECK(evidence[0].span_end == 34);
    CHECK(evidence[0].sentence == "Alibaba Group partners with Apple.");
  }

  TEST_CASE("names resolve through case, suffixes, possessives and tickers") {
    Store store = Store::OpenInMemory();
    DocumentRecord document = PartnershipArticle();
    document.entities[0].ticker = "BABA";
    store.Ingest(document);
    for (const char* name : {"ALIBABA", "Alibaba Group Holding Ltd.", "Alibaba's", "baba"}) {
      CAPTURE(name);
      std::vector<Entity> found = store.FindEntities(name);
      REQUIRE(found.size() == 1);
      CHECK(found[0].name == "Alibaba Group");
    }
    CHECK(store.FindEntities("Alibaba", "Person").empty());
    CHECK(store.FindEntities("Tencent").empty());
  }

  TEST_CASE("re-ingesting the same content changes nothing") {
    Store store = Store::OpenInMemory();
    store.Ingest(PartnershipArticle());
    StoreStats before = store.Stats();
    IngestResult again = store.Ingest(PartnershipArticle());
    CHECK(again.outcome == IngestResult::Outcome::kUnchanged);
    StoreStats after = store.Stats();
    CHECK(after.entities == before.entities);
    CHECK(after.relations == before.relations);
    CHECK(after.evidence == before.evidence);
    CHECK(store.ListDocuments().size() == 1);
  }

  TEST_CASE("a changed document replaces its evidence without duplicating entities") {
    Store store = Store::OpenInMemory();
    store.Ingest(PartnershipArticle());
    DocumentRecord changed = Document("a.txt", "Alibaba competes with Baidu.",
                                      {Mention("Alibaba", "Company"), Mention("Baidu", "Company")},
                                      {RelationOf(0, "competes_with", 1)});
    IngestResult result = store.Ingest(changed);
    CHECK(result.outcome == IngestResult::Outcome::kReplaced);
    StoreStats stats = store.Stats();
    CHECK(stats.documents == 1);
    CHECK(stats.relations == 1);  // the partnership lost its only evidence
    CHECK(stats.relations_by_type.count("competes_with") == 1);
    CHECK(stats.evidence == 1);
    CHECK(store.FindEntities("Alibaba").size() == 1);
    CHECK(store.FindEntities("Apple").empty());  // nothing mentions Apple any more
    CHECK(*store.DocumentText("a.txt") == "Alibaba competes with Baidu.");
  }

  TEST_CASE("one node per real-world thing across documents") {
    Store store = Store::OpenInMemory();
    store.Ingest(PartnershipArticle());
    store.Ingest(Document("b.txt", "Alibaba's cloud grows.",
                          {Mention("Alibaba", "Company"), Mention("Alibaba Cloud", "Company")},
                          {RelationOf(1, "subsidiary_of", 0)}));
    StoreStats stats = store.Stats();
    CHECK(stats.entities_by_type["Company"] == 3);  // Alibaba Group, Apple, Alibaba Cloud
  }

  TEST_CASE("the canonical name does not depend on the order of ingest") {
    DocumentRecord short_form = Document("a.txt", "Acme grows.", {Mention("Acme", "Company")}, {});
    DocumentRecord long_form =
        Document("b.txt", "Acme Corp grows.", {Mention("Acme Corp", "Company")}, {});
    DocumentRecord dollars =
        Document("c.txt", "$5 billion.", {AmountMention("5 billion dollars", 5e9, "USD")}, {});
    DocumentRecord symbol =
        Document("d.txt", "$5 billion.", {AmountMention("$5 billion", 5e9, "USD")}, {});
    Store forward = Store::OpenInMemory();
    Store backward = Store::OpenInMemory();
    for (const DocumentRecord* document : {&short_form, &long_form, &dollars, &symbol}) {
      forward.Ingest(*document);
    }
    for (const DocumentRecord* document : {&symbol, &dollars, &long_form, &short_form}) {
      backward.Ingest(*document);
    }
    for (Store* store : {&forward, &backward}) {
      REQUIRE(store->FindEntities("acme").size() == 1);
      CHECK(store->FindEntities("acme")[0].name == "Acme Corp");
      REQUIRE(store->FindEntities("$5 billion", "Amount").size() == 1);
      CHECK(store->FindEntities("$5 billion", "Amount")[0].name == "$5 billion");
    }
  }

  TEST_CASE("amounts are one node per value and unit, whatever the text") {
    Store store = Store::OpenInMemory();
    store.Ingest(
        Document("a.txt", "It invests $53 billion.",
                 {Mention("Alibaba", "Company"), AmountMention("$53 billion", 53e9, "USD")},
                 {RelationOf(0, "invests", 1)}));
    store.Ingest(
        Document("b.txt", "It invests 53 billion dollars.",
                 {Mention("Alibaba", "Company"), AmountMention("53 billion dollars", 53e9, "USD"),
                  AmountMention("RMB 53 billion", 53e9, "CNY")},
                 {RelationOf(0, "invests", 1), RelationOf(0, "invests", 2)}));
    StoreStats stats = store.Stats();
    CHECK(stats.entities_by_type["Amount"] == 2);
    CHECK(stats.relations_by_type["invests"] == 2);
    std::vector<Entity> dollars = store.FindEntities("$53 billion", "Amount");
    REQUIRE(dollars.size() == 1);
    CHECK(dollars[0].value == doctest::Approx(53e9));
    CHECK(dollars[0].unit == "USD");
  }

  TEST_CASE("symmetric relations are stored once and match in either direction") {
    Store store = Store::OpenInMemory();
    store.Ingest(Document("a.txt", "Apple partners with Alibaba.",
                          {Mention("Apple", "Company"), Mention("Alibaba", "Company")},
                          {RelationOf(0, "partners_with", 1, 0.5)}));
    store.Ingest(Document("b.txt", "Alibaba partners with Apple.",
                          {Mention("Alibaba", "Company"), Mention("Apple", "Company")},
                          {RelationOf(0, "partners_with", 1, 0.5)}));
    CHECK(store.Stats().relations == 1);
    EntityId apple = store.FindEntities("Apple")[0].id;
    EntityId alibaba = store.FindEntities("Alibaba")[0].id;
    CHECK(store.RelationsOf(apple, Direction::kOutgoing, "partners_with").size() == 1);
    CHECK(store.RelationsOf(alibaba, Direction::kOutgoing, "partners_with").size() == 1);
    CHECK(store.RelationsOf(apple, Direction::kIncoming, "partners_with").size() == 1);

    SUBCASE("repeated evidence raises confidence") {
      Relation relation = store.RelationsOf(apple, Direction::kBoth)[0];
      CHECK(relation.confidence == doctest::Approx(0.75));  // 1 - 0.5 * 0.5
      CHECK(store.EvidenceFor(relation.id).size() == 2);
    }
  }

  TEST_CASE("the best source of a relation is the document of its most confident evidence") {
    Store store = Store::OpenInMemory();
    for (auto [name, confidence] :
         {std::pair{"weak.txt", 0.4}, {"strong.txt", 0.9}, {"mid.txt", 0.6}}) {
      store.Ingest(Document(name, std::string("Acme partners with Globex, says ") + name,
                            {Mention("Acme", "Company"), Mention("Globex", "Company")},
                            {RelationOf(0, "partners_with", 1, confidence)}));
    }
    std::vector<std::pair<RelationId, std::string>> sources;
    store.ForEachBestSource([&](RelationId relation, const std::string& document) {
      sources.emplace_back(relation, document);
    });
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].second == "strong.txt");
    CHECK(store.EvidenceFor(sources[0].first).front().document == "strong.txt");
  }

  TEST_CASE("directed relations keep their direction") {
    Store store = Store::OpenInMemory();
    store.Ingest(Document("a.txt", "Eddie Wu is CEO of Alibaba.",
                          {Mention("Eddie Wu", "Person"), Mention("Alibaba", "Company")},
                          {RelationOf(0, "ceo_of", 1)}));
    EntityId alibaba = store.FindEntities("Alibaba")[0].id;
    CHECK(store.RelationsOf(alibaba, Direction::kOutgoing).empty());
    CHECK(store.RelationsOf(alibaba, Direction::kIncoming, "ceo_of").size() == 1);
    CHECK(store.RelationsOf(alibaba, Direction::kIncoming, "founder_of").empty());
  }

  TEST_CASE("the per-query reads agree with the general ones") {
    Store store = Store::OpenInMemory();
    store.Ingest(Document(
        "a.txt", "Acme partners with Globex; Ann Lee is CEO of Acme; Acme invests $5 billion.",
        {Mention("Acme", "Company"), Mention("Globex", "Company"), Mention("Ann Lee", "Person"),
         AmountMention("$5 billion", 5e9, "USD")},
        {RelationOf(0, "partners_with", 1), RelationOf(2, "ceo_of", 0), RelationOf(0, "invests", 3),
         RelationOf(1, "competes_with", 0)}));
    // A longer form renames the node; both names keep resolving.
    store.Ingest(Document("b.txt", "Acme Corp grows.", {Mention("Acme Corp", "Company")}, {}));
    for (const char* name : {"acme", "ACME CORP", "Globex", "ann lee", "$5 billion"}) {
      CAPTURE(name);
      std::vector<Entity> by_key = store.FindEntitiesByKey(name);
      std::vector<Entity> general = store.FindEntities(name);
      REQUIRE(by_key.size() == 1);
      REQUIRE(general.size() == 1);
      CHECK(by_key[0].id == general[0].id);
      CHECK(by_key[0].name == general[0].name);
      CHECK(by_key[0].type == general[0].type);
    }
    CHECK(store.FindEntitiesByKey("acme")[0].name == "Acme Corp");
    CHECK(store.FindEntitiesByKey("acme", "Person").empty());
    CHECK(store.FindEntitiesByKey("Initech").empty());

    auto ids = [](std::vector<Relation> relations) {
      std::vector<RelationId> out;
      for (const Relation& relation : relations) out.push_back(relation.id);
      std::sort(out.begin(), out.end());
      return out;
    };
    for (const char* name : {"Acme", "Globex", "Ann Lee", "$5 billion"}) {
      EntityId entity = store.FindEntities(name)[0].id;
      for (Direction direction : {Direction::kOutgoing, Direction::kIncoming, Direction::kBoth}) {
        for (const char* type : {"", "partners_with", "ceo_of", "competes_with"}) {
          CAPTURE(name);
          CAPTURE(static_cast<int>(direction));
          CAPTURE(type);
          CHECK(ids(store.RelationsTouching(entity, direction, type)) ==
                ids(store.RelationsOf(entity, direction, type)));
        }
      }
    }
    // Symmetric relations touch both ends in both directions; directed ones only theirs.
    EntityId globex = store.FindEntities("Globex")[0].id;
    CHECK(store.RelationsTouching(globex, Direction::kOutgoing).size() == 2);
    CHECK(store.RelationsTouching(globex, Direction::kIncoming).size() == 2);
    EntityId ann = store.FindEntities("Ann Lee")[0].id;
    CHECK(store.RelationsTouching(ann, Direction::kIncoming).empty());

    EntityId acme = store.FindEntities("Acme")[0].id;
    std::vector<EntityId> wanted = {globex, 999999, acme, globex};
    std::vector<Entity> brief = store.GetEntitiesBrief(wanted);
    REQUIRE(brief.size() == 2);  // sorted, each once, the missing id skipped
    CHECK(brief[0].id == std::min(acme, globex));
    CHECK(brief[1].id == std::max(acme, globex));
    CHECK(store.GetEntitiesBrief({}).empty());
  }

  TEST_CASE("a failing batch leaves the database exactly as it was") {
    Store store = Store::OpenInMemory();
    store.Ingest(PartnershipArticle());
    StoreStats before = store.Stats();
    DocumentRecord good = Document("b.txt", "Baidu competes with Tencent.",
                                   {Mention("Baidu", "Company"), Mention("Tencent", "Company")},
                                   {RelationOf(0, "competes_with", 1)});
    DocumentRecord bad = Document("c.txt", "Broken.", {Mention("Baidu", "Company")},
                                  {RelationOf(0, "competes_with", 7)});  // no entity 7
    std::vector<DocumentRecord> batch = {good, bad};
    CHECK_THROWS_AS(store.IngestBatch(batch), Error);
    StoreStats after = store.Stats();
    CHECK(after.documents == before.documents);
    CHECK(after.entities == before.entities);
    CHECK(after.relations == before.relations);
    CHECK_FALSE(store.DocumentHash("b.txt").has_value());
  }

  TEST_CASE("removing a document removes what only it supported") {
    Store store = Store::OpenInMemory();
    store.Ingest(PartnershipArticle());
    store.Ingest(Document("b.txt", "Alibaba competes with Baidu.",
                          {Mention("Alibaba", "Company"), Mention("Baidu", "Company")},
                          {RelationOf(0, "competes_with", 1)}));
    CHECK(store.RemoveDocument("a.txt"));
    CHECK_FALSE(store.RemoveDocument("a.txt"));
    StoreStats stats = store.Stats();
    CHECK(stats.documents == 1);
    CHECK(stats.relations == 1);
    CHECK(store.FindEntities("Apple").empty());
    CHECK(store.FindEntities("Alibaba").size() == 1);
  }

  TEST_CASE("hostile text is stored as data") {
    Store store = Store::OpenInMemory();
    std::string name = "Robert'); DROP TABLE entities;--";
    store.Ingest(Document("x'; DELETE FROM documents;--", "\"quoted\" <b> \\ text",
                          {Mention(name, "Company"), Mention("Apple", "Company")},
                          {RelationOf(0, "partners_with", 1)}));
    CHECK(store.Stats().entities == 2);
    REQUIRE(store.FindEntities(name).size() == 1);
    CHECK(store.FindEntities(name)[0].name == name);
    CHECK(store.ListDocuments()[0].name == "x'; DELETE FROM documents;--");
  }

  TEST_CASE("foreign keys are enforced") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    {
      Store store = Store::Open(path);
      store.Ingest(PartnershipArticle());
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    int rc = sqlite3_exec(db,
                          "INSERT INTO relations (subject_id, type, object_id, confidence)"
                          " VALUES (999, 'uses', 998, 0.5)",
                          nullptr, nullptr, nullptr);
    CHECK((rc & 0xff) == SQLITE_CONSTRAINT);
    sqlite3_close(db);
  }

  TEST_CASE("the schema version is recorded and checked") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    {
      Store store = Store::Open(path);
      CHECK(store.user_version() == Store::SchemaVersion());
    }
    SUBCASE("reopening an existing database keeps its content") {
      {
        Store store = Store::Open(path);
        store.Ingest(PartnershipArticle());
      }
      Store store = Store::Open(path, {.read_only = true});
      CHECK(store.Stats().relations == 1);
    }
    SUBCASE("a database of schema version 1 is migrated, keeping its content") {
      {
        Store store = Store::Open(path);
        store.Ingest(PartnershipArticle());
      }
      sqlite3* db = nullptr;
      REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
      // What kg wrote at version 1: the same tables without the ticker index.
      REQUIRE(sqlite3_exec(db, "DROP INDEX entities_ticker; PRAGMA user_version = 1", nullptr,
                           nullptr, nullptr) == SQLITE_OK);
      sqlite3_close(db);
      {
        Store store = Store::Open(path);
        CHECK(store.user_version() == Store::SchemaVersion());
        CHECK(store.Stats().relations == 1);
      }
      REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
      sqlite3_stmt* statement = nullptr;
      sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'entities_ticker'",
                         -1, &statement, nullptr);
      REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
      CHECK(sqlite3_column_int(statement, 0) == 1);
      sqlite3_finalize(statement);
      sqlite3_close(db);
    }
    SUBCASE("a version 1 database is not migrated by a reader") {
      sqlite3* db = nullptr;
      REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
      sqlite3_exec(db, "PRAGMA user_version = 1", nullptr, nullptr, nullptr);
      sqlite3_close(db);
      CHECK_THROWS_WITH_AS(Store::Open(path, {.read_only = true}),
                           doctest::Contains("open it once for writing"), Error);
    }
    SUBCASE("a database from a newer kg is refused") {
      sqlite3* db = nullptr;
      REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
      sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
      sqlite3_close(db);
      CHECK_THROWS_WITH_AS(Store::Open(path), doctest::Contains("newer kg"), Error);
    }
    SUBCASE("an SQLite file of another program is refused") {
      std::string other = (dir.path / "other.db").string();
      sqlite3* db = nullptr;
      REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
      sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
      sqlite3_close(db);
      CHECK_THROWS_WITH_AS(Store::Open(other), doctest::Contains("not a kg database"), Error);
    }
    SUBCASE("a file that is not SQLite is refused") {
      std::string text = (dir.path / "notes.txt").string();
      FILE* file = std::fopen(text.c_str(), "w");
      std::fputs("just some text that is long enough to look like a header........\n", file);
      std::fclose(file);
      CHECK_THROWS_WITH_AS(Store::Open(text), doctest::Contains("not a kg database"), Error);
    }
  }

  TEST_CASE("a snapshot reader keeps seeing the state it started with while a writer commits") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    Store writer = Store::Open(path);
    writer.Ingest(PartnershipArticle());
    Store snapshot = Store::Open(path, {.read_only = true, .snapshot = true});
    CHECK(snapshot.Stats().documents == 1);
    writer.Ingest(Document("b.txt", "Baidu competes with Tencent.",
                           {Mention("Baidu", "Company"), Mention("Tencent", "Company")},
                           {RelationOf(0, "competes_with", 1)}));
    CHECK(snapshot.Stats().documents == 1);
    CHECK(snapshot.FindEntities("Baidu").empty());
    Store fresh = Store::Open(path, {.read_only = true, .snapshot = true});
    CHECK(fresh.Stats().documents == 2);
  }

  TEST_CASE("opening a missing database read-only says to ingest first") {
    TempDir dir;
    std::string path = (dir.path / "missing.db").string();
    CHECK_THROWS_WITH_AS(Store::Open(path, {.read_only = true}), doctest::Contains("kg ingest"),
                         Error);
    CHECK_FALSE(std::filesystem::exists(path));
  }

  TEST_CASE("a reading open repairs a database a killed writer left with a hot journal") {
    // A kg killed while creating its database (before WAL is on) leaves a hot
    // rollback journal; a read-only connection alone cannot roll it back.
    TempDir dir;
    std::string path = (dir.path / "killed.db").string();
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      sqlite3* db = nullptr;
      sqlite3_open(path.c_str(), &db);
      sqlite3_exec(db,
                   "PRAGMA cache_size = 10; BEGIN; CREATE TABLE filler (x);"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                   "INSERT INTO filler SELECT printf('%.200c', 'x') FROM n;",
                   nullptr, nullptr, nullptr);
      ::_exit(0);  // dies mid-transaction, pages already spilled to the file
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(std::filesystem::exists(path + "-journal"));
    {
      // Without the repair SQLite says "attempt to write a readonly database".
      sqlite3* raw = nullptr;
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
      CHECK(sqlite3_exec(raw, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) ==
            SQLITE_READONLY);
      sqlite3_close(raw);
    }
    CHECK_THROWS_WITH_AS(Store::Open(path, {.read_only = true}),
                         doctest::Contains("holds no kg data yet"), Error);
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    Store store = Store::Open(path);
    CHECK(store.Stats().documents == 0);
  }
}

}  // namespace
}  // namespace kg::graph
