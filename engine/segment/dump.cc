// Segment dump: one line per metadata value, then the section tree (see dump.h). Same document, same bytes.
#include "segment/dump.h"

#include <fmt/format.h>

#include <vector>

namespace fazhi {

namespace {

template <typename T, typename F>
std::string FoundLine(std::string_view name, const Found<T>& f, F&& show) {
  if (!f.value) return fmt::format("{}: null\n", name);
  return fmt::format("{}: {}  [{}]\n", name, show(*f.value), f.source);
}

}  // namespace

std::string DumpSegments(const Document& doc) {
  std::string out = "# fazhi segments 1\n";
  const Metadata& m = doc.meta;
  auto same = [](const std::string& s) { return s; };
  out += FoundLine("title", m.title, same);
  out += FoundLine("issuer", m.issuer, same);
  out += FoundLine("level", m.level, same);
  out += FoundLine("year", m.year, [](int y) { return std::to_string(y); });
  out += FoundLine("published", m.published, [](const Date& d) { return d.ToString(); });
  out += FoundLine("signed", m.signed_on, [](const Date& d) { return d.ToString(); });
  for (const Diagnostic& d : doc.diagnostics)
    out += fmt::format("diagnostic: {} {}: {}\n", LevelName(d.level), d.code, d.message);
  out += fmt::format("counts: {} paragraphs, {} sentences, {} enumeration items, {} sections\n",
                     doc.paragraphs.size(), doc.sentences.size(), doc.items.size(), doc.sections.size());

  // Sentences and items per section, descendants included.
  std::vector<std::size_t> sentences(doc.sections.size(), 0), items(doc.sections.size(), 0);
  for (const Paragraph& p : doc.paragraphs)
    if (p.section < sentences.size()) sentences[p.section] += p.sentence_count;
  for (const EnumItem& it : doc.items)
    if (it.paragraph < doc.paragraphs.size() && doc.paragraphs[it.paragraph].section < items.size())
      ++items[doc.paragraphs[it.paragraph].section];
  for (std::size_t i = doc.sections.size(); i-- > 1;) {
    int parent = doc.sections[i].parent;
    if (parent < 0 || static_cast<std::size_t>(parent) >= doc.sections.size()) continue;
    sentences[parent] += sentences[i];
    items[parent] += items[i];
  }

  out += "sections:\n";
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    std::string role = RoleName(s.role);
    if (s.role == SectionRole::kNone) {
      for (int a = s.parent; a > 0; a = doc.sections[a].parent) {
        if (doc.sections[a].role != SectionRole::kNone) {
          role = fmt::format("({})", RoleName(doc.sections[a].role));
          break;
        }
      }
    }
    std::string name = i == 0 ? "(document)" : s.number + s.heading;
    if (name.empty()) name = "(unheaded)";
    bool inline_heading = false;
    if (i > 0 && !s.heading.empty()) {
      std::uint32_t p = doc.ParagraphAt(s.span.begin);
      inline_heading = p < doc.paragraphs.size() && doc.paragraphs[p].span.begin == s.span.begin &&
                       !doc.paragraphs[p].is_heading;
    }
    out += fmt::format("{}{} [{}] lines {}-{}, {} sentences", std::string(2 * std::max(0, s.level), ' '), name,
                       role, s.line_begin, s.line_end, sentences[i]);
    if (items[i]) out += fmt::format(", {} items", items[i]);
    if (inline_heading) out += ", inline heading";
    out += "\n";
  }
  return out;
}

}  // namespace fazhi
