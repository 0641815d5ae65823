// TermMatcher: every literal term of every loaded rule in one Aho–Corasick automaton; a document is scanned once.
// The automaton steps by character, not by byte: the terms are Han phrases, and an automaton over the ~800
// characters they use has a third of the byte automaton's states and a third of its steps, small enough to stay in
// the first two cache levels (the byte automaton's ~640 KB did not, and the scan waited on memory).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fazhi {

using TermId = std::uint32_t;

// All occurrences of all terms in one text, flat: the start offsets of the terms that occur, grouped by term (in
// the order of `present`), each group ascending. Two arrays instead of one vector per term: a scan allocates about
// a dozen times (the arrays growing), not once per term that occurs, and nothing per term that does not.
// Of(id) looks the group up in a table with an entry per term of the matcher; that table is this thread's spare
// one, all zeros, taken by Scan and given back zeroed by the destructor, which clears only the entries of the
// terms that occur: the work per text follows the hits, not the term count (bench/run's 16n packs: 33,928 terms,
// 200–350 of them in a report; zeroing and summing a count per term was half of that scan's instructions).
struct Hits {
  std::vector<std::uint32_t> starts;   // grouped by term in the order of `present`, each group ascending
  std::vector<TermId> present;         // the terms that occur, in the order of their first hit
  std::size_t total = 0;

  Hits() = default;
  Hits(const Hits&) = default;
  Hits(Hits&&) = default;
  Hits& operator=(const Hits&) = default;
  Hits& operator=(Hits&&) = default;
  ~Hits();

  // Any id (one beyond the matcher's terms too) gives its starts, empty when it does not occur.
  std::span<const std::uint32_t> Of(TermId id) const {
    if (id >= group_.size()) return {};
    const std::uint32_t g = group_[id];
    if (g == 0) return {};
    return {starts.data() + ends_[g - 1], starts.data() + ends_[g]};
  }

 private:
  friend class TermMatcher;
  // Per term id: 0, or 1 + its group (its index in `present`). Only the entries of `touched_` are non-zero (a
  // private copy of `present`, which callers could change: the table goes back to the thread's spare all zeros).
  std::vector<std::uint32_t> group_;
  std::vector<std::uint32_t> ends_;  // group k's starts are starts[ends_[k] .. ends_[k + 1]); ends_[0] = 0
  std::vector<TermId> touched_;
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
  // The automaton's states after Build (trie nodes, the root included).
  std::size_t states() const;
  // Whether Build chose the character automaton (false: the byte automaton, for terms that end inside a character).
  bool by_characters() const { return chars_ != nullptr; }
  // The character automaton's distinct units (the characters and stray bytes the terms contain); 0 for bytes.
  std::size_t units() const;
  // Bytes of the tables Scan reads (the automaton and, for characters, the character table).
  std::size_t table_bytes() const;

 private:
  // The character automaton (term_matcher.cc). A unit of text is a UTF-8 character or any other single byte; each
  // unit some term contains has an id. States and ids are numbered in 16 bits when they fit (the shipped packs,
  // the tables stay in the first two cache levels), in 32 otherwise: Build picks the layout, Scan dispatches once.
  // Shared and immutable after Build, so a TermMatcher stays copyable.
  struct CharTables;
  bool BuildChars();
  void BuildBytes();
  void ScanBytes(std::string_view text, std::uint32_t* counts, std::vector<TermId>& present,
                 std::vector<std::pair<std::uint32_t, TermId>>& order) const;

  struct Node {
    std::int32_t fail = 0;
    std::int32_t out_link = -1;  // next node on the fail chain that ends a term
    std::int32_t term = -1;      // term ending exactly here
    std::uint32_t first_edge = 0, edge_count = 0;  // into edges_ (sorted by byte) after Build
    std::int32_t dense = -1;  // a node with many children: its row in dense_ (256 entries, -1 = no such child)
  };
  std::int32_t Next(std::int32_t state, unsigned char c) const;

  std::vector<std::string> terms_;
  std::vector<std::uint32_t> lengths_;  // each term's length in bytes (Build): a hit's start without the string
  // Looked up by string_view: Add is called for every term of every rule (84,000 times with bench/run's x16n), and a
  // std::string made for each lookup was a sixth of its cost.
  struct TermHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, TermId, TermHash, std::equal_to<>> ids_;
  std::vector<Node> nodes_;
  std::vector<std::pair<unsigned char, std::int32_t>> edges_;
  std::vector<std::int32_t> root_next_;  // dense table for the root (256 entries)
  std::vector<std::int32_t> dense_;      // rows of 256 child states for the nodes with many children
  std::shared_ptr<const CharTables> chars_;  // null: the byte automaton
  bool built_ = false;
};

}  // namespace fazhi
