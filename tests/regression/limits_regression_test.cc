// Regression tests for the bugs fuzzing and the hostile-file table found (docs/reliability.md, "Bugs found"):
// each input once crashed, hung or ate all memory; now it fails fast with an error naming the limit.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <zip.h>

#include <chrono>

#include "core/error.h"
#include "ingest/reader.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fazhi {
namespace {

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("HTML nested 100k deep fails fast naming max_markup_depth (was a stack overflow and a hang)",
          "[regression][limits][html]") {
  // 100 000 unclosed <b>: the reader's recursive walk overflowed the stack (SIGSEGV).
  // 100 000 nested <div>: gumbo's parse is quadratic in the depth (over a minute).
  for (const std::string& page : {"<html><body>" + Repeat("<b>", 100000) + "法治</body></html>",
                                  "<html><body>" + Repeat("<div>", 100000) + "法治" + Repeat("</div>", 100000)}) {
    auto start = std::chrono::steady_clock::now();
    try {
      ReadBytes("deep.html", page, Limits{});
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.code() == "E-html-limit");
      CHECK_THAT(e.what(), Catch::Contains("max_markup_depth（1000）"));
    }
    CHECK(Seconds(start) < 5);
  }
}

TEST_CASE("HTML deeper than max_markup_depth after parsing is refused, shallower pages are read",
          "[regression][limits][html]") {
  std::string deep = "<html><body>" + Repeat("<div>", 1500) + "法治政府建设" + Repeat("</div>", 1500) + "</body></html>";
  CHECK_THROWS_WITH(ReadBytes("deep.html", deep, Limits{}), Catch::Contains("max_markup_depth"));
  Limits loose;
  loose.max_markup_depth = 2000;
  CHECK(ReadBytes("deep.html", deep, loose).text.find("法治政府建设") != std::string::npos);
  std::string normal = "<html><body>" + Repeat("<div>", 200) + "法治政府建设" + Repeat("</div>", 200) + "</body></html>";
  CHECK(ReadBytes("ok.html", normal, Limits{}).text.find("法治政府建设") != std::string::npos);
  // Tags inside <script> and comments do not count toward the estimate.
  std::string scripted = "<html><body><script>" + Repeat("<div>", 5000) + "</script><!--" + Repeat("<div>", 5000) +
                         "--><p>法治政府建设</p></body></html>";
  CHECK(ReadBytes("script.html", scripted, Limits{}).text.find("法治政府建设") != std::string::npos);
}

TEST_CASE("vocabularies built from vocabularies cannot expand without bound (billion laughs in YAML)",
          "[regression][limits][rules]") {
  // 14 KB of pack.yaml: v3 = 200 x v2 = 200 x 1000 x v1 = 200 million terms. Loading took 28 s and then died of
  // std::bad_alloc (or ate all memory); now it stops at max_list_terms with an error naming it.
  std::string v1 = "[", v2 = "[", v3 = "[";
  for (int i = 0; i < 1000; ++i) v1 += (i ? ",词" : "词") + std::to_string(i);
  for (int i = 0; i < 1000; ++i) v2 += i ? ",\"@v1\"" : "\"@v1\"";
  for (int i = 0; i < 200; ++i) v3 += i ? ",\"@v2\"" : "\"@v2\"";
  InMemoryPack pack;
  pack.pack_yaml = "pack: vb\ntitle: t\nversion: \"1\"\nvocabularies:\n  v1: " + v1 + "]\n  v2: " + v2 + "]\n  v3: " +
                   v3 + "]\n";
  pack.rule_files["rules.yaml"] = "rules:\n  - id: a\n    title: t\n    cite: c\n    check: {mention: {any: \"@v3\"}}\n";
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  LoadRuleSetFromStrings(pack, LoadOptions{}, diags);
  CHECK(Seconds(start) < 10);
  bool named = false;
  for (const auto& d : diags)
    if (d.code == "E-too-many-terms" && d.message.find("max_list_terms") != std::string::npos) named = true;
  CHECK(named);
}

TEST_CASE("many rules repeating a large vocabulary stop at max_total_terms", "[regression][limits][rules]") {
  InMemoryPack pack;
  std::string v = "[";
  for (int i = 0; i < 1000; ++i) v += (i ? ",词" : "词") + std::to_string(i);
  pack.pack_yaml = "pack: vb\ntitle: t\nversion: \"1\"\nvocabularies:\n  v: " + v + "]\n";
  std::string rules = "rules:\n";
  for (int i = 0; i < 50; ++i)
    rules += "  - {id: r" + std::to_string(i) + ", title: t, cite: c, check: {mention: {any: \"@v\"}}}\n";
  pack.rule_files["rules.yaml"] = rules;
  LoadOptions lo;
  lo.limits.max_total_terms = 20000;  // 50 rules x 1000 terms + the vocabulary itself
  Diagnostics diags;
  LoadRuleSetFromStrings(pack, lo, diags);
  int errors = 0;
  for (const auto& d : diags)
    if (d.code == "E-too-many-terms") {
      ++errors;
      CHECK_THAT(d.message, Catch::Contains("max_total_terms"));
    }
  CHECK(errors == 1);  // reported once, when crossed
  Diagnostics ok;
  LoadRuleSetFromStrings(pack, LoadOptions{}, ok);
  CHECK_FALSE(HasErrors(ok));
}

TEST_CASE("the shipped rules stay well under the term limits", "[regression][limits][rules]") {
  LoadOptions lo;
  lo.dirs = {(test::SourceDir() / "rules").string()};
  lo.limits.max_total_terms = lo.limits.max_total_terms / 10;  // a tenth of the default still loads them
  Diagnostics diags;
  LoadRuleSet(lo, diags);
  for (const auto& d : diags) CHECK(d.code != "E-too-many-terms");
}

TEST_CASE("rule limits name themselves: file size, file count, regex program size", "[limits][rules]") {
  const std::string pack_yaml = "pack: m\ntitle: t\nversion: \"1\"\n";
  auto codes = [](const Diagnostics& ds, const std::string& code, const std::string& limit) {
    for (const auto& d : ds)
      if (d.code == code && d.message.find(limit) != std::string::npos) return true;
    return false;
  };
  {
    InMemoryPack pack{"m", pack_yaml, {{"big.yaml", "rules: []\n" + std::string(5000, '#') + "\n"}}};
    LoadOptions lo;
    lo.limits.max_rule_file_bytes = 4000;
    Diagnostics diags;
    LoadRuleSetFromStrings(pack, lo, diags);
    CHECK(codes(diags, "E-too-large", "max_rule_file_bytes（4000 字节）"));
  }
  {
    test::TempDir tmp;
    test::WriteFile(tmp.path() / "pack.yaml", pack_yaml);
    for (int i = 0; i < 3; ++i)
      test::WriteFile(tmp.path() / ("r" + std::to_string(i) + ".yaml"),
                      "rules:\n  - {id: r" + std::to_string(i) + ", title: t, cite: c, check: {mention: {any: [政务]}}}\n");
    LoadOptions lo;
    lo.dirs = {tmp.path().string()};
    lo.limits.max_rule_files = 2;
    Diagnostics diags;
    auto set = LoadRuleSet(lo, diags);
    CHECK(codes(diags, "E-too-many-files", "max_rule_files（2 个）"));
    CHECK(set->RuleCount() == 2);
  }
  {
    InMemoryPack pack{"m", pack_yaml,
                      {{"re.yaml", "rules:\n  - {id: r, title: t, cite: c, check: {regex: {pattern: \"(\\\\p{Han}\\\\d){600}\"}}}\n"}}};
    Diagnostics diags;
    LoadRuleSetFromStrings(pack, LoadOptions{}, diags);
    CHECK(codes(diags, "E-regex-too-large", "max_regex_program 20000"));
  }
  {
    std::string deep = "rules: " + std::string(100, '[') + std::string(100, ']') + "\n";
    InMemoryPack pack{"m", pack_yaml, {{"deep.yaml", deep}}};
    Diagnostics diags;
    LoadRuleSetFromStrings(pack, LoadOptions{}, diags);
    CHECK(codes(diags, "E-too-deep", "max_yaml_depth（64 层）"));
  }
}

TEST_CASE("LoadRuleSetFromStrings reports what loading the same files from a folder reports",
          "[regression][rules]") {
  const std::string pack_yaml = "pack: m\ntitle: t\nversion: \"1\"\n";
  const std::string rules = "rules:\n  - id: a\n    title: t\n    cite: c\n    check: {mention: {any: [政务公开]}}\n"
                            "  - id: b\n    titel: t\n    cite: c\n    check: {mention: {any: []}}\n";
  test::TempDir tmp;
  test::WriteFile(tmp.path() / "pack.yaml", pack_yaml);
  test::WriteFile(tmp.path() / "rules.yaml", rules);
  LoadOptions lo;
  lo.dirs = {tmp.path().string()};
  Diagnostics from_disk, from_memory;
  auto a = LoadRuleSet(lo, from_disk);
  InMemoryPack pack{tmp.path().string(), pack_yaml, {{"rules.yaml", rules}}};
  auto b = LoadRuleSetFromStrings(pack, LoadOptions{}, from_memory);
  REQUIRE(from_disk.size() == from_memory.size());
  for (std::size_t i = 0; i < from_disk.size(); ++i) {
    CHECK(from_disk[i].code == from_memory[i].code);
    CHECK(from_disk[i].line == from_memory[i].line);
    CHECK(from_disk[i].file == from_memory[i].file);
  }
  CHECK(a->RuleCount() == b->RuleCount());
}

TEST_CASE("a FIFO, a device and a symlink loop are refused at once (a FIFO used to block forever)",
          "[regression][limits][paths]") {
  test::TempDir tmp;
  auto fifo = tmp.path() / "pipe.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(ReadInput(fifo.string(), Limits{}), Catch::Contains("不是普通文件"));
  CHECK_THROWS_WITH(ReadInput("/dev/zero", Limits{}), Catch::Contains("不是普通文件"));
  std::filesystem::create_symlink(tmp.path() / "b", tmp.path() / "a");
  std::filesystem::create_symlink(tmp.path() / "a", tmp.path() / "b");
  CHECK_THROWS_WITH(ReadInput((tmp.path() / "a").string(), Limits{}), Catch::Contains("symbolic links"));
}

TEST_CASE("a text of only ideographic and zero-width spaces is empty, not an empty report",
          "[regression][ingest]") {
  // It used to pass the reader's ASCII white-space test, normalize to nothing, and fail every rule.
  CHECK_THROWS_WITH(ReadBytes("ws.txt", "\xE3\x80\x80\xE3\x80\x80\n\xE2\x80\x8B\n\xC2\xA0\n", Limits{}),
                    Catch::Contains("没有文字"));
  CHECK(ReadBytes("one.txt", "\xE3\x80\x80" "a", Limits{}).text.find('a') != std::string::npos);
  // The same for a page or a Word document of such spaces.
  CHECK_THROWS_WITH(ReadBytes("ws.html", "<html><body><p>&nbsp;\xE3\x80\x80</p><p>\xE2\x80\x8B</p></body></html>",
                              Limits{}),
                    Catch::Contains("没有可读的文字"));
}

TEST_CASE("a DOCX whose document.xml nests 100k elements is refused naming max_markup_depth",
          "[regression][limits][docx]") {
  // The body writer recurses into w:ins / w:r / w:sdt: 100 000 nested <w:ins> overflowed its stack.
  test::TempDir tmp;
  auto path = tmp.path() / "deep.docx";
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  const std::string xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                          Repeat("<w:ins>", 100000) + "<w:p><w:r><w:t>法治</w:t></w:r></w:p>" +
                          Repeat("</w:ins>", 100000) + "</w:body></w:document>";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  zip_file_add(z, "_rels/.rels", zip_source_buffer(z, rels.data(), rels.size(), 0), 0);
  zip_int64_t doc = zip_file_add(z, "word/document.xml", zip_source_buffer(z, xml.data(), xml.size(), 0), 0);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(doc), ZIP_CM_STORE, 0);  // else max_zip_ratio hits first
  REQUIRE(zip_close(z) == 0);
  try {
    ReadInput(path.string(), Limits{});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-docx-limit");
    CHECK_THAT(e.what(), Catch::Contains("max_markup_depth（1000）"));
  }
}

}  // namespace fazhi
