// Character helpers for the segmenter: whitespace (incl. U+3000), trimming, Chinese and Arabic numerals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "core/document.h"

namespace fazhi::seg {

bool IsSpace(char32_t cp);  // ASCII blanks, NBSP, U+2000–U+200B, U+3000, BOM
// The code point that starts at byte `i` of `s` (0 at or past the end); `*next`, when given, becomes the byte after
// it (`i` at the end).
char32_t CodePointAt(std::string_view s, std::size_t i, std::size_t* next = nullptr);
// The first byte at or after `i` that does not start an IsSpace character.
std::size_t SkipSpaces(std::string_view s, std::size_t i);
// Value of a digit 0–9 as ASCII or full-width; -1 otherwise.
int DigitValue(char32_t cp);
// 一…九, 〇/○/零 → 0–9; 十 → 10; 两 → 2; -1 otherwise.
int HanDigitValue(char32_t cp);
// "一" "十" "十二" "二十三" "一百零五" → value; -1 when `s` is not a Chinese numeral (whole string).
int ParseHanNumber(std::string_view s);

// `s` without leading and trailing IsSpace characters.
std::string_view Trim(std::string_view s);
// The byte range of `text[span]` without leading and trailing IsSpace characters (empty at span.end if blank).
Span TrimSpan(std::string_view text, Span span);

// Code points of `s` (bad bytes count as one).
std::size_t Chars(std::string_view s);
bool Contains(std::string_view s, std::string_view part);
bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes);
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts);

}  // namespace fazhi::seg
