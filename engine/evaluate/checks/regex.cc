// regex: an RE2 pattern (linear time: no rule can make matching super-linear) over sentences in allowed roles.
// Use where terms are not enough; every term-based check is cheaper.
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/check_support.h"

namespace fazhi {

namespace {

class RegexCheck : public Check {
 public:
  std::unique_ptr<RE2> re;
  std::string pattern;
  Scope scope = Scope::kSentence;
  RoleFilter roles;
  bool concrete = false;
  bool negation = true;
  std::shared_ptr<const CompiledCues> cues;

  Outcome Evaluate(const EvalContext& ctx) const override {
    Outcome out;
    if (!re || !re->ok()) return out;
    const Document& doc = ctx.doc;
    re2::StringPiece input(doc.text);
    re2::StringPiece match;
    std::size_t pos = 0;
    int units = 0, strong = 0;
    while (pos <= doc.text.size() &&
           re->Match(input, pos, doc.text.size(), RE2::UNANCHORED, &match, 1)) {
      auto start = static_cast<std::uint32_t>(match.data() - doc.text.data());
      pos = start + std::max<std::size_t>(match.size(), 1);
      Span sentence = UnitAt(ctx, Scope::kSentence, start);
      std::uint32_t section = SectionAt(ctx, start);
      EvidenceRef ref;
      ref.span = sentence;
      if (auto kind = roles.Reject(ctx, section)) {
        if (*kind != EvidenceKind::kContext) {
          ref.kind = *kind;
          out.rejected.push_back(ref);
        }
        continue;
      }
      if (negation && cues) {
        if (auto cue = ClauseCue(ctx, *cues, start)) {
          ref.kind = cue->kind;
          ref.note = cue->word;
          out.rejected.push_back(ref);
          continue;
        }
      }
      ref.concrete = cues && IsConcrete(ctx, *cues, sentence,
                                            {start, static_cast<std::uint32_t>(start + match.size())});
      ++units;
      strong += ref.concrete;
      out.support.push_back(ref);
      if (out.support.size() >= 5) break;
    }
    if ((concrete ? strong : units) > 0) out.grade = Grade::kFull;
    else if (units > 0) out.grade = Grade::kPartial;
    if (out.rejected.size() > 3) out.rejected.resize(3);
    return out;
  }

  // Literal strings of which one must occur for the pattern to match (RE2's prefilter), registered as terms:
  // without one of them the pattern finds nothing, so the rule can be settled without running it.
  bool Anchors(std::vector<TermId>& out) const override {
    if (atoms.empty()) return false;
    out.insert(out.end(), atoms.begin(), atoms.end());
    return true;
  }
  std::vector<TermId> atoms;

  void Describe(std::string& out, int indent, const TermMatcher&) const override {
    out += std::string(indent, ' ') + Msg("explain.cond-regex", {pattern, roles.Describe()}) + "\n";
  }
};

// Characters a case-folding prefilter leaves as they are (its atoms are lower-cased): CJK and ASCII non-letters.
bool Caseless(std::string_view atom) {
  std::size_t i = 0;
  while (i < atom.size()) {
    char32_t c = DecodeUtf8(atom, i);
    if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : !(c >= 0x3000 && c <= 0x9FFF)) return false;
  }
  return true;
}

// The prefilter's atoms when the pattern cannot match without one of them; empty when it can (or when an atom
// holds letters that case folding could change, so the text might hold it in another case).
std::vector<std::string> RequiredAtoms(const std::string& pattern, const RE2::Options& opts) {
  re2::FilteredRE2 filter(3);  // atoms of at least one CJK character (3 bytes): single digits anchor nothing
  int id = 0;
  if (filter.Add(pattern, opts, &id) != RE2::NoError) return {};
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> potential;
  filter.AllPotentials({}, &potential);
  if (!potential.empty() || atoms.empty()) return {};  // matches without any atom: no anchors
  // Keep only the atoms needed: an atom may go when the pattern still cannot match with it (and every atom already
  // let go) present — shortest, most common first, so "(出庭应诉率|出庭率)…(至|达)…" keeps the two long ones.
  std::vector<int> order(atoms.size()), present;
  for (std::size_t i = 0; i < atoms.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return atoms[a].size() < atoms[b].size(); });
  std::vector<std::string> kept;
  const std::size_t search = atoms.size() <= 64 ? order.size() : 0;  // past 64 atoms, not worth the quadratic search
  for (std::size_t k = 0; k < search; ++k) {
    present.push_back(order[k]);
    std::vector<int> sorted = present;
    std::sort(sorted.begin(), sorted.end());
    potential.clear();
    filter.AllPotentials(sorted, &potential);
    if (!potential.empty()) present.pop_back();  // needed: with it present too, the pattern could match
  }
  for (std::size_t i = 0; i < atoms.size(); ++i)
    if (std::find(present.begin(), present.end(), static_cast<int>(i)) == present.end()) kept.push_back(atoms[i]);
  for (const auto& a : kept)
    if (a.empty() || !Caseless(a)) return {};
  return kept;
}

}  // namespace

CheckPtr ParseRegex(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<RegexCheck>();
  if (!ctx.CheckKeys(body, "regex")) return c;
  if (body["pattern"] && body["pattern"].IsScalar()) {
    c->pattern = body["pattern"].Scalar();
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(8 << 20);
    c->re = std::make_unique<RE2>(c->pattern, opts);
    if (!c->re->ok()) {
      ctx.Raise(body["pattern"], "E-bad-regex", {c->re->error()});
    } else if (c->re->ProgramSize() > ctx.limits().max_regex_program) {
      ctx.Raise(body["pattern"], "E-regex-too-large",
                {std::to_string(c->re->ProgramSize()), std::to_string(ctx.limits().max_regex_program)});
      c->re.reset();
    } else if (c->re->Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
      ctx.Raise(body["pattern"], "E-regex-empty-match");
      c->re.reset();
    } else {
      for (const auto& atom : RequiredAtoms(c->pattern, opts)) c->atoms.push_back(ctx.matcher().Add(atom));
    }
  }
  if (body["scope"]) c->scope = ScopeFromName(body["scope"].Scalar()).value_or(Scope::kSentence);
  if (body["concrete"] && body["concrete"].IsScalar()) c->concrete = body["concrete"].AsBool(false);
  if (body["negation"] && body["negation"].IsScalar()) c->negation = body["negation"].AsBool(true);
  c->roles.Parse(body, ctx);
  c->cues = ctx.cues();
  return c;
}

}  // namespace fazhi
