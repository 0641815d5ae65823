// metric: a number reported near a term (出庭应诉率81.25%, 复议申请14件), optionally compared with a threshold.
// For "从4.4%跃升至81.25%" the figure after 至/到/达 is the one compared.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "match/numbers.h"

namespace fazhi {

namespace {

class MetricCheck : public Check {
 public:
  std::vector<TermId> terms;
  std::vector<std::string> units;
  int near = 30;
  std::optional<double> min, max;
  RoleFilter roles;

  Outcome Evaluate(const EvalContext& ctx) const override {
    Outcome out;
    const Document& doc = ctx.doc;
    for (const auto& h : HitsIn(ctx, terms, {0, static_cast<std::uint32_t>(doc.text.size())})) {
      std::uint32_t section = doc.paragraphs.empty() ? 0 : doc.paragraphs[doc.ParagraphAt(h.start)].section;
      Span sentence = UnitAt(doc, Scope::kSentence, h.start);
      EvidenceRef ref;
      ref.span = sentence;
      ref.terms.push_back(h.term);
      ref.concrete = true;
      if (auto kind = roles.Reject(doc, section)) {
        if (*kind != EvidenceKind::kContext) {
          ref.kind = *kind;
          out.rejected.push_back(ref);
        }
        continue;
      }
      // Numbers after the term within `near` characters (same sentence).
      std::string_view after = std::string_view(doc.text).substr(h.end, sentence.end - h.end);
      after = TruncateChars(after, static_cast<std::size_t>(near));
      auto numbers = FindNumbers(after);
      std::erase_if(numbers, [&](const NumberFound& n) {
        return !units.empty() && std::find(units.begin(), units.end(), n.unit) == units.end();
      });
      if (numbers.empty()) continue;
      const NumberFound* pick = &numbers.front();
      for (const auto& n : numbers) {  // 从X跃升至Y → Y
        std::string_view before = after.substr(0, n.begin);
        if (before.ends_with("至") || before.ends_with("到") || before.ends_with("达")) pick = &n;
      }
      bool ok = (!min || pick->value >= *min) && (!max || pick->value <= *max);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g%s", pick->value, pick->unit.c_str());
      ref.note = std::string("数值 ") + buf;
      if (ok) {
        out.grade = Grade::kFull;
        out.support.push_back(ref);
        break;
      }
      ref.kind = EvidenceKind::kContext;
      out.rejected.push_back(ref);
      out.reason = std::string("报告数值 ") + buf + " 未达到要求";
    }
    return out;
  }

  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    out += std::string(indent, ' ') + "metric near ";
    DescribeTerms(out, m, terms);
    if (!units.empty()) {
      out += " units:";
      for (const auto& u : units) out += " " + u;
    }
    if (min) out += " min " + std::to_string(*min);
    if (max) out += " max " + std::to_string(*max);
    out += " within " + std::to_string(near) + " chars\n";
  }
};

}  // namespace

CheckPtr ParseMetric(const YAML::Node& body, CompileContext& ctx) {
  auto c = std::make_unique<MetricCheck>();
  if (!ctx.CheckKeys(body, "metric")) return c;
  if (body["terms"]) c->terms = ctx.Terms(body["terms"], "metric.terms");
  if (body["units"]) c->units = ctx.Strings(body["units"], "metric.units");
  if (body["near"] && body["near"].IsScalar()) c->near = body["near"].as<int>(30);
  if (body["min"] && body["min"].IsScalar()) c->min = body["min"].as<double>(0);
  if (body["max"] && body["max"].IsScalar()) c->max = body["max"].as<double>(0);
  if (c->min && c->max && *c->min > *c->max)
    ctx.Error(body, "E-never-matches", "metric `min` is greater than `max`", "no number can satisfy both");
  c->roles.Parse(body, ctx);
  return c;
}

}  // namespace fazhi
