// The reason a partial or failing verdict gives, built from the decision (docs/rules.md, "结论说明"): which
// required elements were found and which are missing, in the rule's words (a term group's `labels`, else its
// terms), whether the quoted sentences are concrete and why (a 《document》, a number, an action) — the generic
// "仅有概括性或间接的表述，缺少具体举措、文件或数据" only when the evidence really is generic — then the rule's
// own `message`.
#pragma once

#include <string>
#include <string_view>

#include "evaluate/check.h"

namespace fazhi {

// `pass`: the outcome of the rule's pass condition; `partial`: of its partial condition (nullptr when it has none
// or it was not evaluated); `rule_message`: the rule's `message` ("" when none).
// `problems_part`: the quoted sentences lie in the 存在的问题/原因 parts (a shortcomings or causes rule): whether
// they are concrete is not said — it means nothing there.
std::string PartialReason(const Outcome& pass, const Outcome* partial, std::string_view rule_message,
                          bool problems_part = false);
// `note`: what the rejected evidence says (only in the 存在的问题 part, only a promise, negated); "" when none.
std::string FailReason(const Outcome& pass, const Outcome* partial, std::string_view note,
                       std::string_view rule_message);

// The generic sentence: the one wording for "met only in general terms".
inline constexpr const char kGenericReason[] = "仅有概括性或间接的表述，缺少具体举措、文件或数据";

}  // namespace fazhi
