// `fazhi eval LABELS…`: check each labelled report with the rules, compare with the auditor's gold verdicts
// (eval/agreement.h) and print the figures; --min-exact / --min-binary gate the result (exit 1).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "cli/rule_loading.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "eval/agreement.h"
#include "eval/labels.h"
#include "pipeline/check.h"
#include "render/eval.h"

namespace fazhi {

namespace {

struct EvalCommandOptions {
  RulesOptions rules;
  std::vector<std::string> labels;  // labels files or folders of them
  std::string format = "text";      // text | json
  bool no_args = false;             // ignore the files' `# args:` lines (an auditor's run with no flags)
  bool quiet = false;               // figures only, no disagreements
  std::optional<double> min_exact, min_binary;
};

int RunEval(const EvalCommandOptions& opts) {
  if (opts.format != "text" && opts.format != "json") {
    spdlog::error("{}", Msg("eval.bad-format", {opts.format}));
    return kExitUsage;
  }
  std::vector<LabelFile> files;
  try {
    for (const std::string& path : ExpandLabelPaths(opts.labels)) files.push_back(ReadLabelFile(path));
  } catch (const InputError& e) {
    LogDiagnostic(DiagnosticOf(e));
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
      LogDiagnostic(DiagnosticOf(e));
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
    for (const RuleResult& r : report.results) verdicts[r.rule->id.str()] = VerdictName(r.verdict);
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
    spdlog::error("{}", Msg("eval.stdout-failed"));
    return kExitUsage;
  }
  if (agreement.broken || agreement.overall.n == 0) return kExitUsage;
  const Tally& t = agreement.overall;
  if ((opts.min_exact && t.Exact() < *opts.min_exact) || (opts.min_binary && t.Binary() < *opts.min_binary))
    return kExitGate;
  return kExitOk;
}

}  // namespace

int EvalCommand(const std::vector<std::string>& args, const char* argv0) {
  EvalCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  CommandHelp help;
  help.title = TrHelp("fazhi eval — 用审核人员的人工标注衡量 fazhi 的判定（一致率、查准率、查全率）",
                      "fazhi eval — measure fazhi's verdicts against an auditor's gold labels "
                      "(agreement, precision, recall)");
  help.usage = {TrHelp("fazhi eval [选项] 标注…", "fazhi eval [options] LABELS...")};
  help.arguments = {{TrHelp("标注…", "LABELS..."),
                     TrHelp("人工标注文件（TSV，格式见 docs/accuracy.md），或其所在文件夹",
                            "gold label files (TSV, see docs/accuracy.md), or folders of them")}};
  help.examples = {{"fazhi eval 标注/", TrHelp("逐条比较并汇总一致率", "compare and summarise the agreement")},
                   {"fazhi eval 标注/ --no-args --min-binary 0.9",
                    TrHelp("不用标注里的参数；三类一致率低于 0.9 时退出码为 1", "ignore `# args:`; exit 1 under 0.9")}};
  po::options_description opts;
  opts.add_options()
      ("format,f", po::value<std::string>(&o.format)->default_value("text")->value_name(TrHelp("格式", "FORMAT")),
       TrHelp("输出格式：text | json", "text | json"))
      ("no-args", po::bool_switch(&o.no_args),
       TrHelp("忽略标注文件的 `# args:` 行（如审核人员不加参数运行）",
              "ignore the labels' `# args:` lines (as an auditor running without flags)"))
      ("min-exact", po::value<double>()->value_name(TrHelp("比例", "RATIO")),
       TrHelp("完全一致率低于此值（0–1）时退出码为 1", "exit 1 when the exact agreement is under this (0–1)"))
      ("min-binary", po::value<double>()->value_name(TrHelp("比例", "RATIO")),
       TrHelp("三类一致率低于此值（0–1）时退出码为 1", "exit 1 when the binary agreement is under this (0–1)"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("评估", "evaluation")), opts},
                                         RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  std::vector<std::string> positional;
  if (auto done = ParseCommand(args, help, "positional", positional, vm)) return *done;
  if (positional.empty()) {
    PrintError(Msg("usage.eval-args"));
    return kExitUsage;
  }
  for (const char* name : {"min-exact", "min-binary"}) {
    if (!vm.count(name)) continue;
    const double v = vm[name].as<double>();
    if (v < 0 || v > 1) {
      PrintError(Msg("eval.bad-share", {name, fmt::format("{}", v)}));
      return kExitUsage;
    }
    (std::string(name) == "min-exact" ? o.min_exact : o.min_binary) = v;
  }
  SetupLogging(vm, quiet);
  o.quiet = quiet;
  o.labels = positional;
  return RunEval(o);
}

}  // namespace fazhi
