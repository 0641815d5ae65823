// 整改销号 (see track.h).
#include "track/track.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/diagnostic_error.h"
#include "diff/diff.h"

namespace fazhi {

namespace {

// Blanks (half- and full-width) dropped, as the reader compares cells.
std::string Squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
      ++i;
      continue;
    }
    if (s.substr(i, 3) == "\xE3\x80\x80") {  // 　
      i += 3;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// The 台账's verdict words, as render/ledger.h writes them (LedgerVerdictZh), then the verdict names.
std::optional<Verdict> LastVerdict(const std::string& text) {
  const std::string k = Squeeze(text);
  if (k == "报告未体现") return Verdict::kFail;
  if (k == "体现不充分") return Verdict::kPartial;
  if (k == "已体现") return Verdict::kPass;
  return ParseExpectedVerdict(k);
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 → the civil date (H. Hinnant's algorithm).
Date FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const long y = yoe + era * 400 + (m <= 2);
  return Date{static_cast<int>(y), m, d};
}

// Leading ASCII digits of `s` from `i` (advancing it); -1 when none.
int Digits(std::string_view s, std::size_t& i) {
  int v = 0, n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 6) v = v * 10 + (s[i++] - '0'), ++n;
  return n ? v : -1;
}

bool Eat(std::string_view s, std::size_t& i, std::string_view w) {
  if (s.substr(i, w.size()) != w) return false;
  i += w.size();
  return true;
}

// The first quote that supports this year's verdict. The checks decide what supports a rule: a sentence of the plan
// part or a hedged one (拟, 将, 力争) is marked promise_only (evaluate/check_support.cc) for every rule asking for
// work done; for a rule asking for the plan itself (report/next-year-plan) the plan is the support.
const Evidence* ConcreteQuote(const RuleResult& r) {
  for (const Evidence& e : r.evidence)
    if (e.kind == EvidenceKind::kSupport) return &e;
  return nullptr;
}

const Evidence* PromiseQuote(const RuleResult& r) {
  for (const Evidence& e : r.evidence)
    if (e.kind == EvidenceKind::kPromiseOnly) return &e;
  return nullptr;
}

std::string Quote(const Evidence& e) {
  std::string where;
  if (!e.section.empty()) where.append("〔").append(e.section).append("〕");
  if (e.page > 0) where += fmt::format("第 {} 页", e.page);
  if (e.line > 0) where += fmt::format("{}第 {} 行", e.page > 0 ? "、" : "", e.line);
  return "「" + std::string(e.quote) + "」" + (where.empty() ? "" : "（" + where + "）");
}

}  // namespace

const char* TrackStatusName(TrackStatus s) {
  switch (s) {
    case TrackStatus::kDone: return "done";
    case TrackStatus::kPartly: return "partly";
    case TrackStatus::kNotDone: return "not_done";
    case TrackStatus::kUnknown: break;
  }
  return "unknown";
}

const char* TrackStatusLabelZh(TrackStatus s) {
  switch (s) {
    case TrackStatus::kDone: return "已整改";
    case TrackStatus::kPartly: return "部分整改";
    case TrackStatus::kNotDone: return "未整改";
    case TrackStatus::kUnknown: break;
  }
  return "无法判断";
}

std::optional<Date> ParseDeadline(std::string_view raw) {
  const std::string s = Squeeze(raw);
  if (s.empty()) return std::nullopt;
  if (auto d = ParseIsoDate(s)) return d;
  std::size_t i = 0;
  // An Excel date serial (a cell typed as a date; openpyxl and WPS store the number): days since 1899-12-30.
  if (s.find_first_not_of("0123456789.") == std::string::npos) {
    const int serial = Digits(s, i);
    if (serial >= 20000 && serial <= 80000 && (i == s.size() || s[i] == '.'))
      return FromDays(static_cast<long>(serial) - 25569);
    return std::nullopt;
  }
  i = 0;
  const int y = Digits(s, i);
  if (y < 1990 || y > 2200 || !Eat(s, i, "年")) return std::nullopt;
  if (i == s.size()) return Date{y, 12, 31};
  for (std::string_view end : {"底", "末", "年底", "年末", "底前", "年底前"})
    if (s.substr(i) == end) return Date{y, 12, 31};
  const int m = Digits(s, i);
  if (m < 1 || m > 12 || !Eat(s, i, "月")) return std::nullopt;
  Eat(s, i, "份");
  for (std::string_view end : {"", "底", "末", "底前", "末前"})  // "6月前" (before June?) is left to the reader
    if (s.substr(i) == end) return Date{y, m, DaysInMonth(y, m)};
  const int d = Digits(s, i);
  if (d < 1 || !(Eat(s, i, "日") || Eat(s, i, "号")) || !IsValidDate(y, m, d)) return std::nullopt;
  Eat(s, i, "前");
  if (i != s.size()) return std::nullopt;
  return Date{y, m, d};
}

TrackStatus TrackStatusOf(const RuleResult& r, std::optional<Verdict> last, std::string& basis) {
  basis.clear();
  switch (r.verdict) {
    case Verdict::kPass: {
      if (const Evidence* e = ConcreteQuote(r)) {
        basis = Quote(*e);
        return TrackStatus::kDone;
      }
      if (const Evidence* e = PromiseQuote(r)) {
        basis = "本年报告只作为计划或承诺提及，不算已整改：" + Quote(*e);
        return TrackStatus::kNotDone;
      }
      basis = "本年判为符合，但没有可以引用的原文，需人工核实";
      return TrackStatus::kUnknown;
    }
    case Verdict::kPartial: {
      const Evidence* e = ConcreteQuote(r);
      const std::string quote = e ? Quote(*e) : std::string();
      if (last == Verdict::kPartial) {
        basis = "本年仍体现不充分：" + r.message.str() + (quote.empty() ? "" : "。本年原文：" + quote);
        return TrackStatus::kNotDone;
      }
      if (!e) {
        basis = "本年体现不充分，且只有计划或承诺性表述：" + r.message.str();
        return TrackStatus::kNotDone;
      }
      basis = quote + "；仍欠缺：" + r.message.str();
      return TrackStatus::kPartly;
    }
    case Verdict::kFail: {
      basis = "本年报告仍未体现：" + r.message.str();
      if (const Evidence* e = PromiseQuote(r)) basis += "（仅见计划或承诺：" + Quote(*e) + "）";
      return TrackStatus::kNotDone;
    }
    case Verdict::kNotApplicable:
      basis = "本年该规则不适用（年度或层级）：" + r.message.str();
      return TrackStatus::kUnknown;
    case Verdict::kWaived:
      basis = "本年已豁免：" + r.waiver();
      return TrackStatus::kUnknown;
    case Verdict::kNotCheckable:
    case Verdict::kError:
      break;
  }
  basis = "本年报告无法核查该项：" + r.message.str();
  return TrackStatus::kUnknown;
}

std::string TrackComparability(const ReviewImport& last, const DocumentInfo& this_year) {
  DocumentInfo old_doc;
  if (!last.issuer.empty()) old_doc.issuer = last.issuer;
  old_doc.year = last.year;
  return ComparabilityProblem(old_doc, this_year);
}

TrackReport TrackLedger(const ReviewImport& last, const Report& this_year, const Date& today,
                        std::string today_source) {
  TrackReport t;
  t.ledger = last.path;
  t.last_issuer = last.issuer;
  t.last_year = last.year;
  t.today = today;
  t.today_source = std::move(today_source);
  std::map<std::string, const RuleResult*> by_id;
  for (const RuleResult& r : this_year.results) by_id.emplace(r.rule->id.str(), &r);
  for (const ReviewedRow& row : last.rows) {
    TrackRow tr;
    tr.row = row.row;
    tr.requirement = row.requirement;
    tr.last_verdict = row.verdict;
    std::optional<Verdict> last_verdict = LastVerdict(row.verdict);
    if (std::optional<Verdict> reviewed = ReviewedVerdict(row.review, row.verdict);
        reviewed && Squeeze(row.review) != "同意") {
      tr.last_verdict += "（复核：" + row.review + "）";
      last_verdict = reviewed;
    }
    tr.deadline = row.deadline;
    tr.owner = row.owner;
    tr.last_status = row.status;
    // The row's first id, else another id of the same requirement that this year's rules still have.
    const RuleResult* r = nullptr;
    for (const std::string& id : row.rules)
      if (auto it = by_id.find(id); it != by_id.end()) {
        r = it->second;
        break;
      }
    tr.rule = r ? r->rule->id.str() : row.rules.front();
    std::string folded_into;  // folded by an audit profile: the result that stands for the requirement this year
    if (r && !r->same_as().empty())
      if (auto it = by_id.find(r->same_as()); it != by_id.end()) {
        folded_into = r->same_as();
        r = it->second;
      }
    if (!r) {
      tr.basis = "本年加载的规则中没有规则编号“" + row.rules.front() + "”（规则包已更换或规则已删除），需人工核实";
    } else {
      tr.this_verdict = r->verdict;
      tr.status = TrackStatusOf(*r, last_verdict, tr.basis);
      if (!folded_into.empty()) tr.basis += "（督察口径：本年按同一要求的 " + folded_into + " 判定）";
      if (tr.requirement.empty()) tr.requirement = r->rule->title.str();
    }
    tr.deadline_date = ParseDeadline(row.deadline);
    if (!tr.deadline_date && !Squeeze(row.deadline).empty())
      t.notes.push_back(fmt::format("第 {} 行：整改时限“{}”不是可识别的日期，未判断是否逾期", row.row, row.deadline));
    tr.overdue = tr.deadline_date && *tr.deadline_date < today && tr.status != TrackStatus::kDone;
    switch (tr.status) {
      case TrackStatus::kDone: ++t.done; break;
      case TrackStatus::kPartly: ++t.partly; break;
      case TrackStatus::kNotDone: ++t.not_done; break;
      case TrackStatus::kUnknown: ++t.unknown; break;
    }
    if (tr.overdue) ++t.overdue;
    t.rows.push_back(std::move(tr));
  }
  return t;
}

std::string TrackSummaryZh(const TrackReport& t) {
  return fmt::format("上年问题 {} 项：已整改 {}，部分整改 {}，未整改 {}，无法判断 {}；逾期 {}", t.rows.size(), t.done,
                     t.partly, t.not_done, t.unknown, t.overdue);
}

TrackRun RunTracking(const std::string& ledger_path, const std::string& ledger_name, const RuleSet& rules,
                     const Input& report_input, const CheckOptions& copts, const Date& today,
                     std::string today_source, bool force) {
  TrackRun run;
  ReviewOptions ropts;
  ropts.today = today;
  ropts.rows_only = true;
  ReviewImport last;
  try {
    last = ImportReview(ledger_path, ropts);
  } catch (const InputError& e) {
    run.failure = TrackFailure{TrackFailure::Kind::kLedger, e.code(), "", DiagnosticOf(e)};
    return run;
  }
  last.path = ledger_name;
  const Report& report = run.report.emplace(Check(rules, report_input, copts));
  if (std::string failed = FailureReason(report); !failed.empty()) {
    run.failure = TrackFailure{TrackFailure::Kind::kReport, report.error_code, failed, {}};
    return run;
  }
  if (report.status == CheckStatus::kNotCheckable) {
    run.failure = TrackFailure{TrackFailure::Kind::kNotCheckable, "", report.document.not_checkable_reason, {}};
    return run;
  }
  std::string problem = TrackComparability(last, report.document);
  if (!problem.empty() && !force) {
    run.failure = TrackFailure{TrackFailure::Kind::kMismatch, "", problem, {}};  // callers raise the mismatch code
    return run;
  }
  run.track = TrackLedger(last, report, today, std::move(today_source));
  run.track.forced = problem;
  for (const std::string& e : last.errors) run.track.notes.push_back(e);  // rows_only: what could not be tracked
  for (const std::string& n : last.notes) run.track.notes.push_back(n);
  return run;
}

}  // namespace fazhi
