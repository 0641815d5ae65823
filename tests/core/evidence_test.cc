// Evidence's texts are views into shared blocks (core/report.h): copies must read the same after the report, its
// document and the blocks' later users are gone, and a report's quotes must not cost an allocation each.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/report.h"
#include "core/utf8.h"
#include "evaluate/doc_builder.h"
#include "pipeline/check.h"
#include "test_support.h"

namespace fazhi {
namespace {

struct Copied {
  Evidence e;
  std::string quote, section, role;
  std::vector<std::string> terms;
};

Copied Keep(const Evidence& e) {
  return {e, std::string(e.quote), std::string(e.section), std::string(e.role),
          std::vector<std::string>(e.terms.begin(), e.terms.end())};
}

void CheckSame(const Copied& c) {
  CHECK(c.e.quote == c.quote);
  CHECK(c.e.section == c.section);
  CHECK(c.e.role == c.role);
  CHECK(std::vector<std::string>(c.e.terms.begin(), c.e.terms.end()) == c.terms);
}

bool SameBlock(const Evidence& a, const Evidence& b) {
  return !a.bytes.owner_before(b.bytes) && !b.bytes.owner_before(a.bytes);
}

}  // namespace

TEST_CASE("evidence copied out of a report reads the same after the report and later reports are gone",
          "[core][evidence]") {
  auto rules = test::LoadShippedRules();
  const auto reports = test::RealReports();
  REQUIRE(reports.size() >= 2);
  std::vector<Copied> kept;
  {
    Report first = Check(*rules, Input::File(reports[0].string()), CheckOptions{});
    REQUIRE(first.status == CheckStatus::kChecked);
    std::vector<const Evidence*> all;
    for (const auto& r : first.results)
      for (const auto& e : r.evidence) kept.push_back(Keep(e)), all.push_back(&e);
    REQUIRE(all.size() >= 10);
    // The quotes of one report share a block or two (64 KiB each), not an allocation each.
    std::size_t blocks = 1;
    for (std::size_t i = 1; i < all.size(); ++i)
      if (!SameBlock(*all[i], *all[i - 1])) ++blocks;
    CHECK(blocks <= 3);
  }
  // Later reports on this thread fill the block the first one used and move on to new ones.
  for (int round = 0; round < 3; ++round)
    for (std::size_t i = 1; i < reports.size(); ++i) {
      Report later = Check(*rules, Input::File(reports[i].string()), CheckOptions{});
      CHECK(later.status == CheckStatus::kChecked);
    }
  for (const auto& c : kept) CheckSame(c);
}

TEST_CASE("an owned evidence keeps its own copies of the texts it viewed", "[core][evidence]") {
  auto quote = std::make_unique<std::string>("全年审核规范性文件23件。");
  auto section = std::make_unique<std::string>("一、主要举措");
  auto term = std::make_unique<std::string>("规范性文件");
  Evidence e;
  e.quote = *quote;
  e.section = *section;
  e.role = "measures";
  e.SetTerms({*term, "审核"});
  const Evidence copy = e;
  quote->assign(quote->size(), 'x'), section->assign(section->size(), 'y'), term->assign(term->size(), 'z');
  quote.reset(), section.reset(), term.reset();
  for (const Evidence* x : std::vector<const Evidence*>{&e, &copy}) {
    CHECK(x->quote == "全年审核规范性文件23件。");
    CHECK(x->section == "一、主要举措");
    CHECK(x->role == "measures");
    REQUIRE(x->terms.size() == 2);
    CHECK(x->terms[0] == "规范性文件");
    CHECK(x->terms[1] == "审核");
  }
  CHECK(SameBlock(e, copy));

  // Own() on an evidence whose texts are in its own block already: copies them again, the old block can go.
  Evidence again = copy;
  again.Own();
  CHECK_FALSE(SameBlock(again, copy));
  CHECK(again.quote == copy.quote);
  CHECK(again.terms[1] == "审核");
}

TEST_CASE("evidence blocks: a text longer than a block gets one of its own, earlier texts stay", "[core][evidence]") {
  EvidenceBlocks blocks(64);
  Evidence small, big, next;
  const std::string_view terms[] = {"依法", "行政"};
  blocks.Place(small, "短句", "", "一、", "measures", false, terms);
  const std::string long_quote(300, 'q');
  blocks.Place(big, long_quote, "……", "二、", "plan", true, {});
  blocks.Place(next, "另一句", "", "三、", "measures", false, terms);
  CHECK(small.quote == "短句");
  CHECK(small.terms.size() == 2);
  CHECK(small.terms[1] == "行政");
  CHECK(big.quote == long_quote + "……");
  CHECK(big.role == "plan");
  CHECK(big.terms.empty());
  CHECK(next.quote == "另一句");
  CHECK(next.section == "三、");
  CHECK_FALSE(SameBlock(small, big));
  CHECK_FALSE(SameBlock(big, next));
}

}  // namespace fazhi

namespace fazhi {

// MakeEvidence's placing (EvidenceBlocks::PlaceQuote): a sentence or heading path quoted again is pointed at, not
// copied again — found by the address it came from, and only when the bytes there are still the same (the next
// document's text may be where this one's was).
TEST_CASE("evidence blocks: a quote placed again shares the bytes placed before, only when they are the same",
          "[core][evidence]") {
  const auto expected_quote = [](std::string_view whole) {
    std::string_view head = TruncateChars(whole, 10);
    return std::string(head) + (head.size() < whole.size() ? "……" : "");
  };
  EvidenceBlocks blocks;
  std::string text = "全年审核规范性文件二十三件，纠正四件。";  // 19 characters: cut after 10
  std::string section = "一、主要举措";
  const std::string_view terms[] = {"规范性文件"};
  Evidence a, b, c, d, e;
  blocks.PlaceQuote(a, text, 10, section, "measures", terms);
  blocks.PlaceQuote(b, text, 10, section, "measures", terms);
  CHECK(a.quote == expected_quote(text));
  CHECK(b.quote.data() == a.quote.data());  // shared
  CHECK(b.section.data() == a.section.data());
  CHECK(b.terms[0] == "规范性文件");

  // The same address, the same length, other bytes before the cut: copied anew; the first quote reads as it did.
  const std::string first = std::string(a.quote);
  text.replace(0, 6, "今年");  // two characters of three bytes each, in place
  REQUIRE(text.size() == std::string("全年审核规范性文件二十三件，纠正四件。").size());
  section.replace(0, 3, "二");
  blocks.PlaceQuote(c, text, 10, section, "measures", terms);
  CHECK(c.quote == expected_quote(text));
  CHECK(c.quote.data() != a.quote.data());
  CHECK(c.section == "二、主要举措");
  CHECK(a.quote == first);
  CHECK(a.section == "一、主要举措");

  // Other bytes only after the cut: the quote is the same one (cut at the same place)…
  text.replace(text.size() - 6, 6, "两件");
  blocks.PlaceQuote(d, text, 10, section, "measures", terms);
  CHECK(d.quote == expected_quote(text));
  CHECK(d.quote.data() == c.quote.data());
  // …but not when the byte at the cut no longer starts a character: the cut falls elsewhere.
  const std::size_t cut = TruncateChars(text, 10).size();
  text[cut] = '\x80';
  blocks.PlaceQuote(e, text, 10, section, "measures", terms);
  CHECK(e.quote == expected_quote(text));
  CHECK(e.quote.data() != c.quote.data());
  CHECK(e.quote.size() > c.quote.size());

  // A text not cut: shared when the same, including with another text of another length at the same address.
  std::string shorter = "依法行政。";
  Evidence f, g, h;
  blocks.PlaceQuote(f, shorter, 10, {}, {}, {});
  blocks.PlaceQuote(g, shorter, 10, {}, {}, {});
  CHECK(g.quote.data() == f.quote.data());
  shorter.resize(shorter.size() - 3);  // "依法行政": the same address, shorter
  blocks.PlaceQuote(h, shorter, 10, {}, {}, {});
  CHECK(h.quote == "依法行政");
  CHECK(f.quote == "依法行政。");
}

// Shared quotes live in the block of the one placed first: a new block starts over, and the old one stays while a
// quote in it is read.
TEST_CASE("evidence blocks: a quote placed again after the block filled up is copied into the new block",
          "[core][evidence]") {
  EvidenceBlocks blocks(256);
  const std::string text = "全年审核规范性文件二十三件。";
  Evidence first, filler, again;
  blocks.PlaceQuote(first, text, 100, "一、", "measures", {});
  const std::string big(220, 'x');
  blocks.PlaceQuote(filler, big, 1000, "二、", "measures", {});  // fills the block: the next piece needs a new one
  blocks.PlaceQuote(again, text, 100, "一、", "measures", {});
  CHECK(again.quote == text);
  CHECK_FALSE(SameBlock(first, again));
  CHECK(again.quote.data() != first.quote.data());  // a view into a block `again` holds, not the old one
  const Evidence kept = again;
  first = Evidence{}, filler = Evidence{};
  CHECK(kept.quote == text);
}

}  // namespace fazhi
