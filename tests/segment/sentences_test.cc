// Sentence splitting and "一是……二是……" enumeration items.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "segment/sentences.h"
#include "segment_util.h"
#include "test_support.h"

using namespace fazhi;
using Catch::Matchers::Equals;

namespace {

std::vector<std::string> Split(const std::string& text) {
  auto doc = test::SegmentText(text);
  test::CheckInvariants(doc);
  return test::SentenceTexts(doc);
}

std::vector<std::string> Items(const Document& doc) {
  std::vector<std::string> out;
  for (const EnumItem& it : doc.items) out.emplace_back(doc.Slice(it.span));
  return out;
}

}  // namespace

TEST_CASE("sentences end at the Chinese sentence marks and at line ends", "[segment][sentences]") {
  CHECK_THAT(Split("第一句。第二句！第三句？第四句；第五句\n第六句"),
             Equals(std::vector<std::string>{"第一句。", "第二句！", "第三句？", "第四句；", "第五句", "第六句"}));
  CHECK_THAT(Split("没有句号的一行"), Equals(std::vector<std::string>{"没有句号的一行"}));
}

TEST_CASE("sentence spans exclude leading and trailing blanks", "[segment][sentences]") {
  CHECK_THAT(Split("\u3000\u3000第一句。 第二句。\u3000\n  \t第三句。  "),
             Equals(std::vector<std::string>{"第一句。", "第二句。", "第三句。"}));
}

TEST_CASE("no split inside quotes and book titles", "[segment][sentences]") {
  CHECK_THAT(Split("他说：“要依法办事。要公开透明！”随后散会。"),
             Equals(std::vector<std::string>{"他说：“要依法办事。要公开透明！”随后散会。"}));
  CHECK_THAT(Split("印发《关于进一步加强管理的通知。》共3件。下一句。"),
             Equals(std::vector<std::string>{"印发《关于进一步加强管理的通知。》共3件。", "下一句。"}));
  // The closing quote after the mark stays with its sentence.
  CHECK_THAT(Split("（详见附件。）下一句。"), Equals(std::vector<std::string>{"（详见附件。）", "下一句。"}));
}

TEST_CASE("an unbalanced quote does not swallow the paragraph", "[segment][sentences]") {
  CHECK_THAT(Split("深化一制三化2.0”改革。全面推行。"),
             Equals(std::vector<std::string>{"深化一制三化2.0”改革。", "全面推行。"}));
  CHECK_THAT(Split("开头“没有结尾。第二句。"), Equals(std::vector<std::string>{"开头“没有结尾。", "第二句。"}));
}

TEST_CASE("ASCII marks split only between non-ASCII text", "[segment][sentences]") {
  CHECK_THAT(Split("访问 http://a.gov.cn/x?id=1 查询!下一句"),
             Equals(std::vector<std::string>{"访问 http://a.gov.cn/x?id=1 查询!", "下一句"}));
}

TEST_CASE("sentences are ascending and cover each paragraph", "[segment][sentences]") {
  auto doc = test::SegmentText("一、标题\n\n正文第一句。正文第二句；正文第三句\n\n\n最后一段。");
  test::CheckInvariants(doc);
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[1].line == 3);
  CHECK(doc.paragraphs[1].sentence_count == 3);
  CHECK(doc.paragraphs[2].line == 6);
}

TEST_CASE("enumeration items yi-shi er-shi", "[segment][sentences][items]") {
  auto doc = test::SegmentText(
      "但也存在一些薄弱环节，一是推进力度不够均衡，部分单位还没有做到；二是亮点不够多；三是人员力量相对薄弱。");
  test::CheckInvariants(doc);
  CHECK_THAT(Items(doc), Equals(std::vector<std::string>{"一是推进力度不够均衡，部分单位还没有做到；",
                                                         "二是亮点不够多；", "三是人员力量相对薄弱。"}));
  CHECK(doc.items[0].index == 1);
  CHECK(doc.items[2].index == 3);
  // Each marker starts a sentence.
  CHECK_THAT(test::SentenceTexts(doc),
             Equals(std::vector<std::string>{"但也存在一些薄弱环节，", "一是推进力度不够均衡，部分单位还没有做到；",
                                             "二是亮点不够多；", "三是人员力量相对薄弱。"}));
}

TEST_CASE("enumeration markers need a boundary before them and the right number", "[segment][sentences][items]") {
  // 统一是 is a word, not an item; 三是 without 二是 before it is not an item.
  auto doc = test::SegmentText("标准统一是关键。三是另一件事。");
  CHECK(doc.items.empty());
  CHECK(test::SentenceTexts(doc).size() == 2);
  // Items continue across paragraphs of one section.
  auto across = test::SegmentText("一、标题\n一是第一件事。\n二是第二件事。\n二、另一个标题\n二是不算。\n");
  test::CheckInvariants(across);
  CHECK_THAT(Items(across), Equals(std::vector<std::string>{"一是第一件事。", "二是第二件事。"}));
}

TEST_CASE("an item runs over several sentences up to the next marker", "[segment][sentences][items]") {
  auto doc = test::SegmentText("一是学习走深走实。组建宣讲团。二是任务全面落地。召开会议。");
  test::CheckInvariants(doc);
  CHECK_THAT(Items(doc), Equals(std::vector<std::string>{"一是学习走深走实。组建宣讲团。", "二是任务全面落地。召开会议。"}));
  CHECK(test::SentenceTexts(doc).size() == 4);
}

namespace {

// SplitParagraph and SplitParagraphByChars on the same paragraph, with the enumeration state of each carried along.
void SameSplit(std::string_view text, Span para, std::uint32_t extra, seg::EnumState& fast, seg::EnumState& slow) {
  const seg::ParagraphSplit a = seg::SplitParagraph(text, para, extra, fast);
  const seg::ParagraphSplit b = seg::SplitParagraphByChars(text, para, extra, slow);
  INFO(std::string(text.substr(para.begin, std::min<std::size_t>(para.end, text.size()) - std::min<std::size_t>(
                                                                                               para.begin, text.size())))
       << " / extra " << extra);
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t k = 0; k < a.sentences.size(); ++k) {
    CHECK(a.sentences[k].begin == b.sentences[k].begin);
    CHECK(a.sentences[k].end == b.sentences[k].end);
  }
  REQUIRE(a.items.size() == b.items.size());
  for (std::size_t k = 0; k < a.items.size(); ++k) {
    CHECK(a.items[k].span.begin == b.items[k].span.begin);
    CHECK(a.items[k].span.end == b.items[k].span.end);
    CHECK(a.items[k].index == b.items[k].index);
  }
  CHECK(fast.expected == slow.expected);
}

}  // namespace

// SplitParagraph visits only the marks NextMark finds and the places an item may start; it must split as the
// character loop does: every paragraph of the real reports (with and without a break after each "："), and random
// mixes of report characters, blanks of every kind and bad bytes, with breaks anywhere.
TEST_CASE("SplitParagraph splits as the character loop", "[segment][sentences]") {
  std::size_t paragraphs = 0;
  for (const auto& path : test::RealReports()) {
    const Document doc = test::SegmentText(test::ReadFile(path));
    seg::EnumState fast, slow, fast2, slow2;
    for (const Paragraph& p : doc.paragraphs) {
      SameSplit(doc.text, p.span, 0, fast, slow);
      const std::size_t colon = doc.Slice(p.span).find("：");
      const auto extra = colon == std::string_view::npos ? 0u : static_cast<std::uint32_t>(p.span.begin + colon + 3);
      SameSplit(doc.text, p.span, extra, fast2, slow2);
      ++paragraphs;
    }
  }
  CHECK(paragraphs > 100);
  const std::vector<std::string> pieces = {
      "法", "治", "一", "二", "三", "十", "四", "是", "一是", "二是", "三是", "十二是", "。", "；", "！", "？", "，", "、",
      "：", "）", "（", "“", "”", "《", "》", "「", "」", "『", "』", "〈", "〉", "’", "】", ";", "!", "?", ",", ":", ")", " ", "\t", "\n",
      "\u3000", "\u00A0", "\u2003", "\uFEFF", "a", "x", "Z", "9", "0", "/", "=", "\xFF", "\xE3", "\xE4", "\x80", "\xEF\xBC",
      "\xF0\x9F\x98\x80", "\xC2", "\xE2\x80"};
  std::mt19937 rng(20261203);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const auto size = static_cast<std::uint32_t>(text.size());
    const std::uint32_t begin = size == 0 ? 0 : rng() % (size / 4 + 1);
    const std::uint32_t end = begin + (size - begin == 0 ? 0 : rng() % (size - begin + 2));  // may pass the end
    const std::uint32_t extra = rng() % 3 == 0 ? 0 : rng() % (size + 1);
    seg::EnumState fast, slow;
    fast.expected = slow.expected = 1 + static_cast<int>(rng() % 3);
    SameSplit(text, {begin, end}, extra, fast, slow);
  }
}
