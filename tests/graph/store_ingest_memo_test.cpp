// SPDX-License-Identifier: MIT
// The ingest path remembers entities between batches (graph/detail/ingest_memo.h):
// what it remembers must never outlive what the database holds.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/detail/ingest_memo.h"
#include "graph/error.h"
#include "graph/store.h"
#include "tests/support/fixtures.h"

namespace kg::graph {
namespace {

using test::AmountMention;
using test::Document;
using test::Mention;
using test::RelationOf;

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kg-memo-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

DocumentRecord AcmeArticle(std::string name) {
  return Document(std::move(name), "Acme grows.", {Mention("Acme", "Company", {"Acme Co"})}, {});
}

// The one Acme node, checked through a fresh connection.
void CheckOneAcmeMentionedBy(const std::string& path, std::size_t documents) {
  Store reader = Store::Open(path, {.read_only = true});
  std::vector<Entity> found = reader.FindEntities("Acme", "Company");
  REQUIRE(found.size() == 1);
  CHECK(reader.Stats().documents == static_cast<std::int64_t>(documents));
}

// Every row of every table in key order, documents without ingested_at,
// reals exactly (%a): what two ways of ingesting must agree on.
std::string DumpTables(const std::string& path) {
  static const char* const kQueries[] = {
      "SELECT id, name, content_hash, text, title, published FROM documents ORDER BY id",
      "SELECT * FROM entities ORDER BY id",
      "SELECT * FROM aliases ORDER BY entity_id, alias",
      "SELECT * FROM mentions ORDER BY entity_id, document_id",
      "SELECT * FROM relations ORDER BY id",
      "SELECT * FROM evidence ORDER BY id",
  };
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string dump;
  for (const char* query : kQueries) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, query, -1, &statement, nullptr) == SQLITE_OK);
    dump += query;
    dump += '\n';
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        if (sqlite3_column_type(statement, column) == SQLITE_FLOAT) {
          char number[64];
          std::snprintf(number, sizeof number, "%a", sqlite3_column_double(statement, column));
          dump += number;
        } else if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
          dump += "NULL";
        } else {
          dump += reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        }
        dump += '|';
      }
      dump += '\n';
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return dump;
}

EntityMention WithTicker(EntityMention mention, std::string ticker) {
  mention.ticker = std::move(ticker);
  return mention;
}

EntityMention Counted(EntityMention mention, int count) {
  mention.count = count;
  return mention;
}

// Documents that exercise every way a mention finds its node: by key, by an
// alias's key (and a smaller id gaining that alias later), by ticker, amounts
// by value and unit, names growing more complete, a mention repeated within a
// document, and a replaced document whose entities go away.
std::vector<DocumentRecord> TrickyDocuments() {
  std::vector<EntityMention> many;  // more mentions than one statement stores
  for (int index = 0; index < 100; ++index) {
    many.push_back(Mention("Company " + std::to_string(index % 90), "Company"));
  }
  many.push_back(Mention("Alpha", "Company"));
  return {
      Document("d1.txt", "Alpha buys Beta.",
               {Mention("Alpha", "Company"), Mention("Beta Corp", "Company", {"Gamma"}),
                AmountMention("$5 million", 5e6, "USD")},
               {RelationOf(0, "acquired", 1, 0.7)}),
      Document("d2.txt", "Gamma and Alpha Inc.",
               {Mention("Gamma", "Company"), WithTicker(Mention("Alpha Inc", "Company"), "ALP"),
                AmountMention("$5 million", 5e6, "EUR"), AmountMention("$5 million", 5.1e6, "USD")},
               {RelationOf(1, "partners_with", 0, 0.6), RelationOf(0, "acquired", 1, 0.9)}),
      Document("d3.txt", "Delta, also Gamma.",
               {Mention("Delta", "Company", {"Gamma"}), Mention("Omega", "Company", {"Psi"}),
                Counted(Mention("Alpha", "Company"), 2), Counted(Mention("ALPHA", "Company"), 3)},
               {RelationOf(0, "competes_with", 1, 0.5), RelationOf(2, "acquired", 0, 0.4)}),
      Document("d4.txt", "Psi.", {Mention("Psi", "Company"), Mention("Apple", "Product")},
               {RelationOf(0, "makes", 1, 0.3)}),
      Document("d5.txt", "Alpha, also Psi.",
               {Mention("Alpha", "Company", {"Psi"}),
                WithTicker(Mention("Kappa", "Company"), "KAP"), Mention("Apple", "Company")},
               {RelationOf(0, "partners_with", 2, 0.8)}),
      Document("d6.txt", "Psi and Lambda.",
               {Mention("Psi", "Company"), WithTicker(Mention("Lambda", "Company"), "KAP"),
                WithTicker(Mention("Kappa Holdings", "Company"), "KAP2"), Mention("", "Company"),
                AmountMention("five million dollars", 5e6, "USD")},
               {RelationOf(0, "competes_with", 1, 0.2), RelationOf(1, "competes_with", 0, 0.9)}),
      Document("d2.txt", "Gamma and Alpha Inc, replaced.",
               {Mention("Gamma Corp", "Company"), Mention("Sigma", "Company", {"Alpha Inc"})},
               {RelationOf(0, "acquired", 1, 0.5)}),
      Document(
          "d7.txt", "Gamma, Sigma, Delta and Psi.",
          {Mention("Gamma", "Company"), Mention("Sigma", "Company"), Mention("Delta", "Company"),
           Mention("Psi", "Company"), AmountMention("$5 million", 5e6, "USD")},
          {RelationOf(0, "competes_with", 3, 0.5)}),
      Document("d8.txt", "Many companies.", many, {RelationOf(0, "competes_with", 100, 0.5)}),
  };
}

TEST_SUITE("graph/store_ingest_memo") {
  TEST_CASE("the memo's string map finds what was set, through growth and overwrites") {
    detail::StringMap map;
    CHECK(map.Find("absent") == nullptr);
    std::vector<std::string> keys = {"", std::string("a\0b", 3), std::string("a\0c", 3)};
    for (int index = 0; index < 5000; ++index) keys.push_back("key " + std::to_string(index));
    for (std::size_t index = 0; index < keys.size(); ++index) {
      map.Set(keys[index], static_cast<EntityId>(index));
    }
    map.Set("key 7", 70'000);  // an overwrite adds nothing
    CHECK(map.size() == keys.size());
    for (std::size_t index = 0; index < keys.size(); ++index) {
      CAPTURE(index);
      const EntityId* found = map.Find(keys[index]);
      REQUIRE(found != nullptr);
      CHECK(*found == (keys[index] == "key 7" ? 70'000 : static_cast<EntityId>(index)));
    }
    CHECK(map.Find("key 5000") == nullptr);
    CHECK(map.Find(std::string("a\0", 2)) == nullptr);
    map.clear();
    CHECK(map.size() == 0);
    CHECK(map.Find("key 1") == nullptr);
    map.Set("key 1", 1);
    REQUIRE(map.Find("key 1") != nullptr);
    CHECK(*map.Find("key 1") == 1);
  }

  TEST_CASE("what the memo remembers changes nothing that is stored") {
    // In one batch, one batch per document, and one connection per document
    // (whose memo starts empty and, once the database is not, knows nothing
    // it has not looked up): the same tables, row for row.
    TempDir dir;
    std::vector<DocumentRecord> documents = TrickyDocuments();
    std::string together = (dir.path / "together.db").string();
    std::string batches = (dir.path / "batches.db").string();
    std::string connections = (dir.path / "connections.db").string();
    {
      Store store = Store::Open(together);
      store.IngestBatch(documents);
      Store per_batch = Store::Open(batches);
      for (const DocumentRecord& document : documents) per_batch.Ingest(document);
    }
    for (const DocumentRecord& document : documents) Store::Open(connections).Ingest(document);
    std::string expected = DumpTables(connections);
    CHECK(expected.find("Kappa Holdings|Company|kappa|KAP|") != std::string::npos);
    CHECK(expected.find("|Alpha Inc|Company|alpha|ALP|") != std::string::npos);
    CHECK(expected.find("\n1|3|5|\n") != std::string::npos);  // Alpha twice in d3.txt: 2 + 3
    CHECK(DumpTables(together) == expected);
    CHECK(DumpTables(batches) == expected);
  }

  TEST_CASE("a relation a document creates has its evidence's confidence at once") {
    // Three pieces in the document that creates it, a fourth from another:
    // multiplied in ascending order however they were counted (in the order
    // given, these three would make 0.561172, not 0.5611719999999999).
    auto expected = [](std::vector<double> pieces) {
      std::sort(pieces.begin(), pieces.end());
      double all_wrong = 1;
      for (double piece : pieces) all_wrong *= 1 - piece;
      return 1 - all_wrong;
    };
    Store store = Store::OpenInMemory();
    store.Ingest(Document(
        "a.txt", "Acme and Zeta compete.", {Mention("Acme", "Company"), Mention("Zeta", "Company")},
        {RelationOf(0, "competes_with", 1, 0.22), RelationOf(1, "competes_with", 0, 0.42),
         RelationOf(0, "competes_with", 1, 0.03)}));
    std::vector<Entity> acme = store.FindEntities("Acme");
    REQUIRE(acme.size() == 1);
    std::vector<Relation> relations = store.RelationsOf(acme[0].id, Direction::kBoth);
    REQUIRE(relations.size() == 1);
    CHECK(relations[0].confidence == expected({0.22, 0.42, 0.03}));
    CHECK(relations[0].confidence == 0.5611719999999999);
    store.Ingest(Document("b.txt", "Zeta rivals Acme.",
                          {Mention("Zeta", "Company"), Mention("Acme", "Company")},
                          {RelationOf(0, "competes_with", 1, 0.5)}));
    relations = store.RelationsOf(acme[0].id, Direction::kBoth);
    REQUIRE(relations.size() == 1);
    CHECK(relations[0].confidence == expected({0.22, 0.42, 0.03, 0.5}));
  }

  TEST_CASE("entities and aliases another connection stored between batches are found") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    Store writer = Store::Open(path);
    writer.Ingest(AcmeArticle("a.txt"));  // into an empty database
    Store other = Store::Open(path);
    other.Ingest(Document("b.txt", "Zeta grows.", {Mention("Zeta", "Company", {"Zed"})}, {}));
    CHECK_NOTHROW(writer.Ingest(Document("c.txt", "Zeta and Zed.",
                                         {Mention("Zeta", "Company"), Mention("Zed", "Company")},
                                         {RelationOf(0, "partners_with", 1)})));
    Store reader = Store::Open(path, {.read_only = true});
    CHECK(reader.Stats().entities == 2);
    std::vector<Entity> found = reader.FindEntities("Zed", "Company");
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == "Zeta");
    CHECK(reader.Stats().relations == 0);  // Zeta and Zed are one node: no self-relation
  }

  TEST_CASE("an entity another connection deleted is created again, not referred to") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    Store writer = Store::Open(path);
    writer.Ingest(AcmeArticle("a.txt"));
    writer.Ingest(Document("k.txt", "Keeper grows.", {Mention("Keeper", "Company")}, {}));
    Store other = Store::Open(path);
    REQUIRE(other.RemoveDocument("a.txt"));  // Acme goes with its only document
    CHECK_NOTHROW(writer.Ingest(AcmeArticle("b.txt")));
    CheckOneAcmeMentionedBy(path, 2);
  }

  TEST_CASE("an entity another connection replaced is found by its key, not by a stale alias") {
    TempDir dir;
    std::string path = (dir.path / "kg.db").string();
    Store writer = Store::Open(path);
    // The writer learns that no company is keyed "acme" and that Zeta has
    // the alias Acme...
    writer.Ingest(Document("a.txt", "Zeta grows.", {Mention("Zeta", "Company", {"Acme"})}, {}));
    // (a later entity, so that the next new id is not Zeta's again)
    writer.Ingest(Document("k.txt", "Keeper grows.", {Mention("Keeper", "Company")}, {}));
    Store other = Store::Open(path);
    REQUIRE(other.RemoveDocument("a.txt"));  // ...then Zeta goes
    other.Ingest(AcmeArticle("b.txt"));      // and a company keyed "acme" comes
    CHECK_NOTHROW(writer.Ingest(AcmeArticle("c.txt")));
    CheckOneAcmeMentionedBy(path, 3);
    CHECK(Store::Open(path, {.read_only = true}).Stats().entities == 2);
  }

  TEST_CASE("a rolled-back batch leaves nothing remembered behind") {
    Store store = Store::OpenInMemory();
    DocumentRecord bad = Document("bad.txt", "Broken.", {Mention("Baidu", "Company")},
                                  {RelationOf(0, "competes_with", 7)});  // no entity 7
    std::vector<DocumentRecord> batch = {AcmeArticle("a.txt"), bad};
    CHECK_THROWS_AS(store.IngestBatch(batch), Error);
    REQUIRE(store.FindEntities("Acme").empty());
    CHECK_NOTHROW(store.Ingest(AcmeArticle("a.txt")));
    CHECK(store.FindEntities("Acme").size() == 1);
    CHECK(store.FindEntities("Acme Co").size() == 1);  // the alias was stored again too
  }

  TEST_CASE("an entity this connection deleted is created again") {
    Store store = Store::OpenInMemory();
    store.Ingest(AcmeArticle("a.txt"));
    REQUIRE(store.RemoveDocument("a.txt"));
    CHECK_NOTHROW(store.Ingest(AcmeArticle("b.txt")));
    std::vector<Entity> found = store.FindEntities("Acme");
    REQUIRE(found.size() == 1);
    CHECK(found[0].aliases == std::vector<std::string>{"Acme", "Acme Co"});
  }

  TEST_CASE("the canonical name counts characters, not bytes, in either order") {
    // "Ünïcode" has 7 characters in 9 bytes; "Unicodes" 8 in 8: the longer
    // name by characters wins wherever it came first.
    DocumentRecord accented =
        Document("a.txt", "Ünïcode grows.", {Mention("Ünïcode", "Company")}, {});
    DocumentRecord plain =
        Document("b.txt", "Unicodes grows.", {Mention("Unicodes", "Company", {"Ünïcode"})}, {});
    for (bool accented_first : {true, false}) {
      CAPTURE(accented_first);
      Store store = Store::OpenInMemory();
      store.Ingest(accented_first ? accented : plain);
      store.Ingest(accented_first ? plain : accented);
      std::vector<Entity> found = store.FindEntities("Ünïcode");
      REQUIRE(found.size() == 1);
      CHECK(found[0].name == "Unicodes");
    }
  }

  TEST_CASE("hashes given with a batch must match it in number") {
    Store store = Store::OpenInMemory();
    std::vector<DocumentRecord> batch = {AcmeArticle("a.txt")};
    std::vector<std::string> hashes;
    CHECK_THROWS_AS(store.IngestBatch(batch, hashes), Error);
    hashes.push_back(Sha256Hex(batch[0].text));
    CHECK(store.IngestBatch(batch, hashes)[0].outcome == IngestResult::Outcome::kAdded);
    CHECK(store.Ingest(batch[0]).outcome == IngestResult::Outcome::kUnchanged);
  }
}

}  // namespace
}  // namespace kg::graph
