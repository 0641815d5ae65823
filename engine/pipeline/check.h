// The per-document pipeline, written once: Check() reads one input and gives its Report —
//   ingest → normalize → segment (+ metadata) → match → evaluate → waivers → score,
// with the not-checkable branch and every exception inside (a Report with an error status, never a throw).
// `check`, the batch, `rules test`, `rules explain` and `diff` all call it; renderers are sinks called after it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "core/report.h"
#include "match/term_matcher.h"
#include "rules/rule_set.h"
#include "segment/metadata.h"

namespace fazhi {

struct Waiver;
struct Profile;

// What to check: a file (the reader decides its format by content, then extension), or bytes already in memory
// (rule examples, fuzzing, a web upload) named by `path` in messages and reports.
struct Input {
  std::string path;
  std::optional<std::string> bytes;

  static Input File(std::string path) { return Input{std::move(path), std::nullopt}; }
  static Input Bytes(std::string label, std::string bytes) { return Input{std::move(label), std::move(bytes)}; }
};

struct CheckOptions {
  MetadataOverrides overrides;
  Limits limits;
  // Accepted gaps (score/waivers.h), applied after evaluation and before the one scoring; null or empty = none.
  const std::vector<Waiver>* waivers = nullptr;
  // The audit profile (score/profile.h, 督察口径): packs chosen by the report's year and level, equivalent
  // requirements scored once. Applied after evaluation, before waivers; null = every pack, no equivalences.
  const Profile* profile = nullptr;
  // Called once the document is read and its terms matched, before evaluation. Returning false ends the check there
  // (status kStopped, no results): the stage dumps print a stage, `rules explain` and rule examples evaluate one rule
  // with its trail, `diff` keeps the document it compares.
  std::function<bool(const Document&, const Hits&)> inspect;
  // Collect, for every fail and partial, the sentences that held the rule's terms and did not count (at most three
  // per result, RuleResult::near_misses). Off by default: the default path does not pay for it.
  bool near_misses = false;
};
// Near misses kept per result when CheckOptions::near_misses is set (the JSON shows them all).
constexpr std::size_t kMaxNearMisses = 3;

// One input → its Report. Never throws: an unreadable input is status kInputError (error, error_code,
// document.path), a document that cannot be checked is kNotCheckable (every rule not_checkable, the W-not-checkable
// diagnostic), anything else thrown is kInternalError. Thread-safe for one RuleSet shared by many callers.
Report Check(const RuleSet& rules, const Input& input, const CheckOptions& opts);

// For a Report of status kInputError or kInternalError: the reason in one line, without the path, in the language
// in force: "[E-docx-broken] DOCX 文件缺少正文…（用 Word 或 WPS 打开，另存为 .docx 后再检查）" — the code, the
// message and the hint of the table's entry (core/messages.cc); "内部错误…" for the latter. "" for any other status.
std::string FailureReason(const Report& report);
// For a not-checkable Report: "[W-not-checkable] 无法检查：" and the reason (a batch's reason column and progress
// line); "" otherwise.
std::string NotCheckableReason(const Report& report);

// The stages Check is made of, for tests and tools that start from a Document they built.
// bytes → RawDocument → normalized text → Document (sections, paragraphs, sentences, roles, metadata).
// Throw InputError / NotCheckableError (see ingest/reader.h).
Document LoadDocument(const std::string& path, const CheckOptions& opts);
// The same for text already in memory (rule examples, tests); `label` names it in messages.
Document DocumentFromText(const std::string& label, const std::string& utf8_text, const CheckOptions& opts);
Document DocumentFromRaw(const RawDocument& raw, const CheckOptions& opts);

// Document × RuleSet → Report: scan once, evaluate every applicable rule, score (no waivers).
Report CheckDocument(const Document& doc, const RuleSet& rules, const CheckOptions& opts);

// A report for a document that could be read but not checked: every rule not_checkable with `reason`.
Report NotCheckableReport(const std::string& path, const std::string& reason, const RuleSet& rules);

// The ids of every loaded rule, in pack and rule order (what waivers are matched against).
std::vector<std::string> RuleIds(const RuleSet& rules);

}  // namespace fazhi
