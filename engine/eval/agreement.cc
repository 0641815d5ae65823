#include "eval/agreement.h"

#include <algorithm>

namespace fazhi {
namespace {

int ConfusionIndex(const std::string& verdict) {
  static const char* const kNames[] = {"pass", "partial", "fail", "not_applicable", "not_checkable"};
  for (int i = 0; i < 5; ++i)
    if (verdict == kNames[i]) return i;
  return 5;
}

}  // namespace

VerdictClass ClassOf(const std::string& v) {
  if (v == "pass" || v == "partial") return VerdictClass::kMet;
  if (v == "fail") return VerdictClass::kGap;
  if (v == "not_applicable" || v == "not_checkable") return VerdictClass::kNotApplicable;
  return VerdictClass::kOther;
}

const char* ConfusionName(int index) {
  static const char* const kNames[] = {"pass", "partial", "fail", "not_applicable", "not_checkable", "other"};
  return index >= 0 && index < kConfusionSize ? kNames[index] : "other";
}

void Tally::Add(const Tally& o) {
  n += o.n;
  exact += o.exact;
  binary += o.binary;
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
}

ReportAgreement Compare(const LabelFile& labels, const std::map<std::string, std::string>& engine) {
  ReportAgreement out;
  out.labels_path = labels.path;
  std::vector<const GoldLabel*> rows;
  for (const GoldLabel& g : labels.labels) rows.push_back(&g);
  std::sort(rows.begin(), rows.end(), [](const GoldLabel* a, const GoldLabel* b) { return a->rule < b->rule; });
  for (const GoldLabel* g : rows) {
    const std::string want = VerdictName(g->verdict);
    const auto it = engine.find(g->rule);
    const std::string got = it == engine.end() ? "missing" : it->second;
    const VerdictClass cw = ClassOf(want), cg = ClassOf(got);
    Tally& t = out.tally;
    ++t.n;
    t.exact += got == want;
    t.binary += cg == cw;
    t.tp += cg == VerdictClass::kGap && cw == VerdictClass::kGap;
    t.fp += cg == VerdictClass::kGap && cw != VerdictClass::kGap;
    t.fn += cg != VerdictClass::kGap && cw == VerdictClass::kGap;
    ++out.confusion[ConfusionIndex(want)][ConfusionIndex(got)];
    if (got != want) out.disagreements.push_back({g->rule, want, got, g->evidence, g->note, g->line});
  }
  return out;
}

void AddReport(Agreement& total, ReportAgreement report) {
  if (!report.error.empty()) {
    total.broken = true;
  } else {
    total.overall.Add(report.tally);
    for (int i = 0; i < kConfusionSize; ++i)
      for (int j = 0; j < kConfusionSize; ++j) total.confusion[i][j] += report.confusion[i][j];
  }
  total.reports.push_back(std::move(report));
}

}  // namespace fazhi
