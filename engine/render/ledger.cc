// 整改台账 rows and the formula-injection guard (see ledger.h).
#include "render/ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <map>

#include "core/safe_text.h"
#include "render/render_support.h"

namespace fazhi {

namespace {

// "「quote」（〔section〕第 12 行）", one per line; the kind is named when it is not plain support.
std::string EvidenceCell(const RuleResult& r) {
  std::string out;
  for (const auto& e : r.evidence) {
    if (!out.empty()) out += "\n";
    if (e.kind != EvidenceKind::kSupport) out += fmt::format("[{}] ", EvidenceKindLabelZh(e.kind));
    out.append("「").append(e.quote).append("」");
    std::string where = EvidenceLocation(e);
    if (!where.empty()) out += "（" + where + "）";
  }
  if (out.empty() && r.verdict == Verdict::kFail) out = "报告中未找到相关表述";
  return out;
}

// Every source of a requirement: the result's own citation, then those of the rules folded into it.
std::string CiteCell(const RuleResult& r, const std::map<std::string, const RuleResult*>& by_id) {
  std::string out = r.rule->cite;
  for (const auto& id : r.also_cites()) {
    auto it = by_id.find(id);
    std::string cite = it != by_id.end() ? it->second->rule->cite.str() : std::string();
    if (cite.empty() || out.find(cite) != std::string::npos) continue;
    out += "\n" + cite;
  }
  return out;
}

std::string AlsoCell(const RuleResult& r) {
  std::string out;
  for (const auto& id : r.also_cites()) out += (out.empty() ? "" : "\n") + id;
  return out;
}

std::map<std::string, const RuleResult*> ById(const Report& report) {
  std::map<std::string, const RuleResult*> m;
  for (const auto& r : report.results) m.emplace(r.rule->id.str(), &r);
  return m;
}

bool BeginsWithAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.starts_with(w)) return true;
  return false;
}

}  // namespace

std::string LedgerVerdictZh(Verdict v) {
  switch (v) {
    case Verdict::kFail: return "报告未体现";
    case Verdict::kPartial: return "体现不充分";
    case Verdict::kPass: return "已体现";
    default: return VerdictLabelZh(v);
  }
}

std::pair<std::string, std::string> SplitRemedy(const RuleResult& r) {
  std::string work = r.rule->remedy_work, report = r.rule->remedy_report;
  const std::string& remedy = r.rule->remedy.str();
  const std::string title = r.rule->title.str();
  if (work.empty() || report.empty()) {
    std::string derived_work, derived_report;
    // "…，并在报告中写明…": the work, then what to write.
    static constexpr std::string_view kJoins[] = {"，并在报告中", "，在报告中", "；在报告中", "并在报告中"};
    std::size_t cut = std::string::npos, skip = 0;
    for (auto j : kJoins)
      if (auto p = remedy.find(j); p != std::string::npos) {
        cut = p;
        skip = j.size() - std::string_view("在报告中").size();
        break;
      }
    if (cut != std::string::npos) {
      derived_work = remedy.substr(0, cut) + "。";
      derived_report = remedy.substr(cut + skip);
    } else if (remedy.empty() ||
               BeginsWithAny(remedy, {"补充", "写明", "增设", "单列", "列明", "逐项写明", "逐条", "补写", "在报告",
                                      "在“"})) {
      // A remedy about what to write: the work behind it is to be verified first.
      derived_report = remedy.empty() ? "在报告中写明本年度“" + title + "”的具体做法、出台的文件和数据。" : remedy;
      derived_work = r.verdict == Verdict::kPartial
                         ? "核实“" + title + "”的落实情况并补齐佐证材料（文件、数据）；确有欠缺的列入整改计划，明确责任单位和时限。"
                         : "核实本年度是否开展了“" + title +
                               "”：已开展的只需在报告中补写；未开展的列入整改计划，明确责任单位和时限。";
    } else {
      derived_work = remedy;
      derived_report = "在报告中写明本年度“" + title + "”的落实情况（做法、文件、数据）。";
    }
    if (work.empty()) work = derived_work;
    if (report.empty()) report = derived_report;
  }
  return {work, report};
}

const std::array<LedgerColumn, kLedgerColumns>& LedgerColumns() {
  static const std::array<LedgerColumn, kLedgerColumns> kColumns = {{
      {"序号", 6},
      {"规则编号", 22},
      {"同一要求的其他条目", 20},
      {"指标/要求", 28},
      {"依据", 30},
      {"核查结论", 11},
      {"严重程度", 9},
      {"问题描述", 40},
      {"证据/位置", 56},
      {"工作整改", 36},
      {"报告补充", 36},
      {"责任单位", 14},
      {"整改时限", 12},
      {"状态", 10},
      {"复核意见", 24},
      {"复核结论", 16},
  }};
  return kColumns;
}

const std::vector<std::string>& LedgerStatusChoices() {
  static const std::vector<std::string> kChoices = {"待整改", "整改中", "已整改", "申请豁免"};
  return kChoices;
}

const std::vector<std::string>& LedgerReviewChoices() {
  static const std::vector<std::string> kChoices = {"同意", "误判-应为符合", "误判-应为部分符合", "误判-应为不符合",
                                                    "误判-应为不适用"};
  return kChoices;
}

std::vector<LedgerRow> LedgerRows(const Report& report) {
  std::vector<LedgerRow> rows;
  const auto by_id = ById(report);
  int n = 0;
  for (const RuleResult* r : GapsBySeverity(report)) {
    if (!r->same_as().empty()) continue;  // folded into the result that stands for its requirement
    auto [work, supplement] = SplitRemedy(*r);
    rows.push_back({std::to_string(++n), r->rule->id, AlsoCell(*r), r->rule->title, CiteCell(*r, by_id),
                    LedgerVerdictZh(r->verdict), SeverityLabelZh(r->rule->severity), r->message, EvidenceCell(*r), work,
                    supplement, r->rule->owner, "", LedgerStatusChoices().front(), "", ""});
  }
  return rows;
}

const std::array<LedgerColumn, kPassedColumns>& PassedColumns() {
  static const std::array<LedgerColumn, kPassedColumns> kColumns = {{
      {"规则编号", 22},
      {"同一要求的其他条目", 20},
      {"指标/要求", 28},
      {"依据", 30},
      {"核查结论", 10},
      {"证据/位置", 60},
  }};
  return kColumns;
}

std::vector<PassedRow> PassedRows(const Report& report) {
  std::vector<PassedRow> rows;
  const auto by_id = ById(report);
  for (const auto& r : report.results) {
    if (r.verdict != Verdict::kPass || !r.same_as().empty()) continue;
    rows.push_back(
        {r.rule->id, AlsoCell(r), r.rule->title, CiteCell(r, by_id), LedgerVerdictZh(r.verdict), EvidenceCell(r)});
  }
  return rows;
}

const std::array<LedgerColumn, kResultColumns>& ResultColumns() {
  static const std::array<LedgerColumn, kResultColumns> kColumns = {{
      {"规则编号", 24},
      {"规则包", 14},
      {"类别", 16},
      {"指标/要求", 28},
      {"结论", 10},
      {"结论代码", 14},
      {"严重程度", 9},
      {"权重", 6},
      {"依据", 30},
      {"说明", 40},
      {"证据/位置", 60},
      {"豁免理由", 24},
  }};
  return kColumns;
}

bool ProfileListsPack(const Report& report, const std::string& pack) {
  return report.profile_packs.empty() ||
         std::find(report.profile_packs.begin(), report.profile_packs.end(), pack) != report.profile_packs.end();
}

std::vector<ResultRow> ResultRows(const Report& report) {
  std::vector<ResultRow> rows;
  for (const auto& r : report.results) {
    if (!ProfileListsPack(report, r.rule->pack)) continue;
    std::string waiver = r.verdict == Verdict::kWaived
                             ? fmt::format("{}（豁免前：{}）", r.waiver(), VerdictLabelZh(r.unwaived))
                             : std::string();
    rows.push_back({r.rule->id, r.rule->pack, r.rule->category, r.rule->title, VerdictLabelZh(r.verdict),
                    VerdictName(r.verdict), SeverityLabelZh(r.rule->severity), fmt::format("{:g}", r.weight),
                    r.rule->cite, r.message, EvidenceCell(r), waiver});
  }
  return rows;
}

std::string SpreadsheetSafe(std::string_view cell) {
  // Control characters go first, so that one hidden in front of `=` cannot keep the formula guard from seeing it.
  std::string text = StripControlChars(cell);
  if (!text.empty()) {
    char c = text.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t') text.insert(0, 1, '\'');
  }
  return text;
}

void WriteCsvField(std::ostream& out, std::string_view raw) {
  std::string cell = SpreadsheetSafe(raw);
  if (cell.find_first_of(",\"\n\r") == std::string::npos) {
    out << cell;
    return;
  }
  out << '"';
  for (char c : cell) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace fazhi
