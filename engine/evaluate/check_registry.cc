// The registry of check types: a plain sorted table, one line per type (no static self-registration).
#include <algorithm>

#include "core/messages.h"
#include "evaluate/check.h"
#include "rules/compile_context.h"

namespace fazhi {

CheckPtr ParseAll(const YNode&, CompileContext&);
CheckPtr ParseAny(const YNode&, CompileContext&);
CheckPtr ParseDate(const YNode&, CompileContext&);
CheckPtr ParseMention(const YNode&, CompileContext&);
CheckPtr ParseMetric(const YNode&, CompileContext&);
CheckPtr ParseNot(const YNode&, CompileContext&);
CheckPtr ParseRegex(const YNode&, CompileContext&);
CheckPtr ParseSection(const YNode&, CompileContext&);

const std::vector<CheckType>& CheckTypes() {
  static const std::vector<CheckType> kTypes = {
      {"all", ParseAll, "every listed condition holds (grade = the weakest)"},
      {"any", ParseAny, "at least one listed condition holds (grade = the strongest)"},
      {"date", ParseDate, "publication/signature date on or before a deadline relative to the covered year"},
      {"mention", ParseMention, "terms found in a scope and section role, not negated; concrete → pass"},
      {"metric", ParseMetric, "a number reported near a term, optionally compared with a threshold"},
      {"not", ParseNot, "the condition does not hold"},
      {"regex", ParseRegex, "an RE2 pattern in allowed section roles"},
      {"section", ParseSection, "a part of the report with a role or heading exists"},
  };
  return kTypes;
}

namespace {
// A condition that never matches: stands in for one that failed to parse (the error is already reported).
class NeverCheck : public Check {
 public:
  Outcome Evaluate(const EvalContext&) const override { return {}; }
  void Describe(std::string& out, int indent, const TermMatcher&) const override {
    out += std::string(indent, ' ') + Msg("explain.cond-invalid") + "\n";
  }
  Grade BestGrade() const override { return Grade::kNone; }
};
}  // namespace

CheckPtr ParseCondition(const YNode& node, CompileContext& ctx) {
  if (!node.IsMap() || node.size() != 1) {
    ctx.Raise(node, "E-bad-condition");
    return std::make_unique<NeverCheck>();
  }
  auto kv = *node.begin();
  const std::string type = kv.first.Scalar();
  const auto& types = CheckTypes();
  auto it = std::find_if(types.begin(), types.end(), [&](const CheckType& t) { return type == t.name; });
  if (it == types.end()) {
    std::vector<std::string> names;
    for (const auto& t : types) names.push_back(t.name);
    std::string near = ClosestMatch(type, names);
    ctx.Raise(kv.first, near.empty() ? "E-unknown-check" : "E-unknown-check.near", {type, near});
    return std::make_unique<NeverCheck>();
  }
  return it->parse(kv.second, ctx);
}

}  // namespace fazhi
