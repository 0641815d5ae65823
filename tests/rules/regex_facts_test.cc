// A regex rule's facts in the parse cache (rules/yaml_cache.h, evaluate/checks/regex.cc): a warm load takes the
// pattern's program size and anchor atoms from the cache and compiles the pattern on its first evaluation. The
// verdicts must be a cold load's; an edited pattern (same size, same mtime) must be seen; a damaged entry must be
// ignored and rewritten; a lint (no cache) still compiles and reports every pattern.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "evaluate/doc_builder.h"
#include "pipeline/check.h"
#include "pipeline/compile.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

// Of one byte length (every Han character is three bytes; the broken one has "(" where the first has "[").
constexpr const char* kRate = "(出庭应诉率|出庭率)[^。]{0,30}?(至|达)(8[0-9]|9[0-9]|100)%";
constexpr const char* kPlan = "(复议纠错率|纠错率)[^。]{0,30}?(至|达)(8[0-9]|9[0-9]|100)%";
constexpr const char* kBroken = "(出庭应诉率|出庭率)(^。]{0,30}?(至|达)(8[0-9]|9[0-9]|100)%";

struct Folder {
  test::TempDir tmp;
  fs::path rules_file() const { return tmp.path() / "rules" / "t" / "rules.yaml"; }
  fs::path cache() const { return tmp.path() / "cache"; }
  void Write(const std::string& pattern) const {
    test::WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", "pack: t\ntitle: 测试\nversion: 1.0.0\n");
    test::WriteFile(rules_file(), "rules:\n  - {id: rate, title: r, cite: c, check: {regex: {pattern: \"" +
                                      pattern + "\"}}}\n");
  }
  std::unique_ptr<RuleSet> Load(Diagnostics& diags, bool cached = true) const {
    LoadOptions opts;
    opts.dirs = {(tmp.path() / "rules").string()};
    if (cached) opts.cache_dir = cache().string();
    auto set = LoadRuleSet(opts, diags);
    BuildSharedResults(*set);
    return set;
  }
  std::vector<fs::path> Facts() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(cache() / "yaml-4", ec))
      if (e.path().extension() == ".facts") out.push_back(e.path());
    return out;
  }
};

const Document& Text() {
  static const Document doc = test::BuildDocument(
      {{SectionRole::kMeasures, {"一、主要举措", "全年行政机关负责人出庭应诉率达92%。复议纠错率达85%。"}}});
  return doc;
}

Verdict VerdictOf(const RuleSet& set) {
  CheckOptions opts;
  Report report = CheckDocument(Text(), set, opts);
  REQUIRE(report.results.size() == 1);
  return report.results[0].verdict;
}

TEST_CASE("a warm load of a regex rule takes its facts from the cache and gives the cold verdicts", "[rules][cache]") {
  Folder f;
  f.Write(kRate);
  Diagnostics cold_diags, warm_diags, off_diags;
  auto cold = f.Load(cold_diags);
  REQUIRE(f.Facts().size() == 1);
  const std::string entry = test::ReadFile(f.Facts()[0]);
  auto warm = f.Load(warm_diags);
  auto off = f.Load(off_diags, false);
  CHECK(cold_diags.empty());
  CHECK(warm_diags.empty());
  CHECK(test::AnchorTerms(*warm, "t/rate") == std::vector<std::string>{"出庭应诉率", "出庭率"});
  CHECK(test::AnchorTerms(*warm, "t/rate") == test::AnchorTerms(*cold, "t/rate"));
  CHECK(test::AnchorTerms(*off, "t/rate") == test::AnchorTerms(*cold, "t/rate"));
  CHECK(VerdictOf(*cold) == Verdict::kPass);
  CHECK(VerdictOf(*off) == Verdict::kPass);
  // The warm set compiles the pattern on first use: from two threads at once, both see it compiled once.
  Verdict a = Verdict::kError, b = Verdict::kError;
  std::thread t1([&] { a = VerdictOf(*warm); }), t2([&] { b = VerdictOf(*warm); });
  t1.join();
  t2.join();
  CHECK(a == Verdict::kPass);
  CHECK(b == Verdict::kPass);
  CHECK(test::ReadFile(f.Facts()[0]) == entry);  // a hit leaves the entry as it was
}

TEST_CASE("an edited pattern of the same size and mtime is seen by the next warm load", "[rules][cache]") {
  Folder f;
  f.Write(kRate);
  Diagnostics d1;
  auto first = f.Load(d1);
  REQUIRE(VerdictOf(*first) == Verdict::kPass);
  const auto size = fs::file_size(f.rules_file());
  const auto mtime = fs::last_write_time(f.rules_file());
  f.Write(kBroken);  // a broken pattern: the loader must compile it and say so
  fs::last_write_time(f.rules_file(), mtime);
  REQUIRE(fs::file_size(f.rules_file()) == size);
  Diagnostics d2;
  auto broken = f.Load(d2);
  REQUIRE(d2.size() == 1);
  CHECK(d2[0].code == "E-bad-regex");
  CHECK(VerdictOf(*broken) != Verdict::kPass);
  f.Write(kPlan);  // another valid pattern: its own anchors, not the cached ones of the first
  fs::last_write_time(f.rules_file(), mtime);
  REQUIRE(fs::file_size(f.rules_file()) == size);
  Diagnostics d3;
  auto plan = f.Load(d3);
  CHECK(d3.empty());
  CHECK(test::AnchorTerms(*plan, "t/rate") == std::vector<std::string>{"复议纠错率", "纠错率"});
  Diagnostics d4;
  auto plan_warm = f.Load(d4);
  CHECK(test::AnchorTerms(*plan_warm, "t/rate") == std::vector<std::string>{"复议纠错率", "纠错率"});
  CHECK(VerdictOf(*plan_warm) == Verdict::kPass);
}

TEST_CASE("a damaged or truncated facts entry is ignored and rewritten", "[rules][cache]") {
  Folder f;
  f.Write(kRate);
  Diagnostics d0;
  f.Load(d0);
  REQUIRE(f.Facts().size() == 1);
  const fs::path path = f.Facts()[0];
  const std::string good = test::ReadFile(path);
  // Each damage: another atom of the same length (only the checksum tells), a cut, a cut checksum, an empty file.
  std::string other_atom = good;
  std::size_t at = other_atom.rfind("出庭率");  // the last atom, after the key that holds the pattern
  REQUIRE(at != std::string::npos);
  other_atom.replace(at, std::string("出庭率").size(), "纠错率");
  for (const std::string& damaged : {other_atom, good.substr(0, good.size() / 2), good.substr(0, good.size() - 1),
                                     std::string()}) {
    test::WriteFile(path, damaged);
    Diagnostics diags;
    auto set = f.Load(diags);
    CHECK(diags.empty());
    CHECK(test::AnchorTerms(*set, "t/rate") == std::vector<std::string>{"出庭应诉率", "出庭率"});
    CHECK(VerdictOf(*set) == Verdict::kPass);
    CHECK(test::ReadFile(path) == good);
  }
}

TEST_CASE("a cached pattern over a lower size limit is still refused", "[rules][cache]") {
  Folder f;
  f.Write(kRate);
  Diagnostics d0;
  f.Load(d0);
  REQUIRE(d0.empty());
  LoadOptions opts;
  opts.dirs = {(f.tmp.path() / "rules").string()};
  opts.cache_dir = f.cache().string();
  opts.limits.max_regex_program = 10;
  Diagnostics warm, cold;
  LoadRuleSet(opts, warm);
  opts.cache_dir.clear();
  LoadRuleSet(opts, cold);
  REQUIRE(warm.size() == 1);
  CHECK(warm[0].code == "E-regex-too-large");
  REQUIRE(cold.size() == 1);
  CHECK(warm[0].message == cold[0].message);
}

// The parse cache keeps each file's nesting depth with its tree, so a warm load skips measuring it: a limit lowered
// below a cached file's depth must still refuse it, exactly as a cold load does.
TEST_CASE("a cached rule file deeper than a lowered depth limit is still refused", "[rules][cache]") {
  Folder f;
  f.Write(kRate);
  test::WriteFile(f.tmp.path() / "rules" / "t" / "deep.yaml",
                  "rules:\n  - {id: deep, title: d, cite: c, check: {any: [{any: [{any: [{mention: {any: [出庭]}}]}]}]}}\n");
  LoadOptions opts;
  opts.dirs = {(f.tmp.path() / "rules").string()};
  opts.cache_dir = f.cache().string();
  Diagnostics first;
  LoadRuleSet(opts, first);
  REQUIRE(first.empty());
  opts.limits.max_yaml_depth = 6;
  Diagnostics warm, cold;
  auto warm_set = LoadRuleSet(opts, warm);
  opts.cache_dir.clear();
  auto cold_set = LoadRuleSet(opts, cold);
  REQUIRE(cold.size() == 1);
  CHECK(cold[0].code == "E-too-deep");
  REQUIRE(warm.size() == 1);
  CHECK(warm[0].code == cold[0].code);
  CHECK(warm[0].file == cold[0].file);
  CHECK(warm_set->RuleCount() == cold_set->RuleCount());
  CHECK(warm_set->RuleCount() == 1);  // rules.yaml (depth 5 or less) loads either way
}

}  // namespace
}  // namespace fazhi
