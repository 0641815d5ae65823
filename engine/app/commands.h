// The CLI's commands as functions (main.cc only parses flags): check, rules lint/test/list/explain/terms.
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
  int jobs = 0;
  bool color = false;
};

int RunCheck(const CheckCommandOptions& opts);
int RunRulesLint(const RulesOptions& opts, const std::vector<std::string>& paths, bool strict);
int RunRulesTest(const RulesOptions& opts, const std::vector<std::string>& paths);
int RunRulesList(const RulesOptions& opts);
int RunRulesExplain(const RulesOptions& opts, const std::string& rule, const std::string& report,
                    const MetadataOverrides& overrides);
int RunRulesTerms(const RulesOptions& opts);

// Exit statuses (docs/cli.md).
constexpr int kExitOk = 0;
constexpr int kExitGate = 1;   // a --fail-under / --fail-on gate tripped; `rules lint/test` found errors
constexpr int kExitUsage = 2;  // bad flags, unreadable input or rules

}  // namespace fazhi
