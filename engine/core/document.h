// Document: a report after ingest, normalization and segmentation — the one structure rules look at.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace fazhi {

// What a part of a report is for. Roles come from headings and content (segment/roles.cc).
enum class SectionRole {
  kNone,              // not classified
  kTitle,             // title block (title line, source, publication line)
  kPreamble,          // opening paragraph(s) before the first numbered part
  kMeasures,          // 主要举措和成效 / 主要工作情况
  kFirstResponsible,  // 落实第一责任人职责 / 加强组织领导
  kShortcomings,      // 存在的问题与不足 / 存在问题 / 薄弱环节
  kCauses,            // 原因分析
  kPlan,              // 下一步工作安排 / 2021年工作计划
  kRectification,     // 上年度问题整改情况: last year's problems restated, the measures taken on them this year
  kClosing,           // 特此报告, signature, date
  kBoilerplate,       // web-page navigation, footers, attachment lists
};

// A vector whose resize leaves new elements uninitialized (value-initialization is zero-filling): for the offset map
// the normalizer sizes once and then writes entry by entry (~4 bytes per text byte, ~80 KB a report zeroed for
// nothing before). Otherwise a std::vector: compare, index, move.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialization: an integer is left as it is
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using OffsetMap = std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>>;

const char* RoleName(SectionRole role);  // "measures", "first_responsible", … (the rule language uses these)
std::optional<SectionRole> RoleFromName(std::string_view name);

// Half-open byte range into Document::text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
};

struct Sentence {
  Span span;
  std::uint32_t paragraph = 0;  // index into Document::paragraphs
};

struct Paragraph {
  Span span;
  std::uint32_t section = 0;         // index into Document::sections (innermost)
  std::uint32_t line = 0;            // 1-based line of Document::text where it starts
  std::uint32_t first_sentence = 0;  // index into Document::sentences
  std::uint32_t sentence_count = 0;
  bool is_heading = false;
};

struct Section {
  std::string heading;  // the heading line without its number ("存在的问题与不足"); "" for the root/preamble
  std::string number;   // "二、", "（一）", "1." …; "" when none
  int level = 0;        // 0 = document root; 1 = 一、 ; 2 = （一）; 3 = 1. ; 4 = （1） …
  SectionRole role = SectionRole::kNone;
  int parent = -1;      // index into Document::sections; -1 for the root
  Span span;            // heading included
  std::uint32_t line_begin = 0, line_end = 0;  // 1-based, inclusive
  // Where `heading` sits in Document::text (empty for the root and for unheaded parts). When the heading is the
  // lead phrase of a line that goes on with body text ("1.全面提升行政审批效能。进一步深化…"), the heading line's
  // paragraph has is_heading == false and its first sentence is the number + heading.
  Span heading_span;
};

// One item of an "一是……二是……" enumeration inside a paragraph: from its marker to the next marker or the
// paragraph's end. Each marker also starts a sentence.
struct EnumItem {
  Span span;
  std::uint32_t paragraph = 0;  // index into Document::paragraphs
  int index = 0;                // 1 for 一是, 2 for 二是, …
};

// One metadata value and where it was found ("title line 4", "发布时间 line 5", "--year").
template <typename T>
struct Found {
  std::optional<T> value;
  std::string source;
};

struct Metadata {
  Found<std::string> title;
  Found<std::string> issuer;
  Found<std::string> level;  // province | city | district | county | township | department
  Found<int> year;           // the year the report covers
  Found<Date> published;     // publication date (web page "发布时间", flag)
  Found<Date> signed_on;     // date under the signature
};

// A page break from a paged source (PDF): text from `offset` on is on page `page` (1-based).
struct PageStart {
  std::uint32_t offset = 0;
  int page = 1;
};

struct Document {
  std::string path;
  std::string format;    // "text", "html", "docx", "pdf"
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "BIG5", …
  std::string sha256;    // of the input bytes
  bool converted_from_traditional = false;

  std::string text;  // normalized UTF-8; every Span points into it
  std::vector<std::uint32_t> line_starts;  // byte offset of each line of `text`
  std::vector<PageStart> pages;            // empty for unpaged sources
  // Back to the reader's text (what the auditor sees in the file): to_source[i] is the reader-text offset of
  // normalized byte i (size text.size() + 1, or empty = identity); source_line_starts are the reader text's lines.
  OffsetMap to_source;
  std::vector<std::uint32_t> source_line_starts;

  std::vector<Section> sections;  // sections[0] is the root
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<EnumItem> items;  // "一是……二是……" items, in text order
  Metadata meta;
  Diagnostics diagnostics;  // warnings from reading/segmenting (never fatal)

  std::string_view Slice(Span s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
  std::uint32_t LineOf(std::uint32_t offset) const;       // 1-based line of `text`
  std::uint32_t SourceLineOf(std::uint32_t offset) const; // 1-based line in the file as read (before normalizing)
  int PageOf(std::uint32_t offset) const;                 // 0 when unpaged
  std::uint32_t SentenceAt(std::uint32_t offset) const;   // index of the sentence containing offset
  std::uint32_t ParagraphAt(std::uint32_t offset) const;  // index of the paragraph containing offset
  // True when the section or any ancestor has `role`.
  bool SectionHasRole(std::uint32_t section, SectionRole role) const;
  // The role of the section or of its nearest ancestor that has one (kNone when none has).
  SectionRole RoleOf(std::uint32_t section) const;
  // "二、存在的问题与不足 > （一）…" — the heading path used in evidence.
  std::string SectionPath(std::uint32_t section) const;
};

}  // namespace fazhi
