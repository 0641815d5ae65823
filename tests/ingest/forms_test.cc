// Form invariance: the sample report as UTF-8, GB18030, traditional characters (UTF-8 and Big5), UTF-16, an HTML
// page, a DOCX and a PDF normalizes to the same paragraphs. Documented differences: HTML/DOCX/PDF carry only the
// report body (title line to signature date), not the saved page's navigation and footer.
#include <catch2/catch.hpp>

#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

using test::BodyLines;
using test::Lines;

std::vector<std::string> NormalizedLines(const RawDocument& raw) { return Lines(Normalize(raw).text); }

const std::vector<std::string>& Original() {
  static const std::vector<std::string> lines =
      NormalizedLines(ReadInput(test::SamplePath().string(), Limits{}));
  return lines;
}

// Lines of `got` that differ from `want`, for the failure message.
std::string FirstDifferences(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  std::string out;
  int shown = 0;
  for (std::size_t k = 0; k < std::max(want.size(), got.size()) && shown < 3; ++k) {
    std::string a = k < want.size() ? want[k] : "<none>", b = k < got.size() ? got[k] : "<none>";
    if (a == b) continue;
    out += "line " + std::to_string(k + 1) + "\n  want: " + a.substr(0, 240) + "\n  got:  " + b.substr(0, 240) + "\n";
    ++shown;
  }
  return out;
}

TEST_CASE("The original normalizes to the expected body", "[ingest][forms]") {
  auto body = BodyLines(Original());
  REQUIRE(body.size() == 53);
  CHECK(body.front() == "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告");
  CHECK(body[1] == "来源：司法局 发布时间：2021-02-26 18:20");
  CHECK(body.back() == "2021年2月26日");
}

TEST_CASE("Text forms normalize to exactly the original", "[ingest][forms]") {
  for (const char* name : {"hongqiao.gb18030.txt", "hongqiao.utf8-bom-crlf.txt", "hongqiao.utf16le.txt",
                           "hongqiao.utf16be.txt", "hongqiao.trad.txt"}) {
    INFO(name);
    RawDocument raw = test::ReadForm(name);
    NormalizedText norm = Normalize(raw);
    auto got = Lines(norm.text);
    INFO(FirstDifferences(Original(), got));
    CHECK(got == Original());
    CHECK(norm.converted_from_traditional == (std::string(name) == "hongqiao.trad.txt"));
  }
}

TEST_CASE("Big5 traditional text normalizes to the original but for variant characters", "[ingest][forms]") {
  // make_forms.sh swapped OpenCC's variants that Big5 lacks (羣 衆 着 邨 and an em space): a few lines may differ.
  NormalizedText norm = Normalize(test::ReadForm("hongqiao.big5.txt"));
  CHECK(norm.converted_from_traditional);
  auto got = Lines(norm.text);
  REQUIRE(got.size() == Original().size());
  int differing = 0;
  for (std::size_t k = 0; k < got.size(); ++k) differing += got[k] != Original()[k];
  INFO(FirstDifferences(Original(), got));
  CHECK(differing <= 6);
}

TEST_CASE("HTML and DOCX forms normalize to the original body", "[ingest][forms]") {
  auto want = BodyLines(Original());
  for (const char* name : {"hongqiao.html", "hongqiao.docx"}) {
    INFO(name);
    auto got = NormalizedLines(test::ReadForm(name));
    INFO(FirstDifferences(want, got));
    CHECK(got == want);
  }
}

// Documented PDF difference: where a sentence ends exactly at the right margin, the text gives no sign that the
// paragraph goes on, so it is split there. Merges such splits back, returning how many there were (-1: the
// texts differ otherwise).
int ParagraphSplits(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  int splits = 0;
  std::size_t g = 0;
  for (const std::string& w : want) {
    if (g >= got.size()) return -1;
    std::string joined = got[g++];
    while (joined.size() < w.size() && g < got.size() && w.compare(0, joined.size(), joined) == 0) {
      if (joined.size() < 3 || joined.compare(joined.size() - 3, 3, "。") != 0) return -1;
      joined += got[g++];
      ++splits;
    }
    if (joined != w) return -1;
  }
  return g == got.size() ? splits : -1;
}

TEST_CASE("The PDF form normalizes to the original body but for splits at the margin", "[ingest][forms]") {
  auto want = BodyLines(Original());
  auto got = NormalizedLines(test::ReadForm("hongqiao.pdf"));
  INFO(FirstDifferences(want, got));
  int splits = ParagraphSplits(want, got);
  CHECK(splits >= 0);
  CHECK(splits <= 4);
}

TEST_CASE("Heading hints survive normalization in every structured form", "[ingest][forms]") {
  for (const char* name : {"hongqiao.html", "hongqiao.docx"}) {
    INFO(name);
    NormalizedText norm = Normalize(test::ReadForm(name));
    std::vector<std::string> heads;
    for (const auto& h : norm.headings) heads.push_back(test::LineAt(norm.text, h.offset));
    CHECK(std::find(heads.begin(), heads.end(), "二、存在的问题与不足") != heads.end());
    CHECK(std::find(heads.begin(), heads.end(), "三、下一步工作安排") != heads.end());
  }
}

TEST_CASE("PDF pages are re-based onto the normalized text", "[ingest][forms]") {
  RawDocument raw = test::ReadForm("hongqiao.pdf");
  NormalizedText norm = Normalize(raw);
  REQUIRE(norm.pages.size() == raw.pages.size());
  for (std::size_t k = 0; k < norm.pages.size(); ++k) {
    CHECK(norm.pages[k].page == raw.pages[k].page);
    CHECK(norm.pages[k].offset <= norm.text.size());
    if (k > 0) CHECK(norm.pages[k].offset >= norm.pages[k - 1].offset);
    // The normalized byte at the page start comes from that page in the reader's text.
    if (norm.pages[k].offset < norm.text.size()) CHECK(norm.to_source[norm.pages[k].offset] >= raw.pages[k].offset);
  }
}

}  // namespace
}  // namespace fazhi
