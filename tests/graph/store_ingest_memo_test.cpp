// SPDX-License-Identifier: MIT
// The ingest path remembers entities between batches (graph/detail/ingest_memo.h):
// what it remembers must never outlive what the database holds.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "graph/error.h"
#include "graph/store.h"
#include "tests/support/fixtures.h"

namespace kg::graph {
namespace {

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

TEST_SUITE("graph/store_ingest_memo") {
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
