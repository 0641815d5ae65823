// `fazhi review import`: the 整改台账 that fazhi wrote (render/ledger.h, docs/ledgers.md), filled in by the district
// and reviewed by the auditor, read back: rows 申请豁免 → waivers (score/waivers.h), rows whose 复核结论 is 同意 or
// 误判-应为… → gold labels (eval/labels.h format) and, for 误判, a draft example for the rule; 责任单位 / 整改时限 /
// 状态 of every row kept in a table.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/report.h"
#include "ledger/table.h"

namespace fazhi {

// The 台账 as read: the cover sheet's key/value rows (封面: 报告, 发布主体, 年度, 文件, …) and the ledger rows.
struct ReviewedRow {
  int row = 0;                     // the row number the spreadsheet shows
  std::vector<std::string> rules;  // 规则编号, then 同一要求的其他条目 (one requirement, every id it cites)
  std::string requirement;         // 指标/要求
  std::string verdict;             // 核查结论 as written (报告未体现 / 体现不充分 / …)
  std::string evidence;            // 证据/位置
  std::string owner, deadline, status, review_note, review;  // 责任单位, 整改时限, 状态, 复核意见, 复核结论
};

struct ReviewOptions {
  std::string approver;          // --approver: who approved the waivers (required when a row asks for one)
  Date today;                    // the waivers' date
  std::optional<Date> expires;   // --expires: when the waivers end (default: the end of the year after the report's)
  std::string report;            // --report: the report the labels are about (default: the cover's 文件)
  std::set<std::string> known_rules;  // the loaded rule ids (an unknown id in a row is an error naming the row)
  // Only the rows are wanted (`fazhi track`): a 申请豁免 row without a reason and a missing approver are no errors
  // and no row is left out for them (the waivers are not written).
  bool rows_only = false;
};

struct ReviewImport {
  std::string path, sheet;
  std::string issuer, report_file;  // from the cover sheet (empty when there is none)
  std::optional<int> year;
  std::vector<ReviewedRow> rows;    // every non-empty ledger row
  int waived = 0, misjudged = 0, agreed = 0, other = 0;
  std::vector<std::string> errors;  // "第 12 行：…" — nothing is written when there is one
  std::vector<std::string> notes;   // what was read but not used, e.g. a row with a choice fazhi does not know

  std::string waivers_yaml;   // the waivers file (`fazhi check --waivers`)
  std::string labels_tsv;     // gold labels (`fazhi eval`)
  std::string examples_yaml;  // draft examples, one per 误判 row, to paste under the rule's `examples:`
  std::string rows_tsv;       // every row's 规则编号, 责任单位, 整改时限, 状态, 复核意见, 复核结论
};

// Reads a filled 台账: the sheet 整改台账 of an XLSX (the first sheet when there is none of that name and it has
// the columns), or a CSV; columns found by their names, in any order. Throws InputError (E-ledger-*) when the
// file cannot be read or a needed column is missing (naming the columns there are); problems with single rows go
// to `errors`.
ReviewImport ImportReview(const std::string& path, const ReviewOptions& opts);

// The gold verdict a 复核结论 asks for: 同意 → the ledger's own verdict (核查结论), 误判-应为符合 → pass, …;
// nullopt for an empty or unknown choice.
std::optional<Verdict> ReviewedVerdict(const std::string& review, const std::string& ledger_verdict);

}  // namespace fazhi
