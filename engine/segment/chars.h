// Character helpers for the segmenter: whitespace (incl. U+3000), trimming, Chinese and Arabic numerals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

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
// s.find(part): for a part of three bytes or more, sixteen places of `s` at a time are tested for its first three
// bytes (string_view::find stops at every byte equal to its first, and a Han word's lead byte is as common as a
// sixth of the text's characters).
std::size_t FindBytes(std::string_view s, std::string_view part);
bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes);
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts);

// ContainsAny for a long list of words asked of many lines (a static const): one pass over the line's bytes, a
// word compared only where the line's two bytes there start one (ContainsAny searches the line once per word).
// Every word is at least two bytes long and starts with a whole character (ASCII or a UTF-8 lead byte).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  bool In(std::string_view s) const;

 private:
  static unsigned Pair(unsigned char a, unsigned char b) { return ((a << 6) ^ b) & 1023; }
  static unsigned Head(const unsigned char* p) { return p[0] | p[1] << 8; }
  struct Word {
    unsigned head;          // Head of its first two bytes, compared before the whole word
    std::string_view text;  // the literal (an initializer_list's array would not outlive the call)
  };
  std::uint64_t pairs_[16] = {};  // bit Pair(word[0], word[1]) of every word
  std::vector<Word> words_;
};

}  // namespace fazhi::seg
