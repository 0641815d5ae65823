// DOCX made by python-docx: paragraphs, heading styles and outline levels, tables, core properties; broken and
// hostile archives (truncated, no word/document.xml, zip bombs, too many entries).
#include <catch2/catch.hpp>

#include "core/error.h"
#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

using test::LineAt;
using test::Lines;
using test::MakeZip;

const char* kMinimalDocument =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>正文</w:t>"
    "</w:r></w:p></w:body></w:document>";

TEST_CASE("The sample as a DOCX: paragraphs in order, heading styles and core properties", "[ingest][docx]") {
  RawDocument raw = test::ReadForm("hongqiao.docx");
  CHECK(raw.format == "docx");
  auto lines = Lines(raw.text);
  REQUIRE(lines.size() > 40);
  CHECK(lines[0] == "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告");
  CHECK(lines.back() == "2021226");
  REQUIRE(raw.title.value);
  CHECK(*raw.title.value == lines[0]);
  CHECK(raw.title.source == "DOCX core property dc:title");
  REQUIRE(raw.published.value);
  CHECK(raw.published.value->ToString() == "2021-02-26");
  // Title + 3 parts (Heading 1) + 15 subsections (Heading 2).
  REQUIRE(raw.headings.size() == 19);
  CHECK(raw.headings[0].is_title);
  CHECK(LineAt(raw.text, raw.headings[1].offset) == "一、主要举措和成效");
  CHECK(raw.headings[1].level == 1);
  CHECK(LineAt(raw.text, raw.headings[2].offset) == "(一)加强组织领导,落实第一责任");
  CHECK(raw.headings[2].level == 2);
}

TEST_CASE("DOCX tables row by row, tabs, breaks, Chinese style names and outline levels", "[ingest][docx]") {
  RawDocument raw = test::ReadForm("tables.docx");
  std::vector<std::string> expect = {"一、基本情况", "2020年共办理行政复议案件\t35件", "同比增长10%。", "二、数据统计",
                                     "项目｜2019年｜2020年", "行政复议｜30｜35", "行政诉讼｜12｜9", "特此报告。"};
  CHECK(Lines(raw.text) == expect);
  REQUIRE(raw.headings.size() == 2);
  CHECK(LineAt(raw.text, raw.headings[0].offset) == "一、基本情况");  // style named "标题 1"
  CHECK(raw.headings[0].level == 1);
  CHECK(LineAt(raw.text, raw.headings[1].offset) == "二、数据统计");  // w:outlineLvl 0
  CHECK(raw.headings[1].level == 1);
}

TEST_CASE("A truncated DOCX is a clear error", "[ingest][docx][bad]") {
  try {
    test::ReadForm("truncated.docx");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-docx-broken");
    CHECK_THAT(e.what(), Catch::Contains("DOCX 文件（ZIP 容器）已损坏或不完整"));
    CHECK(e.hint() == "用 Word 或 WPS 打开，另存为 .docx 后再检查");
  }
}

TEST_CASE("A ZIP without word/document.xml is not a Word document", "[ingest][docx][bad]") {
  try {
    test::ReadForm("no-document.docx");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-unsupported-format");
    CHECK_THAT(e.what(), Catch::Contains("没有 word/document.xml") && Catch::Contains("ZIP 压缩包"));
    CHECK_THAT(e.hint(), Catch::Contains("转换为 DOCX 或 PDF"));
  }
}

TEST_CASE("DOCX with malformed XML names the part", "[ingest][docx][bad]") {
  std::string zip = MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}});
  CHECK_THROWS_WITH(ReadBytes("bad.docx", zip, Limits{}), Catch::Contains("word/document.xml") &&
                                                             Catch::Contains("不是格式正确的 XML"));
}

TEST_CASE("A minimal DOCX made with libzip reads", "[ingest][docx]") {
  RawDocument raw = ReadBytes("min.docx", MakeZip({{"word/document.xml", kMinimalDocument}}), Limits{});
  CHECK(raw.text == "正文\n");
}

TEST_CASE("Zip bombs and archive limits are refused with the limit named", "[ingest][docx][limits][bad]") {
  std::string zeros(8 << 20, '\0');  // 8 MiB of zeros deflates to about 8 KiB
  std::string bomb = MakeZip({{"word/document.xml", kMinimalDocument}, {"word/media/zeros.bin", zeros}});
  CHECK_THROWS_WITH(ReadBytes("bomb.docx", bomb, Limits{}), Catch::Contains("max_zip_ratio"));

  Limits small;
  small.max_unzipped_bytes = 4 << 20;
  small.max_zip_ratio = 1u << 30;
  CHECK_THROWS_WITH(ReadBytes("big.docx", bomb, small), Catch::Contains("max_unzipped_bytes"));

  Limits few;
  few.max_zip_entries = 3;
  std::string many = MakeZip({{"word/document.xml", kMinimalDocument}, {"a", "1"}, {"b", "2"}, {"c", "3"}});
  CHECK_THROWS_WITH(ReadBytes("many.docx", many, few), Catch::Contains("max_zip_entries（3）"));
}

}  // namespace
}  // namespace fazhi
