// Saved government pages: the article body only, charset handling, headings, tables and metadata hints.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

using test::LineAt;
using test::Lines;

TEST_CASE("A GBK government page yields only the article", "[ingest][html]") {
  RawDocument raw = test::ReadForm("hongqiao.html");
  CHECK(raw.format == "html");
  CHECK(raw.encoding == "GB18030");
  for (const char* junk : {"无障碍", "繁体", "首页", "当前位置", "打印本页", "关闭窗口", "字体", "关于我们",
                           "网站标识码", "统计代码", "font-size", "起草说明", "2019年12月3日星期二"}) {
    INFO(junk);
    CHECK(raw.text.find(junk) == std::string::npos);
  }
  auto lines = Lines(raw.text);
  REQUIRE(lines.size() > 40);
  CHECK(lines[0] == "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告");
  CHECK(lines[1] == "来源:司法局 发布时间:2021-02-26 18:20");
  CHECK(lines.back() == "2021226");
  REQUIRE(raw.title.value);
  CHECK(*raw.title.value == lines[0]);
  CHECK(raw.title.source == "HTML <meta name=\"ArticleTitle\">");
  REQUIRE(raw.published.value);
  CHECK(raw.published.value->ToString() == "2021-02-26");
  // <h1> is the title; the <h3> parts are level-3 heading hints.
  REQUIRE(raw.headings.size() == 4);
  CHECK(raw.headings[0].is_title);
  CHECK(LineAt(raw.text, raw.headings[1].offset) == "一、主要举措和成效");
  CHECK(raw.headings[1].level == 3);
  CHECK(LineAt(raw.text, raw.headings[3].offset) == "三、下一步工作安排");
}

TEST_CASE("HTML paragraphs, line breaks, tables and hidden parts", "[ingest][html]") {
  std::string page = R"(<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试页_某某区政府</title>
<meta name="PubDate" content="2022/3/5"><style>p{color:red}</style><script>var a="脚本文字";</script></head>
<body><div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
<div id="content"><h2>一、基本情况</h2><p>第一段<br>第二行</p><div>块<span>内联</span>文字</div>
<table><tr><th>项目</th><th>2020年</th></tr><tr><td>复议</td><td>35件</td></tr></table>
<p style="display:none">隐藏文字</p><p>　　缩进的段落。</p><ul class="share"><li>分享到微信</li></ul></div>
<div class="footer">版权所有</div></body></html>)";
  RawDocument raw = ReadBytes("page.html", page, Limits{});
  CHECK(raw.encoding == "UTF-8");
  auto lines = Lines(raw.text);
  std::vector<std::string> expect = {"一、基本情况", "第一段", "第二行", "块内联文字", "项目｜2020年",
                                     "复议｜35件", "　　缩进的段落。"};
  CHECK(lines == expect);
  REQUIRE(raw.headings.size() == 1);
  CHECK(raw.headings[0].level == 2);
  CHECK(*raw.title.value == "测试页_某某区政府");
  CHECK(raw.published.value->ToString() == "2022-03-05");
}

TEST_CASE("An HTML page with a gb2312 meta charset", "[ingest][html]") {
  // <p>政府信息公开</p> in GB2312 bytes, declared in <meta http-equiv>.
  std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                     "<body><p>\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA</p></body></html>";
  RawDocument raw = ReadBytes("old.htm", page, Limits{});
  CHECK(raw.encoding == "GB18030");
  CHECK(raw.text == "政府信息公开\n");
}

TEST_CASE("An HTML page without body text is an error", "[ingest][html][bad]") {
  CHECK_THROWS_AS(ReadBytes("e.html", "<html><head><title>x</title></head><body><script>1</script></body></html>",
                            Limits{}),
                  InputError);
}

}  // namespace
}  // namespace fazhi
