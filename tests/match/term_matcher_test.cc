// TermMatcher: every occurrence of every term, overlapping, on UTF-8 character boundaries, grouped by term in the
// flat Hits layout, with `present` in first-hit order — checked against a naive search on random texts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "evaluate/doc_builder.h"
#include "match/term_matcher.h"
#include "rules/rule_set.h"
#include "test_support.h"

using fazhi::Hits;
using fazhi::TermId;
using fazhi::TermMatcher;

namespace {

std::vector<std::uint32_t> Starts(const Hits& hits, TermId id) {
  auto s = hits.Of(id);
  return {s.begin(), s.end()};
}

// The reference: std::string::find for each term, keeping the starts on a character boundary; `present` is the
// order of the first hits by where they end, the longer first when two end at the same byte (the automaton reports
// a state's own term before the shorter ones on its failure chain).
struct Naive {
  std::vector<std::vector<std::uint32_t>> starts;
  std::vector<TermId> present;
  std::size_t total = 0;
};

Naive NaiveScan(const std::vector<std::string>& terms, const std::vector<TermId>& ids, std::string_view text) {
  Naive out;
  TermId n = 0;
  for (TermId id : ids) n = std::max(n, id + 1);
  out.starts.resize(n);
  std::vector<std::tuple<std::size_t, std::size_t, TermId>> first;  // end, −length, id
  for (std::size_t i = 0; i < terms.size(); ++i) {
    auto& starts = out.starts[ids[i]];
    if (!starts.empty()) continue;  // the same term added twice
    for (std::size_t p = text.find(terms[i]); p != std::string::npos; p = text.find(terms[i], p + 1))
      if ((static_cast<unsigned char>(text[p]) & 0xC0) != 0x80) starts.push_back(static_cast<std::uint32_t>(p));
    out.total += starts.size();
    if (!starts.empty()) first.emplace_back(starts[0] + terms[i].size(), ~terms[i].size(), ids[i]);
  }
  std::sort(first.begin(), first.end());
  for (const auto& f : first) out.present.push_back(std::get<2>(f));
  return out;
}

// The same answer for many terms: each substring from a character boundary, of each length some term has, looked up
// in a map of the terms (quick where NaiveScan, a search for each term, would take minutes).
Naive NaiveByLookup(const std::vector<std::string>& terms, const std::vector<TermId>& ids, std::string_view text) {
  Naive out;
  std::unordered_map<std::string_view, TermId> by_text;
  std::vector<std::size_t> lengths;
  TermId n = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    by_text.emplace(terms[i], ids[i]);
    lengths.push_back(terms[i].size());
    n = std::max(n, ids[i] + 1);
  }
  std::sort(lengths.begin(), lengths.end(), std::greater<>());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  out.starts.resize(n);
  std::vector<std::tuple<std::size_t, std::size_t, TermId>> first;  // end, −length, id
  for (std::size_t p = 0; p < text.size(); ++p) {
    if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;
    for (std::size_t len : lengths) {
      if (p + len > text.size()) continue;
      auto it = by_text.find(text.substr(p, len));
      if (it == by_text.end()) continue;
      auto& starts = out.starts[it->second];
      if (starts.empty()) first.emplace_back(p + len, ~len, it->second);
      starts.push_back(static_cast<std::uint32_t>(p));
      ++out.total;
    }
  }
  std::sort(first.begin(), first.end());
  for (const auto& f : first) out.present.push_back(std::get<2>(f));
  return out;
}

using NaiveFn = Naive (*)(const std::vector<std::string>&, const std::vector<TermId>&, std::string_view);

void RequireSameAsNaive(const TermMatcher& m, const std::vector<std::string>& terms, const std::vector<TermId>& ids,
                        std::string_view text, NaiveFn naive = NaiveScan) {
  Hits hits = m.Scan(text);
  Naive want = naive(terms, ids, text);
  for (TermId id = 0; id < want.starts.size(); ++id) REQUIRE(Starts(hits, id) == want.starts[id]);
  REQUIRE(hits.present == want.present);
  REQUIRE(hits.total == want.total);
  REQUIRE(hits.starts.size() == want.total);
}

}  // namespace

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
  CHECK(Starts(hits, a) == std::vector<std::uint32_t>{18, 36});
  CHECK(Starts(hits, b) == std::vector<std::uint32_t>{33});
  CHECK(Starts(hits, c) == std::vector<std::uint32_t>{18});
  CHECK(text.substr(hits.Of(c)[0], 9) == "区长何");
  CHECK(hits.total == 4);
  CHECK(hits.present == std::vector<TermId>{a, c, b});  // 区长 ends first, then 区长何, then 副区长
}

TEST_CASE("matcher reports a term and its suffix ending at the same byte, the longer first", "[match]") {
  TermMatcher m;
  auto shorter = m.Add("政府");
  auto longer = m.Add("人民政府");
  auto self = m.Add("府");
  m.Build();
  std::string text = "区人民政府";
  auto hits = m.Scan(text);
  CHECK(Starts(hits, longer) == std::vector<std::uint32_t>{3});
  CHECK(Starts(hits, shorter) == std::vector<std::uint32_t>{9});
  CHECK(Starts(hits, self) == std::vector<std::uint32_t>{12});
  CHECK(hits.present == std::vector<TermId>{longer, shorter, self});
}

TEST_CASE("character automaton: as many terms ending at one character as it has states before it, at every unit",
          "[match]") {
  // Every suffix of a 12-character phrase is a term, so 12 terms end at its last character, and the phrase made of
  // one character repeated ends 12 terms at every unit of a chunk: the most a scan can record at once.
  TermMatcher m;
  std::vector<std::string> terms;
  std::vector<TermId> ids;
  const std::string phrase = "全面推进依法行政建设法治";
  for (std::size_t from = 0; from < phrase.size(); from += 3) terms.push_back(phrase.substr(from));
  std::string same;
  for (int n = 1; n <= 12; ++n) terms.push_back(same += "治");
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  REQUIRE(m.by_characters());
  std::string run;
  for (int i = 0; i < 3000; ++i) run += "治";
  RequireSameAsNaive(m, terms, ids, run);
  RequireSameAsNaive(m, terms, ids, run + phrase + run + phrase + phrase);
  auto hits = m.Scan(run);
  CHECK(hits.total == 3000 * 12 - 66);  // n − k + 1 hits of a run of k, k = 1..12
  CHECK(hits.present.size() == 12);
}

TEST_CASE("matcher never matches across a character boundary", "[match]") {
  // "政" is E6 94 BF; a term made of the last two bytes of one character and the first of the next must not hit,
  // nor a term that is the tail of a character.
  TermMatcher m;
  auto odd = m.Add(std::string("\x94\xBF") + "\xE5");
  auto tail = m.Add("\xBA\x9C");  // the last two bytes of 府 (E5 BA 9C)
  auto whole = m.Add("府");
  m.Build();
  auto hits = m.Scan("政府");
  CHECK(hits.Of(odd).empty());
  CHECK(hits.Of(tail).empty());
  CHECK(Starts(hits, whole) == std::vector<std::uint32_t>{3});
  CHECK(hits.present == std::vector<TermId>{whole});
  // At the start of a text the byte is taken as it is: a stray continuation byte there starts nothing either.
  CHECK(m.Scan("\xBA\x9C").total == 0);
}

TEST_CASE("matcher on an empty text and on a text of bytes no term contains", "[match]") {
  TermMatcher m;
  auto id = m.Add("法治");
  m.Build();
  for (std::string text : {std::string(), std::string("abc 123, \t\n!?"), std::string("\xff\xfe\x00\x01", 4),
                           std::string(5000, 'x') + "的了吗"}) {
    auto hits = m.Scan(text);
    CHECK(hits.total == 0);
    CHECK(hits.present.empty());
    CHECK(hits.starts.empty());
    CHECK(hits.Of(id).empty());
  }
  // A term after a long run of such bytes is still found: the run leaves the automaton at its root.
  std::string text = std::string(3000, '.') + "依法治国";
  CHECK(Starts(m.Scan(text), id) == std::vector<std::uint32_t>{3003});
  CHECK(m.Scan(text).Of(id + 1).empty());  // an id beyond the terms: nothing, not a crash
}

TEST_CASE("matcher agrees with naive search on random text", "[match]") {
  std::mt19937 rng(42);
  // Small alphabets, so terms overlap, nest and share suffixes often; the wider one gives states with many
  // children. "\x80" and "\xE6" are a lone continuation byte and a truncated lead byte: terms and texts that are not
  // valid UTF-8 must still give exactly the naive answer.
  const std::vector<std::vector<std::string>> alphabets = {
      {"法", "治", "政", "府", "a", "，"},
      {"法", "治", "政", "府", "建", "设", "a", "b", "c", "d", "e", "1", "，", "。"},
      {"法", "政", "a", "\x80", "\xE6", "\x94"},
      {"a", "b"},
  };
  for (int round = 0; round < 200; ++round) {
    const auto& alphabet = alphabets[round % alphabets.size()];
    auto random_string = [&](int len) {
      std::string s;
      for (int i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
      return s;
    };
    TermMatcher m;
    std::vector<std::string> terms;
    const int n_terms = 1 + static_cast<int>(rng() % (round % 3 == 0 ? 300 : 30));
    for (int i = 0; i < n_terms; ++i) terms.push_back(random_string(1 + static_cast<int>(rng() % 5)));
    std::vector<TermId> ids;
    for (const auto& t : terms) ids.push_back(m.Add(t));
    m.Build();
    CAPTURE(round);
    for (int t = 0; t < 3; ++t) RequireSameAsNaive(m, terms, ids, random_string(static_cast<int>(rng() % 600)));
  }
}

// The character automaton (Build's usual choice) on texts of any bytes: units that are no character (a lone
// continuation byte, a lead byte without its continuation bytes, F8..FF) are units of their own, overlong forms
// are not the characters they spell, and two-, three- and four-byte characters and ASCII mix.
TEST_CASE("character automaton agrees with naive search on random text of any bytes", "[match]") {
  std::mt19937 rng(7);
  // Term pieces that never end inside a character (a lead byte is followed by a byte that is no continuation), so
  // every term set stays on the character automaton; the texts use the pieces and the bytes the pieces avoid.
  const std::vector<std::string> term_pieces = {
      "法", "治", "政", "a", "\x80", "\xE6" "a", "\xE6\x94" "a", "é", "\xF0\x9F\x98\x80", "\xC1\x81", "A", "\xFF"};
  const std::vector<std::string> text_pieces = {"法", "治", "政", "a", "A", "é", "\x80", "\x94", "\xBF", "\xE6",
                                                "\xF0\x9F\x98\x80", "\xF0\x9F", "\xC1\x81", "\xE0\x81\x81", "\xFF", "\n"};
  for (int round = 0; round < 200; ++round) {
    auto pieces = [&](const std::vector<std::string>& from, int len) {
      std::string s;
      for (int i = 0; i < len; ++i) s += from[rng() % from.size()];
      return s;
    };
    TermMatcher m;
    std::vector<std::string> terms;
    const int n_terms = 1 + static_cast<int>(rng() % (round % 3 == 0 ? 200 : 20));
    for (int i = 0; i < n_terms; ++i) terms.push_back(pieces(term_pieces, 1 + static_cast<int>(rng() % 4)));
    std::vector<TermId> ids;
    for (const auto& t : terms) ids.push_back(m.Add(t));
    m.Build();
    CAPTURE(round);
    REQUIRE(m.by_characters());
    for (int t = 0; t < 3; ++t) {
      std::string text = pieces(text_pieces, static_cast<int>(rng() % 300));
      if (t == 1) text += terms[rng() % terms.size()];  // a term at the very end of the text
      RequireSameAsNaive(m, terms, ids, text);
    }
  }
}

TEST_CASE("character automaton: one-character terms, shared two-character prefixes, units of one table block",
          "[match]") {
  TermMatcher m;
  std::vector<std::string> terms = {"法", "依法", "依法行政", "依法治国", "依法治", "法治政府", "治", "府", "a", "1"};
  // U+4E00..U+4E3F are one block of the unit table (64 keys): neighbours that differ in the last bits only, and
  // U+4E40 the first of the next block.
  for (char32_t cp : {0x4E00, 0x4E01, 0x4E3F, 0x4E40}) {
    std::string ch{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (cp & 0x3F))};
    terms.push_back(ch + "法");
  }
  std::vector<TermId> ids;
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  REQUIRE(m.by_characters());
  for (std::string text : {std::string("依法治国，依法行政，建设法治政府a1"), std::string("一法丁法丿法乀法丂法"),
                           std::string("依法依依法治"), std::string("治"), std::string("政府")}) {
    CAPTURE(text);
    RequireSameAsNaive(m, terms, ids, text);
  }
}

// Scan reads the text a chunk of units at a time (decoding, then the automaton, then the terms found) and four bytes
// at once where it can: terms that span a chunk's end, odd units in the middle of a chunk, and every length of a
// text's tail (the last three bytes go the slow way, a character cut by the end of the text included).
TEST_CASE("character automaton: terms across the scan's chunks, odd units between, every length of a tail",
          "[match]") {
  TermMatcher m;
  std::vector<std::string> terms = {"法治政府", "政府", "府", "x法", "法x", "xx", "é法", "\xF0\x9F\x98\x80治",
                                    "\x80", "\xE6" "a", "治\xFF"};
  std::vector<TermId> ids;
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  REQUIRE(m.by_characters());
  // A term whose units straddle unit 1,024 (and 2,048), preceded by one-byte units, by three-byte ones, and by
  // a mix with two- and four-byte characters.
  for (int before = 1015; before <= 1030; ++before) {
    CAPTURE(before);
    RequireSameAsNaive(m, terms, ids, std::string(before, 'x') + "法治政府" + std::string(1000, 'y') + "法治政府");
    std::string han;
    for (int i = 0; i < before; ++i) han += i % 7 == 0 ? "府" : "一";
    RequireSameAsNaive(m, terms, ids, han + "法治政府x" + han + "法治政府");
    std::string mixed;
    for (int i = 0; i < before; ++i) mixed += i % 5 == 0 ? "é" : i % 11 == 0 ? "\xF0\x9F\x98\x80" : "x";
    RequireSameAsNaive(m, terms, ids, mixed + "\xF0\x9F\x98\x80治法x" + mixed);
  }
  // Every prefix of a text whose end cuts characters of each length, and lone and stray bytes.
  const std::string text = "x法治政府é法\xF0\x9F\x98\x80治\xFF\x80\xE6" "a法治政府\xE6\x94治\xFF";
  for (std::size_t len = 0; len <= text.size(); ++len) {
    CAPTURE(len);
    RequireSameAsNaive(m, terms, ids, text.substr(0, len));
  }
}

TEST_CASE("terms ending inside a character fall back to the byte automaton, with the same answers", "[match]") {
  TermMatcher m;
  std::vector<std::string> terms = {"法治", "\xE6\x94", "政\xE5"};  // 政 is E6 94 BF, 府 is E5 BA 9C
  std::vector<TermId> ids;
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  CHECK_FALSE(m.by_characters());
  Hits hits = m.Scan("法治政府");
  CHECK(Starts(hits, ids[1]) == std::vector<std::uint32_t>{6});
  CHECK(Starts(hits, ids[2]) == std::vector<std::uint32_t>{6});
  RequireSameAsNaive(m, terms, ids, "法治政府，政\xE5");
}

namespace {

// The UTF-8 bytes of code point `cp`.
std::string Utf8(char32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  if (cp < 0x800) return {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  if (cp < 0x10000)
    return {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F))};
  return {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
          static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
}

// Texts for a large term set: random characters from `pool` with terms put in, among them terms whose units
// straddle the scan's chunk ends (unit 1,024 and 2,048), each preceded by 1,019..1,025 units.
std::vector<std::string> TextsAround(const std::vector<std::string>& terms, const std::vector<std::string>& pool,
                                     std::mt19937& rng) {
  std::vector<std::string> texts;
  for (int before = 1019; before <= 1025; ++before) {
    std::string text;
    for (int half = 0; half < 2; ++half) {
      for (int i = 0; i < before - half * 3; ++i) text += pool[rng() % pool.size()];
      text += terms[rng() % terms.size()];
    }
    for (int i = 0; i < 300; ++i) text += i % 10 == 0 ? terms[rng() % terms.size()] : pool[rng() % pool.size()];
    texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace

// More states than 16 bits number (84,425 with bench/run's x16n pack): the character automaton with 32-bit states
// and 16-bit unit ids, not the byte automaton.
TEST_CASE("more states than 16 bits number: the character automaton with 32-bit states", "[match]") {
  std::mt19937 rng(3);
  std::vector<std::string> pool;
  for (char32_t cp = 0x4E00; cp < 0x4E00 + 400; ++cp) pool.push_back(Utf8(cp));
  TermMatcher m;
  std::vector<std::string> terms;
  std::vector<TermId> ids;
  for (int i = 0; i < 50000; ++i) {
    std::string t;
    for (int k = 0, n = 1 + i % 5; k < n; ++k) t += pool[rng() % pool.size()];
    terms.push_back(t);
  }
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  CHECK(m.by_characters());
  CHECK(m.states() > 65535);
  CHECK(m.units() == 400);
  std::string text;
  for (int i = 0; i < 2000; ++i) text += pool[rng() % pool.size()];
  Hits hits = m.Scan(text);
  CHECK(hits.total > 0);
  RequireSameAsNaive(m, terms, ids, text);
  for (const std::string& t : TextsAround(terms, pool, rng)) RequireSameAsNaive(m, terms, ids, t, NaiveByLookup);
  // One term that ends inside a character sends the whole set to the byte automaton, with the same answers.
  TermMatcher cut;
  std::vector<std::string> cut_terms = terms;
  cut_terms.push_back("\xE4\xB8");  // the first two bytes of U+4E00..U+4E3F
  std::vector<TermId> cut_ids;
  for (const auto& t : cut_terms) cut_ids.push_back(cut.Add(t));
  cut.Build();
  CHECK_FALSE(cut.by_characters());
  RequireSameAsNaive(cut, cut_terms, cut_ids, text);
}

// More distinct units than 16 bits number (a pack over the CJK extensions, say): 32-bit states and unit ids. The
// units are three-byte characters (U+3400..U+D7FF) and four-byte ones (U+20000..), one and two per term.
TEST_CASE("more distinct units than 16 bits number: 32-bit states and unit ids", "[match]") {
  std::mt19937 rng(5);
  std::vector<std::string> pool;
  for (char32_t cp = 0x3400; cp < 0xD800; ++cp) pool.push_back(Utf8(cp));
  for (char32_t cp = 0x20000; pool.size() < 70000; ++cp) pool.push_back(Utf8(cp));
  TermMatcher m;
  std::vector<std::string> terms;
  std::vector<TermId> ids;
  for (std::size_t i = 0; i < pool.size(); ++i)  // every unit in a term
    terms.push_back(i % 3 == 0 ? pool[i] : pool[i] + pool[rng() % pool.size()]);
  // Terms that share their first unit: with ~6 next units each, most states' children are compared four at a time
  // twice (32-bit ids), and with 40 the rest are searched.
  std::vector<std::string> shared;
  for (int i = 0; i < 3000; ++i)
    shared.push_back(pool[rng() % (i < 2000 ? 300 : 10)] + pool[rng() % pool.size()] + pool[rng() % pool.size()]);
  terms.insert(terms.end(), shared.begin(), shared.end());
  for (const auto& t : terms) ids.push_back(m.Add(t));
  m.Build();
  CHECK(m.by_characters());
  CHECK(m.units() > 65535);
  CHECK(m.states() > m.units());
  for (const auto* put : {&terms, &shared})
    for (const std::string& t : TextsAround(*put, pool, rng)) {
      CAPTURE(t.size());
      RequireSameAsNaive(m, terms, ids, t, NaiveByLookup);
    }
}

TEST_CASE("matcher with no terms scans safely", "[match]") {
  TermMatcher m;
  m.Build();
  auto hits = m.Scan("任意文本");
  CHECK(hits.total == 0);
  CHECK(hits.Of(0).empty());
  CHECK(m.states() == 1);  // the root
}

TEST_CASE("matcher of the shipped terms and of the 16x rule set: size, and the same hits as a naive search",
          "[match]") {
  auto rules = fazhi::test::LoadShippedRules();
  const std::vector<std::string>& shipped = rules->matcher().terms();
  REQUIRE(shipped.size() > 1000);
  // bench/run's x16n: 15 copies of the packs with every Han character shifted by one code point (all 15 give the
  // same shifted terms), so the matcher holds the shipped terms and one shifted copy of each.
  auto shift = [](const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0xE4 && c <= 0xE9 && i + 2 < s.size()) {  // U+4E00..U+9FFF are E4..E9 xx xx
        char32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        if (cp >= 0x4E00 && cp < 0x9FFF) ++cp;
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
        i += 3;
      } else {
        out += s[i++];
      }
    }
    return out;
  };
  TermMatcher x16n;
  std::vector<std::string> terms;
  std::vector<TermId> ids;
  for (const auto& t : shipped) terms.push_back(t);
  for (const auto& t : shipped) terms.push_back(shift(t));
  for (const auto& t : terms) ids.push_back(x16n.Add(t));
  x16n.Build();
  const auto& one = rules->matcher();
  CHECK(one.by_characters());
  CHECK(x16n.by_characters());
  // The tables a scan reads stay well within the second-level cache (the byte automaton's were ~580 KB).
  CHECK(one.table_bytes() < 160 * 1024);
  INFO("shipped: " << one.size() << " terms, " << one.states() << " states; x16n: " << x16n.size() << " terms, "
                   << x16n.states() << " states; tables " << one.table_bytes() << " / " << x16n.table_bytes() << " bytes");
  CHECK(x16n.size() > one.size() * 3 / 2);
  CHECK(x16n.states() > one.states() * 3 / 2);
  // On real reports both matchers give the naive answer (the shifted terms occur too, now and then).
  for (const auto& path : fazhi::test::RealReports()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    std::vector<TermId> shipped_ids(shipped.size());
    for (std::size_t i = 0; i < shipped.size(); ++i) shipped_ids[i] = static_cast<TermId>(i);
    RequireSameAsNaive(one, shipped, shipped_ids, text);
    RequireSameAsNaive(x16n, terms, ids, text);
  }
}

TEST_CASE("hits of one text leave nothing behind for the next: copies, several alive, matchers of other sizes",
          "[match]") {
  // Hits share this thread's spare group table, which a Hits gives back zeroed: a term found in one text must not
  // show in a later text, in a copy's or a moved Hits' table, or in a matcher of another size.
  TermMatcher big, small;
  std::vector<std::string> terms;
  std::vector<TermId> ids;
  for (const char* t : {"依法行政", "法治政府", "行政执法", "政府", "执法", "公开", "复议", "诉讼"}) {
    terms.push_back(t);
    ids.push_back(big.Add(t));
  }
  for (int i = 0; i < 3000; ++i) big.Add("词" + std::to_string(i));  // a table larger than the small matcher's
  big.Build();
  const TermId small_id = small.Add("诉讼");
  small.Build();
  const std::string full = "推进依法行政，建设法治政府；规范行政执法，政务公开，行政复议与行政诉讼。";
  const std::string other = "政府信息公开";
  for (int round = 0; round < 3; ++round) {
    RequireSameAsNaive(big, terms, ids, full);
    RequireSameAsNaive(big, terms, ids, "");
    RequireSameAsNaive(big, terms, ids, other);
    {
      Hits a = big.Scan(full);
      Hits b = a;  // a copy, destroyed first
      {
        Hits c = big.Scan(other);  // two alive at once
        REQUIRE(Starts(c, ids[4]).empty());
        REQUIRE(Starts(c, ids[3]) == std::vector<std::uint32_t>{0});
        Hits d = std::move(c);
        REQUIRE(Starts(d, ids[5]) == std::vector<std::uint32_t>{12});
      }
      REQUIRE(Starts(b, ids[4]) == Starts(a, ids[4]));
      REQUIRE(!Starts(a, ids[4]).empty());
    }
    Hits s = small.Scan(full);
    REQUIRE(Starts(s, small_id).size() == 1);
    REQUIRE(s.present == std::vector<TermId>{small_id});
    REQUIRE(Starts(s, ids[4]).empty());  // an id beyond the small matcher's terms
    RequireSameAsNaive(big, terms, ids, other);
    Hits after = big.Scan("无关的文字");
    for (TermId id = 0; id < big.size(); ++id) REQUIRE(Starts(after, id).empty());
    REQUIRE(after.present.empty());
  }
}
