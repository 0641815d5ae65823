// The CLI's commands as functions (main.cc only parses flags): check, diff, rules lint/test/list/explain/terms.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/limits.h"
#include "segment/metadata.h"

namespace fazhi {

struct RulesOptions {
  std::vector<std::string> dirs;   // --rules (after the shipped folder unless no_shipped)
  std::vector<std::string> packs;  // --pack
  bool no_shipped = false;
  const char* argv0 = nullptr;
  Limits limits;
};

struct CheckCommandOptions {
  RulesOptions rules;
  std::vector<std::string> inputs;
  std::vector<std::string> formats;  // empty = text
  std::string output;                // file (one format, one input) or directory
  MetadataOverrides overrides;
  std::string dump;                  // segments | hits | findings
  std::string waivers;
  std::optional<double> fail_under;
  std::string fail_on;               // severity
  int jobs = 0;                      // --jobs: workers for a batch (0 = every core)
  bool summary_only = false;         // a batch with --output DIR writes only the summary files
  bool timings = false;              // --timings: CPU seconds per stage on stderr at the end (core/stage_times.h)
  bool color = false;
  int width = 100;  // terminal columns for the text report
};

int RunCheck(const CheckCommandOptions& opts);

struct DiffCommandOptions {
  RulesOptions rules;
  std::string old_path, new_path;
  std::vector<std::string> formats;  // empty = text
  std::string output;                // file (one format) or directory (diff.<ext> per format)
  MetadataOverrides overrides;       // applied to both reports
};

int RunDiff(const DiffCommandOptions& opts);
int RunRulesLint(const RulesOptions& opts, const std::vector<std::string>& paths, bool strict);
int RunRulesTest(const RulesOptions& opts, const std::vector<std::string>& paths);
int RunRulesList(const RulesOptions& opts);
int RunRulesExplain(const RulesOptions& opts, const std::string& rule, const std::string& report,
                    const MetadataOverrides& overrides);
int RunRulesTerms(const RulesOptions& opts);

// Exit statuses (docs/cli.md).
constexpr int kExitOk = 0;
constexpr int kExitGate = 1;   // a --fail-under / --fail-on gate tripped; `rules lint/test` found errors
constexpr int kExitUsage = 2;  // bad flags, unreadable input or rules (in a batch: any input that could not be read)

// `fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR` (docs/ledgers.md).
struct LedgerImportOptions {
  std::string input;  // the ledger table
  std::string pack;   // pack id for the generated pack
  std::string out;    // folder to write pack.yaml and items.yaml into
  std::string title;  // pack title (default: the table's title row, else the file name)
  bool force = false; // overwrite an existing pack.yaml / items.yaml
};
int RunLedgerImport(const LedgerImportOptions& opts);

// `fazhi serve [--listen HOST:PORT] [--data DIR] [--token TOKEN]` (docs/serve.md): the web workbench.
struct ServeCommandOptions {
  RulesOptions rules;
  std::string listen = "127.0.0.1:8080";
  std::string data = "fazhi-data";
  std::string token;          // required for any address other than loopback
  int workers = 0;            // checks at once (0 = the cores, at most 4)
  int max_upload_mb = 64;     // one request's body
  int max_files = 100;        // files in one upload
};
int RunServe(const ServeCommandOptions& opts);

}  // namespace fazhi
