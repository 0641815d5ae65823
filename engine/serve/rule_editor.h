// fazhi serve's rules editor (docs/serve.md): the files of the user's rules folder (`serve --rules DIR`, never the
// shipped rules), an edit linted and its rules' examples run together with the rest of the rule set before it is
// accepted, and the preview of how verdicts on stored reports would change. No HTTP here (server.cc routes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "serve/store.h"

namespace fazhi {

struct Profile;  // score/profile.h

// The .yaml/.yml files of the user's rules folder, relative and '/'-separated, sorted: regular files only, found by
// walking the folder without following symbolic links (a link, even to a file inside, is not editable).
std::vector<std::string> EditableRuleFiles(const std::string& user_dir);

// A request's `path` → the file to edit. The text is first checked (relative, no `..`, `.` or empty part, no `\`,
// no control character, ends in .yaml/.yml), then looked up among EditableRuleFiles: the request's text is only
// compared, and the path returned is the one the walk found. "" with `error` set (Chinese) when refused.
std::string ResolveEditableRuleFile(const std::string& user_dir, const std::string& rel, std::string& error);

struct RuleEditCheck {
  bool accepted = false;            // no error: lint clean (warnings allowed) and every example as expected
  Diagnostics diagnostics;          // errors and warnings, files relative to their rules folder, sorted
  int examples = 0, examples_failed = 0;
  std::shared_ptr<const RuleSet> rules;  // the set compiled with the edit (a staging copy of the folder)
};

// Lints the rule set `load` describes with `content` in place of the file `rel` of `user_dir` (one of load.dirs) —
// on a staging copy of the folder, the real one is untouched — and runs the examples of the edited file's rules.
// Throws StoreError when the staging copy cannot be made.
RuleEditCheck CheckRuleEdit(const LoadOptions& load, const std::string& user_dir, const std::string& rel,
                            const std::string& content);

// Replaces the file (a temporary file in the same folder, synced, renamed). Throws StoreError.
void WriteRuleFile(const std::string& path, const std::string& content);
std::string ReadRuleFile(const std::string& path);  // throws StoreError

struct PreviewChange {
  std::int64_t check = 0;
  std::string name;  // the document's file name
  std::string rule, title, before, after, quote;
};

struct RulePreview {
  int documents = 0;   // stored reports checked again
  bool truncated = false;  // more documents were stored than `max_documents`
  std::vector<PreviewChange> changes;
};

// The latest finished check of each stored document (at most `max_documents`, newest first) checked again with
// `edited`; every rule whose verdict differs from the verdict with `current` (the stored results when the check
// was made with `current_digest`, else checked again with `current`).
RulePreview PreviewRuleEdit(Store& store, const RuleSet& current, const std::string& current_digest,
                            const RuleSet& edited, const Profile* profile, const Limits& limits, int max_documents);

// checks.options (record.h OverridesJson) → the overrides to check the document with again.
MetadataOverrides OverridesOfJson(const std::string& options_json);

}  // namespace fazhi
