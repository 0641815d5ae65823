// `rules explain RULE REPORT`: one rule's verdict on one document, what counted and — for fail and partial — every
// sentence that held the rule's terms and did not count, with the reason, the other rule that counted it (when one
// did) and what it would need. Chinese, with the section path and the line numbers of `check`.
#pragma once

#include <string>

#include "core/document.h"
#include "match/term_matcher.h"
#include "rules/rule_set.h"

namespace fazhi {

// The explanation of `rule` on `doc` (its hits already found), as text for the terminal; `label` names the document.
std::string ExplainRuleOnDocument(const RuleSet& set, const Rule& rule, const Document& doc, const Hits& hits,
                                  const std::string& label);

}  // namespace fazhi
