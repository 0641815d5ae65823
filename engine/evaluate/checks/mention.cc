// mention: term groups (any / all / none) within a scope, near each other, in allowed section roles, not negated
// or hedged; graded full when enough units are concrete (a 《title》, a number or a concrete action).
#include <algorithm>

#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "evaluate/near_misses.h"

namespace fazhi {

namespace {

// Farther apart than this the terms are not "near": a long sentence of a report is about this long.
constexpr int kMaxNear = 200;
// Rejected hits only matter as evidence for a failing rule: the first few are kept, no more are built.
constexpr std::size_t kMaxRejected = 3;

class MentionCheck : public Check {
 public:
  std::vector<std::vector<TermId>> groups;  // every group must match; groups[0] anchors the search
  std::vector<TermId> none, except;
  Scope scope = Scope::kSentence;
  int near = 0;  // characters between an anchor hit and each other group's hit; 0 = anywhere in the unit
  RoleFilter roles;
  bool concrete = false;
  bool negation = true;
  int min = 1;
  int context = 0;  // also look this many following sentences of the same paragraph for concreteness
  std::shared_ptr<const CompiledCues> cues;
  std::vector<std::string> labels;  // `labels`: one per group (any first, then each group of all); "" = none given
  std::vector<TermBits> group_bits;  // each group as bits (set once the check is parsed)
  const TermBits* Bits(std::size_t g) const { return g < group_bits.size() ? &group_bits[g] : nullptr; }

  // The best near miss so far (see Evaluate).
  struct Best {
    std::size_t held = 0;               // groups held; 0 = none yet
    TermId anchor = 0;                  // the anchor's term (a unit missing some group)
    std::vector<char> present;          // which groups it held
    std::optional<TermId> none_word;    // set: every group held, but so did a `none` word
    std::vector<TermId> terms;          // then: the term of each group
  };
  // What is known of a unit a former anchor fell in.
  enum UnitState : std::uint8_t {
    kOpen = 0,     // nothing settled: the next anchor in it is looked at
    kCounted = 1,  // it counted
    kLacking = 2,  // some other group has no hit in it: with `near` 0 that holds for every anchor in it
  };
  struct Scratch {
    std::vector<TermHit> anchors, except;
    std::vector<std::pair<std::uint32_t, std::uint8_t>> seen_unit;  // a unit's begin and its UnitState
    // Group g is held at the current anchor when present[g] == stamp: a new anchor takes the next stamp instead of
    // clearing the flags (a memset call per anchor, ~440 anchors a report).
    std::vector<std::uint32_t> present;
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> group_starts;
    std::vector<TermHit> in_unit;
    std::vector<TermId> terms;
    std::vector<EvidenceRef> support;  // the counted units in text order (copied onto the outcome in its order)
    Best best;
  };

  // A group as the reason names it: its label, else its first term ("“公布”等"); `term` (the word found) follows
  // a label in brackets. Appended onto `out` (an element list) in place: one string, no temporaries.
  void AddElement(std::vector<std::string>& out, std::size_t g, const TermMatcher& m,
                  std::string_view term = {}) const {
    std::string& e = out.emplace_back();
    if (g < labels.size() && !labels[g].empty()) {
      const std::string& label = labels[g];
      if (term.empty() || term == label) {
        e = label;
        return;
      }
      e.reserve(label.size() + term.size() + 12);
      e.append(label).append("（“").append(term).append("”）");
      return;
    }
    if (term.empty()) {
      if (groups[g].empty()) return;
      term = m.Term(groups[g][0]);
      e.reserve(term.size() + 9);
      e.append("“").append(term).append("”");
      if (groups[g].size() > 1) e.append("等");
      return;
    }
    e.reserve(term.size() + 6);
    e.append("“").append(term).append("”");
  }

  Outcome Evaluate(const EvalContext& ctx) const override {
    Outcome out;
    if (groups.empty()) return out;
    const Document& doc = ctx.doc;
    // Buffers every evaluation of this thread reuses (a check does not run inside another mention's Evaluate).
    thread_local Scratch scratch;
    Scratch& sc = scratch;
    // Anchor hits, minus those overlapping an `except` word (区长 inside 副区长).
    std::vector<TermHit>& anchors = sc.anchors;
    AllHitsOf(ctx, groups[0], anchors, Bits(0));
    if (!except.empty()) {
      std::vector<TermHit>& ex = sc.except;
      AllHitsOf(ctx, except, ex);
      std::erase_if(anchors, [&](const TermHit& h) {
        for (const auto& e : ex)
          if (e.start < h.end && h.start < e.end) {  // overlaps: 区长 in 副区长, 主要负责同志 in 单位主要负责同志
            RecordMiss(ctx, UnitAt(ctx, Scope::kSentence, h.start), MissReason::kExceptTerm, ctx.matcher.Term(e.term));
            return true;
          }
        return false;
      });
    }
    // One entry per unit: the first anchor that qualifies (or the reason none did). Sorted by the unit's start;
    // anchors come in text order, so a new unit is almost always appended.
    auto& seen_unit = sc.seen_unit;
    seen_unit.clear();
    auto& present = sc.present;
    auto& group_starts = sc.group_starts;  // where the other groups matched (their clauses' cues count too)
    auto& in_unit = sc.in_unit;            // one group's hits in the unit (a buffer for every anchor)
    auto& terms = sc.terms;                // the terms that held in the unit: the anchor's, then one per group
    int units = 0, concrete_units = 0;
    // The place in an allowed part that held the most groups without holding them all (the reason's "写明了X，未写明Y"):
    // kept as group flags and terms, worded only when no unit counts in the end.
    Best& best = sc.best;
    best.held = 0;
    std::vector<EvidenceRef>& support = sc.support;
    support.clear();
    // Concrete units in sentences that begin at different places: once there are kMaxShown of them and the grade is
    // full, the quotes (concrete first, in text order) and the reason's elements (the first concrete unit's) are
    // settled, and on the default path (EvalContext::shown_only) the later anchors are not looked at.
    std::size_t distinct_concrete = 0;
    std::uint32_t last_concrete = 0;
    // A sentence or paragraph is the last one that begins at or before its anchor, so in the anchors' (text) order
    // the units come in order too and never come back: only the last one's state is kept. A section can come back
    // after a subsection's anchors: those go in the sorted list.
    const bool ordered = scope == Scope::kSentence || scope == Scope::kParagraph;
    std::uint32_t last_begin = 0;
    std::uint8_t last_state = kOpen;
    bool any_unit = false;
    // In those scopes an anchor before the next unit's begin is in the last one (UnitAt's answer, not asked again):
    // the anchors of a unit already counted or lacking are passed over at a compare each. 0 = not known.
    std::uint32_t next_begin = 0;
    auto ordered_unit_at = [&](std::uint32_t offset) -> Span {
      const bool sentences = scope == Scope::kSentence;
      if (ctx.index && !(sentences ? doc.sentences.empty() : doc.paragraphs.empty())) {
        if (sentences) {
          const std::uint32_t u = ctx.index->SentenceAt(offset);
          next_begin = u + 1 < doc.sentences.size() ? doc.sentences[u + 1].span.begin : UINT32_MAX;
          return doc.sentences[u].span;
        }
        const std::uint32_t u = ctx.index->ParagraphAt(offset);
        next_begin = u + 1 < doc.paragraphs.size() ? doc.paragraphs[u + 1].span.begin : UINT32_MAX;
        return doc.paragraphs[u].span;
      }
      next_begin = 0;
      return UnitAt(ctx, scope, offset);
    };
    Span unit;
    for (const TermHit& a : anchors) {
      if (!ordered) unit = UnitAt(ctx, scope, a.start);
      else if (!any_unit || a.start >= next_begin) unit = ordered_unit_at(a.start);
      bool fresh;
      std::uint8_t* state;
      if (ordered) {
        fresh = !any_unit || unit.begin != last_begin;
        if (fresh) {
          any_unit = true;
          last_begin = unit.begin;
          last_state = kOpen;
        }
        state = &last_state;
      } else {
        auto it = std::lower_bound(seen_unit.begin(), seen_unit.end(), unit.begin,
                                   [](const auto& e, std::uint32_t v) { return e.first < v; });
        fresh = it == seen_unit.end() || it->first != unit.begin;
        if (fresh) it = seen_unit.insert(it, {unit.begin, kOpen});
        state = &it->second;
      }
      if (*state != kOpen) continue;  // this unit already counted, or lacks a group whatever the anchor
      // The anchor's part, asked for only once the unit holds every group or is a near miss (most do not).
      auto section = [&] { return SectionAt(ctx, a.start); };
      Span sentence = scope == Scope::kSentence ? unit : UnitAt(ctx, Scope::kSentence, a.start);
      std::optional<std::optional<EvidenceKind>> rejected;  // roles.Reject(section), asked once
      auto reject = [&] {
        if (!rejected) rejected = roles.Reject(ctx, section());
        return *rejected;
      };
      // A rejected unit's ref, built in place on the outcome's list (room for all kMaxRejected at the first: no
      // regrowth moving the refs).
      auto add_rejected = [&](EvidenceKind kind) -> EvidenceRef& {
        if (out.rejected.empty()) out.rejected.reserve(kMaxRejected);
        EvidenceRef& ref = out.rejected.emplace_back();
        ref.kind = kind;
        ref.span = sentence;
        ref.terms.assign(terms.begin(), terms.end());
        return ref;
      };
      terms.clear();
      terms.push_back(a.term);
      // Other groups within the unit (and within `near` characters of the anchor). After a group is missing the
      // rest are still looked at only while no near miss is known better (for the reason, not the verdict).
      bool all = true;
      std::size_t held = 1;
      if (++sc.stamp == 0) {  // wrapped: flags of an old anchor could pass for this one's
        std::fill(present.begin(), present.end(), 0);
        sc.stamp = 1;
      }
      const std::uint32_t stamp = sc.stamp;
      if (present.size() < groups.size()) present.resize(groups.size());
      present[0] = stamp;
      group_starts.clear();
      for (std::size_t g = 1; g < groups.size() && (all || units == 0); ++g) {
        bool found = false, far = false;
        std::optional<TermHit> first;
        if (near == 0) {
          first = FirstHitIn(ctx, groups[g], unit, Bits(g));  // any hit will do: the first, as HitsIn orders them
        } else {
          HitsIn(ctx, groups[g], unit, in_unit);
          for (const auto& h : in_unit) {
            std::uint32_t lo = std::min(a.start, h.start), hi = std::max(a.end, h.end);
            std::size_t dist = CountChars(std::string_view(doc.text).substr(lo, hi - lo));
            if (dist > static_cast<std::size_t>(near) + CountChars(ctx.matcher.Term(a.term)) +
                           CountChars(ctx.matcher.Term(h.term))) {
              far = true;
              continue;
            }
            first = h;
            break;
          }
        }
        if (first) {
          found = true;
          present[g] = stamp;
          ++held;
          if (all) {
            terms.push_back(first->term);
            group_starts.push_back(first->start);
          }
        }
        if (!found && all && ctx.misses) {
          // The first group missing is the near miss's reason; a `none` word in the unit says more: the sentence is
          // about something else.
          if (auto hit = none.empty() ? std::vector<TermHit>{} : HitsIn(ctx, none, unit); !hit.empty()) {
            RecordMiss(ctx, sentence, MissReason::kNoneTerm, ctx.matcher.Term(hit.front().term));
          } else {
            std::string described;
            DescribeTerms(described, ctx.matcher, groups[g], 6, /*in_report=*/true);
            if (far)
              described = ctx.matcher.Term(a.term) + " 与 " + described + " 相隔超过 " + std::to_string(near) + " 字";
            RecordMiss(ctx, sentence, far ? MissReason::kTooFar : MissReason::kMissingTerm, described);
          }
        }
        all = all && found;
      }
      if (!all) {
        // Without `near` the groups in a sentence or paragraph do not depend on the anchor, nor do its part and so
        // the near miss it gives: a later anchor in the unit finds what this one found (with near misses on, each
        // anchor records its own).
        if (near == 0 && !ctx.misses && (scope == Scope::kSentence || scope == Scope::kParagraph))
          *state = kLacking;
        if (units == 0 && held > best.held && !reject()) {
          best.held = held;
          best.none_word.reset();
          best.anchor = a.term;
          best.present.resize(groups.size());
          for (std::size_t g = 0; g < groups.size(); ++g) best.present[g] = present[g] == stamp;
        }
        continue;
      }
      if (!none.empty() && AnyHitIn(ctx, none, unit)) {
        // Every group is there but so is an excluded wording ("公众参与、专家论证、风险评估…" listed as steps).
        const TermId hit_word = FirstHitIn(ctx, none, unit)->term;
        if (units == 0 && best.held < groups.size() && !reject()) {
          best.held = groups.size();
          best.none_word = hit_word;
          best.terms.assign(terms.begin(), terms.end());
        }
        if (ctx.misses) RecordMiss(ctx, sentence, MissReason::kNoneTerm, ctx.matcher.Term(hit_word));
        continue;
      }
      if (auto kind = reject()) {
        if (*kind != EvidenceKind::kContext && fresh && out.rejected.size() < kMaxRejected)
          add_rejected(*kind);
        if (ctx.misses) RecordMiss(ctx, sentence, MissReason::kExcludedPart, PartName(doc, section()));
        continue;
      }
      if (negation && cues) {
        // "我局尚未出台行政调解工作办法，行政调解工作主要依托信访渠道开展": a match whose parts lie in several
        // clauses is negated when any of those clauses is.
        auto cue = ClauseCue(ctx, *cues, a.start);
        for (std::size_t k = 0; k < group_starts.size() && !cue; ++k) cue = ClauseCue(ctx, *cues, group_starts[k]);
        if (cue) {
          if (fresh && out.rejected.size() < kMaxRejected) {
            add_rejected(cue->kind).note = cue->word;
          }
          RecordMiss(ctx, sentence, cue->kind == EvidenceKind::kNegated ? MissReason::kNegated : MissReason::kHedged,
                     std::string(cue->word));
          continue;
        }
      }
      *state = kCounted;
      ++units;
      EvidenceRef& ref = support.emplace_back();  // built in the buffer, not moved into it
      ref.span = sentence;
      ref.terms.assign(terms.begin(), terms.end());
      ref.concrete = cues ? IsConcrete(ctx, *cues, sentence, {a.start, a.end}, &ref.basis) : false;
      if (cues && !ref.concrete && context > 0 && !doc.sentences.empty()) {
        // "三是X持续优化。" followed by the concrete sentences of the same paragraph.
        std::uint32_t si = SentenceAt(ctx, a.start);
        for (int k = 1; k <= context && si + k < doc.sentences.size(); ++k) {
          const Sentence& next = doc.sentences[si + k];
          if (next.paragraph != doc.sentences[si].paragraph) break;
          if (IsConcrete(ctx, *cues, next.span, {}, &ref.basis)) {
            ref.concrete = true;
            ref.span.end = next.span.end;  // quote through the sentence that made it concrete
            break;
          }
        }
      }
      if (ref.concrete) {
        ++concrete_units;
        if (distinct_concrete == 0 || ref.span.begin != last_concrete) ++distinct_concrete;
        last_concrete = ref.span.begin;
      } else if (concrete) {
        RecordMiss(ctx, sentence, MissReason::kNotConcrete, "");
      }
      if (ctx.shown_only && distinct_concrete >= kMaxShown && (concrete ? concrete_units : units) >= min) break;
    }
    // Concrete evidence first, then document order (a stable partition), moved once from the buffer onto the
    // outcome: one allocation of the right size, none for a check that counted nothing.
    if (!support.empty()) {
      out.support.reserve(support.size());
      const bool partition = concrete_units > 0 && concrete_units < static_cast<int>(support.size());
      for (auto& r : support)
        if (r.concrete || !partition) out.support.push_back(std::move(r));
      if (partition)
        for (auto& r : support)
          if (!r.concrete) out.support.push_back(std::move(r));
    }
    int strong = concrete ? concrete_units : units;
    if (strong >= min) out.grade = Grade::kFull;
    else if (units > 0) out.grade = Grade::kPartial;
    // A full grade's reason is not read on the default path (the verdict's message is the pass condition's own; an
    // `any` ends at a full child): no element words.
    if (ctx.shown_only && out.grade == Grade::kFull) return out;
    // The elements for the reason: every group of the first counted unit, else the best near miss, else none held.
    // A list that takes several groups' words is grown once.
    if (units > 0 || best.held > 0) out.found.reserve(groups.size());
    if (units == 0 && !(best.held > 0 && best.none_word)) out.missing.reserve(groups.size());
    if (units > 0) {
      const EvidenceRef& first = out.support.front();
      for (std::size_t g = 0; g < groups.size(); ++g)
        AddElement(out.found, g, ctx.matcher,
                   g < first.terms.size() ? std::string_view(ctx.matcher.Term(first.terms[g])) : std::string_view());
      if (strong < min && min > 1)
        out.missing.push_back("至少 " + std::to_string(min) + " 处" + (concrete ? "具体" : "") + "表述（现有 " +
                              std::to_string(strong) + " 处）");
      else if (strong < min)
        out.missing.push_back(kConcreteElement);
    } else if (best.held > 0 && best.none_word) {
      for (std::size_t g = 0; g < groups.size(); ++g)
        AddElement(out.found, g, ctx.matcher,
                   g < best.terms.size() ? std::string_view(ctx.matcher.Term(best.terms[g])) : std::string_view());
      std::string word = ctx.matcher.Term(*best.none_word);
      while (word.ends_with("、") || word.ends_with("，")) word.resize(word.size() - 3);
      out.missing = {"“" + word + "”这类写法以外的具体表述"};
    } else if (best.held > 0) {
      for (std::size_t g = 0; g < groups.size(); ++g)
        if (best.present[g])
          AddElement(out.found, g, ctx.matcher,
                     g == 0 ? std::string_view(ctx.matcher.Term(best.anchor)) : std::string_view());
        else
          AddElement(out.missing, g, ctx.matcher);
    } else {
      for (std::size_t g = 0; g < groups.size(); ++g) AddElement(out.missing, g, ctx.matcher);
    }
    // Rejected hits only matter as evidence for a failing rule: the first few are kept (kMaxRejected, above).
    return out;
  }

  Grade BestGrade() const override { return contradictory ? Grade::kNone : Grade::kFull; }
  // Every unit starts at a hit of the first group: without one, nothing is counted or rejected.
  bool Anchors(std::vector<TermId>& out) const override {
    if (groups.empty() || min < 1) return false;
    out.insert(out.end(), groups[0].begin(), groups[0].end());
    return true;
  }
  bool contradictory = false;  // in & not_in name the same role (lint reports it)

  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    std::string pad(indent, ' ');
    std::string how = ScopeLabel(scope);
    auto add = [&](std::string_view id, std::string arg) { how += Msg("explain.cond-separator-short") + Msg(id, {arg}); };
    if (near) add("explain.cond-near", std::to_string(near));
    if (concrete) add("explain.cond-concrete", "");
    if (context) add("explain.cond-context", std::to_string(context));
    if (min > 1) add("explain.cond-min", std::to_string(min));
    out += pad + Msg("explain.cond-mention", {how}) + "\n";
    for (std::size_t g = 0; g < groups.size(); ++g) {
      out += pad + "  " +
             (g == 0 ? Msg("explain.cond-any-terms")
                     : near ? Msg("explain.cond-and-near", {std::to_string(near)}) : Msg("explain.cond-and"));
      DescribeTerms(out, m, groups[g]);
      out += "\n";
    }
    if (!none.empty()) {
      out += pad + "  " + Msg("explain.cond-none");
      DescribeTerms(out, m, none);
      out += "\n";
    }
    if (!except.empty()) {
      out += pad + "  " + Msg("explain.cond-except");
      DescribeTerms(out, m, except);
      out += "\n";
    }
    std::string where = roles.Describe();
    out += pad + "  " + where + (where.empty() ? "" : Msg("explain.cond-separator")) +
           Msg(negation ? "explain.cond-cues-on" : "explain.cond-cues-off") + "\n";
  }
};

}  // namespace

CheckPtr ParseMention(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<MentionCheck>();
  if (!ctx.CheckKeys(body, "mention")) return c;
  // Each key looked up once (a lookup scans the map's keys; ~1,200 mentions of the shipped packs).
  const YNode any = body["any"], all = body["all"], none = body["none"], except = body["except"];
  const YNode near = body["near"], min = body["min"], context = body["context"];
  if (any) {
    auto ids = ctx.Terms(any, "mention.any");
    if (!ids.empty()) c->groups.push_back(std::move(ids));
  }
  if (all) {
    for (auto& g : ctx.TermGroups(all, "mention.all")) c->groups.push_back(std::move(g));
  }
  if (!any && !all)
    ctx.Raise(body, "E-missing-key.mention");
  if (none) c->none = ctx.Terms(none, "mention.none");
  if (except) c->except = ctx.Terms(except, "mention.except");
  if (const YNode scope = body["scope"]) c->scope = ScopeFromName(scope.Scalar()).value_or(Scope::kSentence);
  if (near && near.IsScalar()) c->near = near.AsInt(0);
  if (c->near < 0 || c->near > kMaxNear)
    ctx.Raise(near, "E-bad-value.near-range", {std::to_string(kMaxNear)});
  else if (c->near > 0 && c->groups.size() < 2)
    ctx.Raise(near, "E-bad-value.near-one-group");
  if (const YNode concrete = body["concrete"]; concrete && concrete.IsScalar()) c->concrete = concrete.AsBool(false);
  if (const YNode negation = body["negation"]; negation && negation.IsScalar()) c->negation = negation.AsBool(true);
  if (min && min.IsScalar()) c->min = min.AsInt(1);
  if (context && context.IsScalar()) c->context = context.AsInt(0);
  if (c->context < 0 || c->context > 5)
    ctx.Raise(context, "E-bad-value.context");
  if (c->min < 1) ctx.Raise(min, "E-bad-value.min");
  if (const YNode node = body["labels"]) {
    std::size_t want = (any ? 1 : 0) + (all && all.IsSequence() ? all.size() : 0);
    if (!node.IsSequence() || node.size() != want) {
      ctx.Raise(node, "E-bad-value.labels-count", {std::to_string(want)});
    } else {
      for (const auto& item : node) {
        if (!item.IsScalar() || item.Scalar().empty()) {
          ctx.Raise(item, "E-bad-value.label");
          c->labels.clear();
          break;
        }
        c->labels.push_back(item.Scalar());
      }
    }
  }
  c->roles.Parse(body, ctx);
  for (SectionRole r : c->roles.in) {
    if (std::find(c->roles.not_in.begin(), c->roles.not_in.end(), r) != c->roles.not_in.end())
    {
      ctx.Raise(body, "E-never-matches.role", {RoleName(r)});
      c->contradictory = true;
    }
  }
  c->cues = ctx.cues();
  for (const auto& g : c->groups) c->group_bits.push_back(TermBits::Of(g));
  return c;
}

}  // namespace fazhi
