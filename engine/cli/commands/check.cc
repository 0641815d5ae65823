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
#include <optional>
#include <set>
#include <sstream>

#include "batch/runner.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/rule_loading.h"
#include "core/date.h"
#include "core/error.h"
#include "core/levels.h"
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
  for (TermId t = 0; t < hits.starts.size(); ++t)
    for (auto s : hits.starts[t]) all.push_back({s, t});
  std::sort(all.begin(), all.end());
  for (auto [s, t] : all) out << doc.LineOf(s) << "\t" << s << "\t" << rules.matcher().Term(t) << "\n";
  return out.str();
}

std::string DumpFindings(const Report& report) {
  std::ostringstream out;
  for (const auto& r : report.results) {
    out << r.rule << "\t" << VerdictName(r.verdict) << "\t" << r.message << "\n";
    for (const auto& e : r.evidence)
      out << "  " << EvidenceKindName(e.kind) << "\tline " << e.line << "\t" << e.quote << "\n";
  }
  return out.str();
}


bool GateTripped(const Report& report, const CheckCommandOptions& opts) {
  bool tripped = false;
  if (opts.fail_under && report.score.total && *report.score.total < *opts.fail_under) {
    spdlog::warn("score {:.1f} is under --fail-under {:.1f}", *report.score.total, *opts.fail_under);
    tripped = true;
  }
  if (opts.fail_under && !report.score.total) {  // nothing scorable cannot meet a threshold (never a silent pass)
    spdlog::warn("{}: no score (no rule could be scored), so --fail-under {:.1f} is not met", report.document.path,
                 *opts.fail_under);
    tripped = true;
  }
  if (!opts.fail_on.empty()) {
    for (const auto& r : report.results) {
      if (r.verdict == Verdict::kFail && SeverityRank(r.severity) >= SeverityRank(opts.fail_on)) {
        spdlog::warn("{} fails with severity {} (--fail-on {})", r.rule, SeverityName(r.severity), opts.fail_on);
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
    spdlog::info("wrote {}", target.string());
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
  InputIds input_ids;
  for (const auto& in : inputs)
    if (in.error.empty()) input_ids.Add(in.path);
  fs::path out_dir;
  std::optional<RunFolder> folder;
  if (!opts.output.empty()) {
    out_dir = opts.output;
    std::error_code ec;
    if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
      spdlog::error("--output {} is a file; a batch writes a folder (summary and one file per report)", opts.output);
      return kExitUsage;
    }
    // Inputs are never outputs: the output folder may not be an input folder (its reports would be read back as
    // inputs by the next run); inside an input folder it is left out of the walk (batch/walk.cc).
    for (const auto& arg : opts.inputs) {
      if (auto a = FileIdOf(arg), o = FileIdOf(opts.output); a && o && *a == *o) {
        spdlog::error("输出文件夹 {} 就是输入文件夹 {}：请换一个输出文件夹 (the --output folder is an input folder)",
                      opts.output, arg);
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
        spdlog::info("removed {} files of the earlier run in {}", removed, opts.output);
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

// `-o FILE` names the format by its extension (.xlsx .html .md .json .jsonl .csv .txt: the renderers'
// extensions); a --format that says otherwise, or an extension no renderer writes, is a usage error naming both.
// Returns false after logging the error.
bool FormatFromOutputName(const std::string& output, const std::vector<std::string>& given,
                          std::vector<std::string>& formats) {
  std::string ext = fs::path(output).extension().string();
  if (ext.size() < 2) return true;  // no extension: the --format given (text by default)
  std::string bare = ext.substr(1);
  for (char& c : bare)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const RendererEntry* by_ext = nullptr;
  std::string known;
  for (const auto& r : Renderers()) {
    known += std::string(known.empty() ? "" : " ") + "." + r.extension;
    if (bare == r.extension) by_ext = &r;
  }
  if (!by_ext) {
    spdlog::error("-o {}：不认识的输出扩展名 {}（可用：{}；要写入文件夹请以 / 结尾）(unknown output extension)", output,
                  ext, known);
    return false;
  }
  if (!given.empty() && given.front() != by_ext->name) {
    spdlog::error("-o {} 的扩展名 {} 表示 {} 格式，与 --format {} 冲突 (the extension and --format disagree)", output,
                  ext, by_ext->name, given.front());
    return false;
  }
  formats = {by_ext->name};
  return true;
}

int RunCheck(const CheckCommandOptions& opts) {
  std::vector<std::string> formats = opts.formats.empty() ? std::vector<std::string>{"text"} : opts.formats;
  for (const auto& f : formats) {
    if (!FindRenderer(f)) {
      std::string names;
      for (const auto& r : Renderers()) names += std::string(names.empty() ? "" : ", ") + r.name;
      spdlog::error("unknown --format `{}` (formats: {})", f, names);
      return kExitUsage;
    }
  }
  for (const auto& f : formats) {
    if (opts.output.empty() && FindRenderer(f)->binary && isatty(STDOUT_FILENO)) {
      spdlog::error("--format {} writes a binary file; add --output FILE (or DIR)", f);
      return kExitUsage;
    }
  }
  if (opts.inputs.empty()) {
    spdlog::error("check needs a report file (fazhi check FILE)");
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
  std::vector<Waiver> waivers;
  if (!opts.waivers.empty()) {
    try {
      waivers = LoadWaivers(opts.waivers, opts.rules.limits);
    } catch (const InputError& e) {
      spdlog::error("{}", e.what());
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
    spdlog::error("{} 下没有可核查的报告文件（读取的扩展名：{}）(no report files under it)", opts.inputs.front(),
                  ReportExtensionList());
    return kExitUsage;
  }
  if (opts.dump.empty() && (expanded.any_directory || opts.inputs.size() > 1)) {
    if (opts.jobs < 0) {
      spdlog::error("--jobs {} must be 1 or more (0 = every core)", opts.jobs);
      return kExitUsage;
    }
    if (opts.summary_only && opts.output.empty()) {
      spdlog::error("--summary-only needs --output DIR (the folder the summary is written to)");
      return kExitUsage;
    }
    if (opts.output.empty() && std::find(formats.begin(), formats.end(), "xlsx") != formats.end()) {
      // Workbooks back to back on stdout are no file anyone can open.
      spdlog::error("批量核查的 -f xlsx 需要 -o 文件夹：每份报告一个工作簿 (a batch with --format xlsx needs "
                    "--output DIR: one workbook per report)");
      return kExitUsage;
    }
    for (const auto& note : expanded.notes) spdlog::warn("{}", note);
    int rc = RunCheckBatch(opts, formats, *rules, waivers, std::move(expanded.inputs), profile ? &*profile : nullptr,
                           recorder.get());
    if (opts.timings) std::cerr << FormatStageTimes(expanded.inputs.size()) << "\n";
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
    if (!to_dir && opts.dump.empty() && !FormatFromOutputName(opts.output, opts.formats, formats)) return kExitUsage;
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
          spdlog::error("输出文件 {} 就是输入文件 {}：拒绝覆盖输入，请换一个 -o (the output would overwrite an input)",
                        target, in);
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
      spdlog::warn("{}: not checkable: {}", input, report.document.not_checkable_reason);
    for (const auto& d : report.diagnostics)
      if (d.level != Level::kNote) spdlog::warn("{}", FormatDiagnostic(d));
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
  po::options_description desc("fazhi check [options] PATH...  (files and folders; folders are read recursively)");
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing(),
       "text | json | jsonl | md | html | csv | xlsx (repeatable with --output DIR)")
      ("output,o", po::value<std::string>(&o.output),
       "output file, or a folder for several formats/inputs (a batch also writes summary.csv, matrix.csv, "
       "summary.xlsx, index.html there)")
      ("jobs,j", po::value<int>(&o.jobs)->default_value(0), "documents checked in parallel (0 = every core)")
      ("summary-only", po::bool_switch(&o.summary_only), "batch with --output DIR: write only the summary files")
      ("timings", po::bool_switch(&o.timings), "print CPU seconds per stage (rules, read, scan, evaluate, score, render, summary) to stderr at the end")
      ("waivers", po::value<std::string>(&o.waivers), "YAML file of accepted gaps (docs/scoring.md)")
      ("db", po::value<std::string>(&o.db),
       "also record every check in the database of fazhi serve's data folder DIR (docs/serve.md)")
      ("profile", po::value<std::string>(&o.profile),
       "audit profile (督察口径) YAML: packs by year/level, same_as equivalences (docs/scoring.md); "
       "default: profile.yaml of the shipped rules; `none` = no profile")
      ("dump", po::value<std::string>(&o.dump), "print a stage instead: segments | hits | findings")
      ("list-formats", "print the output format names and exit")
      ("fail-under", po::value<double>(&fail_under), "exit 1 when the total score is under this")
      ("fail-on", po::value<std::string>(&o.fail_on), "exit 1 when a rule of this severity or higher fails");
  po::options_description meta("Report metadata (override what the text says)");
  meta.add_options()
      ("year", po::value<int>(), "the year the report covers")
      ("published", po::value<std::string>(&published), "publication date YYYY-MM-DD")
      ("issuer", po::value<std::string>(&issuer), "issuing government or department")
      ("level", po::value<std::string>(&level), "province | city | district | county | township | department | other");
  desc.add(out).add(meta).add(RulesFlags(o.rules)).add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(args, desc, "input", o.inputs, vm)) return *done;
  if (vm.count("list-formats")) {
    for (const auto& r : Renderers()) std::cout << r.name << "\n";
    return kExitOk;
  }
  SetupLogging(vm, quiet);
  if (vm.count("year")) {
    int y = vm["year"].as<int>();
    if (y < 1990 || y > 2100) {
      std::cerr << "fazhi: error: --year " << y << " is not a plausible report year\n";
      return kExitUsage;
    }
    o.overrides.year = y;
  }
  if (!published.empty()) {
    o.overrides.published = ParseIsoDate(published);
    if (!o.overrides.published) {
      std::cerr << "fazhi: error: --published " << published << " is not a date (YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  if (!issuer.empty()) o.overrides.issuer = issuer;
  if (!level.empty()) {
    o.overrides.level = ParseIssuerLevel(level);
    if (!o.overrides.level) {
      std::cerr << "fazhi: error: --level " << level << " is not one of " << IssuerLevelList() << "\n";
      return kExitUsage;
    }
  }
  if (vm.count("fail-under")) o.fail_under = fail_under;
  if (!o.fail_on.empty() && SeverityRank(o.fail_on) < 0) {
    std::cerr << "fazhi: error: --fail-on " << o.fail_on << " is not one of " << SeverityList() << "\n";
    return kExitUsage;
  }
  if (!o.dump.empty() && o.dump != "segments" && o.dump != "hits" && o.dump != "findings") {
    std::cerr << "fazhi: error: --dump " << o.dump << " is not one of segments, hits, findings\n";
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
