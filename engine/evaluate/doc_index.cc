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
// (check_support.cc ClauseAt). No such break and no digit starts on a UTF-8 continuation byte, so the text is
// searched for the bytes that can start one — ASCII digits, '\n', ';', ',' and the lead bytes EF and E3, a few in a
// hundred of a report's bytes — sixteen at a time, and only those are looked at (the same breaks as a walk a
// character at a time: tests/evaluate/doc_index_test.cc). The lists come out ascending.
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
  const __m128i nl = _mm_set1_epi8('\n'), semi = _mm_set1_epi8(';'), comma = _mm_set1_epi8(','),
                ef = _mm_set1_epi8(static_cast<char>(0xEF)), e3 = _mm_set1_epi8(static_cast<char>(0xE3)),
                below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Signed compares: bytes 80..FF are negative, so only 0x30..0x39 fall between the digit bounds.
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
    const __m128i any = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, semi)), _mm_cmpeq_epi8(v, comma)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(v, e3)), digit));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(any)); bits != 0; bits &= bits - 1)
      look(i + static_cast<std::size_t>(__builtin_ctz(bits)));
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

struct EvalIndex::Spare {
  std::vector<std::uint32_t> clause_begins, clause_ends, break_block, digits;
  std::vector<std::uint64_t> occurs;
  std::vector<Slot> slots;
  std::vector<std::unique_ptr<std::vector<TermHit>>> lists;
  std::vector<std::string> paths;
  std::vector<bool> path_built;
  BlockLookup<Sentence> sentence_of;
  BlockLookup<Paragraph> paragraph_of;
  std::vector<std::uint32_t> role_masks;
  std::vector<SectionRole> roles;
  std::vector<CueSlot> cue_slots;
  std::vector<ConcreteSlot> concrete;
  std::vector<std::unique_ptr<std::pair<const std::vector<TermId>*, std::vector<TermHit>>>> cue_lists;
};

EvalIndex::Spare& EvalIndex::ThreadSpare() {
  thread_local Spare spare;
  return spare;
}

void EvalIndex::SwapTables(Spare& spare) {
  clause_begins_.swap(spare.clause_begins), clause_ends_.swap(spare.clause_ends);
  break_block_.swap(spare.break_block), digits_.swap(spare.digits), occurs_.swap(spare.occurs);
  slots_.swap(spare.slots), lists_.swap(spare.lists), paths_.swap(spare.paths);
  path_built_.swap(spare.path_built);
  std::swap(sentence_of_, spare.sentence_of), std::swap(paragraph_of_, spare.paragraph_of);
  role_masks_.swap(spare.role_masks), roles_.swap(spare.roles), cue_slots_.swap(spare.cue_slots);
  concrete_.swap(spare.concrete), cue_lists_.swap(spare.cue_lists);
}

// Another index alive on the thread at the same time (a test's) finds the spare set empty and allocates its own;
// whichever is destroyed last leaves its tables for the next. A very large document's tables (some 1.5 bytes per
// byte of text) are freed instead: a worker thread (serve's, a batch's) would hold them for as long as it lives.
EvalIndex::~EvalIndex() {
  if (keep_tables_) SwapTables(ThreadSpare());
}

EvalIndex::EvalIndex(const Document& doc, const Hits& hits, const TermMatcher& matcher)
    : doc_(doc), hits_(hits), matcher_(matcher) {
  // Every table as the last index on this thread left it: emptied here, keeping its capacity.
  SwapTables(ThreadSpare());
  constexpr std::size_t kKeepTablesUpTo = std::size_t{1} << 20;  // bytes of text (a report has 10–100 KB)
  keep_tables_ = doc.text.size() <= kKeepTablesUpTo;
  clause_ends_.clear(), clause_begins_.clear(), digits_.clear(), break_block_.clear();
  role_masks_.clear(), roles_.clear();
  if (!slots_.empty()) std::fill(slots_.begin(), slots_.end(), Slot{});
  // Room for a break or a digit every 16 bytes (a report has one every 30 or so): the lists are not regrown.
  clause_ends_.reserve(doc.text.size() / 16 + 16);
  clause_begins_.reserve(doc.text.size() / 16 + 16);
  digits_.reserve(doc.text.size() / 16 + 16);
  ScanBreaks(doc.text, clause_ends_, clause_begins_, digits_);
  break_block_.resize(doc.text.size() / kBreakBlock + 1);
  for (std::size_t block = 0, i = 0; block < break_block_.size(); ++block) {
    while (i < clause_ends_.size() && clause_ends_[i] < block * kBreakBlock) ++i;
    break_block_[block] = static_cast<std::uint32_t>(i);
  }
  occurs_size_ = matcher.size();
  occurs_.assign(occurs_size_ / 64 + 1, 0);
  for (TermId id : hits.present)
    if (id < occurs_size_) occurs_[id >> 6] |= std::uint64_t{1} << (id & 63);
  // A clause's slot is a hash of its begin (a collision only forgets): a report's rules ask about a hundred or two
  // of its clauses, most of them once.
  cue_slots_.assign(256, CueSlot{});
  // A path is cleared when it is built (SectionPath): the strings keep their capacity. There may be more of them
  // than sections: path_built_ has one per section and bounds SectionPath.
  if (paths_.size() < doc.sections.size()) paths_.resize(doc.sections.size());
  path_built_.assign(doc.sections.size(), false);
  sentence_of_.Build(doc.sentences, doc.text.size());
  paragraph_of_.Build(doc.paragraphs, doc.text.size());
  // The slots of sentences beyond this document's are kept unknown (their number lists keep their capacity).
  for (ConcreteSlot& slot : concrete_) slot.known = false;
  if (concrete_.size() < doc.sentences.size()) concrete_.resize(doc.sentences.size());
  concrete_size_ = doc.sentences.size();
  role_masks_.resize(doc.sections.size());
  roles_.resize(doc.sections.size());
  for (std::uint32_t s = 0; s < doc.sections.size(); ++s) {
    role_masks_[s] = RoleMask(doc, s);
    roles_[s] = doc.RoleOf(s);
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
    auto& list = *cue_lists_[i];
    if (list.first == &ids || *list.first == ids) return *(view.hits[which] = &list.second);
  }
  if (cue_lists_used_ == cue_lists_.size())
    cue_lists_.push_back(std::make_unique<std::pair<const std::vector<TermId>*, std::vector<TermHit>>>());
  auto& [words, hits] = *cue_lists_[cue_lists_used_++];
  words = &ids;
  hits.clear();
  SortedHits(ids, hits);
  return *(view.hits[which] = &hits);
}

std::size_t EvalIndex::CueSlotOf(Span clause) const {
  return static_cast<std::size_t>((clause.begin * 0x9E3779B1ull) >> 16) & (cue_slots_.size() - 1);
}

const std::optional<CueAnswer>* EvalIndex::RecalledCue(const CompiledCues* cues, Span clause,
                                                        std::uint32_t sentence) const {
  const CueSlot& slot = cue_slots_[CueSlotOf(clause)];
  if (slot.cues != cues || slot.clause.begin != clause.begin || slot.clause.end != clause.end ||
      slot.sentence != sentence)
    return nullptr;
  return &slot.answer;
}

void EvalIndex::RememberCue(const CompiledCues* cues, Span clause, std::uint32_t sentence,
                            std::optional<CueAnswer> answer) {
  cue_slots_[CueSlotOf(clause)] = CueSlot{cues, clause, sentence, answer};
}

const ConcreteFacts* EvalIndex::Concrete(std::uint32_t sentence) const {
  if (sentence >= concrete_size_ || !concrete_[sentence].known) return nullptr;
  return &concrete_[sentence].facts;
}

ConcreteFacts& EvalIndex::NewConcrete(std::uint32_t sentence) {
  if (sentence >= concrete_size_) throw std::out_of_range("EvalIndex::NewConcrete");
  ConcreteSlot& slot = concrete_[sentence];
  slot.known = true;
  slot.facts.title = {};
  slot.facts.candidates.clear();
  return slot.facts;
}

Span EvalIndex::ClauseAt(std::uint32_t offset) const {
  // The first break that starts at or after `offset` (its start ends the clause): from the block's first, a step or
  // two on. The clause begins after the break before it — or, when `offset` is inside that break's own bytes, after
  // the one before that (the break ends past `offset`; a break ends before the next starts).
  const std::size_t n = clause_ends_.size();
  std::size_t i = break_block_[std::min<std::size_t>(offset / kBreakBlock, break_block_.size() - 1)];
  while (i < n && clause_ends_[i] < offset) ++i;
  const std::size_t j = i > 0 && clause_begins_[i - 1] > offset ? i - 1 : i;
  const std::uint32_t size = static_cast<std::uint32_t>(doc_.text.size());
  return {j == 0 ? 0 : clause_begins_[j - 1], i == n ? std::max(offset, size) : clause_ends_[i]};
}

const std::vector<TermHit>* EvalIndex::AllHits(const std::vector<TermId>& ids) {
  // A mention asks for its other group's list at every anchor: the last built list answers without a probe.
  if (&ids == last_key_) return last_list_;
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
  if (slot.list) {
    last_key_ = &ids;
    last_list_ = lists_[slot.list - 1].get();
    return last_list_;
  }
  if (lists_used_ == lists_.size()) lists_.push_back(std::make_unique<std::vector<TermHit>>());
  std::vector<TermHit>& out = *lists_[lists_used_++];
  out.clear();
  slot.list = static_cast<std::uint32_t>(lists_used_);
  SortedHits(ids, out);
  last_key_ = &ids;
  last_list_ = &out;
  return &out;
}

void EvalIndex::SortedHits(const std::vector<TermId>& ids, std::vector<TermHit>& out) const {
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
  for (TermId id : ids) {
    if (!Occurs(id)) continue;
    std::uint32_t len = matcher_.Length(id);
    for (std::uint32_t s : hits_.Of(id)) out.push_back({s, s + len, id});
  }
  std::sort(out.begin(), out.end(), [](const TermHit& a, const TermHit& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
}

const std::string& EvalIndex::SectionPath(std::uint32_t section) {
  if (section >= path_built_.size()) {
    static const std::string kNone;
    return kNone;
  }
  if (!path_built_[section]) {
    // Document::SectionPath from the parent's path, built (and kept) first: a section's path is its parent's, " > "
    // when that is not empty, then its own number and heading; the root (0) and a parent out of range end the chain.
    const Section& s = doc_.sections[section];
    std::string& path = paths_[section];
    path.clear();  // a former document's path (the strings are kept: EvalIndex::Spare)
    if (section > 0) {
      if (s.parent > 0 && static_cast<std::size_t>(s.parent) < path_built_.size()) {
        path = SectionPath(static_cast<std::uint32_t>(s.parent));
        if (!path.empty()) path += " > ";  // an unheaded ancestor adds no separator (Document::SectionPath)
      }
      path += s.number;
      path += s.heading;
    }
    path_built_[section] = true;
  }
  return paths_[section];
}

}  // namespace fazhi
