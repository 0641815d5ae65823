// `fazhi track 上年台账.xlsx 本年报告` (整改销号): every row of last year's 整改台账 (read back by ledger/review.h)
// looked up in this year's Report, checked with the same rules: 已整改 only when the requirement is met now and a
// sentence of this year's report that supports it is quoted (a plan or promise is never support for a rule that asks
// for work done: the checks mark it promise_only); 部分整改, 未整改,
// 无法判断 otherwise; a row whose 整改时限 has passed and that is not 已整改 is 逾期 (docs/ledgers.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/report.h"
#include "ledger/review.h"
#include "pipeline/check.h"

namespace fazhi {

enum class TrackStatus { kDone, kPartly, kNotDone, kUnknown };
const char* TrackStatusName(TrackStatus s);     // "done", "partly", "not_done", "unknown"
const char* TrackStatusLabelZh(TrackStatus s);  // "已整改", "部分整改", "未整改", "无法判断"

struct TrackRow {
  int row = 0;                  // the row of last year's 台账 (as the spreadsheet numbers it)
  std::string rule;             // 规则编号 (the row's first id; the one found in this year's results when another)
  std::string requirement;      // 上年问题: 指标/要求 of last year's row
  std::string last_verdict;     // 上年结论: 核查结论 as written (with the 复核结论 when the auditor wrote one)
  std::optional<Verdict> this_verdict;  // this year's verdict of the rule; nullopt when no loaded rule has the id
  TrackStatus status = TrackStatus::kUnknown;
  std::string basis;            // 依据原文: this year's quote 「…」（位置） for 已整改/部分整改, else why
  std::string deadline;         // 整改时限 as written
  std::optional<Date> deadline_date;  // as understood (ParseDeadline); nullopt when empty or not a date
  bool overdue = false;         // deadline_date < the reference date and not 已整改
  std::string owner;            // 责任单位 of last year's row
  std::string last_status;      // 状态 of last year's row (待整改, 整改中, 已整改, 申请豁免)
};

struct TrackReport {
  std::string ledger;                 // last year's 台账 (path as given)
  std::string last_issuer;            // its cover's 发布主体 ("" when none)
  std::optional<int> last_year;       // its cover's 年度
  std::string forced;                 // why the pair is not comparable, when tracked anyway (--force); else ""
  Date today;                         // the date 整改时限 is compared with
  std::string today_source;           // where it came from: "--today", "SOURCE_DATE_EPOCH" or "运行日期"
  std::vector<TrackRow> rows;         // in last year's order
  int done = 0, partly = 0, not_done = 0, unknown = 0, overdue = 0;
  std::vector<std::string> notes;     // rows read but not tracked, deadlines that are not dates …
};

// Empty when last year's 台账 (its cover: 发布主体, 年度) and this year's report are of one issuer and consecutive
// years; else the sentence of diff's ComparabilityProblem (the one comparison of two years, diff/diff.h).
std::string TrackComparability(const ReviewImport& last, const DocumentInfo& this_year);

// Tracks every row of `last` (ImportReview with ReviewOptions::rows_only) in `this_year` (Check() of this year's
// report with the same rules). `today`: the date a 整改时限 must not be earlier than.
TrackReport TrackLedger(const ReviewImport& last, const Report& this_year, const Date& today,
                        std::string today_source);

// Why a tracking run stopped before tracking: the reader refused last year's 台账, this year's report could not be
// read or checked, or the two are not one issuer's consecutive years (refused unless forced).
struct TrackFailure {
  enum class Kind { kLedger, kReport, kNotCheckable, kMismatch };
  Kind kind = Kind::kLedger;
  std::string code;     // the reader's code (kLedger), the report's error code (kReport; "" for an internal error), else ""
  std::string detail;   // FailureReason, the not-checkable reason or the comparability problem
  Diagnostic ledger;    // kLedger: the reader's diagnostic (file:line:col, message, hint)
};

// One tracking run, the flow of `fazhi track` and of serve's POST /api/track: last year's 台账 at `ledger_path`
// read back (rows only; `ledger_name` is how outputs name it — an upload's name, not the temporary's), `report_input` checked with `rules` and `copts` (the audit profile last year's 台账 was
// written with), the pair's comparability checked (refused unless `force`; a forced run names the problem in
// `track.forced`), every row tracked, the reader's notes kept. `report` is the Report the track points at.
struct TrackRun {
  std::optional<TrackFailure> failure;
  std::optional<Report> report;
  TrackReport track;
};
TrackRun RunTracking(const std::string& ledger_path, const std::string& ledger_name, const RuleSet& rules,
                     const Input& report_input, const CheckOptions& copts, const Date& today,
                     std::string today_source, bool force);

// A 整改时限 as districts write it: 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日, 2024年6月（底）→ the month's
// last day, 2024年底 / 2024年 / 2024年12月底 → 31 December, an Excel date serial (a cell typed as a date: 45473);
// nullopt for anything else (长期坚持, 持续整改, empty).
std::optional<Date> ParseDeadline(std::string_view text);

// The status of one row from this year's result `r` of its rule and last year's verdict (nullopt when it cannot be
// read): the rule of TrackLedger, exposed for tests. Sets `basis`.
TrackStatus TrackStatusOf(const RuleResult& r, std::optional<Verdict> last, std::string& basis);

// The one-line Chinese summary: "上年问题 12 项：已整改 5，部分整改 2，未整改 4，无法判断 1；逾期 3".
std::string TrackSummaryZh(const TrackReport& t);

}  // namespace fazhi
