// core/text.h and core/severity.h: the one Chinese-numeral parser (also as the small whole numbers headings, dates
// and 一是… use), code points, NFKC, "did you mean", and the severity table.
#include <catch2/catch.hpp>

#include "core/severity.h"
#include "core/text.h"

using namespace fazhi;

TEST_CASE("Chinese numerals parse one way for every caller", "[core]") {
  CHECK(ParseChineseNumeral("十") == 10);
  CHECK(ParseChineseNumeral("二十三") == 23);
  CHECK(ParseChineseNumeral("一百零五") == 105);
  CHECK(ParseChineseNumeral("三千五百万") == 35000000);
  CHECK(ParseChineseNumeral("两") == 2);
  CHECK_FALSE(ParseChineseNumeral("").has_value());
  CHECK_FALSE(ParseChineseNumeral("法治").has_value());
  CHECK_FALSE(ParseChineseNumeral("十a").has_value());
  // The small-number form: -1 for no numeral and over 10,000.
  CHECK(ParseHanNumber("十二") == 12);
  CHECK(ParseHanNumber("三十一") == 31);
  CHECK(ParseHanNumber("一百") == 100);
  CHECK(ParseHanNumber("") == -1);
  CHECK(ParseHanNumber("一万零一") == -1);
  CHECK(ParseHanNumber("第一") == -1);
}

TEST_CASE("digits, code points, NFKC and the closest match", "[core]") {
  CHECK(DigitValue(U'7') == 7);
  CHECK(DigitValue(U'７') == 7);
  CHECK(DigitValue(U'七') == -1);
  CHECK(HanDigitValue(U'七') == 7);
  CHECK(HanDigitValue(U'〇') == 0);
  CHECK(HanDigitValue(U'十') == 10);
  std::size_t next = 0;
  CHECK(CodePointAt("a法", 1, &next) == U'法');
  CHECK(next == 4);
  CHECK(CodePointAt("a", 5, &next) == 0);
  CHECK(next == 5);
  CHECK(Nfkc("ＡＢＣ１２３，") == "ABC123,");
  CHECK(ClosestMatch("chek", {"check", "diff", "rules"}) == "check");
  CHECK(ClosestMatch("zzzzzz", {"check", "diff"}).empty());
}

TEST_CASE("severities: one ordered table with Chinese names", "[core]") {
  CHECK(SeverityNames() == std::vector<std::string>{"info", "low", "medium", "high", "critical"});
  CHECK(SeverityRank("info") == 0);
  CHECK(SeverityRank("critical") == 4);
  CHECK(SeverityRank("severe") == -1);
  CHECK(SeverityRank("high") > SeverityRank("medium"));
  CHECK(std::string(SeverityLabelZh("high")) == "高");
  CHECK(std::string(SeverityLabelZh("bogus")) == "未定级");
  CHECK(SeverityList() == "info, low, medium, high, critical");
  CHECK(SeverityNames()[static_cast<int>(Severity::kMedium)] == "medium");
}
