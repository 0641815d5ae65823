// Helpers shared by the check types: scopes, role filters, clause cues (negation / hedging), concreteness.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/check.h"
#include "evaluate/doc_index.h"
#include "rules/compile_context.h"

namespace fazhi {

enum class Scope { kSentence, kParagraph, kSection, kDocument };
std::optional<Scope> ScopeFromName(const std::string& name);
const char* ScopeName(Scope s);
// The scope as `rules explain` says it (同一句内 / sentence), in the language in force.
std::string ScopeLabel(Scope s);

// in / not_in role lists. By default evidence of work done is not taken from the shortcomings, causes, plan,
// title or boilerplate parts; `in:` replaces that default.
struct RoleFilter {
  std::vector<SectionRole> in;
  std::vector<SectionRole> not_in;
  bool in_given = false;
  // Parses `in` / `not_in` from a check body; reports unknown role names.
  void Parse(const YNode& body, CompileContext& ctx);
  // nullopt = allowed; otherwise the evidence kind of the rejection (self-reported gap, promise, context).
  std::optional<EvidenceKind> Reject(const Document& doc, std::uint32_t section) const;
  // The same from the index's roles of the section when there is one.
  std::optional<EvidenceKind> Reject(const EvalContext& ctx, std::uint32_t section) const;
  // The same from the section's RoleMask (evaluate/doc_index.h).
  std::optional<EvidenceKind> Reject(std::uint32_t role_mask) const;
  std::string Describe() const;
};

// The unit of `scope` that contains `offset`.
Span UnitAt(const Document& doc, Scope scope, std::uint32_t offset);
// The same through the context's index when it has one (a table lookup instead of a binary search).
Span UnitAt(const EvalContext& ctx, Scope scope, std::uint32_t offset);
// Document::SentenceAt through the index; the (innermost) section of the paragraph at `offset` (0 without paragraphs).
std::uint32_t SentenceAt(const EvalContext& ctx, std::uint32_t offset);
std::uint32_t SectionAt(const EvalContext& ctx, std::uint32_t offset);
// The clause around `offset` (between ，。；：！？ or line ends).
Span ClauseAt(const Document& doc, std::uint32_t offset);

// Hits of `ids` that lie inside `span`, in ascending order (merged across terms; TermHit is in doc_index.h).
std::vector<TermHit> HitsIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span);
// The same into `out` (cleared first): a caller that looks many times keeps one buffer.
void HitsIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span, std::vector<TermHit>& out);
bool AnyHitIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span);
// A term list as bits of the matcher's term ids by 64-bit word, built when a check is compiled: against the index's
// bits of the terms that occur (EvalIndex::OccursWord) a list of eighty terms — a vocabulary, whose ids are mostly
// consecutive — costs a few word tests, not eighty. Not usable for a list that names a term twice (HitsIn gives
// that term's hits twice).
struct TermBits {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> words;  // (id / 64, bits), ascending
  bool usable = false;
  static TermBits Of(const std::vector<TermId>& ids);
};

// Every hit of `ids` in the whole text, in HitsIn's order (duplicates in `ids` give duplicate hits too), into `out`:
// the terms' own sorted lists merged, with no sort and no look-up of the list in the index (a mention's anchor list
// is asked for once per document). `bits`, when given, is TermBits::Of(ids).
void AllHitsOf(const EvalContext& ctx, const std::vector<TermId>& ids, std::vector<TermHit>& out,
               const TermBits* bits = nullptr);
// The first of HitsIn's hits (nullopt when there is none), without building the list. With `bits` (TermBits::Of(ids))
// and the index, the occurring terms are found by word and each searched on its own: no look-up or sorted copy of
// the list in the index (a mention asks for its other groups in a unit or two of each document).
std::optional<TermHit> FirstHitIn(const EvalContext& ctx, const std::vector<TermId>& ids, Span span,
                                  const TermBits* bits = nullptr);

// A negation or hedging cue in the clause of `offset` (cues inside 《》 or inside an `ignore` word don't count):
// returns kNegated or kPromiseOnly and the cue word.
// The plan word a sentence opens with ("下一步", "明年", "拟于"…), after an enumerator ("一是"); nullopt otherwise.
std::optional<std::string_view> PlanLead(const Document& doc, std::uint32_t offset);
// The word is a term of the matcher or a static plan word (a view that outlives the check).
std::optional<CueAnswer> ClauseCue(const EvalContext& ctx, const CompiledCues& cues, std::uint32_t offset);
// A sentence is concrete when it names a document (《…》), gives a number, or states a concrete action — outside
// `matched` (the term that was found: "合法性审核" does not make itself concrete through its 审核).
// `basis` (when given and concrete) receives what made it so: the 《title》, the number ("12件") or the action word.
// The element a check reports missing when it was met only by sentences that are not concrete (Outcome::missing).
inline constexpr const char kConcreteElement[] = "具体举措、文件或数据";

bool IsConcrete(const EvalContext& ctx, const CompiledCues& cues, Span sentence, Span matched = {},
                std::string* basis = nullptr);

// `in_report`: the list goes into a report's text (a near miss's reason), which is Chinese whatever the language.
void DescribeTerms(std::string& out, const TermMatcher& m, const std::vector<TermId>& ids, std::size_t max = 12,
                   bool in_report = false);

}  // namespace fazhi
