// Segmentation (initial version: lines as paragraphs, sentences on 。！？；; the full segmenter replaces this).
#include "segment/segmenter.h"

namespace fazhi {

void Segment(Document& doc, const std::vector<HeadingHint>&) {
  const std::string& t = doc.text;
  doc.line_starts.clear();
  doc.line_starts.push_back(0);
  for (std::uint32_t i = 0; i < t.size(); ++i)
    if (t[i] == '\n') doc.line_starts.push_back(i + 1);
  doc.sections.clear();
  Section root;
  root.span = {0, static_cast<std::uint32_t>(t.size())};
  root.line_begin = 1;
  root.line_end = static_cast<std::uint32_t>(doc.line_starts.size());
  doc.sections.push_back(root);
  for (std::size_t l = 0; l < doc.line_starts.size(); ++l) {
    std::uint32_t b = doc.line_starts[l];
    std::uint32_t e = l + 1 < doc.line_starts.size() ? doc.line_starts[l + 1] - 1 : static_cast<std::uint32_t>(t.size());
    if (b >= e) continue;
    Paragraph p;
    p.span = {b, e};
    p.line = static_cast<std::uint32_t>(l + 1);
    p.first_sentence = static_cast<std::uint32_t>(doc.sentences.size());
    std::uint32_t s = b;
    for (std::uint32_t i = b; i < e;) {
      std::string_view rest(t.data() + i, e - i);
      bool end = rest.starts_with("。") || rest.starts_with("！") || rest.starts_with("？") || rest.starts_with("；");
      i += end ? 3 : 1;
      if (end || i >= e) {
        doc.sentences.push_back({{s, i}, static_cast<std::uint32_t>(doc.paragraphs.size())});
        s = i;
      }
    }
    p.sentence_count = static_cast<std::uint32_t>(doc.sentences.size()) - p.first_sentence;
    doc.paragraphs.push_back(p);
  }
}

}  // namespace fazhi
