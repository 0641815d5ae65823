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

  bool to_dir = !opts.output.empty() && (formats.size() > 1 || fs::is_directory(opts.output) ||
                                         opts.output.back() == '/');
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
  po::options_description desc("fazhi diff [options] OLD NEW  (two reports of one issuer, any formats)");
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing(),
       "text | md | html | json (repeatable with --output DIR)")
      ("output,o", po::value<std::string>(&o.output), "output file, or a folder (diff.<ext> per format)")
      ("force", po::bool_switch(&o.force),
       "compare even when the reports are not the same issuer's consecutive years (a banner says so)");
  desc.add(out).add(RulesFlags(o.rules)).add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(args, desc, "positional", positional, vm)) return *done;
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
