// The per-document index of the evaluator (doc_index.h).
#include "evaluate/doc_index.h"

#include <algorithm>
#include <array>

namespace fazhi {

namespace {
// A clause ends before ，。；：！？ (full width, 3 bytes) or a line end, ';' or ',' (check_support.cc ClauseAt).
std::size_t BreakLength(std::string_view t, std::size_t i) {
  const char c = t[i];
  if (c == '\n' || c == ';' || c == ',') return 1;
  if (i + 3 > t.size()) return 0;
  static constexpr std::string_view kMarks[] = {"，", "。", "；", "：", "！", "？"};
  for (std::string_view m : kMarks)
    if (t.compare(i, 3, m) == 0) return 3;
  return 0;
}
// A pointer's bucket: vectors are 24 bytes apart at least, so the low bits say little; multiply them up.
std::size_t Bucket(const void* p) {
  return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) >> 3) * 0x9E3779B97F4A7C15ull >> 32);
}
}  // namespace

EvalIndex::EvalIndex(const Document& doc, const Hits& hits, const TermMatcher& matcher)
    : doc_(doc), hits_(hits), matcher_(matcher) {
  // 1: a byte that can start a break (the full-width marks are EF BC xx and E3 80 82 。); 2: a digit.
  static constexpr auto kClass = [] {
    std::array<std::uint8_t, 256> a{};
    for (unsigned char c : {'\n', ';', ',', '\xEF', '\xE3'}) a[c] = 1;
    for (unsigned char c = '0'; c <= '9'; ++c) a[c] = 2;
    return a;
  }();
  std::string_view t = doc.text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::uint8_t k = kClass[static_cast<unsigned char>(t[i])];
    if (k == 0) continue;
    if (k == 2) {
      digits_.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    if (std::size_t n = BreakLength(t, i)) {
      clause_ends_.push_back(static_cast<std::uint32_t>(i));
      clause_begins_.push_back(static_cast<std::uint32_t>(i + n));
    }
  }
  std::sort(clause_begins_.begin(), clause_begins_.end());
  paths_.resize(doc.sections.size());
  path_built_.assign(doc.sections.size(), false);
}

Span EvalIndex::ClauseAt(std::uint32_t offset) const {
  auto b = std::upper_bound(clause_begins_.begin(), clause_begins_.end(), offset);
  auto e = std::lower_bound(clause_ends_.begin(), clause_ends_.end(), offset);
  const std::uint32_t size = static_cast<std::uint32_t>(doc_.text.size());
  return {b == clause_begins_.begin() ? 0 : *std::prev(b), e == clause_ends_.end() ? std::max(offset, size) : *e};
}

const std::vector<TermHit>* EvalIndex::AllHits(const std::vector<TermId>& ids) {
  if (slots_.size() < 2 * (used_ + 1)) {  // grow (and rehash) before the table is half full
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(256, old.size() * 2), Slot{});
    for (const Slot& o : old)
      if (o.key) {
        std::size_t mask = slots_.size() - 1, i = Bucket(o.key) & mask;
        while (slots_[i].key) i = (i + 1) & mask;
        slots_[i] = o;
      }
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Bucket(&ids) & mask;
  for (; slots_[i].key && slots_[i].key != &ids; i = (i + 1) & mask) {
  }
  Slot& slot = slots_[i];
  if (!slot.key) {
    slot.key = &ids;
    ++used_;
    return nullptr;
  }
  if (slot.list) return &lists_[slot.list - 1];
  std::vector<TermHit>& out = lists_.emplace_back();
  slot.list = static_cast<std::uint32_t>(lists_.size());
  for (TermId id : ids) {
    std::uint32_t len = matcher_.Length(id);
    for (std::uint32_t s : hits_.Of(id)) out.push_back({s, s + len, id});
  }
  std::sort(out.begin(), out.end(), [](const TermHit& a, const TermHit& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return &out;
}

const std::string& EvalIndex::SectionPath(std::uint32_t section) {
  if (section >= paths_.size()) {
    static const std::string kNone;
    return kNone;
  }
  if (!path_built_[section]) {
    paths_[section] = doc_.SectionPath(section);
    path_built_[section] = true;
  }
  return paths_[section];
}

}  // namespace fazhi
