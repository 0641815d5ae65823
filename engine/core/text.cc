// Shared text utilities (core/text.h).
#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "core/utf8.h"

namespace fazhi {

char32_t CodePointAt(std::string_view s, std::size_t i, std::size_t* next) {
  if (i >= s.size()) {
    if (next) *next = i;
    return 0;
  }
  std::size_t j = i;
  char32_t cp = DecodeUtf8(s, j);
  if (next) *next = j;
  return cp;
}

int DigitValue(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  return -1;
}

int HanDigitValue(char32_t cp) {
  switch (cp) {
    case U'〇': case U'○': case U'零': case U'Ｏ': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
  }
}

namespace {

int PowerOf(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

}  // namespace

std::optional<double> ParseChineseNumeral(std::string_view s) {
  double total = 0, section = 0, digit = -1;
  bool any = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = DecodeUtf8(s, i);
    int d = HanDigitValue(c);
    int p = PowerOf(c);
    if (d >= 0 && d <= 9) {
      digit = d;
      any = true;
    } else if (p > 0) {
      section += (digit < 0 ? 1 : digit) * p;
      digit = -1;
      any = true;
    } else if (c == U'万' || c == U'亿') {
      section += digit < 0 ? 0 : digit;
      total = (total + section) * (c == U'万' ? 1e4 : 1e8);
      section = 0;
      digit = -1;
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  return total + section + (digit < 0 ? 0 : digit);
}

int ParseHanNumber(std::string_view s) {
  std::optional<double> v = ParseChineseNumeral(s);
  return v && *v <= 10000 ? static_cast<int>(*v) : -1;
}

std::string Nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !nfkc) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toUTF8String(out);
  return out;
}

namespace {

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    std::size_t d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace fazhi
