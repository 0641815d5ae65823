// `fazhi diff OLD NEW`: its flags; load the rules once, check both reports, compare, render to stdout or files.
#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "cli/rule_loading.h"
#include "diff/diff.h"
#include "output/file_writer.h"
#include "pipeline/check.h"
#include "segment/metadata.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

struct DiffCommandOptions {
  RulesOptions rules;
  std::string old_path, new_path;
  std::vector<std::string> formats;  // empty = text
  std::string output;                // file (one format) or directory (diff.<ext> per format)
  MetadataOverrides overrides;       // applied to both reports
  bool force = false;                // compare although not the same issuer's consecutive years (a banner says so)
};

int RunDiff(const DiffCommandOptions& opts) {
  std::vector<std::string> formats = opts.formats.empty() ? std::vector<std::string>{"text"} : opts.formats;
  for (const auto& f : formats) {
    if (!FindDiffRenderer(f)) {
      std::string names;
      for (const auto& r : DiffRenderers()) names += std::string(names.empty() ? "" : ", ") + r.name;
      spdlog::error("{}", Msg("diff.bad-format", {f, names}));
      return kExitUsage;
    }
  }
  bool to_dir = !opts.output.empty() && (formats.size() > 1 || fs::is_directory(opts.output) ||
                                         opts.output.back() == '/');
  if (!opts.output.empty() && !to_dir) {  // -o FILE: the format by its extension, as check does
    std::vector<FormatExtension> known;
    for (const auto& r : DiffRenderers()) known.push_back({r.name, r.extension});
    if (!FormatFromOutputName(opts.output, opts.formats, known, formats)) return kExitUsage;
  }
  Diagnostics rule_diags;
  auto rules = LoadRulesForCommand(opts.rules, rule_diags);
  if (!rules) return kExitUsage;
  CheckOptions copts;
  copts.overrides = opts.overrides;
  copts.limits = opts.rules.limits;
  Document docs[2];
  Report reports[2];
  const std::string* paths[2] = {&opts.old_path, &opts.new_path};
  for (int i = 0; i < 2; ++i) {
    copts.inspect = [&](const Document& doc, const Hits&) {  // the comparison reads the texts too
      docs[i] = doc;
      return true;
    };
    reports[i] = Check(*rules, Input::File(*paths[i]), copts);
    if (std::string failed = FailureReason(reports[i]); !failed.empty()) {
      spdlog::error("{}: {}", reports[i].document.path, failed);
      return kExitUsage;
    }
    if (reports[i].status == CheckStatus::kNotCheckable) {
      spdlog::error("{}", Msg("diff.not-checkable", {*paths[i], reports[i].document.not_checkable_reason}));
      return kExitUsage;
    }
  }
  std::string problem = ComparabilityProblem(reports[0].document, reports[1].document);
  if (!problem.empty() && !opts.force) {
    spdlog::error("{}", Msg("diff.not-comparable", {*paths[0], *paths[1], problem}));
    return kExitUsage;
  }
  DiffReport diff = DiffReports(docs[0], reports[0], docs[1], reports[1], *rules, problem);

  if (to_dir) {
    std::error_code ec;
    fs::create_directories(opts.output, ec);
  }
  for (const auto& f : formats) {
    const DiffRendererEntry* r = FindDiffRenderer(f);
    if (opts.output.empty()) {
      r->render(diff, std::cout);
      continue;
    }
    fs::path target = to_dir ? fs::path(opts.output) / (std::string("diff.") + r->extension) : fs::path(opts.output);
    for (const std::string* input : paths)
      if (auto a = FileIdOf(*input), o = FileIdOf(target.string()); a && o && *a == *o) {
        spdlog::error("{}", Msg("diff.output-is-input", {target.string(), *input}));
        return kExitUsage;
      }
    try {
      WriteOutputFile(target.string(), [&](std::ostream& out) { r->render(diff, out); });
    } catch (const OutputError& e) {
      spdlog::error("{}", e.what());
      return kExitUsage;
    }
    NoteWritten(target.string());
  }
  return kExitOk;
}

}  // namespace

int DiffCommand(const std::vector<std::string>& args, const char* argv0) {
  DiffCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  CommandHelp help;
  help.title = TrHelp("fazhi diff — 比较同一单位两个年度的报告：得分、结论、指标、上年计划是否落实",
                      "fazhi diff — compare two years of one issuer: scores, verdicts, metrics, "
                      "last year's plans kept");
  help.usage = {TrHelp("fazhi diff [选项] 上年报告 本年报告", "fazhi diff [options] OLD NEW")};
  help.arguments = {
      {TrHelp("上年报告", "OLD"), TrHelp("较早年度的报告（任意可读格式）", "the earlier year's report (any readable format)")},
      {TrHelp("本年报告", "NEW"), TrHelp("同一单位下一年度的报告", "the same issuer's report of the next year")}};
  help.examples = {
      {"fazhi diff 2021年报告.docx 2022年报告.docx", TrHelp("在终端显示两年对比", "the comparison on the terminal")},
      {"fazhi diff -o 对比.html 2021年报告.pdf 2022年报告.pdf", TrHelp("写出 HTML 对比报告", "write an HTML comparison")}};
  po::options_description out;
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing()->value_name(TrHelp("格式", "FORMAT")),
       TrHelp("输出格式：text（默认）| md | html | json；配合 -o 文件夹 可重复",
              "text | md | html | json (repeatable with --output DIR)"))
      ("output,o", po::value<std::string>(&o.output)->value_name(TrHelp("路径", "PATH")),
       TrHelp("输出文件（格式由扩展名定：.txt .md .html .json），或一个文件夹（每种格式写 diff.<扩展名>）",
              "output file (its extension names the format: .txt .md .html .json), or a folder (diff.<ext> per format)"))
      ("force", po::bool_switch(&o.force),
       TrHelp("两份报告不是同一单位的相邻年度时也比较（结果顶部注明）",
              "compare even when the reports are not the same issuer's consecutive years (a banner says so)"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("输出", "output")), out},
                                         RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(args, help, "positional", positional, vm)) return *done;
  if (positional.size() != 2) {
    PrintError(Msg("usage.diff-args"));
    return kExitUsage;
  }
  SetupLogging(vm, quiet);
  o.old_path = positional[0];
  o.new_path = positional[1];
  return RunDiff(o);
}

}  // namespace fazhi
