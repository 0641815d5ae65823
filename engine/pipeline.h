// The whole check, one stage after another (pipeline.cc reads top to bottom).
#pragma once

#include <string>

#include "core/document.h"
#include "core/limits.h"
#include "core/report.h"
#include "rules/rule_set.h"
#include "segment/metadata.h"

namespace fazhi {

struct CheckOptions {
  MetadataOverrides overrides;
  Limits limits;
};

// bytes → RawDocument → normalized text → Document (sections, paragraphs, sentences, roles, metadata).
// Throws InputError / NotCheckableError (see ingest/reader.h).
Document LoadDocument(const std::string& path, const CheckOptions& opts);
// The same for text already in memory (rule examples, tests); `label` names it in messages.
Document DocumentFromText(const std::string& label, const std::string& utf8_text, const CheckOptions& opts);
Document DocumentFromRaw(const RawDocument& raw, const CheckOptions& opts);

// Document × RuleSet → Report: scan once, evaluate every applicable rule, score.
Report CheckDocument(const Document& doc, const RuleSet& rules, const CheckOptions& opts);

// A report for a document that could be read but not checked: every rule not_checkable with `reason`.
Report NotCheckableReport(const std::string& path, const std::string& reason, const RuleSet& rules);

}  // namespace fazhi
