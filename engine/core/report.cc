// Verdict and evidence names: the strings of the JSON contract (fazhi.check/1) and their Chinese labels.
#include "core/report.h"

#include <ostream>

namespace fazhi {

SharedText::SharedText(std::string s) : data_(std::make_shared<const std::string>(std::move(s))) {}

SharedText SharedText::Borrow(const std::string& s) {
  SharedText t;
  t.data_ = std::shared_ptr<const std::string>(std::shared_ptr<const std::string>(), &s);  // aliasing, no owner
  return t;
}

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

}  // namespace fazhi
