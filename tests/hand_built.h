// Rules for hand-built results (render, score and waiver tests): a RuleResult points at its rule's RuleInfo
// (core/report.h), which must outlive it, so these are kept until the test binary exits.
#pragma once

#include <deque>
#include <string>

#include "core/report.h"

namespace fazhi::test {

inline std::deque<RuleInfo>& KeptRuleInfos() {
  static std::deque<RuleInfo> kept;  // a deque never moves what it holds
  return kept;
}

// A kept RuleInfo with id "<pack>/<local_id>" (weight 1).
inline const RuleInfo* KeptRule(const std::string& pack, const std::string& local_id, const std::string& category = "",
                                const std::string& title = "", Severity severity = Severity::kMedium) {
  RuleInfo& info = KeptRuleInfos().emplace_back();
  info.id = pack + "/" + local_id;
  info.pack = pack;
  info.category = category;
  info.title = title;
  info.severity = severity;
  return &info;
}

// The rule of a hand-built result, to change: a kept copy that the result then points at.
inline RuleInfo& EditRule(RuleResult& r) {
  RuleInfo& info = KeptRuleInfos().emplace_back(r.rule ? *r.rule : RuleInfo{});
  r.rule = &info;
  return info;
}

}  // namespace fazhi::test
