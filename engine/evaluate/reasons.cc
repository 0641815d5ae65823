// Reasons from the decision (see reasons.h).
#include "evaluate/reasons.h"

#include <algorithm>

#include "evaluate/check_support.h"

namespace fazhi {

namespace {

// The reasons read the outcomes' element words in place: lists of pointers to them, no copies, in two buffers this
// thread reuses (a reason is built to the end before the next one starts).
using Words = std::vector<const std::string*>;

Words& Refs(const std::vector<std::string>& items, bool second) {
  thread_local Words buffers[2];
  Words& out = buffers[second];
  out.assign(items.size(), nullptr);
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = &items[i];
  return out;
}

void AppendJoined(std::string& out, const Words& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += "、";
    out += *items[i];
  }
}

void AddUnique(Words& to, const std::vector<std::string>& from) {
  for (const auto& x : from)
    if (std::none_of(to.begin(), to.end(), [&](const std::string* t) { return *t == x; })) to.push_back(&x);
}

// What made a quoted sentence concrete, in words: "列出了《…》", "有数据“12件”", "写明了具体做法“制定”".
void AppendBasisWords(std::string& out, const std::string& basis) {
  if (basis.starts_with("《")) out += "列出了";
  // “ is three bytes; a number follows it when the basis is a count.
  else if (basis.size() > 3 && basis[3] >= '0' && basis[3] <= '9') out += "有数据";
  else out += "写明了具体做法";
  out += basis;
}

// The first concrete sentence among `refs` with its basis (AppendBasisWords words it); null when none is concrete.
const std::string* ConcreteBasis(const std::vector<EvidenceRef>& refs) {
  for (const auto& r : refs)
    if (r.concrete && !r.basis.empty()) return &r.basis;
  return nullptr;
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

// Room for a reason: its fixed words, the elements, the basis and the rule's message, so that it is built in one
// allocation (appended in place, no temporaries).
std::size_t ReasonSize(const Words& found, const Words& missing, const std::string* basis,
                       std::string_view rule_message) {
  std::size_t n = 96 + rule_message.size() + (basis ? basis->size() : 0);
  for (const std::string* x : found) n += x->size() + 3;
  for (const std::string* x : missing) n += x->size() + 3;
  return n;
}

std::string WithRuleMessage(std::string reason, std::string_view rule_message) {
  if (!rule_message.empty()) reason.append("；").append(rule_message);
  return reason;
}

}  // namespace

std::string PartialReason(const Outcome& pass, const Outcome* partial, std::string_view rule_message,
                          bool problems_part) {
  // The evidence quoted is the pass condition's when it graded partial, otherwise the partial condition's.
  const bool from_pass = pass.grade == Grade::kPartial || !partial;
  const std::vector<EvidenceRef>& shown = from_pass ? pass.support : partial->support;
  // The pass condition's near miss says more than the partial condition's terms; those only when it found nothing.
  Words& found = Refs(pass.found, false);
  if (!from_pass && found.empty()) AddUnique(found, partial->found);
  Words& missing = Refs(pass.missing, true);
  DropFound(missing, found);
  const bool only_concreteness =
      !missing.empty() && std::all_of(missing.begin(), missing.end(), [](const std::string* m) {
        return *m == kConcreteElement;
      });
  const std::string* basis = problems_part ? nullptr : ConcreteBasis(shown);
  std::string reason;
  reason.reserve(ReasonSize(found, missing, basis, rule_message));
  if (missing.empty() && !from_pass) {
    // The pass condition names no elements (a date, a number, a pattern): say what the partial one found.
    if (found.empty()) {
      reason += "有相关表述";
    } else {
      reason += "写到了";
      AppendJoined(reason, found);
    }
    if (basis) {
      reason += "（所引句子";
      AppendBasisWords(reason, *basis);
      reason += "）";
    }
    reason += "，但不满足本项的判定条件";
    return WithRuleMessage(std::move(reason), rule_message);
  }
  if (missing.empty() || only_concreteness) {
    // Every element is there; what falls short is how concretely it is written.
    if (!found.empty()) {
      reason += "写到了";
      AppendJoined(reason, found);
      reason += basis ? "，" : "，但";
    }
    if (!basis) {
      reason += kGenericReason;
    } else {
      reason += "所引句子";
      AppendBasisWords(reason, *basis);
      reason += "，但未达到本项“具体”的要求";
    }
    return WithRuleMessage(std::move(reason), rule_message);
  }
  std::erase_if(missing, [](const std::string* m) { return *m == kConcreteElement; });
  if (found.empty() && !basis) {
    reason += "仅有间接相关的表述，未写明";
  } else {
    if (!found.empty()) {
      reason += "写明了";
      AppendJoined(reason, found);
      reason += "，";
    }
    if (basis) {
      reason += "所引句子";
      AppendBasisWords(reason, *basis);
      reason += "，";
    }
    reason += "但未写明";
  }
  AppendJoined(reason, missing);
  return WithRuleMessage(std::move(reason), rule_message);
}

std::string FailReason(const Outcome& pass, const Outcome* partial, std::string_view note,
                       std::string_view rule_message) {
  Words& found = Refs(pass.found, false);
  if (partial && found.empty()) AddUnique(found, partial->found);
  Words& missing = Refs(pass.missing, true);
  DropFound(missing, found);
  std::string reason;
  reason.reserve(ReasonSize(found, missing, nullptr, rule_message) + note.size());
  if (!found.empty() && !missing.empty()) {
    reason += "写明了";
    AppendJoined(reason, found);
    reason += "，但未写明";
    AppendJoined(reason, missing);
    if (!note.empty()) reason.append("；相关表述").append(note);
  } else if (!note.empty()) {
    reason += note;
  } else {
    reason += "未找到相关表述";
  }
  return WithRuleMessage(std::move(reason), rule_message);
}

}  // namespace fazhi
