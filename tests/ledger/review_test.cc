// `fazhi review import`: a filled-in 整改台账 (written here with openpyxl, as Excel/WPS would save it) read back into
// waivers, gold labels, draft examples and the rows' 责任单位/整改时限/状态 (ledger/review.h).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "eval/labels.h"
#include "ledger/review.h"
#include "score/waivers.h"
#include "test_support.h"

using namespace fazhi;
using namespace fazhi::test;

namespace {

// Writes an XLSX with a cover sheet and a 整改台账 whose columns are in another order than fazhi writes them
// (状态 first: a district re-ordered them), one title row above the header, and `rows` (Python literals).
void WriteLedger(const std::filesystem::path& xlsx, const std::string& rows, bool with_cover = true,
                 const std::string& header =
                     "['状态', '序号', '规则编号', '同一要求的其他条目', '指标/要求', '核查结论', '证据/位置', '责任单位', "
                     "'整改时限', '复核意见', '复核结论']") {
  const auto script = xlsx.parent_path() / "make.py";
  WriteFile(script, "import openpyxl, sys\n"
                    "wb = openpyxl.Workbook()\n"
                    "cover = wb.active\n"
                    "cover.title = '封面'\n"
                    "for k, v in [('报告', '红桥区2020年法治政府建设年度报告'), ('发布主体', '天津市红桥区人民政府'),\n"
                    "             ('年度', '2020'), ('文件', 'hongqiao-2020.txt')]:\n"
                    "    cover.append([k, v])\n"
                    "if " + std::string(with_cover ? "False" : "True") + ":\n"
                    "    wb.remove(cover)\n"
                    "ws = wb.create_sheet('整改台账')\n"
                    "ws.append(['红桥区整改台账'])\n"
                    "ws.append(" + header + ")\n"
                    "for r in " + rows + ":\n"
                    "    ws.append(r)\n"
                    "wb.save(sys.argv[1])\n");
  const std::string python = DebianPython();
  const std::string cmd = python + " '" + script.string() + "' '" + xlsx.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

const char* kRows =
    "[['申请豁免', 1, 'report/causes', '', '原因分析', '报告未体现', '报告中未找到相关表述', '区司法局', '2021-06-30', "
    "'本年度未发现问题，无原因可析', ''],"
    " ['待整改', 2, 'outline-2015/13', 'ledger-100/024', '重大行政决策目录', '体现不充分', "
    "'「制定《红桥区人民政府2020年度重大行政决策事项目录》并向社会公布」（第 40 行）', '区政府办', '', "
    "'目录已公布，应为符合', '误判—应为符合'],"
    " ['整改中', 3, 'report/first-responsible-duty', '', '第一责任人', '体现不充分', '「区委区政府高度重视」', '', '', '', '同意'],"
    " ['', 4, 'outline-2015/16', '', '', '报告未体现', '', '', '', '', ''],"
    " [None, None, None, None, None, None, None, None, None, None, None]]";

ReviewOptions Options() {
  ReviewOptions o;
  o.approver = "区依法治区办 张三";
  o.today = {2021, 4, 20};
  o.known_rules = {"report/causes", "outline-2015/13", "ledger-100/024", "report/first-responsible-duty",
                   "outline-2015/16"};
  return o;
}

}  // namespace

TEST_CASE("review import: waivers, labels, examples and rows from a re-ordered 台账", "[ledger][review]") {
  TempDir dir;
  const auto xlsx = dir.path() / "台账.xlsx";
  WriteLedger(xlsx, kRows);
  const ReviewImport r = ImportReview(xlsx.string(), Options());
  INFO(r.errors.size());
  REQUIRE(r.errors.empty());
  CHECK(r.sheet == "整改台账");
  CHECK(r.issuer == "天津市红桥区人民政府");
  REQUIRE(r.year);
  CHECK(*r.year == 2020);
  CHECK(r.rows.size() == 4);  // the empty row is not a row
  CHECK(r.waived == 1);
  CHECK(r.misjudged == 1);
  CHECK(r.agreed == 1);
  CHECK(r.other == 1);
  CHECK(r.rows[1].rules == std::vector<std::string>{"outline-2015/13", "ledger-100/024"});
  CHECK(r.rows[0].row == 3);  // title row, header row, then the first ledger row

  // The waivers file is one `fazhi check --waivers` reads: the rule, the reason, scoped to the issuer and year.
  const auto waivers = ParseWaivers("waivers.yaml", r.waivers_yaml);
  REQUIRE(waivers.size() == 1);
  CHECK(waivers[0].rule == "report/causes");
  CHECK(waivers[0].reason == "本年度未发现问题，无原因可析");
  CHECK(waivers[0].approver == "区依法治区办 张三");
  CHECK(waivers[0].date == Date{2021, 4, 20});
  REQUIRE(waivers[0].issuer);
  CHECK(*waivers[0].issuer == "天津市红桥区人民政府");
  CHECK(waivers[0].year_from == 2020);

  // Gold labels: the misjudged row with the corrected verdict, the agreed one with the ledger's verdict.
  const LabelFile labels = ParseLabelFile("labels.tsv", r.labels_tsv);
  CHECK(labels.report == "hongqiao-2020.txt");
  REQUIRE(labels.labels.size() == 2);
  CHECK(labels.labels[0].rule == "outline-2015/13");
  CHECK(labels.labels[0].verdict == Verdict::kPass);
  CHECK(labels.labels[0].evidence == "制定《红桥区人民政府2020年度重大行政决策事项目录》并向社会公布");
  CHECK(labels.labels[0].note == "目录已公布，应为符合");
  CHECK(labels.labels[1].verdict == Verdict::kPartial);

  // A draft example for the misjudged rule, the evidence sentence expected to pass.
  CHECK_THAT(r.examples_yaml, Catch::Contains("outline-2015/13") && Catch::Contains("expect: pass") &&
                                  Catch::Contains("红桥区人民政府2020年度重大行政决策事项目录"));
  // The district's columns are kept.
  CHECK_THAT(r.rows_tsv, Catch::Contains("3\treport/causes\t\t区司法局\t2021-06-30\t申请豁免"));
}

TEST_CASE("review import: what cannot be used is named by its row, never skipped silently", "[ledger][review]") {
  TempDir dir;
  const auto xlsx = dir.path() / "bad.xlsx";
  WriteLedger(xlsx,
              "[['申请豁免', 1, 'report/causes', '', '', '报告未体现', '', '', '', '', ''],"
              " ['', 2, 'outline-2015/133', '', '', '报告未体现', '', '', '', '', ''],"
              " ['', 3, '', '', '要求', '报告未体现', '', '', '', '', ''],"
              " ['', 4, 'outline-2015/16', '', '', '报告未体现', '', '', '', '', '也许'],"
              " ['已销号', 5, 'outline-2015/13', '', '', '报告未体现', '', '', '', '', '']]");
  ReviewOptions o = Options();
  o.approver.clear();
  const ReviewImport r = ImportReview(xlsx.string(), o);
  std::string all;
  for (const auto& e : r.errors) all += e + "\n";
  INFO(all);
  CHECK_THAT(all, Catch::Contains("第 3 行") && Catch::Contains("复核意见") && Catch::Contains("理由"));
  CHECK_THAT(all, Catch::Contains("第 4 行") && Catch::Contains("outline-2015/133") &&
                      Catch::Contains("outline-2015/13"));  // did you mean
  CHECK_THAT(all, Catch::Contains("第 5 行") && Catch::Contains("没有规则编号"));
  CHECK_THAT(all, Catch::Contains("第 6 行") && Catch::Contains("也许"));
  CHECK(r.errors.size() == 4);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("第 7 行") && Catch::Contains("已销号"));
  CHECK(r.waivers_yaml.empty());  // nothing is produced when a row is wrong
}

TEST_CASE("review import: a 台账 without the columns, or one saved as a single sheet", "[ledger][review]") {
  TempDir dir;
  const auto renamed = dir.path() / "renamed.xlsx";
  WriteLedger(renamed, "[['x', 1, 'report/causes']]", true, "['处理情况', '序号', '规则编号']");
  try {
    ImportReview(renamed.string(), Options());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-ledger-columns");
    CHECK_THAT(std::string(e.what()), Catch::Contains("状态") && Catch::Contains("复核结论") &&
                                          Catch::Contains("处理情况"));
  }
  const auto single = dir.path() / "single.xlsx";
  WriteLedger(single, kRows, /*with_cover=*/false);
  const ReviewImport r = ImportReview(single.string(), Options());
  CHECK(r.errors.empty());
  CHECK(r.issuer.empty());  // no cover: the waivers are not scoped to an issuer
  CHECK(r.waived == 1);
}

TEST_CASE("fazhi review import writes the four files and says what it read", "[ledger][review][e2e]") {
  TempDir dir;
  const auto xlsx = dir.path() / "台账.xlsx";
  WriteLedger(xlsx, kRows);
  const auto out = dir.path() / "out";
  const RunResult r = RunFazhi({"review", "import", xlsx.string(), "-o", out.string(), "--approver", "张三"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("读取 4 行") && Catch::Contains("豁免 1，误判 1，同意 1，其他 1"));
  for (const char* f : {"waivers.yaml", "labels.tsv", "examples.yaml", "review-rows.tsv"})
    CHECK(std::filesystem::exists(out / f));
  // again: the files exist, so it refuses without --force
  const RunResult again = RunFazhi({"review", "import", xlsx.string(), "-o", out.string(), "--approver", "张三"});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("--force"));
  // without an approver while a row asks for a waiver: exit 2, nothing new
  const RunResult no_approver = RunFazhi({"review", "import", xlsx.string(), "-o", (dir.path() / "o2").string()});
  CHECK(no_approver.exit_code == 2);
  CHECK_THAT(no_approver.err, Catch::Contains("--approver"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "o2"));
}

// The round trip of issue #19: the sample's 台账 written by fazhi, edited as a district and an auditor would (one row
// 申请豁免 with a reason, one 误判 with the corrected verdict, a 责任单位 filled), read back, and used: the waivers
// change exactly that row's verdict and the score, and `fazhi eval` on the labels finds exactly the one misjudgement.
TEST_CASE("review import round trip: 台账 → edited → waivers and labels that fazhi check and eval use",
          "[ledger][review][e2e]") {
  TempDir dir;
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  const auto xlsx = dir.path() / "台账.xlsx";
  REQUIRE(RunFazhi({"check", "-q", sample, "-o", xlsx.string()}).exit_code == 0);

  const auto script = dir.path() / "edit.py";
  WriteFile(script,
            "import openpyxl, sys\n"
            "wb = openpyxl.load_workbook(sys.argv[1])\n"
            "ws = wb['整改台账']\n"
            "head = [c.value for c in ws[1]]\n"
            "col = {name: i + 1 for i, name in enumerate(head)}\n"
            "waived = misjudged = None\n"
            "for r in range(2, ws.max_row + 1):\n"
            "    verdict = ws.cell(r, col['核查结论']).value\n"
            "    rule = ws.cell(r, col['规则编号']).value\n"
            "    also = ws.cell(r, col['同一要求的其他条目']).value\n"
            "    if waived is None and verdict == '报告未体现' and not also:\n"
            "        waived = rule\n"
            "        ws.cell(r, col['状态']).value = '申请豁免'\n"
            "        ws.cell(r, col['复核意见']).value = '该项工作由市级统一开展，本区不单独部署'\n"
            "        ws.cell(r, col['责任单位']).value = '区司法局'\n"
            "    elif misjudged is None and verdict == '体现不充分' and not also:\n"
            "        misjudged = rule\n"
            "        ws.cell(r, col['复核结论']).value = '误判-应为符合'\n"
            "        ws.cell(r, col['复核意见']).value = '引文已写明具体举措'\n"
            "wb.save(sys.argv[1])\n"
            "print(waived)\n"
            "print(misjudged)\n");
  const std::string python = DebianPython();
  std::string ids;
  {
    FILE* p = popen((python + " '" + script.string() + "' '" + xlsx.string() + "'").c_str(), "r");
    REQUIRE(p);
    char buf[512];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) ids.append(buf, n);
    REQUIRE(pclose(p) == 0);
  }
  const std::string waived = ids.substr(0, ids.find('\n'));
  const std::string misjudged = ids.substr(ids.find('\n') + 1, ids.rfind('\n') - ids.find('\n') - 1);
  INFO(ids);
  REQUIRE(waived.find('/') != std::string::npos);
  REQUIRE(misjudged.find('/') != std::string::npos);

  const auto out = dir.path() / "复核结果";
  const RunResult imported =
      RunFazhi({"review", "import", xlsx.string(), "-o", out.string(), "--approver", "区依法治区办", "--report", sample});
  INFO(imported.out << imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Catch::Contains("豁免 1，误判 1，同意 0"));
  CHECK_THAT(ReadFile(out / "review-rows.tsv"), Catch::Contains(waived + "\t\t区司法局"));

  // Re-checked with the waivers: that rule, and only it, becomes waived; the score without waivers is unchanged.
  const auto before = nlohmann::json::parse(RunFazhi({"check", sample, "-f", "json"}).out);
  const RunResult again = RunFazhi({"check", sample, "-f", "json", "--waivers", (out / "waivers.yaml").string()});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  const auto after = nlohmann::json::parse(again.out);
  int changed = 0;
  for (std::size_t i = 0; i < before["results"].size(); ++i) {
    if (before["results"][i]["verdict"] == after["results"][i]["verdict"]) continue;
    ++changed;
    CHECK(after["results"][i]["rule"] == waived);
    CHECK(after["results"][i]["verdict"] == "waived");
  }
  CHECK(changed == 1);
  CHECK(after["score"]["total_unwaived"] == before["score"]["total"]);
  CHECK(after["score"]["total"] != before["score"]["total"]);

  // fazhi eval on the labels: exactly the one misjudgement disagrees.
  const RunResult eval = RunFazhi({"eval", (out / "labels.tsv").string(), "--format", "json"});
  INFO(eval.err);
  REQUIRE(eval.exit_code == 0);
  const auto e = nlohmann::json::parse(eval.out);
  REQUIRE(e["reports"][0]["disagreements"].size() == 1);
  CHECK(e["reports"][0]["disagreements"][0]["rule"] == misjudged);
  CHECK(e["reports"][0]["disagreements"][0]["gold"] == "pass");
  CHECK(e["reports"][0]["disagreements"][0]["engine"] == "partial");
}
