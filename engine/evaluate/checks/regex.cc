// regex: an RE2 pattern (linear time: no rule can make matching super-linear) over sentences in allowed roles.
// Use where terms are not enough; every term-based check is cheaper.
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <mutex>
#include <optional>

#include "core/messages.h"
#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "rules/yaml_cache.h"

namespace fazhi {

namespace {

RE2::Options RegexOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(8 << 20);
  return opts;
}

class RegexCheck : public Check {
 public:
  std::string pattern;
  // `usable`: the pattern is valid, within the size limit and does not match the empty string, as found at load or
  // as the parse cache's facts say it was found before. Only then does Evaluate compile it, on its first call (RE2
  // compiling one shipped pattern is ~3.5 M instructions: a check whose document never reaches the rule, or whose
  // pack does not apply, skips it). `re` is set once, under `compiled`: the threads sharing the rule set may all call
  // Regex() at once.
  bool usable = false;
  mutable std::once_flag compiled;
  mutable std::unique_ptr<RE2> re;  // built at load when the facts were not cached, else by Regex()

  const RE2* Regex() const {
    if (!usable) return nullptr;
    std::call_once(compiled, [this] {
      if (!re) re = std::make_unique<RE2>(pattern, RegexOptions());
    });
    return re->ok() ? re.get() : nullptr;
  }

  Scope scope = Scope::kSentence;
  RoleFilter roles;
  bool concrete = false;
  bool negation = true;
  std::shared_ptr<const CompiledCues> cues;

  Outcome Evaluate(const EvalContext& ctx) const override {
    Outcome out;
    const RE2* re = Regex();
    if (!re) return out;
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

// What loading a valid pattern finds (its program size and required atoms), as kept in the parse cache: the size
// in decimal and a newline, then each atom as its length in decimal, a colon and its bytes.
struct RegexFacts {
  int program_size = 0;
  std::vector<std::string> atoms;
};

std::string EncodeFacts(const RegexFacts& f) {
  std::string out = std::to_string(f.program_size) + "\n";
  for (const auto& a : f.atoms) out += std::to_string(a.size()) + ":" + a;
  return out;
}

// Number digits then `end`, from `pos`; false on anything else.
bool ReadNumber(std::string_view in, std::size_t& pos, char end, std::size_t& value) {
  std::size_t start = pos;
  value = 0;
  while (pos < in.size() && in[pos] >= '0' && in[pos] <= '9' && pos - start < 9) value = value * 10 + (in[pos++] - '0');
  if (pos == start || pos >= in.size() || in[pos] != end) return false;
  ++pos;
  return true;
}

std::optional<RegexFacts> DecodeFacts(std::string_view in) {
  RegexFacts f;
  std::size_t pos = 0, n = 0;
  if (!ReadNumber(in, pos, '\n', n)) return std::nullopt;
  f.program_size = static_cast<int>(n);
  while (pos < in.size()) {
    if (!ReadNumber(in, pos, ':', n) || n == 0 || n > in.size() - pos) return std::nullopt;
    f.atoms.emplace_back(in.substr(pos, n));
    pos += n;
  }
  return f;
}

// Everything the facts of `pattern` depend on: the pattern, the options and atom length used, the binary (its RE2).
std::string FactsKey(const std::string& pattern) {
  return "regex 1\nmax_mem " + std::to_string(RegexOptions().max_mem()) + " min_atom 3\n" + FactsKeyOfBinary() +
         "\n" + pattern;
}

}  // namespace

CheckPtr ParseRegex(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<RegexCheck>();
  if (!ctx.CheckKeys(body, "regex")) return c;
  if (body["pattern"] && body["pattern"].IsScalar()) {
    c->pattern = body["pattern"].Scalar();
    const YamlCache* cache = ctx.cache() && ctx.cache()->enabled() ? ctx.cache() : nullptr;
    std::optional<RegexFacts> facts;
    if (cache) facts = DecodeFacts(cache->LookupFacts(FactsKey(c->pattern)));
    if (!facts) {
      // Not seen before: compile now (its errors are diagnostics) and keep the program for Evaluate.
      RE2::Options opts = RegexOptions();
      c->re = std::make_unique<RE2>(c->pattern, opts);
      if (!c->re->ok()) {
        ctx.Raise(body["pattern"], "E-bad-regex", {c->re->error()});
      } else if (c->re->ProgramSize() > ctx.limits().max_regex_program) {
        ctx.Raise(body["pattern"], "E-regex-too-large",
                  {std::to_string(c->re->ProgramSize()), std::to_string(ctx.limits().max_regex_program)});
      } else if (c->re->Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
        ctx.Raise(body["pattern"], "E-regex-empty-match");
      } else {
        facts = RegexFacts{c->re->ProgramSize(), RequiredAtoms(c->pattern, opts)};
        if (cache) cache->StoreFacts(FactsKey(c->pattern), EncodeFacts(*facts));
      }
    }
    // The size is a fact of the pattern; the limit is this run's (facts found under a higher one are refused here).
    if (facts && facts->program_size > ctx.limits().max_regex_program) {
      ctx.Raise(body["pattern"], "E-regex-too-large",
                {std::to_string(facts->program_size), std::to_string(ctx.limits().max_regex_program)});
    } else if (facts) {
      c->usable = true;
      for (const auto& atom : facts->atoms) c->atoms.push_back(ctx.matcher().Add(atom));
    }
    if (!c->usable) c->re.reset();
  }
  if (body["scope"]) c->scope = ScopeFromName(body["scope"].Scalar()).value_or(Scope::kSentence);
  if (body["concrete"] && body["concrete"].IsScalar()) c->concrete = body["concrete"].AsBool(false);
  if (body["negation"] && body["negation"].IsScalar()) c->negation = body["negation"].AsBool(true);
  c->roles.Parse(body, ctx);
  c->cues = ctx.cues();
  return c;
}

}  // namespace fazhi
