// Evaluation: for each rule, applicability (years, issuer level), then the graded condition, then a verdict with
// a message that says what was found or what is missing, quoting the sentences that decided it.
#include "evaluate/evaluator.h"

#include "evaluate/near_misses.h"

#include <algorithm>
#include <array>
#include <bit>
#include <span>

#include "core/levels.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "evaluate/document_outcomes.h"
#include "evaluate/reasons.h"
#include "evaluate/near_misses.h"
#include "evaluate/settled.h"

namespace fazhi {

namespace {

constexpr std::size_t kMaxQuoteChars = 160;
constexpr std::size_t kMaxEvidence = kMaxShown;

// nullopt = applies; otherwise the verdict (not_applicable / not_checkable) and why. `levels` false: years only.
std::optional<std::pair<Verdict, std::string>> CheckApplicability(const Applicability& a, const Document& doc,
                                                                  const EvalContext& ctx, const char* what,
                                                                  bool levels = true) {
  if (a.year_from || a.year_to) {
    if (!doc.meta.year.value)
      return std::pair{Verdict::kNotCheckable,
                       std::string("报告所属年度不明，无法确定本") + what + "是否适用（可用 --year 指定）"};
    int y = *doc.meta.year.value;
    if ((a.year_from && y < *a.year_from) || (a.year_to && y > *a.year_to && !a.warn_after))
      return std::pair{Verdict::kNotApplicable, std::string("本") + what + "适用于 " +
                                                    std::to_string(a.year_from.value_or(0)) + "–" +
                                                    std::to_string(a.year_to.value_or(9999)) + " 年度的报告，该报告为 " +
                                                    std::to_string(y) + " 年度"};
  }
  if (levels && !a.levels.empty() && doc.meta.level.value &&
      std::find(a.levels.begin(), a.levels.end(), ParseIssuerLevel(*doc.meta.level.value)) == a.levels.end()) {
    if (a.also_when && a.also_when->Evaluate(EvalContext{ctx.doc, ctx.hits, ctx.matcher, nullptr, ctx.index}).grade != Grade::kNone)
      return std::nullopt;
    std::string levels;
    for (const auto& l : a.levels) levels += (levels.empty() ? "" : "、") + LevelNameZh(l);
    return std::pair{Verdict::kNotApplicable,
                     std::string("本") + what + "只适用于" + levels + "报告主体，该报告主体为" +
                         LevelNameZh(*doc.meta.level.value) + (a.also_when ? "，且报告未写到相关工作" : "")};
  }
  return std::nullopt;
}

std::string KindNote(EvidenceKind k) {
  switch (k) {
    case EvidenceKind::kSelfReportedGap: return "仅在“存在的问题/不足”部分提及（自述差距，不能视为已落实）";
    case EvidenceKind::kPromiseOnly: return "仅作为计划或承诺提及（下一步安排不等于已完成的工作）";
    case EvidenceKind::kNegated: return "相关表述为否定或待改进（如“尚未”“有待”）";
    default: return "";
  }
}

// Whether any of `ids` occurs in the document (a rule's or a condition's anchor terms).
bool AnyOccurs(const std::vector<TermId>& ids, const Hits& hits) {
  return std::any_of(ids.begin(), ids.end(), [&](TermId t) { return !hits.Of(t).empty(); });
}

// The role of the part holding `offset` (the document has paragraphs).
SectionRole RoleAt(const Document& doc, const EvalIndex* index, std::uint32_t offset) {
  if (!index) return doc.RoleOf(doc.paragraphs[doc.ParagraphAt(offset)].section);
  return index->RoleOf(doc.paragraphs[index->ParagraphAt(offset)].section);
}

}  // namespace

Evidence MakeEvidence(const Document& doc, const EvidenceRef& ref, const TermMatcher& m, EvalIndex* index) {
  // The texts go into this thread's current block (core/report.h, EvidenceBlocks): no allocation per quote, and a
  // sentence or heading path quoted again is not copied again.
  thread_local EvidenceBlocks blocks;
  Evidence e;
  e.kind = ref.kind;
  std::string_view whole, section;
  std::string section_path;  // Document::SectionPath's, when there is no index
  if (ref.span.end > ref.span.begin && ref.span.end <= doc.text.size()) {
    whole = doc.Slice(ref.span);
    while (!whole.empty() && (whole.front() == ' ' || whole.front() == '\n')) whole.remove_prefix(1);
    e.byte_start = ref.span.begin;
    e.byte_end = ref.span.end;
    e.line = static_cast<int>(doc.SourceLineOf(ref.span.begin));
    e.page = doc.PageOf(ref.span.begin);
    if (!doc.paragraphs.empty()) {
      const std::uint32_t at = ref.span.begin;
      const std::uint32_t section_id = doc.paragraphs[index ? index->ParagraphAt(at) : doc.ParagraphAt(at)].section;
      if (index) {
        section = index->SectionPath(section_id);
      } else {
        section_path = doc.SectionPath(section_id);
        section = section_path;
      }
      e.role = RoleName(index ? index->RoleOf(section_id) : doc.RoleOf(section_id));
    }
  }
  std::array<std::string_view, 8> inline_terms;
  std::vector<std::string_view> more_terms;  // a metric's list may be longer
  if (ref.terms.size() > inline_terms.size()) more_terms.resize(ref.terms.size());
  std::string_view* const out = more_terms.empty() ? inline_terms.data() : more_terms.data();
  std::size_t n = 0;
  for (TermId t : ref.terms) {
    std::string_view term = m.Term(t);
    if (std::find(out, out + n, term) == out + n) out[n++] = term;
  }
  const std::span<const std::string_view> terms(out, n);
  if (whole.empty() && !ref.note.empty())  // no sentence to quote: the check's note stands in, whole
    blocks.Place(e, ref.note, {}, section, e.role, false, terms);
  else
    blocks.PlaceQuote(e, whole, kMaxQuoteChars, section, e.role, terms);
  return e;
}

namespace {
using Applies = std::optional<std::pair<Verdict, std::string>>;

// EvaluateRule with the pack's applicability already known (EvaluateRules works it out once per pack).
RuleResult EvaluateRuleIn(const Document& doc, const EvalContext& ctx, const Applies& pack_na,
                          const Rule& rule, Outcome* trail, std::size_t near_misses = 0);

// The rule set's settled results; built here for a rule set put together by hand (Compile builds them once).
const SettledRuns& SettledOf(const RuleSet& rules, std::shared_ptr<const SettledRuns>& local) {
  if (rules.settled()) return *rules.settled();
  local = std::make_shared<const SettledRuns>(rules);
  return *local;
}
}  // namespace

RuleResult EvaluateRule(const Document& doc, const EvalContext& ctx, const Pack& pack, const Rule& rule,
                        Outcome* trail, std::size_t near_misses) {
  // A rule's own `levels` replace the pack's (the pack's years always hold).
  return EvaluateRuleIn(doc, ctx, CheckApplicability(pack.applies, doc, ctx, "规则包", rule.applies.levels.empty()),
                        rule, trail, near_misses);
}

namespace {
RuleResult EvaluateRuleIn(const Document& doc, const EvalContext& ctx_in, const Applies& pack_na,
                          const Rule& rule, Outcome* trail, std::size_t near_misses) {
  // Near misses on demand only: the checks record into `misses` when the context points at it.
  std::vector<MissRef> misses;
  const EvalContext ctx{ctx_in.doc, ctx_in.hits, ctx_in.matcher, near_misses ? &misses : nullptr, ctx_in.index};
  RuleResult r = BlankResult(rule, Verdict::kFail, SharedText());
  Applies na = pack_na;
  if (!na) na = CheckApplicability(rule.applies, doc, ctx, "规则");
  if (na) {
    r.verdict = r.unwaived = na->first;
    r.message = na->second;
    return r;
  }
  if (!rule.not_checkable.empty()) {
    r.verdict = r.unwaived = Verdict::kNotCheckable;
    r.message = rule.not_checkable;
    return r;
  }
  // Only the verdict and its quotes are read unless near misses or the trail are asked for: the pass condition may
  // stop once its full grade and quotes are settled (the partial condition is only looked at when it is not full).
  EvalContext pass_ctx = ctx;
  pass_ctx.shown_only = !near_misses && !trail;
  Outcome o = rule.pass->Evaluate(pass_ctx);
  Grade grade = o.grade;
  // `o` stays the pass condition's outcome for the reason (PartialReason, FailReason): only its rejected list grows,
  // and the partial condition's support is pointed at, not copied, when it decides the grade.
  Outcome p;
  const Outcome* partial = nullptr;
  const std::vector<EvidenceRef>* support = &o.support;
  std::vector<EvidenceRef> counted;  // what the pass condition counted (its sentences are no near misses)
  if (near_misses) counted = o.support;
  // With the pass condition graded partial the verdict is partial whatever the partial condition finds, and its
  // quotes and reason are the pass condition's (PartialReason reads the partial outcome only when the pass one found
  // nothing): the partial condition is evaluated only for the near misses or the trail.
  const bool partial_read = grade == Grade::kNone || near_misses || trail;
  if (grade != Grade::kFull && rule.partial && !o.not_checkable && partial_read) {
    p = rule.partial->Evaluate(ctx);
    partial = &p;
    if (p.grade != Grade::kNone && grade == Grade::kNone) {
      grade = Grade::kPartial;
      support = &p.support;
    }
    o.rejected.insert(o.rejected.end(), p.rejected.begin(), p.rejected.end());
  }
  const std::vector<EvidenceRef>* shown = support;
  if (o.not_checkable && grade != Grade::kFull) {
    r.verdict = Verdict::kNotCheckable;
    r.message = o.reason;
    shown = &o.rejected;
  } else if (grade == Grade::kFull) {
    r.verdict = Verdict::kPass;
    static const std::string kFound = "找到具体工作或成效的表述";
    r.message = o.reason.empty() ? SharedText::Borrow(kFound) : SharedText(o.reason);
  } else if (grade == Grade::kPartial) {
    r.verdict = Verdict::kPartial;
    // Evidence in the 存在的问题/原因 parts (a shortcomings or causes rule): concreteness is not the point there.
    bool problems_part = !doc.paragraphs.empty() && std::any_of(support->begin(), support->end(), [&](const EvidenceRef& e) {
      SectionRole role = RoleAt(doc, ctx.index, e.span.begin);
      return role == SectionRole::kShortcomings || role == SectionRole::kCauses;
    });
    r.message = PartialReason(o, partial, rule.message, problems_part);
  } else {
    r.verdict = Verdict::kFail;
    if (!o.reason.empty()) {
      r.message = rule.message.empty() ? o.reason : o.reason + "；" + rule.message;
    } else {
      std::string note;
      for (const auto& ref : o.rejected)
        if (note = KindNote(ref.kind); !note.empty()) break;
      r.message = FailReason(o, partial, note, rule.message);
    }
    shown = &o.rejected;
  }
  r.evidence.reserve(std::min(shown->size(), kMaxEvidence));  // grown once, not 1, 2, 4 (an Evidence moved each time)
  for (const auto& ref : *shown) {
    if (r.evidence.size() >= kMaxEvidence) break;
    Evidence e = MakeEvidence(doc, ref, ctx.matcher, ctx.index);
    bool dup = std::any_of(r.evidence.begin(), r.evidence.end(),
                           [&](const Evidence& x) { return x.byte_start == e.byte_start && x.quote == e.quote; });
    if (!dup) r.evidence.push_back(std::move(e));
  }
  r.unwaived = r.verdict;
  if (near_misses && IsGap(r.verdict))
    if (auto found = BuildNearMisses(doc, ctx.matcher, std::move(misses), counted, near_misses); !found.empty())
      r.extras.Mutable().near_misses = std::move(found);
  if (trail) {
    if (support != &o.support) o.support = *support;  // the trail shows what the verdict counted
    *trail = std::move(o);
  }
  return r;
}

// A report of a year after every year-bound pack (the national outlines: outline-2021 ends with 2025): those packs
// do not apply, the others (report contents, the principal leaders' duty, the ledger) are checked as usual, and the
// auditor is told that no outline for that year is encoded — one note per report, naming the packs and their years.
void NoteYearsAfterOutlines(const Document& doc, const RuleSet& rules, Diagnostics& diags) {
  if (!doc.meta.year.value) return;
  const int y = *doc.meta.year.value;
  // Whether some pack with years covers the report (or is kept on purpose) first: most reports are of a covered
  // year, and the list below was worded for every pack past its years before that was found.
  for (const auto& pack : rules.packs())
    if (const Applicability& a = pack->applies; a.year_to && (y <= *a.year_to || a.warn_after)) return;
  std::string past;
  for (const auto& pack : rules.packs()) {
    const Applicability& a = pack->applies;
    if (!a.year_to) continue;
    past += (past.empty() ? "" : Msg("evaluate.list-separator")) +
            Msg("evaluate.pack-years",
                {pack->id, std::to_string(a.year_from.value_or(*a.year_to)), std::to_string(*a.year_to)});
  }
  if (past.empty()) return;
  diags.push_back(MakeDiagnostic("W-no-outline-for-year", {std::to_string(y), past}, doc.path));
}

// CheckApplicability with the message as a SharedText, for packs and for rules listed for their own years or
// levels. With many packs and rules that do not apply (bench/run's 16× set: ~150 a report) most share their years
// or levels, so the message of each case (SettledRuns::PackCase, RuleCase: the text depends only on these, the
// document and `what`) is built once per report and shared.
class NotApplicableTexts {
 public:
  using Result = std::optional<std::pair<Verdict, SharedText>>;
  explicit NotApplicableTexts(std::uint32_t cases) : by_case_(cases), done_(cases, false) {}
  // The reference is read before the next call. `c` is the case of `a`, `what` and `levels`.
  // `a` is read only when the case is new or has an `also_when` (SettledRuns::CaseAlsoWhen: `also_when`).
  const Result& Of(std::uint32_t c, bool also_when, const Applicability& a, const Document& doc, const EvalContext& ctx,
                   const char* what, bool levels = true) {
    // An `also_when` reads the text, unless none of its anchor terms occurs: then it finds nothing (Check::Anchors)
    // and the case is kept like the others, as one with an `also_when` that does not hold.
    if (also_when && !AnchorsAbsent(*a.also_when, ctx.hits))
      return one_ = Shared(CheckApplicability(a, doc, ctx, what, levels));
    if (!done_[c]) {
      by_case_[c] = Shared(CheckApplicability(a, doc, ctx, what, levels));
      done_[c] = true;
    }
    return by_case_[c];
  }

 private:
  bool AnchorsAbsent(const Check& check, const Hits& hits) {
    anchors_.clear();
    if (!check.Anchors(anchors_)) return false;
    return !AnyOccurs(anchors_, hits);
  }
  static Result Shared(Applies na) {
    if (!na) return std::nullopt;
    return std::pair{na->first, SharedText(std::move(na->second))};
  }
  std::vector<Result> by_case_;
  std::vector<bool> done_;
  Result one_;
  std::vector<TermId> anchors_;  // a buffer
};

// Every rule of `pack` with verdict `v` and `message` (the pack does not apply, or nothing can be checked).
void AppendUniform(std::vector<RuleResult>& results, const Pack& pack, Verdict v, const SharedText& text) {
  for (const auto& rule : pack.rules) {  // BlankResult built in place: no temporary moved and destroyed per rule
    RuleResult& r = results.emplace_back();
    r.rule = rule.get();
    r.weight = rule->weight;
    r.verdict = r.unwaived = v;
    r.message = text;
  }
}

}  // namespace

std::vector<RuleResult> EvaluateRules(const Document& doc, const Hits& hits, const RuleSet& rules, Diagnostics& diags,
                                      std::size_t near_misses) {
  std::shared_ptr<const SettledRuns> local;
  const SettledRuns& settled = SettledOf(rules, local);
  EvalIndex index(doc, hits, rules.matcher());
  EvalContext ctx{doc, hits, rules.matcher(), nullptr, &index};
  DocumentOutcomes document_outcomes(doc);  // a section or date check in several rules is worked out once
  // The rules to evaluate: those anchored on a term that occurs (RuleSet::rules_by_term) and those evaluated
  // always. Every other result is the settled one, so the work here follows the hits, not the rule count.
  // A bit per rule, read out in order: a present term lists its rules in any order and many rules are listed by
  // several terms (a sort of every listing was 0.7 % of a check's time).
  const std::uint32_t n_rules = settled.First(rules.packs().size());
  std::vector<std::uint64_t> listed(n_rules / 64 + 1, 0);
  auto list = [&](std::uint32_t i) {
    if (i < n_rules) listed[i >> 6] |= std::uint64_t{1} << (i & 63);
  };
  for (TermId t : hits.present)
    if (t < rules.rules_by_term().size())
      for (std::uint32_t i : rules.rules_by_term()[t]) list(i);
  const std::vector<std::uint64_t> by_term = listed;  // listed by a term that occurs
  for (std::uint32_t i : settled.always()) list(i);
  std::vector<std::uint32_t> todo;
  for (std::size_t w = 0; w < listed.size(); ++w)
    for (std::uint64_t bits = listed[w]; bits; bits &= bits - 1)
      todo.push_back(static_cast<std::uint32_t>(w * 64 + std::countr_zero(bits)));
  std::vector<RuleResult> results;
  results.reserve(settled.First(rules.packs().size()));
  auto next = todo.begin();
  NotApplicableTexts not_applicable(settled.cases());
  NoteYearsAfterOutlines(doc, rules, diags);
  for (std::size_t p = 0; p < rules.packs().size(); ++p) {
    const Pack& pack = *rules.packs()[p];
    const std::uint32_t first = settled.First(p), last = settled.First(p + 1);
    const Applicability& a = pack.applies;
    // A copy: Of is called again.
    const std::uint32_t pack_case = settled.PackCase(p, true);
    const NotApplicableTexts::Result pack_na =
        not_applicable.Of(pack_case, settled.CaseAlsoWhen(pack_case), a, doc, ctx, "规则包");
    if (a.warn_after && doc.meta.year.value && *doc.meta.year.value > *a.warn_after && !pack_na)
      diags.push_back(
          MakeDiagnostic("W-newer-outline", {pack.id, std::to_string(*doc.meta.year.value)}, doc.path));
    while (next != todo.end() && *next < first) ++next;
    if (pack_na) {
      settled.AppendUniform(p, pack_na->first, pack_na->second, results);
      // Only the pack's levels exclude the report: a rule with levels of its own (they replace the pack's) is
      // looked at by itself.
      if (const std::uint32_t years = settled.PackCase(p, false);
          !a.levels.empty() && !not_applicable.Of(years, settled.CaseAlsoWhen(years), a, doc, ctx, "规则包", false))
        for (std::uint32_t i = first; i < last; ++i)
          if (const Rule& rule = *pack.rules[i - first]; !rule.applies.levels.empty())
            results[i] = EvaluateRuleIn(doc, ctx, std::nullopt, rule, nullptr, near_misses);
      continue;
    }
    settled.AppendSettled(p, results);
    for (; next != todo.end() && *next < last; ++next) {
      const Rule& rule = *pack.rules[*next - first];
      // A rule is listed by a term that occurs exactly when one of its anchors occurs (RuleSet::rules_by_term is
      // the anchors turned round): `by_term` says so without reading the rule's anchors and their hits.
      const bool present = !settled.Anchored(*next) || (by_term[*next >> 6] >> (*next & 63) & 1);
      if (settled.NotCheckable(*next) || !present) {
        // Listed for its own applicability only: the settled result (what the checks would give with none of their
        // anchor terms present: SettledRuns) stands unless the rule does not apply.
        const std::uint32_t c = settled.RuleCase(*next);
        if (const auto& na = not_applicable.Of(c, settled.CaseAlsoWhen(c), rule.applies, doc, ctx, "规则"))
          results[*next] = BlankResult(rule, na->first, na->second);
        continue;
      }
      results[*next] = EvaluateRuleIn(doc, ctx, std::nullopt, rule, nullptr, near_misses);
    }
  }
  if (near_misses) NoteOtherRules(results);
  return results;
}

std::vector<RuleResult> NotCheckableResults(const RuleSet& rules, const std::string& reason) {
  std::vector<RuleResult> results;
  const SharedText text(reason);
  for (const auto& pack : rules.packs()) AppendUniform(results, *pack, Verdict::kNotCheckable, text);
  return results;
}

DocumentInfo DescribeDocument(const Document& doc) {
  DocumentInfo d;
  d.path = doc.path;
  d.format = doc.format;
  d.encoding = doc.encoding;
  d.sha256 = doc.sha256;
  const Metadata& m = doc.meta;
  d.title = m.title.value;
  d.issuer = m.issuer.value;
  d.level = m.level.value;
  d.year = m.year.value;
  if (m.published.value) d.published = m.published.value->ToString();
  if (m.signed_on.value) d.signed_on = m.signed_on.value->ToString();
  auto src = [&](const char* k, const std::string& s) {
    if (!s.empty()) d.sources[k] = s;
  };
  src("title", m.title.source);
  src("issuer", m.issuer.source);
  src("level", m.level.source);
  src("year", m.year.source);
  src("published", m.published.source);
  src("signed", m.signed_on.source);
  return d;
}

std::vector<RulesetInfo> DescribeRuleSet(const RuleSet& rules) {
  std::vector<RulesetInfo> out;
  out.reserve(rules.packs().size());  // grown once: bench/run's 16n set has 80 packs (a RulesetInfo is 6 containers)
  for (const auto& p : rules.packs()) out.push_back({p->id, p->title, p->version, p->sha256, p->dir, p->overrides, p->draft});
  return out;
}

}  // namespace fazhi
