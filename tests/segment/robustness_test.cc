// The segmenter on hostile text: empty, one line, ten thousand headings, binary bytes, random UTF-8 — no crash,
// invariants hold (run under ASan/UBSan by scripts/test).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "segment/chars.h"
#include "segment/dates.h"
#include "segment/dump.h"
#include "segment_util.h"

using namespace fazhi;

TEST_CASE("empty text", "[segment][robustness]") {
  auto doc = test::SegmentText("");
  test::CheckInvariants(doc);
  CHECK(doc.sections.size() == 1);
  CHECK(doc.paragraphs.empty());
  CHECK(doc.sentences.empty());
  CHECK_FALSE(doc.meta.year.value);
  CHECK_FALSE(DumpSegments(doc).empty());
  auto blanks = test::SegmentText("\n\n \u3000\n\t\n");
  test::CheckInvariants(blanks);
  CHECK(blanks.paragraphs.empty());
}

TEST_CASE("a single line", "[segment][robustness]") {
  for (const char* t : {"特此报告。", "一、", "（一）", "2021226", "一是", "“", "《", "第一部分", "①", "1."}) {
    auto doc = test::SegmentText(t);
    test::CheckInvariants(doc);
    CHECK(doc.paragraphs.size() == 1);
  }
}

TEST_CASE("ten thousand headings", "[segment][robustness]") {
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += (i % 3 == 0) ? "一、标题\n" : (i % 3 == 1) ? "（一）小标题\n" : "1.条目。正文一是甲，二是乙。\n";
  }
  auto doc = test::SegmentText(text);
  test::CheckInvariants(doc);
  CHECK(doc.sections.size() == 10001);
  CHECK(doc.paragraphs.size() == 10000);
  CHECK_FALSE(DumpSegments(doc).empty());
}

TEST_CASE("deep nesting markers and hints out of range", "[segment][robustness]") {
  std::string text = "第一部分\n第一节\n一、\n第一条\n（一）\n1.\n（1）\n①\n正文。\n";
  std::vector<HeadingHint> hints{{0, 99}, {5, -3}, {1u << 30, 1}, {static_cast<std::uint32_t>(text.size()), 2}};
  auto doc = test::SegmentText(text, hints);
  test::CheckInvariants(doc);
  CHECK(doc.sections.size() >= 9);
}

TEST_CASE("binary-ish text", "[segment][robustness]") {
  std::string text;
  for (int i = 0; i < 4096; ++i) text += static_cast<char>((i * 37 + 11) % 256);
  text += "\xE3\x80";  // a truncated ideographic space at the very end
  auto doc = test::SegmentText(text);
  test::CheckInvariants(doc);
  CHECK_FALSE(DumpSegments(doc).empty());
}

TEST_CASE("random texts from report characters", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"一、", "（一）", "(二)", "1.", "2、", "（3）", "①", "第一部分", "第二条", "一是",
                                           "二是", "。", "；", "！", "？", "“", "”", "《", "》", "\n", "\n\n", "\u3000",
                                           " ", "特此报告。", "2021226", "2021年2月26日", "星期二", "发布时间:",
                                           "存在的问题", "下一步工作安排", "主要举措和成效", "人民政府", "关于",
                                           "法治政府建设", "报告", "|", "\xFF", "\xE3", "a", "9"};
  std::mt19937 rng(20240601);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    auto doc = test::SegmentText(text);
    test::CheckInvariants(doc);
    (void)DumpSegments(doc);
  }
}

// CharsUpTo stands in for Chars where a line is only compared with a limit (every paragraph is asked): it must give
// the same count up to the limit, and limit + 1 beyond it, on any bytes.
TEST_CASE("CharsUpTo counts as Chars, up to one past its cap", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"法", "治", "。", "a", " ", "\xFF", "\xE3", "\x80", "\xF0\x9F\x98\x80", "\u3000", "1"};
  std::mt19937 rng(20261203);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const std::size_t chars = seg::Chars(text);
    for (std::size_t cap = 0; cap <= chars + 2; ++cap) CHECK(seg::CharsUpTo(text, cap) == std::min(chars, cap + 1));
  }
  CHECK(seg::CharsUpTo("法治政府", 2) == 3);
  CHECK(seg::CharsUpTo("法治政府", 4) == 4);
  CHECK(seg::CharsUpTo("", 0) == 0);
}

// FindBytes and WordSet read sixteen bytes at a time (and WordSet passes continuation bytes): on any bytes, valid or
// not, they must answer as string_view::find and ContainsAny do, wherever a match falls against a block's end.
TEST_CASE("FindBytes finds as string_view::find, WordSet as ContainsAny", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"法", "治", "今年", "以来", "来源", "。", "a", "b", " ", "\xFF", "\xE3",
                                           "\x80", "\xF0\x9F\x98\x80", "©", "ICP", "首页", "http://"};
  const std::vector<std::string_view> words = {"今年以来", "法治法", "来源", "ab", "aaa", "\x80\x80\x80", "©",
                                               "ICP", "首页", "http://", "治。"};
  const seg::WordSet set{"今年以来", "法治法", "来源", "ab", "©", "ICP", "首页", "http://", "治。"};
  std::mt19937 rng(2112);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    bool any = false;
    for (std::string_view w : words) {
      INFO(text << " / " << w);
      CHECK(seg::FindBytes(text, w) == std::string_view(text).find(w));
      if (w != "aaa" && w != "\x80\x80\x80") any = any || std::string_view(text).find(w) != std::string_view::npos;
    }
    INFO(text);
    CHECK(set.In(text) == any);
  }
}

// WordSet compares a word only where the text's first two bytes are the word's: words and look-alikes of one block of
// 64 Han characters (今仁介从以 share E4 BB, 年 and 绍 do not) must still be found exactly where ContainsAny finds them.
TEST_CASE("WordSet finds words among look-alikes of the same lead and block", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"今", "年", "以", "来", "天", "是", "介", "绍", "从", "而", "仁", "以来",
                                           "\xE4\xBB", "\xBB\x8A", " ", "a"};
  const std::initializer_list<std::string_view> words = {"今年以来", "今天是", "介绍", "从而", "以来年"};
  const seg::WordSet set(words);
  std::mt19937 rng(1304);
  int found = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    INFO(text);
    const bool any = seg::ContainsAny(text, words);
    found += any;
    CHECK(set.In(text) == any);
  }
  CHECK(found > 300);  // the words do occur
  CHECK(set.In("仁今介从以来年"));
  CHECK_FALSE(set.In("仁今介从以来"));
}

// TrimSpan settles a span that starts and ends with ASCII or a Han character without decoding: over spans of random
// text (with blanks of every kind) it must trim what a character-by-character reading trims.
TEST_CASE("TrimSpan trims the IsSpace characters at both ends, however the span starts and ends", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"法", "治", "。", "a", "1", " ", "\t", "\xC2\xA0", "\u3000", "\u2003",
                                           "\uFEFF", "\u4E00", "\u9FFF", "é", "\xF0\x9F\x98\x80", "\u3400"};
  std::mt19937 rng(1203);
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> chars;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) chars.push_back(pieces[rng() % pieces.size()]);
    std::string text;
    std::vector<std::uint32_t> starts;  // of each character, and the end
    for (const auto& c : chars) {
      starts.push_back(static_cast<std::uint32_t>(text.size()));
      text += c;
    }
    starts.push_back(static_cast<std::uint32_t>(text.size()));
    const std::size_t from = rng() % starts.size(), to = from + rng() % (starts.size() - from);
    std::size_t b = from, e = to;  // in characters
    auto blank = [&](std::size_t k) {
      std::size_t i = starts[k];
      return seg::IsSpace(DecodeUtf8(text, i));
    };
    while (b < e && blank(b)) ++b;
    while (e > b && blank(e - 1)) --e;
    const Span got = seg::TrimSpan(text, {starts[from], starts[to]});
    INFO(text << " [" << starts[from] << ", " << starts[to] << ")");
    if (b == e) {
      CHECK(got.begin == got.end);
    } else {
      CHECK(got.begin == starts[b]);
      CHECK(got.end == starts[e]);
    }
  }
}

// FindYears reads the text from each 年 back: it must find what a scan of every byte for four digits (no digit
// before them) followed by 年 finds.
TEST_CASE("FindYears finds the four-digit years before 年 that a byte scan finds", "[segment][robustness]") {
  const std::vector<std::string> pieces = {"年", "2", "0", "1", "9", "5", "度", "法", "a", "１", "\xE5", "\xB9\xB4"};
  auto reference = [](std::string_view s) {
    std::vector<std::pair<int, std::size_t>> out;
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
      if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
      bool digits = true;
      for (std::size_t k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
      if (!digits) continue;
      if (s.substr(i + 4).starts_with("年")) {
        const int y = std::stoi(std::string(s.substr(i, 4)));
        if (y >= 1990 && y <= 2100) out.emplace_back(y, i);
      }
      i += 3;
    }
    return out;
  };
  std::mt19937 rng(2025);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    std::vector<std::pair<int, std::size_t>> got;
    for (const seg::YearHit& y : seg::FindYears(text)) got.emplace_back(y.year, y.begin);
    INFO(text);
    CHECK(got == reference(text));
  }
}
