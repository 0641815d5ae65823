// PDF through pdftotext: pages kept, page numbers dropped; no text layer → not checkable; encrypted, damaged,
// over the page limit or the time limit → a clear error.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

TEST_CASE("The sample as a PDF: text per page, page numbers dropped", "[ingest][pdf]") {
  RawDocument raw = test::ReadForm("hongqiao.pdf");
  CHECK(raw.format == "pdf");
  CHECK(raw.encoding == "UTF-8");
  REQUIRE(raw.pages.size() >= 5);
  for (std::size_t k = 0; k < raw.pages.size(); ++k) {
    CHECK(raw.pages[k].page == static_cast<int>(k + 1));
    if (k > 0) CHECK(raw.pages[k].offset > raw.pages[k - 1].offset);
  }
  CHECK(raw.text.find("-1-") == std::string::npos);
  CHECK(raw.text.find("- 2 -") == std::string::npos);
  CHECK(raw.text.rfind("天津市红桥区人民政府关于2020年度", 0) == 0);  // the title wraps: joined by Normalize
  CHECK(raw.text.find("特此报告。") != std::string::npos);
}

TEST_CASE("A PDF without a text layer is not checkable: needs OCR", "[ingest][pdf][bad]") {
  CHECK_THROWS_AS(test::ReadForm("no-text.pdf"), NotCheckableError);
  CHECK_THROWS_WITH(test::ReadForm("no-text.pdf"), "没有文字层（扫描件），需先做文字识别（OCR）");
}

TEST_CASE("An encrypted PDF is a clear error", "[ingest][pdf][bad]") {
  try {
    test::ReadForm("encrypted.pdf");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-pdf-encrypted");
    CHECK_THAT(e.what(), Catch::Contains("已加密"));
  }
}

TEST_CASE("A damaged PDF is a clear error", "[ingest][pdf][bad]") {
  std::string bytes = test::ReadFile(test::FormsDir() / "hongqiao.pdf");
  bytes.resize(600);
  CHECK_THROWS_AS(ReadBytes("cut.pdf", bytes, Limits{}), InputError);
  CHECK_THROWS_WITH(ReadBytes("fake.pdf", "not a pdf at all, just words", Limits{}), Catch::Contains("没有 %PDF- 标志"));
}

TEST_CASE("PDF page and time limits are enforced and named", "[ingest][pdf][limits][bad]") {
  Limits pages;
  pages.max_pdf_pages = 2;
  CHECK_THROWS_WITH(test::ReadForm("hongqiao.pdf", pages), Catch::Contains("max_pdf_pages"));
  Limits time;
  time.pdf_timeout_seconds = 0;
  CHECK_THROWS_WITH(test::ReadForm("hongqiao.pdf", time), Catch::Contains("pdf_timeout_seconds"));
}

}  // namespace
}  // namespace fazhi
