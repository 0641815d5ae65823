// EvalIndex (evaluate/doc_index.h) answers what the helpers of check_support.h work out from the text and the hits —
// the clause around every offset, every term list's hits inside a span — and must answer exactly the same, on real
// reports with the shipped rules' automaton (whose hits are checked here against a plain search of every term).
#include <catch2/catch.hpp>

#include <random>

#include "evaluate/check_support.h"
#include "evaluate/doc_builder.h"
#include "evaluate/doc_index.h"
#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

bool Same(const std::vector<TermHit>& a, const std::vector<TermHit>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].term != b[i].term) return false;
  return true;
}

TEST_CASE("the shipped rules' automaton finds every occurrence a plain search finds, on real reports", "[match]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  auto inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  std::size_t seen = 0;
  for (const auto& input : inputs) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    std::size_t total = 0;
    for (TermId id = 0; id < m.size(); ++id) {
      std::vector<std::uint32_t> naive;
      const std::string& term = m.Term(id);
      for (std::size_t p = doc.text.find(term); p != std::string::npos; p = doc.text.find(term, p + 1))
        if ((static_cast<unsigned char>(doc.text[p]) & 0xC0) != 0x80) naive.push_back(static_cast<std::uint32_t>(p));
      INFO(term);
      REQUIRE(std::vector<std::uint32_t>(hits.Of(id).begin(), hits.Of(id).end()) == naive);
      total += naive.size();
    }
    CHECK(hits.total == total);
    seen += total;
  }
  CHECK(seen > 1000);
}

TEST_CASE("EvalIndex gives ClauseAt's clause and HitsIn's hits on real reports", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::mt19937 rng(7);
  std::size_t clauses = 0, nonempty = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    EvalIndex index(doc, hits, m);
    const EvalContext plain{doc, hits, m};
    const EvalContext indexed{doc, hits, m, nullptr, &index};
    for (std::uint32_t o = 0; o <= doc.text.size(); ++o) {
      Span want = ClauseAt(doc, o), got = index.ClauseAt(o);
      if (want.begin != got.begin || want.end != got.end) {
        INFO("offset " << o);
        CHECK(got.begin == want.begin);
        CHECK(got.end == want.end);
      }
      clauses += o == want.begin;
    }
    // Term lists as rules and cues have them: the terms that occur, some that do not, one term twice; spans that
    // are sentences, clauses, paragraphs and the whole text.
    std::vector<std::vector<TermId>> lists(40);
    for (auto& list : lists) {
      for (int k = 0, n = 1 + static_cast<int>(rng() % 30); k < n; ++k)
        list.push_back(k % 3 == 0 || hits.present.empty() ? static_cast<TermId>(rng() % m.size())
                                                          : hits.present[rng() % hits.present.size()]);
      if (list.size() > 2) list.push_back(list[1]);
    }
    std::vector<Span> spans = {{0, static_cast<std::uint32_t>(doc.text.size())}};
    for (const auto& s : doc.sentences) spans.push_back(s.span);
    for (const auto& p : doc.paragraphs) spans.push_back(p.span);
    for (const auto& s : doc.sentences) spans.push_back(ClauseAt(doc, s.span.begin + s.span.size() / 2));
    for (const auto& list : lists)
      for (Span span : spans) {
        auto want = HitsIn(plain, list, span);
        nonempty += !want.empty();
        if (!Same(HitsIn(indexed, list, span), want)) {
          INFO("span " << span.begin << "–" << span.end);
          FAIL_CHECK("HitsIn differs with the index");
        }
      }
  }
  CHECK(clauses > 100);
  CHECK(nonempty > 100);
}

TEST_CASE("IsConcrete and ClauseCue decide the same with and without EvalIndex on real reports", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::mt19937 rng(11);
  std::size_t concrete = 0, cued = 0, sentences = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    EvalIndex index(doc, hits, m);
    const EvalContext plain{doc, hits, m};
    const EvalContext indexed{doc, hits, m, nullptr, &index};
    // Cue lists drawn from the terms that occur (long ones, as the shipped cues are, and a short one).
    CompiledCues cues;
    for (auto* list : {&cues.negation, &cues.hedging, &cues.ignore, &cues.actions})
      for (int k = 0, n = list == &cues.ignore ? 5 : 40; k < n && !hits.present.empty(); ++k)
        list->push_back(hits.present[rng() % hits.present.size()]);
    for (const auto& sentence : doc.sentences) {
      ++sentences;
      for (Span matched : {Span{}, Span{sentence.span.begin, sentence.span.begin + sentence.span.size() / 3}}) {
        std::string basis_plain, basis_indexed;
        bool a = IsConcrete(plain, cues, sentence.span, matched, &basis_plain);
        bool b = IsConcrete(indexed, cues, sentence.span, matched, &basis_indexed);
        INFO("sentence at " << sentence.span.begin);
        CHECK(a == b);
        CHECK(basis_plain == basis_indexed);
        concrete += a;
      }
      for (std::uint32_t o : {sentence.span.begin, sentence.span.begin + sentence.span.size() / 2}) {
        auto a = ClauseCue(plain, cues, o), b = ClauseCue(indexed, cues, o);
        INFO("offset " << o);
        REQUIRE(a.has_value() == b.has_value());
        if (a) {
          CHECK(a->first == b->first);
          CHECK(a->second == b->second);
          ++cued;
        }
      }
    }
  }
  CHECK(concrete > 0);
  CHECK(concrete < 2 * sentences);
  CHECK(cued > 0);
}

}  // namespace
}  // namespace fazhi
