// Normalization passes over code points that each remember their source offset, so every normalized byte maps
// back to the reader's text: character folding, traditional → simplified, per-line whitespace, punctuation and
// date repair, then PDF line-wrap joining. The rules are documented in docs/formats.md.
#include "normalize/normalizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <fmt/format.h>
#include <span>

#include "core/messages.h"
#include "core/utf8.h"
#include "core/utf8_runs.h"
#include "normalize/traditional.h"
#include "normalize/traditional_table.h"

namespace fazhi {
namespace {

// One normalized code point and the source bytes it came from (len 0: inserted, e.g. the 年 of a date repair).
struct Unit {
  char32_t cp = 0;
  std::uint32_t src = 0;
  std::uint32_t len = 0;
};
using Units = std::vector<Unit>;
using UnitSpan = std::span<const Unit>;  // part of a line, looked at without copying it

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Han characters and the punctuation that goes with them (CJK symbols, full-width forms, “”‘’—…·, ①).
bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) || c == 0x2014 ||
         c == 0x2015 || c == 0x2026 || (c >= 0x2018 && c <= 0x201D) || c == 0xB7 || (c >= 0x2460 && c <= 0x24FF) ||
         (c >= 0x3200 && c <= 0x32FF);
}

bool IsSpace(char32_t c) { return c == ' '; }

// Full-width punctuation that stays full-width: the forms Chinese text uses (and the table-cell separator).
bool KeepFullWidth(char32_t c) {
  switch (c) {
    case 0xFF01: case 0xFF08: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF5C:
      return true;
    default:
      return false;
  }
}

// Pass 1: decode text[begin, end) onto `units`, unify line ends, drop invisible characters, fold white space and
// full-width ASCII. Counts the traditional-only characters on the way (`traditional_only`, for MayBeTraditional).
// `runs`: take Han runs sixteen bytes at a time (false: one character at a time, NormalizeByChars's reference).
void Decode(const std::string& text, std::size_t begin, std::size_t end, Units& units, std::size_t& traditional_only,
            bool runs) {
  units.reserve(units.size() + (end - begin));  // at most one unit per byte: push_back never reallocates
  std::size_t i = begin;
  while (i < end) {
#if defined(__SSE2__)
    // Up to five Han characters of U+4000–U+9FFF at once (most of a line): each is kept as it is, as below (none of
    // the foldings applies to them), and counted when traditional-only.
    if (runs && i + 16 <= end) {
      const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + i;
      if (const int run = HanRun(s); run > 0) {
        for (int k = 0; k < 3 * run; k += 3) {
          traditional_only += HanTraditionalOnly(s + k);
          units.push_back({DecodeThreeBytes(s + k), static_cast<std::uint32_t>(i + k), 3});
        }
        i += 3 * static_cast<std::size_t>(run);
        continue;
      }
    }
#else
    (void)runs;
#endif
    std::size_t at = i;
    char32_t cp = DecodeUtf8(text, i);
    std::uint32_t len = static_cast<std::uint32_t>(i - at);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {  // the common case, a Han character: nothing below applies
      traditional_only += IsTraditionalOnly(cp);
      units.push_back({cp, static_cast<std::uint32_t>(at), len});
      continue;
    }
    if (cp == '\r') {
      if (i < end && text[i] == '\n') {
        ++i;
        ++len;
      }
      cp = '\n';
    }
    if (cp == 0x2028 || cp == 0x2029 || cp == '\f' || cp == '\v' || cp == 0x85) cp = '\n';
    if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD) continue;
    if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0 && cp != 0x85)) continue;
    if (cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000)
      cp = ' ';
    if (cp >= 0xFF01 && cp <= 0xFF5E && !KeepFullWidth(cp)) cp = cp - 0xFF01 + 0x21;  // ＡＢＣ１２３％ → ABC123%
    if (cp == 0xFF61) cp = 0x3002;  // half-width ｡｢｣､ → 。「」、
    if (cp == 0xFF62) cp = 0x300C;
    if (cp == 0xFF63) cp = 0x300D;
    if (cp == 0xFF64) cp = 0x3001;
    traditional_only += IsTraditionalOnly(cp);
    units.push_back({cp, static_cast<std::uint32_t>(at), len});
  }
}

std::string Encode(const Units& units) {
  std::string s;
  s.reserve(units.size() * 3);
  for (const Unit& u : units) AppendUtf8(s, u.cp);
  return s;
}

std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> cps;
  std::size_t i = 0;
  while (i < s.size()) cps.push_back(DecodeUtf8(s, i));
  return cps;
}

// Replaces the code points of `units` by `converted`, keeping source offsets: one to one when the counts
// match (OpenCC t2s nearly always maps character to character), else proportionally within each line.
Units Realign(const Units& units, const std::vector<char32_t>& converted) {
  Units out;
  out.reserve(converted.size());
  if (converted.size() == units.size()) {
    for (std::size_t k = 0; k < units.size(); ++k) {
      Unit u = units[k];
      if (u.cp != converted[k]) u.cp = converted[k];
      out.push_back(u);
    }
    return out;
  }
  auto lines_of = [](auto begin, auto end, auto is_nl) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t start = 0, k = 0;
    for (auto it = begin; it != end; ++it, ++k)
      if (is_nl(*it)) {
        lines.push_back({start, k});
        start = k + 1;
      }
    lines.push_back({start, k});
    return lines;
  };
  auto a = lines_of(units.begin(), units.end(), [](const Unit& u) { return u.cp == '\n'; });
  auto b = lines_of(converted.begin(), converted.end(), [](char32_t c) { return c == '\n'; });
  if (a.size() != b.size()) {  // should not happen: give every character the source of its share
    for (std::size_t k = 0; k < converted.size(); ++k) {
      const Unit& from = units[std::min(units.size() - 1, k * units.size() / converted.size())];
      out.push_back({converted[k], from.src, 0});
    }
    return out;
  }
  for (std::size_t l = 0; l < a.size(); ++l) {
    std::size_t na = a[l].second - a[l].first, nb = b[l].second - b[l].first;
    for (std::size_t k = 0; k < nb; ++k) {
      const Unit& from = units[a[l].first + (na == nb ? k : (na == 0 ? 0 : k * na / nb))];
      out.push_back({converted[b[l].first + k], from.src, na == nb ? from.len : 0});
    }
    if (l + 1 < a.size()) out.push_back(units[a[l].second]);  // the '\n'
  }
  return out;
}

// ---- per-line passes -------------------------------------------------------------------------------------

// Trims the line and collapses runs of white space to one ASCII space (in place: the kept units move down). Returns
// whether a space is left (inside the line).
bool CollapseSpaces(Units& line) {
  // Up to the first space nothing moves.
  std::size_t w = std::find_if(line.begin(), line.end(), [](const Unit& u) { return IsSpace(u.cp); }) - line.begin();
  if (w == line.size()) return false;  // no space at all
  for (std::size_t k = w; k < line.size(); ++k) {
    if (IsSpace(line[k].cp) && (w == 0 || IsSpace(line[w - 1].cp))) continue;
    line[w++] = line[k];
  }
  while (w > 0 && IsSpace(line[w - 1].cp)) --w;
  line.resize(w);
  return std::any_of(line.begin(), line.end(), [](const Unit& u) { return IsSpace(u.cp); });
}

// Removes a space next to CJK punctuation inside CJK text ("一、 主要举措" → "一、主要举措", "区委 ，区政府" →
// "区委，区政府"). A space between two Han characters stays: it often separates fields ("来源：司法局 发布时间：").
// In place: the kept units move down, and line[k - 1] is still the original unit when k is judged (the write
// position never passes k).
void DropSpacesAtCjkPunctuation(Units& line) {
  auto punct = [](char32_t c) { return IsCjk(c) && !IsHan(c); };
  std::size_t w = std::find_if(line.begin(), line.end(), [](const Unit& u) { return IsSpace(u.cp); }) - line.begin();
  for (std::size_t k = w; k < line.size(); ++k) {
    if (IsSpace(line[k].cp) && k > 0 && k + 1 < line.size() && IsCjk(line[k - 1].cp) && IsCjk(line[k + 1].cp) &&
        (punct(line[k - 1].cp) || punct(line[k + 1].cp)))
      continue;
    line[w++] = line[k];
  }
  line.resize(w);
}

char32_t Neighbour(const Units& line, std::size_t k, int step) {
  for (long j = static_cast<long>(k) + step; j >= 0 && j < static_cast<long>(line.size()); j += step)
    if (!IsSpace(line[j].cp)) return line[j].cp;
  return 0;
}

char32_t FullWidth(char32_t c) { return c - 0x21 + 0xFF01; }

// ASCII , ; : ! ? next to a CJK character → ，；：！？ (not between two digits: "18:20", "1,000" stay);
// a pair ( ) around or next to CJK text → （ ）.
void UnifyPunctuation(Units& line) {
  bool parens = false;  // whether the second loop has anything to do
  for (std::size_t k = 0; k < line.size(); ++k) {
    char32_t c = line[k].cp;
    if (c >= 0x80) {
      parens |= c == 0xFF08 || c == 0xFF09;
      continue;
    }
    parens |= c == '(' || c == ')';
    if (c != ',' && c != ';' && c != ':' && c != '!' && c != '?') continue;
    char32_t prev = Neighbour(line, k, -1), next = Neighbour(line, k, +1);
    if (IsAsciiDigit(prev) && IsAsciiDigit(next)) continue;
    if (IsCjk(prev) || IsCjk(next)) line[k].cp = FullWidth(c);
  }
  if (!parens) return;
  std::vector<std::size_t> open;
  auto cjk_pair = [&](std::size_t a, std::size_t b) {
    if (line[a].cp == 0xFF08 || line[b].cp == 0xFF09) return true;
    if (IsCjk(Neighbour(line, a, -1)) || IsCjk(Neighbour(line, b, +1))) return true;
    for (std::size_t k = a + 1; k < b; ++k)
      if (IsHan(line[k].cp)) return true;
    return false;
  };
  for (std::size_t k = 0; k < line.size(); ++k) {
    char32_t c = line[k].cp;
    if (c == '(' || c == 0xFF08) {
      open.push_back(k);
    } else if (c == ')' || c == 0xFF09) {
      if (open.empty()) {
        if (c == ')' && (IsCjk(Neighbour(line, k, -1)) || IsCjk(Neighbour(line, k, +1)))) line[k].cp = 0xFF09;
        continue;
      }
      std::size_t a = open.back();
      open.pop_back();
      if (cjk_pair(a, k)) {
        line[a].cp = 0xFF08;
        line[k].cp = 0xFF09;
      }
    }
  }
  for (std::size_t a : open)
    if (line[a].cp == '(' && (IsCjk(Neighbour(line, a, -1)) || IsCjk(Neighbour(line, a, +1)))) line[a].cp = 0xFF08;
}

Unit Inserted(char32_t cp, const Unit& at) { return {cp, at.src, 0}; }

int DigitsValue(const Units& line, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t k = from; k < from + n; ++k) v = v * 10 + static_cast<int>(line[k].cp - '0');
  return v;
}

// Scraped dates: "20204月" / "202012月" → "2020年4月" / "2020年12月"; a line that is only "20210226" or
// "2021226" → "2021年2月26日" when it reads as exactly one valid date (7 digits can split two ways).
Units RepairDatesCopy(const Units& line) {
  bool all_digits = !line.empty() && std::all_of(line.begin(), line.end(), [](const Unit& u) {
    return IsAsciiDigit(u.cp);
  });
  if (all_digits && (line.size() == 7 || line.size() == 8)) {
    int year = DigitsValue(line, 0, 4);
    std::vector<std::pair<std::size_t, std::size_t>> splits;  // (month digits, day digits)
    if (line.size() == 8) {
      splits.push_back({2, 2});
    } else {
      if (line[4].cp != '0' && line[5].cp != '0') splits.push_back({1, 2});
      if (line[4].cp != '0' && line[6].cp != '0') splits.push_back({2, 1});
    }
    int found = 0;
    std::size_t month_digits = 0;
    for (auto [m, d] : splits) {
      int month = DigitsValue(line, 4, m), day = DigitsValue(line, 4 + m, d);
      if (year >= 1990 && year <= 2099 && IsValidDate(year, month, day)) {
        ++found;
        month_digits = m;
      }
    }
    if (found != 1) return line;
    Units out(line.begin(), line.begin() + 4);
    out.push_back(Inserted(0x5E74 /*年*/, line[4]));
    std::size_t day_at = 4 + month_digits;
    for (std::size_t k = 4; k < day_at; ++k)
      if (!(line.size() == 8 && k == 4 && line[k].cp == '0')) out.push_back(line[k]);
    out.push_back(Inserted(0x6708 /*月*/, line[day_at]));
    for (std::size_t k = day_at; k < line.size(); ++k)
      if (!(k == day_at && line.size() - day_at == 2 && line[k].cp == '0')) out.push_back(line[k]);
    out.push_back(Inserted(0x65E5 /*日*/, line.back()));
    return out;
  }
  Units out;
  out.reserve(line.size() + 4);
  std::size_t k = 0;
  while (k < line.size()) {
    if (!IsAsciiDigit(line[k].cp)) {
      out.push_back(line[k++]);
      continue;
    }
    std::size_t end = k;
    while (end < line.size() && IsAsciiDigit(line[end].cp)) ++end;
    std::size_t n = end - k;
    bool before_digitish = k > 0 && (line[k - 1].cp == '.' || line[k - 1].cp == '-' || line[k - 1].cp == '/');
    if ((n == 5 || n == 6) && end < line.size() && line[end].cp == 0x6708 /*月*/ && !before_digitish) {
      int year = DigitsValue(line, k, 4), month = DigitsValue(line, k + 4, n - 4);
      if (year >= 1990 && year <= 2099 && month >= 1 && month <= 12 && line[k + 4].cp != '0') {
        out.insert(out.end(), line.begin() + k, line.begin() + k + 4);
        out.push_back(Inserted(0x5E74 /*年*/, line[k + 4]));
        out.insert(out.end(), line.begin() + k + 4, line.begin() + end);
        k = end;
        continue;
      }
    }
    out.insert(out.end(), line.begin() + k, line.begin() + end);
    k = end;
  }
  return out;
}

// Whether RepairDatesCopy may change the line: an all-digit line of 7 or 8, or a run of 5 or 6 digits before 月. Most
// lines have neither, and keep their units without a copy.
bool MayRepairDates(const Units& line) {
  std::size_t digits = 0;
  for (std::size_t k = 0; k < line.size(); ++k) {
    if (IsAsciiDigit(line[k].cp)) {
      ++digits;
      continue;
    }
    if ((digits == 5 || digits == 6) && line[k].cp == 0x6708 /*月*/) return true;
    digits = 0;
  }
  return digits == line.size() && (digits == 7 || digits == 8);
}

void RepairDates(Units& line) {
  if (MayRepairDates(line)) line = RepairDatesCopy(line);
}

// ---- PDF line wraps ----------------------------------------------------------------------------------------

int DisplayWidth(const Units& line) {
  int w = 0;
  for (const Unit& u : line) w += u.cp < 0x1100 ? 1 : 2;
  return w;
}

// 一、 （一） (一) 1. 1、 （1） ① 第一部分 第X条 …: a line that starts a heading or list item.
bool StartsHeading(UnitSpan line) {
  auto cp = [&](std::size_t k) -> char32_t { return k < line.size() ? line[k].cp : 0; };
  auto chinese_number = [](char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos;
  };
  std::size_t k = 0;
  if (chinese_number(cp(0))) {
    while (chinese_number(cp(k))) ++k;
    return cp(k) == 0x3001 /*、*/ || cp(k) == 0xFF0E || cp(k) == '.';
  }
  if (cp(0) == 0xFF08 || cp(0) == '(') {
    k = 1;
    while (chinese_number(cp(k)) || IsAsciiDigit(cp(k))) ++k;
    return k > 1 && (cp(k) == 0xFF09 || cp(k) == ')');
  }
  if (IsAsciiDigit(cp(0))) {
    while (IsAsciiDigit(cp(k))) ++k;
    if (k > 2) return false;
    return cp(k) == 0x3001 || ((cp(k) == '.' || cp(k) == 0xFF0E) && !IsAsciiDigit(cp(k + 1)));
  }
  if (cp(0) >= 0x2460 && cp(0) <= 0x2473) return true;  // ①…⑳
  if (cp(0) == 0x7B2C /*第*/) {
    k = 1;
    while (chinese_number(cp(k)) || IsAsciiDigit(cp(k))) ++k;
    char32_t unit = cp(k);
    return k > 1 && (unit == 0x90E8 /*部*/ || unit == 0x7AE0 /*章*/ || unit == 0x8282 /*节*/ || unit == 0x6761 /*条*/);
  }
  return false;
}

// Whether the line ends a sentence or clause (so a following line is a new paragraph).
bool EndsSentence(const Units& line) {
  std::size_t k = line.size();
  while (k > 0) {
    char32_t c = line[k - 1].cp;
    if (c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' || c == 0x300B) {
      --k;  // look through closing quotes and brackets
      continue;
    }
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == 0x2026 || c == '.' ||
           c == '!' || c == '?' || c == ';' || c == ':';
  }
  return true;
}

// Joins visual lines that a PDF wrapped inside a paragraph. A line continues on the next one when
//  - it is "full": at least 80 % as wide as the widest line of its block (lines between blank lines, which
//    pdftotext puts between paragraphs of different spacing) and at least 60 % of the document's usual full
//    width (so a wrapped title in a larger font still counts, a short heading does not);
//  - it does not end a sentence; and
//  - the next line is in the same block and does not start a heading or list item.
std::vector<Units> JoinWrappedLines(std::vector<Units> lines, const std::vector<int>& block_of) {
  if (lines.size() < 2) return lines;
  std::vector<int> widths;
  for (const auto& l : lines) widths.push_back(DisplayWidth(l));
  std::vector<int> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  int full = sorted[sorted.size() * 9 / 10];  // the usual width of a full line
  if (full < 20) return lines;
  std::vector<int> block_max(static_cast<std::size_t>(block_of.back()) + 1, 0);
  for (std::size_t k = 0; k < lines.size(); ++k)
    block_max[block_of[k]] = std::max(block_max[block_of[k]], widths[k]);
  auto is_full = [&](std::size_t k) {
    return widths[k] * 10 >= block_max[block_of[k]] * 8 && widths[k] * 10 >= full * 6;
  };
  std::vector<Units> out;
  out.push_back(std::move(lines[0]));
  std::size_t last = 0;  // index of the input line that ends out.back()
  for (std::size_t k = 1; k < lines.size(); ++k) {
    Units& prev = out.back();
    if (block_of[k] == block_of[last] && is_full(last) && !EndsSentence(prev) && !StartsHeading(lines[k])) {
      if (!prev.empty() && !lines[k].empty() && IsAsciiLetter(prev.back().cp) && IsAsciiLetter(lines[k].front().cp))
        prev.push_back({' ', lines[k].front().src, 0});
      prev.insert(prev.end(), lines[k].begin(), lines[k].end());
    } else {
      out.push_back(std::move(lines[k]));
    }
    last = k;
  }
  return out;
}

// ---- web-page damage ---------------------------------------------------------------------------------------

bool IsHanNumeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }

bool IsClauseMark(char32_t c) {
  return c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C;  // 。；：！？，
}

bool HasMark(UnitSpan line, std::u32string_view marks) {
  for (const Unit& u : line)
    if (marks.find(u.cp) != std::u32string_view::npos) return true;
  return false;
}

bool EndsWith(UnitSpan line, std::u32string_view s) {
  if (line.size() < s.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (line[line.size() - s.size() + k].cp != s[k]) return false;
  return true;
}

// The line ends with an enumerator whose item went to the next line: "二是" alone, "十一是：", "…转变。一是".
bool EndsWithLoneEnumerator(const Units& line) {
  std::size_t k = line.size();
  if (k > 0 && (line[k - 1].cp == 0xFF0C || line[k - 1].cp == 0xFF1A || line[k - 1].cp == 0x3001)) --k;  // ，：、
  if (k == 0 || line[k - 1].cp != 0x662F /*是*/) return false;
  std::size_t end = --k;
  while (k > 0 && end - k < 3 && IsHanNumeral(line[k - 1].cp)) --k;
  return k < end && (k == 0 || IsClauseMark(line[k - 1].cp));
}

// "二是…": the line starts an item of an enumeration.
bool StartsWithEnumerator(const Units& line) {
  std::size_t k = 0;
  while (k < line.size() && k < 3 && IsHanNumeral(line[k].cp)) ++k;
  return k > 0 && k < line.size() && line[k].cp == 0x662F /*是*/;
}

// The line ends with the numeral of an enumerator whose 是 went to the next line: "…职能加快转变。一", "二".
bool EndsWithEnumeratorNumeral(const Units& line) {
  std::size_t k = line.size();
  while (k > 0 && line.size() - k < 3 && IsHanNumeral(line[k - 1].cp)) --k;
  if (k == line.size()) return false;
  return k == 0 || IsClauseMark(line[k - 1].cp);
}

// Words a heading of a report's part usually ends with.
bool EndsLikeHeading(const Units& line) {
  for (std::u32string_view w : {U"情况", U"成效", U"工作", U"举措", U"措施", U"安排", U"计划", U"打算", U"问题", U"不足",
                                U"原因", U"职责", U"建设", U"思路", U"要点", U"任务", U"方面", U"领导", U"做法"})
    if (EndsWith(line, w)) return true;
  return false;
}

// The heading stops at a word that cannot end it: "四、主要负责人履行推进法治建设第一" + "责任人职责情况".
bool EndsMidPhrase(const Units& line) {
  for (std::u32string_view w : {U"的", U"和", U"与", U"及", U"第一", U"推进", U"关于", U"履行", U"加强", U"深化"})
    if (EndsWith(line, w)) return true;
  return false;
}

std::size_t HanCount(const Units& line) {
  std::size_t n = 0;
  for (const Unit& u : line) n += IsHan(u.cp);
  return n;
}

// Whether line `a` and the next line `b` are one line a web page broke in two (docs/formats.md, "web pages"):
//  - an enumerator split from its item: "一" / "是" / "持续推进…", "二是" alone, "…转变。一" + "是持续…";
//  - a numbered heading broken over two lines: the first half does not end like a heading ("情况", "成效"…: then
//    the next short line is a subheading of its own), the second is short, has no punctuation and ends like a
//    heading, or the first stops mid-phrase ("…第一" + "责任人职责情况");
//  - in plain text and HTML (`web`; PDF wraps are JoinWrappedLines's, DOCX paragraphs are the author's) a stray
//    break inside a sentence: a line of at least 40 characters of prose (a ， or 。, 70 % Han) that ends on a Han
//    character, followed by a line that starts with one and starts neither a heading nor an enumerator.
bool BrokenLine(const Units& a, const Units& b, bool web) {
  if (a.empty() || b.empty()) return false;
  if (b.front().cp == 0x662F /*是*/ && EndsWithEnumeratorNumeral(a)) return true;
  if (EndsWithLoneEnumerator(a)) return !StartsHeading(b);
  if (StartsHeading(b) || StartsWithEnumerator(b) || EndsWithEnumeratorNumeral(b)) return false;
  static constexpr std::u32string_view kAllMarks = U"。，；：、！？（）《》“”,.;:!?()";
  if (StartsHeading(a) && !HasMark(a, U"。；！？") && !IsClauseMark(a.back().cp) && !EndsLikeHeading(a) &&
      DisplayWidth(a) <= 80 &&
      !HasMark(b, kAllMarks) && HanCount(b) == b.size() && b.size() >= 2 && b.size() <= 16 &&
      (EndsLikeHeading(b) || EndsMidPhrase(a)))
    return true;
  if (!web || StartsHeading(a) || !IsHan(a.back().cp) || !IsHan(b.front().cp) || a.size() < 40) return false;
  // A short line without any mark is a line of its own (a signature "某县人民政府", a date, a name), not the rest of
  // a sentence.
  if (!HasMark(b, kAllMarks) && b.size() <= 20) return false;
  return HasMark(a, U"，。") && HanCount(a) * 10 >= a.size() * 7;
}

// A page that lost its line breaks and kept spaces where they were ("…的报告 中共某市委： 2024年，…如下： 一、主要措施
// 和成效 （一）强化组织引领，…"): a line of at least 200 characters is split at a space after a title (a piece
// without 。 ending in 报告), after a salutation (a piece of at most 40 characters ending in ：), and before a
// heading marker that follows 。：；！？ or a heading of its own.
// The pieces are appended to `out`.
void SplitRunOnLine(const Units& line, std::vector<Units>& out) {
  if (line.size() < 200) {
    out.push_back(line);
    return;
  }
  std::size_t start = 0;
  for (std::size_t k = 1; k + 1 < line.size(); ++k) {
    if (!IsSpace(line[k].cp)) continue;
    UnitSpan piece(line.data() + start, k - start);
    UnitSpan rest(line.data() + k + 1, std::min(line.size(), k + 12) - (k + 1));
    if (piece.empty()) continue;
    char32_t last = piece.back().cp;
    bool ends_clause = last == 0x3002 || last == 0xFF1A || last == ':' || last == 0xFF1B || last == 0xFF01 ||
                       last == 0xFF1F;
    bool title = EndsWith(piece, U"报告") && !HasMark(piece, U"。") && piece.size() <= 60;
    bool salutation = (last == 0xFF1A || last == ':') && piece.size() <= 40 && !HasMark(piece, U"。");
    bool heading_piece = StartsHeading(piece) && piece.size() <= 40 && !HasMark(piece, U"。；");
    bool before_heading = StartsHeading(rest) && (ends_clause || heading_piece);
    if (!(title || salutation || before_heading)) continue;
    out.emplace_back(piece.begin(), piece.end());
    start = k + 1;
  }
  out.emplace_back(line.begin() + static_cast<long>(start), line.end());
}

// A kept line: its units, or — for a line that Decode and the per-line passes leave as it is but for a few ASCII
// , ; : ! ? that UnifyPunctuation makes full-width, most lines of a report — only where its bytes are in the
// reader's text and which of them change (`edits`). Such a line gets units only when RepairBrokenLines has to
// look into it (Materialize).
struct Line {
  Units units;
  std::uint32_t begin = 0, end = 0;            // a byte line's source bytes
  std::uint32_t edit_begin = 0, edit_end = 0;  // its edits, in Normalize's `edits`
  std::uint32_t chars = 0;                     // its characters
  bool bytes = false;
};

// One ASCII byte of a byte line written as another character (，；：！？（）), or dropped (cp 0: a space next to CJK
// punctuation, DropSpacesAtCjkPunctuation's).
struct Edit {
  std::uint32_t at = 0;
  char32_t cp = 0;
};

// The character of byte line `line` at source offset `at` (a character start), its edit applied.
char32_t CharAt(const std::string& text, const Line& line, const std::vector<Edit>& edits, std::size_t at) {
  std::size_t i = at;
  const char32_t cp = DecodeUtf8(text, i);
  if (cp < 0x80)
    for (std::uint32_t e = line.edit_begin; e < line.edit_end; ++e)
      if (edits[e].at == at) return edits[e].cp;
  return cp;
}

// A byte line holds printable ASCII and three-byte characters only (ByteLineEnd): decoding it is that simple.
void Materialize(Line& line, const std::string& text, const std::vector<Edit>& edits) {
  if (!line.bytes) return;
  line.units.reserve(line.end - line.begin);
  std::uint32_t e = line.edit_begin;
  for (std::size_t i = line.begin; i < line.end;) {
    std::size_t at = i;
    char32_t cp = DecodeUtf8(text, i);
    if (e < line.edit_end && edits[e].at == at) cp = edits[e++].cp;
    if (cp == 0) continue;  // a dropped space
    line.units.push_back({cp, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i - at)});
  }
  line.bytes = false;
}

// Where the character before source offset `end` of a byte line starts.
std::uint32_t PreviousChar(const std::string& text, std::uint32_t end) {
  return static_cast<unsigned char>(text[end - 1]) < 0x80 ? end - 1 : end - 3;
}

// What BrokenLine needs before it can be true, from the ends of the lines and their lengths: the next line
// starts with 是; a ends with 是 (or 是，：、); a may start a heading (StartsHeading: a numeral, a bracket, a digit,
// ①, 第), is at most 80 characters long (DisplayWidth(a) <= 80) and does not end on a clause mark, and b has at
// most 16 characters (the second half of a heading broken in two); or, in web text, a may be 40 characters long,
// ends on a Han character and b starts with one. Lets RepairBrokenLines pass most byte lines without decoding them.
bool MayBeBroken(const std::string& text, const std::vector<Edit>& edits, const Line& a, const Line& b, bool web) {
  char32_t first = 0, last = 0, before_last = 0;
  std::size_t chars = 0;  // a's length in characters
  if (a.bytes) {
    first = CharAt(text, a, edits, a.begin);
    const std::uint32_t at = PreviousChar(text, a.end);
    last = CharAt(text, a, edits, at);
    if (at > a.begin) {
      std::uint32_t b = PreviousChar(text, at);
      before_last = CharAt(text, a, edits, b);
      if (before_last == 0 && b > a.begin) before_last = CharAt(text, a, edits, PreviousChar(text, b));  // dropped
    }
    chars = a.chars;
  } else {
    std::size_t n = a.units.size();
    first = n > 0 ? a.units[0].cp : 0;
    last = n > 0 ? a.units[n - 1].cp : 0;
    before_last = n > 1 ? a.units[n - 2].cp : 0;
    chars = n;
  }
  const char32_t b_first = b.bytes ? CharAt(text, b, edits, b.begin) : b.units.empty() ? 0 : b.units[0].cp;
  const std::size_t b_chars = b.bytes ? b.chars : b.units.size();
  if (b_first == 0x662F /*是*/ || last == 0x662F) return true;
  if ((last == 0xFF0C || last == 0xFF1A || last == 0x3001) && before_last == 0x662F) return true;
  const bool may_start_heading = std::u32string_view(U"一二三四五六七八九十百零〇（(第").find(first) !=
                                     std::u32string_view::npos ||
                                 IsAsciiDigit(first) || (first >= 0x2460 && first <= 0x2473);
  if (may_start_heading && chars <= 80 && !IsClauseMark(last) && b_chars <= 16) return true;
  return web && chars >= 40 && IsHan(last) && IsHan(b_first);
}

// Joins the lines BrokenLine finds (the joined line keeps the later line's end).
void RepairBrokenLines(const std::string& text, const std::vector<Edit>& edits, std::vector<Line>& lines,
                       std::vector<Unit>& newline_of, std::vector<int>& block_of, bool web) {
  std::vector<Line> out;
  std::vector<Unit> nl;
  std::vector<int> blocks;
  out.reserve(lines.size());
  nl.reserve(lines.size());
  blocks.reserve(lines.size());
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!out.empty()) {
      Line& prev = out.back();
      bool broken = false;
      if (!prev.bytes && !lines[k].bytes) {
        broken = BrokenLine(prev.units, lines[k].units, web);
      } else if (MayBeBroken(text, edits, prev, lines[k], web)) {
        Materialize(prev, text, edits);
        Materialize(lines[k], text, edits);
        broken = BrokenLine(prev.units, lines[k].units, web);
      }
      if (broken) {
        prev.units.insert(prev.units.end(), lines[k].units.begin(), lines[k].units.end());
        nl.back() = newline_of[k];
        continue;
      }
    }
    out.push_back(std::move(lines[k]));
    nl.push_back(newline_of[k]);
    blocks.push_back(block_of[k]);
  }
  lines = std::move(out);
  newline_of = std::move(nl);
  block_of = std::move(blocks);
}

// m[b] = from + b for b < n: the map of bytes copied as they are (most of the text), eight entries a step.
void MapToItself(std::uint32_t* m, std::uint32_t from, std::uint32_t n) {
  std::uint32_t b = 0;
#if defined(__SSE2__)
  __m128i v = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(from)), _mm_setr_epi32(0, 1, 2, 3));
  const __m128i four = _mm_set1_epi32(4), eight = _mm_set1_epi32(8);
  for (; b + 8 <= n; b += 8) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(m + b), v);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(m + b + 4), _mm_add_epi32(v, four));
    v = _mm_add_epi32(v, eight);
  }
#endif
  for (; b < n; ++b) m[b] = from + b;
}

std::uint32_t Rebase(const OffsetMap& to_source, std::uint32_t raw_offset) {
  auto it = std::lower_bound(to_source.begin(), to_source.end() - 1, raw_offset);
  return static_cast<std::uint32_t>(it - to_source.begin());
}

// How many of the Han characters in `cps` OpenCC's t2s changes on their own (sets `han` to their number), from the
// built-in table (normalize/traditional_table.h): no OpenCC call for the common, simplified text.
std::size_t TraditionalOnlyCount(const std::vector<char32_t>& cps, std::size_t& han) {
  han = 0;
  std::size_t changed = 0;
  for (char32_t c : cps) {
    if (!IsHan(c)) continue;
    ++han;
    changed += IsTraditionalOnly(c);
  }
  return changed;
}

// LooksTraditional's gate on units: at least 5 traditional-only characters (`marked`, counted by Decode), and 5 % of
// the Han ones.
bool MayBeTraditional(const Units& units, std::size_t marked) {
  if (marked < 5) return false;
  std::size_t han = 0;
  for (const Unit& u : units) han += IsHan(u.cp);
  return marked * 20 >= han;
}

std::uint32_t Utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Writes `cp` (a valid code point) at `p`; returns its length (the same bytes as AppendUtf8).
std::uint32_t PutUtf8(char* p, char32_t cp) {
  if (cp >= 0x800 && cp < 0x10000) {  // first: all of CJK
    p[0] = static_cast<char>(0xE0 | (cp >> 12));
    p[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    p[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp < 0x80) {
    p[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    p[0] = static_cast<char>(0xC0 | (cp >> 6));
    p[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  p[0] = static_cast<char>(0xF0 | (cp >> 18));
  p[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  p[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  p[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Whether Decode keeps the three-byte character `cp` as it is: not a space, line separator or invisible character it
// folds or drops, not a full-width form it maps to ASCII or CJK punctuation.
bool DecodeKeeps(char32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // Han: the common case
  if (cp >= 0x2000 && cp <= 0x206F) return cp >= 0x2010 && cp <= 0x2027;  // dashes, quotes, …: kept
  if (cp == 0x3000 || cp == 0xFEFF) return false;
  if (cp >= 0xFF01 && cp <= 0xFF64) return KeepFullWidth(cp);
  return true;
}


// One bracket of a byte line (ByteLineEnd): where, and its character as UnifyPunctuation's pairing has left it.
struct Bracket {
  std::uint32_t at;
  char32_t cp;
};

// UnifyPunctuation's second loop (the brackets) on the byte line text[begin, end) after its first (the ASCII marks,
// `edits` from `edits_before` on, in order): the same pairs and neighbours, read from the bytes; the ASCII brackets
// it makes full-width are added to the edits, which are kept in order.
void PairBrackets(const std::string& text, std::size_t begin, std::size_t end, std::span<Bracket> brackets,
                  std::vector<Edit>& edits, std::size_t edits_before) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t first_loop_edits = edits.size();
  // The character at `at` as both loops have left it so far (a byte line holds ASCII and three-byte characters).
  auto value_at = [&](std::size_t at) -> char32_t {
    for (const Bracket& b : brackets)
      if (b.at == at) return b.cp;
    if (s[at] >= 0x80) return DecodeThreeBytes(s + at);
    for (std::size_t e = edits_before; e < first_loop_edits; ++e)
      if (edits[e].at == at) return edits[e].cp;
    return s[at];
  };
  // Neighbour(line, k, ∓1): the character next to it past a space (a byte line's spaces are single and inside the
  // line), or 0 at the line's ends.
  auto before = [&](const Bracket& b) -> char32_t {
    if (b.at == begin) return 0;
    std::size_t at = s[b.at - 1] < 0x80 ? b.at - 1 : b.at - 3;
    if (s[at] == ' ') at = s[at - 1] < 0x80 ? at - 1 : at - 3;
    return value_at(at);
  };
  auto after = [&](const Bracket& b) -> char32_t {
    std::size_t next = b.at + (s[b.at] < 0x80 ? 1 : 3);
    if (next < end && s[next] == ' ') ++next;
    return next < end ? value_at(next) : 0;
  };
  auto cjk_pair = [&](const Bracket& a, const Bracket& b) {
    if (a.cp == 0xFF08 || b.cp == 0xFF09) return true;
    if (IsCjk(before(a)) || IsCjk(after(b))) return true;
    for (std::size_t k = a.at + (s[a.at] < 0x80 ? 1 : 3); k < b.at;) {
      if (s[k] < 0x80) {
        ++k;
        continue;
      }
      if (IsHan(DecodeThreeBytes(s + k))) return true;
      k += 3;
    }
    return false;
  };
  std::size_t open[16], opened = 0;
  for (std::size_t k = 0; k < brackets.size(); ++k) {
    Bracket& b = brackets[k];
    if (b.cp == '(' || b.cp == 0xFF08) {
      open[opened++] = k;
    } else if (b.cp == ')' || b.cp == 0xFF09) {
      if (opened == 0) {
        if (b.cp == ')' && (IsCjk(before(b)) || IsCjk(after(b)))) b.cp = 0xFF09;
        continue;
      }
      Bracket& a = brackets[open[--opened]];
      if (cjk_pair(a, b)) {
        a.cp = 0xFF08;
        b.cp = 0xFF09;
      }
    }
  }
  for (std::size_t o = 0; o < opened; ++o) {
    Bracket& a = brackets[open[o]];
    if (a.cp == '(' && (IsCjk(before(a)) || IsCjk(after(a)))) a.cp = 0xFF08;
  }
  bool added = false;
  for (const Bracket& b : brackets)
    if (s[b.at] < 0x80 && b.cp != s[b.at]) {
      edits.push_back({b.at, b.cp});
      added = true;
    }
  if (added)
    std::sort(edits.begin() + static_cast<long>(edits_before), edits.end(),
              [](const Edit& x, const Edit& y) { return x.at < y.at; });
}

// DropSpacesAtCjkPunctuation on the byte line text[begin, end) after UnifyPunctuation (`edits` from `edits_before`
// on, in order): a space (single, inside the line) between two CJK characters one of which is punctuation becomes
// an edit that drops it; the edits are kept in order. Returns how many it dropped.
std::size_t DropSpaces(const std::string& text, std::span<const std::uint32_t> spaces, std::vector<Edit>& edits,
                       std::size_t edits_before) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t unified = edits.size();
  auto value_at = [&](std::size_t at) -> char32_t {
    if (s[at] >= 0x80) return DecodeThreeBytes(s + at);
    for (std::size_t e = edits_before; e < unified; ++e)
      if (edits[e].at == at) return edits[e].cp;
    return s[at];
  };
  auto punct = [](char32_t c) { return IsCjk(c) && !IsHan(c); };
  std::size_t dropped = 0;
  for (const std::uint32_t k : spaces) {
    const char32_t a = value_at(s[k - 1] < 0x80 ? k - 1 : k - 3), b = value_at(k + 1);
    if (IsCjk(a) && IsCjk(b) && (punct(a) || punct(b))) {
      edits.push_back({k, 0});
      ++dropped;
    }
  }
  if (dropped > 0)
    std::sort(edits.begin() + static_cast<long>(edits_before), edits.end(),
              [](const Edit& x, const Edit& y) { return x.at < y.at; });
  return dropped;
}

// The three bytes at p are 、。《》 (E3 80 81/82/8A/8B), ， (EF BC 8C) or “” (E2 80 9C/9D): the marks of a report's prose
// that ByteLineEnd takes as they are (Decode keeps them; no pass pairs or repairs them).
inline bool CommonMark(const unsigned char* p) {
  switch ((std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]) {
    case 0xE38081: case 0xE38082: case 0xE3808A: case 0xE3808B: case 0xEFBC8C: case 0xE2809C: case 0xE2809D:
      return true;
    default:
      return false;
  }
}

// Where the line that starts at text[i] ends ('\n' or the end of the text) when Decode and the per-line passes
// leave it as it is but for the ASCII , ; : ! ? that UnifyPunctuation makes full-width (appended to `edits`), else
// npos. Such a line holds printable ASCII other than the space and ( ) (UnifyPunctuation's pairs), and three-byte
// characters DecodeKeeps: without spaces a punctuation mark's neighbours are the characters next to it. It is not
// digits only and has no 5 or 6 digits before 月 (RepairDates's cases). Adds its traditional-only characters to
// `traditional_only` (as Decode would).
std::size_t ByteLineEnd(const std::string& text, std::size_t i, std::vector<Edit>& edits,
                        std::size_t& traditional_only, std::uint32_t& chars, bool web) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size(), start = i, edits_before = edits.size();
  std::size_t marked = 0, digits = 0, all_digits = 0, three_bytes = 0;
  char32_t prev = 0;  // the character before, as UnifyPunctuation has left it
  // The line's brackets ( ) （ ）, for UnifyPunctuation's second loop (run at the end of the line, below), and whether
  // any is ASCII (else that loop changes nothing). A line with more is left to the units.
  Bracket brackets[16];
  std::size_t bracket_count = 0;
  bool ascii_bracket = false;
  // Its spaces: single ASCII spaces inside the line (anything else goes to the units), and whether one of them may
  // be where SplitRunOnLine splits a web line of 200 characters or more (conservatively: more may than do).
  std::uint32_t spaces[32];
  std::size_t space_count = 0;
  bool may_split = false;
  auto fail = [&] {
    edits.resize(edits_before);
    return std::string::npos;
  };
  // The three-byte character at text[k] as DecodeUtf8 reads it without its slow path, or 0.
  auto three_byte = [&](std::size_t k) -> char32_t {
    if ((s[k] & 0xF0) != 0xE0 || k + 2 >= n || (s[k + 1] & 0xC0) != 0x80 || (s[k + 2] & 0xC0) != 0x80) return 0;
    const char32_t cp = DecodeThreeBytes(s + k);
    return cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : cp;
  };
  while (i < n) {
    const unsigned c = s[i];
    if (c >= 0x80) {
#if defined(__SSE2__)
      // Up to five Han characters at once (most of a line): each one Decode keeps, no 月 after digits (none are
      // pending), only its traditional-only count and `prev` to take.
      if (int run = digits == 0 && i + 16 <= n ? HanRun(s + i) : 0; run > 0) {
        // Whole blocks of five, one after another, without going round the byte loop (unrolled: no loop to count),
        // then the rest of the run.
        const std::size_t from = i;
        for (;;) {
          while (run == 5) {
            const unsigned char* h = s + i;
            marked += HanTraditionalOnly(h) + HanTraditionalOnly(h + 3) + HanTraditionalOnly(h + 6) +
                      HanTraditionalOnly(h + 9) + HanTraditionalOnly(h + 12);
            i += 15;
            run = i + 16 <= n ? HanRun(s + i) : 0;
          }
          for (int k = 0; k < run; ++k, i += 3) marked += HanTraditionalOnly(s + i);
          // A common mark after the run (、。，“”《》: kept, not traditional-only, paired by nothing) is taken too,
          // and the next run read on, instead of a round of the byte loop for the mark.
          if (i + 19 > n || !CommonMark(s + i)) break;
          i += 3;
          if ((run = HanRun(s + i)) == 0) break;
        }
        prev = DecodeThreeBytes(s + i - 3);
        three_bytes += (i - from) / 3;
        continue;
      }
#endif
      const char32_t cp = three_byte(i);
      if (cp == 0 || !DecodeKeeps(cp)) return fail();
      if (digits != 0) {
        if (cp == 0x6708 /*月*/ && (digits == 5 || digits == 6)) return fail();
        digits = 0;
      }
      marked += IsTraditionalOnly(cp);
      if (cp == 0xFF08 || cp == 0xFF09) {
        if (bracket_count == std::size(brackets)) return fail();
        brackets[bracket_count++] = {static_cast<std::uint32_t>(i), cp};
      }
      prev = cp;
      ++three_bytes;
      i += 3;
      continue;
    }
    if (c == '\n') break;
    if (c >= '0' && c <= '9') {
      ++digits;
      ++all_digits;
      prev = c;
      ++i;
      continue;
    }
    digits = 0;
    if (c == ' ') {
      // Not at either end, not in a run (CollapseSpaces would change those), at most 32 of them.
      if (i == start || i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\r' ||
          space_count == std::size(spaces))
        return fail();
      spaces[space_count++] = static_cast<std::uint32_t>(i);
      // SplitRunOnLine's cuts, with the piece always the line's start (no cut before): a title or salutation or
      // heading piece of at most 60 characters, or a clause end before what may start a heading.
      if (web && !may_split) {
        const std::size_t piece = i - start - 2 * three_bytes;
        const char32_t last = s[i - 1] < 0x80 ? char32_t{s[i - 1]} : three_byte(i - 3);
        const char32_t next = s[i + 1] < 0x80 ? char32_t{s[i + 1]} : three_byte(i + 1);
        auto clause = [](char32_t x) {
          return x == 0x3002 || x == 0xFF1A || x == ':' || x == 0xFF1B || x == 0xFF01 || x == 0xFF1F;
        };
        const bool may_start_heading = std::u32string_view(U"一二三四五六七八九十百零〇（(第").find(next) !=
                                           std::u32string_view::npos ||
                                       IsAsciiDigit(next) || (next >= 0x2460 && next <= 0x2473);
        may_split = piece <= 60 || ((clause(last) || clause(prev)) && may_start_heading);
      }
      ++i;  // `prev` stays: UnifyPunctuation's Neighbour looks past spaces
      continue;
    }
    if (c < 0x20 || c >= 0x7F) return fail();
    if (c == '(' || c == ')') {
      if (bracket_count == std::size(brackets)) return fail();
      brackets[bracket_count++] = {static_cast<std::uint32_t>(i), c};
      ascii_bracket = true;
      prev = c;
      ++i;
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
      char32_t next = 0;
      std::size_t j = i + 1;
      if (j < n && s[j] == ' ') ++j;  // Neighbour looks past a space (a trailing one fails the line later)
      if (j < n && s[j] != '\n') next = s[j] < 0x80 ? char32_t{s[j]} : three_byte(j);
      if (!(IsAsciiDigit(prev) && IsAsciiDigit(next)) && (IsCjk(prev) || IsCjk(next))) {
        prev = FullWidth(c);
        edits.push_back({static_cast<std::uint32_t>(i), prev});
        ++i;
        continue;
      }
    }
    prev = c;
    ++i;
  }
  if (all_digits == i - start) return fail();  // an empty line, or digits only (maybe a scraped date)
  const std::size_t line_chars = i - start - 2 * three_bytes;  // one per ASCII byte and per three
  if (may_split && line_chars >= 200) return fail();
  if (ascii_bracket) PairBrackets(text, start, i, std::span(brackets, bracket_count), edits, edits_before);
  const std::size_t dropped =
      space_count > 0 ? DropSpaces(text, std::span(spaces, space_count), edits, edits_before) : 0;
  traditional_only += marked;
  chars = static_cast<std::uint32_t>(line_chars - dropped);
  return i;
}

}  // namespace

bool LooksTraditional(const std::string& utf8) {
  {  // cheap gate: character by character, too few traditional-only characters → not traditional
    std::size_t han = 0, marked = TraditionalOnlyCount(CodePoints(utf8), han);
    if (marked < 5 || marked * 20 < han) return false;
  }
  auto converted = TraditionalToSimplified(utf8);
  if (!converted) return false;
  std::vector<char32_t> a = CodePoints(utf8), b = CodePoints(*converted);
  std::size_t han = 0, changed = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (!IsHan(a[k])) continue;
    ++han;
    if (a.size() == b.size() && a[k] != b[k]) ++changed;
  }
  if (a.size() != b.size()) changed = han / 10;  // rare: phrase conversions changed the length
  return changed >= 5 && changed * 20 >= han;  // at least 5 % of Han characters are traditional-only
}

namespace {

NormalizedText NormalizeText(const RawDocument& raw, bool by_lines, bool runs = true) {
  NormalizedText out;
  const std::string& text = raw.text;
  const bool web = raw.format == "text" || raw.format == "html";  // pages saved by a browser or copied from one
  const bool pdf = raw.format == "pdf";

  // Per line: white space, punctuation, dates; blank lines go.
  std::vector<Line> lines;
  std::vector<Unit> newline_of;  // the source '\n' ending each kept line
  std::vector<int> block_of;     // blank lines separate blocks (used by the PDF wrap repair)
  int block = 0;
  Units current;                 // the line being read (its capacity is kept from line to line)
  std::vector<Units> parts;      // the lines it becomes
  auto flush = [&](const Unit* nl) {
    const bool spaced = CollapseSpaces(current);  // without spaces, SplitRunOnLine and DropSpaces… change nothing
    if (current.empty()) {
      if (!lines.empty() && block_of.back() == block) ++block;
      return;
    }
    parts.clear();
    if (web && spaced) SplitRunOnLine(current, parts);
    else parts.emplace_back().swap(current);
    current.clear();
    for (std::size_t p = 0; p < parts.size(); ++p) {
      Line line;
      line.units = std::move(parts[p]);
      Unit end = p + 1 < parts.size() ? Unit{'\n', parts[p + 1].front().src, 0}
                                      : (nl ? *nl : Unit{'\n', static_cast<std::uint32_t>(text.size()), 0});
      UnifyPunctuation(line.units);
      if (spaced) DropSpacesAtCjkPunctuation(line.units);
      RepairDates(line.units);
      lines.push_back(std::move(line));
      block_of.push_back(block);
      newline_of.push_back(end);
    }
  };
  // Line by line: each line's units copied at once into `current`, without its leading indentation; what follows
  // the last '\n' is left in `current`.
  auto split = [&](const Units& units) {
    for (const Unit *u = units.data(), *const end = u + units.size();;) {
      const Unit* nl = u;
      while (nl != end && nl->cp != '\n') ++nl;
      const Unit* first = u;
      while (first != nl && IsSpace(first->cp)) ++first;
      current.assign(first, nl);
      if (nl == end) break;
      flush(nl);
      u = nl + 1;
    }
  };

  // Most lines need no change: they are kept as byte ranges of the reader's text, and only the others are decoded
  // into units. A text that may be traditional (OpenCC works on the whole text) and PDF text (its wrap repair
  // measures every line) take the units all the way.
  std::size_t traditional_only = 0;
  std::vector<Edit> edits;  // of the byte lines, in order
  by_lines = by_lines && !pdf;
  if (by_lines) {
    Units units;  // one line that needs decoding, with its '\n'
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
      if (text[i] == '\n') {  // a blank line (half the lines of a report)
        flush(nullptr);       // `current` is empty: only the block count
        ++i;
        continue;
      }
      const auto edits_before = static_cast<std::uint32_t>(edits.size());
      std::uint32_t chars = 0;
      // The indentation — spaces, tabs, U+3000, NBSP: what Decode folds to a space and `split` then strips — is not
      // part of a byte line (most lines of real reports start with "　　"); a line of nothing else goes to the units.
      const auto* u = reinterpret_cast<const unsigned char*>(text.data());
      std::size_t first = i;
      for (;;) {
        if (first < n && (u[first] == ' ' || u[first] == '\t')) ++first;
        else if (first + 2 < n && u[first] == 0xE3 && u[first + 1] == 0x80 && u[first + 2] == 0x80) first += 3;
        else if (first + 1 < n && u[first] == 0xC2 && u[first + 1] == 0xA0) first += 2;
        else break;
      }
      std::size_t nl = first < n && u[first] != '\n' ? ByteLineEnd(text, first, edits, traditional_only, chars, web)
                                                      : std::string::npos;
      if (nl != std::string::npos) {
        lines.push_back({{}, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(nl), edits_before,
                         static_cast<std::uint32_t>(edits.size()), chars, true});
        block_of.push_back(block);
        newline_of.push_back(nl < n ? Unit{'\n', static_cast<std::uint32_t>(nl), 1}
                                    : Unit{'\n', static_cast<std::uint32_t>(n), 0});
      } else {
        const void* found = std::memchr(text.data() + i, '\n', n - i);
        nl = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : n;
        units.clear();
        Decode(text, i, nl < n ? nl + 1 : n, units, traditional_only, true);
        split(units);
      }
      i = nl + 1;
    }
    flush(nullptr);
    if (traditional_only >= 5) {  // MayBeTraditional may hold: start again on units
      by_lines = false;
      lines.clear();
      edits.clear();
      newline_of.clear();
      block_of.clear();
      block = 0;
      current.clear();
      traditional_only = 0;
    }
  }
  if (!by_lines) {
    Units units;
    Decode(text, 0, text.size(), units, traditional_only, runs);
    // Traditional characters → simplified, only when the text is written in traditional characters. LooksTraditional's
    // cheap gate first, on the units (nearly every report is simplified: no UTF-8 copy of the text for it).
    // ("" is not traditional.)
    std::string folded = MayBeTraditional(units, traditional_only) ? Encode(units) : std::string();
    if (LooksTraditional(folded)) {
      if (auto simplified = TraditionalToSimplified(folded)) {
        units = Realign(units, CodePoints(*simplified));
        out.converted_from_traditional = true;
        out.diagnostics.push_back(MakeDiagnostic("N-traditional", {}, raw.path));
      }
    }
    split(units);
    flush(nullptr);
  }
  if (pdf) {
    // Joining loses the newline units of joined lines: recompute them from each line's last character.
    std::vector<Units> unit_lines;
    unit_lines.reserve(lines.size());
    for (Line& l : lines) unit_lines.push_back(std::move(l.units));
    unit_lines = JoinWrappedLines(std::move(unit_lines), block_of);
    lines.clear();
    newline_of.clear();
    for (Units& l : unit_lines) {
      newline_of.push_back({'\n', l.back().src + l.back().len, 0});
      lines.push_back({std::move(l)});
    }
    block_of.assign(lines.size(), 0);
  }
  // After the PDF wraps: a repaired line would change the widths they are judged by.
  RepairBrokenLines(text, edits, lines, newline_of, block_of, web);

  // Encode with the byte map: sized once, then written through pointers.
  std::size_t bytes = lines.size();  // the '\n's
  for (const Line& l : lines) {
    if (l.bytes) {
      bytes += l.end - l.begin;
      for (std::uint32_t e = l.edit_begin; e < l.edit_end; ++e) bytes += edits[e].cp ? 2 : -1;  // 1 byte → 3 or 0
    }
    else
      for (const Unit& u : l.units) bytes += Utf8Length(u.cp);
  }
  out.text.resize(bytes);
  out.to_source.resize(bytes + 1);
  // The map is kept monotonic as it is written (inserted or joined characters may point back a little): `last` is
  // the entry before.
  char* t = out.text.data();
  std::uint32_t* m = out.to_source.data();
  std::uint32_t last = 0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    Line& line = lines[l];
    if (line.bytes && line.begin >= last) {  // its bytes as they are, each mapped to itself, and its edits
      for (std::uint32_t from = line.begin, e = line.edit_begin;; ++e) {
        const std::uint32_t to = e < line.edit_end ? edits[e].at : line.end;
        std::memcpy(t, text.data() + from, to - from);
        MapToItself(m, from, to - from);
        t += to - from;
        m += to - from;
        if (to == line.end) break;
        // As the units below: every byte maps to the ASCII one (a dropped space writes none).
        const std::uint32_t n = edits[e].cp ? PutUtf8(t, edits[e].cp) : 0;
        for (std::uint32_t b = 0; b < n; ++b) m[b] = to;
        t += n;
        m += n;
        from = to + 1;
      }
      last = line.end - 1;
    } else {
      Materialize(line, text, edits);
      for (const Unit& u : line.units) {
        std::uint32_t n = PutUtf8(t, u.cp);
        if (n == u.len && u.src >= last) {  // the usual case: the same length as the source, and in order
          for (std::uint32_t b = 0; b < n; ++b) m[b] = u.src + b;
          last = u.src + n - 1;
        } else {
          for (std::uint32_t b = 0; b < n; ++b) m[b] = last = std::max(last, u.src + (n == u.len ? b : 0));
        }
        t += n;
        m += n;
      }
    }
    *t++ = '\n';
    *m++ = last = std::max(last, std::min<std::uint32_t>(newline_of[l].src, static_cast<std::uint32_t>(text.size())));
  }
  *m = std::max(last, static_cast<std::uint32_t>(text.size()));

  // Hints onto the normalized text: a heading hint snaps to the start of its line.
  for (const HeadingHint& h : raw.headings) {
    std::uint32_t at = Rebase(out.to_source, h.offset);
    if (at >= out.text.size()) continue;
    std::size_t line_start = out.text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = (at == 0 || line_start == std::string::npos) ? 0 : line_start + 1;
    HeadingHint moved = h;
    moved.offset = static_cast<std::uint32_t>(line_start);
    if (out.headings.empty() || out.headings.back().offset != moved.offset) out.headings.push_back(moved);
  }
  for (const PageStart& p : raw.pages) {
    PageStart moved = p;
    moved.offset = std::min<std::uint32_t>(Rebase(out.to_source, p.offset), static_cast<std::uint32_t>(out.text.size()));
    out.pages.push_back(moved);
  }
  return out;
}

}  // namespace

NormalizedText Normalize(const RawDocument& raw) { return NormalizeText(raw, true); }

NormalizedText NormalizeByUnits(const RawDocument& raw) { return NormalizeText(raw, false); }

NormalizedText NormalizeByChars(const RawDocument& raw) { return NormalizeText(raw, false, false); }

}  // namespace fazhi
