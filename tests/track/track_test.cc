// `fazhi track` (整改销号, track/track.h): the status of last year's 台账 rows in this year's report, overdue rows,
// and the issuer/year refusal. The acceptance test of issue #19: a made-up report (tests/data/track) with the part
// on the principal leaders' duties removed is "last year", the full report "this year"; its 台账 is filled in with
// openpyxl (tests/track/edit_ledger.py) as a district would, with 整改时限 in the past.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "serve/http_client.h"
#include "hand_built.h"
#include "track/track.h"
#include "test_support.h"

using namespace fazhi;
using namespace fazhi::test;

namespace {

std::filesystem::path Data(const char* name) { return SourceDir() / "tests/data/track" / name; }

std::string Script() { return (SourceDir() / "tests/track/edit_ledger.py").string(); }

void Python(const std::string& args) {
  const std::string cmd = DebianPython() + " '" + Script() + "' " + args;
  REQUIRE(std::system(cmd.c_str()) == 0);
}

// Last year's 台账 as fazhi wrote it, filled in (责任单位, 整改时限 = `deadline`, 状态 整改中), optionally with another
// 发布主体 / 年度 on the cover.
std::filesystem::path FilledLedger(const TempDir& dir, const std::string& deadline, const std::string& extra = "") {
  const auto written = dir.path() / "2023-台账.xlsx";
  if (!std::filesystem::exists(written)) {
    const RunResult r = RunFazhi({"check", "-q", "-f", "xlsx", "-o", written.string(), Data("yunxi-2023.txt").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const auto filled = dir.path() / ("filled" + std::to_string(std::hash<std::string>{}(deadline + extra)) + ".xlsx");
  Python("'" + written.string() + "' --out '" + filled.string() + "' --deadline " + deadline + " " + extra);
  return filled;
}

nlohmann::json Results(const std::filesystem::path& report) {
  const RunResult r = RunFazhi({"check", "-f", "json", report.string()});
  REQUIRE(r.exit_code == 0);
  const auto checked = nlohmann::json::parse(r.out);  // kept: the loop walks into it
  nlohmann::json by_rule = nlohmann::json::object();
  for (const auto& res : checked["results"]) by_rule[res["rule"].get<std::string>()] = res;
  // Under the audit profile a result folded into another (same_as) has that one's verdict as its requirement's.
  nlohmann::json resolved = by_rule;
  for (auto& [id, res] : resolved.items())
    if (res.contains("same_as") && res["same_as"].is_string() && !res["same_as"].get<std::string>().empty())
      res = by_rule[res["same_as"].get<std::string>()];
  return resolved;
}

Evidence Ev(EvidenceKind kind, const char* role, const char* quote) {
  Evidence e;
  e.kind = kind;
  e.role = role;
  e.quote = quote;
  e.section = "一、主要举措";
  e.line = 7;
  return e;
}

}  // namespace

TEST_CASE("track: 整改时限 as districts write it", "[track]") {
  CHECK(ParseDeadline("2024-06-30") == Date{2024, 6, 30});
  CHECK(ParseDeadline(" 2024/6/30 ") == Date{2024, 6, 30});
  CHECK(ParseDeadline("2024.6.30") == Date{2024, 6, 30});
  CHECK(ParseDeadline("2024年6月30日") == Date{2024, 6, 30});
  CHECK(ParseDeadline("2024年6月30日前") == Date{2024, 6, 30});
  CHECK(ParseDeadline("2024年2月底") == Date{2024, 2, 29});
  CHECK(ParseDeadline("2023年2月") == Date{2023, 2, 28});
  CHECK(ParseDeadline("2024年底") == Date{2024, 12, 31});
  CHECK(ParseDeadline("2024年") == Date{2024, 12, 31});
  CHECK(ParseDeadline("2024年12月底") == Date{2024, 12, 31});
  CHECK(ParseDeadline("2024年6月份") == Date{2024, 6, 30});
  CHECK(ParseDeadline("2024年6月底前") == Date{2024, 6, 30});
  CHECK_FALSE(ParseDeadline("2024年6月前"));
  CHECK_FALSE(ParseDeadline("2024年6月底完成整改"));
  CHECK(ParseDeadline("45473") == Date{2024, 6, 30});  // an Excel date serial
  CHECK(ParseDeadline("45473.0") == Date{2024, 6, 30});
  CHECK_FALSE(ParseDeadline(""));
  CHECK_FALSE(ParseDeadline("长期坚持"));
  CHECK_FALSE(ParseDeadline("2024年13月"));
  CHECK_FALSE(ParseDeadline("2024年2月30日"));
  CHECK_FALSE(ParseDeadline("12"));
}

TEST_CASE("track: 已整改 needs a quote of concrete work, a plan or promise is not rectification", "[track]") {
  RuleResult r;
  r.rule = test::KeptRule("report", "causes");
  r.message = "未分析原因";
  std::string basis;

  r.verdict = Verdict::kPass;
  r.evidence = {Ev(EvidenceKind::kSupport, "measures", "制定《法治政府建设工作要点》并印发")};
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kDone);
  CHECK(basis == "「制定《法治政府建设工作要点》并印发」（〔一、主要举措〕第 7 行）");

  // Met only in the plan part, or hedged (拟, 将): the evaluator marks the quote promise_only.
  r.evidence = {Ev(EvidenceKind::kPromiseOnly, "plan", "拟制定《法治政府建设工作要点》")};
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kNotDone);
  CHECK_THAT(basis, Catch::Contains("计划或承诺") && Catch::Contains("拟制定"));
  // A rule asking for the plan itself (report/next-year-plan) is met by the plan part: the check says support.
  r.evidence = {Ev(EvidenceKind::kSupport, "plan", "四、2025年推进法治政府建设的主要安排")};
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kDone);
  r.evidence.clear();
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kUnknown);  // nothing to quote

  r.verdict = Verdict::kPartial;
  r.evidence = {Ev(EvidenceKind::kSupport, "measures", "召开会议研究法治建设")};
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kPartly);
  CHECK_THAT(basis, Catch::Contains("召开会议研究法治建设") && Catch::Contains("未分析原因"));
  CHECK(TrackStatusOf(r, Verdict::kPartial, basis) == TrackStatus::kNotDone);  // no better than last year
  r.evidence = {Ev(EvidenceKind::kPromiseOnly, "plan", "将召开会议")};
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kNotDone);

  r.verdict = Verdict::kFail;
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kNotDone);
  CHECK_THAT(basis, Catch::Contains("未分析原因") && Catch::Contains("将召开会议"));
  r.verdict = Verdict::kNotApplicable;
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kUnknown);
  r.verdict = Verdict::kNotCheckable;
  CHECK(TrackStatusOf(r, Verdict::kFail, basis) == TrackStatus::kUnknown);
}

TEST_CASE("track: the duty part added this year is 已整改 with its quote, the rest unchanged, overdue rows marked",
          "[track][openpyxl]") {
  TempDir dir;
  const auto ledger = FilledLedger(dir, "2024-06-30");
  const auto out = dir.path() / "2024台账";
  const RunResult r = RunFazhi({"track", "--today", "2025-03-01", "-f", "json", "-o", out.string(), ledger.string(),
                                Data("yunxi-2024.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // With -o the terminal gets the summary; the JSON is a file.
  CHECK_THAT(r.out, Catch::Contains("上年问题") && Catch::Contains("项：已整改") && Catch::Contains("；逾期"));
  const auto json_path = out / "yunxi-2024-整改销号.json";
  REQUIRE(std::filesystem::exists(json_path));
  const auto t = nlohmann::json::parse(ReadFile(json_path));
  CHECK(t["schema"] == "fazhi.track/1");
  CHECK(t["today"] == "2025-03-01");
  CHECK(t["today_source"] == "--today");
  CHECK(t["forced"].is_null());
  CHECK(t["ledger"]["issuer"] == "云溪区人民政府");
  CHECK(t["ledger"]["year"] == 2023);

  // What the two texts say, each checked on its own: the ground truth the rows are compared with.
  const auto last = Results(Data("yunxi-2023.txt"));
  const auto now = Results(Data("yunxi-2024.txt"));
  const std::string duty_part = "区政府主要负责人认真履行推进法治建设第一责任人职责";
  int gaps_last_year = 0;
  for (const auto& res : last)
    if (res["verdict"] == "fail" || res["verdict"] == "partial") ++gaps_last_year;
  REQUIRE(gaps_last_year > 20);
  const auto& rows = t["rows"];
  CHECK(static_cast<int>(rows.size()) <= gaps_last_year);  // one row per requirement (folded ids cite each other)
  CHECK(static_cast<int>(rows.size()) == t["counts"]["rows"].get<int>());

  int done = 0, partly = 0, unchanged = 0, overdue = 0;
  bool duty_done = false, promise_only = false;
  for (const auto& row : rows) {
    const std::string rule = row["rule"], status = row["status"], basis = row["basis"];
    INFO(rule << " " << status << " " << basis);
    REQUIRE(now.contains(rule));
    CHECK(row["verdict"] == now[rule]["verdict"]);
    CHECK(row["owner"] == "区司法局");
    CHECK(row["deadline_date"] == "2024-06-30");  // the date cell and the 2024年6月30日 texts alike
    if (status == "done") {
      ++done;
      CHECK(now[rule]["verdict"] == "pass");
      CHECK(last[rule]["verdict"] != "pass");
      // The quote is this year's sentence: from the part that last year's report did not have.
      CHECK_THAT(basis, Catch::StartsWith("「"));
      const std::string quote = basis.substr(3, basis.find("」") - 3);
      CHECK(ReadFile(Data("yunxi-2024.txt")).find(quote) != std::string::npos);
      CHECK(ReadFile(Data("yunxi-2023.txt")).find(quote) == std::string::npos);
      CHECK_FALSE(row["overdue"].get<bool>());  // rectified: never overdue
      if (rule == "report/first-responsible-duty") {
        duty_done = true;
        CHECK_THAT(basis, Catch::Contains(duty_part));
      }
    } else if (status == "partly") {
      ++partly;
      CHECK(last[rule]["verdict"] == "fail");
      CHECK(now[rule]["verdict"] == "partial");
    } else {
      // Every other row: the verdict did not change and the row is 未整改, overdue since 2024-06-30 < 2025-03-01.
      CHECK(status == "not_done");
      CHECK(now[rule]["verdict"] == last[rule]["verdict"]);
      ++unchanged;
      // The 2025 plan (四、2025年推进法治政府建设的主要安排) promises more 普法: quoted, and not rectification.
      if (basis.find("仅见计划或承诺") != std::string::npos && basis.find("主要安排〕") != std::string::npos)
        promise_only = true;
    }
    if (row["overdue"].get<bool>()) ++overdue;
  }
  CHECK(duty_done);
  CHECK(promise_only);
  CHECK(done >= 5);
  CHECK(unchanged >= 20);
  CHECK(overdue == partly + unchanged);
  CHECK(t["counts"]["done"] == done);
  CHECK(t["counts"]["overdue"] == overdue);

  // This year's 台账 has the usual sheets and 上年问题整改情况, read back with openpyxl.
  const auto xlsx = out / "yunxi-2024-整改台账.xlsx";
  REQUIRE(std::filesystem::exists(xlsx));
  const RunResult dump = [&] {
    const auto json_out = dir.path() / "sheet.json";
    const std::string cmd = DebianPython() + " '" + Script() + "' '" + xlsx.string() + "' --dump > '" +
                            json_out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    RunResult rr;
    rr.out = ReadFile(json_out);
    return rr;
  }();
  const auto sheet = nlohmann::json::parse(dump.out);
  CHECK(sheet["sheets"] == nlohmann::json::array({"封面", "整改台账", "上年问题整改情况", "已体现", "全部结果"}));
  const auto& header = sheet["rows"][0];
  for (const char* col : {"上年问题", "规则", "上年结论", "本年结论", "整改状态", "依据原文", "整改时限", "是否逾期", "责任单位"})
    CHECK(std::find(header.begin(), header.end(), col) != header.end());
  REQUIRE(sheet["rows"].size() == rows.size() + 1);
  bool found_duty = false;
  for (const auto& row : sheet["rows"])
    if (row[2] == "report/first-responsible-duty") {
      found_duty = true;
      CHECK(row[5] == "已整改");
      CHECK_THAT(row[6].get<std::string>(), Catch::Contains(duty_part));
      CHECK(row[8] == "未逾期");
      CHECK(row[9] == "区司法局");
    }
  CHECK(found_duty);
  // This year's 整改台账: the gaps still open keep the 责任单位 the district named last year.
  const auto& ledger_rows = sheet["ledger"];
  REQUIRE(ledger_rows.size() > 1);
  const auto& lh = ledger_rows[0];
  const auto owner_col = std::find(lh.begin(), lh.end(), "责任单位") - lh.begin();
  const auto rule_col = std::find(lh.begin(), lh.end(), "规则编号") - lh.begin();
  int carried = 0;
  for (std::size_t i = 1; i < ledger_rows.size(); ++i) {
    INFO(ledger_rows[i][rule_col]);
    for (const auto& row : rows)
      if (row["rule"] == ledger_rows[i][rule_col]) {
        CHECK(ledger_rows[i][owner_col] == "区司法局");
        ++carried;
      }
  }
  CHECK(carried >= 20);
}

TEST_CASE("track: 整改时限 not yet passed is not overdue, the summary line counts", "[track][openpyxl]") {
  TempDir dir;
  const auto ledger = FilledLedger(dir, "2025-12-31");
  const RunResult r = RunFazhi({"track", "--today", "2025-03-01", ledger.string(), Data("yunxi-2024.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("；逾期 0\n") && Catch::Contains("整改时限与 2025-03-01 比较，比较日期取自 --today"));
  CHECK_THAT(r.out, Catch::Contains("[已整改]") && Catch::Contains("[未整改]"));
  // SOURCE_DATE_EPOCH when there is no --today (1767225600 = 2026-01-01): now every open row is overdue.
  setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
  const RunResult late = RunFazhi({"track", "-f", "json", ledger.string(), Data("yunxi-2024.txt").string()});
  unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(late.exit_code == 0);
  const auto t = nlohmann::json::parse(late.out);
  CHECK(t["today"] == "2026-01-01");
  CHECK(t["today_source"] == "SOURCE_DATE_EPOCH");
  CHECK(t["counts"]["overdue"].get<int>() ==
        t["counts"]["rows"].get<int>() - t["counts"]["done"].get<int>());
}

TEST_CASE("track: another issuer or a non-consecutive year is refused, --force tracks and says so",
          "[track][openpyxl]") {
  TempDir dir;
  const auto other = FilledLedger(dir, "2024-06-30", "--issuer 青山区人民政府");
  RunResult r = RunFazhi({"track", "--today", "2025-03-01", other.string(), Data("yunxi-2024.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("E-track-mismatch") && Catch::Contains("发布主体不同") &&
                        Catch::Contains("青山区人民政府") && Catch::Contains("--force"));
  CHECK(r.out.empty());

  const auto gap = FilledLedger(dir, "2024-06-30", "--year 2021");
  r = RunFazhi({"track", "--today", "2025-03-01", gap.string(), Data("yunxi-2024.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("E-track-mismatch") && Catch::Contains("相隔 3 年"));

  // Last year's 台账 against last year's own report: the same year.
  const auto same = FilledLedger(dir, "2024-06-30");
  r = RunFazhi({"track", same.string(), Data("yunxi-2023.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("同一年度"));

  r = RunFazhi({"track", "--force", "--today", "2025-03-01", "-f", "json", other.string(),
                Data("yunxi-2024.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto t = nlohmann::json::parse(r.out);
  CHECK_THAT(t["forced"].get<std::string>(), Catch::Contains("发布主体不同"));
  CHECK(t["counts"]["done"].get<int>() >= 5);
  const RunResult text = RunFazhi({"track", "--force", "--today", "2025-03-01", other.string(),
                                   Data("yunxi-2024.txt").string()});
  CHECK_THAT(text.out, Catch::Contains("注意（--force）"));
}

TEST_CASE("track: bad input is named with its code, never a crash", "[track]") {
  TempDir dir;
  const auto not_ledger = dir.path() / "台账.xlsx";
  WriteFile(not_ledger, "not a workbook");
  RunResult r = RunFazhi({"track", not_ledger.string(), Data("yunxi-2024.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("E-ledger-") && Catch::Contains("台账.xlsx"));
  r = RunFazhi({"track", "--today", "2025-02-30", not_ledger.string(), Data("yunxi-2024.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("E-track-usage") && Catch::Contains("2025-02-30"));
  r = RunFazhi({"track", not_ledger.string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("fazhi track"));
}

TEST_CASE("track in fazhi serve: POST /api/track with the filled 台账 and this year's report", "[track][serve][openpyxl]") {
  TempDir dir;
  const auto ledger = FilledLedger(dir, "2024-06-30");
  const auto other = FilledLedger(dir, "2024-06-30", "--issuer 青山区人民政府");
  const auto data = dir.path() / "data";
  ServeProcess proc({"--listen", "127.0.0.1:0", "--data", data.string()});
  REQUIRE(proc.port() > 0);
  const std::string boundary = "----fazhi-track-boundary";
  auto post = [&](const std::filesystem::path& xlsx, const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [name, path] : {std::pair{std::string("ledger"), xlsx}, std::pair{std::string("report"), Data("yunxi-2024.txt")}})
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" +
              path.filename().string() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + ReadFile(path) + "\r\n";
    for (const auto& [k, v] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    body += "--" + boundary + "--\r\n";
    return HttpRequest(proc.port(), "POST", "/api/track", body,
                       {"Content-Type: multipart/form-data; boundary=" + boundary});
  };
  // The same answer as the command line.
  const HttpResponse r = post(ledger, {{"today", "2025-03-01"}});
  INFO(r.body);
  REQUIRE(r.status == 200);
  const auto t = nlohmann::json::parse(r.body);
  const RunResult cli = RunFazhi({"track", "--today", "2025-03-01", "-f", "json", ledger.string(),
                                  Data("yunxi-2024.txt").string()});
  REQUIRE(cli.exit_code == 0);
  const auto c = nlohmann::json::parse(cli.out);
  CHECK(t["counts"] == c["counts"]);
  CHECK(t["rows"] == c["rows"]);
  CHECK(t["ledger"]["path"] == ledger.filename().string());  // the upload's name, not the temporary file's

  const HttpResponse xlsx = post(ledger, {{"today", "2025-03-01"}, {"format", "xlsx"}});
  REQUIRE(xlsx.status == 200);
  const auto files = Unzip(xlsx.body);
  REQUIRE(files.count("xl/workbook.xml"));
  CHECK_THAT(files.at("xl/workbook.xml"), Catch::Contains("上年问题整改情况"));

  const HttpResponse refused = post(other, {});
  CHECK(refused.status == 409);
  CHECK_THAT(refused.body, Catch::Contains("发布主体不同") && Catch::Contains("force=1"));
  CHECK(post(other, {{"force", "1"}}).status == 200);
  CHECK(post(ledger, {{"today", "2025-02-30"}}).status == 400);
  const HttpResponse bad = HttpRequest(proc.port(), "POST", "/api/track", "x", {"Content-Type: text/plain"});
  CHECK(bad.status == 400);
}
