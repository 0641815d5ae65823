// The pipeline of STYLE.md, top to bottom:
//   ingest → normalize → segment (+ metadata) → match → evaluate → waivers → score.   Rendering happens in the caller.
#include "pipeline/check.h"

#include "core/error.h"
#include "core/messages.h"
#include "core/sha256.h"
#include "core/stage_times.h"
#include "evaluate/evaluator.h"
#include "ingest/reader.h"
#include "normalize/normalizer.h"
#include "score/profile.h"
#include "score/scorer.h"
#include "score/waivers.h"
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
  for (std::size_t i = raw.text.find('\n'); i != std::string::npos; i = raw.text.find('\n', i + 1))
    doc.source_line_starts.push_back(static_cast<std::uint32_t>(i + 1));
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

namespace {

// match → evaluate, not yet scored.
Report EvaluateDocument(const Document& doc, const Hits& hits, const RuleSet& rules, const CheckOptions& opts) {
  Report report;
  report.tool_version = FAZHI_VERSION;
  report.document = DescribeDocument(doc);
  report.rulesets = DescribeRuleSet(rules);
  {
    StageTimer timer(Stage::kEvaluate);
    report.results = EvaluateRules(doc, hits, rules, report.diagnostics,  // evaluate
                                   opts.near_misses ? kMaxNearMisses : 0);
  }
  report.diagnostics.insert(report.diagnostics.begin(), doc.diagnostics.begin(), doc.diagnostics.end());
  return report;
}

Hits ScanDocument(const Document& doc, const RuleSet& rules) {
  StageTimer timer(Stage::kScan);
  return rules.matcher().Scan(doc.text);                        // match: one pass over the text
}

Report UnscoredNotCheckable(const std::string& path, const std::string& reason, const RuleSet& rules) {
  Report report;
  report.status = CheckStatus::kNotCheckable;
  report.tool_version = FAZHI_VERSION;
  report.document.path = path;
  report.document.not_checkable = true;
  report.document.not_checkable_reason = reason;
  report.rulesets = DescribeRuleSet(rules);
  report.results = NotCheckableResults(rules, reason);
  report.diagnostics.push_back(MakeDiagnostic("W-not-checkable", {reason}, path));
  return report;
}

void Score(Report& report, const RuleSet& rules) {
  StageTimer timer(Stage::kScore);
  report.score = ScoreResults(report.results, rules);        // score
}

Report Failed(CheckStatus status, const std::string& path, const std::string& code, const std::string& message,
              const std::string& hint = {}) {
  Report report;
  report.status = status;
  report.tool_version = FAZHI_VERSION;
  report.document.path = path;
  report.error = message;
  report.error_code = code;
  report.error_hint = hint;
  return report;
}

}  // namespace

Report Check(const RuleSet& rules, const Input& input, const CheckOptions& opts) {
  try {
    Report report;
    try {
      Document doc;
      {
        StageTimer timer(Stage::kRead);
        RawDocument raw = input.bytes ? ReadBytes(input.path, *input.bytes, opts.limits)
                                      : ReadInput(input.path, opts.limits);  // ingest
        doc = DocumentFromRaw(raw, opts);
      }
      Hits hits = ScanDocument(doc, rules);
      if (opts.inspect && !opts.inspect(doc, hits)) {
        report.status = CheckStatus::kStopped;
        report.tool_version = FAZHI_VERSION;
        report.document = DescribeDocument(doc);
        return report;
      }
      report = EvaluateDocument(doc, hits, rules, opts);
      report.document.text_sha256 = Sha256Hex(doc.text);
    } catch (const NotCheckableError& e) {
      report = UnscoredNotCheckable(input.path, e.what(), rules);
    }
    if (opts.profile) ApplyProfile(*opts.profile, report);  // 督察口径: packs chosen, equivalents folded
    if (opts.waivers && !opts.waivers->empty())  // before the one scoring (score_unwaived keeps the other view)
      ApplyWaivers(*opts.waivers, RuleIds(rules), Today(), report);
    Score(report, rules);
    return report;
  } catch (const InputError& e) {
    return Failed(CheckStatus::kInputError, e.path(), e.code(), e.what(), e.hint());
  } catch (const std::exception& e) {  // a bug or exhaustion costs this input, never the caller's run
    return Failed(CheckStatus::kInternalError, input.path, "", e.what());
  }
}

Report CheckDocument(const Document& doc, const RuleSet& rules, const CheckOptions& opts) {
  Report report = EvaluateDocument(doc, ScanDocument(doc, rules), rules, opts);
  Score(report, rules);
  return report;
}

Report NotCheckableReport(const std::string& path, const std::string& reason, const RuleSet& rules) {
  Report report = UnscoredNotCheckable(path, reason, rules);
  Score(report, rules);
  return report;
}

std::string FailureReason(const Report& report) {
  if (report.status == CheckStatus::kInternalError) return Msg("check.internal-error", {report.error});
  if (report.status != CheckStatus::kInputError) return "";
  return ReasonLine(report.error_code, report.error, report.error_hint);
}

std::string NotCheckableReason(const Report& report) {
  if (!report.document.not_checkable) return "";
  return SayReason("W-not-checkable", {report.document.not_checkable_reason});
}

std::vector<std::string> RuleIds(const RuleSet& rules) {
  std::vector<std::string> ids;
  for (const auto& p : rules.packs())
    for (const auto& r : p->rules) ids.push_back(r->id);
  return ids;
}

}  // namespace fazhi
