// The batch summary: one small row per input (never the whole Report), the columns taken from the RuleSet, and
// the writers of summary.csv, matrix.csv, summary.xlsx and index.html (render/summary_*.cc).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/report.h"

namespace fazhi {

class RuleSet;

// What happened to one input of a batch.
enum class BatchStatus { kChecked, kNotCheckable, kError };
const char* BatchStatusName(BatchStatus s);     // "checked", "not_checkable", "error"
const char* BatchStatusLabelZh(BatchStatus s);  // "已核查", "无法核查", "读取失败"

struct SummaryPackColumn {
  std::string pack, title;
  std::vector<std::string> categories;  // in first-appearance order of the pack's rules
};

struct SummaryRuleColumn {
  std::string rule, title, pack, category;
};

constexpr std::uint8_t kNoVerdict = 0xFF;  // the rule has no result for this input (error rows)

// A row's pack or category scores: one double each, "no score" a NaN of its own — half the size of
// std::optional<double>. A batch keeps one row per input until its summary files are written, and the 33 category
// scores of the shipped packs were 528 of a row's ~1,400 bytes. Read like a vector of std::optional<double>.
class RowScores {
 public:
  void assign(std::size_t n, std::nullopt_t) { v_.assign(n, None()); }
  void Set(std::size_t i, const std::optional<double>& score) { v_[i] = score ? *score : None(); }
  std::size_t size() const { return v_.size(); }
  std::optional<double> operator[](std::size_t i) const { return Get(v_[i]); }

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::optional<double>;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::optional<double>;
    Iterator() = default;
    explicit Iterator(const double* p) : p_(p) {}
    std::optional<double> operator*() const { return Get(*p_); }
    Iterator& operator++() {
      ++p_;
      return *this;
    }
    bool operator==(const Iterator& o) const { return p_ == o.p_; }
    bool operator!=(const Iterator& o) const { return p_ != o.p_; }

   private:
    const double* p_ = nullptr;
  };
  Iterator begin() const { return Iterator(v_.data()); }
  Iterator end() const { return Iterator(v_.data() + v_.size()); }

 private:
  // A quiet NaN with a payload no arithmetic produces (a computed NaN has an empty payload).
  static constexpr std::uint64_t kNoneBits = 0x7FF8'F0A2'0000'0001ULL;
  static double None() { return std::bit_cast<double>(kNoneBits); }
  static std::optional<double> Get(double d) {
    if (std::bit_cast<std::uint64_t>(d) == kNoneBits) return std::nullopt;
    return d;
  }
  std::vector<double> v_;
};

struct SummaryRow {
  std::string path;  // as found (argument, or folder argument + relative path)
  std::string rel;   // path relative to the inputs' common folder: names the per-report outputs
  BatchStatus status = BatchStatus::kChecked;
  std::string reason;  // not_checkable / error: why, one line: "[code] message（hint）" in the language in force
  std::string format, title, issuer, level;
  std::optional<int> year;
  std::optional<double> total;
  RowScores pack_scores;      // aligned with BatchSummary::packs
  RowScores category_scores;  // aligned with the packs' categories, flattened
  VerdictCounts counts;
  std::vector<std::uint8_t> verdicts;  // aligned with BatchSummary::rules: static_cast<uint8_t>(Verdict)
  std::vector<std::string> outputs;    // per-report files written, relative to the output folder
  std::size_t warnings = 0;            // diagnostics above note level
  int rank = 0;                        // 1-based among scored rows (equal shown scores share a rank); 0 = none
  std::string text_sha256;             // of the normalized text (DocumentInfo::text_sha256); "" for error rows
  std::string duplicate_of;            // rel of the input with the same text that is counted ("" = none)
};

struct BatchSummary {
  std::string tool_version;
  std::vector<SummaryPackColumn> packs;
  std::vector<SummaryRuleColumn> rules;
  std::vector<SummaryRow> rows;  // after RankRows: ranked order
};

// The columns of a summary for these rules (packs, their categories, every rule), in pack then rule order.
BatchSummary SummaryColumns(const RuleSet& rules);
// One row from a finished report (status checked or not_checkable); `path`/`rel` are set by the caller.
SummaryRow SummarizeReport(const Report& report, const BatchSummary& columns);
// An input that could not be read: no verdicts, no score.
SummaryRow ErrorRow(const BatchSummary& columns, const std::string& reason);
// Inputs with the same normalized text (one report in two encodings, or copied twice): the first by path is
// counted, every other gets duplicate_of = its rel. RankRows calls it.
void MarkDuplicates(BatchSummary& summary);
// Ranked order: scored rows by score (as shown, one decimal) descending, then unscored checked rows, then
// duplicates (unranked: counted once, as the row they repeat), then not_checkable, then errors; ties and each group
// by path. Deterministic whatever order rows arrived in.
void RankRows(BatchSummary& summary);
// The name a summary shows for an input: its path relative to the inputs' common folder (never a local absolute
// path), the file name when that is unknown.
std::string RowFile(const SummaryRow& r);
// A pack's column title: its Chinese title (its id when it has none).
std::string PackTitle(const SummaryPackColumn& p);
std::string PackTitleOf(const BatchSummary& s, const std::string& pack);  // by id; the id when not a column
// Counts for the page headers: inputs, checked (duplicates not counted), not checkable, errors, duplicates.
struct BatchCounts {
  std::size_t inputs = 0, checked = 0, not_checkable = 0, errors = 0, duplicates = 0;
};
BatchCounts CountRows(const BatchSummary& summary);

// Writers (render/summary_csv.cc, summary_xlsx.cc, summary_html.cc). Text is made safe for the target: CSV and XLSX
// cells are formula-neutralised, HTML is escaped. No timestamps (the XLSX date is SOURCE_DATE_EPOCH or fixed).
void WriteSummaryCsv(const BatchSummary& s, std::ostream& out);  // ranking, one row per input
void WriteMatrixCsv(const BatchSummary& s, std::ostream& out);   // inputs × rules verdicts
void WriteSummaryXlsx(const BatchSummary& s, std::ostream& out);  // 排名, 结论矩阵, 规则 sheets
void WriteSummaryHtml(const BatchSummary& s, std::ostream& out);  // index.html

// Above this many inputs index.html shows the per-rule verdict counts instead of the full matrix (which stays in
// summary.xlsx and matrix.csv): a 20,000 × 200 HTML table is not something a browser or an auditor can use.
constexpr std::size_t kHtmlMatrixMaxRows = 300;

}  // namespace fazhi
