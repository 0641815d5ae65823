// The per-document index of the evaluator (doc_index.h).
#include "evaluate/doc_index.h"

#include "rules/compile_context.h"

#include <algorithm>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fazhi {

namespace {
// A pointer's bucket: vectors are 24 bytes apart at least, so the low bits say little; multiply them up.
std::size_t Bucket(const void* p) {
  return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) >> 3) * 0x9E3779B97F4A7C15ull >> 32);
}

// A clause ends before ，。；：！？ (full width: EF BC 8C/9B/9A/81/9F, E3 80 82) or a line end, ';' or ','
// (check_support.cc ClauseAt). Sixteen bytes at a time, each kind is a mask of its own: the ASCII digits, the
// one-byte breaks, and the three-byte breaks found whole (the block compared at offsets 0, 1 and 2), so a report's
// thousand or so candidates — a few in a hundred bytes, each of an unforeseeable kind — cost no branch on their
// kind (the former walk looked at each lead byte EF or E3, most of them a 、《》（）, and missed a branch there). The
// same breaks as a walk a character at a time: tests/evaluate/doc_index_test.cc. The lists come out ascending.
void ScanBreaks(std::string_view t, std::vector<std::uint32_t>& ends, std::vector<std::uint32_t>& begins,
                std::vector<std::uint32_t>& digits) {
  const std::size_t n = t.size();
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  auto add_break = [&](std::size_t i, std::size_t len) {
    ends.push_back(static_cast<std::uint32_t>(i));
    begins.push_back(static_cast<std::uint32_t>(i + len));
  };
  auto look = [&](std::size_t i) {
    const unsigned char c = p[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(static_cast<std::uint32_t>(i));
    } else if (c == '\n' || c == ';' || c == ',') {
      add_break(i, 1);
    } else if (c == 0xEF) {
      if (i + 2 < n && p[i + 1] == 0xBC) {
        const unsigned char d = p[i + 2];
        if (d == 0x8C || d == 0x9B || d == 0x9A || d == 0x81 || d == 0x9F) add_break(i, 3);
      }
    } else if (c == 0xE3) {
      if (i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x82) add_break(i, 3);
    }
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
  // The loads at i + 1 and i + 2 read sixteen bytes each: a three-byte break that starts in the block is seen whole.
  for (; i + 18 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    // Signed compares: bytes 80..FF are negative, so only 0x30..0x39 fall between the digit bounds.
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
    const __m128i short_break = _mm_or_si128(_mm_or_si128(eq(v, '\n'), eq(v, ';')), eq(v, ','));
    const __m128i full_width =  // EF BC then 8C ， 9B ； 9A ： 81 ！ 9F ？
        _mm_and_si128(_mm_and_si128(eq(v, 0xEF), eq(v1, 0xBC)),
                      _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(v2, 0x8C), eq(v2, 0x9B)),
                                                _mm_or_si128(eq(v2, 0x9A), eq(v2, 0x81))),
                                   eq(v2, 0x9F)));
    const __m128i full_stop = _mm_and_si128(_mm_and_si128(eq(v, 0xE3), eq(v1, 0x80)), eq(v2, 0x82));  // 。
    const auto longs = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(full_width, full_stop)));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(digit)); bits != 0; bits &= bits - 1)
      digits.push_back(static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctz(bits))));
    for (unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(short_break)) | longs; bits != 0; bits &= bits - 1) {
      const unsigned k = static_cast<unsigned>(__builtin_ctz(bits));
      add_break(i + k, 1 + 2 * ((longs >> k) & 1u));  // a full-width break is three bytes
    }
  }
#endif
  for (; i < n; ++i) look(i);
}
}  // namespace

std::uint32_t RoleMask(const Document& doc, std::uint32_t section) {
  std::uint32_t mask = 0;
  bool gaps = true;  // shortcomings and causes still count (no rectification part met yet)
  for (int s = static_cast<int>(section); s >= 0 && s < static_cast<int>(doc.sections.size());
       s = doc.sections[s].parent) {
    const SectionRole r = doc.sections[s].role;
    if ((r != SectionRole::kShortcomings && r != SectionRole::kCauses) || gaps) mask |= 1u << static_cast<int>(r);
    if (r == SectionRole::kRectification) gaps = false;
  }
  return mask;
}


EvalIndex::Tables& EvalIndex::ThreadSpare() {
  thread_local Tables spare;
  return spare;
}


// Another index alive on the thread at the same time (a test's) finds the spare set empty and allocates its own;
// whichever is destroyed last leaves its tables for the next. A very large document's tables (some 1.5 bytes per
// byte of text) are freed instead: a worker thread (serve's, a batch's) would hold them for as long as it lives.
EvalIndex::~EvalIndex() {
  if (keep_tables_) std::swap(t_, ThreadSpare());
}

EvalIndex::EvalIndex(const Document& doc, const Hits& hits, const TermMatcher& matcher)
    : doc_(doc), hits_(hits), matcher_(matcher) {
  // Every table as the last index on this thread left it: emptied here, keeping its capacity.
  std::swap(t_, ThreadSpare());
  constexpr std::size_t kKeepTablesUpTo = std::size_t{1} << 20;  // bytes of text (a report has 10–100 KB)
  keep_tables_ = doc.text.size() <= kKeepTablesUpTo;
  t_.clause_ends.clear(), t_.clause_begins.clear(), t_.digits.clear(), t_.break_block.clear();
  t_.role_masks.clear(), t_.roles.clear();
  if (!t_.slots.empty()) std::fill(t_.slots.begin(), t_.slots.end(), Slot{});
  // Room for a break or a digit every 16 bytes (a report has one every 30 or so): the lists are not regrown.
  t_.clause_ends.reserve(doc.text.size() / 16 + 16);
  t_.clause_begins.reserve(doc.text.size() / 16 + 16);
  t_.digits.reserve(doc.text.size() / 16 + 16);
  ScanBreaks(doc.text, t_.clause_ends, t_.clause_begins, t_.digits);
  t_.break_block.resize(doc.text.size() / kBreakBlock + 1);
  for (std::size_t block = 0, i = 0; block < t_.break_block.size(); ++block) {
    while (i < t_.clause_ends.size() && t_.clause_ends[i] < block * kBreakBlock) ++i;
    t_.break_block[block] = static_cast<std::uint32_t>(i);
  }
  occurs_size_ = matcher.size();
  t_.occurs.assign(occurs_size_ / 64 + 1, 0);
  for (TermId id : hits.present)
    if (id < occurs_size_) t_.occurs[id >> 6] |= std::uint64_t{1} << (id & 63);
  // A slot of an earlier document's index is empty to this one (Tables::generation); at the count's wrap every slot
  // is emptied once.
  if (++t_.generation == 0) {
    std::fill(t_.cue_slots.begin(), t_.cue_slots.end(), CueSlot{});
    for (ConcreteSlot& slot : t_.concrete) slot.generation = 0;
    t_.generation = 1;
  }
  // A clause's slot is a hash of its begin (a collision only forgets): a report's rules ask about a hundred or two
  // of its clauses, most of them once.
  if (t_.cue_slots.size() != 256) t_.cue_slots.assign(256, CueSlot{});
  // A path is cleared when it is built (SectionPath): the strings keep their capacity. There may be more of them
  // than sections: t_.path_built has one per section and bounds SectionPath.
  if (t_.paths.size() < doc.sections.size()) t_.paths.resize(doc.sections.size());
  t_.path_built.assign(doc.sections.size(), false);
  t_.sentence_of.Build(doc.sentences, doc.text.size());
  t_.paragraph_of.Build(doc.paragraphs, doc.text.size());
  // The slots of sentences beyond this document's are kept (their number lists keep their capacity).
  if (t_.concrete.size() < doc.sentences.size()) t_.concrete.resize(doc.sentences.size());
  concrete_size_ = doc.sentences.size();
  t_.role_masks.resize(doc.sections.size());
  t_.roles.resize(doc.sections.size());
  for (std::uint32_t s = 0; s < doc.sections.size(); ++s) {
    t_.role_masks[s] = RoleMask(doc, s);
    t_.roles[s] = doc.RoleOf(s);
  }
}

EvalIndex::CueView& EvalIndex::Cues(const CompiledCues* cues) {
  for (const auto& view : cue_views_)
    if (view->cues == cues) return *view;
  CueView& view = *cue_views_.emplace_back(std::make_unique<CueView>());
  view.cues = view.clause_key = cues;
  for (const auto& seen_view : cue_views_) {  // the first alike (the new view last: itself)
    const CueView& seen = *seen_view;
    if (view.clause_key == cues && seen.clause_key == seen.cues && seen.cues->negation == cues->negation &&
        seen.cues->hedging == cues->hedging && seen.cues->ignore == cues->ignore)
      view.clause_key = seen.cues;
  }
  return view;
}

const std::vector<TermHit>& EvalIndex::CueHits(CueView& view, CueWords which) {
  if (view.hits[which]) return *view.hits[which];
  const CompiledCues& c = *view.cues;
  const std::vector<TermId>& ids =
      which == kNegation ? c.negation : which == kHedging ? c.hedging : which == kIgnore ? c.ignore : c.actions;
  for (std::size_t i = 0; i < cue_lists_used_; ++i) {
    auto& list = *t_.cue_lists[i];
    if (list.first == &ids || *list.first == ids) return *(view.hits[which] = &list.second);
  }
  if (cue_lists_used_ == t_.cue_lists.size())
    t_.cue_lists.push_back(std::make_unique<std::pair<const std::vector<TermId>*, std::vector<TermHit>>>());
  auto& [words, hits] = *t_.cue_lists[cue_lists_used_++];
  words = &ids;
  hits.clear();
  SortedHits(ids, hits);
  return *(view.hits[which] = &hits);
}

std::size_t EvalIndex::CueSlotOf(Span clause) const {
  return static_cast<std::size_t>((clause.begin * 0x9E3779B1ull) >> 16) & (t_.cue_slots.size() - 1);
}

const std::optional<CueAnswer>* EvalIndex::RecalledCue(const CompiledCues* cues, Span clause,
                                                        std::uint32_t sentence) const {
  const CueSlot& slot = t_.cue_slots[CueSlotOf(clause)];
  if (slot.generation != t_.generation || slot.cues != cues || slot.clause.begin != clause.begin ||
      slot.clause.end != clause.end || slot.sentence != sentence)
    return nullptr;
  return &slot.answer;
}

void EvalIndex::RememberCue(const CompiledCues* cues, Span clause, std::uint32_t sentence,
                            std::optional<CueAnswer> answer) {
  t_.cue_slots[CueSlotOf(clause)] = CueSlot{t_.generation, cues, clause, sentence, answer};
}

const ConcreteFacts* EvalIndex::Concrete(std::uint32_t sentence) const {
  if (sentence >= concrete_size_ || t_.concrete[sentence].generation != t_.generation) return nullptr;
  return &t_.concrete[sentence].facts;
}

ConcreteFacts& EvalIndex::NewConcrete(std::uint32_t sentence) {
  if (sentence >= concrete_size_) throw std::out_of_range("EvalIndex::NewConcrete");
  ConcreteSlot& slot = t_.concrete[sentence];
  slot.generation = t_.generation;
  slot.facts.title = {};
  slot.facts.candidates.clear();
  return slot.facts;
}

Span EvalIndex::ClauseAt(std::uint32_t offset) const {
  // The first break that starts at or after `offset` (its start ends the clause): from the block's first, a step or
  // two on. The clause begins after the break before it — or, when `offset` is inside that break's own bytes, after
  // the one before that (the break ends past `offset`; a break ends before the next starts).
  const std::size_t n = t_.clause_ends.size();
  std::size_t i = t_.break_block[std::min<std::size_t>(offset / kBreakBlock, t_.break_block.size() - 1)];
  while (i < n && t_.clause_ends[i] < offset) ++i;
  const std::size_t j = i > 0 && t_.clause_begins[i - 1] > offset ? i - 1 : i;
  const std::uint32_t size = static_cast<std::uint32_t>(doc_.text.size());
  return {j == 0 ? 0 : t_.clause_begins[j - 1], i == n ? std::max(offset, size) : t_.clause_ends[i]};
}

const std::vector<TermHit>* EvalIndex::AllHits(const std::vector<TermId>& ids) {
  // A mention asks for its other group's list at every anchor: the last built list answers without a probe.
  if (&ids == last_key_) return last_list_;
  if (t_.slots.size() < 2 * (used_ + 1)) {  // grow (and rehash) before the table is half full
    std::vector<Slot> old = std::move(t_.slots);
    t_.slots.assign(std::max<std::size_t>(256, old.size() * 2), Slot{});
    for (const Slot& o : old)
      if (o.key) {
        std::size_t mask = t_.slots.size() - 1, i = Bucket(o.key) & mask;
        while (t_.slots[i].key) i = (i + 1) & mask;
        t_.slots[i] = o;
      }
  }
  const std::size_t mask = t_.slots.size() - 1;
  std::size_t i = Bucket(&ids) & mask;
  for (; t_.slots[i].key && t_.slots[i].key != &ids; i = (i + 1) & mask) {
  }
  Slot& slot = t_.slots[i];
  if (!slot.key) {
    slot.key = &ids;
    ++used_;
    return nullptr;
  }
  if (slot.list) {
    last_key_ = &ids;
    last_list_ = t_.lists[slot.list - 1].get();
    return last_list_;
  }
  if (lists_used_ == t_.lists.size()) t_.lists.push_back(std::make_unique<std::vector<TermHit>>());
  std::vector<TermHit>& out = *t_.lists[lists_used_++];
  out.clear();
  slot.list = static_cast<std::uint32_t>(lists_used_);
  SortedHits(ids, out);
  last_key_ = &ids;
  last_list_ = &out;
  return &out;
}

void EvalIndex::SortedHits(const std::vector<TermId>& ids, std::vector<TermHit>& out) {
  // One run per occurring term, each in order already: a few are merged (picking the least start, the longer at the
  // same start — HitsIn's order; two runs tie on both only when a term is listed twice, whose hits are the same),
  // more are sorted.
  struct Run {
    const std::uint32_t* at;
    const std::uint32_t* end;
    std::uint32_t len;
    TermId term;
  };
  constexpr std::size_t kMergeRuns = 4;
  Run runs[kMergeRuns];
  std::size_t count = 0, n = 0;
  for (TermId id : ids)
    if (Occurs(id)) {
      const auto starts = hits_.Of(id);
      if (n < kMergeRuns) runs[n] = {starts.data(), starts.data() + starts.size(), matcher_.Length(id), id};
      ++n;
      count += starts.size();
    }
  out.reserve(count);
  if (n <= kMergeRuns) {
    while (n > 1) {
      std::size_t least = 0;
      for (std::size_t k = 1; k < n; ++k)
        if (*runs[k].at < *runs[least].at || (*runs[k].at == *runs[least].at && runs[k].len > runs[least].len))
          least = k;
      Run& r = runs[least];
      out.push_back({*r.at, *r.at + r.len, r.term});
      if (++r.at == r.end) r = runs[--n];
    }
    if (n == 1)
      for (const std::uint32_t* s = runs[0].at; s != runs[0].end; ++s) out.push_back({*s, *s + runs[0].len, runs[0].term});
    return;
  }
  // More runs: copied in one after the other, then neighbours merged pairwise until one is left (n log k moves for
  // k runs, where a sort compared n log n times). Equal hits are the same term listed twice: either may go first.
  std::vector<std::uint32_t>& bounds = t_.merge_bounds;
  std::vector<TermHit>& other = t_.merge_other;
  bounds.clear();
  for (TermId id : ids) {
    if (!Occurs(id)) continue;
    bounds.push_back(static_cast<std::uint32_t>(out.size()));
    std::uint32_t len = matcher_.Length(id);
    for (std::uint32_t s : hits_.Of(id)) out.push_back({s, s + len, id});
  }
  bounds.push_back(static_cast<std::uint32_t>(out.size()));
  const auto before = [](const TermHit& a, const TermHit& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  };
  other.resize(out.size());
  TermHit* from = out.data();
  TermHit* to = other.data();
  while (bounds.size() > 2) {
    std::size_t kept = 0;
    for (std::size_t r = 0; r + 1 < bounds.size(); r += 2) {
      const std::size_t b = bounds[r], m = bounds[r + 1], e = r + 2 < bounds.size() ? bounds[r + 2] : m;
      std::merge(from + b, from + m, from + m, from + e, to + b, before);
      bounds[kept++] = static_cast<std::uint32_t>(b);
    }
    bounds[kept++] = bounds.back();
    bounds.resize(kept);
    std::swap(from, to);
  }
  if (from != out.data()) std::copy(from, from + out.size(), out.data());
}

const std::string& EvalIndex::SectionPath(std::uint32_t section) {
  if (section >= t_.path_built.size()) {
    static const std::string kNone;
    return kNone;
  }
  if (!t_.path_built[section]) {
    // Document::SectionPath from the parent's path, built (and kept) first: a section's path is its parent's, " > "
    // when that is not empty, then its own number and heading; the root (0) and a parent out of range end the chain.
    const Section& s = doc_.sections[section];
    std::string& path = t_.paths[section];
    path.clear();  // a former document's path (the strings are kept: EvalIndex::Tables)
    if (section > 0) {
      if (s.parent > 0 && static_cast<std::size_t>(s.parent) < t_.path_built.size()) {
        path = SectionPath(static_cast<std::uint32_t>(s.parent));
        if (!path.empty()) path += " > ";  // an unheaded ancestor adds no separator (Document::SectionPath)
      }
      path += s.number;
      path += s.heading;
    }
    t_.path_built[section] = true;
  }
  return t_.paths[section];
}

}  // namespace fazhi
