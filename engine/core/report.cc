// Verdict and evidence names: the strings of the JSON contract (fazhi.check/1) and their Chinese labels.
#include "core/report.h"

#include <algorithm>
#include <ostream>
#include <stdexcept>

namespace fazhi {

SharedText::SharedText(std::string s) : data_(std::make_shared<const std::string>(std::move(s))) {}

std::ostream& operator<<(std::ostream& out, const SharedText& t) { return out << t.str(); }

const std::string& SharedText::Empty() {
  static const std::string empty;
  return empty;
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kPartial: return "partial";
    case Verdict::kFail: return "fail";
    case Verdict::kNotApplicable: return "not_applicable";
    case Verdict::kNotCheckable: return "not_checkable";
    case Verdict::kWaived: return "waived";
    case Verdict::kError: return "error";
  }
  return "error";
}

const char* VerdictLabelZh(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "符合";
    case Verdict::kPartial: return "部分符合";
    case Verdict::kFail: return "不符合";
    case Verdict::kNotApplicable: return "不适用";
    case Verdict::kNotCheckable: return "无法判断";
    case Verdict::kWaived: return "已豁免";
    case Verdict::kError: return "错误";
  }
  return "错误";
}

std::optional<Verdict> ParseExpectedVerdict(std::string_view typed) {
  for (Verdict v : {Verdict::kPass, Verdict::kPartial, Verdict::kFail, Verdict::kNotApplicable, Verdict::kNotCheckable})
    if (typed == VerdictName(v) || typed == VerdictLabelZh(v)) return v;
  return std::nullopt;
}

std::string ExpectedVerdictOf(std::string_view typed) {
  const auto v = ParseExpectedVerdict(typed);
  return v ? VerdictName(*v) : "";
}

bool IsGap(Verdict v) { return v == Verdict::kFail || v == Verdict::kPartial; }

const char* EvidenceKindName(EvidenceKind k) {
  switch (k) {
    case EvidenceKind::kSupport: return "support";
    case EvidenceKind::kSelfReportedGap: return "self_reported_gap";
    case EvidenceKind::kPromiseOnly: return "promise_only";
    case EvidenceKind::kNegated: return "negated";
    case EvidenceKind::kContext: return "context";
  }
  return "support";
}

void VerdictCounts::Add(Verdict v) {
  switch (v) {
    case Verdict::kPass: ++pass; break;
    case Verdict::kPartial: ++partial; break;
    case Verdict::kFail: ++fail; break;
    case Verdict::kNotApplicable: ++not_applicable; break;
    case Verdict::kNotCheckable: ++not_checkable; break;
    case Verdict::kWaived: ++waived; break;
    case Verdict::kError: ++error; break;
  }
}

VerdictCounts& VerdictCounts::operator+=(const VerdictCounts& o) {
  pass += o.pass;
  partial += o.partial;
  fail += o.fail;
  not_applicable += o.not_applicable;
  not_checkable += o.not_checkable;
  waived += o.waived;
  error += o.error;
  return *this;
}

RuleResults::RuleResults(std::vector<RuleResult> results) {
  slots_.reserve(results.size());
  for (auto& r : results) push_back(std::move(r));
}

RuleResults::RuleResults(std::initializer_list<RuleResult> results) {
  slots_.reserve(results.size());
  for (const auto& r : results) push_back(r);
}

RuleResults::RuleResults(const RuleResults& other)
    : slots_(other.slots_), own_(other.own_), segments_(other.segments_) {
  Repoint();
}

RuleResults& RuleResults::operator=(const RuleResults& other) {
  if (this != &other) {
    slots_ = other.slots_;
    own_ = other.own_;
    segments_ = other.segments_;
    Repoint();
  }
  return *this;
}

RuleResults::RuleResults(RuleResults&& other) noexcept
    : slots_(std::move(other.slots_)), own_(std::move(other.own_)), segments_(std::move(other.segments_)) {
  Repoint();
}

RuleResults& RuleResults::operator=(RuleResults&& other) noexcept {
  if (this != &other) {
    slots_ = std::move(other.slots_);
    own_ = std::move(other.own_);
    segments_ = std::move(other.segments_);
    Repoint();
  }
  return *this;
}

void RuleResults::Repoint() {
  for (const auto& [slot, r] : own_) slots_[slot] = &r;
}

void RuleResults::push_back(RuleResult r) {
  own_.emplace_back(slots_.size(), std::move(r));
  slots_.push_back(&own_.back().second);
}

void RuleResults::AppendRun(std::shared_ptr<const Run> run) {
  if (!run || run->results.empty()) return;
  Segment seg{run, slots_.size()};
  for (const auto& r : run->results) slots_.push_back(&r);
  segments_.push_back(std::move(seg));
}

std::vector<std::size_t> RuleResults::OwnSlots() const {
  std::vector<std::size_t> out;
  out.reserve(own_.size());
  for (const auto& [slot, r] : own_) out.push_back(slot);
  std::sort(out.begin(), out.end());
  return out;
}

bool RuleResults::IsShared(std::size_t i) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), i,
                             [](std::size_t v, const Segment& s) { return v < s.first; });
  if (it == segments_.begin()) return false;
  const Segment& seg = *--it;
  std::size_t k = i - seg.first;
  return k < seg.run->results.size() && slots_[i] == &seg.run->results[k];
}

void RuleResults::Set(std::size_t i, RuleResult r) {
  if (i >= slots_.size()) throw std::out_of_range("RuleResults::Set");
  if (IsShared(i)) {
    own_.emplace_back(i, std::move(r));
    slots_[i] = &own_.back().second;
    return;
  }
  for (auto& [slot, own] : own_)
    if (slot == i) {
      own = std::move(r);
      return;
    }
}

RuleResult& RuleResults::Mutable(std::size_t i) {
  if (i >= slots_.size()) throw std::out_of_range("RuleResults::Mutable");
  if (IsShared(i)) {
    own_.emplace_back(i, *slots_[i]);
    slots_[i] = &own_.back().second;
    return own_.back().second;
  }
  for (auto& [slot, own] : own_)
    if (slot == i) return own;
  throw std::logic_error("RuleResults: a slot that is neither shared nor own");
}

}  // namespace fazhi
