// Rule loading for commands, with the notices (overrides, extensions) logged at info level.
#include "cli/rule_loading.h"

#include <filesystem>
#include <optional>

#include <spdlog/spdlog.h>

#include "cli/rules_dir.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/messages.h"
#include "pipeline/check.h"
#include "pipeline/compile.h"
#include "rules/yaml_cache.h"
#include "score/profile.h"

namespace fazhi {

void LogDiagnostic(const Diagnostic& d) {
  const std::string line = DiagnosticLogLine(d);
  if (d.level == Level::kError) spdlog::error("{}", line);
  else if (d.level == Level::kWarning) spdlog::warn("{}", line);
  else spdlog::info("{}", line);
}

void LogDiagnostics(const Diagnostics& diags) {
  for (const auto& d : diags) LogDiagnostic(d);
}

std::vector<std::string> ResolveRuleDirs(const RulesOptions& opts) {
  std::vector<std::string> dirs;
  if (!opts.no_shipped)
    if (auto shipped = FindShippedRules(opts.argv0)) dirs.push_back(*shipped);
  dirs.insert(dirs.end(), opts.dirs.begin(), opts.dirs.end());
  return dirs;
}

std::shared_ptr<const RuleSet> LoadRulesForCommand(const RulesOptions& opts, Diagnostics& diags) {
  LoadOptions lo;
  lo.limits = opts.limits;
  lo.packs = opts.packs;
  lo.cache_dir = DefaultCacheDir();
  lo.dirs = ResolveRuleDirs(opts);
  if (lo.dirs.empty()) {
    spdlog::error("{}", Msg("cli.no-rules"));
    return nullptr;
  }
  std::shared_ptr<const RuleSet> set;
  try {
    set = Compile(lo, diags);
  } catch (const InputError& e) {
    spdlog::error("{}", DiagnosticLogLine(DiagnosticOf(e)));  // with its code and hint, like a lint line
    return nullptr;
  }
  LogDiagnostics(diags);
  if (HasErrors(diags)) {
    spdlog::error("{}", Msg("cli.rules-have-errors"));
    return nullptr;
  }
  spdlog::debug("loaded {} packs, {} rules, {} terms", set->packs().size(), set->RuleCount(), set->matcher().size());
  return set;
}

// The audit profile of a check (docs/scoring.md): --profile FILE, `none`, or the shipped rules' profile.yaml when it
// exists. An explicit profile whose packs or same_as rules are not loaded is refused (exit 2), unless --pack chose
// fewer packs (then a warning: the missing ones are simply not there). False after logging the reason.
bool LoadCommandProfile(const RulesOptions& rules_opts, const std::string& flag, const RuleSet& rules,
                        std::optional<Profile>& out) {
  if (flag == "none") return true;
  std::string path = flag;
  const bool explicit_profile = !path.empty();
  if (!explicit_profile) {
    if (rules_opts.no_shipped) return true;
    auto dirs = ResolveRuleDirs(rules_opts);
    if (dirs.empty()) return true;
    std::error_code ec;
    std::filesystem::path shipped = std::filesystem::path(dirs.front()) / "profile.yaml";
    if (!std::filesystem::is_regular_file(shipped, ec)) return true;
    path = shipped.string();
  }
  try {
    out = LoadProfile(path, rules_opts.limits, DefaultCacheDir());
  } catch (const InputError& e) {
    LogDiagnostic(DiagnosticOf(e));
    return false;
  }
  if (!explicit_profile) return true;
  std::vector<std::string> packs;
  for (const auto& p : rules.packs()) packs.push_back(p->id);
  bool ok = true;
  for (auto d : LintProfile(*out, RuleIds(rules), packs)) {
    if (!rules_opts.packs.empty()) d.level = Level::kWarning;
    ok = ok && d.level != Level::kError;
    LogDiagnostic(d);
  }
  return ok;
}

}  // namespace fazhi
