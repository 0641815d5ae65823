// Summary rows of a batch: columns from the RuleSet, one small row per finished report, and the ranking.
#include "batch/summary.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <unordered_map>

#include "pipeline/check.h"
#include "rules/rule_set.h"

namespace fazhi {

const char* BatchStatusName(BatchStatus s) {
  switch (s) {
    case BatchStatus::kChecked: return "checked";
    case BatchStatus::kNotCheckable: return "not_checkable";
    case BatchStatus::kError: return "error";
  }
  return "error";
}

const char* BatchStatusLabelZh(BatchStatus s) {
  switch (s) {
    case BatchStatus::kChecked: return "已核查";
    case BatchStatus::kNotCheckable: return "无法核查";
    case BatchStatus::kError: return "读取失败";
  }
  return "读取失败";
}

BatchSummary SummaryColumns(const RuleSet& rules) {
  BatchSummary s;
  s.tool_version = FAZHI_VERSION;
  for (const auto& p : rules.packs()) {
    SummaryPackColumn col;
    col.pack = p->id;
    col.title = p->title;
    for (const auto& r : p->rules) {
      s.rules.push_back({r->id, r->title, p->id, r->category});
      if (!r->category.empty() && std::find(col.categories.begin(), col.categories.end(), r->category) ==
                                      col.categories.end())
        col.categories.push_back(r->category);
    }
    s.packs.push_back(std::move(col));
  }
  return s;
}

namespace {

std::size_t CategoryCount(const BatchSummary& columns) {
  std::size_t n = 0;
  for (const auto& p : columns.packs) n += p.categories.size();
  return n;
}

}  // namespace

SummaryRow SummarizeReport(const Report& report, const BatchSummary& columns) {
  SummaryRow row;
  const auto& d = report.document;
  row.status = d.not_checkable ? BatchStatus::kNotCheckable : BatchStatus::kChecked;
  row.reason = NotCheckableReason(report);
  row.text_sha256 = d.text_sha256;
  row.format = d.format;
  row.title = d.title.value_or("");
  row.issuer = d.issuer.value_or("");
  row.level = d.level.value_or("");
  row.year = d.year;
  row.total = report.score.total;
  row.counts = report.score.counts;
  row.pack_scores.assign(columns.packs.size(), std::nullopt);
  row.category_scores.assign(CategoryCount(columns), std::nullopt);
  std::size_t cat_base = 0;
  for (std::size_t i = 0; i < columns.packs.size(); ++i) {
    const auto& col = columns.packs[i];
    for (const auto& ps : report.score.packs) {
      if (ps.pack != col.pack) continue;
      row.pack_scores.Set(i, ps.score);
      for (const auto& cs : ps.categories) {
        auto it = std::find(col.categories.begin(), col.categories.end(), cs.name);
        if (it != col.categories.end()) row.category_scores.Set(cat_base + (it - col.categories.begin()), cs.score);
      }
    }
    cat_base += col.categories.size();
  }
  // Rule ids are unique within a RuleSet; results come in the same pack/rule order, so a moving cursor finds
  // almost every rule at once and the map is only the fallback.
  row.verdicts.assign(columns.rules.size(), kNoVerdict);
  std::size_t cursor = 0;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : report.results) {
    std::size_t at = columns.rules.size();
    if (cursor < columns.rules.size() && columns.rules[cursor].rule == r.rule->id) {
      at = cursor;
    } else {
      if (index.empty())
        for (std::size_t i = 0; i < columns.rules.size(); ++i) index.emplace(columns.rules[i].rule, i);
      auto it = index.find(r.rule->id);
      if (it != index.end()) at = it->second;
    }
    if (at < columns.rules.size()) {
      row.verdicts[at] = static_cast<std::uint8_t>(r.verdict);
      cursor = at + 1;
    }
  }
  for (const auto& diag : report.diagnostics)
    if (diag.level != Level::kNote) ++row.warnings;
  return row;
}

SummaryRow ErrorRow(const BatchSummary& columns, const std::string& reason) {
  SummaryRow row;
  row.status = BatchStatus::kError;
  row.reason = reason;
  row.pack_scores.assign(columns.packs.size(), std::nullopt);
  row.category_scores.assign(CategoryCount(columns), std::nullopt);
  row.verdicts.assign(columns.rules.size(), kNoVerdict);
  return row;
}

void MarkDuplicates(BatchSummary& summary) {
  std::map<std::string, const SummaryRow*> first;  // digest → the row counted (the first by path)
  for (const auto& r : summary.rows)
    if (!r.text_sha256.empty()) {
      auto [it, added] = first.emplace(r.text_sha256, &r);
      if (!added && r.path < it->second->path) it->second = &r;
    }
  for (auto& r : summary.rows) {
    r.duplicate_of.clear();
    if (r.text_sha256.empty()) continue;
    const SummaryRow* kept = first.at(r.text_sha256);
    if (kept != &r) r.duplicate_of = kept->rel.empty() ? kept->path : kept->rel;
  }
}

std::string RowFile(const SummaryRow& r) {
  if (!r.rel.empty()) return r.rel;
  std::size_t slash = r.path.find_last_of('/');
  return slash == std::string::npos ? r.path : r.path.substr(slash + 1);
}

std::string PackTitle(const SummaryPackColumn& p) { return p.title.empty() ? p.pack : p.title; }

std::string PackTitleOf(const BatchSummary& s, const std::string& pack) {
  for (const auto& p : s.packs)
    if (p.pack == pack) return PackTitle(p);
  return pack;
}

BatchCounts CountRows(const BatchSummary& summary) {
  BatchCounts c;
  c.inputs = summary.rows.size();
  for (const auto& r : summary.rows) {
    if (!r.duplicate_of.empty()) ++c.duplicates;
    else if (r.status == BatchStatus::kChecked) ++c.checked;
    else if (r.status == BatchStatus::kNotCheckable) ++c.not_checkable;
    else ++c.errors;
  }
  return c;
}

void RankRows(BatchSummary& summary) {
  MarkDuplicates(summary);
  // The score as shown (one decimal, an integer in tenths) so the order never contradicts the printed numbers.
  auto shown = [](const SummaryRow& r) { return r.total ? std::lround(*r.total * 10) : -1L; };
  auto group = [](const SummaryRow& r) {
    if (r.status == BatchStatus::kError) return 4;
    if (r.status == BatchStatus::kNotCheckable) return 3;
    if (!r.duplicate_of.empty()) return 2;
    return r.total ? 0 : 1;
  };
  std::sort(summary.rows.begin(), summary.rows.end(), [&](const SummaryRow& a, const SummaryRow& b) {
    int ga = group(a), gb = group(b);
    if (ga != gb) return ga < gb;
    long sa = shown(a), sb = shown(b);
    if (sa != sb) return sa > sb;
    return a.path < b.path;
  });
  int rank = 0;
  long previous = -2;
  for (std::size_t i = 0; i < summary.rows.size(); ++i) {
    auto& r = summary.rows[i];
    r.rank = 0;
    if (group(r) != 0) continue;
    if (shown(r) != previous) rank = static_cast<int>(i) + 1;  // competition ranking: 1, 2, 2, 4
    previous = shown(r);
    r.rank = rank;
  }
}

}  // namespace fazhi
