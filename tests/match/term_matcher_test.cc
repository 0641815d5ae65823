// TermMatcher: every occurrence of every term, overlapping, on UTF-8 character boundaries — checked against a
// naive search on random texts.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "match/term_matcher.h"

using fazhi::TermMatcher;

TEST_CASE("matcher finds overlapping and nested terms", "[match]") {
  TermMatcher m;
  auto a = m.Add("区长");
  auto b = m.Add("副区长");
  auto c = m.Add("区长何");
  REQUIRE(m.Add("区长") == a);
  m.Build();
  std::string text = "区委副书记、区长何智能副区长";
  auto hits = m.Scan(text);
  // 区长 occurs twice (once inside 副区长), 副区长 once, 区长何 once.
  CHECK(hits.Of(a).size() == 2);
  CHECK(hits.Of(b).size() == 1);
  CHECK(hits.Of(c).size() == 1);
  CHECK(text.substr(hits.Of(c)[0], 9) == "区长何");
  CHECK(hits.total == 4);
}

TEST_CASE("matcher never matches across a character boundary", "[match]") {
  // "政" is E6 94 BF; a term made of the last two bytes of one character and the first of the next must not hit.
  TermMatcher m;
  std::string odd = std::string("\x94\xBF") + "\xE5";
  auto id = m.Add(odd);
  m.Build();
  auto hits = m.Scan("政府");
  CHECK(hits.Of(id).empty());
}

TEST_CASE("matcher agrees with naive search on random text", "[match]") {
  std::mt19937 rng(42);
  // Nine characters, and a wider set where many nodes have four or more children (the dense rows of Build).
  const std::vector<std::string> narrow = {"法", "治", "政", "府", "建", "设", "a", "1", "，"};
  const std::vector<std::string> wide = {"法", "治", "政", "府", "建", "设", "a", "b", "c", "d", "e", "1", "，", "。"};
  std::vector<std::string> alphabet = narrow;
  auto random_string = [&](int len) {
    std::string s;
    for (int i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 40; ++round) {
    if (round == 20) alphabet = wide;
    TermMatcher m;
    std::vector<std::string> terms;
    for (int i = 0; i < (round < 20 ? 30 : 200); ++i) terms.push_back(random_string(1 + static_cast<int>(rng() % 3)));
    std::vector<fazhi::TermId> ids;
    for (const auto& t : terms) ids.push_back(m.Add(t));
    m.Build();
    std::string text = random_string(400);
    auto hits = m.Scan(text);
    std::size_t total = 0;
    std::set<fazhi::TermId> occurring;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      std::vector<std::uint32_t> naive;
      for (std::size_t p = text.find(terms[i]); p != std::string::npos; p = text.find(terms[i], p + 1))
        if ((static_cast<unsigned char>(text[p]) & 0xC0) != 0x80) naive.push_back(static_cast<std::uint32_t>(p));
      REQUIRE(hits.Of(ids[i]) == naive);
      if (!naive.empty()) occurring.insert(ids[i]);
    }
    for (const auto& starts : hits.starts) total += starts.size();
    CHECK(hits.total == total);
    CHECK(std::set<fazhi::TermId>(hits.present.begin(), hits.present.end()) == occurring);
    CHECK(hits.present.size() == occurring.size());
  }
}

TEST_CASE("matcher with no terms scans safely", "[match]") {
  TermMatcher m;
  m.Build();
  auto hits = m.Scan("任意文本");
  CHECK(hits.total == 0);
}
