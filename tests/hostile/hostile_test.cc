// Hostile inputs, table-driven: each file (generated here, or a form fixture) goes through `fazhi check --lang en
// --format json` under a time limit (the messages asserted are the table's English ones), and the documented outcome is asserted: exit status, a message naming the problem or
// the limit, or a report whose document is not_checkable. docs/reliability.md lists the same table.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace fazhi::test {
namespace {

// ---- making hostile files ---------------------------------------------------------------------------------

std::string Sample() { return ReadFile(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt"); }
fs::path Form(const std::string& name) { return SourceDir() / "tests" / "data" / "forms" / name; }

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string RandomBytes(std::size_t n, unsigned seed, int lo = 0, int hi = 255) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(lo, hi);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(d(rng));
  return s;
}

// A ZIP written by libzip: (name, bytes, stored?) entries. Data must outlive zip_close, so it is kept here.
void WriteZip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& entries,
              bool store = false) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    REQUIRE(src);
    zip_int64_t idx = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    REQUIRE(idx >= 0);
    if (store) zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  REQUIRE(zip_close(z) == 0);
}

const char* kRels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

std::string DocumentXml(const std::string& body, const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog +
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
         "</w:body></w:document>";
}

std::string Para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

// ---- the table ------------------------------------------------------------------------------------------

struct Outcome {
  int exit_code = 0;
  std::string message;         // substring expected in stderr (the error names the problem or the limit)
  bool not_checkable = false;  // stdout is a JSON report whose document is not checkable
  bool report = false;         // stdout is a JSON report (the file was checked)
  std::string encoding;        // when set: the report's document.encoding
};

struct Hostile {
  std::string name;  // also the tag used by the test cases below
  std::string what;
  std::string group;  // text | container | html | path
  std::function<fs::path(const fs::path& dir)> make;
  Outcome expect;
  int max_seconds = 60;
  int max_mb = 2048;  // peak resident memory allowed (ASan/UBSan build included)
};

Outcome Error(const std::string& message) { return {2, message, false, false, ""}; }
Outcome Checked() { return {0, "", false, true, ""}; }
Outcome NotCheckable(const std::string& reason) { return {0, reason, true, true, ""}; }

fs::path Write(const fs::path& dir, const std::string& name, const std::string& bytes) {
  WriteFile(dir / name, bytes);
  return dir / name;
}

const std::vector<Hostile>& Table() {
  static const std::vector<Hostile> kTable = {
      // --- text ---
      {"empty", "a file of 0 bytes", "text", [](auto& d) { return Write(d, "empty.txt", ""); },
       Error("the file is empty")},
      {"one-byte", "a file of one byte `a`", "text", [](auto& d) { return Write(d, "one.txt", "a"); }, Checked()},
      {"only-bom", "only a UTF-8 byte-order mark", "text", [](auto& d) { return Write(d, "bom.txt", "\xEF\xBB\xBF"); },
       Error("contains no text")},
      {"only-whitespace", "spaces, tabs, CRLF, ideographic spaces, zero-width spaces", "text",
       [](auto& d) { return Write(d, "ws.txt", "  \n\n\t \r\n\xE3\x80\x80\xE3\x80\x80\n\xE2\x80\x8B\n"); },
       Error("contains no text")},
      {"nul-bytes", "1000 NUL bytes", "text", [](auto& d) { return Write(d, "nul.txt", std::string(1000, '\0')); },
       Error("binary data")},
      {"binary-garbage", "5000 random bytes", "text",
       [](auto& d) { return Write(d, "garbage.txt", RandomBytes(5000, 1)); }, Error("unsupported format")},
      {"control-chars", "ASCII control characters only (no NUL)", "text",
       [](auto& d) { return Write(d, "ctrl.txt", Repeat("\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0E\x0F\x10", 300)); },
       Error("binary data")},
      {"invalid-utf8", "5000 random bytes 0x80-0xFF (invalid UTF-8 throughout)", "text",
       [](auto& d) { return Write(d, "invalid.txt", RandomBytes(5000, 2, 0x80, 0xFF)); }, Error("binary data")},
      {"utf16-no-bom", "UTF-16LE text without a byte-order mark", "text",
       [](auto& d) {
         std::string u;  // ASCII as UTF-16LE: every other byte is NUL
         for (char c : Repeat("Annual report 2021, rule of law. ", 40)) u += std::string{c, '\0'};
         return Write(d, "utf16.txt", u);
       },
       Error("binary data")},
      {"png", "a PNG image named .txt", "text",
       [](auto& d) { return Write(d, "image.txt", std::string("\x89PNG\r\n\x1A\n", 8) + RandomBytes(200, 3)); },
       Error("a PNG image")},
      {"ole-doc", "an OLE header and random bytes named .doc", "text",
       [](auto& d) {
         return Write(d, "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + RandomBytes(4000, 4));
       },
       Error("OLE")},
      {"ole-xls", "an Excel 97-2003 workbook (OLE) named .doc", "container",
       [](auto& d) { return Write(d, "table.doc", ReadFile(Form("sheet.xls"))); }, Error("Excel")},
      {"doc-password", "a Word 97-2003 .doc with a password to open", "container",
       [](auto&) { return Form("encrypted.doc"); }, Error("password")},
      {"doc-truncated", "a .doc cut off after 20 000 bytes", "container",
       [](auto&) { return Form("truncated.doc"); }, Error("damaged")},
      {"gbk-wrong-meta", "a GBK page whose <meta> says utf-8", "html",
       [](auto& d) {
         // The sample's first lines re-encoded as GB18030 by hand would need ICU here: the GB18030 form fixture is.
         std::string gbk = ReadFile(Form("hongqiao.gb18030.txt")).substr(0, 6000);
         return Write(d, "wrong-meta.html",
                      "<html><head><meta charset=\"utf-8\"></head><body><pre>" + gbk + "</pre></body></html>");
       },
       {0, "", false, true, "GB18030"}},
      {"huge-60mb", "a 60 MB text file", "text",
       [](auto& d) {
         std::ofstream out(d / "huge.txt", std::ios::binary);
         std::string chunk = Sample();
         for (std::size_t n = 0; n < 60'000'000; n += chunk.size()) out << chunk;
         return d / "huge.txt";
       },
       Error("max_input_bytes"), 20},
      {"one-5mb-line", "a report whose body is one 5 MB line", "text",
       [](auto& d) {
         std::string line = Repeat("区政府推进严格规范公正文明执法，", 5'000'000 / 48);
         return Write(d, "long-line.txt", "关于2021年度法治政府建设情况的报告\n" + line + "\n");
       },
       Checked(), 240},
      {"200k-headings", "200 000 numbered headings", "text",
       [](auto& d) {
         std::string s = "关于2021年度法治政府建设情况的报告\n";
         static const char* kNums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
         for (int i = 0; i < 200'000; ++i) s += std::string(kNums[i % 10]) + "、工作\n";
         return Write(d, "headings.txt", s);
       },
       Checked(), 240},
      // --- containers ---
      {"ofd-bomb", "an OFD whose page is 20 MB of one byte (ratio about 1000)", "container",
       [](auto& d) {
         WriteZip(d / "bomb.ofd", {{"OFD.xml", "<ofd:OFD><ofd:DocBody><ofd:DocRoot>D/Document.xml</ofd:DocRoot>"
                                               "</ofd:DocBody></ofd:OFD>"},
                                   {"D/Document.xml", "<ofd:Document><ofd:Pages><ofd:Page BaseLoc=\"P.xml\"/>"
                                                      "</ofd:Pages></ofd:Document>"},
                                   {"D/P.xml", std::string(20'000'000, 'a')}});
         return d / "bomb.ofd";
       },
       Error("max_zip_ratio")},
      {"ofd-no-root", "an OFD whose OFD.xml names no document", "container",
       [](auto& d) {
         WriteZip(d / "x.ofd", {{"OFD.xml", "<ofd:OFD><ofd:DocBody><ofd:DocInfo/></ofd:DocBody></ofd:OFD>"}});
         return d / "x.ofd";
       },
       Error("DocRoot")},
      {"zip-bomb", "a DOCX whose document.xml is 20 MB of one byte (ratio about 1000)", "container",
       [](auto& d) {
         WriteZip(d / "bomb.docx", {{"_rels/.rels", kRels}, {"word/document.xml", std::string(20'000'000, 'a')}});
         return d / "bomb.docx";
       },
       Error("max_zip_ratio")},
      {"zip-100k-entries", "a DOCX (ZIP) with 100 000 empty entries", "container",
       [](auto& d) {
         std::vector<std::pair<std::string, std::string>> entries = {{"_rels/.rels", kRels},
                                                                      {"word/document.xml", DocumentXml(Para("报告"))}};
         for (int i = 0; i < 100'000; ++i) entries.push_back({"x/" + std::to_string(i), ""});
         WriteZip(d / "entries.docx", entries, true);
         return d / "entries.docx";
       },
       Error("max_zip_entries"), 120},
      {"docx-deep-xml", "a DOCX whose document.xml nests 100 000 <w:ins> elements", "container",
       [](auto& d) {
         std::string body = Repeat("<w:ins>", 100'000) + Para("法治政府建设") + Repeat("</w:ins>", 100'000);
         // Stored: deflated, it expands over 600 times and max_zip_ratio refuses it first.
         WriteZip(d / "deep.docx", {{"_rels/.rels", kRels}, {"word/document.xml", DocumentXml(body)}}, true);
         return d / "deep.docx";
       },
       Error("max_markup_depth")},
      {"docx-billion-laughs", "a DOCX whose document.xml declares nested entities (billion laughs)", "container",
       [](auto& d) {
         std::string dtd = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">";
         std::string prev = "lol";
         for (int i = 1; i <= 9; ++i) {
           std::string name = "lol" + std::to_string(i);
           dtd += "<!ENTITY " + name + " \"" + Repeat("&" + prev + ";", 10) + "\">";
           prev = name;
         }
         dtd += "]>";
         std::string body = Para("关于2021年度法治政府建设情况的报告") + Para("&lol9;");
         WriteZip(d / "laughs.docx", {{"_rels/.rels", kRels}, {"word/document.xml", DocumentXml(body, dtd)}});
         return d / "laughs.docx";
       },
       Checked(), 30},  // pugixml does not expand entities it did not define itself: "&lol9;" stays text
      {"docx-huge-text", "a DOCX (stored) whose document.xml holds 20 MB of text, over the text budget", "container",
       [](auto& d) {
         std::string body = Repeat(Para(Repeat("法治政府建设年度报告", 100)), 6'700);
         WriteZip(d / "text.docx", {{"_rels/.rels", kRels}, {"word/document.xml", DocumentXml(body)}}, true);
         return d / "text.docx";
       },
       Error("max_text_bytes"), 60, 1024},
      {"pdf-shared-content", "a 0.5 MB PDF: 2000 pages showing one shared content stream (400 MB of text)",
       "container", [](auto& d) { return Write(d, "shared.pdf", SharedContentPdf(2000, 100, 2000)); },
       Error("limit"), 60, 1024},  // max_text_bytes, or pdf_timeout_seconds (45 s) on a loaded machine
      {"docx-truncated", "a DOCX cut off after 4000 bytes (fixture)", "container",
       [](auto&) { return Form("truncated.docx"); }, Error("damaged or truncated")},
      {"zip-no-document", "a ZIP without word/document.xml (fixture)", "container",
       [](auto&) { return Form("no-document.docx"); }, Error("without word/document.xml")},
      {"docx-not-xml", "a DOCX whose document.xml is random bytes", "container",
       [](auto& d) {
         WriteZip(d / "notxml.docx", {{"_rels/.rels", kRels}, {"word/document.xml", RandomBytes(3000, 5)}});
         return d / "notxml.docx";
       },
       Error("not well-formed XML")},
      {"pdf-no-text", "a PDF with no text layer (fixture)", "container", [](auto&) { return Form("no-text.pdf"); },
       NotCheckable("no text layer")},
      {"pdf-encrypted", "a password-protected PDF (fixture)", "container",
       [](auto&) { return Form("encrypted.pdf"); }, Error("encrypted")},
      {"pdf-corrupted", "a %PDF- header followed by garbage", "container",
       [](auto& d) { return Write(d, "broken.pdf", "%PDF-1.7\n" + RandomBytes(5000, 6)); }, Error("damaged")},
      {"pdf-truncated", "the first half of a real PDF", "container",
       [](auto& d) {
         std::string pdf = ReadFile(Form("hongqiao.pdf"));
         return Write(d, "half.pdf", pdf.substr(0, pdf.size() / 2));
       },
       Error("E-")},  // pdftotext may still recover pages (then checked) — see the test below
      // --- html ---
      {"html-100k-divs", "100 000 nested <div> elements", "html",
       [](auto& d) {
         return Write(d, "divs.html",
                      "<html><body>" + Repeat("<div>", 100'000) + "法治政府建设" + Repeat("</div>", 100'000) +
                          "</body></html>");
       },
       Error("max_markup_depth"), 30},
      {"html-100k-b", "100 000 nested, unclosed <b> elements", "html",
       [](auto& d) {
         return Write(d, "bold.html", "<html><body>" + Repeat("<b>", 100'000) + "法治政府建设</body></html>");
       },
       Error("max_markup_depth"), 30},
      {"html-3k-divs", "3000 nested <div> elements (under the tag estimate, over the parsed-tree limit)", "html",
       [](auto& d) {
         return Write(d, "divs3k.html",
                      "<html><body>" + Repeat("<div>", 3000) + "法治政府建设" + Repeat("</div>", 3000) + "</body></html>");
       },
       Error("max_markup_depth"), 30},
      {"html-stray-end-tags", "40 000 × `<div></x>`: stray end tags that close nothing (360 KB)", "html",
       [](auto& d) {
         return Write(d, "stray.html", "<html><body>" + Repeat("<div></x>", 40'000) + "法治政府建设</body></html>");
       },
       Error("max_markup_depth"), 30, 512},
      {"html-deep-parse-errors", "3 900 open <div> then 40 000 stray end tags (a parse error each, 200 KB)", "html",
       [](auto& d) {
         return Write(d, "errors.html", "<html><body>" + Repeat("<div>", 3900) + Repeat("</x>", 40'000) +
                                            "法治政府建设" + Repeat("</div>", 3900) + "</body></html>");
       },
       Error("max_markup_depth"), 30, 512},
      {"html-many-parse-errors", "900 open <div> then 40 000 × `</x><p>法治</p>` (checked, 680 KB)", "html",
       [](auto& d) {
         return Write(d, "errors2.html", "<html><body>" + Repeat("<div>", 900) + Repeat("</x><p>法治</p>", 40'000) +
                                             "</body></html>");
       },
       Checked(), 120, 1024},
      {"html-huge-attribute", "a 5 MB attribute value around a real report", "html",
       [](auto& d) {
         std::string body = Sample().substr(0, 6000);
         return Write(d, "attr.html", "<html><body><div data-x=\"" + std::string(5'000'000, 'a') + "\"><pre>" +
                                          body + "</pre></div></body></html>");
       },
       Checked(), 120},
      {"html-only-script", "a page with only a <script>", "html",
       [](auto& d) {
         return Write(d, "script.html", "<html><body><script>document.write('法治政府')</script></body></html>");
       },
       Error("no readable text")},
      {"html-nul", "an HTML page with NUL bytes", "html",
       [](auto& d) { return Write(d, "nul.html", std::string("<html><body>a\0b</body></html>", 29)); },
       Error("binary data")},
      // --- paths ---
      {"name-spaces-chinese", "a report named `法治 报告 (2021 终稿).txt`", "path",
       [](auto& d) { return Write(d, "法治 报告 (2021 终稿).txt", Sample()); }, Checked()},
      {"directory-empty", "a folder with no reports", "path",
       [](auto& d) {
         fs::create_directories(d / "empty-folder");
         return d / "empty-folder";
       },
       Error("no report files under")},
      {"symlink-loop", "a symlink loop (a -> b -> a)", "path",
       [](auto& d) {
         fs::create_symlink(d / "loop-b.txt", d / "loop-a.txt");
         fs::create_symlink(d / "loop-a.txt", d / "loop-b.txt");
         return d / "loop-a.txt";
       },
       Error("symbolic links"), 20},
      {"fifo", "a named pipe (FIFO) with no writer", "path",
       [](auto& d) {
         REQUIRE(mkfifo((d / "pipe.txt").c_str(), 0600) == 0);
         return d / "pipe.txt";
       },
       Error("not a regular file"), 20},
      {"device", "/dev/zero (a device that never ends)", "path", [](auto&) { return fs::path("/dev/zero"); },
       Error("not a regular file"), 20},
      {"missing", "a path that does not exist", "path", [](auto& d) { return d / "nope.txt"; },
       Error("no such file")},
      // --- folders (issue #17 items 8-10: the input walker reports what it cannot read, takes a file once) ---
      {"folder-dangling-symlink", "a folder holding only a symlink to a missing report", "path",
       [](auto& d) {
         fs::create_directories(d / "in");
         fs::create_symlink("gone.txt", d / "in" / "link.txt");
         return d / "in";
       },
       Error("points to no file"), 20},
      {"folder-symlink-loop", "a folder holding a symlink loop (a.txt -> b.txt -> a.txt)", "path",
       [](auto& d) {
         fs::create_directories(d / "in");
         fs::create_symlink("b.txt", d / "in" / "a.txt");
         fs::create_symlink("a.txt", d / "in" / "b.txt");
         return d / "in";
       },
       Error("symbolic link loop"), 20},
      {"folder-fifo", "a folder holding a named pipe called report.txt", "path",
       [](auto& d) {
         fs::create_directories(d / "in");
         REQUIRE(mkfifo((d / "in" / "report.txt").c_str(), 0600) == 0);
         return d / "in";
       },
       Error("not a regular file"), 20},
      {"folder-same-file-thrice", "one report reached as a file, a hard link and through a symlinked folder", "path",
       [](auto& d) {
         Write(d / "in" / "a", "r.txt", Sample());
         fs::create_hard_link(d / "in" / "a" / "r.txt", d / "in" / "hard.txt");
         fs::create_directory_symlink("a", d / "in" / "link");
         fs::create_directory_symlink("..", d / "in" / "a" / "up");  // and a folder loop
         return d / "in";
       },
       Checked(), 30},
  };
  return kTable;
}

// With FAZHI_HOSTILE_TABLE=FILE set, each entry appends its row of the table in docs/reliability.md to FILE.
void AppendDocRow(const Hostile& h, const RunResult& r) {
  const char* file = std::getenv("FAZHI_HOSTILE_TABLE");
  if (!file) return;
  std::string expected = h.expect.report ? (h.expect.not_checkable ? "report, every rule `not_checkable`" : "checked")
                                         : "exit " + std::to_string(h.expect.exit_code);
  if (!h.expect.message.empty()) expected += ", message has `" + h.expect.message + "`";
  std::string seen = "exit " + std::to_string(r.exit_code);
  std::string first = r.err.substr(0, r.err.find('\n'));
  // "fazhi: 错误：PATH: [CODE] why" (Chinese by default) or "fazhi: error: PATH: [CODE] why" (--lang en): from the
  // code on; a line without a path ("no report files under DIR (extensions read: …)") whole.
  const std::string zh = ": 错误：", en = ": error: ";
  const std::size_t at = first.find(zh) != std::string::npos ? first.find(zh) + zh.size()
                         : first.find(en) != std::string::npos ? first.find(en) + en.size()
                                                               : std::string::npos;
  if (at != std::string::npos) {
    const std::size_t code = first.find(": [", at);
    seen += ": " + first.substr(code == std::string::npos ? at : code + 2);
  } else if (h.expect.report)
    seen += h.expect.not_checkable ? ", not_checkable report" : ", JSON report";
  char secs[64];
  std::snprintf(secs, sizeof secs, "%.1f s", r.seconds);  // not the MB: an ASan process's size says little
  std::ofstream(file, std::ios::app) << "| `" << h.name << "` | " << h.what << " | " << expected << " | " << seen
                                     << " (" << secs << ") |\n";
}

// Runs one entry and checks its documented outcome.
void RunEntry(const Hostile& h) {
  TempDir dir;
  fs::path input = h.make(dir.path());
  RunResult r = RunFazhiCapped({"check", "--lang", "en", "--format", "json", input.string()}, h.max_seconds);
  AppendDocRow(h, r);
  INFO(h.name << " (" << h.what << "): exit " << r.exit_code << " in " << r.seconds << " s, " << r.max_rss_kb / 1024
              << " MB\nstderr: " << r.err.substr(0, 2000));
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.max_rss_kb <= h.max_mb * 1024L);
  CHECK(r.exit_code < 128);  // never a signal (crash, sanitizer abort)
  CHECK(r.err.find("AddressSanitizer") == std::string::npos);
  CHECK(r.err.find("runtime error") == std::string::npos);
  CHECK(r.exit_code == h.expect.exit_code);
  if (!h.expect.message.empty()) CHECK_THAT(r.err, Catch::Contains(h.expect.message));
  if (h.expect.report) {
    json j = json::parse(r.out);  // throws (fails) on anything but one JSON report
    CHECK(j["schema"] == "fazhi.check/1");
    CHECK(j["document"]["checkable"] == !h.expect.not_checkable);
    CHECK_FALSE(j["results"].empty());
    if (h.expect.not_checkable)
      for (const auto& res : j["results"]) CHECK(res["verdict"] == "not_checkable");
    if (!h.expect.encoding.empty()) CHECK(j["document"]["encoding"] == h.expect.encoding);
  } else {
    CHECK(r.out.empty());
  }
}

void RunGroup(const std::string& group) {
  for (const auto& h : Table())
    if (h.group == group && h.name != "pdf-truncated") RunEntry(h);
}

}  // namespace

TEST_CASE("hostile table has at least 25 inputs with distinct names", "[hostile]") {
  std::set<std::string> names;
  for (const auto& h : Table()) CHECK(names.insert(h.name).second);
  CHECK(names.size() >= 25);
}

TEST_CASE("hostile text files get their documented outcome", "[hostile][slow]") { RunGroup("text"); }
TEST_CASE("hostile containers (DOCX, ZIP, PDF) get their documented outcome", "[hostile][slow]") {
  RunGroup("container");
}
TEST_CASE("hostile HTML pages get their documented outcome", "[hostile][slow]") { RunGroup("html"); }
TEST_CASE("hostile paths (names, links, FIFOs, devices, folders) never hang", "[hostile]") { RunGroup("path"); }

TEST_CASE("a truncated PDF is either recovered or refused, never a crash", "[hostile]") {
  const Hostile* h = nullptr;
  for (const auto& e : Table())
    if (e.name == "pdf-truncated") h = &e;
  REQUIRE(h);
  TempDir dir;
  RunResult r = RunFazhiCapped({"check", "--lang", "en", "--format", "json", h->make(dir.path()).string()}, 60);
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  CHECK((r.exit_code == 0 || r.exit_code == 2));
  if (r.exit_code == 2) CHECK_THAT(r.err, Catch::Contains("PDF"));
  if (r.exit_code == 0) CHECK(json::parse(r.out)["document"]["format"] == "pdf");
}

}  // namespace fazhi::test
