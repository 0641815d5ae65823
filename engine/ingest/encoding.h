// Character-set detection and conversion to UTF-8 (BOM, strict UTF-8, <meta> charset, uchardet, GB18030 fallback).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

struct DecodedText {
  std::string utf8;
  std::string encoding;          // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5", or uchardet's name
  std::size_t replaced = 0;      // bytes (or sequences) that could not be decoded and became U+FFFD
  std::size_t first_bad = std::string_view::npos;  // byte offset of the first of them in the input, when known
  bool bom = false;
  // Set when the bytes were valid UTF-8 and counted on the way: the characters of `utf8` and those LooksBinary
  // takes for control characters, so that it need not read the text again.
  bool counted = false;
  std::size_t chars = 0, controls = 0;
};

// Decodes `bytes` to UTF-8. Order: BOM; `declared` charset (from an HTML <meta>) when it decodes cleanly;
// strict UTF-8; UTF-8 with a few damaged bytes (replaced by U+FFFD); uchardet; GB18030 as the last resort.
// GB2312 / GBK / GB18030 are always decoded as GB18030 (the superset). Never throws.
DecodedText DecodeToUtf8(std::string_view bytes, std::string_view declared = {});
// The same of bytes handed over: valid UTF-8 without a BOM becomes `utf8` as it is, without a copy.
DecodedText DecodeOwnedToUtf8(std::string&& bytes);

// Converts with one ICU converter ("GB18030", "Big5", "UTF-16LE", …); bad sequences become U+FFFD.
// Returns false when ICU does not know the name.
bool ConvertWithIcu(std::string_view bytes, const char* icu_name, DecodedText& out);

// Maps a charset label ("gb2312", "GBK", "x-gbk", "utf8", "big5") to the ICU converter name used for it, or ""
// when the label is unknown.
std::string CanonicalCharset(std::string_view label);

// True when some character is neither white space nor invisible (ideographic and no-break spaces, zero-width
// characters, BOM, soft hyphen, controls): the normalizer drops those, so text without any is an empty report.
bool HasVisibleText(std::string_view utf8);

// True when decoded text looks like binary data: control characters or replacement characters make up more than
// a small share of it.
bool LooksBinary(std::string_view utf8, std::size_t replaced);
// The same of a decoding, from its counts when DecodeToUtf8 made them.
bool LooksBinary(const DecodedText& d);

}  // namespace fazhi
