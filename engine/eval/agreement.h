// Agreement between fazhi's verdicts and an auditor's gold labels (`fazhi eval`): the figures of
// docs/accuracy.md — exact, binary (met / gap / n-a), gap precision and recall — per report and overall, a confusion
// matrix and the disagreements.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "eval/labels.h"

namespace fazhi {

// The class a verdict belongs to for the binary figure: met = pass|partial, gap = fail,
// n/a = not_applicable|not_checkable, other = anything else (waived, error, or a rule the engine did not report).
enum class VerdictClass { kMet, kGap, kNotApplicable, kOther };
VerdictClass ClassOf(const std::string& verdict_name);

struct Disagreement {
  std::string rule;
  std::string gold;    // verdict name
  std::string engine;  // verdict name, or "missing" when the engine reported no such rule
  std::string evidence, note;  // the gold row's
  int line = 0;                // of the gold row
};

struct Tally {
  int n = 0, exact = 0, binary = 0, tp = 0, fp = 0, fn = 0;
  void Add(const Tally& other);
  double Exact() const { return n ? double(exact) / n : 0.0; }
  double Binary() const { return n ? double(binary) / n : 0.0; }
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }  // no engine gaps: 1.0
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }     // no gold gaps: 1.0
};

// The verdict names a confusion matrix is indexed by: pass, partial, fail, not_applicable, not_checkable, other
// (waived, error, missing).
inline constexpr int kConfusionSize = 6;
const char* ConfusionName(int index);
using Confusion = std::array<std::array<int, kConfusionSize>, kConfusionSize>;  // [gold][engine]

struct ReportAgreement {
  std::string labels_path, report_path;
  std::string error;  // the report could not be checked: no figures
  Tally tally;
  Confusion confusion{};
  std::vector<Disagreement> disagreements;  // in rule order
};

// Compares one report's gold labels with the engine's verdicts (rule id → verdict name).
ReportAgreement Compare(const LabelFile& labels, const std::map<std::string, std::string>& engine);

struct Agreement {
  std::vector<ReportAgreement> reports;
  Tally overall;
  Confusion confusion{};
  bool broken = false;  // a report could not be checked
};
void AddReport(Agreement& total, ReportAgreement report);

}  // namespace fazhi
