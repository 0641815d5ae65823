// TermMatcher: every literal term of every loaded rule in one Aho–Corasick automaton; a document is scanned once.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fazhi {

using TermId = std::uint32_t;

// An allocator whose resize leaves new elements uninitialized: Build writes every entry of the automaton's table, and
// zeroing its 5 MB first would be one more pass over memory on the start-up path of every check.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// All occurrences of all terms in one text, flat: the start offsets of term `id` are starts[offsets[id] ..
// offsets[id + 1]), ascending. Two arrays instead of one vector per term: a scan allocates three times, not once
// per term that occurs, and nothing per term that does not.
struct Hits {
  std::vector<std::uint32_t> starts;   // grouped by term, each group in ascending order
  std::vector<std::uint32_t> offsets;  // terms + 1 entries (empty when nothing was scanned)
  std::vector<TermId> present;         // the terms that occur, in the order of their first hit
  std::size_t total = 0;
  // Any id (one beyond the matcher's terms too) gives its starts, empty when it does not occur.
  std::span<const std::uint32_t> Of(TermId id) const {
    if (std::size_t{id} + 1 >= offsets.size()) return {};
    return {starts.data() + offsets[id], starts.data() + offsets[id + 1]};
  }
};

class TermMatcher {
 public:
  // Adds a term (UTF-8, non-empty) and returns its id; the same text always gets the same id.
  TermId Add(std::string_view term);
  // Builds the automaton. Must be called once after the last Add and before Scan.
  void Build();
  // Finds every (overlapping) occurrence of every term that starts on a UTF-8 character boundary.
  Hits Scan(std::string_view text) const;

  std::size_t size() const { return terms_.size(); }
  const std::string& Term(TermId id) const { return terms_[id]; }
  std::uint32_t Length(TermId id) const { return static_cast<std::uint32_t>(terms_[id].size()); }
  const std::vector<std::string>& terms() const { return terms_; }
  // The automaton's size after Build: states, byte classes (bytes no term contains are one class) and the bytes of
  // its transition table.
  std::size_t states() const { return states_; }
  std::size_t classes() const { return stride_ ? stride_ - 1 : 0; }
  std::size_t table_bytes() const { return table_.size() * sizeof(std::uint32_t); }

  // A term ending at a state, and the next one ending there too (a shorter term, its suffix), or -1. (Public only
  // for the out-of-line helper of Scan.)
  struct Output {
    TermId term;
    std::uint32_t length;
    std::int32_t next;
  };

 private:
  std::vector<std::string> terms_;
  std::unordered_map<std::string, TermId> ids_;
  // A complete DFA over byte classes: the row of a state is `stride_` entries from its offset; entry `class_[b]`
  // is the offset of the next state's row for byte b (failure links resolved at Build), the last entry the index
  // of the state's first Output (-1: none). States that end a term come last, from `match_from_` on, so the scan
  // tests one comparison per byte.
  std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>> table_;
  std::vector<Output> outputs_;
  std::uint8_t class_[256] = {};
  std::uint32_t stride_ = 0, match_from_ = 0;
  std::size_t states_ = 0;
  bool built_ = false;
};

}  // namespace fazhi
