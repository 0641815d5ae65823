// Batch summary as index.html: one self-contained offline page (no script; a CSP forbids any), the ranking with
// per-pack and per-category scores and a status column, how each rule fared over the batch, and — up to
// kHtmlMatrixMaxRows inputs — the rules × reports verdict matrix. Every piece of document and rule text is escaped.
#include <cstdio>

#include "batch/summary.h"
#include "render/render_support.h"

namespace fazhi {

namespace {

// A relative link to a file the batch wrote: only our own names (reports/<rel>.html), percent-encoded bytes
// outside a safe set, so no path from a document can become markup or a scheme.
std::string Href(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
        c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return "./" + out;
}

std::string Score(const std::optional<double>& s) {
  if (!s) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *s);
  return buf;
}

const char* VerdictMark(std::uint8_t v) {
  if (v == kNoVerdict) return "";
  switch (static_cast<Verdict>(v)) {
    case Verdict::kPass: return "✓";
    case Verdict::kPartial: return "◐";
    case Verdict::kFail: return "✗";
    case Verdict::kNotApplicable: return "–";
    case Verdict::kNotCheckable: return "?";
    case Verdict::kWaived: return "W";
    case Verdict::kError: return "!";
  }
  return "";
}

// Responsive: the page itself never scrolls sideways (checked at 420 px and 1,400 px by tests/browser/); wide
// tables (scores per category, the matrix) scroll inside their own box.
constexpr const char* kStyle = R"CSS(
*{box-sizing:border-box}
body{margin:0;background:#f5f6f8;color:#1d2939;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",
system-ui,sans-serif}
main{padding:24px;max-width:1400px;margin:0 auto;overflow-wrap:anywhere}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:2px solid #1d2939}
.sub{color:#667085;margin:0 0 12px}
.wrap{max-width:100%;overflow-x:auto;background:#fff;border:1px solid #e4e7ec;border-radius:8px}
table{border-collapse:collapse;font-size:13px}
table.fit{width:100%}
th,td{border-bottom:1px solid #e4e7ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f4f7}
.wide th,.wide td{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.file{display:block;color:#667085;font-size:12px}
.dup{display:block;color:#b54708;font-size:12px}
td.reason{color:#b42318}
.checked{color:#027a48}.not_checkable{color:#5925dc}.error{color:#b42318;font-weight:600}
td.checked,td.not_checkable,td.error{white-space:nowrap}
.bar{display:inline-block;height:8px;background:#1f4e8c;border-radius:2px;margin-left:6px;vertical-align:middle}
.m td{text-align:center;padding:2px 4px}.m td.rule{text-align:left}
.v0{background:#ecfdf3;color:#027a48}.v1{background:#fffaeb;color:#b54708}.v2{background:#fef3f2;color:#b42318}
.v3{color:#98a2b3}.v4{background:#f4f3ff;color:#5925dc}.v5{background:#eff8ff}.v6{background:#fef3f2}
@media (max-width:640px){main{padding:12px}.bar{display:none}th,td{padding:4px 5px}.hide-narrow{display:none}}
@media print{body{background:#fff}.wrap{overflow:visible;border:0}}
)CSS";

// "天津市红桥区人民政府" with the file name under it (linked to its HTML report when one was written); the file
// name alone when the issuer was not recognized.
void RowName(const SummaryRow& r, std::ostream& out) {
  std::string html_report;
  for (const auto& o : r.outputs)
    if (o.size() > 5 && o.compare(o.size() - 5, 5, ".html") == 0) html_report = o;
  std::string name = r.issuer.empty() ? RowFile(r) : r.issuer;
  if (!html_report.empty())
    out << "<a href=\"" << HtmlEscape(Href(html_report)) << "\">" << HtmlEscape(name) << "</a>";
  else
    out << HtmlEscape(name);
  if (!r.issuer.empty()) out << "<span class=\"file\">" << HtmlEscape(RowFile(r)) << "</span>";
  if (!r.duplicate_of.empty())
    out << "<span class=\"dup\">与 " << HtmlEscape(r.duplicate_of) << " 内容相同，按一份计，不参与排名</span>";
}

}  // namespace

void WriteSummaryHtml(const BatchSummary& s, std::ostream& out) {
  BatchCounts n = CountRows(s);
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<title>法治政府建设年度报告批量核查汇总</title><style>"
      << kStyle << "</style></head><body><main>\n";
  out << "<h1>法治政府建设年度报告批量核查汇总</h1>\n<p class=\"sub\">共 " << n.inputs << " 份：已核查 " << n.checked
      << " · 无法核查 " << n.not_checkable << " · 读取失败 " << n.errors;
  if (n.duplicates) out << " · 重复 " << n.duplicates << "（与另一份内容相同，按一份计）";
  out << "。规则包：";
  for (std::size_t i = 0; i < s.packs.size(); ++i) out << (i ? "、" : "") << HtmlEscape(PackTitle(s.packs[i]));
  out << "。fazhi " << HtmlEscape(s.tool_version) << "</p>\n";

  bool any_reason = false;
  for (const auto& r : s.rows) any_reason |= !r.reason.empty();
  out << "<h2>排名</h2>\n<div class=\"wrap\"><table class=\"fit\">\n<thead><tr><th class=\"n\">排名</th><th>发布主体"
         "（文件）</th><th class=\"hide-narrow\">层级</th><th class=\"n\">年度</th><th class=\"n\">总分</th><th>状态</th>"
      << (any_reason ? "<th>原因</th>" : "") << "</tr></thead>\n<tbody>\n";
  for (const auto& r : s.rows) {
    out << "<tr><td class=\"n\">" << (r.rank ? std::to_string(r.rank) : "") << "</td><td>";
    RowName(r, out);
    out << "</td><td class=\"hide-narrow\">" << HtmlEscape(r.level.empty() ? "" : LevelLabelZh(r.level))
        << "</td><td class=\"n\">" << (r.year ? std::to_string(*r.year) : "") << "</td><td class=\"n\">" << Score(r.total);
    if (r.total) out << "<span class=\"bar\" style=\"width:" << static_cast<int>(*r.total * 0.6) << "px\"></span>";
    out << "</td><td class=\"" << BatchStatusName(r.status) << "\">" << BatchStatusLabelZh(r.status) << "</td>";
    if (any_reason) out << "<td class=\"reason\">" << HtmlEscape(r.reason) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";

  // Scores per pack, then per category of each pack: one row per counted input, in ranked order.
  auto score_table = [&](const std::vector<std::string>& heads, auto&& cells) {
    out << "<div class=\"wrap\"><table class=\"wide\">\n<thead><tr><th>发布主体（文件）</th>";
    for (const auto& h : heads) out << "<th class=\"n\">" << HtmlEscape(h) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& r : s.rows) {
      if (r.status == BatchStatus::kError || !r.duplicate_of.empty()) continue;
      out << "<tr><td>" << HtmlEscape(r.issuer.empty() ? RowFile(r) : r.issuer) << "</td>";
      cells(r);
      out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
  };
  std::vector<std::string> pack_heads;
  for (const auto& p : s.packs) pack_heads.push_back(PackTitle(p));
  out << "<h2>各规则包得分</h2>\n";
  score_table(pack_heads, [&](const SummaryRow& r) {
    for (const auto& p : r.pack_scores) out << "<td class=\"n\">" << Score(p) << "</td>";
  });
  std::size_t base = 0;
  for (const auto& p : s.packs) {
    out << "<h2>" << HtmlEscape(PackTitle(p)) << " · 各类别得分</h2>\n";
    score_table(p.categories, [&](const SummaryRow& r) {
      for (std::size_t k = 0; k < p.categories.size(); ++k)
        out << "<td class=\"n\">" << Score(r.category_scores[base + k]) << "</td>";
    });
    base += p.categories.size();
  }

  out << "<h2>各项要求的核查结论分布</h2>\n<p class=\"sub\">重复的报告按一份计。</p>\n<div class=\"wrap\"><table class=\"fit\">\n"
         "<thead><tr><th>要求</th><th class=\"hide-narrow\">规则包 · 类别</th><th class=\"n\">符合</th><th class=\"n\">部分符合</th>"
         "<th class=\"n\">不符合</th><th class=\"n hide-narrow\">不适用</th><th class=\"n hide-narrow\">无法判断</th>"
         "<th class=\"n hide-narrow\">已豁免</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < s.rules.size(); ++i) {
    VerdictCounts c;
    for (const auto& r : s.rows)
      if (r.verdicts[i] != kNoVerdict && r.duplicate_of.empty()) c.Add(static_cast<Verdict>(r.verdicts[i]));
    out << "<tr><td>" << HtmlEscape(s.rules[i].title) << "<span class=\"file\">" << HtmlEscape(s.rules[i].rule)
        << "</span></td><td class=\"hide-narrow\">" << HtmlEscape(PackTitleOf(s, s.rules[i].pack)) << " · "
        << HtmlEscape(s.rules[i].category) << "</td>";
    int k = 0;
    for (int v : {c.pass, c.partial, c.fail, c.not_applicable, c.not_checkable, c.waived})
      out << "<td class=\"n" << (k++ >= 3 ? " hide-narrow" : "") << "\">" << v << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";

  out << "<h2>结论矩阵 <small>（规则 × 报告）</small></h2>\n";
  if (s.rows.size() > kHtmlMatrixMaxRows) {
    out << "<p class=\"sub\">共 " << s.rows.size() << " 份报告，超过 " << kHtmlMatrixMaxRows
        << " 份时网页不列出完整矩阵：请看 summary.xlsx 的“结论矩阵”表或 matrix.csv。</p>\n";
  } else {
    out << "<p class=\"sub\">列号即排名表的行号（按排名顺序）。✓ 符合 · ◐ 部分符合 · ✗ 不符合 · – 不适用 · ? 无法判断 · W 已豁免</p>\n"
           "<div class=\"wrap\"><table class=\"m wide\">\n<thead><tr><th>规则</th>";
    for (std::size_t j = 0; j < s.rows.size(); ++j)
      out << "<th title=\"" << HtmlEscape(s.rows[j].issuer.empty() ? RowFile(s.rows[j]) : s.rows[j].issuer + "（" + RowFile(s.rows[j]) + "）")
          << "\">" << j + 1 << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < s.rules.size(); ++i) {
      out << "<tr><td class=\"rule\" title=\"" << HtmlEscape(s.rules[i].title) << "\">" << HtmlEscape(s.rules[i].rule) << "</td>";
      for (const auto& r : s.rows) {
        std::uint8_t v = r.verdicts[i];
        if (v == kNoVerdict)
          out << "<td></td>";
        else
          out << "<td class=\"v" << static_cast<int>(v) << "\">" << VerdictMark(v) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "</main></body></html>\n";
}

}  // namespace fazhi
