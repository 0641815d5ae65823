// HTML renderer: one self-contained, offline page (no external fonts, scripts or styles): a summary card, scores as
// inline SVG bars, the gaps with highlighted evidence, passes collapsed, pack/verdict filters (a small inline
// script, allowed by a hash-pinned Content-Security-Policy), and print CSS for A4. Every piece of document and rule
// text is HTML-escaped, so markup inside a report shows as text and never runs.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/messages.h"
#include "core/sha256.h"
#include "render/render_support.h"
#include "render/renderer.h"

namespace fazhi {

namespace {

std::string Base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = (unsigned char)bytes[i] << 16;
    if (i + 1 < bytes.size()) v |= (unsigned char)bytes[i + 1] << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// The CSP source for an inline script: 'sha256-<base64 of the digest>'.
std::string ScriptHash(std::string_view script) {
  std::string hex = Sha256Hex(script), raw;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return "'sha256-" + Base64(raw) + "'";
}

constexpr const char* kStyle = R"CSS(
:root{--ink:#1d2939;--muted:#667085;--line:#e4e7ec;--bg:#f5f6f8;--card:#fff;--accent:#1f4e8c;
--crit:#912018;--high:#d92d20;--med:#dc6803;--low:#0e7490;--info:#667085;
--pass:#027a48;--pass-bg:#ecfdf3;--fail:#b42318;--fail-bg:#fef3f2;--part:#b54708;--part-bg:#fffaeb;
--nc:#5925dc;--nc-bg:#f4f3ff;--gray-bg:#f2f4f7}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei",
"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
main{max-width:820px;margin:0 auto;padding:28px 24px 40px}
h1{font-size:24px;line-height:1.35;margin:4px 0 6px}
h2{font-size:18px;margin:30px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
h2 small{font-size:14px;font-weight:normal;color:var(--muted);margin-left:6px}
h3{font-size:16px;margin:0;line-height:1.45}
code{font:12.5px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;color:var(--muted)}
.kicker{color:var(--accent);font-weight:600;letter-spacing:.08em;font-size:13px}
.sub{color:var(--muted);margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
.summary{display:grid;grid-template-columns:150px 1fr;gap:8px 22px;align-items:center}
.gauge{text-align:center}
.gauge svg{width:132px;height:132px;display:block;margin:0 auto}
.gauge .num{font-size:30px;font-weight:700;fill:var(--ink)}
.gauge .den{font-size:11px;fill:var(--muted)}
.gauge p{margin:2px 0 0;color:var(--muted);font-size:13px}
.meta{display:grid;grid-template-columns:5.5em 1fr;gap:2px 10px;margin:0;font-size:14px}
.meta dt{color:var(--muted)}
.meta dd{margin:0;word-break:break-all}
.counts{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 0;padding:0;list-style:none}
.chip{display:inline-block;border-radius:999px;padding:1px 10px;font-size:13px;background:var(--gray-bg);color:var(--muted);white-space:nowrap}
.chip b{font-size:14px;margin-left:4px}.chip.zero{opacity:.5}
.v-pass{background:var(--pass-bg);color:var(--pass)}.v-fail{background:var(--fail-bg);color:var(--fail)}
.v-partial{background:var(--part-bg);color:var(--part)}.v-not_checkable{background:var(--nc-bg);color:var(--nc)}
.alert{border-left:4px solid var(--nc);background:var(--nc-bg);color:#3e1c96;padding:10px 14px;border-radius:6px;margin:14px 0}
.alert.bad{border-color:var(--fail);background:var(--fail-bg);color:var(--fail)}
table.scores{width:100%;border-collapse:collapse;font-size:14px}
.scores td{padding:5px 6px;vertical-align:middle;border-bottom:1px solid var(--line)}
.scores tr.pack td{font-weight:600;border-top:1px solid #d0d5dd}
.scores tr.cat td.name{padding-left:22px;color:#344054}
.scores td.name{width:31%}.scores td.bar{width:22%}
.scores td.num{width:4em;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.scores td.cnt{color:var(--muted);font-size:12.5px;font-weight:normal;line-height:1.45}
.scores .waived{color:var(--nc)}
svg.bar{width:100%;height:12px;display:block}
.track{fill:#eaecf0}.good{fill:#12b76a}.fair{fill:#f79009}.poor{fill:#f04438}.none{fill:#d0d5dd}
.gauge circle{fill:none}.gauge .good{stroke:#12b76a}.gauge .fair{stroke:#f79009}.gauge .poor{stroke:#f04438}.gauge .none{stroke:#d0d5dd}
.note{color:var(--muted);font-size:13px}
.filters{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;font-size:13.5px;background:var(--card);
border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:0 0 14px}
.filters select{font:inherit;padding:1px 4px}
.filters label{white-space:nowrap;cursor:pointer}
.result.gap{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;
padding:14px 18px 10px;margin:0 0 14px;break-inside:avoid}
.gap.sev-critical{border-left-color:var(--crit)}.gap.sev-high{border-left-color:var(--high)}
.gap.sev-medium{border-left-color:var(--med)}.gap.sev-low{border-left-color:var(--low)}
.gap header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 8px;margin-bottom:8px}
.gap header code{margin-left:auto}
.sev{font-size:12px;font-weight:700;color:#fff;border-radius:4px;padding:0 7px;background:var(--info)}
.sev-critical .sev{background:var(--crit)}.sev-high .sev{background:var(--high)}
.sev-medium .sev{background:var(--med)}.sev-low .sev{background:var(--low)}
.badge{font-size:12px;border-radius:4px;padding:0 7px;font-weight:600}
dl.fields{display:grid;grid-template-columns:4.8em 1fr;gap:6px 10px;margin:0}
.fields dt{color:var(--muted);font-size:13.5px;padding-top:1px}
.fields dd{margin:0}
blockquote{margin:0 0 4px;padding:8px 12px;background:#f9fafb;border-left:3px solid #d0d5dd;border-radius:0 6px 6px 0;
font-family:"Songti SC","STSong","SimSun","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:15px}
blockquote .kind{font-family:system-ui,sans-serif;font-size:12px;color:var(--part);margin-right:6px}
mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}
.loc{display:block;color:var(--muted);font-size:12.5px;margin:0 0 8px}
.remedy{color:#0b4a6f}
details{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:12px 0;padding:0 16px}
details>summary{cursor:pointer;padding:10px 0;font-weight:600}
details[open]>summary{border-bottom:1px solid var(--line);margin-bottom:6px}
ul.compact{list-style:none;margin:0;padding:0 0 8px}
ul.compact li{padding:6px 0;border-bottom:1px dashed var(--line)}
ul.compact li:last-child{border-bottom:0}
ul.compact .why{display:block;color:var(--muted);font-size:13.5px}
[data-group].empty::after{content:"（筛选条件下无匹配项）";color:var(--muted);font-size:13px}
footer{margin-top:32px;color:var(--muted);font-size:12.5px;text-align:center}
@media (max-width:640px){.summary{grid-template-columns:1fr}.scores td.cnt{display:none}}
@page{size:A4;margin:14mm 13mm}
@media print{
body{background:#fff;font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0}
.filters{display:none!important}
.card,.result.gap,details{border-color:#d0d5dd}
h2{break-after:avoid}
.result.gap,tr,blockquote{break-inside:avoid}
details>summary{list-style:none}
}
)CSS";

// Filters (shown only when scripts run) and opening collapsed sections for printing. No data inside the script:
// it reads the page's data-* attributes, so its CSP hash is the same for every report.
constexpr const char* kScript = R"JS(
(function(){
var f=document.getElementById('filters');if(!f)return;f.hidden=false;
var items=[].slice.call(document.querySelectorAll('.result'));
var pack=document.getElementById('f-pack');
var boxes=[].slice.call(f.querySelectorAll('input[type=checkbox]'));
function apply(){
var p=pack.value,on={};boxes.forEach(function(b){on[b.value]=b.checked;});
items.forEach(function(it){it.hidden=!((p===''||it.getAttribute('data-pack')===p)&&on[it.getAttribute('data-verdict')]);});
[].forEach.call(document.querySelectorAll('[data-group]'),function(g){
g.classList.toggle('empty',!g.querySelector('.result:not([hidden])'));});
}
pack.addEventListener('change',apply);boxes.forEach(function(b){b.addEventListener('change',apply);});
var shut=[];
window.addEventListener('beforeprint',function(){
shut=[].filter.call(document.querySelectorAll('details'),function(d){return !d.open;});
shut.forEach(function(d){d.open=true;});});
window.addEventListener('afterprint',function(){shut.forEach(function(d){d.open=false;});});
apply();
})();
)JS";

const char* ScoreClass(const std::optional<double>& s) {
  if (!s) return "none";
  if (*s >= 85) return "good";
  if (*s >= 60) return "fair";
  return "poor";
}

std::string SvgBar(const std::optional<double>& score) {
  double w = score ? std::clamp(*score, 0.0, 100.0) : 0.0;
  return fmt::format(
      "<svg class=\"bar\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">"
      "<rect class=\"track\" width=\"100\" height=\"12\"/><rect class=\"{}\" width=\"{:.1f}\" height=\"12\"/></svg>",
      score ? FormatScore(score) + " 分" : "无可计分规则", ScoreClass(score), w);
}

std::string Gauge(const std::optional<double>& score) {
  // A ring: circumference 2πr with r = 52 ≈ 326.73; the filled arc is score% of it.
  constexpr double kCirc = 326.73;
  double frac = score ? std::clamp(*score, 0.0, 100.0) / 100.0 : 0.0;
  return fmt::format(
      "<svg viewBox=\"0 0 132 132\" role=\"img\" aria-label=\"总分 {0}\">"
      "<circle cx=\"66\" cy=\"66\" r=\"52\" fill=\"none\" stroke=\"#eaecf0\" stroke-width=\"12\"/>"
      "<circle class=\"{1}\" cx=\"66\" cy=\"66\" r=\"52\" fill=\"none\" stroke-width=\"12\" stroke-linecap=\"butt\" "
      "stroke-dasharray=\"{2:.2f} {3:.2f}\" transform=\"rotate(-90 66 66)\"/>"
      "<text class=\"num\" x=\"66\" y=\"72\" text-anchor=\"middle\">{0}</text>"
      "<text class=\"den\" x=\"66\" y=\"92\" text-anchor=\"middle\">/ 100</text></svg>",
      FormatScore(score), ScoreClass(score), frac * kCirc, kCirc);
}

// The quote, escaped, with the matched terms in <mark>.
std::string Highlight(const Evidence& e) {
  std::string out;
  std::size_t at = 0;
  for (auto [b, en] : TermRanges(e.quote, e.terms)) {
    out += HtmlEscape(e.quote.substr(at, b - at));
    out += "<mark>" + HtmlEscape(e.quote.substr(b, en - b)) + "</mark>";
    at = en;
  }
  return out + HtmlEscape(e.quote.substr(at));
}

std::string VerdictBadge(Verdict v) {
  return fmt::format("<span class=\"badge v-{}\">{}</span>", VerdictName(v), VerdictLabelZh(v));
}

std::string ResultAttrs(const RuleResult& r) {
  return fmt::format("data-pack=\"{}\" data-verdict=\"{}\"", HtmlEscape(r.rule->pack), VerdictName(r.verdict));
}

void EvidenceBlock(std::string& out, const RuleResult& r) {
  if (r.evidence.empty()) return;  // the message says what is missing
  out += "<dt>证据</dt><dd>";
  for (const auto& e : r.evidence) {
    out += "<blockquote>";
    if (e.kind != EvidenceKind::kSupport)
      out += fmt::format("<span class=\"kind\">［{}］</span>", EvidenceKindLabelZh(e.kind));
    out += Highlight(e) + "</blockquote>";
    std::string where = EvidenceLocation(e);
    if (!where.empty()) out += "<span class=\"loc\">—— " + HtmlEscape(where) + "</span>";
  }
  out += "</dd>\n";
}

void GapArticle(std::string& out, const RuleResult& r) {
  out += fmt::format("<article class=\"result gap sev-{}\" {} id=\"{}\">\n<header><span class=\"sev\">{}</span>{}"
                     "<h3>{}</h3><code>{}</code></header>\n<dl class=\"fields\">\n",
                     SeverityName(r.rule->severity), ResultAttrs(r), HtmlEscape(r.rule->id),
                     SeverityLabelZh(r.rule->severity), VerdictBadge(r.verdict), HtmlEscape(r.rule->title),
                     HtmlEscape(r.rule->id));
  if (!r.rule->cite.empty()) out += "<dt>依据</dt><dd>" + HtmlEscape(r.rule->cite) + "</dd>\n";
  if (!r.message.empty()) out += "<dt>问题</dt><dd>" + HtmlEscape(r.message) + "</dd>\n";
  EvidenceBlock(out, r);
  if (!r.rule->remedy.empty()) out += "<dt>整改建议</dt><dd class=\"remedy\">" + HtmlEscape(r.rule->remedy) + "</dd>\n";
  out += "</dl>\n</article>\n";
}

// A compact list item (passes, not checkable, waived, not applicable).
void CompactItem(std::string& out, const RuleResult& r, const std::string& why) {
  out += fmt::format("<li class=\"result\" {}>{} <strong>{}</strong> <code>{}</code>", ResultAttrs(r),
                     VerdictBadge(r.verdict), HtmlEscape(r.rule->title), HtmlEscape(r.rule->id));
  if (!why.empty()) out += "<span class=\"why\">" + why + "</span>";
  out += "</li>\n";
}

std::string Chip(const char* cls, const char* label, int n) {
  return fmt::format("<li class=\"chip {}{}\">{}<b>{}</b></li>", cls, n == 0 ? " zero" : "", label, n);
}

void ScoreRows(std::string& out, const ScoreSummary& s) {
  out += "<table class=\"scores\">\n";
  for (const auto& p : s.packs) {
    std::string extra = WaiversChangedScore(p)
                            ? fmt::format("<br><span class=\"waived\">豁免前 {}</span>", FormatScore(p.score_unwaived))
                            : "";
    out += fmt::format("<tr class=\"pack\"><td class=\"name\">{} <code>{}</code></td><td class=\"bar\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"cnt\">{}{}</td></tr>\n",
                       HtmlEscape(p.title), HtmlEscape(p.pack), SvgBar(p.score), FormatScore(p.score), CountsZh(p.counts), extra);
    if (!p.score) continue;  // nothing scorable (e.g. a pack for other years): its categories say nothing more
    for (const auto& c : p.categories)
      out += fmt::format("<tr class=\"cat\"><td class=\"name\">{}</td><td class=\"bar\">{}</td><td class=\"num\">{}</td>"
                         "<td class=\"cnt\">{}</td></tr>\n",
                         HtmlEscape(c.name.empty() ? "（未分类）" : c.name), SvgBar(c.score), FormatScore(c.score),
                         CountsZh(c.counts));
  }
  out += "</table>\n";
}

}  // namespace

void RenderHtml(const Report& report, std::ostream& os, const RenderOptions&) {
  const auto& d = report.document;
  const ScoreSummary& s = report.score;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; script-src " + ScriptHash(kScript) + "\">\n";
  out += "<meta name=\"generator\" content=\"fazhi " + HtmlEscape(report.tool_version) + "\">\n";
  out += "<title>核查结果 · " + HtmlEscape(d.title.value_or(DisplayPath(d.path))) + "</title>\n<style>" + kStyle + "</style>\n</head>\n";
  out += "<body>\n<main>\n<header>\n<div class=\"kicker\">法治政府建设年度报告 · 合规核查结果</div>\n";
  out += "<h1>" + HtmlEscape(d.title.value_or(DisplayPath(d.path))) + "</h1>\n";
  std::string sub = OrUnknown(d.issuer);
  if (d.year) sub += fmt::format(" · {} 年度", *d.year);
  if (d.published) sub += " · 发布于 " + *d.published;
  else if (d.signed_on) sub += " · 落款 " + *d.signed_on;
  out += "<p class=\"sub\">" + HtmlEscape(sub) + "</p>\n</header>\n";

  // Summary card.
  out += "<section class=\"card summary\">\n<div class=\"gauge\">" + Gauge(s.total) + "<p>总分";
  if (WaiversChangedScore(s)) out += "（豁免前 " + FormatScore(s.total_unwaived) + "）";
  out += "</p></div>\n<dl class=\"meta\">\n";
  auto meta = [&](const char* k, const std::string& v) { out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", k, HtmlEscape(v)); };
  meta("发布主体", OrUnknown(d.issuer));
  meta("层级", LevelLabelZh(d.level));
  meta("年度", OrUnknown(d.year));
  meta("发布/落款", DatesZh(d));
  meta("文件", DisplayPath(d.path));
  if (!d.sha256.empty()) meta("SHA-256", d.sha256.substr(0, 16) + "…");
  std::string packs;
  for (const auto& rs : report.rulesets) packs += (packs.empty() ? "" : "；") + rs.title + "（" + RulesetVersion(rs) + "）";
  meta("规则包", packs.empty() ? "—" : packs);
  for (const auto& notice : RulesetNotices(report))
    out += "<dt>注意</dt><dd class=\"notice\"><strong>" + HtmlEscape(notice) + "</strong></dd>\n";
  out += "</dl>\n<ul class=\"counts\">";
  out += Chip("v-fail", "不符合", s.counts.fail) + Chip("v-partial", "部分符合", s.counts.partial) +
         Chip("v-not_checkable", "无法判断", s.counts.not_checkable) + Chip("v-pass", "符合", s.counts.pass) +
         Chip("", "不适用", s.counts.not_applicable) + Chip("", "已豁免", s.counts.waived);
  if (s.counts.error) out += Chip("v-fail", "错误", s.counts.error);
  out += "</ul>\n</section>\n";
  if (d.not_checkable) out += "<div class=\"alert bad\"><strong>无法核查：</strong>" + HtmlEscape(d.not_checkable_reason) + "</div>\n";
  if (s.counts.not_checkable > 0)
    out += fmt::format("<div class=\"alert\"><strong>注意：</strong>有 {} 项要求无法从报告文本判断，未计入得分，"
                       "需人工核实（见“无法判断的要求”）。</div>\n", s.counts.not_checkable);

  out += "<section>\n<h2>得分概况</h2>\n";
  ScoreRows(out, s);
  out += "<p class=\"note\">得分为 0–100 的加权得分：符合计 1 分，部分符合按规则包设定计部分分，不符合计 0 分；"
         "不适用、无法判断和已豁免的要求不计入分母。</p>\n</section>\n";

  // Filters: hidden until the inline script runs (without scripts everything is shown).
  std::set<std::string> seen;
  out += "<form id=\"filters\" class=\"filters\" hidden>\n<label>规则包 <select id=\"f-pack\"><option value=\"\">全部</option>";
  for (const auto& r : report.results)
    if (seen.insert(r.rule->pack).second)
      out += fmt::format("<option value=\"{0}\">{0}</option>", HtmlEscape(r.rule->pack));
  out += "</select></label>\n";
  for (Verdict v : {Verdict::kFail, Verdict::kPartial, Verdict::kNotCheckable, Verdict::kWaived, Verdict::kPass,
                    Verdict::kNotApplicable, Verdict::kError})
    out += fmt::format("<label><input type=\"checkbox\" value=\"{}\" checked> {}</label>\n", VerdictName(v),
                       VerdictLabelZh(v));
  out += "</form>\n";

  auto gaps = GapsBySeverity(report);
  out += fmt::format("<section data-group=\"gaps\">\n<h2>问题清单<small>{} 项，按严重程度排列</small></h2>\n", gaps.size());
  if (gaps.empty()) out += "<p>未发现差距。</p>\n";
  for (const RuleResult* r : gaps) GapArticle(out, *r);
  out += "</section>\n";

  auto nc = ResultsWith(report, Verdict::kNotCheckable);
  if (!nc.empty()) {
    out += fmt::format("<section data-group=\"not_checkable\">\n<h2>无法判断的要求<small>{} 项，不计入得分，需人工核实"
                       "</small></h2>\n<ul class=\"compact card\">\n", nc.size());
    for (const RuleResult* r : nc) CompactItem(out, *r, HtmlEscape(r->message));
    out += "</ul>\n</section>\n";
  }
  auto group = [&](Verdict v, const char* heading, bool open, auto why) {
    auto rs = ResultsWith(report, v);
    if (rs.empty()) return;
    out += fmt::format("<details{} data-group=\"{}\"><summary>{}（{} 项）</summary>\n<ul class=\"compact\">\n",
                       open ? " open" : "", VerdictName(v), heading, rs.size());
    for (const RuleResult* r : rs) CompactItem(out, *r, why(*r));
    out += "</ul>\n</details>\n";
  };
  group(Verdict::kWaived, "已豁免的要求", true, [](const RuleResult& r) {
    return "豁免理由：" + HtmlEscape(r.waiver()) + "（豁免前：" + VerdictLabelZh(r.unwaived) + "）";
  });
  group(Verdict::kError, "规则执行错误", true, [](const RuleResult& r) { return HtmlEscape(r.message); });
  group(Verdict::kPass, "符合的要求", false, [](const RuleResult& r) {
    if (r.evidence.empty()) return HtmlEscape(r.message);
    const Evidence& e = r.evidence.front();
    std::string where = EvidenceLocation(e);
    return "“" + Highlight(e) + "”" + (where.empty() ? "" : " —— " + HtmlEscape(where));
  });
  group(Verdict::kNotApplicable, "不适用的要求", false, [](const RuleResult& r) { return HtmlEscape(r.message); });

  if (!report.diagnostics.empty()) {
    out += fmt::format("<details><summary>诊断信息（{} 条）</summary>\n<ul class=\"compact\">\n", report.diagnostics.size());
    for (const auto& dg : report.diagnostics)
      out += fmt::format("<li><code>{} {}</code> {}</li>\n", LevelLabel(dg.level), HtmlEscape(dg.code), HtmlEscape(dg.message));
    out += "</ul>\n</details>\n";
  }
  out += "<footer>由 fazhi " + HtmlEscape(report.tool_version) +
         " 生成 · 自动核查结果仅供参考，结论以人工审核为准</footer>\n</main>\n<script>" + kScript +
         "</script>\n</body>\n</html>\n";
  os << out;
}

}  // namespace fazhi
