// Segmentation: lines → paragraphs → sentences, the heading hierarchy, and a role for every section.
//
// Representation (what rules and the dump see):
// - Every non-blank line is one Paragraph; its span and every Sentence span exclude leading/trailing blanks
//   (ASCII, U+3000 ideographic space, NBSP). Sentences are ascending, disjoint, and cover each paragraph's text.
// - Sentences end after 。！？； (and ASCII !?; between non-ASCII text) with any closing quotes, never inside a
//   balanced “…” 《…》 「…」, and at the paragraph's end.
// - "一是……二是……" enumerations: each accepted marker (一是 at the paragraph start or after a punctuation mark, numbered
//   in sequence within a section) starts a sentence, and Document::items holds each item's span (marker to next
//   marker or paragraph end).
// - Headings: 第一部分/章/篇, 第一节, 一、, 第一条, （一）/(一), 1./1、/1．, （1）/(1)/1）, ① — nested by rank with a stack
//   (a marker of the same or higher rank closes the open deeper sections); Section::level is the resulting depth
//   (一、=1, （一）=2, 1.=3, （1）=4, ①=5 in the usual hierarchy). A DOCX/HTML heading hint makes a short unnumbered
//   line a heading too, and a short unnumbered line that names a part (存在问题, 下一步工作计划…) is one.
// - A line whose numbered lead phrase ends at 。/：/！/？ and goes on with body text ("1.全面提升行政审批效能。进一步
//   深化…") opens a section whose heading is the lead phrase (Section::heading_span points at it); the line stays one
//   paragraph with is_heading == false, and its first sentence is the number + heading.
// - Unheaded parts become sections of their own (heading "", number ""): page furniture before the title
//   (kBoilerplate), the title block (kTitle), text before the first heading (kPreamble), 特此报告 with the
//   signature and date (kClosing), and everything after the signature or a trailing run of site-footer lines
//   (kBoilerplate, attachments included).
#pragma once

#include "core/document.h"
#include "normalize/normalizer.h"

namespace fazhi {

// Fills doc.line_starts, sections (sections[0] = root), paragraphs, sentences, items and each section's role from
// doc.text (already normalized) and the heading hints. Never throws on any text.
void Segment(Document& doc, const std::vector<HeadingHint>& hints);

}  // namespace fazhi
