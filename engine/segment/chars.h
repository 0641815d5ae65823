// Character helpers for the segmenter: whitespace (incl. U+3000), trimming, Chinese and Arabic numerals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "core/document.h"
#include "core/text.h"

namespace fazhi::seg {

bool IsSpace(char32_t cp);  // ASCII blanks, NBSP, U+2000–U+200B, U+3000, BOM
// The first byte at or after `i` that does not start an IsSpace character.
std::size_t SkipSpaces(std::string_view s, std::size_t i);
// CodePointAt, DigitValue, HanDigitValue and ParseHanNumber are core/text.h's (found from here as fazhi::).

// `s` without leading and trailing IsSpace characters.
std::string_view Trim(std::string_view s);
// The byte range of `text[span]` without leading and trailing IsSpace characters (empty at span.end if blank).
Span TrimSpan(std::string_view text, Span span);

// Code points of `s` (bad bytes count as one).
std::size_t Chars(std::string_view s);
// Chars(s) when that is at most `cap`, else cap + 1: counting stops there (a limit on a short line, asked of every
// paragraph, reads only the start of a long one).
std::size_t CharsUpTo(std::string_view s, std::size_t cap);
bool Contains(std::string_view s, std::string_view part);
bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes);
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts);

}  // namespace fazhi::seg
