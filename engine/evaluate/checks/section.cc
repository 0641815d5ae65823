// section: a part of the report with a given role (from segmentation) or a heading containing given words exists
// and has a body.
#include "core/lang.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "evaluate/document_outcomes.h"
#include "evaluate/near_misses.h"

namespace fazhi {

namespace {

// Whether `s` holds at least `n` characters, counted only as far as needed: a part's body can be pages long and a
// rule asks for ~10 characters (CountChars counts the bytes that start a character, so two counts add up).
bool HasChars(std::string_view s, int n) {
  if (n <= 0) return true;
  const std::size_t want = static_cast<std::size_t>(n), head = std::min(s.size(), 4 * want);
  const std::size_t first = CountChars(s.substr(0, head));
  return first >= want || first + CountChars(s.substr(head)) >= want;
}

class SectionCheck : public Check {
 public:
  std::optional<SectionRole> role;
  std::vector<std::string> heading;
  int min_chars = 10;

  Outcome Evaluate(const EvalContext& ctx) const override {
    // The outcome depends on the document's parts and these parameters only: the same check in another rule gives
    // it again (evaluate/document_outcomes.h).
    static const char kKind = 0;
    DocumentOutcomes* kept = DocumentOutcomes::For(ctx.doc);
    if (!kept) return Find(ctx.doc);
    return kept->Of(
        &kKind, *this,
        [&](const Check& c) {
          const auto& other = static_cast<const SectionCheck&>(c);
          return other.role == role && other.min_chars == min_chars && other.heading == heading;
        },
        [&] { return Find(ctx.doc); });
  }

  Outcome Find(const Document& doc) const {
    Outcome out;
    for (std::uint32_t i = 1; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      bool match = role && s.role == *role;
      if (!match && !heading.empty()) {
        // Heading words never find a part inside a rectification part unless it is what was asked for: "存在薄弱环节的
        // 问题" restated under "2022年度存在问题整改情况" is last year's problem, not this year's shortcomings part.
        // The ancestors are walked only for a heading that holds a word (this runs for every document, once per
        // section and rule: bench/run's 16× packs have 16 copies of each section rule).
        bool found = false;
        for (const auto& h : heading)
          if (s.heading.find(h) != std::string::npos) {
            found = true;
            break;
          }
        match = found && (role == SectionRole::kRectification || !doc.SectionHasRole(i, SectionRole::kRectification));
      }
      if (!match) continue;
      // Body size: the section's text minus its heading line (none when the heading bytes reach past the part).
      const std::size_t heading_len = s.number.size() + s.heading.size();
      const std::string_view section = doc.Slice(s.span);
      if (heading_len <= section.size() ? !HasChars(section.substr(heading_len), min_chars) : min_chars > 0) continue;
      EvidenceRef ref;
      std::uint32_t line_end = s.span.begin;
      while (line_end < s.span.end && doc.text[line_end] != '\n') ++line_end;
      ref.span = {s.span.begin, line_end};
      ref.concrete = true;
      out.support.push_back(ref);
      out.grade = Grade::kFull;
      out.found.push_back(Element());
      return out;
    }
    out.missing.push_back(Element());
    return out;
  }

  // The part as the reason names it: "“原因分析”部分", "标题含“下一步”的部分".
  std::string Element() const {
    static constexpr std::pair<SectionRole, const char*> kNames[] = {
        {SectionRole::kMeasures, "主要举措和成效"},   {SectionRole::kFirstResponsible, "履行第一责任人职责"},
        {SectionRole::kShortcomings, "存在的不足"},   {SectionRole::kCauses, "原因分析"},
        {SectionRole::kPlan, "下一步工作安排"},       {SectionRole::kRectification, "上年度问题整改情况"},
        {SectionRole::kPreamble, "开头概述"},        {SectionRole::kClosing, "结尾落款"}};
    if (role)
      for (auto [r, name] : kNames)
        if (r == *role) return std::string("“") + name + "”部分";
    if (!heading.empty()) return "标题含“" + heading.front() + "”" + (heading.size() > 1 ? "等词" : "") + "的部分";
    return "相应部分";
  }

  void Describe(std::string& out, int indent, const TermMatcher&) const override {
    std::string what;
    if (role)
      what += Msg("explain.cond-role", {English() ? std::string(RoleName(*role))
                                                  : std::string(RoleLabelZh(*role)) + "（" + RoleName(*role) + "）"});
    if (!heading.empty()) {
      std::string list = "[";
      for (std::size_t i = 0; i < heading.size(); ++i) list += (i ? ", " : "") + heading[i];
      if (!what.empty()) what += Msg("explain.cond-separator-short");
      what += Msg("explain.cond-heading", {list + "]"});
    }
    out += std::string(indent, ' ') + Msg("explain.cond-section", {what, std::to_string(min_chars)}) + "\n";
  }
};

}  // namespace

CheckPtr ParseSection(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<SectionCheck>();
  if (!ctx.CheckKeys(body, "section")) return c;
  if (body["role"] && body["role"].IsScalar()) {
    c->role = RoleFromName(body["role"].Scalar());
    if (!c->role)
      ctx.Raise(body["role"], "E-unknown-role", {body["role"].Scalar()});
  }
  if (body["heading"]) c->heading = ctx.Strings(body["heading"], "section.heading");
  if (body["min_chars"] && body["min_chars"].IsScalar()) c->min_chars = body["min_chars"].AsInt(10);
  if (!body["role"] && !body["heading"])
    ctx.Raise(body, "E-missing-key.section");
  return c;
}

}  // namespace fazhi
