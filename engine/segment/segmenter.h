// Segmentation: lines → paragraphs → sentences, the heading hierarchy, and a role for every section.
#pragma once

#include "core/document.h"
#include "normalize/normalizer.h"

namespace fazhi {

// Fills doc.line_starts, sections (sections[0] = root), paragraphs, sentences and each section's role from
// doc.text (already normalized) and the heading hints. Never throws on any text.
void Segment(Document& doc, const std::vector<HeadingHint>& hints);

}  // namespace fazhi
