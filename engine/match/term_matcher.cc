// Aho–Corasick over characters (the usual case) or, as a fallback, over UTF-8 bytes: a trie built from the terms
// in sorted order, then a compact layout (breadth-first states for characters, sorted edges for bytes).
#include "match/term_matcher.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <variant>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fazhi {

namespace {

// Unit keys: one number for each distinct byte sequence a unit can be, in four ranges by the length of the
// character (the bits after the length marks, so overlong forms do not share a key with the short form), then the
// bytes that are no character (continuation bytes on their own, F8..FF, lead bytes without their continuation).
constexpr std::uint32_t kTwoByteKeys = 0x80, kThreeByteKeys = 0x880, kFourByteKeys = 0x10880,
                        kLoneByteKeys = 0x210880;

// The unit at p[i] (i < n): its key, and its length in `len`. `cut` is set when a lead byte's continuation bytes
// run past n: the unit is then the lead byte alone, where a longer text could complete the character.
inline std::uint32_t UnitKey(const unsigned char* p, std::size_t i, std::size_t n, std::size_t& len, bool& cut) {
  const std::uint32_t b = p[i];
  len = 1;
  if (b < 0x80) return b;
  std::size_t need;
  std::uint32_t base, bits;
  if ((b & 0xE0) == 0xC0) {
    need = 1, base = kTwoByteKeys, bits = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    need = 2, base = kThreeByteKeys, bits = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    need = 3, base = kFourByteKeys, bits = b & 0x07;
  } else {
    return kLoneByteKeys + b;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= n) {
      cut = true;
      return kLoneByteKeys + b;
    }
    if ((p[i + k] & 0xC0) != 0x80) return kLoneByteKeys + b;
    bits = bits << 6 | (p[i + k] & 0x3Fu);
  }
  len = need + 1;
  return base + bits;
}

// A trie of terms inserted in sorted order (`order`: ids sorted by their units): a node's children are created in
// ascending unit order, and the only child a later term can share is the last one created (no map per node, no
// search). `units(id)` is a term's sequence of units: bytes for the byte automaton, character ids for the other.
struct TrieNode {
  std::int32_t first_child = -1, last_child = -1, next_sibling = -1, term = -1;
  std::uint32_t unit = 0;
};
template <class Units>
std::vector<TrieNode> SortedTrie(const std::vector<TermId>& order, Units units) {
  std::vector<TrieNode> trie(1);
  for (TermId id : order) {
    std::int32_t s = 0;
    for (auto c : units(id)) {
      const std::int32_t last = trie[s].last_child;
      if (last >= 0 && trie[last].unit == c) {
        s = last;
        continue;
      }
      const auto n = static_cast<std::int32_t>(trie.size());
      trie.push_back(TrieNode{});
      trie[n].unit = c;
      if (last >= 0)
        trie[last].next_sibling = n;
      else
        trie[s].first_child = n;
      trie[s].last_child = n;
      s = n;
    }
    trie[s].term = static_cast<std::int32_t>(id);
  }
  return trie;
}

// Bytes of tables a scan asks for ahead of its steps: all of the shipped packs' (~120 KB), the shallow states of a
// large pack's.
constexpr std::size_t kWarmBytes = 160 * 1024;

// Where the pair of unit ids (before, then) falls in CharAutomaton::pairs: a multiplicative hash, its top bits.
inline std::uint32_t PairBit(std::uint32_t before, std::uint32_t then, int shift) {
  return ((before * 0x9E3779B1u) ^ then) * 0x85EBCA77u >> shift;
}

// The character automaton in one layout: `State` numbers the states, `Unit` the unit ids (16 or 32 bits each). States
// are numbered breadth first, so a state's children are consecutive (first .. first + count) and the shallow
// states the text visits most share cache lines.
template <class State>
struct CharNode {
  State fail = 0;
  State emit = 0;   // this state or the first one on its failure chain that ends a term; 0: none
  State first = 0;  // first child
  State count = 0;  // children
};
template <class State, class Unit>
struct CharAutomaton {
  std::vector<Unit> pages;   // unit key >> 6 -> block (block 0: all ids 0)
  std::vector<Unit> blocks;  // blocks of 64 ids by unit key & 63
  std::vector<State> root;   // id -> child of the root (0: none)
  std::vector<CharNode<State>> nodes;
  std::vector<Unit> unit;          // the id of the unit that leads into each state
  std::vector<std::int32_t> term;  // the term ending at each state, -1: none
  std::vector<State> out_link;     // next state on the failure chain that ends a term
  // What a scan asks for ahead (ScanChars): the states [0, warm_states) and the ids [0, warm_units) of their
  // children, within kWarmBytes with the unit table and the root's row.
  std::size_t warm_states = 0, warm_units = 0;
  std::size_t max_outputs = 0;  // the most terms that end at one unit (states on an out-link chain)
  // The pairs of units that follow each other in some term, hashed into a set of bits (PairBit): where the pair a
  // text's unit and the one before make is not in it, no state but the root has a move for the unit, and the step
  // is the root's move.
  std::vector<std::uint64_t> pairs;
  int pair_shift = 32;

  std::size_t Bytes() const {
    return (pages.size() + blocks.size() + unit.size()) * sizeof(Unit) +
           (root.size() + out_link.size()) * sizeof(State) + nodes.size() * sizeof(nodes[0]) +
           term.size() * sizeof(term[0]) + pairs.size() * sizeof(pairs[0]);
  }
};

}  // namespace

// 16-bit states and ids (the shipped packs: ~5,500 states, ~800 units), 32-bit states (a pack with many terms:
// bench/run's x16n has 84,425 states, 6,963 units), or both 32-bit (more than 65,534 distinct units; never fewer
// states than units, each unit leads into a state). One 32-bit layout for all would cost the shipped packs' scan
// 3.5 % more instructions and 38 % more first-level cache misses (callgrind); 32-bit ids for x16n cost it 1.6 % and
// 11 %.
struct TermMatcher::CharTables {
  std::variant<CharAutomaton<std::uint16_t, std::uint16_t>, CharAutomaton<std::uint32_t, std::uint16_t>,
               CharAutomaton<std::uint32_t, std::uint32_t>>
      a;
};

namespace {

// States and outputs of `a` from the trie (numbered `number`, breadth-first order `bfs`), the unit table from the
// 32-bit one Build made.
template <class State, class Unit>
void FillChars(CharAutomaton<State, Unit>& a, const std::vector<TrieNode>& trie, const std::vector<std::int32_t>& bfs,
               const std::vector<std::uint32_t>& number, const std::vector<std::uint32_t>& pages,
               const std::vector<std::uint32_t>& blocks, std::size_t units) {
  a.pages.assign(pages.begin(), pages.end());
  a.blocks.assign(blocks.begin(), blocks.end());
  const std::size_t states = trie.size();
  a.nodes.assign(states, CharNode<State>{});
  a.unit.assign(states + 8, 0);  // 8 ids more: Scan reads 8 from a state's first child on (and masks off the rest)
  a.term.assign(states, -1);
  a.out_link.assign(states, 0);
  for (std::size_t v = 0; v < states; ++v) {
    const TrieNode& b = trie[bfs[v]];
    a.unit[v] = static_cast<Unit>(b.unit);
    a.term[v] = b.term;
    if (b.first_child >= 0) {
      a.nodes[v].first = static_cast<State>(number[b.first_child]);
      a.nodes[v].count = static_cast<State>(number[b.last_child] - number[b.first_child] + 1);
    }
  }
  a.root.assign(units + 1, 0);
  for (std::uint32_t w = a.nodes[0].first; w < a.nodes[0].first + a.nodes[0].count; ++w)
    a.root[a.unit[w]] = static_cast<State>(w);
  // Failure links and outputs, breadth first: a child's failure target is found from its parent's, which is
  // shallower and done.
  auto next = [&](std::uint32_t s, Unit c) -> State {
    while (true) {
      if (s == 0) return a.root[c];
      const CharNode<State>& n = a.nodes[s];
      const Unit* first = a.unit.data() + n.first;
      const Unit* end = first + n.count;
      const Unit* it = std::lower_bound(first, end, c);
      if (it != end && *it == c) return static_cast<State>(it - a.unit.data());
      s = n.fail;
    }
  };
  for (std::size_t v = 0; v < states; ++v)
    for (std::uint32_t w = a.nodes[v].first; w < a.nodes[v].first + a.nodes[v].count; ++w) {
      const State f = v == 0 ? 0 : next(a.nodes[v].fail, a.unit[w]);
      a.nodes[w].fail = f;
      a.out_link[w] = a.term[f] >= 0 ? f : a.out_link[f];
      a.nodes[w].emit = a.term[w] >= 0 ? static_cast<State>(w) : a.out_link[w];
    }
  std::vector<std::uint32_t> outputs(states, 0);  // per state, the terms ending there (breadth first: out-links done)
  a.max_outputs = 0;
  for (std::size_t w = 1; w < states; ++w) {
    outputs[w] = (a.term[w] >= 0 ? 1 : 0) + outputs[a.out_link[w]];
    a.max_outputs = std::max<std::size_t>(a.max_outputs, outputs[w]);
  }
  // Every pair of units one after the other in a term is a parent (not the root) and its child: 8 bits a pair or
  // more (a false hit is a slower step, not a wrong one).
  std::size_t pair_count = 0;
  for (std::size_t v = 1; v < states; ++v) pair_count += a.nodes[v].count;
  const std::size_t bits = std::bit_ceil(std::clamp<std::size_t>(pair_count * 8, 4096, std::size_t{1} << 31));
  a.pair_shift = 32 - std::countr_zero(bits);
  a.pairs.assign(bits / 64, 0);
  for (std::size_t v = 1; v < states; ++v)
    for (std::uint32_t w = a.nodes[v].first; w < a.nodes[v].first + a.nodes[v].count; ++w) {
      const std::uint32_t bit = PairBit(a.unit[v], a.unit[w], a.pair_shift);
      a.pairs[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
  // The most states whose rows and children's ids fit the budget left by the unit table and the root's row.
  const std::size_t small = (a.pages.size() + a.blocks.size()) * sizeof(Unit) + a.root.size() * sizeof(State) +
                            a.pairs.size() * sizeof(std::uint64_t);
  const std::size_t budget = kWarmBytes - std::min(kWarmBytes, small);
  std::size_t reach = 0;  // states numbered below: the children of the states counted so far
  a.warm_states = a.warm_units = 0;
  for (std::size_t v = 0; v < states; ++v) {
    const std::size_t children = std::max<std::size_t>(reach, a.nodes[v].first + a.nodes[v].count);
    const std::size_t bytes = (v + 1) * (sizeof(CharNode<State>) + sizeof(State) + sizeof(std::int32_t)) +
                              children * sizeof(Unit);
    if (bytes > budget) break;
    reach = children;
    a.warm_states = v + 1;
    a.warm_units = std::max(reach, a.warm_states);
  }
}

// The scan over characters (any layout): counts each term's hits in `counts`, appends a term to `present` at its
// first and every hit to `order`, as Scan describes.
template <class State, class Unit>
void ScanChars(const CharAutomaton<State, Unit>& a, const std::uint32_t* lengths, std::size_t terms,
               std::string_view text, std::uint32_t* counts, std::vector<TermId>& present,
               std::vector<std::pair<std::uint32_t, TermId>>& order) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Unit* pages = a.pages.data();
  const std::size_t page_count = a.pages.size();
  const Unit* blocks = a.blocks.data();
  const State* root = a.root.data();
  const CharNode<State>* nodes = a.nodes.data();
  const Unit* unit = a.unit.data();
  // The tables are cold at every text: between two scans a report's evaluation, rendering and the next report's
  // reading go through megabytes, and the automaton's steps are a chain of dependent loads, so each table line
  // missed costs a full trip to memory in turn (the pass over the ids ran 2.5× slower in a check than in a loop of
  // scans). Asked for all at once here they arrive in parallel while the first chunk is decoded. Within a budget:
  // the shallow states first (numbered breadth first, they take most of the steps), then what a hit reads.
  {
    std::size_t budget = kWarmBytes;
    auto warm = [&budget](const void* table, std::size_t bytes) {
      bytes = std::min(bytes, budget);
      budget -= bytes;
      const char* c = static_cast<const char*>(table);
      for (std::size_t o = 0; o < bytes; o += 64) __builtin_prefetch(c + o);
    };
    warm(pages, a.pages.size() * sizeof(Unit));
    warm(blocks, a.blocks.size() * sizeof(Unit));
    warm(root, a.root.size() * sizeof(State));
    warm(a.pairs.data(), a.pairs.size() * sizeof(std::uint64_t));
    warm(nodes, a.warm_states * sizeof(CharNode<State>));
    warm(a.out_link.data(), a.warm_states * sizeof(State));
    warm(a.term.data(), a.warm_states * sizeof(std::int32_t));
    warm(unit, a.warm_units * sizeof(Unit));  // their children's ids
    warm(lengths, terms * sizeof(std::uint32_t));
    warm(counts, terms * sizeof(std::uint32_t));
  }
  // One transition: the child of s for unit c, or of the first state on its failure chain that has one.
  auto step = [&](std::uint32_t s, Unit c) __attribute__((always_inline)) {
    while (true) {
      if (s == 0) return std::uint32_t{root[c]};
      const CharNode<State>& node = nodes[s];
      const Unit* first = unit + node.first;
#if defined(__SSE2__)
      if (node.count <= 8) {  // all but a few states: the children's ids compared at once, one branch on the answer
        __m128i eq;           // eight 16-bit lanes, all ones where the child's id is c
        if constexpr (sizeof(Unit) == 2) {
          eq = _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(first)),
                               _mm_set1_epi16(static_cast<short>(c)));
        } else {  // two compares of four, packed into the same eight lanes
          const __m128i key = _mm_set1_epi32(static_cast<int>(c));
          eq = _mm_packs_epi32(_mm_cmpeq_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(first)), key),
                               _mm_cmpeq_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(first + 4)), key));
        }
        const std::uint32_t found = static_cast<std::uint32_t>(_mm_movemask_epi8(eq)) & ((1u << (2 * node.count)) - 1);
        if (found != 0) return node.first + static_cast<std::uint32_t>(__builtin_ctz(found)) / 2;
      } else {
#else
      if (node.count == 1) {  // most states below the first character: one child
        if (*first == c) return std::uint32_t{node.first};
      } else if (node.count > 1) {
#endif
        // The last child not above c, without a branch per halving (a binary search's branches are coin flips).
        const Unit* it = first;
        for (std::uint32_t len = node.count; len > 1;) {
          const std::uint32_t half = len / 2;
          it = it[half] <= c ? it + half : it;
          len -= half;
        }
        if (*it == c) return static_cast<std::uint32_t>(it - unit);
      }
      s = node.fail;
    }
  };
  // The text goes through three passes a chunk of units at a time, each pass a short loop whose values stay in
  // registers: the units' ids (and where each ends), the automaton over the ids, the terms that end at each unit.
  // In one loop (before) the automaton's steps waited on the decoding's branches and spilled values, and a call
  // for every unit that ends a term broke it up.
  constexpr std::size_t kChunk = 1024;
  // An entry of pass 2: the unit's index in the chunk above the first state on its out-links.
  using Entry = std::conditional_t<sizeof(State) == 2, std::uint32_t, std::uint64_t>;
  constexpr int kShift = 8 * sizeof(State);
  Unit ids[kChunk];
  std::uint32_t ends[kChunk];
  Entry emits[kChunk];
  const std::size_t fast_end = n > 3 ? n - 3 : 0;  // from here on fewer than four bytes are left
  std::uint32_t s = 0;
  std::uint32_t before = 0;  // the unit before (0: none, or no term's)
  const std::uint64_t* pairs = a.pairs.data();
  const int pair_shift = a.pair_shift;
  for (std::size_t i = 0; i < n;) {
    // 1. Ids. ASCII and valid three-byte characters (Han, CJK punctuation), four bytes read at once, by one lookup
    //    (the pages cover every three-byte key, Build, so it needs no bounds check), in a loop of their own that
    //    tests the three-byte form first (nineteen units in twenty of a report); anything else, and the last three
    //    bytes, by UnitKey.
    std::size_t m = 0;
    while (m < kChunk && i < n) {
      for (; m < kChunk && i < fast_end; ++m) {
        std::uint32_t w;  // the next four bytes, the first in the low byte
        std::memcpy(&w, p + i, 4);
        if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
        std::uint32_t page, low;
        if ((w & 0xC0C0F0u) == 0x8080E0u) {
          page = (kThreeByteKeys >> 6) + ((w & 0x0F) << 6 | (w >> 8 & 0x3F));
          low = w >> 16 & 0x3F;
          i += 3;
        } else if ((w & 0x80) == 0) {
          page = w >> 6 & 1;
          low = w & 0x3F;
          i += 1;
        } else {
          break;
        }
        ids[m] = blocks[std::size_t{pages[page]} * 64 + low];
        ends[m] = static_cast<std::uint32_t>(i);
      }
      if (m == kChunk || i >= n) break;
      std::size_t len;
      bool cut = false;
      const std::uint32_t key = UnitKey(p, i, n, len, cut);
      i += len;
      ids[m] = key >> 6 < page_count ? blocks[std::size_t{pages[key >> 6]} * 64 + (key & 63)] : 0;
      ends[m++] = static_cast<std::uint32_t>(i);
    }
    // 2. The automaton. A unit no term contains sends it to the root (no term spans it). Where a state ends a term,
    //    an entry is kept: written for every unit, the cursor moved on only then (no branch).
    //    Where the unit and the one before are no pair of a term's (half the units of a report), the step is the
    //    root's move, whatever the state: no chain of loads through the states, no failure links. Id 0 (no term's
    //    unit) is in no pair and leads from the root to the root (where its bit is some pair's, the step walks
    //    the failure links to the root).
    std::size_t k = 0;
    for (std::size_t j = 0; j < m; ++j) {
      const Unit c = ids[j];
      const std::uint32_t bit = PairBit(before, c, pair_shift);
      if (pairs[bit >> 6] >> (bit & 63) & 1)
        s = step(s, c);
      else
        s = root[c];
      before = c;
      const State emit = nodes[s].emit;
      emits[k] = static_cast<Entry>(j) << kShift | emit;
      k += emit != 0;
    }
    // 3. The terms ending at each such unit, from its state along the out-links. Every term starts a unit and so
    //    on a character boundary (or a byte no character): no check. Written through pointers into room made
    //    for the most a chunk can find (no capacity check a hit), a term's id into `present` every time and the
    //    cursor moved on only at its first hit (no branch: which hit is a term's first is a coin flip).
    if (k == 0) continue;
    std::size_t room = k * a.max_outputs;  // the shipped packs: at most 4 terms end at one unit
    if (room > 4 * kChunk) {  // terms nested deep (a pack's own): the chunk's count exactly, one walk more
      room = 0;
      for (std::size_t e = 0; e < k; ++e)
        for (auto o = static_cast<State>(emits[e]); o != 0; o = a.out_link[o]) ++room;
    }
    const std::size_t had_order = order.size(), had_present = present.size();
    order.resize(had_order + room);
    present.resize(had_present + room);
    std::pair<std::uint32_t, TermId>* hit = order.data() + had_order;
    TermId* first = present.data() + had_present;
    for (std::size_t e = 0; e < k; ++e) {
      const std::uint32_t end = ends[emits[e] >> kShift];
      for (auto o = static_cast<State>(emits[e]); o != 0; o = a.out_link[o]) {
        const auto id = static_cast<TermId>(a.term[o]);
        *first = id;
        first += counts[id]++ == 0;
        *hit++ = {end - lengths[id], id};
      }
    }
    order.resize(static_cast<std::size_t>(hit - order.data()));
    present.resize(static_cast<std::size_t>(first - present.data()));
  }
}

}  // namespace

TermId TermMatcher::Add(std::string_view term) {
  if (built_) throw std::logic_error("TermMatcher::Add after Build");
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  TermId id = static_cast<TermId>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(terms_.back(), id);
  return id;
}

void TermMatcher::Build() {
  lengths_.clear();
  for (const std::string& t : terms_) lengths_.push_back(static_cast<std::uint32_t>(t.size()));
  if (!BuildChars()) BuildBytes();
  built_ = true;
}

// The character automaton, unless a term ends inside a character (its last unit would be cut: in a text the same
// bytes can be the start of a longer character, which the byte automaton finds and a character automaton would
// not): false, and Build falls back to the bytes.
bool TermMatcher::BuildChars() {
  chars_.reset();
  // 1. Each term as the keys of its units. A term that starts with a continuation byte never starts on a character
  //    boundary: it has no hit and no place in the automaton.
  std::vector<std::uint32_t> keys;
  std::vector<std::uint32_t> begin(terms_.size() + 1, 0);
  std::vector<TermId> order;
  order.reserve(terms_.size());
  for (TermId id = 0; id < terms_.size(); ++id) {
    begin[id] = static_cast<std::uint32_t>(keys.size());
    const std::string& t = terms_[id];
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    if (t.empty() || (p[0] & 0xC0) == 0x80) continue;
    bool cut = false;
    for (std::size_t i = 0, len = 0; i < t.size(); i += len) keys.push_back(UnitKey(p, i, t.size(), len, cut));
    if (cut) return false;
    order.push_back(id);
  }
  begin[terms_.size()] = static_cast<std::uint32_t>(keys.size());
  // 2. Unit ids 1.. in key order, and the two-level table from a key to its id: the keys marked in a set of 64-bit
  //    words, one word a block of the table, then numbered word by word (sorting all the keys, before, was most of
  //    Build with a large pack).
  std::uint32_t max_key = 0;
  for (std::uint32_t k : keys) max_key = std::max(max_key, k);
  std::vector<std::uint64_t> seen(std::size_t{max_key} / 64 + 1, 0);
  for (std::uint32_t k : keys) seen[k >> 6] |= std::uint64_t{1} << (k & 63);
  // Pages for every key up to the last three-byte one at least, so Scan looks up a three-byte character unchecked.
  constexpr std::size_t kThreeBytePages = (kFourByteKeys >> 6);
  std::vector<std::uint32_t> pages(std::max(kThreeBytePages, seen.size()), 0);
  std::vector<std::uint32_t> blocks(64, 0);
  std::uint32_t unit_count = 0;
  for (std::size_t page = 0; page < seen.size(); ++page) {
    if (seen[page] == 0) continue;
    pages[page] = static_cast<std::uint32_t>(blocks.size() / 64);
    blocks.resize(blocks.size() + 64, 0);
    for (std::uint64_t bits = seen[page]; bits != 0; bits &= bits - 1)
      blocks[std::size_t{pages[page]} * 64 + static_cast<std::size_t>(std::countr_zero(bits))] = ++unit_count;
  }
  for (std::uint32_t& k : keys) k = blocks[std::size_t{pages[k >> 6]} * 64 + (k & 63)];
  // 3. Trie from the terms in unit order, sorted by their first two units as one number and only where those are
  //    the same by the rest (a comparison through two tables for every pair, before: a third of Build). Ids are
  //    1..: a missing second unit is 0, so a one-unit term comes before the longer ones it begins.
  auto units = [&](TermId id) {
    return std::span<const std::uint32_t>(keys.data() + begin[id], begin[id + 1] - begin[id]);
  };
  std::vector<std::pair<std::uint64_t, TermId>> by_prefix;
  by_prefix.reserve(order.size());
  for (TermId id : order) {
    const auto u = units(id);
    by_prefix.emplace_back(std::uint64_t{u[0]} << 32 | (u.size() > 1 ? u[1] : 0), id);
  }
  std::sort(by_prefix.begin(), by_prefix.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    const auto ux = units(x.second), uy = units(y.second);
    return std::lexicographical_compare(ux.begin() + std::min<std::size_t>(2, ux.size()), ux.end(),
                                        uy.begin() + std::min<std::size_t>(2, uy.size()), uy.end());
  });
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = by_prefix[i].second;
  const std::vector<TrieNode> trie = SortedTrie(order, units);
  // 4. States numbered breadth first: a state's children are consecutive, in unit order.
  std::vector<std::int32_t> bfs{0};
  bfs.reserve(trie.size());
  std::vector<std::uint32_t> number(trie.size(), 0);
  for (std::size_t head = 0; head < bfs.size(); ++head)
    for (std::int32_t n = trie[bfs[head]].first_child; n >= 0; n = trie[n].next_sibling) {
      number[n] = static_cast<std::uint32_t>(bfs.size());
      bfs.push_back(n);
    }
  // 5. The narrowest layout that numbers them (id 0xFFFF stays unused, as the 16-bit tables always had it).
  auto tables = std::make_shared<CharTables>();
  auto fill = [&](auto& a) { FillChars(a, trie, bfs, number, pages, blocks, unit_count); };
  if (trie.size() <= 0xFFFF && unit_count < 0xFFFF)
    fill(tables->a.emplace<CharAutomaton<std::uint16_t, std::uint16_t>>());
  else if (unit_count < 0xFFFF)
    fill(tables->a.emplace<CharAutomaton<std::uint32_t, std::uint16_t>>());
  else
    fill(tables->a.emplace<CharAutomaton<std::uint32_t, std::uint32_t>>());
  chars_ = std::move(tables);
  return true;
}

std::size_t TermMatcher::states() const {
  if (chars_) return std::visit([](const auto& a) { return a.nodes.size(); }, chars_->a);
  return nodes_.size();
}

std::size_t TermMatcher::units() const {
  if (chars_) return std::visit([](const auto& a) { return a.root.size() - 1; }, chars_->a);
  return 0;
}

std::size_t TermMatcher::table_bytes() const {
  if (chars_) return std::visit([](const auto& a) { return a.Bytes(); }, chars_->a);
  return nodes_.size() * sizeof(Node) + edges_.size() * sizeof(edges_[0]) + (root_next_.size() + dense_.size()) * 4;
}

void TermMatcher::BuildBytes() {
  // 1. Trie built from the terms in byte order.
  std::vector<TermId> order;
  order.reserve(terms_.size());
  for (TermId id = 0; id < terms_.size(); ++id)
    if (!terms_[id].empty()) order.push_back(id);
  std::sort(order.begin(), order.end(), [&](TermId a, TermId b) { return terms_[a] < terms_[b]; });  // as bytes
  const std::vector<TrieNode> trie = SortedTrie(order, [&](TermId id) {
    return std::span(reinterpret_cast<const unsigned char*>(terms_[id].data()), terms_[id].size());
  });
  // 2. Flatten edges (each node's children are a sorted run of edges_).
  nodes_.assign(trie.size(), Node{});
  edges_.clear();
  edges_.reserve(trie.size() - 1);
  for (std::size_t s = 0; s < trie.size(); ++s) {
    nodes_[s].term = trie[s].term;
    nodes_[s].first_edge = static_cast<std::uint32_t>(edges_.size());
    for (std::int32_t n = trie[s].first_child; n >= 0; n = trie[n].next_sibling)
      edges_.emplace_back(static_cast<unsigned char>(trie[n].unit), n);
    nodes_[s].edge_count = static_cast<std::uint32_t>(edges_.size()) - nodes_[s].first_edge;
  }
  // Nodes with many children (the second byte of a CJK character, mostly) get a dense row: one load instead of a
  // binary search for every byte of the text that passes through them. Once the failure links are known the rows
  // are completed (step 4), so a dense node never walks its failure chain. Rows for every node with two children
  // or within a term's first character (~1,000 rows, 1 MiB with the shipped rules) took 11 % fewer instructions
  // but more CPU time than these ~160 (cache misses): the count is kept as it was; kDenseDepth can widen it.
  constexpr std::uint32_t kDenseEdges = 4, kDenseDepth = 0;
  std::vector<std::uint8_t> depth(trie.size(), 0);
  for (std::size_t s = 0; s < trie.size(); ++s)
    for (std::int32_t n = trie[s].first_child; n >= 0; n = trie[n].next_sibling)
      depth[n] = static_cast<std::uint8_t>(std::min(depth[s] + 1, 255));  // children come after their parent
  dense_.clear();
  for (std::size_t s = 1; s < nodes_.size(); ++s) {
    Node& node = nodes_[s];
    if (node.edge_count == 0 || (node.edge_count < kDenseEdges && depth[s] > kDenseDepth)) continue;
    node.dense = static_cast<std::int32_t>(dense_.size() / 256);
    dense_.resize(dense_.size() + 256, -1);
    for (std::uint32_t e = node.first_edge; e < node.first_edge + node.edge_count; ++e)
      dense_[static_cast<std::size_t>(node.dense) * 256 + edges_[e].first] = edges_[e].second;
  }
  root_next_.assign(256, 0);
  for (std::int32_t n = trie[0].first_child; n >= 0; n = trie[n].next_sibling)
    root_next_[static_cast<unsigned char>(trie[n].unit)] = n;
  // 3. Failure links, breadth first.
  std::vector<std::int32_t> queue;
  queue.reserve(trie.size());
  for (std::int32_t n = trie[0].first_child; n >= 0; n = trie[n].next_sibling) {
    nodes_[n].fail = 0;
    queue.push_back(n);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    std::int32_t s = queue[head];
    for (std::uint32_t e = nodes_[s].first_edge; e < nodes_[s].first_edge + nodes_[s].edge_count; ++e) {
      auto [c, n] = edges_[e];
      std::int32_t f = nodes_[s].fail;
      nodes_[n].fail = Next(f, c);
      if (nodes_[n].fail == n) nodes_[n].fail = 0;
      std::int32_t fl = nodes_[n].fail;
      nodes_[n].out_link = nodes_[fl].term >= 0 ? fl : nodes_[fl].out_link;
      queue.push_back(n);
    }
  }
  // 4. Complete the dense rows: a byte with no child goes where the failure chain would take it. Breadth first, so
  //    a node's failure target (shallower) is complete before the node's own row is filled from it.
  for (std::int32_t s : queue) {
    const Node& node = nodes_[s];
    if (node.dense < 0) continue;
    std::int32_t* row = &dense_[static_cast<std::size_t>(node.dense) * 256];
    for (int c = 0; c < 256; ++c)
      if (row[c] < 0) row[c] = Next(node.fail, static_cast<unsigned char>(c));
  }
}

std::int32_t TermMatcher::Next(std::int32_t state, unsigned char c) const {
  while (true) {
    if (state == 0) return root_next_[c];
    const Node& n = nodes_[state];
    if (n.dense >= 0) {
      std::int32_t next = dense_[static_cast<std::size_t>(n.dense) * 256 + c];
      if (next >= 0) return next;  // always, once Build has completed the rows
      state = n.fail;
      continue;
    }
    if (n.edge_count == 1) {  // most nodes deeper than the first character: one child
      const auto& e = edges_[n.first_edge];
      if (e.first == c) return e.second;
      state = n.fail;
      continue;
    }
    auto begin = edges_.begin() + n.first_edge;
    auto end = begin + n.edge_count;
    auto it = std::lower_bound(begin, end, c, [](const auto& e, unsigned char v) { return e.first < v; });
    if (it != end && it->first == c) return it->second;
    state = n.fail;
  }
}

namespace {
// This thread's spare group table for Hits (all zeros): taken by a scan, given back by the Hits' destructor.
thread_local std::vector<std::uint32_t> spare_groups;
}  // namespace

Hits::~Hits() {
  if (group_.empty()) return;
  for (TermId id : touched_) group_[id] = 0;
  if (spare_groups.capacity() < group_.capacity()) spare_groups = std::move(group_);
}

Hits TermMatcher::Scan(std::string_view text) const {
  if (!built_) throw std::logic_error("TermMatcher::Scan before Build");
  Hits hits;
  // First each term's count of hits; only the terms in `touched_` get one (the destructor clears exactly those,
  // whatever is thrown on the way).
  hits.group_ = std::move(spare_groups);
  spare_groups.clear();
  hits.group_.resize(terms_.size());
  // Every hit in the order found (by end offset), before the counting sort groups them by term.
  thread_local std::vector<std::pair<std::uint32_t, TermId>> order;
  order.clear();
  std::uint32_t* counts = hits.group_.data();
  if (chars_)
    std::visit([&](const auto& a) { ScanChars(a, lengths_.data(), size(), text, counts, hits.touched_, order); },
               chars_->a);
  else
    ScanBytes(text, counts, hits.touched_, order);
  // Counting sort over the terms that occur: group k (the k-th term found) gets its count of places after group
  // k − 1's, the term's entry becomes k + 1, and the hits, taken in the order found, fill each group in ascending
  // order (a term's hits end, and so start, in ascending order).
  const std::size_t groups = hits.touched_.size();
  hits.ends_.resize(groups + 1);
  thread_local std::vector<std::uint32_t> next;  // where each group's next hit goes
  next.resize(groups);
  std::uint32_t run = 0;
  hits.ends_[0] = 0;
  for (std::size_t k = 0; k < groups; ++k) {
    const TermId id = hits.touched_[k];
    next[k] = run;
    hits.ends_[k + 1] = run += counts[id];
    counts[id] = static_cast<std::uint32_t>(k + 1);
  }
  hits.total = run;
  hits.starts.resize(run);
  for (const auto& [start, id] : order) hits.starts[next[counts[id] - 1]++] = start;
  hits.present = hits.touched_;
  return hits;
}

void TermMatcher::ScanBytes(std::string_view text, std::uint32_t* counts, std::vector<TermId>& present,
                            std::vector<std::pair<std::uint32_t, TermId>>& order) const {
  const Node* nodes = nodes_.data();
  // The terms ending at byte i, from state o along the out-links: out of line, so the byte loop keeps its values in
  // registers.
  auto record = [&](std::int32_t o, std::size_t i) __attribute__((noinline)) {
    for (; o > 0; o = nodes[o].out_link) {
      TermId id = static_cast<TermId>(nodes[o].term);
      std::uint32_t start = static_cast<std::uint32_t>(i + 1) - lengths_[id];
      // Only whole UTF-8 characters: a match must not start on a continuation byte.
      if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
      if (counts[id]++ == 0) present.push_back(id);
      order.emplace_back(start, id);
    }
  };
  const std::int32_t* dense = dense_.data();
  const std::int32_t* root = root_next_.data();
  std::int32_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Next(s, c), inline: Build completed every dense row, so a dense node (and the root) answers in one load.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    while (true) {
      if (s == 0) {
        s = root[c];
        break;
      }
      const Node& n = nodes[s];
      if (n.dense >= 0) {
        s = dense[static_cast<std::size_t>(n.dense) * 256 + c];
        break;
      }
      const auto* e = edges_.data() + n.first_edge;
      if (n.edge_count == 1) {
        if (e->first == c) {
          s = e->second;
          break;
        }
      } else {
        const auto* end = e + n.edge_count;
        e = std::lower_bound(e, end, c, [](const auto& x, unsigned char v) { return x.first < v; });
        if (e != end && e->first == c) {
          s = e->second;
          break;
        }
      }
      s = n.fail;
    }
    if (const std::int32_t o = nodes[s].term >= 0 ? s : nodes[s].out_link; o > 0) record(o, i);
  }
}

}  // namespace fazhi
