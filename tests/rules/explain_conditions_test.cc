// `fazhi rules explain RULE` prints a rule's conditions as a tree (issue #15 item 2): in Chinese by default — each
// line says what it asks in words, with the key the rule file uses in brackets, and the parts by the names an
// auditor knows — and in English with --lang en. One rule uses every check type and every mention option, so a
// condition printed in the wrong language or losing an option shows here.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {

const char* kPack = "pack: t\ntitle: 测试包\nversion: 1.0.0\n";
const char* kRules = R"(rules:
  - id: every-kind
    title: 各种条件
    cite: 纲要
    check:
      pass:
        all:
          - mention:
              all: [[移送], [公安机关]]
              near: 15
              concrete: true
              context: 2
              min: 2
              none: [执法人员]
              except: [副区长]
              not_in: [plan, shortcomings]
          - any:
              - section: {role: causes}
              - section: {heading: [整改, 落实]}
          - not:
              mention: {any: [尚未], in: [measures], negation: false}
      partial:
        any:
          - metric: {terms: [出庭应诉率], units: ["%"], min: 80, max: 92.5, near: 10}
          - regex: {pattern: "出庭应诉率\\d+%"}
          - date: {deadline: "+1-04-01", use: [signed]}
)";

// The conditions part of the output: from the pass condition's heading up to the anchor-terms line.
std::string Conditions(const std::string& out, const std::string& from, const std::string& to) {
  auto a = out.find(from);
  auto b = out.find(to, a);
  if (a == std::string::npos || b == std::string::npos) return "(not found in)\n" + out;
  return out.substr(a, b - a);
}

}  // namespace

TEST_CASE("rules explain prints the conditions in Chinese, and in English with --lang en", "[rules][explain][lang]") {
  TempDir tmp;
  WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", kPack);
  WriteFile(tmp.path() / "rules" / "t" / "rules.yaml", kRules);
  const std::string rules = (tmp.path() / "rules").string();

  auto zh = RunFazhi({"rules", "explain", "--no-shipped-rules", "--rules", rules, "t/every-kind"});
  INFO(zh.out << zh.err);
  REQUIRE(zh.exit_code == 0);
  CHECK(Conditions(zh.out, "  符合（pass）", "  起始词") ==
        "  符合（pass）的条件（具体 → 符合，概括 → 部分符合）:\n"
        "    以下全部成立（all）：\n"
        "      提及（mention）：同一句内，各组词相距 15 字以内（near），须写具体（concrete），可连同后 2 句（context），"
        "至少 2 处（min）\n"
        "        任一词（any）：[移送]\n"
        "        且 15 字内有（all）：[公安机关]\n"
        "        同一范围内有这些词就不算（none）：[执法人员]\n"
        "        与这些词重叠的命中不算（except）：[副区长]\n"
        "        不看（not_in）：下一步安排（plan）、存在的问题（shortcomings）；否定、保留语气的句子不计入\n"
        "      以下任一成立（any）：\n"
        "        章节（section）：角色为 原因分析（causes），正文至少 10 字\n"
        "        章节（section）：标题含 [整改, 落实]，正文至少 10 字\n"
        "      以下不成立（not）：\n"
        "        提及（mention）：同一句内\n"
        "          任一词（any）：[尚未]\n"
        "          只看（in）：主要工作（measures）；不看否定、保留语气\n"
        "  部分符合（partial）的条件:\n"
        "    以下任一成立（any）：\n"
        "      数字（metric）：[出庭应诉率] 附近 10 字内的数字，单位：%，不少于 80，不多于 92.5\n"
        "      正则（regex）/出庭应诉率\\d+%/ 不看（not_in）：存在的问题（shortcomings）、原因分析（causes）、"
        "下一步安排（plan）、标题（title）、网页附属内容（boilerplate）\n"
        "      日期（date）：不晚于（年度+1）-04-01，依据落款日期（signed）\n");
  // No English word of the tree is left in the Chinese output (the keys in brackets are the rule file's own).
  for (const char* en : {"any of", "all of", "within", "chars", "cues", "body", "using", "on or before"}) {
    INFO(en);
    CHECK(zh.out.find(en) == std::string::npos);
  }

  auto en = RunFazhi({"rules", "explain", "--lang", "en", "--no-shipped-rules", "--rules", rules, "t/every-kind"});
  REQUIRE(en.exit_code == 0);
  CHECK(Conditions(en.out, "  pass (", "  anchor terms") ==
        "  pass (concrete → pass, generic → partial):\n"
        "    all of:\n"
        "      mention (sentence, near 15, concrete, context 2, min 2)\n"
        "        any: [移送]\n"
        "        and within 15 chars: [公安机关]\n"
        "        none: [执法人员]\n"
        "        except: [副区长]\n"
        "        not_in: plan shortcomings; negation/hedging cues on\n"
        "      any of:\n"
        "        section role=causes (body ≥ 10 chars)\n"
        "        section heading~[整改, 落实] (body ≥ 10 chars)\n"
        "      not:\n"
        "        mention (sentence)\n"
        "          any: [尚未]\n"
        "          in: measures; cues off\n"
        "  partial:\n"
        "    any of:\n"
        "      metric near [出庭应诉率] units: % min 80 max 92.5 within 10 chars\n"
        "      regex /出庭应诉率\\d+%/ not_in: shortcomings causes plan title boilerplate\n"
        "      date: on or before (year+1)-04-01 using signed\n");
}

TEST_CASE("a long term list is cut with its count in the language in force", "[rules][explain][lang]") {
  TempDir tmp;
  WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", kPack);
  WriteFile(tmp.path() / "rules" / "t" / "rules.yaml",
            "rules:\n  - id: many\n    title: 多词\n    cite: 纲要\n    check:\n      mention:\n"
            "        any: [词一, 词二, 词三, 词四, 词五, 词六, 词七, 词八, 词九, 词十, 词十一, 词十二, 词十三, 词十四]\n");
  const std::string rules = (tmp.path() / "rules").string();
  auto zh = RunFazhi({"rules", "explain", "--no-shipped-rules", "--rules", rules, "t/many"});
  CHECK(zh.out.find("任一词（any）：[词一, 词二, 词三, 词四, 词五, 词六, 词七, 词八, 词九, 词十, 词十一, 词十二，…（共 14 个词）]\n") !=
        std::string::npos);
  auto en = RunFazhi({"rules", "explain", "--lang", "en", "--no-shipped-rules", "--rules", rules, "t/many"});
  CHECK(en.out.find("any: [词一, 词二, 词三, 词四, 词五, 词六, 词七, 词八, 词九, 词十, 词十一, 词十二, … (14 terms)]\n") !=
        std::string::npos);
}
