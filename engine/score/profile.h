// Audit profiles (督察口径, docs/scoring.md): which packs a report is checked against, chosen by its covered year and
// level, and which requirements of different packs are the same (`same_as`), so that a requirement is one row of
// the 台账 citing every source and is scored once. The shipped default is rules/profile.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/report.h"

namespace fazhi {

struct ProfilePack {
  std::string pack;
  std::optional<int> year_from, year_to;  // the covered years it is chosen for (none: every year)
  std::vector<std::string> levels;        // issuer levels (core/levels.h); empty: every level
  int line = 0;
};

struct SameAs {
  std::vector<std::string> rules;  // "<pack>/<id>", the first is preferred when verdicts tie
  int line = 0;
};

struct Profile {
  std::string name, path;
  std::vector<ProfilePack> packs;  // empty: every loaded pack
  std::vector<SameAs> same_as;
};

// Parses a profile; a file that is not one throws InputError (E-profile) naming the file, line and problem.
Profile ParseProfile(const std::string& path, const std::string& text);
// `cache_dir`: the parse cache folder (rules/yaml_cache.h; "" = parse every time), as the rule loader's.
Profile LoadProfile(const std::string& path, const Limits& limits = {}, const std::string& cache_dir = "");

// Lint: every pack and every `same_as` rule must exist among the loaded ones (E-profile-unknown-rule,
// E-profile-unknown-pack, with "did you mean"); a rule in two groups or a group of one is an error too.
Diagnostics LintProfile(const Profile& profile, const std::vector<std::string>& rule_ids,
                        const std::vector<std::string>& pack_ids);

// Whether the profile chooses `pack` for a report of this year and level (unknown year or level: chosen).
bool ProfileChoosesPack(const Profile& profile, const std::string& pack, const std::optional<int>& year,
                        const std::optional<std::string>& level);

// Before waivers and scoring: results of packs the profile does not choose become not_applicable (with the reason);
// in each `same_as` group the result with the best verdict (pass > partial > fail; ties: the first listed) stands
// for the requirement and lists the others in `also_cites`; each other gets `same_as` and weight 0 (scored once).
// Sets report.profile and report.profile_packs.
void ApplyProfile(const Profile& profile, Report& report);

}  // namespace fazhi
