// `fazhi rules lint|test|list|explain|terms`: the rule author's tools, their flags and one table of subcommands.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/command.h"
#include "cli/flags.h"
#include "cli/rule_loading.h"
#include "core/error.h"
#include "core/safe_text.h"
#include "core/text.h"
#include "evaluate/evaluator.h"
#include "pipeline/check.h"
#include "pipeline/compile.h"
#include "segment/metadata.h"
#include "score/profile.h"
#include "pipeline/examples.h"
#include "pipeline/explain.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

// Loads `paths` (or, without paths, what `check` would load) keeping every diagnostic for the caller; nullptr
// (after printing why) when there is nothing to load.
std::shared_ptr<const RuleSet> LoadForAuthoring(const RulesOptions& base, const std::vector<std::string>& paths,
                                          Diagnostics& diags) {
  LoadOptions lo;
  lo.limits = base.limits;
  lo.packs = base.packs;
  lo.dirs = paths.empty() ? ResolveRuleDirs(base) : paths;
  if (lo.dirs.empty()) {
    std::cerr << "no rules found: set FAZHI_RULES or pass a folder\n";
    return nullptr;
  }
  try {
    return Compile(lo, diags);
  } catch (const InputError& e) {
    std::cerr << TerminalSafe(e.path()) << ": error[" << e.code() << "]: " << TerminalSafe(e.what()) << "\n";
    return nullptr;
  }
}

// The audit profile of a linted folder (its profile.yaml, docs/scoring.md): its packs and same_as rules must exist.
void LintProfiles(const RuleSet& set, const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<std::string> packs;
  for (const auto& p : set.packs()) packs.push_back(p->id);
  for (const auto& dir : paths) {
    std::error_code ec;
    std::filesystem::path file = std::filesystem::path(dir) / "profile.yaml";
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    try {
      for (auto& d : LintProfile(LoadProfile(file.string()), RuleIds(set), packs)) diags.push_back(std::move(d));
    } catch (const InputError& e) {
      diags.push_back({Level::kError, e.code(), e.what(), file.string(), 0, 0, ""});
    }
  }
}

int RunRulesLint(const RulesOptions& base, const std::vector<std::string>& paths, bool strict) {
  Diagnostics diags;
  std::shared_ptr<const RuleSet> set = LoadForAuthoring(base, paths, diags);
  if (!set) return kExitUsage;
  // Examples the rule gets wrong, and rules without a pass and a fail example.
  for (const auto& run : RunAllExamples(*set)) {
    if (run.got == run.example->expect) continue;
    diags.push_back({Level::kError, "E-example", 
                     fmt::format("example expects `{}` but rule `{}` gives `{}` ({})", run.example->expect,
                                 run.rule->id, run.got, run.message),
                     run.rule->file, run.example->line, 0, ""});
  }
  for (const auto& pack : set->packs()) {
    for (const auto& rule : pack->rules) {
      if (!rule->not_checkable.empty()) continue;
      bool has_pass = false, has_fail = false;
      for (const auto& ex : rule->examples) {
        has_pass |= ex.expect == "pass";
        has_fail |= ex.expect == "fail";
      }
      if (!has_pass || !has_fail)
        diags.push_back({Level::kWarning, "W-missing-example",
                         fmt::format("rule `{}` has no `{}` example", rule->id, !has_pass ? "pass" : "fail"),
                         rule->file, rule->line, 0, "every rule should prove it can pass and fail"});
    }
  }
  LintProfiles(*set, paths, diags);
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  int errors = 0, warnings = 0;
  for (const auto& d : diags) {
    if (d.level == Level::kNote) continue;
    std::cout << FormatDiagnostic(d) << "\n";
    errors += d.level == Level::kError;
    warnings += d.level == Level::kWarning;
  }
  std::cout << fmt::format("{} packs, {} rules: {} errors, {} warnings\n", set->packs().size(), set->RuleCount(), errors,
                           warnings);
  return errors > 0 || (strict && warnings > 0) ? kExitGate : kExitOk;
}

int RunRulesTest(const RulesOptions& base, const std::vector<std::string>& paths) {
  Diagnostics diags;
  std::shared_ptr<const RuleSet> set = LoadForAuthoring(base, paths, diags);
  if (!set) return kExitUsage;
  if (HasErrors(diags)) {
    for (const auto& d : diags)
      if (d.level == Level::kError) std::cerr << FormatDiagnostic(d) << "\n";
    std::cerr << "rules have errors: run `fazhi rules lint`\n";
    return kExitUsage;
  }
  int passed = 0, failed = 0;
  // One line per rule ("ok" with its example count), then each failing example with what it got and why.
  const Rule* current = nullptr;
  int rule_ok = 0;
  std::vector<std::string> rule_failures;
  auto flush = [&] {
    if (!current) return;
    if (rule_failures.empty()) std::cout << fmt::format("ok   {} ({} examples)\n", current->id, rule_ok);
    for (const auto& f : rule_failures) std::cout << f;
    rule_ok = 0;
    rule_failures.clear();
  };
  for (const auto& run : RunAllExamples(*set)) {
    if (run.rule != current) {
      flush();
      current = run.rule;
    }
    bool ok = run.got == run.example->expect;
    (ok ? passed : failed)++;
    rule_ok += ok;
    if (!ok)
      rule_failures.push_back(fmt::format("FAIL {} ({}:{}): expected {}, got {} — {}\n", run.rule->id,
                                          run.rule->file, run.example->line, run.example->expect, run.got,
                                          run.message));
  }
  flush();
  // Fixture files: a report text with expected verdicts.
  for (const auto& fx : set->fixtures()) {
    CheckOptions copts;
    copts.overrides.year = fx.year;
    Report report = Check(*set, Input::File(fx.file), copts);
    if (report.status != CheckStatus::kChecked) {
      ++failed;
      std::cout << fmt::format("FAIL fixture {}: {}\n", fx.file,
                               report.status == CheckStatus::kNotCheckable ? report.document.not_checkable_reason
                                                                            : report.error);
      continue;
    }
    for (const auto& [rule, want] : fx.expect) {
      std::string id = rule.find('/') == std::string::npos ? fx.pack + "/" + rule : rule;
      auto it = std::find_if(report.results.begin(), report.results.end(),
                             [&](const RuleResult& r) { return r.rule == id; });
      std::string got = it == report.results.end() ? "missing" : VerdictName(it->verdict);
      bool ok = got == want;
      (ok ? passed : failed)++;
      if (!ok) std::cout << fmt::format("FAIL {} (fixture {}): expected {}, got {}\n", id, fx.file, want, got);
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? kExitGate : kExitOk;
}

int RunRulesList(const RulesOptions& opts) {
  Diagnostics diags;
  auto set = LoadRulesForCommand(opts, diags);
  if (!set) return kExitUsage;
  for (const auto& pack : set->packs()) {
    std::cout << fmt::format("{}  {}  (v{}, {} rules)\n", pack->id, pack->title, pack->version, pack->rules.size());
    for (const auto& r : pack->rules)
      std::cout << fmt::format("  {:<34} {:<8} {}\n", r->id, SeverityName(r->severity), r->title.str());
  }
  return kExitOk;
}

int RunRulesExplain(const RulesOptions& opts, const std::string& id, const std::string& report_path,
                    const MetadataOverrides& overrides) {
  Diagnostics diags;
  auto set = LoadRulesForCommand(opts, diags);
  if (!set) return kExitUsage;
  const Rule* rule = set->Find(id);
  if (!rule) {
    std::vector<std::string> ids;
    for (const auto& p : set->packs())
      for (const auto& r : p->rules) ids.push_back(r->id);
    std::string near = ClosestMatch(id, ids);
    spdlog::error("no rule `{}`{}", id, near.empty() ? "" : " (did you mean `" + near + "`?)");
    return kExitUsage;
  }
  std::cout << fmt::format("{}  {}\n  依据: {}\n  类别: {}  严重程度: {}  权重: {}\n  定义于: {}:{}\n", rule->id,
                           rule->title.str(), rule->cite.str(), rule->category.str(), SeverityName(rule->severity), rule->weight, rule->file,
                           rule->line);
  if (!rule->not_checkable.empty()) std::cout << "  无法由报告文本判断: " << rule->not_checkable << "\n";
  std::string desc;
  if (rule->pass) {
    desc += "  pass (concrete → pass, generic → partial):\n";
    rule->pass->Describe(desc, 4, set->matcher());
  }
  if (rule->partial) {
    desc += "  partial:\n";
    rule->partial->Describe(desc, 4, set->matcher());
  }
  std::cout << desc;
  if (rule->anchored) {
    // The terms the checks start from: a report holding none of them gets the rule's settled verdict without its
    // checks being run (docs/architecture.md).
    std::string terms;
    for (TermId t : rule->anchors) terms += (terms.empty() ? "" : ", ") + set->matcher().Term(t);
    std::cout << "  起始词（一个都没有出现时直接判定，不再逐项检查）: [" << terms << "]\n";
  } else if (rule->not_checkable.empty()) {
    std::cout << "  起始词: 无（本规则对每份报告都逐项检查）\n";
  }
  if (!rule->remedy.empty()) std::cout << "  整改建议: " << rule->remedy << "\n";
  std::cout << fmt::format("  examples: {}\n", rule->examples.size());
  if (report_path.empty()) return kExitOk;
  CheckOptions copts;
  copts.overrides = overrides;
  copts.inspect = [&](const Document& doc, const Hits& hits) {  // this rule on the document, then stop
    std::cout << ExplainRuleOnDocument(*set, *rule, doc, hits, report_path);
    return false;
  };
  Report report = Check(*set, Input::File(report_path), copts);
  if (std::string failed = FailureReason(report); !failed.empty()) {
    spdlog::error("{}: {}", report.document.path, failed);
    return kExitUsage;
  }
  if (report.status == CheckStatus::kNotCheckable) {
    spdlog::error("{}: not checkable: {}", report_path, report.document.not_checkable_reason);
    return kExitUsage;
  }
  return kExitOk;
}

int RunRulesTerms(const RulesOptions& opts) {
  Diagnostics diags;
  auto set = LoadRulesForCommand(opts, diags);
  if (!set) return kExitUsage;
  std::set<std::string> terms(set->matcher().terms().begin(), set->matcher().terms().end());
  for (const auto& t : terms) std::cout << t << "\n";
  return kExitOk;
}

}  // namespace

int RulesCommand(const std::vector<std::string>& args, const char* argv0) {
  static const std::vector<std::string> kSubcommands = {"lint", "test", "list", "explain", "terms"};
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    for (const auto& c : Commands())
      if (std::string(c.name) == "rules") std::cout << "Usage:\n" << c.usage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::string sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  RulesOptions r;
  r.argv0 = argv0;
  int verbose = 0;
  bool quiet = false, strict = false;
  std::vector<std::string> positional;
  po::options_description desc("fazhi rules " + sub);
  desc.add(RulesFlags(r)).add(CommonFlags(verbose, quiet));
  if (sub == "lint") desc.add_options()("strict", po::bool_switch(&strict), "warnings fail too");
  if (sub == "explain") desc.add_options()("year", po::value<int>(), "the year the report covers");
  if (std::find(kSubcommands.begin(), kSubcommands.end(), sub) == kSubcommands.end()) {
    std::string near = ClosestMatch(sub, kSubcommands);
    std::cerr << "fazhi: error: unknown command `rules " << sub << "`"
              << (near.empty() ? "" : "; did you mean `rules " + near + "`?") << "\n";
    return kExitUsage;
  }
  po::variables_map vm;
  if (auto done = ParseCommand(rest, desc, "positional", positional, vm)) return *done;
  SetupLogging(vm, quiet);
  if (sub == "lint") return RunRulesLint(r, positional, strict);
  if (sub == "test") return RunRulesTest(r, positional);
  if (sub == "list") return RunRulesList(r);
  if (sub == "terms") return RunRulesTerms(r);
  if (positional.empty() || positional.size() > 2) {
    std::cerr << "fazhi: error: usage: fazhi rules explain RULE [FILE]\n";
    return kExitUsage;
  }
  MetadataOverrides overrides;
  if (vm.count("year")) overrides.year = vm["year"].as<int>();
  return RunRulesExplain(r, positional[0], positional.size() > 1 ? positional[1] : "", overrides);
}

}  // namespace fazhi
