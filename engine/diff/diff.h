// `fazhi diff OLD NEW`: two reports of one issuer, a year apart — score and verdict changes per rule, metrics that
// changed, and whether each promise of OLD's plan (下一步工作安排) shows up as work done in NEW (docs/cli.md).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/report.h"

namespace fazhi {

class RuleSet;

// How a promise of OLD's plan was followed up in NEW's work part.
enum class Followup {
  kDone,       // a matching sentence in NEW's work part is concrete work (evaluate/check_support.h IsConcrete:
               // a number, a document the government produced, a concrete action) and not a plan or negation
  kMentioned,  // matching sentences exist, but only in general words (or hedged: 拟, 下一步 …)
  kNoTrace,    // no sentence of NEW's work part shares enough key terms
  kNotJudged,  // NEW does not cover a later year than OLD: its text cannot show that OLD's plan was carried out
};
const char* FollowupName(Followup f);     // "done", "mentioned", "no_trace", "not_judged"
const char* FollowupLabelZh(Followup f);  // "已落实", "仅提及", "未见", "不作判断"

// Empty when OLD and NEW are reports of the same issuer for consecutive years (NEW's year = OLD's year + 1);
// otherwise one Chinese sentence naming both issuers and years and what differs (`fazhi diff` refuses such a
// pair unless --force, and then shows this sentence as a banner in every output).
std::string ComparabilityProblem(const DocumentInfo& old_doc, const DocumentInfo& new_doc);

struct DiffQuote {
  std::string text;     // the sentence (trimmed to a readable length)
  std::string section;  // heading path
  int line = 0;
};

struct PromiseFollowup {
  int index = 0;  // 1-based, in OLD's order
  DiffQuote promise;
  Followup status = Followup::kNoTrace;
  std::optional<DiffQuote> evidence;  // the best matching sentence of NEW (absent for no_trace)
  std::vector<std::string> key_terms;     // the promise's key terms (after dropping common ones)
  std::vector<std::string> shared_terms;  // those found in the evidence sentence
};

struct VerdictChange {
  std::string rule, title;
  Verdict old_verdict = Verdict::kFail, new_verdict = Verdict::kFail;
  bool only_old = false, only_new = false;  // the rule ran on one side only (applicability by year/level)
};

struct ScoreChange {
  std::string pack;  // "" for the total
  std::string title;
  std::optional<double> old_score, new_score;
};

struct MetricChange {
  std::string key;   // the metric's name (行政复议, 行政诉讼, 负责人出庭应诉 …, else the rule-pack term near the number)
  std::string unit, new_unit;  // as written on each side ("件" and "宗" are the same count)
  double old_value = 0, new_value = 0;
  DiffQuote old_quote, new_quote;
  bool Changed() const;
};

struct DiffReport {
  std::string tool_version;
  DocumentInfo old_doc, new_doc;
  std::string forced;  // ComparabilityProblem when compared anyway (--force): shown as a banner; "" otherwise
  std::string followup_note;  // why the promises were not judged (kNotJudged); "" when they were
  std::vector<ScoreChange> scores;    // total first, then each pack (changed or not)
  std::vector<VerdictChange> changes; // rules whose verdict differs, in rule order
  int unchanged = 0;                  // rules with the same verdict on both sides
  std::vector<MetricChange> metrics;  // named on both sides, in OLD's text order (changed or not: see Changed)
  std::vector<PromiseFollowup> promises;
  std::vector<DiffQuote> deleted;  // OLD's paragraphs whose text NEW does not hold (whitespace ignored)
  std::vector<DiffQuote> added;    // NEW's paragraphs whose text OLD does not hold
  // (promise, sentence) pairs weighed by the follow-up: bounded by kMaxCandidates per promise, never all pairs.
  std::size_t comparisons = 0;
};

// At most this many sentences of NEW are weighed per promise (those sharing its rarest key terms first).
inline constexpr std::size_t kMaxCandidates = 400;

// Compares two checked documents (their Reports made with `rules`). `forced`: ComparabilityProblem of the pair
// when the caller compares anyway.
DiffReport DiffReports(const Document& old_doc, const Report& old_report, const Document& new_doc,
                       const Report& new_report, const RuleSet& rules, std::string forced = {});

// Renderers (render/diff.cc): "text", "md", "html", "json" (schema fazhi.diff/1).
using DiffRenderFn = void (*)(const DiffReport& d, std::ostream& out);
struct DiffRendererEntry {
  const char* name;
  const char* extension;
  DiffRenderFn render;
};
const std::vector<DiffRendererEntry>& DiffRenderers();
const DiffRendererEntry* FindDiffRenderer(const std::string& name);

}  // namespace fazhi
