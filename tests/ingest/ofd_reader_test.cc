// OFD (GB/T 33190): the six real files in ../shared/corpus/ofd (made by real producers: ofdrw, 数科, invoice
// systems) give the text a person sees, in reading order; the sample written by tests/data/forms/make_ofd.py reads
// back as the sample; broken and hostile packages (truncated, no OFD.xml, a missing page, XML nested too deep, a ZIP
// bomb, a scan without text) fail with a clear error or not_checkable.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "ingest/format_reader.h"
#include "ingest/ingest_test_util.h"
#include "ingest/subprocess.h"

namespace fazhi {
namespace {

using test::Lines;
using test::MakeZip;

RawDocument ReadShared(const std::string& name) {
  return ReadInput((test::SharedDir() / "corpus" / "ofd" / name).string(), Limits{});
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kOfdXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" "
    "DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID><ofd:Title>某区2021年度法治政府建设情况报告"
    "</ofd:Title><ofd:Author>某区司法局</ofd:Author><ofd:CreationDate>2022-03-01</ofd:CreationDate></ofd:DocInfo>"
    "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
const char* kDocumentXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\">"
    "<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>"
    "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";

std::string Page(const std::string& objects) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\">"
         "<ofd:Content><ofd:Layer ID=\"2\">" +
         objects + "</ofd:Layer></ofd:Content></ofd:Page>";
}

std::string Text(double x, double y, const std::string& text, double size = 5) {
  return "<ofd:TextObject ID=\"9\" Boundary=\"" + std::to_string(x) + " " + std::to_string(y) + " 150 7\" Size=\"" +
         std::to_string(size) + "\"><ofd:TextCode X=\"0\" Y=\"" + std::to_string(size) + "\">" + text +
         "</ofd:TextCode></ofd:TextObject>";
}

std::string Ofd(const std::string& page_objects) {
  return MakeZip({{"OFD.xml", kOfdXml},
                  {"Doc_0/Document.xml", kDocumentXml},
                  {"Doc_0/Pages/Page_0/Content.xml", Page(page_objects)}});
}

TEST_CASE("OFD hello world: one line as drawn", "[ingest][ofd]") {
  RawDocument raw = ReadShared("helloworld.ofd");
  CHECK(raw.format == "ofd");
  CHECK(raw.text == "你好呀，OFD Reader&Writer！\n");
  REQUIRE(raw.pages.size() == 1);
  REQUIRE(raw.published.value);
  CHECK(raw.published.value->year == 2020);
  CHECK(raw.published.value->month == 9);
}

TEST_CASE("OFD prose: title, author, then the lines of each paragraph joined as one reads them", "[ingest][ofd]") {
  RawDocument raw = ReadShared("拿来主义_page6.ofd");
  auto lines = Lines(raw.text);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0] == "拿来主义");
  CHECK(lines[1] == "鲁迅");
  // The first paragraph is drawn as many lines of at most 28 characters; read as one.
  CHECK(lines[2].rfind("中国一向是所谓“闭关主义”，自己不去，别人也不许来。自从给枪炮打破了大门之后，又碰了一串钉子，", 0) == 0);
  CHECK(lines[3] == "但我们没有人根据了“礼尚往来”的仪节，说道：拿来！");
  CHECK(raw.pages.size() == 2);
  CHECK(raw.pages[1].offset > raw.pages[0].offset);
}

TEST_CASE("OFD paragraphs split over lines of different indentation", "[ingest][ofd]") {
  RawDocument raw = ReadShared("SplitParagraph.ofd");
  auto lines = Lines(raw.text);
  REQUIRE(lines.size() >= 6);
  CHECK(lines[0] == "报告：");
  CHECK(lines[1] == "“超长文档“裁切测试");
  int starts = 0;
  for (const char* head : {"第一段：", "第二段：", "第三段："})
    for (const auto& l : lines)
      if (l.rfind(head, 0) == 0) {
        ++starts;
        CHECK(l.size() > 300);  // the paragraph's several drawn lines are one
      }
  CHECK(starts == 3);
}

TEST_CASE("OFD invoices: the template's labels and the page's values, signatures noted", "[ingest][ofd]") {
  RawDocument raw = ReadShared("发票示例.ofd");
  CHECK(Has(raw.text, "重庆增值税电子普通发票"));
  CHECK(Has(raw.text, "发票代码：050001700111"));
  CHECK(Has(raw.text, "开票日期：2020年10月10日"));
  CHECK(Has(raw.text, "价税合计（大写） 叁佰壹拾捌圆整"));
  CHECK(Has(raw.text, "开户行及账号：建设银行625555888900998711"));
  bool noted = false;
  for (const auto& d : raw.diagnostics) noted |= d.code == "N-ofd-signature";
  CHECK(noted);

  RawDocument other = ReadShared("keyword2.ofd");
  CHECK(Has(other.text, "江苏增值税电子普通发票"));
  CHECK(Has(other.text, "名 称：上海后衍品牌管理有限公司钟楼分公司"));
  REQUIRE(other.author.value);
  CHECK(*other.author.value == "China Tax");
}

TEST_CASE("OFD characters placed one by one through a CTM read left to right", "[ingest][ofd]") {
  // 数科's pdf2ofd output: each character its own TextObject, scaled by a CTM; a row 一二三四 reads as one word.
  RawDocument raw = ReadShared("文字横向-数科.ofd");
  CHECK(Has(raw.text, "一二三四"));
  REQUIRE(raw.author.value);
  CHECK(*raw.author.value == "don");
}

TEST_CASE("An OFD built with the metadata and two wrapped lines", "[ingest][ofd]") {
  // 25 mm indented first line reaching the right margin, then a flush-left line: one paragraph.
  std::string body = Text(35, 30, "一、主要举措") + Text(35, 40, "区政府严格落实第一责任人职责，坚持党对法治政府") +
                     Text(25, 47, "建设工作的领导。") + Text(35, 54, "第二段。");
  RawDocument raw = ReadBytes("built.ofd", Ofd(body), Limits{});
  CHECK(raw.text == "一、主要举措\n区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导。\n第二段。\n");
  REQUIRE(raw.title.value);
  CHECK(*raw.title.value == "某区2021年度法治政府建设情况报告");
  REQUIRE(raw.published.value);
  CHECK(raw.published.value->year == 2022);
}

TEST_CASE("An OFD is recognised by content whatever its name; .ofd that is not one is an error", "[ingest][ofd]") {
  std::string ofd = Ofd(Text(30, 30, "这是一个用其他扩展名保存的版式文件，内容足够长。"));
  CHECK(ReadBytes("报告.docx", ofd, Limits{}).format == "ofd");
  CHECK(ReadBytes("报告.txt", ofd, Limits{}).format == "ofd");
  CHECK_THROWS_WITH(ReadBytes("报告.ofd", std::string("plain text, not a zip"), Limits{}),
                    Catch::Contains("不是 ZIP"));
}

TEST_CASE("Broken OFD packages fail with one clear error", "[ingest][ofd][bad]") {
  std::string real = test::ReadFile(test::SharedDir() / "corpus" / "ofd" / "拿来主义_page6.ofd");
  try {
    ReadBytes("truncated.ofd", real.substr(0, real.size() / 2), Limits{});
    FAIL("a truncated OFD was read");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-ofd-broken");  // by extension: the ZIP's directory is gone
  }
  // A ZIP with OFD.xml whose DocRoot is missing; one whose page is missing; one with malformed XML.
  std::string no_root = MakeZip({{"OFD.xml", kOfdXml}});
  CHECK_THROWS_WITH(ReadBytes("x.ofd", no_root, Limits{}), Catch::Contains("DocRoot"));
  std::string no_page = MakeZip({{"OFD.xml", kOfdXml}, {"Doc_0/Document.xml", kDocumentXml}});
  CHECK_THROWS_WITH(ReadBytes("x.ofd", no_page, Limits{}), Catch::Contains("第 1 页"));
  std::string bad_xml = MakeZip({{"OFD.xml", "<ofd:OFD><ofd:DocBody>"}});
  try {
    ReadBytes("x.ofd", bad_xml, Limits{});
    FAIL("malformed OFD.xml was read");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-ofd-broken");
    CHECK(std::string(e.what()).find("OFD.xml") != std::string::npos);
  }
  // A ZIP with a .ofd name but no OFD.xml.
  try {
    ReadBytes("x.ofd", MakeZip({{"readme.txt", "hello"}}), Limits{});
    FAIL("a ZIP without OFD.xml was read");
  } catch (const InputError& e) {
    CHECK(e.code() != "");
  }
  RawDocument direct;
  CHECK_THROWS_AS(OfdReader().Read(MakeZip({{"readme.txt", "hello"}}), Limits{}, direct), InputError);
}

TEST_CASE("Hostile OFD: nesting, zip bombs and entry counts hit the named limits", "[ingest][ofd][limits][bad]") {
  std::string open, close;
  for (int k = 0; k < 3000; ++k) {
    open += "<ofd:PageBlock>";
    close += "</ofd:PageBlock>";
  }
  std::string nested = Ofd(open + Text(30, 30, "深处的文字") + close);
  CHECK_THROWS_WITH(ReadBytes("deep.ofd", nested, Limits{}), Catch::Contains("max_markup_depth"));

  std::string zeros(300u << 20 >> 4, ' ');  // 18.75 MiB of spaces: deflates over 1000 times
  std::string bomb = MakeZip({{"OFD.xml", kOfdXml},
                              {"Doc_0/Document.xml", kDocumentXml},
                              {"Doc_0/Pages/Page_0/Content.xml", Page(Text(30, 30, "正文"))},
                              {"Doc_0/Res/padding.xml", zeros}});
  CHECK_THROWS_WITH(ReadBytes("bomb.ofd", bomb, Limits{}), Catch::Contains("max_zip_ratio"));
  Limits few;
  few.max_ofd_pages = 0;
  CHECK_THROWS_WITH(ReadBytes("pages.ofd", Ofd(Text(30, 30, "正文")), few), Catch::Contains("max_ofd_pages"));
  // Absurd numbers (NaN, infinities, a "g" repeat of a billion) do not hang or crash the layout.
  std::string odd = "<ofd:TextObject Boundary=\"nan inf -inf 1e308\" CTM=\"1e308 0 0 1e308 nan 0\" Size=\"inf\">"
                    "<ofd:TextCode X=\"nan\" Y=\"1e999\" DeltaX=\"g 1000000000 5\" DeltaY=\"g -3 1\">"
                    "这是一段坐标异常的文字，仍应读出。</ofd:TextCode></ofd:TextObject>";
  CHECK(Has(ReadBytes("odd.ofd", Ofd(odd), Limits{}).text, "这是一段坐标异常的文字"));
}

TEST_CASE("An OFD of page images only is not checkable, as a scanned PDF", "[ingest][ofd][bad]") {
  std::string scan = Ofd("<ofd:ImageObject ID=\"5\" Boundary=\"0 0 210 297\" CTM=\"210 0 0 297 0 0\" ResourceID=\"7\"/>");
  CHECK_THROWS_AS(ReadBytes("scan.ofd", scan, Limits{}), NotCheckableError);
  std::string empty = Ofd("");
  try {
    ReadBytes("empty.ofd", empty, Limits{});
    FAIL("an OFD without text was read");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-empty");
  }
}

TEST_CASE("The sample written as OFD by make_ofd.py reads back as the sample", "[ingest][ofd][forms]") {
  test::TempDir dir;
  const std::string out = (dir.path() / "hongqiao.ofd").string();
  ToolResult made = RunTool({"python3", (test::FormsDir() / "make_ofd.py").string(), test::SamplePath().string(), out},
                            60, 1 << 20);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  RawDocument raw = ReadInput(out, Limits{});
  CHECK(raw.pages.size() > 10);
  REQUIRE(raw.title.value);
  CHECK(*raw.title.value == "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告");
  auto got = Lines(Normalize(raw).text);
  auto want = test::BodyLines(Lines(Normalize(ReadInput(test::SamplePath().string(), Limits{})).text));
  CHECK(got == want);
}

}  // namespace
}  // namespace fazhi
