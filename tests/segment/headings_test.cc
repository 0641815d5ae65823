// Heading markers and heading extents: 一、 （一） (一) 1. 1、 1． （1） ① 第一部分 第X条, lead-phrase headings.
#include <catch2/catch.hpp>

#include "segment/headings.h"
#include "segment_util.h"

using namespace fazhi;
using namespace fazhi::seg;

namespace {

int RankOf(std::string_view line) {
  auto m = MatchHeading(line);
  return m ? m->marker.rank : -1;
}

std::string HeadingOf(std::string_view line) {
  auto m = MatchHeading(line);
  if (!m) return "<none>";
  return std::string(line.substr(m->text.begin, m->text.end - m->text.begin));
}

}  // namespace

TEST_CASE("heading markers and their ranks", "[segment][headings]") {
  CHECK(RankOf("一、主要举措和成效") == kRankHanComma);
  CHECK(RankOf("十二、其他") == kRankHanComma);
  CHECK(RankOf("八、2020年法治政府建设工作计划") == kRankHanComma);
  CHECK(RankOf("（一）加强组织领导，落实第一责任") == kRankHanParen);
  CHECK(RankOf("(一)加强组织领导,落实第一责任") == kRankHanParen);
  CHECK(RankOf("（十一）其他") == kRankHanParen);
  CHECK(RankOf("1.全面提升行政审批效能") == kRankArabic);
  CHECK(RankOf("1、全面提升行政审批效能") == kRankArabic);
  CHECK(RankOf("1．全面提升行政审批效能") == kRankArabic);
  CHECK(RankOf("12.全面提升行政审批效能") == kRankArabic);
  CHECK(RankOf("（1）加强执法") == kRankArabicParen);
  CHECK(RankOf("(2)加强执法") == kRankArabicParen);
  CHECK(RankOf("3）加强执法") == kRankArabicParen);
  CHECK(RankOf("①加强执法") == kRankCircled);
  CHECK(RankOf("⑩加强执法") == kRankCircled);
  CHECK(RankOf("第一部分 2020年工作情况") == kRankPart);
  CHECK(RankOf("第二章 总则") == kRankPart);
  CHECK(RankOf("第三条 区政府负责") == kRankArticle);
  CHECK(RankOf("１．全角数字") == kRankArabic);
}

TEST_CASE("heading marker values", "[segment][headings]") {
  CHECK(MatchMarker("二十三、其他")->value == 23);
  CHECK(MatchMarker("（七）其他")->value == 7);
  CHECK(MatchMarker("12.其他")->value == 12);
  CHECK(MatchMarker("③其他")->value == 3);
  CHECK(MatchMarker("第十部分")->value == 10);
}

TEST_CASE("lines that only look numbered are not headings", "[segment][headings]") {
  CHECK(RankOf("2.0版本改革全面推开") == -1);
  CHECK(RankOf("1.5%的增长率") == -1);
  CHECK(RankOf("2021年，光明区将继续推进") == -1);
  CHECK(RankOf("一是依法维护企业合法权益。") == -1);
  CHECK(RankOf("十九大以来") == -1);
  CHECK(RankOf("第三条规定的事项") == -1);
  CHECK(RankOf("第一责任人职责") == -1);
  CHECK(RankOf("区委、区政府严格落实第一责任人职责") == -1);
  CHECK(RankOf("") == -1);
  // A numbered line whose first sentence is far too long for a heading.
  std::string long_line = "1.";
  for (int i = 0; i < 70; ++i) long_line += "字";
  CHECK(RankOf(long_line) == -1);
  // A numbered list item that runs on after a semicolon is not a heading.
  CHECK(RankOf("1.召开会议3次；印发文件5件。") == -1);
}

TEST_CASE("pure heading lines and lead-phrase headings", "[segment][headings]") {
  CHECK(HeadingOf("一、主要举措和成效") == "主要举措和成效");
  CHECK(HeadingOf("（一）加强组织领导。") == "加强组织领导");
  CHECK(HeadingOf("（一）主要做法：") == "主要做法");
  CHECK(HeadingOf("（一）、加强领导") == "加强领导");
  CHECK(HeadingOf("第一部分  总体情况") == "总体情况");
  // Lead phrase ends at 。 and body text follows on the same line.
  std::string_view line = "1.全面提升行政审批效能。进一步深化改革，全面推行承诺制审批。";
  auto m = MatchHeading(line);
  REQUIRE(m);
  CHECK(line.substr(m->text.begin, m->text.end - m->text.begin) == "全面提升行政审批效能");
  CHECK(line.substr(m->text.body_begin) == "进一步深化改革，全面推行承诺制审批。");
  CHECK(HeadingOf("（二）定期组织执法案卷评查，切实履行执法监督职责。今年以来，我区共组织开展4轮评查。") ==
        "定期组织执法案卷评查，切实履行执法监督职责");
  // A 。 inside a quotation does not end the lead phrase.
  CHECK(HeadingOf("2.推行“马上办。网上办”服务。全年办理1000件。") == "推行“马上办。网上办”服务");
}

TEST_CASE("heading hierarchy nests by rank", "[segment][headings]") {
  auto doc = test::SegmentText(
      "一、主要举措和成效\n（一）加强组织领导\n正文一。\n1.小标题。正文二。\n（1）细目\n①更细\n正文三。\n2.第二个小标题\n"
      "（二）第二节\n正文四。\n二、存在的问题\n正文五。\n");
  test::CheckInvariants(doc);
  const Section* a = test::FindSection(doc, "一、主要举措和成效");
  const Section* b = test::FindSection(doc, "（一）加强组织领导");
  const Section* c = test::FindSection(doc, "1.小标题");
  const Section* d = test::FindSection(doc, "（1）细目");
  const Section* e = test::FindSection(doc, "①更细");
  const Section* f = test::FindSection(doc, "2.第二个小标题");
  const Section* g = test::FindSection(doc, "（二）第二节");
  const Section* h = test::FindSection(doc, "二、存在的问题");
  REQUIRE((a && b && c && d && e && f && g && h));
  CHECK(a->level == 1);
  CHECK(b->level == 2);
  CHECK(c->level == 3);
  CHECK(d->level == 4);
  CHECK(e->level == 5);
  CHECK(f->level == 3);
  CHECK(g->level == 2);
  CHECK(h->level == 1);
  CHECK(&doc.sections[f->parent] == b);
  CHECK(&doc.sections[g->parent] == a);
  CHECK(h->parent == 0);
  CHECK(a->line_begin == 1);
  CHECK(a->line_end == 10);
  CHECK(doc.Slice(c->heading_span) == "小标题");
  // The lead-phrase heading stays one paragraph, not a heading paragraph; its first sentence is number + heading.
  std::uint32_t p = doc.ParagraphAt(c->span.begin);
  CHECK_FALSE(doc.paragraphs[p].is_heading);
  CHECK(doc.Slice(doc.sentences[doc.paragraphs[p].first_sentence].span) == "1.小标题。");
  CHECK(doc.paragraphs[doc.ParagraphAt(a->span.begin)].is_heading);
}

TEST_CASE("a part marker holds the numbered parts inside it", "[segment][headings]") {
  auto doc = test::SegmentText("第一部分 工作情况\n一、加强领导\n正文。\n二、推进改革\n正文。\n第二部分 下一步工作安排\n一、继续推进\n正文。\n");
  test::CheckInvariants(doc);
  const Section* part1 = test::FindSection(doc, "第一部分工作情况");
  const Section* part2 = test::FindSection(doc, "第二部分下一步工作安排");
  REQUIRE((part1 && part2));
  CHECK(part1->level == 1);
  CHECK(test::FindSection(doc, "二、推进改革")->level == 2);
  CHECK(&doc.sections[test::FindSection(doc, "二、推进改革")->parent] == part1);
  CHECK(&doc.sections[test::FindSection(doc, "一、继续推进")->parent] == part2);
  CHECK(part2->role == SectionRole::kPlan);
}

TEST_CASE("DOCX and HTML heading hints make unnumbered lines headings", "[segment][headings]") {
  std::string text = "关于加强某项工作的说明\n总体情况\n正文一。\n具体措施\n正文二。\n";
  std::vector<HeadingHint> hints{{static_cast<std::uint32_t>(text.find("总体情况")), 1},
                                 {static_cast<std::uint32_t>(text.find("具体措施")), 2}};
  auto doc = test::SegmentText(text, hints);
  test::CheckInvariants(doc);
  const Section* a = test::FindSection(doc, "总体情况");
  const Section* b = test::FindSection(doc, "具体措施");
  REQUIRE((a && b));
  CHECK(&doc.sections[b->parent] == a);
  CHECK(a->number.empty());
  // Without the hints nothing is a heading.
  auto plain = test::SegmentText(text);
  CHECK(test::FindSection(plain, "具体措施") == nullptr);
}

TEST_CASE("ASCII colons in times and addresses do not end a heading", "[segment][headings]") {
  CHECK(HeadingOf("1.会议于18:20召开") == "会议于18:20召开");
  CHECK(HeadingOf("2.开通网站http://www.gov.cn") == "开通网站http://www.gov.cn");
  CHECK(HeadingOf("(一)主要做法:一是加强领导。") == "主要做法");
}
