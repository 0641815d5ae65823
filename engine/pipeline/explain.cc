// rules explain on a document (pipeline/explain.h).
#include "pipeline/explain.h"

#include <fmt/format.h>

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
  if (!r) return label + "：规则不在结果中\n";
  std::string out = fmt::format("\n{}：{}（{}）— {}\n", label, VerdictLabelZh(r->verdict), VerdictName(r->verdict),
                                r->message.str());
  const bool gap = IsGap(r->verdict);
  int counted = 0;
  for (const auto& e : r->evidence) {
    if (e.kind != EvidenceKind::kSupport || r->verdict == Verdict::kFail) continue;
    if (counted++ == 0) out += "  计入的句子：\n";
    std::string terms;
    for (const auto& t : e.terms) terms += (terms.empty() ? "" : "、") + t;
    out += fmt::format("    第 {} 行（{}）命中：{}\n      {}\n", e.line, e.section, terms, e.quote);
  }
  if (!gap) return out;
  if (r->near_misses.empty()) {
    out += "  报告中没有句子同时满足本规则的起始词，没有可分析的候选句。\n";
    return out;
  }
  out += fmt::format("  考虑过但未计入的句子（{} 句）：\n", r->near_misses.size());
  for (const auto& nm : r->near_misses) {
    out += fmt::format("    第 {} 行（{}）\n      {}\n      未计入：{} [{}]\n", nm.line, nm.section, nm.quote, nm.reason,
                       nm.code);
    if (!nm.counted_for.empty()) out += "      这句计入了另一条规则：" + nm.counted_for + "\n";
    out += "      要计入本规则：" + nm.need + "\n";
  }
  return out;
}

}  // namespace fazhi
