// Metadata: title, issuer, level, covered year, publication and signature dates, each with its source.
#include <catch2/catch.hpp>

#include "segment/dates.h"
#include "segment/line_kinds.h"
#include "segment_util.h"

using namespace fazhi;

namespace {

bool HasDiagnostic(const Document& doc, const std::string& code) {
  for (const Diagnostic& d : doc.diagnostics)
    if (d.code == code) return true;
  return false;
}

const char* kBody = "一、主要举措和成效\n正文。\n二、存在的问题与不足\n正文。\n三、下一步工作安排\n正文。\n";

}  // namespace

TEST_CASE("title, issuer, level and year from the title line", "[segment][metadata]") {
  auto doc = test::SegmentText(std::string("天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告\n") + kBody);
  CHECK(doc.meta.title.value == std::optional<std::string>("天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告"));
  CHECK(doc.meta.title.source == "title (line 1)");
  CHECK(doc.meta.issuer.value == std::optional<std::string>("天津市红桥区人民政府"));
  CHECK(doc.meta.issuer.source == "title (line 1)");
  CHECK(doc.meta.level.value == std::optional<std::string>("district"));
  CHECK(doc.meta.year.value == std::optional<int>(2020));
  CHECK(doc.meta.year.source == "title (line 1)");
  CHECK_FALSE(HasDiagnostic(doc, "W-no-year"));
}

TEST_CASE("year from a body heading", "[segment][metadata]") {
  auto doc = test::SegmentText("现将有关情况报告如下：\n一、2021年主要工作情况\n正文。\n二、存在问题\n正文。\n");
  CHECK_FALSE(doc.meta.title.value);
  CHECK(doc.meta.year.value == std::optional<int>(2021));
  CHECK(doc.meta.year.source == "heading 一、2021年主要工作情况 (line 2)");
}

TEST_CASE("year from a plan heading is the year before", "[segment][metadata]") {
  auto doc = test::SegmentText("一、加强制度建设\n正文。\n二、2020年法治政府建设工作计划\n正文。\n");
  CHECK(doc.meta.year.value == std::optional<int>(2019));
  CHECK(doc.meta.year.source == "plan heading 二、2020年法治政府建设工作计划 (line 3)");
}

TEST_CASE("year from the signature date", "[segment][metadata]") {
  SECTION("signed in January: the year before") {
    auto doc = test::SegmentText(std::string(kBody) + "特此报告。\n某某区人民政府\n2022年1月5日\n");
    CHECK(doc.meta.signed_on.value == std::optional<Date>(Date{2022, 1, 5}));
    CHECK(doc.meta.signed_on.source == "signature (line 9)");
    CHECK(doc.meta.year.value == std::optional<int>(2021));
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某某区人民政府"));
    CHECK(doc.meta.issuer.source == "signature (line 8)");
  }
  SECTION("signed in December: the same year") {
    auto doc = test::SegmentText(std::string(kBody) + "专此报告。\n某某县人民政府\n2019年12月18日\n");
    CHECK(doc.meta.year.value == std::optional<int>(2019));
    CHECK(doc.meta.level.value == std::optional<std::string>("county"));
  }
  SECTION("signed in July: no year") {
    auto doc = test::SegmentText(std::string(kBody) + "特此报告。\n2021年7月1日\n");
    CHECK_FALSE(doc.meta.year.value);
    CHECK(HasDiagnostic(doc, "W-no-year"));
  }
}

TEST_CASE("year from jin-nian-yi-lai and the signature year", "[segment][metadata]") {
  auto doc = test::SegmentText("一、加强执法\n今年以来，共办理案件38宗。\n特此报告。\n2019年7月18日\n");
  CHECK(doc.meta.year.value == std::optional<int>(2019));
  CHECK(doc.meta.year.source == "今年以来 (line 2) + signature year");
}

TEST_CASE("no year anywhere gives null and W-no-year", "[segment][metadata]") {
  auto doc = test::SegmentText(kBody);
  CHECK_FALSE(doc.meta.year.value);
  CHECK(HasDiagnostic(doc, "W-no-year"));
  CHECK_FALSE(doc.meta.title.value);
  CHECK_FALSE(doc.meta.issuer.value);
  CHECK_FALSE(doc.meta.level.value);
  CHECK_FALSE(doc.meta.published.value);
  CHECK_FALSE(doc.meta.signed_on.value);
}

TEST_CASE("conflicting years give null and W-year-conflict", "[segment][metadata]") {
  auto doc = test::SegmentText("一、2021年主要工作情况\n正文。\n二、2021年工作计划\n正文。\n");
  CHECK_FALSE(doc.meta.year.value);
  CHECK(HasDiagnostic(doc, "W-year-conflict"));
}

TEST_CASE("the --year override wins", "[segment][metadata]") {
  MetadataOverrides o;
  o.year = 2018;
  o.issuer = "某某市司法局";
  auto doc = test::SegmentText(std::string("天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告\n") + kBody, {}, o);
  CHECK(doc.meta.year.value == std::optional<int>(2018));
  CHECK(doc.meta.year.source == "--year");
  CHECK(doc.meta.issuer.value == std::optional<std::string>("某某市司法局"));
  CHECK(doc.meta.level.value == std::optional<std::string>("department"));
  CHECK(doc.meta.level.source == "--issuer");
}

TEST_CASE("publication date from the title block, not the page clock", "[segment][metadata]") {
  auto doc = test::SegmentText(
      std::string("天津市红桥区人民政府 2019年12月3日星期二\n\n无障碍 简体| 繁体\n\n"
                  "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告\n来源:司法局 发布时间:2021-02-26 18:20\n") +
      kBody);
  CHECK(doc.meta.published.value == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(doc.meta.published.source == "发布时间 (line 6)");
  // Only the clock: no publication date.
  auto clock = test::SegmentText(std::string("天津市红桥区人民政府 2019年12月3日星期二\n") + kBody);
  CHECK_FALSE(clock.meta.published.value);
  auto other = test::SegmentText(std::string("某某市人民政府关于2021年法治政府建设情况的报告\n发布日期：2022年3月1日\n") + kBody);
  CHECK(other.meta.published.value == std::optional<Date>(Date{2022, 3, 1}));
  CHECK(other.meta.level.value == std::optional<std::string>("city"));
}

TEST_CASE("signature dates in scraped and Chinese-numeral forms", "[segment][metadata]") {
  auto signed_on = [](const char* date_line) {
    return test::SegmentText(std::string(kBody) + "特此报告。\n" + date_line + "\n").meta.signed_on.value;
  };
  CHECK(signed_on("2021226") == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(signed_on("2021年2月26日") == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(signed_on("20210226") == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(signed_on("二〇二二年一月五日") == std::optional<Date>(Date{2022, 1, 5}));
  CHECK(signed_on("（2022年1月5日）") == std::optional<Date>(Date{2022, 1, 5}));
  CHECK(signed_on("某某区人民政府 2022年1月5日") == std::optional<Date>(Date{2022, 1, 5}));
  // 2021111 reads as 1 November and as 11 January: not taken.
  auto doc = test::SegmentText(std::string(kBody) + "特此报告。\n2021111\n");
  CHECK_FALSE(doc.meta.signed_on.value);
  CHECK(HasDiagnostic(doc, "N-ambiguous-signature-date"));
}

TEST_CASE("date line parsing", "[segment][metadata][dates]") {
  using seg::ParseDateLine;
  CHECK(ParseDateLine("2021-02-26") == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(ParseDateLine("2021/2/26") == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(ParseDateLine("2021年2月30日") == std::nullopt);
  CHECK(ParseDateLine("2021年2月") == std::nullopt);
  CHECK(ParseDateLine("1234567") == std::nullopt);
  CHECK(ParseDateLine("12345678901") == std::nullopt);
  bool ambiguous = false;
  CHECK(ParseDateLine("2021111", &ambiguous) == std::nullopt);
  CHECK(ambiguous);
  auto hits = seg::FindDates("天津市红桥区人民政府 2019年12月3日星期二");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].weekday);
}

TEST_CASE("issuer levels", "[segment][metadata]") {
  using seg::IssuerLevel;
  CHECK(IssuerLevel("天津市红桥区人民政府") == "district");
  CHECK(IssuerLevel("天津市人民政府") == "province");
  CHECK(IssuerLevel("广东省人民政府") == "province");
  CHECK(IssuerLevel("广西壮族自治区人民政府") == "province");
  CHECK(IssuerLevel("深圳市人民政府") == "city");
  CHECK(IssuerLevel("某某自治州人民政府") == "city");
  CHECK(IssuerLevel("某某县人民政府") == "county");
  CHECK(IssuerLevel("某某旗人民政府") == "county");
  CHECK(IssuerLevel("某某镇人民政府") == "township");
  CHECK(IssuerLevel("某某街道办事处") == "township");
  CHECK(IssuerLevel("深圳市司法局") == "department");
  CHECK(IssuerLevel("某某区人民政府办公室") == "department");
  CHECK(IssuerLevel("某某市生态环境委员会") == "department");
  CHECK(IssuerLevel("某某") == "");
}

TEST_CASE("a title wrapped over two lines", "[segment][metadata]") {
  auto doc = test::SegmentText(std::string("深圳市光明区人民政府\n关于2021年度法治政府建设情况的报告\n") + kBody);
  CHECK(doc.meta.title.value == std::optional<std::string>("深圳市光明区人民政府关于2021年度法治政府建设情况的报告"));
  CHECK(doc.meta.title.source == "title (lines 1-2)");
  CHECK(doc.meta.issuer.value == std::optional<std::string>("深圳市光明区人民政府"));
  CHECK(doc.meta.year.value == std::optional<int>(2021));
  CHECK(doc.sections[1].role == SectionRole::kTitle);
  CHECK(doc.sections[1].line_end == 2);
  auto split = test::SegmentText(std::string("某某县人民政府关于2020年度\n法治政府建设工作情况的报告\n") + kBody);
  CHECK(split.meta.title.value == std::optional<std::string>("某某县人民政府关于2020年度法治政府建设工作情况的报告"));
  auto neither = test::SegmentText(std::string("某某县人民政府关于2020年度法治政府建设\n工作情况的报告\n") + kBody);
  CHECK(neither.meta.title.value == std::optional<std::string>("某某县人民政府关于2020年度法治政府建设工作情况的报告"));
  // A site name above a full title is not part of it.
  auto site = test::SegmentText(std::string("某某县人民政府\n某某县人民政府关于2020年度法治政府建设工作情况的报告\n") + kBody);
  CHECK(site.meta.title.value == std::optional<std::string>("某某县人民政府关于2020年度法治政府建设工作情况的报告"));
}
