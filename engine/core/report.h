// Report: the result of checking one document — all a renderer may see (renderers never see rules or matchers).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <span>
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

// An immutable text shared by every report that quotes the same text of a rule set (a settled verdict's message, a
// category's name): copying it bumps a count instead of copying bytes (a batch makes one RuleResult per rule per
// report: docs/performance.md). Reads as a std::string.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s);  // NOLINT: implicit, like the std::string it replaces
  SharedText(const char* s) : SharedText(std::string(s)) {}
  // A text owned elsewhere that outlives every copy (a rule set's text, quoted by the reports it checks, like
  // RuleResult::rule): copies share the bytes and count nothing, so threads copying it never touch one counter.
  static SharedText Borrow(const std::string& s);
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
  // The same string object (or both empty): == without the bytes, one pointer compare inline.
  bool SameObject(const SharedText& o) const { return data_ == o.data_; }
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

// A quote shown for a result. Its texts are views into bytes `bytes` keeps alive, so copying an Evidence copies
// views and one counted pointer, never the texts: a report holds ~120 quotes and the batch makes one report per
// input (issue 21: the four strings and the vector of strings each quote had were ~520 allocations and frees a
// report). The evaluator writes the texts of many quotes into one shared block (evaluate/evaluator.cc,
// MakeEvidence); anything else that sets the views (a test, a renderer's temporary) calls Own() before the texts
// it viewed go away.
struct Evidence {
  EvidenceKind kind = EvidenceKind::kSupport;
  std::string_view quote;    // the sentence (trimmed to a readable length)
  std::string_view section;  // heading path
  int line = 0;              // 1-based line in the normalized text
  int page = 0;              // 0 when unpaged
  unsigned byte_start = 0, byte_end = 0;     // of the quote in the normalized text
  std::span<const std::string_view> terms;  // matched terms inside the quote (for highlighting)
  std::string_view role;  // role of its part ("measures", "rectification"…: RoleName); "" when not a place in the text
  std::shared_ptr<const void> bytes;  // what the views above point into (null: they view static or caller's texts)

  // Copies the texts into a block of its own, which this Evidence and its copies keep alive.
  void Own();
  // Sets the terms to `list`, and copies every text like Own().
  void SetTerms(std::initializer_list<std::string_view> list);
  // An Evidence owning copies of these texts (tests, hand-built reports).
  static Evidence Owned(EvidenceKind kind, std::string_view quote, std::string_view section, int line, int page,
                        unsigned byte_start, unsigned byte_end, std::initializer_list<std::string_view> terms,
                        std::string_view role);
};

// Blocks the texts of many Evidence are written into (the evaluator keeps one per thread): each Evidence holds the
// block its texts are in, so a block lives while any quote in it is read — a report's ~120 quotes are ~30 KB.
class EvidenceBlocks {
 public:
  explicit EvidenceBlocks(std::size_t block_size = 64 * 1024) : block_size_(block_size) {}
  // Sets e's texts to copies of these (the quote is quote_head then quote_tail: a cut sentence and "……"), in the
  // current block or a new one, and e.bytes to that block. `role` is copied only when copy_role (a RoleName is a
  // static text).
  void Place(Evidence& e, std::string_view quote_head, std::string_view quote_tail, std::string_view section,
             std::string_view role, bool copy_role, std::span<const std::string_view> terms);
  // MakeEvidence's: the quote is `whole` cut to max_chars characters, with "……" when cut (TruncateChars); `role` is
  // a static text. A quote or heading path the current block holds already with the same bytes — a sentence a
  // report quotes for several rules (~60 % of its quotes), the heading path of its part — is pointed at, not copied
  // again: found by the address it is copied from, then compared byte for byte. The JSON lines writer escapes such
  // a text once a report (render/json.cc, ReportTexts).
  void PlaceQuote(Evidence& e, std::string_view whole, std::size_t max_chars, std::string_view section,
                  std::string_view role, std::span<const std::string_view> terms);

 private:
  // A text copied into the current block: where from (the address looked up), and where it is.
  struct Copied {
    const char* from = nullptr;
    std::size_t from_size = 0;
    std::string_view placed;
    std::size_t cut = 0;     // a quote's: bytes of the sentence kept before "……", or from_size when not cut
    std::uint64_t block = 0;  // the block it is in (blocks_made_ then): entries of blocks before are stale
  };
  static constexpr int kCopiedBits = 7;
  static std::size_t SlotOf(const char* from) {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(from) * 0x9E3779B97F4A7C15ull) >>
                                    (64 - kCopiedBits));
  }
  static std::size_t Rounded(std::size_t need);
  bool Fits(std::size_t need) const { return block_ && size_ - used_ >= Rounded(need); }
  char* Take(std::size_t need);  // room in the current block, or a new one (which forgets the texts copied)

  std::size_t block_size_;
  std::shared_ptr<char[]> block_;
  std::size_t used_ = 0, size_ = 0;
  std::uint64_t blocks_made_ = 0;
  std::array<Copied, std::size_t{1} << kCopiedBits> quotes_{}, sections_{};  // by the address copied from
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

// What a result says of its rule that is the same in every report: held once, by the rule set that checks the
// reports (rules/rule_set.h: a Rule is a RuleInfo), and pointed at by each RuleResult of the rule.
struct RuleInfo {
  SharedText id;     // "<pack>/<id>"
  std::string pack;
  SharedText title;
  SharedText category;
  Severity severity = Severity::kMedium;
  double weight = 1.0;
  SharedText cite;       // "《…》第二十四条"
  SharedText remedy;     // 整改建议
  SharedText remedy_work, remedy_report;  // 工作整改 / 报告补充, when the rule gives them (render/ledger.cc derives)
  SharedText owner;      // 责任单位 from the auditor's ledger the rule came from ("" when unknown)
};

// What few results have (an audit profile's links, a waiver, near misses), kept apart from RuleResult so that the
// results most reports hold — one per rule, most of them settled (evaluate/settled.h) — are 72 bytes, not 176: a
// report of bench/run's 16× packs writes, scores, renders and frees 3,056 of them (docs/performance.md, session 11).
struct ResultExtras {
  // Audit profile (docs/scoring.md, 督察口径): the other rules that state the same requirement, "<pack>/<id>"
  // each, on the result that stands for them; on each of those, `same_as` names that result and it is not scored.
  std::vector<std::string> also_cites;
  std::string same_as;
  std::string waiver;    // reason, when waived
  std::vector<NearMiss> near_misses;  // fail/partial, when the check asked for them (CheckOptions::near_misses)
};

// A RuleResult's ResultExtras: null until one is set, copied with the result (a result is a value).
class ResultExtrasPtr {
 public:
  ResultExtrasPtr() = default;
  ResultExtrasPtr(const ResultExtrasPtr& o) : p_(o.p_ ? std::make_unique<ResultExtras>(*o.p_) : nullptr) {}
  ResultExtrasPtr(ResultExtrasPtr&&) noexcept = default;
  ResultExtrasPtr& operator=(const ResultExtrasPtr& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<ResultExtras>(*o.p_) : nullptr;
    return *this;
  }
  ResultExtrasPtr& operator=(ResultExtrasPtr&&) noexcept = default;
  // The extras, or empty ones when none were set (a static object: no guard or call for the renderers' ~3,000
  // reads a report).
  const ResultExtras& get() const { return p_ ? *p_ : kEmpty; }
  // The extras to change, made when none were set.
  ResultExtras& Mutable() {
    if (!p_) p_ = std::make_unique<ResultExtras>();
    return *p_;
  }

 private:
  static const ResultExtras kEmpty;
  std::unique_ptr<ResultExtras> p_;
};

// One rule's verdict on one report. `rule` points at the rule's RuleInfo, which must outlive the result: the
// RuleSet that checked the report (or, in a test, the RuleInfo built by hand) is kept while the Report is read.
struct RuleResult {
  const RuleInfo* rule = nullptr;
  Verdict verdict = Verdict::kFail;
  Verdict unwaived = Verdict::kFail;  // the verdict before any waiver
  double weight = 1.0;   // scored with: the rule's, 0 when an audit profile folds the result into another (same_as)
  SharedText message;    // what was found / what is missing
  std::vector<Evidence> evidence;
  ResultExtrasPtr extras;  // read through the accessors below; set through extras.Mutable()

  const std::vector<std::string>& also_cites() const { return extras.get().also_cites; }
  const std::string& same_as() const { return extras.get().same_as; }
  const std::string& waiver() const { return extras.get().waiver; }
  const std::vector<NearMiss>& near_misses() const { return extras.get().near_misses; }
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

// Texts as SharedText: copies of the rule set's pack titles and interned category names (no bytes copied per report).
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
  std::string error_hint;  // kInputError: what the user can do (the InputError's hint); may be empty
  std::string tool_version;
  DocumentInfo document;
  std::vector<RulesetInfo> rulesets;
  std::string profile;  // the audit profile applied (督察口径: its name and file); "" = none
  std::vector<std::string> profile_packs;  // the packs it chose for this report (empty: no profile)
  ScoreSummary score;
  std::vector<RuleResult> results;  // in pack order, then rule order; each points at its rule (RuleResult::rule)
  Diagnostics diagnostics;
};

}  // namespace fazhi
