// Waivers: an auditor's accepted exceptions (`--waivers FILE`, YAML). A waiver turns a rule's fail/partial/
// not_checkable/error into `waived` (reason kept, original verdict kept); scores are then shown with and without.
// Expired waivers are ignored with a warning, out-of-scope ones with a note; a waiver naming no loaded rule gets a
// lint-style warning (file:line, "did you mean").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/report.h"

namespace fazhi {

struct Waiver {
  std::string rule;      // "<pack>/<id>" or a glob over ids ("outline-2015/3*", "report/*"); * and ? wildcards
  std::string reason;    // why the gap is accepted (shown in every report)
  std::string approver;  // who accepted it
  Date date;             // when
  std::optional<Date> expires;                  // ignored (with a warning) after this day
  std::optional<std::string> issuer;            // only for reports by this issuer (exact match)
  std::optional<int> year_from, year_to;        // only for reports covering these years (inclusive)
  std::string file;
  int line = 0;  // 1-based line of the entry in `file`
};

// Parses a waiver file. Malformed input (bad YAML, a missing required key, an unknown key, a bad date) throws
// InputError naming the file and line — `check` then exits 2.
std::vector<Waiver> ParseWaivers(const std::string& path, const std::string& yaml_text);
// Reads through the regular-file guard of documents (core/regular_file.h) and at most
// `limits.max_rule_file_bytes` (a waiver file is YAML like a rule file): E-not-a-file, E-is-directory, E-not-found,
// E-too-large, naming the file.
std::vector<Waiver> LoadWaivers(const std::string& path, const Limits& limits = {});

// Applies the first matching, unexpired, in-scope waiver to each result; appends diagnostics to
// report.diagnostics. `known_rules` are the loaded rule ids (for the unknown-rule lint). Does not re-score: the
// caller runs the scorer afterwards (ScoreResults fills score and score_unwaived).
void ApplyWaivers(const std::vector<Waiver>& waivers, const std::vector<std::string>& known_rules,
                  const Date& today, Report& report);

// Shell-style match of a rule id against a waiver pattern (* any run of characters, ? one character).
bool WaiverMatches(const std::string& pattern, const std::string& rule);

}  // namespace fazhi
