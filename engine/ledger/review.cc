#include "ledger/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/text.h"
#include "ledger/import.h"

namespace fazhi {
namespace {

// A header or choice cell compared without blanks (half- and full-width) and dash variants: "复核 结论" = "复核结论",
// "误判—应为符合" = "误判-应为符合".
std::string Key(std::string_view cell) {
  std::string out;
  for (std::size_t i = 0; i < cell.size();) {
    static const std::string_view kDrop[] = {" ", "\t", "\r", "\n", "\xE3\x80\x80" /* 　 */, "-", "\xE2\x80\x94" /* — */,
                                             "\xE2\x80\x93" /* – */, "\xEF\xBC\x8D" /* － */, "\xEF\xBC\x8C" /* ， */,
                                             ",", "\xEF\xBC\x9A" /* ： */, ":"};
    bool dropped = false;
    for (std::string_view d : kDrop)
      if (cell.substr(i, d.size()) == d) {
        i += d.size();
        dropped = true;
        break;
      }
    if (!dropped) out += cell[i++];
  }
  return out;
}

std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

// The first quote of an evidence cell ("「…」（第 3 行）"), else "".
std::string FirstQuote(std::string_view evidence) {
  const std::string_view open = "\xE3\x80\x8C", close = "\xE3\x80\x8D";  // 「 」
  const std::size_t a = evidence.find(open);
  if (a == std::string_view::npos) return "";
  const std::size_t b = evidence.find(close, a + open.size());
  if (b == std::string_view::npos) return "";
  return std::string(evidence.substr(a + open.size(), b - a - open.size()));
}

// The 台账's own wording (render/ledger.h LedgerVerdictZh), then whatever an `expect` may say (ParseExpectedVerdict:
// the JSON names and 符合, 部分符合, 不符合, 不适用, 无法判断).
std::optional<Verdict> LedgerVerdict(const std::string& text) {
  const std::string k = Key(text);
  if (k == "报告未体现") return Verdict::kFail;
  if (k == "体现不充分") return Verdict::kPartial;
  if (k == "已体现") return Verdict::kPass;
  return ParseExpectedVerdict(k);
}

const char* const kColRule = "规则编号";
const char* const kColAlso = "同一要求的其他条目";
const char* const kColRequirement = "指标/要求";
const char* const kColVerdict = "核查结论";
const char* const kColEvidence = "证据/位置";
const char* const kColOwner = "责任单位";
const char* const kColDeadline = "整改时限";
const char* const kColStatus = "状态";
const char* const kColNote = "复核意见";
const char* const kColReview = "复核结论";

bool HasColumn(const std::vector<std::string>& row, const char* name) {
  return std::any_of(row.begin(), row.end(), [&](const std::string& c) { return Key(c) == Key(name); });
}

// The row holding 规则编号 among the first rows (a title row may come first).
int FindHeader(const LedgerTable& t) {
  for (std::size_t i = 0; i < t.rows.size() && i < 10; ++i)
    if (HasColumn(t.rows[i], kColRule)) return static_cast<int>(i);
  return -1;
}

LedgerTable ReadLedgerSheet(const std::string& path) {
  const bool xlsx = std::filesystem::path(path).extension() == ".xlsx";
  if (!xlsx) return ReadLedgerTable(path);
  try {
    return ReadLedgerTable(path, {}, "整改台账");
  } catch (const InputError& e) {
    if (e.code() != "E-ledger-sheet") throw;
  }
  return ReadLedgerTable(path);  // a 台账 saved with one sheet, or renamed: the first sheet, if it has the columns
}

std::map<std::string, std::string> ReadCover(const std::string& path) {
  std::map<std::string, std::string> cover;
  if (std::filesystem::path(path).extension() != ".xlsx") return cover;
  try {
    const LedgerTable t = ReadLedgerTable(path, {}, "封面");
    for (const auto& row : t.rows)
      if (row.size() >= 2 && !row[0].empty()) cover[Key(row[0])] = row[1];
  } catch (const InputError& e) {
    if (e.code() != "E-ledger-sheet" && e.code() != "E-ledger-empty") throw;
  }
  return cover;
}

std::string Quoted(std::string_view s) { return YamlScalar(s); }

}  // namespace

std::optional<Verdict> ReviewedVerdict(const std::string& review, const std::string& ledger_verdict) {
  const std::string k = Key(review);
  if (k.empty()) return std::nullopt;
  if (k == "同意") return LedgerVerdict(ledger_verdict);
  const std::string prefix = "误判应为";
  if (k.rfind(prefix, 0) == 0) return LedgerVerdict(k.substr(prefix.size()));
  return std::nullopt;
}

ReviewImport ImportReview(const std::string& path, const ReviewOptions& opts) {
  ReviewImport out;
  out.path = path;
  const LedgerTable table = ReadLedgerSheet(path);
  out.sheet = table.sheet;
  const auto cover = ReadCover(path);
  if (auto it = cover.find("发布主体"); it != cover.end() && it->second.find("未识别") == std::string::npos)
    out.issuer = it->second;
  if (auto it = cover.find("文件"); it != cover.end()) out.report_file = it->second;
  if (auto it = cover.find("年度"); it != cover.end()) {
    const std::string y = it->second.substr(0, 4);
    if (y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out.year = std::stoi(y);
  }

  const int header_index = FindHeader(table);
  const auto& header = header_index >= 0 ? table.rows[header_index] : table.rows.front();
  std::string found;
  for (const auto& c : header) found += (found.empty() ? "" : "、") + c;
  if (header_index < 0)
    throw DiagnosticError(
        MakeDiagnostic(table.sheet.empty() ? "E-ledger-columns.no-rule-csv" : "E-ledger-columns.no-rule",
                       {kColRule, found, table.sheet}, path));
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col.emplace(Key(header[i]), i);
  const auto index = [&](const char* name) -> std::optional<std::size_t> {
    auto it = col.find(Key(name));
    return it == col.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  if (!index(kColStatus) && !index(kColReview))
    throw DiagnosticError(MakeDiagnostic("E-ledger-columns.no-status", {kColStatus, kColReview, found}, path));
  const auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    const auto i = index(name);
    return i && *i < row.size() ? row[*i] : std::string();
  };

  for (std::size_t i = static_cast<std::size_t>(header_index) + 1; i < table.rows.size(); ++i) {
    const auto& cells = table.rows[i];
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) continue;
    ReviewedRow row;
    row.row = table.row_numbers[i];
    const std::string rule = cell(cells, kColRule);
    row.requirement = cell(cells, kColRequirement);
    row.verdict = cell(cells, kColVerdict);
    row.evidence = cell(cells, kColEvidence);
    row.owner = cell(cells, kColOwner);
    row.deadline = cell(cells, kColDeadline);
    row.status = cell(cells, kColStatus);
    row.review_note = cell(cells, kColNote);
    row.review = cell(cells, kColReview);
    const std::string where = std::to_string(row.row);
    if (rule.empty()) {
      out.errors.push_back(Msg("review.row-no-rule", {where, kColRule}));
      continue;
    }
    row.rules.push_back(rule);
    const std::string also = cell(cells, kColAlso);  // owned: the view below walks it
    for (std::string_view rest = also; !rest.empty();) {
      const std::size_t nl = rest.find_first_of("\n,，、;； ");
      const std::string id(rest.substr(0, nl));
      if (!id.empty()) row.rules.push_back(id);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    }
    bool row_ok = true;
    if (!opts.known_rules.empty())
      for (const std::string& id : row.rules)
        if (!opts.known_rules.count(id)) {
          std::vector<std::string> known(opts.known_rules.begin(), opts.known_rules.end());
          const std::string near = ClosestMatch(id, known);
          out.errors.push_back(near.empty() ? Msg("review.row-unknown-rule", {where, id})
                                            : Msg("review.row-unknown-rule-near", {where, id, near}));
          row_ok = false;
        }
    if (!row_ok) continue;

    const std::string status = Key(row.status);
    const bool waive = status == "申请豁免";
    if (!status.empty() && !waive && status != "待整改" && status != "整改中" && status != "已整改")
      out.notes.push_back(Msg("review.row-bad-status", {where, row.status}));
    const std::optional<Verdict> gold = ReviewedVerdict(row.review, row.verdict);
    const bool misjudged = Key(row.review).rfind("误判", 0) == 0;
    if (!Key(row.review).empty() && !gold)
      out.errors.push_back(Key(row.review) == "同意" ? Msg("review.row-bad-verdict", {where, row.verdict})
                                                      : Msg("review.row-bad-review", {where, row.review}));
    if (waive && Key(row.review_note).empty() && !opts.rows_only) {
      out.errors.push_back(Msg("review.row-no-reason", {where}));
      continue;
    }
    if (waive) ++out.waived;
    else if (misjudged && gold) ++out.misjudged;
    else if (gold) ++out.agreed;
    else ++out.other;
    out.rows.push_back(std::move(row));
  }
  if (out.waived && opts.approver.empty() && !opts.rows_only)
    out.errors.push_back(Msg("review.no-approver", {std::to_string(out.waived)}));
  if (!out.errors.empty()) return out;

  // The files.
  const std::string source = std::filesystem::path(path).filename().string();
  std::string& w = out.waivers_yaml;
  w = fmt::format("# 由 fazhi review import 从 {} 生成（{}）：台账中状态为“申请豁免”的行。用法：fazhi check --waivers 本文件 …\n",
                  source, opts.today.ToString());
  w += out.waived ? "waivers:\n" : "waivers: []\n";
  std::string& ex = out.examples_yaml;
  ex = fmt::format("# 由 fazhi review import 从 {} 生成：复核结论为“误判”的行，各一个规则例子草稿。\n"
                   "# 把例子粘贴到对应规则的 examples: 下，运行 fazhi rules test 确认规则改好后通过。\n",
                   source);
  std::string& l = out.labels_tsv;
  const std::string report = !opts.report.empty() ? opts.report : out.report_file;
  l = "# report: " + (report.empty() ? "（请填写报告文件的路径）" : report) + "\n";
  l += "# from: " + source + "（fazhi review import：复核结论为同意或误判的行）\n";
  l += "rule\tverdict\tevidence\tnote\n";
  std::string& t = out.rows_tsv;
  t = "行号\t规则编号\t同一要求的其他条目\t责任单位\t整改时限\t状态\t复核意见\t复核结论\n";
  for (const ReviewedRow& r : out.rows) {
    std::string also;
    for (std::size_t k = 1; k < r.rules.size(); ++k) also += (also.empty() ? "" : " ") + r.rules[k];
    t += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", r.row, r.rules.front(), also, OneLine(r.owner),
                     OneLine(r.deadline), OneLine(r.status), OneLine(r.review_note), OneLine(r.review));
    if (Key(r.status) == "申请豁免") {
      for (const std::string& id : r.rules) {
        w += fmt::format("  - rule: {}   # 台账第 {} 行\n    reason: {}\n    approver: {}\n    date: {}\n", id, r.row,
                         Quoted(OneLine(r.review_note)), Quoted(opts.approver), opts.today.ToString());
        if (opts.expires) w += "    expires: " + opts.expires->ToString() + "\n";
        if (!out.issuer.empty()) w += "    issuer: " + Quoted(out.issuer) + "\n";
        if (out.year) w += fmt::format("    years: {}\n", *out.year);
      }
    }
    const std::optional<Verdict> gold = ReviewedVerdict(r.review, r.verdict);
    if (!gold) continue;
    const std::string quote = FirstQuote(r.evidence);
    const std::string note = Key(r.review_note).empty() ? "台账复核：" + OneLine(r.review) : OneLine(r.review_note);
    l += fmt::format("{}\t{}\t{}\t{}\n", r.rules.front(), VerdictName(*gold), quote.empty() ? "-" : OneLine(quote),
                     note);
    if (Key(r.review).rfind("误判", 0) != 0) continue;
    if (quote.empty()) {
      out.notes.push_back(Msg("review.row-no-quote", {std::to_string(r.row), r.rules.front()}));
      continue;
    }
    ex += fmt::format("\n# 台账第 {} 行，{}：fazhi 判为“{}”，复核结论“{}”。{}\n- text: {}\n  expect: {}\n", r.row,
                      r.rules.front(), OneLine(r.verdict), OneLine(r.review), OneLine(r.review_note),
                      Quoted(OneLine(quote)), VerdictName(*gold));
  }
  return out;
}

}  // namespace fazhi
