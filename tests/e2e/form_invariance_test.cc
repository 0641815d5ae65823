// Form invariance: the sample as UTF-8 text, GB18030 text, traditional-character text, an HTML page, a DOCX and a
// PDF (fixtures made with real tools: tests/data/forms/make_forms.sh) gives the same metadata, the same section
// headings with the same roles, and the same verdict for every rule.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

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

TEST_CASE("six published forms of the sample give the same roles and verdicts", "[e2e][forms]") {
  const auto sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  auto base = RunFazhi({"check", "--format", "json", sample});
  REQUIRE(base.exit_code == 0);
  const auto base_json = nlohmann::json::parse(base.out);
  std::map<std::string, std::string> expected;
  for (const auto& r : base_json["results"]) expected[r["rule"]] = r["verdict"];
  const auto base_roles = HeadingRoles(RunFazhi({"check", "--dump", "segments", sample}).out);
  REQUIRE(base_roles.size() > 20);

  for (const char* form : {"hongqiao.gb18030.txt", "hongqiao.trad.txt", "hongqiao.html", "hongqiao.docx",
                           "hongqiao.pdf"}) {
    const auto path = (SourceDir() / "tests" / "data" / "forms" / form).string();
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
