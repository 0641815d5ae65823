// The per-document index of the evaluator (doc_index.h).
#include "evaluate/doc_index.h"

#include "rules/compile_context.h"

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
    if (k == 0) {
      // A CJK character (lead byte E4–E9 and two continuation bytes) holds no break and no digit: step over it.
      const auto c = static_cast<unsigned char>(t[i]);
      if (c >= 0xE4 && c <= 0xE9 && i + 2 < t.size() && (static_cast<unsigned char>(t[i + 1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(t[i + 2]) & 0xC0) == 0x80)
        i += 2;
      continue;
    }
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
  occurs_size_ = matcher.size();
  occurs_.assign(occurs_size_ / 64 + 1, 0);
  for (TermId id : hits.present)
    if (id < occurs_size_) occurs_[id >> 6] |= std::uint64_t{1} << (id & 63);
  cue_slots_.resize(clause_begins_.size() + 1);
  paths_.resize(doc.sections.size());
  path_built_.assign(doc.sections.size(), false);
  // Offset → the last sentence that begins at or before it, as Document::SentenceAt's binary search; every byte is
  // written once (no zeroing first). A document of more sentences than 16 bits count keeps the binary search.
  const auto& ss = doc.sentences;
  if (!ss.empty() && ss.size() <= 0xFFFF) {
    sentence_of_.reset(new std::uint16_t[t.size()]);
    sentence_of_size_ = t.size();
    std::fill(sentence_of_.get(), sentence_of_.get() + std::min<std::size_t>(ss[0].span.begin, t.size()), 0);
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const std::size_t from = std::min<std::size_t>(ss[i].span.begin, t.size());
      const std::size_t to = i + 1 < ss.size() ? std::min<std::size_t>(ss[i + 1].span.begin, t.size()) : t.size();
      if (from < to) std::fill(sentence_of_.get() + from, sentence_of_.get() + to, static_cast<std::uint16_t>(i));
    }
  }
  concrete_.resize(doc.sentences.size());
  role_masks_.resize(doc.sections.size());
  roles_.resize(doc.sections.size());
  for (std::uint32_t s = 0; s < doc.sections.size(); ++s) {
    role_masks_[s] = RoleMask(doc, s);
    roles_[s] = doc.RoleOf(s);
  }
}

const CompiledCues* EvalIndex::Canonical(const CompiledCues* cues) {
  for (const auto& [seen, same] : canonical_)
    if (seen == cues) return same;
  const CompiledCues* same = cues;
  for (const auto& [seen, first] : canonical_)
    if (seen == first && seen->negation == cues->negation && seen->hedging == cues->hedging &&
        seen->ignore == cues->ignore && seen->actions == cues->actions) {
      same = first;
      break;
    }
  canonical_.emplace_back(cues, same);
  return same;
}

std::uint32_t EvalIndex::ParagraphAt(std::uint32_t offset) const {
  // The paragraph of the sentence at `offset` is the answer or next to it: step to the last paragraph that begins
  // at or before `offset` (Document::ParagraphAt's answer).
  const auto& ps = doc_.paragraphs;
  if (ps.empty() || doc_.sentences.empty()) return doc_.ParagraphAt(offset);
  std::uint32_t p = std::min<std::uint32_t>(doc_.sentences[SentenceAt(offset)].paragraph,
                                            static_cast<std::uint32_t>(ps.size() - 1));
  while (p + 1 < ps.size() && ps[p + 1].span.begin <= offset) ++p;
  while (p > 0 && ps[p].span.begin > offset) --p;
  return p;
}

const std::optional<CueAnswer>* EvalIndex::RecalledCue(const CompiledCues* cues, Span clause,
                                                        std::uint32_t sentence) const {
  auto b = std::upper_bound(clause_begins_.begin(), clause_begins_.end(), clause.begin);
  const CueSlot& slot = cue_slots_[b - clause_begins_.begin()];
  if (slot.cues != cues || slot.clause.begin != clause.begin || slot.clause.end != clause.end ||
      slot.sentence != sentence)
    return nullptr;
  return &slot.answer;
}

void EvalIndex::RememberCue(const CompiledCues* cues, Span clause, std::uint32_t sentence,
                            std::optional<CueAnswer> answer) {
  auto b = std::upper_bound(clause_begins_.begin(), clause_begins_.end(), clause.begin);
  cue_slots_[b - clause_begins_.begin()] = CueSlot{cues, clause, sentence, answer};
}

const ConcreteFacts* EvalIndex::Concrete(const CompiledCues* cues, std::uint32_t sentence) const {
  if (sentence >= concrete_.size() || concrete_[sentence].cues != cues) return nullptr;
  return &concrete_[sentence].facts;
}

ConcreteFacts& EvalIndex::NewConcrete(const CompiledCues* cues, std::uint32_t sentence) {
  ConcreteSlot& slot = concrete_.at(sentence);
  slot.cues = cues;
  slot.facts.title = {};
  slot.facts.candidates.clear();
  return slot.facts;
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
  int terms = 0;  // terms that occur: one term's hits are in order already
  for (TermId id : ids) {
    if (!Occurs(id)) continue;
    std::uint32_t len = matcher_.Length(id);
    for (std::uint32_t s : hits_.Of(id)) out.push_back({s, s + len, id});
    ++terms;
  }
  if (terms > 1)
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
