// metric: a number reported near a term (出庭应诉率81.25%, 复议申请14件), optionally compared with a threshold.
// For "从4.4%跃升至81.25%" the figure after 至/到/达 is the one compared.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/messages.h"
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
      std::uint32_t section = SectionAt(ctx, h.start);
      Span sentence = UnitAt(ctx, Scope::kSentence, h.start);
      EvidenceRef ref;
      ref.span = sentence;
      ref.terms.push_back(h.term);
      ref.concrete = true;
      if (auto kind = roles.Reject(ctx, section)) {
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
      // 从X跃升至Y → Y: the first number after the last 至/到/达 that some number follows.
      std::size_t last_mark = std::string_view::npos;
      for (std::string_view mark : {"至", "到", "达"}) {
        for (std::size_t p = after.find(mark); p != std::string_view::npos; p = after.find(mark, p + mark.size())) {
          std::size_t end = p + mark.size();
          bool followed = std::any_of(numbers.begin(), numbers.end(), [&](const NumberFound& n) { return n.begin >= end; });
          if (followed && (last_mark == std::string_view::npos || end > last_mark)) last_mark = end;
        }
      }
      const NumberFound* pick = &numbers.front();
      if (last_mark != std::string_view::npos)
        for (const auto& n : numbers)
          if (n.begin >= last_mark) {
            pick = &n;
            break;
          }
      bool ok = (!min || pick->value >= *min) && (!max || pick->value <= *max);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g%s", pick->value, pick->unit.c_str());
      ref.note = std::string("数值 ") + buf;
      if (ok) {
        ref.basis = std::string("“") + buf + "”";  // the reason says which figure made it concrete
        out.grade = Grade::kFull;
        out.support.push_back(ref);
        break;
      }
      ref.kind = EvidenceKind::kContext;
      out.rejected.push_back(ref);
      out.reason = std::string("报告数值 ") + buf + " 未达到要求";
    }
    if (out.grade == Grade::kNone && !terms.empty()) {  // for the reason: the figure the rule asks for
      char bound[64] = "";
      if (min) std::snprintf(bound, sizeof bound, "（不低于 %g）", *min);
      else if (max) std::snprintf(bound, sizeof bound, "（不高于 %g）", *max);
      out.missing.push_back("“" + ctx.matcher.Term(terms.front()) + "”" + (terms.size() > 1 ? "等" : "") +
                            "后面的具体数值" + bound);
    }
    return out;
  }

  // Every number is looked for after a hit of `terms`: without one, nothing is found or rejected.
  bool Anchors(std::vector<TermId>& out) const override {
    if (terms.empty()) return false;
    out.insert(out.end(), terms.begin(), terms.end());
    return true;
  }

  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    std::string list, more;
    DescribeTerms(list, m, terms);
    if (!units.empty()) {
      std::string u;
      for (const auto& x : units) u += (u.empty() ? "" : " ") + x;
      more += Msg("explain.cond-units", {u});
    }
    if (min) more += Msg("explain.cond-min-value", {fmt::format("{}", *min)});  // 80, 92.5 (not 80.000000)
    if (max) more += Msg("explain.cond-max-value", {fmt::format("{}", *max)});
    out += std::string(indent, ' ') + Msg("explain.cond-metric", {list, std::to_string(near), more}) + "\n";
  }
};

}  // namespace

CheckPtr ParseMetric(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<MetricCheck>();
  if (!ctx.CheckKeys(body, "metric")) return c;
  if (body["terms"]) c->terms = ctx.Terms(body["terms"], "metric.terms");
  if (body["units"]) c->units = ctx.Strings(body["units"], "metric.units");
  if (body["near"] && body["near"].IsScalar()) c->near = body["near"].AsInt(30);
  // min / max: a number, or "@setting" from pack.yaml (an auditor changes a threshold in one place).
  auto threshold = [&](const char* key) -> std::optional<double> {
    const YNode v = body[key];
    if (!v || !v.IsScalar()) return std::nullopt;
    std::string text = v.Scalar();
    if (!text.empty() && text[0] == '@') {
      const std::string* setting = ctx.Setting(text.substr(1));
      if (!setting) {
        ctx.Raise(v, "E-unknown-setting", {text});
        return std::nullopt;
      }
      text = *setting;
    }
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
      ctx.Raise(v, "E-type.metric", {key});
      return std::nullopt;
    }
    return d;
  };
  c->min = threshold("min");
  c->max = threshold("max");
  if (c->min && c->max && *c->min > *c->max)
    ctx.Raise(body, "E-never-matches.metric");
  c->roles.Parse(body, ctx);
  return c;
}

}  // namespace fazhi
