// The reasons (evaluate/reasons.cc) built in place, in one allocation, give the very bytes the former build of
// temporaries gave: that build is kept here as the reference and both are asked about random outcomes — every branch
// (elements found or not, missing or not, only concreteness missing, a concrete basis of each kind or none, the
// partial condition's outcome or none, a note, a rule message or none).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "evaluate/check_support.h"
#include "evaluate/reasons.h"

namespace fazhi {
namespace {

// The former evaluate/reasons.cc (session 10), unchanged but for the two names.
namespace former {

// The reasons read the outcomes' element words in place: lists of pointers to them, no copies.
using Words = std::vector<const std::string*>;

Words Refs(const std::vector<std::string>& items) {
  Words out;
  out.reserve(items.size());
  for (const auto& x : items) out.push_back(&x);
  return out;
}

std::string Join(const Words& items) {
  std::string out;
  for (const std::string* x : items) {
    if (!out.empty()) out += "、";
    out += *x;
  }
  return out;
}

void AddUnique(Words& to, const std::vector<std::string>& from) {
  for (const auto& x : from)
    if (std::none_of(to.begin(), to.end(), [&](const std::string* t) { return *t == x; })) to.push_back(&x);
}

// What made a quoted sentence concrete, in words: "列出了《…》", "有数据“12件”", "写明了具体做法“制定”".
std::string BasisWords(const std::string& basis) {
  if (basis.starts_with("《")) return "列出了" + basis;
  // “ is three bytes; a number follows it when the basis is a count.
  if (basis.size() > 3 && basis[3] >= '0' && basis[3] <= '9') return "有数据" + basis;
  return "写明了具体做法" + basis;
}

// The first concrete sentence among `refs`, in words; "" when none is concrete.
std::string ConcreteWords(const std::vector<EvidenceRef>& refs) {
  for (const auto& r : refs)
    if (r.concrete && !r.basis.empty()) return BasisWords(r.basis);
  return {};
}

// The first quoted term of an element ("“法律顾问”等" → "法律顾问"); "" when none.
std::string_view QuotedTerm(std::string_view element) {
  auto open = element.find("“");
  if (open == std::string_view::npos) return {};
  auto close = element.find("”", open);
  return close == std::string_view::npos ? std::string_view() : element.substr(open + 3, close - open - 3);
}

// Several conditions (all/any) each report their own near miss: an element one of them found is not missing.
void DropFound(Words& missing, const Words& found) {
  std::erase_if(missing, [&](const std::string* m) {
    std::string_view t = QuotedTerm(*m);
    if (t.empty() || m->find("或") != std::string::npos) return false;
    return std::any_of(found.begin(), found.end(), [&](const std::string* f) { return QuotedTerm(*f) == t; });
  });
}

std::string WithRuleMessage(std::string reason, std::string_view rule_message) {
  if (!rule_message.empty()) {
    // Appended in place, grown once: no temporary copy of the rule's message (a long sentence) per verdict.
    reason.reserve(reason.size() + 3 + rule_message.size());
    reason.append("；").append(rule_message);
  }
  return reason;
}

std::string ReferencePartialReason(const Outcome& pass, const Outcome* partial, std::string_view rule_message,
                          bool problems_part) {
  // The evidence quoted is the pass condition's when it graded partial, otherwise the partial condition's.
  const bool from_pass = pass.grade == Grade::kPartial || !partial;
  const std::vector<EvidenceRef>& shown = from_pass ? pass.support : partial->support;
  // The pass condition's near miss says more than the partial condition's terms; those only when it found nothing.
  Words found = Refs(pass.found);
  if (!from_pass && found.empty()) AddUnique(found, partial->found);
  Words missing = Refs(pass.missing);
  DropFound(missing, found);
  const bool only_concreteness =
      !missing.empty() && std::all_of(missing.begin(), missing.end(), [](const std::string* m) {
        return *m == kConcreteElement;
      });
  const std::string concrete = problems_part ? std::string() : ConcreteWords(shown);
  std::string reason;
  if (missing.empty() && !from_pass) {
    // The pass condition names no elements (a date, a number, a pattern): say what the partial one found.
    reason = (found.empty() ? std::string("有相关表述") : "写到了" + Join(found)) +
             (concrete.empty() ? "" : "（所引句子" + concrete + "）") + "，但不满足本项的判定条件";
    return WithRuleMessage(std::move(reason), rule_message);
  }
  if (missing.empty() || only_concreteness) {
    // Every element is there; what falls short is how concretely it is written.
    if (concrete.empty()) {
      reason = found.empty() ? kGenericReason : "写到了" + Join(found) + "，但" + kGenericReason;
    } else {
      reason = (found.empty() ? std::string("所引句子") : "写到了" + Join(found) + "，所引句子") + concrete +
               "，但未达到本项“具体”的要求";
    }
    return WithRuleMessage(std::move(reason), rule_message);
  }
  std::erase_if(missing, [](const std::string* m) { return *m == kConcreteElement; });
  if (!found.empty()) reason = "写明了" + Join(found) + (concrete.empty() ? "" : "，所引句子" + concrete) + "，";
  else if (!concrete.empty()) reason = "所引句子" + concrete + "，";
  reason += "但未写明" + Join(missing);
  if (found.empty() && concrete.empty()) reason = "仅有间接相关的表述，未写明" + Join(missing);
  return WithRuleMessage(std::move(reason), rule_message);
}

std::string ReferenceFailReason(const Outcome& pass, const Outcome* partial, std::string_view note,
                       std::string_view rule_message) {
  Words found = Refs(pass.found);
  if (partial && found.empty()) AddUnique(found, partial->found);
  Words missing = Refs(pass.missing);
  DropFound(missing, found);
  std::string reason;
  if (!found.empty() && !missing.empty()) {
    reason = "写明了" + Join(found) + "，但未写明" + Join(missing);
    if (!note.empty()) reason += "；相关表述" + std::string(note);
  } else if (!note.empty()) {
    reason = std::string(note);
  } else {
    reason = "未找到相关表述";
  }
  return WithRuleMessage(std::move(reason), rule_message);
}

}  // namespace former

Outcome RandomOutcome(std::mt19937& rng) {
  static const std::vector<std::string> kElements = {
      "决策事项目录的编制", "向社会公布", "“法律顾问”等", "“公布”", "目录的编制（“决策事项目录”）", kConcreteElement,
      "“原因”部分或“究其原因”等", "“听证”", "至少 2 处具体表述（现有 1 处）", "“法律顾问”"};
  static const std::vector<std::string> kBases = {"《重大行政决策程序规定》", "“12件”", "“制定”", "“3.5%”", ""};
  Outcome o;
  o.grade = static_cast<Grade>(rng() % 3);
  auto pick = [&](std::vector<std::string>& to) {
    for (std::size_t n = rng() % 4; n > 0; --n) to.push_back(kElements[rng() % kElements.size()]);
  };
  pick(o.found);
  pick(o.missing);
  if (rng() % 5 == 0) o.missing.assign(1 + rng() % 2, kConcreteElement);
  for (std::size_t n = rng() % 4; n > 0; --n) {
    EvidenceRef ref;
    ref.concrete = rng() % 2;
    ref.basis = kBases[rng() % kBases.size()];
    o.support.push_back(ref);
  }
  return o;
}

TEST_CASE("reasons built in place give the former reasons' bytes on random outcomes", "[evaluate][reasons]") {
  std::mt19937 rng(2111);
  const std::vector<std::string> kMessages = {"", "应写明目录的编制和公布。"};
  const std::vector<std::string> kNotes = {"", "仅在“存在的问题/不足”部分提及（自述差距，不能视为已落实）"};
  std::size_t generic = 0, basis = 0, joined = 0;
  for (int round = 0; round < 20000; ++round) {
    const Outcome pass = RandomOutcome(rng), partial = RandomOutcome(rng);
    const Outcome* p = rng() % 3 == 0 ? nullptr : &partial;
    const std::string& message = kMessages[rng() % kMessages.size()];
    const std::string& note = kNotes[rng() % kNotes.size()];
    const bool problems = rng() % 4 == 0;
    const std::string got = PartialReason(pass, p, message, problems);
    const std::string want = former::ReferencePartialReason(pass, p, message, problems);
    if (got != want) {
      INFO("round " << round);
      REQUIRE(got == want);
    }
    const std::string fail = FailReason(pass, p, note, message);
    if (fail != former::ReferenceFailReason(pass, p, note, message)) {
      INFO("round " << round);
      REQUIRE(fail == former::ReferenceFailReason(pass, p, note, message));
    }
    generic += got.find(kGenericReason) != std::string::npos;
    basis += got.find("所引句子") != std::string::npos;
    joined += got.find("、") != std::string::npos;
  }
  // Every kind of reason was met.
  CHECK(generic > 100);
  CHECK(basis > 100);
  CHECK(joined > 100);
}

}  // namespace
}  // namespace fazhi
