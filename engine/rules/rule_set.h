// RuleSet: the frozen result of loading, linting and compiling rule packs — scanned against many documents.
#pragma once

#include <cstdint>
#include <experimental/propagate_const>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/levels.h"
#include "core/limits.h"
#include "core/report.h"
#include "core/severity.h"
#include "check/check.h"
#include "match/term_matcher.h"

namespace fazhi {

// Who and which years a pack or rule applies to. Empty = no restriction.
struct Applicability {
  std::optional<int> year_from, year_to;
  std::vector<IssuerLevel> levels;
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
  std::optional<IssuerLevel> level;
  std::optional<std::string> published;
  int line = 0;
};

// A rule: its RuleInfo (id "<pack>/<id>", pack, title, cite, category, severity — a name that is not a severity is a
// lint error and reads as medium —, weight, remedy and its optional 工作整改 / 报告补充 split, owner 责任单位 that
// ledger import writes), which every RuleResult of the rule points at (core/report.h), and what checks it.
struct Rule : RuleInfo {
  std::string local_id;
  std::string message;
  std::vector<std::string> tags;
  Applicability applies;
  std::string not_checkable;  // when set, no text can settle this rule: always not_checkable with this reason
  CheckPtr pass;              // grade kFull → pass, kPartial → partial
  CheckPtr partial;           // optional: grade ≥ kPartial → partial
  std::vector<Example> examples;
  // Terms of which one must occur for `pass` or `partial` to find anything (Check::Anchors), sorted; `anchored`
  // false = none known, the checks always run. Set by RuleSetBuilder::Finish.
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

// An owning pointer that is const when its holder is: a const Pack gives const Rules, a const RuleSet const Packs.
template <class T>
using OwnedConst = std::experimental::propagate_const<std::unique_ptr<T>>;

struct Pack {
  std::string id, title, version, sha256, dir;
  std::vector<Source> sources;
  Applicability applies;
  std::string scoring_model = "default";  // default | flat
  double partial_credit = 0.5;
  std::map<std::string, double> category_weights;
  std::map<std::string, std::string> settings;  // e.g. publish_deadline: "04-01"
  std::vector<OwnedConst<Rule>> rules;
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

// For every term the rules anchored on it, as one flat list (rules_[offsets_[t] .. offsets_[t + 1])): a vector per
// term was ~3,200 vectors and ~2,600 small allocations of a warm load, ~40 pages of heap.
class TermRules {
 public:
  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::span<const std::uint32_t> operator[](std::size_t term) const {
    return {rules_.data() + offsets_[term], rules_.data() + offsets_[term + 1]};
  }

 private:
  friend class RuleSetBuilder;
  std::vector<std::uint32_t> offsets_;  // size() + 1 entries
  std::vector<std::uint32_t> rules_;
};

// The compiled rule packs. Filled only through RuleSetBuilder (the loader, the compile step, tests building one by
// hand); everyone else reads it through const accessors, and through them its Packs and Rules are const too.
// Thread-safety: immutable once Compile (pipeline/compile.h) returns it, so any number of threads may check
// documents against one shared set at once (the batch does); nothing in it is cached or changed lazily.
class RuleSet {
 public:
  const std::vector<OwnedConst<Pack>>& packs() const { return packs_; }
  const TermMatcher& matcher() const { return matcher_; }
  const std::vector<Fixture>& fixtures() const { return fixtures_; }
  const Rule* Find(const std::string& id) const;
  std::size_t RuleCount() const;
  // For every term the rules (in pack/rule order, numbered from 0) anchored on it — so a document marks the rules
  // its hits can concern, and the others are settled without running their checks (evaluate/evaluator.cc).
  const TermRules& rules_by_term() const { return rules_by_term_; }
  // The results every report shares (evaluate/settled.h), built by the compile step; null for a set built by hand
  // without BuildSharedResults (then each report builds them).
  const std::shared_ptr<const SettledRuns>& settled() const { return settled_; }

 private:
  friend class RuleSetBuilder;
  std::vector<OwnedConst<Pack>> packs_;
  TermMatcher matcher_;
  std::vector<Fixture> fixtures_;
  TermRules rules_by_term_;                                // indexed by TermId
  std::map<std::string, SharedText> interned_;             // texts many rules share (categories)
  std::shared_ptr<const SettledRuns> settled_;
};

// Write access to a RuleSet while it is built: the loader (rules/loader.cc), the compile step
// (pipeline/compile.cc) and tests that make a set by hand. Changing a set after Compile handed it out is a bug.
class RuleSetBuilder {
 public:
  explicit RuleSetBuilder(RuleSet& set) : set_(set) {}
  std::vector<OwnedConst<Pack>>& packs() { return set_.packs_; }
  Pack& AddPack(std::string id);  // appended last
  TermMatcher& matcher() { return set_.matcher_; }
  std::vector<Fixture>& fixtures() { return set_.fixtures_; }
  std::map<std::string, SharedText>& interned() { return set_.interned_; }
  // After the last rule: builds the matcher, each rule's anchors (Check::Anchors), the rules by term and each
  // rule's nothing_found message.
  void Finish();
  void SetSettled(std::shared_ptr<const SettledRuns> settled) { set_.settled_ = std::move(settled); }

 private:
  void IndexAnchors();
  RuleSet& set_;
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
