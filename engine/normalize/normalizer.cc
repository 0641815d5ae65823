// Normalization (initial version: line-end unification only; the full normalizer replaces this).
#include "normalize/normalizer.h"

namespace fazhi {

NormalizedText Normalize(const RawDocument& raw) {
  NormalizedText out;
  out.text.reserve(raw.text.size());
  for (std::size_t i = 0; i < raw.text.size(); ++i) {
    char c = raw.text[i];
    if (c == '\r') {
      if (i + 1 < raw.text.size() && raw.text[i + 1] == '\n') continue;
      c = '\n';
    }
    out.to_source.push_back(static_cast<std::uint32_t>(i));
    out.text += c;
  }
  out.to_source.push_back(static_cast<std::uint32_t>(raw.text.size()));
  out.headings = raw.headings;
  out.pages = raw.pages;
  return out;
}

}  // namespace fazhi
