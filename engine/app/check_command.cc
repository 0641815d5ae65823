// `fazhi check`: load rules once, then for each input: read → check → render to stdout or files.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/batch.h"
#include "app/commands.h"
#include "app/rule_loading.h"
#include "core/error.h"
#include "core/severity.h"
#include "core/stage_times.h"
#include "pipeline/check.h"
#include "render/renderer.h"
#include "score/waivers.h"
#include "segment/dump.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

std::string DumpHits(const Document& doc, const Hits& hits, const RuleSet& rules) {
  std::ostringstream out;
  out << "# hits: " << hits.total << " occurrences of " << rules.matcher.size() << " terms\n";
  std::vector<std::pair<std::uint32_t, TermId>> all;
  for (TermId t = 0; t < hits.starts.size(); ++t)
    for (auto s : hits.starts[t]) all.push_back({s, t});
  std::sort(all.begin(), all.end());
  for (auto [s, t] : all) out << doc.LineOf(s) << "\t" << s << "\t" << rules.matcher.Term(t) << "\n";
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


}  // namespace

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
        spdlog::warn("{} fails with severity {} (--fail-on {})", r.rule, r.severity, opts.fail_on);
        tripped = true;
        break;
      }
    }
  }
  return tripped;
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

  // Folders and several files make a batch (app/batch.h): a pool of workers, per-report files, a summary.
  ExpandedInputs expanded = ExpandInputs(opts.inputs, opts.output);
  if (expanded.inputs.empty()) {
    spdlog::error("no report files (.txt, .html, .docx, .pdf) under {}", opts.inputs.front());
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
    BatchSetup setup{opts, formats, *rules, waivers};
    int rc = RunBatch(setup, expanded.inputs);
    if (opts.timings) std::cerr << FormatStageTimes(expanded.inputs.size()) << "\n";
    return rc;
  }
  std::vector<std::string> paths;
  for (const auto& in : expanded.inputs) paths.push_back(in.path);

  // Output: a file (one format, one input, not a directory) or a directory of <input-stem>.<ext> files.
  bool to_dir = false;
  if (!opts.output.empty()) {
    std::error_code ec;
    to_dir = formats.size() > 1 || opts.inputs.size() > 1 || fs::is_directory(opts.output, ec) ||
             opts.output.back() == '/';
    if (to_dir) fs::create_directories(opts.output, ec);
  }
  CheckOptions copts;
  copts.overrides = opts.overrides;
  copts.limits = opts.rules.limits;
  copts.waivers = &waivers;
  // JSON carries each gap's near misses; the other formats do not pay for collecting them.
  copts.near_misses = std::find(formats.begin(), formats.end(), "json") != formats.end();
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
      fs::path target = to_dir ? fs::path(opts.output) / (fs::path(input).stem().string() + "." + r->extension)
                               : fs::path(opts.output);
      std::ofstream out(target, std::ios::binary);
      if (!out) {
        spdlog::error("{}: cannot write the output file", target.string());
        status = kExitUsage;
        continue;
      }
      r->render(report, out, ropts);
      spdlog::info("wrote {}", target.string());
    }
  }
  if (status == kExitOk && gate) status = kExitGate;
  if (opts.timings) std::cerr << FormatStageTimes(paths.size()) << "\n";
  return status;
}

}  // namespace fazhi
