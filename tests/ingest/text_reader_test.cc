// Text reports in every encoding, and the bad inputs a text reader meets (empty, binary, damaged UTF-8).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "core/error.h"
#include "core/text.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/ingest_test_util.h"
#include "ingest/ole_file.h"

namespace fazhi {
namespace {

using test::FormsDir;
using test::ReadForm;

std::string Sample() { return test::ReadFile(test::SamplePath()); }

RawDocument FromBytes(const std::string& name, const std::string& bytes) { return ReadBytes(name, bytes, Limits{}); }

TEST_CASE("UTF-8 text is read as is", "[ingest][text]") {
  RawDocument raw = ReadInput(test::SamplePath().string(), Limits{});
  CHECK(raw.format == "text");
  CHECK(raw.encoding == "UTF-8");
  CHECK(raw.text == Sample());
  CHECK(raw.diagnostics.empty());
  CHECK(raw.sha256.size() == 64);
}

TEST_CASE("UTF-8 with BOM and CRLF line ends", "[ingest][text]") {
  RawDocument raw = ReadForm("hongqiao.utf8-bom-crlf.txt");
  CHECK(raw.encoding == "UTF-8");
  CHECK(raw.text.substr(0, 3) != "\xEF\xBB\xBF");
  CHECK(Normalize(raw).text == Normalize(FromBytes("s.txt", Sample())).text);
}

TEST_CASE("UTF-16LE and UTF-16BE with BOM", "[ingest][text]") {
  for (const char* name : {"hongqiao.utf16le.txt", "hongqiao.utf16be.txt"}) {
    RawDocument raw = ReadForm(name);
    CHECK(raw.encoding == (std::string(name).find("le") != std::string::npos ? "UTF-16LE" : "UTF-16BE"));
    CHECK(raw.text == Sample());
  }
}

TEST_CASE("GB18030 text is detected and decoded", "[ingest][text]") {
  RawDocument raw = ReadForm("hongqiao.gb18030.txt");
  CHECK(raw.encoding == "GB18030");
  CHECK(raw.text == Sample());
  CHECK(raw.diagnostics.empty());
}

TEST_CASE("GBK bytes of a short text fall back to GB18030", "[ingest][text]") {
  // "政府信息公开工作" in GBK: too short for reliable detection, so the GB18030 fallback decides.
  std::string gbk = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7";
  RawDocument raw = FromBytes("short.txt", gbk);
  CHECK(raw.encoding == "GB18030");
  CHECK(raw.text == "政府信息公开工作");
}

TEST_CASE("Big5 text is detected and decoded", "[ingest][text]") {
  RawDocument raw = ReadForm("hongqiao.big5.txt");
  CHECK(raw.encoding == "BIG5");
  CHECK(raw.text.find("法治政府建設") != std::string::npos);
  CHECK(raw.diagnostics.empty());
}

// The census of valid UTF-8 (DecodeToUtf8's `chars` and `controls`, which LooksBinary reads) takes runs of ASCII and
// three-byte characters sixteen bytes at a time: it must count what a decoder reading one character at a time counts,
// whichever characters a block holds and wherever a character crosses its end.
TEST_CASE("The UTF-8 census counts characters and control-like ones as decoding does", "[ingest][text]") {
  const std::vector<std::string> pieces = {
      "法", "治", "政", "府", "，", "。", "、", "“", "”", "（", "）", "a", "7", " ", "\n", "\t", "\r", "\x1B",
      "\x01", "\x7F", "é", "\xC2\x85", "\xEE\x80\x80", "\xEF\xA3\xBF", "\xEF\xA4\x80", "\xEF\xBF\xBD",
      "\xEF\xBF\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
      "\xE3\x80\x80"};
  auto control_like = [](char32_t cp) {
    return cp == 0 || (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f' && cp != 0x1B) ||
           (cp >= 0x7F && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF);
  };
  std::mt19937 rng(21);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int common = static_cast<int>(rng() % 12);  // how many pieces are drawn from the common ones only
    const std::size_t length = 1 + rng() % 200;
    while (text.size() < length) {
      const std::size_t k = rng() % 16 < static_cast<unsigned>(common) ? rng() % 12 : rng() % pieces.size();
      text += pieces[k];
    }
    std::size_t chars = 0, controls = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) controls += control_like(DecodeUtf8(text, i));
    const DecodedText d = DecodeToUtf8(text);
    INFO(text);
    REQUIRE(d.counted);
    CHECK(d.utf8 == text);
    CHECK(d.chars == chars);
    CHECK(d.controls == controls);
  }
}

TEST_CASE("Invalid UTF-8 in the middle becomes U+FFFD with a warning naming the offset", "[ingest][text]") {
  std::string bytes = test::ReadFile(FormsDir() / "invalid-utf8-middle.txt");
  std::size_t at = bytes.find("\xFF\xFE");
  RawDocument raw = ReadForm("invalid-utf8-middle.txt");
  CHECK(raw.encoding == "UTF-8");
  REQUIRE(raw.diagnostics.size() == 1);
  CHECK(raw.diagnostics[0].code == "W-invalid-encoding");
  CHECK(raw.diagnostics[0].level == Level::kWarning);
  CHECK_THAT(raw.diagnostics[0].message, Catch::Contains("第一处在第 " + std::to_string(at) + " 字节"));
  CHECK_THAT(raw.diagnostics[0].message, Catch::Contains("2 处无效的 UTF-8"));
  CHECK(raw.text.find("\xEF\xBF\xBD\xEF\xBF\xBD二、存在的问题与不足") != std::string::npos);
}

// ReadInput hands the file's bytes to the reader (FormatReader::ReadOwned), which takes UTF-8 without a BOM as the
// text without a copy: every file of tests/data/forms (each encoding and format), and bytes that are UTF-8 with a
// BOM, damaged, GB18030, binary or blank, must read as ReadBytes reads the same bytes.
TEST_CASE("A file read from disk reads as its bytes do", "[ingest][text]") {
  auto same = [](const std::filesystem::path& path) {
    const std::string bytes = test::ReadFile(path);
    std::string file_code, bytes_code;
    RawDocument from_file, from_bytes;
    try {
      from_file = ReadInput(path.string(), Limits{});
    } catch (const InputError& e) {
      file_code = e.code() + e.what();
    } catch (const std::exception& e) {  // NotCheckableError (a PDF without text)
      file_code = e.what();
    }
    try {
      from_bytes = ReadBytes(path.string(), bytes, Limits{});
    } catch (const InputError& e) {
      bytes_code = e.code() + e.what();
    } catch (const std::exception& e) {  // NotCheckableError (a PDF without text)
      bytes_code = e.what();
    }
    INFO(path.filename().string());
    CHECK(file_code == bytes_code);
    CHECK(from_file.format == from_bytes.format);
    CHECK(from_file.encoding == from_bytes.encoding);
    CHECK(from_file.sha256 == from_bytes.sha256);
    CHECK(from_file.text == from_bytes.text);
    REQUIRE(from_file.diagnostics.size() == from_bytes.diagnostics.size());
    for (std::size_t k = 0; k < from_file.diagnostics.size(); ++k)
      CHECK(from_file.diagnostics[k].message == from_bytes.diagnostics[k].message);
  };
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(FormsDir()))
    if (entry.is_regular_file()) {
      same(entry.path());
      ++files;
    }
  CHECK(files > 10);
  test::TempDir tmp;
  const std::string sample = Sample();
  const std::vector<std::string> texts = {
      sample, "\xEF\xBB\xBF" + sample, sample.substr(0, 3000) + "\xFF\xFE" + sample.substr(3000),
      "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7", std::string("ab\0cd", 5), " \n\t\n", "\x01\x02\x03x"};
  for (std::size_t k = 0; k < texts.size(); ++k) {
    const auto path = tmp.path() / ("t" + std::to_string(k) + ".txt");
    test::WriteFile(path, texts[k]);
    same(path);
  }
}

TEST_CASE("Empty and blank files are errors", "[ingest][text][bad]") {
  test::TempDir tmp;
  test::WriteFile(tmp.path() / "empty.txt", "");
  try {
    ReadInput((tmp.path() / "empty.txt").string(), Limits{});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-empty");
    CHECK_THAT(e.what(), Catch::Contains("文件是空的"));
  }
  CHECK_THROWS_AS(FromBytes("blank.txt", " \n\r\n\t  \n"), InputError);
  CHECK_THROWS_WITH(ReadInput((tmp.path() / "nope.txt").string(), Limits{}), Catch::Contains("文件不存在"));
  CHECK_THROWS_WITH(ReadInput(tmp.path().string(), Limits{}), Catch::Contains("这是文件夹"));
}

TEST_CASE("Binary garbage is an unsupported format, not text", "[ingest][text][bad]") {
  std::string garbage;
  std::uint32_t x = 12345;
  for (int k = 0; k < 20000; ++k) {
    x = x * 1103515245u + 12345u;
    garbage += static_cast<char>((x >> 16) & 0xFF);
  }
  std::string no_nul = garbage;
  for (char& c : no_nul)
    if (c == '\0') c = '\x01';
  for (const std::string& bytes : {garbage, no_nul}) {
    try {
      FromBytes("garbage.bin", bytes);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.code() == "E-unsupported-format");
      CHECK_THAT(e.hint(), Catch::Contains("转换为 DOCX 或 PDF"));
    }
  }
}

TEST_CASE("Known non-report formats are named in the error; a .doc, .wps or .ofd that is not one too",
          "[ingest][bad]") {
  struct Case {
    std::string name, bytes, code, expect;
  };
  const std::string ole(kOleSignature);
  std::vector<Case> cases = {
      {"scan.png", "\x89PNG\r\n\x1A\n" + std::string(100, 'x'), "E-unsupported-format", "PNG 图片"},
      {"scan.jpg", "\xFF\xD8\xFF\xE0" + std::string(100, 'x'), "E-unsupported-format", "JPEG 图片"},
      {"report.rar", "Rar!\x1A\x07" + std::string(100, 'x'), "E-unsupported-format", "RAR 压缩包"},
      {"report.odt", "plain text that claims to be an OpenDocument", "E-unsupported-format", "OpenDocument 文本"},
      {"report.doc", ole + std::string(600, '\0'), "E-doc-broken", "（.doc/.wps）已损坏或不完整"},
      {"report.wps", ole + std::string(600, 'x'), "E-doc-broken", "（.doc/.wps）已损坏或不完整"},
      {"report.doc", "plain text that claims to be a doc", "E-doc-broken", "OLE"},
      {"report.ofd", "some bytes", "E-ofd-broken", "OFD"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    try {
      FromBytes(c.name, c.bytes);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.code() == c.code);
      CHECK_THAT(e.what(), Catch::Contains(c.expect));
      if (c.code == "E-unsupported-format") CHECK_THAT(e.hint(), Catch::Contains("转换为 DOCX 或 PDF"));
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("Reader names are listed in registry order", "[ingest]") {
  CHECK(ReaderNames() == std::vector<std::string>{"doc", "docx", "html", "ofd", "pdf", "text"});
}

}  // namespace
}  // namespace fazhi
