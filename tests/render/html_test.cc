// The HTML report: self-contained (nothing loaded from outside), document text escaped (markup in a report is shown
// as text, never run), matched terms highlighted, passes collapsed, filters present.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "render/renderer.h"
#include "render/sample_report.h"

namespace fazhi::test {

namespace {

std::string Html(const Report& report) {
  std::ostringstream out;
  RenderHtml(report, out, RenderOptions{});
  return out.str();
}

std::size_t Count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("html escapes markup from the document and the rules", "[render][html][security]") {
  Report rep = SampleReport();
  rep.document.title = "<script>alert('title')</script>";
  rep.document.issuer = "\"><img src=x onerror=alert(1)>";
  rep.document.path = "a\"onmouseover=\"alert(1).txt";
  RuleResult& r = rep.results[2];
  RuleInfo& rule = EditRule(r);
  rule.pack = "x\"><script>alert(2)</script>";
  rule.id = "report/<blink>x</blink>";
  rule.title = "<iframe src=javascript:alert(3)>";
  rule.cite = "<a href=\"javascript:alert(4)\">点此</a>";
  r.message = "</style><script>alert(5)</script>";
  rule.remedy = "<svg onload=alert(6)>";
  r.evidence.push_back(Evidence::Owned(EvidenceKind::kSupport, "正文<script>alert(7)</script>中的<b>加粗</b>与&nbsp;实体", "<h1>节</h1>", 3,
                        0, 0, 0, {"<script>", "加粗"}, "measures"));
  std::string html = Html(rep);

  // Exactly one script element: ours (the filter script); the only tags come from the renderer.
  CHECK(Count(html, "<script") == 1);
  CHECK(html.find("alert(") != std::string::npos);                 // the text is still there…
  CHECK(html.find("<img") == std::string::npos);                   // …but never as markup
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find("<svg onload") == std::string::npos);
  CHECK(html.find("<a href") == std::string::npos);
  CHECK(html.find("<blink") == std::string::npos);
  CHECK(html.find("<h1>节") == std::string::npos);
  CHECK(html.find("</style><script>") == std::string::npos);
  CHECK(html.find("onerror=alert(1)>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("&lt;iframe src=javascript:alert(3)&gt;") != std::string::npos);
  CHECK(html.find("&lt;a href=&quot;javascript:alert(4)&quot;&gt;点此&lt;/a&gt;") != std::string::npos);
  // An attribute value cannot be closed early by a quote in the data.
  CHECK(html.find("data-pack=\"x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"") != std::string::npos);
  // Highlighting escapes the term too, and a literal entity in the text is shown as typed.
  CHECK(html.find("正文<mark>&lt;script&gt;</mark>alert(7)&lt;/script&gt;中的&lt;b&gt;<mark>加粗</mark>&lt;/b&gt;与&amp;nbsp;实体") !=
        std::string::npos);
}

TEST_CASE("html is self-contained and pins its script with a CSP hash", "[render][html]") {
  std::string html = Html(SampleReport());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  // Nothing fetched from anywhere: no src/href attributes, no url(), no @import, no http(s) links.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find(" href=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(std::regex_search(html, std::regex("script-src 'sha256-[A-Za-z0-9+/]{43}='")));
  CHECK(html.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("html shows scores, highlights terms, collapses passes, offers filters", "[render][html]") {
  std::string html = Html(SampleReport());
  CHECK(html.find(">56.3</text>") != std::string::npos);        // total in the gauge
  CHECK(html.find("总分（豁免前 47.9）") != std::string::npos);  // with and without waivers
  CHECK(Count(html, "<svg class=\"bar\"") == 7);                 // 2 packs + 5 categories
  CHECK(html.find("<rect class=\"fair\" width=\"62.5\"") != std::string::npos);
  CHECK(html.find("有待<mark>") == std::string::npos);
  CHECK(html.find("<mark>有待加强</mark>") != std::string::npos);
  CHECK(html.find("<details data-group=\"pass\"><summary>符合的要求（2 项）</summary>") != std::string::npos);
  CHECK(html.find("<form id=\"filters\" class=\"filters\" hidden>") != std::string::npos);
  CHECK(html.find("<option value=\"outline-2015\">") != std::string::npos);
  CHECK(html.find("data-verdict=\"not_checkable\"") != std::string::npos);
  CHECK(html.find("@page{size:A4") != std::string::npos);
  CHECK(html.find("有 1 项要求无法从报告文本判断") != std::string::npos);
  // Gaps in severity order: critical before high before medium.
  auto crit = html.find("id=\"report/first-responsible-duty\"");
  auto high = html.find("id=\"report/shortcomings\"");
  auto med = html.find("id=\"outline-2015/administrative-reconsideration\"");
  CHECK(crit < high);
  CHECK(high < med);
}

}  // namespace fazhi::test
