// Heading lines: numbered markers (一、 （一） 1. （1） ① 第一部分 第X条 …) and where the heading text ends.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace fazhi::seg {

// Nesting ranks of the marker kinds (smaller = higher in the tree). A heading closes every open section whose
// rank is not smaller than its own; Section::level is the depth that results (一、=1, （一）=2, 1.=3 … in the usual
// hierarchy, 第一部分=1 with its 一、 parts at 2).
inline constexpr int kRankPart = 10;          // 第一部分 / 第一章 / 第一篇
inline constexpr int kRankSection = 15;       // 第一节
inline constexpr int kRankHanComma = 20;      // 一、
inline constexpr int kRankArticle = 25;       // 第一条
inline constexpr int kRankHanParen = 30;      // （一） (一)
inline constexpr int kRankArabic = 40;        // 1. 1、 1． ⒈
inline constexpr int kRankArabicParen = 50;   // （1） (1) 1） ⑴
inline constexpr int kRankCircled = 60;       // ①
inline constexpr int kMaxHeadingChars = 60;   // a pure heading line, number excluded
inline constexpr int kMaxLeadChars = 45;      // the lead phrase of "1.标题。正文…"

// A numbered marker at the start of a (trimmed) line. Offsets are bytes from the line start.
struct Marker {
  int rank = 0;
  int value = 0;              // 1 for 一 / 1 / ① …
  std::size_t number_end = 0; // end of the marker with its punctuation ("（一）", "1.")
  std::size_t text_begin = 0; // where the text after the marker starts (blanks skipped)
};
std::optional<Marker> MatchMarker(std::string_view line);

// Where the heading text of a line ends, given where it starts. A pure heading (the whole rest is short and has no
// sentence end inside) has body_begin == line.size(); a lead-phrase heading ("全面提升行政审批效能。进一步…")
// ends at its 。/：/！/？ and body_begin is after that mark.
struct HeadingText {
  std::size_t begin = 0, end = 0;  // the heading text, terminator excluded
  std::size_t body_begin = 0;      // line.size() for a pure heading
};
std::optional<HeadingText> MatchHeadingText(std::string_view line, std::size_t text_begin, int max_chars);

// A whole numbered heading line: marker + heading text.
struct HeadingMatch {
  Marker marker;
  HeadingText text;
};
std::optional<HeadingMatch> MatchHeading(std::string_view line);

}  // namespace fazhi::seg
