#include "render/eval.h"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/text_width.h"

namespace fazhi {
namespace {

using Json = nlohmann::ordered_json;

std::string BaseName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// A confusion row/column name as the auditor reads it: 符合, 部分符合, …, 其他 (waived, error, not reported).
std::string ConfusionLabel(int index) {
  static const char* const kLabels[] = {"符合", "部分符合", "不符合", "不适用", "无法判断", "其他"};
  return kLabels[index];
}

// "exact 76.7%" as Python's "{:.1%}" prints it: the share × 100, one decimal.
std::string Percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }

std::string FiguresLine(const Tally& t) {
  return fmt::format("{} 条规则  完全一致 {}  三类一致 {}  缺项查准率 {:.2f} 查全率 {:.2f}", t.n, Percent(t.Exact()),
                     Percent(t.Binary()), t.Precision(), t.Recall());
}

Json TallyJson(const Tally& t) {
  return Json{{"rules", t.n},        {"exact", t.exact},          {"binary", t.binary},
              {"exact_share", t.Exact()}, {"binary_share", t.Binary()}, {"gap_true_positives", t.tp},
              {"gap_false_positives", t.fp}, {"gap_false_negatives", t.fn}, {"gap_precision", t.Precision()},
              {"gap_recall", t.Recall()}};
}

Json ConfusionJson(const Confusion& c) {
  Json out = Json::object();
  for (int g = 0; g < kConfusionSize; ++g) {
    Json row = Json::object();
    for (int e = 0; e < kConfusionSize; ++e) row[ConfusionName(e)] = c[g][e];
    out[ConfusionName(g)] = row;
  }
  return out;
}

}  // namespace

void RenderAgreementText(const Agreement& agreement, std::ostream& out, bool quiet) {
  for (const ReportAgreement& r : agreement.reports) {
    const std::string name = BaseName(r.labels_path);
    if (!r.error.empty()) {
      out << name << "：无法检查 " << r.report_path << "：" << r.error << "\n";
      continue;
    }
    out << name << "：" << FiguresLine(r.tally) << "\n";
    if (quiet) continue;
    for (const Disagreement& d : r.disagreements)
      out << fmt::format("  {:32} 标注={:15} 引擎={:15} {}\n", d.rule, d.gold, d.engine, d.note);
  }
  const Tally& t = agreement.overall;
  if (t.n == 0) {
    out << "总计：没有可比较的规则\n";
    return;
  }
  out << "总计：" << FiguresLine(t) << "\n";
  // The confusion matrix: rows are the gold verdicts, columns the engine's.
  out << "\n混淆矩阵（行：人工标注，列：fazhi；其他 = 已豁免、出错或未报告）\n";
  out << PadRight("", 10);
  for (int e = 0; e < kConfusionSize; ++e) out << PadLeft(ConfusionLabel(e), 10);
  out << "\n";
  for (int g = 0; g < kConfusionSize; ++g) {
    out << PadRight(ConfusionLabel(g), 10);
    for (int e = 0; e < kConfusionSize; ++e) out << PadLeft(std::to_string(agreement.confusion[g][e]), 10);
    out << "\n";
  }
}

void RenderAgreementJson(const Agreement& agreement, std::ostream& out) {
  Json reports = Json::array();
  for (const ReportAgreement& r : agreement.reports) {
    Json j{{"labels", r.labels_path}, {"report", r.report_path}};
    if (!r.error.empty()) {
      j["error"] = r.error;
      reports.push_back(std::move(j));
      continue;
    }
    j["figures"] = TallyJson(r.tally);
    Json dis = Json::array();
    for (const Disagreement& d : r.disagreements)
      dis.push_back({{"rule", d.rule}, {"gold", d.gold}, {"engine", d.engine}, {"evidence", d.evidence},
                     {"note", d.note}, {"line", d.line}});
    j["disagreements"] = std::move(dis);
    j["confusion"] = ConfusionJson(r.confusion);
    reports.push_back(std::move(j));
  }
  Json doc{{"format", "fazhi.eval/1"}, {"reports", std::move(reports)}, {"overall", TallyJson(agreement.overall)},
           {"confusion", ConfusionJson(agreement.confusion)}, {"complete", !agreement.broken}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace fazhi
