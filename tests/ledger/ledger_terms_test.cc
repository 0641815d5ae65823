// Term suggestion for `ledger import`: stop words never become terms, compounds of adjacent content words are
// kept with their parts, cue words are left out, and the count stays within 2–8.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "ledger/terms.h"

using fazhi::SuggestTerms;

namespace {
bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "|";
  return out;
}
}  // namespace

TEST_CASE("ledger terms: generic words of ledger prose are stop words", "[ledger][terms]") {
  for (const char* w : {"加强", "推进", "进一步", "全面", "工作", "健全", "完善", "落实", "依法", "法治", "建设", "制度",
                        "机制", "提高", "有关", "相关", "的", "和"})
    CHECK(fazhi::IsLedgerStopWord(w));
  for (const char* w : {"行政复议", "公示", "双随机", "法律顾问"}) CHECK_FALSE(fazhi::IsLedgerStopWord(w));
}

TEST_CASE("ledger terms: stop words are removed and never part of a term", "[ledger][terms]") {
  auto terms = SuggestTerms("全面加强和改进行政复议工作，进一步健全完善行政复议案件审理机制，依法推进复议听证。");
  INFO(Join(terms));
  REQUIRE(terms.size() >= 2);
  CHECK(Has(terms, "行政复议"));
  for (const auto& t : terms)
    for (const char* stop : {"加强", "推进", "进一步", "全面", "工作", "健全", "完善", "依法", "机制"})
      CHECK(t.find(stop) == std::string::npos);
}

TEST_CASE("ledger terms: adjacent content words make a compound and the parts stay", "[ledger][terms]") {
  auto terms = SuggestTerms("全面推行行政执法公示制度");
  INFO(Join(terms));
  REQUIRE_FALSE(terms.empty());
  CHECK(terms.front() == "行政执法公示");  // the longest compound first
  CHECK(Has(terms, "行政执法"));
  CHECK(Has(terms, "执法公示"));
  CHECK_FALSE(Has(terms, "行政"));  // too generic alone
}

TEST_CASE("ledger terms: characters ICU leaves single join their neighbours", "[ledger][terms]") {
  auto terms = SuggestTerms("全面推行“双随机、一公开”监管，部门联合抽查常态化");
  INFO(Join(terms));
  CHECK(Has(terms, "双随机"));
  CHECK(Has(terms, "联合抽查"));
  auto responsible = SuggestTerms("行政机关负责人出庭应诉率不低于80%");
  INFO(Join(responsible));
  CHECK(std::any_of(responsible.begin(), responsible.end(),
                    [](const std::string& t) { return t.find("出庭应诉") != std::string::npos; }));
  for (const auto& t : responsible) CHECK(t.find("不") == std::string::npos);
}

TEST_CASE("ledger terms: between two and eight, each of two or more characters", "[ledger][terms]") {
  const char* texts[] = {
      "全面推行三项制度：1.行政执法公示制度；2.执法全过程记录制度；3.重大执法决定法制审核制度。",
      "重大行政决策草案提交集体讨论前必须经过合法性审查，未经审查的不得提交讨论。",
      "建设覆盖城乡的公共法律服务体系，法律援助应援尽援。",
      "完善行政调解制度，明确行政调解范围和程序，建立行政调解工作台账。",
  };
  for (const char* text : texts) {
    auto terms = SuggestTerms(text);
    INFO(text << " → " << Join(terms));
    CHECK(terms.size() >= 2);
    CHECK(terms.size() <= 8);
    for (const auto& t : terms) CHECK(t.size() >= 6);  // two CJK characters at least
  }
}

TEST_CASE("ledger terms: weak words stand alone only as a last resort", "[ledger][terms]") {
  auto report = SuggestTerms("年度报告");
  INFO(Join(report));
  CHECK(report == std::vector<std::string>{"年度报告"});
  auto mediation = SuggestTerms("完善行政调解制度，明确行政调解范围和程序，建立行政调解工作台账。");
  INFO(Join(mediation));
  CHECK(Has(mediation, "行政调解"));
  CHECK_FALSE(Has(mediation, "行政"));
}

TEST_CASE("ledger terms: negation and plan cues are left out", "[ledger][terms]") {
  auto terms = SuggestTerms("尚未建立行政执法监督员制度的单位，拟于年底前建立");
  INFO(Join(terms));
  for (const auto& t : terms) {
    CHECK(t.find("尚未") == std::string::npos);
    CHECK(t.find("拟") == std::string::npos);
  }
  CHECK(Has(SuggestTerms("加强未成年人保护，做好未成年人法治教育"), "未成年人保护"));
}

TEST_CASE("ledger terms: text without content words gives no terms and does not throw", "[ledger][terms]") {
  CHECK(SuggestTerms("").empty());
  CHECK(SuggestTerms("进一步加强和完善相关工作。").empty());
  CHECK_NOTHROW(SuggestTerms("\xFF\xFE broken bytes 123 %%%"));
}
