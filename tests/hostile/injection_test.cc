// Hostile text in file names and page metadata (issue #17, items 11, 13, 14): invalid UTF-8 and U+FFFE/U+FFFF never
// make a workbook's XML ill-formed, a control character in front of `=` never hides a formula from the CSV guard,
// and an escape sequence from a title or a file name is never printed raw on the terminal or on stderr.
#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zip.h>

#include <map>

#include "core/safe_text.h"
#include "core/utf8.h"
#include "render/ledger.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi::test {
namespace {

std::string Sample() { return ReadFile(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt"); }

// Every entry of a ZIP file on disk, name → bytes.
std::map<std::string, std::string> ZipEntries(const fs::path& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  std::map<std::string, std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f);
    std::string data(st.size, '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_discard(z);
  return out;
}

// Well-formed XML 1.0 as far as characters go: valid UTF-8, only Char code points, and pugixml parses it.
void CheckWellFormedXml(const std::string& name, const std::string& xml) {
  INFO(name);
  CHECK(FindInvalidUtf8(xml) == std::string::npos);
  for (std::size_t i = 0; i < xml.size();) {
    char32_t cp = DecodeUtf8(xml, i);
    bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
              (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!ok) {
      FAIL_CHECK("code point U+" << std::hex << static_cast<unsigned>(cp) << " not allowed in XML at byte " << i);
      break;
    }
  }
  pugi::xml_document doc;
  CHECK(doc.load_string(xml.c_str()));
}


const std::string kNonChars = "\xEF\xBF\xBE\xEF\xBF\xBF";  // U+FFFE U+FFFF
const std::string kFormulaName = "\x01=HYPERLINK(\"http:evil\",\"x\").txt";
const std::string kEscTitle = "\x1b[2J\x1b[8m总分 100.0\x07";

// A page whose <title> is an escape sequence and whose ArticleTitle is a formula behind a control character (both
// are refused as the report's title today, since the body has its own; they must stay inert wherever they go); the
// body names no year, so W-no-year names the file on stderr.
std::string HostilePage() {
  std::string body = "一、主要举措\n区政府全面推进政务公开，严格规范公正文明执法，完善行政决策程序。\n";
  return "<html><head><title>" + kEscTitle +
         "</title><meta name=\"ArticleTitle\" content=\"\x02=HYPERLINK(&quot;http://evil&quot;)\"></head><body><pre>" +
         body + kNonChars + "</pre></body></html>";
}

}  // namespace

TEST_CASE("StripControlChars keeps XML-safe text; the formula guard looks after it", "[hostile][security]") {
  CHECK(StripControlChars("a\x01" "b\tc\nd\x7f") == "ab\tc\nd");
  CHECK(StripControlChars("x" + kNonChars + "\xEF\xB7\x90y") == "xy");        // U+FFFE, U+FFFF, U+FDD0
  CHECK(StripControlChars("\xC2\x85" "a\xC2\x9B" "b") == "ab");               // C1 controls (NEL, CSI)
  CHECK(StripControlChars("bad\xFF\xC3") == "bad\xEF\xBF\xBD\xEF\xBF\xBD");  // invalid bytes → U+FFFD
  CHECK(StripControlChars("法治\xF0\x9F\x98\x80") == "法治\xF0\x9F\x98\x80");
  CHECK(SpreadsheetSafe("\x01=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
  CHECK(SpreadsheetSafe("\x1b\x02+1") == "'+1");
  CHECK(SpreadsheetSafe("\r\n=1") == "\n=1");  // begins with a newline: Excel shows text
  CHECK(SpreadsheetSafe(kNonChars + "@SUM(1)") == "'@SUM(1)");
}

TEST_CASE("TerminalSafe shows control characters instead of sending them", "[hostile][security]") {
  CHECK(TerminalSafe("\x1b[2Jx") == "\xE2\x90\x9B[2Jx");                   // ␛[2Jx
  CHECK(TerminalSafe("a\nb\r\x07") == "a\xE2\x90\x8A" "b\xE2\x90\x8D\xE2\x90\x87");
  CHECK(TerminalSafe("a\nb", true) == "a\nb");
  CHECK(TerminalSafe("\xC2\x9B" "31m") == "\xEF\xBF\xBD" "31m");           // C1 CSI
  CHECK(TerminalSafe("\xE2\x80\xAE" "txt.exe") == "\xEF\xBF\xBD" "txt.exe");  // right-to-left override
  CHECK(TerminalSafe("\x7f\xFF") == "\xE2\x90\xA1\xEF\xBF\xBD");
  CHECK(TerminalSafe("法治政府 2021") == "法治政府 2021");
}

TEST_CASE("a batch with hostile file names and titles writes well-formed workbooks and inert CSV",
          "[hostile][security][batch]") {
  TempDir tmp;
  fs::path in = tmp.path() / "in";
  WriteFile(in / "bad\xFF\xFE name.txt", Sample() + kNonChars);  // invalid UTF-8 in the name, U+FFFE in the text
  WriteFile(in / kFormulaName, Sample());
  WriteFile(in / "page.html", HostilePage());
  fs::path out = tmp.path() / "out";
  // The files named one by one from inside their folder: the summary's 文件 column then begins with the name.
  RunResult r = RunFazhiCapped({"check", "-f", "xlsx", "-f", "csv", "-o", out.string(), "bad\xFF\xFE name.txt",
                                kFormulaName, "page.html"},
                               240, in);
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find('\x1b') == std::string::npos);

  std::size_t workbooks = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.path().extension() != ".xlsx") continue;
    ++workbooks;
    for (const auto& [name, bytes] : ZipEntries(e.path()))
      if (name.size() > 4 && (name.ends_with(".xml") || name.ends_with(".rels"))) CheckWellFormedXml(name, bytes);
  }
  CHECK(workbooks == 4);  // summary.xlsx and one per report

  std::string csv = ReadFile(out / "summary.csv");
  bool saw_name = false;
  for (const auto& field : CsvFields(csv.substr(3))) {
    INFO(field);
    if (!field.empty()) CHECK(std::string("=+-@\t\r").find(field[0]) == std::string::npos);
    for (unsigned char c : field) CHECK((c >= 0x20 || c == '\t' || c == '\n'));
    if (field.find("'=HYPERLINK(\"http:evil\"") != std::string::npos) saw_name = true;
  }
  CHECK(saw_name);  // the file name was there, as text (it was `=HYPERLINK(…)`, a live formula, before)
}

TEST_CASE("escape sequences from a page's title and a file name never reach the terminal raw",
          "[hostile][security]") {
  TempDir tmp;
  fs::path page = tmp.path() / "esc\x1b[2J\x1b]0;pwned\x07.html";
  WriteFile(page, HostilePage());
  RunResult r = RunFazhiCapped({"check", "-v", page.string()}, 120);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("esc\xE2\x90\x9B[2J"));  // the file name is shown, ESC as ␛
  CHECK_THAT(r.err, Catch::Contains("esc\xE2\x90\x9B[2J"));  // in the W-no-year log line too

  // A page that cannot be read: the error line names the file, safely.
  fs::path bad = tmp.path() / "bad\x1b[31m.html";
  WriteFile(bad, "<html><body><script>x</script></body></html>");
  RunResult e = RunFazhiCapped({"check", bad.string()}, 60);
  CHECK(e.exit_code == 2);
  CHECK(e.err.find('\x1b') == std::string::npos);
  CHECK_THAT(e.err, Catch::Contains("bad\xE2\x90\x9B[31m.html"));
}

}  // namespace fazhi::test
