// Scopes, role filters, clause cues and concreteness — the shared vocabulary of the check types.
#include "evaluate/check_support.h"

#include <algorithm>
#include <span>
#include <tuple>

#include "core/lang.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/near_misses.h"

namespace fazhi {

std::optional<Scope> ScopeFromName(const std::string& name) {
  if (name == "sentence") return Scope::kSentence;
  if (name == "paragraph") return Scope::kParagraph;
  if (name == "section") return Scope::kSection;
  if (name == "document") return Scope::kDocument;
  return std::nullopt;
}

const char* ScopeName(Scope s) {
  switch (s) {
    case Scope::kSentence: return "sentence";
    case Scope::kParagraph: return "paragraph";
    case Scope::kSection: return "section";
    case Scope::kDocument: return "document";
  }
  return "sentence";
}

namespace {
std::vector<SectionRole> ParseRoles(const YNode& node, CompileContext& ctx, const char* key) {
  std::vector<SectionRole> roles;
  if (!node) return roles;
  if (!node.IsSequence()) {
    ctx.Raise(node, "E-type.roles", {key});
    return roles;
  }
  static const std::vector<std::string> kNames = {"title",        "preamble", "measures", "first_responsible",
                                                  "shortcomings", "causes",   "plan",     "rectification",
                                                  "closing",      "boilerplate", "none"};
  for (const auto& item : node) {
    auto role = item.IsScalar() ? RoleFromName(item.Scalar()) : std::nullopt;
    if (!role) {
      std::string near = item.IsScalar() ? ClosestMatch(item.Scalar(), kNames) : "";
      ctx.Raise(item, near.empty() ? "E-unknown-role.in" : "E-unknown-role.in-near",
                {item.IsScalar() ? item.Scalar() : "?", key, near});
      continue;
    }
    roles.push_back(*role);
  }
  return roles;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}
}  // namespace

void RoleFilter::Parse(const YNode& body, CompileContext& ctx) {
  in_given = static_cast<bool>(body["in"]);
  in = ParseRoles(body["in"], ctx, "in");
  if (body["not_in"]) {
    not_in = ParseRoles(body["not_in"], ctx, "not_in");
  } else if (!in_given) {
    not_in = {SectionRole::kShortcomings, SectionRole::kCauses, SectionRole::kPlan, SectionRole::kTitle,
              SectionRole::kBoilerplate};
  }
}

// A section's roles come as RoleMask's bits (evaluate/doc_index.h): like Document::SectionHasRole, but a
// rectification part ends the search for shortcomings and causes — the problems it restates are last year's and the
// measures it reports this year's, even inside a part on this year's problems ("三、存在的问题 > （三）上年度问题整改情况").
std::optional<EvidenceKind> RoleFilter::Reject(std::uint32_t mask) const {
  auto has = [&](SectionRole r) { return (mask >> static_cast<int>(r)) & 1u; };
  auto kind_for = [](SectionRole r) {
    if (r == SectionRole::kShortcomings || r == SectionRole::kCauses) return EvidenceKind::kSelfReportedGap;
    if (r == SectionRole::kPlan) return EvidenceKind::kPromiseOnly;
    return EvidenceKind::kContext;
  };
  for (SectionRole r : not_in)
    if (has(r)) return kind_for(r);
  if (in_given) {
    for (SectionRole r : in)
      if (has(r)) return std::nullopt;
    // Not in an allowed part: say where it was instead.
    for (SectionRole r : {SectionRole::kShortcomings, SectionRole::kCauses, SectionRole::kPlan})
      if (has(r)) return kind_for(r);
    return EvidenceKind::kContext;
  }
  return std::nullopt;
}

std::optional<EvidenceKind> RoleFilter::Reject(const Document& doc, std::uint32_t section) const {
  return Reject(RoleMask(doc, section));
}

std::optional<EvidenceKind> RoleFilter::Reject(const EvalContext& ctx, std::uint32_t section) const {
  return Reject(ctx.index ? ctx.index->RoleMaskOf(section) : RoleMask(ctx.doc, section));
}

std::string ScopeLabel(Scope s) {
  switch (s) {
    case Scope::kSentence: return Msg("explain.cond-scope-sentence");
    case Scope::kParagraph: return Msg("explain.cond-scope-paragraph");
    case Scope::kSection: return Msg("explain.cond-scope-section");
    case Scope::kDocument: return Msg("explain.cond-scope-document");
  }
  return Msg("explain.cond-scope-sentence");
}

namespace {
// Roles as `rules explain` lists them: 存在的问题（shortcomings） — the part an auditor knows and the name the rule file
// uses; in English the names alone.
std::string RoleList(const std::vector<SectionRole>& roles) {
  std::string out;
  for (auto r : roles) {
    if (!out.empty()) out += English() ? " " : "、";
    const std::string label = English() ? "" : RoleLabelZh(r);
    out += label.empty() ? std::string(RoleName(r)) : label + "（" + RoleName(r) + "）";
  }
  return out;
}
}  // namespace

std::string RoleFilter::Describe() const {
  std::string out;
  if (in_given) out += Msg("explain.cond-in", {RoleList(in)});
  if (!not_in.empty()) {
    if (!out.empty()) out += Msg("explain.cond-separator");
    out += Msg("explain.cond-not-in", {RoleList(not_in)});
  }
  return out;
}

Span UnitAt(const Document& doc, Scope scope, std::uint32_t offset) {
  switch (scope) {
    case Scope::kSentence:
      if (!doc.sentences.empty()) return doc.sentences[doc.SentenceAt(offset)].span;
      break;
    case Scope::kParagraph:
      if (!doc.paragraphs.empty()) return doc.paragraphs[doc.ParagraphAt(offset)].span;
      break;
    case Scope::kSection:
      if (!doc.paragraphs.empty()) return doc.sections[doc.paragraphs[doc.ParagraphAt(offset)].section].span;
      break;
    case Scope::kDocument:
      break;
  }
  return {0, static_cast<std::uint32_t>(doc.text.size())};
}

std::uint32_t SentenceAt(const EvalContext& ctx, std::uint32_t offset) {
  return ctx.index ? ctx.index->SentenceAt(offset) : ctx.doc.SentenceAt(offset);
}

std::uint32_t SectionAt(const EvalContext& ctx, std::uint32_t offset) {
  const Document& doc = ctx.doc;
  if (doc.paragraphs.empty()) return 0;
  return doc.paragraphs[ctx.index ? ctx.index->ParagraphAt(offset) : doc.ParagraphAt(offset)].section;
}

Span UnitAt(const EvalContext& ctx, Scope scope, std::uint32_t offset) {
  if (!ctx.index) return UnitAt(ctx.doc, scope, offset);
  const Document& doc = ctx.doc;
  switch (scope) {
    case Scope::kSentence:
      if (!doc.sentences.empty()) return doc.sentences[ctx.index->SentenceAt(offset)].span;
      break;
    case Scope::kParagraph:
      if (!doc.paragraphs.empty()) return doc.paragraphs[ctx.index->ParagraphAt(offset)].span;
      break;
    case Scope::kSection:
      if (!doc.paragraphs.empty()) return doc.sections[doc.paragraphs[ctx.index->ParagraphAt(offset)].section].span;
      break;
    case Scope::kDocument:
      break;
  }
  return {0, static_cast<std::uint32_t>(doc.text.size())};
}

Span ClauseAt(const Document& doc, std::uint32_t offset) {
  std::string_view t = doc.text;
  auto is_break_before = [&](std::size_t i) {  // a break that ends at i (exclusive)
    if (i >= 1 && (t[i - 1] == '\n' || t[i - 1] == ';' || t[i - 1] == ',')) return true;
    if (i >= 3)
      return StartsWithAny(t.substr(i - 3), {"，", "。", "；", "：", "！", "？"});
    return false;
  };
  std::size_t b = offset;
  while (b > 0 && !is_break_before(b)) --b;
  std::size_t e = offset;
  while (e < t.size()) {
    if (t[e] == '\n' || t[e] == ';' || t[e] == ',') break;
    if (StartsWithAny(t.substr(e), {"，", "。", "；", "：", "！", "？"})) break;
    ++e;
  }
  return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

std::vector<TermHit> HitsIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span) {
  std::vector<TermHit> out;
  HitsIn(ctx, ids, span, out);
  return out;
}

namespace {
// A list of several terms asked for again (the cues, a rule's other groups in every unit) has its hits put in
// order once per document: then a binary search, no sort per call. A short one is cheaper term by term.
const std::vector<TermHit>* IndexedHits(const EvalContext& ctx, const std::vector<TermId>& ids) {
  constexpr std::size_t kIndexedList = 4;
  return ctx.index && ids.size() >= kIndexedList ? ctx.index->AllHits(ids) : nullptr;
}
// HitsIn's order: by start, the longer first at the same start.
bool Before(const TermHit& a, const TermHit& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; }
}  // namespace

void HitsIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span, std::vector<TermHit>& out) {
  out.clear();
  if (const std::vector<TermHit>* indexed = IndexedHits(ctx, ids)) {
    const std::vector<TermHit>& all = *indexed;
    auto it = std::lower_bound(all.begin(), all.end(), span.begin,
                               [](const TermHit& h, std::uint32_t v) { return h.start < v; });
    for (; it != all.end() && it->start < span.end; ++it)
      if (it->end <= span.end) out.push_back(*it);
    return;
  }
  int terms = 0;  // terms with a hit in the span: one term's hits are in order already
  for (TermId id : ids) {
    if (ctx.index && !ctx.index->Occurs(id)) continue;  // most terms of a list do not occur
    const auto starts = ctx.hits.Of(id);  // a span: cheap to copy
    if (starts.empty()) continue;
    auto it = span.begin == 0 ? starts.begin() : std::lower_bound(starts.begin(), starts.end(), span.begin);
    std::uint32_t len = ctx.matcher.Length(id);
    const std::size_t before = out.size();
    for (; it != starts.end() && *it < span.end; ++it)
      if (*it + len <= span.end) out.push_back({*it, *it + len, id});
    terms += out.size() > before;
  }
  if (terms > 1) std::sort(out.begin(), out.end(), Before);
}

std::optional<TermHit> FirstHitIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span,
                                  const TermBits* bits) {
  // A term's hits all have its length: when the first one in the span overruns its end, so do the rest.
  auto first_of = [&](TermId id, std::optional<TermHit>& first) {
    const auto starts = ctx.hits.Of(id);  // a span: cheap to copy
    auto it = std::lower_bound(starts.begin(), starts.end(), span.begin);
    const std::uint32_t len = ctx.matcher.Length(id);
    if (it != starts.end() && *it < span.end && *it + len <= span.end) {
      const TermHit h{*it, *it + len, id};
      if (!first || Before(h, *first)) first = h;
    }
  };
  if (ctx.index && bits && bits->usable) {
    std::optional<TermHit> first;
    for (const auto& [word, mask] : bits->words)
      for (std::uint64_t m = ctx.index->OccursWord(word) & mask; m != 0; m &= m - 1)
        first_of(static_cast<TermId>(word * 64 + static_cast<std::uint32_t>(__builtin_ctzll(m))), first);
    return first;
  }
  if (const std::vector<TermHit>* indexed = IndexedHits(ctx, ids)) {
    const std::vector<TermHit>& all = *indexed;
    auto it = std::lower_bound(all.begin(), all.end(), span.begin,
                               [](const TermHit& h, std::uint32_t v) { return h.start < v; });
    for (; it != all.end() && it->start < span.end; ++it)
      if (it->end <= span.end) return *it;
    return std::nullopt;
  }
  std::optional<TermHit> first;
  for (TermId id : ids)
    if (!ctx.index || ctx.index->Occurs(id)) first_of(id, first);
  return first;
}

TermBits TermBits::Of(const std::vector<TermId>& ids) {
  TermBits bits;
  std::vector<TermId> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.empty() || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return bits;
  for (TermId id : sorted) {
    if (bits.words.empty() || bits.words.back().first != id / 64) bits.words.emplace_back(id / 64, 0);
    bits.words.back().second |= std::uint64_t{1} << (id % 64);
  }
  bits.usable = true;
  return bits;
}

void AllHitsOf(const EvalContext& ctx, const std::vector<TermId>& ids, std::vector<TermHit>& out,
               const TermBits* bits) {
  out.clear();
  // One run per occurring term (rarely more than three of a list occur in a report).
  struct Run {
    const std::uint32_t* at;
    const std::uint32_t* end;
    std::uint32_t len;
    TermId term;
  };
  thread_local std::vector<Run> runs;
  runs.clear();
  std::size_t count = 0;
  auto add = [&](TermId id) {
    const auto starts = ctx.hits.Of(id);
    if (starts.empty()) return;
    runs.push_back({starts.data(), starts.data() + starts.size(), ctx.matcher.Length(id), id});
    count += starts.size();
  };
  if (ctx.index && bits && bits->usable) {
    // The runs come in id order, not the list's: the merge's order does not depend on theirs.
    for (const auto& [word, mask] : bits->words)
      for (std::uint64_t m = ctx.index->OccursWord(word) & mask; m != 0; m &= m - 1)
        add(static_cast<TermId>(word * 64 + static_cast<std::uint32_t>(__builtin_ctzll(m))));
  } else {
    for (TermId id : ids)
      if (!ctx.index || ctx.index->Occurs(id)) add(id);
  }
  out.reserve(count);
  constexpr std::size_t kMergeRuns = 8;  // beyond this many terms a sort is cheaper than picking the least each time
  if (runs.size() > kMergeRuns) {
    for (const Run& r : runs)
      for (const std::uint32_t* s = r.at; s != r.end; ++s) out.push_back({*s, *s + r.len, r.term});
    std::sort(out.begin(), out.end(), Before);
    return;
  }
  // The least start next, the longer at the same start (HitsIn's order). Two runs tie on both only when they are the
  // same term listed twice, whose hits are the same: either may go first.
  while (runs.size() > 1) {
    std::size_t least = 0;
    for (std::size_t k = 1; k < runs.size(); ++k)
      if (*runs[k].at < *runs[least].at || (*runs[k].at == *runs[least].at && runs[k].len > runs[least].len))
        least = k;
    Run& r = runs[least];
    out.push_back({*r.at, *r.at + r.len, r.term});
    if (++r.at == r.end) {
      r = runs.back();
      runs.pop_back();
    }
  }
  if (!runs.empty())
    for (const std::uint32_t* s = runs[0].at; s != runs[0].end; ++s)
      out.push_back({*s, *s + runs[0].len, runs[0].term});
}

bool AnyHitIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span) {
  for (TermId id : ids) {
    if (ctx.index && !ctx.index->Occurs(id)) continue;
    const auto starts = ctx.hits.Of(id);  // a span: cheap to copy
    auto it = std::lower_bound(starts.begin(), starts.end(), span.begin);
    if (it != starts.end() && *it + ctx.matcher.Length(id) <= span.end) return true;
  }
  return false;
}

namespace {
// True when [pos, pos+len) lies inside a 《…》 title within `clause`.
bool InsideBookTitle(std::string_view text, Span clause, std::uint32_t pos) {
  std::string_view before = text.substr(clause.begin, pos - clause.begin);
  auto open = before.rfind("《");
  if (open == std::string_view::npos) return false;
  auto close = before.rfind("》");
  return close == std::string_view::npos || close < open;
}

// Whether an `ignore` hit that ends by `limit` (the clause or sentence: HitsIn's hits inside it) covers h.
bool Covered(std::span<const TermHit> ignore, std::uint32_t limit, const TermHit& h) {
  for (const auto& g : ignore)
    if (g.end <= limit && g.start <= h.start && g.end >= h.end) return true;
  return false;
}

// The hits of `ids` inside `span` in HitsIn's order: with the index, the run of its whole-text list `all` that starts
// in the span (no copy; a hit in it may still end past the span: the caller skips it), else HitsIn's list in `buffer`.
std::span<const TermHit> HitsFrom(const EvalContext& ctx, const std::vector<TermHit>* all,
                                  const std::vector<TermId>& ids, Span span, std::vector<TermHit>& buffer) {
  if (!all) {
    HitsIn(ctx, ids, span, buffer);
    return buffer;
  }
  auto b = std::lower_bound(all->begin(), all->end(), span.begin,
                            [](const TermHit& h, std::uint32_t v) { return h.start < v; });
  auto e = b;
  while (e != all->end() && e->start < span.end) ++e;  // a few at most
  return {b, e};
}
}  // namespace

namespace {
// The plan word `sentence` opens with (PlanLead).
std::optional<std::string_view> PlanLeadIn(const Document& doc, Span sentence);
}  // namespace

std::optional<CueAnswer> ClauseCue(const EvalContext& ctx, const CompiledCues& cues, std::uint32_t offset) {
  auto clause_at = [&](std::uint32_t o) { return ctx.index ? ctx.index->ClauseAt(o) : ClauseAt(ctx.doc, o); };
  Span clause = clause_at(offset);
  // The answer depends on the clause and on the sentence (its plan lead) only: many rules ask about the same one.
  const std::uint32_t sentence = ctx.doc.sentences.empty() ? 0 : SentenceAt(ctx, offset);
  EvalIndex::CueView* view = ctx.index ? &ctx.index->Cues(&cues) : nullptr;
  const CompiledCues* same = view ? view->clause_key : nullptr;
  if (ctx.index)
    if (const std::optional<CueAnswer>* known = ctx.index->RecalledCue(same, clause, sentence)) return *known;
  const Span key = clause;
  auto answer = [&]() -> std::optional<CueAnswer> {
    // "行政裁决方面，我区尚未建立……": a clause that only names the topic ("……方面") takes its negation or hedging
    // from the clause after it (never across a sentence end).
    std::string_view t = ctx.doc.text;
    if (std::string_view c = t.substr(clause.begin, clause.end - clause.begin);
        c.ends_with("方面") && CountChars(c) <= 12 && clause.end < t.size()) {
      std::size_t next = clause.end;
      if (t[next] == ',' || t[next] == ':') next += 1;
      else if (t.substr(next).starts_with("，") || t.substr(next).starts_with("：")) next += 3;
      if (next != clause.end && next < t.size()) clause.end = clause_at(static_cast<std::uint32_t>(next)).end;
    }
    thread_local std::vector<TermHit> ignore_buffer, cued_buffer;  // one pair of buffers per worker thread
    auto indexed = [&](EvalIndex::CueWords words) { return view ? &ctx.index->CueHits(*view, words) : nullptr; };
    std::span<const TermHit> ignore;
    bool ignore_known = false;  // the `ignore` words: looked up only once a cue word is in the clause (most have none)
    for (auto [ids, kind, words] : {std::tuple{&cues.negation, EvidenceKind::kNegated, EvalIndex::kNegation},
                                    std::tuple{&cues.hedging, EvidenceKind::kPromiseOnly, EvalIndex::kHedging}}) {
      for (const auto& h : HitsFrom(ctx, indexed(words), *ids, clause, cued_buffer)) {
        if (h.end > clause.end) continue;
        if (!ignore_known) {
          ignore = HitsFrom(ctx, indexed(EvalIndex::kIgnore), cues.ignore, clause, ignore_buffer);
          ignore_known = true;
        }
        if (Covered(ignore, clause.end, h) || InsideBookTitle(ctx.doc.text, clause, h.start)) continue;
        return CueAnswer{kind, ctx.matcher.Term(h.term)};
      }
    }
    // "下一步将建立……，推动……全覆盖。": a sentence that opens with a plan word is a promise in every clause.
    if (auto lead = PlanLeadIn(ctx.doc, UnitAt(ctx, Scope::kSentence, offset)))
      return CueAnswer{EvidenceKind::kPromiseOnly, *lead};
    return std::nullopt;
  }();
  if (ctx.index) ctx.index->RememberCue(same, key, sentence, answer);
  return answer;
}

std::optional<std::string_view> PlanLead(const Document& doc, std::uint32_t offset) {
  return PlanLeadIn(doc, UnitAt(doc, Scope::kSentence, offset));
}

namespace {
std::optional<std::string_view> PlanLeadIn(const Document& doc, Span sentence) {
  static constexpr std::string_view kLeads[] = {"下一步", "下一阶段", "下步", "明年", "来年", "今后", "拟于", "计划于",
                                                "计划在", "将于明年", "预计明年"};
  std::string_view s = std::string_view(doc.text).substr(sentence.begin, sentence.end - sentence.begin);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  // "一是下一步……", "（一）下一步……": the enumerator is not the sentence's first word.
  for (std::string_view n : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (s.starts_with(n) && s.substr(n.size()).starts_with("是")) {
      s.remove_prefix(n.size() + std::string_view("是").size());
      break;
    }
  }
  for (std::string_view lead : kLeads)
    if (s.starts_with(lead)) return lead;
  return std::nullopt;
}
}  // namespace

namespace {
// Length of a leading list marker ("1.", "(2)", "3、", "（4）") that is numbering, not a count.
std::size_t ListMarkerLength(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  bool paren = false;
  if (s.substr(i).starts_with("(")) { paren = true; i += 1; }
  else if (s.substr(i).starts_with("（")) { paren = true; i += 3; }
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
  if (digits == 0 || digits > 2) return 0;
  static constexpr std::string_view kParenClose[] = {")", "）"};
  static constexpr std::string_view kPlainClose[] = {".", "、", "．", ")", "）"};
  const std::string_view* closes = paren ? kParenClose : kPlainClose;
  const std::size_t n_closes = paren ? std::size(kParenClose) : std::size(kPlainClose);
  for (std::size_t k = 0; k < n_closes; ++k) {
    std::string_view close = closes[k];
    if (s.substr(i).starts_with(close)) {
      // "1.5万件" is a number, not a marker: a marker is not followed by a digit.
      std::size_t after = i + close.size();
      if (after < s.size() && s[after] >= '0' && s[after] <= '9') return 0;
      return after;
    }
  }
  return 0;
}

// A 《title》 that is only cited ("按照《纲要》要求", "根据《条例》") is not a document the government produced.
constexpr std::string_view kCiting[] = {"按照", "根据", "依据", "依照", "遵照", "贯彻", "落实", "对照", "学习",
                                        "执行", "遵循", "结合", "围绕", "对标"};

// The first 《title》 of `s` that is not only cited (with its brackets); empty when none.
std::string_view ProducedTitleIn(std::string_view s) {
  for (std::size_t p = s.find("《"); p != std::string_view::npos; p = s.find("《", p + 3)) {
    std::size_t from = p >= 12 ? p - 12 : 0;  // up to four characters before the title
    std::string_view before = s.substr(from, p - from);
    bool cited = false;
    for (auto c : kCiting)
      if (before.find(c) != std::string_view::npos) cited = true;
    if (cited) continue;
    std::size_t close = s.find("》", p);
    return s.substr(p, close == std::string_view::npos ? s.size() - p : close + 3 - p);
  }
  return {};
}

// "12件", "98.5%": the number at [i, j) and the unit character after it, for the reason.
std::string_view NumberWithUnit(std::string_view s, std::size_t i, std::size_t j) {
  std::size_t k = j;
  if (k < s.size() && s[k] == '%') ++k;
  else if (k < s.size() && static_cast<unsigned char>(s[k]) >= 0x80) DecodeUtf8(s, k);
  return s.substr(i, std::min(k, s.size()) - i);
}
}  // namespace

namespace {
// What can make `sentence` concrete whatever the cue lists, in IsConcrete's order (ConcreteFacts,
// evaluate/doc_index.h).
void FindConcrete(const EvalContext& ctx, Span sentence, ConcreteFacts& facts) {
  std::string_view s = ctx.doc.Slice(sentence);
  if (std::string_view title = ProducedTitleIn(s); !title.empty()) {
    facts.title = TruncateChars(title, 40);
    return;  // a title counts whatever was matched: nothing else is looked at
  }
  // The next digit at or after i: from the document's digits when indexed, else by walking the sentence.
  const std::vector<std::uint32_t>* digits = ctx.index ? &ctx.index->Digits() : nullptr;
  auto next_digit = [&](std::size_t i) {
    if (digits) {
      auto it = std::lower_bound(digits->begin(), digits->end(), static_cast<std::uint32_t>(sentence.begin + i));
      return it == digits->end() ? s.size() : std::min<std::size_t>(*it - sentence.begin, s.size());
    }
    while (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) ++i;
    return i;
  };
  for (std::size_t i = next_digit(ListMarkerLength(s)); i < s.size(); i = next_digit(i + 1)) {
    // A year alone ("2020年") is not a count: skip four-digit numbers followed by 年.
    std::size_t j = i;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) ++j;
    bool year = (j - i == 4) && s.substr(j).starts_with("年");
    if (!year)
      facts.candidates.push_back({static_cast<std::uint32_t>(sentence.begin + i),
                                  static_cast<std::uint32_t>(sentence.begin + j), NumberWithUnit(s, i, j)});
    i = j;
  }
}

bool Outside(std::uint32_t begin, std::uint32_t end, Span matched) { return end <= matched.begin || begin >= matched.end; }

void QuoteBasis(std::string* basis, std::string_view text) {
  if (!basis) return;
  basis->assign("“");
  basis->append(text);
  basis->append("”");
}
}  // namespace

bool IsConcrete(const EvalContext& ctx, const CompiledCues& cues, Span sentence, Span matched, std::string* basis) {
  // A sentence of the document has its title and numbers worked out once (every rule that quotes it asks); any other
  // span (diff's, a test's) each time.
  const ConcreteFacts* facts = nullptr;
  if (ctx.index && !ctx.doc.sentences.empty()) {
    const std::uint32_t si = ctx.index->SentenceAt(sentence.begin);
    const Span known = ctx.doc.sentences[si].span;
    if (known.begin == sentence.begin && known.end == sentence.end) {
      facts = ctx.index->Concrete(si);
      if (!facts) {
        ConcreteFacts& fresh = ctx.index->NewConcrete(si);
        FindConcrete(ctx, sentence, fresh);
        facts = &fresh;
      }
    }
  }
  thread_local ConcreteFacts local;
  if (!facts) {
    local.title = {};
    local.candidates.clear();
    FindConcrete(ctx, sentence, local);
    facts = &local;
  }
  if (!facts->title.empty()) {
    if (basis) *basis = std::string(facts->title);
    return true;
  }
  // The first number, else the first action word, outside the matched term ("合法性审核" does not make itself
  // concrete through its 审核).
  for (const ConcreteCandidate& c : facts->candidates)
    if (Outside(c.begin, c.end, matched)) {
      QuoteBasis(basis, c.text);
      return true;
    }
  // A concrete action not part of an `ignore` word ("建立健全", "办理时限"): the pack's words, from the index's hits
  // of them when there is one.
  EvalIndex::CueView* view = ctx.index ? &ctx.index->Cues(&cues) : nullptr;
  auto indexed = [&](EvalIndex::CueWords words) { return view ? &ctx.index->CueHits(*view, words) : nullptr; };
  thread_local std::vector<TermHit> ignore_buffer, actions_buffer;  // one pair of buffers per worker thread
  const auto actions = HitsFrom(ctx, indexed(EvalIndex::kActions), cues.actions, sentence, actions_buffer);
  if (actions.empty()) return false;
  const auto ignore = HitsFrom(ctx, indexed(EvalIndex::kIgnore), cues.ignore, sentence, ignore_buffer);
  for (const auto& h : actions)
    if (h.end <= sentence.end && !Covered(ignore, sentence.end, h) && Outside(h.start, h.end, matched)) {
      QuoteBasis(basis, ctx.matcher.Term(h.term));
      return true;
    }
  return false;
}

void DescribeTerms(std::string& out, const TermMatcher& m, const std::vector<TermId>& ids, std::size_t max,
                   bool in_report) {
  out += "[";
  for (std::size_t i = 0; i < ids.size() && i < max; ++i) {
    if (i) out += ", ";
    out += m.Term(ids[i]);
  }
  // A near miss's reason is the report's text (Chinese in both languages); `rules explain` speaks the user's.
  if (ids.size() > max)
    out += in_report ? "，…（共 " + std::to_string(ids.size()) + " 个词）"
                     : Msg("explain.cond-more-terms", {std::to_string(ids.size())});
  out += "]";
}

}  // namespace fazhi
