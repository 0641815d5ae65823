// `fazhi check`: its flags; load rules once, then one input → Check() → render to stdout or files, or many inputs
// (folders, several files) → the batch runner (batch/runner.h) with the renderers as its sinks and the summary files.
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "batch/runner.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/rule_loading.h"
#include "core/date.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/lang.h"
#include "core/levels.h"
#include "core/messages.h"
#include "core/severity.h"
#include "core/stage_times.h"
#include "ingest/reader.h"
#include "output/file_writer.h"
#include "output/run_folder.h"
#include "pipeline/check.h"
#include "render/renderer.h"
#include "score/profile.h"
#include "score/waivers.h"
#include "segment/dump.h"
#include "segment/metadata.h"
#include "serve/record.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

struct CheckCommandOptions {
  RulesOptions rules;
  std::vector<std::string> inputs;
  std::vector<std::string> formats;  // empty = text
  std::string output;                // file (one format, one input) or directory
  MetadataOverrides overrides;
  std::string dump;                  // segments | hits | findings
  std::string waivers;
  std::string profile;               // --profile FILE | none; "" = profile.yaml of the shipped rules when present
  std::optional<double> fail_under;
  std::string fail_on;               // severity
  int jobs = 0;                      // --jobs: workers for a batch (0 = every core)
  bool summary_only = false;         // a batch with --output DIR writes only the summary files
  bool timings = false;              // --timings: CPU seconds per stage on stderr at the end (core/stage_times.h)
  bool color = false;
  int width = 100;  // terminal columns for the text report
  std::string db;   // --db DIR: every check also recorded in fazhi serve's database there (serve/record.h)
};

std::string DumpHits(const Document& doc, const Hits& hits, const RuleSet& rules) {
  std::ostringstream out;
  out << "# hits: " << hits.total << " occurrences of " << rules.matcher().size() << " terms\n";
  std::vector<std::pair<std::uint32_t, TermId>> all;
  for (TermId t = 0; t < rules.matcher().size(); ++t)
    for (auto s : hits.Of(t)) all.push_back({s, t});
  std::sort(all.begin(), all.end());
  for (auto [s, t] : all) out << doc.LineOf(s) << "\t" << s << "\t" << rules.matcher().Term(t) << "\n";
  return out.str();
}

std::string DumpFindings(const Report& report) {
  std::ostringstream out;
  for (const auto& r : report.results) {
    out << r.rule->id << "\t" << VerdictName(r.verdict) << "\t" << r.message << "\n";
    for (const auto& e : r.evidence)
      out << "  " << EvidenceKindName(e.kind) << "\tline " << e.line << "\t" << e.quote << "\n";
  }
  return out.str();
}


bool GateTripped(const Report& report, const CheckCommandOptions& opts) {
  bool tripped = false;
  if (opts.fail_under && report.score.total && *report.score.total < *opts.fail_under) {
    spdlog::warn("{}", Msg("check.fail-under", {fmt::format("{:.1f}", *report.score.total),
                                               fmt::format("{:.1f}", *opts.fail_under)}));
    tripped = true;
  }
  if (opts.fail_under && !report.score.total) {  // nothing scorable cannot meet a threshold (never a silent pass)
    spdlog::warn("{}", Msg("check.fail-under-no-score", {report.document.path, fmt::format("{:.1f}", *opts.fail_under)}));
    tripped = true;
  }
  if (!opts.fail_on.empty()) {
    for (const auto& r : report.results) {
      if (r.verdict == Verdict::kFail && SeverityRank(r.rule->severity) >= SeverityRank(opts.fail_on)) {
        spdlog::warn("{}", Msg("check.fail-on", {r.rule->id,
                                                 English() ? SeverityName(r.rule->severity)
                                                           : SeverityLabelZh(r.rule->severity),
                                                 opts.fail_on}));
        tripped = true;
        break;
      }
    }
  }
  return tripped;
}

// A batch's summary file, through the output writer (a failure is logged and makes the run's status 2).
bool WriteSummaryFile(const fs::path& target, const std::function<void(std::ostream&)>& write) {
  StageTimer timer(Stage::kSummary);
  try {
    WriteOutputFile(target.string(), write);
    spdlog::info("{}", Msg("check.wrote", {target.string()}));
    return true;
  } catch (const OutputError& e) {
    spdlog::error("{}", e.what());
  } catch (const std::exception& e) {
    spdlog::error("{}: {}", target.string(), e.what());
  }
  return false;
}

// The files and folders a run reads, by device and inode: an output that is one of them is refused (a report
// written over its own input, a summary over a report).
struct InputIds {
  std::map<FileId, std::string> ids;
  void Add(const std::string& path) {
    if (auto id = FileIdOf(path)) ids.emplace(*id, path);
  }
  // The input `path` is, or "".
  std::string Which(const std::string& path) const {
    auto id = FileIdOf(path);
    if (!id) return "";
    auto it = ids.find(*id);
    return it == ids.end() ? "" : it->second;
  }
};

// Checks every input on the batch runner. With --output DIR: per-report files DIR/reports/<rel>.<ext> and
// DIR/summary.csv, matrix.csv, summary.xlsx, index.html. Without: the reports to stdout, in path order.
// Returns the exit status (docs/cli.md): 2 when any input could not be read (every other input still checked
// and listed), else 1 when a gate tripped, else 0.

int RunCheckBatch(const CheckCommandOptions& opts, const std::vector<std::string>& formats, const RuleSet& rules,
                  const std::vector<Waiver>& waivers, std::vector<BatchInput> inputs, const Profile* profile,
                  CheckRecorder* recorder) {
  const std::vector<std::string> report_formats = opts.summary_only ? std::vector<std::string>{} : formats;
  static const char* const kSummaryFiles[] = {"summary.csv", "matrix.csv", "summary.xlsx", "index.html"};
  InputIds input_ids;  // only outputs written to files can be an input: not built for reports to stdout (a stat
                       // and a map entry per input, ~160 bytes each)
  if (!opts.output.empty())
    for (const auto& in : inputs)
      if (in.error.empty()) input_ids.Add(in.path);
  fs::path out_dir;
  std::optional<RunFolder> folder;
  if (!opts.output.empty()) {
    out_dir = opts.output;
    std::error_code ec;
    if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
      spdlog::error("{}", Msg("check.output-is-file", {opts.output}));
      return kExitUsage;
    }
    // Inputs are never outputs: the output folder may not be an input folder (its reports would be read back as
    // inputs by the next run); inside an input folder it is left out of the walk (batch/walk.cc).
    for (const auto& arg : opts.inputs) {
      if (auto a = FileIdOf(arg), o = FileIdOf(opts.output); a && o && *a == *o) {
        spdlog::error("{}", Msg("check.output-is-input-folder", {opts.output, arg}));
        return kExitUsage;
      }
    }
    // One run at a time in a folder; the earlier run's outputs (its manifest) are removed before this run writes.
    std::vector<std::string> planned;
    for (const auto& in : inputs)
      if (in.error.empty())
        for (const auto& f : report_formats) planned.push_back("reports/" + in.rel + "." + FindRenderer(f)->extension);
    for (const char* name : kSummaryFiles) planned.push_back(name);
    try {
      folder.emplace(opts.output);
      if (std::size_t removed = folder->Begin(planned))
        spdlog::info("{}", Msg("check.removed-earlier", {std::to_string(removed), opts.output}));
    } catch (const OutputError& e) {
      spdlog::error("{}", e.what());
      return kExitUsage;
    }
    // Every folder is made before the workers start (no races, and names are known in advance). A folder that
    // cannot be made (a path too long for the system) costs its inputs, never the batch: they become error rows.
    std::map<fs::path, std::string> dir_errors;
    std::set<fs::path> dirs;
    for (const auto& in : inputs)
      if (in.error.empty()) dirs.insert((out_dir / "reports" / in.rel).parent_path());
    for (const auto& d : dirs) {
      fs::create_directories(d, ec);
      if (ec) dir_errors[d] = ec.message();
    }
    for (auto& in : inputs) {
      if (!in.error.empty()) continue;
      auto it = dir_errors.find((out_dir / "reports" / in.rel).parent_path());
      if (it != dir_errors.end())
        in.error = "无法创建输出文件夹 " + it->first.string() + "：" + it->second + " (cannot create the output folder)";
    }
  }
  BatchOptions bopts;
  bopts.check.overrides = opts.overrides;
  bopts.check.limits = opts.rules.limits;
  bopts.check.waivers = &waivers;
  bopts.check.profile = profile;
  bopts.check.near_misses = recorder != nullptr;  // the database keeps `-f json`'s JSON, as serve does
  bopts.jobs = opts.jobs;
  bopts.to_stdout = out_dir.empty();
  bopts.keep_rows = !out_dir.empty();  // only the summary files need a row per input
  RenderOptions ropts;
  ropts.color = opts.color;
  BatchSinks sinks;
  sinks.gate = [&](const Report& report) { return GateTripped(report, opts); };
  sinks.report = [&](const Report& report, const BatchInput& in, SummaryRow& row, std::string& stdout_text,
                     const BatchErrorLog& log) {
    if (recorder) recorder->Record(in.path, report);
    StageTimer render_timer(Stage::kRender);
    bool ok = true;
    for (const auto& f : report_formats) {
      const RendererEntry* r = FindRenderer(f);
      try {
        if (out_dir.empty()) {
          if (r->append) {  // straight into the worker's buffer: a report's JSON is ~200 KB
            r->append(report, stdout_text, ropts);
            continue;
          }
          std::ostringstream out;
          r->render(report, out, ropts);
          stdout_text += out.str();
          continue;
        }
        std::string name = "reports/" + in.rel + "." + r->extension;
        fs::path target = out_dir / name;
        if (std::string input = input_ids.Which(target.string()); !input.empty())
          throw OutputError(target.string(), "输出文件 " + target.string() + " 就是输入文件 " + input +
                                                 "，不覆盖 (the output would overwrite an input)");
        WriteOutputFile(target.string(), [&](std::ostream& out) { r->render(report, out, ropts); });
        row.outputs.push_back(name);
      } catch (const std::exception& e) {
        log(in.path + ": " + f + " output: " + e.what());
        ok = false;
      }
    }
    return ok;
  };
  BatchResult run = RunBatch(rules, inputs, bopts, sinks);
  bool ok = !run.write_failed;
  if (!out_dir.empty()) {
    BatchSummary& summary = run.summary;
    RankRows(summary);
    std::vector<std::string> written;
    for (const auto& row : summary.rows) written.insert(written.end(), row.outputs.begin(), row.outputs.end());
    const std::function<void(std::ostream&)> writers[] = {
        [&](std::ostream& o) { WriteSummaryCsv(summary, o); }, [&](std::ostream& o) { WriteMatrixCsv(summary, o); },
        [&](std::ostream& o) { WriteSummaryXlsx(summary, o); }, [&](std::ostream& o) { WriteSummaryHtml(summary, o); }};
    for (std::size_t i = 0; i < std::size(kSummaryFiles); ++i) {
      bool wrote = WriteSummaryFile(out_dir / kSummaryFiles[i], writers[i]);
      if (wrote) written.push_back(kSummaryFiles[i]);
      ok = wrote && ok;
    }
    for (const auto& name : written) NoteWritten((out_dir / name).string());
    try {
      folder->Finish(written);
    } catch (const OutputError& e) {
      spdlog::error("{}", e.what());
      ok = false;
    }
  }
  if (run.any_error || !ok) return kExitUsage;
  return run.gate ? kExitGate : kExitOk;
}

std::vector<FormatExtension> RendererExtensions() {
  std::vector<FormatExtension> out;
  for (const auto& r : Renderers()) out.push_back({r.name, r.extension});
  return out;
}

// The rule set of a check lives until the process ends and is never freed: destroying its rules, checks, compiled
// regexes and automaton at exit was 1.8 M instructions (~2 % of checking one report) to give back memory the
// process returns anyway. Held from a global, so a leak checker sees it as reachable.
void KeepUntilExit(std::shared_ptr<const RuleSet> rules) {
  static auto* const kept = new std::vector<std::shared_ptr<const RuleSet>>;
  kept->push_back(std::move(rules));
}

int RunCheck(const CheckCommandOptions& opts) {
  std::vector<std::string> formats = opts.formats.empty() ? std::vector<std::string>{"text"} : opts.formats;
  for (const auto& f : formats) {
    if (!FindRenderer(f)) {
      std::string names;
      for (const auto& r : Renderers()) names += std::string(names.empty() ? "" : ", ") + r.name;
      spdlog::error("{}", Msg("usage.bad-format", {f, names}));
      return kExitUsage;
    }
  }
  for (const auto& f : formats) {
    if (opts.output.empty() && FindRenderer(f)->binary && isatty(STDOUT_FILENO)) {
      spdlog::error("{}", Msg("usage.binary-needs-output", {f}));
      return kExitUsage;
    }
  }
  if (opts.inputs.empty()) {
    spdlog::error("{}", Msg("check.no-input"));
    return kExitUsage;
  }
  EnableStageTimes(opts.timings);
  Diagnostics rule_diags;
  std::shared_ptr<const RuleSet> rules;
  {
    StageTimer timer(Stage::kRules);
    rules = LoadRulesForCommand(opts.rules, rule_diags);
  }
  if (!rules) return kExitUsage;
  KeepUntilExit(rules);
  std::vector<Waiver> waivers;
  if (!opts.waivers.empty()) {
    try {
      waivers = LoadWaivers(opts.waivers, opts.rules.limits);
    } catch (const InputError& e) {
      LogDiagnostic(DiagnosticOf(e));
      return kExitUsage;
    }
  }

  std::optional<Profile> profile;
  if (!LoadCommandProfile(opts.rules, opts.profile, *rules, profile)) return kExitUsage;
  std::unique_ptr<CheckRecorder> recorder;
  if (!opts.db.empty() && !(recorder = OpenCheckRecorder(opts.db, *rules, opts.rules.packs, opts.overrides)))
    return kExitUsage;

  // Folders and several files make a batch (batch/runner.h): a pool of workers, per-report files, a summary.
  ExpandedInputs expanded = ExpandInputs(opts.inputs, opts.output);
  if (expanded.inputs.empty()) {
    spdlog::error("{}", Msg("check.no-reports", {opts.inputs.front(), ReportExtensionList()}));
    return kExitUsage;
  }
  if (opts.dump.empty() && (expanded.any_directory || opts.inputs.size() > 1)) {
    if (opts.jobs < 0) {
      spdlog::error("{}", Msg("usage.bad-jobs", {std::to_string(opts.jobs)}));
      return kExitUsage;
    }
    if (opts.summary_only && opts.output.empty()) {
      spdlog::error("{}", Msg("usage.summary-only-needs-dir"));
      return kExitUsage;
    }
    if (opts.output.empty() && std::find(formats.begin(), formats.end(), "xlsx") != formats.end()) {
      // Workbooks back to back on stdout are no file anyone can open.
      spdlog::error("{}", Msg("usage.batch-xlsx-needs-dir"));
      return kExitUsage;
    }
    for (const auto& note : expanded.notes) spdlog::warn("{}", note);
    // Counted before the inputs are moved into the batch (a moved-from vector is empty: the per-document figure
    // was missing from --timings, and bench/run's rule-scaling rows with it).
    const std::size_t documents = expanded.inputs.size();
    int rc = RunCheckBatch(opts, formats, *rules, waivers, std::move(expanded.inputs), profile ? &*profile : nullptr,
                           recorder.get());
    if (opts.timings) std::cerr << FormatStageTimes(documents) << "\n";
    return rc;
  }
  std::vector<std::string> paths;
  InputIds input_ids;
  for (const auto& in : expanded.inputs) {
    paths.push_back(in.path);
    input_ids.Add(in.path);
  }

  // Output: a file (one format, one input, not a directory) or a directory of <input-stem>.<ext> files.
  bool to_dir = false;
  if (!opts.output.empty()) {
    std::error_code ec;
    to_dir = formats.size() > 1 || opts.inputs.size() > 1 || fs::is_directory(opts.output, ec) ||
             opts.output.back() == '/';
    if (!to_dir && opts.dump.empty() && !FormatFromOutputName(opts.output, opts.formats, RendererExtensions(), formats))
      return kExitUsage;
  }
  auto target_of = [&](const std::string& input, const RendererEntry& r) {
    return to_dir ? fs::path(opts.output) / (fs::path(input).stem().string() + "." + r.extension)
                  : fs::path(opts.output);
  };
  // Inputs are never outputs (`check 报告.txt -f text -o .` would write 报告.txt over itself): refused before
  // anything is read, by device and inode.
  if (!opts.output.empty() && opts.dump.empty()) {
    for (const auto& input : paths)
      for (const auto& f : formats) {
        std::string target = target_of(input, *FindRenderer(f)).string();
        if (std::string in = input_ids.Which(target); !in.empty()) {
          spdlog::error("{}", Msg("check.output-is-input", {target, in}));
          return kExitUsage;
        }
      }
    if (to_dir) {
      std::error_code ec;
      fs::create_directories(opts.output, ec);
    }
  }
  CheckOptions copts;
  copts.overrides = opts.overrides;
  copts.limits = opts.rules.limits;
  copts.waivers = &waivers;
  copts.profile = profile ? &*profile : nullptr;
  // JSON carries each gap's near misses; the other formats do not pay for collecting them.
  copts.near_misses = recorder || std::find(formats.begin(), formats.end(), "json") != formats.end();
  if (opts.dump == "segments" || opts.dump == "hits") {  // print the stage, end the check there
    copts.inspect = [&](const Document& doc, const Hits& hits) {
      std::cout << (opts.dump == "segments" ? DumpSegments(doc) : DumpHits(doc, hits, *rules));
      return false;
    };
  }
  RenderOptions ropts;
  ropts.color = opts.color;
  ropts.width = opts.width;

  int status = kExitOk;
  bool gate = false;
  for (const auto& input : paths) {
    Report report = Check(*rules, Input::File(input), copts);
    if (report.status == CheckStatus::kStopped) continue;
    if (recorder) recorder->Record(input, report);
    if (std::string failed = FailureReason(report); !failed.empty()) {
      spdlog::error("{}: {}", report.document.path, failed);
      status = kExitUsage;
      continue;
    }
    if (report.status == CheckStatus::kNotCheckable)
      spdlog::warn("{}", Msg("cli.not-checkable", {input, report.document.not_checkable_reason}));
    for (const auto& d : report.diagnostics)
      if (d.level != Level::kNote) LogDiagnostic(d);
    if (opts.dump == "findings") {
      std::cout << DumpFindings(report);
      continue;
    }
    gate = GateTripped(report, opts) || gate;
    StageTimer render_timer(Stage::kRender);
    for (const auto& f : formats) {
      const RendererEntry* r = FindRenderer(f);
      if (opts.output.empty()) {
        r->render(report, std::cout, ropts);
        continue;
      }
      fs::path target = target_of(input, *r);
      try {
        WriteOutputFile(target.string(), [&](std::ostream& out) { r->render(report, out, ropts); });
      } catch (const OutputError& e) {
        spdlog::error("{}", e.what());
        status = kExitUsage;
        continue;
      }
      NoteWritten(target.string());
    }
  }
  if (status == kExitOk && gate) status = kExitGate;
  if (opts.timings) std::cerr << FormatStageTimes(paths.size()) << "\n";
  return status;
}

int TerminalWidth() {
  if (const char* cols = std::getenv("COLUMNS")) {
    int n = std::atoi(cols);
    if (n >= 40 && n <= 400) return n;
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
  return 100;
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args, const char* argv0) {
  CheckCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::string published, issuer, level;
  double fail_under = -1;
  CommandHelp help;
  help.title = TrHelp("fazhi check — 核查报告（文件或文件夹），在终端显示或写出差距报告",
                      "fazhi check — check reports (files or folders), print or write gap reports");
  help.usage = {TrHelp("fazhi check [选项] 报告…", "fazhi check [options] REPORT...")};
  help.arguments = {
      {TrHelp("报告…", "REPORT..."),
       TrHelp("要核查的报告文件或文件夹（文件夹递归读取；TXT、HTML、DOCX、DOC、WPS、PDF、OFD）。一个文件：差距报告写到终端或 -o；"
              "文件夹或多个文件：批量核查，-o 文件夹里另有汇总表 summary.csv、matrix.csv、summary.xlsx、index.html",
              "report files or folders (folders are read recursively; TXT, HTML, DOCX, DOC, WPS, "
              "PDF, OFD). One file: the gap report to the terminal or -o; a folder or several files: a batch, "
              "whose -o folder also gets summary.csv, matrix.csv, summary.xlsx, index.html")}};
  help.examples = {
      {"fazhi check 报告.docx", TrHelp("在终端显示得分和差距", "score and gaps on the terminal")},
      {"fazhi check 报告.docx -o 结果.xlsx", TrHelp("写出 Excel 整改台账（格式由扩展名决定）",
                                              "write the Excel ledger (the extension names the format)")},
      {"fazhi check -f html -f xlsx -o 输出/ 报告.pdf", TrHelp("几种格式写入一个文件夹", "several formats into a folder")},
      {"fazhi check --jobs 8 -o 输出/ 各区报告/", TrHelp("批量核查：每份报告一个文件，另有汇总表",
                                                 "a batch: one file per report and the summary files")},
      {"fazhi check --year 2021 --published 2022-03-15 报告.txt",
       TrHelp("补上正文缺少的年度和发布日期", "metadata the text lacks")},
      {"fazhi check --rules 我的规则/ --fail-under 80 报告.docx",
       TrHelp("加上本地规则；得分低于 80 时退出码为 1", "add local rules; exit 1 under 80")}};
  po::options_description out, meta;
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing()->value_name(TrHelp("格式", "FORMAT")),
       TrHelp("输出格式：text（终端文字，默认）| json | jsonl | md | html | csv | xlsx；配合 -o 文件夹 可重复",
              "text (default) | json | jsonl | md | html | csv | xlsx (repeatable with --output DIR)"))
      ("output,o", po::value<std::string>(&o.output)->value_name(TrHelp("路径", "PATH")),
       TrHelp("输出文件（格式由扩展名决定：.xlsx .html .md .json .jsonl .csv .txt），或一个文件夹（多种格式、批量核查；"
              "批量核查时另写 summary.csv、matrix.csv、summary.xlsx、index.html）",
              "output file (its extension names the format: .xlsx .html .md .json .jsonl .csv .txt), or a folder for "
              "several formats/inputs (a batch also writes summary.csv, matrix.csv, summary.xlsx, index.html there)"))
      ("jobs,j", po::value<int>(&o.jobs)->default_value(0)->value_name("N"),
       TrHelp("批量核查时同时核查的报告数（0 = 每个处理器核心一份）", "documents checked in parallel (0 = every core)"))
      ("summary-only", po::bool_switch(&o.summary_only),
       TrHelp("批量核查且 -o 为文件夹时，只写汇总表，不写每份报告", "batch with --output DIR: write only the summary files"))
      ("timings", po::bool_switch(&o.timings),
       TrHelp("结束时在标准错误上显示各阶段用时（规则、读取、扫描、判定、评分、输出、汇总）",
              "print CPU seconds per stage (rules, read, scan, evaluate, score, render, summary) to stderr at the end"))
      ("waivers", po::value<std::string>(&o.waivers)->value_name(TrHelp("文件", "FILE")),
       TrHelp("豁免文件（YAML）：已认可、不计入差距的条目（docs/scoring.md）",
              "YAML file of accepted gaps (docs/scoring.md)"))
      ("db", po::value<std::string>(&o.db)->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("同时把每次核查记入 fazhi serve 数据文件夹中的数据库，供工作台查看历史（docs/serve.md）",
              "also record every check in the database of fazhi serve's data folder DIR (docs/serve.md)"))
      ("profile", po::value<std::string>(&o.profile)->value_name(TrHelp("文件|none", "FILE|none")),
       TrHelp("督察口径（YAML）：按年度和层级选规则包，same_as 的等同要求只计一次（docs/scoring.md）；"
              "默认用内置规则的 profile.yaml；none = 不用口径",
              "audit profile (督察口径) YAML: packs by year/level, same_as equivalences (docs/scoring.md); "
              "default: profile.yaml of the shipped rules; `none` = no profile"))
      ("dump", po::value<std::string>(&o.dump)->value_name(TrHelp("阶段", "STAGE")),
       TrHelp("不出报告，改为打印一个处理阶段：segments（分段）| hits（命中的词）| findings（判定）",
              "print a stage instead: segments | hits | findings"))
      ("list-formats", TrHelp("列出全部输出格式名后退出", "print the output format names and exit"))
      ("fail-under", po::value<double>(&fail_under)->value_name(TrHelp("分数", "SCORE")),
       TrHelp("总分低于此值时退出码为 1（用于自动化流程）", "exit 1 when the total score is under this"))
      ("fail-on", po::value<std::string>(&o.fail_on)->value_name(TrHelp("严重程度", "SEVERITY")),
       TrHelp("有这一严重程度或更高的规则不符合时退出码为 1：info 提示 | low 低 | medium 中 | high 高 | critical 严重",
              "exit 1 when a rule of this severity or higher fails: info | low | medium | high | critical"));
  meta.add_options()
      ("year", po::value<int>()->value_name(TrHelp("年度", "YEAR")),
       TrHelp("报告所属年度，如 2021", "the year the report covers, e.g. 2021"))
      ("published", po::value<std::string>(&published)->value_name("YYYY-MM-DD"),
       TrHelp("发布日期，如 2022-03-15", "publication date, e.g. 2022-03-15"))
      ("issuer", po::value<std::string>(&issuer)->value_name(TrHelp("单位", "NAME")),
       TrHelp("报告单位（政府或部门名称）", "issuing government or department"))
      ("level", po::value<std::string>(&level)->value_name(TrHelp("层级", "LEVEL")),
       TrHelp("报告单位层级：province 省 | city 市 | district 区 | county 县 | township 乡镇 | department 部门 | other 其他",
              "province | city | district | county | township | department | other"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("输出与门槛", "output and gates")), out},
                 {std::string(TrHelp("报告信息，覆盖从正文读出的", "report metadata, overriding what the text says")), meta},
                 RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(args, help, "input", o.inputs, vm)) return *done;
  if (vm.count("list-formats")) {
    for (const auto& r : Renderers()) std::cout << r.name << "\n";
    return kExitOk;
  }
  SetupLogging(vm, quiet);
  if (vm.count("year")) {
    int y = vm["year"].as<int>();
    if (y < 1990 || y > 2100) {
      PrintError(Msg("usage.bad-year", {std::to_string(y)}));
      return kExitUsage;
    }
    o.overrides.year = y;
  }
  if (!published.empty()) {
    o.overrides.published = ParseIsoDate(published);
    if (!o.overrides.published) {
      PrintError(Msg("usage.bad-published", {published}));
      return kExitUsage;
    }
  }
  if (!issuer.empty()) o.overrides.issuer = issuer;
  if (!level.empty()) {
    o.overrides.level = ParseIssuerLevel(IssuerLevelOf(level));  // English or Chinese (区, 乡镇, 部门…)
    if (!o.overrides.level) {
      PrintError(Msg("usage.bad-level", {level, IssuerLevelList()}));
      return kExitUsage;
    }
  }
  if (vm.count("fail-under")) o.fail_under = fail_under;
  if (!o.fail_on.empty()) {
    std::string name = SeverityNameOf(o.fail_on);  // English or Chinese (严重, 高, 中, 低, 提示)
    if (name.empty()) {
      PrintError(Msg("usage.bad-fail-on", {o.fail_on, SeverityList()}));
      return kExitUsage;
    }
    o.fail_on = name;
  }
  if (!o.dump.empty() && o.dump != "segments" && o.dump != "hits" && o.dump != "findings") {
    PrintError(Msg("usage.bad-dump", {o.dump}));
    return kExitUsage;
  }
  // Colour only on a terminal, never when NO_COLOR is set to a non-empty value (no-color.org); the text report
  // wraps at the terminal's width ($COLUMNS or the tty's size).
  const char* no_color = std::getenv("NO_COLOR");
  o.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  o.width = TerminalWidth();
  return RunCheck(o);
}

}  // namespace fazhi
