// Section roles: from heading words first, then from position and content for parts without a telling heading.
#pragma once

#include <string_view>

#include "core/document.h"

namespace fazhi::seg {

// The role a heading names, or kNone. When it names two parts, coordinated ones give the first
// ("存在的问题及原因分析" → shortcomings) and otherwise the head noun, which comes last ("存在问题的原因" → causes);
// cues that follow a verb naming an action are not parts ("制定年度工作计划", "整改存在的问题", "补齐短板").
SectionRole RoleFromHeading(std::string_view heading);

// Whether a section inside a part of role `outer` (the nearest classified ancestor; kNone at the top) may carry
// role `inner` of its own. A part under 存在的问题 or 下一步工作安排 keeps its ancestor's meaning even when its
// heading mentions 第一责任 ("(一)持续落实法治建设第一责任仍待深化" is a shortcoming, not a duty report).
bool RoleFitsInside(SectionRole inner, SectionRole outer);

// Content pass after the tree is built: top-level numbered parts that name no role and come before the first
// shortcomings/causes/plan part are the year's measures (Longhua's 一…七 report work done under headings like
// "积极统筹部署和指导监督，高效推进法治政府建设").
void AssignPositionalRoles(Document& doc, const std::vector<bool>& synthetic);

}  // namespace fazhi::seg
