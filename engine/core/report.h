// Report: the result of checking one document — all a renderer may see (renderers never see rules or matchers).
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace fazhi {

enum class Verdict { kPass, kPartial, kFail, kNotApplicable, kNotCheckable, kWaived, kError };

const char* VerdictName(Verdict v);  // "pass", "partial", "fail", "not_applicable", "not_checkable", "waived", "error"
const char* VerdictLabelZh(Verdict v);  // "符合", "部分符合", "不符合", "不适用", "无法判断", "已豁免", "错误"
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
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.str() == b.str(); }
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
};

struct RuleResult {
  SharedText rule;   // "<pack>/<id>"
  std::string pack;
  SharedText title;
  SharedText category;
  std::string severity;  // critical | high | medium | low | info
  double weight = 1.0;
  SharedText cite;       // "《…》第二十四条"
  Verdict verdict = Verdict::kFail;
  SharedText message;    // what was found / what is missing
  SharedText remedy;     // 整改建议
  std::vector<Evidence> evidence;
  std::string waiver;    // reason, when waived
  Verdict unwaived = Verdict::kFail;  // the verdict before any waiver
};

struct VerdictCounts {
  int pass = 0, partial = 0, fail = 0, not_applicable = 0, not_checkable = 0, waived = 0, error = 0;
  void Add(Verdict v);
  int Total() const { return pass + partial + fail + not_applicable + not_checkable + waived + error; }
};

struct CategoryScore {
  std::string name;
  std::optional<double> score;  // 0–100; nullopt when nothing scorable
  VerdictCounts counts;
};

struct PackScore {
  std::string pack;
  std::string title;
  std::string model;  // "default" | "flat"
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
  std::optional<std::string> title, issuer, level, published, signed_on;
  std::optional<int> year;
  std::map<std::string, std::string> sources;  // field -> where it was found
  bool not_checkable = false;
  std::string not_checkable_reason;
};

struct RulesetInfo {
  std::string pack, title, version, sha256, path;
};

struct Report {
  std::string tool_version;
  DocumentInfo document;
  std::vector<RulesetInfo> rulesets;
  ScoreSummary score;
  std::vector<RuleResult> results;  // in pack order, then rule order
  Diagnostics diagnostics;
};

}  // namespace fazhi
