// Audit profiles (see profile.h).
#include "score/profile.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/levels.h"
#include "core/messages.h"
#include "core/regular_file.h"
#include "core/sha256.h"
#include "core/text.h"
#include "rules/yaml_cache.h"
#include "rules/yaml_tree.h"

namespace fazhi {

namespace {

// A profile that cannot be used, at the node's line: E-profile.<variant> from the message table.
[[noreturn]] void Fail(const std::string& path, const YNode& at, std::string_view id, MessageArgs args = {}) {
  throw DiagnosticError(MakeDiagnostic(id, args, path, at.line(), at.line() > 0 ? at.column() : 0));
}

int LineOf(const YNode& n) { return n.line(); }

std::optional<int> Year(const std::string& path, const YNode& v) {
  if (!v.IsScalar()) Fail(path, v, "E-profile.years");
  if (auto y = v.AsInt(); y && *y >= 1949 && *y <= 2100) return static_cast<int>(*y);
  Fail(path, v, "E-profile.year", {v.Scalar()});
}

ProfilePack ParsePack(const std::string& path, const YNode& entry) {
  ProfilePack p;
  p.line = LineOf(entry);
  if (entry.IsScalar()) {
    p.pack = entry.Scalar();
    return p;
  }
  if (!entry.IsMap()) Fail(path, entry, "E-profile.pack-entry");
  for (const auto& kv : entry) {
    const std::string& key = kv.first.Scalar();
    if (key != "pack" && key != "years" && key != "levels")
      Fail(path, kv.first, "E-profile.pack-key", {key});
  }
  if (!entry["pack"] || !entry["pack"].IsScalar() || entry["pack"].Scalar().empty())
    Fail(path, entry, "E-profile.pack-id");
  p.pack = entry["pack"].Scalar();
  if (const YNode y = entry["years"]) {
    if (!y.IsSequence() || y.size() != 2) Fail(path, y, "E-profile.years");
    p.year_from = Year(path, y[0]);
    p.year_to = Year(path, y[1]);
    if (*p.year_from > *p.year_to)
      Fail(path, y, "E-profile.years-order", {std::to_string(*p.year_from), std::to_string(*p.year_to)});
  }
  if (const YNode l = entry["levels"]) {
    if (!l.IsSequence()) Fail(path, l, "E-profile.levels");
    for (const auto& item : l) {
      const std::string typed = item.IsScalar() ? item.Scalar() : std::string();
      const std::string level = IssuerLevelOf(typed);  // 区, 区级 and district alike
      if (level.empty()) {
        const auto& known = IssuerLevels();
        std::string near = ClosestMatch(typed, known);
        if (near.empty()) Fail(path, item, "E-profile.level", {typed, fmt::format("{}", fmt::join(known, ", "))});
        Fail(path, item, "E-profile.level-near", {typed, near});
      }
      p.levels.push_back(level);
    }
  }
  return p;
}

int Rank(Verdict v) {
  switch (v) {
    case Verdict::kPass: return 3;
    case Verdict::kPartial: return 2;
    case Verdict::kFail:
    case Verdict::kError: return 1;
    default: return 0;  // not_applicable, not_checkable: not a statement about the requirement
  }
}

// The profile in a parsed tree. The tree comes from rules/yaml_tree.h (yaml-cpp's events; anchors and aliases refused
// as in rule files), or from the parse cache when the same bytes were read before: yaml-cpp's YAML::Load of the
// shipped profile was ~4 M instructions of every check.
Profile ParseProfileTree(const std::string& path, const YamlParse& parsed) {
  if (!parsed.error.empty())
    throw DiagnosticError(MakeDiagnostic("E-profile.yaml", {parsed.error}, path, parsed.line, parsed.column));
  const YNode root = parsed.tree ? parsed.tree->root() : YNode();
  if (!root.IsMap()) Fail(path, root, "E-profile.root");
  Profile p;
  p.path = path;
  for (const auto& kv : root) {
    const std::string& key = kv.first.Scalar();
    if (key != "profile" && key != "packs" && key != "same_as")
      Fail(path, kv.first, "E-profile.top-key", {key});
  }
  if (!root["profile"] || !root["profile"].IsScalar() || root["profile"].Scalar().empty())
    Fail(path, root, "E-profile.no-name");
  p.name = root["profile"].Scalar();
  if (const YNode packs = root["packs"]) {
    if (!packs.IsSequence()) Fail(path, packs, "E-profile.packs");
    for (const auto& e : packs) p.packs.push_back(ParsePack(path, e));
  }
  if (const YNode groups = root["same_as"]) {
    if (!groups.IsSequence()) Fail(path, groups, "E-profile.same-as");
    for (const auto& g : groups) {
      if (!g.IsSequence()) Fail(path, g, "E-profile.same-as-group");
      SameAs group;
      group.line = LineOf(g);
      for (const auto& id : g) {
        if (!id.IsScalar() || id.Scalar().find('/') == std::string::npos)
          Fail(path, id, "E-profile.rule-id", {id.IsScalar() ? id.Scalar() : std::string()});
        group.rules.push_back(id.Scalar());
      }
      p.same_as.push_back(std::move(group));
    }
  }
  return p;
}

}  // namespace

Profile ParseProfile(const std::string& path, const std::string& text) {
  return ParseProfileTree(path, ParseYamlTree(text));
}

Profile LoadProfile(const std::string& path, const Limits& limits, const std::string& cache_dir) {
  std::string text;
  try {
    text = ReadRegularFile(path, limits.max_rule_file_bytes, "max_rule_file_bytes");
  } catch (const InputError& e) {
    Diagnostic d = DiagnosticOf(e);  // the reader's code and words, said to be about the profile
    d.message = Msg("profile.read", {d.message});
    throw DiagnosticError(std::move(d));
  }
  YamlCache cache(cache_dir);
  if (!cache.enabled()) return ParseProfile(path, text);
  return ParseProfileTree(path, cache.Parse(text, Sha256Hex(text)));
}

Diagnostics LintProfile(const Profile& profile, const std::vector<std::string>& rule_ids,
                        const std::vector<std::string>& pack_ids) {
  Diagnostics d;
  for (const auto& p : profile.packs)
    if (std::find(pack_ids.begin(), pack_ids.end(), p.pack) == pack_ids.end()) {
      std::string near = ClosestMatch(p.pack, pack_ids);
      d.push_back(MakeDiagnostic(near.empty() ? "E-profile-unknown-pack" : "E-profile-unknown-pack.near",
                                 {p.pack, near}, profile.path, p.line));
    }
  std::set<std::string> known(rule_ids.begin(), rule_ids.end());
  std::map<std::string, int> seen;  // rule → line of its first group
  for (const auto& g : profile.same_as) {
    if (g.rules.size() < 2)
      d.push_back(MakeDiagnostic("E-profile-same-as.single", {}, profile.path, g.line));
    for (const auto& id : g.rules) {
      if (!known.count(id)) {
        std::string near = ClosestMatch(id, rule_ids);
        d.push_back(MakeDiagnostic(near.empty() ? "E-profile-unknown-rule" : "E-profile-unknown-rule.near",
                                   {id, near}, profile.path, g.line));
      }
      auto [it, fresh] = seen.emplace(id, g.line);
      if (!fresh)
        d.push_back(MakeDiagnostic("E-profile-same-as.twice", {id, std::to_string(it->second), std::to_string(g.line)},
                                   profile.path, g.line));
    }
  }
  return d;
}

bool ProfileChoosesPack(const Profile& profile, const std::string& pack, const std::optional<int>& year,
                        const std::optional<std::string>& level) {
  if (profile.packs.empty()) return true;
  for (const auto& p : profile.packs) {
    if (p.pack != pack) continue;
    if (year && ((p.year_from && *year < *p.year_from) || (p.year_to && *year > *p.year_to))) continue;
    if (level && !p.levels.empty() && std::find(p.levels.begin(), p.levels.end(), *level) == p.levels.end()) continue;
    return true;
  }
  return false;
}

namespace {

constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// What ApplyProfile works out once for a profile and the rules a report's results are of, kept per thread for the
// next report (a batch checks every report with one profile and one rule set): where each id the `same_as` groups
// name stands among the results (its first result; kAbsent when none) and the profile's label. It was ~110 K
// instructions a report to hash the named ids and walk every result's id (docs/performance.md). The results' rules
// are told by their ids' texts, held here: a rule's id is owned and counted (never borrowed), so while this holds
// a copy its address is never reused, and a result whose id is the very string held here is of the same rule.
struct ProfilePlaces {
  std::string name, path;                      // of the profile
  std::vector<std::vector<std::string>> groups;  // its same_as ids
  std::vector<SharedText> ids;                 // the results' rules' ids, in order
  std::vector<std::vector<std::size_t>> at;    // per group, per id: the result's index or kAbsent
  std::string label;                           // report.profile
};

bool SameProfile(const ProfilePlaces& kept, const Profile& profile) {
  if (kept.name != profile.name || kept.path != profile.path || kept.groups.size() != profile.same_as.size())
    return false;
  for (std::size_t g = 0; g < kept.groups.size(); ++g)
    if (kept.groups[g] != profile.same_as[g].rules) return false;
  return true;
}

bool SameRules(const ProfilePlaces& kept, const std::vector<RuleResult>& results) {
  if (kept.ids.size() != results.size()) return false;
  for (std::size_t i = 0; i < results.size(); ++i)
    if (&kept.ids[i].str() != &results[i].rule->id.str()) return false;
  return true;
}

const ProfilePlaces& PlacesOf(const Profile& profile, const std::vector<RuleResult>& results) {
  thread_local ProfilePlaces kept;
  if (SameProfile(kept, profile) && SameRules(kept, results)) return kept;
  kept = ProfilePlaces{profile.name, profile.path, {}, {}, {}, {}};
  kept.label = profile.name + "（" + std::filesystem::path(profile.path).filename().string() + "）";
  std::unordered_map<std::string_view, std::size_t> index;
  for (const auto& g : profile.same_as) {
    kept.groups.push_back(g.rules);
    for (const auto& id : g.rules)
      if (!id.empty()) index.emplace(id, kAbsent);
  }
  kept.ids.reserve(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    kept.ids.push_back(results[i].rule->id);
    if (auto it = index.find(results[i].rule->id.str()); it != index.end() && it->second == kAbsent) it->second = i;
  }
  for (const auto& g : profile.same_as) {
    auto& at = kept.at.emplace_back();
    for (const auto& id : g.rules) at.push_back(id.empty() ? kAbsent : index.at(id));
  }
  return kept;
}

}  // namespace

void ApplyProfile(const Profile& profile, Report& report) {
  const ProfilePlaces& places = PlacesOf(profile, report.results);
  report.profile = places.label;
  const auto& doc = report.document;
  std::map<std::string, bool> chosen;
  bool any_dropped = false;
  for (const auto& rs : report.rulesets) {
    bool c = ProfileChoosesPack(profile, rs.pack, doc.year, doc.level);
    chosen[rs.pack] = c;
    any_dropped = any_dropped || !c;
    if (c) report.profile_packs.push_back(rs.pack);
  }
  const std::string* pack = nullptr;  // results come grouped by pack: look its choice up once per run
  bool dropped = false;
  SharedText why;  // the dropped pack's message, one text for all its results
  for (std::size_t i = 0; any_dropped && i < report.results.size(); ++i) {
    RuleResult& r = report.results[i];
    if (!pack || *pack != r.rule->pack) {
      pack = &r.rule->pack;
      auto it = chosen.find(*pack);
      dropped = it != chosen.end() && !it->second;
      if (dropped)
        why = "督察口径“" + profile.name + "”不对本报告（" +
              (doc.year ? std::to_string(*doc.year) + " 年度" : std::string("年度不明")) + "）选用规则包 " + *pack;
    }
    if (!dropped || r.verdict == Verdict::kNotApplicable) continue;
    r.verdict = r.unwaived = Verdict::kNotApplicable;
    r.message = why;
    r.evidence.clear();
  }
  for (const auto& at : places.at) {
    std::vector<std::size_t> members;
    for (std::size_t i : at)
      if (i != kAbsent && Rank(report.results[i].verdict) > 0) members.push_back(i);
    if (members.size() < 2) continue;
    std::size_t best = members.front();
    for (std::size_t i : members)
      if (Rank(report.results[i].verdict) > Rank(report.results[best].verdict)) best = i;
    const std::string primary = report.results[best].rule->id.str();
    std::vector<std::string> others;
    for (std::size_t i : members) {
      if (i == best) continue;
      RuleResult& m = report.results[i];
      m.extras.Mutable().same_as = primary;
      m.weight = 0;
      others.push_back(m.rule->id.str());
    }
    report.results[best].extras.Mutable().also_cites = std::move(others);
  }
}

}  // namespace fazhi
