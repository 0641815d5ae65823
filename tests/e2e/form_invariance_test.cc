// Form invariance: the sample as UTF-8 text, GB18030 text, traditional-character text, an HTML page, a DOCX, a
// PDF (fixtures made with real tools: tests/data/forms/make_forms.sh), a Word 97-2003 .doc (LibreOffice:
// make_word97.sh), the same file named .wps, and an OFD (written here by tests/data/forms/make_ofd.py, which lays
// the text out per GB/T 33190) gives the same metadata, the same section headings with the same roles, and the same
// verdict for every rule.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "ingest/subprocess.h"
#include "test_support.h"

using namespace fazhi::test;

namespace {
// "  二、存在的问题与不足 [shortcomings] lines …" → "二、存在的问题与不足 [shortcomings]" for numbered sections.
std::vector<std::string> HeadingRoles(const std::string& dump) {
  std::vector<std::string> out;
  std::istringstream in(dump);
  std::string line;
  static const std::regex kSection(R"(^\s+(\S.*\]) lines \d+-\d+)");
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, kSection) && m[1].str().rfind("(unheaded)", 0) != 0) out.push_back(m[1]);
  return out;
}
}  // namespace

TEST_CASE("nine published forms of the sample give the same roles and verdicts", "[e2e][forms]") {
  const auto sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  auto base = RunFazhi({"check", "--format", "json", sample});
  REQUIRE(base.exit_code == 0);
  const auto base_json = nlohmann::json::parse(base.out);
  std::map<std::string, std::string> expected;
  for (const auto& r : base_json["results"]) expected[r["rule"]] = r["verdict"];
  const auto base_roles = HeadingRoles(RunFazhi({"check", "--dump", "segments", sample}).out);
  REQUIRE(base_roles.size() > 20);

  const auto forms = SourceDir() / "tests" / "data" / "forms";
  TempDir made;
  const auto ofd = (made.path() / "hongqiao.ofd").string();
  auto written = fazhi::RunTool({"python3", (forms / "make_ofd.py").string(), sample, ofd}, 60, 1 << 20);
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  const auto wps = made.path() / "hongqiao.wps";  // WPS Writer's .wps: the Word binary format in an OLE file
  WriteFile(wps, ReadFile(forms / "hongqiao.doc"));

  for (const std::string& path : {(forms / "hongqiao.gb18030.txt").string(), (forms / "hongqiao.trad.txt").string(),
                                 (forms / "hongqiao.html").string(), (forms / "hongqiao.docx").string(),
                                 (forms / "hongqiao.pdf").string(), (forms / "hongqiao.doc").string(), wps.string(),
                                 ofd}) {
    const char* form = path.c_str();
    INFO("form " << form);
    auto r = RunFazhi({"check", "--format", "json", path});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const char* k : {"title", "issuer", "level", "year", "published"}) CHECK(j["document"][k] == base_json["document"][k]);
    int compared = 0;
    for (const auto& row : j["results"]) {
      INFO("rule " << row["rule"]);
      CHECK(row["verdict"] == expected[row["rule"]]);
      ++compared;
    }
    CHECK(compared == static_cast<int>(expected.size()));
    CHECK(HeadingRoles(RunFazhi({"check", "--dump", "segments", path}).out) == base_roles);
  }
}
