// The pipeline of STYLE.md, top to bottom:
//   ingest → normalize → segment (+ metadata) → match → evaluate → score.   Rendering happens in the caller.
#include "pipeline.h"

#include "core/error.h"
#include "core/stage_times.h"
#include "evaluate/evaluator.h"
#include "ingest/reader.h"
#include "normalize/normalizer.h"
#include "score/scorer.h"
#include "segment/roles.h"
#include "segment/segmenter.h"

namespace fazhi {

Document DocumentFromRaw(const RawDocument& raw, const CheckOptions& opts) {
  NormalizedText norm = Normalize(raw);                       // normalize
  Document doc;
  doc.path = raw.path;
  doc.format = raw.format;
  doc.encoding = raw.encoding;
  doc.sha256 = raw.sha256;
  doc.text = std::move(norm.text);
  doc.pages = std::move(norm.pages);
  doc.to_source = std::move(norm.to_source);
  doc.source_line_starts.push_back(0);
  for (std::uint32_t i = 0; i < raw.text.size(); ++i)
    if (raw.text[i] == '\n') doc.source_line_starts.push_back(i + 1);
  doc.converted_from_traditional = norm.converted_from_traditional;
  doc.diagnostics = raw.diagnostics;
  doc.diagnostics.insert(doc.diagnostics.end(), norm.diagnostics.begin(), norm.diagnostics.end());
  Segment(doc, norm.headings);                                // segment
  ExtractMetadata(doc, raw, opts.overrides);                  // metadata
  // "二、2024年存在不足及整改情况" in a report on 2025: last year's problems, this year's measures.
  if (doc.meta.year.value) seg::RefineRectification(doc, *doc.meta.year.value);
  return doc;
}

Document LoadDocument(const std::string& path, const CheckOptions& opts) {
  StageTimer timer(Stage::kRead);
  RawDocument raw = ReadInput(path, opts.limits);             // ingest
  return DocumentFromRaw(raw, opts);
}

Document DocumentFromText(const std::string& label, const std::string& utf8_text, const CheckOptions& opts) {
  RawDocument raw = ReadBytes(label, utf8_text, opts.limits);
  return DocumentFromRaw(raw, opts);
}

Report CheckDocument(const Document& doc, const RuleSet& rules, const CheckOptions&) {
  Report report;
  report.tool_version = FAZHI_VERSION;
  report.document = DescribeDocument(doc);
  report.rulesets = DescribeRuleSet(rules);
  Hits hits;
  {
    StageTimer timer(Stage::kScan);
    hits = rules.matcher.Scan(doc.text);                      // match: one pass over the text
  }
  {
    StageTimer timer(Stage::kEvaluate);
    report.results = EvaluateRules(doc, hits, rules, report.diagnostics);  // evaluate
  }
  {
    StageTimer timer(Stage::kScore);
    report.score = ScoreResults(report.results, rules);      // score
  }
  report.diagnostics.insert(report.diagnostics.begin(), doc.diagnostics.begin(), doc.diagnostics.end());
  return report;
}

Report NotCheckableReport(const std::string& path, const std::string& reason, const RuleSet& rules) {
  Report report;
  report.tool_version = FAZHI_VERSION;
  report.document.path = path;
  report.document.not_checkable = true;
  report.document.not_checkable_reason = reason;
  report.rulesets = DescribeRuleSet(rules);
  report.results = NotCheckableResults(rules, reason);
  report.score = ScoreResults(report.results, rules);
  report.diagnostics.push_back({Level::kWarning, "W-not-checkable", reason, path, 0, 0, ""});
  return report;
}

}  // namespace fazhi
