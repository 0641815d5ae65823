// Metadata: title, issuer, level, covered year, publication and signature dates, each with its source.
#include <catch2/catch.hpp>

#include "core/lang.h"

#include "segment/dates.h"
#include "segment/issuer.h"
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

TEST_CASE("a weaker year never outvotes a stronger one", "[segment][metadata]") {
  // The measures heading (2021) is stronger than the plan heading (2021 → 2020): used, with a note.
  auto doc = test::SegmentText("一、2021年主要工作情况\n正文。\n二、2021年工作计划\n正文。\n");
  CHECK(doc.meta.year.value == std::optional<int>(2021));
  CHECK(doc.meta.year.source == "heading 一、2021年主要工作情况 (line 1)");
  CHECK_FALSE(HasDiagnostic(doc, "W-year-conflict"));
  CHECK(HasDiagnostic(doc, "N-year-hint-differs"));
  // The title beats a heading of last year's rectification, a range and the plan.
  auto title = test::SegmentText(
      "安远县人民政府关于2023年度法治政府建设情况的报告\n一、2023年度主要举措和成效\n正文。\n"
      "二、2022年度法治政府建设存在问题整改情况\n正文。\n三、对标《纲要（2021—2025年）》推进情况\n正文。\n"
      "四、2024年工作安排\n正文。\n");
  CHECK(title.meta.year.value == std::optional<int>(2023));
  CHECK(title.meta.year.source == "title (line 1)");
  CHECK_FALSE(HasDiagnostic(title, "W-year-conflict"));
  CHECK_FALSE(HasDiagnostic(title, "N-year-hint-differs"));
}

TEST_CASE("evidence of equal strength that disagrees: W-year-conflict, the first still used", "[segment][metadata]") {
  auto doc = test::SegmentText("一、2021年主要工作情况\n正文。\n二、2020年主要举措和成效\n正文。\n");
  CHECK(doc.meta.year.value == std::optional<int>(2021));
  REQUIRE(HasDiagnostic(doc, "W-year-conflict"));
  for (const Diagnostic& d : doc.diagnostics)
    if (d.code == "W-year-conflict") {
      CHECK(d.message.find("2021") != std::string::npos);
      CHECK(d.message.find("2020") != std::string::npos);
      // The evidence is named in the auditor's language (issue #15), not as document.sources records it.
      CHECK(d.message.find("采用 2021 年（依据：小标题“一、2021年主要工作情况”（第 1 行））") != std::string::npos);
      CHECK(d.message.find("2020 年（依据：小标题“二、2020年主要举措和成效”（第 3 行））") != std::string::npos);
      CHECK(d.message.find("heading") == std::string::npos);
    }
  CHECK(doc.meta.year.source == "heading 一、2021年主要工作情况 (line 1)");  // JSON's document.sources.year
  SetLang(Lang::kEn);
  auto en = test::SegmentText("一、2021年主要工作情况\n正文。\n二、2020年主要举措和成效\n正文。\n");
  SetLang(Lang::kZh);
  bool said = false;
  for (const Diagnostic& d : en.diagnostics)
    if (d.code == "W-year-conflict") {
      said = true;
      CHECK(d.message.find("used 2021 from heading 一、2021年主要工作情况 (line 1) over 2020 from heading "
                           "二、2020年主要举措和成效 (line 3)") != std::string::npos);
    }
  CHECK(said);
}

TEST_CASE("year from the opening sentence when there is no title", "[segment][metadata]") {
  // A heading about last year's problems does not vote; the opening sentence does.
  auto doc = test::SegmentText(
      "2025年，我办坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：\n"
      "一、上年度推进法治政府建设的主要举措\n正文。\n二、2024年存在不足及整改情况\n正文。\n"
      "三、2026年工作打算\n正文。\n");
  CHECK(doc.meta.year.value == std::optional<int>(2025));
  CHECK(doc.meta.year.source == "opening sentence (line 1)");
  CHECK_FALSE(HasDiagnostic(doc, "W-year-conflict"));
  auto since = test::SegmentText("某府〔2025〕26号\n2025年以来，在市委的坚强领导下，我镇全面推进依法行政。\n一、主要做法\n正文。\n");
  CHECK(since.meta.year.value == std::optional<int>(2025));
  auto reported = test::SegmentText(
      "根据有关规定，现将我县2020年度法治政府建设情况报告如下。\n一、主要做法和成效\n正文。\n");
  CHECK(reported.meta.year.value == std::optional<int>(2020));
  CHECK(reported.meta.level.value == std::optional<std::string>("county"));
  // A date is not a covered year: "(2025年5月29日在…会议上)".
  auto meeting = test::SegmentText(
      "（2025年5月29日在某某市人民代表大会常务委员会会议上）\n2024年，我市深入推进法治政府建设。\n一、主要举措\n正文。\n");
  CHECK(meeting.meta.year.value == std::optional<int>(2024));
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
  using seg::LevelOfIssuerName;
  CHECK(LevelOfIssuerName("天津市红桥区人民政府") == "district");
  CHECK(LevelOfIssuerName("天津市人民政府") == "province");
  CHECK(LevelOfIssuerName("广东省人民政府") == "province");
  CHECK(LevelOfIssuerName("广西壮族自治区人民政府") == "province");
  CHECK(LevelOfIssuerName("深圳市人民政府") == "city");
  CHECK(LevelOfIssuerName("某某自治州人民政府") == "city");
  CHECK(LevelOfIssuerName("某某县人民政府") == "county");
  CHECK(LevelOfIssuerName("某某旗人民政府") == "county");
  CHECK(LevelOfIssuerName("某某镇人民政府") == "township");
  CHECK(LevelOfIssuerName("某某街道办事处") == "township");
  CHECK(LevelOfIssuerName("深圳市司法局") == "department");
  CHECK(LevelOfIssuerName("某某区人民政府办公室") == "department");
  CHECK(LevelOfIssuerName("某某市生态环境委员会") == "department");
  CHECK(LevelOfIssuerName("某某") == "");
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

TEST_CASE("levels of bodies and places", "[segment][metadata]") {
  using seg::NameLevel;
  CHECK(NameLevel("深圳市龙华区") == "district");
  CHECK(NameLevel("静海区") == "district");
  CHECK(NameLevel("小龙门乡") == "township");
  CHECK(NameLevel("某某瑶族乡人民政府") == "township");
  CHECK(NameLevel("杭州市") == "city");
  CHECK(NameLevel("北京市") == "province");
  CHECK(NameLevel("新疆维吾尔自治区人民政府") == "province");
  CHECK(NameLevel("某某区人民政府某某街道办事处") == "township");
  CHECK(NameLevel("中共某湾镇委员会某湾镇人民政府") == "township");
  CHECK(NameLevel("河北唐山某台经济开发区管委会") == "other");
  CHECK(NameLevel("某某高新技术产业开发区") == "other");
  CHECK(NameLevel("某某区政务服务和数据管理局") == "department");
  CHECK(NameLevel("四川省生态环境厅") == "department");
  CHECK(NameLevel("司法部") == "department");
  CHECK(NameLevel("某某县公安局") == "department");
  // Too generic to name a body, or not a government body.
  CHECK(NameLevel("县政府") == "");
  CHECK(NameLevel("区司法局") == "");
  CHECK(NameLevel("全区") == "");
  CHECK(NameLevel("司法局") == "");
  CHECK(NameLevel("某某区委") == "");
  CHECK(NameLevel("中共某某镇委员会") == "");
}

TEST_CASE("the subject of an opening sentence", "[segment][metadata]") {
  using seg::LeadingName;
  using seg::SkipOpeningAdverbials;
  CHECK(LeadingName(SkipOpeningAdverbials("2024年，东城区坚持以习近平新时代中国特色社会主义思想为指导")) == "东城区");
  CHECK(LeadingName(SkipOpeningAdverbials("2025年,在县委、县政府的正确领导下,平东镇持续以习近平…")) == "平东镇");
  CHECK(LeadingName(SkipOpeningAdverbials("2025年以来，在市委的坚强领导下，在镇人大的监督支持下，我镇政府以…")) == "");
  CHECK(LeadingName("某某县公安局在县委、县政府的坚强领导下") == "某某县公安局");
  CHECK(LeadingName("某某区政务服务和数据管理局坚持以习近平法治思想为根本遵循") == "某某区政务服务和数据管理局");
  CHECK(LeadingName("县政府坚持把法治政府建设作为重点任务") == "");
  CHECK(LeadingName("区委区政府高度重视法治政府建设") == "");
}

TEST_CASE("issuer and level from what a person reads on the page", "[segment][metadata]") {
  SECTION("a title naming the place only, the body's full name in the source line") {
    auto doc = test::SegmentText(std::string("某某市龙湖区2024年法治政府建设年度报告\n来源:某某市龙湖区人民政府日期:2025年02月20日\n") +
                                 kBody);
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某某市龙湖区人民政府"));
    CHECK(doc.meta.level.value == std::optional<std::string>("district"));
    CHECK(doc.meta.year.value == std::optional<int>(2024));
  }
  SECTION("a publisher in the source line is not the issuer") {
    auto doc = test::SegmentText(std::string("2020年某海区法治政府建设情况报告\n文章来源:司法局 更新时间:2021/03/29\n") + kBody);
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某海区"));
    CHECK(doc.meta.level.value == std::optional<std::string>("district"));
  }
  SECTION("a title without 报告") {
    auto doc = test::SegmentText(std::string("某川省生态环境厅2023年度法治政府建设工作情况\n[来源:法规与标准处]\n") + kBody);
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某川省生态环境厅"));
    CHECK(doc.meta.level.value == std::optional<std::string>("department"));
    CHECK(doc.meta.year.value == std::optional<int>(2023));
  }
  SECTION("a title run into a page without line breaks") {
    auto doc = test::SegmentText(
        "范文网—每日更新www.example.com某北省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持依法行政。"
        "一、坚持党的领导。一是深学笃行。");
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某北省人民政府"));
    CHECK(doc.meta.level.value == std::optional<std::string>("province"));
    CHECK(doc.meta.year.value == std::optional<int>(2023));
  }
  SECTION("no title: the breadcrumb's county is not the issuer; the opening sentence's town is") {
    auto doc = test::SegmentText(
        "您现在所在的位置 :\n首页 > 某丰县人民政府门户网站 > 专题专栏 > 2025年\n"
        "2025年,在县委、县政府的正确领导下,某东镇持续深入学习宣传贯彻习近平法治思想。\n一、主要做法\n正文。\n");
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某东镇"));
    CHECK(doc.meta.level.value == std::optional<std::string>("township"));
  }
  SECTION("only self-references: the level without an issuer") {
    auto doc = test::SegmentText("2020年，在县委的坚强领导下，县政府坚持依法行政，我县法治政府建设取得新成效。\n"
                                 "一、主要做法\n我县全面推进。\n");
    CHECK_FALSE(doc.meta.issuer.value);
    CHECK(doc.meta.level.value == std::optional<std::string>("county"));
    CHECK(doc.meta.level.source == "self-reference 我县 (line 1)");
  }
  SECTION("a bureau that says 我局 names itself in its own documents") {
    auto doc = test::SegmentText(
        "2025年，在区委、区政府的正确领导下，我局坚持依法行政。\n一、2025年主要工作情况\n"
        "我局印发《某明区城市更新和土地整备局2025年法治政府建设工作要点》，明确任务12项。\n");
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某明区城市更新和土地整备局"));
    CHECK(doc.meta.level.value == std::optional<std::string>("department"));
  }
  SECTION("a development zone is other, though it says 我区") {
    auto doc = test::SegmentText(std::string("河北唐山某台经济开发区管委会2022年度法治政府建设工作报告\n唐山市人民政府：\n"
                                             "2022年，某台经济开发区坚持依法行政。现将我区2022年法治政府建设工作汇报如下。\n") +
                                 kBody);
    CHECK(doc.meta.level.value == std::optional<std::string>("other"));
  }
  SECTION("a street office of a district government is a township") {
    auto doc = test::SegmentText(std::string("某城区人民政府金某街道办事处关于2022年度法治政府建设情况的报告\n") + kBody);
    CHECK(doc.meta.issuer.value == std::optional<std::string>("某城区人民政府金某街道办事处"));
    CHECK(doc.meta.level.value == std::optional<std::string>("township"));
  }
}

// FindSelfReferences looks for 我 and 本 sixteen bytes at a time, checking a candidate's middle byte after: a word at
// every offset of a block, behind look-alikes in the same block (扑 E6 89 91, 戬 E6 88 AC, 杬 E6 9D AC) and at the
// text's end, is found at its place.
TEST_CASE("Self-references are found at every offset, past look-alike characters", "[segment][metadata]") {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    for (const std::string& decoy : {std::string(), std::string("扑戬杬"), std::string("扑")}) {
      const std::string head = std::string(pad, 'a') + decoy;
      for (const std::string& tail : {std::string("发展。"), std::string()}) {
        const std::string text = head + "我市" + tail + "，本区";
        const auto refs = seg::FindSelfReferences(text);
        INFO(text);
        REQUIRE(refs.size() == 2);
        CHECK(refs[0].word == "我市");
        CHECK(refs[0].offset == head.size());
        CHECK(refs[1].word == "本区");
        CHECK(refs[1].offset == text.size() - std::string("本区").size());
      }
    }
  }
}
