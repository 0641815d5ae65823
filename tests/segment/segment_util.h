// Helpers for the segmenter tests: segment a text directly (no reader, no normalizer) and check invariants.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/document.h"
#include "ingest/reader.h"
#include "segment/metadata.h"
#include "segment/segmenter.h"

namespace fazhi::test {

inline Document SegmentText(std::string text, const std::vector<HeadingHint>& hints = {},
                            const MetadataOverrides& overrides = {}) {
  Document doc;
  doc.path = "test.txt";
  doc.text = std::move(text);
  Segment(doc, hints);
  ExtractMetadata(doc, RawDocument{}, overrides);
  return doc;
}

// Every span inside the text; paragraphs and sentences ascending and disjoint; each sentence inside its paragraph;
// the paragraph's sentences tile it (only blanks between them); sections nested in their parents.
inline void CheckInvariants(const Document& doc) {
  const std::uint32_t size = static_cast<std::uint32_t>(doc.text.size());
  REQUIRE(!doc.sections.empty());
  REQUIRE(doc.sections[0].parent == -1);
  REQUIRE(doc.sections[0].span.begin == 0);
  REQUIRE(doc.sections[0].span.end == size);
  std::uint32_t prev_end = 0;
  std::uint32_t next_sentence = 0;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    REQUIRE(p.span.begin < p.span.end);
    REQUIRE(p.span.end <= size);
    REQUIRE(p.span.begin >= prev_end);
    prev_end = p.span.end;
    REQUIRE(p.section < doc.sections.size());
    REQUIRE(p.first_sentence == next_sentence);
    REQUIRE(p.sentence_count >= 1);
    REQUIRE(doc.LineOf(p.span.begin) == p.line);
    std::uint32_t pos = p.span.begin;
    for (std::uint32_t k = p.first_sentence; k < p.first_sentence + p.sentence_count; ++k) {
      REQUIRE(k < doc.sentences.size());
      const Sentence& s = doc.sentences[k];
      REQUIRE(s.paragraph == i);
      REQUIRE(s.span.begin >= pos);
      REQUIRE(s.span.begin < s.span.end);
      REQUIRE(s.span.end <= p.span.end);
      pos = s.span.end;
    }
    REQUIRE(doc.sentences[p.first_sentence].span.begin == p.span.begin);
    REQUIRE(doc.sentences[p.first_sentence + p.sentence_count - 1].span.end == p.span.end);
    next_sentence = p.first_sentence + p.sentence_count;
    const Section& s = doc.sections[p.section];
    REQUIRE(s.span.begin <= p.span.begin);
    REQUIRE(p.span.end <= s.span.end);
  }
  REQUIRE(next_sentence == doc.sentences.size());
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    REQUIRE(s.parent >= 0);
    REQUIRE(static_cast<std::size_t>(s.parent) < i);
    const Section& parent = doc.sections[s.parent];
    REQUIRE(s.level == parent.level + 1);
    REQUIRE(parent.span.begin <= s.span.begin);
    REQUIRE(s.span.end <= parent.span.end);
    REQUIRE(s.span.begin <= s.span.end);
    REQUIRE(s.line_begin <= s.line_end);
    REQUIRE(s.heading_span.end <= size);
    if (!s.heading.empty()) REQUIRE(doc.Slice(s.heading_span) == s.heading);
  }
  for (std::size_t i = 0; i < doc.items.size(); ++i) {
    const EnumItem& it = doc.items[i];
    REQUIRE(it.paragraph < doc.paragraphs.size());
    REQUIRE(it.span.begin >= doc.paragraphs[it.paragraph].span.begin);
    REQUIRE(it.span.end <= doc.paragraphs[it.paragraph].span.end);
    if (i > 0) REQUIRE(doc.items[i - 1].span.end <= it.span.begin);
  }
}

// The text of the section whose heading (number + heading) is `name`; "" when none.
inline const Section* FindSection(const Document& doc, const std::string& name) {
  for (const Section& s : doc.sections)
    if (s.number + s.heading == name) return &s;
  return nullptr;
}

// The roles of the top-level parts, in order.
inline std::vector<SectionRole> TopRoles(const Document& doc) {
  std::vector<SectionRole> top;
  for (const Section& s : doc.sections)
    if (s.parent == 0) top.push_back(s.role);
  return top;
}

inline std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

}  // namespace fazhi::test
