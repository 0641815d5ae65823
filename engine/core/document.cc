// Document lookups: offset → line, page, sentence, paragraph; section roles through ancestors.
#include "core/document.h"

#include <algorithm>

namespace fazhi {

namespace {
struct RoleEntry {
  SectionRole role;
  const char* name;
};
constexpr RoleEntry kRoles[] = {
    {SectionRole::kNone, "none"},
    {SectionRole::kTitle, "title"},
    {SectionRole::kPreamble, "preamble"},
    {SectionRole::kMeasures, "measures"},
    {SectionRole::kFirstResponsible, "first_responsible"},
    {SectionRole::kShortcomings, "shortcomings"},
    {SectionRole::kCauses, "causes"},
    {SectionRole::kPlan, "plan"},
    {SectionRole::kRectification, "rectification"},
    {SectionRole::kClosing, "closing"},
    {SectionRole::kBoilerplate, "boilerplate"},
};
}  // namespace

const char* RoleName(SectionRole role) {
  for (const auto& e : kRoles)
    if (e.role == role) return e.name;
  return "none";
}

std::optional<SectionRole> RoleFromName(std::string_view name) {
  for (const auto& e : kRoles)
    if (name == e.name) return e.role;
  return std::nullopt;
}

std::uint32_t Document::LineOf(std::uint32_t offset) const {
  if (line_starts.empty()) return 1;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts.begin());
}

std::uint32_t Document::SourceLineOf(std::uint32_t offset) const {
  if (source_line_starts.empty()) return LineOf(offset);
  std::uint32_t src = offset;
  if (!to_source.empty()) src = to_source[std::min<std::size_t>(offset, to_source.size() - 1)];
  auto it = std::upper_bound(source_line_starts.begin(), source_line_starts.end(), src);
  return static_cast<std::uint32_t>(it - source_line_starts.begin());
}

int Document::PageOf(std::uint32_t offset) const {
  if (pages.empty()) return 0;
  auto it = std::upper_bound(pages.begin(), pages.end(), offset,
                             [](std::uint32_t o, const PageStart& p) { return o < p.offset; });
  if (it == pages.begin()) return pages.front().page;
  return std::prev(it)->page;
}

std::uint32_t Document::SentenceAt(std::uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::uint32_t o, const Sentence& s) { return o < s.span.begin; });
  if (it == sentences.begin()) return 0;
  return static_cast<std::uint32_t>(std::prev(it) - sentences.begin());
}

std::uint32_t Document::ParagraphAt(std::uint32_t offset) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                             [](std::uint32_t o, const Paragraph& p) { return o < p.span.begin; });
  if (it == paragraphs.begin()) return 0;
  return static_cast<std::uint32_t>(std::prev(it) - paragraphs.begin());
}

bool Document::SectionHasRole(std::uint32_t section, SectionRole role) const {
  int s = static_cast<int>(section);
  while (s >= 0 && s < static_cast<int>(sections.size())) {
    if (sections[s].role == role) return true;
    s = sections[s].parent;
  }
  return false;
}

SectionRole Document::RoleOf(std::uint32_t section) const {
  for (int s = static_cast<int>(section); s >= 0 && s < static_cast<int>(sections.size()); s = sections[s].parent)
    if (sections[s].role != SectionRole::kNone) return sections[s].role;
  return SectionRole::kNone;
}

std::string Document::SectionPath(std::uint32_t section) const {
  std::vector<int> chain;
  int s = static_cast<int>(section);
  while (s > 0 && s < static_cast<int>(sections.size())) {
    chain.push_back(s);
    s = sections[s].parent;
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += sections[*it].number + sections[*it].heading;
  }
  return out;
}

}  // namespace fazhi
