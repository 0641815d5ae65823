// Aho–Corasick over UTF-8 bytes, compiled to a complete DFA over byte classes: a scan is one table load per byte of
// text, with no failure loop and no per-term allocation.
#include "match/term_matcher.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace fazhi {

TermId TermMatcher::Add(std::string_view term) {
  if (built_) throw std::logic_error("TermMatcher::Add after Build");
  auto it = ids_.find(std::string(term));
  if (it != ids_.end()) return it->second;
  TermId id = static_cast<TermId>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(terms_.back(), id);
  return id;
}

void TermMatcher::Build() {
  // 1. The trie, terms in the order added; a node's children are a list searched byte by byte (up to ~60 long after
  //    a CJK lead byte, one or two deeper). Cheaper than sorting the terms first (2,158 string comparisons × log n)
  //    and the order of siblings does not matter: the table below is indexed by byte class.
  struct Building {
    std::int32_t first_child = -1, next_sibling = -1, term = -1;
    unsigned char byte = 0;
  };
  std::vector<Building> trie(1);
  std::size_t bytes = 0;
  for (const auto& t : terms_) bytes += t.size();
  trie.reserve(bytes + 1);
  bool used[256] = {};
  for (TermId id = 0; id < terms_.size(); ++id) {
    if (terms_[id].empty()) continue;
    std::int32_t s = 0;
    for (unsigned char c : terms_[id]) {
      used[c] = true;
      std::int32_t n = trie[s].first_child;
      while (n >= 0 && trie[n].byte != c) n = trie[n].next_sibling;
      if (n < 0) {
        n = static_cast<std::int32_t>(trie.size());
        trie.push_back(Building{-1, trie[s].first_child, -1, c});
        trie[s].first_child = n;
      }
      s = n;
    }
    trie[s].term = static_cast<std::int32_t>(id);
  }
  // 2. Byte classes: each byte some term contains is a class of its own, every other byte is class 0 (from any
  //    state it leads back to the root). 87 classes for the shipped rules instead of 256 columns.
  std::uint32_t classes = 1;
  for (int b = 0; b < 256; ++b) class_[b] = used[b] ? static_cast<std::uint8_t>(classes++) : 0;
  stride_ = classes + 1;  // the transitions, then the state's first output
  const std::uint32_t out_col = classes;
  const std::size_t n_states = trie.size();
  states_ = n_states;
  table_.resize(n_states * stride_);  // not zeroed: every row is written below
  outputs_.clear();
  // 3. Breadth first: a state's row is its failure state's row (complete already: it is shallower) with its own
  //    children written over it, so the failure links never appear at scan time. A child's failure state is where
  //    the parent's failure row sends the child's byte. States that end a term (themselves or along the failure
  //    chain) get the highest numbers, the others the lowest, so "is there an output" is `state >= match_from_`.
  std::uint32_t low = 0, high = static_cast<std::uint32_t>(n_states);
  auto place = [&](bool match) { return (match ? --high : low++) * stride_; };
  std::vector<std::uint32_t> row_of(n_states), fail_of(n_states);
  std::vector<std::int32_t> queue;
  queue.reserve(n_states);
  row_of[0] = place(false);
  std::fill_n(table_.data(), out_col, 0u);  // every byte leads back to the root, but for the root's children
  table_[out_col] = static_cast<std::uint32_t>(-1);
  queue.push_back(0);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::int32_t s = queue[head];
    std::uint32_t* row = &table_[row_of[s]];
    const std::uint32_t* fail_row = &table_[fail_of[s]];
    if (s != 0) std::memcpy(row, fail_row, out_col * sizeof(std::uint32_t));
    for (std::int32_t n = trie[s].first_child; n >= 0; n = trie[n].next_sibling) {
      const std::uint32_t c = class_[trie[n].byte];
      const std::uint32_t fail = s == 0 ? 0 : fail_row[c];
      const auto inherited = static_cast<std::int32_t>(table_[fail + out_col]);
      std::int32_t first = inherited;
      if (trie[n].term >= 0) {
        const auto id = static_cast<TermId>(trie[n].term);
        first = static_cast<std::int32_t>(outputs_.size());
        outputs_.push_back({id, Length(id), inherited});
      }
      row_of[n] = place(first >= 0);
      fail_of[n] = fail;
      table_[row_of[n] + out_col] = static_cast<std::uint32_t>(first);
      row[c] = row_of[n];
      queue.push_back(n);
    }
  }
  match_from_ = low * stride_;
  built_ = true;
}

namespace {

// The hits of one scan, as found (by end offset), and the count of each term's hits.
struct Found {
  Hits& hits;
  std::vector<std::pair<std::uint32_t, TermId>>& order;
};

}  // namespace

// The terms ending at byte `end` − 1, from the state's first output `o` on: out of line, so the byte loop of Scan
// keeps its few values in registers (inlined, the compiler spilled them: 17 instructions a byte instead of 10).
[[gnu::noinline]] static void Record(const TermMatcher::Output* outputs, std::int32_t o, const unsigned char* p,
                                     std::size_t end, Found& found) {
  for (; o >= 0; o = outputs[o].next) {
    const std::uint32_t start = static_cast<std::uint32_t>(end - outputs[o].length);
    // Only whole UTF-8 characters: a match must not start on a continuation byte.
    if ((p[start] & 0xC0) == 0x80) continue;
    const TermId id = outputs[o].term;
    if (found.hits.offsets[id]++ == 0) found.hits.present.push_back(id);
    found.order.emplace_back(start, id);
  }
}

Hits TermMatcher::Scan(std::string_view text) const {
  if (!built_) throw std::logic_error("TermMatcher::Scan before Build");
  Hits hits;
  hits.offsets.assign(terms_.size() + 1, 0);  // first the count of each term's hits
  // Every hit in the order found (by end offset), before the counting sort groups them by term.
  thread_local std::vector<std::pair<std::uint32_t, TermId>> order;
  order.clear();
  Found found{hits, order};
  const std::uint32_t* const table = table_.data();
  const std::uint8_t* const cls = class_;
  const auto* const p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint32_t match_from = match_from_;
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < n;) {
    // One load per byte and a comparison; a state at or past match_from_ ends at least one term.
    do s = table[s + cls[p[i++]]];
    while (s < match_from && i < n);
    if (s >= match_from) Record(outputs_.data(), static_cast<std::int32_t>(table[s + stride_ - 1]), p, i, found);
  }
  // Counting sort: offsets[id] becomes the end of the term's group, then, filling each group from its end with the
  // hits taken last to first, its beginning — and each group stays in ascending order.
  std::uint32_t run = 0;
  for (std::size_t id = 0; id < terms_.size(); ++id) hits.offsets[id] = run += hits.offsets[id];
  hits.offsets[terms_.size()] = run;
  hits.total = run;
  hits.starts.resize(run);
  for (auto it = order.rbegin(); it != order.rend(); ++it) hits.starts[--hits.offsets[it->second]] = it->first;
  return hits;
}

}  // namespace fazhi
