// Waivers: parsing (with file:line errors), applied / expired / out of scope / unknown rule, globs, re-scoring.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/lang.h"
#include "score/scorer.h"
#include "score/waivers.h"
#include "hand_built.h"
#include "test_support.h"

namespace fazhi::test {

namespace {

RuleResult R(const std::string& id, Verdict v, const std::string& category = "A") {
  RuleResult r;
  r.rule = KeptRule(id.substr(0, id.find('/')), id.substr(id.find('/') + 1), category);
  r.verdict = r.unwaived = v;
  return r;
}

Report SampleReport() {
  Report rep;
  rep.document.path = "r.txt";
  rep.document.issuer = "天津市红桥区人民政府";
  rep.document.year = 2020;
  rep.results = {R("report/shortcomings", Verdict::kFail), R("report/causes", Verdict::kPartial),
                 R("report/next-year-plan", Verdict::kPass), R("outline-2015/31-reconsideration", Verdict::kFail),
                 R("outline-2015/32-litigation", Verdict::kNotCheckable)};
  return rep;
}

std::vector<std::string> Ids(const Report& rep) {
  std::vector<std::string> ids;
  for (const auto& r : rep.results) ids.push_back(r.rule->id);
  return ids;
}

const Date kToday{2021, 6, 1};

const Diagnostic* FindDiag(const Report& rep, const std::string& code) {
  for (const auto& d : rep.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("a waiver turns a fail into waived, keeping the reason and the original verdict", "[waivers]") {
  auto ws = ParseWaivers("w.yaml", R"(waivers:
  - rule: report/shortcomings
    reason: 不足部分已在专项报告中说明
    approver: 张三
    date: 2021-03-01
)");
  REQUIRE(ws.size() == 1);
  CHECK(ws[0].line == 2);
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  CHECK(rep.results[0].verdict == Verdict::kWaived);
  CHECK(rep.results[0].unwaived == Verdict::kFail);
  CHECK(rep.results[0].waiver() == "不足部分已在专项报告中说明（张三 批准，2021-03-01）");
  CHECK(rep.results[1].verdict == Verdict::kPartial);
  CHECK(rep.diagnostics.empty());

  // Re-scored (no pack settings: default model, partial 0.5, one category per pack):
  //   with the waiver:    report = (0.5 + 1) / 2 = 75, outline = 0 / 1 = 0 → total (75 + 0) / 2 = 37.5
  //   without the waiver: report = (0 + 0.5 + 1) / 3 = 50, outline = 0      → total (50 + 0) / 2 = 25
  RuleSet rs;
  ScoreSummary s = ScoreResults(rep.results, rs);
  CHECK(*s.total == Approx(37.5));
  CHECK(*s.total_unwaived == Approx(25.0));
}

TEST_CASE("a glob waiver covers several rules, the first matching waiver wins", "[waivers]") {
  auto ws = ParseWaivers("w.yaml", R"(
- rule: outline-2015/3*
  reason: 复议诉讼由市级统计
  approver: 李四
  date: 2021-03-01
  expires: 2022-03-01
- rule: outline-2015/31-reconsideration
  reason: second
  approver: x
  date: 2021-03-02
)");
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  CHECK(rep.results[3].verdict == Verdict::kWaived);
  CHECK(rep.results[3].waiver() == "复议诉讼由市级统计（李四 批准，2021-03-01，有效期至 2022-03-01）");
  CHECK(rep.results[4].verdict == Verdict::kWaived);  // not_checkable can be waived too
  CHECK(rep.results[4].unwaived == Verdict::kNotCheckable);
  CHECK(rep.results[0].verdict == Verdict::kFail);
}

TEST_CASE("a passing rule is not waived", "[waivers]") {
  auto ws = ParseWaivers("w.yaml", "- {rule: report/next-year-plan, reason: r, approver: a, date: 2021-01-01}\n");
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  CHECK(rep.results[2].verdict == Verdict::kPass);
}

TEST_CASE("an expired waiver is ignored with a warning", "[waivers]") {
  auto ws = ParseWaivers("w.yaml", R"(waivers:
  - rule: report/shortcomings
    reason: 临时豁免
    approver: 张三
    date: 2020-03-01
    expires: 2021-05-31
)");
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  CHECK(rep.results[0].verdict == Verdict::kFail);
  const Diagnostic* d = FindDiag(rep, "W-waiver-expired");
  REQUIRE(d != nullptr);
  CHECK(d->level == Level::kWarning);
  CHECK(d->file == "w.yaml");
  CHECK(d->line == 2);
  CHECK(d->message == "`report/shortcomings` 的豁免已于 2021-05-31 过期，未使用");
  CHECK(d->hint == "换上新的日期和有效期，或删掉这条豁免");

  // Expiring today is still valid.
  Report rep2 = SampleReport();
  ApplyWaivers(ws, Ids(rep2), Date{2021, 5, 31}, rep2);
  CHECK(rep2.results[0].verdict == Verdict::kWaived);
}

TEST_CASE("an out-of-scope waiver (issuer or years) is ignored with a note", "[waivers]") {
  auto ws = ParseWaivers("w.yaml", R"(waivers:
  - rule: report/shortcomings
    reason: 仅适用于河北区
    approver: 张三
    date: 2021-03-01
    issuer: 天津市河北区人民政府
  - rule: report/causes
    reason: 仅适用于2021—2022年度
    approver: 张三
    date: 2021-03-01
    years: [2021, 2022]
  - rule: outline-2015/31-reconsideration
    reason: 本区2020年度适用
    approver: 张三
    date: 2021-03-01
    issuer: 天津市红桥区人民政府
    years: [2019, 2020]
)");
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  CHECK(rep.results[0].verdict == Verdict::kFail);
  CHECK(rep.results[1].verdict == Verdict::kPartial);
  CHECK(rep.results[3].verdict == Verdict::kWaived);
  int notes = 0;
  for (const auto& d : rep.diagnostics) {
    CHECK(d.code == "N-waiver-out-of-scope");
    CHECK(d.level == Level::kNote);
    ++notes;
  }
  CHECK(notes == 2);
  CHECK(rep.diagnostics[0].message ==
        "`report/shortcomings` 的豁免只适用于发文单位“天津市河北区人民政府”（本报告是“天津市红桥区人民政府”），未使用");
  {  // The same note in English (--lang en): the issuer clause is filled in the same language as the note.
    SetLang(Lang::kEn);
    Report en = SampleReport();
    ApplyWaivers(ws, Ids(en), kToday, en);
    SetLang(Lang::kZh);
    REQUIRE(!en.diagnostics.empty());
    CHECK(en.diagnostics[0].message ==
          "waiver for `report/shortcomings` is limited to issuer `天津市河北区人民政府` (the report's is `天津市红桥区人民政府`); "
          "not applied");
  }
  CHECK(rep.diagnostics[1].line == 7);

  // Unknown metadata never matches a scoped waiver.
  Report unknown = SampleReport();
  unknown.document.year.reset();
  unknown.document.issuer.reset();
  ApplyWaivers(ws, Ids(unknown), kToday, unknown);
  CHECK(unknown.results[3].verdict == Verdict::kFail);
}

TEST_CASE("a waiver naming no loaded rule is a lint warning with a suggestion", "[waivers]") {
  auto ws = ParseWaivers("waivers.yaml", R"(waivers:
  - rule: report/shortcomings
    reason: ok
    approver: a
    date: 2021-03-01
  - rule: report/shortcomming
    reason: typo
    approver: a
    date: 2021-03-01
  - rule: nothing/*
    reason: no such pack
    approver: a
    date: 2021-03-01
)");
  Report rep = SampleReport();
  ApplyWaivers(ws, Ids(rep), kToday, rep);
  REQUIRE(rep.diagnostics.size() == 2);
  const Diagnostic& d = rep.diagnostics[0];
  CHECK(d.level == Level::kWarning);
  CHECK(d.code == "W-waiver-unknown-rule");
  CHECK(FormatDiagnostic(d) ==
        "waivers.yaml:6: 警告[W-waiver-unknown-rule]: `report/shortcomming` 的豁免对不上任何已加载的规则，不起作用"
        "（您是不是想写 `report/shortcomings`？）");
  CHECK(rep.diagnostics[1].hint.empty());
  CHECK(rep.results[0].verdict == Verdict::kWaived);
}

TEST_CASE("malformed waiver files are errors naming the file and line", "[waivers]") {
  auto error_of = [](const std::string& text) {
    try {
      ParseWaivers("bad.yaml", text);
    } catch (const InputError& e) {
      CHECK(e.path() == "bad.yaml");
      CHECK(e.code() == "E-waiver");
      return FormatDiagnostic(DiagnosticOf(e));
    }
    return std::string("no error");
  };
  CHECK(error_of("waivers: [\n") .rfind("bad.yaml:", 0) == 0);
  // The line and column of the culprit: the entry (a key is missing), the value, the key.
  CHECK(error_of("waivers:\n  - rule: a/b\n    reason: r\n    date: 2021-01-01\n") ==
        "bad.yaml:2:5: 错误[E-waiver]: 豁免缺少 `approver`（每条豁免都要写 rule、reason、approver、date）");
  CHECK(error_of("waivers:\n  - rule: a/b\n    reason: r\n    approver: x\n    date: 2021-02-30\n") ==
        "bad.yaml:5:11: 错误[E-waiver]: `date: 2021-02-30` 不是日期（写成年-月-日（YYYY-MM-DD），如 date: 2025-03-01）");
  CHECK(error_of("waivers:\n  - rule: a/b\n    reasn: r\n    approver: x\n    date: 2021-01-01\n") ==
        "bad.yaml:3:5: 错误[E-waiver]: 豁免中不认识的键 `reasn`（您是不是想写 `reason`？）");
  CHECK(error_of("waiver:\n  - rule: a/b\n") ==
        "bad.yaml:1:1: 错误[E-waiver]: 豁免文件中不认识的顶层键 `waiver`（豁免文件只有一个键：`waivers`）");
  CHECK(error_of("waivers: 3\n") ==
        "bad.yaml:1:10: 错误[E-waiver]: 豁免文件应为豁免的列表（写成 `waivers:`，下面每条以 `- rule: …` 开头）");
  CHECK(error_of("- rule: a/b\n  reason: r\n  approver: x\n  date: 2021-01-01\n  years: [2022, 2020]\n") ==
        "bad.yaml:5:10: 错误[E-waiver]: `years` 的起年 2022 晚于止年 2020（写成 [起, 止]，如 [2020, 2022]）");
  SetLang(Lang::kEn);
  CHECK(error_of("waivers:\n  - rule: a/b\n    reasn: r\n    approver: x\n    date: 2021-01-01\n") ==
        "bad.yaml:3:5: error[E-waiver]: unknown key `reasn` in a waiver (did you mean `reason`?)");
  SetLang(Lang::kZh);
  CHECK(ParseWaivers("empty.yaml", "").empty());
  CHECK(ParseWaivers("empty.yaml", "waivers:\n").empty());
  CHECK_THROWS_AS(LoadWaivers("/nonexistent/waivers.yaml"), InputError);
}

TEST_CASE("waiver globs", "[waivers]") {
  CHECK(WaiverMatches("report/*", "report/causes"));
  CHECK(WaiverMatches("outline-2015/3*", "outline-2015/31-x"));
  CHECK_FALSE(WaiverMatches("outline-2015/3*", "outline-2015/21-x"));
  CHECK(WaiverMatches("*", "a/b"));
  CHECK(WaiverMatches("a/?", "a/b"));
  CHECK_FALSE(WaiverMatches("a/?", "a/bc"));
  CHECK(WaiverMatches("a/b", "a/b"));
  CHECK_FALSE(WaiverMatches("a/b", "a/bc"));
  CHECK(WaiverMatches("*/causes", "report/causes"));
  CHECK(WaiverMatches("r*t/*s", "report/causes"));
}

}  // namespace fazhi::test

namespace fazhi::test {

// Issue #17 item 3: a FIFO hung forever, /dev/zero ate memory, a folder was silently "no waivers".
TEST_CASE("a waiver file goes through the documents' regular-file guard and a size limit", "[waivers][hostile]") {
  TempDir tmp;
  auto fifo = tmp.path() / "pipe.yaml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  auto code_of = [](const std::string& path, const Limits& limits = {}) {
    try {
      LoadWaivers(path, limits);
    } catch (const InputError& e) {
      CHECK(e.path() == path);
      CHECK_THAT(FormatDiagnostic(DiagnosticOf(e)),
                 Catch::StartsWith(path + ": 错误[" + e.code() + "]: 豁免文件："));
      return e.code();
    }
    return std::string("no error");
  };
  CHECK(code_of(fifo.string()) == "E-not-a-file");
  CHECK(code_of("/dev/zero") == "E-not-a-file");
  CHECK(code_of(tmp.path().string()) == "E-is-directory");
  CHECK(code_of((tmp.path() / "nope.yaml").string()) == "E-not-found");
  WriteFile(tmp.path() / "big.yaml", "waivers:\n" + std::string(5000, '#') + "\n");
  Limits small;
  small.max_rule_file_bytes = 4096;
  CHECK(code_of((tmp.path() / "big.yaml").string(), small) == "E-too-large");
  CHECK(LoadWaivers((tmp.path() / "big.yaml").string()).empty());  // under the default limit: read as usual

  // The command: exit 2 at once with one line naming the file, never a hang (the FIFO has no writer).
  std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  for (const std::string& w : {fifo.string(), std::string("/dev/zero"), tmp.path().string()}) {
    RunResult r = RunFazhiCapped({"check", "-q", "--waivers", w, sample}, 30);
    INFO(w << ": " << r.err);
    REQUIRE_FALSE(r.timed_out);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(w + ": [E-") && Catch::Contains("] 豁免文件："));
    CHECK(r.out.empty());
  }
}

}  // namespace fazhi::test
