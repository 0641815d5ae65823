// Hand-built documents and one-pack rule sets for check tests.
#include "evaluate/doc_builder.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "evaluate/evaluator.h"
#include "pipeline/compile.h"
#include "test_support.h"

namespace fazhi::test {

Document BuildDocument(const std::vector<std::pair<SectionRole, std::vector<std::string>>>& parts) {
  Document doc;
  doc.path = "built";
  Section root;
  doc.sections.push_back(root);
  for (const auto& [role, lines] : parts) {
    Section s;
    s.level = 1;
    s.parent = 0;
    s.role = role;
    s.span.begin = static_cast<std::uint32_t>(doc.text.size());
    s.line_begin = static_cast<std::uint32_t>(doc.line_starts.size() + 1);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::uint32_t begin = static_cast<std::uint32_t>(doc.text.size());
      doc.line_starts.push_back(begin);
      doc.text += lines[i];
      std::uint32_t end = static_cast<std::uint32_t>(doc.text.size());
      doc.text += "\n";
      if (i == 0) s.heading = lines[i];
      Paragraph p;
      p.span = {begin, end};
      p.section = static_cast<std::uint32_t>(doc.sections.size());
      p.line = static_cast<std::uint32_t>(doc.line_starts.size());
      p.first_sentence = static_cast<std::uint32_t>(doc.sentences.size());
      p.is_heading = i == 0;
      std::uint32_t start = begin;
      for (std::uint32_t k = begin; k < end;) {
        std::string_view rest(doc.text.data() + k, end - k);
        bool stop = rest.starts_with("。") || rest.starts_with("；");
        k += stop ? 3 : 1;
        if (stop || k >= end) {
          doc.sentences.push_back({{start, k}, static_cast<std::uint32_t>(doc.paragraphs.size())});
          start = k;
        }
      }
      p.sentence_count = static_cast<std::uint32_t>(doc.sentences.size()) - p.first_sentence;
      doc.paragraphs.push_back(p);
    }
    s.span.end = static_cast<std::uint32_t>(doc.text.size());
    s.line_end = static_cast<std::uint32_t>(doc.line_starts.size());
    doc.sections.push_back(s);
  }
  doc.sections[0].span = {0, static_cast<std::uint32_t>(doc.text.size())};
  return doc;
}

std::unique_ptr<RuleSet> CompileRules(const std::string& rules_yaml, Diagnostics& diags,
                                      const std::string& pack_extra) {
  TempDir dir;
  WriteFile(dir.path() / "t" / "pack.yaml", "pack: t\ntitle: 测试\nversion: 1.0.0\n" + pack_extra);
  WriteFile(dir.path() / "t" / "rules.yaml", rules_yaml);
  LoadOptions opts;
  opts.dirs = {dir.path().string()};
  auto set = LoadRuleSet(opts, diags);
  BuildSharedResults(*set);
  return set;
}

std::unique_ptr<RuleSet> LoadShippedRules() {
  LoadOptions opts;
  opts.dirs = {(SourceDir() / "rules").string()};
  Diagnostics diags;
  auto set = LoadRuleSet(opts, diags);
  BuildSharedResults(*set);
  REQUIRE_FALSE(HasErrors(diags));
  return set;
}

std::vector<std::string> AnchorTerms(const RuleSet& set, const std::string& id) {
  std::vector<std::string> out;
  const Rule* rule = set.Find(id);
  REQUIRE(rule != nullptr);
  for (TermId t : rule->anchors) out.push_back(set.matcher().Term(t));
  std::sort(out.begin(), out.end());
  return out;
}

void CheckSameResult(const RuleResult& got, const RuleResult& want) {
  INFO(want.rule->id);
  CHECK(got.rule == want.rule);  // the same rule of the same set
  CHECK(got.weight == want.weight);
  CHECK(got.verdict == want.verdict);
  CHECK(got.unwaived == want.unwaived);
  CHECK(got.message == want.message);
  CHECK(got.waiver() == want.waiver());
  REQUIRE(got.evidence.size() == want.evidence.size());
  for (std::size_t i = 0; i < want.evidence.size(); ++i) {
    CHECK(got.evidence[i].quote == want.evidence[i].quote);
    CHECK(got.evidence[i].byte_start == want.evidence[i].byte_start);
  }
}

std::vector<RuleResult> CheckSettledEqualsFull(const RuleSet& set, const Document& doc) {
  Hits hits = set.matcher().Scan(doc.text);
  Diagnostics diags;
  std::vector<RuleResult> fast = EvaluateRules(doc, hits, set, diags);
  EvalContext ctx{doc, hits, set.matcher()};
  std::size_t i = 0;
  for (const auto& p : set.packs())
    for (const auto& r : p->rules) {
      REQUIRE(i < fast.size());
      CheckSameResult(fast[i++], EvaluateRule(doc, ctx, *p, *r, nullptr));
    }
  CHECK(i == fast.size());
  return fast;
}

std::string VerdictOf(const RuleSet& set, const Document& doc, const std::string& id, RuleResult* result) {
  Hits hits = set.matcher().Scan(doc.text);
  EvalContext ctx{doc, hits, set.matcher()};
  for (const auto& pack : set.packs())
    for (const auto& rule : pack->rules)
      if (rule->id == id) {
        RuleResult r = EvaluateRule(doc, ctx, *pack, *rule, nullptr);
        if (result) *result = r;
        return VerdictName(r.verdict);
      }
  return "missing";
}

}  // namespace fazhi::test
