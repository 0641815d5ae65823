// Safe outputs and determinism: report and rule text with <script>, onerror=, javascript: and spreadsheet formulas
// is escaped in HTML and neutralised in CSV/XLSX; output paths never come from document content and never leave
// --output; the same inputs give byte-identical JSON across runs and across --jobs; a batch reports a document
// that hits a limit and goes on.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace fazhi::test {
namespace {

std::string Sample() { return ReadFile(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt"); }
fs::path Form(const std::string& name) { return SourceDir() / "tests" / "data" / "forms" / name; }

// Every regular file under `dir`, relative, sorted.
std::set<std::string> Tree(const fs::path& dir) {
  std::set<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() || it->is_symlink()) files.insert(fs::relative(it->path(), dir).generic_string());
  return files;
}

std::string ZipEntry(const fs::path& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  zip_stat_t st;
  zip_stat_init(&st);
  REQUIRE(zip_stat(z, name.c_str(), 0, &st) == 0);
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  REQUIRE(f);
  std::string data(st.size, '\0');
  REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_discard(z);
  return data;
}


// A pack whose rule texts are hostile, and a report whose text is.
const char* kHostilePack =
    "pack: hostile\n"
    "title: \"<script>alert('pack')</script>\"\n"
    "version: \"1\"\n";
const char* kHostileRules =
    "rules:\n"
    "  - id: x1\n"
    "    title: '=HYPERLINK(\"http://evil.example/\",\"click\")'\n"
    "    cite: \"+cmd|' /C calc'!A0\"\n"
    "    message: \"<script>alert('rule')</script><img src=x onerror=alert(2)>\"\n"
    "    remedy: \"@SUM(1+1)\"\n"
    "    check: {mention: {any: [不存在的词语甲乙丙]}}\n"
    "  - id: x2\n"
    "    title: \"-2+3\"\n"
    "    cite: \"javascript:alert(3)\"\n"
    "    message: \"=1+2\"\n"
    "    check: {mention: {any: [政务公开]}}\n";
const char* kHostileReport =
    "<script>alert(1)</script>关于2021年度法治政府建设情况的报告\n"
    "一、主要举措\n"
    "=HYPERLINK(\"http://evil.example/\",\"x\")区政府全面推进政务公开<img src=x onerror=alert(1)>。\n"
    "<a href=\"javascript:alert(1)\">政务公开</a>专栏持续更新。\n"
    "@SUM(1+1) 和 +1 以及 -1 开头的行。\n";

}  // namespace

TEST_CASE("HTML output escapes report and rule text, CSV and XLSX neutralise formulas", "[hostile][outputs]") {
  TempDir tmp;
  WriteFile(tmp.path() / "pack" / "pack.yaml", kHostilePack);
  WriteFile(tmp.path() / "pack" / "rules.yaml", kHostileRules);
  WriteFile(tmp.path() / "report.txt", kHostileReport);
  auto out = tmp.path() / "out";
  RunResult r = RunFazhi({"check", "--no-shipped-rules", "--rules", (tmp.path() / "pack").string(), "--format",
                          "html", "--format", "csv", "--format", "xlsx", "--format", "json", "--output",
                          out.string() + "/", (tmp.path() / "report.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(Tree(out) == std::set<std::string>{"report.csv", "report.html", "report.json", "report.xlsx"});

  // The report did see the hostile text (so the outputs below really carry it).
  json j = json::parse(ReadFile(out / "report.json"));
  REQUIRE(j["results"].size() == 2);
  CHECK(j["results"][1]["verdict"] == "pass");

  std::string html = ReadFile(out / "report.html");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);
  CHECK(html.find("<a href=\"javascript") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert("));
  CHECK_THAT(html, Catch::Contains("onerror=alert(2)"));  // shown as text, inside escaped markup
  CHECK_THAT(html, Catch::Contains("&lt;img src=x onerror=alert(2)&gt;"));

  std::string csv = ReadFile(out / "report.csv");
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  bool saw_formula_text = false;
  for (const auto& field : CsvFields(csv.substr(3))) {
    INFO(field);
    if (!field.empty()) CHECK(std::string("=+-@\t\r").find(field[0]) == std::string::npos);
    if (field.find("=HYPERLINK") != std::string::npos) saw_formula_text = true;
  }
  CHECK(saw_formula_text);

  std::string strings = ZipEntry(out / "report.xlsx", "xl/sharedStrings.xml");
  CHECK_THAT(strings, Catch::Contains("'=HYPERLINK"));
  for (const char* bad : {"<t>=", "<t>+", "<t>-", "<t>@", "<t xml:space=\"preserve\">=",
                          "<t xml:space=\"preserve\">+", "<t xml:space=\"preserve\">-", "<t xml:space=\"preserve\">@"})
    CHECK(strings.find(bad) == std::string::npos);
  for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                            "xl/worksheets/sheet4.xml"})
    CHECK(ZipEntry(out / "report.xlsx", sheet).find("<f>") == std::string::npos);  // no formula cells at all
}

TEST_CASE("output files never land outside --output, and no output name comes from the document", "[hostile][outputs]") {
  TempDir tmp;
  // A report whose content looks like paths (titles, "file names") and an input given as ../x.txt.
  std::string content = "../../evil.json\n/tmp/fazhi-evil.json\n关于2021年度法治政府建设情况的报告 ../../../etc/x\n" +
                        Sample().substr(0, 3000);
  WriteFile(tmp.path() / "x.txt", content);
  fs::create_directories(tmp.path() / "sub");
  auto before = Tree(tmp.path());

  // cwd = sub: the input is ../x.txt and the output folder is out/ (relative).
  std::string cmd = "cd '" + (tmp.path() / "sub").string() + "' && exec '" + std::string(FAZHI_BINARY) +
                    "' check --format json --format csv ../x.txt --output out/ 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto after = Tree(tmp.path());
  std::set<std::string> added;
  for (const auto& f : after)
    if (!before.count(f)) added.insert(f);
  CHECK(added == std::set<std::string>{"sub/out/x.csv", "sub/out/x.json"});
  CHECK_FALSE(fs::exists("/tmp/fazhi-evil.json"));

  // A batch over two folders with the same file name: distinct names, all under out/reports/.
  WriteFile(tmp.path() / "a" / "r.txt", content);
  WriteFile(tmp.path() / "b" / "r.txt", Sample().substr(0, 2000));
  auto out = tmp.path() / "sub" / "batch";
  RunResult r = RunFazhi({"check", "--format", "json", "--jobs", "2", "--output", out.string(),
                          (tmp.path() / "sub" / ".." / "a" / "r.txt").string(), (tmp.path() / "b").string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  for (const auto& f : Tree(out)) {
    INFO(f);
    CHECK(f.find("..") == std::string::npos);
  }
  CHECK(Tree(out).count("reports/a/r.txt.json") + Tree(out).count("reports/a/r.json") == 1);
  CHECK(Tree(out).count("reports/b/r.txt.json") + Tree(out).count("reports/b/r.json") == 1);
  for (const auto& f : Tree(tmp.path()))  // nothing new outside sub/ apart from the inputs written above
    if (!before.count(f)) CHECK((f.rfind("sub/", 0) == 0 || f == "a/r.txt" || f == "b/r.txt"));
}

TEST_CASE("the same input gives byte-identical JSON across runs", "[hostile][determinism]") {
  auto sample = SourceDir() / "reports" / "samples" / "hongqiao-2020.txt";
  RunResult a = RunFazhi({"check", "--format", "json", sample.string()});
  RunResult b = RunFazhi({"check", "--format", "json", sample.string()});
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(a.out == b.out);
  RunResult c = RunFazhi({"check", "--format", "json", Form("hongqiao.docx").string()});
  RunResult d = RunFazhi({"check", "--format", "json", Form("hongqiao.docx").string()});
  CHECK(c.out == d.out);
}

TEST_CASE("a batch gives byte-identical JSON with --jobs 1 and --jobs 2", "[hostile][determinism][batch]") {
  TempDir tmp;
  auto in = tmp.path() / "in";
  fs::create_directories(in);
  fs::copy_file(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt", in / "a-sample.txt");
  for (const char* f : {"hongqiao.html", "hongqiao.docx", "hongqiao.gb18030.txt", "hongqiao.pdf", "no-text.pdf"})
    fs::copy_file(Form(f), in / f);
  WriteFile(in / "empty.txt", "");
  RunResult one = RunFazhi({"check", "--format", "json", "--jobs", "1", in.string()});
  RunResult two = RunFazhi({"check", "--format", "json", "--jobs", "2", in.string()});
  CHECK(one.exit_code == two.exit_code);
  CHECK_FALSE(one.out.empty());
  CHECK(one.out == two.out);

  RunResult o1 = RunFazhi({"check", "--format", "json", "--jobs", "1", "--output", (tmp.path() / "o1").string(),
                           in.string()});
  RunResult o2 = RunFazhi({"check", "--format", "json", "--jobs", "2", "--output", (tmp.path() / "o2").string(),
                           in.string()});
  auto t1 = Tree(tmp.path() / "o1"), t2 = Tree(tmp.path() / "o2");
  CHECK(t1 == t2);
  for (const auto& f : t1) {
    if (f.size() < 5 || (f.substr(f.size() - 5) != ".json" && f.substr(f.size() - 4) != ".csv")) continue;
    INFO(f);
    CHECK(ReadFile(tmp.path() / "o1" / f) == ReadFile(tmp.path() / "o2" / f));
  }
}

TEST_CASE("a batch reports documents that hit a limit and goes on", "[hostile][batch]") {
  TempDir tmp;
  auto in = tmp.path() / "in";
  fs::create_directories(in);
  fs::copy_file(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt", in / "good.txt");
  std::string divs;
  for (int i = 0; i < 100'000; ++i) divs += "<div>";
  WriteFile(in / "deep.html", "<html><body>" + divs + "法治</body></html>");
  WriteFile(in / "empty.txt", "");
  fs::copy_file(Form("encrypted.pdf"), in / "locked.pdf");
  fs::copy_file(Form("no-text.pdf"), in / "scan.pdf");
  WriteFile(in / "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, 'x'));
  auto out = tmp.path() / "out";
  RunResult r = RunFazhi({"check", "--format", "json", "--jobs", "2", "--output", out.string(), in.string()});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // some inputs could not be read (docs/cli.md), but the batch finished
  CHECK_THAT(r.err, Catch::Contains("max_markup_depth"));
  auto files = Tree(out);
  CHECK(files.count("reports/good.txt.json") + files.count("reports/good.json") == 1);
  CHECK(files.count("reports/scan.pdf.json") + files.count("reports/scan.json") == 1);  // not_checkable report
  REQUIRE(files.count("summary.csv"));
  std::string summary = ReadFile(out / "summary.csv");
  for (const char* name : {"good.txt", "deep.html", "empty.txt", "locked.pdf", "scan.pdf", "old.doc"}) {
    INFO(name);
    CHECK_THAT(summary, Catch::Contains(name));
  }
  CHECK_THAT(summary, Catch::Contains("max_markup_depth"));
}

}  // namespace fazhi::test
