// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/input/byte_source.h"
#include "extract/input/input_reader.h"
#include "extract/input/sniff.h"
#include "graph/error.h"

namespace fs = std::filesystem;
using kg::extract::InputEvent;
using kg::extract::ReaderOptions;

namespace {

std::string Gzip(std::string_view bytes) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

/// A scratch directory removed when the test ends.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "kg-input-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~ScratchDir() { fs::remove_all(path); }
  std::string Write(const std::string& relative, std::string_view bytes) const {
    fs::path file = path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size()));
    return file.string();
  }
};

struct Collected {
  std::vector<std::string> documents;  // names
  std::vector<std::string> texts;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::vector<std::string> done;
};

Collected Read(const std::vector<std::string>& paths, const ReaderOptions& options = {}) {
  Collected collected;
  kg::extract::ReadInputs(paths, options, [&](InputEvent&& event) {
    switch (event.kind) {
      case InputEvent::Kind::kDocument:
        collected.documents.push_back(event.document.name);
        collected.texts.push_back(event.document.text);
        for (auto& warning : event.document.warnings) collected.warnings.push_back(warning);
        break;
      case InputEvent::Kind::kError:
        collected.errors.push_back(event.message);
        break;
      case InputEvent::Kind::kWarning:
        collected.warnings.push_back(event.message);
        break;
      case InputEvent::Kind::kFileDone:
        collected.done.push_back(event.file);
        break;
    }
  });
  return collected;
}

}  // namespace

TEST_SUITE("extract/input/files") {
  TEST_CASE(
      "a directory is read recursively in name order, skipping hidden entries, naming documents "
      "by their path below it") {
    ScratchDir scratch;
    scratch.Write("b.txt", "Bee");
    scratch.Write("a.txt", "Ay");
    scratch.Write("sub/c.txt", "Sea");
    scratch.Write(".hidden.txt", "no");
    scratch.Write(".git/config", "no");
    std::string root = scratch.path.string();
    Collected collected = Read({root});
    CHECK(collected.documents == std::vector<std::string>{"a.txt", "b.txt", "sub/c.txt"});
    CHECK(Read({root + "/"}).documents == collected.documents);
    CHECK(collected.errors.empty());
    CHECK(collected.done.size() == 3);
  }

  TEST_CASE("a symlink loop is followed once, not forever") {
    ScratchDir scratch;
    scratch.Write("d/x.txt", "text");
    fs::create_directory_symlink(scratch.path / "d", scratch.path / "d" / "loop");
    Collected collected = Read({scratch.path.string()});
    CHECK(collected.documents.size() == 1);
  }

  TEST_CASE("bad files give one named error each while good files are still read") {
    ScratchDir scratch;
    std::string good = scratch.Write("good.txt", "Fine text.");
    std::string empty = scratch.Write("empty.txt", "");
    std::string png = scratch.Write("picture.txt", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
    std::string nul = scratch.Write("nul.txt", std::string("abc\0def", 7));
    std::string blank = scratch.Write("blank.html", "<script>x()</script>");
    std::string missing = (scratch.path / "missing.txt").string();
    std::string fifo = (scratch.path / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    Collected collected = Read({missing, empty, png, nul, fifo, blank, good});
    CHECK(collected.documents == std::vector<std::string>{"good.txt"});  // files by file name
    REQUIRE(collected.errors.size() == 6);
    CHECK(collected.errors[0].starts_with(missing + ": cannot open"));
    CHECK(collected.errors[1] == empty + ": empty file; nothing to ingest");
    CHECK(collected.errors[2] == png + ": binary file (PNG image); not ingested");
    CHECK(collected.errors[3] == nul + ": binary file (binary data (NUL bytes)); not ingested");
    CHECK(collected.errors[4] == fifo + ": a FIFO, not a regular file; refused");
    CHECK(collected.errors[5] == blank + ": no text; nothing to ingest");
  }

  TEST_CASE("a document over the size limit is refused, not loaded") {
    ScratchDir scratch;
    std::string big = scratch.Write("big.txt", std::string(5000, 'x'));
    ReaderOptions options;
    options.max_document_bytes = 1000;
    Collected collected = Read({big}, options);
    CHECK(collected.documents.empty());
    REQUIRE(collected.errors.size() == 1);
    CHECK(collected.errors[0].find("limit of 1000 bytes") != std::string::npos);
  }

  TEST_CASE("the format follows the extension, else HTML is sniffed, else text") {
    ScratchDir scratch;
    std::string html = scratch.Write("page.htm", "<p>Para &amp; more</p>");
    std::string sniffed = scratch.Write("page.dat", "  <!DOCTYPE html><p>Sniffed</p>");
    std::string text = scratch.Write("plain", "<p>not html</p>");
    Collected collected = Read({html, sniffed, text});
    CHECK(collected.texts == std::vector<std::string>{"Para & more", "Sniffed", "<p>not html</p>"});
  }

  TEST_CASE("gzip files are inflated and read by their inner extension") {
    ScratchDir scratch;
    std::string csv = scratch.Write("news.csv.gz", Gzip("id,body\n1,One\n2,Two\n"));
    std::string text = scratch.Write("story.gz", Gzip("Plain story.\r\n"));
    Collected collected = Read({csv, text});
    CHECK(collected.documents ==
          std::vector<std::string>{"news.csv.gz#1", "news.csv.gz#2", "story.gz"});
    CHECK(collected.texts.back() == "Plain story.\n");
  }

  TEST_CASE("truncated gzip data is an error after the documents before it") {
    ScratchDir scratch;
    std::string body = "id,body\n";
    for (int row = 0; row < 2000; ++row)
      body += std::to_string(row) + ",row " + std::to_string(row * 7919) + "\n";
    std::string gz = Gzip(body);
    std::string path = scratch.Write("cut.csv.gz", gz.substr(0, gz.size() - 20));
    Collected collected = Read({path});
    CHECK(collected.documents.size() > 100);
    REQUIRE(collected.errors.size() == 1);
    CHECK(collected.errors[0] == path + ": truncated gzip data");
  }

  TEST_CASE("a gzip bomb is refused by the size limit and by the ratio guard") {
    std::string zeros(4 << 20, 'a');
    std::string bomb = Gzip(zeros);
    auto inflate_all = [&](const kg::extract::GzipLimits& limits) {
      auto source =
          kg::extract::MakeGzipSource(kg::extract::MakeStringSource(bomb), "bomb.gz", limits);
      std::string buffer(1 << 16, '\0');
      while (source->Read(buffer.data(), buffer.size()) > 0) {
      }
    };
    kg::extract::GzipLimits by_size;
    by_size.max_decompressed_bytes = 1 << 20;
    CHECK_THROWS_WITH_AS(inflate_all(by_size), doctest::Contains("past the limit"), kg::Error);
    kg::extract::GzipLimits by_ratio;
    by_ratio.ratio_check_after_bytes = 1 << 20;
    by_ratio.max_compression_ratio = 100;
    CHECK_THROWS_WITH_AS(inflate_all(by_ratio), doctest::Contains("gzip bomb"), kg::Error);
    kg::extract::GzipLimits generous;
    CHECK_NOTHROW(inflate_all(generous));
  }

  TEST_CASE("binary sniffing accepts text and UTF-16, rejects control-heavy data") {
    CHECK(kg::extract::DescribeBinary("Plain text\nwith lines\t and tabs\f").empty());
    CHECK(kg::extract::DescribeBinary(std::string("\xFF\xFEH\0i\0", 6)).empty());
    CHECK(kg::extract::DescribeBinary("%PDF-1.7 ...") == "PDF document");
    CHECK(kg::extract::DescribeBinary(std::string(50, '\x01') + "abc") ==
          "binary data (control bytes)");
  }

  TEST_CASE("a UTF-16 file with a BOM is read as text") {
    ScratchDir scratch;
    std::string path = scratch.Write("u16.txt", std::string("\xFF\xFEO\0K\0\r\0\n\0", 10));
    Collected collected = Read({path});
    CHECK(collected.texts == std::vector<std::string>{"OK\n"});
  }
}
