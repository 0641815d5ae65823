// Golden tests: every renderer on the hand-built SampleReport, compared byte for byte with tests/golden/render/*.
// FAZHI_UPDATE_GOLDEN=1 rewrites the files (read each diff before committing it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "core/lang.h"
#include "core/messages.h"
#include "render/renderer.h"
#include "render/sample_report.h"
#include "test_support.h"

namespace fazhi::test {

namespace {

std::string Render(const char* format, const Report& report, RenderOptions opts = {}) {
  const RendererEntry* r = FindRenderer(format);
  REQUIRE(r != nullptr);
  std::ostringstream out;
  r->render(report, out, opts);
  return out.str();
}

void CheckGolden(const std::string& name, const std::string& actual) {
  auto path = SourceDir() / "tests" / "golden" / "render" / name;
  const char* update = std::getenv("FAZHI_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    WriteFile(path, actual);
    WARN("rewrote " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (FAZHI_UPDATE_GOLDEN=1 rewrites it)");
  std::string expected = ReadFile(path);
  if (expected != actual) {
    // Point at the first differing line: easier to read than two whole documents.
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 1;
    while (std::getline(e, el) && std::getline(a, al) && el == al) ++line;
    FAIL("differs at line " << line << "\n  expected: " << el << "\n  actual:   " << al);
  }
}

}  // namespace

TEST_CASE("golden text report", "[render][golden]") {
  CheckGolden("sample.txt", Render("text", SampleReport()));
}

TEST_CASE("golden text report with colour", "[render][golden]") {
  RenderOptions opts;
  opts.color = true;
  std::string out = Render("text", SampleReport(), opts);
  CHECK(out.find("\x1b[") != std::string::npos);
  CheckGolden("sample.color.txt", out);
}

TEST_CASE("text report has no escape codes without colour", "[render]") {
  CHECK(Render("text", SampleReport()).find('\x1b') == std::string::npos);
}

TEST_CASE("golden text report at 60 columns", "[render][golden]") {
  RenderOptions opts;
  opts.width = 60;
  CheckGolden("sample.w60.txt", Render("text", SampleReport(), opts));
}

TEST_CASE("golden markdown report", "[render][golden]") {
  CheckGolden("sample.md", Render("md", SampleReport()));
}

TEST_CASE("golden html report", "[render][golden]") {
  CheckGolden("sample.html", Render("html", SampleReport()));
}

TEST_CASE("golden json report", "[render][golden]") {
  CheckGolden("sample.json", Render("json", SampleReport()));
}

TEST_CASE("golden jsonl report", "[render][golden]") {
  std::string out = Render("jsonl", SampleReport());
  CHECK(out.find('\n') == out.size() - 1);  // one line per report
  CheckGolden("sample.jsonl", out);
}

TEST_CASE("golden csv ledger", "[render][golden]") {
  CheckGolden("sample.csv", Render("csv", SampleReport()));
}

TEST_CASE("every registered renderer has a golden test or a read-back test", "[render]") {
  for (const auto& r : Renderers()) {
    std::string name = r.name;
    INFO(name);
    CHECK((name == "text" || name == "md" || name == "html" || name == "json" || name == "jsonl" || name == "csv" ||
           name == "xlsx"));
  }
}

TEST_CASE("renderers are deterministic", "[render]") {
  for (const auto& r : Renderers()) {
    if (r.binary) continue;
    INFO(r.name);
    CHECK(Render(r.name, SampleReport()) == Render(r.name, SampleReport()));
  }
}

TEST_CASE("renderers cope with an empty report", "[render]") {
  Report empty;
  empty.document.path = "empty.txt";
  for (const auto& r : Renderers()) {
    INFO(r.name);
    std::string out = Render(r.name, empty);
    CHECK_FALSE(out.empty());
  }
}

}  // namespace fazhi::test

namespace fazhi::test {

TEST_CASE("a document that could not be checked says so at the top", "[render]") {
  Report rep = SampleReport();
  rep.document.not_checkable = true;
  rep.document.not_checkable_reason = "PDF 没有文字层（扫描件），无法提取文本";
  CHECK(Render("text", rep).find("无法核查  PDF 没有文字层") != std::string::npos);
  CHECK(Render("md", rep).find("> **无法核查**：PDF 没有文字层") != std::string::npos);
  CHECK(Render("html", rep).find("<div class=\"alert bad\"><strong>无法核查：</strong>PDF 没有文字层") !=
        std::string::npos);
}

// The gap reports are Chinese documents: a diagnostic's level is 警告/错误/提示 there, never the English name that
// JSON keeps for programs; with --lang en the level follows the message beside it.
TEST_CASE("markdown and html name a diagnostic's level in the user's language", "[render][lang]") {
  Report rep = SampleReport();
  rep.diagnostics.push_back(MakeDiagnostic("E-track-report", {"a.txt", "坏了"}, "a.txt"));
  rep.diagnostics.push_back(MakeDiagnostic("N-pack-extended", {"report"}, "rules/report"));
  const std::string md = Render("md", rep), html = Render("html", rep);
  CHECK(md.find("- `警告 W-waiver-expired` ") != std::string::npos);
  CHECK(md.find("- `错误 E-track-report` a.txt：坏了") != std::string::npos);
  CHECK(md.find("- `提示 N-pack-extended` ") != std::string::npos);
  CHECK(html.find("<li><code>警告 W-waiver-expired</code> ") != std::string::npos);
  CHECK(html.find("<li><code>错误 E-track-report</code> ") != std::string::npos);
  CHECK(html.find("<li><code>提示 N-pack-extended</code> ") != std::string::npos);
  for (const char* en : {"warning W-", "error E-", "note N-"}) {
    INFO(en);
    CHECK(md.find(en) == std::string::npos);
    CHECK(html.find(en) == std::string::npos);
  }
  SetLang(Lang::kEn);
  Report en = SampleReport();
  en.diagnostics.push_back(MakeDiagnostic("E-track-report", {"a.txt", "broken"}, "a.txt"));
  const std::string md_en = Render("md", en), html_en = Render("html", en);
  SetLang(Lang::kZh);
  CHECK(md_en.find("- `warning W-waiver-expired` ") != std::string::npos);
  CHECK(md_en.find("- `error E-track-report` a.txt: broken") != std::string::npos);
  CHECK(html_en.find("<li><code>error E-track-report</code> a.txt: broken</li>") != std::string::npos);
}

}  // namespace fazhi::test
