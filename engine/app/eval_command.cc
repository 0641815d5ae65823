// `fazhi eval LABELS…`: check each labelled report with the rules, compare with the auditor's gold verdicts
// (eval/agreement.h) and print the figures; --min-exact / --min-binary gate the result (exit 1).
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.h"
#include "app/rule_loading.h"
#include "core/error.h"
#include "eval/agreement.h"
#include "eval/labels.h"
#include "pipeline/check.h"
#include "render/eval.h"

namespace fazhi {

int RunEval(const EvalCommandOptions& opts) {
  if (opts.format != "text" && opts.format != "json") {
    spdlog::error("--format {}：fazhi eval 只支持 text 或 json", opts.format);
    return kExitUsage;
  }
  std::vector<LabelFile> files;
  try {
    for (const std::string& path : ExpandLabelPaths(opts.labels)) files.push_back(ReadLabelFile(path));
  } catch (const InputError& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  Diagnostics rule_diags;
  auto rules = LoadRulesForCommand(opts.rules, rule_diags);
  if (!rules) return kExitUsage;

  Agreement agreement;
  for (const LabelFile& labels : files) {
    ReportAgreement row;
    CheckOptions copts;
    copts.limits = opts.rules.limits;
    try {
      if (!opts.no_args) copts.overrides = ParseLabelArgs(labels);
    } catch (const InputError& e) {
      spdlog::error("{}", e.what());
      return kExitUsage;
    }
    const std::string report_path = ResolveReportPath(labels);
    const Report report = Check(*rules, Input::File(report_path), copts);
    if (std::string failed = FailureReason(report); !failed.empty()) {
      row.labels_path = labels.path;
      row.report_path = report_path;
      row.error = failed;
      AddReport(agreement, std::move(row));
      continue;
    }
    std::map<std::string, std::string> verdicts;
    for (const RuleResult& r : report.results) verdicts[std::string(r.rule)] = VerdictName(r.verdict);
    row = Compare(labels, verdicts);
    row.report_path = report_path;
    AddReport(agreement, std::move(row));
  }

  if (opts.format == "json")
    RenderAgreementJson(agreement, std::cout);
  else
    RenderAgreementText(agreement, std::cout, opts.quiet);
  std::cout.flush();
  if (!std::cout) {
    spdlog::error("标准输出写入失败");
    return kExitUsage;
  }
  if (agreement.broken || agreement.overall.n == 0) return kExitUsage;
  const Tally& t = agreement.overall;
  if ((opts.min_exact && t.Exact() < *opts.min_exact) || (opts.min_binary && t.Binary() < *opts.min_binary))
    return kExitGate;
  return kExitOk;
}

}  // namespace fazhi
