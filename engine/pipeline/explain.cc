// rules explain on a document (pipeline/explain.h).
#include "pipeline/explain.h"

#include "core/messages.h"
#include "evaluate/evaluator.h"

namespace fazhi {

namespace {
// Enough for a report: a rule's terms rarely occur in more sentences than this without one of them counting.
constexpr std::size_t kExplainNearMisses = 30;
}  // namespace

std::string ExplainRuleOnDocument(const RuleSet& set, const Rule& rule, const Document& doc, const Hits& hits,
                                  const std::string& label) {
  // Every rule, so that a sentence counted by another rule can be named.
  Diagnostics diags;
  std::vector<RuleResult> results = EvaluateRules(doc, hits, set, diags, kExplainNearMisses);
  const RuleResult* r = nullptr;
  for (const auto& x : results)
    if (x.rule->id == rule.id) r = &x;
  if (!r) return Msg("explain.doc-not-in-results", {label}) + "\n";
  // The frame in the user's language; the verdict's reason, the quotes and why each did not count are the report's
  // text (Chinese in both).
  std::string out(1, '\n');
  out += Msg("explain.doc-verdict", {label, VerdictLabelZh(r->verdict), VerdictName(r->verdict), r->message.str()});
  out += "\n";
  const bool gap = IsGap(r->verdict);
  int counted = 0;
  for (const auto& e : r->evidence) {
    if (e.kind != EvidenceKind::kSupport || r->verdict == Verdict::kFail) continue;
    if (counted++ == 0) out += Msg("explain.doc-counted") + "\n";
    std::string terms;
    for (const auto& t : e.terms) terms.append(terms.empty() ? "" : "、").append(t);
    out += Msg("explain.doc-hit", {std::to_string(e.line), std::string(e.section), terms, std::string(e.quote)}) + "\n";
  }
  if (!gap) return out;
  if (r->near_misses().empty()) {
    out += Msg("explain.doc-no-candidates") + "\n";
    return out;
  }
  out += Msg("explain.doc-near-misses", {std::to_string(r->near_misses().size())}) + "\n";
  for (const auto& nm : r->near_misses()) {
    out += Msg("explain.doc-miss", {std::to_string(nm.line), nm.section, nm.quote, nm.reason, nm.code}) + "\n";
    if (!nm.counted_for.empty()) out += Msg("explain.doc-counted-for", {nm.counted_for}) + "\n";
    out += Msg("explain.doc-need", {nm.need}) + "\n";
  }
  return out;
}

}  // namespace fazhi
