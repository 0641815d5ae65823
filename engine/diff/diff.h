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
  kDone,       // a matching sentence in NEW's work part states concrete work (a number, a 《document》, an action)
  kMentioned,  // matching sentences exist, but only in general words
  kNoTrace,    // no sentence of NEW's work part shares enough key terms
};
const char* FollowupName(Followup f);     // "done", "mentioned", "no_trace"
const char* FollowupLabelZh(Followup f);  // "已落实", "有提及", "未见落实"

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
  std::string key;   // the rule-pack term the number belongs to, e.g. 出庭应诉
  std::string unit;  // "%", "件", …
  double old_value = 0, new_value = 0;
  DiffQuote old_quote, new_quote;
};

struct DiffReport {
  std::string tool_version;
  DocumentInfo old_doc, new_doc;
  std::vector<ScoreChange> scores;    // total first, then each pack (changed or not)
  std::vector<VerdictChange> changes; // rules whose verdict differs, in rule order
  int unchanged = 0;                  // rules with the same verdict on both sides
  std::vector<MetricChange> metrics;  // in OLD's text order
  std::vector<PromiseFollowup> promises;
};

// Compares two checked documents (their Reports made with `rules`).
DiffReport DiffReports(const Document& old_doc, const Report& old_report, const Document& new_doc,
                       const Report& new_report, const RuleSet& rules);

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
