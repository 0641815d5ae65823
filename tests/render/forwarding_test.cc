// What a forwarded report shows (issue #16, item 6): no local absolute path in the HTML, Markdown and XLSX of a
// report read from outside the working folder; which date was used (发布 or 落款); counts that do not fit beside
// the score bar are wrapped onto the next lines, never dropped.
#include <catch2/catch.hpp>

#include <zip.h>

#include <cstdlib>

#include "test_support.h"

using namespace fazhi::test;

namespace {

const std::string kSample = "reports/samples/hongqiao-2020.txt";

// Every entry of an XLSX (a ZIP) concatenated: the cell text lives in xl/sharedStrings.xml and the sheets.
std::string XlsxText(const std::filesystem::path& p) {
  int err = 0;
  zip_t* z = zip_open(p.string().c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  std::string all;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (!f) continue;
    char buf[65536];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) all.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return all;
}

}  // namespace

TEST_CASE("a report read from an absolute path outside the working folder shows only its file name", "[render][paths]") {
  TempDir tmp;
  auto input = tmp.path() / "红桥区报告.txt";
  WriteFile(input, ReadFile(SourceDir() / kSample));
  auto out = tmp.path() / "out";
  auto r = RunFazhi({"check", "-q", "-f", "html", "-f", "md", "-f", "xlsx", "-o", out.string() + "/", input.string()});
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  const std::string dir = tmp.path().string();
  for (const char* f : {"红桥区报告.html", "红桥区报告.md"}) {
    INFO(f);
    std::string text = ReadFile(out / f);
    CHECK(text.find(dir) == std::string::npos);
    CHECK(text.find("红桥区报告.txt") != std::string::npos);
  }
  std::string xlsx = XlsxText(out / "红桥区报告.xlsx");
  CHECK(xlsx.find(dir) == std::string::npos);
  CHECK(xlsx.find("红桥区报告.txt") != std::string::npos);

  // Inside the working folder the path stays relative, as given.
  auto rel = RunFazhi({"check", "-q", "-f", "md", (SourceDir() / kSample).string()});
  CHECK(rel.out.find("| 文件 | " + kSample + " |") != std::string::npos);
  CHECK(rel.out.find(SourceDir().string()) == std::string::npos);
}

TEST_CASE("the header says which date was used: 发布, or 落款 when no publication date was found", "[render][paths]") {
  auto sample = RunFazhi({"check", "-q", "-f", "md", kSample});
  CHECK(sample.out.find("| 发布/落款 | 发布 2021-02-26 |") != std::string::npos);
  auto longhua = SharedDir() / "corpus" / "real" / "001_shenzhen_longhua_district_2019.txt";
  if (!std::filesystem::exists(longhua)) {
    WARN("../shared/corpus/real is missing: skipped");
    return;
  }
  for (const char* format : {"text", "md", "html"}) {
    INFO(format);
    auto r = RunFazhi({"check", "-q", "-f", format, longhua.string()});
    CHECK(r.out.find("落款 2019-12-18（未见发布日期，时限按落款日期判断）") != std::string::npos);
    CHECK(r.out.find("发布（未识别）") == std::string::npos);
  }
}

TEST_CASE("counts too wide for the terminal are wrapped onto the next lines, never dropped", "[render][paths]") {
  setenv("COLUMNS", "60", 1);  // the terminal renderer's width (cli/main.cc TerminalWidth)
  auto r = RunFazhi({"check", "-q", kSample});
  unsetenv("COLUMNS");
  INFO(r.out);
  // Every category of the score table has its counts: the 符合 items add up to the pack's.
  std::size_t pos = r.out.find("得分\n");
  REQUIRE(pos != std::string::npos);
  std::string table = r.out.substr(pos, r.out.find("\n\n", pos) - pos);
  for (const auto& line : {std::string("符合"), std::string("不符合")}) CHECK(table.find(line) != std::string::npos);
  int lines_with_counts = 0, category_lines = 0;
  std::size_t start = 0;
  while (start < table.size()) {
    std::size_t end = table.find('\n', start);
    if (end == std::string::npos) end = table.size();
    std::string line = table.substr(start, end - start);
    if (line.find("█") != std::string::npos || line.find("░") != std::string::npos) ++category_lines;
    if (line.find("符合 ") != std::string::npos || line.find("不适用 ") != std::string::npos) ++lines_with_counts;
    start = end + 1;
  }
  CHECK(lines_with_counts >= category_lines);  // each scored line has its counts, beside it or below
}
