// Gold labels (eval/labels.h) and the agreement figures (eval/agreement.h) of `fazhi eval`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "eval/agreement.h"
#include "eval/labels.h"
#include "test_support.h"

using namespace fazhi;

namespace {

const char* kLabels =
    "# report: corpus/real/x.txt\n"
    "# a comment line without a colon-key is kept as meta too\n"
    "rule\tverdict\tevidence\tnote\n"
    "report/causes\tpass\t原因主要有\texplicit\n"
    "outline-2015/1\t部分符合\t-\tonly in passing\n"
    "outline-2015/2\tfail\t-\tplan only\n"
    "outline-2015/9\tnot_applicable\t-\tno legislative power\n"
    "outline-2015/10\t不符合\t-\tabsent\n";

}  // namespace

TEST_CASE("labels: the TSV with its comment lines, English and Chinese verdicts", "[eval]") {
  const LabelFile f = ParseLabelFile("x.tsv", kLabels);
  CHECK(f.report == "corpus/real/x.txt");
  CHECK(f.args.empty());
  REQUIRE(f.labels.size() == 5);
  CHECK(f.labels[0].rule == "report/causes");
  CHECK(f.labels[0].verdict == Verdict::kPass);
  CHECK(f.labels[0].evidence == "原因主要有");
  CHECK(f.labels[0].line == 4);
  CHECK(f.labels[1].verdict == Verdict::kPartial);
  CHECK(f.labels[4].verdict == Verdict::kFail);
  CHECK(f.labels[3].note == "no legislative power");
}

TEST_CASE("labels: mistakes name the file and line", "[eval]") {
  const auto message = [](const std::string& text) {
    try {
      ParseLabelFile("bad.tsv", text);
    } catch (const InputError& e) {
      CHECK(e.code() == "E-labels-format");
      return FormatDiagnostic(DiagnosticOf(e));
    }
    return std::string("no error");
  };
  CHECK_THAT(message("rule\tverdict\na\tpass\n"), Catch::Contains("bad.tsv:") && Catch::Contains("# report:"));
  CHECK_THAT(message("# report: r.txt\na\tmaybe\n"), Catch::Contains("bad.tsv:2:") && Catch::Contains("maybe"));
  CHECK_THAT(message("# report: r.txt\na pass\n"), Catch::Contains("bad.tsv:2:") && Catch::Contains("没有结论"));
  CHECK_THAT(message("# report: r.txt\na\tpass\na\tfail\n"), Catch::Contains("bad.tsv:3:") && Catch::Contains("标注了两次"));
  CHECK_THAT(message("# report: r.txt\n"), Catch::Contains("没有任何标注的规则"));
  // waived and error are the engine's outputs, never a gold verdict
  CHECK_THAT(message("# report: r.txt\na\twaived\n"),
             Catch::Contains("结论“waived”不认识") && Catch::Contains("可用：符合、部分符合"));
}

TEST_CASE("labels: # args: gives the overrides of a check, and refuses what it does not know", "[eval]") {
  LabelFile f = ParseLabelFile("x.tsv", "# report: r.txt\n# args: --year 2020 --level=district\na\tpass\n");
  const MetadataOverrides o = ParseLabelArgs(f);
  REQUIRE(o.year);
  CHECK(*o.year == 2020);
  REQUIRE(o.level);
  CHECK(*o.level == IssuerLevel::kDistrict);
  CHECK_FALSE(o.issuer);
  const auto refusal = [&](const std::string& args) {
    f.args = args;
    try {
      ParseLabelArgs(f);
    } catch (const InputError& e) {
      CHECK(e.code() == "E-labels-format");
      return FormatDiagnostic(DiagnosticOf(e));
    }
    return std::string("no error");
  };
  CHECK_THAT(refusal("--year twenty"), Catch::StartsWith("x.tsv:2: ") && Catch::Contains("--year twenty 不是年份"));
  CHECK_THAT(refusal("--format json"), Catch::Contains("--format 不是 fazhi eval 认识的选项"));
  CHECK_THAT(refusal("--level"), Catch::Contains("--level 后面没有取值"));
}

TEST_CASE("labels: a relative report is found from the labels file's folders upwards", "[eval]") {
  const auto root = std::filesystem::temp_directory_path() / "fazhi-eval-resolve";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "eval" / "labels");
  std::filesystem::create_directories(root / "corpus" / "real");
  std::ofstream(root / "corpus" / "real" / "x.txt") << "text";
  LabelFile f;
  f.path = (root / "eval" / "labels" / "x.tsv").string();
  f.report = "corpus/real/x.txt";
  CHECK(ResolveReportPath(f) == (root / "corpus" / "real" / "x.txt").string());
  f.report = "corpus/real/missing.txt";
  CHECK(ResolveReportPath(f) == "corpus/real/missing.txt");
  std::filesystem::remove_all(root);
}

TEST_CASE("agreement: exact, binary, gap precision and recall, confusion, disagreements", "[eval]") {
  const LabelFile f = ParseLabelFile("x.tsv", kLabels);
  // engine: causes pass (exact), /1 pass (binary only), /2 partial (misses a gap), /9 missing, /10 fail (exact gap)
  const std::map<std::string, std::string> engine = {{"report/causes", "pass"},
                                                     {"outline-2015/1", "pass"},
                                                     {"outline-2015/2", "partial"},
                                                     {"outline-2015/10", "fail"},
                                                     {"outline-2015/99", "fail"}};
  const ReportAgreement r = Compare(f, engine);
  CHECK(r.tally.n == 5);
  CHECK(r.tally.exact == 2);
  CHECK(r.tally.binary == 3);  // causes, /1 (met/met), /10
  CHECK(r.tally.tp == 1);
  CHECK(r.tally.fp == 0);
  CHECK(r.tally.fn == 1);
  CHECK(r.tally.Precision() == 1.0);
  CHECK(r.tally.Recall() == 0.5);
  REQUIRE(r.disagreements.size() == 3);
  // in rule order, as the shared evaluate tool lists them
  CHECK(r.disagreements[0].rule == "outline-2015/1");
  CHECK(r.disagreements[1].rule == "outline-2015/2");
  CHECK(r.disagreements[2].rule == "outline-2015/9");
  CHECK(r.disagreements[2].engine == "missing");
  CHECK(r.confusion[2][1] == 1);  // gold fail, engine partial
  CHECK(r.confusion[3][5] == 1);  // gold not_applicable, engine missing
  Agreement total;
  AddReport(total, r);
  ReportAgreement broken;
  broken.error = "cannot read";
  AddReport(total, broken);
  CHECK(total.broken);
  CHECK(total.overall.n == 5);
}
