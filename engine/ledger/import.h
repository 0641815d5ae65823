// `fazhi ledger import`: an auditor's ledger table (序号, 指标/任务, 具体要求/整改措施, 责任单位, 完成时限, 依据)
// becomes a rule pack of `mention` rules with suggested terms and placeholder examples, ready for review.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/table.h"

namespace fazhi {

enum class LedgerColumn { kId, kCategory, kTitle, kRequirement, kMeasures, kOwner, kDeadline, kBasis, kProblem };

// "requirement (具体要求)" etc., for the import summary.
std::string LedgerColumnName(LedgerColumn c);

// What a header cell names, matched flexibly (blanks, full-width forms, case, Chinese or English):
// 序号/编号/No. → id, 指标/任务/工作任务/整改任务/indicator/task → title, 具体要求/工作要求/requirement → requirement,
// 整改措施/措施/measures → measures, 责任单位/牵头单位/owner → owner, 完成时限/时限/deadline → deadline,
// 依据/来源/basis → basis, 类别/领域/一级指标/area → category, 存在问题/problem → problem. False when unknown.
bool ClassifyLedgerHeader(std::string_view cell, LedgerColumn& out);

struct LedgerHeader {
  std::size_t row = 0;        // index into LedgerTable::rows of the header row
  std::size_t data_from = 0;  // first data row (after a sub-header row, when there is one)
  std::map<LedgerColumn, int> columns;
  std::vector<std::string> recognised;  // "B 工作任务 → title (指标/任务)"
  std::vector<std::string> ignored;     // "F 备注"
  std::string title_above;              // a title row above the header (often a merged cell), or ""
};

// Finds the header among the first rows: the row naming the most known columns, one of them a requirement
// (or measures) column. Throws InputError (E-ledger-header) naming the file when there is none.
LedgerHeader FindLedgerHeader(const LedgerTable& table);

struct LedgerItem {
  std::string id;           // rule id: 序号 zero-padded ("007"), else "row-12" (the sheet row)
  int row = 0;              // sheet row
  std::string title, requirement, remedy, category, owner, deadline, basis, problem;
  std::vector<std::string> terms;
};

// One item per data row. Rows with a single value and no requirement are section headings (一、…) and set the
// category of the rows under them. `notes` gets one line per skipped row or changed id.
std::vector<LedgerItem> BuildLedgerItems(const LedgerTable& table, const LedgerHeader& header,
                                         std::vector<std::string>& notes);

struct LedgerPackInfo {
  std::string pack;    // pack id
  std::string title;
  std::string source;  // the ledger's file name
};

struct LedgerPackFiles {
  std::string pack_yaml;
  std::string items_yaml;
};

// The pack folder's two files. Output is deterministic (no dates), so re-importing shows a clean diff.
LedgerPackFiles RenderLedgerPack(const std::vector<LedgerItem>& items, const LedgerPackInfo& info);

// A rule id from a 序号 cell: "7" → "007", "七" → "007", "2.1" → "2.1", "A-3" → "A-3"; "" when unusable.
std::string LedgerIdFromCell(std::string_view cell);

// YAML scalar: plain when that is unambiguous (Chinese text, letters, digits not in front), else double-quoted.
std::string YamlScalar(std::string_view s);

}  // namespace fazhi
