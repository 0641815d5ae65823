// `fazhi review import 台账.xlsx [-o DIR]`: the reviewed 整改台账 read back (ledger/review.h) into a waivers file,
// gold labels, draft rule examples and a table of the rows' 责任单位/整改时限/状态 (docs/ledgers.md).
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "cli/rule_loading.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/safe_text.h"
#include "ledger/review.h"
#include "output/file_writer.h"
#include "pipeline/check.h"
#include "score/waivers.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

const char* kReviewUsage =
    "用法：fazhi review import 台账.xlsx [-o 文件夹] [--approver 批准人] [--expires YYYY-MM-DD] [--report 报告文件]\n"
    "例：  fazhi review import 红桥区-整改台账.xlsx -o 复核结果 --approver \"区依法治区办 张三\"\n";

struct ReviewCommandOptions {
  RulesOptions rules;
  std::string input, out, approver, expires, report;
  bool force = false;
};

// Written next to each other through the one output writer; an existing file is replaced only with --force.
bool WriteOutputs(const fs::path& dir, const std::vector<std::pair<std::string, const std::string*>>& files,
                  bool force) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    PrintError(Msg("review.mkdir-failed", {dir.string(), ec.message()}));
    return false;
  }
  if (!force)
    for (const auto& [name, bytes] : files)
      if (fs::exists(dir / name, ec)) {
        PrintError(Msg("review.exists", {(dir / name).string()}));
        return false;
      }
  for (const auto& [name, bytes] : files) {
    const fs::path target = dir / name;
    try {
      WriteOutputFile(target.string(), *bytes);  // temporary name, checked writes, rename (output/file_writer.h)
    } catch (const OutputError& e) {
      std::cerr << "fazhi: 错误：" << TerminalSafe(e.what()) << "\n";
      return false;
    }
    NoteWritten(target.string());
  }
  return true;
}

int RunReviewImport(const ReviewCommandOptions& opts) {
  ReviewOptions ropts;
  ropts.approver = opts.approver;
  ropts.today = Today();
  ropts.report = opts.report;
  if (!opts.expires.empty()) {
    ropts.expires = ParseIsoDate(opts.expires);
    if (!ropts.expires) {
      PrintError(Msg("review.bad-expires", {opts.expires}));
      return kExitUsage;
    }
  }
  Diagnostics rule_diags;
  auto rules = LoadRulesForCommand(opts.rules, rule_diags);
  if (!rules) return kExitUsage;
  for (const std::string& id : RuleIds(*rules)) ropts.known_rules.insert(id);

  ReviewImport review;
  try {
    review = ImportReview(opts.input, ropts);
  } catch (const InputError& e) {
    PrintError(DiagnosticLogLine(DiagnosticOf(e)));
    return kExitUsage;
  }
  const int read = static_cast<int>(review.rows.size());
  std::cout << fmt::format("读取 {} 行（{}，工作表“{}”）：豁免 {}，误判 {}，同意 {}，其他 {}\n", read,
                           TerminalSafe(opts.input), TerminalSafe(review.sheet), review.waived, review.misjudged,
                           review.agreed, review.other);
  for (const std::string& n : review.notes) std::cerr << "fazhi: " << Msg("log.level", {Msg("level.note")}) << TerminalSafe(n) << "\n";
  if (!review.errors.empty()) {
    for (const std::string& e : review.errors) std::cerr << "fazhi: 错误：" << TerminalSafe(e) << "\n";
    PrintError(Msg("review.errors", {std::to_string(review.errors.size())}));
    return kExitUsage;
  }
  const fs::path dir = opts.out.empty() ? fs::path(opts.input).parent_path() / "复核结果" : fs::path(opts.out);
  if (!WriteOutputs(dir,
                    {{"waivers.yaml", &review.waivers_yaml},
                     {"labels.tsv", &review.labels_tsv},
                     {"examples.yaml", &review.examples_yaml},
                     {"review-rows.tsv", &review.rows_tsv}},
                    opts.force))
    return kExitUsage;
  return kExitOk;
}

}  // namespace

int ReviewCommand(const std::vector<std::string>& args, const char* argv0) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << SubcommandsHelp(*FindCommand("review"));
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] != "import") {
    PrintError(Msg("usage.unknown-command", {"review " + args[0]}) + Msg("usage.did-you-mean", {"review import"}));
    std::cerr << kReviewUsage;
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  ReviewCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  CommandHelp help;
  help.title = TrHelp("fazhi review import — 读回复核后的整改台账：豁免、误判标注、规则例子草稿",
                      "fazhi review import — read a reviewed ledger (台账) back: waivers, gold "
                      "labels, draft rule examples");
  help.usage = {TrHelp("fazhi review import [选项] 台账.xlsx", "fazhi review import [options] LEDGER.xlsx")};
  help.arguments = {{TrHelp("台账.xlsx", "LEDGER.xlsx"),
                     TrHelp("fazhi check -o 写出、审核人员填过“复核”列的整改台账",
                            "a 台账 written by fazhi check -o whose review columns an auditor filled in")}};
  help.examples = {{"fazhi review import 红桥区-整改台账.xlsx -o 复核结果 --approver \"区依法治区办 张三\"",
                    TrHelp("写出 waivers.yaml、labels.tsv、examples.yaml、review-rows.tsv",
                           "writes waivers.yaml, labels.tsv, examples.yaml, review-rows.tsv")}};
  po::options_description opts;
  opts.add_options()
      ("output,o", po::value<std::string>(&o.out)->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("写出 waivers.yaml、labels.tsv、examples.yaml、review-rows.tsv 的文件夹（默认：台账所在文件夹下的“复核结果”）",
              "folder for waivers.yaml, labels.tsv, examples.yaml, review-rows.tsv (default: 复核结果 beside the 台账)"))
      ("approver", po::value<std::string>(&o.approver)->value_name(TrHelp("批准人", "WHO")),
       TrHelp("豁免的批准人（有“申请豁免”的行时必填）", "who approves the waivers (required when a row asks for one)"))
      ("expires", po::value<std::string>(&o.expires)->value_name("YYYY-MM-DD"),
       TrHelp("豁免的截止日期（默认不设）", "the waivers' expiry date (default: none)"))
      ("report", po::value<std::string>(&o.report)->value_name(TrHelp("报告文件", "REPORT")),
       TrHelp("标注所针对的报告文件（默认：台账封面的“文件”）", "the report the labels are for (default: the 台账's cover)"))
      ("force", po::bool_switch(&o.force), TrHelp("覆盖已有的输出文件", "overwrite existing output files"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("复核", "review")), opts},
                                         RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(rest, help, "positional", positional, vm)) return *done;
  if (positional.size() != 1) {
    std::cerr << "fazhi: 错误：" << kReviewUsage;
    return kExitUsage;
  }
  SetupLogging(vm, quiet);
  o.input = positional[0];
  return RunReviewImport(o);
}

}  // namespace fazhi
