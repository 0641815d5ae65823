// Text utilities every layer shares, each written once: code points, digits and Chinese numerals, NFKC, and the
// closest match of a word ("did you mean"). UTF-8 decoding itself is core/utf8.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// The code point that starts at byte `i` of `s` (0 at or past the end); `*next`, when given, becomes the byte after
// it (`i` at the end).
char32_t CodePointAt(std::string_view s, std::size_t i, std::size_t* next = nullptr);

// Value of a digit 0–9 as ASCII or full-width; -1 otherwise.
int DigitValue(char32_t cp);
// 一…九, 〇/○/零/Ｏ → 0–9; 十 → 10; 两 → 2; -1 otherwise.
int HanDigitValue(char32_t cp);

// The one Chinese-numeral parser: 一…九, 两, 〇/零, 十百千 and the multipliers 万/亿 ("二十三" 23, "一百零五" 105,
// "三千五百万" 35,000,000) → value; nullopt when `s` (the whole string) is not a numeral.
std::optional<double> ParseChineseNumeral(std::string_view s);
// The same for a small whole number (headings, dates, 一是…): -1 when not a numeral or over 10,000.
int ParseHanNumber(std::string_view s);

// Unicode NFKC (full-width letters and digits to ASCII, compatibility forms folded); `text` unchanged if ICU fails.
std::string Nfkc(std::string_view text);

// "Did you mean": the candidate closest to `word` within an edit distance of 2 (bytes), or "".
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace fazhi
