// Date and year scanning (see dates.h).
#include "segment/dates.h"

#include "core/utf8.h"
#include "segment/chars.h"

namespace fazhi::seg {

namespace {

constexpr int kMinYear = 1990, kMaxYear = 2100;

struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  char32_t Peek(std::size_t* next = nullptr) const { return CodePointAt(s, i, next); }
  bool Eat(char32_t want) {
    std::size_t j;
    if (Peek(&j) != want) return false;
    i = j;
    return true;
  }
  void SkipBlanks() { i = SkipSpaces(s, i); }
  // Arabic digits: 1..max of them; -1 when none.
  int Digits(int max, int* count = nullptr) {
    int v = 0, n = 0;
    std::size_t j;
    int d;
    while (n < max && (d = DigitValue(Peek(&j))) >= 0) {
      v = v * 10 + d;
      i = j;
      ++n;
    }
    if (count) *count = n;
    return n ? v : -1;
  }
  // Chinese numerals for a month or day (一 … 三十一); -1 when none.
  int HanSmall() {
    std::size_t start = i, j;
    int n = 0;
    while (n < 4 && HanDigitValue(Peek(&j)) >= 0) {
      i = j;
      ++n;
    }
    if (!n) return -1;
    int v = ParseHanNumber(s.substr(start, i - start));
    if (v < 1) i = start;
    return v;
  }
  // Four Chinese digits (二〇二二); -1 when not.
  int HanYear() {
    std::size_t start = i, j;
    int v = 0;
    for (int n = 0; n < 4; ++n) {
      int d = HanDigitValue(Peek(&j));
      if (d < 0 || d > 9) {
        i = start;
        return -1;
      }
      v = v * 10 + d;
      i = j;
    }
    return v;
  }
};

bool YearOk(int y) { return y >= kMinYear && y <= kMaxYear; }

// A date starting exactly at c.i; advances c on success.
std::optional<Date> DateAt(Cursor& c) {
  std::size_t start = c.i;
  int count = 0;
  int y = c.Digits(4, &count);
  bool han = false;
  if (count != 4) {
    c.i = start;
    y = c.HanYear();
    han = true;
  }
  if (!YearOk(y)) {
    c.i = start;
    return std::nullopt;
  }
  std::size_t after_year = c.i;
  c.SkipBlanks();
  if (c.Eat(U'年')) {
    c.SkipBlanks();
    int m = han ? c.HanSmall() : c.Digits(2);
    c.SkipBlanks();
    if (m > 0 && c.Eat(U'月')) {
      c.SkipBlanks();
      int d = han ? c.HanSmall() : c.Digits(2);
      c.SkipBlanks();
      if (d > 0 && (c.Eat(U'日') || c.Eat(U'号')) && IsValidDate(y, m, d)) return Date{y, m, d};
    }
  } else if (!han) {
    c.i = after_year;
    std::size_t j;
    char32_t sep = c.Peek(&j);
    if (sep == '-' || sep == '/' || sep == '.') {
      c.i = j;
      int m = c.Digits(2);
      if (m > 0 && c.Eat(sep)) {
        int d = c.Digits(2);
        if (d > 0 && DigitValue(c.Peek()) < 0 && IsValidDate(y, m, d)) return Date{y, m, d};
      }
    }
  }
  c.i = start;
  return std::nullopt;
}

bool WeekdayFollows(std::string_view s, std::size_t i) {
  Cursor c{s, i};
  c.SkipBlanks();
  c.Eat(U'（');
  c.Eat('(');
  c.SkipBlanks();
  std::string_view rest = s.substr(c.i);
  return rest.starts_with("星期") || rest.starts_with("礼拜") ||
         (rest.starts_with("周") && rest.size() >= 6 &&
          std::string_view("一二三四五六日天").find(rest.substr(3, 3)) != std::string_view::npos);
}

}  // namespace

std::vector<DateHit> FindDates(std::string_view s) {
  std::vector<DateHit> out;
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < s.size()) {
    std::size_t at = i;
    Cursor c{s, i};
    char32_t cp = c.Peek(&i);
    bool starts = (DigitValue(cp) >= 0 && DigitValue(prev) < 0) || (HanDigitValue(cp) >= 0 && HanDigitValue(prev) < 0);
    if (starts) {
      c.i = at;
      if (auto d = DateAt(c)) {
        out.push_back({*d, at, c.i, WeekdayFollows(s, c.i)});
        i = c.i;
        prev = 0;
        continue;
      }
    }
    prev = cp;
  }
  return out;
}

std::optional<Date> ParseDateLine(std::string_view line, bool* ambiguous) {
  if (ambiguous) *ambiguous = false;
  line = Trim(line);
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}})
    if (line.starts_with(open) && line.ends_with(close) && line.size() >= open.size() + close.size())
      line = Trim(line.substr(open.size(), line.size() - open.size() - close.size()));
  if (line.empty()) return std::nullopt;
  Cursor c{line, 0};
  if (auto d = DateAt(c)) {
    c.SkipBlanks();
    if (c.i == line.size()) return d;
  }
  // Scraped digits: YYYY + month + day with the 年/月/日 lost.
  if (line.size() < 6 || line.size() > 8) return std::nullopt;
  for (char ch : line)
    if (ch < '0' || ch > '9') return std::nullopt;
  int y = std::stoi(std::string(line.substr(0, 4)));
  if (!YearOk(y)) return std::nullopt;
  std::string_view md = line.substr(4);
  std::optional<Date> found;
  int readings = 0;
  for (std::size_t mlen = 1; mlen <= 2 && mlen < md.size(); ++mlen) {
    std::size_t dlen = md.size() - mlen;
    if (dlen < 1 || dlen > 2) continue;
    int m = std::stoi(std::string(md.substr(0, mlen)));
    int d = std::stoi(std::string(md.substr(mlen)));
    if (md[mlen] == '0' && dlen == 1) continue;
    if (!IsValidDate(y, m, d)) continue;
    ++readings;
    found = Date{y, m, d};
  }
  if (readings == 1) return found;
  if (readings > 1 && ambiguous) *ambiguous = true;
  return std::nullopt;
}

std::vector<YearHit> FindYears(std::string_view s) {
  // From each 年 back: four digits before it and no digit before them (what a scan of every byte for four digits
  // followed by 年 finds), so a text is read by FindBytes, not byte by byte.
  std::vector<YearHit> out;
  const auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
  for (std::size_t from = 4; from < s.size();) {
    const std::size_t found = FindBytes(s.substr(from), "年");
    if (found == std::string_view::npos) break;
    const std::size_t q = from + found, i = q - 4;
    from = q + 3;
    if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3)) || (i > 0 && digit(i - 1))) continue;
    const int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    if (YearOk(y)) out.push_back({y, i});
  }
  return out;
}

}  // namespace fazhi::seg
