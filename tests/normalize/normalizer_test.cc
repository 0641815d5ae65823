// Normalization rules one by one, and the offset map back to the reader's text.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

RawDocument Raw(const std::string& text, const std::string& format = "text") {
  RawDocument raw;
  raw.path = "t";
  raw.format = format;
  raw.text = text;
  return raw;
}

std::string N(const std::string& text, const std::string& format = "text") { return Normalize(Raw(text, format)).text; }

TEST_CASE("Full-width letters and digits become half-width, CJK punctuation stays", "[normalize]") {
  CHECK(N("ＡＢＣ１２３，（一）：第５条；达到９８．５％！") == "ABC123，（一）：第5条；达到98.5%！\n");
  CHECK(N("《纲要》、“放管服”。") == "《纲要》、“放管服”。\n");
}

TEST_CASE("ASCII punctuation next to CJK becomes the CJK form", "[normalize]") {
  CHECK(N("区委,区政府;主要负责人:李清") == "区委，区政府；主要负责人：李清\n");
  CHECK(N("(一)加强组织领导,落实第一责任") == "（一）加强组织领导，落实第一责任\n");
  CHECK(N("《纲要》(2015—2020年)各项要求") == "《纲要》（2015—2020年）各项要求\n");
  CHECK(N("达到100%,同比增长") == "达到100%，同比增长\n");
  CHECK(N("发布时间:2021-02-26 18:20") == "发布时间：2021-02-26 18:20\n");  // 18:20 stays
  CHECK(N("共1,000件") == "共1,000件\n");
  CHECK(N("see (a), b: c") == "see (a), b: c\n");  // no CJK neighbour: untouched
  CHECK(N("(1)建立制度") == "（1）建立制度\n");
}

TEST_CASE("White space: indentation, runs, ideographic spaces, blank lines", "[normalize]") {
  CHECK(N("　　第一段。\r\n\r\n\n   第二段  有   空格。\n\t\n") == "第一段。\n第二段 有 空格。\n");
  CHECK(N("一、 主要举措") == "一、主要举措\n");
  CHECK(N("来源:司法局 发布时间:2021-02-26") == "来源：司法局 发布时间：2021-02-26\n");
  CHECK(N("a\u200Bb\u00A0c\u3000\u3000d") == "ab c d\n");
  CHECK(N("") == "");
}

TEST_CASE("Scraped dates are repaired only where unambiguous", "[normalize][dates]") {
  CHECK(N("20204月，印发了") == "2020年4月，印发了\n");
  CHECK(N("截至202012月底") == "截至2020年12月底\n");
  CHECK(N("2021226") == "2021年2月26日\n");     // 2/26 (22/6 is no date)
  CHECK(N("20210226") == "2021年2月26日\n");
  CHECK(N("2021111") == "2021111\n");            // 1/11 or 11/1: ambiguous, left alone
  CHECK(N("2021205") == "2021205\n");            // 2/05 has a leading zero, 20/5 no date
  CHECK(N("12309检察服务") == "12309检察服务\n");  // no 月: not a date
  CHECK(N("202020项民心工程") == "202020项民心工程\n");
  CHECK(N("共计2021226件") == "共计2021226件\n");  // not a line of its own
  CHECK(N("2020年4月") == "2020年4月\n");
}

TEST_CASE("Traditional text is converted, simplified text is left alone", "[normalize][opencc]") {
  NormalizedText t = Normalize(Raw("區委、區政府嚴格落實第一責任人職責，堅持黨對法治政府建設工作的領導。"));
  CHECK(t.converted_from_traditional);
  CHECK(t.text == "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导。\n");
  REQUIRE(t.diagnostics.size() == 1);
  CHECK(t.diagnostics[0].code == "N-traditional");
  NormalizedText s = Normalize(Raw(test::ReadFile(test::SamplePath())));
  CHECK_FALSE(s.converted_from_traditional);
  CHECK_FALSE(LooksTraditional("发展"));
}

TEST_CASE("PDF line wraps inside sentences are joined, headings and short lines are not", "[normalize][pdf]") {
  std::string page =
      "一、主要举措和成效\n"
      "（一）加强组织领导\n"
      "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导，主动\n"
      "履行党委领导和政府主体责任。区党政主要负责人高度重视法治政府建设，重要事项\n"
      "亲自过问。\n"
      "1.全面提升行政审批效能。进一步深化改革，全面推行五减四办，大幅压缩办事程序\n"
      "和期限。\n"
      "特此报告。\n";
  std::string want =
      "一、主要举措和成效\n"
      "（一）加强组织领导\n"
      "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导，主动履行党委领导和政府主体责任。"
      "区党政主要负责人高度重视法治政府建设，重要事项亲自过问。\n"
      "1.全面提升行政审批效能。进一步深化改革，全面推行五减四办，大幅压缩办事程序和期限。\n"
      "特此报告。\n";
  CHECK(N(page, "pdf") == want);
  CHECK(N(page, "text") != want);  // only PDF text is re-wrapped
}

TEST_CASE("The offset map points every normalized byte back into the reader's text", "[normalize][offsets]") {
  std::string text = "　　（一）加强ＡＢ组织, 领导\r\n\r\n20204月，印发了《要点》。\n2021226\n";
  RawDocument raw = Raw(text);
  NormalizedText n = Normalize(raw);
  REQUIRE(n.to_source.size() == n.text.size() + 1);
  CHECK(n.to_source.back() == text.size());
  for (std::size_t i = 1; i < n.to_source.size(); ++i) CHECK(n.to_source[i] >= n.to_source[i - 1]);
  // Unchanged characters map byte for byte.
  std::size_t at = n.text.find("印发了《要点》");
  REQUIRE(at != std::string::npos);
  CHECK(text.substr(n.to_source[at], std::string("印发了《要点》").size()) == "印发了《要点》");
  std::size_t ab = n.text.find("AB");
  CHECK(text.substr(n.to_source[ab], 3) == "Ａ");
  std::size_t date = n.text.find("2021年2月26日");
  CHECK(text.substr(n.to_source[date], 7) == "2021226");
}

TEST_CASE("Heading hints and page starts are re-based", "[normalize][offsets]") {
  RawDocument raw = Raw("　　标题一\n\n\n  正文，\n　　小标题\n正文二。\n");
  raw.headings = {{static_cast<std::uint32_t>(raw.text.find("标题一") - 6), 1, true},
                  {static_cast<std::uint32_t>(raw.text.find("　　小标题")), 2, false}};
  raw.pages = {{0, 1}, {static_cast<std::uint32_t>(raw.text.find("　　小标题")), 2}};
  NormalizedText n = Normalize(raw);
  CHECK(n.text == "标题一\n正文，\n小标题\n正文二。\n");
  REQUIRE(n.headings.size() == 2);
  CHECK(test::LineAt(n.text, n.headings[0].offset) == "标题一");
  CHECK(n.headings[0].is_title);
  CHECK(test::LineAt(n.text, n.headings[1].offset) == "小标题");
  REQUIRE(n.pages.size() == 2);
  CHECK(n.pages[0].offset == 0);
  CHECK(test::LineAt(n.text, n.pages[1].offset) == "小标题");
}

TEST_CASE("Normalization never breaks on odd input", "[normalize]") {
  std::string odd = std::string("\0\x01\x7F", 3) + "\xEF\xBF\xBD\n\r\r\n" + "\xF0\x9F\x98\x80" + "(((" + ")))" + "，,";
  NormalizedText n = Normalize(Raw(odd));
  CHECK(FindInvalidUtf8(n.text) == std::string::npos);
  CHECK(n.to_source.size() == n.text.size() + 1);
}

}  // namespace
}  // namespace fazhi
