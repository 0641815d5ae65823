// Check: the one interface every rule type implements (section, mention, metric, date, all/any/not), and the
// registry's declaration. It sits below both the compiler (rules/, which parses conditions into Checks) and the
// evaluator (evaluate/, which runs them), so neither includes the other's folder for it (docs/architecture.md).
// Adding a type = evaluate/checks/<type>.cc + one line in evaluate/check_registry.cc + docs/rules.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/report.h"
#include "match/term_matcher.h"

namespace fazhi {

class YNode;
struct Cues;
struct Vocabulary;
class CompileContext;
class EvalIndex;

// How well a condition is met: not at all, only generically (→ partial), or concretely (→ pass).
enum class Grade { kNone = 0, kPartial = 1, kFull = 2 };

// The terms matched in one unit: the anchor's and one per other group, rarely more than four — kept inline, so a
// check's evidence costs no allocation per unit (a longer list moves to the heap).
class TermList {
 public:
  const TermId* begin() const { return heap_.empty() ? inline_ : heap_.data(); }
  const TermId* end() const { return begin() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  TermId operator[](std::size_t i) const { return begin()[i]; }
  void clear() {
    size_ = 0;
    heap_.clear();
  }
  void push_back(TermId t) {
    if (size_ < kInline && heap_.empty()) {
      inline_[size_++] = t;
      return;
    }
    if (heap_.empty()) heap_.assign(inline_, inline_ + size_);
    heap_.push_back(t);
    ++size_;
  }
  template <typename It>
  void assign(It first, It last) {
    clear();
    for (; first != last; ++first) push_back(*first);
  }

 private:
  static constexpr std::size_t kInline = 4;
  TermId inline_[kInline] = {};
  std::uint32_t size_ = 0;
  std::vector<TermId> heap_;  // all of them, once more than kInline
};

// A place in the document that a check looked at, and why it counts (or does not).
struct EvidenceRef {
  EvidenceKind kind = EvidenceKind::kSupport;
  Span span;                   // the unit quoted (usually a sentence)
  TermList terms;              // terms matched inside it
  bool concrete = false;       // carries a document title, a number or a concrete action
  std::string note;            // e.g. "否定/待改进表述: 有待"
  std::string basis;           // why it is concrete: "《…》", "“12件”", "“制定”" (evaluate/reasons.cc words it)
};

struct Outcome {
  Grade grade = Grade::kNone;
  bool not_checkable = false;
  std::string reason;               // for not_checkable, or a short explanation
  std::vector<EvidenceRef> support;   // what met the condition
  std::vector<EvidenceRef> rejected;  // matches that did not count (shortcomings only, plan only, negated)
  // The required elements, in the rule's words (a term group's label, or its first terms), for the reason the
  // verdict gives (evaluate/reasons.h): those the best place held ("目录的编制（“决策事项目录”）") and those
  // it lacked ("向社会公布").
  std::vector<std::string> found;
  std::vector<std::string> missing;
};

// Why a unit holding a check's terms did not count (near misses: `rules explain`, JSON `near_misses`).
enum class MissReason : std::uint8_t {
  kMissingTerm,   // another term group of the check is not in the unit
  kTooFar,        // it is, but farther than `near`
  kExceptTerm,    // the anchor term lies inside an `except` word
  kNoneTerm,      // a `none` term is in the unit
  kExcludedPart,  // the part is excluded (not_in, or outside in)
  kNegated,       // a negation cue in its clause
  kHedged,        // a hedging or plan cue in its clause
  kNotConcrete,   // counted, but without a document title, a number or a concrete action
};
struct MissRef {
  Span span;               // the sentence
  MissReason reason = MissReason::kMissingTerm;
  std::string detail;      // the term, cue or group that decided it
  std::uint32_t section = 0;
};

// Everything a check may read while evaluating one document.
struct EvalContext {
  const Document& doc;
  const Hits& hits;
  const TermMatcher& matcher;
  // Collected only on demand (null on the default path): every unit a check looked at and did not count.
  std::vector<MissRef>* misses = nullptr;
  // The document's lookups worked out once (evaluate/doc_index.h); null = every helper works from the text and hits.
  EvalIndex* index = nullptr;
  // Set on the default path for a rule's pass condition: what is read of the outcome is only the grade, the first
  // kMaxShown support refs in the outcome's order (the quotes) and the reason's elements, so a check may stop
  // walking its units once a full grade and those are settled. Unset (the whole outcome) wherever more is read:
  // near misses and `rules explain`, a rule's partial condition (the reason looks at every supporting unit's part),
  // and the children of all/not.
  bool shown_only = false;
};

// How many quotes a verdict shows (the first distinct ones of the outcome's list; evaluate/evaluator.cc).
constexpr std::size_t kMaxShown = 3;

class Check {
 public:
  virtual ~Check() = default;
  virtual Outcome Evaluate(const EvalContext& ctx) const = 0;
  // One indented description for `rules explain` (terms spelled out).
  virtual void Describe(std::string& out, int indent, const TermMatcher& m) const = 0;
  // Grades this condition can produce at best (lint: "can never pass").
  virtual Grade BestGrade() const { return Grade::kFull; }
  // Grades this condition gives at worst (lint: "can never fail" when this is kFull).
  virtual Grade WorstGrade() const { return Grade::kNone; }
  // Anchor terms: appends terms of which at least one must occur in the document for Evaluate to return anything
  // but an empty Outcome (grade none, no evidence, no reason), and returns true; returns false when there is no
  // such set (the check can find something without any term: section, date, not, a regex with no required CJK
  // literal, …). The evaluator skips
  // the checks of rules none of whose anchors occur (docs/architecture.md, "per-document cost").
  virtual bool Anchors(std::vector<TermId>& /*out*/) const { return false; }
};

using CheckPtr = std::unique_ptr<Check>;

// Parses one condition node (a map with exactly one key: the type name) — dispatches through the registry.
CheckPtr ParseCondition(const YNode& node, CompileContext& ctx);

// The registry: a plain sorted table, one line per type.
struct CheckType {
  const char* name;
  CheckPtr (*parse)(const YNode& body, CompileContext& ctx);
  const char* summary;
};
const std::vector<CheckType>& CheckTypes();

}  // namespace fazhi
