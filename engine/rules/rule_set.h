// RuleSet: the frozen result of loading, linting and compiling rule packs — scanned against many documents.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/report.h"
#include "check/check.h"
#include "match/term_matcher.h"

namespace fazhi {

// Who and which years a pack or rule applies to. Empty = no restriction.
struct Applicability {
  std::optional<int> year_from, year_to;
  std::vector<std::string> levels;      // province | city | district | county | township | department
  std::string year_warning_after_text;  // unused unless warn_after set
  std::optional<int> warn_after;        // years after this: applies, with a warning ("a newer outline may exist")
  CheckPtr also_when;                   // applies anyway when this condition holds in the document
};

// Negation and hedging cues: a hit in a clause with one of these is not evidence of work done.
struct Cues {
  std::vector<std::string> negation;  // 尚未, 没有, 暂无, 有待, 不够, …
  std::vector<std::string> hedging;   // 拟, 计划于, 力争, 下一步, …
  std::vector<std::string> ignore;    // words that contain a cue but are not one (未成年, 未来, 无障碍, …)
  std::vector<std::string> concrete_actions;  // 制定, 印发, 召开, … (a concrete action in the sentence)
};

struct Example {
  std::string text;
  std::string expect;  // pass | partial | fail | not_applicable | not_checkable
  std::optional<int> year;
  std::optional<std::string> level;
  std::optional<std::string> published;
  int line = 0;
};

struct Rule {
  SharedText id;        // full: "<pack>/<id>"
  std::string local_id;
  std::string pack;
  SharedText title, cite, category;  // shared with every RuleResult of this rule (core/report.h)
  std::string severity, message;
  SharedText remedy;
  double weight = 1.0;
  std::vector<std::string> tags;
  Applicability applies;
  std::string not_checkable;  // when set, no text can settle this rule: always not_checkable with this reason
  CheckPtr pass;              // grade kFull → pass, kPartial → partial
  CheckPtr partial;           // optional: grade ≥ kPartial → partial
  std::vector<Example> examples;
  // Terms of which one must occur for `pass` or `partial` to find anything (Check::Anchors), sorted; `anchored`
  // false = none known, the checks always run. Set by RuleSet::IndexAnchors.
  std::vector<TermId> anchors;
  bool anchored = false;
  SharedText nothing_found;  // the verdict message when no anchor occurs (what a full evaluation would say)
  bool has_errors = false;  // lint reported errors in this rule: its examples are not run
  std::string file;
  int line = 0;
};

struct Source {
  std::string name, number, date;
};

struct Pack {
  std::string id, title, version, sha256, dir;
  std::vector<Source> sources;
  Applicability applies;
  std::string scoring_model = "default";  // default | flat
  double partial_credit = 0.5;
  std::map<std::string, double> category_weights;
  std::map<std::string, std::string> settings;  // e.g. publish_deadline: "04-01"
  std::vector<std::unique_ptr<Rule>> rules;
  // Rules a later --rules folder overrode or added: "<id> 覆盖 <file>" / "<id> 新增 <file>" (RulesetInfo::overrides).
  std::vector<std::string> overrides;
  bool draft = false;  // pack.yaml `draft: true`: written by `ledger import`, not reviewed
};

class SettledRuns;  // evaluate/settled.h

struct Fixture {
  std::string pack, file;
  std::map<std::string, std::string> expect;  // rule id → verdict
  std::optional<int> year;
};

class RuleSet {
 public:
  std::vector<std::unique_ptr<Pack>> packs;
  TermMatcher matcher;
  std::vector<Fixture> fixtures;
  const Rule* Find(const std::string& id) const;
  std::size_t RuleCount() const;
  // After loading: each rule's anchors, and for every term the rules (in pack/rule order, numbered from 0)
  // anchored on it — so a document marks the rules its hits can concern, and the others are settled without
  // running their checks (evaluate/evaluator.cc).
  void IndexAnchors();
  std::vector<std::vector<std::uint32_t>> rules_by_term;  // indexed by TermId
  std::map<std::string, SharedText> interned;             // texts many rules share (categories)
  // Built once by the compile step (pipeline/compile.h, evaluate/settled.h): the results every report shares.
  std::shared_ptr<const SettledRuns> settled;
};

struct LoadOptions {
  std::vector<std::string> dirs;   // later dirs override earlier ones (same rule id → override, with a notice)
  std::vector<std::string> packs;  // only these pack ids; empty = all
  Limits limits;
  std::string cache_dir;  // parse cache folder (rules/yaml_cache.h); "" = parse every file
};

// Loads, validates and compiles. Problems go into `diags` with file:line:col; the returned set holds every
// rule that compiled. Throws nothing for bad rule files (they are diagnostics); InputError for a missing dir.
// Checking documents with it wants Compile (pipeline/compile.h), which also builds the results reports share.
std::unique_ptr<RuleSet> LoadRuleSet(const LoadOptions& opts, Diagnostics& diags);

// One pack held in memory (fuzzing, tests): pack.yaml and the rule files by name ("a.yaml"), as if in folder `dir`.
struct InMemoryPack {
  std::string dir = "memory";
  std::string pack_yaml;
  std::map<std::string, std::string> rule_files;
};
// Loads `pack` like LoadRuleSet loads a folder holding those files (same limits and diagnostics).
std::unique_ptr<RuleSet> LoadRuleSetFromStrings(const InMemoryPack& pack, const LoadOptions& opts,
                                                Diagnostics& diags);

}  // namespace fazhi
