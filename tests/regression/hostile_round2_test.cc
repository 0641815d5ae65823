// Regression tests for the second round of hostile input (issue #17, docs/reliability.md): each shape once aborted
// a batch, hung, or took minutes and gigabytes; now it is read within its limit or refused naming the limit.
#include <catch2/catch.hpp>
#include <zip.h>

#include <atomic>
#include <chrono>
#include <system_error>
#include <functional>

#include "core/error.h"
#include "core/worker_threads.h"
#include "ingest/reader.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fazhi {
namespace {

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A DOCX whose document.xml (stored, so max_zip_ratio does not refuse it first) holds `paragraphs` paragraphs.
void WriteStoredDocx(const std::filesystem::path& path, const std::string& paragraph, std::size_t paragraphs) {
  static const std::string kRels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  const std::string xml =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      Repeat("<w:p><w:r><w:t>" + paragraph + "</w:t></w:r></w:p>", paragraphs) + "</w:body></w:document>";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  zip_file_add(z, "_rels/.rels", zip_source_buffer(z, kRels.data(), kRels.size(), 0), 0);
  zip_int64_t doc = zip_file_add(z, "word/document.xml", zip_source_buffer(z, xml.data(), xml.size(), 0), 0);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(doc), ZIP_CM_STORE, 0);
  REQUIRE(zip_close(z) == 0);
}

std::string CodeOf(const std::function<void()>& read, std::string* message = nullptr) {
  try {
    read();
  } catch (const InputError& e) {
    if (message) *message = e.what();
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("stray end tags do not hide depth from the estimate before gumbo (item 1)", "[regression][limits][html]") {
  // `</x>` closes nothing: the page below is 5 000 deep. The old estimate counted every end tag as a close (depth 1)
  // and handed the page to gumbo, whose copies of the open-element stack per parse error took gigabytes.
  std::string message;
  auto start = std::chrono::steady_clock::now();
  CHECK(CodeOf([] { ReadBytes("stray.html", "<html><body>" + Repeat("<div></x>", 5000) + "法治</body></html>", {}); },
               &message) == "E-html-limit");
  CHECK_THAT(message, Catch::Contains("约 5000 层") && Catch::Contains("max_markup_depth"));
  CHECK(Seconds(start) < 10);
  // An end tag closes up to the nearest open element of its name, as the HTML rules do: well-formed pages with
  // stray end tags of elements that are open elsewhere, and unclosed inline elements, are still read.
  std::string page = "<html><body>" + Repeat("<div><span>法治政府建设</div></span></p>", 3000) + "</body></html>";
  RawDocument raw = ReadBytes("ok.html", page, {});
  CHECK(raw.text.find("法治政府建设") != std::string::npos);
}

TEST_CASE("a page full of parse errors under a deep stack is read or refused quickly (item 1)",
          "[regression][limits][html]") {
  auto start = std::chrono::steady_clock::now();
  RawDocument raw = ReadBytes("errors.html",
                              "<html><body>" + Repeat("<div>", 900) + Repeat("</x><p>法治政府</p>", 20000) +
                                  "</body></html>",
                              {});
  CHECK(raw.text.find("法治政府") != std::string::npos);
  CHECK(CodeOf([] {
          ReadBytes("errors.html", "<html><body>" + Repeat("<div>", 3900) + Repeat("</x>", 20000) + "法治</body></html>",
                    {});
        }) == "E-html-limit");
  CHECK(Seconds(start) < 30);  // ASan build; gumbo kept a copy of up to 3 900 elements per error before
}

TEST_CASE("one text budget holds for the text every reader extracts (item 16)", "[regression][limits]") {
  test::TempDir tmp;
  Limits small;
  small.max_text_bytes = 1 << 20;
  // DOCX: 1.6 MB of text from a 1.7 MB file (the tester's 1.8 MB DOCX gave 256 MiB: 68 s, 3.4 GB).
  auto docx = tmp.path() / "big.docx";
  WriteStoredDocx(docx, Repeat("法治政府建设年度报告", 40), 1400);
  std::string message;
  CHECK(CodeOf([&] { ReadInput(docx.string(), small); }, &message) == "E-text-limit");
  CHECK_THAT(message, Catch::Contains("max_text_bytes（1048576 字节）"));  // the code is CodeOf's, above
  CHECK(ReadInput(docx.string(), Limits{}).text.size() > (1u << 20));  // under the default budget: read
  // Text: the same budget after decoding.
  CHECK(CodeOf([&] { ReadBytes("big.txt", Repeat("法治政府建设年度报告。\n", 40000), small); }) == "E-text-limit");
  // PDF: 200 pages showing one shared content stream (2 MB of text from a 40 KB file); pdftotext is stopped when
  // its output passes the budget, not after writing all of it.
  auto pdf = tmp.path() / "shared.pdf";
  test::WriteFile(pdf, test::SharedContentPdf(200, 50, 200));
  auto start = std::chrono::steady_clock::now();
  CHECK(CodeOf([&] { ReadInput(pdf.string(), small); }, &message) == "E-pdf-limit");
  CHECK_THAT(message, Catch::Contains("max_text_bytes"));
  CHECK(Seconds(start) < 30);
}

TEST_CASE("a rule file linked out of its pack folder is refused and never echoed (item 15)",
          "[regression][rules][security]") {
  test::TempDir tmp;
  auto pack = tmp.path() / "pack";
  test::WriteFile(pack / "pack.yaml", "pack: p\ntitle: P\nversion: \"1\"\n");
  test::WriteFile(pack / "a.yaml", "rules:\n  - {id: a, title: t, cite: c, check: {mention: {any: [法治]}}}\n");
  test::WriteFile(tmp.path() / "secret.txt", "root:SECRET-HASH:19000:0:99999:7:::\n");
  std::filesystem::create_symlink(tmp.path() / "secret.txt", pack / "shadow.yaml");  // out of the pack
  std::filesystem::create_symlink(pack / "a.yaml", pack / "b.yaml");                 // inside: followed
  LoadOptions lo;
  lo.dirs = {pack.string()};
  Diagnostics diags;
  auto set = LoadRuleSet(lo, diags);
  bool refused = false;
  for (const auto& d : diags) {
    INFO(d.code << " " << d.message);
    CHECK(d.message.find("SECRET") == std::string::npos);
    CHECK(d.hint.find("SECRET") == std::string::npos);
    CHECK(d.message.find("secret.txt") == std::string::npos);
    if (d.code == "E-symlink-outside") refused = d.file == (pack / "shadow.yaml").string();
  }
  CHECK(refused);
  // The command: exit 1 (lint errors), the link named, the target's text and name never printed.
  test::RunResult r = test::RunFazhi({"rules", "lint", pack.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out + r.err, Catch::Contains("shadow.yaml") && Catch::Contains("E-symlink-outside"));
  CHECK((r.out + r.err).find("SECRET") == std::string::npos);
  CHECK((r.out + r.err).find("root:") == std::string::npos);
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("a thread that cannot be created means fewer threads, never std::terminate (item 2)",
          "[regression][batch]") {
  for (int allowed : {0, 1, 3}) {  // new threads the "system" lets us create before EAGAIN
    std::atomic<int> next{0}, done{0}, created{0};
    auto work = [&] {
      while (next++ < 1000) ++done;
    };
    int fewer_started = -1, fewer_wanted = -1;
    int ran = RunOnThreads(
        8, work, [&](int started, int wanted) { fewer_started = started, fewer_wanted = wanted; },
        [&](const std::function<void()>& f) {
          if (created >= allowed) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
          ++created;
          return std::thread(f);
        });
    CHECK(done == 1000);  // every task ran
    CHECK(ran == allowed + 1);
    CHECK(fewer_started == allowed + 1);
    CHECK(fewer_wanted == 8);
  }
  std::atomic<int> count{0};
  CHECK(RunOnThreads(3, [&] { ++count; }) == 3);  // when the system allows, all threads run
  CHECK(count == 3);
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("a batch with -f xlsx and no -o is refused instead of gluing workbooks on stdout (item 12)",
          "[regression][batch]") {
  std::string sample = (test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  test::RunResult r = test::RunFazhiCapped({"check", "-f", "xlsx", sample, sample}, 60);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("-o") && Catch::Contains("xlsx"));
}

}  // namespace fazhi
