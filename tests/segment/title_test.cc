// The report-title search with its line tests known (the segmenter's) and on a prefix of the lines.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "segment/line_kinds.h"
#include "segment_util.h"
#include "test_support.h"

using namespace fazhi;

namespace {

std::string Describe(const std::optional<seg::TitleLines>& t) {
  return t ? std::to_string(t->first) + "+" + std::to_string(t->count) + " " + t->text : "none";
}

// FindReportTitle with its IsReportTitle answers given gives what it gives without them, and the title of every
// prefix of `lines` is what ReportTitleOfPrefix says from the whole list's.
void SameTitles(const std::vector<std::string_view>& lines) {
  std::vector<char> is_title(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) is_title[i] = seg::IsReportTitle(lines[i]);
  const auto whole = seg::FindReportTitle(lines);
  REQUIRE(Describe(seg::FindReportTitle(lines, is_title)) == Describe(whole));
  for (std::size_t m = 0; m <= lines.size(); ++m) {
    const std::vector<std::string_view> prefix(lines.begin(), lines.begin() + static_cast<long>(m));
    INFO("prefix of " << m << " lines");
    REQUIRE(Describe(seg::ReportTitleOfPrefix(whole, m)) == Describe(seg::FindReportTitle(prefix)));
    REQUIRE(Describe(seg::FindReportTitle(prefix, std::span(is_title.data(), m))) == Describe(seg::FindReportTitle(prefix)));
  }
}

}  // namespace

TEST_CASE("the report title found with its line tests known and on prefixes", "[segment][title]") {
  std::size_t found = 0;
  for (const auto& path : test::RealReports()) {
    const Document doc = test::SegmentText(test::ReadFile(path));
    std::vector<std::string_view> lines;
    for (std::size_t i = 0; i < doc.paragraphs.size() && i < 30; ++i) lines.push_back(doc.Slice(doc.paragraphs[i].span));
    found += seg::FindReportTitle(lines).has_value();
    SameTitles(lines);
  }
  CHECK(found > 0);
  // Titles on one line and wrapped over two (both ways), lines that look like halves, and others, in random
  // order: the title or a half of it at a prefix's last line, two titles, none.
  const std::vector<std::string> kinds = {
      "某某区人民政府关于2020年度", "法治政府建设工作情况的报告", "深圳市光明区人民政府",
      "关于2021年度法治政府建设情况的报告", "某市司法局2023年法治政府建设年度报告", "2022年度法治政府建设工作报告",
      "四川省生态环境厅2023年度法治政府建设工作情况", "一、主要工作", "各位领导：", "2024年3月1日",
      "首页 > 政务公开 > 法治政府建设年度报告", "来源：司法局", "依法行政工作", "关于", "我局坚持依法行政。",
      "（二）法治政府建设", "报告"};
  std::mt19937 rng(21);
  std::size_t two_lines = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string_view> lines;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) lines.push_back(kinds[rng() % kinds.size()]);
    const auto whole = seg::FindReportTitle(lines);
    two_lines += whole && whole->count == 2;
    SameTitles(lines);
  }
  CHECK(two_lines > 100);
}
