// What a warm load keeps from the parse cache besides the tree must give a cold load's diagnostics: a file whose maps
// repeat a key is reported on every load (the cache marks only trees found without one), a damaged mark is a miss,
// and a file missing from the cache among cached ones is parsed. Also the loader's whole-file reads (file_bytes.h).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "pipeline/compile.h"
#include "rules/file_bytes.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

struct Packs {
  test::TempDir tmp;
  Packs() {
    test::WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", "pack: t\ntitle: 测试\nversion: 1.0.0\n");
    test::WriteFile(tmp.path() / "rules" / "t" / "a.yaml",
                    "rules:\n  - {id: a, title: a, cite: c, check: {mention: {any: [出庭]}}}\n");
    // `cite` twice in one rule: E-duplicate-key.
    test::WriteFile(tmp.path() / "rules" / "t" / "b.yaml",
                    "rules:\n  - id: b\n    title: b\n    cite: c\n    check: {mention: {any: [复议]}}\n    cite: d\n");
  }
  fs::path cache() const { return tmp.path() / "cache"; }
  Diagnostics Load(bool cached = true) const {
    LoadOptions opts;
    opts.dirs = {(tmp.path() / "rules").string()};
    if (cached) opts.cache_dir = cache().string();
    Diagnostics diags;
    LoadRuleSet(opts, diags);
    return diags;
  }
};

std::vector<std::string> Codes(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.code + " " + d.file + ":" + std::to_string(d.line));
  return out;
}

TEST_CASE("a repeated key is reported by a warm load as by a cold one", "[rules][cache]") {
  Packs p;
  const auto cold = Codes(p.Load(false));
  REQUIRE(cold.size() == 1);
  CHECK(cold[0].rfind("E-duplicate-key ", 0) == 0);
  CHECK(Codes(p.Load()) == cold);  // writes the entries
  CHECK(Codes(p.Load()) == cold);  // reads them
}

TEST_CASE("a tree's no-repeated-key mark is read from its entry, and a damaged entry is a miss", "[rules][cache]") {
  Packs p;
  p.Load();
  // Mark every entry as free of repeated keys: b.yaml's key is then not looked for (the mark is what is read) ...
  std::size_t marked = 0;
  for (const auto& e : fs::directory_iterator(p.cache() / "yaml-4")) {
    if (e.path().extension() != ".tree") continue;
    std::string bytes = test::ReadFile(e.path());
    REQUIRE(bytes.size() > 12);
    bytes[8] = 1;
    test::WriteFile(e.path(), bytes);
    ++marked;
  }
  CHECK(marked >= 3);
  CHECK(p.Load().empty());
  // ... and an entry cut inside its flags is a miss: the file is parsed, walked and reported again.
  for (const auto& e : fs::directory_iterator(p.cache() / "yaml-4"))
    if (e.path().extension() == ".tree") test::WriteFile(e.path(), test::ReadFile(e.path()).substr(0, 10));
  CHECK(Codes(p.Load()) == Codes(p.Load(false)));
}

TEST_CASE("a file missing from a warm cache is parsed with the others read from it", "[rules][cache]") {
  Packs p;
  p.Load();
  test::WriteFile(p.tmp.path() / "rules" / "t" / "c.yaml",
                  "rules:\n  - {id: c, title: c, cite: c, check: {mention: {any: [纠错]}}}\n");
  LoadOptions opts;
  opts.dirs = {(p.tmp.path() / "rules").string()};
  opts.cache_dir = p.cache().string();
  Diagnostics warm, cold;
  auto warm_set = LoadRuleSet(opts, warm);
  opts.cache_dir.clear();
  auto cold_set = LoadRuleSet(opts, cold);
  CHECK(Codes(warm) == Codes(cold));
  CHECK(warm_set->RuleCount() == 3);
  CHECK(warm_set->RuleCount() == cold_set->RuleCount());
}

TEST_CASE("ReadFileBytes reads a whole file into a reused buffer and refuses what is not one", "[rules]") {
  test::TempDir tmp;
  const fs::path small = tmp.path() / "small", big = tmp.path() / "big";
  test::WriteFile(small, "abc");
  test::WriteFile(big, std::string(100000, 'x'));
  std::string buf;
  REQUIRE(ReadFileBytes(big.string(), 1 << 20, buf) == FileBytes::kRead);
  CHECK(buf == std::string(100000, 'x'));
  REQUIRE(ReadFileBytes(small.string(), 1 << 20, buf) == FileBytes::kRead);
  CHECK(buf == "abc");  // not the longer file's tail
  CHECK(buf.capacity() >= 100000);  // the buffer is kept
  // The buffer keeps its old bytes until a read overwrites them: every other answer leaves it empty.
  CHECK(ReadFileBytes(big.string(), 99999, buf) == FileBytes::kTooLarge);
  CHECK(buf.empty());
  CHECK(ReadFileBytes(big.string(), 100000, buf) == FileBytes::kRead);
  CHECK(buf == std::string(100000, 'x'));
  CHECK(ReadFileBytes((tmp.path() / "missing").string(), 1 << 20, buf) == FileBytes::kNotAFile);
  CHECK(buf.empty());
  REQUIRE(ReadFileBytes(small.string(), 1 << 20, buf) == FileBytes::kRead);
  REQUIRE(ReadFileBytes(big.string(), 1 << 20, buf) == FileBytes::kRead);  // grows again past the small file
  CHECK(buf == std::string(100000, 'x'));
  CHECK(ReadFileBytes(tmp.path().string(), 1 << 20, buf) == FileBytes::kNotAFile);  // a folder
  CHECK(buf.empty());
  // A FIFO would block an open for reading until a writer came: refused without waiting.
  const fs::path fifo = tmp.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(ReadFileBytes(fifo.string(), 1 << 20, buf) == FileBytes::kNotAFile);
  CHECK(buf.empty());
  test::WriteFile(tmp.path() / "empty", "");
  CHECK(ReadFileBytes((tmp.path() / "empty").string(), 1 << 20, buf) == FileBytes::kRead);
  CHECK(buf.empty());
}

// RuleSet::rules_by_term, built flat by IndexAnchors: each term lists the rules anchored on it in rule order, a term
// no rule is anchored on (a `none` word, a second group's word) lists none, and every term has a list.
TEST_CASE("rules by term list each term's anchored rules in rule order", "[rules]") {
  InMemoryPack pack;
  pack.pack_yaml = "pack: t\ntitle: 测试\nversion: 1.0.0\n";
  pack.rule_files["a.yaml"] =
      "rules:\n"
      "  - {id: a, title: a, cite: c, check: {mention: {any: [出庭, 应诉], none: [拟]}}}\n"
      "  - {id: b, title: b, cite: c, check: {mention: {all: [[复议], [决定]]}}}\n"
      "  - {id: c, title: c, cite: c, check: {mention: {any: [应诉]}}}\n"
      "  - {id: d, title: d, cite: c, not_checkable: 需人工, check: {mention: {any: [出庭]}}}\n";
  LoadOptions opts;
  Diagnostics diags;
  auto set = LoadRuleSetFromStrings(pack, opts, diags);
  REQUIRE(set);
  const TermMatcher& m = set->matcher();
  REQUIRE(set->rules_by_term().size() == m.size());
  auto rules_of = [&](std::string_view term) {
    for (TermId t = 0; t < m.size(); ++t)
      if (m.Term(t) == term) {
        const auto list = set->rules_by_term()[t];
        return std::vector<std::uint32_t>(list.begin(), list.end());
      }
    FAIL("no term " << term);
    return std::vector<std::uint32_t>();
  };
  CHECK(rules_of("出庭") == std::vector<std::uint32_t>{0});  // d is not checkable: not anchored
  CHECK(rules_of("应诉") == std::vector<std::uint32_t>{0, 2});
  CHECK(rules_of("复议") == std::vector<std::uint32_t>{1});
  CHECK(rules_of("决定").empty());
  CHECK(rules_of("拟").empty());
}

}  // namespace
}  // namespace fazhi
