// `fazhi track 上年台账.xlsx 本年报告 [-o DIR]` (整改销号): last year's filled 台账 read back (ledger/review.h), this
// year's report checked with the same rules (pipeline/check.h), every row tracked (track/track.h); the summary on
// the terminal, `-f json`, and with -o this year's 台账 with the sheet 上年问题整改情况 (docs/ledgers.md).
#include <boost/program_options.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "cli/rule_loading.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/lang.h"
#include "core/safe_text.h"
#include "ledger/review.h"
#include "output/file_writer.h"
#include "pipeline/check.h"
#include "render/track.h"
#include "score/waivers.h"
#include "track/track.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

struct TrackCommandOptions {
  RulesOptions rules;
  std::string ledger, report, out, today;
  std::string profile;  // --profile FILE | none; "" = profile.yaml of the shipped rules (what check used)
  std::vector<std::string> formats;  // text (default), json
  bool force = false;
};

// "fazhi: 错误：… [E-…]" on stderr: the words of message entry `id` (core/messages.cc), the code it belongs to.
void Raise(std::string_view id, MessageArgs args) {
  const Said said = Say(id, args);
  PrintError(said.message + " [" + said.code + "]");
}

// The date 整改时限 is compared with, and where it came from: --today, else SOURCE_DATE_EPOCH, else the run's date.
std::optional<std::pair<Date, std::string>> ReferenceDate(const std::string& flag) {
  if (!flag.empty()) {
    auto d = ParseIsoDate(flag);
    if (!d) return std::nullopt;
    return std::pair{*d, std::string("--today")};
  }
  if (auto epoch = SourceDateEpochDay()) return std::pair{*epoch, std::string("SOURCE_DATE_EPOCH")};
  return std::pair{Today(), std::string("运行日期")};
}

int RunTrack(const TrackCommandOptions& opts) {
  bool json = false;
  for (const std::string& f : opts.formats) {
    if (f == "json") json = true;
    else if (f != "text") {
      Raise("E-track-usage.format", {f});
      return kExitUsage;
    }
  }
  const auto today = ReferenceDate(opts.today);
  if (!today) {
    Raise("E-track-usage.today", {opts.today});
    return kExitUsage;
  }
  Diagnostics rule_diags;
  auto rules = LoadRulesForCommand(opts.rules, rule_diags);
  if (!rules) return kExitUsage;
  // The audit profile `check` wrote last year's 台账 with (the shipped profile.yaml unless --profile): the same rows.
  std::optional<Profile> profile;
  if (!LoadCommandProfile(opts.rules, opts.profile, *rules, profile)) return kExitUsage;

  CheckOptions copts;
  copts.limits = opts.rules.limits;
  copts.profile = profile ? &*profile : nullptr;
  TrackRun run = RunTracking(opts.ledger, opts.ledger, *rules, Input::File(opts.report), copts, today->first,
                             today->second, opts.force);
  if (const auto& f = run.failure) {
    switch (f->kind) {
      case TrackFailure::Kind::kLedger:
        PrintError(DiagnosticLogLine(f->ledger));
        break;
      case TrackFailure::Kind::kReport:
        // FailureReason names the reader's code ("[E-not-found] …"); an internal error has none, so name this one.
        PrintError(Msg("E-track-report", {opts.report, f->detail}) + (f->code.empty() ? " [E-track-report]" : ""));
        break;
      case TrackFailure::Kind::kNotCheckable:
        Raise("E-track-report.not-checkable", {opts.report, f->detail});
        break;
      case TrackFailure::Kind::kMismatch:
        Raise("E-track-mismatch", {opts.ledger, opts.report, f->detail});
        break;
    }
    return kExitUsage;
  }
  const TrackReport& track = run.track;
  const Report& report = *run.report;

  if (json && opts.out.empty()) RenderTrackJson(track, report, std::cout);
  else RenderTrackText(track, report, std::cout);
  if (opts.out.empty()) return kExitOk;

  std::error_code ec;
  fs::create_directories(opts.out, ec);
  if (ec) {
    Raise("E-track-usage.mkdir", {opts.out, ec.message()});
    return kExitUsage;
  }
  const std::string stem = fs::path(opts.report).stem().string();
  std::vector<std::pair<fs::path, void (*)(const TrackReport&, const Report&, std::ostream&)>> files = {
      {fs::path(opts.out) / (stem + "-整改台账.xlsx"), RenderTrackXlsx}};
  if (json) files.push_back({fs::path(opts.out) / (stem + "-整改销号.json"), RenderTrackJson});
  for (const auto& [target, render] : files) {
    for (const std::string* input : {&opts.ledger, &opts.report})
      if (auto a = FileIdOf(*input), o = FileIdOf(target.string()); a && o && *a == *o) {
        Raise("E-track-usage.input-is-output", {target.string(), *input});
        return kExitUsage;
      }
    try {
      WriteOutputFile(target.string(), [&](std::ostream& out) { render(track, report, out); });
    } catch (const OutputError& e) {
      Raise("E-track-usage.write", {e.what()});
      return kExitUsage;
    }
    NoteWritten(target.string());
  }
  return kExitOk;
}

}  // namespace

int TrackCommand(const std::vector<std::string>& args, const char* argv0) {
  TrackCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  CommandHelp help;
  help.title = TrHelp("fazhi track — 整改销号：上年台账中的问题在本年报告中是否已整改、是否逾期，写出本年台账",
                      "fazhi track — rectification tracking: last year's ledger (台账) rows in this year's report");
  help.usage = {TrHelp("fazhi track [选项] 上年台账.xlsx 本年报告", "fazhi track [options] LEDGER.xlsx REPORT")};
  help.arguments = {
      {TrHelp("上年台账.xlsx", "LEDGER.xlsx"),
       TrHelp("上年 fazhi check -o 写出、区里填过责任单位、整改时限和状态的整改台账",
              "last year's 台账 written by fazhi check -o, with 责任单位, 整改时限 and 状态 filled in")},
      {TrHelp("本年报告", "REPORT"),
       TrHelp("同一发布主体下一年度的报告（TXT、HTML、DOCX、DOC、WPS、PDF、OFD）；已整改须有本年原文为证，计划和承诺不算",
              "the same issuer's report of the next year; rectified only with a quoted sentence of concrete work, "
              "plans and promises do not count")}};
  help.examples = {
      {"fazhi track 2023年台账.xlsx 2024年报告.docx", TrHelp("在终端显示整改销号摘要", "the summary on the terminal")},
      {"fazhi track 2023年台账.xlsx 2024年报告.docx -o 2024台账",
       TrHelp("写出本年整改台账（另含工作表“上年问题整改情况”）", "write this year's 台账 with the sheet 上年问题整改情况")}};
  po::options_description opts;
  opts.add_options()
      ("output,o", po::value<std::string>(&o.out)->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("写出本年整改台账（报告名-整改台账.xlsx，含“上年问题整改情况”）的文件夹；加 -f json 时另写 报告名-整改销号.json",
              "folder for this year's 台账 (<report>-整改台账.xlsx, with the sheet 上年问题整改情况); with -f json also "
              "<report>-整改销号.json"))
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing()->value_name(TrHelp("格式", "FORMAT")),
       TrHelp("text（默认，终端摘要）或 json（schema fazhi.track/1；不加 -o 时输出到终端）",
              "text (default, the summary) or json (schema fazhi.track/1; to stdout without -o)"))
      ("today", po::value<std::string>(&o.today)->value_name("YYYY-MM-DD"),
       TrHelp("判断逾期所用的日期（默认：环境变量 SOURCE_DATE_EPOCH，否则运行当天）",
              "the date deadlines are compared with (default: SOURCE_DATE_EPOCH, else today)"))
      ("profile", po::value<std::string>(&o.profile)->value_name(TrHelp("文件|none", "FILE|none")),
       TrHelp("督察口径 YAML，与 check 相同（默认：随附规则的 profile.yaml；none 表示不用）；应与写出上年台账时一致",
              "audit profile (督察口径) YAML as for check (default: the shipped profile.yaml; `none`: none); use the "
              "one last year's 台账 was written with"))
      ("force", po::bool_switch(&o.force),
       TrHelp("上年台账与本年报告不是同一发布主体的相邻年度时仍然核对（输出中注明）",
              "track even when the 台账 and the report are not one issuer's consecutive years (the outputs say so)"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("整改销号", "tracking")), opts},
                                         RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(args, help, "positional", positional, vm)) return *done;
  if (positional.size() != 2) {
    Raise("E-track-usage.args", {});
    return kExitUsage;
  }
  SetupLogging(vm, quiet);
  o.ledger = positional[0];
  o.report = positional[1];
  return RunTrack(o);
}

}  // namespace fazhi
