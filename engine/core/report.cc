// Verdict and evidence names: the strings of the JSON contract (fazhi.check/1) and their Chinese labels.
#include "core/report.h"

#include "core/utf8.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <ostream>

namespace fazhi {

SharedText::SharedText(std::string s) : data_(std::make_shared<const std::string>(std::move(s))) {}

SharedText SharedText::Borrow(const std::string& s) {
  SharedText t;
  t.data_ = std::shared_ptr<const std::string>(std::shared_ptr<const std::string>(), &s);  // aliasing, no owner
  return t;
}

std::ostream& operator<<(std::ostream& out, const SharedText& t) { return out << t.str(); }

const ResultExtras ResultExtrasPtr::kEmpty;

// Every piece starts 8-aligned (the term views come first in a piece).
std::size_t EvidenceBlocks::Rounded(std::size_t need) {
  constexpr std::size_t kAlign = alignof(std::string_view);
  return (need + kAlign - 1) / kAlign * kAlign;
}

char* EvidenceBlocks::Take(std::size_t need) {
  need = Rounded(need);
  if (!Fits(need)) {
    size_ = std::max(block_size_, need);
    block_ = std::shared_ptr<char[]>(new char[size_]);
    used_ = 0;
    ++blocks_made_;  // what was copied into the block before is not in this one
  }
  char* const base = block_.get() + used_;
  used_ += need;
  return base;
}

namespace {

// Copies s to p and returns the end.
char* Put(char* p, std::string_view s) {
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// Writes the term views at `views` (their bytes at p) and returns the end of the bytes.
char* PutTerms(Evidence& e, std::string_view* views, char* p, std::span<const std::string_view> terms) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const char* t = p;
    p = Put(p, terms[i]);
    new (views + i) std::string_view(t, terms[i].size());
  }
  e.terms = std::span<const std::string_view>(views, terms.size());
  return p;
}

}  // namespace

void EvidenceBlocks::Place(Evidence& e, std::string_view quote_head, std::string_view quote_tail,
                           std::string_view section, std::string_view role, bool copy_role,
                           std::span<const std::string_view> terms) {
  // Layout: the term views first, then the bytes.
  std::size_t need = terms.size() * sizeof(std::string_view) + quote_head.size() + quote_tail.size() + section.size() +
                     (copy_role ? role.size() : 0);
  for (std::string_view t : terms) need += t.size();
  char* const base = Take(need);
  auto* views = reinterpret_cast<std::string_view*>(base);
  char* p = base + terms.size() * sizeof(std::string_view);
  const char* q = p;
  p = Put(Put(p, quote_head), quote_tail);
  e.quote = std::string_view(q, quote_head.size() + quote_tail.size());
  const char* sec = p;
  p = Put(p, section);
  e.section = std::string_view(sec, section.size());
  if (copy_role) {
    const char* r = p;
    p = Put(p, role);
    e.role = std::string_view(r, role.size());
  } else {
    e.role = role;
  }
  PutTerms(e, views, p, terms);
  e.bytes = std::shared_ptr<const void>(block_, base);  // aliasing: counts the block
}

void EvidenceBlocks::PlaceQuote(Evidence& e, std::string_view whole, std::size_t max_chars, std::string_view section,
                                std::string_view role, std::span<const std::string_view> terms) {
  static constexpr std::string_view kTail = "……";
  // A text copied before into this block: the same address copied from, the same bytes.
  const auto copied = [this](const Copied& c, std::string_view text) {
    return c.block == blocks_made_ && c.from == text.data() && c.from_size == text.size() &&
           c.placed.size() == text.size() && !text.empty() &&
           std::memcmp(c.placed.data(), text.data(), text.size()) == 0;
  };
  Copied& q = quotes_[SlotOf(whole.data())];
  Copied& s = sections_[SlotOf(section.data())];
  // The quote TruncateChars would give is the one copied before when the bytes up to its cut are the same and the
  // byte there starts a character (a sentence of the same length: the cut falls at the same place).
  bool quote_copied = q.block == blocks_made_ && q.from == whole.data() && q.from_size == whole.size() &&
                      !q.placed.empty() &&
                      std::memcmp(q.placed.data(), whole.data(), q.cut) == 0 &&
                      (q.cut == whole.size() || (static_cast<unsigned char>(whole[q.cut]) & 0xC0) != 0x80);
  bool section_copied = copied(s, section);
  std::string_view head;
  std::size_t quote_size = 0;
  const auto cut = [&] {
    head = TruncateChars(whole, max_chars);
    quote_size = head.size() + (head.size() < whole.size() ? kTail.size() : 0);
  };
  if (!quote_copied) cut();
  std::size_t terms_size = terms.size() * sizeof(std::string_view);
  for (std::string_view t : terms) terms_size += t.size();
  const auto need = [&] { return terms_size + (quote_copied ? 0 : quote_size) + (section_copied ? 0 : section.size()); };
  if (!Fits(need())) {  // a new block: what was copied into the one before is not in it
    if (quote_copied) cut();
    quote_copied = section_copied = false;
  }
  char* const base = Take(need());
  auto* views = reinterpret_cast<std::string_view*>(base);
  char* p = base + terms.size() * sizeof(std::string_view);
  if (quote_copied) {
    e.quote = q.placed;
  } else {
    const char* at = p;
    p = Put(p, head);
    if (head.size() < whole.size()) p = Put(p, kTail);
    e.quote = std::string_view(at, static_cast<std::size_t>(p - at));
    if (!whole.empty()) q = Copied{whole.data(), whole.size(), e.quote, head.size(), blocks_made_};
  }
  if (section_copied) {
    e.section = s.placed;
  } else {
    const char* at = p;
    p = Put(p, section);
    e.section = std::string_view(at, section.size());
    if (!section.empty()) s = Copied{section.data(), section.size(), e.section, 0, blocks_made_};
  }
  e.role = role;
  PutTerms(e, views, p, terms);
  e.bytes = std::shared_ptr<const void>(block_, base);  // aliasing: counts the block
}

void Evidence::Own() {
  // Copies first: the block written may not overlap what the views point at (they may be in this Evidence's
  // old block, which `bytes` keeps alive until Place replaces it).
  std::shared_ptr<const void> old = bytes;
  EvidenceBlocks(0).Place(*this, quote, {}, section, role, true, terms);
}

void Evidence::SetTerms(std::initializer_list<std::string_view> list) {
  std::shared_ptr<const void> old = bytes;
  EvidenceBlocks(0).Place(*this, quote, {}, section, role, true,
                          std::span<const std::string_view>(list.begin(), list.size()));
}

Evidence Evidence::Owned(EvidenceKind kind, std::string_view quote, std::string_view section, int line, int page,
                         unsigned byte_start, unsigned byte_end, std::initializer_list<std::string_view> terms,
                         std::string_view role) {
  Evidence e;
  e.kind = kind;
  e.line = line, e.page = page, e.byte_start = byte_start, e.byte_end = byte_end;
  EvidenceBlocks(0).Place(e, quote, {}, section, role, true,
                          std::span<const std::string_view>(terms.begin(), terms.size()));
  return e;
}

const std::string& SharedText::Empty() {
  static const std::string empty;
  return empty;
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kPartial: return "partial";
    case Verdict::kFail: return "fail";
    case Verdict::kNotApplicable: return "not_applicable";
    case Verdict::kNotCheckable: return "not_checkable";
    case Verdict::kWaived: return "waived";
    case Verdict::kError: return "error";
  }
  return "error";
}

const char* VerdictLabelZh(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "符合";
    case Verdict::kPartial: return "部分符合";
    case Verdict::kFail: return "不符合";
    case Verdict::kNotApplicable: return "不适用";
    case Verdict::kNotCheckable: return "无法判断";
    case Verdict::kWaived: return "已豁免";
    case Verdict::kError: return "错误";
  }
  return "错误";
}

std::optional<Verdict> ParseExpectedVerdict(std::string_view typed) {
  for (Verdict v : {Verdict::kPass, Verdict::kPartial, Verdict::kFail, Verdict::kNotApplicable, Verdict::kNotCheckable})
    if (typed == VerdictName(v) || typed == VerdictLabelZh(v)) return v;
  return std::nullopt;
}

std::string ExpectedVerdictOf(std::string_view typed) {
  const auto v = ParseExpectedVerdict(typed);
  return v ? VerdictName(*v) : "";
}

bool IsGap(Verdict v) { return v == Verdict::kFail || v == Verdict::kPartial; }

const char* EvidenceKindName(EvidenceKind k) {
  switch (k) {
    case EvidenceKind::kSupport: return "support";
    case EvidenceKind::kSelfReportedGap: return "self_reported_gap";
    case EvidenceKind::kPromiseOnly: return "promise_only";
    case EvidenceKind::kNegated: return "negated";
    case EvidenceKind::kContext: return "context";
  }
  return "support";
}

void VerdictCounts::Add(Verdict v) {
  switch (v) {
    case Verdict::kPass: ++pass; break;
    case Verdict::kPartial: ++partial; break;
    case Verdict::kFail: ++fail; break;
    case Verdict::kNotApplicable: ++not_applicable; break;
    case Verdict::kNotCheckable: ++not_checkable; break;
    case Verdict::kWaived: ++waived; break;
    case Verdict::kError: ++error; break;
  }
}

VerdictCounts& VerdictCounts::operator+=(const VerdictCounts& o) {
  pass += o.pass;
  partial += o.partial;
  fail += o.fail;
  not_applicable += o.not_applicable;
  not_checkable += o.not_checkable;
  waived += o.waived;
  error += o.error;
  return *this;
}

}  // namespace fazhi
