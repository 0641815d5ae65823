// Reasons from the decision (see reasons.h).
#include "evaluate/reasons.h"

#include <algorithm>

#include "evaluate/check_support.h"

namespace fazhi {

namespace {

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

}  // namespace

std::string PartialReason(const Outcome& pass, const Outcome* partial, std::string_view rule_message,
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

std::string FailReason(const Outcome& pass, const Outcome* partial, std::string_view note,
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

}  // namespace fazhi
