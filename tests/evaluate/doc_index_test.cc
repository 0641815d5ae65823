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

// A real report read, scanned and indexed, with a context that asks the index and one that works from the text.
struct IndexedReport {
  IndexedReport(const fs::path& input, const TermMatcher& m)
      : doc(LoadDocument(input.string(), CheckOptions{})),
        hits(m.Scan(doc.text)),
        index(doc, hits, m),
        plain{doc, hits, m},
        indexed{doc, hits, m, nullptr, &index} {}
  Document doc;
  Hits hits;
  EvalIndex index;
  EvalContext plain, indexed;
};

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
    IndexedReport report(input, m);
    auto& [doc, hits, index, plain, indexed] = report;
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
        // The list's terms once each (a term twice makes the bits unusable; the first hit is the same).
        std::vector<TermId> once = list;
        std::sort(once.begin(), once.end());
        once.erase(std::unique(once.begin(), once.end()), once.end());
        const TermBits bits = TermBits::Of(once);
        REQUIRE(bits.usable);
        for (const EvalContext* ctx : {&plain, &indexed}) {
          auto first = FirstHitIn(*ctx, list, span);
          REQUIRE(first.has_value() == !want.empty());
          if (first) CHECK(Same({*first}, {want.front()}));
          auto by_bits = FirstHitIn(*ctx, list, span, &bits);
          REQUIRE(by_bits.has_value() == !want.empty());
          if (by_bits) CHECK(Same({*by_bits}, {want.front()}));
          CHECK(AnyHitIn(*ctx, list, span) == !want.empty());
        }
      }
  }
  CHECK(clauses > 100);
  CHECK(nonempty > 100);
}

TEST_CASE("EvalIndex's byte search gives the character walk's clause breaks and digits on random bytes", "[evaluate]") {
  // Text made of the pieces that matter — breaks in both widths, digits, CJK, and bytes that make invalid or cut
  // UTF-8 (a lead byte with one continuation byte, a lone BC or 82, a sequence cut at the end) — at every alignment
  // to the sixteen-byte blocks.
  const std::vector<std::string> pieces = {"，", "。", "；", "：", "！", "？", "、", "《", "》", "０", "中", "文",
                                           "\xEF\xBC", "\xE3\x80", "\xEF", "\xE3", "\xBC\x8C", "\x82", "\xE3\xEF",
                                           "\n", ";", ",", ".", "7", "12", "a", " ", "\xF0\x9F\x98\x80", "\xC3\xA9"};
  TermMatcher m;
  m.Add("的");
  m.Build();
  std::mt19937 rng(5);
  std::size_t breaks = 0, digits = 0;
  for (int round = 0; round < 400; ++round) {
    Document doc;
    for (int k = 0, n = static_cast<int>(rng() % 120); k < n; ++k) doc.text += pieces[rng() % pieces.size()];
    Hits hits = m.Scan(doc.text);
    EvalIndex index(doc, hits, m);
    INFO("text " << doc.text);
    for (std::uint32_t o = 0; o <= doc.text.size(); ++o) {
      const Span want = ClauseAt(doc, o), got = index.ClauseAt(o);
      if (want.begin != got.begin || want.end != got.end) {
        INFO("offset " << o);
        CHECK(got.begin == want.begin);
        CHECK(got.end == want.end);
      }
      breaks += o > 0 && want.begin == o;
    }
    std::vector<std::uint32_t> want_digits;
    for (std::uint32_t i = 0; i < doc.text.size(); ++i)
      if (doc.text[i] >= '0' && doc.text[i] <= '9') want_digits.push_back(i);
    CHECK(index.Digits() == want_digits);
    digits += want_digits.size();
  }
  CHECK(breaks > 1000);
  CHECK(digits > 1000);
}

TEST_CASE("AllHitsOf gives HitsIn's hits over the whole text, on real reports and random term lists", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::mt19937 rng(13);
  std::size_t merged = 0, sorted = 0, by_bits = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    IndexedReport report(input, m);
    auto& [doc, hits, index, plain, indexed] = report;
    const Span whole{0, static_cast<std::uint32_t>(doc.text.size())};
    // Lists of one to thirty terms, most of them occurring (so more than eight runs are merged by the sort), some
    // terms twice, some that do not occur; and every term the matcher has alone.
    std::vector<std::vector<TermId>> lists(200);
    for (auto& list : lists) {
      for (int k = 0, n = 1 + static_cast<int>(rng() % 30); k < n; ++k)
        list.push_back(k % 4 == 3 || hits.present.empty() ? static_cast<TermId>(rng() % m.size())
                                                          : hits.present[rng() % hits.present.size()]);
      if (list.size() > 3 && rng() % 2) list.push_back(list[2]);
    }
    for (TermId id = 0; id < m.size(); id += 7) lists.push_back({id});
    std::vector<TermHit> got;
    for (const auto& list : lists) {
      const auto want = HitsIn(plain, list, whole);
      const TermBits bits = TermBits::Of(list);
      for (const EvalContext* ctx : {&plain, &indexed})
        for (const TermBits* b : {static_cast<const TermBits*>(nullptr), &bits}) {
          AllHitsOf(*ctx, list, got, b);
          if (!Same(got, want)) FAIL_CHECK("AllHitsOf differs from HitsIn, list of " << list.size());
        }
      by_bits += bits.usable && want.size() > 1;
      std::size_t occurring = 0;
      for (TermId id : list) occurring += !hits.Of(id).empty();
      (occurring > 8 ? sorted : merged) += want.size() > 1;
    }
  }
  CHECK(merged > 100);
  CHECK(sorted > 100);
  CHECK(by_bits > 100);
}

TEST_CASE("EvalIndex gives every offset's sentence and paragraph, and every section's roles, on real reports",
          "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::size_t gaps_cut = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    EvalIndex index(doc, hits, m);
    REQUIRE(doc.sentences.size() > 10);
    for (std::uint32_t o = 0; o <= doc.text.size() + 2; ++o) {
      if (index.SentenceAt(o) != doc.SentenceAt(o) || index.ParagraphAt(o) != doc.ParagraphAt(o)) {
        INFO("offset " << o);
        CHECK(index.SentenceAt(o) == doc.SentenceAt(o));
        CHECK(index.ParagraphAt(o) == doc.ParagraphAt(o));
      }
    }
    // Roles by walking the ancestors here, with the rectification stop for shortcomings and causes.
    for (std::uint32_t s = 0; s < doc.sections.size(); ++s) {
      CHECK(index.RoleOf(s) == doc.RoleOf(s));
      for (int r = 0; r <= static_cast<int>(SectionRole::kBoilerplate); ++r) {
        const auto role = static_cast<SectionRole>(r);
        bool want = doc.SectionHasRole(s, role);
        if (role == SectionRole::kShortcomings || role == SectionRole::kCauses) {
          want = false;
          for (int a = static_cast<int>(s); a >= 0; a = doc.sections[a].parent) {
            if (doc.sections[a].role == role) { want = true; break; }
            if (doc.sections[a].role == SectionRole::kRectification) break;
          }
          gaps_cut += want != doc.SectionHasRole(s, role);
        }
        INFO("section " << s << " role " << RoleName(role));
        CHECK(((index.RoleMaskOf(s) >> r) & 1u) == want);
        CHECK(RoleMask(doc, s) == index.RoleMaskOf(s));
      }
    }
  }
  (void)gaps_cut;  // the real reports may or may not nest a rectification part inside a problems part
}

TEST_CASE("BlockLookup gives the last unit that begins at or before every offset, for random unit begins",
          "[evaluate]") {
  std::mt19937 rng(21);
  for (int round = 0; round < 300; ++round) {
    // Begins from 0 or later, several in one block, long gaps, equal begins: every shape the table must cover.
    const std::size_t text_size = rng() % 400;
    std::vector<Sentence> units(1 + rng() % 40);
    std::uint32_t at = rng() % 3 == 0 ? rng() % 40 : 0;
    for (auto& u : units) {
      u.span.begin = at;
      at += rng() % 4 == 0 ? rng() % 70 : rng() % 6;
    }
    BlockLookup<Sentence> lookup;
    lookup.Build(units, text_size);
    for (std::uint32_t o = 0; o <= text_size + 20; ++o) {
      std::uint32_t want = 0;
      while (want + 1 < units.size() && units[want + 1].span.begin <= o) ++want;
      if (lookup.At(o) != want) {
        INFO("round " << round << " offset " << o);
        CHECK(lookup.At(o) == want);
      }
    }
  }
}

TEST_CASE("EvalIndex gives Document::SectionPath for every section, on real reports and unheaded ancestors",
          "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::size_t nested = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    EvalIndex index(doc, hits, m);
    // From the deepest first, so that a path is built before its parent's is asked for, and asked for again.
    for (std::uint32_t s = static_cast<std::uint32_t>(doc.sections.size()); s-- > 0;) {
      CHECK(index.SectionPath(s) == doc.SectionPath(s));
      nested += doc.sections[s].parent > 0;
    }
    for (std::uint32_t s = 0; s < doc.sections.size(); ++s) CHECK(index.SectionPath(s) == doc.SectionPath(s));
    CHECK(index.SectionPath(static_cast<std::uint32_t>(doc.sections.size())).empty());
  }
  CHECK(nested > 10);
  // Unheaded parts (no number, no heading) first in a chain and between headed ones, and a parent out of range.
  Document doc;
  doc.text = "x";
  doc.sections.resize(7);
  auto set = [&](std::uint32_t s, const char* number, const char* heading, int parent) {
    doc.sections[s].number = number;
    doc.sections[s].heading = heading;
    doc.sections[s].parent = parent;
  };
  set(1, "一、", "主要工作", 0);
  set(2, "", "", 1);
  set(3, "（一）", "依法决策", 2);
  set(4, "", "", 0);
  set(5, "", "无编号", 4);
  set(6, "1.", "越界", 17);
  const Hits hits;
  EvalIndex index(doc, hits, m);
  for (std::uint32_t s = doc.sections.size(); s-- > 0;) {
    INFO("section " << s);
    CHECK(index.SectionPath(s) == doc.SectionPath(s));
  }
  CHECK(index.SectionPath(3) == "一、主要工作 >  > （一）依法决策");
  CHECK(index.SectionPath(5) == "无编号");
  CHECK(index.SectionPath(6) == "1.越界");
}

TEST_CASE("a rectification part inside a problems part is not self-reported gaps (RoleMask)", "[evaluate]") {
  Document doc;
  doc.text = "x";
  doc.sections.resize(3);
  doc.sections[1].role = SectionRole::kShortcomings;
  doc.sections[1].parent = 0;
  doc.sections[2].role = SectionRole::kRectification;
  doc.sections[2].parent = 1;
  auto bit = [](SectionRole r) { return 1u << static_cast<int>(r); };
  CHECK((RoleMask(doc, 1) & bit(SectionRole::kShortcomings)) != 0);
  CHECK((RoleMask(doc, 2) & bit(SectionRole::kShortcomings)) == 0);
  CHECK((RoleMask(doc, 2) & bit(SectionRole::kRectification)) != 0);
  RoleFilter plain_default;  // not_in: shortcomings, causes, plan, title, boilerplate
  plain_default.not_in = {SectionRole::kShortcomings, SectionRole::kCauses, SectionRole::kPlan};
  CHECK(plain_default.Reject(doc, 1) == EvidenceKind::kSelfReportedGap);
  CHECK_FALSE(plain_default.Reject(doc, 2).has_value());
}

TEST_CASE("IsConcrete and ClauseCue decide the same with and without EvalIndex on real reports", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  std::mt19937 rng(11);
  std::size_t concrete = 0, cued = 0, sentences = 0;
  for (const auto& input : test::RealReports()) {
    INFO(input.filename().string());
    IndexedReport report(input, m);
    auto& [doc, hits, index, plain, indexed] = report;
    // Cue lists drawn from the terms that occur (long ones, as the shipped cues are, and a short one).
    CompiledCues cues;
    for (auto* list : {&cues.negation, &cues.hedging, &cues.ignore, &cues.actions})
      for (int k = 0, n = list == &cues.ignore ? 5 : 40; k < n && !hits.present.empty(); ++k)
        list->push_back(hits.present[rng() % hits.present.size()]);
    const CompiledCues other = cues;
    // Packs whose cues differ in the action words only (they share ClauseCue's answers, not the concreteness
    // facts) or in a negation word only (the other way round): asked in turn, each must still get its own answers.
    CompiledCues more_actions = cues, fewer_negations = cues;
    if (!hits.present.empty()) more_actions.actions.push_back(hits.present[rng() % hits.present.size()]);
    if (!fewer_negations.negation.empty()) fewer_negations.negation.erase(fewer_negations.negation.begin());
    for (const auto& sentence : doc.sentences) {
      for (const CompiledCues* variant : {&more_actions, &fewer_negations}) {
        std::string basis_plain, basis_indexed;
        CHECK(IsConcrete(plain, *variant, sentence.span, {}, &basis_plain) ==
              IsConcrete(indexed, *variant, sentence.span, {}, &basis_indexed));
        CHECK(basis_plain == basis_indexed);
        for (std::uint32_t o : {sentence.span.begin, sentence.span.begin + sentence.span.size() / 2}) {
          auto a = ClauseCue(plain, *variant, o), b = ClauseCue(indexed, *variant, o);
          REQUIRE(a.has_value() == b.has_value());
          if (a) CHECK(a->word == b->word);
        }
      }
      ++sentences;
      // Twice each way round: the index keeps a sentence's facts after the first ask, whatever the matched span.
      for (Span matched : {Span{}, Span{sentence.span.begin, sentence.span.begin + sentence.span.size() / 3},
                           Span{}, Span{sentence.span.begin + sentence.span.size() / 3, sentence.span.end}}) {
        std::string basis_plain, basis_indexed;
        bool a = IsConcrete(plain, cues, sentence.span, matched, &basis_plain);
        bool b = IsConcrete(indexed, cues, sentence.span, matched, &basis_indexed);
        std::string basis_other;
        bool c = IsConcrete(indexed, other, sentence.span, matched, &basis_other);
        INFO("sentence at " << sentence.span.begin);
        CHECK(a == b);
        CHECK(a == c);
        CHECK(basis_plain == basis_indexed);
        CHECK(basis_plain == basis_other);
        concrete += a;
      }
      for (std::uint32_t o : {sentence.span.begin, sentence.span.begin + sentence.span.size() / 2,
                              sentence.span.begin, sentence.span.end > 0 ? sentence.span.end - 1 : 0}) {
        // `other` holds the same words (another pack's copy of the cues): the same answers.
        auto a = ClauseCue(plain, cues, o), b = ClauseCue(indexed, cues, o), c = ClauseCue(indexed, other, o);
        INFO("offset " << o);
        REQUIRE(a.has_value() == b.has_value());
        REQUIRE(a.has_value() == c.has_value());
        if (a) {
          CHECK(a->kind == b->kind);
          CHECK(a->word == b->word);
          CHECK(a->word == c->word);
          ++cued;
        }
      }
    }
  }
  CHECK(concrete > 0);
  CHECK(concrete < 4 * sentences);
  CHECK(cued > 0);
}

TEST_CASE("an EvalIndex on the tables a former document's index left answers as a fresh one", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const TermMatcher& m = rules->matcher();
  auto inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  // Each report after a larger and after a smaller one: forwards, then backwards.
  std::vector<fs::path> order = inputs;
  order.insert(order.end(), inputs.rbegin(), inputs.rend());
  std::mt19937 rng(5);
  std::size_t paths = 0, listed = 0, concrete = 0;
  {
    // A text too large for its tables to be kept (over 1 MiB): the next index starts from none.
    Document large;
    large.text.assign(3u << 19, 'x');
    const Hits none;
    EvalIndex index(large, none, m);
    CHECK(index.ClauseAt(1000).begin == 0);
  }
  for (const auto& input : order) {
    INFO(input.filename().string());
    Document doc = LoadDocument(input.string(), CheckOptions{});
    Hits hits = m.Scan(doc.text);
    // `reused` takes the thread's spare tables (the former iteration's); `fresh`, made while it is alive, finds
    // none and allocates its own.
    EvalIndex reused(doc, hits, m);
    EvalIndex fresh(doc, hits, m);
    EvalContext a{doc, hits, m, nullptr, &reused}, b{doc, hits, m, nullptr, &fresh};
    for (std::uint32_t s = 0; s < doc.sections.size(); ++s, ++paths) {
      REQUIRE(reused.SectionPath(s) == fresh.SectionPath(s));
      REQUIRE(reused.SectionPath(s) == doc.SectionPath(s));
    }
    for (std::uint32_t o = 0; o < doc.text.size(); o += 7) {
      REQUIRE(reused.ClauseAt(o).begin == fresh.ClauseAt(o).begin);
      REQUIRE(reused.ClauseAt(o).end == fresh.ClauseAt(o).end);
      REQUIRE(reused.SentenceAt(o) == fresh.SentenceAt(o));
      REQUIRE(reused.ParagraphAt(o) == fresh.ParagraphAt(o));
    }
    REQUIRE(reused.Digits() == fresh.Digits());
    // Term lists asked twice (the second ask builds the sorted list), of terms that occur and of any term.
    std::vector<std::vector<TermId>> lists(12);
    for (auto& list : lists)
      for (int k = 0; k < 8 && !hits.present.empty(); ++k)
        list.push_back(k % 2 ? static_cast<TermId>(rng() % m.size()) : hits.present[rng() % hits.present.size()]);
    for (int round = 0; round < 2; ++round)
      for (const auto& list : lists) {
        const std::vector<TermHit>* x = reused.AllHits(list);
        const std::vector<TermHit>* y = fresh.AllHits(list);
        REQUIRE((x == nullptr) == (y == nullptr));
        if (x) {
          REQUIRE(Same(*x, *y));
          REQUIRE(Same(*x, HitsIn(b, list, {0, static_cast<std::uint32_t>(doc.text.size())})));
          ++listed;
        }
      }
    CompiledCues cues;
    for (auto* list : {&cues.negation, &cues.hedging, &cues.ignore, &cues.actions})
      for (int k = 0, n = list == &cues.ignore ? 5 : 40; k < n && !hits.present.empty(); ++k)
        list->push_back(hits.present[rng() % hits.present.size()]);
    for (const auto& sentence : doc.sentences) {
      std::string basis_a, basis_b;
      const bool x = IsConcrete(a, cues, sentence.span, {}, &basis_a);
      REQUIRE(x == IsConcrete(b, cues, sentence.span, {}, &basis_b));
      REQUIRE(basis_a == basis_b);
      concrete += x;
      auto ca = ClauseCue(a, cues, sentence.span.begin), cb = ClauseCue(b, cues, sentence.span.begin);
      REQUIRE(ca.has_value() == cb.has_value());
      if (ca) REQUIRE(ca->word == cb->word);
    }
  }
  CHECK(paths > 50);
  CHECK(listed > 20);
  CHECK(concrete > 0);
}

}  // namespace
}  // namespace fazhi
