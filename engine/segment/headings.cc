// Heading lines: numbered markers and the extent of the heading text (see headings.h).
#include "segment/headings.h"

#include <cctype>

#include "core/utf8.h"
#include "segment/chars.h"

namespace fazhi::seg {

namespace {

bool IsHanNumeralChar(char32_t cp) { return HanDigitValue(cp) >= 0 || cp == U'百'; }

// Reads Chinese numerals (up to `max` characters) from i; returns the value or -1.
int ReadHan(std::string_view s, std::size_t& i, int max) {
  std::size_t start = i, j = i;
  int n = 0;
  while (n < max && j < s.size()) {
    std::size_t k;
    if (!IsHanNumeralChar(CodePointAt(s, j, &k))) break;
    j = k;
    ++n;
  }
  if (n == 0) return -1;
  int v = ParseHanNumber(s.substr(start, j - start));
  if (v < 1) return -1;
  i = j;
  return v;
}

// Reads 1..max digits (ASCII or full-width) from i; returns the value or -1.
int ReadDigits(std::string_view s, std::size_t& i, int max) {
  std::size_t j = i;
  int n = 0, v = 0;
  while (j < s.size()) {
    std::size_t k;
    int d = DigitValue(CodePointAt(s, j, &k));
    if (d < 0) break;
    if (++n > max) return -1;
    v = v * 10 + d;
    j = k;
  }
  if (n == 0) return -1;
  i = j;
  return v;
}

bool IsOpenParen(char32_t cp) { return cp == '(' || cp == U'（' || cp == U'〔'; }
bool IsCloseParen(char32_t cp) { return cp == ')' || cp == U'）' || cp == U'〕'; }

// After a marker: an optional "、" (as in "（一）、"), then blanks.
std::size_t AfterMarker(std::string_view s, std::size_t i) {
  std::size_t j;
  char32_t cp = CodePointAt(s, i, &j);
  if (cp == U'、') i = j;
  return SkipSpaces(s, i);
}

}  // namespace

std::optional<Marker> MatchMarker(std::string_view line) {
  std::size_t i = 0, next = 0;
  char32_t c0 = CodePointAt(line, 0, &next);
  if (c0 == 0) return std::nullopt;
  Marker m;

  if (c0 == U'第') {  // 第一部分 / 第一章 / 第一节 / 第一条
    i = next;
    int v = ReadHan(line, i, 5);
    if (v < 0) v = ReadDigits(line, i, 3);
    if (v < 0) return std::nullopt;
    std::string_view rest = line.substr(i);
    static constexpr struct { std::string_view unit; int rank; } kUnits[] = {
        {"部分", kRankPart}, {"章", kRankPart}, {"篇", kRankPart}, {"节", kRankSection}, {"条", kRankArticle}};
    for (const auto& u : kUnits) {
      if (!rest.starts_with(u.unit)) continue;
      i += u.unit.size();
      std::size_t j;
      char32_t sep = CodePointAt(line, i, &j);
      if (sep == U'、' || sep == U'：' || sep == ':' || sep == U'．' || sep == '.') i = j;
      else if (sep != 0 && !IsSpace(sep) && u.rank == kRankArticle) return std::nullopt;  // "第三条规定…"
      m.rank = u.rank;
      m.value = v;
      m.number_end = i;
      m.text_begin = SkipSpaces(line, i);
      return m;
    }
    return std::nullopt;
  }

  if (IsOpenParen(c0)) {  // （一） (一) （1） (1)
    i = next;
    int v = ReadHan(line, i, 4);
    int rank = kRankHanParen;
    if (v < 0) {
      v = ReadDigits(line, i, 2);
      rank = kRankArabicParen;
    }
    if (v < 1) return std::nullopt;
    std::size_t j;
    if (!IsCloseParen(CodePointAt(line, i, &j))) return std::nullopt;
    m.rank = rank;
    m.value = v;
    m.number_end = j;
    m.text_begin = AfterMarker(line, j);
    if (m.text_begin > j && line.substr(j).starts_with("、")) m.number_end = j + 3;
    return m;
  }

  if (IsHanNumeralChar(c0)) {  // 一、 一． 一.
    i = 0;
    int v = ReadHan(line, i, 4);
    if (v < 1) return std::nullopt;
    std::size_t j;
    char32_t sep = CodePointAt(line, i, &j);
    if (sep != U'、' && sep != U'．' && sep != '.') return std::nullopt;
    if (sep != U'、' && DigitValue(CodePointAt(line, j)) >= 0) return std::nullopt;
    m.rank = kRankHanComma;
    m.value = v;
    m.number_end = j;
    m.text_begin = SkipSpaces(line, j);
    return m;
  }

  if (DigitValue(c0) >= 0) {  // 1. 1、 1． 1） 1)
    i = 0;
    int v = ReadDigits(line, i, 2);
    if (v < 1) return std::nullopt;
    std::size_t j;
    char32_t sep = CodePointAt(line, i, &j);
    int rank;
    if (sep == '.' || sep == U'．' || sep == U'、') rank = kRankArabic;
    else if (sep == ')' || sep == U'）') rank = kRankArabicParen;
    else return std::nullopt;
    char32_t after = CodePointAt(line, j);
    if (DigitValue(after) >= 0 || after == '.' || after == '%' || after == U'％') return std::nullopt;  // 2.0 1.5%
    m.rank = rank;
    m.value = v;
    m.number_end = j;
    m.text_begin = SkipSpaces(line, j);
    return m;
  }

  if (c0 >= 0x2460 && c0 <= 0x249B) {  // ①… ⑴… ⒈…
    if (c0 <= 0x2473) {
      m.rank = kRankCircled;
      m.value = static_cast<int>(c0 - 0x2460) + 1;
    } else if (c0 <= 0x2487) {
      m.rank = kRankArabicParen;
      m.value = static_cast<int>(c0 - 0x2474) + 1;
    } else {
      m.rank = kRankArabic;
      m.value = static_cast<int>(c0 - 0x2488) + 1;
    }
    std::size_t j = next, k;
    char32_t sep = CodePointAt(line, j, &k);
    if (sep == U'、' || sep == '.' || sep == U'．') j = k;
    m.number_end = j;
    m.text_begin = SkipSpaces(line, j);
    return m;
  }
  return std::nullopt;
}

std::optional<HeadingText> MatchHeadingText(std::string_view line, std::size_t text_begin, int max_chars) {
  HeadingText h;
  h.begin = text_begin;
  if (text_begin >= line.size()) {
    h.end = h.body_begin = line.size();
    return h;
  }
  int depth = 0;  // inside “…” 《…》 （…） — a mark there does not end the heading
  std::size_t i = text_begin;
  while (i < line.size()) {
    std::size_t at = i;
    char32_t cp = DecodeUtf8(line, i);
    if (cp == U'“' || cp == U'《' || cp == U'（' || cp == '(' || cp == U'「' || cp == U'〈') {
      ++depth;
      continue;
    }
    if (cp == U'”' || cp == U'》' || cp == U'）' || cp == ')' || cp == U'」' || cp == U'〉') {
      if (depth > 0) --depth;
      continue;
    }
    bool stop = cp == U'。' || cp == U'！' || cp == U'？' || cp == '!' || cp == '?' || cp == U'；' || cp == ';' ||
                cp == U'：' || cp == ':';
    if (!stop || depth > 0) continue;
    if (cp == ':' || cp == '!' || cp == '?') {  // 18:20, http://…, a?b — not the end of a heading
      std::size_t k = i;
      char32_t next = k < line.size() ? DecodeUtf8(line, k) : 0;
      auto ascii_word = [](char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '/'); };
      if (next != 0 && ascii_word(next)) continue;
    }
    std::size_t t_end = i;
    while (t_end < line.size()) {  // absorb closing quotes and repeated marks
      std::size_t k = t_end;
      char32_t c = DecodeUtf8(line, k);
      if (!(c == U'”' || c == U'’' || c == U'。' || c == U'！' || c == U'？')) break;
      t_end = k;
    }
    std::string_view head = line.substr(text_begin, at - text_begin);
    std::string_view rest = Trim(line.substr(t_end));
    bool semicolon = cp == U'；' || cp == ';';
    if (rest.empty()) {
      if (static_cast<int>(Chars(head)) > max_chars) return std::nullopt;
      h.end = at;
      h.body_begin = line.size();
      return h;
    }
    if (semicolon || head.empty() || static_cast<int>(Chars(head)) > kMaxLeadChars) return std::nullopt;
    h.end = at;
    h.body_begin = t_end;
    return h;
  }
  std::string_view head = Trim(line.substr(text_begin));
  if (static_cast<int>(Chars(head)) > max_chars) return std::nullopt;
  h.end = text_begin + head.size();
  h.body_begin = line.size();
  return h;
}

std::optional<HeadingMatch> MatchHeading(std::string_view line) {
  auto m = MatchMarker(line);
  if (!m) return std::nullopt;
  auto t = MatchHeadingText(line, m->text_begin, kMaxHeadingChars);
  if (!t) return std::nullopt;
  return HeadingMatch{*m, *t};
}

}  // namespace fazhi::seg
