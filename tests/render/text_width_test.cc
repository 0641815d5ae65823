// Terminal column widths for CJK text: wide characters take two columns; padding, truncation and wrapping use them.
#include <catch2/catch.hpp>

#include "render/text_width.h"

namespace fazhi::test {

TEST_CASE("display width counts East Asian wide characters as two columns", "[render][width]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("法治") == 4);
  CHECK(DisplayWidth("法治 ok") == 7);
  CHECK(DisplayWidth("，。（）") == 8);     // fullwidth punctuation
  CHECK(DisplayWidth("ＡＢＣ１２") == 10);  // fullwidth Latin and digits
  CHECK(DisplayWidth("e\xCC\x81") == 1);    // e + combining acute
  CHECK(DisplayWidth("█░") == 2);            // block elements: ambiguous, one column
  CHECK(DisplayWidth("") == 0);
}

TEST_CASE("padding and truncation keep CJK columns aligned", "[render][width]") {
  CHECK(PadRight("法治", 6) == "法治  ");
  CHECK(PadRight("ab", 6) == "ab    ");
  CHECK(PadLeft("56.3", 6) == "  56.3");
  CHECK(PadRight("法治政府", 4) == "法治政府");  // never cut by padding
  CHECK(TruncateToWidth("法治政府建设", 7) == "法治政…");
  CHECK(DisplayWidth(TruncateToWidth("法治政府建设", 7)) == 7);
  CHECK(TruncateToWidth("法治", 4) == "法治");
}

TEST_CASE("wrapping breaks Chinese anywhere but not before closing punctuation", "[render][width]") {
  auto lines = WrapToWidth("法治政府建设年度报告", 8);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "法治政府");
  CHECK(lines[1] == "建设年度");
  CHECK(lines[2] == "报告");
  // "，" would start line 2: it stays on line 1 (which may run one character over).
  auto punct = WrapToWidth("法治政府，建设", 8);
  CHECK(punct[0] == "法治政府，");
  CHECK(punct[1] == "建设");
  // Latin words move whole to the next line.
  auto latin = WrapToWidth("see docs/scoring.md now", 12);
  CHECK(latin[0] == "see");
  CHECK(latin[1] == "docs/scoring");
  CHECK(WrapToWidth("a\nb", 10) == std::vector<std::string>{"a", "b"});
  for (const auto& l : WrapToWidth("二〇二〇年，全区共办理行政复议案件三十件，纠错率百分之十。", 20)) CHECK(DisplayWidth(l) <= 22);
}

}  // namespace fazhi::test
