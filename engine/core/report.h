// Report: the result of checking one document — all a renderer may see (renderers never see rules or matchers).
#pragma once

#include <map>
#include <optional>
#include <string>
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
  std::string rule;  // "<pack>/<id>"
  std::string pack;
  std::string title;
  std::string category;
  std::string severity;  // critical | high | medium | low | info
  double weight = 1.0;
  std::string cite;      // "《…》第二十四条"
  Verdict verdict = Verdict::kFail;
  std::string message;   // what was found / what is missing
  std::string remedy;    // 整改建议
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
