// regex: an RE2 pattern (linear time: no rule can make matching super-linear) over sentences in allowed roles.
// Use where terms are not enough; every term-based check is cheaper.
#include <re2/re2.h>
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
      Span sentence = UnitAt(doc, Scope::kSentence, start);
      std::uint32_t section = doc.paragraphs.empty() ? 0 : doc.paragraphs[doc.ParagraphAt(start)].section;
      EvidenceRef ref;
      ref.span = sentence;
      if (auto kind = roles.Reject(doc, section)) {
        if (*kind != EvidenceKind::kContext) {
          ref.kind = *kind;
          out.rejected.push_back(ref);
        }
        continue;
      }
      if (negation && cues) {
        if (auto cue = ClauseCue(ctx, *cues, start)) {
          ref.kind = cue->first;
          ref.note = cue->second;
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

  void Describe(std::string& out, int indent, const TermMatcher&) const override {
    out += std::string(indent, ' ') + "regex /" + pattern + "/ " + roles.Describe() + "\n";
  }
};

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
      ctx.Error(body["pattern"], "E-bad-regex", "invalid regular expression: " + c->re->error(),
                "RE2 syntax: no backreferences or lookaround");
    } else if (c->re->ProgramSize() > ctx.limits().max_regex_program) {
      ctx.Error(body["pattern"], "E-regex-too-large",
                "regular expression too large (program size " + std::to_string(c->re->ProgramSize()) +
                    " > limit max_regex_program " + std::to_string(ctx.limits().max_regex_program) + ")");
      c->re.reset();
    } else if (c->re->Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
      ctx.Error(body["pattern"], "E-regex-empty-match", "the pattern matches the empty string",
                "it would match everywhere");
      c->re.reset();
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
