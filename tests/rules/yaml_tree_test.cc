// YamlTree (what the rule loader reads) against yaml-cpp's own YAML::Node, its conversions, its binary cache form
// (corrupt input never crashes), and the parse cache on disk.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <random>

#include "core/sha256.h"
#include "fuzz/fuzz_targets.h"
#include "rules/compile_context.h"
#include "rules/yaml_cache.h"
#include "rules/yaml_tree.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

// Same shape, scalars, key order and positions as yaml-cpp gives; counts the nodes compared.
void SameTree(const YAML::Node& want, const YNode& got, const std::string& where, std::size_t& nodes) {
  ++nodes;
  INFO(where << " line " << want.Mark().line + 1);
  REQUIRE(got.IsDefined());
  CHECK(got.line() == want.Mark().line + 1);
  CHECK(got.column() == want.Mark().column + 1);
  switch (want.Type()) {
    case YAML::NodeType::Null: CHECK(got.IsNull()); break;
    case YAML::NodeType::Scalar:
      REQUIRE(got.IsScalar());
      CHECK(got.Scalar() == want.Scalar());
      break;
    case YAML::NodeType::Sequence: {
      REQUIRE(got.IsSequence());
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < want.size(); ++i) SameTree(want[i], got[i], where, nodes);
      break;
    }
    case YAML::NodeType::Map: {
      REQUIRE(got.IsMap());
      REQUIRE(got.size() == want.size());
      auto g = got.begin();
      for (auto w = want.begin(); w != want.end(); ++w, ++g) {
        auto item = *g;
        SameTree(w->first, item.first, where, nodes);
        SameTree(w->second, item.second, where, nodes);
      }
      break;
    }
    default: FAIL("undefined node in yaml-cpp's tree");
  }
}

std::vector<fs::path> YamlFilesUnder(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("YamlTree reads every shipped and golden rule file exactly as yaml-cpp does", "[rules][yaml]") {
  std::size_t files = 0, nodes = 0, errors = 0;
  for (const auto& dir : {test::SourceDir() / "rules", test::SourceDir() / "tests" / "golden" / "lint"}) {
    for (const auto& path : YamlFilesUnder(dir)) {
      std::string text = test::ReadFile(path);
      YamlParse got = ParseYamlTree(text);
      YAML::Node want;
      std::string want_error;
      int want_line = 0;
      try {
        want = YAML::Load(text);
      } catch (const YAML::Exception& e) {
        want_error = e.msg;
        want_line = e.mark.line + 1;
      }
      INFO(path.string());
      if (!want_error.empty()) {
        CHECK(got.error == want_error);
        CHECK(got.line == want_line);
        ++errors;
        continue;
      }
      if (text.find("&docs") != std::string::npos) {  // the alias golden case: refused, at the anchor
        CHECK(got.alias);
        CHECK(got.line == 6);
        continue;
      }
      REQUIRE(got.error.empty());
      if (!want || want.IsNull()) {
        CHECK((!got.tree || got.tree->root().IsNull()));
        continue;
      }
      REQUIRE(got.tree);
      SameTree(want, got.tree->root(), path.string(), nodes);
      ++files;
    }
  }
  CHECK(files > 35);
  CHECK(nodes > 10000);
  CHECK(errors >= 1);  // the yaml-syntax golden case
}

TEST_CASE("YamlTree conversions agree with yaml-cpp's", "[rules][yaml]") {
  for (std::string s : {"0", "12", "-7", "+3", "2015", "1.5", "-0.25", "1e3", ".5", "3.", "0x1F", "abc", "",
                        "true", "True", "TRUE", "tRUE", "yes", "no", "on", "Off", "y", "N", "1 ", " 1", "12a",
                        "99999999999999999999", "-9223372036854775808", ".inf", "-.Inf", ".nan", "inf", "nan",
                        "1_000", "0.5.1", "--1"}) {
    INFO("scalar `" << s << "`");
    YAML::Node want = YAML::Load("v: \"" + s + "\"")["v"];
    YamlParse parsed = ParseYamlTree("v: \"" + s + "\"");
    REQUIRE(parsed.tree);
    YNode got = parsed.tree->root()["v"];
    bool b = false;
    bool want_bool = YAML::convert<bool>::decode(want, b);
    REQUIRE(got.AsBool().has_value() == want_bool);
    if (want_bool) CHECK(*got.AsBool() == b);
    double d = 0;
    bool want_double = YAML::convert<double>::decode(want, d);
    CHECK(got.AsDouble().has_value() == want_double);
    if (want_double && got.AsDouble() && !std::isnan(d)) CHECK(*got.AsDouble() == d);
    long long i = 0;
    bool want_int = YAML::convert<long long>::decode(want, i);
    if (s != "0x1F") {  // yaml-cpp also reads octal/hex by stream rules; decimal is what rule files use
      CHECK(got.AsInt().has_value() == want_int);
      if (want_int && got.AsInt()) CHECK(*got.AsInt() == i);
    }
  }
  YamlParse p = ParseYamlTree("a: 1\nb: [x, y]\nc: {d: e}\nn: ~\n");
  REQUIRE(p.tree);
  YNode root = p.tree->root();
  CHECK(root["a"].AsInt(0) == 1);
  CHECK(root["b"].size() == 2);
  CHECK(root["b"][1].Scalar() == "y");
  CHECK_FALSE(root["b"][2]);
  CHECK(root["c"]["d"].Scalar() == "e");
  CHECK(root["n"].IsNull());
  CHECK(root["n"].IsDefined());
  CHECK_FALSE(root["missing"]);
  CHECK_FALSE(root["a"]["x"]);  // a scalar has no keys: undefined, no exception
  CHECK(root["missing"].line() == 0);
  CHECK(root["a"].AsInt(7) == 1);
  CHECK(root["c"].AsInt(7) == 7);
}

TEST_CASE("anchors and aliases are refused with a position", "[rules][yaml]") {
  YamlParse p = ParseYamlTree("a: &x [1, 2]\nb: *x\n");
  CHECK_FALSE(p.tree);
  CHECK(p.alias);
  CHECK(p.error.find("anchors and aliases") != std::string::npos);
  CHECK(p.line == 1);
  // The exponential alias graph ("billion laughs") never gets built.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  CHECK_FALSE(ParseYamlTree(bomb).tree);
}

TEST_CASE("the cache form round-trips and corrupt bytes never crash the decoder", "[rules][yaml]") {
  std::string text = test::ReadFile(test::SourceDir() / "rules" / "report" / "pack.yaml");
  YamlParse p = ParseYamlTree(text);
  REQUIRE(p.tree);
  std::string bytes = p.tree->Serialize();
  auto back = YamlTree::Deserialize(bytes);
  REQUIRE(back);
  CHECK(back->Serialize() == bytes);
  CHECK(back->node_count() == p.tree->node_count());
  // Every truncation is refused.
  for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 50) CHECK_FALSE(YamlTree::Deserialize(bytes.substr(0, n)));
  // Random byte changes: either refused or a valid tree (walkable, every node visited once).
  std::mt19937 rng(42);
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string bad = bytes;
    for (int k = 0; k < 3; ++k) bad[rng() % bad.size()] = static_cast<char>(rng() & 0xff);
    auto t = YamlTree::Deserialize(bad);
    if (!t) {
      ++refused;
      continue;
    }
    CHECK(fuzz::WalkTree(*t) <= t->node_count());  // every node reached once: no cycle, no shared subtree
  }
  CHECK(refused > 0);
  CHECK_FALSE(YamlTree::Deserialize(""));
  CHECK_FALSE(YamlTree::Deserialize("FZYT"));
}

TEST_CASE("the parse cache writes an entry, reads it back and replaces a corrupt one", "[rules][yaml]") {
  test::TempDir tmp;
  YamlCache cache(tmp.path().string());
  std::string text = test::ReadFile(test::SourceDir() / "rules" / "duty" / "pack.yaml");
  std::string sha = Sha256Hex(text);
  fs::path entry = tmp.path() / "yaml-4" / (sha + ".tree");
  YamlParse first = cache.Parse(text, sha, true, 7);
  REQUIRE(first.tree);
  REQUIRE(fs::exists(entry));
  // "FZYD", the depth (little-endian), the flags (none: Parse has not looked for repeated keys), then the tree
  const std::string stored = test::ReadFile(entry);
  CHECK(stored == std::string("FZYD\x07\0\0\0\0\0\0\0", 12) + first.tree->Serialize());
  // A hit gives the same tree (the entry is what is read: change a scalar in it and the change shows).
  YamlParse second = cache.Parse(text, sha);
  REQUIRE(second.tree);
  CHECK(second.tree->Serialize() == first.tree->Serialize());
  CHECK(second.depth == 7);  // the depth measured when the entry was written, not the call's
  CHECK_FALSE(second.no_duplicate_keys);
  // Store keeps what the loader found: no repeated key.
  cache.Store(sha, *first.tree, 7, true);
  CHECK(test::ReadFile(entry) == std::string("FZYD\x07\0\0\0\x01\0\0\0", 12) + first.tree->Serialize());
  CHECK(cache.Lookup(sha)->no_duplicate_keys);
  // An entry of the tree alone (yaml-2's form), of yaml-3's form (no flags) or cut inside the depth is a miss.
  for (const std::string& bad : {first.tree->Serialize(), stored.substr(0, 6), stored.substr(0, 8) + stored.substr(12)}) {
    test::WriteFile(entry, bad);
    CHECK_FALSE(cache.Lookup(sha));
  }
  // Corrupt entry → a miss, the text is parsed again and the entry rewritten.
  test::WriteFile(entry, "FZYT garbage");
  YamlParse third = cache.Parse(text, sha);
  REQUIRE(third.tree);
  CHECK(third.tree->Serialize() == first.tree->Serialize());
  CHECK(test::ReadFile(entry) == std::string("FZYD\xff\xff\xff\xff\0\0\0\0", 12) + first.tree->Serialize());  // no depth
  CHECK(cache.Lookup(sha)->depth == -1);
  // Syntax errors are not cached.
  std::string broken = "a: [1, 2\n";
  YamlParse err = cache.Parse(broken, Sha256Hex(broken));
  CHECK_FALSE(err.error.empty());
  CHECK_FALSE(fs::exists(tmp.path() / "yaml-4" / (Sha256Hex(broken) + ".tree")));
  // No cache folder: parsing still works.
  YamlCache none("");
  CHECK_FALSE(none.enabled());
  CHECK(none.Parse(text, sha).tree);
  YamlCache unwritable("/proc/fazhi-no-such-dir");
  CHECK(unwritable.Parse(text, sha).tree);
}

TEST_CASE("fazhi check gives the same report from a cold and a warm parse cache", "[rules][yaml][e2e]") {
  test::TempDir tmp;
  fs::path cache = tmp.path() / "cache";
  ::setenv("FAZHI_CACHE_DIR", cache.c_str(), 1);
  auto cold = test::RunFazhi({"check", "--format", "json", "reports/samples/hongqiao-2020.txt"});
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(cache / "yaml-4")) entries += e.path().extension() == ".tree";
  auto warm = test::RunFazhi({"check", "--format", "json", "reports/samples/hongqiao-2020.txt"});
  // The embedded schema goes through the same cache; a corrupt entry of it is a miss, parsed again.
  fs::path schema_entry = cache / "yaml-4" / (Sha256Hex(kSchemaYaml) + ".tree");
  CHECK(fs::exists(schema_entry));
  test::WriteFile(schema_entry, "FZYT not a tree at all");
  auto corrupt = test::RunFazhi({"check", "--format", "json", "reports/samples/hongqiao-2020.txt"});
  ::setenv("FAZHI_CACHE_DIR", "off", 1);
  auto off = test::RunFazhi({"check", "--format", "json", "reports/samples/hongqiao-2020.txt"});
  CHECK(cold.exit_code == 0);
  CHECK(entries >= 30);        // one per shipped rule file
  CHECK(warm.exit_code == cold.exit_code);
  CHECK(warm.out == cold.out);
  CHECK(corrupt.out == cold.out);
  CHECK(corrupt.err == cold.err);
  CHECK(off.out == cold.out);
}

}  // namespace
}  // namespace fazhi
