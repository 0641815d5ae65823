// Sentences of one paragraph (split on 。！？； outside “…” 《…》) and its "一是……二是……" enumeration items.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace fazhi::seg {

// The enumeration state carried from paragraph to paragraph within one section (reset at every heading), so that
// a paragraph opening with "二是" continues the "一是" of the one before.
struct EnumState {
  int expected = 1;
};

struct EnumMark {
  Span span;  // the item: from its marker to the next marker or the paragraph's end
  int index = 0;
};

struct ParagraphSplit {
  std::vector<Span> sentences;  // ascending, disjoint, each without leading/trailing blanks, never empty
  std::vector<EnumMark> items;
};

// Splits text[para] into sentences: after 。！？； (and ASCII !?; between non-ASCII text), with closing quotes kept
// with their sentence, never inside a balanced “…” 《…》 「…」; a sentence also starts at each accepted
// enumeration marker (一是 after a punctuation mark or at the paragraph start, numbered in sequence) and at
// `extra_break` when non-zero (the body after a lead-phrase heading ending in "：").
ParagraphSplit SplitParagraph(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state);
// The same into `out` (cleared first), whose lists keep their capacity from paragraph to paragraph.
void SplitParagraph(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state,
                    ParagraphSplit& out);

// The same, character by character: the definition SplitParagraph takes its shortcuts from (for the tests).
ParagraphSplit SplitParagraphByChars(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state);

}  // namespace fazhi::seg
