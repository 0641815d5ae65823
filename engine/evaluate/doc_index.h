// EvalIndex: what every rule of one document looks up, worked out once per document instead of once per rule hit —
// the clause breaks and the digits of the text, the sentence and paragraph of every byte, each section's roles
// (through its ancestors) and heading path, each long term list's hits in text order, and the answers of
// ClauseCue and IsConcrete per clause and per sentence (many rules ask about the same sentence).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/report.h"
#include "match/term_matcher.h"

namespace fazhi {

// One occurrence of a term: [start, end) in Document::text.
struct TermHit {
  std::uint32_t start, end;
  TermId term;
};

// Offset → the last unit (Sentence or Paragraph of a Document) that begins at or before it — Document::SentenceAt's
// and ParagraphAt's answer — by blocks of kBlock bytes: the table holds the unit at each block's first byte, and At
// steps on past the units that begin inside the block (a sentence is some 40 bytes long, rarely under 16).
template <class Unit>
class BlockLookup {
 public:
  static constexpr std::size_t kBlock = 16;
  void Build(const std::vector<Unit>& units, std::size_t text_size) {
    units_ = &units;
    block_.clear();
    if (units.empty()) return;
    block_.resize(text_size / kBlock + 1);
    // Unit u holds the blocks from the first that begins at or after its begin up to the next unit's (unit 0 from
    // block 0): filled unit by unit, a store per block (not a test of the next unit per block).
    std::size_t block = 0;
    for (std::size_t u = 0; u < units.size() && block < block_.size(); ++u) {
      const std::size_t next =
          u + 1 < units.size() ? std::min<std::size_t>((units[u + 1].span.begin + kBlock - 1) / kBlock, block_.size())
                               : block_.size();
      for (; block < next; ++block) block_[block] = static_cast<std::uint32_t>(u);
    }
  }
  bool empty() const { return block_.empty(); }
  std::uint32_t At(std::uint32_t offset) const {
    std::uint32_t u = block_[std::min<std::size_t>(offset / kBlock, block_.size() - 1)];
    const auto& units = *units_;
    while (u + 1 < units.size() && units[u + 1].span.begin <= offset) ++u;
    return u;
  }

 private:
  const std::vector<Unit>* units_ = nullptr;
  std::vector<std::uint32_t> block_;
};

// A document's sections' roles as bits (1 << SectionRole): bit r is set when the section or an ancestor has role r —
// except that for shortcomings and causes the search stops at a rectification part (check_support.cc RoleFilter).
std::uint32_t RoleMask(const Document& doc, std::uint32_t section);

struct CompiledCues;

// What ClauseCue found in one clause: a negation or hedging cue (or a plan lead) and its word (a term of the
// matcher or a static plan word, so a view stays valid).
struct CueAnswer {
  EvidenceKind kind;
  std::string_view word;
};

// What can make a sentence concrete (IsConcrete) whatever the cue lists, worked out once per sentence: a produced
// 《title》 (which counts whatever term was matched), else its numbers, in the order IsConcrete tries them (the
// action words come after them; they depend on a pack's cue lists and are looked up each time from CueHits).
struct ConcreteCandidate {
  std::uint32_t begin, end;  // in Document::text
  std::string_view text;     // the number with its unit ("12件")
};
struct ConcreteFacts {
  std::string_view title;  // truncated as the basis quotes it; empty = none
  std::vector<ConcreteCandidate> candidates;
};

// Built by EvaluateRules for one document and pointed at by EvalContext::index; the checks reach it through the
// helpers of check_support.h (HitsIn, ClauseAt, …), which give the same answers without it. Not thread-safe: one
// per document being evaluated. Term lists are cached by address: they live in the RuleSet, which outlives it.
class EvalIndex {
 public:
  EvalIndex(const Document& doc, const Hits& hits, const TermMatcher& matcher);
  // The tables go back to the thread's spare set (Tables) for the next document's index.
  ~EvalIndex();
  EvalIndex(const EvalIndex&) = delete;
  EvalIndex& operator=(const EvalIndex&) = delete;

  // Whether term `id` occurs in the document: a bit per term of the matcher, so a term list is run through without
  // touching each term's hit list (a cache line apiece; most terms of a list do not occur).
  bool Occurs(TermId id) const { return id < occurs_size_ && (t_.occurs[id >> 6] >> (id & 63)) & 1u; }
  // The same for the 64 terms of ids [64 * word, 64 * word + 64) at once (bit i: term 64 * word + i).
  std::uint64_t OccursWord(std::size_t word) const { return word < t_.occurs.size() ? t_.occurs[word] : 0; }
  // The clause around `offset` (what ClauseAt computes by walking the text): a table of the text's 32-byte blocks
  // (not a binary search over the breaks per call).
  Span ClauseAt(std::uint32_t offset) const;
  // Every hit of `ids`, ordered by start, longer first at the same start (HitsIn's order); duplicates in `ids` give
  // duplicate hits, as HitsIn does. Null the first time a list is asked for: a list looked at once (most anchor
  // lists) is cheaper searched term by term than sorted; from the second time on (the cues, a rule's other groups
  // in every unit) it is sorted once and kept.
  const std::vector<TermHit>* AllHits(const std::vector<TermId>& ids);
  // Offsets of the ASCII digits of the text, ascending (IsConcrete looks for numbers from one to the next).
  const std::vector<std::uint32_t>& Digits() const { return t_.digits; }
  // Document::SectionPath, built once per section.
  const std::string& SectionPath(std::uint32_t section);
  // Document::SentenceAt and ParagraphAt from a table of the text's 16-byte blocks (not a binary search per hit).
  std::uint32_t SentenceAt(std::uint32_t offset) const {
    return t_.sentence_of.empty() ? doc_.SentenceAt(offset) : t_.sentence_of.At(offset);
  }
  std::uint32_t ParagraphAt(std::uint32_t offset) const {
    return t_.paragraph_of.empty() ? doc_.ParagraphAt(offset) : t_.paragraph_of.At(offset);
  }
  // RoleMask and Document::RoleOf, once per section.
  std::uint32_t RoleMaskOf(std::uint32_t section) const {
    return section < t_.role_masks.size() ? t_.role_masks[section] : RoleMask(doc_, section);
  }
  SectionRole RoleOf(std::uint32_t section) const {
    return section < t_.roles.size() ? t_.roles[section] : doc_.RoleOf(section);
  }
  // Every pack has its own CompiledCues; most hold the same negation, hedging and ignore words and differ in a few
  // action words. A cue list as seen, with the first one seen that gives the same ClauseCue answers (the same
  // negation, hedging and ignore words): ClauseCue's answers are kept per clause under that key, so the packs share
  // them.
  enum CueWords { kNegation, kHedging, kIgnore, kActions };
  struct CueView {
    const CompiledCues* cues = nullptr;
    const CompiledCues* clause_key = nullptr;
    const std::vector<TermHit>* hits[4] = {};  // each word list's hits (CueHits), built on its first ask
  };
  CueView& Cues(const CompiledCues* cues);
  // The hits of one word list of `view` over the whole text, in HitsIn's order, built on its first ask and shared by
  // every list of the same words: ClauseCue and IsConcrete take the run inside a clause or sentence from them, with
  // no copy and no look-up by list address.
  const std::vector<TermHit>& CueHits(CueView& view, CueWords which);
  // ClauseCue's answer for the clause [clause.begin, clause.end) of sentence `sentence` with `cues`, when it was
  // worked out before (Remember stores one); a slot holds one answer, the last stored.
  const std::optional<CueAnswer>* RecalledCue(const CompiledCues* cues, Span clause, std::uint32_t sentence) const;
  void RememberCue(const CompiledCues* cues, Span clause, std::uint32_t sentence, std::optional<CueAnswer> answer);
  // The concreteness facts of sentence `sentence`: null when not worked out yet; NewConcrete gives a slot to fill
  // (the caller fills it once, then Concrete returns it).
  const ConcreteFacts* Concrete(std::uint32_t sentence) const;
  ConcreteFacts& NewConcrete(std::uint32_t sentence);

 private:
  const Document& doc_;
  const Hits& hits_;
  const TermMatcher& matcher_;
  static constexpr std::size_t kBreakBlock = 32;
  std::size_t occurs_size_ = 0;
  // Open addressing by the list's address (a power-of-two table, at most half full): one probe, usually.
  struct Slot {
    const std::vector<TermId>* key = nullptr;
    std::uint32_t list = 0;  // index into t_.lists + 1; 0 = asked for once, not built
  };
  std::size_t used_ = 0;
  const std::vector<TermId>* last_key_ = nullptr;  // the last list built or found built, and its hits
  const std::vector<TermHit>* last_list_ = nullptr;
  std::size_t lists_used_ = 0;
  struct CueSlot {
    std::uint32_t generation = 0;  // Tables::generation of the document that stored it; another = empty
    const CompiledCues* cues = nullptr;
    Span clause;
    std::uint32_t sentence = 0;
    std::optional<CueAnswer> answer;
  };
  std::size_t CueSlotOf(Span clause) const;
  struct ConcreteSlot {
    std::uint32_t generation = 0;  // known when Tables::generation (for another document's index: unknown)
    ConcreteFacts facts;
  };
  std::size_t concrete_size_ = 0;
  // One per cue list seen, and each distinct word list's hits; by pointer, so references stay valid as they are
  // added (and nothing is allocated for a document no rule asks about cues).
  std::vector<std::unique_ptr<CueView>> cue_views_;
  std::size_t cue_lists_used_ = 0;  // the first are this document's (as lists_used_)
  // A report's index allocates some 120 blocks (these tables, a path per quoted part, a list per term list asked
  // twice, the numbers of each sentence IsConcrete asks about): they are taken from the thread's spare set at
  // construction and given back, emptied in place, at destruction, so the next document's index reuses them.
  struct Tables {
    std::vector<std::uint32_t> clause_begins;  // offsets right after a clause break (ClauseAt's begin candidates)
    std::vector<std::uint32_t> clause_ends;    // offsets where a clause break starts (its end candidates)
    std::vector<std::uint32_t> break_block;  // per 32 bytes of text: the first break that starts in or after them
    std::vector<std::uint32_t> digits;
    std::vector<std::uint64_t> occurs;
    std::vector<Slot> slots;  // empty, or a power of two of empty slots
    // By pointer: AllHits' references stay valid as lists are added (and an index that builds none allocates none).
    // The first lists_used_ are this document's; the rest are kept (with their capacity) for a later one.
    std::vector<std::unique_ptr<std::vector<TermHit>>> lists;
    std::vector<std::string> paths;
    std::vector<bool> path_built;
    BlockLookup<Sentence> sentence_of;
    BlockLookup<Paragraph> paragraph_of;
    std::vector<std::uint32_t> role_masks;
    std::vector<SectionRole> roles;
    // The cue and concreteness slots are not emptied for the next document (256 cue slots of 56 bytes, a slot per
    // sentence): each says which document's index filled it, by this count, advanced per index.
    std::uint32_t generation = 0;
    std::vector<CueSlot> cue_slots;  // by a hash of the clause's begin
    std::vector<ConcreteSlot> concrete;  // one per sentence (the first concrete_size_; more kept for a later document)
    std::vector<std::unique_ptr<std::pair<const std::vector<TermId>*, std::vector<TermHit>>>> cue_lists;
    // SortedHits' merge: where each run begins in the list (and its size last), and the other side of each pass.
    std::vector<std::uint32_t> merge_bounds;
    std::vector<TermHit> merge_other;
  };
  Tables t_;
  bool keep_tables_ = true;  // given back to the thread's spare set at destruction (not for a very large text)
  static Tables& ThreadSpare();
  // Every hit of `ids` over the whole text into `out`, in HitsIn's order.
  void SortedHits(const std::vector<TermId>& ids, std::vector<TermHit>& out);
};

}  // namespace fazhi
