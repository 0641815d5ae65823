// Running rules' examples (examples.h).
#include "pipeline/examples.h"

#include "core/date.h"
#include "evaluate/evaluator.h"
#include "pipeline/check.h"
#include "segment/metadata.h"

namespace fazhi {

ExampleRun RunExample(const RuleSet& set, const Pack& pack, const Rule& rule, const Example& ex) {
  ExampleRun run{&rule, &ex, "", ""};
  CheckOptions copts;
  copts.overrides.year = ex.year;
  if (!copts.overrides.year) {
    if (rule.applies.year_from) copts.overrides.year = rule.applies.year_from;
    else if (pack.applies.year_from) copts.overrides.year = pack.applies.year_from;
  }
  copts.overrides.level = ex.level;
  if (ex.published) copts.overrides.published = ParseIsoDate(*ex.published);
  copts.inspect = [&](const Document& doc, const Hits& hits) {  // only this rule, then stop
    EvalContext ctx{doc, hits, set.matcher()};
    RuleResult r = EvaluateRule(doc, ctx, pack, rule, nullptr);
    run.got = VerdictName(r.verdict);
    run.message = r.message;
    return false;
  };
  Report report = Check(set, Input::Bytes(rule.file + ":" + std::to_string(ex.line), ex.text), copts);
  if (report.status != CheckStatus::kStopped) {
    run.got = "error";
    run.message = report.status == CheckStatus::kNotCheckable ? report.document.not_checkable_reason : report.error;
  }
  return run;
}

std::vector<ExampleRun> RunAllExamples(const RuleSet& set) {
  std::vector<ExampleRun> runs;
  for (const auto& pack : set.packs())
    for (const auto& rule : pack->rules)
      if (!rule->has_errors)
        for (const auto& ex : rule->examples) runs.push_back(RunExample(set, *pack, *rule, ex));
  return runs;
}

}  // namespace fazhi
