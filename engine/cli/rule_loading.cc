// Rule loading for commands, with the notices (overrides, extensions) logged at info level.
#include "cli/rule_loading.h"

#include <spdlog/spdlog.h>

#include "cli/rules_dir.h"
#include "core/error.h"
#include "pipeline/compile.h"
#include "rules/yaml_cache.h"

namespace fazhi {

void LogDiagnostics(const Diagnostics& diags) {
  for (const auto& d : diags) {
    std::string line = FormatDiagnostic(d);
    if (d.level == Level::kError) spdlog::error("{}", line);
    else if (d.level == Level::kWarning) spdlog::warn("{}", line);
    else spdlog::info("{}", line);
  }
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
    spdlog::error("no rules found: set FAZHI_RULES or pass --rules DIR");
    return nullptr;
  }
  std::shared_ptr<const RuleSet> set;
  try {
    set = Compile(lo, diags);
  } catch (const InputError& e) {
    spdlog::error("{}: {}", e.path(), e.what());
    return nullptr;
  }
  LogDiagnostics(diags);
  if (HasErrors(diags)) {
    spdlog::error("the rule files have errors (run `fazhi rules lint` for details)");
    return nullptr;
  }
  spdlog::debug("loaded {} packs, {} rules, {} terms", set->packs().size(), set->RuleCount(), set->matcher().size());
  return set;
}

}  // namespace fazhi
