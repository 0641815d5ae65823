// Segmentation: paragraphs, sentences, the heading tree and unheaded parts, then roles (see segmenter.h).
#include "segment/segmenter.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <span>

#include "segment/chars.h"
#include "segment/dates.h"
#include "segment/headings.h"
#include "segment/line_kinds.h"
#include "segment/roles.h"
#include "segment/sentences.h"

namespace fazhi {

namespace {

using namespace seg;

constexpr int kRankSynthetic = 1000;  // unheaded leading parts: the first heading closes them
constexpr std::size_t kTitleWindow = 30;  // the title is looked for among the first paragraphs only
constexpr std::size_t kSignatureWindow = 4;

struct Line {
  Span span;
  std::uint32_t line = 0;
};

struct HeadInfo {
  bool is = false;
  int rank = 0;
  std::uint32_t number_end = 0;  // absolute byte offsets
  Span heading;
  std::uint32_t body_begin = 0;  // == paragraph end for a heading line without body text
};

std::string_view StripTrailingMarks(std::string_view s) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view m : {"：", ":", "。", "，", ",", "；", ";"}) {
      if (s.ends_with(m)) {
        s.remove_suffix(m.size());
        again = true;
      }
    }
  }
  return Trim(s);
}

// Over 320 bytes of valid UTF-8 (Normalize's text, at most 4 bytes a character) are over 80 characters: too many for a
// title (IsReportTitle) or a hinted heading, and most paragraphs skip both tests.
bool LongLine(std::string_view line) { return line.size() > 4 * 80; }

// `report_title`: IsReportTitle(text[para]).
HeadInfo DetectHeading(std::string_view text, Span para, int hint_level, bool report_title) {
  HeadInfo h;
  std::string_view line = text.substr(para.begin, para.size());
  const bool long_line = LongLine(line);
  if (report_title) return h;
  auto absolute = [&](std::size_t off) { return para.begin + static_cast<std::uint32_t>(off); };
  auto fill = [&](int rank, std::size_t number_end, std::size_t hb, std::size_t he, std::size_t body) {
    h.is = true;
    h.rank = rank;
    h.number_end = absolute(number_end);
    h.heading = {absolute(hb), absolute(he)};
    h.body_begin = absolute(body);
  };
  if (auto m = MatchHeading(line)) {
    fill(m->marker.rank, m->marker.number_end, m->text.begin, m->text.end, m->text.body_begin);
    return h;
  }
  if (hint_level > 0 && CharsUpTo(line, 100) <= 100) {
    if (auto mk = MatchMarker(line)) {
      if (auto t = MatchHeadingText(line, mk->text_begin, 100)) {
        fill(mk->rank, mk->number_end, t->begin, t->end, t->body_begin);
        return h;
      }
    }
    std::string_view head = StripTrailingMarks(line);
    fill(10 + 10 * std::clamp(hint_level, 1, 6), 0, 0, head.size(), line.size());
    return h;
  }
  // An unnumbered short line that names a part: "存在问题", "下一步工作计划".
  if (!long_line && CharsUpTo(line, 20) <= 20 && !ContainsAny(line, {"。", "，", ",", "；", ";", "、", "（", "(", "！", "？", "报告"})) {
    std::string_view head = StripTrailingMarks(line);
    if (RoleFromHeading(head) != SectionRole::kNone) fill(kRankHanComma, 0, 0, head.size(), line.size());
  }
  return h;
}

class Builder {
 public:
  explicit Builder(Document& doc) : doc_(doc) {
    rank_.push_back(0);
    synthetic_.push_back(false);
  }

  // A leading unheaded part (boilerplate, title, preamble): closed by the next heading.
  void OpenLeading(SectionRole role, const Line& at) {
    stack_.clear();
    base_ = 0;
    stack_.push_back(Add(role, at, kRankSynthetic, true));
  }

  // Back to the root (unheaded body text of a document without headings).
  void CloseLeading() {
    stack_.clear();
    base_ = 0;
    enum_ = {};
  }

  // A trailing part (closing, boilerplate after the signature): everything after it nests inside.
  void OpenTrailing(SectionRole role, const Line& at) {
    stack_.clear();
    base_ = 0;
    base_ = Add(role, at, 0, true);
  }

  void OpenHeading(const HeadInfo& h, const Line& at) {
    while (!stack_.empty() && rank_[stack_.back()] >= h.rank) stack_.pop_back();
    std::uint32_t parent = Current();
    Section s;
    s.parent = static_cast<int>(parent);
    s.level = doc_.sections[parent].level + 1;
    s.number = std::string(doc_.text.substr(at.span.begin, h.number_end - at.span.begin));
    s.heading = std::string(doc_.text.substr(h.heading.begin, h.heading.size()));
    s.heading_span = h.heading;
    s.span = {at.span.begin, at.span.end};
    s.line_begin = s.line_end = at.line;
    SectionRole own = RoleFromHeading(s.heading);
    if (RoleFitsInside(own, EffectiveRole(parent))) s.role = own;
    stack_.push_back(Push(std::move(s), h.rank, false));
  }

  void AddParagraph(const Line& at, const HeadInfo* head) {
    Paragraph p;
    p.span = at.span;
    p.line = at.line;
    p.section = Current();
    p.is_heading = head && head->body_begin >= at.span.end;
    p.first_sentence = static_cast<std::uint32_t>(doc_.sentences.size());
    std::uint32_t index = static_cast<std::uint32_t>(doc_.paragraphs.size());
    std::uint32_t extra = head && !p.is_heading ? head->body_begin : 0;
    SplitParagraph(doc_.text, at.span, extra, enum_, split_);
    for (const Span& s : split_.sentences) doc_.sentences.push_back({s, index});
    for (const EnumMark& m : split_.items) doc_.items.push_back({m.span, index, m.index});
    p.sentence_count = static_cast<std::uint32_t>(doc_.sentences.size()) - p.first_sentence;
    doc_.paragraphs.push_back(p);
  }

  void ResetEnumeration() { enum_ = {}; }
  const std::vector<bool>& synthetic() const { return synthetic_; }

 private:
  std::uint32_t Current() const { return stack_.empty() ? base_ : stack_.back(); }

  SectionRole EffectiveRole(std::uint32_t s) const {
    int i = static_cast<int>(s);
    while (i > 0) {
      if (doc_.sections[i].role != SectionRole::kNone) return doc_.sections[i].role;
      i = doc_.sections[i].parent;
    }
    return SectionRole::kNone;
  }

  std::uint32_t Add(SectionRole role, const Line& at, int rank, bool synthetic) {
    Section s;
    s.parent = static_cast<int>(base_);
    s.level = doc_.sections[base_].level + 1;
    s.role = role;
    s.span = at.span;
    s.heading_span = {at.span.begin, at.span.begin};
    s.line_begin = s.line_end = at.line;
    enum_ = {};
    return Push(std::move(s), rank, synthetic);
  }

  std::uint32_t Push(Section s, int rank, bool synthetic) {
    doc_.sections.push_back(std::move(s));
    rank_.push_back(rank);
    synthetic_.push_back(synthetic);
    enum_ = {};
    return static_cast<std::uint32_t>(doc_.sections.size() - 1);
  }

  Document& doc_;
  std::vector<int> rank_;
  std::vector<bool> synthetic_;
  std::vector<std::uint32_t> stack_;
  std::uint32_t base_ = 0;
  EnumState enum_;
  ParagraphSplit split_;  // one paragraph's split, its lists reused from paragraph to paragraph
};

bool IsDateOrSignature(std::string_view line) {
  bool ambiguous = false;
  if (ParseDateLine(line, &ambiguous) || ambiguous) return true;
  return ParseSignatureLine(line).has_value();
}

}  // namespace

void Segment(Document& doc, const std::vector<HeadingHint>& hints) {
  doc.line_starts.clear();
  doc.sections.clear();
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.items.clear();
  if (doc.text.size() >= std::numeric_limits<std::uint32_t>::max()) doc.text.resize(std::numeric_limits<std::uint32_t>::max() - 1);
  const std::string& t = doc.text;
  const std::uint32_t size = static_cast<std::uint32_t>(t.size());

  doc.line_starts.push_back(0);
  for (std::size_t i = t.find('\n'); i != std::string::npos; i = t.find('\n', i + 1))
    doc.line_starts.push_back(static_cast<std::uint32_t>(i + 1));
  std::uint32_t line_count = static_cast<std::uint32_t>(doc.line_starts.size());
  if (size > 0 && t.back() == '\n') --line_count;

  Section root;
  root.span = {0, size};
  root.line_begin = 1;
  root.line_end = std::max<std::uint32_t>(1, line_count);
  doc.sections.push_back(root);

  // Paragraphs: non-blank lines, trimmed.
  std::vector<Line> paras;
  std::vector<int> para_of_line(doc.line_starts.size(), -1);
  for (std::size_t l = 0; l < doc.line_starts.size(); ++l) {
    std::uint32_t b = doc.line_starts[l];
    std::uint32_t e = l + 1 < doc.line_starts.size() ? doc.line_starts[l + 1] - 1 : size;
    Span s = TrimSpan(t, {b, e});
    if (s.begin >= s.end) continue;
    para_of_line[l] = static_cast<int>(paras.size());
    paras.push_back({s, static_cast<std::uint32_t>(l + 1)});
  }
  const std::size_t n = paras.size();
  // Sized once: a paragraph per non-blank line, and a sentence per ~48 bytes (the reports run ~60) or per paragraph.
  doc.paragraphs.reserve(n);
  doc.sentences.reserve(n + size / 48);
  std::string_view text(t);
  auto line_text = [&](std::size_t i) { return text.substr(paras[i].span.begin, paras[i].span.size()); };

  std::vector<int> hint_level(n, 0);
  for (const HeadingHint& h : hints) {
    if (h.offset >= size) continue;
    int p = para_of_line[doc.LineOf(h.offset) - 1];
    if (p >= 0) hint_level[p] = std::max(1, h.level);
  }
  // IsReportTitle of every paragraph, asked once: DetectHeading and both title searches below read it.
  std::vector<char> is_title(n);
  std::vector<HeadInfo> heads(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view line = line_text(i);
    is_title[i] = !LongLine(line) && IsReportTitle(line);
    heads[i] = DetectHeading(text, paras[i].span, hint_level[i], is_title[i]);
  }
  // A short unnumbered line above the report's title names a column of the site ("落实情况公开"), not a part.
  std::optional<TitleLines> title_found;
  {
    std::vector<std::string_view> window;
    for (std::size_t i = 0; i < std::min(n, kTitleWindow); ++i) window.push_back(line_text(i));
    title_found = FindReportTitle(window, std::span(is_title.data(), window.size()));
    if (title_found)
      for (std::size_t i = 0; i < title_found->first; ++i)
        if (heads[i].is && heads[i].number_end == paras[i].span.begin && hint_level[i] == 0) heads[i] = {};
  }
  std::size_t first_head = n;
  for (std::size_t i = 0; i < n && first_head == n; ++i)
    if (heads[i].is) first_head = i;

  // The end of the report: a trailing run of site-footer lines, 特此报告 with signature and date, and whatever
  // follows the signature (attachments, notes, the page footer).
  const std::size_t lower = first_head < n ? first_head : 0;
  std::size_t footer = n;
  while (footer > lower + 1 && IsBoilerplateLine(line_text(footer - 1))) --footer;
  std::size_t closing = n;
  for (std::size_t i = lower; i < footer; ++i) {
    if (!heads[i].is && IsClosingLine(line_text(i))) {
      closing = i;
      break;
    }
  }
  if (closing == n) {  // no 特此报告: a signature date at the end of the body
    for (std::size_t i = footer; i-- > lower + 1 && i + kSignatureWindow >= footer;) {
      if (heads[i].is || !IsDateOrSignature(line_text(i))) continue;
      closing = (i > lower + 1 && IsOrgName(line_text(i - 1))) ? i - 1 : i;
      break;
    }
  }
  std::size_t tail = footer;
  if (closing < n) {
    std::size_t k = closing;
    if (IsClosingLine(line_text(k))) ++k;
    for (std::size_t taken = 0; k < n && taken <= kSignatureWindow; ++taken) {
      std::string_view l = line_text(k);
      if (IsDateOrSignature(l)) {
        ++k;
        break;
      }
      if (IsOrgName(l) || Contains(l, "盖章")) {
        ++k;
        continue;
      }
      break;
    }
    tail = k;
  }

  // The beginning: page furniture, the title block, the preamble.
  const std::size_t lead_end = std::min({first_head, closing, tail});
  // The title among the first min(lead_end, kTitleWindow) lines: a prefix of the window searched above.
  std::size_t title = n, title_lines = 1;
  if (auto found = ReportTitleOfPrefix(title_found, std::min(lead_end, kTitleWindow))) {
    title = found->first;
    title_lines = found->count;
  }
  // Everything above the title is the page's (banners, breadcrumbs, disclosure tables, site columns); without a
  // title, the leading run of furniture and title-metadata lines.
  std::size_t furniture_end = title < n ? title : 0;
  while (title == n && furniture_end < lead_end &&
         (IsBoilerplateLine(line_text(furniture_end)) || IsTitleMetaLine(line_text(furniture_end))))
    ++furniture_end;
  std::size_t title_begin = n, title_end = n;
  if (title < n) {
    title_begin = furniture_end;
    title_end = std::min(lead_end, title + title_lines);
    while (title_end < lead_end && (IsTitleMetaLine(line_text(title_end)) || IsBoilerplateLine(line_text(title_end))))
      ++title_end;
  }
  const std::size_t body_begin = title < n ? title_end : furniture_end;

  Builder b(doc);
  for (std::size_t i = 0; i < n; ++i) {
    const Line& at = paras[i];
    if (i == 0 && furniture_end > 0) b.OpenLeading(SectionRole::kBoilerplate, at);
    if (i == title_begin) b.OpenLeading(SectionRole::kTitle, at);
    if (i == body_begin && i < lead_end) {
      if (first_head < n) b.OpenLeading(SectionRole::kPreamble, at);
      else b.CloseLeading();
    }
    if (i == closing) b.OpenTrailing(SectionRole::kClosing, at);
    if (i == tail && tail < n) b.OpenTrailing(SectionRole::kBoilerplate, at);
    bool heading = heads[i].is && i >= first_head && (i < closing || i >= tail);
    if (heading) b.OpenHeading(heads[i], at);
    b.AddParagraph(at, heading ? &heads[i] : nullptr);
  }

  // Spans: each section runs from its first line to its last paragraph, descendants included.
  for (const Paragraph& p : doc.paragraphs) {
    Section& s = doc.sections[p.section];
    s.span.end = std::max(s.span.end, p.span.end);
    s.line_end = std::max(s.line_end, p.line);
  }
  for (std::size_t i = doc.sections.size(); i-- > 1;) {
    Section& s = doc.sections[i];
    if (s.parent <= 0) continue;
    Section& parent = doc.sections[s.parent];
    parent.span.end = std::max(parent.span.end, s.span.end);
    parent.line_end = std::max(parent.line_end, s.line_end);
  }
  AssignPositionalRoles(doc, b.synthetic());
}

}  // namespace fazhi
