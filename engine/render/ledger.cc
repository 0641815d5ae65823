// 整改台账 rows and the formula-injection guard (see ledger.h).
#include "render/ledger.h"

#include <fmt/format.h>

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
    out += "「" + e.quote + "」";
    std::string where = EvidenceLocation(e);
    if (!where.empty()) out += "（" + where + "）";
  }
  if (out.empty() && r.verdict == Verdict::kFail) out = "报告中未找到相关表述";
  return out;
}

std::string ProblemCell(const RuleResult& r) {
  std::string out = fmt::format("【{}·{}】", VerdictLabelZh(r.verdict), SeverityLabelZh(r.severity));
  return out + r.message;
}

}  // namespace

const std::array<LedgerColumn, kLedgerColumns>& LedgerColumns() {
  static const std::array<LedgerColumn, kLedgerColumns> kColumns = {{
      {"序号", 6},
      {"规则编号", 24},
      {"指标/要求", 28},
      {"依据", 30},
      {"问题描述", 40},
      {"证据/位置", 60},
      {"整改建议", 40},
      {"责任单位", 14},
      {"整改时限", 12},
      {"状态", 10},
  }};
  return kColumns;
}

std::vector<LedgerRow> LedgerRows(const Report& report) {
  std::vector<LedgerRow> rows;
  int n = 0;
  for (const RuleResult* r : GapsBySeverity(report)) {
    rows.push_back({std::to_string(++n), r->rule, r->title, r->cite, ProblemCell(*r), EvidenceCell(*r), r->remedy,
                    "", "", "待整改"});
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

std::vector<ResultRow> ResultRows(const Report& report) {
  std::vector<ResultRow> rows;
  for (const auto& r : report.results) {
    std::string waiver = r.verdict == Verdict::kWaived
                             ? fmt::format("{}（豁免前：{}）", r.waiver, VerdictLabelZh(r.unwaived))
                             : std::string();
    rows.push_back({r.rule, r.pack, r.category, r.title, VerdictLabelZh(r.verdict), VerdictName(r.verdict),
                    SeverityLabelZh(r.severity), fmt::format("{:g}", r.weight), r.cite, r.message, EvidenceCell(r),
                    waiver});
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
