// The workbench's storage (fazhi serve): one SQLite database in the data folder (WAL, a schema version table with
// ordered migrations) and the uploaded files under files/<sha256> — never under a name a user chose. The only file
// that includes sqlite3.h is store.cc. Thread-safe: one connection behind a mutex (a check's rows are written in one
// transaction, so readers see a check whole or not at all).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fazhi {

// A problem with the data folder or the database (cannot open, newer schema, disk full); the message is Chinese
// and names the folder, never a stack.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StoredDocument {
  std::string sha256, name, path;  // path = <data>/files/<sha256>
  std::int64_t size = 0;
};

// One check as stored. status: "running" (in progress), "done", "error".
struct StoredCheck {
  std::int64_t id = 0;
  std::string document;  // sha256
  std::string name;      // the file name as uploaded (text only; shown, never used as a path)
  std::string ruleset;   // digest of the rule set the check ran with
  std::string profile;   // the packs selected ("" = all)
  std::string created;   // UTC, ISO 8601
  std::string status, error;
  std::optional<double> score;
  std::optional<std::string> issuer, level;
  std::optional<int> year;
  std::string options;  // the metadata overrides given with the upload, JSON ({"year":…,"level":…,"issuer":…})
  std::string counts;   // JSON of the verdict counts
  std::string json;     // the fazhi.check/1 JSON, exactly as rendered
};

struct StoredResult {
  std::string rule, verdict, message, evidence;  // evidence: JSON array of the quotes
};

struct StoredReview {
  std::int64_t id = 0, check = 0;
  std::string rule, verdict, note, who, when;
};

// One accepted edit of a file of the user's rules folder (fazhi serve's rules editor): a version of that file.
struct StoredRuleEdit {
  std::int64_t id = 0;
  std::string path;     // relative to the user's rules folder ("my-pack/rules.yaml")
  std::string content;  // the whole file as accepted
  std::string sha256;   // of the content
  std::string who, when;
  std::string lint;     // the warnings it was accepted with (one per line), "" = none
};

struct CheckFilter {
  std::string issuer;  // exact; "" = any
  std::optional<int> year;
  std::string q;       // substring of the file name or the issuer
  int limit = 500;
};

class Store {
 public:
  // The schema version this build writes (migrations 1..kSchemaVersion).
  static constexpr int kSchemaVersion = 3;

  // Opens (creating when missing) <dir>/fazhi.db and <dir>/files/, migrates the schema up to `target_version`
  // (tests build older schemas with a lower one), and marks checks left running by a killed process as failed
  // ("服务中断"). Throws StoreError.
  explicit Store(const std::string& dir, int target_version = kSchemaVersion);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int SchemaVersion();
  int InterruptedOnOpen() const { return interrupted_on_open_; }  // checks marked failed when opened
  std::string IntegrityCheck();                                   // "ok" when PRAGMA integrity_check is happy

  // Stores the bytes under files/<sha256> (written to a temporary file, synced, renamed) and records the document;
  // the same bytes uploaded twice are one document.
  StoredDocument PutDocument(const std::string& bytes, const std::string& name);
  std::optional<StoredDocument> GetDocument(const std::string& sha256);
  std::string ReadDocumentBytes(const StoredDocument& doc);

  // A new check in status "running", committed at once (so a crash leaves a trace); returns its id.
  std::int64_t BeginCheck(const StoredCheck& check);
  // The finished check and its results in one transaction: status done (or error with the message).
  void FinishCheck(const StoredCheck& check, const std::vector<StoredResult>& results);
  void FailCheck(std::int64_t id, const std::string& error);

  std::optional<StoredCheck> GetCheck(std::int64_t id, bool with_json = true);
  std::vector<StoredCheck> ListChecks(const CheckFilter& filter);  // newest first, without the JSON
  std::vector<StoredResult> Results(std::int64_t check);
  std::optional<StoredResult> Result(std::int64_t check, const std::string& rule);

  std::int64_t AddReview(const StoredReview& review);
  // Every review, the latest per (check, rule), in check then rule order.
  std::vector<StoredReview> LatestReviews();
  std::vector<StoredReview> Reviews(std::int64_t check);

  std::int64_t AddRuleEdit(const StoredRuleEdit& edit);
  // The versions of `path` ("" = of every file), newest first, without their content.
  std::vector<StoredRuleEdit> RuleEdits(const std::string& path);
  std::optional<StoredRuleEdit> RuleEdit(std::int64_t id);  // with its content

  const std::string& dir() const { return dir_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string dir_;
  int interrupted_on_open_ = 0;
  std::mutex mu_;
};

// The current time in UTC as ISO 8601 ("2026-12-02T14:35:22Z").
std::string UtcNow();

}  // namespace fazhi
