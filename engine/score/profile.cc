// Audit profiles (see profile.h).
#include "score/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.h"
#include "core/levels.h"
#include "core/regular_file.h"
#include "core/sha256.h"
#include "core/text.h"
#include "rules/yaml_cache.h"
#include "rules/yaml_tree.h"

namespace fazhi {

namespace {

[[noreturn]] void Fail(const std::string& path, const YNode& at, const std::string& message) {
  int line = at.line();
  std::string where = line > 0 ? fmt::format("{}:{}", path, line) : path;
  throw InputError(path, "E-profile", fmt::format("{}: 督察口径文件 (profile): {}", where, message));
}

int LineOf(const YNode& n) { return n.line(); }

std::optional<int> Year(const std::string& path, const YNode& v) {
  if (!v.IsScalar()) Fail(path, v, "`years` must be [FROM, TO] with years like 2021");
  if (auto y = v.AsInt(); y && *y >= 1949 && *y <= 2100) return static_cast<int>(*y);
  Fail(path, v, "`" + v.Scalar() + "` is not a year like 2021");
}

ProfilePack ParsePack(const std::string& path, const YNode& entry) {
  ProfilePack p;
  p.line = LineOf(entry);
  if (entry.IsScalar()) {
    p.pack = entry.Scalar();
    return p;
  }
  if (!entry.IsMap()) Fail(path, entry, "each entry of `packs` is a pack id or {pack: ID, years: [FROM, TO], levels: […]}");
  for (const auto& kv : entry) {
    const std::string& key = kv.first.Scalar();
    if (key != "pack" && key != "years" && key != "levels")
      Fail(path, kv.first, fmt::format("unknown key `{}` in a pack entry (pack, years, levels)", key));
  }
  if (!entry["pack"] || !entry["pack"].IsScalar() || entry["pack"].Scalar().empty())
    Fail(path, entry, "a pack entry needs `pack: ID`");
  p.pack = entry["pack"].Scalar();
  if (const YNode y = entry["years"]) {
    if (!y.IsSequence() || y.size() != 2) Fail(path, y, "`years` must be [FROM, TO]");
    p.year_from = Year(path, y[0]);
    p.year_to = Year(path, y[1]);
    if (*p.year_from > *p.year_to) Fail(path, y, "`years` must be [FROM, TO] with FROM ≤ TO");
  }
  if (const YNode l = entry["levels"]) {
    if (!l.IsSequence()) Fail(path, l, "`levels` must be a list of issuer levels");
    for (const auto& item : l) {
      std::string level = item.IsScalar() ? item.Scalar() : std::string();
      const auto& known = IssuerLevels();
      if (std::find(known.begin(), known.end(), level) == known.end()) {
        std::string near = ClosestMatch(level, known);
        Fail(path, item, fmt::format("unknown level `{}`{}", level, near.empty() ? "" : "; did you mean `" + near + "`?"));
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
    throw InputError(path, "E-profile", fmt::format("{}:{}:{}: 督察口径文件 (profile): not valid YAML: {}", path,
                                                    parsed.line, parsed.column, parsed.error));
  const YNode root = parsed.tree ? parsed.tree->root() : YNode();
  if (!root.IsMap()) Fail(path, root, "expected a map with `profile`, `packs` and `same_as`");
  Profile p;
  p.path = path;
  for (const auto& kv : root) {
    const std::string& key = kv.first.Scalar();
    if (key != "profile" && key != "packs" && key != "same_as")
      Fail(path, kv.first, fmt::format("unknown top-level key `{}` (profile, packs, same_as)", key));
  }
  if (!root["profile"] || !root["profile"].IsScalar() || root["profile"].Scalar().empty())
    Fail(path, root, "`profile: 名称` is missing (the name the cover sheet shows)");
  p.name = root["profile"].Scalar();
  if (const YNode packs = root["packs"]) {
    if (!packs.IsSequence()) Fail(path, packs, "`packs` must be a list");
    for (const auto& e : packs) p.packs.push_back(ParsePack(path, e));
  }
  if (const YNode groups = root["same_as"]) {
    if (!groups.IsSequence()) Fail(path, groups, "`same_as` must be a list of groups like [outline-2015/13, ledger-100/024]");
    for (const auto& g : groups) {
      if (!g.IsSequence()) Fail(path, g, "each `same_as` group is a list of rule ids: [outline-2015/13, ledger-100/024]");
      SameAs group;
      group.line = LineOf(g);
      for (const auto& id : g) {
        if (!id.IsScalar() || id.Scalar().find('/') == std::string::npos)
          Fail(path, id, "a rule id is written <pack>/<id>, e.g. ledger-100/024");
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
    throw InputError(path, e.code(), path + ": 督察口径文件 (profile) [" + e.code() + "]: " + e.what());
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
      d.push_back({Level::kError, "E-profile-unknown-pack", "督察口径选用的规则包 `" + p.pack + "` 未加载",
                   profile.path, p.line, 0, near.empty() ? "" : "did you mean `" + near + "`?"});
    }
  std::set<std::string> known(rule_ids.begin(), rule_ids.end());
  std::map<std::string, int> seen;  // rule → line of its first group
  for (const auto& g : profile.same_as) {
    if (g.rules.size() < 2)
      d.push_back({Level::kError, "E-profile-same-as", "same_as 组只有一条规则，不构成等同关系", profile.path, g.line,
                   0, "a group names two or more rules: [outline-2015/13, ledger-100/024]"});
    for (const auto& id : g.rules) {
      if (!known.count(id)) {
        std::string near = ClosestMatch(id, rule_ids);
        d.push_back({Level::kError, "E-profile-unknown-rule", "same_as 中的规则 `" + id + "` 不存在", profile.path,
                     g.line, 0, near.empty() ? "" : "did you mean `" + near + "`?"});
      }
      auto [it, fresh] = seen.emplace(id, g.line);
      if (!fresh)
        d.push_back({Level::kError, "E-profile-same-as",
                     "规则 `" + id + "` 出现在两个 same_as 组中（第 " + std::to_string(it->second) + " 行和第 " +
                         std::to_string(g.line) + " 行）",
                     profile.path, g.line, 0, "merge the two groups into one"});
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

void ApplyProfile(const Profile& profile, Report& report) {
  report.profile = profile.name + "（" + std::filesystem::path(profile.path).filename().string() + "）";
  const auto& doc = report.document;
  std::map<std::string, bool> chosen;
  for (const auto& rs : report.rulesets) {
    bool c = ProfileChoosesPack(profile, rs.pack, doc.year, doc.level);
    chosen[rs.pack] = c;
    if (c) report.profile_packs.push_back(rs.pack);
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    RuleResult& r = report.results[i];
    index.emplace(r.rule->id.str(), i);
    auto it = chosen.find(r.rule->pack);
    if (it == chosen.end() || it->second || r.verdict == Verdict::kNotApplicable) continue;
    r.verdict = r.unwaived = Verdict::kNotApplicable;
    r.message = "督察口径“" + profile.name + "”不对本报告（" +
                (doc.year ? std::to_string(*doc.year) + " 年度" : std::string("年度不明")) + "）选用规则包 " + r.rule->pack;
    r.evidence.clear();
  }
  for (const auto& g : profile.same_as) {
    std::vector<std::size_t> members;
    for (const auto& id : g.rules)
      if (auto it = index.find(id); it != index.end() && Rank(report.results[it->second].verdict) > 0)
        members.push_back(it->second);
    if (members.size() < 2) continue;
    std::size_t best = members.front();
    for (std::size_t i : members)
      if (Rank(report.results[i].verdict) > Rank(report.results[best].verdict)) best = i;
    const std::string primary = report.results[best].rule->id.str();
    std::vector<std::string> others;
    for (std::size_t i : members) {
      if (i == best) continue;
      RuleResult& m = report.results[i];
      m.same_as = primary;
      m.weight = 0;
      others.push_back(m.rule->id.str());
    }
    report.results[best].also_cites = std::move(others);
  }
}

}  // namespace fazhi
