// The compile step: load (rules/) then the shared settled results (evaluate/settled.h).
#include "pipeline/compile.h"

#include "evaluate/settled.h"

namespace fazhi {

void BuildSharedResults(RuleSet& set) { RuleSetBuilder(set).SetSettled(std::make_shared<const SettledRuns>(set)); }

std::shared_ptr<const RuleSet> Compile(const LoadOptions& opts, Diagnostics& diags) {
  std::unique_ptr<RuleSet> set = LoadRuleSet(opts, diags);
  if (set) BuildSharedResults(*set);
  return set;
}

std::shared_ptr<const RuleSet> CompileFromStrings(const InMemoryPack& pack, const LoadOptions& opts, Diagnostics& diags) {
  std::unique_ptr<RuleSet> set = LoadRuleSetFromStrings(pack, opts, diags);
  if (set) BuildSharedResults(*set);
  return set;
}

}  // namespace fazhi
