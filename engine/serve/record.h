// One finished Check() → the store's rows (documents, checks, results): the same rows for an upload to fazhi serve
// and for `fazhi check --db DIR`, so the workbench's history holds both.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/report.h"
#include "rules/rule_set.h"
#include "segment/metadata.h"
#include "serve/store.h"

namespace fazhi {

// The digest of a rule set: SHA-256 over every pack's id, version and file digest (stored with each check; a
// report is re-rendered only with the rules it was checked with).
std::string RuleSetDigest(const RuleSet& rules);

// A file name as given → a label to show: the last part after / or \, no control characters, no leading dots or
// spaces, at most 200 bytes (cut at a character boundary); "upload.txt" when nothing is left. Only ever text: files
// are stored under their SHA-256.
std::string SafeUploadName(const std::string& raw);

// The metadata overrides a check ran with, as stored in checks.options: {"year":…,"level":…,"issuer":…}.
std::string OverridesJson(const MetadataOverrides& overrides);

// Fills `check` from a finished report (status done with score, issuer, level, year, counts and the fazhi.check/1
// JSON — the report must have been checked with near misses, as `check -f json` does — or status error with the
// reason) and returns its result rows.
std::vector<StoredResult> StoredRowsOfReport(const Report& report, StoredCheck& check);

// `fazhi check --db DIR`: records every report of a run into the workbench's database in DIR (opened, created or
// migrated by the constructor, which throws StoreError). Thread-safe (the batch records from its workers).
class CheckRecorder {
 public:
  CheckRecorder(const std::string& dir, const RuleSet& rules, std::string profile, std::string options_json);
  ~CheckRecorder();
  // Stores the file at `path` (read again; its bytes are what was checked) and the check's rows; the check's id,
  // or 0 when the file cannot be read any more (logged).
  std::int64_t Record(const std::string& path, const Report& report);
  int recorded() const { return recorded_; }

 private:
  std::unique_ptr<Store> store_;
  std::string digest_, profile_, options_;
  std::mutex mu_;
  int recorded_ = 0;
};

// The recorder of `check --db DIR` (`packs`: the --pack selection, stored as serve stores it); nullptr after logging
// why when the folder or its database cannot be used.
std::unique_ptr<CheckRecorder> OpenCheckRecorder(const std::string& dir, const RuleSet& rules,
                                                 const std::vector<std::string>& packs,
                                                 const MetadataOverrides& overrides);

}  // namespace fazhi
