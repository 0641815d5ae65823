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
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/lang.h"
#include "core/messages.h"
#include "core/safe_text.h"
#include "core/severity.h"
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
    PrintError(Msg("cli.no-rules-folder"));
    return nullptr;
  }
  try {
    return Compile(lo, diags);
  } catch (const InputError& e) {
    std::cerr << TerminalSafe(e.path()) << ": " << LevelLabel(Level::kError) << "[" << e.code()
              << "]: " << TerminalSafe(e.what()) << "\n";
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
      diags.push_back(DiagnosticOf(e));
    }
  }
}

// A verdict name ("pass", "error", or "missing" for a rule a fixture's report lacks) as `rules test` shows it: the
// Chinese label with the name a rule file uses, 符合（pass）; in English the name alone.
std::string ShownVerdict(const std::string& name) {
  if (English()) return name;
  std::string label;
  if (name == "missing") label = Msg("rules.verdict-missing");
  for (Verdict v : {Verdict::kPass, Verdict::kPartial, Verdict::kFail, Verdict::kNotApplicable, Verdict::kNotCheckable,
                    Verdict::kWaived, Verdict::kError})
    if (name == VerdictName(v)) label = VerdictLabelZh(v);
  return label.empty() ? name : label + "（" + name + "）";
}

int RunRulesLint(const RulesOptions& base, const std::vector<std::string>& paths, bool strict) {
  Diagnostics diags;
  std::shared_ptr<const RuleSet> set = LoadForAuthoring(base, paths, diags);
  if (!set) return kExitUsage;
  // Examples the rule gets wrong, and rules without a pass and a fail example.
  for (const auto& run : RunAllExamples(*set)) {
    if (run.got == run.example->expect) continue;
    diags.push_back(MakeDiagnostic("E-example", {run.example->expect, run.rule->id, run.got, run.message},
                                   run.rule->file, run.example->line));
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
        diags.push_back(MakeDiagnostic(!has_pass ? "W-missing-example.pass" : "W-missing-example.fail", {rule->id},
                                       rule->file, rule->line));
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
  std::cout << Msg("lint.summary", {std::to_string(set->packs().size()), std::to_string(set->RuleCount()),
                                    std::to_string(errors), std::to_string(warnings)})
            << "\n";
  return errors > 0 || (strict && warnings > 0) ? kExitGate : kExitOk;
}

int RunRulesTest(const RulesOptions& base, const std::vector<std::string>& paths) {
  Diagnostics diags;
  std::shared_ptr<const RuleSet> set = LoadForAuthoring(base, paths, diags);
  if (!set) return kExitUsage;
  if (HasErrors(diags)) {
    for (const auto& d : diags)
      if (d.level == Level::kError) std::cerr << FormatDiagnostic(d) << "\n";
    std::cerr << Msg("rules.have-errors") << "\n";
    return kExitUsage;
  }
  int passed = 0, failed = 0;
  // One line per rule ("ok" with its example count), then each failing example with what it got and why.
  const Rule* current = nullptr;
  int rule_ok = 0;
  std::vector<std::string> rule_failures;
  auto flush = [&] {
    if (!current) return;
    if (rule_failures.empty()) std::cout << Msg("rules.test-ok", {current->id, std::to_string(rule_ok)}) << "\n";
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
      rule_failures.push_back(Msg("rules.test-fail", {run.rule->id, run.rule->file, std::to_string(run.example->line),
                                                      ShownVerdict(run.example->expect), ShownVerdict(run.got),
                                                      run.message}) +
                              "\n");
  }
  flush();
  // Fixture files: a report text with expected verdicts.
  for (const auto& fx : set->fixtures()) {
    CheckOptions copts;
    copts.overrides.year = fx.year;
    Report report = Check(*set, Input::File(fx.file), copts);
    if (report.status != CheckStatus::kChecked) {
      ++failed;
      std::cout << Msg("rules.test-fixture-unchecked",
                       {fx.file, report.status == CheckStatus::kNotCheckable ? report.document.not_checkable_reason
                                                                             : report.error})
                << "\n";
      continue;
    }
    for (const auto& [rule, want] : fx.expect) {
      std::string id = rule.find('/') == std::string::npos ? fx.pack + "/" + rule : rule;
      auto it = std::find_if(report.results.begin(), report.results.end(),
                             [&](const RuleResult& r) { return r.rule->id == id; });
      std::string got = it == report.results.end() ? "missing" : VerdictName(it->verdict);
      bool ok = got == want;
      (ok ? passed : failed)++;
      if (!ok)
        std::cout << Msg("rules.test-fixture-fail", {id, fx.file, ShownVerdict(want), ShownVerdict(got)}) << "\n";
    }
  }
  std::cout << Msg("rules.test-summary", {std::to_string(passed), std::to_string(failed)}) << "\n";
  return failed > 0 ? kExitGate : kExitOk;
}

int RunRulesList(const RulesOptions& opts) {
  Diagnostics diags;
  auto set = LoadRulesForCommand(opts, diags);
  if (!set) return kExitUsage;
  for (const auto& pack : set->packs()) {
    std::cout << Msg("rules.list-pack", {pack->id, pack->title, pack->version, std::to_string(pack->rules.size())})
              << "\n";
    for (const auto& r : pack->rules) {
      // Padded to one column width: 高/中/低 take 2 terminal columns, 严重/提示 4; the English names up to 8 letters.
      std::string severity = English() ? SeverityName(r->severity) : SeverityLabelZh(r->severity);
      if (English()) severity.resize(std::max<std::size_t>(severity.size(), 8), ' ');
      else if (severity.size() == 3) severity += "  ";  // one CJK character: 3 bytes, 2 columns
      std::cout << fmt::format("  {:<34} {} {}\n", r->id, severity, r->title.str());
    }
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
    spdlog::error("{}", near.empty() ? Msg("rules.unknown-rule", {id}) : Msg("rules.unknown-rule-near", {id, near}));
    return kExitUsage;
  }
  std::cout << Msg("explain.header", {rule->id, rule->title.str(), rule->cite.str(), rule->category.str(),
                                      English() ? SeverityName(rule->severity) : SeverityLabelZh(rule->severity),
                                      fmt::format("{}", rule->weight), rule->file, std::to_string(rule->line)})
            << "\n";
  if (!rule->not_checkable.empty()) std::cout << Msg("explain.not-checkable", {rule->not_checkable}) << "\n";
  std::string desc;
  if (rule->pass) {
    desc += Msg("explain.pass-condition") + "\n";
    rule->pass->Describe(desc, 4, set->matcher());
  }
  if (rule->partial) {
    desc += Msg("explain.partial-condition") + "\n";
    rule->partial->Describe(desc, 4, set->matcher());
  }
  std::cout << desc;
  if (rule->anchored) {
    // The terms the checks start from: a report holding none of them gets the rule's settled verdict without its
    // checks being run (docs/architecture.md).
    std::string terms;
    for (TermId t : rule->anchors) terms += (terms.empty() ? "" : ", ") + set->matcher().Term(t);
    std::cout << Msg("explain.anchors", {terms}) << "\n";
  } else if (rule->not_checkable.empty()) {
    std::cout << Msg("explain.no-anchors") << "\n";
  }
  if (!rule->remedy.empty()) std::cout << Msg("explain.remedy", {rule->remedy}) << "\n";
  std::cout << Msg("explain.examples", {std::to_string(rule->examples.size())}) << "\n";
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
    spdlog::error("{}", Msg("cli.not-checkable", {report_path, report.document.not_checkable_reason}));
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


// The help of `fazhi rules SUB --help`: its usage, arguments and examples (the flags come from the groups).
CommandHelp RulesHelp(const std::string& sub) {
  CommandHelp h;
  const std::string title = "fazhi rules " + sub + " — ";
  if (sub == "lint") {
    h.title = title + std::string(TrHelp("检查规则文件：每个问题给出文件、行、列、诊断代码和修改建议",
                                         "validate rule files: file:line:col, code and a hint for every problem"));
    h.usage = {TrHelp("fazhi rules lint [选项] [规则文件夹…]", "fazhi rules lint [options] [DIR...]")};
    h.arguments = {{TrHelp("规则文件夹…", "DIR..."),
                    TrHelp("要检查的规则文件夹或规则包（默认：check 会加载的规则）",
                           "rule folders or packs to check (default: what check would load)")}};
    h.examples = {{"fazhi rules lint 我的规则/", TrHelp("有错误时退出码为 1", "exit 1 on an error")},
                  {"fazhi rules lint --strict 我的规则/", TrHelp("警告也算失败", "warnings fail too")}};
  } else if (sub == "test") {
    h.title = title + std::string(TrHelp("运行每条规则的例子和样例报告，显示“N 通过，N 失败”",
                                         "run every rule's examples and fixtures: \"N passed, N failed\""));
    h.usage = {TrHelp("fazhi rules test [选项] [规则文件夹…]", "fazhi rules test [options] [DIR...]")};
    h.arguments = {{TrHelp("规则文件夹…", "DIR..."),
                    TrHelp("要测试的规则文件夹或规则包（默认：check 会加载的规则）",
                           "rule folders or packs to test (default: what check would load)")}};
    h.examples = {{"fazhi rules test 我的规则/", TrHelp("有例子不符时退出码为 1", "exit 1 when an example fails")}};
  } else if (sub == "list") {
    h.title = title + std::string(TrHelp("列出已加载的规则包和规则", "list the loaded packs and rules"));
    h.usage = {TrHelp("fazhi rules list [选项]", "fazhi rules list [options]")};
    h.examples = {{"fazhi rules list --pack report", TrHelp("只列 report 规则包", "only the report pack")},
                  {"fazhi rules list --rules 我的规则/", TrHelp("含本地规则", "with local rules")}};
  } else if (sub == "explain") {
    h.title = title + std::string(TrHelp("说明一条规则为何得出它的判定：它的词、起始词、计入和未计入的句子",
                                         "why a rule gave its verdict: its terms, anchor terms, the sentences that "
                                         "counted and those that did not"));
    h.usage = {TrHelp("fazhi rules explain [选项] 规则编号 [报告]", "fazhi rules explain [options] RULE [REPORT]")};
    h.arguments = {{TrHelp("规则编号", "RULE"), TrHelp("规则的编号，如 report/causes", "the rule's id, e.g. report/causes")},
                   {TrHelp("报告", "REPORT"),
                    TrHelp("要核对的报告文件；给出时显示判定和逐句依据（行号与 check 相同），不给时只显示规则",
                           "a report file: with it, the verdict and the trail sentence by sentence "
                           "(the line numbers of check); without it, only the rule")}};
    h.examples = {{"fazhi rules explain report/causes 报告.txt", TrHelp("为何得出这个判定", "why this verdict")},
                  {"fazhi rules explain report/causes", TrHelp("只看规则本身", "the rule alone")}};
  } else {  // terms
    h.title = title + std::string(TrHelp("列出已加载规则包用到的全部词，每行一个",
                                         "print every literal term the loaded packs use, one per line"));
    h.usage = {TrHelp("fazhi rules terms [选项]", "fazhi rules terms [options]")};
    h.examples = {{"fazhi rules terms --pack duty > 第一责任人词表.txt",
                   TrHelp("把 duty 规则包的词写入文件", "the duty pack's terms into a file")}};
  }
  return h;
}

}  // namespace

int RulesCommand(const std::vector<std::string>& args, const char* argv0) {
  const Command& command = *FindCommand("rules");
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << SubcommandsHelp(command);
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::vector<std::string> kSubcommands;
  for (const auto& s : command.subcommands) kSubcommands.push_back(s.name);
  std::string sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  RulesOptions r;
  r.argv0 = argv0;
  int verbose = 0;
  bool quiet = false, strict = false;
  std::vector<std::string> positional;
  if (std::find(kSubcommands.begin(), kSubcommands.end(), sub) == kSubcommands.end()) {
    std::string near = ClosestMatch(sub, kSubcommands);
    PrintError(Msg("usage.unknown-command", {"rules " + sub}) +
               (near.empty() ? "" : Msg("usage.did-you-mean", {"rules " + near})));
    return kExitUsage;
  }
  CommandHelp help = RulesHelp(sub);
  po::options_description own;
  if (sub == "lint")
    own.add_options()("strict", po::bool_switch(&strict),
                      TrHelp("警告也算失败（退出码 1）", "warnings fail too (exit 1)"));
  if (sub == "explain")
    own.add_options()("year", po::value<int>()->value_name(TrHelp("年度", "YEAR")),
                      TrHelp("报告所属年度（覆盖从正文读出的）", "the year the report covers (overrides the text)"));
  if (!own.options().empty()) help.groups.push_back({std::string(TrHelp("本命令", "this command")), own});
  help.groups.push_back(RulesFlags(r));
  help.groups.push_back(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(rest, help, "positional", positional, vm)) return *done;
  SetupLogging(vm, quiet);
  if (sub == "lint") return RunRulesLint(r, positional, strict);
  if (sub == "test") return RunRulesTest(r, positional);
  if ((sub == "list" || sub == "terms") && !positional.empty()) {  // a folder meant for --rules, say
    std::string extra;
    for (const auto& p : positional) extra += (extra.empty() ? "" : " ") + p;
    PrintError(Msg("usage.no-arguments", {"rules " + sub, extra}));
    return kExitUsage;
  }
  if (sub == "list") return RunRulesList(r);
  if (sub == "terms") return RunRulesTerms(r);
  if (positional.empty() || positional.size() > 2) {
    PrintError(Msg("usage.explain-args"));
    return kExitUsage;
  }
  MetadataOverrides overrides;
  if (vm.count("year")) overrides.year = vm["year"].as<int>();
  return RunRulesExplain(r, positional[0], positional.size() > 1 ? positional[1] : "", overrides);
}

}  // namespace fazhi
