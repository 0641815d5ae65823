// `fazhi eval`: the product's own agreement figures equal those of ../shared/eval/evaluate — on the shared labels
// and on a labels file of our own that disagrees with the engine on purpose (so equal figures are not 100 = 100).
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {

struct Figures {
  int n = 0;
  std::string exact, binary, precision, recall;
  bool operator==(const Figures& o) const {
    return n == o.n && exact == o.exact && binary == o.binary && precision == o.precision && recall == o.recall;
  }
};

// "name.tsv: 50 rules  exact 100.0%  binary 100.0%  gap precision 1.00 recall 1.00" (the shared tool) and
// "name.tsv：50 条规则  完全一致 100.0%  三类一致 100.0%  缺项查准率 1.00 查全率 1.00" (fazhi eval): the figures by name.
std::map<std::string, Figures> ParseFigures(const std::string& out) {
  static const std::regex line(
      R"(^(\S+?)(?::|：) ?(\d+) \D*?([\d.]+)%\D*?([\d.]+)%\D*?([\d.]+)\D*?([\d.]+)\s*$)");
  std::map<std::string, Figures> figures;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, line)) continue;
    std::string name = m[1];
    if (name == "总计" || name == "overall") name = "overall";
    figures[name] = {std::stoi(m[2]), m[3], m[4], m[5], m[6]};
  }
  return figures;
}

std::string RunShell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

// The shared hongqiao labels with verdicts changed: a pass made fail, a fail made pass, a partial made
// not_applicable, and a rule the engine does not have.
std::string DisagreeingLabels(const std::string& hongqiao_labels, const std::string& report) {
  std::istringstream in(hongqiao_labels);
  std::ostringstream out;
  out << "# report: " << report << "\n";
  int changed_pass = 0, changed_fail = 0, changed_partial = 0;
  for (std::string l; std::getline(in, l);) {
    if (l.rfind("# report:", 0) == 0) continue;
    const auto tab = l.find('\t');
    if (l[0] != '#' && tab != std::string::npos) {
      const auto tab2 = l.find('\t', tab + 1);
      std::string verdict = l.substr(tab + 1, tab2 - tab - 1);
      std::string replacement;
      if (verdict == "pass" && changed_pass++ < 2) replacement = "fail";
      if (verdict == "fail" && changed_fail++ < 1) replacement = "pass";
      if (verdict == "partial" && changed_partial++ < 1) replacement = "not_applicable";
      if (!replacement.empty()) l = l.substr(0, tab + 1) + replacement + l.substr(tab2);
    }
    out << l << "\n";
  }
  out << "outline-2015/no-such-rule\tfail\t-\ta rule the engine does not report\n";
  return out.str();
}

}  // namespace

TEST_CASE("fazhi eval prints the figures of ../shared/eval/evaluate", "[eval][e2e]") {
  const auto shared_labels = SharedDir() / "eval" / "labels";
  const auto tool = SharedDir() / "eval" / "evaluate";
  REQUIRE(std::filesystem::exists(tool));
  TempDir dir;
  const auto own = dir.path() / "labels";
  std::filesystem::create_directories(own);
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  WriteFile(own / "hongqiao-disagreeing.tsv", DisagreeingLabels(ReadFile(shared_labels / "hongqiao-2020.tsv"), sample));

  for (const std::string extra : {"--no-args", ""}) {
    for (const auto& labels : {shared_labels, own}) {
      std::vector<std::string> args = {"eval", labels.string(), "-q"};
      if (!extra.empty()) args.push_back(extra);
      const RunResult ours = RunFazhi(args);
      INFO(ours.err);
      const std::string theirs =
          RunShell("python3 '" + tool.string() + "' --fazhi '" FAZHI_BINARY "' --quiet " + extra + " --labels '" +
                   labels.string() + "'");
      const auto a = ParseFigures(ours.out), b = ParseFigures(theirs);
      INFO("fazhi eval:\n" << ours.out << "\nevaluate:\n" << theirs);
      REQUIRE(b.count("overall") == 1);
      CHECK(a.size() == b.size());
      for (const auto& [name, figures] : b) {
        INFO(name);
        REQUIRE(a.count(name) == 1);
        CHECK(a.at(name) == figures);
      }
      if (labels == own) {
        CHECK(b.at("overall").exact != "100.0");  // the test compares real disagreements
        CHECK(ours.exit_code == 0);
      }
    }
  }
}

TEST_CASE("fazhi eval lists disagreements, gates with --min-binary and speaks JSON", "[eval][e2e]") {
  TempDir dir;
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  const auto file = dir.path() / "h.tsv";
  WriteFile(file, DisagreeingLabels(ReadFile(SharedDir() / "eval" / "labels" / "hongqiao-2020.tsv"), sample));

  const RunResult text = RunFazhi({"eval", file.string()});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("outline-2015/no-such-rule") && Catch::Contains("missing") &&
                           Catch::Contains("混淆矩阵"));

  const RunResult gated = RunFazhi({"eval", file.string(), "--min-binary", "0.99"});
  CHECK(gated.exit_code == 1);
  CHECK(RunFazhi({"eval", file.string(), "--min-binary", "0.5"}).exit_code == 0);
  CHECK(RunFazhi({"eval", file.string(), "--min-binary", "90"}).exit_code == 2);

  const RunResult json = RunFazhi({"eval", file.string(), "--format", "json"});
  REQUIRE(json.exit_code == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["format"] == "fazhi.eval/1");
  REQUIRE(j["reports"].size() == 1);
  CHECK(j["reports"][0]["disagreements"].size() == 5);  // 2 pass→fail, 1 fail→pass, 1 partial→n/a, 1 missing
  CHECK(j["overall"]["rules"] == j["reports"][0]["figures"]["rules"]);
  CHECK(j["confusion"]["fail"]["pass"] == 2);  // gold fail (our change), engine pass

  // a labels file with a broken row: exit 2 naming file and line, no figures
  WriteFile(dir.path() / "bad.tsv", "# report: x.txt\nrule\tverdict\na\tmaybe\n");
  const RunResult bad = RunFazhi({"eval", (dir.path() / "bad.tsv").string()});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("bad.tsv:3"));
  // a report that cannot be read: its row says so, the others are still compared, exit 2
  WriteFile(dir.path() / "gone.tsv", "# report: /nonexistent/report.txt\nreport/causes\tpass\t-\t-\n");
  const RunResult gone = RunFazhi({"eval", file.string(), (dir.path() / "gone.tsv").string(), "-q"});
  CHECK(gone.exit_code == 2);
  CHECK_THAT(gone.out, Catch::Contains("gone.tsv") && Catch::Contains("h.tsv："));
}

// The project's accuracy gate, through the product's own command: the shipped packs against the auditors' gold
// labels, as an auditor runs fazhi (no flags) and with the labels' own flags. The figures are an upper bound
// (docs/accuracy.md §8); a fall below these floors means a rule or metadata change broke agreed verdicts.
TEST_CASE("accuracy: the gold labels agree with the shipped packs (fazhi eval --min-exact/--min-binary)",
          "[eval][accuracy]") {
  const auto labels = (SharedDir() / "eval" / "labels").string();
  for (const std::string extra : {"--no-args", ""}) {
    std::vector<std::string> args = {"eval", labels, "--min-exact", "0.90", "--min-binary", "0.95"};
    if (!extra.empty()) args.push_back(extra);
    const RunResult r = RunFazhi(args);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
}
