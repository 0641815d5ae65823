// Renderers of a DiffReport: text (terminal), md, html (self-contained, escaped, no script) and json
// (schema fazhi.diff/1, fixed key order). Like the check renderers they see only the DiffReport.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "diff/diff.h"
#include "render/render_support.h"

namespace fazhi {

namespace {

std::string Score(const std::optional<double>& s) {
  if (!s) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *s);
  return buf;
}

std::string Number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string Delta(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return "";
  double d = std::round((*b - *a) * 10) / 10;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", d);
  return d == 0 ? "±0" : buf;
}

std::string Name(const DocumentInfo& d) {
  std::string s = d.issuer.value_or("");
  if (d.year) s += (s.empty() ? "" : " ") + std::to_string(*d.year) + "年度";
  return s.empty() ? DisplayPath(d.path) : s + "（" + DisplayPath(d.path) + "）";
}

std::string VerdictPair(const VerdictChange& c) {
  if (c.only_old) return std::string(VerdictLabelZh(c.old_verdict)) + " → （未适用）";
  if (c.only_new) return std::string("（未适用） → ") + VerdictLabelZh(c.new_verdict);
  return std::string(VerdictLabelZh(c.old_verdict)) + " → " + VerdictLabelZh(c.new_verdict);
}

std::string Where(const DiffQuote& q) {
  std::string s = q.section.empty() ? "" : "〔" + q.section + "〕";
  return s + "第 " + std::to_string(q.line) + " 行";
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// "103宗 → 53宗（−50）", "81.25% → 90%（+8.75）", "14件（持平）".
std::string MetricValues(const MetricChange& m) {
  if (!m.Changed()) return Number(m.old_value) + m.unit + "（持平）";
  double d = m.new_value - m.old_value;
  return Number(m.old_value) + m.unit + " → " + Number(m.new_value) + m.new_unit + "（" + (d > 0 ? "+" : "−") +
         Number(std::fabs(d)) + "）";
}

int ChangedMetrics(const DiffReport& d) {
  int n = 0;
  for (const auto& m : d.metrics) n += m.Changed();
  return n;
}

constexpr const char* kForcedTail = "。以下对比是按 --force 强制进行的，结论仅供参考。";
constexpr std::size_t kTextParagraphs = 40;  // the terminal lists this many deleted/added paragraphs, the files all

struct Counts {
  int done = 0, mentioned = 0, no_trace = 0;
};
Counts CountPromises(const DiffReport& d) {
  Counts c;
  for (const auto& p : d.promises) {
    if (p.status == Followup::kDone) ++c.done;
    if (p.status == Followup::kMentioned) ++c.mentioned;
    if (p.status == Followup::kNoTrace) ++c.no_trace;
  }
  return c;
}

std::string PromiseCounts(const DiffReport& d, const Counts& c) {
  if (!d.followup_note.empty()) return "不作判断：" + d.followup_note;
  return "已落实 " + std::to_string(c.done) + " · 仅提及 " + std::to_string(c.mentioned) + " · 未见 " +
         std::to_string(c.no_trace);
}

void RenderText(const DiffReport& d, std::ostream& out) {
  out << "年度对比\n  旧：" << Name(d.old_doc) << "\n  新：" << Name(d.new_doc) << "\n";
  if (!d.forced.empty()) out << "\n!! 强制对比：" << d.forced << kForcedTail << "\n";
  out << "\n得分\n";
  for (const auto& s : d.scores)
    out << "  " << (s.pack.empty() ? "总分" : s.pack) << "  " << Score(s.old_score) << " → " << Score(s.new_score)
        << "  " << Delta(s.old_score, s.new_score) << "\n";
  out << "\n结论变化（" << d.changes.size() << " 条规则变化，" << d.unchanged << " 条未变）\n";
  for (const auto& c : d.changes) out << "  " << c.rule << "  " << VerdictPair(c) << "  " << c.title << "\n";
  out << "\n指标（两份报告都有的 " << d.metrics.size() << " 项，" << ChangedMetrics(d) << " 项有变化）\n";
  for (const auto& m : d.metrics)
    out << "  " << m.key << "  " << MetricValues(m) << "\n    旧 第 " << m.old_quote.line << " 行：" << m.old_quote.text
        << "\n    新 第 " << m.new_quote.line << " 行：" << m.new_quote.text << "\n";
  for (auto [label, list] : {std::pair{"删除的段落（旧报告有、新报告没有）", &d.deleted},
                             std::pair{"新增的段落（新报告有、旧报告没有）", &d.added}}) {
    out << "\n" << label << "：" << list->size() << " 段\n";
    for (std::size_t i = 0; i < list->size() && i < kTextParagraphs; ++i)
      out << "  " << Where((*list)[i]) << "  " << (*list)[i].text << "\n";
    if (list->size() > kTextParagraphs)
      out << "  ……另有 " << list->size() - kTextParagraphs << " 段（-f md/html/json 列出全部）\n";
  }
  Counts c = CountPromises(d);
  out << "\n上年度“下一步工作安排”落实情况（" << d.promises.size() << " 项：" << PromiseCounts(d, c) << "）\n";
  for (const auto& p : d.promises) {
    out << "  " << p.index << ". [" << FollowupLabelZh(p.status) << "] " << p.promise.text << "\n     旧 "
        << Where(p.promise) << "\n";
    if (p.evidence)
      out << "     新：" << p.evidence->text << "\n     新 " << Where(*p.evidence) << "；共同关键词："
          << Join(p.shared_terms, "、") << "\n";
    else if (p.status == Followup::kNoTrace)
      out << "     关键词：" << Join(p.key_terms, "、") << "\n";
  }
}

void RenderMarkdown(const DiffReport& d, std::ostream& out) {
  auto cell = [](std::string s) {
    std::string o;
    for (char ch : s) {
      if (ch == '|') o += "\\|";
      else if (ch == '\n') o += ' ';
      else o += ch;
    }
    return o;
  };
  out << "# 年度对比\n\n- 旧：" << cell(Name(d.old_doc)) << "\n- 新：" << cell(Name(d.new_doc)) << "\n";
  if (!d.forced.empty()) out << "\n> **强制对比**：" << cell(d.forced) << kForcedTail << "\n";
  out << "\n## 得分\n\n"
      << "| 规则包 | 旧 | 新 | 变化 |\n|---|---:|---:|---:|\n";
  for (const auto& s : d.scores)
    out << "| " << cell(s.pack.empty() ? "总分" : s.pack) << " | " << Score(s.old_score) << " | "
        << Score(s.new_score) << " | " << Delta(s.old_score, s.new_score) << " |\n";
  out << "\n## 结论变化\n\n" << d.changes.size() << " 条规则结论变化，" << d.unchanged << " 条未变。\n\n";
  if (!d.changes.empty()) {
    out << "| 规则 | 要求 | 变化 |\n|---|---|---|\n";
    for (const auto& c : d.changes)
      out << "| " << cell(c.rule) << " | " << cell(c.title) << " | " << VerdictPair(c) << " |\n";
  }
  out << "\n## 指标\n\n两份报告都有的 " << d.metrics.size() << " 项，" << ChangedMetrics(d) << " 项有变化。\n\n";
  for (const auto& m : d.metrics)
    out << "- **" << cell(m.key) << "**：" << MetricValues(m) << "\n  - 旧（第 " << m.old_quote.line << " 行）："
        << cell(m.old_quote.text) << "\n  - 新（第 " << m.new_quote.line << " 行）：" << cell(m.new_quote.text) << "\n";
  for (auto [label, list] : {std::pair{"删除的段落（旧报告有、新报告没有）", &d.deleted},
                             std::pair{"新增的段落（新报告有、旧报告没有）", &d.added}}) {
    out << "\n## " << label << "\n\n" << list->size() << " 段。\n\n";
    for (const auto& q : *list) out << "- " << cell(Where(q)) << "：" << cell(q.text) << "\n";
  }
  Counts c = CountPromises(d);
  out << "\n## 上年度“下一步工作安排”落实情况\n\n" << d.promises.size() << " 项：" << cell(PromiseCounts(d, c)) << "\n\n";
  for (const auto& p : d.promises) {
    out << p.index << ". **" << FollowupLabelZh(p.status) << "** — " << cell(p.promise.text) << "（旧 "
        << cell(Where(p.promise)) << "）\n";
    if (p.evidence)
      out << "   - 新：" << cell(p.evidence->text) << "（" << cell(Where(*p.evidence)) << "；共同关键词："
          << cell(Join(p.shared_terms, "、")) << "）\n";
    else if (p.status == Followup::kNoTrace)
      out << "   - 新报告工作部分未见共同关键词（" << cell(Join(p.key_terms, "、")) << "）\n";
  }
}

void RenderHtml(const DiffReport& d, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>年度对比</title><style>"
         "body{margin:0;background:#f5f6f8;color:#1d2939;font:15px/1.7 \"PingFang SC\",\"Microsoft YaHei\","
         "\"Noto Sans CJK SC\",sans-serif}main{max-width:900px;margin:0 auto;padding:24px}"
         "h1{font-size:22px}h2{font-size:17px;border-bottom:2px solid #1d2939;margin-top:28px}"
         "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e4e7ec;padding:4px 8px;"
         "text-align:left;vertical-align:top}td.n{text-align:right}.q{color:#475467;font-size:14px}"
         ".done{color:#027a48}.mentioned{color:#b54708}.no_trace{color:#b42318;font-weight:600}.not_judged{color:#475467}"
         ".banner{background:#fef3f2;border:1px solid #fda29b;padding:8px 12px;font-weight:600}"
         "main{overflow-wrap:anywhere}table{table-layout:fixed}"
         "li{margin-bottom:10px}</style></head><body><main>\n";
  out << "<h1>年度对比</h1><p>旧：" << HtmlEscape(Name(d.old_doc)) << "<br>新：" << HtmlEscape(Name(d.new_doc)) << "</p>\n";
  if (!d.forced.empty())
    out << "<p class=\"banner\">强制对比：" << HtmlEscape(d.forced) << kForcedTail << "</p>\n";
  out << "<h2>得分</h2><table><tr><th>规则包</th><th>旧</th><th>新</th><th>变化</th></tr>\n";
  for (const auto& s : d.scores)
    out << "<tr><td>" << HtmlEscape(s.pack.empty() ? "总分" : s.pack) << "</td><td class=\"n\">" << Score(s.old_score)
        << "</td><td class=\"n\">" << Score(s.new_score) << "</td><td class=\"n\">" << Delta(s.old_score, s.new_score)
        << "</td></tr>\n";
  out << "</table>\n<h2>结论变化</h2><p>" << d.changes.size() << " 条规则结论变化，" << d.unchanged << " 条未变。</p>\n";
  if (!d.changes.empty()) {
    out << "<table><tr><th>规则</th><th>要求</th><th>变化</th></tr>\n";
    for (const auto& c : d.changes)
      out << "<tr><td>" << HtmlEscape(c.rule) << "</td><td>" << HtmlEscape(c.title) << "</td><td>" << HtmlEscape(VerdictPair(c))
          << "</td></tr>\n";
    out << "</table>\n";
  }
  out << "<h2>指标</h2><p>两份报告都有的 " << d.metrics.size() << " 项，" << ChangedMetrics(d) << " 项有变化。</p>\n<ul>\n";
  for (const auto& m : d.metrics)
    out << "<li><b>" << HtmlEscape(m.key) << "</b>：" << HtmlEscape(MetricValues(m)) << "<div class=\"q\">旧（第 "
        << m.old_quote.line << " 行）：" << HtmlEscape(m.old_quote.text) << "</div><div class=\"q\">新（第 "
        << m.new_quote.line << " 行）：" << HtmlEscape(m.new_quote.text) << "</div></li>\n";
  out << "</ul>\n";
  for (auto [label, list] : {std::pair{"删除的段落（旧报告有、新报告没有）", &d.deleted},
                             std::pair{"新增的段落（新报告有、旧报告没有）", &d.added}}) {
    out << "<h2>" << label << "</h2><p>" << list->size() << " 段。</p>\n<ul>\n";
    for (const auto& q : *list)
      out << "<li><span class=\"q\">" << HtmlEscape(Where(q)) << "</span> " << HtmlEscape(q.text) << "</li>\n";
    out << "</ul>\n";
  }
  Counts c = CountPromises(d);
  out << "<h2>上年度“下一步工作安排”落实情况</h2><p>" << d.promises.size() << " 项：" << HtmlEscape(PromiseCounts(d, c))
      << "</p>\n<ol>\n";
  for (const auto& p : d.promises) {
    out << "<li><span class=\"" << FollowupName(p.status) << "\">" << FollowupLabelZh(p.status) << "</span> "
        << HtmlEscape(p.promise.text) << " <span class=\"q\">（旧 " << HtmlEscape(Where(p.promise)) << "）</span>";
    if (p.evidence)
      out << "<div class=\"q\">新：" << HtmlEscape(p.evidence->text) << "（" << HtmlEscape(Where(*p.evidence)) << "；共同关键词："
          << HtmlEscape(Join(p.shared_terms, "、")) << "）</div>";
    else if (p.status == Followup::kNoTrace)
      out << "<div class=\"q\">新报告工作部分未见共同关键词（" << HtmlEscape(Join(p.key_terms, "、")) << "）</div>";
    out << "</li>\n";
  }
  out << "</ol>\n</main></body></html>\n";
}

nlohmann::ordered_json Doc(const DocumentInfo& d) {
  nlohmann::ordered_json j;
  j["path"] = d.path;
  j["title"] = d.title ? nlohmann::ordered_json(*d.title) : nlohmann::ordered_json(nullptr);
  j["issuer"] = d.issuer ? nlohmann::ordered_json(*d.issuer) : nlohmann::ordered_json(nullptr);
  j["year"] = d.year ? nlohmann::ordered_json(*d.year) : nlohmann::ordered_json(nullptr);
  j["sha256"] = d.sha256;
  return j;
}

nlohmann::ordered_json Quote(const DiffQuote& q) {
  nlohmann::ordered_json j;
  j["text"] = q.text;
  j["section"] = q.section;
  j["line"] = q.line;
  return j;
}

nlohmann::ordered_json ScoreJson(const std::optional<double>& s) {
  if (!s) return nullptr;
  return std::round(*s * 10) / 10;
}

void RenderJson(const DiffReport& d, std::ostream& out) {
  nlohmann::ordered_json j;
  j["schema"] = "fazhi.diff/1";
  j["tool"] = {{"name", "fazhi"}, {"version", d.tool_version}};
  j["old"] = Doc(d.old_doc);
  j["new"] = Doc(d.new_doc);
  j["forced"] = d.forced.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.forced);
  j["scores"] = nlohmann::ordered_json::array();
  for (const auto& s : d.scores) {
    nlohmann::ordered_json e;
    e["pack"] = s.pack.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.pack);
    e["old"] = ScoreJson(s.old_score);
    e["new"] = ScoreJson(s.new_score);
    j["scores"].push_back(e);
  }
  j["verdict_changes"] = nlohmann::ordered_json::array();
  for (const auto& c : d.changes) {
    nlohmann::ordered_json e;
    e["rule"] = c.rule;
    e["title"] = c.title;
    e["old"] = c.only_new ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(VerdictName(c.old_verdict));
    e["new"] = c.only_old ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(VerdictName(c.new_verdict));
    j["verdict_changes"].push_back(e);
  }
  j["unchanged"] = d.unchanged;
  j["metrics"] = nlohmann::ordered_json::array();
  for (const auto& m : d.metrics) {
    nlohmann::ordered_json e;
    e["key"] = m.key;
    e["unit"] = m.unit;
    e["new_unit"] = m.new_unit;
    e["old"] = m.old_value;
    e["new"] = m.new_value;
    e["changed"] = m.Changed();
    e["old_quote"] = Quote(m.old_quote);
    e["new_quote"] = Quote(m.new_quote);
    j["metrics"].push_back(e);
  }
  for (auto [key, list] : {std::pair{"deleted_paragraphs", &d.deleted}, std::pair{"added_paragraphs", &d.added}}) {
    j[key] = nlohmann::ordered_json::array();
    for (const auto& q : *list) j[key].push_back(Quote(q));
  }
  j["followup_note"] = d.followup_note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.followup_note);
  j["promises"] = nlohmann::ordered_json::array();
  for (const auto& p : d.promises) {
    nlohmann::ordered_json e;
    e["index"] = p.index;
    e["status"] = FollowupName(p.status);
    e["promise"] = Quote(p.promise);
    e["evidence"] = p.evidence ? Quote(*p.evidence) : nlohmann::ordered_json(nullptr);
    e["key_terms"] = p.key_terms;
    e["shared_terms"] = p.shared_terms;
    j["promises"].push_back(e);
  }
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

const std::vector<DiffRendererEntry>& DiffRenderers() {
  static const std::vector<DiffRendererEntry> kRenderers = {
      {"text", "txt", RenderText},
      {"json", "json", RenderJson},
      {"md", "md", RenderMarkdown},
      {"html", "html", RenderHtml},
  };
  return kRenderers;
}

const DiffRendererEntry* FindDiffRenderer(const std::string& name) {
  for (const auto& r : DiffRenderers())
    if (name == r.name) return &r;
  return nullptr;
}

}  // namespace fazhi
