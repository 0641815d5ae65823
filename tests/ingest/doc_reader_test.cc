// Word 97-2003 (.doc) and WPS (.wps) made by LibreOffice (tests/data/forms/make_word97.sh), read through antiword:
// the sample's text, recognised by content whatever the name; OLE files that are not Word documents, a password,
// a truncated file and a directory that loops each give one clear error.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "ingest/format_reader.h"
#include "ingest/ingest_test_util.h"
#include "ingest/ole_file.h"

namespace fazhi {
namespace {

using test::Lines;

std::string ErrorCode(const std::string& name, const std::string& bytes) {
  try {
    ReadBytes(name, bytes, Limits{});
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find('\n') == std::string::npos);  // one line
    return e.code();
  }
  return "";
}

TEST_CASE("The sample as a Word 97-2003 .doc reads as the DOCX does", "[ingest][doc]") {
  RawDocument raw = test::ReadForm("hongqiao.doc");
  CHECK(raw.format == "doc");
  CHECK(raw.encoding == "UTF-8");
  auto got = Lines(Normalize(raw).text);
  auto want = Lines(Normalize(test::ReadForm("hongqiao.docx")).text);
  CHECK(got == want);
}

TEST_CASE("A .doc is recognised by content: named .wps, .txt or without extension", "[ingest][doc]") {
  // WPS Writer's .wps is the same Word binary format in the same OLE container; no tool here writes a .wps, so
  // the .doc under that name stands for one.
  const std::string bytes = test::ReadFile(test::FormsDir() / "hongqiao.doc");
  for (const char* name : {"报告.wps", "报告.txt", "报告"}) {
    INFO(name);
    RawDocument raw = ReadBytes(name, bytes, Limits{});
    CHECK(raw.format == "doc");
    CHECK(raw.text.find("三、下一步工作安排") != std::string::npos);
  }
}

TEST_CASE("OLE files that are not Word documents say what they are", "[ingest][doc][bad]") {
  const std::string xls = test::ReadFile(test::FormsDir() / "sheet.xls");
  CHECK(ErrorCode("表格.doc", xls) == "E-unsupported-format");
  CHECK_THROWS_WITH(ReadBytes("表格.doc", xls, Limits{}), Catch::Contains("Excel"));
}

TEST_CASE("A password-protected .doc is E-doc-encrypted", "[ingest][doc][bad]") {
  const std::string doc = test::ReadFile(test::FormsDir() / "encrypted.doc");
  CHECK(ErrorCode("encrypted.doc", doc) == "E-doc-encrypted");
  CHECK(ErrorCode("encrypted.wps", doc) == "E-doc-encrypted");
}

TEST_CASE("A truncated or damaged .doc is E-doc-broken", "[ingest][doc][bad]") {
  const std::string doc = test::ReadFile(test::FormsDir() / "hongqiao.doc");
  CHECK(ErrorCode("truncated.doc", test::ReadFile(test::FormsDir() / "truncated.doc")) == "E-doc-broken");
  CHECK(ErrorCode("header.doc", doc.substr(0, 600)) == "E-doc-broken");
  CHECK(ErrorCode("signature.doc", doc.substr(0, 8)) == "E-doc-broken");
  // A directory chain that points back to itself: read once, not forever.
  std::string loop = doc;
  const std::uint32_t dir = static_cast<unsigned char>(doc[0x30]) | static_cast<unsigned char>(doc[0x31]) << 8;
  REQUIRE(OleFile::Open(loop));
  const std::size_t fat = (static_cast<std::size_t>(static_cast<unsigned char>(doc[0x4C]) |
                                                    static_cast<unsigned char>(doc[0x4D]) << 8) +
                           1) * 512;
  for (int b = 0; b < 4; ++b) loop[fat + dir * 4 + static_cast<std::size_t>(b)] = static_cast<char>((dir >> (8 * b)) & 0xFF);
  auto opened = OleFile::Open(loop);
  CHECK(!opened);
  // A .doc name on plain text: not an OLE file.
  RawDocument direct;
  direct.path = "plain.doc";
  CHECK_THROWS_WITH(DocReader().Read("just text", Limits{}, direct), Catch::Contains("OLE"));
}

TEST_CASE("The OLE directory lists the streams of a real .doc", "[ingest][doc]") {
  const std::string doc = test::ReadFile(test::FormsDir() / "hongqiao.doc");
  auto ole = OleFile::Open(doc);
  REQUIRE(ole);
  const OleEntry* word = ole->Find("WordDocument");
  REQUIRE(word);
  CHECK(word->size > 4096);
  std::string fib = ole->Head(*word, 4);
  REQUIRE(fib.size() == 4);
  CHECK(static_cast<unsigned char>(fib[0]) == 0xEC);  // wIdent 0xA5EC: Word 97 and later
  CHECK(static_cast<unsigned char>(fib[1]) == 0xA5);
  CHECK(ole->Find("1Table"));
  auto sheet = OleFile::Open(test::ReadFile(test::FormsDir() / "sheet.xls"));
  REQUIRE(sheet);
  CHECK(sheet->Find("Workbook"));
  CHECK(!sheet->Find("WordDocument"));
}

}  // namespace
}  // namespace fazhi
