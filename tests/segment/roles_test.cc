// Section roles: from heading words (many phrasings), nesting, position and the unheaded parts of a page.
#include <catch2/catch.hpp>

#include "segment/line_kinds.h"
#include "segment/roles.h"
#include "segment_util.h"

using namespace fazhi;
using seg::RoleFromHeading;

TEST_CASE("shortcomings headings", "[segment][roles]") {
  for (const char* h : {"存在的问题与不足", "存在问题", "问题和不足", "薄弱环节", "不足之处", "存在的不足和短板",
                        "工作中存在的困难和问题", "存在的问题及原因分析", "当前存在的主要问题"})
    CHECK(RoleFromHeading(h) == SectionRole::kShortcomings);
}

TEST_CASE("causes headings", "[segment][roles]") {
  for (const char* h : {"原因分析", "问题产生的原因", "存在问题的原因", "主要原因", "问题原因剖析"})
    CHECK(RoleFromHeading(h) == SectionRole::kCauses);
}

TEST_CASE("plan headings", "[segment][roles]") {
  for (const char* h : {"下一步工作安排", "下一步工作计划", "下一步工作打算", "2021年工作计划", "2020年法治政府建设工作计划",
                        "工作打算", "下一年度工作思路", "2022年工作重点", "明年工作安排", "今后工作的努力方向",
                        "2025年推进法治政府建设的主要安排"})
    CHECK(RoleFromHeading(h) == SectionRole::kPlan);
}

TEST_CASE("measures headings", "[segment][roles]") {
  for (const char* h : {"主要举措和成效", "主要工作情况", "2021年主要工作情况", "工作开展情况", "主要做法",
                        "2020年法治政府建设工作情况", "取得的成效", "基本情况"})
    CHECK(RoleFromHeading(h) == SectionRole::kMeasures);
}

TEST_CASE("first-responsible headings", "[segment][roles]") {
  for (const char* h : {"加强组织领导，落实第一责任", "党政主要负责人履行推进法治建设第一责任人职责情况",
                        "坚持党的领导", "加强组织领导"})
    CHECK(RoleFromHeading(h) == SectionRole::kFirstResponsible);
}

TEST_CASE("headings that name an action are not parts", "[segment][roles]") {
  CHECK(RoleFromHeading("制定年度法治政府建设工作计划") == SectionRole::kNone);
  CHECK(RoleFromHeading("整改存在的问题") == SectionRole::kNone);
  CHECK(RoleFromHeading("补齐短板弱项") == SectionRole::kNone);
  CHECK(RoleFromHeading("深化行政审批制度改革") == SectionRole::kNone);
  CHECK(RoleFromHeading("扎实推进重点工作") == SectionRole::kNone);
}

TEST_CASE("a subsection keeps its ancestor's meaning", "[segment][roles]") {
  auto doc = test::SegmentText(
      "一、主要举措和成效\n（一）加强组织领导，落实第一责任\n区长主持会议。\n（二）推进改革\n正文。\n"
      "二、存在的问题与不足\n（一）落实第一责任仍待深化\n正文。\n（二）问题产生的原因\n正文。\n"
      "三、下一步工作安排\n（一）加强党对法治政府建设的领导\n正文。\n");
  test::CheckInvariants(doc);
  auto role = [&](const char* name) {
    const Section* s = test::FindSection(doc, name);
    REQUIRE(s);
    return s->role;
  };
  CHECK(role("一、主要举措和成效") == SectionRole::kMeasures);
  CHECK(role("（一）加强组织领导，落实第一责任") == SectionRole::kFirstResponsible);
  CHECK(role("（二）推进改革") == SectionRole::kNone);
  CHECK(role("二、存在的问题与不足") == SectionRole::kShortcomings);
  CHECK(role("（一）落实第一责任仍待深化") == SectionRole::kNone);
  CHECK(role("（二）问题产生的原因") == SectionRole::kCauses);
  CHECK(role("三、下一步工作安排") == SectionRole::kPlan);
  CHECK(role("（一）加强党对法治政府建设的领导") == SectionRole::kNone);
  // Through the ancestors the subsections still have their part's meaning.
  const Section* sub = test::FindSection(doc, "（二）推进改革");
  CHECK(doc.SectionHasRole(static_cast<std::uint32_t>(sub - doc.sections.data()), SectionRole::kMeasures));
  const Section* cause = test::FindSection(doc, "（二）问题产生的原因");
  CHECK(doc.SectionHasRole(static_cast<std::uint32_t>(cause - doc.sections.data()), SectionRole::kShortcomings));
}

TEST_CASE("top-level parts without a telling heading before the shortcomings are measures", "[segment][roles]") {
  auto doc = test::SegmentText(
      "现将有关情况报告如下：\n一、积极统筹部署，高效推进法治政府建设\n正文。\n二、深入推进改革\n正文。\n"
      "三、2020年法治政府建设工作计划\n正文。\n四、其他事项\n正文。\n");
  test::CheckInvariants(doc);
  CHECK(doc.sections[1].role == SectionRole::kPreamble);
  CHECK(test::FindSection(doc, "一、积极统筹部署，高效推进法治政府建设")->role == SectionRole::kMeasures);
  CHECK(test::FindSection(doc, "二、深入推进改革")->role == SectionRole::kMeasures);
  CHECK(test::FindSection(doc, "三、2020年法治政府建设工作计划")->role == SectionRole::kPlan);
  CHECK(test::FindSection(doc, "四、其他事项")->role == SectionRole::kNone);
}

TEST_CASE("unnumbered part headings are found", "[segment][roles]") {
  auto doc = test::SegmentText("一、主要工作\n正文。\n存在的问题\n正文。\n下一步工作计划\n正文。\n");
  test::CheckInvariants(doc);
  REQUIRE(test::FindSection(doc, "存在的问题"));
  CHECK(test::FindSection(doc, "存在的问题")->role == SectionRole::kShortcomings);
  CHECK(test::FindSection(doc, "下一步工作计划")->role == SectionRole::kPlan);
}

TEST_CASE("web page furniture, title block, preamble, closing and footer", "[segment][roles]") {
  auto doc = test::SegmentText(
      "某某区人民政府 2019年12月3日星期二\n\n无障碍 简体| 繁体\n\n"
      "某某区人民政府关于2020年度法治政府建设工作情况的报告\n来源:司法局 发布时间:2021-02-26 18:20\n\n"
      "2020年，我区坚持依法行政。现将主要工作报告如下:\n\n一、主要举措和成效\n正文。\n\n二、存在的问题与不足\n正文。\n\n"
      "三、下一步工作安排\n正文。\n\n特此报告。\n\n某某区人民政府\n2021年2月26日\n\n附件:\n\n"
      "关于我们 | 使用帮助 | 网站声明\n主办:某某区人民政府办公室\n网站标识码:1201060001\n");
  test::CheckInvariants(doc);
  CHECK(test::TopRoles(doc) == std::vector<SectionRole>{SectionRole::kBoilerplate, SectionRole::kTitle,
                                                      SectionRole::kPreamble, SectionRole::kMeasures,
                                                      SectionRole::kShortcomings, SectionRole::kPlan,
                                                      SectionRole::kClosing, SectionRole::kBoilerplate});
  const Section& closing = doc.sections[doc.sections.size() - 2];
  CHECK(closing.line_begin == 19);
  CHECK(closing.line_end == 22);
  CHECK(doc.sections.back().line_begin == 24);
}

TEST_CASE("a signature without the closing formula still closes the report", "[segment][roles]") {
  auto doc = test::SegmentText("一、主要工作情况\n正文。\n二、下一步工作安排\n正文。\n某某市司法局\n2022年1月5日\n");
  test::CheckInvariants(doc);
  CHECK(doc.sections.back().role == SectionRole::kClosing);
  CHECK(doc.sections.back().line_begin == 5);
  CHECK(doc.meta.issuer.value == std::optional<std::string>("某某市司法局"));
  CHECK(doc.meta.level.value == std::optional<std::string>("department"));
}

TEST_CASE("a document without headings keeps its body at the root", "[segment][roles]") {
  auto doc = test::SegmentText("今年我们做了很多工作。\n明年继续努力。\n");
  test::CheckInvariants(doc);
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[0].section == 0);
  CHECK(doc.sections.size() == 1);
}

TEST_CASE("rectification headings", "[segment][roles][rectification]") {
  for (const char* h : {"整改情况", "2022年度法治政府建设存在问题整改情况", "上年度问题整改落实情况",
                        "关于上年度督察反馈问题整改情况", "上一年度存在问题的整改情况", "问题整改落实情况", "整改工作开展情况"})
    CHECK(RoleFromHeading(h) == SectionRole::kRectification);
  // The year's own problems coordinated with how they are being fixed are shortcomings until a year says otherwise;
  // a plan stays a plan; 上年度 with no problem or rectification word names no rectification part.
  const std::pair<const char*, SectionRole> kNot[] = {
      {"存在不足及整改情况", SectionRole::kShortcomings},
      {"2024年存在不足及整改情况", SectionRole::kShortcomings},
      {"存在的问题和整改措施", SectionRole::kShortcomings},
      {"下一步整改工作安排", SectionRole::kPlan},
      {"上年度推进法治政府建设的主要举措和成效", SectionRole::kMeasures},
      // The content list of the 督察工作规定, as reports written in spring copy it: 上一年度 is the covered year.
      {"上一年度推进法治政府建设存在的不足和原因", SectionRole::kShortcomings},
      {"去年存在问题", SectionRole::kShortcomings},
      {"存在问题整改措施", SectionRole::kShortcomings},
      {"存在问题及整改方向", SectionRole::kShortcomings}};
  for (const auto& [heading, role] : kNot) {
    INFO(heading);
    CHECK(RoleFromHeading(heading) == role);
  }
}

TEST_CASE("a rectification part: its restated problems are not shortcomings parts", "[segment][roles][rectification]") {
  auto doc = test::SegmentText(
      "一、2023年度主要举措和成效\n正文。\n二、2022年度存在问题整改情况\n针对上年度查摆的问题，逐项整改。\n"
      "（一）关于政府诚信建设存在薄弱环节的问题\n开展政府机构失信问题专项治理，清理欠款3笔。\n"
      "（二）下一步工作安排\n继续整改。\n三、存在的问题\n执法不够规范。\n（一）上年度问题整改情况\n已整改5项。\n");
  test::CheckInvariants(doc);
  auto at = [&](const char* name) {
    const Section* s = test::FindSection(doc, name);
    REQUIRE(s);
    return static_cast<std::uint32_t>(s - doc.sections.data());
  };
  CHECK(doc.sections[at("二、2022年度存在问题整改情况")].role == SectionRole::kRectification);
  CHECK(doc.sections[at("（一）关于政府诚信建设存在薄弱环节的问题")].role == SectionRole::kNone);
  CHECK(doc.RoleOf(at("（一）关于政府诚信建设存在薄弱环节的问题")) == SectionRole::kRectification);
  CHECK(doc.sections[at("（二）下一步工作安排")].role == SectionRole::kPlan);
  CHECK(doc.sections[at("三、存在的问题")].role == SectionRole::kShortcomings);
  CHECK(doc.sections[at("（一）上年度问题整改情况")].role == SectionRole::kRectification);
}

TEST_CASE("存在不足及整改情况 is last year's when its year is before the report's", "[segment][roles][rectification]") {
  // The measures heading names 2025: the 2024 part restates last year's problems, the 2025 one is this year's.
  auto doc = test::SegmentText(
      "一、2025年法治政府建设工作成效\n正文。\n二、2024年存在不足及整改情况\n已整改。\n三、2025年存在问题及整改措施\n"
      "执法不规范。\n四、2026年工作打算\n正文。\n");
  test::CheckInvariants(doc);
  CHECK(seg::HeadingReferenceYear(doc) == 2025);
  CHECK(test::FindSection(doc, "二、2024年存在不足及整改情况")->role == SectionRole::kRectification);
  CHECK(test::FindSection(doc, "三、2025年存在问题及整改措施")->role == SectionRole::kShortcomings);

  // No year in the headings: the covered year decides once it is known (the pipeline passes it after metadata).
  auto bare = test::SegmentText("一、主要工作成效\n正文。\n二、2024年存在不足及整改情况\n已整改。\n");
  CHECK(seg::HeadingReferenceYear(bare) == 0);
  CHECK(test::FindSection(bare, "二、2024年存在不足及整改情况")->role == SectionRole::kShortcomings);
  seg::RefineRectification(bare, 2024);
  CHECK(test::FindSection(bare, "二、2024年存在不足及整改情况")->role == SectionRole::kShortcomings);
  seg::RefineRectification(bare, 2025);
  CHECK(test::FindSection(bare, "二、2024年存在不足及整改情况")->role == SectionRole::kRectification);
}

TEST_CASE("page furniture before the title: disclosure fields, site columns, breadcrumbs", "[segment][roles][web]") {
  // A government disclosure table, a site column that reads like a part name ("落实情况公开"), a breadcrumb, a
  // page clock and a bare address — all above the title; none of them is the report.
  auto doc = test::SegmentText(
      "落实情况公开\n您现在所在的位置：首页 > 政务公开 > 落实情况公开\n今天是：2024年3月1日 星期五\n"
      "https://www.example.gov.cn/\n索引号：11001/2024-00012 发文单位：某某县人民政府\n效力状态：有效 主题分类：其他\n"
      "某某县人民政府关于2023年度法治政府建设情况的报告\n发布日期：2024-03-20 分享到：\n"
      "2023年，县政府坚持依法行政。现报告如下：\n一、主要举措和成效\n正文。\n二、存在的问题\n正文。\n");
  test::CheckInvariants(doc);
  CHECK(test::TopRoles(doc) == std::vector<SectionRole>{SectionRole::kBoilerplate, SectionRole::kTitle,
                                                      SectionRole::kPreamble, SectionRole::kMeasures,
                                                      SectionRole::kShortcomings});
  CHECK(test::FindSection(doc, "落实情况公开") == nullptr);
  const Section& title = doc.sections[2];
  CHECK(doc.LineOf(title.span.begin) == 7);
}

TEST_CASE("a document number line is title metadata", "[segment][roles][web]") {
  CHECK(seg::IsDocumentNumber("雷东府〔2025〕26号"));
  CHECK(seg::IsDocumentNumber("某政办发[2023]5号"));
  CHECK_FALSE(seg::IsDocumentNumber("〔2025〕26号"));
  CHECK_FALSE(seg::IsDocumentNumber("印发《实施方案》（2023—2025年）等文件26号"));
  CHECK(seg::IsTitleMetaLine("雷东府〔2025〕26号"));
  CHECK(seg::IsTitleMetaLine("发文单位：某某县人民政府 效力状态：有效"));
}

TEST_CASE("a report title: a body's title without 报告, never a breadcrumb", "[segment][roles][web]") {
  CHECK(seg::IsReportTitle("四川省生态环境厅2023年度法治政府建设工作情况"));
  CHECK(seg::IsReportTitle("某某县人民政府2024年法治政府建设工作总结"));
  CHECK_FALSE(seg::IsReportTitle("2023年法治政府建设工作情况"));  // an unnumbered heading names no body
  CHECK_FALSE(seg::IsReportTitle("首页 > 某某县人民政府门户网站 > 专题专栏 > 某某县法治政府建设年度报告公开 > 2025年"));
  CHECK_FALSE(seg::IsReportTitle("政务公开→法治政府建设年度报告→2024年"));
  auto doc = test::SegmentText(
      "您现在所在的位置：\n首页 > 某某县人民政府门户网站 > 专题专栏 > 某某县法治政府建设年度报告公开 > 2025年\n"
      "2025年，在县委、县政府的正确领导下，某某镇持续推进法治政府建设。\n一、主要措施和成效\n正文。\n");
  test::CheckInvariants(doc);
  CHECK(test::TopRoles(doc) == std::vector<SectionRole>{SectionRole::kBoilerplate, SectionRole::kPreamble,
                                                      SectionRole::kMeasures});
}
