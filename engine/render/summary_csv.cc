// Batch summary as CSV (UTF-8 with BOM, RFC 4180, CRLF): summary.csv ranks the inputs with their status, scores per
// pack and category and verdict counts; matrix.csv has one row per input and one column per rule.
#include <cstdio>

#include "batch/summary.h"
#include "render/ledger.h"
#include "render/render_support.h"

namespace fazhi {

namespace {

std::string Score(const std::optional<double>& s) {
  if (!s) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *s);
  return buf;
}

}  // namespace

void WriteSummaryCsv(const BatchSummary& s, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  std::vector<std::string> header = {"排名", "发布主体", "文件", "状态", "状态代码", "原因", "重复",
                                     "标题", "层级", "年度", "总分"};
  for (const auto& p : s.packs) header.push_back(PackTitle(p));
  for (const auto& p : s.packs)
    for (const auto& c : p.categories) header.push_back(PackTitle(p) + "：" + c);
  for (const char* h : {"符合", "部分符合", "不符合", "不适用", "无法判断", "已豁免", "警告"}) header.push_back(h);
  WriteCsvRecord(out, header);
  for (const auto& r : s.rows) {
    std::vector<std::string> f = {r.rank ? std::to_string(r.rank) : "",
                                  r.issuer,
                                  RowFile(r),
                                  BatchStatusLabelZh(r.status),
                                  BatchStatusName(r.status),
                                  r.reason,
                                  r.duplicate_of.empty() ? "" : "与 " + r.duplicate_of + " 内容相同，按一份计",
                                  r.title,
                                  r.level.empty() ? "" : LevelLabelZh(r.level),
                                  r.year ? std::to_string(*r.year) : "",
                                  Score(r.total)};
    for (const auto& p : r.pack_scores) f.push_back(Score(p));
    for (const auto& c : r.category_scores) f.push_back(Score(c));
    bool counted = r.status != BatchStatus::kError;
    for (int n : {r.counts.pass, r.counts.partial, r.counts.fail, r.counts.not_applicable, r.counts.not_checkable,
                  r.counts.waived})
      f.push_back(counted ? std::to_string(n) : "");
    f.push_back(counted ? std::to_string(r.warnings) : "");
    WriteCsvRecord(out, f);
  }
}

void WriteMatrixCsv(const BatchSummary& s, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  std::vector<std::string> header = {"文件", "状态"};
  for (const auto& r : s.rules) header.push_back(r.rule);
  WriteCsvRecord(out, header);
  for (const auto& r : s.rows) {
    std::vector<std::string> f = {RowFile(r), BatchStatusName(r.status)};
    for (auto v : r.verdicts) f.push_back(v == kNoVerdict ? "" : VerdictName(static_cast<Verdict>(v)));
    WriteCsvRecord(out, f);
  }
}

}  // namespace fazhi
