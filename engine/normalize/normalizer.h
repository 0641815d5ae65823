// Normalization: one canonical form of report text for matching, with a map back to the reader's text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "ingest/reader.h"

namespace fazhi {

struct NormalizedText {
  std::string text;                       // UTF-8, '\n' line ends, one blank-free paragraph per line
  OffsetMap to_source;                    // to_source[i] = byte offset in the reader's text of normalized byte i
                                          // (size text.size() + 1)
  bool converted_from_traditional = false;
  std::vector<HeadingHint> headings;      // the reader's hints, re-based onto `text`
  std::vector<PageStart> pages;           // re-based onto `text`
  Diagnostics diagnostics;                // notes (e.g. "converted from traditional characters"); never errors
};

// Full-width ASCII → half-width, unified CJK punctuation (，。：；（）stay CJK), whitespace and PDF line-wrap
// repair, traditional → simplified when the text is traditional, scraped date repair ("20204月" → "2020年4月").
// The rules, in order, are listed in docs/formats.md. Never throws on any UTF-8 input.
NormalizedText Normalize(const RawDocument& raw);

// The same with every line decoded into code points, as Normalize does for PDF and possibly traditional text. Normalize
// keeps most other lines as their bytes (a line it would not change but for ASCII , ; : ! ? made full-width); the
// two must agree on every text, which tests/normalize checks.
NormalizedText NormalizeByUnits(const RawDocument& raw);
// NormalizeByUnits decoding one character at a time (no Han runs): the reference the tests hold the others to.
NormalizedText NormalizeByChars(const RawDocument& raw);

// True when `utf8` is written in traditional characters (share of characters OpenCC t2s would change).
bool LooksTraditional(const std::string& utf8);

}  // namespace fazhi
