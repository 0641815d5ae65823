// Number recognition in report prose.
#include <catch2/catch.hpp>

#include "match/numbers.h"

using fazhi::FindNumbers;

TEST_CASE("arabic numbers with units, decimals and multipliers", "[match][numbers]") {
  auto n = FindNumbers("共办理各类事项89459件，网上办达到92.3%，已归集信用信息超过1.2万余条");
  REQUIRE(n.size() == 3);
  CHECK(n[0].value == 89459);
  CHECK(n[0].unit == "件");
  CHECK(n[1].value == Approx(92.3));
  CHECK(n[1].unit == "%");
  CHECK(n[2].value == Approx(12000));
  CHECK(n[2].approximate);
  CHECK(n[2].unit == "条");
}

TEST_CASE("years are not counts", "[match][numbers]") {
  auto n = FindNumbers("2020年共受理行政复议申请14件");
  REQUIRE(n.size() == 1);
  CHECK(n[0].value == 14);
}

TEST_CASE("chinese numerals need a unit", "[match][numbers]") {
  auto n = FindNumbers("一是推进一网通办，约谈八个单位，出庭应诉率百分之八十，三千二百人参加");
  REQUIRE(n.size() == 3);
  CHECK(n[0].value == 8);
  CHECK(n[0].unit == "个");
  CHECK(n[1].value == 80);
  CHECK(n[1].unit == "%");
  CHECK(n[2].value == 3200);
  CHECK(n[2].unit == "人");
}

TEST_CASE("chinese numeral parser", "[match][numbers]") {
  CHECK(fazhi::ParseChineseNumeral("十") == 10);
  CHECK(fazhi::ParseChineseNumeral("二十一") == 21);
  CHECK(fazhi::ParseChineseNumeral("一百零五") == 105);
  CHECK(fazhi::ParseChineseNumeral("三万二千") == 32000);
  CHECK(fazhi::ParseChineseNumeral("两") == 2);
  CHECK_FALSE(fazhi::ParseChineseNumeral("法治").has_value());
}

TEST_CASE("thousands separators and money", "[match][numbers]") {
  auto n = FindNumbers("涉案金额约3100余万元，罚没款39万余元，共1,234件");
  REQUIRE(n.size() == 3);
  CHECK(n[0].value == 3100);
  CHECK(n[0].unit == "万元");
  CHECK(n[1].unit == "元");
  CHECK(n[1].value == Approx(390000));
  CHECK(n[2].value == 1234);
}
