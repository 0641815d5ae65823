// Aho–Corasick over UTF-8 bytes: construction with a map-based trie, then a compact sorted-edge layout.
#include "match/term_matcher.h"

#include <algorithm>
#include <map>
#include <queue>
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
  // 1. Trie with ordered child maps.
  std::vector<std::map<unsigned char, std::int32_t>> children(1);
  std::vector<std::int32_t> term_at(1, -1);
  for (TermId id = 0; id < terms_.size(); ++id) {
    const std::string& t = terms_[id];
    if (t.empty()) continue;
    std::int32_t s = 0;
    for (unsigned char c : t) {
      auto it = children[s].find(c);
      if (it == children[s].end()) {
        std::int32_t n = static_cast<std::int32_t>(children.size());
        children[s].emplace(c, n);
        children.emplace_back();
        term_at.push_back(-1);
        s = n;
      } else {
        s = it->second;
      }
    }
    term_at[s] = static_cast<std::int32_t>(id);
  }
  // 2. Flatten edges.
  nodes_.assign(children.size(), Node{});
  edges_.clear();
  for (std::size_t s = 0; s < children.size(); ++s) {
    nodes_[s].term = term_at[s];
    nodes_[s].first_edge = static_cast<std::uint32_t>(edges_.size());
    nodes_[s].edge_count = static_cast<std::uint32_t>(children[s].size());
    for (auto [c, n] : children[s]) edges_.emplace_back(c, n);
  }
  root_next_.assign(256, 0);
  for (auto [c, n] : children[0]) root_next_[c] = n;
  built_ = true;
  // 3. Failure links, breadth first.
  std::queue<std::int32_t> q;
  for (auto [c, n] : children[0]) {
    nodes_[n].fail = 0;
    q.push(n);
  }
  while (!q.empty()) {
    std::int32_t s = q.front();
    q.pop();
    for (auto [c, n] : children[s]) {
      std::int32_t f = nodes_[s].fail;
      nodes_[n].fail = Next(f, c);
      if (nodes_[n].fail == n) nodes_[n].fail = 0;
      std::int32_t fl = nodes_[n].fail;
      nodes_[n].out_link = nodes_[fl].term >= 0 ? fl : nodes_[fl].out_link;
      q.push(n);
    }
  }
}

std::int32_t TermMatcher::Next(std::int32_t state, unsigned char c) const {
  while (true) {
    if (state == 0) return root_next_[c];
    const Node& n = nodes_[state];
    auto begin = edges_.begin() + n.first_edge;
    auto end = begin + n.edge_count;
    auto it = std::lower_bound(begin, end, c, [](const auto& e, unsigned char v) { return e.first < v; });
    if (it != end && it->first == c) return it->second;
    state = n.fail;
  }
}

Hits TermMatcher::Scan(std::string_view text) const {
  if (!built_) throw std::logic_error("TermMatcher::Scan before Build");
  Hits hits;
  hits.starts.resize(terms_.size());
  std::int32_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    s = Next(s, static_cast<unsigned char>(text[i]));
    for (std::int32_t o = nodes_[s].term >= 0 ? s : nodes_[s].out_link; o > 0; o = nodes_[o].out_link) {
      TermId id = static_cast<TermId>(nodes_[o].term);
      std::uint32_t len = static_cast<std::uint32_t>(terms_[id].size());
      std::uint32_t start = static_cast<std::uint32_t>(i + 1 - len);
      // Only whole UTF-8 characters: a match must not start on a continuation byte.
      if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
      if (hits.starts[id].empty()) hits.present.push_back(id);
      hits.starts[id].push_back(start);
      ++hits.total;
    }
  }
  return hits;
}

}  // namespace fazhi
