// Rule-authoring mistakes a Chinese user makes (rules/authoring_lint.h): each caught at its line:column with a
// Chinese hint, and legitimate Chinese text — full-width punctuation inside quoted values and terms — never flagged.
// The golden cases in tests/golden/lint show the full messages; these pin the positions and the non-findings.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/sha256.h"
#include "rules/authoring_lint.h"
#include "rules/compile_context.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace fazhi::test;

namespace {

fazhi::Diagnostics Lint(const std::string& yaml) {
  fazhi::Diagnostics d;
  fazhi::LintYamlSource("rules.yaml", yaml, d);
  return d;
}

std::string Codes(const fazhi::Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += x.code + "@" + std::to_string(x.line) + ":" + std::to_string(x.column) + " ";
  return out;
}

const char* kPack = "pack: t\ntitle: 测试包\nversion: 1.0.0\n";

}  // namespace

TEST_CASE("full-width punctuation in YAML syntax positions is caught where it is", "[rules][lint][authoring]") {
  CHECK(Codes(Lint("rules:\n  - id: a\n    title：审核\n")) == "E-fullwidth-colon@3:10 ");
  CHECK(Codes(Lint("check:\n  mention: {any：[规范性文件]}\n")) == "E-fullwidth-colon@2:16 ");
  CHECK(Codes(Lint("rules:\n  － id: a\n")) == "E-fullwidth-dash@2:3 ");
  CHECK(Codes(Lint("any: ［规范性文件］\n")) == "E-fullwidth-bracket@1:6 ");
  CHECK(Codes(Lint("mention: ｛any: [x]｝\n")) == "E-fullwidth-bracket@1:10 ");
  CHECK(Codes(Lint("any: [a, b］\n")) == "E-fullwidth-bracket@1:11 ");
  CHECK(Codes(Lint("all: [[“@leaders”], [述法]]\n")) == "E-curly-vocabulary@1:8 ");
  CHECK(Codes(Lint("any: “@leaders”\n")) == "E-curly-vocabulary@1:6 ");
  CHECK(Codes(Lint("any: [“法律顾问”, 公职律师]\n")) == "W-curly-quotes@1:7 ");
  CHECK(Codes(Lint("a:\n\tb: 1\n")) == "E-tab@2:1 ");
  CHECK(Codes(Lint("a:\n　　b: 1\n")) == "E-fullwidth-space@2:1 ");
}

TEST_CASE("a Chinese comma splitting a term list warns; 、 only when the list has one term",
          "[rules][lint][authoring]") {
  CHECK(Codes(Lint("any: [法律顾问，公职律师]\n")) == "W-term-comma@1:11 ");
  CHECK(Codes(Lint("any: [法律顾问、公职律师]\n")) == "W-term-comma@1:11 ");
  CHECK(Codes(Lint("any:\n  [法律顾问、\n   公职律师]\n")) == "W-term-comma@2:8 ");
  // Several terms, one of them written as reports write it: no warning.
  CHECK(Lint("any: [区委、区政府, 市委、市政府, 先审查、后上会]\n").empty());
  // Quoted: the author means it whole.
  CHECK(Lint("any: [\"法律顾问，公职律师\"]\n").empty());
}

TEST_CASE("full-width punctuation in values and terms is Chinese text, not flagged", "[rules][lint][authoring]") {
  CHECK(Lint("title: 依据：《纲要》第五项\n").empty());
  CHECK(Lint("message: “谁执法谁普法”责任制未落实：应写明。\n").empty());
  CHECK(Lint("cite: \"《条例》［2021］第3号：一\"\n").empty());
  CHECK(Lint("any:\n  - 领导：批示\n  - ISO：9001\n").empty());
  CHECK(Lint("examples:\n  - text: |\n      一、主要工作情况：\n      title：这是正文\n      \t－  ［］\n    expect: pass\n")
            .empty());
  CHECK(Lint("a: 'it''s：ok'\nb: \"多行\n  文本：x\"\nc: 1\n").empty());
  CHECK(Lint("# 注释：title：x\nkey: v # 说明：y\n").empty());
}

TEST_CASE("a misaligned key names the key it should align with", "[rules][lint][authoring]") {
  auto d = Lint("rules:\n  - id: a\n    check:\n      mention:\n        any: [x]\n     severity: high\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "E-indentation");
  CHECK(d[0].line == 6);
  CHECK(d[0].column == 6);
  CHECK(d[0].message.find("`severity`") != std::string::npos);
  CHECK(d[0].message.find("`mention`") != std::string::npos);  // the sibling it missed
  CHECK(d[0].message.find("`check`") != std::string::npos);    // and the level above
  auto deeper = Lint("rules:\n  - id: a\n    title: 审核\n     cite: 纲要\n");
  REQUIRE(deeper.size() == 1);
  CHECK(Codes(deeper) == "E-indentation@4:6 ");
  CHECK(deeper[0].message.find("`title`") != std::string::npos);
  // Well-formed nesting, sequences at the key's indentation and items of maps: nothing.
  CHECK(Lint("rules:\n- id: a\n  check:\n    mention:\n      any:\n      - x\n      - y\n  title: t\n- id: b\n").empty());
  CHECK(Lint("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n").empty());
  CHECK(Lint("a: 很长的\n  续行文字\nb: 2\n").empty());
}

TEST_CASE("the shipped packs have none of these mistakes", "[rules][lint][authoring]") {
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() / "rules")) {
    if (e.path().extension() != ".yaml") continue;
    fazhi::Diagnostics d;
    std::string text = ReadFile(e.path());
    INFO(e.path().string());
    CHECK(fazhi::DecodeRuleText(e.path().string(), text, d));
    CHECK_FALSE(fazhi::LintYamlSource(e.path().string(), text, d));
    CHECK(Codes(d) == "");
  }
}

TEST_CASE("a GBK or UTF-16 rule file is read as what it says, with a warning", "[rules][lint][authoring]") {
  const std::string utf8 = "rules:\n  - id: a\n    title: 法律顾问\n    cite: 纲要\n    check:\n"
                           "      mention: {any: [法律顾问, 公职律师]}\n";
  // GB18030 bytes of the same text (法律顾问 = B7A8 C2C9 B9CB CECA).
  fazhi::Diagnostics d;
  std::string gbk = utf8;
  {
    std::string to;
    std::size_t at = 0;
    for (std::size_t p; (p = gbk.find("法律顾问", at)) != std::string::npos; at = p + 12) to += gbk.substr(at, p - at) + "\xB7\xA8\xC2\xC9\xB9\xCB\xCE\xCA";
    to += gbk.substr(at);
    gbk = to;
  }
  // The rest (纲要, 公职律师) in GB18030 too.
  auto replace = [](std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  };
  replace(gbk, "纲要", "\xB8\xD9\xD2\xAA");
  replace(gbk, "公职律师", "\xB9\xAB\xD6\xB0\xC2\xC9\xCA\xA6");
  std::string text = gbk;
  REQUIRE(fazhi::DecodeRuleText("rules.yaml", text, d));
  CHECK(text == utf8);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "W-encoding");
  CHECK(d[0].message.find("GB18030") != std::string::npos);

  // UTF-16LE with its BOM (Notepad's "Unicode").
  std::string utf16 = "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    if (c < 0x80) cp = c, i += 1;
    else if (c < 0xE0) cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F), i += 2;
    else cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F), i += 3;
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
  }
  d.clear();
  text = utf16;
  REQUIRE(fazhi::DecodeRuleText("rules.yaml", text, d));
  CHECK(text == utf8);
  CHECK(Codes(d) == "W-encoding@0:0 ");

  // Loaded: the terms are the Chinese words, not mojibake.
  fazhi::InMemoryPack pack;
  pack.pack_yaml = kPack;
  pack.rule_files["rules.yaml"] = gbk;
  fazhi::LoadOptions opts;
  fazhi::Diagnostics ld;
  auto set = fazhi::LoadRuleSetFromStrings(pack, opts, ld);
  CHECK_FALSE(fazhi::HasErrors(ld));
  const auto& terms = set->matcher().terms();
  CHECK(std::find(terms.begin(), terms.end(), "法律顾问") != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), "公职律师") != terms.end());
}

TEST_CASE("bytes of no certain encoding are refused, never read as mojibake", "[rules][lint][authoring]") {
  fazhi::Diagnostics d;
  std::string text = "rules:\n  - id: a\n    title: \xFF\xFE\xFD\x80\x81\xFF\n";
  CHECK_FALSE(fazhi::DecodeRuleText("rules.yaml", text, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "E-encoding");
  d.clear();
  text = "\xEF\xBB\xBFrules: []\n";
  CHECK(fazhi::DecodeRuleText("rules.yaml", text, d));
  CHECK(text == "rules: []\n");
  CHECK(Codes(d) == "W-bom@1:1 ");
}

TEST_CASE("Chinese values for severity, expect and levels map through the core name tables",
          "[rules][lint][authoring]") {
  fazhi::InMemoryPack pack;
  pack.pack_yaml = kPack;
  pack.rule_files["rules.yaml"] =
      "rules:\n  - id: a\n    title: 审核\n    cite: 纲要\n    severity: 严重\n    applies_to:\n"
      "      levels: [省, 市级, 区, 县, 乡镇, 街道, 部门]\n    check:\n      mention: {any: [规范性文件]}\n"
      "    examples:\n      - text: \"一、主要工作情况\\n审核规范性文件12件。\"\n        expect: 符合\n        level: 街道\n"
      "      - text: \"一、主要工作情况\\n无。\"\n        expect: 不符合\n";
  fazhi::LoadOptions opts;
  fazhi::Diagnostics d;
  auto set = fazhi::LoadRuleSetFromStrings(pack, opts, d);
  for (const auto& x : d) INFO(x.code + " " + x.message);
  CHECK_FALSE(fazhi::HasErrors(d));
  const fazhi::Rule* r = set->Find("t/a");
  REQUIRE(r);
  CHECK(r->severity == fazhi::Severity::kCritical);
  using L = fazhi::IssuerLevel;
  CHECK(r->applies.levels == std::vector<L>{L::kProvince, L::kCity, L::kDistrict, L::kCounty, L::kTownship,
                                            L::kTownship, L::kDepartment});
  REQUIRE(r->examples.size() == 2);
  CHECK(r->examples[0].expect == "pass");
  CHECK(r->examples[0].level == fazhi::IssuerLevel::kTownship);
  CHECK(r->examples[1].expect == "fail");
  // Not a severity in either language: still refused, naming the choices.
  pack.rule_files["rules.yaml"] = "rules:\n  - id: a\n    title: 审核\n    cite: 纲要\n    severity: 紧急\n"
                                  "    check:\n      mention: {any: [规范性文件]}\n";
  d.clear();
  fazhi::LoadRuleSetFromStrings(pack, opts, d);
  CHECK(fazhi::HasErrors(d));
}

TEST_CASE("a file with authoring warnings warns on every run, cache or not", "[rules][lint][authoring]") {
  TempDir tmp;
  WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", kPack);
  WriteFile(tmp.path() / "rules" / "t" / "rules.yaml",
            "rules:\n  - id: a\n    title: 法律顾问\n    cite: 纲要\n    check:\n"
            "      mention: {any: [法律顾问，公职律师]}\n");
  WriteFile(tmp.path() / "rules" / "t" / "clean.yaml",
            "rules:\n  - id: b\n    title: 复议\n    cite: 纲要\n    check:\n      mention: {any: [行政复议]}\n");
  fazhi::LoadOptions opts;
  opts.dirs = {(tmp.path() / "rules").string()};
  opts.cache_dir = (tmp.path() / "cache").string();
  for (int run = 0; run < 2; ++run) {
    INFO("run " << run);
    fazhi::Diagnostics d;
    fazhi::LoadRuleSet(opts, d);
    CHECK(Codes(d) == "W-term-comma@6:27 ");
  }
  // Only the clean file was kept in the cache (and the embedded schema's tree, when this process parsed it first).
  const std::string schema = fazhi::Sha256Hex(fazhi::kSchemaYaml) + ".tree";
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "cache" / "yaml-4"))
    entries += e.path().extension() == ".tree" && e.path().filename() != schema;
  CHECK(entries == 2);  // pack.yaml and clean.yaml
}
