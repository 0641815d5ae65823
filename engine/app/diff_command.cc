// `fazhi diff OLD NEW`: load the rules once, read and check both reports, compare, render to stdout or files.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "diff/diff.h"
#include "app/rule_loading.h"
#include "pipeline/check.h"

namespace fs = std::filesystem;

namespace fazhi {

int RunDiff(const DiffCommandOptions& opts) {
  std::vector<std::string> formats = opts.formats.empty() ? std::vector<std::string>{"text"} : opts.formats;
  for (const auto& f : formats) {
    if (!FindDiffRenderer(f)) {
      std::string names;
      for (const auto& r : DiffRenderers()) names += std::string(names.empty() ? "" : ", ") + r.name;
      spdlog::error("unknown --format `{}` for diff (formats: {})", f, names);
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
      spdlog::error("{}: not checkable, so it cannot be compared: {}", *paths[i],
                    reports[i].document.not_checkable_reason);
      return kExitUsage;
    }
  }
  std::string problem = ComparabilityProblem(reports[0].document, reports[1].document);
  if (!problem.empty() && !opts.force) {
    spdlog::error("{} 与 {}：{}。对比结果会误导，未作对比；如确需对比，请加 --force（各输出将注明）", *paths[0],
                  *paths[1], problem);
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
    std::ofstream out(target, std::ios::binary);
    r->render(diff, out);
    out.close();
    if (!out) {
      spdlog::error("{}: cannot write the output file", target.string());
      return kExitUsage;
    }
    spdlog::info("wrote {}", target.string());
  }
  return kExitOk;
}

}  // namespace fazhi
