// Report: the result of checking one document — all a renderer may see (renderers never see rules or matchers).
#pragma once

#include <cstddef>
#include <deque>
#include <initializer_list>
#include <iosfwd>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/severity.h"

namespace fazhi {

enum class Verdict { kPass, kPartial, kFail, kNotApplicable, kNotCheckable, kWaived, kError };

const char* VerdictName(Verdict v);  // "pass", "partial", "fail", "not_applicable", "not_checkable", "waived", "error"
const char* VerdictLabelZh(Verdict v);  // "符合", "部分符合", "不符合", "不适用", "无法判断", "已豁免", "错误"
// The verdict a rule author typed (an example's or fixture's `expect`), English or Chinese (符合, 部分符合, 不符合,
// 不适用, 无法判断), as its English name; "" when it is neither (waived and error are never expected).
std::string ExpectedVerdictOf(std::string_view typed);
// The same as the verdict itself (gold labels, a reviewed 台账); nullopt when it is neither.
std::optional<Verdict> ParseExpectedVerdict(std::string_view typed);
bool IsGap(Verdict v);                  // fail or partial: belongs in the gap report

// Why a quote is shown: it supports the verdict, it is a self-reported gap, or only a promise.
enum class EvidenceKind { kSupport, kSelfReportedGap, kPromiseOnly, kNegated, kContext };
const char* EvidenceKindName(EvidenceKind k);  // "support", "self_reported_gap", "promise_only", "negated", "context"

// An immutable text shared by every report that quotes the same rule field: copying it bumps a count instead of
// copying bytes (a batch makes one RuleResult per rule per report: docs/performance.md). Reads as a std::string.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s);  // NOLINT: implicit, like the std::string it replaces
  SharedText(const char* s) : SharedText(std::string(s)) {}
  const std::string& str() const { return data_ ? *data_ : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  const char* c_str() const { return str().c_str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  std::size_t find(std::string_view s, std::size_t pos = 0) const { return str().find(s, pos); }
  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.data_ == b.data_ || a.str() == b.str();  // the same rule's text is usually the same object
  }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend bool operator<(const SharedText& a, const SharedText& b) { return a.str() < b.str(); }
  friend std::string operator+(const std::string& a, const SharedText& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const SharedText& b) { return a + b.str(); }
  friend std::string operator+(const SharedText& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const SharedText& a, const char* b) { return a.str() + b; }
  friend std::ostream& operator<<(std::ostream& out, const SharedText& t);

 private:
  static const std::string& Empty();
  std::shared_ptr<const std::string> data_;
};

struct Evidence {
  EvidenceKind kind = EvidenceKind::kSupport;
  std::string quote;    // the sentence (trimmed to a readable length)
  std::string section;  // heading path
  int line = 0;         // 1-based line in the normalized text
  int page = 0;         // 0 when unpaged
  unsigned byte_start = 0, byte_end = 0;  // of the quote in the normalized text
  std::vector<std::string> terms;         // matched terms inside the quote (for highlighting)
  std::string role;  // role of its part ("measures", "rectification"…: RoleName); "" when not a place in the text
};

// A sentence holding some of a rule's terms that did not count, and why (`rules explain`, JSON `near_misses`).
struct NearMiss {
  std::string quote;    // the sentence (trimmed like evidence)
  std::string section;  // heading path
  int line = 0;         // 1-based line, as in evidence
  unsigned byte_start = 0, byte_end = 0;
  std::string code;     // reason code: missing_term, too_far, except_term, none_term, excluded_part, negated, hedged,
                        // not_concrete (stable, language-free)
  std::string reason;   // Chinese: what kept it from counting (naming the term, part or cue)
  std::string need;     // Chinese: what the sentence would need to count
  std::string counted_for;  // "<pack>/<id> title" of another rule that counted this sentence, "" when none
};

struct RuleResult {
  SharedText rule;   // "<pack>/<id>"
  std::string pack;
  SharedText title;
  SharedText category;
  Severity severity = Severity::kMedium;
  double weight = 1.0;
  SharedText cite;       // "《…》第二十四条"
  Verdict verdict = Verdict::kFail;
  SharedText message;    // what was found / what is missing
  SharedText remedy;     // 整改建议
  SharedText remedy_work, remedy_report;  // 工作整改 / 报告补充, when the rule gives them (render/ledger.cc derives)
  SharedText owner;      // 责任单位 from the auditor's ledger the rule came from ("" when unknown)
  // Audit profile (docs/scoring.md, 督察口径): the other rules that state the same requirement, "<pack>/<id>"
  // each, on the result that stands for them; on each of those, `same_as` names that result and it is not scored.
  std::vector<std::string> also_cites;
  std::string same_as;
  std::vector<Evidence> evidence;
  std::string waiver;    // reason, when waived
  Verdict unwaived = Verdict::kFail;  // the verdict before any waiver
  std::vector<NearMiss> near_misses;  // fail/partial, when the check asked for them (CheckOptions::near_misses)
};

struct VerdictCounts {
  int pass = 0, partial = 0, fail = 0, not_applicable = 0, not_checkable = 0, waived = 0, error = 0;
  void Add(Verdict v);
  VerdictCounts& operator+=(const VerdictCounts& o);
  int Total() const { return pass + partial + fail + not_applicable + not_checkable + waived + error; }
};

struct CategoryScore {
  SharedText name;
  std::optional<double> score;  // 0–100; nullopt when nothing scorable
  VerdictCounts counts;
};

// Texts as SharedText: a report's scores are mostly copies of scores built once (RuleResults::Run).
struct PackScore {
  SharedText pack;
  SharedText title;
  SharedText model;  // "default" | "flat"
  std::optional<double> score;           // with waivers applied
  std::optional<double> score_unwaived;  // as if no waiver existed
  VerdictCounts counts;
  std::vector<CategoryScore> categories;  // in first-appearance order
};

struct ScoreSummary {
  std::optional<double> total;
  std::optional<double> total_unwaived;
  VerdictCounts counts;
  std::vector<PackScore> packs;
};

struct DocumentInfo {
  std::string path, format, encoding, sha256;
  // SHA-256 of the normalized text (set by Check): the same report in two encodings or forms has one digest, which
  // the batch uses to count duplicate inputs once (batch/summary.h MarkDuplicates).
  std::string text_sha256;
  std::optional<std::string> title, issuer, level, published, signed_on;
  std::optional<int> year;
  std::map<std::string, std::string> sources;  // field -> where it was found
  bool not_checkable = false;
  std::string not_checkable_reason;
};

struct RulesetInfo {
  std::string pack, title, version, sha256, path;
  // Rules a later --rules folder changed: "<id> 覆盖 <file>" / "<id> 新增 <file>", in load order; empty = as shipped.
  std::vector<std::string> overrides;
  bool draft = false;  // pack.yaml `draft: true` (ledger import writes it): not reviewed
};

struct RunScoring;  // score/scorer.cc

// The verdicts of one report, one per rule, in pack order then rule order. Reads like a std::vector<RuleResult>.
//
// Most verdicts of a report are the same in every report — a rule none of whose terms occurs, a pack that does not
// apply to the report's year — so such a run of results is built once per rule set (evaluate/settled.h) and
// shared: a report holds a pointer per rule and stores only the results evaluated for it (Set). Changing a shared
// result copies it first (Mutable); shared runs are never changed.
class RuleResults {
 public:
  // Results shared by many reports, all of one pack. `score` is that pack's score when every result of the run
  // counts as built, so a report that replaced none of them is scored without visiting them (score/scorer.cc).
  struct Run {
    std::vector<RuleResult> results;
    std::optional<PackScore> score;
    std::shared_ptr<const RunScoring> scoring;  // score/scorer.cc: rescoring only what a report changed
  };
  // A shared run at slots [first, first + run->results.size()); OwnSlots() says which of them were replaced.
  struct Segment {
    std::shared_ptr<const Run> run;
    std::size_t first = 0;
  };

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = RuleResult;
    using difference_type = std::ptrdiff_t;
    using pointer = const RuleResult*;
    using reference = const RuleResult&;
    const_iterator() = default;
    reference operator*() const { return *(*slot_); }
    pointer operator->() const { return *slot_; }
    reference operator[](difference_type n) const { return *slot_[n]; }
    const_iterator& operator++() { ++slot_; return *this; }
    const_iterator operator++(int) { auto t = *this; ++slot_; return t; }
    const_iterator& operator--() { --slot_; return *this; }
    const_iterator operator--(int) { auto t = *this; --slot_; return t; }
    const_iterator& operator+=(difference_type n) { slot_ += n; return *this; }
    const_iterator& operator-=(difference_type n) { slot_ -= n; return *this; }
    friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
    friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
    friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) { return a.slot_ - b.slot_; }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.slot_ == b.slot_; }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.slot_ != b.slot_; }
    friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.slot_ < b.slot_; }

   private:
    friend class RuleResults;
    explicit const_iterator(const RuleResult* const* slot) : slot_(slot) {}
    const RuleResult* const* slot_ = nullptr;
  };
  using iterator = const_iterator;
  using value_type = RuleResult;

  RuleResults() = default;
  RuleResults(std::vector<RuleResult> results);  // NOLINT: implicit, like the vector it replaces
  RuleResults(std::initializer_list<RuleResult> results);
  RuleResults(const RuleResults& other);
  RuleResults& operator=(const RuleResults& other);
  RuleResults(RuleResults&& other) noexcept;  // re-points too: the standard only promises a moved deque keeps
  RuleResults& operator=(RuleResults&& other) noexcept;  // its elements in place from C++23 (LWG 2321)

  std::size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  const RuleResult& operator[](std::size_t i) const { return *slots_[i]; }
  const RuleResult& front() const { return *slots_.front(); }
  const RuleResult& back() const { return *slots_.back(); }
  const_iterator begin() const { return const_iterator(slots_.data()); }
  const_iterator end() const { return const_iterator(slots_.data() + slots_.size()); }

  void push_back(RuleResult r);                    // appends a result of this report's own
  void AppendRun(std::shared_ptr<const Run> run);  // appends the run's results, shared
  void Set(std::size_t i, RuleResult r);           // replaces result i with one of this report's own
  // Result i to change (copied out of its shared run first). A result stands for its rule: keep `rule`, `pack` and
  // `category` (scoring a changed shared run re-sums by the run's categories; score/scorer.cc checks it).
  RuleResult& Mutable(std::size_t i);
  const std::vector<Segment>& segments() const { return segments_; }
  std::vector<std::size_t> OwnSlots() const;  // the slots holding this report's own results, ascending

 private:
  bool IsShared(std::size_t i) const;  // slot i still points into its segment's run
  void Repoint();                           // after copying: own slots point into this object's own_
  std::vector<const RuleResult*> slots_;
  std::deque<std::pair<std::size_t, RuleResult>> own_;  // (slot, result); push_back never moves the others
  std::vector<Segment> segments_;
};

// How a check of one input ended (pipeline/check.h, Check).
enum class CheckStatus {
  kChecked,        // read and checked: results and score
  kNotCheckable,   // read but not checkable (a scan without text): every rule not_checkable, document.not_checkable
  kInputError,     // could not be read (missing, unsupported, too large, corrupt): `error`, no results
  kInternalError,  // a bug or resource exhaustion while checking: `error`, no results
  kStopped,        // the caller's inspect hook ended the check after matching: no results
};

struct Report {
  CheckStatus status = CheckStatus::kChecked;
  std::string error;       // kInputError / kInternalError: the message (document.path names the file)
  std::string error_code;  // kInputError: the InputError's code
  std::string tool_version;
  DocumentInfo document;
  std::vector<RulesetInfo> rulesets;
  std::string profile;  // the audit profile applied (督察口径: its name and file); "" = none
  std::vector<std::string> profile_packs;  // the packs it chose for this report (empty: no profile)
  ScoreSummary score;
  RuleResults results;  // in pack order, then rule order
  Diagnostics diagnostics;
};

}  // namespace fazhi
